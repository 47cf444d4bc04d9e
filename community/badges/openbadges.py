"""Open Badges 2.0 with hosted verification: issuing and revoking a badge for a validated level, and its JSON-LD.

Issuing a badge makes public, on its verification page and in its JSON, what a third party needs to check it: the
holder's display name (page only), the competence and the level. The holder's e-mail is never published: the
assertion carries its salted SHA-256 only, computed at issue time.
"""

import hashlib
import secrets
from email.utils import parseaddr

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from community.competences.models import ProficiencyLevel
from community.members import accounts, notices
from community.organisation.models import OrganisationSettings
from core.links import absolute_url

from .models import BadgeAssertion

CONTEXT = "https://w3id.org/openbadges/v2"


class BadgeError(Exception):
    """A refusal with a French message; `status` is the HTTP status the view answers with."""

    status = 409

    def __init__(self, message, status=None):
        self.message = message
        if status is not None:
            self.status = status
        super().__init__(message)


def identity_hash(email, salt):
    """The Open Badges identity of an e-mail: "sha256$" + hex digest of the normalised address followed by salt."""
    normalised = email.strip().lower()
    return "sha256$" + hashlib.sha256((normalised + salt).encode("utf-8")).hexdigest()


def matches(assertion, email):
    """Whether `email` is the address the badge was issued to (compared in constant time)."""
    if not email:
        return False
    return secrets.compare_digest(identity_hash(email, assertion.salt), assertion.recipient_identity)


def active_badge(validation):
    return BadgeAssertion.objects.filter(validation=validation, revoked_at__isnull=True).first()


def active_badges(validations):
    """The active badge of each of `validations`, by validation pk, in one query."""
    pks = [validation.pk for validation in validations if validation is not None]
    if not pks:
        return {}
    badges = BadgeAssertion.objects.filter(validation__in=pks, revoked_at__isnull=True)
    return {badge.validation_id: badge for badge in badges}


@transaction.atomic
def issue_badge(validation, coordinator):
    """A coordinator issues the badge of an existing validation; one active badge per validation."""
    if not accounts.is_coordinator(coordinator):
        raise PermissionDenied
    if validation.pk is None:
        raise BadgeError(_("Un badge ne s'émet que pour un niveau validé."), status=400)
    member = validation.member
    if member.pk == coordinator.pk:
        raise BadgeError(_("Un coordinateur n'émet pas de badge pour ses propres compétences."), status=403)
    if not member.email:
        raise BadgeError(_("Ce membre n'a pas d'adresse e-mail : un badge ne peut pas lui être attribué."), status=400)
    if BadgeAssertion.objects.filter(validation=validation, revoked_at__isnull=True).exists():
        raise BadgeError(_("Un badge est déjà émis pour ce niveau validé. Révoquez-le avant d'en émettre un autre."))
    salt = secrets.token_hex(16)
    try:
        with transaction.atomic():  # the unique constraint settles two coordinators clicking at once
            badge = BadgeAssertion.objects.create(
                validation=validation,
                recipient_identity=identity_hash(member.email, salt),
                salt=salt,
                issued_by=coordinator,
            )
    except IntegrityError:
        raise BadgeError(
            _("Un badge est déjà émis pour ce niveau validé. Révoquez-le avant d'en émettre un autre.")
        ) from None
    name = badge_name(validation.competence, validation.level)
    message = _("Votre badge « %(badge)s » est émis : sa page de vérification est publique.") % {"badge": name}
    notices.tell(member, message, badge.get_absolute_url())
    return badge


@transaction.atomic
def revoke_badge(assertion, coordinator, reason):
    """A coordinator revokes a badge, with a reason that its hosted JSON and verification page then show."""
    if not accounts.is_coordinator(coordinator):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise BadgeError(_("Indiquez le motif de la révocation : il sera affiché publiquement."), status=400)
    locked = BadgeAssertion.objects.select_for_update().get(pk=assertion.pk)
    if locked.revoked_at is not None:
        raise BadgeError(_("Ce badge est déjà révoqué."))
    locked.revoked_at = timezone.now()
    locked.revoked_by = coordinator
    locked.revocation_reason = reason[:500]
    locked.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
    assertion.revoked_at, assertion.revoked_by, assertion.revocation_reason = (
        locked.revoked_at,
        locked.revoked_by,
        locked.revocation_reason,
    )
    validation = assertion.validation
    message = _("Votre badge « %(badge)s » est révoqué. Motif : %(reason)s") % {
        "badge": badge_name(validation.competence, validation.level),
        "reason": locked.revocation_reason,
    }
    notices.tell(validation.member, message, assertion.get_absolute_url())
    return assertion


# --- JSON-LD -------------------------------------------------------------------------------------------------------


def issuer_id():
    return absolute_url(reverse("badges:issuer"))


def badge_class_id(competence_id, level):
    return absolute_url(reverse("badges:badge_class", kwargs={"competence_pk": competence_id, "level": level}))


def assertion_id(assertion):
    return absolute_url(reverse("badges:assertion", kwargs={"uuid": assertion.uuid}))


def framework_label(framework):
    return framework.name if framework.version in framework.name else f"{framework.name} {framework.version}"


def badge_name(competence, level):
    framework = competence.area.framework
    return f"{framework_label(framework)} — {competence.code} {competence.title} — " + _("niveau %(level)s") % {
        "level": level
    }


def level_of(competence, level):
    """The framework's level of that number, or None (a framework without levels accepts 1 to 8)."""
    return ProficiencyLevel.objects.filter(framework_id=competence.area.framework_id, number=level).first()


def is_valid_level(competence, level, proficiency=None):
    return proficiency is not None or (1 <= level <= 8 and not competence.area.framework.levels.exists())


def badge_class_json(competence, level, proficiency=None):
    """The BadgeClass of (competence, level); `competence` comes with its area and framework."""
    framework = competence.area.framework
    competence_url = absolute_url(competence.get_absolute_url())
    level_text = _("niveau %(level)s") % {"level": level}
    if proficiency is not None and proficiency.stage:
        level_text += f" ({proficiency.stage})"
    description = _(
        "Ce badge atteste le %(level)s de la compétence « %(competence)s » du référentiel %(framework)s."
    ) % {"level": level_text, "competence": f"{competence.code} {competence.title}", "framework": str(framework)}
    if proficiency is not None and proficiency.description:
        description += " " + proficiency.description
    alignment = {
        "targetName": f"{competence.code} {competence.title}",
        "targetUrl": competence_url,
        "targetFramework": str(framework),
        "targetCode": competence.code,
    }
    if competence.description:
        alignment["targetDescription"] = competence.description
    return {
        "@context": CONTEXT,
        "type": "BadgeClass",
        "id": badge_class_id(competence.pk, level),
        "name": badge_name(competence, level),
        "description": description,
        "image": absolute_url(static("img/badge.svg")),
        "criteria": {
            "id": competence_url,
            "narrative": _(
                "Un coordinateur du réseau a validé ce niveau à partir des traces du journal de bord du membre "
                "(observations, mises en pratique, freins levés) qui mettent en évidence cette compétence."
            ),
        },
        "issuer": issuer_id(),
        "alignment": [alignment],
        "tags": [framework.slug, competence.code],
    }


def issuer_json(request):
    """The network's Issuer Profile, from the site settings (name, contact e-mail)."""
    organisation = OrganisationSettings.for_request(request)
    email = organisation.contact_email or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    return {
        "@context": CONTEXT,
        "type": "Issuer",
        "id": issuer_id(),
        "name": organisation.name,
        "url": absolute_url("/"),
        "email": email,
    }


def assertion_json(assertion):
    """The hosted Assertion, or the short revoked form served with 410 Gone once revoked."""
    if assertion.is_revoked:
        return {
            "@context": CONTEXT,
            "id": assertion_id(assertion),
            "type": "Assertion",
            "revoked": True,
            "revocationReason": assertion.revocation_reason,
        }
    validation = assertion.validation
    return {
        "@context": CONTEXT,
        "type": "Assertion",
        "id": assertion_id(assertion),
        "recipient": {
            "type": "email",
            "hashed": True,
            "salt": assertion.salt,
            "identity": assertion.recipient_identity,
        },
        "badge": badge_class_id(validation.competence_id, validation.level),
        "verification": {"type": "hosted"},
        "issuedOn": assertion.issued_on.isoformat(),
        "narrative": _("Niveau validé le %(date)s.") % {"date": validation.validated_at.date().isoformat()},
    }
