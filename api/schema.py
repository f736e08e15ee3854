"""drf-spectacular hooks and extensions."""

from drf_spectacular.extensions import OpenApiSerializerFieldExtension


def public_api_only(endpoints, **kwargs):
    """Describe our public API only, not Wagtail's internal admin API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


class StreamBodyFieldExtension(OpenApiSerializerFieldExtension):
    """The article body: generated from the StreamField's block definitions."""

    target_class = "api.article_detail.StreamBodyField"

    def map_serializer_field(self, auto_schema, direction):
        from api.block_schema import BlockSchemaBuilder

        return BlockSchemaBuilder(auto_schema, direction).schema(self.target.stream_block)


PROBLEM_SCHEMA = {
    "type": "object",
    "description": "RFC 9457 problem details. `errors` lists field errors (400 only).",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "code": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "field": {"type": "string"},
                    "message": {"type": "string"},
                    "code": {"type": "string"},
                },
                "required": ["field", "message", "code"],
            },
        },
    },
    "required": ["type", "title", "status", "detail", "instance", "code"],
}


def _problem_response(description: str) -> dict:
    return {
        "description": description,
        "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


def add_problem_responses(result, generator, request, public):
    """Postprocessing hook: every operation documents its errors as
    problem+json (400 invalid input, 404 not found, `default` for the rest,
    e.g. 403 bad preview token, 429 throttled)."""
    result.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            responses = operation.setdefault("responses", {})
            responses.setdefault("400", _problem_response("Invalid parameters or body (see `errors`)."))
            responses.setdefault("404", _problem_response("Not found, or not public."))
            responses.setdefault("default", _problem_response("Any other error, e.g. 403, 429."))
    return result
