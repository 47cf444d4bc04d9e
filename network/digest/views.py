"""The digest's pages: subscribe, confirm from the e-mail's link, unsubscribe (in one click from a mail client)."""

import logging

from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from community.members.access import private
from core.ratelimit import VisitorLimit

from . import subscriptions
from .forms import SubscribeForm
from .models import Subscription

logger = logging.getLogger(__name__)

# Subscription attempts per address (settings DIGEST_SUBSCRIBE_RATE_LIMIT and _WINDOW).
SUBSCRIPTIONS = VisitorLimit("digest-subscribe", "DIGEST_SUBSCRIBE_RATE", limit=5, window=600)
ONE_CLICK = ("List-Unsubscribe", "One-Click")


def subscribe(request):
    if request.method == "POST":
        return _subscribe(request)
    return TemplateResponse(request, "digest/subscribe.html", {"form": SubscribeForm()})


def _subscribe(request):
    if SUBSCRIPTIONS.is_limited(request):
        return SUBSCRIPTIONS.too_many(request, "digest/too_many_attempts.html")
    form = SubscribeForm(request.POST)
    if form.is_bot():
        SUBSCRIPTIONS.record(request)
        logger.info("Honeypot digest subscription turned away.")
        context = {"form": SubscribeForm(), "refused": True}
        return TemplateResponse(request, "digest/subscribe.html", context, status=400)
    if not form.is_valid():
        return TemplateResponse(request, "digest/subscribe.html", {"form": form}, status=400)
    SUBSCRIPTIONS.record(request)
    subscriptions.subscribe(form.cleaned_data["email"])
    return TemplateResponse(request, "digest/check_your_mail.html")


@private
def confirm(request, token):
    """The link of the confirmation e-mail: a GET only shows a button (link scanners open links), the POST confirms."""
    subscription = get_object_or_404(subscriptions.reachable(), token=token)
    if request.method == "POST":
        subscriptions.confirm(subscription)
        return TemplateResponse(request, "digest/confirmed.html", {"subscription": subscription})
    template = "digest/confirmed.html" if subscription.is_confirmed else "digest/confirm.html"
    return TemplateResponse(request, template, {"subscription": subscription})


@csrf_exempt
@private
def unsubscribe(request, token):
    """The link of every digest: a mail client's one-click POST (RFC 8058, without a CSRF token, which it cannot
    have) unsubscribes at once; a person gets a page with a button, whose POST is checked as any form's."""
    subscription = get_object_or_404(Subscription, token=token)
    if request.method == "POST" and request.POST.get(ONE_CLICK[0]) == ONE_CLICK[1]:
        subscriptions.unsubscribe(subscription)
        return TemplateResponse(request, "digest/unsubscribed.html")
    return _unsubscribe_page(request, subscription)


@csrf_protect
def _unsubscribe_page(request, subscription):
    if request.method == "POST":
        subscriptions.unsubscribe(subscription)
        return TemplateResponse(request, "digest/unsubscribed.html")
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "POST"])
    return TemplateResponse(request, "digest/unsubscribe.html", {"subscription": subscription})
