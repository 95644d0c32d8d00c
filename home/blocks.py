"""StreamField blocks shared by the content pages of home/."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr", "blockquote"]


class CaptionedImageBlock(blocks.StructBlock):
    """An image with its own alt text (Wagtail's ImageBlock) and an optional caption."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, label=_("Caption"))

    class Meta:
        icon = "image"
        label = _("Image")
        template = "home/blocks/image.html"


class DocumentLinkBlock(blocks.StructBlock):
    """A link to an archive document. Only the link is rendered: the document serve view
    decides who may open the file."""

    document = DocumentChooserBlock(label=_("Document"))
    description = blocks.CharBlock(required=False, label=_("Description"))

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "home/blocks/document_link.html"


class CalloutBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"))
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "document-link", "ul", "ol"], label=_("Text"))
    style = blocks.ChoiceBlock(
        choices=[("info", _("Information")), ("important", _("Important")), ("success", _("Success"))],
        default="info",
        label=_("Style"),
    )

    class Meta:
        icon = "warning"
        label = _("Call-out")
        template = "home/blocks/callout.html"


class CaptionedEmbedBlock(blocks.StructBlock):
    embed = EmbedBlock(label=_("Embed URL"), help_text=_("For example a YouTube video address"))
    caption = blocks.CharBlock(required=False, label=_("Caption"))

    class Meta:
        icon = "media"
        label = _("Embed")
        template = "home/blocks/embed.html"


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Rich text"))
    image = CaptionedImageBlock()
    document = DocumentLinkBlock()
    table = TableBlock(
        label=_("Table"),
        table_options={"contextMenu": ["row_above", "row_below", "---------", "col_left", "col_right", "---------", "remove_row", "remove_col", "---------", "undo", "redo"]},
    )
    embed = CaptionedEmbedBlock()
    callout = CalloutBlock()


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(max_length=20, label=_("Figure"), help_text=_("For example 24 or 9"))
    label = blocks.CharBlock(max_length=120, label=_("Label"))

    class Meta:
        icon = "pick"
        label = _("Key figure")
