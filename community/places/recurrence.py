"""A recurring mobile session's rule (weekly or monthly, bounded), as dateutil computes it and iCalendar writes it.

One set of rule parts feeds both, so the dates materialised here are the dates a diary expands from the RRULE."""

import datetime

from dateutil import rrule
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MAX_OCCURRENCES = 52

WEEKLY = "weekly"
MONTHLY_WEEKDAY = "monthly-weekday"
MONTHLY_DAY = "monthly-day"
FREQUENCY_CHOICES = [
    (WEEKLY, gettext_lazy("Chaque semaine")),
    (MONTHLY_WEEKDAY, gettext_lazy("Chaque mois, le même jour de la semaine (ex. le 2e mardi)")),
    (MONTHLY_DAY, gettext_lazy("Chaque mois, le même jour du mois (ex. le 15)")),
]

_WEEKDAYS = [rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU]
_ICAL_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


class InvalidRule(ValueError):  # noqa: N818 — domain names, as the style guide asks
    """A rule that cannot be materialised; its message is French and names the field at fault."""

    def __init__(self, field, message):
        super().__init__(message)
        self.field = field
        self.message = message


def weekday_ordinal(day):
    """The 2nd Tuesday is +2; a 5th one becomes -1, « le dernier », which every month has."""
    ordinal = (day.day - 1) // 7 + 1
    return -1 if ordinal == 5 else ordinal


def _kwargs(frequency, first_date):
    if frequency == WEEKLY:
        return {"freq": rrule.WEEKLY}
    if frequency == MONTHLY_WEEKDAY:
        return {"freq": rrule.MONTHLY, "byweekday": _WEEKDAYS[first_date.weekday()](weekday_ordinal(first_date))}
    if frequency == MONTHLY_DAY:
        return {"freq": rrule.MONTHLY, "bymonthday": first_date.day}
    raise InvalidRule("frequency", _("Choisissez une fréquence : chaque semaine ou chaque mois."))


def check(frequency, first_date, interval, until, count):
    """Raise InvalidRule with a French message unless the rule gives between 1 and MAX_OCCURRENCES dates."""
    if first_date is None:
        raise InvalidRule("first_date", _("Indiquez la date de la première séance."))
    if not interval or interval < 1 or interval > 12:
        raise InvalidRule("interval", _("L'intervalle va de 1 à 12."))
    if until and count:
        raise InvalidRule("count", _("Choisissez une date de fin ou un nombre de séances, pas les deux."))
    if not until and not count:
        raise InvalidRule("until", _("Indiquez une date de fin ou un nombre de séances."))
    if count is not None and not 1 <= count <= MAX_OCCURRENCES:
        raise InvalidRule("count", _("Une série compte de 1 à %(max)s séances.") % {"max": MAX_OCCURRENCES})
    if until and until < first_date:
        raise InvalidRule("until", _("La date de fin doit suivre la première séance."))
    _kwargs(frequency, first_date)
    # One more than the bound is enough to know the rule goes past it.
    found = _rule(frequency, first_date, interval, until, None if until else count)
    total = sum(1 for _moment in _limited(found, MAX_OCCURRENCES + 1))
    if total > MAX_OCCURRENCES:
        raise InvalidRule(
            "until",
            _("Cette règle donne plus de %(max)s séances : rapprochez la date de fin.") % {"max": MAX_OCCURRENCES},
        )


def _limited(rule, limit):
    for index, moment in enumerate(rule):
        if index >= limit:
            return
        yield moment


def _rule(frequency, first_date, interval, until, count):
    start = datetime.datetime.combine(first_date, datetime.time())
    end = datetime.datetime.combine(until, datetime.time()) if until else None
    return rrule.rrule(dtstart=start, interval=interval, until=end, count=count, **_kwargs(frequency, first_date))


def dates(frequency, first_date, interval, until, count):
    """The original dates of the occurrences, at most MAX_OCCURRENCES of them."""
    rule = _rule(frequency, first_date, interval, until, None if until else count)
    return [moment.date() for moment in _limited(rule, MAX_OCCURRENCES)]


def ical_parts(frequency, first_date, interval, until_utc, count):
    """The RRULE parts (for icalendar's vRecur); UNTIL is in UTC, as RFC 5545 wants when DTSTART has a TZID."""
    parts = {"freq": "WEEKLY" if frequency == WEEKLY else "MONTHLY"}
    if interval > 1:
        parts["interval"] = interval
    if frequency == MONTHLY_WEEKDAY:
        parts["byday"] = f"{weekday_ordinal(first_date):+d}{_ICAL_DAYS[first_date.weekday()]}"
    elif frequency == MONTHLY_DAY:
        parts["bymonthday"] = first_date.day
    if until_utc is not None:
        parts["until"] = until_utc
    else:
        parts["count"] = count
    return parts
