"""The workshop's form in the page editor."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from community.members.page_rights import manages_everything
from core.editing import NoLostUpdatePageForm

from .models.choices import Format


class WorkshopPageForm(NoLostUpdatePageForm):
    def clean_animators(self):
        """An animator who creates or edits a workshop stays among its animators: it stays theirs to manage."""
        animators = self.cleaned_data["animators"]
        user = self.for_user
        if user is not None and not manages_everything(user) and user not in animators:
            animators = animators | get_user_model().objects.filter(pk=user.pk)
        return animators

    def clean(self):
        cleaned_data = super().clean()
        featured = self.formsets.get("featured_prototypes")
        if featured is not None and cleaned_data.get("format") != Format.HIGHLIGHT:
            featured.is_valid()  # its forms are cleaned after this one: which prototypes stay is known only then
            kept = [
                form
                for form in featured.forms
                if getattr(form, "cleaned_data", None)
                and form.cleaned_data.get("prototype")
                and not form.cleaned_data.get("DELETE")
            ]
            if kept:
                self.add_error(
                    "format",
                    _("Seul un temps fort présente des prototypes : choisissez ce format, ou retirez les prototypes."),
                )
        return cleaned_data
