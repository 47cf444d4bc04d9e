"""Demo news of the network (home/demo builds them): dated from the day the demo is loaded, written by the demo's
invented animator and coordinator."""

import datetime

INTRO = "Ce qui se passe dans le réseau : rencontres, nouveaux lieux, ressources partagées, appels à participer."

NEWS = [
    {
        "slug": "temps-fort-bassin-minier-retour",
        "title": "Centres sociaux connectés : retour sur le temps fort du bassin minier",
        "days_ago": 40,
        "author": "coordinatrice",
        "summary": "Dix-neuf centres sociaux ont présenté à Valenciennes ce que leurs communautés numériques ont "
        "construit cette année.",
        "body": "Une journée pour montrer, essayer et **adopter** : chaque centre a tenu un stand avec son "
        "prototype (accueil, parentalité, démarches en ligne…).\n\n"
        "Les fiches des prototypes arrivent dans la rubrique dédiée ; les centres qui veulent en reprendre un "
        "peuvent déjà écrire à la coordination.",
        "tags": ["temps fort", "centres sociaux"],
    },
    {
        "slug": "nouvelles-fiches-outils-cooperation",
        "title": "Trois nouvelles fiches outils pour coopérer entre associations",
        "days_ago": 33,
        "author": "animateur",
        "summary": "Agenda partagé, tableau de tâches et sondage de dates : trois outils libres décrits pas à pas.",
        "body": "Suite aux accompagnements collectifs du parcours DUNAR, nous avons rédigé trois fiches à partir "
        "des questions les plus fréquentes.\n\n"
        "Elles sont sous licence CC BY-SA : reprenez-les, améliorez-les, dites-nous ce qui manque.",
        "tags": ["fiches outils", "coopération"],
    },
    {
        "slug": "permanences-mobiles-hiver",
        "title": "Les permanences mobiles continuent cet hiver",
        "days_ago": 12,
        "author": "coordinatrice",
        "summary": "Le bus numérique passe toujours dans les communes rurales, un jour par semaine : les dates sont "
        "sur la carte.",
        "body": "Aide aux démarches en ligne, prise en main d'un téléphone ou d'un ordinateur, accès libre : les "
        "permanences gardent leur rythme.\n\n"
        "Retrouvez les prochaines dates et les lieux sur la carte des lieux et permanences.",
        "tags": ["permanences", "démarches en ligne"],
    },
    {
        "slug": "appel-animateurs-benevoles",
        "title": "Appel aux bénévoles pour animer les ateliers du printemps",
        "days_ago": 3,
        "author": "animateur",
        "summary": "Vous aimez transmettre ? Rejoignez l'équipe qui anime les ateliers d'initiation du printemps.",
        "body": "Pas besoin d'être expert : nous formons et accompagnons chaque personne qui se lance.\n\n"
        "Une réunion d'information a lieu à la fin du mois ; écrivez à la coordination pour y participer.",
        "tags": ["bénévolat", "ateliers"],
    },
]


def news_items(today):
    """The demo news as page fields, each dated `days_ago` before `today`, its body as one Markdown block."""
    items = []
    for data in NEWS:
        fields = {key: value for key, value in data.items() if key not in ("days_ago", "body")}
        fields["date"] = today - datetime.timedelta(days=data["days_ago"])
        fields["body"] = [("markdown", data["body"])]
        items.append(fields)
    return items
