"""The demo accounts follow a page each, once however often the demo loads."""

from network.follow import demo
from network.follow.models import Follow


def test_the_demo_follows_are_made_once(demo_site):
    demo.load()
    follows = Follow.objects.select_related("follower__user", "page").order_by("follower__user__username")
    assert [(f.follower.user.username, f.page.slug, f.rhythm) for f in follows] == [
        ("animateur", "ateliers", "quotidien"),
        ("contributrice", "bienvenue", "hebdomadaire"),
    ]
