"""OpenAPI description of a StreamField, generated from its block definitions,
so the schema says exactly what `api.blocks.render` produces (no untyped
objects) and stays right when a block is added.

Each stream child becomes a component (``Block<Name>``) with a literal
``type``; the body is an array of ``oneOf`` those, with a discriminator. How
each kind of block is described sits beside how it renders, in
`api.block_kinds.BLOCK_KINDS`; this module registers what that table
describes with drf-spectacular.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.plumbing import ResolvedComponent
from wagtail import blocks

from api.block_kinds import BLOCK_KINDS
from api.serializers import HelplineSerializer


class BlockSchemaBuilder:
    """Builds schemas, registering shared shapes as components with
    drf-spectacular's registry (`auto_schema.registry`)."""

    def __init__(self, auto_schema, direction: str, prefix: str = "Block"):
        self.auto_schema = auto_schema
        self.direction = direction
        self.prefix = prefix

    def schema(self, block: blocks.Block) -> dict[str, Any]:
        return BLOCK_KINDS.of(block).schema(block, self)

    def component(self, name: str, schema: dict[str, Any]) -> dict[str, Any]:
        component = ResolvedComponent(name=name, type=ResolvedComponent.SCHEMA, object=name, schema=schema)
        self.auto_schema.registry.register_on_missing(component)
        return component.ref

    def helpline(self) -> dict[str, Any]:
        return self.auto_schema.resolve_serializer(HelplineSerializer, self.direction).ref
