"""Member accounts beside Django's login views: invitations (sent by coordinators, accepted by link), profile."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import accounts, notices
from .access import account_holders_only, coordinators_only, private
from .forms import AcceptInvitationForm, InvitationForm, ProfileForm


@coordinators_only
def invite(request):
    form = InvitationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            invitation = accounts.invite(
                form.cleaned_data["email"],
                form.cleaned_data["role"],
                request.user,
                structure=form.cleaned_data["structure"],
            )
            messages.success(request, _("Invitation envoyée à %(email)s.") % {"email": invitation.email})
            return redirect("account:invite")
        status = 400
    context = {"form": form, "pending": accounts.pending_invitations()}
    return TemplateResponse(request, "members/invite.html", context, status=status)


@private  # the URL holds the invitation's secret
def accept(request, token):
    """The link of the invitation e-mail: the person chooses an identifier and a password and fills the profile.

    An unknown link answers 404; an expired or already used one answers 410 (Gone), with a French explanation.
    """
    try:
        invitation = accounts.find_invitation(token)
    except accounts.InvitationError as refusal:
        response = TemplateResponse(
            request, "members/invitation_invalid.html", {"message": refusal.message}, status=refusal.status
        )
        return response
    form = AcceptInvitationForm(request.POST or None, email=invitation.email)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                user = accounts.accept(token, data["username"], data["password1"], data["display_name"], data["bio"])
            except accounts.InvitationError as refusal:
                context = {"message": refusal.message}
                response = TemplateResponse(request, "members/invitation_invalid.html", context, status=refusal.status)
                return response
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Bienvenue ! Votre compte est créé."))
            return redirect("account:profile")
        status = 400
    context = {"form": form, "invitation": invitation}
    return TemplateResponse(request, "members/accept.html", context, status=status)


@login_required
def profile(request):
    member_profile = accounts.profile_for(request.user)
    form = ProfileForm(request.POST or None, instance=member_profile)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("Votre profil est enregistré."))
            return redirect("account:profile")
        # Saved elsewhere meanwhile, on the same field: both versions are shown, nothing is lost.
        status = 409 if form.has_conflict else 400
    context = {"form": form, "member_profile": member_profile, "notices": notices.unread(request.user)}
    return TemplateResponse(request, "members/profile.html", context, status=status)


@require_POST
@account_holders_only
def notices_read(request):
    """The member has read their notices: back to the page they read them on."""
    notices.mark_read(request.user)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        back = "account:profile"
    return redirect(back)
