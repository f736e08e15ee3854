"""Wagtail admin for webhooks: endpoints (URL, secret, events, on or off)
and the delivery log (status, response code, attempts, last error, and
"send again"). Registered from `api/wagtail_hooks.py` as one "Webhooks"
menu; see `permissions` for who may do what."""

from __future__ import annotations

import base64
import binascii

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.generic import TemplateView
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from api.models import (
    SECRET_MAX_BYTES,
    SECRET_MIN_BYTES,
    SECRET_PREFIX,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
    webhook_secret_new,
)
from api.webhooks import outbox
from api.webhooks.permissions import user_can_resend

FINISHED = (WebhookDelivery.Status.DELIVERED, WebhookDelivery.Status.FAILED)


class WebhookEndpointForm(WagtailAdminModelForm):
    """Events as checkboxes; the secret checked to be a Standard Webhooks
    secret (``whsec_`` and 24 to 64 bytes in base64), generated for a new
    endpoint."""

    events = forms.MultipleChoiceField(
        choices=WebhookEvent.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="The events this endpoint is sent.",
    )
    secret = forms.CharField(
        # A new endpoint's; an existing one shows its own (instance data wins).
        initial=webhook_secret_new,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        help_text="Signs every delivery (Standard Webhooks): give it to the receiver. "
        "Generated for you; paste a new one to rotate it.",
    )

    def clean_secret(self) -> str:
        secret = self.cleaned_data["secret"].strip()
        if not secret.startswith(SECRET_PREFIX):
            raise forms.ValidationError(f"A Standard Webhooks secret starts with '{SECRET_PREFIX}'.")
        try:
            key = base64.b64decode(secret.removeprefix(SECRET_PREFIX), validate=True)
        except (binascii.Error, ValueError):
            raise forms.ValidationError(f"After '{SECRET_PREFIX}' comes base64.") from None
        if not SECRET_MIN_BYTES <= len(key) <= SECRET_MAX_BYTES:
            raise forms.ValidationError(
                f"The key must be {SECRET_MIN_BYTES} to {SECRET_MAX_BYTES} bytes; this one is {len(key)}."
            )
        return secret


class WebhookEndpointViewSet(ModelViewSet):
    model = WebhookEndpoint
    name = "webhook_endpoints"
    icon = "link-external"
    menu_label = "Endpoints"
    copy_view_enabled = False
    list_display = ["name", "url", "events_display", BooleanColumn("is_active", label="Active")]
    list_filter = ["is_active"]
    search_fields = ["name", "url"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("url"),
            FieldPanel("secret"),
            FieldPanel("events"),
            FieldPanel("is_active"),
        ],
        base_form_class=WebhookEndpointForm,
    )


class DeliveryIndexView(generic.IndexView):
    resend_url_name = ""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("endpoint")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status in FINISHED and user_can_resend(self.request.user):
            resend_url = reverse(self.resend_url_name, args=(instance.pk,))
            buttons.append(MenuItem("Send again", url=resend_url, icon_name="resubmit", priority=15))
        return buttons


class DeliveryResendView(WagtailAdminTemplateMixin, TemplateView):
    """Asks, then (POST) sends a finished delivery again, as a new delivery
    with the same message id."""

    template_name = "api/admin/webhook_resend.html"
    page_title = "Send again"
    header_icon = "resubmit"
    index_url_name = ""

    def dispatch(self, request, *args, **kwargs):
        if not user_can_resend(request.user):
            raise PermissionDenied
        self.delivery = get_object_or_404(WebhookDelivery.objects.select_related("endpoint"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": "Webhook deliveries"},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            delivery=self.delivery,
            finished=self.delivery.status in FINISHED,
            index_url=reverse(self.index_url_name),
        )
        return context

    def post(self, request, *args, **kwargs):
        again = outbox.delivery_resend(delivery=self.delivery)
        if again is None:
            messages.warning(request, "That delivery is still being sent; it was not sent again.")
        else:
            messages.success(request, f"Sending {again.event} to {self.delivery.endpoint} again.")
        return redirect(self.index_url_name)


class WebhookDeliveryViewSet(ModelViewSet):
    model = WebhookDelivery
    name = "webhook_deliveries"
    icon = "list-ul"
    menu_label = "Delivery log"
    index_view_class = DeliveryIndexView
    copy_view_enabled = False
    form_fields = []  # never added or edited by hand (permissions.DeliveryLogPermissionPolicy)
    inspect_view_enabled = True
    list_display = [
        "event",
        "subject",
        "endpoint",
        "created_at",
        "status",
        "response_status_code",
        "attempts",
        "last_error",
    ]
    list_filter = ["status", "event", "endpoint"]
    inspect_view_fields = [
        "endpoint",
        "event",
        "subject",
        "message_id",
        "status",
        "attempts",
        "response_status_code",
        "last_error",
        "created_at",
        "last_attempt_at",
        "next_attempt_at",
        "delivered_at",
        "payload_json",
    ]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(resend_url_name=self.get_url_name("resend"), **kwargs)

    @property
    def resend_view(self):
        return DeliveryResendView.as_view(index_url_name=self.get_url_name("index"))

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("resend/<int:pk>/", self.resend_view, name="resend")]


class WebhookViewSetGroup(ModelViewSetGroup):
    items = (WebhookEndpointViewSet, WebhookDeliveryViewSet)
    menu_label = "Webhooks"
    menu_icon = "link-external"
    menu_name = "webhooks"
    menu_order = 850
