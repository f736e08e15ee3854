"""`make bench` (tests/benchmarks/bench_api.py): production-like (DEBUG off),
with a benchmark-only URLconf that adds Wagtail's own API v2 and a bare
`JsonResponse` view to measure ours against. Never deployed.

Secrets are the dev settings' derived ones; the database and Redis come from
the environment the benchmark sets (its own database and Redis db index).
"""

from .dev import *  # noqa: F403
from .dev import INSTALLED_APPS, LOGGING

DEBUG = False
ROOT_URLCONF = "config.bench_urls"
INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.api.v2"]
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# Log lines cost time per request; the benchmark reads none.
LOGGING = {**LOGGING, "root": {**LOGGING["root"], "level": "WARNING"}}
