"""Two people in the page editor at once: what they changed apart is merged, what they both changed is refused."""

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html

from community.members import roles
from core.editing import NoLostUpdatePageForm
from resources.models import WikiPage

from ..factories import ResourceIndexPageFactory, UserFactory, WikiPageFactory, publish_revision

pytestmark = pytest.mark.django_db

BLOCKS = {"intro": "Les ateliers ont lieu le mardi.", "access": "La salle est au rez-de-chaussée."}


@pytest.fixture
def page(home, users):
    wiki = ResourceIndexPageFactory(parent=home)
    roles.grant_pages(roles.CONTRIBUTORS, wiki)
    page = WikiPageFactory(
        parent=wiki,
        slug="horaires",
        title="Horaires",
        body=[{"type": "markdown", "value": text, "id": block_id} for block_id, text in BLOCKS.items()],
    )
    publish_revision(page, users["charge"])
    return page


@pytest.fixture
def editors(client, users, django_user_model):
    from django.test import Client

    second = Client()
    second.force_login(UserFactory(username="seconde", role=roles.CONTRIBUTORS))
    client.force_login(users["contributor"])
    return client, second


def open_editor(client, page):
    """The edit form as the browser would post it, with the body's blocks (which only JavaScript renders)."""
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form").dict()
    latest = page.get_latest_revision_as_object()
    return data, {block["id"]: block["value"] for block in latest.body.raw_data}


def publish(client, page, data, blocks, **fields):
    return client.post(f"/admin/pages/{page.pk}/edit/", publish_data(data, blocks, **fields))


def live_body(page):
    return {block["id"]: block["value"] for block in WikiPage.objects.get(pk=page.pk).body.raw_data}


def test_every_page_type_merges_concurrent_edits():
    from wagtail.models import get_page_models

    assert all(issubclass(model.base_form_class, NoLostUpdatePageForm) for model in get_page_models())


def test_the_editor_carries_the_revision_it_was_opened_on(client, page, editors):
    first, _second = editors
    data, _blocks = open_editor(first, page)
    assert data["merge_base_revision"] == str(page.latest_revision_id)


def test_two_editors_changing_different_blocks_both_keep_their_change(page, editors):
    first, second = editors
    first_data, first_blocks = open_editor(first, page)
    second_data, second_blocks = open_editor(second, page)

    publish(first, page, first_data, {**first_blocks, "intro": "Les ateliers ont lieu le mardi et le jeudi."})
    response = publish(second, page, second_data, {**second_blocks, "access": "La salle est accessible en fauteuil."})

    assert response.status_code == 302
    assert live_body(page) == {
        "intro": "Les ateliers ont lieu le mardi et le jeudi.",
        "access": "La salle est accessible en fauteuil.",
    }


def test_blocks_added_and_fields_changed_on_each_side_are_merged(page, editors):
    first, second = editors
    first_data, first_blocks = open_editor(first, page)
    second_data, second_blocks = open_editor(second, page)

    publish(first, page, first_data, {"new": "Apportez votre téléphone.", **first_blocks}, summary="Quand venir")
    response = publish(second, page, second_data, {**second_blocks, "end": "Merci !"}, title="Horaires et accès")

    assert response.status_code == 302
    live = WikiPage.objects.get(pk=page.pk)
    assert (live.title, live.summary) == ("Horaires et accès", "Quand venir")
    assert list(live_body(page)) == ["new", "intro", "access", "end"]


def test_the_same_block_changed_by_both_is_refused_with_both_versions_and_the_typed_text_kept(page, editors):
    first, second = editors
    first_data, first_blocks = open_editor(first, page)
    second_data, second_blocks = open_editor(second, page)
    publish(first, page, first_data, {**first_blocks, "intro": "Les ateliers ont lieu le jeudi."})
    published = Page.objects.get(pk=page.pk).latest_revision_id

    response = publish(second, page, second_data, {**second_blocks, "intro": "Les ateliers ont lieu le vendredi."})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Quelqu&#x27;un d&#x27;autre a enregistré cette page" in html
    assert "Version enregistrée entre-temps : « Les ateliers ont lieu le jeudi. »" in html
    assert "Votre version : « Les ateliers ont lieu le vendredi. »" in html
    assert "Les ateliers ont lieu le vendredi." in html  # still in the form
    assert live_body(page)["intro"] == "Les ateliers ont lieu le jeudi."  # nothing saved
    assert Page.objects.get(pk=page.pk).latest_revision_id == published
    assert f'name="merge_seen_revision" value="{published}"' in html


def test_submitting_again_after_seeing_the_conflict_saves(page, editors):
    first, second = editors
    first_data, first_blocks = open_editor(first, page)
    second_data, second_blocks = open_editor(second, page)
    publish(first, page, first_data, {**first_blocks, "intro": "Les ateliers ont lieu le jeudi."})
    reconciled = {**second_blocks, "intro": "Les ateliers ont lieu le jeudi et le vendredi."}
    refused = publish(second, page, second_data, reconciled)
    seen = querydict_from_html(refused.content.decode(), form_id="page-edit-form").dict()

    response = publish(second, page, {**second_data, **seen}, reconciled)

    assert response.status_code == 302
    assert live_body(page)["intro"] == "Les ateliers ont lieu le jeudi et le vendredi."


def test_the_same_title_changed_by_both_is_refused(page, editors):
    first, second = editors
    first_data, first_blocks = open_editor(first, page)
    second_data, second_blocks = open_editor(second, page)
    publish(first, page, first_data, first_blocks, title="Horaires d'hiver")

    response = publish(second, page, second_data, second_blocks, title="Horaires d'été")

    assert response.status_code == 200
    assert "Version enregistrée entre-temps : « Horaires d&#x27;hiver »" in response.content.decode()
    assert WikiPage.objects.get(pk=page.pk).title == "Horaires d'hiver"


def test_a_block_removed_by_one_and_changed_by_the_other_is_refused(page, editors):
    first, second = editors
    first_data, first_blocks = open_editor(first, page)
    second_data, second_blocks = open_editor(second, page)
    publish(first, page, first_data, {"intro": first_blocks["intro"]})

    response = publish(second, page, second_data, {**second_blocks, "access": "Ascenseur au fond."})

    assert response.status_code == 200
    assert "(bloc supprimé)" in response.content.decode()
    assert list(live_body(page)) == ["intro"]


def test_an_editor_alone_saves_as_before(page, editors):
    first, _second = editors
    data, blocks = open_editor(first, page)
    assert publish(first, page, data, {**blocks, "intro": "Mardi."}).status_code == 302
    data, blocks = open_editor(first, page)
    assert publish(first, page, data, {**blocks, "intro": "Mercredi."}).status_code == 302
    assert live_body(page)["intro"] == "Mercredi."


def autosave(client, page, data, blocks, **fields):
    """Wagtail's autosave: the editor's form posted in the background, answered in JSON."""
    body = publish_data(data, blocks, **fields)
    body.pop("action-publish")
    return client.post(f"/admin/pages/{page.pk}/edit/", body, headers={"Accept": "application/json"})


def publish_data(data, blocks, **fields):
    body = {"body-count": str(len(blocks))}
    for index, (block_id, text) in enumerate(blocks.items()):
        body |= {
            f"body-{index}-type": "markdown",
            f"body-{index}-value": text,
            f"body-{index}-id": block_id,
            f"body-{index}-deleted": "",
            f"body-{index}-order": str(index),
        }
    return {**data, **body, **fields, "action-publish": "1"}


def test_after_an_autosave_the_editor_goes_on_from_its_own_revision(page, editors):
    first, _second = editors
    data, blocks = open_editor(first, page)
    saved = autosave(first, page, data, {**blocks, "intro": "Brouillon."})
    assert saved.json()["success"]
    updates = saved.json()["field_updates"]
    assert updates["merge_base_revision"] == Page.objects.get(pk=page.pk).latest_revision_id

    # The page's form took the update; the person keeps typing the same block and publishes.
    data["merge_base_revision"] = str(updates["merge_base_revision"])
    assert publish(first, page, data, {**blocks, "intro": "Brouillon relu."}).status_code == 302
    assert live_body(page)["intro"] == "Brouillon relu."


def test_paragraphs_changed_apart_in_the_same_block_are_both_kept(page, editors):
    first, second = editors
    first_data, blocks = open_editor(first, page)
    second_data, _blocks = open_editor(second, page)
    text = "Premier paragraphe.\r\n\r\nDeuxième paragraphe.\r\n\r\nTroisième paragraphe."
    publish(first, page, first_data, {**blocks, "intro": text})
    first_data, blocks = open_editor(first, page)
    second_data, _blocks = open_editor(second, page)

    publish(first, page, first_data, {**blocks, "intro": text.replace("Premier", "Le premier")})
    response = publish(second, page, second_data, {**blocks, "intro": text + "\r\n\r\nUn paragraphe de plus."})

    assert response.status_code == 302
    assert live_body(page)["intro"] == (
        "Le premier paragraphe.\n\nDeuxième paragraphe.\n\nTroisième paragraphe.\n\nUn paragraphe de plus."
    )


def test_what_they_changed_elsewhere_survives_the_reconciled_resubmission(page, editors):
    first, second = editors
    first_data, first_blocks = open_editor(first, page)
    second_data, second_blocks = open_editor(second, page)
    publish(first, page, first_data, {**first_blocks, "intro": "Le jeudi."}, title="Horaires d'hiver")
    reconciled = {**second_blocks, "intro": "Le jeudi et le vendredi."}
    refused = publish(second, page, second_data, reconciled)
    seen = querydict_from_html(refused.content.decode(), form_id="page-edit-form").dict()
    assert seen["title"] == "Horaires"  # what the person's form held; their title is still to come

    assert publish(second, page, {**second_data, **seen}, reconciled).status_code == 302

    live = WikiPage.objects.get(pk=page.pk)
    assert live.title == "Horaires d'hiver"
    assert live_body(page)["intro"] == "Le jeudi et le vendredi."


def test_a_conflict_seen_on_an_older_version_is_refused_again(page, editors):
    first, second = editors
    first_data, first_blocks = open_editor(first, page)
    second_data, second_blocks = open_editor(second, page)
    publish(first, page, first_data, {**first_blocks, "intro": "Le jeudi."})
    refused = publish(second, page, second_data, {**second_blocks, "intro": "Le vendredi."})
    seen = querydict_from_html(refused.content.decode(), form_id="page-edit-form").dict()
    first_data, first_blocks = open_editor(first, page)
    publish(first, page, first_data, {**first_blocks, "intro": "Le samedi."})

    response = publish(second, page, {**second_data, **seen}, {**second_blocks, "intro": "Le vendredi."})

    assert response.status_code == 200
    assert "« Le samedi. »" in response.content.decode()
    assert live_body(page)["intro"] == "Le samedi."
