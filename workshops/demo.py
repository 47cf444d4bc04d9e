"""Demo workshops of the DUNAR journey on the Pays Loire Nature: some past with a memory, some to come."""

import datetime

from django.utils import timezone

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
        },
    ]
