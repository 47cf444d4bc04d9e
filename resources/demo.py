"""Demo content of the resource space: the wiki pages and tool sheets of the collective.

The tool sheets follow the contents of the DUNAR accompaniment: tools for the internal organisation of the
structures, tools to make their action known, and transversal topics. `[[Titre]]` links point to other pages of
this file, by their exact title.
"""

import datetime

WIKI_INTRO = (
    "Le wiki du collectif : chacun peut corriger, compléter et créer des pages. "
    "Tout est publié sous licence CC BY-SA 4.0."
)
TOOL_SHEETS_INTRO = (
    "Des fiches pratiques pour choisir et prendre en main des outils numériques, libres autant que possible."
)
CHECKED = datetime.date(2026, 10, 1)

INTERNAL = "organisation-interne"
EXTERNAL = "valorisation-externe"
TRANSVERSAL = "apports-transversaux"


def _md(text):
    return [("markdown", text)]


def _topic(**fields):
    """A transversal topic: a sheet about a practice rather than a piece of software."""
    return {
        "tool_name": "",
        "replaces": "",
        "category": TRANSVERSAL,
        "is_free_software": False,
        "software_licence": "",
        "website": "",
        "last_checked": CHECKED,
        **fields,
    }


WIKI_PAGES = [
    {
        "slug": "bienvenue",
        "title": "Bienvenue dans la gare centrale",
        "summary": "Ce qu'est cet espace, ce qu'on y trouve et comment y contribuer.",
        "body": _md(
            "Cet espace est la **gare centrale** du collectif : le premier endroit où venir pour retrouver "
            "les dates des ateliers, la mémoire de ce qui a été vu et les ressources utiles. C'est un commun : "
            "il appartient à celles et ceux qui le font vivre.\n\n"
            "## Ce que vous y trouverez\n\n"
            "- **Les ateliers** : les prochaines dates et la mémoire des rencontres passées.\n"
            "- **Les fiches outils** : des pas à pas pour prendre en main des outils numériques, libres autant "
            "que possible.\n"
            "- **Le wiki** : les pages du collectif, comme [[Mémoire du parcours DUNAR]] ou "
            "[[Glossaire du numérique associatif]].\n\n"
            "## Contribuer\n\n"
            "1. Connectez-vous avec le compte que vous a remis un coordinateur.\n"
            "2. Sur n'importe quelle page, suivez le lien « Modifier cette page ».\n"
            "3. Enregistrez : votre modification est publiée tout de suite, et l'historique garde la trace "
            "de chaque version.\n\n"
            "Pas d'inquiétude : on ne casse rien, on peut toujours revenir à une version précédente. "
            "Avant de commencer, lisez [[Charte d'usage des outils du collectif]] et "
            "[[Coopérer à plusieurs structures]]. Pour transmettre ce que vous savez faire, voyez "
            "[[Documenter et partager ses connaissances]]."
        ),
        "tags": ["accueil", "contribuer"],
    },
    {
        "slug": "cooperer-a-plusieurs-structures",
        "title": "Coopérer à plusieurs structures",
        "summary": "Postures et outils pour agir ensemble entre associations d'un même territoire.",
        "body": _md(
            "Coopérer, c'est d'abord **se connaître** : qui fait quoi, avec quels moyens, sur quel territoire.\n\n"
            "## Quelques repères\n\n"
            "- Se donner un objectif commun simple et atteignable, et commencer petit.\n"
            "- Choisir ensemble les outils, plutôt que d'imposer ceux d'une structure.\n"
            "- Garder une trace partagée des décisions (un pad, une page de ce wiki).\n"
            "- Alterner les temps collectifs et la mise en pratique dans chaque structure.\n"
            "- Savoir qui fait le lien entre deux rencontres.\n\n"
            "## Les outils qui aident\n\n"
            "- Pour écrire ensemble : [[Écrire à plusieurs avec un pad]].\n"
            "- Pour fixer une date : [[Trouver une date ou voter avec Framadate]].\n"
            "- Pour décider entre deux réunions : [[Décider à distance avec Loomio]].\n"
            "- Pour suivre un projet commun : [[Suivre un projet avec un tableau Wekan]].\n\n"
            "Pour aller plus loin sur l'animation et les postures : [[Coopérer : outils, méthodes et postures]]."
        ),
        "tags": ["coopération", "collectif"],
    },
    {
        "slug": "charte-d-usage-des-outils",
        "title": "Charte d'usage des outils du collectif",
        "summary": "Les règles que le collectif s'est données pour utiliser ensemble ses outils numériques.",
        "body": _md(
            "Cette charte a été écrite ensemble ; elle se modifie ensemble, après en avoir discuté sur la liste "
            "du collectif.\n\n"
            "## Quel outil pour quoi\n\n"
            "| Besoin | Outil |\n"
            "|---|---|\n"
            "| Annonces et échanges de fond | la liste de discussion du collectif |\n"
            "| Questions rapides, entraide | le salon de messagerie |\n"
            "| Notes de réunion, brouillons | un pad |\n"
            "| Dates de réunion | un sondage Framadate |\n"
            "| Réunions à distance | Jitsi Meet |\n"
            "| Mémoire et ressources | ce wiki |\n\n"
            "Chaque outil a sa fiche, par exemple [[Discuter en équipe avec Element]] ou "
            "[[Se réunir en visioconférence avec Jitsi Meet]].\n\n"
            "## Nos règles\n\n"
            "1. **Un canal par usage** : on ne prend pas une décision dans la messagerie instantanée.\n"
            "2. **Des messages clairs** : un objet explicite, un sujet par message, l'action attendue en premier.\n"
            "3. **Pas de données personnelles** dans les pads et les pages publiques (adresses, téléphones, "
            "situation des personnes accompagnées).\n"
            "4. **Nos productions communes sont sous licence CC BY-SA 4.0**, en citant le collectif.\n"
            "5. **Droit à la déconnexion** : personne n'est tenu de répondre le soir ni le week-end.\n"
            "6. **Bienveillance** : on corrige une page sans juger son auteur, on discute d'un désaccord.\n"
            "7. **Le libre d'abord**, quand un logiciel libre répond au besoin.\n\n"
            "Voir aussi [[Cahier des charges et règles d'usage d'un outil]] et "
            "[[Gérer ses mails et prévenir l'infobésité]]."
        ),
        "tags": ["charte", "règles d'usage", "collectif"],
    },
    {
        "slug": "memoire-du-parcours-dunar",
        "title": "Mémoire du parcours DUNAR",
        "summary": "D'où vient le collectif : le parcours d'ateliers sur les usages numériques des associations "
        "du Pays Loire Nature.",
        "body": _md(
            "## D'où nous venons\n\n"
            "Le collectif est né du **parcours DUNAR**, porté par ID37, le dispositif local d'accompagnement "
            "(DLA) d'Indre-et-Loire. Après une phase de sensibilisation et un diagnostic des besoins des "
            "associations du Pays Loire Nature, un accompagnement collectif a été proposé par Artefacts, "
            "coopérative d'activités et d'emploi de l'économie sociale et solidaire.\n\n"
            "## Trois enjeux\n\n"
            "- **Coopérer** : les postures et les outils qui facilitent l'action collective.\n"
            "- **S'organiser** : les outils numériques pour mieux communiquer en interne.\n"
            "- **Se faire connaître** : les outils pour communiquer vers l'extérieur et valoriser ses actions.\n\n"
            "## Comment se déroule le parcours\n\n"
            "1. Une soirée « cultures numériques et enjeux des usages », à Langeais, pour ouvrir le parcours "
            "(voir [[Culture numérique et usages collaboratifs]]).\n"
            "2. Des demi-journées d'accompagnement collectif où l'on apprend en faisant : à chaque séance, un "
            "outil essayé sur un cas réel.\n"
            "3. Des demi-journées d'appui sur place, dans les structures, pour transmettre ce qui a été vu.\n"
            "4. Entre deux séances, un petit pas concret à mettre en œuvre dans sa structure.\n"
            "5. Un bilan, pour que le collectif continue en autonomie.\n\n"
            "## Ce que nous en gardons\n\n"
            "- Cet espace ressource, construit ensemble comme un commun.\n"
            "- Des outils libres autant que possible, choisis pour leur cohérence avec nos valeurs.\n"
            "- Des ressources sous licence CC BY-SA, que d'autres structures peuvent reprendre.\n\n"
            "Chaque thème a sa fiche, par exemple [[Écrire à plusieurs avec un pad]], "
            "[[Créer une carte participative avec uMap]] ou [[Nouveaux usages numériques : freins et leviers]]."
        ),
        "tags": ["dunar", "histoire du collectif", "pays loire nature"],
    },
    {
        "slug": "glossaire-du-numerique-associatif",
        "title": "Glossaire du numérique associatif",
        "summary": "Les mots du numérique que l'on croise dans les ateliers, expliqués simplement.",
        "body": _md(
            "- **CHATONS** : Collectif des hébergeurs alternatifs, transparents, ouverts, neutres et solidaires. "
            "Ses membres proposent des services en ligne éthiques (pads, visioconférence, stockage…).\n"
            "- **Commun** : une ressource partagée, gérée par une communauté selon les règles qu'elle se donne : "
            "ce wiki, OpenStreetMap, Wikipédia.\n"
            "- **Creative Commons** : une famille de licences pour partager ses contenus ; voir "
            "[[Partage des connaissances et licences ouvertes]].\n"
            "- **DLA** : dispositif local d'accompagnement des structures employeuses de l'ESS ; en "
            "Indre-et-Loire, il est porté par ID37.\n"
            "- **ESS** : économie sociale et solidaire (associations, coopératives, mutuelles, fondations).\n"
            "- **Fédivers** : l'ensemble des réseaux sociaux libres qui communiquent entre eux, dont Mastodon ; "
            "voir [[Rejoindre Mastodon, le réseau social libre]].\n"
            "- **Infobésité** : la surcharge d'informations ; voir [[Gérer ses mails et prévenir l'infobésité]].\n"
            "- **Instance** : un serveur qui fait tourner un logiciel (une instance de Mastodon, de Jitsi Meet…).\n"
            "- **Kanban** : une méthode de suivi des tâches en colonnes ; voir "
            "[[Suivre un projet avec un tableau Wekan]].\n"
            "- **Liste de discussion** : une adresse unique qui redistribue les messages à tous ses abonnés ; "
            "voir [[Échanger par mail avec une liste de discussion]].\n"
            "- **Logiciel libre** : un logiciel que l'on peut utiliser, étudier, modifier et redistribuer ; voir "
            "[[Les logiciels libres]].\n"
            "- **Pad** : un document en ligne modifiable à plusieurs en même temps ; voir "
            "[[Écrire à plusieurs avec un pad]].\n"
            "- **RGPD** : le règlement général sur la protection des données, qui s'applique aussi aux "
            "associations (fichiers d'adhérents, listes de contacts).\n"
            "- **Wiki** : un site dont les pages peuvent être modifiées par ses lecteurs, comme celui-ci."
        ),
        "tags": ["glossaire", "culture numérique"],
    },
]

TOOL_SHEETS = [
    # Organisation interne
    {
        "slug": "etherpad",
        "title": "Écrire à plusieurs avec un pad",
        "summary": "Un document en ligne que toute l'équipe modifie en même temps, sans créer de compte : idéal "
        "pour les notes de réunion.",
        "tool_name": "Etherpad (Framapad)",
        "replaces": "Google Docs",
        "category": INTERNAL,
        "is_free_software": True,
        "software_licence": "Apache-2.0",
        "website": "https://etherpad.org/",
        "difficulty": 1,
        "last_checked": CHECKED,
        "steps": _md(
            "1. Ouvrez un service de pads : Framapad, ou celui d'un hébergeur membre des CHATONS.\n"
            "2. Donnez un nom au pad et choisissez sa durée de conservation (un jour, un mois, un an…).\n"
            "3. Indiquez votre prénom en haut à droite : chaque auteur écrit dans sa couleur.\n"
            "4. Envoyez l'adresse du pad aux participants. Toute personne qui a l'adresse peut le lire et le "
            "modifier : n'y mettez pas de données personnelles.\n"
            "5. Structurez le texte dès le départ : ordre du jour, décisions, qui fait quoi et pour quand.\n"
            "6. En fin de séance, exportez le texte (bouton Import/Export) et rangez-le dans "
            "[[Créer un espace ressource avec YesWiki|votre espace ressource]]."
        ),
        "use_cases": _md(
            "- Prendre à plusieurs les notes d'une réunion de bureau, projetées au mur.\n"
            "- Préparer l'ordre du jour d'une assemblée générale avec les administrateurs.\n"
            "- Rédiger ensemble une demande de subvention ou un article pour le bulletin municipal."
        ),
        "tags": ["écriture collaborative", "réunion"],
    },
    {
        "slug": "element-matrix",
        "title": "Discuter en équipe avec Element",
        "summary": "Une messagerie instantanée libre et chiffrée, fondée sur le protocole Matrix, pour remplacer "
        "les groupes WhatsApp de l'association.",
        "tool_name": "Element (Matrix)",
        "replaces": "WhatsApp, Slack",
        "category": INTERNAL,
        "is_free_software": True,
        "software_licence": "AGPL-3.0",
        "website": "https://element.io/",
        "difficulty": 2,
        "last_checked": CHECKED,
        "steps": _md(
            "1. Installez l'application Element sur votre téléphone, ou utilisez-la dans le navigateur.\n"
            "2. Créez un compte sur un serveur Matrix : matrix.org, ou celui d'un hébergeur associatif.\n"
            "3. Enregistrez la clé de récupération proposée : sans elle, vous perdez l'historique chiffré en "
            "changeant de téléphone.\n"
            "4. Créez un salon par sujet (« bureau », « fête du village », « covoiturage ») plutôt qu'un seul "
            "fil où tout se mélange.\n"
            "5. Invitez les membres par leur identifiant Matrix ou en partageant le lien du salon.\n"
            "6. Réglez les notifications salon par salon : « mentions seulement » pour les plus bavards.\n"
            "7. Reportez les décisions ailleurs (pad, wiki) : une messagerie n'est pas une mémoire."
        ),
        "use_cases": _md(
            "- Coordonner les bénévoles le jour d'une manifestation.\n"
            "- Remplacer le groupe WhatsApp du bureau par un outil libre, sans numéro de téléphone à partager.\n"
            "- Échanger entre les structures du collectif dans un salon commun."
        ),
        "tags": ["messagerie", "échanger à distance"],
    },
    {
        "slug": "listes-de-discussion",
        "title": "Échanger par mail avec une liste de discussion",
        "summary": "Une seule adresse pour écrire à tout un groupe, avec des archives et des abonnements que "
        "chacun gère lui-même.",
        "tool_name": "Sympa (Framalistes)",
        "replaces": "Google Groupes, les mails à vingt destinataires",
        "category": INTERNAL,
        "is_free_software": True,
        "software_licence": "GPL-2.0",
        "website": "https://www.sympa.community/",
        "difficulty": 1,
        "last_checked": CHECKED,
        "steps": _md(
            "1. Créez la liste chez un hébergeur associatif qui utilise Sympa (Framalistes, un CHATON, votre "
            "fédération) : un compte lié à votre adresse mail suffit.\n"
            "2. Choisissez le type : « discussion » (chacun écrit à tous) ou « diffusion » (seuls les "
            "modérateurs écrivent).\n"
            "3. Donnez-lui un nom clair (bureau-monasso, benevoles-festival…) et une description.\n"
            "4. Ajoutez les abonnés, ou envoyez-leur le lien d'inscription : ils se désabonneront seuls.\n"
            "5. Nommez au moins deux propriétaires, pour ne pas dépendre d'une seule personne.\n"
            "6. Rappelez les règles : un sujet par message, un objet explicite, pas de « répondre à tous » pour "
            "dire merci (voir [[Gérer ses mails et prévenir l'infobésité]])."
        ),
        "use_cases": _md(
            "- La liste du conseil d'administration, archivée d'une année sur l'autre.\n"
            "- Une liste « bénévoles » pour annoncer les besoins de coups de main.\n"
            "- Une liste d'échange entre les structures du collectif."
        ),
        "tags": ["listes de discussion", "mail", "échanger à distance"],
    },
    {
        "slug": "framadate",
        "title": "Trouver une date ou voter avec Framadate",
        "summary": "Un sondage en deux minutes pour fixer une réunion ou départager des propositions, sans "
        "inscription pour les participants.",
        "tool_name": "Framadate",
        "replaces": "Doodle",
        "category": INTERNAL,
        "is_free_software": True,
        "software_licence": "CeCILL-B",
        "website": "https://framadate.org/",
        "difficulty": 1,
        "last_checked": CHECKED,
        "steps": _md(
            "1. Choisissez « Créer un sondage spécial dates » ou « Créer un sondage classique ».\n"
            "2. Indiquez votre nom, le titre et votre adresse mail pour recevoir le lien d'administration.\n"
            "3. Proposez les dates et horaires (ou les choix), puis réglez les options : qui peut modifier, "
            "résultats visibles ou non.\n"
            "4. Envoyez le lien de participation ; gardez pour vous le lien d'administration.\n"
            "5. À la date limite, retenez l'option choisie et annoncez-la à tous.\n"
            "6. Pour une décision qui demande un débat ou un vote plus formel, passez à "
            "[[Décider à distance avec Loomio]]."
        ),
        "use_cases": _md(
            "- Fixer la date du prochain atelier du collectif.\n"
            "- Choisir entre trois noms pour un projet commun.\n"
            "- Recenser qui tient la buvette à chaque créneau de la fête."
        ),
        "tags": ["sondage", "date de réunion", "vote"],
    },
    {
        "slug": "loomio",
        "title": "Décider à distance avec Loomio",
        "summary": "Un espace de discussion qui aboutit à une décision : propositions, votes de plusieurs types et "
        "traces écrites, entre deux réunions.",
        "tool_name": "Loomio",
        "replaces": "les votes par mail",
        "category": INTERNAL,
        "is_free_software": True,
        "software_licence": "AGPL-3.0",
        "website": "https://www.loomio.com/",
        "difficulty": 2,
        "last_checked": CHECKED,
        "steps": _md(
            "1. Créez un groupe pour votre structure, sur loomio.com (vérifiez les tarifs) ou chez un hébergeur "
            "associatif qui propose Loomio.\n"
            "2. Invitez les membres par mail.\n"
            "3. Ouvrez un fil par question, avec le contexte et les documents utiles.\n"
            "4. Quand les avis ont été échangés, lancez une proposition : accord ou désaccord, classement, "
            "choix multiple…\n"
            "5. Fixez une date de clôture et rappelez-la quelques jours avant.\n"
            "6. Publiez le résultat dans le fil : la décision et ses raisons restent consultables."
        ),
        "use_cases": _md(
            "- Valider le budget d'un événement entre deux conseils d'administration.\n"
            "- Choisir collectivement le thème de la prochaine rencontre du collectif.\n"
            "- Consulter les adhérents avant l'assemblée générale (les votes statutaires suivent vos statuts)."
        ),
        "tags": ["décision", "vote", "gouvernance"],
    },
    {
        "slug": "jitsi-meet",
        "title": "Se réunir en visioconférence avec Jitsi Meet",
        "summary": "Une réunion vidéo en un lien, sans rien installer sur ordinateur ; certains serveurs permettent "
        "aussi de se joindre par téléphone.",
        "tool_name": "Jitsi Meet",
        "replaces": "Zoom, Skype",
        "category": INTERNAL,
        "is_free_software": True,
        "software_licence": "Apache-2.0",
        "website": "https://jitsi.org/jitsi-meet/",
        "difficulty": 1,
        "last_checked": CHECKED,
        "steps": _md(
            "1. Choisissez un serveur Jitsi Meet, de préférence chez un hébergeur associatif (voir chatons.org).\n"
            "2. Donnez à la salle un nom unique et difficile à deviner, puis copiez son adresse.\n"
            "3. Envoyez le lien avec l'invitation ; sur téléphone, il faut l'application Jitsi Meet.\n"
            "4. Si le serveur propose un numéro d'appel, communiquez-le avec le code de la salle : pratique pour "
            "les personnes mal connectées.\n"
            "5. En début de réunion, nommez un animateur et demandez de couper les micros hors prise de parole.\n"
            "6. Si la connexion faiblit, coupez les caméras : le son passe mieux.\n"
            "7. Prenez les notes sur un pad dont vous collez le lien dans la discussion "
            "(voir [[Écrire à plusieurs avec un pad]])."
        ),
        "use_cases": _md(
            "- Tenir la réunion de bureau l'hiver, quand les routes découragent les déplacements.\n"
            "- Faire le point sur un projet entre structures de deux communautés de communes.\n"
            "- Aider un bénévole à distance en partageant son écran."
        ),
        "tags": ["visioconférence", "réunion", "échanger à distance"],
    },
    {
        "slug": "bigbluebutton",
        "title": "Animer un atelier à distance avec BigBlueButton",
        "summary": "Une classe virtuelle libre : présentation partagée, tableau blanc, sondages et sous-groupes pour "
        "des ateliers vraiment interactifs.",
        "tool_name": "BigBlueButton",
        "replaces": "Zoom, Microsoft Teams",
        "category": INTERNAL,
        "is_free_software": True,
        "software_licence": "LGPL-3.0",
        "website": "https://bigbluebutton.org/",
        "difficulty": 2,
        "last_checked": CHECKED,
        "steps": _md(
            "1. Obtenez l'accès à un serveur BigBlueButton : hébergeur associatif, fédération, collectivité ou "
            "prestataire.\n"
            "2. Créez une salle et réglez-la : salle d'attente, micros coupés à l'entrée, enregistrement ou non.\n"
            "3. Téléversez votre support en PDF avant la séance.\n"
            "4. Testez micro et présentation dix minutes avant l'ouverture.\n"
            "5. Faites participer avec les sondages et le tableau blanc.\n"
            "6. Pour travailler en petits groupes, ouvrez des salles de sous-groupes à durée limitée.\n"
            "7. Annoncez si la séance est enregistrée et recueillez l'accord des participants."
        ),
        "use_cases": _md(
            "- Ouvrir une formation du collectif aux bénévoles qui habitent loin.\n"
            "- Tenir une assemblée générale en partie à distance, avec des votes indicatifs par sondage.\n"
            "- Animer un atelier en sous-groupes entre les structures du réseau."
        ),
        "tags": ["visioconférence", "formation", "animation"],
    },
    {
        "slug": "yeswiki",
        "title": "Créer un espace ressource avec YesWiki",
        "summary": "Un wiki simple pour rassembler dates, comptes rendus et ressources d'un collectif : une « gare "
        "centrale » que chacun peut modifier.",
        "tool_name": "YesWiki",
        "replaces": "Google Sites, Notion",
        "category": INTERNAL,
        "is_free_software": True,
        "software_licence": "AGPL-3.0",
        "website": "https://yeswiki.net/",
        "difficulty": 2,
        "last_checked": CHECKED,
        "steps": _md(
            "1. Ouvrez un wiki chez un hébergeur (ferme à wikis associative, CHATON) ou faites installer YesWiki "
            "sur l'hébergement web de la structure.\n"
            "2. Rédigez la page d'accueil : à quoi sert l'espace, pour qui, comment contribuer.\n"
            "3. Construisez un menu de quatre ou cinq entrées au plus (agenda, ressources, comptes rendus, "
            "annuaire).\n"
            "4. Pour modifier une page, double-cliquez dessus ou suivez « Éditer la page » ; enregistrez, c'est "
            "publié.\n"
            "5. Utilisez Bazar, l'outil de formulaires intégré, pour un annuaire ou un agenda que chacun alimente.\n"
            "6. Réglez les droits : lecture publique, écriture réservée aux membres si besoin.\n"
            "7. Fixez les règles communes, sur le modèle de [[Charte d'usage des outils du collectif]]."
        ),
        "use_cases": _md(
            "- L'espace ressource d'un collectif de structures : agenda, mémoire, fiches.\n"
            "- Le site vitrine d'une petite association, tenu par plusieurs bénévoles.\n"
            "- Un annuaire des acteurs du territoire, alimenté par un formulaire."
        ),
        "tags": ["wiki", "espace ressource", "documentation"],
    },
    {
        "slug": "agora-project",
        "title": "Ouvrir un espace de travail avec Agora-Project",
        "summary": "Un intranet tout-en-un pour une petite structure : fichiers, agenda partagé, actualités, forum et "
        "tâches au même endroit.",
        "tool_name": "Agora-Project",
        "replaces": "Google Workspace",
        "category": INTERNAL,
        "is_free_software": True,
        "software_licence": "GPL-2.0",
        "website": "https://www.agora-project.net/",
        "difficulty": 2,
        "last_checked": CHECKED,
        "steps": _md(
            "1. Choisissez l'offre hébergée de l'éditeur ou une installation sur l'hébergement web de la "
            "structure (PHP et MySQL).\n"
            "2. N'activez au départ que les modules utiles (par exemple fichiers et agenda) : les autres "
            "viendront plus tard.\n"
            "3. Créez un espace par groupe ou par projet et invitez les membres par mail.\n"
            "4. Rangez les documents de référence dans une arborescence simple, convenue ensemble.\n"
            "5. Publiez les informations importantes en « actualités » plutôt que par mail.\n"
            "6. Désignez un référent qui accueille les nouveaux et tient l'espace à jour."
        ),
        "use_cases": _md(
            "- Partager statuts, comptes rendus et modèles de documents entre salariés et bénévoles.\n"
            "- Tenir l'agenda commun des salles et du matériel prêté.\n"
            "- Suivre les tâches de préparation d'un événement."
        ),
        "tags": ["espace collaboratif", "intranet", "agenda partagé"],
    },
    {
        "slug": "nextcloud",
        "title": "Partager fichiers et agendas avec Nextcloud",
        "summary": "Un « cloud » libre pour stocker, synchroniser et partager les documents, les agendas et les "
        "contacts de l'association.",
        "tool_name": "Nextcloud",
        "replaces": "Google Drive, Dropbox",
        "category": INTERNAL,
        "is_free_software": True,
        "software_licence": "AGPL-3.0",
        "website": "https://nextcloud.com/",
        "difficulty": 2,
        "last_checked": CHECKED,
        "steps": _md(
            "1. Ouvrez un espace chez un hébergeur associatif : Frama.space, réservé aux associations et "
            "collectifs, ou un CHATON. Pour un intranet plus simple, voyez "
            "[[Ouvrir un espace de travail avec Agora-Project]].\n"
            "2. Créez un compte par personne plutôt qu'un compte partagé.\n"
            "3. Créez des dossiers partagés par groupe (bureau, bénévoles, projets) et réglez les droits.\n"
            "4. Installez le client de synchronisation sur les ordinateurs qui en ont besoin.\n"
            "5. Pour envoyer un document à l'extérieur, utilisez un lien de partage avec date d'expiration.\n"
            "6. Partagez l'agenda de l'association et abonnez-y les téléphones des membres."
        ),
        "use_cases": _md(
            "- Rassembler les pièces d'une demande de subvention.\n"
            "- Partager les photos d'un événement avec un lien temporaire.\n"
            "- Tenir un agenda commun entre plusieurs structures."
        ),
        "tags": ["partage de fichiers", "agenda partagé", "espace collaboratif"],
    },
    {
        "slug": "wekan",
        "title": "Suivre un projet avec un tableau Wekan",
        "summary": "Des colonnes « à faire, en cours, fait » et une carte par tâche : tout le monde voit où en est "
        "le projet et qui s'occupe de quoi.",
        "tool_name": "Wekan",
        "replaces": "Trello",
        "category": INTERNAL,
        "is_free_software": True,
        "software_licence": "MIT",
        "website": "https://wekan.github.io/",
        "difficulty": 2,
        "last_checked": CHECKED,
        "steps": _md(
            "1. Accédez à un serveur Wekan chez un hébergeur associatif ; Kanboard, plus sobre, ou l'application "
            "Deck de Nextcloud rendent le même service.\n"
            "2. Créez un tableau par projet avec trois colonnes : « À faire », « En cours », « Fait ».\n"
            "3. Écrivez une carte par tâche, en commençant par un verbe (« Réserver la salle », « Relancer la "
            "mairie »).\n"
            "4. Attribuez chaque carte à une personne et ajoutez une échéance si besoin.\n"
            "5. Déplacez les cartes au fil de l'avancement ; commentez dans la carte plutôt que par mail.\n"
            "6. Parcourez le tableau ensemble en début de réunion : c'est votre ordre du jour."
        ),
        "use_cases": _md(
            "- Préparer la fête annuelle avec une dizaine de bénévoles.\n"
            "- Suivre le montage d'un dossier de financement porté par plusieurs structures.\n"
            "- Organiser la refonte du site internet."
        ),
        "tags": ["gestion de projet", "kanban", "organisation"],
    },
    {
        "slug": "documenter-et-partager",
        "title": "Documenter et partager ses connaissances",
        "summary": "Écrire ce que l'on sait faire, pour que les savoirs de l'association survivent aux départs et "
        "profitent aux autres structures.",
        "tool_name": "Un wiki et des pads",
        "replaces": "",
        "category": INTERNAL,
        "is_free_software": True,
        "software_licence": "",
        "website": "",
        "difficulty": 1,
        "last_checked": CHECKED,
        "steps": _md(
            "1. Repérez ce qui n'existe que dans une tête : procédures, contacts clés, « comment on fait ».\n"
            "2. Choisissez un seul endroit pour la documentation, par exemple un wiki (voir "
            "[[Créer un espace ressource avec YesWiki]]) ou un espace de fichiers partagé (voir "
            "[[Partager fichiers et agendas avec Nextcloud]]), et faites-le savoir.\n"
            "3. Rédigez des fiches courtes : un titre qui dit l'action, des étapes numérotées, la date de mise "
            "à jour.\n"
            "4. Écrivez au moment où vous faites, sur un pad pendant la réunion, plutôt qu'après coup.\n"
            "5. Reliez les pages entre elles et tenez à jour une page d'accueil.\n"
            "6. Choisissez une licence ouverte pour ce qui peut être partagé (voir "
            "[[Partage des connaissances et licences ouvertes]]).\n"
            "7. Relisez une fiche par mois, à tour de rôle : une documentation vivante est une documentation relue."
        ),
        "use_cases": _md(
            "- Transmettre la préparation de l'assemblée générale à un nouveau trésorier.\n"
            "- Garder la trace de ce qu'on a appris en atelier pour les structures absentes.\n"
            "- Écrire le mode d'emploi du vidéoprojecteur et de la sono que l'on prête."
        ),
        "tags": ["documentation", "partage de connaissances", "wiki"],
    },
    # Valorisation externe
    {
        "slug": "lettre-d-information",
        "title": "Envoyer une lettre d'information avec Listmonk",
        "summary": "Une alternative libre à Mailchimp pour envoyer des lettres d'information, gérer les abonnements "
        "et garder la main sur son fichier d'adresses.",
        "tool_name": "Listmonk",
        "replaces": "Mailchimp",
        "category": EXTERNAL,
        "is_free_software": True,
        "software_licence": "AGPL-3.0",
        "website": "https://listmonk.app/",
        "difficulty": 3,
        "last_checked": CHECKED,
        "steps": _md(
            "1. Listmonk s'installe sur un serveur : confiez-le à un hébergeur, un prestataire ou un bénévole à "
            "l'aise. Pour commencer simplement, une liste Sympa de type « diffusion » suffit (voir "
            "[[Échanger par mail avec une liste de discussion]]).\n"
            "2. Branchez un service d'envoi de mails (SMTP) fiable, pour que la lettre n'arrive pas en "
            "indésirables.\n"
            "3. N'importez que les contacts qui ont donné leur accord (RGPD) ; invitez les autres à s'inscrire.\n"
            "4. Ajoutez le formulaire d'inscription sur votre site.\n"
            "5. Préparez un modèle simple à vos couleurs : logo, trois ou quatre rubriques, liens vers le site.\n"
            "6. Envoyez-vous un test, relisez à deux, puis programmez l'envoi.\n"
            "7. Suivez ouvertures et désinscriptions pour ajuster le rythme."
        ),
        "use_cases": _md(
            "- Une lettre trimestrielle aux adhérents et aux partenaires.\n"
            "- L'annonce du programme des ateliers du collectif.\n"
            "- Quitter Mailchimp en rapatriant son fichier d'abonnés (export CSV)."
        ),
        "tags": ["lettre d'information", "communication", "mail"],
    },
    {
        "slug": "facebook",
        "title": "Animer la page Facebook de l'association",
        "summary": "Une partie du public local s'y informe : une page bien tenue aide à annoncer les événements, à "
        "condition de ne pas tout y mettre.",
        "tool_name": "Facebook",
        "replaces": "",
        "category": EXTERNAL,
        "is_free_software": False,
        "software_licence": "",
        "website": "https://www.facebook.com/",
        "difficulty": 1,
        "last_checked": CHECKED,
        "steps": _md(
            "1. Créez une Page (et non un profil personnel) au nom de l'association.\n"
            "2. Donnez l'accès à la gestion de la Page à au moins deux personnes du bureau, pour ne jamais en "
            "perdre la main.\n"
            "3. Remplissez la présentation : description, adresse, horaires, lien vers votre site.\n"
            "4. Publiez une à deux fois par semaine, avec une photo et un texte court ; créez un « événement » "
            "pour chaque date.\n"
            "5. Ajoutez un texte alternatif aux images et renvoyez vers votre site pour l'information complète.\n"
            "6. Gardez l'essentiel sur vos propres outils (site, lettre d'information) : Facebook peut changer "
            "ses règles ou réduire la portée de vos publications (voir "
            "[[Communication externe : objectifs, cibles et outils]])."
        ),
        "use_cases": _md(
            "- Annoncer un vide-grenier et voir qui est intéressé.\n"
            "- Relayer les publications des autres structures du collectif.\n"
            "- Partager les photos d'un atelier, avec l'accord des personnes photographiées."
        ),
        "tags": ["réseaux sociaux", "communication", "événements"],
    },
    {
        "slug": "x-twitter",
        "title": "Publier sur X (ex-Twitter)",
        "summary": "Un réseau de messages courts, surtout utile pour suivre et interpeller élus, médias et têtes de "
        "réseau ; à utiliser en connaissance de cause.",
        "tool_name": "X (ex-Twitter)",
        "replaces": "",
        "category": EXTERNAL,
        "is_free_software": False,
        "software_licence": "",
        "website": "https://x.com/",
        "difficulty": 1,
        "last_checked": CHECKED,
        "steps": _md(
            "1. Demandez-vous d'abord si votre public y est : rarement les habitants, parfois les élus, les "
            "journalistes et les têtes de réseau.\n"
            "2. Créez le compte avec une adresse mail de l'association, pas celle d'un bénévole.\n"
            "3. Remplissez la bio : qui vous êtes, où, et le lien vers votre site.\n"
            "4. Suivez les comptes utiles et rangez-les dans une liste de veille (médias locaux, partenaires, "
            "collectivités).\n"
            "5. Publiez des messages courts avec un lien et une image, en mentionnant les partenaires concernés.\n"
            "6. Beaucoup d'associations ont réduit ou quitté leur présence sur X depuis 2023 : pensez à "
            "[[Rejoindre Mastodon, le réseau social libre]]."
        ),
        "use_cases": _md(
            "- Relayer en direct une journée de rencontre du réseau.\n"
            "- Interpeller une collectivité ou un média sur un projet.\n"
            "- Faire la veille sur les appels à projets."
        ),
        "tags": ["réseaux sociaux", "communication", "veille"],
    },
    {
        "slug": "mastodon",
        "title": "Rejoindre Mastodon, le réseau social libre",
        "summary": "Un réseau social décentralisé, sans publicité ni algorithme qui trie vos messages : "
        "l'alternative libre à X pour publier et suivre les acteurs du territoire.",
        "tool_name": "Mastodon",
        "replaces": "X (ex-Twitter)",
        "category": EXTERNAL,
        "is_free_software": True,
        "software_licence": "AGPL-3.0",
        "website": "https://joinmastodon.org/",
        "difficulty": 1,
        "last_checked": CHECKED,
        "steps": _md(
            "1. Choisissez un serveur (une « instance ») sur joinmastodon.org : généraliste, francophone ou "
            "tourné vers les associations.\n"
            "2. Créez le compte de l'association : nom, avatar, bio et lien vers votre site.\n"
            "3. Publiez un premier message de présentation avec le mot-clé #introductions.\n"
            "4. Suivez des comptes et des mots-clés (#ESS, #Touraine, #LogicielLibre…) : votre fil est "
            "chronologique.\n"
            "5. Décrivez chaque image et écrivez les mots-clés composés avec des majuscules, pour les lecteurs "
            "d'écran.\n"
            "6. Partagez les messages des partenaires pour faire vivre le réseau."
        ),
        "use_cases": _md(
            "- Publier les actualités du collectif sans dépendre d'une plateforme commerciale.\n"
            "- Suivre les acteurs du libre et de l'économie sociale et solidaire.\n"
            "- Afficher le fil de l'association sur son site."
        ),
        "tags": ["réseaux sociaux", "fédivers", "communication"],
    },
    {
        "slug": "wordpress",
        "title": "Créer le site de l'association avec WordPress",
        "summary": "Le logiciel libre qui fait tourner une grande partie des sites web : un blog ou un site vitrine "
        "que plusieurs bénévoles peuvent mettre à jour.",
        "tool_name": "WordPress",
        "replaces": "Wix, Jimdo",
        "category": EXTERNAL,
        "is_free_software": True,
        "software_licence": "GPL-2.0-or-later",
        "website": "https://fr.wordpress.org/",
        "difficulty": 2,
        "last_checked": CHECKED,
        "steps": _md(
            "1. Distinguez WordPress.org, le logiciel libre à installer chez un hébergeur, de WordPress.com, un "
            "service commercial prêt à l'emploi.\n"
            "2. Choisissez un hébergeur qui installe WordPress en un clic, et un nom de domaine au nom de "
            "l'association.\n"
            "3. Dessinez d'abord l'arborescence : accueil, qui sommes-nous, agenda, actualités, contact.\n"
            "4. Choisissez un thème sobre et accessible ; n'installez que les extensions indispensables.\n"
            "5. Créez un compte par rédacteur, avec le rôle « Auteur » ou « Éditeur » : pas d'administrateur "
            "partagé.\n"
            "6. Activez les mises à jour automatiques et une sauvegarde régulière.\n"
            "7. Publiez les nouvelles en « articles » et les informations durables en « pages »."
        ),
        "use_cases": _md(
            "- Le site vitrine d'une association, avec agenda et formulaire de contact.\n"
            "- Le blog d'un projet mené à plusieurs structures.\n"
            "- La publication des rapports d'activité et des comptes rendus publics."
        ),
        "tags": ["site internet", "blog", "communication"],
    },
    {
        "slug": "umap",
        "title": "Créer une carte participative avec uMap",
        "summary": "Des cartes personnalisées sur fond OpenStreetMap, modifiables à plusieurs et faciles à intégrer "
        "sur un site.",
        "tool_name": "uMap",
        "replaces": "Google My Maps",
        "category": EXTERNAL,
        "is_free_software": True,
        "software_licence": "AGPL-3.0",
        "website": "https://umap.openstreetmap.fr/",
        "difficulty": 2,
        "last_checked": CHECKED,
        "steps": _md(
            "1. Connectez-vous (un compte OpenStreetMap suffit) et cliquez sur « Créer une carte ».\n"
            "2. Centrez la carte sur votre territoire et choisissez un fond de carte lisible.\n"
            "3. Créez un calque par type de lieu (accueil numérique, salles, producteurs…), chacun avec sa "
            "couleur.\n"
            "4. Ajoutez des marqueurs, des lignes ou des zones, avec une description et un lien.\n"
            "5. Réglez qui peut modifier la carte : vous seul, des éditeurs choisis ou toute personne qui a le "
            "lien d'édition.\n"
            "6. Un lieu manque sur le fond de carte ? [[Ajouter son lieu sur OpenStreetMap]].\n"
            "7. Copiez le code d'intégration (menu « Partager ») pour afficher la carte sur votre site."
        ),
        "use_cases": _md(
            "- Cartographier les lieux d'aide au numérique du Pays Loire Nature.\n"
            "- Tracer les circuits d'une randonnée ou d'une fête de village.\n"
            "- Recenser à plusieurs les producteurs locaux ou les lieux accessibles."
        ),
        "tags": ["cartographie participative", "openstreetmap", "territoire"],
    },
    {
        "slug": "openstreetmap",
        "title": "Ajouter son lieu sur OpenStreetMap",
        "summary": "La carte libre du monde, que chacun peut compléter : y inscrire son local rend l'association "
        "visible dans de nombreux sites et applications.",
        "tool_name": "OpenStreetMap",
        "replaces": "Google Maps",
        "category": EXTERNAL,
        "is_free_software": True,
        "software_licence": "GPL-2.0 (site), ODbL (données)",
        "website": "https://www.openstreetmap.org/",
        "difficulty": 1,
        "last_checked": CHECKED,
        "steps": _md(
            "1. Créez un compte sur openstreetmap.org.\n"
            "2. Zoomez sur votre local et cliquez sur « Modifier » : l'éditeur en ligne s'ouvre, avec un court "
            "tutoriel.\n"
            "3. Ajoutez un point, choisissez sa catégorie et renseignez le nom, l'adresse, les horaires et le "
            "site web.\n"
            "4. Ne recopiez jamais une autre carte : seules vos propres observations et les sources ouvertes "
            "sont autorisées.\n"
            "5. Décrivez votre modification en une phrase, puis enregistrez.\n"
            "6. Votre lieu apparaît ensuite sur les cartes qui utilisent OpenStreetMap, dont celles faites avec "
            "[[Créer une carte participative avec uMap]]."
        ),
        "use_cases": _md(
            "- Faire apparaître le local ou le tiers-lieu de l'association sur les cartes.\n"
            "- Organiser une cartopartie avec les habitants pour recenser commerces et services.\n"
            "- Renseigner l'accessibilité des lieux publics du territoire."
        ),
        "tags": ["cartographie participative", "openstreetmap", "données ouvertes"],
    },
    # Apports transversaux
    _topic(
        slug="communication-externe",
        title="Communication externe : objectifs, cibles et outils",
        summary="Avant de choisir un réseau social ou une lettre d'information : savoir ce que l'on veut dire, à "
        "qui, et avec quels moyens.",
        difficulty=2,
        steps=_md(
            "1. Écrivez en une phrase ce que vous voulez obtenir : des adhérents, des bénévoles, du public pour "
            "un événement, la reconnaissance des financeurs…\n"
            "2. Listez vos publics et, pour chacun, où il s'informe : bouche-à-oreille, bulletin municipal, "
            "presse locale, Facebook, mail.\n"
            "3. Croisez : un objectif, un public, un ou deux canaux. Inutile d'être partout.\n"
            "4. Évaluez vos moyens : qui écrit, combien de temps par semaine, avec quelles compétences.\n"
            "5. Gardez un socle que vous maîtrisez, [[Créer le site de l'association avec WordPress|un site]] et "
            "[[Envoyer une lettre d'information avec Listmonk|une lettre d'information]], et servez-vous des "
            "réseaux sociaux pour y renvoyer.\n"
            "6. Tenez un calendrier éditorial simple, par exemple avec [[Suivre un projet avec un tableau Wekan]].\n"
            "7. Faites le bilan chaque année : qu'est-ce qui a vraiment fonctionné ?"
        ),
        use_cases=_md(
            "- Préparer la communication d'un festival rural.\n"
            "- Faire connaître un nouveau service, comme une permanence numérique.\n"
            "- Rendre compte de son action aux financeurs et aux élus."
        ),
        tags=["communication", "stratégie", "valorisation"],
    ),
    _topic(
        slug="freins-et-leviers",
        title="Nouveaux usages numériques : freins et leviers",
        summary="Pourquoi un nouvel outil ne prend pas toujours, et comment faciliter son adoption dans une "
        "structure : temps, peurs, habitudes et sens.",
        difficulty=1,
        steps=_md(
            "1. Partez d'un besoin ressenti par l'équipe, pas d'un outil à la mode.\n"
            "2. Nommez les freins : manque de temps, peur de mal faire, matériel ou connexion insuffisants, "
            "habitudes, histoire de la structure.\n"
            "3. Repérez les leviers : une personne relais motivée, un premier usage simple et tout de suite utile, "
            "un appui extérieur.\n"
            "4. Essayez à petite échelle, sur un sujet sans enjeu fort, par exemple "
            "[[Écrire à plusieurs avec un pad]] pour la prochaine réunion.\n"
            "5. Accompagnez : montrer, faire faire, laisser une fiche pas à pas.\n"
            "6. Prévoyez un moment pour décider ensemble de continuer, d'ajuster ou d'abandonner.\n"
            "7. Ne laissez personne de côté : gardez un canal simple pour ceux qui ne suivent pas encore."
        ),
        use_cases=_md(
            "- Introduire un agenda partagé dans une équipe attachée au cahier papier.\n"
            "- Quitter le groupe WhatsApp pour un outil libre sans perdre de membres en route.\n"
            "- Dénouer les tensions nées d'un outil imposé sans concertation."
        ),
        tags=["changement", "accompagnement", "usages numériques"],
    ),
    _topic(
        slug="culture-numerique",
        title="Culture numérique et usages collaboratifs",
        summary="Comprendre les grands enjeux du numérique (données, modèles économiques, communs) pour choisir "
        "ses outils et travailler ensemble en connaissance de cause.",
        difficulty=1,
        steps=_md(
            "1. Retenez une règle simple : quand un service commercial est gratuit, ce sont souvent vos données "
            "et votre attention qui le financent.\n"
            "2. Distinguez les outils qui enferment (formats fermés, compte obligatoire) de ceux qui permettent "
            "de repartir avec ses données.\n"
            "3. Découvrez les communs numériques : Wikipédia, OpenStreetMap, [[Les logiciels libres]].\n"
            "4. Passez de « j'envoie un fichier » à « nous travaillons sur le même document ».\n"
            "5. Acceptez l'imperfection : un texte partagé tôt s'améliore plus vite qu'un texte parfait envoyé "
            "tard.\n"
            "6. Soignez votre hygiène numérique : un mot de passe différent par service, un gestionnaire de mots "
            "de passe, des sauvegardes.\n"
            "7. Partagez vos découvertes avec le collectif : la culture numérique se construit à plusieurs."
        ),
        use_cases=_md(
            "- Une soirée débat « cultures numériques » pour ouvrir un parcours d'ateliers.\n"
            "- Choisir entre deux outils en comparant leurs modèles économiques.\n"
            "- Sensibiliser les bénévoles à la protection des données des adhérents."
        ),
        tags=["culture numérique", "communs", "données personnelles"],
    ),
    _topic(
        slug="cahier-des-charges",
        title="Cahier des charges et règles d'usage d'un outil",
        summary="Décrire ses besoins avant de choisir un outil numérique, puis se mettre d'accord sur la manière "
        "de s'en servir.",
        difficulty=2,
        steps=_md(
            "1. Décrivez la situation actuelle et ce qui coince, avec des exemples concrets.\n"
            "2. Listez les besoins en séparant l'indispensable du souhaitable : qui s'en sert, sur quel appareil, "
            "combien de personnes, avec ou sans connexion.\n"
            "3. Ajoutez vos critères : coût, logiciel libre, lieu d'hébergement des données, accessibilité, "
            "facilité de prise en main.\n"
            "4. Comparez deux ou trois outils au plus et testez-les sur un cas réel.\n"
            "5. Décidez ensemble et nommez un référent.\n"
            "6. Écrivez les règles d'usage : à quoi sert l'outil (et à quoi il ne sert pas), qui l'administre, "
            "comment on nomme et archive. Modèle : [[Charte d'usage des outils du collectif]].\n"
            "7. Relisez ces règles après trois mois d'usage."
        ),
        use_cases=_md(
            "- Choisir un outil de gestion des adhésions.\n"
            "- Remplacer le disque dur qui circule de main en main par un espace en ligne.\n"
            "- Mettre en place la messagerie d'un collectif de structures."
        ),
        tags=["cahier des charges", "choisir un outil", "règles d'usage"],
    ),
    _topic(
        slug="cooperation",
        title="Coopérer : outils, méthodes et postures",
        summary="Coopérer au sein d'un groupe ou avec un public n'est pas qu'une affaire d'outils : c'est aussi une "
        "façon d'animer, de décider et de se parler.",
        difficulty=2,
        steps=_md(
            "1. Clarifiez le « pourquoi ensemble » : un objectif commun, compris et partagé.\n"
            "2. Faites connaissance : qui est là, avec quelles envies, quelles ressources, quelles contraintes.\n"
            "3. Animez de façon participative (tour de parole, petits groupes, restitution) pour que chacun "
            "s'exprime.\n"
            "4. Choisissez un mode de décision explicite : consentement, majorité, ou "
            "[[Décider à distance avec Loomio]].\n"
            "5. Répartissez les rôles (animation, prise de notes, gardien du temps) et faites-les tourner.\n"
            "6. Gardez une trace commune des décisions, sur un pad ou sur le wiki.\n"
            "7. Écoutez, et nommez les tensions tôt plutôt que tard.\n"
            "8. Célébrez les réussites, même petites. Voir aussi [[Coopérer à plusieurs structures]]."
        ),
        use_cases=_md(
            "- Monter un événement commun à plusieurs associations.\n"
            "- Animer une réunion publique avec les habitants.\n"
            "- Relancer un groupe de bénévoles qui s'essouffle."
        ),
        tags=["coopération", "animation", "intelligence collective"],
    ),
    _topic(
        slug="logiciels-libres",
        title="Les logiciels libres",
        summary="Des logiciels que chacun peut utiliser, étudier, modifier et redistribuer : un choix cohérent avec "
        "les valeurs de l'économie sociale et solidaire.",
        difficulty=1,
        steps=_md(
            "1. Retenez les quatre libertés : utiliser, étudier, modifier et redistribuer le logiciel.\n"
            "2. Ne confondez pas libre et gratuit : un logiciel libre peut être payant, un logiciel gratuit peut "
            "être fermé.\n"
            "3. Repérez les licences courantes (GPL, AGPL, MIT, Apache…) : chaque fiche outil indique la sienne.\n"
            "4. Cherchez des alternatives dans l'annuaire Framalibre, et des services en ligne éthiques chez les "
            "CHATONS.\n"
            "5. Commencez par le poste de travail : LibreOffice, Firefox, Thunderbird, VLC.\n"
            "6. Contribuez à votre mesure : signaler un bug, traduire, documenter, faire un don.\n"
            "7. Faites-vous aider par un groupe d'utilisateurs de logiciels libres, l'April ou un espace numérique "
            "du territoire."
        ),
        use_cases=_md(
            "- Équiper un espace public numérique sans payer de licences.\n"
            "- Remplacer peu à peu les outils d'une grande plateforme par des alternatives libres.\n"
            "- Expliquer aux adhérents pourquoi l'association choisit des outils libres."
        ),
        tags=["logiciel libre", "culture numérique"],
    ),
    _topic(
        slug="licences-ouvertes",
        title="Partage des connaissances et licences ouvertes",
        summary="Droit d'auteur, Creative Commons, CC BY-SA : ce qu'il faut savoir pour partager ses contenus et "
        "réutiliser ceux des autres en toute légalité.",
        difficulty=2,
        steps=_md(
            "1. Par défaut, toute création (texte, photo, affiche) est protégée par le droit d'auteur : on ne la "
            "réutilise pas sans autorisation.\n"
            "2. Une licence ouverte donne cette autorisation à l'avance, à certaines conditions.\n"
            "3. Connaissez les options Creative Commons : BY (citer l'auteur), SA (partager dans les mêmes "
            "conditions), NC (pas d'usage commercial), ND (pas de modification).\n"
            "4. Pour des ressources communes, préférez CC BY-SA : chacun peut les reprendre et les améliorer, et "
            "les améliorations restent partagées. C'est la licence de ce wiki.\n"
            "5. Indiquez la licence sur chaque document, avec l'auteur, la date et un lien.\n"
            "6. Pour réutiliser, vérifiez la licence, citez l'auteur et la source, respectez les conditions.\n"
            "7. Le droit à l'image s'ajoute à la licence : une photo de personnes demande leur accord."
        ),
        use_cases=_md(
            "- Publier les supports d'un atelier pour que d'autres structures les reprennent.\n"
            "- Illustrer une affiche avec des images de Wikimedia Commons.\n"
            "- Choisir la licence des productions communes du collectif."
        ),
        tags=["licences ouvertes", "droit d'auteur", "partage de connaissances"],
    ),
    _topic(
        slug="infobesite",
        title="Gérer ses mails et prévenir l'infobésité",
        summary="Trop de mails, de notifications et de groupes : quelques règles personnelles et collectives pour "
        "retrouver du temps et de l'attention.",
        difficulty=1,
        steps=_md(
            "1. Lisez vos mails à heures fixes, deux ou trois fois par jour, et coupez les notifications le reste "
            "du temps.\n"
            "2. Pour chaque message, décidez tout de suite : supprimer, traiter si c'est rapide, déléguer, ou "
            "reporter à une date précise.\n"
            "3. Créez des dossiers et des filtres : listes de discussion, lettres d'information, administratif.\n"
            "4. Désabonnez-vous de ce que vous ne lisez plus.\n"
            "5. Quand vous écrivez : un objet explicite, un sujet par message, l'action attendue et l'échéance "
            "dès la première ligne.\n"
            "6. Limitez les destinataires et le « répondre à tous » ; ne mettez en copie que ceux qui doivent "
            "agir.\n"
            "7. Décidez ensemble quel canal sert à quoi, par exemple "
            "[[Échanger par mail avec une liste de discussion|une liste]] pour les annonces et un pad pour les "
            "documents."
        ),
        use_cases=_md(
            "- Un bénévole engagé dans cinq associations qui reçoit cent mails par semaine.\n"
            "- Un bureau qui se perd dans des fils « Re: Re: Re: » pour fixer une date.\n"
            "- Les règles de communication interne d'un nouveau collectif."
        ),
        tags=["mail", "infobésité", "organisation"],
    ),
]

# The demo's history, by the demo accounts (README « Comptes de démonstration ») so that it shows their names: each
# wiki page and sheet is published by its author below; some had a first version by another account, with these
# fields as they were then, that the author brought to the text above.
WIKI_AUTHOR = "contributrice"
TOOL_SHEET_AUTHOR = "chargee"
FIRST_VERSIONS = {
    "bienvenue": ("coordinatrice", {"summary": "Ce qu'est cet espace et comment y contribuer."}),
    "charte-d-usage-des-outils": ("chargee", {"summary": "Les règles que le collectif se donne pour ses outils."}),
    "glossaire-du-numerique-associatif": ("coordinatrice", {"title": "Glossaire"}),
    "etherpad": ("contributrice", {"summary": "Un document en ligne que toute l'équipe modifie en même temps."}),
    "framadate": ("coordinatrice", {"last_checked": datetime.date(2026, 3, 2)}),
    "mastodon": ("contributrice", {"replaces": "X (Twitter)"}),
}

# The DigComp 2.2 competences each tool sheet exercises, by sheet slug and competence code.
TOOL_SHEET_COMPETENCES = {
    "etherpad": ["2.4", "3.1"],
    "element-matrix": ["2.1", "2.4"],
    "framadate": ["2.4"],
    "loomio": ["2.3", "2.4"],
    "jitsi-meet": ["2.1"],
    "nextcloud": ["1.3", "4.2"],
    "wekan": ["2.4", "1.3"],
    "mastodon": ["2.2", "2.5"],
    "wordpress": ["3.1", "3.3"],
    "umap": ["3.2", "1.1"],
}
