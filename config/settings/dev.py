"""Local development: `make run`. Works with no environment set at all."""

import base64
import hashlib

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="") or "dev-only-insecure-secret-key-do-not-use-in-production"
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "0.0.0.0"])  # noqa: S104


def _derived_key(purpose: str) -> str:
    # Dev only: a stable key derived from SECRET_KEY so `make run` needs no set-up.
    digest = hashlib.sha256(f"{purpose}:{SECRET_KEY}".encode()).digest()
    return base64.urlsafe_b64encode(digest).decode()


FIELD_ENCRYPTION_KEY = env("FIELD_ENCRYPTION_KEY", default="") or _derived_key("field-encryption")
PHONE_HASH_KEY = env("PHONE_HASH_KEY", default="") or _derived_key("phone-hash")
