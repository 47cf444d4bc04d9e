"""The follow pages: follow a page (/suivre/<id>/), confirm from the e-mail, manage one's follows from the e-mail's
link or, for a member, at /suivis/, and unsubscribe from everything in one click."""

import logging

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from community.members.access import account_holders_only, private
from core.ratelimit import VisitorLimit
from network.digest import links

from . import following
from .forms import FollowForm, RhythmForm
from .models import Follower

logger = logging.getLogger(__name__)
FOLLOWS = VisitorLimit("follow", "FOLLOW_RATE", limit=5, window=600)


@private
@require_http_methods(["GET", "HEAD", "POST"])
def follow(request, page_id):
    try:
        page = following.followable_page(page_id)
    except following.NotFollowable as refusal:
        return TemplateResponse(request, "follow/refused.html", {"message": refusal.message}, status=400)
    if request.user.is_authenticated:
        return _follow_as_member(request, page)
    if request.method != "POST":
        return _form(request, page, FollowForm())
    if FOLLOWS.is_limited(request):
        return FOLLOWS.too_many(request, "follow/too_many_attempts.html")
    form = FollowForm(request.POST)
    if form.is_bot():
        FOLLOWS.record(request)
        logger.info("Honeypot follow turned away.")
        return _form(request, page, FollowForm(), status=400, refused=True)
    if not form.is_valid():
        return _form(request, page, form, status=400)
    FOLLOWS.record(request)
    following.follow_by_email(page, form.cleaned_data["email"], form.cleaned_data["rhythm"])
    return TemplateResponse(request, "follow/check_your_mail.html", {"page": page})


def _follow_as_member(request, page):
    current = following.follow_of(request.user, page)
    form = RhythmForm(request.POST or None, initial={"rhythm": current.rhythm} if current else None)
    if request.method != "POST":
        return _form(request, page, form, already=current is not None)
    if not form.is_valid():
        return _form(request, page, form, status=400)
    try:
        following.follow_as_member(page, request.user, form.cleaned_data["rhythm"])
    except following.NoAddress as refusal:
        form.add_error(None, refusal.message)
        return _form(request, page, form, status=400)
    messages.success(request, _("Vous suivez « %(title)s ».") % {"title": page.title})
    return redirect("follow:mine")


def _form(request, page, form, status=200, refused=False, already=False):
    context = {"followed": page, "form": form, "refused": refused, "already": already}
    return TemplateResponse(request, "follow/follow.html", context, status=status)


def _pending_titles(follower):
    return {"titles": [follow.page.title for follow in following.pending(follower).select_related("page")]}


confirm = links.confirmation_view(
    lambda token: get_object_or_404(following.reachable(), token=token),
    following.confirm,
    "follow/confirm.html",
    "follow/confirmed.html",
    context=_pending_titles,
)
unsubscribe = links.unsubscription_view(
    lambda token: get_object_or_404(Follower, token=token),
    following.leave,
    "follow/unsubscribe.html",
    "follow/unsubscribed.html",
)


@private
@require_http_methods(["GET", "HEAD", "POST"])
def manage(request, token):
    """A visitor's follows, from the link of each digest: change a rhythm, stop following a page."""
    follower = get_object_or_404(Follower, token=token, confirmed_at__isnull=False, user__isnull=True)
    return _follows_page(request, follower, "follow:manage", [token])


@account_holders_only
@require_http_methods(["GET", "HEAD", "POST"])
def mine(request):
    """What a member follows."""
    return _follows_page(request, following.of_member(request.user), "follow:mine", [])


def _follows_page(request, follower, url_name, args):
    follows = following.follows_of(follower) if follower else []
    for item in follows:
        item.form = RhythmForm(initial={"rhythm": item.rhythm}, prefix=str(item.pk))
    context = {"follows": follows, "follower": follower, "is_visitor": follower is not None and not follower.user_id}
    if request.method != "POST":
        return TemplateResponse(request, "follow/follows.html", context)
    chosen = next((item for item in follows if str(item.pk) == request.POST.get("suivi")), None)
    if chosen is None:
        raise Http404
    if "arreter" in request.POST:
        following.stop(chosen)
        messages.success(request, _("Vous ne suivez plus « %(title)s ».") % {"title": chosen.page.title})
        return redirect(url_name, *args)
    chosen.form = RhythmForm(request.POST, prefix=str(chosen.pk))
    if not chosen.form.is_valid():
        return TemplateResponse(request, "follow/follows.html", context, status=400)
    following.set_rhythm(chosen, chosen.form.cleaned_data["rhythm"])
    messages.success(request, _("Rythme changé pour « %(title)s ».") % {"title": chosen.page.title})
    return redirect(url_name, *args)
