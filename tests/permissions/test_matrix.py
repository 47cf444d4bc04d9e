"""The permission matrix: every front view, every page type (public page and admin editor) and every snippet's
admin views, against each kind of person — anonymous, contributor, the animator of this workshop and of another,
the chargé of this structure and of another, coordinator and superuser.

Each row reads across the roles in the order of ROLES. A cell is a status code, L for a redirection to a login
page, or R for another redirection (Wagtail's admin sends whoever lacks a right back to its dashboard).
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.models import get_page_models
from wagtail.snippets.models import get_snippet_models

from tests.permissions.world import ROLES, build, log_in, pages_by_type

pytestmark = pytest.mark.django_db

#                                                   anon  contr anim  o.an  charg o.ch  coord super
FRONT = {
    "account:invite": ("/compte/inviter/", "L 403 403 403 403 403 200 200"),
    "account:accept": ("/compte/invitation/inconnue/", "404 404 404 404 404 404 404 404"),
    "account:profile": ("/compte/profil/", "L 200 200 200 200 200 200 200"),
    "account:notices_read": ("/compte/nouvelles/lues/", "405 405 405 405 405 405 405 405"),  # by POST, one's own
    # Every account reaches its own data, whatever its role; erasing asks the password again (by POST).
    "my_data:export": ("/compte/mes-donnees.json", "L 200 200 200 200 200 200 200"),
    "my_data:erase_journal": ("/compte/effacer-mon-journal/", "L 200 200 200 200 200 200 200"),
    "my_data:erase_account": ("/compte/effacer-mon-compte/", "L 200 200 200 200 200 200 200"),
    "login": ("/compte/login/", "200 200 200 200 200 200 200 200"),
    "logout": ("/compte/logout/", "405 405 405 405 405 405 405 405"),  # by POST only
    "password_change": ("/compte/password_change/", "L 200 200 200 200 200 200 200"),
    "password_change_done": ("/compte/password_change/done/", "L 200 200 200 200 200 200 200"),
    "password_reset": ("/compte/password_reset/", "200 200 200 200 200 200 200 200"),
    "password_reset_done": ("/compte/password_reset/done/", "200 200 200 200 200 200 200 200"),
    "password_reset_confirm": ("/compte/reset/MQ/jeton-invalide/", "200 200 200 200 200 200 200 200"),
    "password_reset_complete": ("/compte/reset/done/", "200 200 200 200 200 200 200 200"),
    "competences:list": ("/competences/", "200 200 200 200 200 200 200 200"),
    "competences:framework": ("/competences/{framework}/", "200 200 200 200 200 200 200 200"),
    "competences:new_version": ("/competences/{framework}/nouvelle-version/", "L 403 403 403 403 403 200 200"),
    "competences:competence": ("/competences/{framework}/{competence_code}/", "200 200 200 200 200 200 200 200"),
    "journal:list": ("/journal/", "L 200 200 200 200 200 200 200"),
    "journal:create": ("/journal/nouvelle/", "L 200 200 200 200 200 200 200"),
    "journal:network": ("/journal/reseau/", "200 200 200 200 200 200 200 200"),  # public entries for all
    "journal:export_markdown": ("/journal/export.md", "L 200 200 200 200 200 200 200"),
    "journal:export_json": ("/journal/export.json", "L 200 200 200 200 200 200 200"),
    "journal:compile_recit": ("/journal/recit/", "L 403 403 403 403 403 200 200"),
    "journal:cadre": ("/journal/cadre/", "L 403 403 403 403 403 200 200"),
    "journal:profile": ("/journal/profil/", "L 200 200 200 200 200 200 200"),
    "journal:members": ("/journal/profils/", "L 403 403 403 403 403 200 200"),
    # The chargé's own profile sends them to "my profile"; coordinators read every member's.
    "journal:member_profile": ("/journal/profil/chargee/", "L 403 403 403 R 403 200 200"),
    "journal:validate": ("/journal/profil/chargee/valider/", "L 403 403 403 403 403 R R"),  # by POST
    # A team entry of the chargé's structure: its author and that structure's members (the coordinator is one).
    "journal:detail": ("/journal/{entry}/", "404 404 404 404 200 404 200 404"),
    "journal:edit": ("/journal/{entry}/modifier/", "L 404 404 404 200 404 403 404"),
    "journal:delete": ("/journal/{entry}/supprimer/", "L 404 404 404 200 404 403 404"),
    "badges:issuer": ("/badges/emetteur.json", "200 200 200 200 200 200 200 200"),
    "badges:badge_class": ("/badges/classes/{competence}/2.json", "200 200 200 200 200 200 200 200"),
    "badges:issue": ("/badges/emettre/{validation}/", "L 403 403 403 403 403 R R"),  # by POST
    "badges:assertion": ("/badges/{unknown_uuid}.json", "404 404 404 404 404 404 404 404"),
    "badges:verify": ("/badges/{unknown_uuid}/", "404 404 404 404 404 404 404 404"),
    "badges:revoke": ("/badges/{unknown_uuid}/revoquer/", "L 403 403 403 403 403 404 404"),
    "dashboard:index": ("/tableau-de-bord/", "L 403 403 403 403 403 200 200"),
    "dashboard:job_profile": ("/tableau-de-bord/referentiels-metiers/", "L 403 403 403 403 403 200 200"),
    "dashboard:table_csv": ("/tableau-de-bord/ateliers.csv", "L 403 403 403 403 403 200 200"),
    "dashboard:journey_report": ("/tableau-de-bord/rapport-final/", "L 403 403 403 403 403 200 200"),
    "dashboard:committee_pack": (
        "/tableau-de-bord/comite-de-pilotage.pdf?trimestre=2026-T1",
        "L 403 403 403 403 403 200 200",
    ),
    # Says the page does not exist yet (404), and offers to create it to those who may.
    "resources:missing_wiki_page": ("/ressources/page-a-creer/?titre=Nouvelle", "404 404 404 404 404 404 404 404"),
    # A sign-up's secret link is its key, whoever holds it.
    "workshops:journey_manage": ("/inscription/parcours/{journey_token}/", "200 200 200 200 200 200 200 200"),
    "workshops:manage": ("/inscription/{token}/", "200 200 200 200 200 200 200 200"),
    "workshops:cancel": ("/inscription/{token}/annuler/", "R R R R R R R R"),  # by POST
    "workshops:survey": ("/inscription/{token}/avis/", "200 200 200 200 200 200 200 200"),
    "workshops:data": ("/inscription/{token}/donnees.json", "200 200 200 200 200 200 200 200"),
    "workshops:erase": ("/inscription/{token}/effacer/", "200 200 200 200 200 200 200 200"),  # asks first
    "workshops:journey_data": ("/inscription/parcours/{journey_token}/donnees.json", "200 200 200 200 200 200 200 200"),
    "workshops:journey_erase": ("/inscription/parcours/{journey_token}/effacer/", "200 200 200 200 200 200 200 200"),
    "workshops:erased": ("/inscription/effacee/", "200 200 200 200 200 200 200 200"),
    "workshops_management:registrations": ("/ateliers-gestion/{workshop_id}/", "L 403 200 403 403 403 200 200"),
    # Attendance opens when the workshop starts: before that, managers are sent back to the sign-ups.
    "workshops_management:attendance": ("/ateliers-gestion/{workshop_id}/presences/", "L 403 R 403 403 403 R R"),
    "workshops_management:announcements": (
        "/ateliers-gestion/{workshop_id}/messages/",
        "L 403 200 403 403 403 200 200",
    ),
    "workshops_management:csv": ("/ateliers-gestion/{workshop_id}/inscrits.csv", "L 403 200 403 403 403 200 200"),
    "workshops_management:sheet": ("/ateliers-gestion/{workshop_id}/emargement.pdf", "L 403 200 403 403 403 200 200"),
    "workshops_management:journey_registrations": (
        "/ateliers-gestion/parcours/{journey_id}/",
        "L 403 200 403 403 403 200 200",
    ),
    "workshops_management:journey_csv": (
        "/ateliers-gestion/parcours/{journey_id}/associations.csv",
        "L 403 200 403 403 403 200 200",
    ),
    "search": ("/recherche/?q=atelier", "200 200 200 200 200 200 200 200"),
    "resources_feed_atom": ("/ressources/flux.atom", "200 200 200 200 200 200 200 200"),
    "resources_feed_rss": ("/ressources/flux.rss", "200 200 200 200 200 200 200 200"),
    "workshops_calendar": ("{workshop_url}agenda.ics", "200 200 200 200 200 200 200 200"),
    "places:map": ("/carte/", "200 200 200 200 200 200 200 200"),
    "places:places_geojson": ("/carte/lieux.geojson", "200 200 200 200 200 200 200 200"),
    "places:places_csv": ("/carte/lieux.csv", "200 200 200 200 200 200 200 200"),
    "places:places_json": ("/carte/lieux.json", "200 200 200 200 200 200 200 200"),
    "places:permanences_ical": ("/carte/permanences.ics", "200 200 200 200 200 200 200 200"),
    "places:structure": ("/carte/{structure_slug}/", "200 200 200 200 200 200 200 200"),
    # Referents' names, e-mails and phones: for members, never for anonymous visitors.
    "directory:referents": ("/annuaire/?commune=Valenciennes", "L 200 200 200 200 200 200 200"),
    # « Nous l'adoptons » and its withdrawal, by POST from the prototype's page (tests/network/prototypes).
    "prototypes:adopt": ("/adoptions/prototype/0/", "L 405 405 405 405 405 405 405"),
    "prototypes:withdraw": ("/adoptions/0/retirer/", "L 405 405 405 405 405 405 405"),
    "sitemap": ("/sitemap.xml", "200 200 200 200 200 200 200 200"),
    "news_feed_atom": ("/actualites/flux.atom", "200 200 200 200 200 200 200 200"),
    "news_feed_rss": ("/actualites/flux.rss", "200 200 200 200 200 200 200 200"),
    "digest:subscribe": ("/lettre/", "200 200 200 200 200 200 200 200"),
    # A subscription's secret link is its key, whoever holds it; an unknown one finds nothing.
    "digest:confirm": ("/lettre/confirmer/{unknown_uuid}/", "404 404 404 404 404 404 404 404"),
    "digest:unsubscribe": ("/lettre/desinscription/{unknown_uuid}/", "404 404 404 404 404 404 404 404"),
    # Anyone follows a public page: a visitor by e-mail, a member from their account; one's follows are one's own.
    "follow:follow": ("/suivre/{journey_id}/", "200 200 200 200 200 200 200 200"),
    "follow:confirm": ("/suivre/confirmer/{unknown_uuid}/", "404 404 404 404 404 404 404 404"),
    "follow:manage": ("/suivre/gerer/{unknown_uuid}/", "404 404 404 404 404 404 404 404"),
    "follow:unsubscribe": ("/suivre/desinscription/{unknown_uuid}/", "404 404 404 404 404 404 404 404"),
    "follow:mine": ("/suivis/", "L 200 200 200 200 200 200 200"),
    "favicon": ("/favicon.ico", "R R R R R R R R"),  # to the static icon
    "diagnostic:start": ("/diagnostic/", "200 200 200 200 200 200 200 200"),
    "diagnostic:result": ("/diagnostic/resultat/", "405 405 405 405 405 405 405 405"),  # by POST
    "diagnostic:send": ("/diagnostic/envoyer/", "405 405 405 405 405 405 405 405"),  # by POST
    "diagnostic:sent": ("/diagnostic/envoye/", "200 200 200 200 200 200 200 200"),
}
# Routes that are no view of ours: Wagtail's page serving and password form, media in development.
NOT_VIEWS = {"wagtail_serve", "wagtailcore_authenticate_with_password", "wagtailcore_login", "media"}

# Every page type: its public page, and its editor in the admin.
PAGES = {
    "HomePage": ("200 200 200 200 200 200 200 200", "L R R R R R 200 200"),
    "StandardPage": ("200 200 200 200 200 200 200 200", "L R R R R R 200 200"),
    "CharterPage": ("200 200 200 200 200 200 200 200", "L R R R R R 200 200"),
    "ResourceIndexPage": ("200 200 200 200 200 200 200 200", "L 200 R R 200 200 200 200"),
    "WikiPage": ("200 200 200 200 200 200 200 200", "L 200 R R 200 200 200 200"),
    "ToolSheetIndexPage": ("200 200 200 200 200 200 200 200", "L 200 R R 200 200 200 200"),
    "ToolSheetPage": ("200 200 200 200 200 200 200 200", "L 200 R R 200 200 200 200"),
    # Animators edit the workshops they animate; the indexes and journeys are the coordinators'.
    "WorkshopIndexPage": ("200 200 200 200 200 200 200 200", "L R R R R R 200 200"),
    "WorkshopPage": ("200 200 200 200 200 200 200 200", "L R 200 R R R 200 200"),
    "JourneyIndexPage": ("200 200 200 200 200 200 200 200", "L R R R R R 200 200"),
    "JourneyPage": ("200 200 200 200 200 200 200 200", "L R R R R R 200 200"),
    "RecitIndexPage": ("200 200 200 200 200 200 200 200", "L R R R R R 200 200"),
    "RecitPage": ("200 200 200 200 200 200 200 200", "L R R R R R 200 200"),
    "JobProfileIndexPage": ("200 200 200 200 200 200 200 200", "L R R R R R 200 200"),
    "JobProfilePage": ("200 200 200 200 200 200 200 200", "L R R R R R 200 200"),
    "JourneyReportPage": ("200 200 200 200 200 200 200 200", "L R R R R R 200 200"),
    # News are written by every animator and by coordinators (the index itself is the coordinators');
    # contributors and chargés only read them.
    "NewsIndexPage": ("200 200 200 200 200 200 200 200", "L R R R R R 200 200"),
    "NewsPage": ("200 200 200 200 200 200 200 200", "L R 200 200 R R 200 200"),
    # Coordinators edit every prototype, members those of their structure (the demo's first is a Valenciennes
    # centre's, whose members are not in the matrix) and the ones they made; the index is the coordinators'.
    "PrototypeIndexPage": ("200 200 200 200 200 200 200 200", "L R R R R R 200 200"),
    "PrototypePage": ("200 200 200 200 200 200 200 200", "L R R R R R 200 200"),
}

# Every snippet and setting in the admin: its listing, and the editor of one object.
ADMIN = {
    # Contributors reach the structures only through their own (the demo's has none).
    "structure list": ("/admin/snippets/places/structure/", "L R 200 200 200 200 200 200"),
    "structure edit (this)": ("/admin/snippets/places/structure/edit/{structure}/", "L R R R 200 R 200 200"),
    "structure edit (other)": ("/admin/snippets/places/structure/edit/{other_structure}/", "L R R R R 200 200 200"),
    "permanence list": ("/admin/snippets/places/permanence/", "L R 200 200 200 200 200 200"),
    "permanence edit": ("/admin/snippets/places/permanence/edit/{permanence}/", "L R 200 200 200 200 200 200"),
    # A recurring session's series: the same people as its sessions.
    "permanenceseries list": ("/admin/snippets/places/permanenceseries/", "L R 200 200 200 200 200 200"),
    "permanenceseries edit": (
        "/admin/snippets/places/permanenceseries/edit/{permanence_series}/",
        "L R 200 200 200 200 200 200",
    ),
    # A chargé edits their own structure, never its signature of the charter: coordinators record signatures.
    "chartersignature list": ("/admin/snippets/places/chartersignature/", "L R R R R R 200 200"),
    "chartersignature add": ("/admin/snippets/places/chartersignature/add/", "L R R R R R 200 200"),
    "chartersignature edit": (
        "/admin/snippets/places/chartersignature/edit/{signature}/",
        "L R R R R R 200 200",
    ),
    "charter settings": ("/admin/settings/places/chartersettings/{site}/", "L R R R R R 200 200"),
    "framework list": ("/admin/snippets/competences/framework/", "L R R R R R 200 200"),
    "framework edit": ("/admin/snippets/competences/framework/edit/{framework_pk}/", "L R R R R R 200 200"),
    "competencearea edit": ("/admin/snippets/competences/competencearea/edit/{area}/", "L R R R R R 200 200"),
    "competence edit": ("/admin/snippets/competences/competence/edit/{competence}/", "L R R R R R 200 200"),
    "memberprofile list": ("/admin/snippets/members/memberprofile/", "L R R R R R 200 200"),
    "memberprofile edit": ("/admin/snippets/members/memberprofile/edit/{profile}/", "L R R R R R 200 200"),
    "question list": ("/admin/snippets/diagnostic/question/", "L R R R R R 200 200"),
    "question edit": ("/admin/snippets/diagnostic/question/edit/{question}/", "L R R R R R 200 200"),
    "settings": ("/admin/settings/organisation/organisationsettings/{site}/", "L R R R R R 200 200"),
    # Repeating a workshop (its recurrence, its sessions beside it): whoever manages it and may add a workshop there.
    "workshop repeat": ("/admin/ateliers/{workshop_id}/repeter/", "L 403 200 403 403 403 200 200"),
    # Personal data of sign-ups: coordinators only, a plain 403 for the others (tests/workshops/test_rights_admin.py).
    "sign-ups search": ("/admin/inscriptions/", "L 403 403 403 403 403 200 200"),
    "sign-up export": ("/admin/inscriptions/atelier/{registration_pk}/donnees.json", "L 403 403 403 403 403 200 200"),
}
SNIPPET_ROWS = {
    "Structure",
    "Permanence",
    "PermanenceSeries",
    "CharterSignature",
    "Framework",
    "CompetenceArea",
    "Competence",
    "MemberProfile",
    "Question",
}


def fill(template, objects):
    competence = objects["competence"]
    framework = competence.area.framework
    return template.format(
        framework=f"{framework.slug}/{framework.version}",
        framework_pk=framework.pk,
        area=competence.area_id,
        competence_code=competence.code,
        competence=competence.pk,
        entry=objects["entry"].pk,
        validation=objects["validation"].pk,
        unknown_uuid="00000000-0000-0000-0000-000000000000",
        journey_token=objects["journey_registration"].token,
        token=objects["registration"].token,
        registration_pk=objects["registration"].pk,
        workshop_id=objects["workshop"].pk,
        journey_id=objects["journey"].pk,
        workshop_url=objects["workshop"].url,
        structure_slug=objects["structure"].slug,
        structure=objects["structure"].pk,
        other_structure=objects["other_structure"].pk,
        permanence=objects["permanence"].pk,
        permanence_series=objects["permanence_series"].pk,
        signature=objects["signature"].pk,
        profile=objects["profile"].pk,
        site=objects["site"].pk,
        question=objects["question"].pk,
    )


def outcome(response):
    if response.status_code == 302:
        return "L" if "login" in response["Location"] else "R"
    return str(response.status_code)


def test_the_matrix_holds_for_every_role(client, demo_site):
    people, objects = build(demo_site)
    pages = pages_by_type(objects)
    rows = {name: (fill(url, objects), expected) for name, (url, expected) in {**FRONT, **ADMIN}.items()}
    for model_name, (public, editor) in PAGES.items():
        rows[f"{model_name} page"] = (pages[model_name].url, public)
        rows[f"{model_name} editor"] = (f"/admin/pages/{pages[model_name].pk}/edit/", editor)
    # Reverting from the public history: those who edit the page (the wiki's contributors and chargés).
    for model_name in ("WikiPage", "ToolSheetPage"):
        page = pages[model_name]
        first = page.revisions.order_by("created_at", "pk").first()
        rows[f"{model_name} revert"] = (f"{page.url}historique/retablir/{first.pk}/", "L 200 403 403 200 200 200 200")
    rows["WorkshopPage editor (another's)"] = (
        f"/admin/pages/{objects['other_workshop'].pk}/edit/",
        "L R R 200 R R 200 200",
    )
    wrong = []
    for column, role in enumerate(ROLES):
        client.logout()
        log_in(client, people[role])
        for name, (url, expected) in rows.items():
            got = outcome(client.get(url))
            if got != expected.split()[column]:
                wrong.append(f"{name} as {role}: {got}, expected {expected.split()[column]} ({url})")
    assert not wrong, "\n".join(wrong)


def named_routes(patterns, namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if str(pattern.pattern).startswith(("admin/", "documents/")):
                continue
            yield from named_routes(pattern.url_patterns, pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern) and not str(pattern.pattern).startswith("admin/"):
            name = pattern.name or str(pattern.pattern).split("/")[0].strip("^")
            yield f"{namespace}:{name}" if namespace and pattern.name else name


def test_every_front_view_is_in_the_matrix():
    routes = set(named_routes(get_resolver().url_patterns)) - NOT_VIEWS
    assert routes - set(FRONT) == set()
    assert all(len(expected.split()) == len(ROLES) for _, expected in FRONT.values())


def test_every_page_type_and_snippet_is_in_the_matrix():
    assert {model.__name__ for model in get_page_models()} - {"Page"} == set(PAGES)
    assert {model.__name__ for model in get_snippet_models()} == SNIPPET_ROWS
