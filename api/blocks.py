"""StreamField -> JSON, from the stored (raw) data and the block definitions.

Walking the raw JSON instead of the StreamValue lets every reference in the
body (images, pages, helplines, documents, links inside rich text) be loaded
in one batch (`api.references.References`), where iterating a StreamValue
would load each chooser type on its own and render links one by one.

Output per stream child: ``{"type": name, "value": ..., "id": uuid}``:
structs are objects, lists arrays, rich text HTML with resolved links, images
``{id, url, width, height, alt}``, pages ``{id, title, slug, type, url,
api_url}``, helplines as in `helplines/`. The OpenAPI description of the same
shapes is generated from the same definitions in `api/block_schema.py`.
"""

from __future__ import annotations

from typing import Any

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

from api.references import References, document_url
from cms.models import Helpline

NON_STRING_BLOCKS = (
    blocks.BooleanBlock,
    blocks.IntegerBlock,
    blocks.FloatBlock,
    blocks.DecimalBlock,
    blocks.DateBlock,
    blocks.DateTimeBlock,
)


def list_items(block: blocks.ListBlock, raw: list) -> list:
    """ListBlock raw items, old (plain values) or new ({type, value, id}) format."""
    return [item["value"] if block._item_is_in_block_format(item) else item for item in raw or []]


def has_references(block: blocks.Block) -> bool:
    """Whether a block (or a descendant) points at something to resolve."""
    if isinstance(block, blocks.RichTextBlock | blocks.ChooserBlock | ImageBlock):
        return True
    if isinstance(block, blocks.StructBlock | blocks.StreamBlock):
        return any(has_references(child) for child in block.child_blocks.values())
    if isinstance(block, blocks.ListBlock):
        return has_references(block.child_block)
    return False


def uses_own_representation(block: blocks.Block) -> bool:
    """A struct whose class shapes its own API value (e.g. a heading adding
    its derived anchor) and holds nothing to resolve: use its shape."""
    return (
        isinstance(block, blocks.StructBlock)
        and type(block).get_api_representation is not blocks.StructBlock.get_api_representation
        and not has_references(block)
    )


def _struct_raw(block: blocks.StructBlock, raw: Any) -> dict:
    raw = raw if isinstance(raw, dict) else {}
    return {
        name: raw[name] if name in raw else child.get_prep_value(child.get_default())
        for name, child in block.child_blocks.items()
    }


def collect(block: blocks.Block, raw: Any, refs: References) -> None:
    """Pass 1: note every id the value refers to."""
    if raw is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for item in raw:
            child = block.child_blocks.get(item.get("type"))
            if child is not None:
                collect(child, item.get("value"), refs)
    elif isinstance(block, ImageBlock):
        refs.add("image", (raw or {}).get("image"))
    elif isinstance(block, blocks.StructBlock):
        for name, value in _struct_raw(block, raw).items():
            collect(block.child_blocks[name], value, refs)
    elif isinstance(block, blocks.ListBlock):
        for value in list_items(block, raw):
            collect(block.child_block, value, refs)
    elif isinstance(block, blocks.RichTextBlock):
        refs.collect_rich_text(raw)
    elif isinstance(block, ImageChooserBlock):
        refs.add("image", raw)
    elif isinstance(block, blocks.PageChooserBlock):
        refs.add("page", raw)
    elif isinstance(block, DocumentChooserBlock):
        refs.add("document", raw)
    elif isinstance(block, blocks.ChooserBlock) and block.model_class is Helpline:
        refs.add("helpline", raw)


def collect_article(article: Any, refs: References) -> None:
    """Pass 1 over an article: its body and its people's photos."""
    collect(type(article).body.field.stream_block, list(article.body.raw_data), refs)
    for person in (article.author, article.medical_reviewer):
        if person is not None and person.photo_id:
            refs.add("image", person.photo_id)


def render(block: blocks.Block, raw: Any, refs: References, *, helpline: Any) -> Any:
    """Pass 2: the JSON value. `helpline` renders a loaded Helpline."""
    if isinstance(block, blocks.StreamBlock):
        return [
            {
                "type": item["type"],
                "value": render(block.child_blocks[item["type"]], item.get("value"), refs, helpline=helpline),
                "id": str(item.get("id") or ""),
            }
            for item in raw or []
            if item.get("type") in block.child_blocks
        ]
    if isinstance(block, ImageBlock):
        raw = raw or {}
        alt = "" if raw.get("decorative") else raw.get("alt_text") or None
        return refs.image(raw.get("image"), alt=alt)
    if isinstance(block, blocks.StructBlock):
        values = _struct_raw(block, raw)
        if uses_own_representation(block):
            return block.get_api_representation(block.to_python(values))
        out = {
            name: render(block.child_blocks[name], value, refs, helpline=helpline)
            for name, value in values.items()
        }
        # An image block that carries its own alt text (our AccessibleImageBlock).
        for value in out.values():
            if isinstance(value, dict) and {"url", "alt"} <= value.keys() and out.get("alt_text"):
                value["alt"] = out["alt_text"]
        return out
    if isinstance(block, blocks.ListBlock):
        return [render(block.child_block, value, refs, helpline=helpline) for value in list_items(block, raw)]
    if isinstance(block, blocks.RichTextBlock):
        return refs.rich_text(raw or "")
    if isinstance(block, ImageChooserBlock):
        return refs.image(raw)
    if isinstance(block, blocks.PageChooserBlock):
        return refs.page(raw)
    if isinstance(block, DocumentChooserBlock):
        doc = refs.documents.get(raw) if isinstance(raw, int) else None
        return {"id": doc.pk, "title": doc.title, "url": document_url(doc)} if doc else None
    if isinstance(block, blocks.ChooserBlock):
        if block.model_class is Helpline:
            found = refs.helplines.get(raw) if isinstance(raw, int) else None
            return helpline(found) if found else None
        return {"id": raw} if raw is not None else None
    if isinstance(block, TableBlock):
        return render_table(raw)
    if raw is None:
        # Text-like blocks always give a string (the schema says so).
        return None if isinstance(block, NON_STRING_BLOCKS) else ""
    return block.get_api_representation(block.to_python(raw))


def render_table(raw: Any) -> dict[str, Any]:
    raw = raw if isinstance(raw, dict) else {}
    rows = [[None if cell is None else str(cell) for cell in row] for row in raw.get("data") or []]
    return {
        "caption": raw.get("table_caption") or "",
        "first_row_is_header": bool(raw.get("first_row_is_table_header")),
        "first_col_is_header": bool(raw.get("first_col_is_header")),
        "rows": rows,
    }
