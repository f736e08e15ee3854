"""The OpenAPI document and the offline docs."""

import pytest
import yaml
from django.core.management import call_command

pytestmark = pytest.mark.django_db
PATHS = {
    "/api/v1/topics/",
    "/api/v1/topics/{slug}/",
    "/api/v1/articles/",
    "/api/v1/articles/{slug}/",
    "/api/v1/articles/{slug}/feedback/",
    "/api/v1/search/",
    "/api/v1/helplines/",
    "/api/v1/callback-requests/",
    "/api/v1/preview/",
    "/api/v1/",
    "/api/v1/sync/",
    "/api/v1/sitemap/",
    "/api/v1/redirects/",
}


@pytest.fixture
def schema(api_client):
    response = api_client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return response.json()


def test_schema_validates_without_warnings(tmp_path):
    # Raises on any warning or error, and validates against the OpenAPI spec.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))
    assert set(yaml.safe_load((tmp_path / "schema.yaml").read_text())["paths"]) == PATHS


def test_schema_describes_every_endpoint_and_only_the_public_api(schema):
    assert set(schema["paths"]) == PATHS


def _untyped(node, path="#"):
    """Schemas that say nothing about their value: {} or a bare object."""
    found = []
    if isinstance(node, dict):
        is_schema_map = path.endswith("/properties")
        for key, value in node.items():
            child = f"{path}/{key}"
            if is_schema_map and value == {}:
                found.append(child)
            if (
                isinstance(value, dict)
                and value.get("type") == "object"
                and "properties" not in value
                and not isinstance(value.get("additionalProperties"), dict)
            ):
                found.append(child)
            found += _untyped(value, child)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _untyped(value, f"{path}/{index}")
    return found


def test_no_untyped_objects(schema):
    assert _untyped(schema) == []


def test_body_blocks_are_a_discriminated_union(schema):
    body = schema["components"]["schemas"]["ArticleDetail"]["properties"]["body"]
    mapping = body["items"]["discriminator"]["mapping"]
    assert {"heading", "paragraph", "faq", "image", "helpline_cta", "table"} <= set(mapping)
    image_block = schema["components"]["schemas"]["BlockImage"]["properties"]["value"]
    assert image_block["properties"]["image"]["allOf"] == [{"$ref": "#/components/schemas/Image"}]


def test_errors_are_documented_as_problem_json(schema):
    for path_item in schema["paths"].values():
        for operation in path_item.values():
            assert "application/problem+json" in operation["responses"]["default"]["content"]
            assert "404" in operation["responses"]


def test_docs_are_served_without_a_cdn(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "drf_spectacular_sidecar" in html
    assert "cdn.jsdelivr" not in html and "unpkg.com" not in html
    redoc = client.get("/api/v1/redoc/").content.decode()
    assert "/api/v1/redoc/redoc.standalone.js" in redoc and "cdn.jsdelivr" not in redoc
