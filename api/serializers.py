"""Read serializers (topics, articles in lists, helplines, people) and the
callback request form.

Serializers only shape data that selectors have already loaded: related
objects come in through `context` (`topics_by_path`, `refs`, `now`,
`share_images`), so a serializer never runs a query of its own. API URLs are
built on the host of `context["request"]` when there is one (`api.pages`).
"""

from __future__ import annotations

import copy

from django.utils import timezone
from django.utils.functional import cached_property
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.block_shapes import IMAGE_SCHEMA, RICH_TEXT_SCHEMA
from api.pages import api_url, parent_path, public_url
from api.seo import share_image_id
from cms import phone_numbers
from cms.models import ArticlePage, Helpline, HelplineOpeningHours, Person, TopicPage
from cms.storable import storable

NULLABLE_IMAGE = {**IMAGE_SCHEMA, "nullable": True}
SHARE_IMAGE = {
    **NULLABLE_IMAGE,
    "description": "For link previews (og:image, twitter:image), cropped to 1200x630; `alt` is for "
    "og:image:alt. An article without its own uses its topic's; null when neither has one.",
}


class ReadModelSerializer(serializers.ModelSerializer):
    """A ModelSerializer that introspects its model once per class.

    DRF builds the fields of a ModelSerializer anew for every instance, from
    the model's field definitions (verbose names, validators, translated
    labels): a third of the time of rendering an article, which nests
    several. The model and `Meta` do not change while the process runs, so
    the unbound fields are built once and each instance gets its own copy,
    as DRF's declared fields do."""

    def get_fields(self):
        cls = type(self)
        built = cls.__dict__.get("_fields_built_once")
        if built is None:
            built = super().get_fields()
            cls._fields_built_once = built
        return copy.deepcopy(built)


@extend_schema_field({"type": "string", "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9]$", "example": "09:00"})
class HourMinuteField(serializers.TimeField):
    """Local time as HH:MM (not RFC 3339 "time", which needs seconds and an offset)."""

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class OpeningHoursSerializer(ReadModelSerializer):
    weekday_name = serializers.CharField(source="get_weekday_display")
    opens = HourMinuteField(help_text="Local time in the helpline's time zone.")
    closes = HourMinuteField(help_text="At or before `opens`: closes the next day.")

    class Meta:
        model = HelplineOpeningHours
        fields = ["weekday", "weekday_name", "opens", "closes"]


class HelplineSerializer(ReadModelSerializer):
    opening_hours = OpeningHoursSerializer(many=True)
    open_now = serializers.SerializerMethodField(
        help_text="Open at the time of the response, in its time zone."
    )

    class Meta:
        model = Helpline
        fields = [
            "id",
            "name",
            "organisation",
            "country",
            "category",
            "is_emergency",
            "phone_number",
            "text_number",
            "text_keyword",
            "website",
            "is_24_7",
            "time_zone",
            "opening_hours",
            "open_now",
            "cost",
            "languages",
            "referral_disclosure",
        ]

    def get_open_now(self, helpline: Helpline) -> bool:
        return helpline.is_open_at(self.context.get("now") or timezone.now())


class PersonSerializer(ReadModelSerializer):
    photo = serializers.SerializerMethodField()

    class Meta:
        model = Person
        fields = ["id", "name", "role", "credentials", "bio", "profile_url", "photo"]

    @extend_schema_field(NULLABLE_IMAGE)
    def get_photo(self, person: Person):
        refs = self.context.get("refs")
        return refs.image(person.photo_id) if refs and person.photo_id else None


class TopicRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.SlugField()
    title = serializers.CharField()
    url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, page) -> str:
        return public_url(page.url_path)

    @extend_schema_field(OpenApiTypes.URI)
    def get_api_url(self, page) -> str:
        return api_url("topic-detail", page.slug, request=self.context.get("request"))


class TagSerializer(serializers.Serializer):
    """Show the name; link and filter (`?tag=`) with the slug."""

    name = serializers.CharField(help_text="As editors wrote it, e.g. `medical use`.")
    # Not a SlugField: taggit makes Unicode slugs ("café") and editors may change them.
    slug = serializers.CharField(help_text="For links and the `tag` filter, e.g. `medical-use`.")


class SeoFieldsMixin(serializers.Serializer):
    """What every page in the API carries for its <head> (`api.seo`). Reads
    `context["share_images"]` (`api.seo.share_images`) and, for an article,
    its topic in `context["topics_by_path"]`."""

    seo_title = serializers.CharField(help_text="The <title> editors chose; empty: use `title`.")
    search_description = serializers.CharField(
        help_text="The meta description editors wrote; empty: use the article's `standfirst` or the "
        "topic's `sms_summary`."
    )
    canonical_url = serializers.SerializerMethodField(
        help_text="For <link rel=canonical> and og:url: the page's one address on the website (`url`)."
    )
    share_image = serializers.SerializerMethodField()

    SEO_FIELDS = ["seo_title", "search_description", "canonical_url", "share_image"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_canonical_url(self, page) -> str:
        return public_url(page.url_path)

    @extend_schema_field(SHARE_IMAGE)
    def get_share_image(self, page):
        image_id = share_image_id(page, topics_by_path=self.context.get("topics_by_path", {}))
        return self.context.get("share_images", {}).get(image_id) if image_id else None


class ArticleListSerializer(SeoFieldsMixin, ReadModelSerializer):
    """The lean article used in lists, topics, search and related articles."""

    topic = serializers.SerializerMethodField()
    tags = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField(help_text="The article on the website.")
    api_url = serializers.SerializerMethodField(help_text="The article's detail in this API.")

    class Meta:
        model = ArticlePage
        fields = [
            "id",
            "slug",
            "title",
            "standfirst",
            "topic",
            "tags",
            "last_reviewed",
            "first_published_at",
            "last_published_at",
            "url",
            "api_url",
            *SeoFieldsMixin.SEO_FIELDS,
        ]

    @cached_property
    def _topic_ref(self) -> TopicRefSerializer:
        return TopicRefSerializer(context=self.context)  # one per list, not per article

    @extend_schema_field(TopicRefSerializer(allow_null=True))
    def get_topic(self, article: ArticlePage):
        topic = self.context.get("topics_by_path", {}).get(parent_path(article))
        return self._topic_ref.to_representation(topic) if topic else None

    @extend_schema_field(TagSerializer(many=True))
    def get_tags(self, article: ArticlePage):
        # Prefetched: `tags.all()` uses the prefetch cache, `names()` would query.
        tags = sorted(article.tags.all(), key=lambda tag: (tag.name.casefold(), tag.name))
        return [{"name": tag.name, "slug": tag.slug} for tag in tags]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, article: ArticlePage) -> str:
        return public_url(article.url_path)

    @extend_schema_field(OpenApiTypes.URI)
    def get_api_url(self, article: ArticlePage) -> str:
        return api_url("article-detail", article.slug, request=self.context.get("request"))


class SmsAnswerSerializer(serializers.Serializer):
    """One published short answer: the same text the SMS helpline sends
    (before the helpline footer is appended)."""

    intent = serializers.SlugField(source="intent.slug", help_text="e.g. effects, signs, getting_help.")
    intent_name = serializers.CharField(source="intent.name")
    text = serializers.CharField()


class TopicSerializer(SeoFieldsMixin, ReadModelSerializer):
    """A topic with its published articles (lean), in lists and alone.

    `context["articles_by_topic"]` maps a topic's path to its articles."""

    # context["share_images"] holds the topics' and their articles' images.

    other_names = serializers.ListField(child=serializers.CharField(), source="other_names_list")
    summary = serializers.SerializerMethodField()
    sms_answers = SmsAnswerSerializer(many=True, read_only=True)
    article_count = serializers.SerializerMethodField()
    articles = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()

    class Meta:
        model = TopicPage
        fields = [
            "id",
            "slug",
            "title",
            "other_names",
            "summary",
            "sms_summary",
            "sms_answers",
            "article_count",
            "articles",
            "url",
            "api_url",
            "last_published_at",
            *SeoFieldsMixin.SEO_FIELDS,
        ]

    @extend_schema_field(RICH_TEXT_SCHEMA)
    def get_summary(self, topic: TopicPage) -> str:
        return self.context["refs"].rich_text(topic.summary)

    def get_article_count(self, topic: TopicPage) -> int:
        return len(self.context["articles_by_topic"].get(topic.path, []))

    @extend_schema_field(ArticleListSerializer(many=True))
    def get_articles(self, topic: TopicPage):
        articles = self.context["articles_by_topic"].get(topic.path, [])
        return ArticleListSerializer(
            articles, many=True, context={**self.context, "topics_by_path": {topic.path: topic}}
        ).data

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, topic: TopicPage) -> str:
        return public_url(topic.url_path)

    @extend_schema_field(OpenApiTypes.URI)
    def get_api_url(self, topic: TopicPage) -> str:
        return api_url("topic-detail", topic.slug, request=self.context.get("request"))


class SearchResultSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["topic", "article"])
    id = serializers.IntegerField()
    slug = serializers.SlugField()
    title = serializers.CharField()
    summary = serializers.CharField(
        help_text="Plain text: the article's standfirst or the topic's SMS summary."
    )
    topic = TopicRefSerializer(allow_null=True)
    url = serializers.URLField()
    api_url = serializers.URLField()


@extend_schema_field({"type": "boolean", "enum": [True]})
class ConsentField(serializers.BooleanField):
    """Only `true` is accepted; the schema says so."""


@extend_schema_field({"type": "string", "pattern": r"^\+?[0-9][0-9 ().-]{5,38}$", "maxLength": 40})
class PhoneField(serializers.CharField):
    """Digits, spaces and ( ) . -, optionally led by +; validity is checked
    with phonenumbers, which a pattern cannot express."""


class StorableCharField(serializers.CharField):
    """Text as people send it, control characters dropped (cms.storable): a
    stray NUL from a form or a bot is stored without it, not refused."""

    def run_validation(self, data=serializers.empty):
        # Before the checks: a value of only control characters is blank.
        return super().run_validation(storable(data) if isinstance(data, str) else data)


class CallbackRequestSerializer(serializers.Serializer):
    """A request for a call back. `website` is a honeypot: hidden from people
    by the frontend, so only bots fill it in."""

    name = StorableCharField(max_length=120)
    phone = PhoneField(max_length=40, help_text="Any common format; stored as E.164.")
    preferred_time = StorableCharField(max_length=120, required=False, allow_blank=True, default="")
    message = StorableCharField(max_length=2000, required=False, allow_blank=True, default="")
    consent = ConsentField(help_text="Must be true: consent to be called and to store the data.")
    website = serializers.CharField(
        required=False, allow_blank=True, default="", write_only=True, help_text="Leave empty (honeypot)."
    )

    def validate_phone(self, value: str) -> str:
        try:
            return phone_numbers.normalise(value)
        except phone_numbers.InvalidPhoneNumber as exc:
            raise serializers.ValidationError(str(exc), code="invalid_phone") from None

    def validate_consent(self, value: bool) -> bool:
        if not value:
            raise serializers.ValidationError(
                "We need your consent to call you back.", code="consent_required"
            )
        return value


class CallbackRequestReceivedSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=["received"])
    detail = serializers.CharField()
