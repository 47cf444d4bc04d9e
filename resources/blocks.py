"""The content blocks every page's StreamField uses (other apps import them from here)."""

from django.db.models import Prefetch, prefetch_related_objects
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import blocks as image_blocks
from wagtail.images import get_image_model

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


# The rendition components/blocks/image.html shows an image block in.
IMAGE_BLOCK_SPEC = "width-800"


class ImageChooserBlock(image_blocks.ImageChooserBlock):
    """Wagtail's image chooser, whose images come with their renditions: one query for the renditions of all the
    images of a stream field, rather than one an image. Migrations know it as Wagtail's own: it adds no option."""

    canonical_module_path = "wagtail.images.blocks.ImageChooserBlock"

    def bulk_to_python(self, values):
        images = super().bulk_to_python(values)
        renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=IMAGE_BLOCK_SPEC)
        prefetch_related_objects(
            [image for image in images if image is not None],
            Prefetch("renditions", queryset=renditions, to_attr="prefetched_renditions"),
        )
        return images


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


def stored_text(block, raw):
    """The searchable text of a block's value as stored, read without the database: a chooser (image, document,
    page) has no text of its own, so it is left out rather than fetched, as converting the value would."""
    if raw is None or isinstance(block, blocks.ChooserBlock):
        return []
    if isinstance(block, blocks.StreamBlock):
        children = block.child_blocks
        return [
            text
            for item in raw
            if item["type"] in children
            for text in stored_text(children[item["type"]], item["value"])
        ]
    if isinstance(block, blocks.StructBlock):
        return [text for name, child in block.child_blocks.items() for text in stored_text(child, raw.get(name))]
    if isinstance(block, blocks.ListBlock):
        # A list is stored as [{"type": "item", "value": …, "id": …}, …], or as bare values before Wagtail 2.16.
        values = [item["value"] if isinstance(item, dict) and item.get("type") == "item" else item for item in raw]
        return [text for value in values for text in stored_text(block.child_block, value)]
    return block.get_searchable_content(block.to_python(raw))
