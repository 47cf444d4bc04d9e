"""Signal handlers: a change of what the shared cache keeps of the places (the map's communes, the open-data files of
community/places/exports.py) forgets it: a structure, a mobile session or a series (its occurrences are written in
bulk, after it is saved), a charter signature. The charter's settings forget it too, as a topic derived from them
(core/site_settings.py)."""

from django.db.models.signals import post_delete, post_save

from core import fragments

from .models import PLACES_TOPIC, CharterSignature, Permanence, PermanenceSeries, Structure

forget_places = fragments.forgetting(PLACES_TOPIC)

for model in (Structure, Permanence, PermanenceSeries, CharterSignature):
    post_save.connect(forget_places, sender=model, dispatch_uid=f"places-cache-{model.__name__}-saved")
    post_delete.connect(forget_places, sender=model, dispatch_uid=f"places-cache-{model.__name__}-deleted")
