"""Demo prototypes: what the digital communities of the Valenciennes centres sociaux (call for tenders
FEDER-2020-PN.6) built, in the domains of the Lille call, and their adoption by neighbouring centres.

The centres are public organisations named in the call; the prototypes, their stories and notes are invented.
"""

from django.db import transaction

from community.places.models import Structure
from resources.models import ToolSheetPage

from .models import Adoption, PrototypeIndexPage, PrototypePage

INTRO = (
    "Ce que les communautés numériques des centres sociaux ont construit pour leurs habitants : le problème de "
    "départ, comment ça marche, ce que ça coûte et comment le reproduire. Votre structure l'adopte ? Dites-le."
)

# The centres the demo prototypes come from or go to, created if the map's demo has not made them:
# (slug, name, kind, address, postcode, commune, insee, latitude, longitude of the commune).
CENTRES = [
    ("mq-beaujardin", "Maison de quartier Beaujardin", "maison-quartier", "73 rue du Chauffour", "59300",
     "Valenciennes", "59606", 50.3579, 3.5233),
    ("cs-dutemple", "Centre social Dutemple", "centre-social", "Place des Charbonniers", "59300", "Valenciennes",
     "59606", 50.3579, 3.5233),
    ("csc-georges-dehove", "Centre socioculturel Georges Dehove", "centre-social", "1 rue Léon Dubled", "59300",
     "Valenciennes", "59606", 50.3579, 3.5233),
    ("mq-saint-waast", "Maison de quartier Saint-Waast", "maison-quartier", "145 avenue Désandrouin", "59300",
     "Valenciennes", "59606", 50.3579, 3.5233),
    ("csc-la-briquette", "Centre social et culturel de la Briquette", "centre-social", "29 rue Champagne", "59770",
     "Marly", "59383", 50.3458, 3.5500),
    ("cs-les-florales", "Centre social les Florales", "centre-social", "7 avenue des Lilas", "59770", "Marly",
     "59383", 50.3458, 3.5500),
    ("mq-saint-saulve", "Maison de quartier de Saint-Saulve", "maison-quartier", "12 rue Blaise Pascal", "59880",
     "Saint-Saulve", "59544", 50.3711, 3.5561),
    ("csc-le-phare-onnaing", "Centre socioculturel intercommunal Le Phare", "centre-social",
     "33 rue Renard Prolongée", "59264", "Onnaing", "59447", 50.3867, 3.5981),
    ("csc-agora-douchy", "Centre socioculturel Agora", "centre-social", "18 avenue Julien Renard", "59282",
     "Douchy-les-Mines", "59179", 50.3014, 3.3931),
]  # fmt: skip


def _steps(*steps):
    return [("step", {"title": title, "text": text}) for title, text in steps]


PROTOTYPES = [
    {
        "slug": "borne-d-accueil-partagee",
        "title": "La borne d'accueil partagée",
        "summary": "Un poste en libre accès à l'accueil, avec un habitant bénévole à côté aux heures d'affluence.",
        "problem": (
            "À l'accueil, les personnes attendaient pour une simple impression d'attestation ou une prise de "
            "rendez-vous en ligne, et l'agent d'accueil ne pouvait pas tout faire à la fois."
        ),
        "domain": "accueil",
        "status": "adopte",
        "structure": "mq-beaujardin",
        "community": "La communauté numérique de la maison de quartier : cinq habitants bénévoles et l'agent d'accueil",
        "body": [
            (
                "markdown",
                "Un ordinateur reconditionné, une imprimante et une affiche « Je peux vous aider » : deux matinées "
                "par semaine, un bénévole formé accompagne les démarches simples pendant que l'accueil continue.",
            )
        ],
        "cost": "Environ 450 € : ordinateur reconditionné, imprimante, papier ; deux heures de bénévolat par semaine.",
        "steps": _steps(
            ("Repérer les heures d'affluence", "Compter une semaine les demandes qui pourraient se faire en ligne."),
            ("Installer le poste", "Un compte invité qui s'efface à la déconnexion, un navigateur à jour."),
            ("Former les bénévoles", "Deux séances : les démarches courantes et ce qu'on ne fait pas à la place."),
        ),
        "tools": ["documenter-et-partager"],
    },
    {
        "slug": "devoirs-a-distance",
        "title": "L'aide aux devoirs à distance",
        "summary": "Les bénévoles de l'accompagnement scolaire retrouvent les collégiens en visio les soirs de pluie.",
        "problem": "Les collégiens des cités éloignées ne venaient plus à l'aide aux devoirs l'hiver.",
        "domain": "education",
        "status": "en-test",
        "structure": "cs-dutemple",
        "community": "Les bénévoles de l'accompagnement scolaire et des parents",
        "body": [("markdown", "Une salle de visioconférence libre, un lien fixe par groupe, un créneau par soir.")],
        "cost": "Aucun logiciel à payer ; deux tablettes prêtées aux familles qui n'en ont pas.",
        "steps": _steps(
            ("Choisir l'outil", "Jitsi Meet : pas de compte à créer pour les familles."),
            ("Fixer un lien par groupe", "Le même chaque semaine, affiché au centre et envoyé aux parents."),
        ),
        "tools": ["jitsi-meet"],
    },
    {
        "slug": "carnet-des-parents",
        "title": "Le carnet des parents",
        "summary": "Un pad partagé où les parents notent leurs questions avant le café des parents.",
        "problem": "Les parents n'osaient pas poser en groupe leurs questions sur les écrans à la maison.",
        "domain": "parentalite",
        "status": "prototype",
        "structure": "csc-georges-dehove",
        "community": "Le groupe du café des parents",
        "body": [
            ("markdown", "Un pad anonyme, ouvert la semaine avant chaque café des parents, lu ensemble le jour J.")
        ],
        "cost": "Gratuit : un pad sur un service libre.",
        "steps": _steps(("Ouvrir un pad", "Sans nom, avec trois questions pour lancer."), ("Le lire ensemble", "")),
        "tools": ["etherpad"],
    },
    {
        "slug": "mes-demarches-en-ligne",
        "title": "« Mes démarches en ligne », le pas à pas illustré",
        "summary": "Des fiches en images pour les démarches de la CAF et de France Travail, faites avec les habitants.",
        "problem": "Les tutoriels officiels supposent qu'on sait déjà se servir d'un site.",
        "domain": "e-administration",
        "status": "adopte",
        "structure": "csc-la-briquette",
        "community": "L'atelier « démarches » du jeudi, habitants et conseillère numérique",
        "body": [("markdown", "Chaque fiche suit une démarche écran par écran, avec les mots des habitants.")],
        "cost": "Le temps de l'atelier ; l'impression des fiches (environ 30 € par an).",
        "steps": _steps(
            ("Choisir une démarche", "Celle qu'on vous demande le plus à l'accueil."),
            ("La faire ensemble", "Une capture par écran, une phrase par capture."),
            ("Tester la fiche", "Avec une personne qui ne l'a jamais faite."),
        ),
        "tools": ["documenter-et-partager", "nextcloud"],
    },
    {
        "slug": "carte-des-envies-du-quartier",
        "title": "La carte des envies du quartier",
        "summary": "Une carte en ligne où les habitants posent ce qu'ils aimeraient changer dans le quartier.",
        "problem": "Les réunions publiques ne réunissaient que les mêmes personnes.",
        "domain": "pouvoir-d-agir",
        "status": "idee",
        "structure": "mq-saint-saulve",
        "community": "Le conseil de maison et des jeunes du quartier",
        "body": [("markdown", "Une carte uMap partagée, imprimée en grand une fois par mois à l'accueil.")],
        "cost": "Gratuit ; une impression grand format par mois.",
        "steps": _steps(("Créer la carte", "Trois calques : envies, problèmes, idées.")),
        "tools": ["umap"],
    },
    {
        "slug": "repair-cafe-numerique",
        "title": "Le repair café numérique",
        "summary": "Un samedi par mois, on répare et on remet à jour les ordinateurs et les téléphones du quartier.",
        "problem": "Des appareils encore bons partaient à la benne faute d'une mise à jour.",
        "domain": "autre",
        "status": "prototype",
        "structure": "csc-agora-douchy",
        "community": "Des bénévoles bricoleurs et la communauté numérique du centre",
        "body": [("markdown", "Des tables, des outils, un système libre sur clé USB, et du café.")],
        "cost": "Environ 200 € d'outillage, puis rien.",
        "steps": _steps(("Réunir les bénévoles", ""), ("Annoncer la date", "Affiches et liste de discussion.")),
        "tools": ["listes-de-discussion"],
    },
]

# Who adopted what: (prototype slug, adopting centre slug, note).
ADOPTIONS = [
    ("borne-d-accueil-partagee", "cs-les-florales", "Installée à l'accueil depuis la rentrée."),
    ("borne-d-accueil-partagee", "csc-le-phare-onnaing", ""),
    ("mes-demarches-en-ligne", "mq-saint-waast", "Nous reprenons les fiches CAF avec notre atelier du mardi."),
]

# What the Valenciennes temps fort presents, in order (slugs): the prototypes of several centres.
HIGHLIGHTED = [
    "borne-d-accueil-partagee",
    "devoirs-a-distance",
    "carnet-des-parents",
    "mes-demarches-en-ligne",
    "carte-des-envies-du-quartier",
]


def ensure_centres():
    """The demo's centres by slug, created (with their commune's coordinates) where the map has not made them."""
    centres = {}
    for slug, name, kind, address, postcode, commune, insee, latitude, longitude in CENTRES:
        centres[slug], _created = Structure.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "kind": kind,
                "address": address,
                "postcode": postcode,
                "commune": commune,
                "insee_code": insee,
                "latitude": latitude,
                "longitude": longitude,
                "territory": "Valenciennes Métropole",
                "services": ["demarches", "outils", "acces"],
                "source_id": f"gare-centrale-{slug}",
            },
        )
    return centres


@transaction.atomic
def load(home, owner=None):
    """Creates the missing prototypes index, prototypes and adoptions; returns the index."""
    centres = ensure_centres()
    index = home.get_children().type(PrototypeIndexPage).first()
    if index is None:
        index = PrototypeIndexPage(title="Prototypes", slug="prototypes", show_in_menus=True, intro=INTRO)
        home.add_child(instance=index)
        index.save_revision(user=owner).publish()
    index = index.specific
    for data in PROTOTYPES:
        data = dict(data)
        if index.get_children().filter(slug=data["slug"]).exists():
            continue
        tools = data.pop("tools")
        data["structure"] = centres[data["structure"]]
        prototype = PrototypePage(owner=owner, **data)
        prototype.tool_sheets = list(ToolSheetPage.objects.filter(slug__in=tools))
        index.add_child(instance=prototype)
        prototype.save_revision(user=owner).publish()
    prototypes = {page.slug: page for page in PrototypePage.objects.child_of(index)}
    for slug, centre, note in ADOPTIONS:
        if slug in prototypes:
            Adoption.objects.get_or_create(
                prototype=prototypes[slug], structure=centres[centre], defaults={"note": note}
            )
    return index


def highlighted(index):
    """The prototypes the Valenciennes temps fort presents, in its order."""
    found = {page.slug: page for page in PrototypePage.objects.child_of(index).filter(slug__in=HIGHLIGHTED)}
    return [found[slug] for slug in HIGHLIGHTED if slug in found]
