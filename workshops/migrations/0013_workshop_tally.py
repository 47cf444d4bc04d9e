"""Each workshop's tally of its sign-ups, and the names they reach, which the dashboard sums (counted for the
workshops there by 0015, once the tallies have all their columns)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('places', '0007_map_indexes'),
        ('workshops', '0012_workshop_date_indexes'),
    ]

    operations = [
        migrations.CreateModel(
            name='WorkshopTally',
            fields=[
                ('workshop', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='tally', serialize=False, to='workshops.workshoppage', verbose_name='atelier')),
                ('start', models.DateTimeField(verbose_name='début')),
                ('live', models.BooleanField(verbose_name='publié')),
                ('stage', models.CharField(blank=True, max_length=30, verbose_name='étape du parcours')),
                ('signups', models.PositiveIntegerField(default=0, verbose_name='inscriptions')),
                ('present', models.PositiveIntegerField(default=0, verbose_name='présents')),
                ('waiting', models.PositiveIntegerField(default=0, verbose_name='en attente')),
                ('cancelled', models.PositiveIntegerField(default=0, verbose_name='annulées')),
                ('erased', models.PositiveIntegerField(default=0, verbose_name='effacées')),
                ('has_attendance', models.BooleanField(default=False, verbose_name='présences relevées')),
                ('satisfaction_total', models.PositiveIntegerField(default=0, verbose_name='somme des notes')),
                ('satisfaction_answers', models.PositiveIntegerField(default=0, verbose_name='avis')),
                ('journey', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='workshops.journeypage', verbose_name='parcours')),
                ('structure', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='places.structure', verbose_name="structure d'accueil")),
            ],
            options={
                'verbose_name': "décompte d'un atelier",
                'verbose_name_plural': 'décomptes des ateliers',
            },
        ),
        migrations.CreateModel(
            name='ReachedName',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('association', 'association'), ('commune', 'commune')], max_length=20, verbose_name='nature')),
                ('name', models.TextField(max_length=400, verbose_name='nom')),
                ('tally', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='names', to='workshops.workshoptally', verbose_name='décompte')),
            ],
            options={
                'verbose_name': 'nom touché par un atelier',
                'verbose_name_plural': 'noms touchés par les ateliers',
            },
        ),
        migrations.AddIndex(
            model_name='workshoptally',
            index=models.Index(fields=['start', 'live', 'journey'], name='workshop_tally_held'),
        ),
        migrations.AddConstraint(
            model_name='reachedname',
            constraint=models.UniqueConstraint(fields=('tally', 'kind', 'name'), name='reached_name_once'),
        ),
    ]
