"""The pages behind the links of double opt-in e-mails, for the digest and the follows of pages alike.

A confirmation link's GET only shows a button (link scanners open links) and its POST confirms. An unsubscription
link takes a mail client's one-click POST (RFC 8058, without the CSRF token it cannot have) and unsubscribes at
once; a person gets a page with a button, whose POST is checked as any form's.
"""

from django.http import HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from community.members.access import private

ONE_CLICK = ("List-Unsubscribe", "One-Click")


def one_click_headers(leave_url):
    """The headers of an e-mail that a mail client may unsubscribe from in one click (RFC 8058)."""
    return {"List-Unsubscribe": f"<{leave_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def confirmation_view(find, confirm, ask_template, done_template, context=None):
    """The view of `/…/<token>/` confirming the row `find(token)` (a 404 when none) with `confirm(row)`;
    `context(row)` adds to what its templates get (the row as `subscription`)."""

    @private
    def view(request, token):
        row = find(token)
        if request.method == "POST":
            confirm(row)
            return TemplateResponse(request, done_template, _context(row, context))
        template = done_template if row.is_confirmed else ask_template
        return TemplateResponse(request, template, _context(row, context))

    return view


def unsubscription_view(find, leave, ask_template, done_template, context=None):
    """The view of `/…/<token>/` where the row `find(token)` (a 404 when none) leaves with `leave(row)`."""

    @csrf_protect
    def page(request, row):
        if request.method == "POST":
            leave(row)
            return TemplateResponse(request, done_template)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "POST"])
        return TemplateResponse(request, ask_template, _context(row, context))

    @csrf_exempt
    @private
    def view(request, token):
        row = find(token)
        if request.method == "POST" and request.POST.get(ONE_CLICK[0]) == ONE_CLICK[1]:
            leave(row)
            return TemplateResponse(request, done_template)
        return page(request, row)

    return view


def _context(row, context):
    return {"subscription": row, **(context(row) if context else {})}
