"""What every text reads, built once per process and version of the content.

Deciding a reply reads the same editors' content for every text: crisis
patterns and examples, live topics with their SMS answers and question
types, the default topic, helplines (eight queries, and compiling the
patterns). It changes only when an editor saves. So each process keeps what
it built, with the content *version* current when it was built, and a text
costs one cache read (the version) instead of those queries.

Any change that can alter what a text is answered (see `sms/signals.py`)
replaces the version in the shared cache (Redis in production), so every
worker rebuilds at its next text. The version is replaced at once and again
after commit, as `api.caching` does, so a process that rebuilt between the
two, still seeing the old rows, rebuilds again. Built values stay in the
process (never pickled into the cache): the compiled patterns and example
index are costly to rebuild and to copy.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction

from cms.versioned_memo import VersionedMemo

VERSION_KEY = "sms:content-version"

T = TypeVar("T")
_built = VersionedMemo()
_pinned: ContextVar[str | None] = ContextVar("sms_content_version", default=None)


def current_version() -> str:
    pinned = _pinned.get()
    if pinned is not None:
        return pinned
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY) or "unset"
    return version


def bump_version() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def invalidate_now_and_on_commit() -> None:
    """An editor changed content a text reads: every process rebuilds."""
    bump_version()
    transaction.on_commit(bump_version)


@contextmanager
def one_version() -> Iterator[None]:
    """Inside, every value is built for the version read on entering: a text
    reads the version once, not once per value (three), and never decides
    with patterns of one version and answers of the next."""
    token = _pinned.set(current_version())
    try:
        yield
    finally:
        _pinned.reset(token)


def built(name: str, build: Callable[[], T]) -> T:
    """`build()`'s value for the current version, built at most once per
    process and version (`cms.versioned_memo`)."""
    return _built.get(name, current_version(), build)
