"""Demo follows: the demo contributor follows the wiki's welcome page weekly, the demo animator the agenda daily
(their accounts' invented addresses); run again, nothing changes."""

from django.contrib.auth import get_user_model

from resources.models import WikiPage
from workshops.models import WorkshopIndexPage

from . import following
from .models import Rhythm

FOLLOWS = (
    ("contributrice", WikiPage, {"slug": "bienvenue"}, Rhythm.WEEKLY),
    ("animateur", WorkshopIndexPage, {}, Rhythm.DAILY),
)


def load():
    users = get_user_model().objects
    for username, model, lookup, rhythm in FOLLOWS:
        user = users.filter(username=username).first()
        page = model.objects.live().filter(**lookup).first()
        if user and page and user.email:
            following.follow_as_member(page, user, rhythm)
