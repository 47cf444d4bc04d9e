"""What a view tells the public page cache (home/cache.py, which keeps and serves the copies before any routing):
that the response it gives an anonymous visitor may be shared, until when at most. Wagtail's pages say it through
a hook (home/wagtail_hooks.py); a Django view calls `share` itself."""

import datetime
import math

from django.conf import settings
from django.utils import timezone


def share(request, *moments):
    """Lets the page cache keep this response for anonymous visitors, past none of these moments (when the page
    changes by itself) and for PAGE_CACHE_SECONDS at most. Whether the visitor may get the shared copy is the page
    cache's own check."""
    request.page_cache_seconds = timeout_until(*moments)


def timeout_until(*moments):
    """How long a copy may be kept when its page changes by itself at these moments (None for none)."""
    now = timezone.now()
    seconds = settings.PAGE_CACHE_SECONDS
    for moment in moments:
        if moment is not None and moment > now:
            seconds = min(seconds, math.ceil((moment - now).total_seconds()))
    return seconds


def next_midnight():
    """When what a page lists by date (the sessions to come) changes by itself."""
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))
