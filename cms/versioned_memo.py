"""Values kept in a process for one version of the content they are built from.

What the API and the SMS worker read for every request or text (which pages
are private; crisis patterns, answers, helplines) changes only when an editor
saves. Each keeps a shared version token in the cache that every such change
replaces (`api.caching`'s generation, `sms.content_cache`'s version), and
builds the value at most once per process and token. Built values stay in
the process, never pickled into the cache: compiled patterns and model
instances are costly to copy.

The caller reads the token before building: a change committed meanwhile
leaves the value under an older token, so the next read builds again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class VersionedMemo:
    """name -> (version, value), one value per name."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[str, object]] = {}

    def get(self, name: str, version: str, build: Callable[[], T]) -> T:
        """`build()`'s value for `version`, built only when the value kept
        under `name` is of another version (or none)."""
        kept = self._kept.get(name)
        if kept is not None and kept[0] == version:
            return kept[1]  # type: ignore[return-value]
        value = build()
        self._kept[name] = (version, value)
        return value
