"""What the API does with each kind of StreamField block: one table.

Each kind of block has one `BlockKind` entry in `BLOCK_KINDS`, which says,
side by side, how its raw (stored) value
- collects references (pass 1: ids loaded in one batch by `api.references`),
- renders to JSON (pass 2, from what was loaded), and
- is described in OpenAPI.
The three used to be separate `isinstance` ladders that had to agree; kept
together, the schema stays true to the output, and a new kind of block is one
entry here. A block with no entry fails loudly (`BlockKinds.of`) rather than
falling back to a guess the schema might not match, and
tests/api/test_blocks.py checks that every block the CMS uses has exactly one.

An entry names Wagtail block classes. A block takes the entry of the nearest
class in its MRO (our `SectionHeadingBlock` is a `StructBlock`), narrowed by
`applies` where one class means different things (a snippet chooser of
helplines). The drivers that walk a value live elsewhere and are passed in:
`api.blocks` (collect, render) and `api.block_schema` (schema), so this
module imports neither.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from django.utils.text import camel_case_to_spaces
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from api.block_shapes import (
    DOCUMENT_SCHEMA,
    IMAGE_SCHEMA,
    PAGE_LINK_SCHEMA,
    RICH_TEXT_SCHEMA,
    TABLE_SCHEMA,
    nullable,
)
from api.references import References
from cms.models import Helpline

# --- what an entry is given ------------------------------------------------


class Collector(Protocol):
    refs: References

    def collect(self, block: blocks.Block, raw: Any) -> None: ...


class Renderer(Protocol):
    refs: References
    helpline: Callable[[Helpline], Any]  # a loaded Helpline -> its JSON

    def render(self, block: blocks.Block, raw: Any) -> Any: ...


class SchemaBuilder(Protocol):
    prefix: str  # of the stream children's component names

    def schema(self, block: blocks.Block) -> dict[str, Any]: ...

    def component(self, name: str, schema: dict[str, Any]) -> dict[str, Any]: ...

    def helpline(self) -> dict[str, Any]: ...


def collects_nothing(block: blocks.Block, raw: Any, walk: Collector) -> None:
    pass


def no_children(block: blocks.Block) -> tuple[blocks.Block, ...]:
    return ()


def always(block: blocks.Block) -> bool:
    return True


@dataclass(frozen=True)
class BlockKind:
    """`collect(block, raw, walk)` notes ids in `walk.refs`; `render(block,
    raw, walk)` returns the JSON value; `schema(block, builder)` its OpenAPI
    schema. Containers recurse through `walk`/`builder` and list `children`."""

    name: str
    block_types: tuple[type[blocks.Block], ...]
    render: Callable[[Any, Any, Renderer], Any]
    schema: Callable[[Any, SchemaBuilder], dict[str, Any]]
    collect: Callable[[Any, Any, Collector], None] = collects_nothing
    children: Callable[[Any], Iterable[blocks.Block]] = no_children
    applies: Callable[[Any], bool] = always


class BlockKinds:
    """The table, indexed by block class."""

    def __init__(self, kinds: Iterable[BlockKind]):
        self.kinds = tuple(kinds)
        names = [kind.name for kind in self.kinds]
        if len(set(names)) != len(names):
            raise ValueError(f"Block kind names must be unique: {names}")
        self._by_class: dict[type, list[BlockKind]] = {}
        for kind in self.kinds:
            for block_type in kind.block_types:
                self._by_class.setdefault(block_type, []).append(kind)

    def matching(self, block: blocks.Block) -> list[BlockKind]:
        """The entries that apply, for the nearest class in the block's MRO that has any."""
        for block_type in type(block).__mro__:
            found = [kind for kind in self._by_class.get(block_type, ()) if kind.applies(block)]
            if found:
                return found
        return []

    def of(self, block: blocks.Block) -> BlockKind:
        found = self.matching(block)
        if len(found) == 1:
            return found[0]
        name = type(block).__name__
        if not found:
            raise LookupError(
                f"{name} has no entry in api.block_kinds.BLOCK_KINDS: add one saying how its value "
                "collects references, renders and is described in the schema."
            )
        raise LookupError(
            f"{name} matches {len(found)} entries in api.block_kinds.BLOCK_KINDS "
            f"({', '.join(kind.name for kind in found)}): make their `applies` exclusive."
        )


def has_references(block: blocks.Block) -> bool:
    """Whether a block (or a descendant) points at something to resolve:
    a container when a child does, any other block when it collects."""
    kind = BLOCK_KINDS.of(block)
    if kind.children is not no_children:
        return any(has_references(child) for child in kind.children(block))
    return kind.collect is not collects_nothing


def _pascal(name: str) -> str:
    return "".join(part.capitalize() for part in camel_case_to_spaces(name).replace("-", "_").split("_"))


# --- containers ----------------------------------------------------------------
# Stream children: {"type": name, "value": ..., "id": uuid}, one component each
# (Block<Name>), the stream an array of oneOf those with a discriminator.


def _stream_collect(block: blocks.StreamBlock, raw: Any, walk: Collector) -> None:
    for item in raw:
        child = block.child_blocks.get(item.get("type"))
        if child is not None:
            walk.collect(child, item.get("value"))


def _stream_render(block: blocks.StreamBlock, raw: Any, walk: Renderer) -> list[dict[str, Any]]:
    return [
        {
            "type": item["type"],
            "value": walk.render(block.child_blocks[item["type"]], item.get("value")),
            "id": str(item.get("id") or ""),
        }
        for item in raw or []
        if item.get("type") in block.child_blocks
    ]


def _stream_schema(block: blocks.StreamBlock, builder: SchemaBuilder) -> dict[str, Any]:
    refs, mapping = [], {}
    for name, child in block.child_blocks.items():
        schema = {
            "type": "object",
            "properties": {
                "type": {"type": "string", "enum": [name]},
                "value": builder.schema(child),
                "id": {"type": "string"},
            },
            "required": ["type", "value", "id"],
        }
        ref = builder.component(f"{builder.prefix}{_pascal(name)}", schema)
        refs.append(ref)
        mapping[name] = ref["$ref"]
    return {
        "type": "array",
        "items": {"oneOf": refs, "discriminator": {"propertyName": "type", "mapping": mapping}},
    }


def _struct_values(block: blocks.StructBlock, raw: Any) -> dict[str, Any]:
    """Every field, stored or default (a field added after the value was saved)."""
    raw = raw if isinstance(raw, dict) else {}
    return {
        name: raw[name] if name in raw else child.get_prep_value(child.get_default())
        for name, child in block.child_blocks.items()
    }


def shapes_own_value(block: blocks.StructBlock) -> bool:
    """A struct whose class shapes its own API value (e.g. a heading adding
    its derived anchor) and holds nothing to resolve: use its shape. Its
    schema still comes from its fields, so it keeps their names."""
    overridden = type(block).get_api_representation is not blocks.StructBlock.get_api_representation
    return overridden and not has_references(block)


def _struct_collect(block: blocks.StructBlock, raw: Any, walk: Collector) -> None:
    for name, value in _struct_values(block, raw).items():
        walk.collect(block.child_blocks[name], value)


def _struct_render(block: blocks.StructBlock, raw: Any, walk: Renderer) -> Any:
    values = _struct_values(block, raw)
    if shapes_own_value(block):
        return block.get_api_representation(block.to_python(values))
    out = {name: walk.render(block.child_blocks[name], value) for name, value in values.items()}
    # An image block that carries its own alt text (our AccessibleImageBlock).
    for value in out.values():
        if isinstance(value, dict) and {"url", "alt"} <= value.keys() and out.get("alt_text"):
            value["alt"] = out["alt_text"]
    return out


def _struct_schema(block: blocks.StructBlock, builder: SchemaBuilder) -> dict[str, Any]:
    properties = {name: builder.schema(child) for name, child in block.child_blocks.items()}
    return {"type": "object", "properties": properties, "required": list(properties)}


def list_items(block: blocks.ListBlock, raw: Any) -> list:
    """ListBlock raw items, old (plain values) or new ({type, value, id}) format."""
    return [item["value"] if block._item_is_in_block_format(item) else item for item in raw or []]


def _list_collect(block: blocks.ListBlock, raw: Any, walk: Collector) -> None:
    for value in list_items(block, raw):
        walk.collect(block.child_block, value)


def _list_render(block: blocks.ListBlock, raw: Any, walk: Renderer) -> list:
    return [walk.render(block.child_block, value) for value in list_items(block, raw)]


# --- blocks that point at something ------------------------------------------------


def _image_block_render(block: ImageBlock, raw: Any, walk: Renderer) -> dict[str, Any] | None:
    raw = raw or {}
    alt = "" if raw.get("decorative") else raw.get("alt_text") or None
    return walk.refs.image(raw.get("image"), alt=alt)


def _image_schema(block: blocks.Block, builder: SchemaBuilder) -> dict[str, Any]:
    return nullable(builder.component("Image", IMAGE_SCHEMA))


def _document_render(block: DocumentChooserBlock, raw: Any, walk: Renderer) -> dict[str, Any] | None:
    doc = walk.refs.documents.get(raw) if isinstance(raw, int) else None
    return {"id": doc.pk, "title": doc.title, "url": walk.refs.document_url(doc)} if doc else None


def _chooses_helpline(block: SnippetChooserBlock) -> bool:
    return block.model_class is Helpline


def _helpline_render(block: SnippetChooserBlock, raw: Any, walk: Renderer) -> Any:
    found = walk.refs.helplines.get(raw) if isinstance(raw, int) else None
    return walk.helpline(found) if found else None


# --- values of their own ----------------------------------------------------------------


def render_table(raw: Any) -> dict[str, Any]:
    raw = raw if isinstance(raw, dict) else {}
    rows = [[None if cell is None else str(cell) for cell in row] for row in raw.get("data") or []]
    return {
        "caption": raw.get("table_caption") or "",
        "first_row_is_header": bool(raw.get("first_row_is_table_header")),
        "first_col_is_header": bool(raw.get("first_col_is_header")),
        "rows": rows,
    }


def _scalar_render(*, missing: Any) -> Callable[[Any, Any, Renderer], Any]:
    """Wagtail's own API value of what is stored, `missing` when nothing is
    (text-like blocks give "", so their schema never says null)."""

    def render(block: blocks.Block, raw: Any, walk: Renderer) -> Any:
        return missing if raw is None else block.get_api_representation(block.to_python(raw))

    return render


def _scalar(name: str, block_types: tuple[type[blocks.Block], ...], schema: dict[str, Any]) -> BlockKind:
    """A number, date or boolean: Wagtail's own API value, None when nothing
    is stored, so nullable unless the block is required."""

    def describe(block: blocks.Block, builder: SchemaBuilder) -> dict[str, Any]:
        return {**schema} if block.required else nullable(schema)

    return BlockKind(name, block_types, render=_scalar_render(missing=None), schema=describe)


def _choice_schema(block: blocks.ChoiceBlock, builder: SchemaBuilder) -> dict[str, Any]:
    choices = [str(value) for value, _label in block.field.choices if value != ""]
    return {"type": "string", "enum": [*choices, ""]}


BLOCK_KINDS = BlockKinds(
    [
        BlockKind(
            "stream",
            (blocks.StreamBlock,),
            collect=_stream_collect,
            render=_stream_render,
            schema=_stream_schema,
            children=lambda block: block.child_blocks.values(),
        ),
        BlockKind(
            "struct",
            (blocks.StructBlock,),
            collect=_struct_collect,
            render=_struct_render,
            schema=_struct_schema,
            children=lambda block: block.child_blocks.values(),
        ),
        BlockKind(
            "list",
            (blocks.ListBlock,),
            collect=_list_collect,
            render=_list_render,
            schema=lambda block, builder: {"type": "array", "items": builder.schema(block.child_block)},
            children=lambda block: (block.child_block,),
        ),
        BlockKind(
            "rich_text",
            (blocks.RichTextBlock,),
            collect=lambda block, raw, walk: walk.refs.collect_rich_text(raw),
            render=lambda block, raw, walk: walk.refs.rich_text(raw or ""),
            schema=lambda block, builder: dict(RICH_TEXT_SCHEMA),
        ),
        BlockKind(
            "image_with_alt",  # Wagtail's ImageBlock: {image, alt_text, decorative}
            (ImageBlock,),
            collect=lambda block, raw, walk: walk.refs.add("image", (raw or {}).get("image")),
            render=_image_block_render,
            schema=_image_schema,
        ),
        BlockKind(
            "image",
            (ImageChooserBlock,),
            collect=lambda block, raw, walk: walk.refs.add("image", raw),
            render=lambda block, raw, walk: walk.refs.image(raw),
            schema=_image_schema,
        ),
        BlockKind(
            "page",
            (blocks.PageChooserBlock,),
            collect=lambda block, raw, walk: walk.refs.add("page", raw),
            render=lambda block, raw, walk: walk.refs.page(raw),
            schema=lambda block, builder: nullable(builder.component("PageLink", PAGE_LINK_SCHEMA)),
        ),
        BlockKind(
            "document",
            (DocumentChooserBlock,),
            collect=lambda block, raw, walk: walk.refs.add("document", raw),
            render=_document_render,
            schema=lambda block, builder: nullable(builder.component("Document", DOCUMENT_SCHEMA)),
        ),
        BlockKind(
            "helpline",
            (SnippetChooserBlock,),
            applies=_chooses_helpline,
            collect=lambda block, raw, walk: walk.refs.add("helpline", raw),
            render=_helpline_render,
            schema=lambda block, builder: nullable(builder.helpline()),
        ),
        BlockKind(
            "table",
            (TableBlock,),
            render=lambda block, raw, walk: render_table(raw),
            schema=lambda block, builder: builder.component("Table", TABLE_SCHEMA),
        ),
        _scalar("boolean", (blocks.BooleanBlock,), {"type": "boolean"}),
        _scalar("integer", (blocks.IntegerBlock,), {"type": "integer"}),
        _scalar("number", (blocks.FloatBlock, blocks.DecimalBlock), {"type": "number"}),
        _scalar("date", (blocks.DateBlock,), {"type": "string", "format": "date"}),
        _scalar("datetime", (blocks.DateTimeBlock,), {"type": "string", "format": "date-time"}),
        BlockKind(
            "choice",
            (blocks.ChoiceBlock,),
            render=_scalar_render(missing=""),
            schema=_choice_schema,
        ),
        BlockKind(
            "text",
            (
                blocks.CharBlock,
                blocks.TextBlock,
                blocks.URLBlock,
                blocks.EmailBlock,
                blocks.RegexBlock,
                blocks.TimeBlock,
            ),
            render=_scalar_render(missing=""),
            schema=lambda block, builder: {"type": "string"},
        ),
    ]
)
