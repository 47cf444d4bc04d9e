"""The demo diagnostic: a dozen everyday tasks in plain words, each linked to DigComp 2.2 competences."""

from community.competences.models import Competence

from .models import Question

# (question, as the professional asks it, a simple explanation, DigComp codes)
QUESTIONS = [
    ("Envoyer un e-mail avec une pièce jointe (une photo, un document)",
     "Savez-vous envoyer un e-mail avec une photo ou un document attaché ?",
     "La pièce jointe, c'est le fichier que l'on ajoute au message.", ["2.1", "2.2"]),
    ("Appeler sa famille en vidéo",
     "Vous arrive-t-il d'appeler vos proches en vidéo, sur téléphone ou ordinateur ?",
     "", ["2.1"]),
    ("Prendre un rendez-vous en ligne (médecin, mairie, préfecture)",
     "Avez-vous déjà pris un rendez-vous sur internet, chez le médecin ou à la mairie ?",
     "", ["2.3"]),
    ("Se connecter à un compte de service public avec FranceConnect",
     "Savez-vous vous connecter à votre compte Ameli, CAF ou impots.gouv, par exemple avec FranceConnect ?",
     "FranceConnect permet d'entrer sur plusieurs sites publics avec le même identifiant.", ["2.3", "4.2"]),
    ("Remplir un formulaire en ligne et l'envoyer",
     "Remplissez-vous vous-même des formulaires sur internet, par exemple une demande d'aide ?",
     "", ["2.3"]),
    ("Photographier ou scanner un document pour l'envoyer",
     "Savez-vous prendre en photo un papier (une facture, une pièce d'identité) pour l'envoyer ?",
     "", ["1.3", "2.2"]),
    ("Ranger ses documents et ses photos pour les retrouver",
     "Retrouvez-vous facilement vos documents et vos photos sur votre téléphone ou votre ordinateur ?",
     "Par exemple dans des dossiers, sur le téléphone ou dans un espace en ligne.", ["1.3"]),
    ("Trouver une information fiable sur internet",
     "Quand vous cherchez une information sur internet, savez-vous si le site est sérieux ?",
     "Savoir qui a écrit l'information et si le site est officiel.", ["1.1", "1.2"]),
    ("Reconnaître un message frauduleux (arnaque, faux colis, faux remboursement)",
     "Sauriez-vous reconnaître un SMS ou un e-mail d'arnaque ?",
     "Un message qui vous presse de cliquer ou de donner vos codes bancaires.", ["1.2", "4.2"]),
    ("Protéger ses mots de passe",
     "Comment faites-vous pour vos mots de passe : en avez-vous plusieurs, les gardez-vous pour vous ?",
     "Un mot de passe différent pour chaque compte important, que l'on ne donne à personne.", ["4.1", "4.2"]),
    ("Écrire un document (une lettre, un CV) et l'enregistrer",
     "Savez-vous écrire une lettre ou un CV sur ordinateur et l'enregistrer ?",
     "", ["3.1"]),
    ("Mettre à jour son téléphone ou régler un petit problème",
     "Quand votre téléphone demande une mise à jour ou ne marche plus bien, savez-vous quoi faire ?",
     "", ["4.1", "5.1"]),
]  # fmt: skip


def load(framework):
    """Creates the questions that do not exist yet (by their text), linked to `framework`'s competences."""
    competences = {c.code: c for c in Competence.objects.filter(area__framework=framework)}
    for order, (text, interview_text, explanation, codes) in enumerate(QUESTIONS):
        question, created = Question.objects.get_or_create(
            text=text,
            defaults={"interview_text": interview_text, "explanation": explanation, "sort_order": order},
        )
        if created:
            question.competences.set([competences[code] for code in codes if code in competences])
