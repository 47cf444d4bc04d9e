"""French as French writes it: « 1er octobre », « d'Awa », « 1 entrée » but « 2 entrées », « Soumettre à Relecture »."""

import datetime

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.template import engines
from django.utils import translation
from django.utils.formats import date_format
from wagtail.models import Task, Workflow

from community.journal import cadre
from core import french, moderation
from tests.factories import UserFactory


def render(source, **context):
    """A template of the site's engine (its built-in filters included), rendered in French as a visitor sees it."""
    with translation.override("fr"):
        return engines["django"].from_string(source).render(context)


@pytest.mark.parametrize(
    ("value", "format", "expected"),
    [
        (datetime.date(2026, 10, 1), "j F Y", "1er octobre 2026"),
        (datetime.date(2026, 10, 2), "j F Y", "2 octobre 2026"),
        (datetime.date(2026, 10, 1), "l j F", "jeudi 1er octobre"),
        (datetime.datetime(2026, 10, 1, 14, 30), "l j F Y à H\\hi", "jeudi 1er octobre 2026 à 14h30"),
        # An escaped j is a letter, not the day.
        (datetime.date(2026, 10, 1), "\\j\\o\\u\\r j", "jour 1er"),
        (datetime.date(2026, 10, 1), "d/m/Y", "01/10/2026"),
    ],
)
def test_the_first_of_the_month_is_written_1er(value, format, expected):
    with translation.override("fr"):
        assert french.format_date(value, format) == expected


# Every format the site writes dates with (templates and code), and one Django's formatter is still left with.
SITE_DATE_FORMATS = [
    "j F",
    "j F Y",
    "j F Y à H\\hi",
    "l j F",
    "l j F Y",
    "l j F à H\\hi",
    "l j F Y à H\\hi",
    "l j F, H\\hi",
    "l j F Y, H\\hi",
    "d/m/Y",
    "D j M Y",
]


@pytest.mark.parametrize("format", SITE_DATE_FORMATS)
def test_a_date_is_written_as_djangos_french_formatter_writes_it(format):
    """The French names written once are those of Django's translations, on every day of a year (and every hour)."""
    first = datetime.datetime(2026, 1, 1, 0, 5)
    with translation.override("fr"):
        for day in range(366):
            moment = first + datetime.timedelta(days=day, hours=day % 24, minutes=day % 60)
            values = [moment] if "H" in format else [moment, moment.date()]
            for value in values:
                as_django = date_format(value, french._with_ordinal(format) if value.day == 1 else format)
                assert french.format_date(value, format) == as_django


def test_the_date_filter_shows_the_day_in_the_sites_time_zone():
    # 23h30 UTC on 30 September is 1 October in Paris.
    late = datetime.datetime(2026, 9, 30, 23, 30, tzinfo=datetime.UTC)
    assert render('{{ when|date_fr:"l j F Y, H\\hi" }}', when=late) == "jeudi 1er octobre 2026, 01h30"
    assert render("{{ when|date_fr }}", when=None) == ""


@pytest.mark.parametrize(("value", "expected"), [(7, "7"), (1000, "1\u202f000"), (35228, "35\u202f228")])
def test_a_number_has_its_thousands_grouped_as_french_writes_them(value, expected):
    """« plus de 1 000 ateliers », « Plus de 1 000 résultats »: grouped whatever USE_THOUSAND_SEPARATOR says."""
    assert render("{{ count|nombre }}", count=value).replace("\xa0", "\u202f") == expected


@pytest.mark.parametrize(
    ("article", "word", "expected"),
    [
        ("de", "Awa", "d'Awa"),
        ("de", "Marc", "de Marc"),
        ("de", "Émile", "d'Émile"),
        ("de", "Hélène", "d'Hélène"),
        ("de", "Yann", "de Yann"),
        ("de", "Yves", "d'Yves"),
        ("de", "hameau", "de hameau"),
        ("le", "atelier", "l'atelier"),
        ("la", "Œuvre", "l'Œuvre"),
        ("que", "Inès", "qu'Inès"),
        ("De", "Ambillou", "D'Ambillou"),
        ("de", "", "de "),
    ],
)
def test_elision(article, word, expected):
    assert french.elide(article, word) == expected


def test_the_elide_filter_escapes_the_name_but_not_the_apostrophe():
    assert render('Présence {{ name|elide:"de" }}', name="Awa Diallo") == "Présence d'Awa Diallo"
    assert render('Présence {{ name|elide:"de" }}', name="Ali <b>") == "Présence d'Ali &lt;b&gt;"
    assert render('{% autoescape off %}{{ name|elide:"de" }}{% endautoescape %}', name="Inès") == "d'Inès"


def test_counts_are_singular_for_one_and_plural_beyond():
    # True with or without the catalogue: French and the untranslated fallback agree on 1 and 2 (not on 0).
    with translation.override("fr"):
        assert (cadre.entries(1), cadre.entries(2)) == ("1 entrée", "2 entrées")
        assert (cadre.people(1), cadre.shared_entries(3)) == ("1 personne", "3 entrées partagées")


@pytest.mark.django_db
def test_wagtails_moderation_workflow_has_french_names():
    assert Workflow.objects.filter(name=moderation.WORKFLOW).exists()
    assert Task.objects.filter(name=moderation.TASK).exists()
    assert not Workflow.objects.filter(name=moderation.WAGTAIL_DEFAULT).exists()
    assert not Task.objects.filter(name=moderation.WAGTAIL_DEFAULT).exists()


@pytest.mark.django_db
def test_the_editor_submits_to_relecture(client, home):
    client.force_login(UserFactory(username="admin-fr", is_superuser=True, is_staff=True))
    html = client.get(f"/admin/pages/{home.pk}/edit/").content.decode()
    assert "Soumettre à Relecture" in html
    assert "Moderators approval" not in html


@pytest.mark.django_db
def test_only_wagtails_default_names_are_renamed():
    Workflow.objects.create(name=moderation.WAGTAIL_DEFAULT)
    Workflow.objects.create(name="Validation par la coordination")
    moderation.name_in_french(apps)
    names = set(Workflow.objects.values_list("name", flat=True))
    assert moderation.WAGTAIL_DEFAULT not in names
    assert {moderation.WORKFLOW, "Validation par la coordination"} <= names


@pytest.mark.django_db
def test_wagtails_default_groups_are_named_in_french_beside_the_networks_roles():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Éditeurs", "Modérateurs"} <= names
    assert not names & {"Editors", "Moderators"}


@pytest.mark.django_db
def test_a_french_group_made_by_hand_is_kept_when_wagtails_groups_are_renamed():
    Group.objects.filter(name="Éditeurs").update(name="Editors")
    Group.objects.create(name="Éditeurs")
    moderation.name_groups_in_french(apps)
    assert Group.objects.filter(name__in=["Editors", "Éditeurs"]).count() == 2
