"""Demo workshops: the DUNAR journey on the Pays Loire Nature (a sensibilisation evening, five collective
half-days, five half-days of on-site support), some past with their memory and some to come, and the Valenciennes
"temps fort"; invented sign-ups (example.org addresses) so that one upcoming workshop is nearly full."""

import datetime

from django.utils import timezone
from django.utils.text import slugify

INTRO = "Les ateliers du réseau : inscrivez-vous aux prochaines dates, retrouvez la mémoire des ateliers passés."


def _at(days, hour, minute=0):
    """A moment `days` from today at a given local time, so the demo always has a past and a future."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


JOURNEYS_INTRO = (
    "Un parcours enchaîne sensibilisation, accompagnement collectif, formation et appuis sur site. "
    "Une association s'inscrit au parcours entier, ou à un seul atelier."
)

# The Pays Loire Nature communes whose associations may join DUNAR.
DUNAR_TERRITORY = [
    "Langeais",
    "Cinq-Mars-la-Pile",
    "Saint-Michel-sur-Loire",
    "Château-la-Vallière",
    "Savigné-sur-Lathan",
    "Mazières-de-Touraine",
    "Ambillou",
    "Hommes",
    "Rillé",
    "Courcelles-de-Touraine",
    "Cléré-les-Pins",
    "Channay-sur-Lathan",
]

DUNAR = {
    "slug": "dunar-pays-loire-nature",
    "title": "DUNAR : les usages numériques des associations rurales",
    "summary": (
        "Un parcours pour les associations du Pays Loire Nature : une soirée de sensibilisation, cinq demi-journées "
        "d'accompagnement collectif et cinq demi-journées d'appui dans vos locaux."
    ),
    "territory": "\n".join(DUNAR_TERRITORY),
    "body": [
        (
            "markdown",
            "Le parcours prépare les associations du milieu rural à intégrer les usages numériques, pour leur vie "
            "associative, leur gouvernance et leurs emplois.\n\n"
            "- **Faire avant d'expliquer** : chaque atelier essaie un outil, tout de suite, sur un vrai besoin.\n"
            "- **Des logiciels libres d'abord**, choisis avec vous.\n"
            "- **Une mémoire commune** : ce qui est vu est publié sur ce site, sous licence CC BY-SA.",
        )
    ],
}

DUNAR_STAGES = [
    ("sensibilisation", "Une soirée pour découvrir les cultures numériques et les enjeux des usages associatifs."),
    ("diagnostic", "Un échange avec chaque association inscrite : ses besoins, ses outils, ses freins."),
    ("accompagnement-collectif", "Cinq demi-journées en groupe : essayer des outils et coopérer entre associations."),
    ("appui-technique", "Cinq demi-journées d'appui sur site, dans les locaux de chaque association."),
]

VALENCIENNES_HIGHLIGHT = {
    "slug": "temps-fort-centres-sociaux-connectes",
    "title": "Temps fort « Centres sociaux connectés du bassin minier »",
    "summary": (
        "Les communautés numériques des centres sociaux montrent les prototypes qu'elles ont créés, "
        "et les passent aux centres voisins."
    ),
    "format": "temps-fort",
    "place": "Maison de quartier Centre Ville",
    "address": "10 rue des Ursulines",
    "commune": "Valenciennes",
    "capacity": 150,
    "audience": "Habitants, bénévoles, professionnels et partenaires des centres sociaux",
    "objectives": (
        "Rendre visibles les pratiques numériques nées dans les centres sociaux\n"
        "Essayer les prototypes et les applications, avec celles et ceux qui les ont faits\n"
        "Préparer leur installation dans les centres sociaux voisins"
    ),
    "tags": ["prototypes", "culture numérique"],
}


def _workshop(slug, title, summary, days, start, end, **fields):
    return {
        "slug": slug,
        "title": title,
        "summary": summary,
        "start": _at(days, *start),
        "end": _at(days, *end),
        **fields,
    }


def _collective(number, days, title, summary, commune, place, slug=None, **fields):
    return _workshop(
        slug or f"accompagnement-collectif-{number}",
        f"Accompagnement collectif n° {number} : {title}",
        summary,
        days,
        (9, 30),
        (12, 30),
        format="demi-journee",
        stage="accompagnement-collectif",
        place=place,
        commune=commune,
        capacity=12,
        audience="Bénévoles et salariés des associations du parcours",
        **fields,
    )


def _on_site(number, days, association, commune, **fields):
    return _workshop(
        f"appui-sur-site-{number}",
        f"Appui sur site n° {number} : {association}",
        "Une demi-journée dans les locaux de l'association pour mettre en place, avec ses membres, "
        "les outils choisis en atelier.",
        days,
        (14, 0),
        (17, 0),
        format="demi-journee",
        stage="appui-technique",
        place=association,
        commune=commune,
        capacity=6,
        audience=f"Les membres de l'association « {association} »",
        **fields,
    )


def dunar_workshops():
    """The eleven dates of DUNAR, as in the Artefacts proposal: some past with their memory, the others to come.
    `tools` name the demo tool sheets used (by slug)."""
    return [
        _workshop(
            "soiree-cultures-numeriques",
            "Soirée « cultures numériques et enjeux des usages »",
            "Une soirée pour découvrir ensemble ce que le numérique peut apporter aux associations.",
            -40,
            (18, 30),
            (21, 0),
            format="soiree",
            stage="sensibilisation",
            place="Salle des fêtes",
            commune="Langeais",
            capacity=40,
            audience="Toutes les associations du Pays Loire Nature",
            objectives="Partager ce que le numérique change pour les associations\nNommer ce qui freine et ce qui aide",
            tags=["culture numérique"],
            tools=["etherpad"],
            memory_public=[
                (
                    "markdown",
                    "Nous étions une trentaine, venus de douze associations.\n\n"
                    "- Ce qui freine : le manque de temps, la peur de mal faire.\n"
                    "- Ce qui aide : un outil simple, essayé ensemble, tout de suite.\n\n"
                    "Nous avons testé un pad : voir la fiche [[Écrire à plusieurs avec un pad]].",
                )
            ],
            memory_participants=[
                (
                    "markdown",
                    "Les contacts échangés en fin de soirée et la liste des associations qui veulent un diagnostic "
                    "sont dans le pad du groupe (lien donné sur place).",
                )
            ],
        ),
        _collective(
            1,
            -25,
            "se rencontrer et dire ses attentes",
            "Faire connaissance, dire ce que l'on attend du parcours, essayer un premier outil très simple.",
            "Cinq-Mars-la-Pile",
            "Maison des associations",
            objectives="Partager les attentes de chaque association\nVivre une première décision collective",
            tags=["coopération"],
            tools=["etherpad"],
            memory_public=[
                (
                    "markdown",
                    "Nous avons écrit ensemble nos attentes dans un pad, puis choisi les thèmes des prochains "
                    "ateliers par un vote à main levée.\n\n"
                    "À retenir : nommer un « gardien du pad » qui remet le texte au propre à la fin.",
                )
            ],
        ),
        _collective(
            2,
            -11,
            "s'organiser en projet",
            "Un tableau de tâches partagé pour suivre un projet associatif.",
            "Savigné-sur-Lathan",
            "Espace de vie sociale",
            objectives="Découper un projet en tâches\nSuivre qui fait quoi sans réunion de plus",
            tags=["organisation interne"],
            tools=["wekan"],
            memory_public=[
                (
                    "markdown",
                    "Chaque association est repartie avec son tableau Wekan : « À faire », « En cours », « Fait ».\n\n"
                    "> Le plus dur n'est pas l'outil, c'est de décider ensemble de s'en servir.",
                )
            ],
            memory_participants=[
                (
                    "markdown",
                    "Deux associations ont parlé d'un désaccord entre bénévoles sur la répartition des tâches : "
                    "nous en reparlerons lors de l'appui sur site, pas en public.",
                )
            ],
        ),
        _collective(
            3,
            14,
            "écrire et décider à plusieurs",
            "Pads et sondages : deux outils simples pour s'organiser entre bénévoles.",
            "Château-la-Vallière",
            "Médiathèque",
            slug="atelier-ecrire-a-plusieurs",
            objectives="Écrire un compte rendu à plusieurs\nTrouver une date sans échange de courriels",
            tags=["coopération", "organisation interne"],
            signup_closes=_at(13, 12),
        ),
        _collective(
            4,
            35,
            "cartographier son territoire",
            "Créer à plusieurs une carte des ressources associatives avec uMap.",
            "Mazières-de-Touraine",
            "Salle polyvalente",
            slug="atelier-cartographie-participative",
            tags=["cartographie", "valorisation externe"],
            signup_opens=_at(7, 9),
            signup_closes=_at(34, 12),
        ),
        _collective(
            5,
            56,
            "faire connaître ses actions",
            "Lettre d'information, réseaux sociaux, site : choisir ce qui sert vraiment.",
            "Langeais",
            "Salle des fêtes",
            tags=["valorisation externe"],
        ),
        _on_site(
            1,
            -18,
            "Comité des fêtes",
            "Saint-Michel-sur-Loire",
            tools=["framadate"],
            tags=["organisation interne"],
            memory_public=[("markdown", "Sondages de dates en place pour les trois prochaines fêtes.")],
        ),
        _on_site(2, -4, "Amicale laïque", "Château-la-Vallière", tags=["organisation interne"]),
        _on_site(3, 21, "Bibliothèque associative", "Hommes", tags=["coopération"]),
        _on_site(4, 42, "Atelier vélo solidaire", "Langeais", tags=["cartographie"]),
        _on_site(5, 63, "Ressourcerie du Lathan", "Courcelles-de-Touraine", tags=["valorisation externe"]),
    ]


def network_workshops():
    """Workshops outside any journey, straight under /ateliers/."""
    return [_workshop(days=28, start=(10, 0), end=(18, 0), **VALENCIENNES_HIGHLIGHT)]


def journey_registrations():
    """Associations already signed up for DUNAR as a whole (invented contacts)."""
    return [
        {
            "structure": "Comité des fêtes",
            "commune": "Saint-Michel-sur-Loire",
            "contact_name": "Gaëlle Rousseau",
            "email": "comite.fetes@example.org",
            "participants": 3,
            "needs": "Trouver des dates sans cinquante courriels, partager les comptes rendus.",
        },
        {
            "structure": "Ressourcerie du Lathan",
            "commune": "Courcelles-de-Touraine",
            "contact_name": "Hugo Marchand",
            "email": "ressourcerie@example.org",
            "participants": 2,
            "needs": "Faire connaître nos horaires et nos ateliers de réparation.",
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


# What some of those who came answered to the satisfaction survey (1 to 5), by person: the dashboard's average.
SCORES = {
    "soiree-cultures-numeriques": {0: 5, 1: 4, 2: 4, 4: 5, 5: 3, 8: 4},
    "accompagnement-collectif-1": {2: 5, 3: 4, 4: 4, 6: 5, 9: 3},
}


def _past_person(slug, index, absent):
    score = SCORES[slug].get(index)
    person = _person(index, status="confirmed", attendance="absent" if absent else "present")
    return {**person, "score": score} if score else person


def registrations():
    """Sign-ups by workshop slug, in the order they came; created as they are, without e-mails. A `score` is the
    person's answer to the satisfaction survey."""
    return {
        # Past: who came and who did not, for the attendance sheets.
        "soiree-cultures-numeriques": [
            _past_person("soiree-cultures-numeriques", i, absent=i in (3, 7)) for i in range(9)
        ],
        "accompagnement-collectif-1": [
            _past_person("accompagnement-collectif-1", i, absent=i == 5) for i in range(2, 10)
        ],
        # Four days ago, attendance not yet marked, no memory yet: what the animator does next.
        "appui-sur-site-2": [_person(i, status="confirmed") for i in (2, 6, 10)],
        # Nearly full: 10 of 12 places taken.
        "atelier-ecrire-a-plusieurs": [_person(i, status="confirmed") for i in range(1, 11)],
    }
