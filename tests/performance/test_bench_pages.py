"""The pages the benchmark writes in bulk (bench/bulk.py) are what publishing them would leave: the search finds
them and shows their excerpts, so that the bench measures the search a site serves."""

import pytest
from django.utils import timezone

from bench import bulk, data
from resources.models import WikiPage
from tests.factories import ResourceIndexPageFactory

pytestmark = pytest.mark.django_db


def test_pages_written_in_bulk_keep_the_text_their_excerpts_are_cut_from(client, home):
    wiki = ResourceIndexPageFactory(parent=home)
    body = [("markdown", "Un **tableur**.")]
    pages = [WikiPage(title=f"Page {n}", slug=f"page-{n}", summary="Un résumé.", body=body) for n in range(2)]
    data.index({WikiPage: bulk.add_children(wiki, pages, published_at=timezone.now())})
    assert [page.search_text for page in WikiPage.objects.order_by("pk")] == ["Un résumé. Un tableur."] * 2
    html = client.get("/recherche/", {"q": "tableur"}).content.decode()
    assert html.count("Un résumé. Un <mark>tableur</mark>.") == 2
