"""Journeys (parcours): their timeline of stages and workshops, and associations joining a journey as a whole."""

from dataclasses import dataclass, field
from functools import partial

from django.db import IntegrityError, transaction
from django.db.models import Value
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.members.roles import COORDINATORS
from core.spreadsheets import write_spreadsheet

from . import tasks
from .models.registration import JourneyRegistration
from .signup import SignupError

# What the timeline shows of a workshop (a page's dozens of fields cost more to read than it to draw).
TIMELINE_FIELDS = ("title", "url_path", "start", "end", "commune", "has_memory", "stage")
ASSOCIATION_FIELDS = ("structure", "commune", "contact_name", "email", "phone", "participants", "needs")

CSV_HEADERS = (
    _("Statut"),
    _("Structure"),
    _("Commune"),
    _("Personne à contacter"),
    _("E-mail"),
    _("Téléphone"),
    _("Nombre de personnes"),
    _("Besoins"),
    _("Inscrite le"),
)


class JourneyClosed(SignupError):  # noqa: N818 — domain names, as the style guide asks
    message = _("Les inscriptions à ce parcours sont closes.")


class OutsideTerritory(SignupError):  # noqa: N818 — domain names, as the style guide asks
    message = _("Ce parcours est réservé aux associations des communes de son territoire.")


class AlreadyJoined(SignupError):  # noqa: N818 — domain names, as the style guide asks
    message = _(
        "Cette adresse e-mail a déjà inscrit une structure à ce parcours. "
        "Le lien pour voir ou annuler l'inscription se trouve dans l'e-mail de confirmation."
    )


@dataclass
class Step:
    """One stage of the journey on its timeline, with its workshops in date order."""

    label: str
    description: str = ""
    workshops: list = field(default_factory=list)


@dataclass
class TimelineItem:
    workshop: object
    # "done" once over, "next" for the first one to come, "later" for the others.
    state: str


def timeline(journey, now=None):
    """The journey's stages in order, each with its workshops marked done, next or later; workshops of no
    declared stage come last. Two queries, whatever the number of stages and workshops."""
    now = now or timezone.now()
    workshops = list(journey.workshops().select_related(None).only(*TIMELINE_FIELDS))
    upcoming = [workshop for workshop in workshops if workshop.end >= now]
    next_one = upcoming[0] if upcoming else None
    steps = {stage.kind: Step(stage.get_kind_display(), stage.description) for stage in journey.stages.all()}
    others = Step(str(_("Autres rendez-vous")) if steps else "")
    for workshop in workshops:
        state = "done" if workshop.end < now else "next" if workshop is next_one else "later"
        steps.get(workshop.stage, others).workshops.append(TimelineItem(workshop, state))
    return [*steps.values(), *([others] if others.workshops else [])]


def can_manage(user, journey):
    """Superusers, coordinators and the animators of one of the journey's workshops see who joined it."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or user.groups.filter(name=COORDINATORS).exists():
        return True
    return user.animated_workshops.child_of(journey).exists()


def is_in_territory(journey, commune):
    communes = {name.casefold() for name in journey.communes()}
    return not communes or " ".join(commune.split()).casefold() in communes


def join(journey, association):
    """Signs an association up for the whole journey (a dict of ASSOCIATION_FIELDS, consent given)."""
    fields = {name: association.get(name) for name in ASSOCIATION_FIELDS}
    for name, value in fields.items():
        if isinstance(value, str):
            fields[name] = value.strip()
    with transaction.atomic():
        journey = type(journey).objects.select_for_update(of=("self",)).defer_streamfields().get(pk=journey.pk)
        if not (journey.live and journey.is_open):
            raise JourneyClosed
        if not is_in_territory(journey, fields["commune"]):
            raise OutsideTerritory
        same_email = Lower(Value(fields["email"]))
        active = JourneyRegistration.objects.filter(journey=journey, status=JourneyRegistration.Status.CONFIRMED)
        if active.alias(email_lower=Lower("email")).filter(email_lower=same_email).exists():
            raise AlreadyJoined
        now = timezone.now()
        try:
            with transaction.atomic():
                registration = JourneyRegistration.objects.create(
                    journey=journey, consent_at=now, created_at=now, **fields
                )
        except IntegrityError as error:
            raise AlreadyJoined from error
        transaction.on_commit(partial(tasks.send_journey_signup.enqueue, registration.pk))
    return registration


def leave(registration):
    """Cancels an association's sign-up for a journey; cancelling twice changes nothing."""
    with transaction.atomic():
        current = JourneyRegistration.objects.select_for_update().get(pk=registration.pk)
        if current.status != JourneyRegistration.Status.CANCELLED:
            current.status = JourneyRegistration.Status.CANCELLED
            current.cancelled_at = timezone.now()
            current.save(update_fields=["status", "cancelled_at"])
    registration.refresh_from_db()
    return registration


def registrations(journey):
    return JourneyRegistration.objects.filter(journey=journey).order_by("created_at", "id")


def write_csv(journey, stream):
    """The associations that joined a journey, for a spreadsheet."""
    write_spreadsheet(stream, CSV_HEADERS, (_row(registration) for registration in registrations(journey)))


def csv_filename(journey):
    return _("associations-%(slug)s.csv") % {"slug": journey.slug}


def _row(registration):
    return [
        registration.get_status_display(),
        registration.structure,
        registration.commune,
        registration.contact_name,
        registration.email,
        registration.phone,
        registration.participants,
        registration.needs,
        timezone.localtime(registration.created_at).strftime("%d/%m/%Y %H:%M"),
    ]
