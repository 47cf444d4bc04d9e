"""Demo places: the 19 centres sociaux of the Valenciennes call for tenders, associations of the Pays Loire Nature,
mobile sessions in rural communes (one of them weekly, with a moved and a cancelled occurrence), and the structures
that signed the network's charter (referents are invented people)."""

import datetime

from django.utils import timezone

from . import series
from .models import CharterSignature, Permanence, PermanenceSeries, Structure

HOURS_CENTRE = "Mo-Fr 09:00-12:00,13:30-17:30; PH off"
VALENCIENNES_SERVICES = ["demarches", "outils", "insertion", "acces"]
VALENCIENNES_TERRITORY = "Valenciennes Métropole"

# (slug, name, kind, address, postcode, commune, insee, latitude, longitude, territory)
CENTRES = [
    ("mq-beaujardin", "Maison de quartier Beaujardin", "maison-quartier", "73 rue du Chauffour", "59300",
     "Valenciennes", "59606", 50.3662, 3.5152, VALENCIENNES_TERRITORY),
    ("cs-dutemple", "Centre social Dutemple", "centre-social", "Place des Charbonniers", "59300", "Valenciennes",
     "59606", 50.3531, 3.5072, VALENCIENNES_TERRITORY),
    ("csc-georges-dehove", "Centre socioculturel Georges Dehove", "centre-social", "1 rue Léon Dubled", "59300",
     "Valenciennes", "59606", 50.3619, 3.5336, VALENCIENNES_TERRITORY),
    ("csc-faubourg-de-cambrai", "Centre socioculturel du Faubourg de Cambrai", "centre-social",
     "22 rue de la Targette", "59300", "Valenciennes", "59606", 50.3478, 3.5188, VALENCIENNES_TERRITORY),
    ("mq-saint-waast", "Maison de quartier Saint-Waast", "maison-quartier", "145 avenue Désandrouin", "59300",
     "Valenciennes", "59606", 50.3607, 3.5418, VALENCIENNES_TERRITORY),
    ("mq-centre-ville-valenciennes", "Maison de quartier Centre Ville", "maison-quartier", "10 rue des Ursulines",
     "59300", "Valenciennes", "59606", 50.3586, 3.5247, VALENCIENNES_TERRITORY),
    ("csc-la-briquette", "Centre social et culturel de la Briquette", "centre-social", "29 rue Champagne", "59770",
     "Marly", "59383", 50.3449, 3.5527, VALENCIENNES_TERRITORY),
    ("cs-les-florales", "Centre social les Florales", "centre-social", "7 avenue des Lilas", "59770", "Marly",
     "59383", 50.3502, 3.5602, VALENCIENNES_TERRITORY),
    ("mq-saint-saulve", "Maison de quartier de Saint-Saulve", "maison-quartier", "12 rue Blaise Pascal", "59880",
     "Saint-Saulve", "59544", 50.3719, 3.5588, VALENCIENNES_TERRITORY),
    ("csc-fresnes-sur-escaut", "Centre socioculturel de Fresnes-sur-Escaut", "centre-social",
     "36 rue du Maréchal Soult", "59970", "Fresnes-sur-Escaut", "59253", 50.4332, 3.5762, "Porte du Hainaut"),
    ("cs-conde-sur-l-escaut", "Centre social de Condé-sur-l'Escaut", "centre-social", "Place du Hainaut", "59163",
     "Condé-sur-l'Escaut", "59153", 50.4545, 3.5878, VALENCIENNES_TERRITORY),
    ("csc-vieux-conde", "Centre socioculturel de Vieux-Condé", "centre-social", "136 rue Emile Tabary", "59690",
     "Vieux-Condé", "59616", 50.4617, 3.5643, VALENCIENNES_TERRITORY),
    ("csc-agate-escautpont", "Centre socioculturel Agate", "centre-social", "1A Chaussée Brunehaut", "59278",
     "Escautpont", "59207", 50.4192, 3.5532, "Porte du Hainaut"),
    ("csc-le-phare-onnaing", "Centre socioculturel intercommunal Le Phare", "centre-social",
     "33 rue Renard Prolongée", "59264", "Onnaing", "59447", 50.3871, 3.5968, VALENCIENNES_TERRITORY),
    ("csc-agora-douchy", "Centre socioculturel Agora", "centre-social", "18 avenue Julien Renard", "59282",
     "Douchy-les-Mines", "59179", 50.3012, 3.3928, "Porte du Hainaut"),
    ("mq-solange-tonini-denain", "Maison de quartier Solange Tonini", "maison-quartier", "640 rue Berthelot",
     "59220", "Denain", "59172", 50.3283, 3.3802, "Porte du Hainaut"),
    ("csc-faubourg-duchateau-denain", "Centre socioculturel Faubourg Duchateau", "centre-social",
     "59 rue Patrick Roy", "59220", "Denain", "59172", 50.3208, 3.4019, "Porte du Hainaut"),
    ("maison-des-3-cites-mazingarbe", "Maison des 3 Cités", "maison-quartier", "Chemin de La Bassée", "62670",
     "Mazingarbe", "62563", 50.4752, 2.7188, "Lens-Liévin"),
    ("cs-cite-des-brebis-mazingarbe", "Centre social de la Cité des brebis", "centre-social",
     "Place de la Marne, Cité des brebis", "62670", "Mazingarbe", "62563", 50.4683, 2.7302, "Lens-Liévin"),
]  # fmt: skip

PAYS_LOIRE_NATURE = "Pays Loire Nature (Indre-et-Loire)"
# Invented associations and places of the Pays Loire Nature, at plausible addresses of real communes.
ASSOCIATIONS = [
    {
        "slug": "familles-rurales-langeais",
        "name": "Familles rurales de Langeais",
        "kind": "association",
        "address": "4 rue Gambetta",
        "postcode": "37130",
        "commune": "Langeais",
        "insee_code": "37123",
        "latitude": 47.3251,
        "longitude": 0.4061,
        "summary": "Ateliers numériques pour les familles et aide aux démarches en ligne, sur rendez-vous.",
        "services": ["demarches", "parentalite", "outils"],
        "publics": ["familles", "seniors"],
        "access_conditions": ["sous-condition"],
        "support_modes": ["individuel", "atelier"],
        "opening_hours": "Tu,Th 14:00-18:00; Sa 09:30-12:00",
    },
    {
        "slug": "le-lien-numerique-cinq-mars",
        "name": "Le Lien numérique",
        "kind": "association",
        "address": "2 place de la Mairie",
        "postcode": "37130",
        "commune": "Cinq-Mars-la-Pile",
        "insee_code": "37077",
        "latitude": 47.3470,
        "longitude": 0.4597,
        "summary": "Une association de bénévoles : prise en main d'un ordinateur, d'un smartphone, d'internet.",
        "services": ["outils", "securite", "loisirs"],
        "publics": ["seniors"],
        "access_conditions": ["sous-condition"],
        "support_modes": ["atelier", "autonomie"],
        "opening_hours": "We 14:00-17:00",
    },
    {
        "slug": "foyer-rural-chateau-la-valliere",
        "name": "Foyer rural de Château-la-Vallière",
        "kind": "association",
        "address": "12 rue de la Poste",
        "postcode": "37330",
        "commune": "Château-la-Vallière",
        "insee_code": "37062",
        "latitude": 47.5462,
        "longitude": 0.3241,
        "summary": "Accès libre à internet et accompagnement aux démarches, permanences dans les villages voisins.",
        "services": ["demarches", "acces", "outils"],
        "access_conditions": ["gratuit"],
        "support_modes": ["autonomie", "individuel"],
        "opening_hours": "Mo,We,Fr 09:00-12:00; PH off",
    },
    {
        "slug": "france-services-chateau-la-valliere",
        "name": "Espace France Services de Château-la-Vallière",
        "kind": "france-services",
        "address": "1 place du Marché",
        "postcode": "37330",
        "commune": "Château-la-Vallière",
        "insee_code": "37062",
        "latitude": 47.5449,
        "longitude": 0.3222,
        "summary": "Démarches administratives en ligne avec un agent : CAF, impôts, santé, retraite, emploi.",
        "services": ["demarches", "insertion"],
        "access_conditions": ["gratuit"],
        "support_modes": ["individuel", "distance"],
        "national_programmes": ["france-services", "aidants-connect"],
        "opening_hours": "Mo-Fr 09:00-12:30,13:30-17:00; PH off",
    },
    {
        "slug": "les-amis-du-lathan",
        "name": "Les Amis du Lathan",
        "kind": "association",
        "address": "8 rue du Lathan",
        "postcode": "37340",
        "commune": "Savigné-sur-Lathan",
        "insee_code": "37245",
        "latitude": 47.4449,
        "longitude": 0.3203,
        "summary": "Des bénévoles aident les habitants du Lathan à se servir d'internet et à faire leurs démarches.",
        "services": ["demarches", "outils", "comprehension"],
        "publics": ["seniors"],
        "access_conditions": ["gratuit"],
        "support_modes": ["individuel"],
        "opening_hours": "Th 14:00-17:00",
    },
]

# Invented referents (example.org, invented numbers), one per structure in turn.
REFERENTS = [
    ("Camille Delattre", "camille.delattre@example.org", "01 02 03 04 05"),
    ("Yanis Benali", "yanis.benali@example.org", "01 02 03 04 06"),
    ("Nadia Vermeulen", "nadia.vermeulen@example.org", "01 02 03 04 07"),
    ("Julien Caron", "julien.caron@example.org", "01 02 03 04 08"),
    ("Inès Moreau", "ines.moreau@example.org", "01 02 03 04 09"),
]

# The charter's signatories: (structure slug, date of signature, the signatory's role — never a name).
SIGNATURES = [
    ("cs-dutemple", datetime.date(2025, 3, 14), "directrice du centre social"),
    ("csc-la-briquette", datetime.date(2025, 3, 14), "président"),
    ("csc-agora-douchy", datetime.date(2025, 4, 2), "directeur du centre socioculturel"),
    ("familles-rurales-langeais", datetime.date(2025, 5, 20), "présidente"),
    ("foyer-rural-chateau-la-valliere", datetime.date(2025, 6, 5), "trésorier"),
]

# Mobile sessions in rural communes: (structure slug, days from today, commune, postcode, place, lat, lon, offer,
# people met for a past one)
SESSIONS = [
    ("foyer-rural-chateau-la-valliere", -21, "Couesmes", "37330", "Salle des fêtes", 47.5727, 0.3516,
     Permanence.ASSISTANCE, 7),
    ("foyer-rural-chateau-la-valliere", -7, "Souvigné", "37330", "Mairie", 47.5306, 0.3839, Permanence.ASSISTANCE, 4),
    ("foyer-rural-chateau-la-valliere", 5, "Couesmes", "37330", "Salle des fêtes", 47.5727, 0.3516,
     Permanence.ASSISTANCE, None),
    ("foyer-rural-chateau-la-valliere", 19, "Braye-sur-Maulne", "37330", "Mairie", 47.5597, 0.2561,
     Permanence.FREE_ACCESS, None),
    ("les-amis-du-lathan", -14, "Rillé", "37340", "Salle communale", 47.4478, 0.2236, Permanence.TRAINING, 6),
    ("les-amis-du-lathan", 9, "Rillé", "37340", "Salle communale", 47.4478, 0.2236, Permanence.TRAINING, None),
    ("les-amis-du-lathan", 12, "Hommes", "37340", "Mairie", 47.4414, 0.2858, Permanence.ASSISTANCE, None),
    ("familles-rurales-langeais", 3, "Saint-Michel-sur-Loire", "37130", "Bibliothèque", 47.3086, 0.3558,
     Permanence.ASSISTANCE, None),
    ("familles-rurales-langeais", -10, "Mazières-de-Touraine", "37130", "Salle des associations", 47.3833, 0.4236,
     Permanence.ASSISTANCE, 9),
    ("csc-agora-douchy", 6, "Haulchin", "59121", "Mairie", 50.3164, 3.4286, Permanence.ASSISTANCE, None),
    ("csc-agate-escautpont", -5, "Bruay-sur-l'Escaut", "59860", "Médiathèque", 50.3989, 3.5403,
     Permanence.ASSISTANCE, 11),
    # The quarter before, for the steering committee's year to date.
    ("foyer-rural-chateau-la-valliere", -100, "Couesmes", "37330", "Salle des fêtes", 47.5727, 0.3516,
     Permanence.ASSISTANCE, 5),
    ("les-amis-du-lathan", -115, "Hommes", "37340", "Mairie", 47.4414, 0.2858, Permanence.FREE_ACCESS, 8),
    ("familles-rurales-langeais", -130, "Saint-Michel-sur-Loire", "37130", "Bibliothèque", 47.3086, 0.3558,
     Permanence.TRAINING, 6),
]  # fmt: skip


def _centre(row, index):
    slug, name, kind, address, postcode, commune, insee, latitude, longitude, territory = row
    referent_name, referent_email, referent_phone = REFERENTS[index % len(REFERENTS)]
    return slug, {
        "name": name,
        "kind": kind,
        "address": address,
        "postcode": postcode,
        "commune": commune,
        "insee_code": insee,
        "latitude": latitude,
        "longitude": longitude,
        "territory": territory,
        "summary": (
            "Un centre social connecté du bassin minier : accompagnement aux démarches en ligne, ateliers "
            "numériques et accès libre aux ordinateurs."
        ),
        "services": VALENCIENNES_SERVICES,
        "publics": [],
        "access_conditions": ["gratuit", "sous-condition"],
        "support_modes": ["autonomie", "individuel", "atelier"],
        "opening_hours": HOURS_CENTRE,
        "accessibility": "Accueil de plain-pied, accessible en fauteuil roulant.",
        "phone": f"03 53 01 {10 + index:02d} {20 + index:02d}",
        "referent_name": referent_name,
        "referent_email": referent_email,
        "referent_phone": referent_phone,
        "source_id": f"gare-centrale-{slug}",
    }


def load():
    """Creates the missing demo places and sessions (get-or-create by slug); returns the structures by slug."""
    structures = {}
    rows = [_centre(row, index) for index, row in enumerate(CENTRES)]
    for index, data in enumerate(ASSOCIATIONS):
        data = dict(data)
        slug = data.pop("slug")
        referent_name, referent_email, referent_phone = REFERENTS[(index + 2) % len(REFERENTS)]
        data.update(
            territory=PAYS_LOIRE_NATURE,
            referent_name=referent_name,
            referent_email=referent_email,
            referent_phone=referent_phone,
            source_id=f"gare-centrale-{slug}",
        )
        rows.append((slug, data))
    for slug, data in rows:
        structures[slug], _created = Structure.objects.get_or_create(slug=slug, defaults=data)
    today = timezone.localdate()
    # Sessions are made once per structure (dates relative to the first run): a re-run adds nothing.
    with_sessions = set(Permanence.objects.values_list("structure__slug", flat=True).distinct())
    for slug, days, commune, postcode, place, latitude, longitude, offer, people in SESSIONS:
        structure = structures[slug]
        if slug in with_sessions:
            continue
        date = today + datetime.timedelta(days=days)
        Permanence.objects.create(
            structure=structure,
            date=date,
            start_time=datetime.time(9, 30) if days % 2 else datetime.time(14, 0),
            end_time=datetime.time(12, 0) if days % 2 else datetime.time(17, 0),
            commune=commune,
            postcode=postcode,
            place=place,
            latitude=latitude,
            longitude=longitude,
            offer=offer,
            people_met=people if days < 0 else None,
        )
    _weekly_series(structures["foyer-rural-chateau-la-valliere"], today)
    for slug, signed_on, role in SIGNATURES:
        CharterSignature.objects.get_or_create(
            structure=structures[slug], defaults={"signed_on": signed_on, "signatory_role": role}
        )
    return structures


def _weekly_series(structure, today):
    """A weekly session at Couesmes' town hall, twelve Thursdays: the third moved to the Friday, the fifth cancelled."""
    if PermanenceSeries.objects.filter(structure=structure).exists():
        return
    first = today + datetime.timedelta(days=(3 - today.weekday()) % 7 or 7)
    weekly = PermanenceSeries(
        structure=structure,
        frequency="weekly",
        first_date=first,
        count=12,
        start_time=datetime.time(14, 0),
        end_time=datetime.time(16, 30),
        commune="Couesmes",
        postcode="37330",
        place="Mairie, salle du conseil",
        latitude=47.5727,
        longitude=0.3516,
        offer=Permanence.ASSISTANCE,
    )
    occurrences = series.save_series(weekly)
    series.move(occurrences[2], occurrences[2].date + datetime.timedelta(days=1))
    series.cancel(occurrences[4])
