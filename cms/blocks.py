"""StreamField blocks for article bodies (bakerydemo style: one BaseStreamBlock).

Section headings carry an anchor id, so the "jump to section" table of
contents is derived from the body (`ArticlePage.table_of_contents()`), never
typed twice. Every block has a plain template for Wagtail's preview; the API
serialises the same values as JSON.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from wagtail import blocks
from wagtail.blocks import StreamBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]


def list_item_block(label: str, **kwargs) -> blocks.CharBlock:
    """A CharBlock for the items of a ListBlock, named `label` for screen readers.

    Wagtail renders a ListBlock's child field with no <label>, so each item's
    input carries an aria-label instead. Set on the widget, not by a subclass,
    so the block's definition (and so the migrations) stay plain CharBlock.
    """
    block = blocks.CharBlock(**kwargs)
    block.field.widget.attrs["aria-label"] = label
    return block


class SectionHeadingValue(blocks.StructValue):
    @property
    def anchor_id(self) -> str:
        """The anchor given, or one derived from the heading ("What is ketamine?" -> "what-is-ketamine")."""
        return slugify(self.get("anchor") or self.get("heading") or "") or "section"


class SectionHeadingBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    anchor = blocks.CharBlock(
        required=False,
        max_length=80,
        help_text="Anchor for 'jump to section' links. Leave blank to derive it from the heading.",
    )

    class Meta:
        icon = "title"
        label = "Section heading"
        value_class = SectionHeadingValue
        template = "cms/blocks/section_heading.html"

    def get_api_representation(self, value, context=None):
        # Stored data can lack a heading (the editor cannot save one without
        # text): the API promises a string, so an empty one, never null.
        return {"heading": value.get("heading") or "", "anchor": value.anchor_id}


class NumberedStepsBlock(blocks.StructBlock):
    introduction = blocks.CharBlock(required=False, max_length=250)
    steps = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("title", blocks.CharBlock(max_length=120)),
                ("text", blocks.TextBlock(required=False)),
            ]
        ),
        min_num=1,
    )

    class Meta:
        icon = "list-ol"
        template = "cms/blocks/numbered_steps.html"


class BulletListBlock(blocks.StructBlock):
    introduction = blocks.CharBlock(required=False, max_length=250)
    items = blocks.ListBlock(list_item_block("List item", max_length=300), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "cms/blocks/bullet_list.html"


class KeyTakeawaysBlock(blocks.StructBlock):
    title = blocks.CharBlock(default="Key takeaways", max_length=80)
    items = blocks.ListBlock(list_item_block("Takeaway", max_length=300), min_num=1)

    class Meta:
        # Wagtail 8 has no "tick" icon (see wagtailadmin/icons/): "check" is its tick.
        icon = "check"
        template = "cms/blocks/key_takeaways.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("tip", "Tip"), ("warning", "Warning"), ("urgent", "Urgent")],
        default="tip",
        help_text="Urgent callouts are for danger signs that need emergency help.",
    )
    title = blocks.CharBlock(required=False, max_length=120)
    text = blocks.RichTextBlock(features=["bold", "italic", "link"])

    class Meta:
        icon = "warning"
        template = "cms/blocks/callout.html"


class CaptionedTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(required=False, max_length=200)
    table = TableBlock(table_options={"startRows": 3, "startCols": 2})

    class Meta:
        icon = "table"
        label = "Table"
        template = "cms/blocks/table.html"


class FAQBlock(blocks.StructBlock):
    title = blocks.CharBlock(default="Frequently asked questions", max_length=120)
    items = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("question", blocks.CharBlock(max_length=250)),
                ("answer", blocks.RichTextBlock(features=["bold", "italic", "link", "ul"])),
            ]
        ),
        min_num=1,
    )

    class Meta:
        icon = "help"
        label = "FAQ"
        template = "cms/blocks/faq.html"


class QuoteBlock(blocks.StructBlock):
    """A recovery story or a quote."""

    kind = blocks.ChoiceBlock(choices=[("story", "Recovery story"), ("quote", "Quote")], default="story")
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(
        required=False, max_length=120, help_text="e.g. 'Sam, 27 (name changed)' or 'Composite story'."
    )

    class Meta:
        icon = "openquote"
        label = "Recovery story or quote"
        template = "cms/blocks/quote.html"


class HelplineCallToActionBlock(blocks.StructBlock):
    helpline = SnippetChooserBlock("cms.Helpline")
    text = blocks.CharBlock(required=False, max_length=200, help_text="e.g. 'Worried about ketamine?'")

    class Meta:
        icon = "mobile-alt"
        label = "Helpline call to action"
        template = "cms/blocks/helpline_cta.html"


class AccessibleImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250, help_text="Required: describe the image for people who cannot see it."
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        label = "Image"
        template = "cms/blocks/image.html"


class BaseStreamBlock(blocks.StreamBlock):
    heading = SectionHeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, icon="pilcrow", label="Rich text")
    numbered_steps = NumberedStepsBlock()
    bullet_list = BulletListBlock()
    key_takeaways = KeyTakeawaysBlock()
    callout = CalloutBlock()
    table = CaptionedTableBlock()
    faq = FAQBlock()
    quote = QuoteBlock()
    helpline_cta = HelplineCallToActionBlock()
    image = AccessibleImageBlock()

    def clean(self, value):
        value = super().clean(value)
        # Two headings with one anchor would make "jump to section" links ambiguous.
        seen: dict[str, int] = {}
        errors: dict[int, ValidationError] = {}
        for i, child in enumerate(value):
            if child.block_type != "heading":
                continue
            anchor = child.value.anchor_id
            if anchor in seen:
                errors[i] = ValidationError(f"Anchor '{anchor}' is already used by an earlier heading.")
            seen[anchor] = i
        if errors:
            raise StreamBlockValidationError(block_errors=errors)
        return value
