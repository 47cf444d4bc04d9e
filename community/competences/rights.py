"""What the competence records keep about a person, for their export: levels validated for them, and by them."""

from community.members import accounts

from .models import CompetenceValidation


def competence_data(competence):
    framework = competence.area.framework
    return {
        "framework": framework.slug,
        "version": framework.version,
        "code": competence.code,
        "title": competence.title,
    }


def validations_data(user):
    """The validations received, with who gave them (a coordinator's act, shown on the member's own profile), and
    those given, without the member they concern: that record is the other person's."""
    validations = CompetenceValidation.objects.select_related("competence__area__framework").order_by("validated_at")
    received = validations.filter(member=user).select_related("validated_by__member_profile")
    return {
        "received": [
            {
                **competence_data(validation.competence),
                "level": validation.level,
                "validated_at": validation.validated_at.isoformat(),
                "validated_by": accounts.display_name(validation.validated_by) if validation.validated_by else None,
                "comment": validation.comment,
            }
            for validation in received
        ],
        "given": [
            {
                **competence_data(validation.competence),
                "level": validation.level,
                "validated_at": validation.validated_at.isoformat(),
                "comment": validation.comment,
            }
            for validation in validations.filter(validated_by=user)
        ],
    }
