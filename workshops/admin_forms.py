"""The workshop's form in the page editor."""

from django.contrib.auth import get_user_model

from core.editing import NoLostUpdatePageForm

from .permissions import manages_everything


class WorkshopPageForm(NoLostUpdatePageForm):
    def clean_animators(self):
        """An animator who creates or edits a workshop stays among its animators: it stays theirs to manage."""
        animators = self.cleaned_data["animators"]
        user = self.for_user
        if user is not None and not manages_everything(user) and user not in animators:
            animators = animators | get_user_model().objects.filter(pk=user.pk)
        return animators
