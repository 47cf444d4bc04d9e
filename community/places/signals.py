"""Signal handlers: a change of what the shared cache keeps of the places (the map's communes, the open-data files of
community/places/exports.py) forgets it: a structure, a mobile session or a series (its occurrences are written in
bulk, after it is saved), a charter signature, or the charter's settings (the value signatories carry)."""

from django.db.models.signals import post_delete, post_save

from core import fragments

from .finder import TOPIC
from .models import CharterSettings, CharterSignature, Permanence, PermanenceSeries, Structure

forget_places = fragments.forgetting(TOPIC)


def forget_places_for_settings(created=False, **kwargs):
    # The settings are created empty on their first reading (for_site()), often while a file is built: no change.
    if not created:
        fragments.forget(TOPIC)


for model in (Structure, Permanence, PermanenceSeries, CharterSignature):
    post_save.connect(forget_places, sender=model, dispatch_uid=f"places-cache-{model.__name__}-saved")
    post_delete.connect(forget_places, sender=model, dispatch_uid=f"places-cache-{model.__name__}-deleted")
post_save.connect(forget_places_for_settings, sender=CharterSettings, dispatch_uid="places-cache-settings-saved")
post_delete.connect(forget_places, sender=CharterSettings, dispatch_uid="places-cache-settings-deleted")
