"""The collective itself: its settings, its funders and their publicity on every support."""
