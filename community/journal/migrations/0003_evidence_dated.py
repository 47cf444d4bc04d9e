"""The evidence keeps its entry's date and visibility, with an index the dashboard counts a period's evidence from:
copied once here for the evidence there."""

import datetime

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_from_entries(apps, schema_editor):
    JournalEntry = apps.get_model("journal", "JournalEntry")
    entry = JournalEntry.objects.filter(pk=OuterRef("entry"))
    apps.get_model("journal", "EvidencedCompetence").objects.update(
        date=Subquery(entry.values("date")), visibility=Subquery(entry.values("visibility"))
    )


class Migration(migrations.Migration):

    dependencies = [
        ("journal", "0002_bounded_texts"),
    ]

    operations = [
        # The defaults only fill the column before the copy.
        migrations.AddField(
            model_name="evidencedcompetence",
            name="date",
            field=models.DateField(
                default=datetime.date(2000, 1, 1), editable=False, verbose_name="date de l'entrée"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="evidencedcompetence",
            name="visibility",
            field=models.CharField(
                choices=[
                    ("prive", "Privée : moi seul·e"),
                    ("equipe", "Équipe : les membres de ma structure"),
                    ("reseau", "Réseau : les membres du réseau"),
                    ("public", "Publique : tout le monde"),
                ],
                default="prive",
                editable=False,
                max_length=10,
                verbose_name="visibilité de l'entrée",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(copy_from_entries, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="evidencedcompetence",
            index=models.Index(fields=["visibility", "-date", "competence"], name="journal_evi_visibil_d49134_idx"),
        ),
    ]
