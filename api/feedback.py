"""Reader feedback: `POST /api/v1/articles/{slug}/feedback/` ("Was this page
helpful?") for everyone, and `GET` on the same path, the article's figures,
for editors only.

The POST is anonymous: no authentication runs, nothing about the client is
stored (the throttle counts requests per client address in the cache, with
an expiry), and the comment is scrubbed of phone numbers and email
addresses before it is stored (`cms.feedback`). The GET answers only a
signed-in Wagtail user (session cookie) who may view article feedback
(the Editors and Clinical reviewers groups, and superusers); everyone else
gets a 403 problem, so the public cannot read the figures or comments.
"""

from __future__ import annotations

from django.conf import settings
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import NotFound
from rest_framework.parsers import JSONParser
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from api.caching import PRIVATE_CACHE_CONTROL
from api.pages import visible_q
from api.serializers import StorableCharField
from cms import feedback
from cms.models import ArticleFeedback, ArticlePage
from cms.models.feedback import FEEDBACK_COMMENT_MAX_LENGTH


class ArticleFeedbackThrottle(AnonRateThrottle):
    """Feedback answers per client address (API_FEEDBACK_THROTTLE_RATE)."""

    scope = "article_feedback"

    def get_rate(self) -> str:
        # Read at request time (not import time) so the setting can change.
        return settings.API_FEEDBACK_THROTTLE_RATE


class CanViewArticleFeedback(BasePermission):
    """A signed-in, active Wagtail user allowed to see article feedback."""

    def has_permission(self, request, view) -> bool:
        user = request.user
        return bool(
            user
            and user.is_authenticated
            and user.has_perm("wagtailadmin.access_admin")
            and feedback.user_can_view_feedback(user)
        )


@extend_schema_field({"type": "boolean"})
class StrictBooleanField(serializers.BooleanField):
    """JSON true or false only: DRF's BooleanField would also take "yes",
    "0" or "on", which the schema does not allow."""

    def to_internal_value(self, data):
        if isinstance(data, bool):
            return data
        self.fail("invalid", input=data)


class ArticleFeedbackSerializer(serializers.Serializer):
    helpful = StrictBooleanField(help_text="Was this page helpful?")
    reason = serializers.ChoiceField(
        choices=ArticleFeedback.Reason.choices,
        required=False,
        allow_blank=True,
        default="",
        help_text="Optional, from a fixed list.",
    )
    comment = StorableCharField(
        max_length=FEEDBACK_COMMENT_MAX_LENGTH,
        required=False,
        allow_blank=True,
        default="",
        help_text="Optional. Phone numbers and email addresses are removed before it is stored.",
    )


class ArticleFeedbackReceivedSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=["received"])
    detail = serializers.CharField()


class FeedbackArticleSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    title = serializers.CharField()


class FeedbackWeekSerializer(serializers.Serializer):
    week_start = serializers.DateField(help_text="The Monday the week starts on.")
    helpful = serializers.IntegerField()
    not_helpful = serializers.IntegerField()
    helpful_share = serializers.FloatField(allow_null=True, help_text="0 to 1; null without answers.")


class FeedbackReasonSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(choices=ArticleFeedback.Reason.choices)
    label = serializers.CharField()
    count = serializers.IntegerField()


class FeedbackCommentSerializer(serializers.Serializer):
    created_at = serializers.DateTimeField()
    helpful = serializers.BooleanField()
    reason = serializers.CharField(help_text="A reason code, or empty.")
    comment = serializers.CharField()


class ArticleFeedbackFiguresSerializer(serializers.Serializer):
    article = FeedbackArticleSerializer()
    total = serializers.IntegerField()
    helpful = serializers.IntegerField()
    not_helpful = serializers.IntegerField()
    helpful_share = serializers.FloatField(allow_null=True, help_text="0 to 1; null without answers.")
    weeks = FeedbackWeekSerializer(many=True, help_text="The last 12 weeks, oldest first.")
    reasons = FeedbackReasonSerializer(many=True)
    latest_comments = FeedbackCommentSerializer(
        many=True, help_text=f"The {feedback.LATEST_COMMENTS_SHOWN} newest, newest first."
    )


def _article_or_404(queryset, slug: str) -> ArticlePage:
    # Slugs are unique within a topic; on a clash the first in the tree wins,
    # as for the article itself (api.selectors.article_get).
    article = queryset.filter(slug=slug).order_by("path").first()
    if article is None:
        raise NotFound()
    return article


@extend_schema_view(
    post=extend_schema(
        summary="Was this page helpful?",
        request=ArticleFeedbackSerializer,
        responses={201: ArticleFeedbackReceivedSerializer},
    ),
    get=extend_schema(
        summary="The article's feedback figures (editors only)",
        description="For a signed-in Wagtail user who may view article feedback "
        "(session cookie); anyone else gets a 403.",
        responses={200: ArticleFeedbackFiguresSerializer},
    ),
)
class ArticleFeedbackView(APIView):
    """A reader's answer to "Was this page helpful?", or (editors) the figures."""

    parser_classes = [JSONParser]

    def initialize_request(self, request, *args, **kwargs):
        # DRF asks for the authenticators while it wraps the request, before
        # `self.request` is set (and drf-spectacular's mock requests never set
        # it first): keep the method for `get_authenticators`.
        self.http_method = request.method
        return super().initialize_request(request, *args, **kwargs)

    def get_authenticators(self):
        if self.http_method == "GET":
            return [SessionAuthentication()]
        return []  # anonymous: a reader's session never reaches the row

    def get_permissions(self):
        if self.http_method == "GET":
            return [CanViewArticleFeedback()]
        return super().get_permissions()

    def get_throttles(self):
        if self.http_method == "POST":
            return [ArticleFeedbackThrottle()]
        return []

    def post(self, request, slug: str):
        article = _article_or_404(ArticlePage.objects.filter(visible_q()), slug)
        serializer = ArticleFeedbackSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        feedback.article_feedback_record(article=article, **serializer.validated_data)
        body = {"status": "received", "detail": "Thank you for your feedback."}
        return Response(
            body, status=status.HTTP_201_CREATED, headers={"Cache-Control": PRIVATE_CACHE_CONTROL}
        )

    def get(self, request, slug: str):
        # Any article, published or not: editors follow up after unpublishing.
        article = _article_or_404(ArticlePage.objects.all(), slug)
        figures = feedback.article_feedback_figures(article=article)
        data = {"article": article, **figures.pop("summary"), **figures}
        serialized = ArticleFeedbackFiguresSerializer(data).data
        return Response(serialized, headers={"Cache-Control": PRIVATE_CACHE_CONTROL})
