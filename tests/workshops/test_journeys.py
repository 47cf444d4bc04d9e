"""Journeys: the /parcours/ index, the timeline of stages and workshops, and associations joining a journey."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from tests.factories import (
    PASSWORD,
    JourneyIndexPageFactory,
    JourneyPageFactory,
    UserFactory,
    WorkshopPageFactory,
)
from workshops import journeys
from workshops.models import JourneyRegistration, JourneyStage, Stage

pytestmark = pytest.mark.django_db

TERRITORY = "Langeais\nCinq-Mars-la-Pile\n\n  Château-la-Vallière  \nlangeais"


@pytest.fixture
def journey(home):
    index = JourneyIndexPageFactory(parent=home)
    journey = JourneyPageFactory(parent=index, title="DUNAR", slug="dunar", territory=TERRITORY)
    for order, kind in enumerate([Stage.AWARENESS, Stage.COLLECTIVE, Stage.TECHNICAL_SUPPORT]):
        JourneyStage.objects.create(journey=journey, kind=kind, sort_order=order, description=f"Étape {order}")
    return journey


def in_days(days):
    return timezone.now() + datetime.timedelta(days=days)


@pytest.fixture
def workshops(journey):
    return {
        "evening": WorkshopPageFactory(parent=journey, title="Soirée", start=in_days(-30), stage=Stage.AWARENESS),
        "first": WorkshopPageFactory(parent=journey, title="Collectif 1", start=in_days(-2), stage=Stage.COLLECTIVE),
        "second": WorkshopPageFactory(parent=journey, title="Collectif 2", start=in_days(5), stage=Stage.COLLECTIVE),
        "third": WorkshopPageFactory(parent=journey, title="Collectif 3", start=in_days(12), stage=Stage.COLLECTIVE),
        "loose": WorkshopPageFactory(parent=journey, title="Rencontre", start=in_days(20)),
    }


def association(**fields):
    return {
        "structure": "Comité des fêtes",
        "commune": "Langeais",
        "contact_name": "Maëlle Tessier",
        "email": "comite@example.org",
        "phone": "",
        "participants": "3",
        "needs": "Organiser nos bénévoles sans tableur.",
        "consent": "on",
        **fields,
    }


def signup_url(journey):
    return journey.url + "inscription/"


# --- The territory and the timeline ---------------------------------------------------------------------------


def test_the_territory_lists_each_commune_once_in_the_order_given(journey):
    assert journey.communes() == ["Langeais", "Cinq-Mars-la-Pile", "Château-la-Vallière"]
    assert journeys.is_in_territory(journey, "  château-la-vallière ")
    assert not journeys.is_in_territory(journey, "Tours")


def test_a_journey_without_territory_is_open_to_every_commune(journey):
    journey.territory = ""
    assert journeys.is_in_territory(journey, "Tours")


def test_the_timeline_follows_the_stages_and_marks_what_is_done_and_what_comes_next(journey, workshops):
    steps = journeys.timeline(journey)

    labels = [step.label for step in steps]
    assert labels == ["Sensibilisation", "Accompagnement collectif", "Appui technique", "Autres rendez-vous"]
    awareness, collective, support, others = steps
    assert [(item.workshop.title, item.state) for item in awareness.workshops] == [("Soirée", "done")]
    assert [(item.workshop.title, item.state) for item in collective.workshops] == [
        ("Collectif 1", "done"),
        ("Collectif 2", "next"),
        ("Collectif 3", "later"),
    ]
    assert support.workshops == []
    assert [item.workshop.title for item in others.workshops] == ["Rencontre"]


def test_the_journey_page_shows_the_timeline_and_the_territory(client, journey, workshops):
    html = client.get(journey.url).content.decode()

    assert "Territoire :" in html and "Langeais, Cinq-Mars-la-Pile, Château-la-Vallière" in html
    assert html.index("Sensibilisation") < html.index("Accompagnement collectif") < html.index("Appui technique")
    assert "Les dates de cette étape seront bientôt annoncées." in html  # appui technique: nothing yet


def test_the_timeline_is_an_ordered_list_with_the_next_workshop_as_the_current_step(client, journey, workshops):
    timeline = BeautifulSoup(client.get(journey.url).content, "html.parser").find("ol", class_="timeline-steps")

    assert [h3.get_text() for h3 in timeline.find_all("h3")][:2] == ["Sensibilisation", "Accompagnement collectif"]
    # One current step, for screen readers as for the eye: the next workshop, with its state and date written out.
    (current,) = timeline.find_all(attrs={"aria-current": "step"})
    assert current.find("a").get_text() == "Collectif 2"
    assert current.find(class_="timeline-state").get_text() == "Prochaine étape"
    assert datetime.datetime.fromisoformat(current.find("time")["datetime"]) == workshops["second"].start
    states = [span.get_text() for span in timeline.find_all(class_="timeline-state")]
    assert states == ["Fait", "Fait", "Prochaine étape", "À venir", "À venir"]


def test_an_unpublished_workshop_stays_off_the_timeline(client, journey, workshops):
    workshops["third"].unpublish()
    assert "Collectif 3" not in client.get(journey.url).content.decode()


def test_the_journey_page_costs_the_same_queries_whatever_its_workshops(
    client, journey, workshops, django_assert_max_num_queries
):
    client.get(journey.url)  # warm the site and locale caches
    with django_assert_max_num_queries(30) as few:
        client.get(journey.url)
    for day in range(20):
        WorkshopPageFactory(parent=journey, start=in_days(40 + day), stage=Stage.COLLECTIVE)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(journey.url).status_code == 200


def test_the_journeys_index_lists_the_published_journeys(client, journey):
    hidden = JourneyPageFactory(parent=journey.get_parent(), title="Parcours en préparation", live=False)
    html = client.get("/parcours/").content.decode()
    assert journey.title in html and journey.url in html
    assert hidden.title not in html


def test_the_journey_calendar_holds_its_upcoming_workshops(client, journey, workshops):
    body = client.get(journey.url + "agenda.ics").content.decode()
    assert "SUMMARY:Collectif 2" in body and "SUMMARY:Rencontre" in body
    assert "SUMMARY:Soirée" not in body


# --- An association joins the whole journey -------------------------------------------------------------------


def test_the_form_offers_the_territory_s_communes(client, journey):
    html = client.get(journey.url).content.decode()
    assert f'action="{signup_url(journey)}"' in html
    assert '<option value="Cinq-Mars-la-Pile">Cinq-Mars-la-Pile</option>' in html
    assert 'name="participants"' in html and 'name="needs"' in html


def test_an_association_joins_and_gets_its_private_link(client, journey, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(signup_url(journey), association())

    assert response.status_code == 302
    assert response["Location"] == journey.url + "inscription/merci/"
    registration = JourneyRegistration.objects.get()
    assert (registration.structure, registration.participants) == ("Comité des fêtes", 3)
    assert registration.needs == "Organiser nos bénévoles sans tableur."
    assert mail.outbox[0].to == ["comite@example.org"]
    assert f"/inscription/parcours/{registration.token}/" in mail.outbox[0].body
    assert "Nous comptons sur 3 personnes." in mail.outbox[0].body
    done = client.get(response["Location"]).content.decode()
    assert "« Comité des fêtes » est inscrite au parcours « DUNAR »." in done


def test_a_commune_outside_the_territory_is_refused_beside_its_field(client, journey):
    response = client.post(signup_url(journey), association(commune="Tours"))
    assert response.status_code == 400
    assert "Cette commune n&#x27;est pas sur le territoire du parcours." in response.content.decode()
    assert not JourneyRegistration.objects.exists()


def test_the_territory_is_enforced_by_the_operation_too(journey):
    with pytest.raises(journeys.OutsideTerritory):
        journeys.join(journey, {**association(commune="Tours"), "participants": 2})


def test_missing_or_absurd_numbers_keep_what_was_typed(client, journey):
    response = client.post(signup_url(journey), association(participants="0", consent=""))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Cochez cette case pour vous inscrire." in html
    assert "Assurez-vous que cette valeur est supérieure ou égale à 1." in html
    assert "Organiser nos bénévoles sans tableur." in html  # nothing typed is lost
    assert not JourneyRegistration.objects.exists()


def test_the_same_e_mail_cannot_join_twice(client, journey):
    client.post(signup_url(journey), association())
    response = client.post(signup_url(journey), association(structure="Autre nom"))
    assert response.status_code == 409
    assert "Cette adresse e-mail a déjà inscrit une structure à ce parcours." in response.content.decode()
    assert JourneyRegistration.objects.count() == 1


def test_a_closed_journey_refuses_sign_ups(client, journey):
    type(journey).objects.filter(pk=journey.pk).update(is_open=False)
    assert "Les inscriptions au parcours sont closes." in client.get(journey.url).content.decode()
    response = client.post(signup_url(journey), association())
    assert response.status_code == 403
    assert not JourneyRegistration.objects.exists()


def test_bots_and_floods_are_turned_away(client, journey):
    assert client.post(signup_url(journey), association(site_internet="http://spam.example")).status_code == 400
    statuses = [client.post(signup_url(journey), association(email=f"a{n}@example.org")).status_code for n in range(6)]
    assert statuses[-1] == 429
    assert JourneyRegistration.objects.count() == 4  # the bot counted as an attempt


def test_the_private_link_shows_and_cancels_the_sign_up(client, journey):
    registration = journeys.join(journey, {**association(), "participants": 2})
    url = f"/inscription/parcours/{registration.token}/"

    page = client.get(url)
    assert page.status_code == 200
    assert "Comité des fêtes, Langeais" in page.content.decode()
    assert "noindex" in page["X-Robots-Tag"]

    client.post(url)
    registration.refresh_from_db()
    assert registration.status == JourneyRegistration.Status.CANCELLED
    assert "Inscription annulée" in client.get(url).content.decode()
    # Once cancelled, the same e-mail may sign the structure up again.
    journeys.join(journey, {**association(), "participants": 2})


def test_an_unknown_link_is_a_404(client):
    assert client.get("/inscription/parcours/pas-un-jeton/").status_code == 404


# --- Who sees the associations that joined --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("contributor", 403), ("animator", 403), ("charge", 403), ("coordinator", 200)],
)
@pytest.mark.parametrize("suffix", ["", "associations.csv"])
def test_only_coordinators_and_the_journey_s_animators_see_the_associations(
    client, journey, users, role, status, suffix
):
    journeys.join(journey, {**association(), "participants": 2})
    if users[role]:
        client.login(username=role, password=PASSWORD)
    response = client.get(f"/ateliers-gestion/parcours/{journey.pk}/{suffix}")
    assert response.status_code == status
    if status == 200:
        assert "comite@example.org" in response.content.decode("utf-8-sig")


def test_an_animator_of_one_of_its_workshops_sees_the_associations(client, journey, workshops):
    animator = UserFactory(username="anim-dunar", role="Animateurs")
    workshops["second"].animators.add(animator)
    workshops["second"].save()
    client.login(username="anim-dunar", password=PASSWORD)
    assert client.get(f"/ateliers-gestion/parcours/{journey.pk}/").status_code == 200
    assert "Voir les associations inscrites" in client.get(journey.url).content.decode()


def test_the_csv_lists_each_association_with_its_needs(client, journey, users):
    journeys.join(journey, {**association(needs="=HYPERLINK(1)"), "participants": 4})
    client.login(username="coordinator", password=PASSWORD)
    response = client.get(f"/ateliers-gestion/parcours/{journey.pk}/associations.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Statut", "Structure", "Commune"]
    assert rows[1][1:4] == ["Comité des fêtes", "Langeais", "Maëlle Tessier"]
    assert rows[1][6] == "4"
    assert rows[1][7] == "'=HYPERLINK(1)"  # no formula runs in a spreadsheet
    assert "associations-dunar.csv" in response["Content-Disposition"]


def test_the_journeys_index_costs_the_same_queries_whatever_its_journeys(
    client, journey, django_assert_max_num_queries
):
    client.get("/parcours/")
    cache.clear()  # measure the page itself, not the public page cache
    with django_assert_max_num_queries(30) as few:
        client.get("/parcours/")
    for _ in range(15):
        JourneyPageFactory(parent=journey.get_parent())
    cache.clear()  # the factories publish without the signal that clears the page cache
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/parcours/").status_code == 200
