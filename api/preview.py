"""Draft preview tokens: signed, expiring, tied to one page revision.

An editor's "Preview on frontend" opens ``FRONTEND_PREVIEW_URL?token=...``;
the frontend calls ``/api/v1/preview/?token=...`` and gets that revision in
the article-detail shape. Without a valid token no draft is ever served.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from wagtail.models import Page, Revision

SALT = "api.preview"


class PreviewTokenError(Exception):
    """The token is malformed, tampered with, expired or for a revision that is gone."""

    def __init__(self, message: str, *, code: str):
        super().__init__(message)
        self.code = code


def preview_token_create(*, revision: Revision) -> str:
    return signing.dumps({"page": int(revision.object_id), "revision": revision.pk}, salt=SALT, compress=True)


def preview_url(*, revision: Revision) -> str:
    """The frontend's preview URL for a revision ("" when not configured)."""
    if not settings.FRONTEND_PREVIEW_URL:
        return ""
    return f"{settings.FRONTEND_PREVIEW_URL}?{urlencode({'token': preview_token_create(revision=revision)})}"


def preview_revision_get(*, token: str) -> Revision:
    """The revision a token grants access to, or PreviewTokenError."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=settings.API_PREVIEW_TOKEN_MAX_AGE)
    except signing.SignatureExpired:
        raise PreviewTokenError("This preview link has expired.", code="preview_token_expired") from None
    except signing.BadSignature:
        raise PreviewTokenError("This preview link is not valid.", code="preview_token_invalid") from None
    if not isinstance(payload, dict) or not {"page", "revision"} <= payload.keys():
        raise PreviewTokenError("This preview link is not valid.", code="preview_token_invalid")
    revision = (
        Revision.page_revisions.filter(pk=payload["revision"], object_id=str(payload["page"]))
        .select_related("content_type")
        .first()
    )
    if revision is None:
        raise PreviewTokenError("This preview's revision no longer exists.", code="preview_revision_gone")
    return revision


def preview_page(*, revision: Revision) -> Page:
    """The page as it is in `revision` (specific type, never saved)."""
    return revision.as_object()
