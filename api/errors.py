"""One error shape for the whole API: RFC 9457 `application/problem+json`.

Every error body is ``{"type", "title", "status", "detail", "instance"}``;
400s add ``errors``: ``[{"field": "phone", "message": "...", "code": "invalid"}]``
(``field`` is dotted for nested values, ``non_field_errors`` for the object).
DRF exceptions go through `exception_handler`; Django's own 404/500 for
`/api/` paths (unknown URLs, crashes) go through `handler404`/`handler500`,
other paths keep Django's HTML pages.
"""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.views import defaults
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler

PROBLEM_CONTENT_TYPE = "application/problem+json"
API_PREFIX = "/api/"


def problem(
    *,
    status: int,
    detail: str = "",
    instance: str = "",
    code: str = "",
    errors: list[dict[str, str]] | None = None,
) -> dict[str, Any]:
    """An RFC 9457 problem document; `title` is the HTTP reason phrase."""
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail or HTTPStatus(status).description,
        "instance": instance,
        "code": code or HTTPStatus(status).name.lower(),
    }
    if errors is not None:
        body["errors"] = errors
    return body


def _flatten(detail: Any, prefix: str = "") -> list[dict[str, str]]:
    """DRF's nested error details -> a flat list of field errors."""
    if isinstance(detail, dict):
        out = []
        for key, value in detail.items():
            out += _flatten(value, f"{prefix}.{key}" if prefix else str(key))
        return out
    if isinstance(detail, list):
        out = []
        for index, value in enumerate(detail):
            if isinstance(value, dict | list):
                out += _flatten(value, f"{prefix}.{index}" if prefix else str(index))
            else:
                out += _flatten(value, prefix)
        return out
    return [
        {
            "field": prefix or "non_field_errors",
            "message": str(detail),
            "code": getattr(detail, "code", "invalid") or "invalid",
        }
    ]


def exception_handler(exc: Exception, context: dict) -> HttpResponse | None:
    """DRF EXCEPTION_HANDLER: DRF's own handling, re-shaped as a problem."""
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # not an API error: a crash, Django's handler500 answers
    request = context.get("request")
    instance = request.path if request is not None else ""
    if isinstance(exc, exceptions.ValidationError):
        body = problem(
            status=response.status_code,
            detail="The request has invalid fields.",
            instance=instance,
            code="invalid",
            errors=_flatten(exc.detail),
        )
    else:
        if isinstance(exc, Http404):
            detail, code = "Not found.", "not_found"
        elif isinstance(exc, exceptions.APIException):
            detail, code = str(exc.detail), str(getattr(exc.detail, "code", "") or exc.default_code)
        else:  # Django's PermissionDenied
            detail, code = "You do not have permission to perform this action.", "permission_denied"
        body = problem(status=response.status_code, detail=detail, instance=instance, code=code)
    response.data = body
    response.content_type = PROBLEM_CONTENT_TYPE
    return response


def problem_response(request: HttpRequest, *, status: int, detail: str = "", code: str = "") -> HttpResponse:
    body = problem(status=status, detail=detail, instance=request.path, code=code)
    return HttpResponse(json.dumps(body), status=status, content_type=PROBLEM_CONTENT_TYPE)


def handler404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        return problem_response(request, status=404, detail="Not found.", code="not_found")
    return defaults.page_not_found(request, exception)


def handler500(request: HttpRequest) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        return problem_response(request, status=500, detail="Something went wrong on our side.")
    return defaults.server_error(request)
