"""How long a text typed on the site may be: far more than any real page needs, little enough that rendering it
stays cheap (Markdown's cost grows faster than its length on some inputs)."""

TEXT_MAX_LENGTH = 20_000
