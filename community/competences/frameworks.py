"""Operations on the competence framework: publishing a new version, and what the public pages list."""

from django.db import transaction
from django.db.models import Count, Prefetch
from django.utils.translation import gettext as _

from .models import Competence, CompetenceArea, Framework, ProficiencyLevel


class VersionExists(Exception):  # noqa: N818 — domain names, as the style guide asks
    def __init__(self, framework, version):
        self.message = _("La version %(version)s du référentiel « %(name)s » existe déjà.") % {
            "version": version,
            "name": framework.name,
        }
        super().__init__(self.message)


@transaction.atomic
def new_version(framework, version, date):
    """A copy of `framework` (areas, competences, levels) as the new current version; the old one stays intact.

    Journal entries keep pointing at the competences of the version they were written against.
    """
    if Framework.objects.filter(slug=framework.slug, version=version).exists():
        raise VersionExists(framework, version)
    copy = Framework.objects.create(
        name=framework.name,
        slug=framework.slug,
        version=version,
        date=date,
        description=framework.description,
        source=framework.source,
        source_url=framework.source_url,
        is_current=True,
    )
    ProficiencyLevel.objects.bulk_create(
        ProficiencyLevel(
            framework=copy, number=level.number, name=level.name, stage=level.stage, description=level.description
        )
        for level in framework.levels.all()
    )
    for area in framework.areas.prefetch_related("competences"):
        area_copy = CompetenceArea.objects.create(framework=copy, code=area.code, title=area.title, order=area.order)
        Competence.objects.bulk_create(
            Competence(
                area=area_copy,
                code=competence.code,
                title=competence.title,
                description=competence.description,
                order=competence.order,
            )
            for competence in area.competences.all()
        )
    Framework.objects.filter(slug=framework.slug).exclude(pk=copy.pk).update(is_current=False)
    return copy


def current_frameworks():
    """The frameworks in force, with how many areas and competences each holds."""
    return Framework.objects.filter(is_current=True).annotate(
        area_count=Count("areas", distinct=True), competence_count=Count("areas__competences", distinct=True)
    )


def framework_with_contents(slug, version):
    """The framework of that slug and version with its levels, areas and competences prefetched, or None."""
    return (
        Framework.objects.filter(slug=slug, version=version)
        .prefetch_related(
            "levels",
            Prefetch("areas", queryset=CompetenceArea.objects.prefetch_related("competences")),
        )
        .first()
    )


def other_versions(framework):
    return Framework.objects.filter(slug=framework.slug).exclude(pk=framework.pk).order_by("-date")


def current_competences():
    """The competences of the frameworks in force, for choosing in forms."""
    return Competence.objects.filter(area__framework__is_current=True).select_related("area__framework")
