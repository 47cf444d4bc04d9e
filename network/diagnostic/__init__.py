"""The diagnostic kit: a plain-language self-assessment of digital autonomy, its result and its anonymous counts."""
