"""Demo journal de bord of the demo chargée: a few entries, private and shared, evidencing competences."""

import datetime

from django.contrib.auth import get_user_model

from community.competences.models import Competence
from community.members.models import MemberProfile
from community.places.models import Structure

from .models import EvidencedCompetence, JournalEntry

RECITS_INTRO = (
    "<p>Tous les deux mois, le récit de ce que les chargés d'innovation et d'animation numérique ont observé, "
    "essayé et changé, tiré des entrées de leur journal de bord qu'ils ont choisi de partager.</p>"
)

# (days before today, title, kind, visibility, tags, body, [(framework slug, code, level)])
ENTRIES = [
    (
        40,
        "Un agenda partagé pour l'accueil",
        JournalEntry.Kind.CHANGE,
        JournalEntry.Visibility.NETWORK,
        ["accueil", "agenda"],
        "L'équipe d'accueil a accepté d'essayer un **agenda partagé** pour les rendez-vous d'e-administration.",
        [("digcomp", "2.4", 3), ("charge-innovation-numerique", "C2", 2)],
    ),
    (
        25,
        "Les parents viennent quand l'atelier est à 16 h 30",
        JournalEntry.Kind.LEVER_FOUND,
        JournalEntry.Visibility.PUBLIC,
        ["parentalité"],
        "Déplacer l'atelier parentalité à la sortie de l'école a doublé la participation.",
        [("charge-innovation-numerique", "A1", 3)],
    ),
    (
        12,
        "Peur de mal faire devant la direction",
        JournalEntry.Kind.REFLECTION,
        JournalEntry.Visibility.PRIVATE,
        ["posture"],
        "Une note pour moi seule : préparer la réunion avec la direction en posant d'abord les questions.",
        [("charge-innovation-numerique", "D2", 2)],
    ),
    (
        5,
        "Le wifi de la salle polyvalente réparé",
        JournalEntry.Kind.OBSTACLE_LIFTED,
        JournalEntry.Visibility.NETWORK,
        ["matériel"],
        "Avec la mairie, nous avons obtenu un second point d'accès : les ateliers ne s'interrompent plus.",
        [("charge-innovation-numerique", "D1", 3)],
    ),
]


def load(author):
    """The demo entries of `author`, written once."""
    if JournalEntry.objects.filter(author=author).exists():
        return
    today = datetime.date.today()
    for days, title, kind, visibility, tags, body, evidence in ENTRIES:
        entry = JournalEntry.objects.create(
            author=author,
            date=today - datetime.timedelta(days=days),
            title=title,
            kind=kind,
            visibility=visibility,
            body=body,
        )
        entry.tags.add(*tags)
        for slug, code, level in evidence:
            competence = Competence.objects.get(area__framework__slug=slug, area__framework__is_current=True, code=code)
            EvidencedCompetence.objects.create(entry=entry, competence=competence, level=level)


# The demo accounts' member profiles: (username, role, structure slug from the map's demo, bio).
PROFILES = [
    ("chargee", "charge-innovation", "familles-rurales-langeais", "Chargée d'innovation numérique depuis 2025."),
    ("coordinatrice", "coordinateur", "familles-rurales-langeais", "Coordonne le collectif et ses chargés."),
    ("animateur", "charge-animation", "le-lien-numerique-cinq-mars", "Anime les ateliers du mardi."),
]


def ensure_profiles():
    """Member profiles for the demo accounts (after the map's structures exist), created once."""
    for username, role, structure_slug, bio in PROFILES:
        user = get_user_model().objects.filter(username=username).first()
        if user is None or MemberProfile.objects.filter(user=user).exists():
            continue
        MemberProfile.objects.create(
            user=user,
            display_name=user.get_full_name() or username,
            role=role,
            structure=Structure.objects.filter(slug=structure_slug).first(),
            bio=bio,
        )
