"""The enumerated values of the national schema of places of digital mediation (v1.0.1), with our keys."""

from django.utils.translation import gettext_lazy as _

SCHEMA_NAME = "LaMednum/standard-mediation-num"
SCHEMA_VERSION = "1.0.1"
SEPARATOR = "|"
# The schema's pivot for a place with neither SIRET nor RNA, as the national cartography writes it.
NO_PIVOT = "00000000000000"

# (our key, the schema's value, the short French label shown to visitors)
SERVICES = [
    ("demarches", "Aide aux démarches administratives", _("Réaliser des démarches en ligne")),
    (
        "outils",
        "Maîtrise des outils numériques du quotidien",
        _("Prendre en main un équipement, naviguer sur internet"),
    ),
    ("insertion", "Insertion professionnelle via le numérique", _("Chercher un emploi, une formation")),
    ("securite", "Utilisation sécurisée du numérique", _("Se protéger en ligne")),
    ("parentalite", "Parentalité et éducation avec le numérique", _("Accompagner ses enfants avec le numérique")),
    ("loisirs", "Loisirs et créations numériques", _("Loisirs et créations numériques")),
    ("comprehension", "Compréhension du monde numérique", _("Comprendre le monde numérique")),
    ("acces", "Accès internet et matériel informatique", _("Accéder à internet et à un ordinateur")),
    ("materiel", "Acquisition de matériel informatique à prix solidaire", _("S'équiper à prix solidaire")),
]

PUBLICS = [
    ("jeunes", "Jeunes", _("Jeunes")),
    ("etudiants", "Étudiants", _("Étudiants")),
    ("familles", "Familles et/ou enfants", _("Familles et enfants")),
    ("seniors", "Seniors", _("Seniors")),
    ("femmes", "Femmes", _("Femmes")),
]

SPECIFIC_SUPPORT = [
    ("surdite", "Surdité", _("Surdité")),
    ("handicap-moteur", "Handicaps moteurs", _("Handicaps moteurs")),
    ("handicap-mental", "Handicaps mentaux", _("Handicaps mentaux")),
    ("illettrisme", "Illettrisme", _("Illettrisme")),
    ("anglais", "Langues étrangères (anglais)", _("Langues étrangères (anglais)")),
    ("langues", "Langues étrangères (autres)", _("Langues étrangères (autres)")),
    ("deficience-visuelle", "Déficience visuelle", _("Déficience visuelle")),
]

ACCESS_CONDITIONS = [
    ("gratuit", "Gratuit", _("Gratuit")),
    ("sous-condition", "Gratuit sous condition", _("Gratuit sous condition (adhésion, pass numérique…)")),
    ("payant", "Payant", _("Payant")),
]

SUPPORT_MODES = [
    ("autonomie", "En autonomie", _("Seul, en autonomie")),
    ("individuel", "Accompagnement individuel", _("Accompagné individuellement")),
    ("atelier", "Dans un atelier collectif", _("En atelier collectif")),
    ("distance", "À distance", _("À distance (téléphone, visioconférence)")),
]

NATIONAL_PROGRAMMES = [
    ("aidants-connect", "Aidants Connect", _("Aidants Connect")),
    ("conseillers-numeriques", "Conseillers numériques", _("Conseillers numériques")),
    ("france-services", "France Services", _("France Services")),
    ("pass-caf", "Point d'accès numérique CAF", _("Point d'accès numérique CAF")),
    ("emmaus-connect", "Emmaüs Connect", _("Emmaüs Connect")),
    ("pix", "Certification PIX", _("Certification PIX")),
]

# Our kinds of structure and the data.inclusion "typologie de structure" code each one is exported as.
KINDS = [
    ("association", "ASSO", _("Association")),
    ("centre-social", "CS", _("Centre social")),
    ("maison-quartier", "MQ", _("Maison de quartier")),
    ("collectivite", "MUNI", _("Collectivité")),
    ("mediation", "TIERS_LIEUX", _("Lieu de médiation numérique")),
    ("france-services", "RFS", _("France Services")),
    ("bibliotheque", "BIB", _("Médiathèque")),
    ("autre", "Autre", _("Autre")),
]


def choices(vocabulary):
    return [(key, label) for key, _value, label in vocabulary]


def to_schema(vocabulary, keys):
    """Our keys → the schema's multi-valued string."""
    wanted = set(keys or [])
    return SEPARATOR.join(value for key, value, _label in vocabulary if key in wanted)


def from_schema(vocabulary, text):
    """The schema's multi-valued string → (our keys, the values that are not in the vocabulary)."""
    keys_by_value = {value.casefold(): key for key, value, _label in vocabulary}
    keys, unknown = [], []
    for part in (text or "").split(SEPARATOR):
        part = part.strip()
        if not part:
            continue
        key = keys_by_value.get(part.casefold())
        if key is None:
            unknown.append(part)
        elif key not in keys:
            keys.append(key)
    return keys, unknown


def labels(vocabulary, keys):
    names = {key: label for key, _value, label in vocabulary}
    return [names[key] for key in keys if key in names]


# The values a network's charter may be exported as (schema v1.0.1, same patterns in v1.0.2), by column.
# "Étapes numériques (La Poste)" is left out: v1.0.1 lacks it and v1.0.2's pattern misspells it (no space).
FORMATIONS_LABELS = [
    "Formé à « Mon Espace Santé »",
    "Formé à « DUPLEX » (illettrisme)",
    "Arnia/MedNum BFC (Bourgogne-Franche-Comté)",
    "Collectif ressources et acteurs réemploi (Normandie)",
    "Fabriques de Territoire",
    "Les Éclaireurs du numérique (Drôme)",
    "Mes Papiers (Métropole de Lyon)",
    "ORDI 3.0",
    "SUD LABS (PACA)",
]
# The schema's national programmes that a structure's own form does not offer (NATIONAL_PROGRAMMES above): a
# charter exported as one of these is never read back into a structure by an import of our own export.
OTHER_NATIONAL_PROGRAMMES = [
    "Bibliothèques numérique de référence",
    "Grande école du numérique",
    "La Croix Rouge",
    "Promeneurs du net",
    "Relais numérique (Emmaüs Connect)",
]
CHARTER_COLUMNS = {
    "formations_labels": FORMATIONS_LABELS,
    "dispositif_programmes_nationaux": OTHER_NATIONAL_PROGRAMMES,
}
CHARTER_COLUMN_TITLES = {
    "formations_labels": _("Formations et labels"),
    "dispositif_programmes_nationaux": _("Dispositifs et programmes nationaux"),
}
# A choice is stored as "column:value".
CHARTER_CHOICES = [
    (CHARTER_COLUMN_TITLES[column], [(f"{column}:{value}", value) for value in values])
    for column, values in CHARTER_COLUMNS.items()
]
