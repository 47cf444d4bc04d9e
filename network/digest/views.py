"""The digest's pages: subscribe, confirm from the e-mail's link, unsubscribe (in one click from a mail client)."""

import logging

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from core.ratelimit import VisitorLimit

from . import links, subscriptions
from .forms import SubscribeForm
from .models import Subscription

logger = logging.getLogger(__name__)

# Subscription attempts per address (settings DIGEST_SUBSCRIBE_RATE_LIMIT and _WINDOW).
SUBSCRIPTIONS = VisitorLimit("digest-subscribe", "DIGEST_SUBSCRIBE_RATE", limit=5, window=600)


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


confirm = links.confirmation_view(
    lambda token: get_object_or_404(subscriptions.reachable(), token=token),
    subscriptions.confirm,
    "digest/confirm.html",
    "digest/confirmed.html",
)
unsubscribe = links.unsubscription_view(
    lambda token: get_object_or_404(Subscription, token=token),
    subscriptions.unsubscribe,
    "digest/unsubscribe.html",
    "digest/unsubscribed.html",
)
