"""Factories for the tests: users with their roles, and the pages of each app."""

import datetime

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from home.models import HomePage, StandardPage
from resources.models import ResourceIndexPage, ToolSheetIndexPage, ToolSheetPage, WikiPage
from workshops.models import JourneyIndexPage, JourneyPage, Registration, WorkshopIndexPage, WorkshopPage

PASSWORD = "mot-de-passe-de-test"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"membre{n}")
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    email = factory.LazyAttribute(lambda u: f"{u.username}@exemple.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if extracted:
            self.groups.add(Group.objects.get(name=extracted))
        if create:
            self.save()


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Gare centrale"
    slug = "accueil"


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Page {n}")


class ResourceIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ResourceIndexPage

    title = "Ressources"
    slug = "ressources"


class WikiPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = WikiPage

    title = factory.Sequence(lambda n: f"Page du wiki {n}")
    summary = "Une page du wiki."


class ToolSheetIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ToolSheetIndexPage

    title = "Fiches outils"
    slug = "outils"


class ToolSheetPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ToolSheetPage

    title = factory.Sequence(lambda n: f"Fiche outil {n}")
    summary = "Un outil utile."
    category = ToolSheetPage.Category.INTERNAL
    is_free_software = True


class WorkshopIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = WorkshopIndexPage

    title = "Ateliers"
    slug = "ateliers"


class WorkshopPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = WorkshopPage

    title = factory.Sequence(lambda n: f"Atelier {n}")
    summary = "Un atelier du parcours."
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda w: w.start + datetime.timedelta(hours=3))
    commune = "Langeais"
    capacity = 12


class JourneyIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = JourneyIndexPage

    title = "Parcours"
    slug = "parcours"


class JourneyPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = JourneyPage

    title = factory.Sequence(lambda n: f"Parcours {n}")
    summary = "Un parcours pour les associations."


def publish_revision(page, user, **changes):
    """A contributor's edit: the page with `changes`, saved as a revision by `user` and published."""
    for name, value in changes.items():
        setattr(page, name, value)
    revision = page.save_revision(user=user)
    revision.publish()
    page.refresh_from_db()
    return revision


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    email = factory.Sequence(lambda n: f"personne{n}@example.org")
    structure = "Association des jardins partagés"
    commune = "Langeais"
    status = Registration.Status.CONFIRMED
    consent_at = factory.LazyFunction(timezone.now)


# --- Competence framework and journal (community) ------------------------------------------------------------------


class FrameworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "competences.Framework"

    name = factory.Sequence(lambda n: f"Référentiel {n}")
    slug = factory.Sequence(lambda n: f"referentiel-{n}")
    version = "1"
    date = datetime.date(2026, 1, 15)


class CompetenceAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "competences.CompetenceArea"

    framework = factory.SubFactory(FrameworkFactory)
    code = factory.Sequence(lambda n: f"D{n}")
    title = factory.Sequence(lambda n: f"Domaine {n}")


class CompetenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "competences.Competence"

    area = factory.SubFactory(CompetenceAreaFactory)
    code = factory.Sequence(lambda n: f"C{n}")
    title = factory.Sequence(lambda n: f"Compétence {n}")


class JournalEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "journal.JournalEntry"

    author = factory.SubFactory(UserFactory)
    date = datetime.date(2026, 3, 10)
    title = factory.Sequence(lambda n: f"Entrée {n}")
    body = "Ce que j'ai observé aujourd'hui."
    kind = "observation"
    visibility = "prive"
