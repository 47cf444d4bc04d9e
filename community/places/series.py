"""Recurring mobile sessions: materialising a series into its occurrences, moving and cancelling one of them.

An occurrence is a Permanence row that remembers its original date: editing its date or times moves it, its
« annulée » box cancels it, and neither touches the others. Nothing here deletes a session that people attended."""

from django.db import transaction

from .models import Permanence, PermanenceSeries


class NotAnOccurrence(ValueError):  # noqa: N818 — domain names, as the style guide asks
    """Moving is for an occurrence of a series; a lone session is simply edited."""


@transaction.atomic
def save_series(series):
    """Save the series and bring its occurrences in line with it; returns the occurrences, by date."""
    previous = PermanenceSeries.objects.filter(pk=series.pk).first() if series.pk else None
    series.save()
    return materialise(series, previous)


def _shared(series):
    return {name: getattr(series, name) for name in PermanenceSeries.SHARED_FIELDS}


def materialise(series, previous=None):
    """Create the missing occurrences, update those that follow the series, detach the dates the rule dropped.

    An occurrence "follows" the series when it is still on its original date at the series' former times; a moved
    one keeps its own date and times. A dropped date's occurrence is deleted, unless people were met there: then it
    stays as a lone session, so its record is never lost."""
    previous = previous or series
    wanted = series.occurrence_dates()
    existing = {occurrence.original_date: occurrence for occurrence in series.occurrences.all()}
    shared = _shared(series)
    to_create, to_update = [], []
    for day in wanted:
        occurrence = existing.pop(day, None)
        if occurrence is None:
            to_create.append(
                Permanence(
                    series=series,
                    original_date=day,
                    date=day,
                    start_time=series.start_time,
                    end_time=series.end_time,
                    **shared,
                )
            )
            continue
        follows = (occurrence.date, occurrence.start_time, occurrence.end_time) == (
            day,
            previous.start_time,
            previous.end_time,
        )
        if follows:
            occurrence.start_time, occurrence.end_time = series.start_time, series.end_time
        for name, value in shared.items():
            setattr(occurrence, name, value)
        to_update.append(occurrence)
    Permanence.objects.bulk_create(to_create)
    Permanence.objects.bulk_update(to_update, ["start_time", "end_time", *PermanenceSeries.SHARED_FIELDS])
    dropped = list(existing.values())
    Permanence.objects.filter(pk__in=[o.pk for o in dropped if o.people_met is None]).delete()
    Permanence.objects.filter(pk__in=[o.pk for o in dropped if o.people_met is not None]).update(
        series=None, original_date=None
    )
    return list(series.occurrences.order_by("date", "start_time"))


def move(occurrence, date, start_time=None, end_time=None):
    """Hold one occurrence on another day (or at other times); its original date stays its RECURRENCE-ID."""
    if occurrence.series_id is None:
        raise NotAnOccurrence
    occurrence.date = date
    occurrence.start_time = start_time or occurrence.start_time
    occurrence.end_time = end_time or occurrence.end_time
    occurrence.full_clean()
    occurrence.save(update_fields=["date", "start_time", "end_time"])
    return occurrence


def cancel(occurrence):
    """Kept and shown as « annulée »; the calendar export lists its original date as an EXDATE."""
    occurrence.is_cancelled = True
    occurrence.save(update_fields=["is_cancelled"])
    return occurrence
