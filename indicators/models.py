"""A journey's final report: its figures computed from the journey's data, its conclusions written by people."""

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from community.members.page_rights import CoordinatorsPagePermissionTester
from core.limits import TEXT_MAX_LENGTH
from core.pages import SitePage

from . import figures, reports

FEATURES = ["h3", "bold", "italic", "ol", "ul", "link"]


def _written(label, help_text):
    return RichTextField(label, blank=True, max_length=TEXT_MAX_LENGTH, features=FEATURES, help_text=help_text)


class JourneyReportPage(RoutablePageMixin, SitePage):
    """The rapport final of a journey, under it. The calendar, the participation and the memories and tool sheets
    produced are read from the journey when the page is shown: no figure is typed."""

    aims = _written(_("rappel de la commande et des objectifs"), _("Repris du parcours ; à compléter."))
    results = _written(_("travaux et résultats"), _("Ce que les ateliers ont produit, au-delà des chiffres."))
    conclusions = _written(_("conclusions"), "")
    recommendations = _written(_("recommandations"), "")

    content_panels = Page.content_panels + [
        HelpPanel(
            _(
                "Le calendrier, les chiffres de participation et la liste des mémoires et fiches outils sont "
                "calculés à partir du parcours à chaque affichage : vous écrivez les textes."
            )
        ),
        FieldPanel("aims"),
        FieldPanel("results"),
        FieldPanel("conclusions"),
        FieldPanel("recommendations"),
    ]
    parent_page_types = ["workshops.JourneyPage"]
    subpage_types = []
    # Its figures follow the attendance taken after publication.
    cache_public_page = False

    class Meta:
        verbose_name = _("rapport final de parcours")
        verbose_name_plural = _("rapports finaux de parcours")

    def permissions_for_user(self, user):
        return CoordinatorsPagePermissionTester(user, self)

    def journey(self):
        return self.get_parent().specific

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        report = figures.journey_report(self.journey())
        context.update(
            report, participation_lines=reports.participation_lines(report), produced=reports.produced(report)
        )
        return context

    @path("pdf/", name="pdf")
    def pdf_route(self, request):
        response = HttpResponse(reports.report_pdf(self, request), content_type="application/pdf")
        response["Content-Disposition"] = content_disposition_header(True, f"{self.slug}.pdf")
        return response
