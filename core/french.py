"""French typography the locale's formats leave out: « 1er » for the first of the month, elision before a vowel, and
thousands grouped in every number (« 1 000 »), which Django does only when USE_THOUSAND_SEPARATOR is on."""

import datetime
import functools
import re
import unicodedata

from django.utils.formats import date_format, number_format

# The site speaks only French (settings LANGUAGES): its names of months and days are written here once, rather than
# looked up in the translations at each date of a listing.
MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]

# The letters of Django's date formats the site writes dates with, and what each prints ("j": the day, « 1er » on the
# first of the month); a format with any other letter is left to Django's date_format.
DATE_CODES = {
    "j": lambda value: "1er" if value.day == 1 else str(value.day),
    "d": lambda value: f"{value.day:02d}",
    "l": lambda value: WEEKDAYS[value.weekday()],
    "F": lambda value: MONTHS[value.month - 1],
    "m": lambda value: f"{value.month:02d}",
    "n": lambda value: str(value.month),
    "Y": lambda value: f"{value.year:04d}",
}
TIME_CODES = {
    "H": lambda value: f"{value.hour:02d}",
    "i": lambda value: f"{value.minute:02d}",
}
# As django.utils.dateformat splits a format: its letters, unless escaped, and the escapes in between.
FORMAT_LETTERS = re.compile(r"(?<!\\)([aAbcdDeEfFgGhHiIjlLmMnNoOPrsStTUuwWyYzZ])")
ESCAPED = re.compile(r"\\(.)")
# Otherwise, the ordinal goes right after the day ("j"), escaped so that Django's formatter prints it as is.
FIRST = r"j\e\r"

# Words (and names) whose h is aspirated: « le héros », « de Hugues »… are not elided.
# Compared without accents.
ASPIRATED_H = {"hall", "halle", "hameau", "handicap", "hangar", "haut", "hauteur", "heros", "hors", "hugues"}

# The article or preposition and what it becomes before a vowel.
ELIDED = {"de": "d'", "De": "D'", "le": "l'", "Le": "L'", "la": "l'", "La": "L'", "que": "qu'", "Que": "Qu'"}


def format_date(value, format="j F Y"):
    """Django's date_format in French, the first of the month written « 1er » (« samedi 1er novembre »)."""
    parts = _parts(format, with_time=isinstance(value, datetime.datetime))
    if parts is None:
        return date_format(value, _with_ordinal(format) if value.day == 1 else format)
    return "".join(part if isinstance(part, str) else part(value) for part in parts)


def format_number(value):
    """A number with its thousands grouped as French writes them: « 1 000 »."""
    return number_format(value, force_grouping=True)


@functools.lru_cache(maxsize=128)  # the site's few formats
def _parts(format, with_time):
    """The format as literal strings and functions of the date, or None if a letter of it is not in DATE_CODES (or
    TIME_CODES, for a datetime)."""
    codes = {**DATE_CODES, **TIME_CODES} if with_time else DATE_CODES
    parts = []
    for index, piece in enumerate(FORMAT_LETTERS.split(format)):
        if index % 2:
            if piece not in codes:
                return None
            parts.append(codes[piece])
        elif piece:
            parts.append(ESCAPED.sub(r"\1", piece))
    return parts


def _with_ordinal(format):
    """Each day of month ("j") of the format followed by « er »; escaped characters (\\j) stay as they are."""
    parts = []
    escaped = False
    for char in format:
        parts.append(FIRST if char == "j" and not escaped else char)
        escaped = char == "\\" and not escaped
    return "".join(parts)


def elides(word):
    """Whether « de », « le », « la » and « que » lose their vowel before word: « d'Awa », « l'atelier », but
    « de Yann », « le hameau »."""
    letters = _plain(word)
    if not letters or not letters[0].isalpha():
        return False
    first, rest = letters[0], letters[1:]
    if first in "aeiouœæ":
        return True
    if first == "y":
        # A y before a vowel is a consonant: « de Yann », but « d'Yves ».
        return bool(rest) and rest[0] not in "aeiouy"
    if first == "h":
        return bool(rest) and rest[0] in "aeiouy" and letters.split()[0].strip(".,;:!?") not in ASPIRATED_H
    return False


def elide(article, word):
    """article (« de », « le », « la », « que ») and word, as French writes them: « d'Awa », « de Marc »."""
    return f"{before(article, word)}{word}"


def before(article, word):
    """The article as it is written before word: « d' » before « Awa », « de » and a space before « Marc »."""
    if article in ELIDED and elides(word):
        return ELIDED[article]
    return f"{article} "


def _plain(word):
    """word in lowercase without its accents, so « Émile » starts with an e."""
    decomposed = unicodedata.normalize("NFD", str(word).strip().lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
