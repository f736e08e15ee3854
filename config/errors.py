"""Turn configuration mistakes into one line that names the variable.

A newcomer who sets DATABASE_URL to a closed port should read
"DATABASE_URL: cannot connect to postgres://...@127.0.0.1:5433/app (...)",
not a 60-line traceback.
"""

from __future__ import annotations

import os
import re

_PASSWORD_IN_URL = re.compile(r"(://[^:/@]*:)[^@]*@")


def redact_url(url: str) -> str:
    return _PASSWORD_IN_URL.sub(r"\1***@", url)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def describe_configuration_error(exc: BaseException) -> str | None:
    """One line for a known configuration failure, else None."""
    from django.core.exceptions import ImproperlyConfigured
    from django.db.utils import OperationalError
    from kombu.exceptions import OperationalError as BrokerOperationalError
    from redis.exceptions import ConnectionError as RedisConnectionError

    if isinstance(exc, OperationalError):
        url = redact_url(os.environ.get("DATABASE_URL", "(unset: SQLite file)"))
        return f"DATABASE_URL: cannot connect to {url} ({_first_line(exc)})"
    if isinstance(exc, RedisConnectionError | BrokerOperationalError):
        url = redact_url(os.environ.get("REDIS_URL", ""))
        return f"REDIS_URL: cannot connect to {url} ({_first_line(exc)})"
    if isinstance(exc, ImproperlyConfigured):
        return f"configuration error: {_first_line(exc)}"
    return None
