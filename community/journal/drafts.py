"""What coordinators compile from the journals (a récit, a référentiel métier) becomes a draft page under its index
page, which they then edit and publish in the page editor."""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from wagtail.coreutils import find_available_slug


class NoIndexPage(Exception):  # noqa: N818 — domain names, as the style guide asks
    """The index page the draft belongs under does not exist yet; `message` says which, in French."""

    def __init__(self, message):
        self.message = message
        super().__init__(message)


def add_draft(parent, page, user=None):
    """Adds `page` under `parent`, unpublished, its slug made free among its siblings, with its first revision."""
    page.slug = find_available_slug(parent, page.slug)
    page.live, page.owner = False, user
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page


def compile_view(request, form, compile, *, heading, explanation, ready):
    """The page of a compiling form: on a valid POST, `compile(form)` makes the draft and its editor opens with the
    `ready` message; invalid input is a 400, a missing index page a 409, both explained on the form."""
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                page = compile(form)
            except NoIndexPage as refusal:
                form.add_error(None, refusal.message)
                status = 409
            else:
                messages.success(request, ready)
                return redirect("wagtailadmin_pages:edit", page.pk)
        else:
            status = 400
    context = {"form": form, "heading": heading, "explanation": explanation}
    return TemplateResponse(request, "journal/compile_draft.html", context, status=status)
