"""Demo competence frameworks: DigComp 2.2 in French (read from data/digcomp-2.2.csv) and the network's own
starting framework for chargés d'innovation numérique, written from the "Centres sociaux connectés" call."""

import csv
import datetime
from pathlib import Path

from .models import Competence, CompetenceArea, Framework, ProficiencyLevel

DIGCOMP_CSV = Path(__file__).parent / "data" / "digcomp-2.2.csv"

DIGCOMP = {
    "name": "DigComp 2.2 — cadre européen des compétences numériques",
    "slug": "digcomp",
    "version": "2.2",
    "date": datetime.date(2022, 3, 22),
    "description": (
        "Le cadre européen des compétences numériques pour les citoyens : 5 domaines, 21 compétences et 8 niveaux "
        "de maîtrise. Le réseau s'en sert comme point de départ commun."
    ),
    "source": (
        "Vuorikari, R., Kluzer, S. et Punie, Y., DigComp 2.2: The Digital Competence Framework for Citizens, "
        "Centre commun de recherche (JRC) de la Commission européenne, Office des publications de l'Union "
        "européenne, Luxembourg, 2022, EUR 31006 EN, doi:10.2760/115376."
    ),
    "source_url": "https://publications.jrc.ec.europa.eu/repository/handle/JRC128415",
}

# DigComp's eight levels, grouped two by two.
DIGCOMP_LEVELS = [
    (1, "Niveau 1", "Fondamental", "Tâches simples, avec un accompagnement."),
    (2, "Niveau 2", "Fondamental", "Tâches simples, en autonomie et avec un accompagnement si besoin."),
    (3, "Niveau 3", "Intermédiaire", "Tâches bien définies et routinières, problèmes simples, seul."),
    (4, "Niveau 4", "Intermédiaire", "Tâches et problèmes bien définis et non routiniers, à sa façon."),
    (5, "Niveau 5", "Avancé", "Guider les autres ; tâches variées, problèmes variés."),
    (6, "Niveau 6", "Avancé", "Adapter à d'autres dans un contexte complexe ; évaluer les tâches les plus adaptées."),
    (7, "Niveau 7", "Hautement spécialisé", "Créer des solutions à des problèmes complexes aux contours flous."),
    (8, "Niveau 8", "Hautement spécialisé", "Proposer de nouvelles idées et démarches dans son domaine."),
]

CHARGE = {
    "name": "Référentiel chargé d'innovation numérique",
    "slug": "charge-innovation-numerique",
    "version": "2026-1",
    "date": datetime.date(2026, 1, 15),
    "description": (
        "Le point de départ du cadre commun de référence professionnelle des chargés d'innovation et d'animation "
        "numérique des centres sociaux connectés, enrichi chaque semestre de ce que le journal de bord fait "
        "apparaître."
    ),
    "source": "Rédigé par le collectif à partir de l'appel « Centres sociaux connectés » (seconde programmation).",
    "source_url": "",
}

CHARGE_LEVELS = [
    (1, "Découverte", "Débutant", "Je connais la pratique et je l'ai vue faire."),
    (2, "Mise en œuvre accompagnée", "Débutant", "Je la pratique avec l'appui d'un pair ou de la coordination."),
    (3, "Autonomie", "Confirmé", "Je la pratique seul et je sais l'ajuster à la situation."),
    (4, "Transmission", "Expert", "Je la fais connaître, je forme et j'accompagne d'autres professionnels."),
]

CHARGE_AREAS = [
    (
        "A",
        "Animer une communauté numérique",
        [
            ("A1", "Mobiliser les habitants autour d'un centre social", "Aller vers les publics, donner envie."),
            ("A2", "Animer des ateliers collaboratifs", "Préparer, faciliter et garder la mémoire d'un atelier."),
            ("A3", "Favoriser l'expression collective et le pouvoir d'agir", "Médiation et lien social."),
        ],
    ),
    (
        "B",
        "Innover avec les habitants",
        [
            ("B1", "Conduire un prototypage", "D'un besoin repéré à un prototype testé avec les habitants."),
            ("B2", "Concevoir des services numériques à la personne", "Accueil, parentalité, e-administration…"),
            ("B3", "Documenter et essaimer une réalisation", "Rendre une réalisation reproductible ailleurs."),
        ],
    ),
    (
        "C",
        "Accompagner le changement dans la structure",
        [
            ("C1", "Faire évoluer les pratiques professionnelles", "Avec l'équipe et la direction du centre."),
            ("C2", "Choisir et faire adopter des outils", "De préférence libres, adaptés aux usages."),
        ],
    ),
    (
        "D",
        "Coopérer sur le territoire",
        [
            ("D1", "Travailler en réseau avec les partenaires", "Centres sociaux, collectivités, associations."),
            ("D2", "Prendre du recul sur sa pratique", "Tenir son journal de bord, analyser, théoriser, appliquer."),
        ],
    ),
]


def _ensure_framework(data, levels):
    framework, created = Framework.objects.get_or_create(slug=data["slug"], version=data["version"], defaults=data)
    if created:
        ProficiencyLevel.objects.bulk_create(
            ProficiencyLevel(framework=framework, number=number, name=name, stage=stage, description=description)
            for number, name, stage, description in levels
        )
    return framework, created


def load_digcomp():
    """DigComp 2.2 with its 5 areas and 21 competences in French, from the CSV shipped in the repository."""
    framework, created = _ensure_framework(DIGCOMP, DIGCOMP_LEVELS)
    if not created:
        return framework
    areas = {}
    with DIGCOMP_CSV.open(encoding="utf-8") as rows:
        for order, row in enumerate(csv.DictReader(rows)):
            area = areas.get(row["area"])
            if area is None:
                area = areas[row["area"]] = CompetenceArea.objects.create(
                    framework=framework, code=row["area"], title=row["area_fr"], order=int(row["area"])
                )
            Competence.objects.create(
                area=area,
                code=row["code"],
                title=row["competence_fr"],
                description=f"Intitulé original : {row['competence_en']}.",
                order=order,
            )
    return framework


def load_charge_framework():
    framework, created = _ensure_framework(CHARGE, CHARGE_LEVELS)
    if not created:
        return framework
    for area_order, (code, title, competences) in enumerate(CHARGE_AREAS):
        area = CompetenceArea.objects.create(framework=framework, code=code, title=title, order=area_order)
        for order, (competence_code, competence_title, description) in enumerate(competences):
            Competence.objects.create(
                area=area, code=competence_code, title=competence_title, description=description, order=order
            )
    return framework


def load():
    """Both demo frameworks, created once."""
    return load_digcomp(), load_charge_framework()
