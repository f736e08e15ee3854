"""Admin hooks: a "Preview on frontend" item in the page header menu of
articles, when FRONTEND_PREVIEW_URL is set; the Webhooks menu (endpoints
and delivery log, api/webhooks/admin.py)."""

from __future__ import annotations

from django.conf import settings
from django.urls import path
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from api.admin_views import preview_on_frontend
from api.webhooks.admin import WebhookViewSetGroup
from cms.models import ArticlePage


@hooks.register("register_admin_urls")
def register_preview_url():
    return [path("api/preview/<int:page_id>/", preview_on_frontend, name="api_preview_on_frontend")]


class PreviewOnFrontendButton(PageMenuItem):
    label = "Preview on frontend"
    icon_name = "view"
    url_name = "api_preview_on_frontend"
    link_rel = "noreferrer"


@hooks.register("register_page_header_buttons")
def preview_on_frontend_button(page, user, view_name, next_url=None):
    if (
        settings.FRONTEND_PREVIEW_URL
        and issubclass(page.specific_class or type(page), ArticlePage)
        and page.permissions_for_user(user).can_edit()
    ):
        yield PreviewOnFrontendButton(page=page, priority=25)


@hooks.register("register_admin_viewset")
def register_webhook_viewsets():
    return WebhookViewSetGroup()
