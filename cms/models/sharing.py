"""What a page shows when someone shares a link to it: its share image.

Wagtail's own `seo_title` and `search_description` cover search engines; a
link preview (Open Graph, X cards, messaging apps) also wants a picture. The
API crops it to Open Graph's size; an article without one borrows its
topic's (see `api.seo`).
"""

from __future__ import annotations

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model_string
from wagtail.models import Page


class ShareImageMixin(models.Model):
    share_image = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when the page is shared on social media or in messaging apps, cropped to a "
        "wide 1200x630: keep the subject in the middle. The image's description is its alt text.",
    )

    # Wagtail's promote tab (slug, title tag, meta description, menus) plus the image.
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel([FieldPanel("share_image")], heading="For sharing"),
    ]

    class Meta:
        abstract = True
