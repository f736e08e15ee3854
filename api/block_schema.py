"""OpenAPI description of a StreamField, generated from its block definitions,
so the schema says exactly what `api.blocks.render` produces (no untyped
objects) and stays right when a block is added.

Each stream child becomes a component (``Block<Name>``) with a literal
``type``; the body is an array of ``oneOf`` those, with a discriminator.
"""

from __future__ import annotations

from typing import Any

from django.utils.text import camel_case_to_spaces
from drf_spectacular.plumbing import ResolvedComponent
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

from cms.models import Helpline


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in schema:
        return {"allOf": [schema], "nullable": True}
    return {**schema, "nullable": True}


def _pascal(name: str) -> str:
    return "".join(part.capitalize() for part in camel_case_to_spaces(name).replace("-", "_").split("_"))


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


class BlockSchemaBuilder:
    """Builds schemas, registering shared shapes as components with
    drf-spectacular's registry (`auto_schema.registry`)."""

    def __init__(self, auto_schema, direction: str, prefix: str = "Block"):
        self.auto_schema = auto_schema
        self.direction = direction
        self.prefix = prefix

    def component(self, name: str, schema: dict[str, Any]) -> dict[str, Any]:
        component = ResolvedComponent(name=name, type=ResolvedComponent.SCHEMA, object=name, schema=schema)
        self.auto_schema.registry.register_on_missing(component)
        return component.ref

    def helpline(self) -> dict[str, Any]:
        from api.serializers import HelplineSerializer

        return self.auto_schema.resolve_serializer(HelplineSerializer, self.direction).ref

    def stream(self, block: blocks.StreamBlock) -> dict[str, Any]:
        refs, mapping = [], {}
        for name, child in block.child_blocks.items():
            schema = {
                "type": "object",
                "properties": {
                    "type": {"type": "string", "enum": [name]},
                    "value": self.schema(child),
                    "id": {"type": "string"},
                },
                "required": ["type", "value", "id"],
            }
            ref = self.component(f"{self.prefix}{_pascal(name)}", schema)
            refs.append(ref)
            mapping[name] = ref["$ref"]
        return {
            "type": "array",
            "items": {"oneOf": refs, "discriminator": {"propertyName": "type", "mapping": mapping}},
        }

    def schema(self, block: blocks.Block) -> dict[str, Any]:  # noqa: C901 - one branch per block kind
        if isinstance(block, blocks.StreamBlock):
            return self.stream(block)
        if isinstance(block, ImageBlock | ImageChooserBlock):
            return _nullable(self.component("Image", IMAGE_SCHEMA))
        if isinstance(block, blocks.StructBlock):
            # Blocks that shape their own value (`uses_own_representation`, e.g.
            # a heading with its derived anchor) keep the same field names.
            properties = {name: self.schema(child) for name, child in block.child_blocks.items()}
            return {"type": "object", "properties": properties, "required": list(properties)}
        if isinstance(block, blocks.ListBlock):
            return {"type": "array", "items": self.schema(block.child_block)}
        if isinstance(block, blocks.RichTextBlock):
            return dict(RICH_TEXT_SCHEMA)
        if isinstance(block, blocks.PageChooserBlock):
            return _nullable(self.component("PageLink", PAGE_LINK_SCHEMA))
        if isinstance(block, DocumentChooserBlock):
            return _nullable(self.component("Document", DOCUMENT_SCHEMA))
        if isinstance(block, blocks.ChooserBlock):
            if block.model_class is Helpline:
                return _nullable(self.helpline())
            return _nullable(
                {"type": "object", "properties": {"id": {"type": "integer"}}, "required": ["id"]}
            )
        if isinstance(block, TableBlock):
            return self.component("Table", TABLE_SCHEMA)
        return self.scalar(block)

    def scalar(self, block: blocks.Block) -> dict[str, Any]:
        if isinstance(block, blocks.BooleanBlock):
            schema: dict[str, Any] = {"type": "boolean"}
        elif isinstance(block, blocks.IntegerBlock):
            schema = {"type": "integer"}
        elif isinstance(block, blocks.FloatBlock | blocks.DecimalBlock):
            schema = {"type": "number"}
        elif isinstance(block, blocks.DateBlock):
            schema = {"type": "string", "format": "date"}
        elif isinstance(block, blocks.DateTimeBlock):
            schema = {"type": "string", "format": "date-time"}
        elif isinstance(block, blocks.ChoiceBlock):
            choices = [str(value) for value, _label in block.field.choices if value != ""]
            return {"type": "string", "enum": [*choices, ""]}
        else:  # CharBlock, TextBlock, URLBlock, EmailBlock, RegexBlock, TimeBlock, ...
            return {"type": "string"}  # never null: render() gives "" for a missing value
        return schema if block.required else _nullable(schema)
