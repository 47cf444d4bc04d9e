"""The places of the network (structures), their mobile "aller vers" sessions (permanences) and their signatures of
the network's charter."""

import uuid

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import register_setting
from wagtail.search import index

from core import addresses
from core.choices import ChoiceLabels
from core.editing import NoLostUpdateSnippetForm
from core.site_settings import CachedSiteSetting

from . import recurrence, vocabulary
from .opening_hours import validate_opening_hours

postcode_validator = RegexValidator(r"^\d{5}$", _("Le code postal compte cinq chiffres."))
insee_validator = RegexValidator(r"^([013-9]\d|2[AB1-9])\d{3}$", _("Le code INSEE compte cinq caractères (ex. 59606)."))
pivot_validator = RegexValidator(
    r"^(\d{14}|W\d{9})$", _("Un SIRET compte 14 chiffres ; un numéro RNA, W suivi de 9 chiffres.")
)
latitude_validators = [MinValueValidator(-90), MaxValueValidator(90)]
longitude_validators = [MinValueValidator(-180), MaxValueValidator(180)]


def new_source_id():
    return f"gare-centrale-{uuid.uuid4().hex[:12]}"


class MultipleChoiceJSONField(models.JSONField):
    """A list of keys from a vocabulary, edited as checkboxes."""

    def __init__(self, *args, options=(), **kwargs):
        self.options = list(options)
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["options"] = [(key, str(label)) for key, label in self.options]
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.options,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name,
            help_text=self.help_text,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {key for key, _label in self.options}
        unknown = [item for item in value or [] if item not in allowed]
        if unknown:
            from django.core.exceptions import ValidationError

            raise ValidationError(_("Valeur inconnue : %(values)s"), params={"values": ", ".join(map(str, unknown))})


class StructureQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)


class Structure(ChoiceLabels, index.Indexed, models.Model):
    """A place of the network that offers help with digital tools (a row of the national schema)."""

    # Two people editing the same row in the admin: what they changed apart is merged (core/editing.py).
    base_form_class = NoLostUpdateSnippetForm

    name = models.CharField(_("nom"), max_length=200)
    slug = models.SlugField(_("adresse de la page"), max_length=200, unique=True, blank=True)
    kind = models.CharField(_("type de structure"), max_length=30, choices=vocabulary.choices(vocabulary.KINDS))
    summary = models.CharField(
        _("présentation courte"), max_length=280, blank=True, help_text=_("280 caractères au plus.")
    )
    description = models.TextField(_("présentation détaillée"), blank=True, max_length=4000)

    address = models.CharField(_("adresse"), max_length=255)
    address_complement = models.CharField(_("complément d'adresse"), max_length=255, blank=True)
    postcode = models.CharField(_("code postal"), max_length=5, validators=[postcode_validator])
    commune = models.CharField(_("commune"), max_length=120)
    insee_code = models.CharField(_("code INSEE"), max_length=5, blank=True, validators=[insee_validator])
    latitude = models.FloatField(_("latitude"), null=True, blank=True, validators=latitude_validators)
    longitude = models.FloatField(_("longitude"), null=True, blank=True, validators=longitude_validators)
    territory = models.CharField(
        _("territoire"), max_length=120, blank=True, help_text=_("Par exemple : Valenciennes Métropole.")
    )

    pivot = models.CharField(
        _("SIRET ou RNA"), max_length=14, blank=True, validators=[pivot_validator], help_text=_("14 chiffres ou W…")
    )
    website = models.URLField(_("site web"), blank=True)
    email = models.EmailField(_("courriel"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)

    services = MultipleChoiceJSONField(
        _("services proposés"), options=vocabulary.choices(vocabulary.SERVICES), blank=False
    )
    publics = MultipleChoiceJSONField(
        _("publics spécifiquement accueillis"),
        options=vocabulary.choices(vocabulary.PUBLICS),
        help_text=_("Laisser vide si le lieu accueille tout public."),
    )
    specific_support = MultipleChoiceJSONField(
        _("prise en charge spécifique"), options=vocabulary.choices(vocabulary.SPECIFIC_SUPPORT)
    )
    access_conditions = MultipleChoiceJSONField(
        _("conditions d'accès"), options=vocabulary.choices(vocabulary.ACCESS_CONDITIONS)
    )
    support_modes = MultipleChoiceJSONField(
        _("modalités d'accompagnement"), options=vocabulary.choices(vocabulary.SUPPORT_MODES)
    )
    national_programmes = MultipleChoiceJSONField(
        _("dispositifs nationaux"), options=vocabulary.choices(vocabulary.NATIONAL_PROGRAMMES)
    )
    opening_hours = models.CharField(
        _("horaires"),
        max_length=255,
        blank=True,
        validators=[validate_opening_hours],
        help_text=_("Au format OpenStreetMap, par exemple : Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00; PH off"),
    )
    accessibility = models.TextField(_("accessibilité"), blank=True, max_length=2000)

    referent_name = models.CharField(_("nom du référent"), max_length=150, blank=True)
    referent_email = models.EmailField(_("courriel du référent"), blank=True)
    referent_phone = models.CharField(_("téléphone du référent"), max_length=30, blank=True)

    is_public = models.BooleanField(
        _("visible sur la carte"), default=True, help_text=_("Affiché sur la carte et dans les données ouvertes.")
    )
    source_id = models.CharField(
        _("identifiant (données ouvertes)"),
        max_length=100,
        unique=True,
        default=new_source_id,
        help_text=_("Identifiant stable de ce lieu dans l'export et l'import au schéma national."),
    )
    source = models.CharField(_("source des données"), max_length=150, blank=True, default="Gare centrale")
    updated_at = models.DateTimeField(_("mis à jour le"), auto_now=True)

    objects = StructureQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("slug"),
                FieldPanel("kind"),
                FieldPanel("summary"),
                FieldPanel("description"),
                FieldPanel("is_public"),
            ],
            heading=_("Le lieu"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("address_complement"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("commune"), FieldPanel("insee_code")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("territory"),
            ],
            heading=_("Où"),
        ),
        MultiFieldPanel(
            [FieldPanel("pivot"), FieldPanel("website"), FieldPanel("email"), FieldPanel("phone")],
            heading=_("Identité et contact public"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("services"),
                FieldPanel("publics"),
                FieldPanel("specific_support"),
                FieldPanel("access_conditions"),
                FieldPanel("support_modes"),
                FieldPanel("national_programmes"),
                FieldPanel("opening_hours"),
                FieldPanel("accessibility"),
            ],
            heading=_("L'offre"),
        ),
        MultiFieldPanel(
            [FieldPanel("referent_name"), FieldPanel("referent_email"), FieldPanel("referent_phone")],
            heading=_("Référent (visible des seuls membres)"),
        ),
        MultiFieldPanel([FieldPanel("source_id"), FieldPanel("source")], heading=_("Données ouvertes")),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("commune"),
        index.AutocompleteField("name"),
        index.FilterField("is_public"),
    ]

    class Meta:
        ordering = ["commune", "name"]
        indexes = [
            # The map's list (community/places/finder.py): a page in this order, its count and its communes read
            # from the index, not from every row; "près de chez moi" reads the places inside a box of coordinates.
            models.Index(fields=["commune", "name", "is_public"], name="structure_map_list"),
            models.Index(fields=["latitude", "longitude"], name="structure_coordinates"),
            # The dashboard's relay structures per kind (indicators/figures.py), counted from the index in its order,
            # for the whole network or a territory.
            models.Index(fields=["kind", "is_public", "territory"], name="structure_kinds"),
            # The territories the dashboard offers, read in order from the index alone.
            models.Index(fields=["territory"], name="structure_territories"),
        ]
        verbose_name = _("structure")
        verbose_name_plural = _("structures")
        permissions = [("change_own_structure", _("Peut modifier la structure dont on est membre"))]

    def __str__(self):
        return f"{self.name} ({self.commune})"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        # The map lists dozens of places, each linked twice (card and marker): the URL resolver is asked once.
        return f"{addresses.fixed('places:map')}{self.slug}/"

    def _unique_slug(self):
        base = slugify(f"{self.name}")[:180] or "lieu"
        slug, n = base, 2
        while Structure.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    def labels(self, field):
        return vocabulary.labels(getattr(vocabulary, field.upper()), getattr(self, field))


class PermanenceQuerySet(models.QuerySet):
    def upcoming(self, today=None):
        return self.filter(date__gte=today or timezone.localdate())

    def past(self, today=None):
        return self.filter(date__lt=today or timezone.localdate())


OFFER_CHOICES = [
    ("assistance", _("Assistance (démarches, dépannage)")),
    ("formation", _("Formation")),
    ("acces-libre", _("Accès libre")),
]


class SessionDetails(ChoiceLabels, models.Model):
    """What a mobile session and a series of them both say: when in the day, where, and what is offered."""

    start_time = models.TimeField(_("début"))
    end_time = models.TimeField(_("fin"))
    commune = models.CharField(_("commune"), max_length=120)
    postcode = models.CharField(_("code postal"), max_length=5, validators=[postcode_validator])
    place = models.CharField(_("lieu"), max_length=200, help_text=_("Par exemple : salle des fêtes, mairie."))
    address = models.CharField(_("adresse"), max_length=255, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True, validators=latitude_validators)
    longitude = models.FloatField(_("longitude"), null=True, blank=True, validators=longitude_validators)
    offer = models.CharField(_("type d'offre"), max_length=20, choices=OFFER_CHOICES, default="assistance")

    where_panels = [
        FieldRowPanel([FieldPanel("commune"), FieldPanel("postcode")]),
        FieldPanel("place"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("offer"),
    ]

    class Meta:
        abstract = True

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("La fin doit suivre le début.")})


class PermanenceSeries(SessionDetails):
    """A mobile session held weekly or monthly, entered once: its rule, and what each of its occurrences copies.

    Its occurrences are real Permanence rows (community/places/series.py makes them on save), so each keeps its
    own date when moved, its cancellation and the number of people met."""

    FREQUENCY_CHOICES = recurrence.FREQUENCY_CHOICES

    structure = models.ForeignKey(
        Structure, verbose_name=_("structure"), on_delete=models.CASCADE, related_name="permanence_series"
    )
    frequency = models.CharField(_("fréquence"), max_length=20, choices=FREQUENCY_CHOICES, default=recurrence.WEEKLY)
    interval = models.PositiveSmallIntegerField(
        _("intervalle"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("1 : chaque semaine (ou chaque mois) ; 2 : une semaine (ou un mois) sur deux."),
    )
    first_date = models.DateField(_("première séance"))
    until = models.DateField(_("jusqu'au"), null=True, blank=True)
    count = models.PositiveSmallIntegerField(
        _("nombre de séances"),
        null=True,
        blank=True,
        help_text=_("Une date de fin ou un nombre de séances (%(max)s au plus).") % {"max": recurrence.MAX_OCCURRENCES},
    )

    # What an occurrence copies from its series (the date and times aside, which it may move).
    SHARED_FIELDS = ["structure", "commune", "postcode", "place", "address", "latitude", "longitude", "offer"]

    panels = [
        FieldPanel("structure"),
        MultiFieldPanel(
            [
                FieldPanel("frequency"),
                FieldRowPanel([FieldPanel("first_date"), FieldPanel("interval")]),
                FieldRowPanel([FieldPanel("until"), FieldPanel("count")]),
            ],
            heading=_("Récurrence"),
        ),
        FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
        *SessionDetails.where_panels,
    ]

    class Meta:
        ordering = ["first_date", "start_time"]
        verbose_name = _("série de permanences")
        verbose_name_plural = _("séries de permanences")

    def __str__(self):
        return f"{self.commune}, {self.get_frequency_display().lower()} ({self.structure.name})"

    def clean(self):
        from django.core.exceptions import ValidationError

        errors = {}
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = _("La fin doit suivre le début.")
        try:
            recurrence.check(self.frequency, self.first_date, self.interval, self.until, self.count)
        except recurrence.InvalidRule as refusal:
            errors[refusal.field] = refusal.message
        if errors:
            raise ValidationError(errors)

    def occurrence_dates(self):
        return recurrence.dates(self.frequency, self.first_date, self.interval, self.until, self.count)


class Permanence(SessionDetails):
    """A mobile session of the "aller vers" offer: a structure's helpers in a commune's hall for a few hours."""

    # Two people editing the same row in the admin: what they changed apart is merged (core/editing.py).
    base_form_class = NoLostUpdateSnippetForm

    ASSISTANCE = "assistance"
    TRAINING = "formation"
    FREE_ACCESS = "acces-libre"
    OFFER_CHOICES = OFFER_CHOICES

    structure = models.ForeignKey(
        Structure, verbose_name=_("structure"), on_delete=models.CASCADE, related_name="permanences"
    )
    date = models.DateField(_("date"))
    people_met = models.PositiveIntegerField(
        _("personnes rencontrées"), null=True, blank=True, help_text=_("À remplir après la permanence.")
    )
    notes = models.TextField(_("remarques"), blank=True, max_length=2000)
    # An occurrence of a series: its original date is the iCalendar RECURRENCE-ID, kept when the session moves.
    series = models.ForeignKey(
        PermanenceSeries,
        verbose_name=_("série"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="occurrences",
    )
    original_date = models.DateField(_("date prévue par la série"), null=True, blank=True, editable=False)
    is_cancelled = models.BooleanField(
        _("annulée"), default=False, help_text=_("Gardée dans la liste, affichée comme annulée.")
    )

    objects = PermanenceQuerySet.as_manager()

    panels = [
        FieldPanel("structure"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]),
        *SessionDetails.where_panels,
        FieldPanel("is_cancelled"),
        FieldPanel("people_met"),
        FieldPanel("notes"),
    ]

    class Meta:
        ordering = ["date", "start_time"]
        indexes = [
            models.Index(fields=["date", "start_time"], name="permanence_upcoming"),
            models.Index(fields=["latitude", "longitude"], name="permanence_coordinates"),
        ]
        verbose_name = _("permanence")
        verbose_name_plural = _("permanences")

    def __str__(self):
        return f"{self.commune}, {self.date:%d/%m/%Y} ({self.structure.name})"

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def is_moved(self):
        """An occurrence held on another day or at other times than its series says (needs series loaded)."""
        if self.series_id is None or self.original_date is None:
            return False
        return (self.date, self.start_time, self.end_time) != (
            self.original_date,
            self.series.start_time,
            self.series.end_time,
        )


class CharterSignature(models.Model):
    """A structure signed the network's charter: when, and by whom — a role, never a person's name."""

    structure = models.OneToOneField(
        Structure, verbose_name=_("structure"), on_delete=models.CASCADE, related_name="charter_signature"
    )
    signed_on = models.DateField(_("signée le"))
    signatory_role = models.CharField(
        _("fonction du signataire"),
        max_length=120,
        help_text=_("Une fonction, jamais un nom : « présidente », « directeur du centre social »."),
    )

    panels = [FieldPanel("structure"), FieldPanel("signed_on"), FieldPanel("signatory_role")]

    class Meta:
        ordering = ["structure__name"]
        verbose_name = _("signature de la charte")
        verbose_name_plural = _("signatures de la charte")

    def __str__(self):
        return f"{self.structure.name} ({self.signed_on:%d/%m/%Y})"


# What the shared cache keeps of every public place (core/fragments.py): the map's communes, the open-data files.
PLACES_TOPIC = "places"


@register_setting(icon="doc-full")
class CharterSettings(CachedSiteSetting):
    """How the charter appears in the open data, where the national schema has a value for it (usually none)."""

    open_data_value = models.CharField(
        _("équivalent dans les données ouvertes"),
        max_length=150,
        blank=True,
        choices=vocabulary.CHARTER_CHOICES,
        help_text=_(
            "Si la charte du réseau correspond à un label ou à un dispositif de la liste fermée du schéma national, "
            "les lieux signataires le portent dans leurs données ouvertes. Sinon, laisser vide : rien n'est exporté."
        ),
    )

    panels = [FieldPanel("open_data_value")]
    derived_topics = (PLACES_TOPIC,)  # the value signatories carry in the open-data files

    class Meta:
        verbose_name = _("charte du réseau")

    def open_data_entry(self):
        """(column, value) of the schema the signatories carry, or None."""
        if not self.open_data_value:
            return None
        column, value = self.open_data_value.split(":", 1)
        return column, value
