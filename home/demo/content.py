"""The demo's home, settings, people and legal pages. People are invented; organisations come from the seeds."""

from django.conf import settings

from workshops import rights

CONTACT_EMAIL = "contact@gare-centrale.example"
ADDRESS = "Pays Loire Nature, Indre-et-Loire"

HOME_INTRO = [
    (
        "markdown",
        "La **gare centrale** est le premier portail d'entrée du réseau : un commun co-construit où "
        "associations, centres sociaux et médiateurs numériques partagent leurs ressources, annoncent "
        "leurs ateliers et gardent la mémoire de ce qu'ils ont appris ensemble.\n\n"
        "Tout ce qui est publié ici est sous licence libre (CC BY-SA 4.0) : servez-vous, adaptez, "
        "et contribuez à votre tour.",
    )
]

FUNDERS = [
    {
        "name": "Union européenne — FEDER",
        "mention": "Ce projet est cofinancé par l'Union européenne avec le Fonds européen de développement "
        "régional (FEDER).",
        "url": "https://european-union.europa.eu/",
    },
    {
        "name": "Union européenne — FSE",
        "mention": "Ce projet est cofinancé par le Fonds social européen (FSE) dans le cadre du programme "
        "opérationnel national « Emploi et Inclusion ».",
        "url": "https://fse.gouv.fr/",
    },
]

# Invented people; one demo account per role, plus an administrator.
ACCOUNTS = [
    {"username": "admin", "first_name": "Alex", "last_name": "Martin", "email": "admin@gare-centrale.example",
     "is_superuser": True},
    {"username": "contributrice", "first_name": "Claire", "last_name": "Vasseur",
     "email": "claire.vasseur@exemple.org", "role": "Contributeurs"},
    {"username": "animateur", "first_name": "Hugo", "last_name": "Perrin", "email": "hugo.perrin@exemple.org",
     "role": "Animateurs"},
    {"username": "chargee", "first_name": "Nadia", "last_name": "Benali", "email": "nadia.benali@exemple.org",
     "role": "Chargés de mission"},
    {"username": "coordinatrice", "first_name": "Sophie", "last_name": "Garnier",
     "email": "sophie.garnier@exemple.org", "role": "Coordinateurs"},
]  # fmt: skip


JOB_PROFILES_INTRO = (
    "<p>Ce que font, chaque année, les chargés d'innovation et d'animation numérique du réseau : les compétences "
    "qu'ils attestent dans leur journal de bord et que la coordination a validées.</p>"
)


def entry_points(wiki, sheets, workshops):
    return [
        ("entry", {"title": "Le wiki du collectif", "text": "Ressources, méthodes et retours d'expérience.",
                   "page": wiki, "url": ""}),
        ("entry", {"title": "Les fiches outils", "text": "Des outils libres pour s'organiser et coopérer.",
                   "page": sheets, "url": ""}),
        ("entry", {"title": "Ateliers et parcours", "text": "Les prochaines dates et la mémoire des ateliers.",
                   "page": workshops, "url": ""}),
        ("entry", {"title": "Où en êtes-vous avec le numérique ?",
                   "text": "Un diagnostic en douze questions simples, et où apprendre la suite près de chez vous.",
                   "page": None, "url": "/diagnostic/"}),
    ]  # fmt: skip


def _body(*paragraphs):
    return [("markdown", "\n\n".join(paragraphs))]


CHARTER_SLUG = "charte"
LEGAL_PAGES = [
    {
        "slug": CHARTER_SLUG,
        "title": "Charte du réseau",
        "body": _body(
            "Les structures qui signent cette charte s'engagent à accueillir toute personne sans condition, "
            "à orienter vers le bon interlocuteur quand elles ne peuvent pas répondre elles-mêmes, et à "
            "partager leurs ressources sous licence libre.",
            "## Nos engagements\n\n"
            "1. **Accueillir** : un accueil bienveillant, sans jugement, quel que soit le niveau de chacun.\n"
            "2. **Orienter** : connaître l'offre du territoire et la faire connaître.\n"
            "3. **Rendre autonome** : faire avec les personnes, pas à leur place.\n"
            "4. **Partager** : publier nos fiches et nos retours d'expérience sous licence CC BY-SA.\n"
            "5. **Protéger** : ne collecter que les données utiles et les garder en sécurité.",
        ),
    },
    {
        "slug": "mentions-legales",
        "title": "Mentions légales",
        "body": _body(
            "**Éditeur** : le collectif Gare centrale, réseau d'associations et de structures de médiation numérique.",
            "**Hébergement** : à préciser par la structure qui héberge le service.",
            "**Licence des contenus** : sauf mention contraire, les contenus sont publiés sous licence "
            "[Creative Commons BY-SA 4.0](https://creativecommons.org/licenses/by-sa/4.0/deed.fr).",
        ),
    },
    {
        "slug": "accessibilite",
        "title": "Accessibilité",
        # The RGAA's model statement: its headings are those the law asks for, in its order.
        "body": _body(
            "Le collectif Gare centrale s'engage à rendre ce site accessible à toutes et à tous, conformément à "
            "l'article 47 de la loi n° 2005-102 du 11 février 2005 et au référentiel général d'amélioration de "
            "l'accessibilité (RGAA 4.1).",
            "## État de conformité",
            "Ce site est **non conforme** au RGAA : aucun audit de conformité n'a encore été réalisé. "
            "Cette déclaration sera mise à jour après le premier audit.",
            "## Ce qui est vérifié, et comment",
            "- **axe-core** : les tests automatiques du site passent chaque parcours public (ressources, fiches "
            "outils, ateliers, carte des lieux, diagnostic, inscription) à l'outil axe-core, y compris les pages "
            "d'erreur de formulaire ; toute erreur grave ou critique fait échouer les tests.\n"
            "- **Clavier** : l'inscription à un atelier se fait entièrement au clavier (Tab, Maj+Tab, Espace, "
            "Entrée) ; après une erreur, le focus va au récapitulatif des erreurs, dont chaque lien mène au champ.\n"
            "- **Écran de 360 px** : les pages se lisent sans défilement horizontal sur un petit téléphone.\n"
            "- **Sans JavaScript** : on parcourt le site, filtre les fiches outils, cherche, lit la liste des lieux, "
            "s'inscrit à un atelier et gère son inscription sans JavaScript.",
            "Technologies utilisées : HTML, CSS, JavaScript (facultatif). Navigateurs des tests : Chromium.",
            "## Contenus non accessibles connus",
            "- La carte interactive des lieux n'a pas été essayée avec un lecteur d'écran : la liste des lieux, "
            "à côté, donne les mêmes informations.\n"
            "- Les documents PDF (feuilles d'émargement, documents joints) n'ont pas été vérifiés.\n"
            "- L'espace d'administration des contenus n'a pas été vérifié.\n"
            "- Aucun essai n'a encore été fait avec des personnes utilisant un lecteur d'écran ou une loupe.",
            "## Retour d'information et contact",
            f"Si vous ne parvenez pas à accéder à un contenu ou à un service, écrivez-nous à {CONTACT_EMAIL} : "
            "nous vous le fournirons sous une autre forme.",
            "## Voies de recours",
            "Si vous nous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un "
            "service et que vous n'avez pas obtenu de réponse satisfaisante, vous pouvez saisir le Défenseur des "
            "droits :\n\n"
            "- par le [formulaire en ligne](https://formulaire.defenseurdesdroits.fr/) ;\n"
            "- en contactant [le délégué du Défenseur des droits de votre région]"
            "(https://www.defenseurdesdroits.fr/saisir/delegues) ;\n"
            "- par courrier, gratuitement, sans affranchissement : Défenseur des droits, Libre réponse 71120, "
            "75342 Paris CEDEX 07.",
        ),
    },
]


def privacy_page():
    """The privacy notice: its retention figures and version are the settings', those the retention command applies."""
    periods = rights.retention_periods()
    months, years = periods["signup_months"], periods["proof_years"]
    return {
        "slug": "confidentialite",
        "title": "Données personnelles",
        "body": _body(
            "## Ce que nous gardons, et pourquoi",
            "**Inscription à un atelier** : votre prénom, votre nom, votre adresse e-mail, votre téléphone si vous "
            "le donnez, votre structure et votre commune, la date de votre accord et la version de cette notice ; "
            "puis le statut de l'inscription (confirmée, en attente, annulée) et votre présence. Elles servent "
            "uniquement à organiser l'atelier (confirmation, rappel, liste d'attente, feuille d'émargement) et à "
            "prouver aux financeurs européens (FSE, FEDER) qu'il a eu lieu.",
            "**Inscription d'une association à un parcours** : le nom de la structure, sa commune, la personne à "
            "contacter, son adresse e-mail, son téléphone si elle le donne, le nombre de personnes et les besoins "
            "décrits, pour organiser le parcours.",
            "**Votre avis** après l'atelier (une note, un commentaire si vous le souhaitez), pour améliorer les "
            "ateliers.",
            "**La lettre mensuelle** : votre adresse e-mail seule, avec la date de votre accord et celle de votre "
            "confirmation, pour vous envoyer la lettre. Sans confirmation, l'adresse est effacée au bout de 7 jours ; "
            "le lien « se désabonner » de chaque lettre l'efface aussitôt.",
            "**Le diagnostic numérique** (/diagnostic/) : vos réponses ne sont pas enregistrées ; seuls des "
            "compteurs anonymes (combien de diagnostics par jour, combien de réponses de chaque sorte par question) "
            "servent aux bilans. Si vous demandez votre résultat par e-mail, votre adresse et vos réponses sont "
            "gardées le temps de l'envoi, puis effacées dès que l'e-mail est parti (au plus tard après 2 jours).",
            "Base légale : votre consentement, donné en vous inscrivant ; pour la preuve de réalisation, "
            "l'obligation faite par les financeurs européens de justifier chaque action.",
            "## Qui les voit",
            "Seuls les animateurs de l'atelier (du parcours) et les coordinateurs du réseau les voient. Elles ne "
            "sont jamais publiées ni cédées. Une partie de la mémoire d'un atelier est réservée aux personnes "
            "venues : elles la lisent depuis le lien de leur inscription.",
            "## Combien de temps",
            f"**{months} mois** après l'atelier (pour un parcours, après son dernier atelier), les inscriptions "
            "sont anonymisées : nom, coordonnées, structure, commune et avis sont supprimés, et les inscriptions en "
            "liste d'attente ou annulées disparaissent entièrement.",
            "Ne reste alors, sans rien qui vous désigne, que la preuve de réalisation exigée par les financeurs : "
            "l'atelier, le fait qu'une place a été occupée et la présence ou l'absence (pour un parcours, le nombre "
            f"de personnes). Elle est supprimée au bout de **{years} ans**.",
            "## Vos droits, et comment les exercer",
            "Le lien reçu par e-mail après votre inscription ouvre la page « Ce que nous gardons sur vous » : vous "
            "y voyez tout ce qui est enregistré, vous le téléchargez (fichier JSON), vous modifiez ou annulez votre "
            "inscription, et vous effacez vos données. Effacées avant l'atelier, elles disparaissent entièrement "
            "et votre place va à la personne suivante sur la liste d'attente ; après l'atelier, seule la preuve "
            "de réalisation décrite plus haut demeure.",
            f"Vous n'avez plus le lien ? Écrivez à [{CONTACT_EMAIL}](mailto:{CONTACT_EMAIL}) : un coordinateur "
            "retrouve votre inscription et fait de même pour vous. Vous pouvez aussi vous opposer à un traitement "
            "ou adresser une réclamation à la CNIL ([cnil.fr](https://www.cnil.fr/)).",
            f"Version de cette notice : {settings.PRIVACY_NOTICE_VERSION}.",
        ),
    }


def legal_pages():
    return [*LEGAL_PAGES, privacy_page()]
