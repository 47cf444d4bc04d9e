"""What the badges keep about a person, for their export: the assertions issued for their validated levels.

Erasing the account erases them with the validations (CASCADE): their hosted URLs then answer 404, not 410.
"""

from community.competences.rights import competence_data

from . import openbadges
from .models import BadgeAssertion


def badges_data(user):
    assertions = BadgeAssertion.objects.filter(validation__member=user).select_related(
        "validation__competence__area__framework"
    )
    return [
        {
            **competence_data(assertion.validation.competence),
            "level": assertion.validation.level,
            "assertion": openbadges.assertion_id(assertion),
            "issued_on": assertion.issued_on.isoformat(),
            "revoked": assertion.is_revoked,
            "revoked_at": assertion.revoked_at.isoformat() if assertion.revoked_at else None,
            "revocation_reason": assertion.revocation_reason,
        }
        for assertion in assertions.order_by("issued_on")
    ]
