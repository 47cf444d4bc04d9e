"""Factories of the news pages."""

import datetime

import factory
import wagtail_factories

from network.news.models import NewsIndexPage, NewsPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Actualités"
    slug = "actualites"


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Actualité {n}")
    summary = "Une nouvelle du réseau."
    date = datetime.date(2026, 11, 10)


def news(index, title, date, tags=(), user=None, **fields):
    """A news item published through Wagtail (revision, publication dates), carrying `tags`."""
    page = NewsPageFactory(parent=index, title=title, date=date, **fields)
    if tags:
        page.tags.add(*tags)
    page.save_revision(user=user).publish()
    return page
