"""Content model: page tree, people, helplines, callback requests.

Page tree: HomePage -> TopicIndexPage -> TopicPage -> ArticlePage.
`cms` knows nothing of `api` or `sms`; they import from here.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms import phone_numbers
from cms.fields import EncryptedTextField


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

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("role"), FieldPanel("credentials")]),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("profile_url"),
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


class HomePage(Page):
    """Root of the site. Headless: frontends read the API."""

    introduction = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    subpage_types = ["cms.TopicIndexPage"]
    max_count = 1


class TopicIndexPage(Page):
    introduction = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.TopicPage"]


class TopicPage(Page):
    """A substance or subject, e.g. Ketamine."""

    other_names = models.TextField(
        blank=True,
        help_text="Other and street names, comma-separated (e.g. K, Special K, Ket). "
        "Used as search synonyms and SMS aliases.",
    )
    summary = RichTextField(blank=True, features=["bold", "italic", "link"])
    sms_summary = models.CharField(
        max_length=320,
        blank=True,
        help_text="Short plain-text summary for SMS replies; the helpline is appended automatically.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("other_names"),
        FieldPanel("summary"),
        FieldPanel("sms_summary"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("other_names", boost=3),
        index.SearchField("summary"),
        index.AutocompleteField("other_names"),
    ]
    parent_page_types = ["cms.TopicIndexPage"]
    subpage_types = ["cms.ArticlePage"]

    @property
    def other_names_list(self) -> list[str]:
        return [name.strip() for name in self.other_names.split(",") if name.strip()]


class CallbackRequest(models.Model):
    """A request from the public for the admissions team to call back.

    The phone number is stored encrypted, with a keyed hash for spotting
    repeats; staff see it masked in listings.
    """

    class Status(models.TextChoices):
        NEW = "new", "New"
        CONTACTED = "contacted", "Contacted"
        CLOSED = "closed", "Closed"

    name = models.CharField(max_length=120)
    phone = EncryptedTextField(help_text="E.164, encrypted at rest.")
    phone_hash = models.CharField(max_length=64, db_index=True, editable=False)
    preferred_time = models.CharField(max_length=120, blank=True)
    message = models.TextField(blank=True)
    consent_given = models.BooleanField(default=False)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Callback for {self.name} ({self.get_status_display()})"

    @property
    def masked_phone(self) -> str:
        return phone_numbers.mask(self.phone)


class ArticlePage(Page):
    """An article under a topic. The body, people and review dates come with
    the CMS issue (cms/blocks.py)."""

    standfirst = models.TextField(blank=True, help_text="One or two sentences under the title.")

    content_panels = [*Page.content_panels, FieldPanel("standfirst")]
    parent_page_types = ["cms.TopicPage"]
    subpage_types: list[str] = []
