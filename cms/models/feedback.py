"""Reader feedback on articles ("Was this page helpful?").

Anonymous by design: a row is the article, yes or no, an optional reason
from a fixed list, an optional comment and the time. No IP address, user
agent, session or user is kept (the API's throttle counts requests per
client in the cache, with an expiry, never here). Comments are scrubbed of
phone numbers and email addresses before they are stored
(`cms.feedback.comment_scrub`) and encrypted at rest all the same: someone
may still write about their own drug use.
"""

from __future__ import annotations

from django.db import models

from cms.fields import EncryptedTextField

FEEDBACK_COMMENT_MAX_LENGTH = 500


class ArticleFeedback(models.Model):
    class Reason(models.TextChoices):
        ANSWERED = "answered", "It answered my question"
        EASY_TO_UNDERSTAND = "easy_to_understand", "Easy to understand"
        HARD_TO_UNDERSTAND = "hard_to_understand", "Hard to understand"
        MISSING_INFORMATION = "missing_information", "Something I needed was missing"
        OUT_OF_DATE = "out_of_date", "Out of date or wrong"
        OTHER = "other", "Something else"

    article = models.ForeignKey("cms.ArticlePage", on_delete=models.CASCADE, related_name="feedback")
    helpful = models.BooleanField()
    reason = models.CharField(max_length=30, choices=Reason.choices, blank=True)
    comment = EncryptedTextField(
        max_length=FEEDBACK_COMMENT_MAX_LENGTH,
        blank=True,
        help_text="Phone numbers and email addresses removed; encrypted at rest.",
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "article feedback"
        verbose_name_plural = "article feedback"
        indexes = [models.Index(fields=["article", "created_at"], name="cms_feedback_article_time")]

    def __str__(self) -> str:
        # Never the comment: Wagtail stores str() in its audit log as plain text.
        return f"Feedback {self.pk} ({'helpful' if self.helpful else 'not helpful'})"
