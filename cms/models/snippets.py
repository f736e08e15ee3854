"""Snippets: people (authors, clinical reviewers) and helplines."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index


class Person(index.Indexed, models.Model):
    """An author or clinical reviewer shown with an article."""

    name = models.CharField(max_length=120)
    role = models.CharField(max_length=120, blank=True, help_text="e.g. Consultant psychiatrist")
    credentials = models.CharField(max_length=120, blank=True, help_text="e.g. MBBS, MRCPsych")
    bio = models.TextField(blank=True, help_text="Two or three sentences.")
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    profile_url = models.URLField(blank=True)
    # Internal: where review reminders go. Never published by the API.
    email = models.EmailField(blank=True, help_text="Internal: review reminders are sent here.")

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("role"), FieldPanel("credentials")]),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("profile_url"),
        FieldPanel("email"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


class Helpline(index.Indexed, ClusterableModel):
    """A service people can call or text, per country."""

    class Category(models.TextChoices):
        DRUGS = "drugs", "Drug information and support"
        CRISIS = "crisis", "Crisis and suicide prevention"
        HEALTH = "health", "Urgent health advice"
        EMERGENCY = "emergency", "Emergency services"

    name = models.CharField(max_length=120)
    organisation = models.CharField(max_length=120, blank=True)
    country = models.CharField(max_length=2, help_text="ISO 3166-1 alpha-2 code, e.g. GB, US.")
    category = models.CharField(max_length=20, choices=Category.choices, default=Category.DRUGS)
    is_emergency = models.BooleanField(default=False, help_text="Emergency services (999, 911, 112).")
    phone_number = models.CharField(max_length=40, blank=True, help_text="As people dial it.")
    text_number = models.CharField(max_length=40, blank=True)
    text_keyword = models.CharField(
        max_length=40, blank=True, help_text="Word to text, if the service needs one."
    )
    website = models.URLField(blank=True)
    is_24_7 = models.BooleanField("open 24/7", default=False)
    # Not a choices field: the list of zones depends on the machine's tzdata,
    # and would make migrations differ between machines. Checked in clean().
    time_zone = models.CharField(
        max_length=64, default="Europe/London", help_text="IANA name, e.g. Europe/London."
    )
    cost = models.CharField(max_length=120, blank=True, help_text="e.g. Free from mobiles and landlines.")
    languages = models.CharField(max_length=200, blank=True, default="English")
    referral_disclosure = models.TextField(
        blank=True,
        help_text="Who answers the calls, and whether anyone is paid for referrals.",
    )
    notes = models.TextField(blank=True, help_text="Internal: e.g. 'verify before production'.")
    sort_order = models.PositiveSmallIntegerField(default=100, help_text="Lower shows first.")

    panels = [
        FieldPanel("name"),
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("country"), FieldPanel("category"), FieldPanel("is_emergency")]),
        FieldRowPanel([FieldPanel("phone_number"), FieldPanel("text_number"), FieldPanel("text_keyword")]),
        FieldPanel("website"),
        MultiFieldPanel(
            [
                FieldPanel("is_24_7"),
                FieldPanel("time_zone"),
                InlinePanel("opening_hours", label="Opening hours"),
            ],
            heading="Opening hours",
        ),
        FieldPanel("cost"),
        FieldPanel("languages"),
        FieldPanel("referral_disclosure"),
        FieldPanel("notes"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("organisation"),
        index.FilterField("country"),
    ]

    class Meta:
        ordering = ["country", "sort_order", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.country})"

    def clean(self):
        super().clean()
        self.country = (self.country or "").upper()
        try:
            zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValidationError({"time_zone": f"Unknown time zone {self.time_zone!r}."}) from None
        if not self.phone_number and not self.text_number and not self.website:
            raise ValidationError("Give at least a phone number, a text number or a website.")

    def is_open_at(self, moment: dt.datetime | None = None) -> bool:
        """Open at `moment` (default now), judged in the helpline's own time zone.

        Uses `opening_hours.all()`, so prefetch it when checking many.
        """
        if self.is_24_7:
            return True
        local = (moment or timezone.now()).astimezone(zoneinfo.ZoneInfo(self.time_zone))
        return any(hours.covers(local) for hours in self.opening_hours.all())


class HelplineOpeningHours(Orderable):
    """One opening window on one weekday. A window that closes at or before
    it opens runs past midnight (e.g. 20:00-02:00)."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, "Monday"
        TUESDAY = 1, "Tuesday"
        WEDNESDAY = 2, "Wednesday"
        THURSDAY = 3, "Thursday"
        FRIDAY = 4, "Friday"
        SATURDAY = 5, "Saturday"
        SUNDAY = 6, "Sunday"

    helpline = ParentalKey(Helpline, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    opens = models.TimeField()
    closes = models.TimeField()

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}-{self.closes:%H:%M}"

    def covers(self, local: dt.datetime) -> bool:
        now = local.time()
        if self.opens < self.closes:
            return local.weekday() == self.weekday and self.opens <= now < self.closes
        # Overnight: the evening part on this weekday, the early part the next day.
        return (local.weekday() == self.weekday and now >= self.opens) or (
            local.weekday() == (self.weekday + 1) % 7 and now < self.closes
        )
