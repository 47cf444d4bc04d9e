"""OpenStreetMap `opening_hours` values in plain French (the common subset), and a check for broken ones."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DAYS = {
    "Mo": "lundi",
    "Tu": "mardi",
    "We": "mercredi",
    "Th": "jeudi",
    "Fr": "vendredi",
    "Sa": "samedi",
    "Su": "dimanche",
}
DAY_ORDER = list(DAYS)
KNOWN_WORDS = set(DAYS) | {
    "PH",
    "SH",
    "off",
    "closed",
    "open",
    "unknown",
    "week",
    "easter",
    "sunrise",
    "sunset",
    "dawn",
    "dusk",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
}
_DAY = r"(?:Mo|Tu|We|Th|Fr|Sa|Su|PH)"
_DAY_ITEM = rf"{_DAY}(?:-{_DAY})?"
_TIME = r"(?:[01]?\d|2[0-4]):[0-5]\d"
_RANGE = rf"{_TIME}-{_TIME}"
RULE = re.compile(rf"^(?P<days>{_DAY_ITEM}(?:,{_DAY_ITEM})*)?\s*(?P<times>{_RANGE}(?:\s*,\s*{_RANGE})*|off|closed)?$")


class UnparsedError(ValueError):
    pass


def _time(text):
    hours, minutes = (int(part) for part in text.split(":"))
    return f"{hours} h" if minutes == 0 else f"{hours} h {minutes:02d}"


def hour(value):
    """A time as French writes it: 9 h, 17 h 30."""
    return f"{value.hour} h" if value.minute == 0 else f"{value.hour} h {value.minute:02d}"


def _join(parts):
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " et " + parts[-1]


def _days(selector):
    parts = []
    for item in selector.split(","):
        if "-" in item:
            first, last = item.split("-")
            if first not in DAYS or last not in DAYS:
                raise UnparsedError(selector)
            if DAY_ORDER.index(first) == 0 and DAY_ORDER.index(last) == 6:
                parts.append("tous les jours")
            else:
                parts.append(f"du {DAYS[first]} au {DAYS[last]}")
        elif item == "PH":
            parts.append("les jours fériés")
        else:
            parts.append(f"le {DAYS[item]}")
    return _join(parts)


def _times(text):
    ranges = [part.strip() for part in text.split(",")]
    return _join([f"de {_time(start)} à {_time(end)}" for start, end in (r.split("-") for r in ranges)])


def _rule(rule):
    match = RULE.match(rule)
    if not match or not (match["days"] or match["times"]):
        raise UnparsedError(rule)
    days = _days(match["days"]) if match["days"] else "tous les jours"
    times = match["times"]
    if times in ("off", "closed"):
        return f"fermé {days}"
    if not times:
        return f"ouvert {days}"
    return f"{days} {_times(times)}"


def to_french(value):
    """'Mo-Fr 09:00-12:00,14:00-17:30; PH off' → 'du lundi au vendredi de 9 h à 12 h et de 14 h à 17 h 30 ; …'.

    Raises UnparsedError for what this subset does not understand."""
    value = (value or "").strip()
    if not value:
        return ""
    if value == "24/7":
        return "ouvert 24 h sur 24, 7 jours sur 7"
    rules = [rule.strip() for rule in value.split(";") if rule.strip()]
    return " ; ".join(_rule(rule) for rule in rules)


def display(value):
    """Plain French if we understand it, the raw value otherwise (never fails)."""
    try:
        return to_french(value)
    except UnparsedError:
        return value


def validate_opening_hours(value):
    """Rejects obviously broken values; accepts the OSM syntax beyond our subset (months, weeks…)."""
    text = re.sub(r'"[^"]*"', "", value or "")
    message = _(
        "Ces horaires ne suivent pas la syntaxe OpenStreetMap (exemple : « Mo-Fr 09:00-12:00,14:00-17:30; "
        "Sa 09:00-12:00; PH off »). Problème : %(problem)s"
    )
    for word in re.findall(r"[A-Za-zÀ-ÿ]+", text):
        if word not in KNOWN_WORDS:
            raise ValidationError(message, params={"problem": f"« {word} » n'est pas reconnu"}, code="opening_hours")
    for hours, minutes in re.findall(r"(\d{1,2}):(\d{1,2})", text):
        if int(hours) > 24 or int(minutes) > 59 or len(minutes) != 2:
            raise ValidationError(
                message, params={"problem": f"l'heure « {hours}:{minutes} » n'existe pas"}, code="opening_hours"
            )
    if re.search(r"[^\w\s:;,\-+/\[\]()|.\"]", text):
        raise ValidationError(message, params={"problem": "caractère inattendu"}, code="opening_hours")
