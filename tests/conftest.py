"""Fixtures shared by every test tier.

Unit tests run anywhere (SQLite and local memory when DATABASE_URL and
REDIS_URL are unset). Tests that need a real service call `require_service`,
which skips with the reason, or fails when CI is set.
"""

from __future__ import annotations

import contextlib
import os

import pytest
from django.conf import settings
from django.core.cache import cache


def require_service(available: bool, reason: str) -> None:
    """Skip (locally) or fail (CI) when a service a test needs is missing."""
    if available:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this fails instead of skipping)")
    pytest.skip(reason)


def redis_available() -> bool:
    if not settings.REDIS_URL:
        return False
    import redis

    try:
        return bool(redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.fixture(autouse=True)
def _isolated_cache():
    """Each test starts with an empty cache. On Redis only this run's keys
    (its own db index and key prefix) are deleted, never the whole db."""
    _clear_own_cache_keys()
    yield
    _clear_own_cache_keys()


def _clear_own_cache_keys() -> None:
    if hasattr(cache, "delete_pattern"):
        # Redis down: the tests that need it say so themselves.
        with contextlib.suppress(Exception):
            cache.delete_pattern("*")
    else:
        cache.clear()
