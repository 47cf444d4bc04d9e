from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0012_workshop_date_indexes"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="workshoppage",
            index=models.Index(fields=["commune"], name="workshop_commune"),
        ),
    ]
