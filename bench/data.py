"""The benchmark's data set: the demo site, then, at scale 1, 2,000 wiki pages, 1,000 tool sheets, 2,000 workshops
with 50,000 sign-ups, 1,000 structures, 100 members and their 20,000 journal entries; scale N multiplies each.

Everything beyond the demo is written in bulk (bench/bulk.py for pages), drawn from a seeded random generator: the
same scale gives the same data set. Vocabularies (tags, journal keywords) stay the same size at every scale, as a
network's words do; communes and territories grow with the structures.
"""

import datetime
import random
import secrets
import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from modelsearch.backends import get_search_backend
from taggit.models import Tag

from community.competences.models import Competence
from community.journal.models import EvidencedCompetence, JournalEntry, JournalEntryTag, JournalTag
from community.members import roles
from community.members.models import MemberProfile, Role
from community.places import vocabulary
from community.places.models import Structure
from home import demo
from resources.models import (
    ResourceIndexPage,
    ToolSheetIndexPage,
    ToolSheetPage,
    ToolSheetTag,
    WikiPage,
    WikiPageTag,
)
from workshops import tallies
from workshops.models import Registration, SatisfactionResponse, WorkshopIndexPage, WorkshopPage
from workshops.models.choices import Format
from workshops.models.tags import WorkshopTag

from . import bulk

PER_SCALE = {
    "wiki_pages": 2_000,
    "tool_sheets": 1_000,
    "workshops": 2_000,
    "registrations": 50_000,
    "structures": 1_000,
    "members": 100,
    "journal_entries": 20_000,
}
# The demo member whose journal the benchmark reads gets this share of the entries: her journal grows with the scale.
DEMO_MEMBER = "chargee"
DEMO_MEMBER_SHARE = 0.01
BATCH = 2_000

# Words of every page, and the topics a page is about (one or two): a word like « visioconférence » is found on a few
# pages in a hundred, « numérique » on nearly all.
COMMON_WORDS = [
    "atelier", "numérique", "accompagnement", "association", "bénévoles", "outil", "collaboratif", "partage",
    "démarches", "administration", "inclusion", "médiation", "coopération", "réseau", "formation", "usages",
    "document", "réunion", "projet", "territoire", "public", "jeunes", "familles", "seniors", "accueil",
    "sensibilisation", "données", "mairie", "centre", "social", "permanence", "quartier", "animation", "compétences",
    "parcours", "diagnostic", "structure", "équipe", "habitants", "ensemble", "pratique", "simple", "utile",
]  # fmt: skip
TOPICS = [
    "visioconférence", "agenda", "sauvegarde", "courriel", "smartphone", "tablette", "impression", "scanner",
    "cartographie", "wiki", "pad", "nextcloud", "mastodon", "messagerie", "parentalité", "emploi", "cybersécurité",
    "impôts", "santé", "retraite", "banque", "photographie", "vidéo", "podcast", "jeux", "programmation",
    "robotique", "fablab", "mot de passe", "cloud", "tableur", "diaporama", "newsletter", "sondage", "licences",
    "accessibilité", "ordinateur", "wifi", "imprimante", "démarches en ligne",
]  # fmt: skip
TAGS = [
    "accueil", "agenda", "animation", "bénévolat", "communication", "coopération", "courriel", "cybersécurité",
    "démarches", "diagnostic", "données", "e-administration", "éducation", "emploi", "évaluation", "familles",
    "financement", "formation", "gouvernance", "inclusion", "jeunesse", "libre", "logiciel", "matériel",
    "médiation", "mobilité", "outils", "parentalité", "partage", "publics", "réseaux sociaux", "ruralité",
    "sauvegarde", "seniors", "site web", "smartphone", "stockage", "territoire", "visioconférence", "wiki",
]  # fmt: skip
JOURNAL_TAGS = [
    "accueil", "posture", "matériel", "partenariat", "direction", "bénévoles", "publics", "outils", "temps",
    "financement", "formation", "réseau", "écoute", "freins", "leviers", "quartier", "école", "mairie", "wifi",
    "usages",
]  # fmt: skip
COMMUNES = [
    "Valenciennes", "Marly", "Denain", "Langeais", "Tours", "Chinon", "Amboise", "Loches", "Lens", "Liévin",
    "Arras", "Douai", "Cambrai", "Maubeuge", "Béthune", "Calais", "Boulogne-sur-Mer", "Dunkerque", "Roubaix",
    "Tourcoing", "Blois", "Vendôme", "Orléans", "Bourges", "Vierzon", "Châteauroux", "Saumur", "Angers",
    "Cholet", "Laval", "Le Mans", "Alençon", "Évreux", "Rouen", "Dieppe", "Beauvais", "Compiègne", "Soissons",
    "Laon", "Saint-Quentin",
]  # fmt: skip


def build(scale, seed=16, log=print):
    """The demo, then the bulk content of `scale`; returns how many rows of each kind were made, and the seconds
    each step took."""
    rng = random.Random(seed)
    counts = {name: round(per_scale * scale) for name, per_scale in PER_SCALE.items()}
    steps = {}

    def step(name, function, *args):
        start = time.perf_counter()
        with transaction.atomic():
            result = function(*args)
        steps[name] = round(time.perf_counter() - start, 2)
        log(f"  {name:<24} {steps[name]:>7.1f} s")
        return result

    step("demo", demo.load)
    now = timezone.now()
    tags = step("tags", make_tags)
    structures = step("structures", make_structures, rng, counts["structures"])
    members = step("members", make_members, rng, counts["members"], structures)
    wiki = step("wiki pages", make_wiki_pages, rng, counts["wiki_pages"], tags, now)
    sheets = step("tool sheets", make_tool_sheets, rng, counts["tool_sheets"], tags, now)
    workshops = step("workshops", make_workshops, rng, counts["workshops"], tags, structures, sheets, members, now)
    step("registrations", make_registrations, rng, counts["registrations"], workshops, now)
    # Pages and sign-ups inserted in bulk sent no signal: their workshops' tallies are written at once.
    step("workshop tallies", tallies.rebuild)
    step("journal entries", make_journal, rng, counts["journal_entries"], members, now)
    step(
        "search index",
        index,
        {WikiPage: wiki, ToolSheetPage: sheets, WorkshopPage: workshops, Structure: structures},
    )
    return {"counts": counts, "steps": steps}


def current_competences():
    return list(Competence.objects.filter(area__framework__is_current=True).order_by("pk").values_list("pk", flat=True))


def sentence(rng, words=12, topics=()):
    """Common words, and one in five from the page's topics."""
    text = " ".join(
        rng.choice(topics) if topics and rng.random() < 0.2 else rng.choice(COMMON_WORDS) for _ in range(words)
    )
    return text[0].upper() + text[1:] + "."


def topics_of_a_page(rng):
    return rng.sample(TOPICS, rng.randint(1, 2))


def markdown(rng, topics, links=(), paragraphs=4):
    """A page of Markdown about its topics: headings, paragraphs, a list, and links to other wiki pages by title."""
    parts = []
    for number in range(paragraphs):
        parts.append(f"## {sentence(rng, 4, topics)[:-1]}")
        parts.append(" ".join(sentence(rng, topics=topics) for _ in range(4)))
        if number == 1:
            parts.append("\n".join(f"{step}. {sentence(rng, 6, topics)}" for step in range(1, 5)))
    if links:
        parts.append("Voir aussi : " + ", ".join(f"[[{title}]]" for title in links))
    return "\n\n".join(parts)


def published_moments(rng, count, now, days):
    return [now - datetime.timedelta(days=rng.uniform(0, days)) for _ in range(count)]


def make_tags():
    Tag.objects.bulk_create([Tag(name=name, slug=slugify(name)) for name in TAGS], ignore_conflicts=True)
    return list(Tag.objects.filter(name__in=TAGS).order_by("name"))


def commune(number):
    """Communes grow with the structures: Langeais, then Langeais-2…"""
    name, round_ = COMMUNES[number % len(COMMUNES)], number // (len(COMMUNES) * 25)
    return name if round_ == 0 else f"{name}-{round_ + 1}"


def make_structures(rng, count):
    services = [key for key, _label in vocabulary.choices(vocabulary.SERVICES)]
    publics = [key for key, _label in vocabulary.choices(vocabulary.PUBLICS)]
    kinds = [key for key, _label in vocabulary.choices(vocabulary.KINDS)]
    structures = []
    for number in range(count):
        place = commune(number)
        structures.append(
            Structure(
                name=f"Espace numérique {place} {number}",
                slug=f"lieu-bench-{number}",
                kind=rng.choice(kinds),
                summary=sentence(rng, 15)[:280],
                description=" ".join(sentence(rng) for _ in range(5)),
                address=f"{rng.randint(1, 200)} rue de la République",
                postcode=f"{rng.randint(1, 95):02d}{rng.randint(0, 999):03d}",
                commune=place,
                latitude=rng.uniform(43.0, 50.9),
                longitude=rng.uniform(-1.5, 7.5),
                territory=f"Territoire {number % (8 * max(1, count // 1000))}",
                services=rng.sample(services, rng.randint(1, 4)),
                publics=rng.sample(publics, rng.randint(0, 2)),
                opening_hours="Mo-Fr 09:00-12:00,14:00-17:30",
                email=f"contact{number}@exemple.org",
                is_public=rng.random() < 0.95,
            )
        )
    return Structure.objects.bulk_create(structures, batch_size=BATCH)


def make_members(rng, count, structures):
    """Chargés de mission, with their profiles, who write the journal entries and lead the workshops."""
    user_model = get_user_model()
    users = []
    for number in range(count):
        user = user_model(
            username=f"membre-bench-{number}",
            first_name="Membre",
            last_name=f"n° {number}",
            email=f"membre{number}@exemple.org",
        )
        user.set_unusable_password()  # the benchmark logs in without passwords
        users.append(user)
    users = user_model.objects.bulk_create(users, batch_size=BATCH)
    group = Group.objects.get(name=roles.CHARGES)
    memberships = [user_model.groups.through(user_id=user.pk, group_id=group.pk) for user in users]
    user_model.groups.through.objects.bulk_create(memberships, batch_size=BATCH)
    MemberProfile.objects.bulk_create(
        [
            MemberProfile(
                user=user,
                display_name=f"{user.first_name} {user.last_name}",
                role=Role.INNOVATION,
                structure=rng.choice(structures),
            )
            for user in users
        ],
        batch_size=BATCH,
    )
    return users


def make_wiki_pages(rng, count, tags, now):
    topics = [topics_of_a_page(rng) for _ in range(count)]
    titles = [f"Page du wiki {number} : {' et '.join(topics[number])}" for number in range(count)]
    pages = []
    for number, title in enumerate(titles):
        page = WikiPage(
            title=title,
            slug=f"page-bench-{number}",
            summary=sentence(rng, 15, topics[number])[:300],
            body=[
                (
                    "markdown",
                    markdown(rng, topics[number], [titles[i] for i in rng.sample(range(number), min(3, number))]),
                )
            ],
        )
        page.tagged_items = [WikiPageTag(tag=tag) for tag in rng.sample(tags, rng.randint(0, 3))]
        pages.append(page)
    return bulk.add_children(
        ResourceIndexPage.objects.get(), pages, published_at=published_moments(rng, count, now, 3 * 365)
    )


def make_tool_sheets(rng, count, tags, now):
    competences = current_competences()
    pages = []
    for number in range(count):
        topics = topics_of_a_page(rng)
        page = ToolSheetPage(
            title=f"Fiche outil {number} : {' et '.join(topics)}",
            slug=f"fiche-bench-{number}",
            summary=sentence(rng, 15, topics)[:300],
            tool_name=f"Outil {number}",
            replaces="Doodle, Trello",
            category=rng.choice(ToolSheetPage.Category.values),
            is_free_software=rng.random() < 0.5,
            software_licence="AGPL-3.0",
            website=f"https://outil{number}.exemple.org",
            difficulty=rng.choice(ToolSheetPage.Difficulty.values),
            steps=[("markdown", markdown(rng, topics, paragraphs=3))],
            use_cases=[("markdown", markdown(rng, topics, paragraphs=1))],
            last_checked=(now - datetime.timedelta(days=rng.randint(0, 700))).date(),
        )
        page.tagged_items = [ToolSheetTag(tag=tag) for tag in rng.sample(tags, rng.randint(1, 3))]
        page.competences = [Competence(pk=pk) for pk in rng.sample(competences, min(2, len(competences)))]
        pages.append(page)
    return bulk.add_children(
        ToolSheetIndexPage.objects.get(), pages, published_at=published_moments(rng, count, now, 3 * 365)
    )


def make_workshops(rng, count, tags, structures, sheets, members, now):
    """Workshops of the last two years and the next six months; half of the past ones have their memory."""
    pages = []
    moments = []
    for number in range(count):
        start = (now + datetime.timedelta(days=rng.uniform(-730, 180))).replace(minute=0, second=0, microsecond=0)
        structure = rng.choice(structures)
        is_past = start < now
        topics = topics_of_a_page(rng)
        memory = [("markdown", markdown(rng, topics, paragraphs=2))] if is_past and rng.random() < 0.5 else []
        page = WorkshopPage(
            title=f"Atelier {number} : {' et '.join(topics)}",
            slug=f"atelier-bench-{number}",
            summary=sentence(rng, 15, topics)[:300],
            start=start,
            end=start + datetime.timedelta(hours=3),
            format=rng.choice([Format.EVENING, Format.HALF_DAY, Format.DAY]),
            structure=structure,
            commune=structure.commune,
            capacity=rng.randint(12, 20),
            audience="Bénévoles et salariés d'associations",
            objectives="\n".join(sentence(rng, 6, topics) for _ in range(3)),
            body=[("markdown", markdown(rng, topics, paragraphs=2))],
            memory_public=memory,
            has_memory=bool(memory),
        )
        page.tagged_items = [WorkshopTag(tag=tag) for tag in rng.sample(tags, rng.randint(0, 2))]
        page.animators = [rng.choice(members)]
        page.tools_used = [ToolSheetPage(pk=sheet.pk) for sheet in rng.sample(sheets, rng.randint(0, 2))]
        page.featured_prototypes = []
        pages.append(page)
        moments.append(min(now, start - datetime.timedelta(days=30)))
    return bulk.add_children(WorkshopIndexPage.objects.get(), pages, published_at=moments)


def make_registrations(rng, count, workshops, now):
    """Sign-ups spread at random over the workshops: the first ones confirmed up to the capacity, then waiting;
    one in ten cancelled. Past workshops have their attendance taken, and some opinions."""
    per_workshop = {}
    for _ in range(count):
        per_workshop.setdefault(rng.randrange(len(workshops)), []).append(None)
    registrations = []
    for index, people in per_workshop.items():
        workshop = workshops[index]
        is_past = workshop.end < now
        confirmed = 0
        for order in range(len(people)):
            signed_up_at = workshop.start - datetime.timedelta(days=30) + datetime.timedelta(hours=order)
            if rng.random() < 0.1:
                status = Registration.Status.CANCELLED
            elif confirmed < workshop.capacity:
                status, confirmed = Registration.Status.CONFIRMED, confirmed + 1
            else:
                status = Registration.Status.WAITING
            attendance = None
            if is_past and status == Registration.Status.CONFIRMED:
                attendance = Registration.Attendance.ABSENT if rng.random() < 0.15 else Registration.Attendance.PRESENT
            registrations.append(
                Registration(
                    workshop_id=workshop.pk,
                    first_name="Camille",
                    last_name=f"Inscrite {workshop.pk}-{order}",
                    email=f"inscrite-{workshop.pk}-{order}@exemple.org",
                    structure="Association des habitants",
                    commune=workshop.commune,
                    status=status,
                    attendance=attendance,
                    consent_at=signed_up_at,
                    created_at=signed_up_at,
                    token=secrets.token_urlsafe(32),
                )
            )
    registrations = Registration.objects.bulk_create(registrations, batch_size=BATCH)
    SatisfactionResponse.objects.bulk_create(
        [
            SatisfactionResponse(registration=registration, score=rng.randint(3, 5))
            for registration in registrations
            if registration.attendance == Registration.Attendance.PRESENT and rng.random() < 0.4
        ],
        batch_size=BATCH,
    )


def make_journal(rng, count, members, now):
    """Entries of the last two years, a share of them the demo member's; some tagged, some evidencing a
    competence."""
    demo_member = get_user_model().objects.get(username=DEMO_MEMBER)
    own = round(count * DEMO_MEMBER_SHARE)
    authors = [demo_member] * own + [rng.choice(members) for _ in range(count - own)]
    entries = JournalEntry.objects.bulk_create(
        [
            JournalEntry(
                author=author,
                date=(now - datetime.timedelta(days=rng.uniform(0, 730))).date(),
                title=sentence(rng, 6)[:200],
                body="\n\n".join(sentence(rng, 20) for _ in range(3)),
                kind=rng.choice(JournalEntry.Kind.values),
                visibility=rng.choice(JournalEntry.Visibility.values),
            )
            for author in authors
        ],
        batch_size=BATCH,
    )
    JournalTag.objects.bulk_create(
        [JournalTag(name=name, slug=slugify(name)) for name in JOURNAL_TAGS],
        ignore_conflicts=True,
    )
    journal_tags = list(JournalTag.objects.filter(name__in=JOURNAL_TAGS).order_by("name"))
    JournalEntryTag.objects.bulk_create(
        [
            JournalEntryTag(content_object=entry, tag=tag)
            for entry in entries
            for tag in rng.sample(journal_tags, rng.randint(0, 2))
        ],
        batch_size=BATCH,
    )
    competences = current_competences()
    EvidencedCompetence.objects.bulk_create(
        [
            # With their entry's date and visibility, which their save() would copy.
            EvidencedCompetence(
                entry=entry,
                competence_id=rng.choice(competences),
                level=rng.randint(1, 4),
                date=entry.date,
                visibility=entry.visibility,
            )
            for entry in entries
            if rng.random() < 0.3
        ],
        batch_size=BATCH,
    )


def index(made, chunk=1_000):
    """What `update_index` would add for the rows made here, by model, through the same backend call (add_bulk),
    for these rows only: the demo's pages were indexed as they were published."""
    backend = get_search_backend()
    for model, objects in made.items():
        ids = [each.pk for each in objects]
        for start in range(0, len(ids), chunk):
            backend.add_bulk(model, list(model.get_indexed_objects().filter(pk__in=ids[start : start + chunk])))
