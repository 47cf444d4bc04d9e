"""What the digest of a month holds: the month's news, the next workshops, the tool sheets first published that
month."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from network.news.models import NewsPage
from resources.models import ToolSheetPage
from workshops.models import WorkshopPage

NEXT_WORKSHOPS = 10


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text):
        """From "AAAA-MM"; a ValueError otherwise."""
        day = datetime.datetime.strptime(text, "%Y-%m").date()
        return cls(day.year, day.month)

    @classmethod
    def last_ended(cls, today=None):
        """The month before the one of `today`: what the digest of the first of the month tells."""
        previous = (today or timezone.localdate()).replace(day=1) - datetime.timedelta(days=1)
        return cls(previous.year, previous.month)

    @property
    def first_day(self):
        return datetime.date(self.year, self.month, 1)

    @property
    def next_first_day(self):
        return (self.first_day + datetime.timedelta(days=32)).replace(day=1)

    def bounds(self):
        """Its first instant and the next month's, in the site's time zone."""
        return tuple(
            timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
            for day in (self.first_day, self.next_first_day)
        )

    def __str__(self):
        return f"{self.year:04d}-{self.month:02d}"


@dataclass
class Contents:
    news: list
    workshops: list
    tool_sheets: list

    def is_empty(self):
        return not (self.news or self.workshops or self.tool_sheets)


def contents(month):
    """What the digest of `month` tells: live public pages only, in a few queries."""
    start, end = month.bounds()
    news = NewsPage.objects.live().public().defer_streamfields()
    news = news.filter(date__gte=month.first_day, date__lt=month.next_first_day).order_by("date", "pk")
    workshops = WorkshopPage.objects.live().public().defer_streamfields().upcoming()[:NEXT_WORKSHOPS]
    sheets = ToolSheetPage.objects.live().public().defer_streamfields()
    sheets = sheets.filter(first_published_at__gte=start, first_published_at__lt=end).order_by("title")
    return Contents(news=list(news), workshops=list(workshops), tool_sheets=list(sheets))
