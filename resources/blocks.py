"""The content blocks every page's StreamField uses (other apps import them from here)."""

from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from core.limits import TEXT_MAX_LENGTH

from .markdown import sanitize
from .wiki import render_markdown


class MarkdownBlock(blocks.TextBlock):
    """Markdown typed by a contributor, rendered through the one sanitizing pipeline."""

    def __init__(self, max_length=TEXT_MAX_LENGTH, **kwargs):
        super().__init__(max_length=max_length, **kwargs)

    def render_basic(self, value, context=None):
        return render_markdown(value)

    class Meta:
        icon = "code"
        label = _("Texte (Markdown)")
        rows = 12


class RichTextBlock(blocks.RichTextBlock):
    """Wagtail rich text, passed through the same sanitizer as Markdown once its links are expanded."""

    def render_basic(self, value, context=None):
        return mark_safe(sanitize(str(super().render_basic(value, context))))  # noqa: S308


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("info", _("Information")), ("tip", _("Astuce")), ("warning", _("Attention"))],
        default="info",
        label=_("Type"),
    )
    title = blocks.CharBlock(required=False, label=_("Titre"), max_length=200)
    text = MarkdownBlock(label=_("Texte"), rows=4)

    class Meta:
        icon = "warning"
        label = _("Encadré")
        template = "components/blocks/callout.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(
        required=False,
        max_length=300,
        label=_("Texte alternatif"),
        help_text=_("Décrit l'image pour qui ne la voit pas."),
    )
    caption = blocks.CharBlock(required=False, label=_("Légende"), max_length=300)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/blocks/image.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Fichier"))
    title = blocks.CharBlock(required=False, label=_("Intitulé du lien"), max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Fichier")
        template = "components/blocks/document.html"


class BodyBlock(blocks.StreamBlock):
    markdown = MarkdownBlock()
    paragraph = RichTextBlock(
        max_length=TEXT_MAX_LENGTH,
        label=_("Texte mis en forme"),
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"],
    )
    image = CaptionedImageBlock()
    document = DocumentBlock()
    embed = EmbedBlock(label=_("Vidéo ou contenu intégré"), icon="media")
    callout = CalloutBlock()
    table = TableBlock(label=_("Tableau"))
