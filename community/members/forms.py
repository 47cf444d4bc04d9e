"""Forms of the member accounts: inviting someone, accepting an invitation, editing one's profile."""

from django import forms
from django.contrib.auth import authenticate, get_user_model, password_validation
from django.contrib.auth.forms import UsernameField
from django.utils.translation import gettext_lazy as _

from core.editing import SnapshotFormMixin

from .models import Invitation, MemberProfile, Role


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Adresse e-mail de la personne invitée"), max_length=254)
    role = forms.ChoiceField(label=_("Rôle"), choices=Role.choices)
    structure = forms.ModelChoiceField(
        label=_("Structure"),
        # Members sit below places: the structures are reached through the relation, never imported.
        queryset=Invitation.structure.field.related_model.objects.all(),
        required=False,
        empty_label=_("— aucune —"),
    )

    def clean_email(self):
        email = self.cleaned_data["email"]
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Un compte existe déjà pour cette adresse."))
        return email


class AcceptInvitationForm(forms.Form):
    username = UsernameField(
        label=_("Identifiant"),
        max_length=150,
        help_text=_("Lettres, chiffres et @ . + - _ seulement ; il sert à vous connecter."),
    )
    display_name = forms.CharField(
        label=_("Nom affiché"), max_length=120, help_text=_("Ce que les autres membres verront de vous.")
    )
    bio = forms.CharField(label=_("Présentation courte"), max_length=1000, required=False, widget=forms.Textarea)
    password1 = forms.CharField(
        label=_("Mot de passe"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password2 = forms.CharField(
        label=_("Mot de passe, une seconde fois"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email="", **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email
        self.fields["username"].validators.append(get_user_model().username_validator)

    def clean_username(self):
        username = self.cleaned_data["username"]
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("Cet identifiant est déjà pris : choisissez-en un autre."))
        return username

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("Les deux mots de passe ne sont pas identiques."))
        elif first:
            user = get_user_model()(username=cleaned.get("username", ""), email=self.email)
            try:
                password_validation.validate_password(first, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class ProfileForm(SnapshotFormMixin, forms.ModelForm):
    merge_fields = ("display_name", "bio")

    # No structure here: it opens the structure's team entries, so it comes from the invitation or a coordinator.
    class Meta:
        model = MemberProfile
        fields = ["display_name", "bio"]
        widgets = {"bio": forms.Textarea(attrs={"rows": 5})}


class PasswordConfirmationForm(forms.Form):
    """The person's password again, before an action that cannot be undone (erasing their data).

    Checked through authenticate(), like a login: django-axes counts the wrong guesses and locks the account, so a
    session left open on a shared computer does not let anyone try passwords until one erases it.
    """

    password = forms.CharField(
        label=_("Votre mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, request, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_password(self):
        password = self.cleaned_data["password"]
        user = self.request.user
        if authenticate(self.request, username=user.get_username(), password=password) != user:
            raise forms.ValidationError(_("Ce mot de passe n'est pas le vôtre."))
        return password
