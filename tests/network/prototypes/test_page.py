"""A prototype's page: the problem, who made it, how it works and how to reproduce it, photos, licence."""

from html import unescape

import pytest
import wagtail_factories

from network.prototypes.models import PrototypePhoto
from tests.factories import ToolSheetIndexPageFactory, ToolSheetPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def prototype(make_prototype, home):
    sheets = ToolSheetIndexPageFactory(parent=home)
    jitsi = ToolSheetPageFactory(parent=sheets, title="Se réunir avec Jitsi Meet")
    draft = ToolSheetPageFactory(parent=sheets, title="Fiche en brouillon", live=False)
    page = make_prototype(
        title="Les devoirs à distance",
        problem="Les collégiens ne venaient plus l'hiver.",
        domain="education",
        status="en-test",
        community="Les bénévoles de l'accompagnement scolaire",
        cost="Deux tablettes prêtées.",
        body=[("markdown", "Une salle de **visio** par groupe.")],
        steps=[
            ("step", {"title": "Choisir l'outil", "text": "Pas de compte à créer."}),
            ("step", {"title": "Fixer un lien par groupe", "text": ""}),
        ],
    )
    page.tool_sheets = [jitsi, draft]
    image = wagtail_factories.ImageFactory(title="Séance", file__width=1600, file__height=900)
    page.photos = [PrototypePhoto(image=image, alt="Deux collégiens devant une tablette", caption="Un mardi soir")]
    page.save_revision().publish()
    return page


def test_the_page_tells_the_problem_the_people_and_how_to_reproduce_it(client, prototype):
    html = unescape(client.get(prototype.url).content.decode())
    for text in (
        "Les collégiens ne venaient plus l'hiver.",
        "Éducation",
        "En test",
        'href="/carte/mq-beaujardin/">Maison de quartier Beaujardin</a>',
        "Les bénévoles de l'accompagnement scolaire",
        "Deux tablettes prêtées.",
        "Une salle de <strong>visio</strong> par groupe.",
        "<strong>Choisir l'outil</strong><p>Pas de compte à créer.</p>",
        "Se réunir avec Jitsi Meet",
        "Pas encore adopté",
    ):
        assert text in html, text
    assert html.index("Choisir l'outil") < html.index("Fixer un lien par groupe")
    assert "Fiche en brouillon" not in html


def test_photos_are_resized_lazy_loaded_and_described(client, prototype):
    html = client.get(prototype.url).content.decode()
    assert 'alt="Deux collégiens devant une tablette"' in html
    assert 'loading="lazy"' in html and 'width="800"' in html
    assert "<figcaption>Un mardi soir</figcaption>" in html


def test_cc_by_sa_by_default_with_attribution_markdown_and_history(client, prototype):
    assert prototype.licence == "cc-by-sa-4.0"
    html = client.get(prototype.url).content.decode()
    assert "CC BY-SA 4.0" in html and "Licence et contributions" in html
    markdown = client.get(prototype.url + "?format=md").content.decode()
    assert 'licence: "CC BY-SA 4.0"' in markdown and "Une salle de **visio** par groupe." in markdown
    assert client.get(prototype.url + "historique/").status_code == 200


def test_the_domain_links_back_to_the_filtered_library(client, prototype):
    assert 'href="/prototypes/?domaine=education"' in client.get(prototype.url).content.decode()


def test_the_markdown_and_the_history_carry_the_prototypes_facts(client, prototype):
    markdown = client.get(prototype.url + "?format=md").content.decode()
    for line in (
        "- **Le problème** : Les collégiens ne venaient plus l'hiver.",
        "- **Domaine** : Éducation",
        "- **État** : En test",
        "- **Structure** : Maison de quartier Beaujardin (Valenciennes)",
        "- **Ce que ça coûte** : Deux tablettes prêtées.",
    ):
        assert line in markdown, line
    revision = prototype.latest_revision
    prototype.cost = "Trois tablettes prêtées."
    prototype.save_revision().publish()
    html = unescape(
        client.get(f"{prototype.url}historique/?de={revision.pk}&a={prototype.latest_revision.pk}").content.decode()
    )
    assert "Trois tablettes prêtées." in html
