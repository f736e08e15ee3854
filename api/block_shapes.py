"""OpenAPI shapes of block values that several places share: the block
kinds that render them (`api.block_kinds`) and serializers whose fields hold
the same values (a person's photo is an image like one in the body).

A leaf module, so both sides can import it without a circle.
"""

from __future__ import annotations

from typing import Any


def nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in schema:
        return {"allOf": [schema], "nullable": True}
    return {**schema, "nullable": True}


IMAGE_SCHEMA = {
    "type": "object",
    "description": "An image rendition.",
    "properties": {
        "id": {"type": "integer"},
        "url": {"type": "string", "format": "uri"},
        "width": {"type": "integer"},
        "height": {"type": "integer"},
        "alt": {"type": "string", "description": "Alternative text; empty for decorative images."},
    },
    "required": ["id", "url", "width", "height", "alt"],
}
PAGE_LINK_SCHEMA = {
    "type": "object",
    "description": "A public page: its URL on the website and, for topics and articles, in the API.",
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "slug": {"type": "string"},
        "type": {"type": "string", "enum": ["article", "topic", "page"]},
        "url": {"type": "string", "format": "uri"},
        "api_url": {"type": "string", "format": "uri", "nullable": True},
    },
    "required": ["id", "title", "slug", "type", "url", "api_url"],
}
DOCUMENT_SCHEMA = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "url": {"type": "string", "format": "uri"},
    },
    "required": ["id", "title", "url"],
}
TABLE_SCHEMA = {
    "type": "object",
    "properties": {
        "caption": {"type": "string"},
        "first_row_is_header": {"type": "boolean"},
        "first_col_is_header": {"type": "boolean"},
        "rows": {
            "type": "array",
            "items": {"type": "array", "items": {"type": "string", "nullable": True}},
        },
    },
    "required": ["caption", "first_row_is_header", "first_col_is_header", "rows"],
}
RICH_TEXT_SCHEMA = {
    "type": "string",
    "description": "HTML. Internal links carry the public URL in href and the API URL in data-api-url.",
}
