"""Share images for the demo pages, drawn when the page is created.

A plain card (the page's title in white on its topic's colour, at Open
Graph's 1200x630) made with Pillow, so the demo needs no image files in the
repository and nothing from the network. The alt text (the image's
description) says what the card shows.
"""

from __future__ import annotations

import io
import textwrap

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model

SIZE = (1200, 630)
MARGIN = 80
# Topic slug -> (colour, its name for the alt text); white text passes WCAG AA on each.
COLOURS = {"ketamine": ("#00676b", "teal"), "cocaine": ("#7a2e59", "plum")}
DEFAULT_COLOUR = ("#2f4858", "slate blue")


def _card_png(*, title: str, colour: str) -> bytes:
    card = PillowImage.new("RGB", SIZE, colour)
    draw = ImageDraw.Draw(card)
    draw.rectangle((0, SIZE[1] - 24, SIZE[0], SIZE[1]), fill="white")
    font = ImageFont.load_default(size=72)
    lines = textwrap.wrap(title, width=26)[:4]
    draw.multiline_text((MARGIN, MARGIN), "\n".join(lines), font=font, fill="white", spacing=18)
    small = ImageFont.load_default(size=36)
    draw.text((MARGIN, SIZE[1] - 110), "Demo share image", font=small, fill="white")
    out = io.BytesIO()
    card.save(out, format="PNG", optimize=True)
    return out.getvalue()


def share_image_create(*, title: str, topic_slug: str, slug: str):
    """A new Wagtail image: the card for a page titled `title` under the topic."""
    colour, colour_name = COLOURS.get(topic_slug, DEFAULT_COLOUR)
    png = _card_png(title=title, colour=colour)
    return get_image_model().objects.create(
        title=f"Share image: {title}",
        description=f"The words '{title}' in white on a {colour_name} background.",
        file=ImageFile(io.BytesIO(png), name=f"share-{slug}.png"),
    )
