"""One error shape (RFC 9457 problem+json) across the API, and CORS."""

import pytest
from django.test import RequestFactory

from api import errors

pytestmark = pytest.mark.django_db

PROBLEM_KEYS = {"type", "title", "status", "detail", "instance", "code"}


def assert_problem(response, status):
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body.keys() >= PROBLEM_KEYS
    assert body["status"] == status
    return body


def test_unknown_api_url_is_a_json_404(client):
    body = assert_problem(client.get("/api/v1/no-such-thing/"), 404)
    assert body["instance"] == "/api/v1/no-such-thing/"
    assert body["title"] == "Not Found"


def test_unknown_article_is_a_json_404(api_client, home_page):
    body = assert_problem(api_client.get("/api/v1/articles/nope/"), 404)
    assert body["code"] == "not_found"


def test_validation_errors_list_each_field(api_client):
    response = api_client.post("/api/v1/callback-requests/", {"name": "", "phone": "12"}, format="json")
    body = assert_problem(response, 400)
    fields = {error["field"] for error in body["errors"]}
    assert {"name", "phone", "consent"} <= fields
    assert all(error["message"] and error["code"] for error in body["errors"])


def test_invalid_filter_value_is_a_field_error(api_client, home_page):
    body = assert_problem(api_client.get("/api/v1/articles/?modified_since=yesterday"), 400)
    assert [error["field"] for error in body["errors"]] == ["modified_since"]


def test_wrong_method_is_a_problem(api_client):
    body = assert_problem(api_client.delete("/api/v1/helplines/"), 405)
    assert body["code"] == "method_not_allowed"


def test_handler500_is_json_for_api_paths_and_html_elsewhere():
    factory = RequestFactory()
    api_response = errors.handler500(factory.get("/api/v1/articles/"))
    assert api_response.status_code == 500
    assert api_response["Content-Type"] == "application/problem+json"
    other = errors.handler500(factory.get("/somewhere/"))
    assert other.status_code == 500
    assert "problem+json" not in other["Content-Type"]


def test_crash_in_a_view_gives_a_json_500(api_client, monkeypatch, home_page):
    from api import selectors

    def boom(**kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(selectors, "topic_queryset", boom)
    api_client.raise_request_exception = False
    body = assert_problem(api_client.get("/api/v1/topics/"), 500)
    assert "boom" not in body["detail"]


def test_non_api_404_stays_html(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "problem+json" not in response["Content-Type"]


def test_cors_allows_configured_origin_only(client, settings, home_page):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.example.org"]
    allowed = client.get("/api/v1/topics/", HTTP_ORIGIN="https://app.example.org")
    assert allowed["Access-Control-Allow-Origin"] == "https://app.example.org"
    assert "ETag" in allowed["Access-Control-Expose-Headers"]
    other = client.get("/api/v1/topics/", HTTP_ORIGIN="https://evil.example.com")
    assert "Access-Control-Allow-Origin" not in other


def test_cors_preflight_for_callback_form(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.example.org"]
    response = client.options(
        "/api/v1/callback-requests/",
        HTTP_ORIGIN="https://app.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "https://app.example.org"
    assert "content-type" in response["Access-Control-Allow-Headers"]
