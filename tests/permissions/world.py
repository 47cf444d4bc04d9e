"""The demo site, plus the people a permission matrix needs: one user per role, and for animators and chargés
one whose workshop or structure it is and one whose it is not."""

from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from community.competences.models import Competence, CompetenceValidation
from community.journal import job_profiles, recit
from community.journal.models import JournalEntry
from community.members.models import MemberProfile, Role
from community.members.roles import ANIMATORS, CHARGES
from community.places.models import CharterSignature, Permanence, PermanenceSeries, Structure
from indicators import reports
from network.diagnostic.models import Question
from tests.factories import JournalEntryFactory, UserFactory, WorkshopPageFactory
from workshops.models import JourneyPage, JourneyRegistration, Registration, WorkshopIndexPage, WorkshopPage

ROLES = [
    "anonymous",
    "contributor",
    "animator",  # animates the workshop of the matrix
    "other_animator",  # animates another workshop
    "charge",  # member of the structure of the matrix
    "other_charge",  # member of another structure
    "coordinator",
    "superuser",
]


def build(demo_site):
    """The users by role and the objects whose URLs the matrix visits."""
    users = get_user_model().objects
    demo = {
        "contributor": users.get(username="contributrice"),
        "animator": users.get(username="animateur"),
        "charge": users.get(username="chargee"),
        "coordinator": users.get(username="coordinatrice"),
        "superuser": users.get(username="admin"),
    }
    structure = MemberProfile.objects.get(user=demo["charge"]).structure
    other_structure = Structure.objects.exclude(pk=structure.pk).filter(is_public=True).first()
    other_charge = UserFactory(username="autre-chargee", role=CHARGES)
    MemberProfile.objects.create(user=other_charge, display_name="Autre chargée", structure=other_structure)
    other_animator = UserFactory(username="autre-animateur", role=ANIMATORS)
    workshop = WorkshopPage.objects.filter(animators=demo["animator"]).exclude(registrations=None).first()
    journey = JourneyPage.objects.filter(registrations__isnull=False).first()
    other_workshop = WorkshopPageFactory(parent=WorkshopIndexPage.objects.first(), title="Atelier d'un autre")
    other_workshop.animators.add(other_animator)
    other_workshop.save_revision().publish()
    entry = JournalEntryFactory(author=demo["charge"], title="Entrée d'équipe", visibility=JournalEntry.Visibility.TEAM)
    validation = CompetenceValidation.objects.create(
        member=demo["charge"], competence=Competence.objects.first(), level=2, validated_by=demo["coordinator"]
    )
    # A published récit, référentiel métier and final report, so that every page type has a live page.
    for draft in (
        recit.compile_recit(recit.Period.two_months_from(2026, 3), demo["coordinator"]),
        job_profiles.compile_job_profile(Role.INNOVATION, 2026, demo["coordinator"]),
        reports.compile_report(journey, demo["coordinator"]),
    ):
        draft.save_revision(user=demo["coordinator"]).publish()
    people = {"anonymous": None, **demo, "other_charge": other_charge, "other_animator": other_animator}
    objects = {
        "workshop": workshop,
        "other_workshop": other_workshop,
        "journey": journey,
        "registration": Registration.objects.filter(workshop=workshop).first(),
        "journey_registration": JourneyRegistration.objects.filter(journey=journey).first(),
        "structure": structure,
        "other_structure": other_structure,
        "permanence": Permanence.objects.filter(structure=structure).first() or Permanence.objects.first(),
        "permanence_series": PermanenceSeries.objects.first(),
        "signature": CharterSignature.objects.filter(structure=structure).first() or CharterSignature.objects.first(),
        "entry": entry,
        "validation": validation,
        "competence": validation.competence,
        "profile": MemberProfile.objects.get(user=demo["charge"]),
        "site": Site.objects.get(is_default_site=True),
        "question": Question.objects.first(),
    }
    return people, objects


def log_in(client, user):
    if user is not None:
        client.force_login(user)


def pages_by_type(objects):
    """One live page of each page type, by model name: the matrix's workshop and journey, the first of the others."""
    found = {"WorkshopPage": objects["workshop"], "JourneyPage": objects["journey"]}
    for page in Page.objects.live().specific().exclude(depth=1).order_by("pk"):
        found.setdefault(type(page).__name__, page)
    return found
