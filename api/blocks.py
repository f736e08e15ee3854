"""StreamField -> JSON, from the stored (raw) data and the block definitions.

Walking the raw JSON instead of the StreamValue lets every reference in the
body (images, pages, helplines, documents, links inside rich text) be loaded
in one batch (`api.references.References`), where iterating a StreamValue
would load each chooser type on its own and render links one by one.

Output per stream child: ``{"type": name, "value": ..., "id": uuid}``:
structs are objects, lists arrays, rich text HTML with resolved links, images
``{id, url, width, height, alt}``, pages ``{id, title, slug, type, url,
api_url}``, helplines as in `helplines/`. What each kind of block collects
and renders, and how the schema describes it (`api.block_schema`), is one
entry per kind in `api.block_kinds.BLOCK_KINDS`; this module walks a value
through that table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wagtail import blocks

from api.block_kinds import BLOCK_KINDS
from api.references import References
from cms.models import Helpline


@dataclass(frozen=True)
class Collector:
    """Pass 1: notes in `refs` every id a value refers to."""

    refs: References

    def collect(self, block: blocks.Block, raw: Any) -> None:
        if raw is not None:
            BLOCK_KINDS.of(block).collect(block, raw, self)


@dataclass(frozen=True)
class Renderer:
    """Pass 2: the JSON value, from what `refs` loaded."""

    refs: References
    helpline: Callable[[Helpline], Any]

    def render(self, block: blocks.Block, raw: Any) -> Any:
        return BLOCK_KINDS.of(block).render(block, raw, self)


def collect(block: blocks.Block, raw: Any, refs: References) -> None:
    """Pass 1: note every id the value refers to."""
    Collector(refs).collect(block, raw)


def collect_article(article: Any, refs: References) -> None:
    """Pass 1 over an article: its body and its people's photos."""
    collect(type(article).body.field.stream_block, list(article.body.raw_data), refs)
    for person in (article.author, article.medical_reviewer):
        if person is not None and person.photo_id:
            refs.add("image", person.photo_id)


def render(block: blocks.Block, raw: Any, refs: References, *, helpline: Callable[[Helpline], Any]) -> Any:
    """Pass 2: the JSON value. `helpline` renders a loaded Helpline."""
    return Renderer(refs, helpline).render(block, raw)
