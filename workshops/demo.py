"""Demo workshops of the DUNAR journey on the Pays Loire Nature: some past with a memory, some to come,
and invented sign-ups (example.org addresses) so that one upcoming workshop is nearly full."""

import datetime

from django.utils import timezone
from django.utils.text import slugify

INTRO = "Les ateliers du réseau : inscrivez-vous aux prochaines dates, retrouvez la mémoire des ateliers passés."


def _at(days, hour, minute=0):
    """A moment `days` from today at a given local time, so the demo always has a past and a future."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def workshops():
    return [
        {
            "slug": "soiree-cultures-numeriques",
            "title": "Soirée « cultures numériques et enjeux des usages »",
            "summary": "Une soirée pour découvrir ensemble ce que le numérique peut apporter aux associations.",
            "start": _at(-40, 18, 30),
            "end": _at(-40, 21),
            "format": "soiree",
            "place": "Salle des fêtes",
            "commune": "Langeais",
            "capacity": 40,
            "memory_public": [
                (
                    "markdown",
                    "Nous étions une trentaine, venus de douze associations.\n\n"
                    "- Ce qui freine : le manque de temps, la peur de mal faire.\n"
                    "- Ce qui aide : un outil simple, essayé ensemble, tout de suite.\n\n"
                    "Nous avons testé un pad : voir la fiche [[Écrire à plusieurs avec un pad]].",
                )
            ],
        },
        {
            "slug": "atelier-ecrire-a-plusieurs",
            "title": "Accompagnement collectif n° 1 : écrire et décider à plusieurs",
            "summary": "Pads et sondages : deux outils simples pour s'organiser entre bénévoles.",
            "start": _at(14, 9, 30),
            "end": _at(14, 12, 30),
            "format": "demi-journee",
            "place": "Maison des associations",
            "commune": "Cinq-Mars-la-Pile",
            "capacity": 12,
            "signup_closes": _at(13, 12),
        },
        {
            "slug": "atelier-cartographie-participative",
            "title": "Accompagnement collectif n° 2 : cartographier son territoire",
            "summary": "Créer à plusieurs une carte des ressources associatives avec uMap.",
            "start": _at(35, 9, 30),
            "end": _at(35, 12, 30),
            "format": "demi-journee",
            "place": "Médiathèque",
            "commune": "Château-la-Vallière",
            "capacity": 12,
            "signup_opens": _at(7, 9),
            "signup_closes": _at(34, 12),
        },
    ]


# (first name, last name, structure, commune) — invented people.
PEOPLE = [
    ("Camille", "Morel", "Association Les Jardins partagés", "Langeais"),
    ("Yann", "Le Goff", "Centre social La Passerelle", "Cinq-Mars-la-Pile"),
    ("Nadia", "Benali", "Amicale laïque", "Château-la-Vallière"),
    ("Louis", "Perrin", "Comité des fêtes", "Saint-Michel-sur-Loire"),
    ("Sophie", "Garnier", "Espace de vie sociale Le Lien", "Savigné-sur-Lathan"),
    ("Thomas", "Roux", "Club de randonnée des Trois Vallées", "Mazières-de-Touraine"),
    ("Awa", "Diallo", "Association Parents d'élèves", "Ambillou"),
    ("Julien", "Fabre", "Bibliothèque associative", "Hommes"),
    ("Léa", "Chevalier", "Atelier vélo solidaire", "Langeais"),
    ("Marc", "Aubert", "À titre personnel", "Rillé"),
    ("Inès", "Lambert", "Ressourcerie du Lathan", "Courcelles-de-Touraine"),
]


def _person(index, **extra):
    first_name, last_name, structure, commune = PEOPLE[index]
    return {
        "first_name": first_name,
        "last_name": last_name,
        "email": slugify(f"{first_name} {last_name}").replace("-", ".") + "@example.org",
        "structure": structure,
        "commune": commune,
        **extra,
    }


def registrations():
    """Sign-ups by workshop slug, in the order they came; created as they are, without e-mails."""
    return {
        # Past: who came and who did not, for the attendance sheets.
        "soiree-cultures-numeriques": [
            _person(i, status="confirmed", attendance="absent" if i in (3, 7) else "present") for i in range(9)
        ],
        # Nearly full: 10 of 12 places taken.
        "atelier-ecrire-a-plusieurs": [_person(i, status="confirmed") for i in range(1, 11)],
    }
