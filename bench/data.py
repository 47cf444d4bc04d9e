"""Content for the benchmarks: the demo site, then as many tool sheets, wiki pages and workshops as asked."""

import datetime

from django.utils import timezone

from home import demo
from resources.models import ResourceIndexPage, ToolSheetIndexPage, ToolSheetPage, WikiPage
from workshops.models import WorkshopIndexPage, WorkshopPage

BODY = [("markdown", "## Pas à pas\n\n1. Ouvrir l'outil.\n2. Inviter les participants.\n\n" * 5)]


def make_site():
    demo.load()
    return {
        "sheets": ToolSheetIndexPage.objects.get(),
        "wiki": ResourceIndexPage.objects.get(),
        "workshops": WorkshopIndexPage.objects.get(),
    }


def add_content(site, count):
    now = timezone.now()
    start = ToolSheetPage.objects.count()
    for n in range(start, start + count):
        site["sheets"].add_child(
            instance=ToolSheetPage(
                title=f"Fiche {n}", slug=f"fiche-{n}", summary="Un outil.", category="cooperation", steps=BODY
            )
        )
        site["wiki"].add_child(instance=WikiPage(title=f"Page {n}", slug=f"page-{n}", body=BODY))
        when = now + datetime.timedelta(days=n % 60 - 30)
        site["workshops"].add_child(
            instance=WorkshopPage(
                title=f"Atelier {n}",
                slug=f"atelier-{n}",
                summary="Un atelier.",
                start=when,
                end=when + datetime.timedelta(hours=3),
                commune="Langeais",
                memory_public=BODY if n % 2 else [],
            )
        )
