"""pytest: `--ds=config.settings.test` (set in pyproject.toml).

Uses DATABASE_URL when set (CI: PostgreSQL; pytest-django creates and drops its
own `test_` database) and SQLite otherwise. With REDIS_URL set the cache uses
its own Redis db index (TEST_REDIS_DB) and a per-run key prefix, so tests never
touch or flush keys they did not create.
"""

import os
import uuid

from kombu import Queue

from .dev import *  # noqa: F403
from .dev import env

DEBUG = False
SECRET_KEY = "test-secret-key"  # noqa: S105
FIELD_ENCRYPTION_KEY = "dGVzdC1maWVsZC1lbmNyeXB0aW9uLWtleS0zMmJ5dGU="
PHONE_HASH_KEY = "test-phone-hash-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PUBLIC_BASE_URL = "https://helpline.test"
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1", "helpline.test"]
# Unit tests never send. The integration tier's worker process is pointed at
# a local fake Twilio through TEST_SMS_BACKEND (a developer's own SMS_BACKEND
# must not leak into tests).
SMS_BACKEND = env("TEST_SMS_BACKEND", default="console")
TWILIO_AUTH_TOKEN = "test-auth-token"  # noqa: S105
TWILIO_ACCOUNT_SID = "AC00000000000000000000000000000000"
TWILIO_FROM_NUMBER = "+15005550006"

# Unit tests run tasks in-process; the integration tier starts a real worker
# against the same broker and test database (tests/integration/conftest.py).
# Inside that worker process (TEST_CELERY_WORKER=1) tasks queued by tasks go
# through the broker too, as in production.
CELERY_TASK_ALWAYS_EAGER = not env.bool("TEST_CELERY_WORKER", default=False)

TEST_RUN_ID = os.environ.setdefault("TEST_RUN_ID", uuid.uuid4().hex[:8])
TEST_REDIS_DB = env.int("TEST_REDIS_DB", default=15)
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    from urllib.parse import urlsplit, urlunsplit

    _parts = urlsplit(REDIS_URL)
    REDIS_URL = urlunsplit(_parts._replace(path=f"/{TEST_REDIS_DB}"))
    CELERY_BROKER_URL = REDIS_URL
    # This run's own queues, so it never takes another run's tasks.
    TASK_QUEUES = {role: f"test-{TEST_RUN_ID}-{role}" for role in TASK_QUEUES}  # noqa: F405
    CELERY_TASK_QUEUES = [Queue(name, routing_key=name) for name in TASK_QUEUES.values()]
    CELERY_TASK_DEFAULT_QUEUE = TASK_QUEUES["housekeeping"]
    CELERY_TASK_ROUTES = {
        task: {"queue": TASK_QUEUES[route["queue"]]}
        for task, route in CELERY_TASK_ROUTES.items()  # noqa: F405
    }
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"test-{TEST_RUN_ID}",
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }

INSTALLED_APPS = [*INSTALLED_APPS, "tests.probe"]  # noqa: F405
