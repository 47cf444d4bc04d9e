"""Builds the demo site from the data modules of each app, idempotently (get-or-create by slug)."""

import datetime

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Revision, Site

from community.competences import demo as competences_demo
from community.competences.models import Competence
from community.journal import demo as journal_demo
from community.journal.models import JobProfileIndexPage, RecitIndexPage
from community.members import roles
from community.organisation.models import OrganisationSettings
from community.places import demo as places_demo
from core import moderation
from home.models import CharterPage, HomePage, StandardPage
from network.diagnostic import demo as diagnostic_demo
from network.follow import demo as follow_demo
from network.news import demo as news_demo
from network.news.models import NewsIndexPage, NewsPage
from network.prototypes import demo as prototypes_demo
from resources import demo as resources_demo
from resources.models import ResourceIndexPage, ToolSheetIndexPage, ToolSheetPage, WikiPage
from workshops import demo as workshops_demo
from workshops.models import (
    FeaturedPrototype,
    JourneyIndexPage,
    JourneyPage,
    JourneyRegistration,
    JourneyStage,
    Registration,
    SatisfactionResponse,
    WorkshopIndexPage,
    WorkshopPage,
)

from . import content, emblems

DEMO_PASSWORD = "gare-centrale-demo"  # noqa: S105 — printed for the demo accounts


class DemoNotAllowed(Exception):  # noqa: N818 — domain names, as the style guide asks
    """The settings do not allow the demo: its accounts' password is public (README), `admin` included."""

    message = (
        "Le contenu de démonstration est refusé avec ces réglages (DEMO_ALLOWED est faux, comme en production) : "
        "il crée le compte « admin » et d'autres avec un mot de passe public. "
        "Demo content refused with these settings (DEMO_ALLOWED is False, as in production): it creates "
        "accounts, admin included, whose password is public."
    )

    def __init__(self):
        super().__init__(self.message)


def ensure_child(parent, model, slug, **fields):
    """The child page of that slug, created and published with `fields` if it does not exist yet."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    tags = fields.pop("tags", [])
    page = model(slug=slug, **fields)
    if tags:
        page.tags.add(*tags)
    parent.add_child(instance=page)
    page.save_revision(user=fields.get("owner")).publish()
    return page


def ensure_home():
    home = HomePage.objects.first()
    if home:
        return home
    root = Page.get_first_root_node()
    home = HomePage(title="Gare centrale", slug="accueil", intro=content.HOME_INTRO, entry_points=[])
    root.add_child(instance=home)
    home.save_revision().publish()
    # Wagtail's initial "Welcome" page gives way to ours as the site's root.
    site = Site.objects.filter(is_default_site=True).first()
    welcome = site.root_page if site else None
    if site:
        site.root_page = home
        site.site_name = "Gare centrale"
        site.save()
    else:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True, site_name="Gare centrale")
    if welcome and welcome.specific_class is Page:
        welcome.delete()
    return home


def ensure_settings(site):
    organisation = OrganisationSettings.for_site(site)
    organisation.name = "Gare centrale"
    organisation.contact_email = content.CONTACT_EMAIL
    organisation.address = content.ADDRESS
    if not organisation.funders.exists():
        for funder in content.FUNDERS:
            organisation.funders.create(emblem=emblems.eu_emblem(), **funder)
    organisation.save()


def ensure_users():
    user_model = get_user_model()
    accounts = []
    for account in content.ACCOUNTS:
        user, created = user_model.objects.get_or_create(
            username=account["username"],
            defaults={
                "first_name": account["first_name"],
                "last_name": account["last_name"],
                "email": account["email"],
                "is_staff": account.get("is_superuser", False),
                "is_superuser": account.get("is_superuser", False),
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        if account.get("role"):
            user.groups.add(Group.objects.get(name=account["role"]))
        accounts.append((user, account.get("role") or "Administrateur"))
    return accounts


def build_resources(home):
    wiki = ensure_child(
        home, ResourceIndexPage, "ressources", title="Ressources", show_in_menus=True, intro=resources_demo.WIKI_INTRO
    )
    for data in resources_demo.WIKI_PAGES:
        ensure_resource(wiki, WikiPage, data, resources_demo.WIKI_AUTHOR)
    sheets = ensure_child(
        home,
        ToolSheetIndexPage,
        "outils",
        title="Fiches outils",
        show_in_menus=True,
        intro=resources_demo.TOOL_SHEETS_INTRO,
    )
    for data in resources_demo.TOOL_SHEETS:
        ensure_resource(sheets, ToolSheetPage, data, resources_demo.TOOL_SHEET_AUTHOR)
    for role in (roles.CONTRIBUTORS, roles.CHARGES):
        roles.grant_pages(role, wiki)
        roles.grant_pages(role, sheets)
    return wiki, sheets


def ensure_resource(parent, model, data, author):
    """A wiki page or tool sheet with a history by demo accounts: its first version by another account when the demo
    gives one (`FIRST_VERSIONS`), then the text of the data published by `author`, once."""
    users = get_user_model().objects
    author = users.get(username=author)
    first_author, first_fields = resources_demo.FIRST_VERSIONS.get(data["slug"], (author.username, {}))
    page = ensure_child(parent, model, **{**data, **first_fields}, owner=users.get(username=first_author))
    if first_fields and not Revision.objects.for_instance(page).filter(user=author).exists():
        for name in first_fields:
            setattr(page, name, data[name])
        page.save_revision(user=author).publish()
    return page


def tag_tool_sheet_competences(sheets, digcomp):
    """The DigComp competences of the demo tool sheets, for sheets that have none yet."""
    competences = {c.code: c for c in Competence.objects.filter(area__framework=digcomp)}
    for slug, codes in resources_demo.TOOL_SHEET_COMPETENCES.items():
        sheet = ToolSheetPage.objects.child_of(sheets).filter(slug=slug).first()
        if sheet is None or sheet.competences.exists():
            continue
        sheet.competences = [competences[code] for code in codes]
        sheet.save_revision(user=get_user_model().objects.get(username=resources_demo.TOOL_SHEET_AUTHOR)).publish()


def build_workshops(home):
    index = ensure_child(
        home, WorkshopIndexPage, "ateliers", title="Ateliers", show_in_menus=True, intro=workshops_demo.INTRO
    )
    journeys = ensure_child(
        home, JourneyIndexPage, "parcours", title="Parcours", show_in_menus=True, intro=workshops_demo.JOURNEYS_INTRO
    )
    stages = [JourneyStage(kind=kind, description=text) for kind, text in workshops_demo.DUNAR_STAGES]
    dunar = ensure_child(journeys, JourneyPage, stages=stages, **workshops_demo.DUNAR)
    animator = get_user_model().objects.get(username="animateur")
    for parent, workshops in ((dunar, workshops_demo.dunar_workshops()), (index, workshops_demo.network_workshops())):
        for data in workshops:
            ensure_workshop(parent, animator, **data)
        ensure_registrations(parent)
    if not dunar.registrations.exists():
        for association in workshops_demo.journey_registrations():
            JourneyRegistration.objects.create(journey=dunar, consent_at=timezone.now(), **association)
    for page in (index, journeys):
        roles.grant_pages(roles.ANIMATORS, page)
    return index


def ensure_workshop(parent, animator, tools=(), **data):
    """A demo workshop, led by the demo animator, with the tool sheets it used (named by slug)."""
    workshop = ensure_child(parent, WorkshopPage, **data)
    if not workshop.animators.exists() or (tools and not workshop.tools_used.exists()):
        workshop.animators.add(animator)
        workshop.tools_used.set(ToolSheetPage.objects.filter(slug__in=tools))
        workshop.save_revision(user=animator).publish()
    return workshop


def ensure_registrations(parent):
    """The demo sign-ups, written as they are (no e-mail), for workshops that have none yet."""
    for slug, people in workshops_demo.registrations().items():
        workshop = WorkshopPage.objects.child_of(parent).filter(slug=slug).first()
        if workshop is None or workshop.registrations.exists():
            continue
        first = min(timezone.now(), workshop.start) - datetime.timedelta(days=10)
        for order, person in enumerate(people):
            signed_up_at = first + datetime.timedelta(hours=5 * order)
            score = person.pop("score", None)
            registration = Registration.objects.create(
                workshop=workshop, consent_at=signed_up_at, created_at=signed_up_at, **person
            )
            if score:
                SatisfactionResponse.objects.create(registration=registration, score=score)


def build_news(home):
    """The news index and its demo news, written by animators (who get page rights there) and coordinators."""
    index = ensure_child(
        home, NewsIndexPage, "actualites", title="Actualités", show_in_menus=True, intro=news_demo.INTRO
    )
    users = get_user_model().objects
    for data in news_demo.news_items(timezone.localdate()):
        author = users.get(username=data.pop("author"))
        ensure_child(index, NewsPage, owner=author, **data)
    roles.grant_pages(roles.ANIMATORS, index)
    return index


def build_prototypes(home, workshops):
    """The centres' prototypes, and the Valenciennes temps fort presenting those of several centres."""
    coordinator = get_user_model().objects.get(username="coordinatrice")
    index = prototypes_demo.load(home, owner=coordinator)
    # Chargés de mission add prototypes; they edit those of their structure (network/prototypes/permissions.py).
    roles.grant_pages(roles.CHARGES, index)
    highlight = WorkshopPage.objects.child_of(workshops).filter(slug=workshops_demo.VALENCIENNES_HIGHLIGHT["slug"])
    highlight = highlight.first()
    if highlight and not highlight.featured_prototypes.exists():
        highlight.featured_prototypes = [
            FeaturedPrototype(prototype=prototype) for prototype in prototypes_demo.highlighted(index)
        ]
        highlight.save_revision().publish()
    return index


def build_legal_pages(home):
    for data in content.legal_pages():
        # The charter lists its signatories (community/places/demo.py); on a site built before CharterPage, the
        # migration home 0004 has already turned the plain page into one.
        ensure_child(home, CharterPage if data["slug"] == content.CHARTER_SLUG else StandardPage, **data)


@transaction.atomic
def load():
    """Creates whatever is missing of the demo site and returns the demo accounts with their roles."""
    if not settings.DEMO_ALLOWED:
        raise DemoNotAllowed
    home = ensure_home()
    ensure_settings(Site.objects.get(root_page=home))
    # « Soumettre à Relecture »: as core 0001 does, in case Wagtail's default names came back since.
    moderation.name_in_french(apps)
    accounts = ensure_users()
    wiki, sheets = build_resources(home)
    digcomp, _ = competences_demo.load()
    tag_tool_sheet_competences(sheets, digcomp)
    diagnostic_demo.load(digcomp)
    journal_demo.load(get_user_model().objects.get(username="chargee"))
    ensure_child(home, RecitIndexPage, "recits", title="Récits collectifs", intro=journal_demo.RECITS_INTRO)
    ensure_child(
        home,
        JobProfileIndexPage,
        "referentiels-metiers",
        title="Référentiels métiers",
        intro=content.JOB_PROFILES_INTRO,
    )
    workshops = build_workshops(home)
    build_news(home)
    build_legal_pages(home)
    places_demo.load()
    journal_demo.ensure_profiles()
    build_prototypes(home, workshops)
    roles.grant_pages(roles.COORDINATORS, home, roles.MANAGE_PAGES)
    if not home.entry_points:
        home.entry_points = content.entry_points(wiki=wiki, sheets=sheets, workshops=workshops)
        home.save_revision().publish()
    # Last: the demo's followers start from the site as built, with nothing new to be told yet.
    follow_demo.load()
    return accounts
