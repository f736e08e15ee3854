"""Settings shared by every environment.

Everything that differs between machines comes from the environment (or a
`.env` file beside `manage.py`); nothing secret lives here. Every variable is
listed with its default in `.env.example` and the README.
"""

import datetime as dt
from pathlib import Path

import environ
from celery.schedules import crontab
from kombu import Queue

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# --- Core -------------------------------------------------------------------

SECRET_KEY = env("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
# The public origin Twilio and browsers reach us on (scheme + host, no path).
# Behind a TLS-terminating proxy this is what makes webhook signatures verify.
PUBLIC_BASE_URL = env("PUBLIC_BASE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "cms",
    "api",
    "sms",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------

# Unset: an SQLite file, so `make run` needs nothing installed.
DATABASE_URL = env("DATABASE_URL", default="") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
DATABASES = {"default": env.db_url_config(DATABASE_URL)}
# Persistent connections: opening one costs about a fifth of a webhook's time,
# so each process keeps its connection for CONN_MAX_AGE seconds (0: a new one
# per request and per task). CONN_HEALTH_CHECKS tests a kept connection before
# its first query in each request or task, so one the database dropped (a
# restart, pg_terminate_backend) is replaced instead of failing that request.
# The Celery worker keeps connections the same way (config/celery.py).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool("CONN_HEALTH_CHECKS", default=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: cache, Celery broker --------------------------------------------

REDIS_URL = env("REDIS_URL", default="")

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="helpline"),
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Celery. Without Redis, tasks run in-process (eagerly) so nothing needs a
# worker; with Redis, it is the broker. The settings below keep a task from
# being lost if a worker dies mid-task: it is acknowledged only once it has
# finished and re-queued if the worker process is killed.
CELERY_BROKER_URL = REDIS_URL or "memory://localhost/"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 60
CELERY_TASK_TIME_LIMIT = 90
# Celery's Django fixup closes every database connection before and after
# each task unless told that this many tasks may share one (Celery stopped
# honouring CONN_MAX_AGE there: celery/celery#9824). With persistent connections,
# config/celery.py applies CONN_MAX_AGE and the health check around each task
# instead, as Django does around each request.
CELERY_DB_REUSE_MAX = 1_000_000 if DATABASES["default"]["CONN_MAX_AGE"] else None
# A retry waits in the worker, unacknowledged, for its countdown; the broker
# re-delivers an unacknowledged task only after this, so it must be longer
# than SMS_SEND_RETRY_BACKOFF_MAX. Lost tasks are found by sms.recovery.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 2 * 60 * 60, "queue_order_strategy": "priority"}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Queues by role, most urgent first: crisis replies and on-call alerts; every
# other reply; deciding the reply to a new text; housekeeping (sweeps,
# retention, reminders, webhook deliveries: everything not routed). Under a
# burst of texts, replies never wait behind it and a crisis reply waits for
# nothing. A worker lists them in this order (`-Q crisis,replies,inbound,
# housekeeping`, which a worker without `-Q` consumes: CELERY_TASK_QUEUES)
# and, with queue_order_strategy "priority", asks Redis for them in that
# order (BRPOP returns from the first non-empty one) instead of Celery's
# default round robin. A task already running is not interrupted, so a
# worker of its own consumes `crisis` alone (README "Workers and queues").
# sms.queues picks a reply's queue when it is sent.
TASK_QUEUES = {role: role for role in ("crisis", "replies", "inbound", "housekeeping")}
CELERY_TASK_QUEUES = [Queue(name, routing_key=name) for name in TASK_QUEUES.values()]
CELERY_TASK_DEFAULT_QUEUE = TASK_QUEUES["housekeeping"]
CELERY_TASK_ROUTES = {
    "sms.tasks.alert_on_call": {"queue": TASK_QUEUES["crisis"]},
    "sms.tasks.alert_reply_failed": {"queue": TASK_QUEUES["crisis"]},
    "sms.tasks.send_outbound": {"queue": TASK_QUEUES["replies"]},
    "sms.tasks.process_inbound": {"queue": TASK_QUEUES["inbound"]},
}
# How often beat sweeps for lost SMS work, and how overdue work must be
# before the sweep queues it again (sms.recovery).
SMS_SWEEP_INTERVAL_SECONDS = env.int("SMS_SWEEP_INTERVAL_SECONDS", default=5)
SMS_STALLED_AFTER_SECONDS = env.int("SMS_STALLED_AFTER_SECONDS", default=10)
# /healthz/ says "degraded" (still 200) beyond these (config.health).
HEALTH_MAX_QUEUE_DEPTH = env.int("HEALTH_MAX_QUEUE_DEPTH", default=500)
HEALTH_MAX_OLDEST_TEXT_SECONDS = env.int("HEALTH_MAX_OLDEST_TEXT_SECONDS", default=60)
HEALTH_MAX_OLDEST_REPLY_SECONDS = env.int("HEALTH_MAX_OLDEST_REPLY_SECONDS", default=120)
HEALTH_MAX_BEAT_SILENCE_SECONDS = env.int("HEALTH_MAX_BEAT_SILENCE_SECONDS", default=60)
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE: dict = {
    # Clinical governance: remind reviewers and editors about overdue articles.
    "cms-review-reminders": {
        "task": "cms.tasks.send_review_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    # Never lose a text: queue again, within seconds, any SMS work whose task
    # was lost (sms.recovery). A sweep that waited in a backlog past the next
    # one is dropped: the next one does the same work.
    "sms-requeue-stalled": {
        "task": "sms.tasks.requeue_stalled_messages",
        "schedule": dt.timedelta(seconds=SMS_SWEEP_INTERVAL_SECONDS),
        "options": {"expires": SMS_SWEEP_INTERVAL_SECONDS},
    },
    # Wagtail's scheduled publishing ("go live at" / "expire at").
    "cms-publish-scheduled": {
        "task": "cms.tasks.publish_scheduled",
        "schedule": crontab(minute="*/5"),
    },
}

# --- Internationalisation ---------------------------------------------------

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static and media -------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = env("MEDIA_ROOT", default=str(BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Wagtail ----------------------------------------------------------------

WAGTAIL_SITE_NAME = "Addiction information helpline"
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# The admin asks no other host for anything: no Gravatar avatars (which would
# send a hash of each staff email to a third party on every page) and no
# check for new Wagtail releases. tests/browser/test_offline_pages.py.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# --- API --------------------------------------------------------------------

CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_URLS_REGEX = r"^/api/.*$"
# Readable by frontend JavaScript on cross-origin responses.
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After"]

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
    # 0: throttle on REMOTE_ADDR, so a client cannot dodge the limit with a
    # forged X-Forwarded-For; behind N trusted proxies set API_NUM_PROXIES=N.
    "NUM_PROXIES": env.int("API_NUM_PROXIES", default=0),
}

# Seconds a serialized API response stays cached (0 disables the cache; edits
# invalidate it at once either way, see api/caching.py).
API_CACHE_TIMEOUT = env.int("API_CACHE_TIMEOUT", default=3600)
API_PAGE_SIZE = env.int("API_PAGE_SIZE", default=20)
API_MAX_PAGE_SIZE = env.int("API_MAX_PAGE_SIZE", default=100)
# Helplines shown with an article when neither ?country= nor Accept-Language says.
API_DEFAULT_COUNTRY = env("API_DEFAULT_COUNTRY", default="GB").upper()
API_CALLBACK_THROTTLE_RATE = env("API_CALLBACK_THROTTLE_RATE", default="5/hour")
# "Was this page helpful?" answers per client address (api/feedback.py).
API_FEEDBACK_THROTTLE_RATE = env("API_FEEDBACK_THROTTLE_RATE", default="30/hour")
API_PREVIEW_TOKEN_MAX_AGE = env.int("API_PREVIEW_TOKEN_MAX_AGE", default=3600)
# /api/v1/sync/ reads again the audit log entries this many seconds older
# than a cursor: a change committed late (a long publishing transaction, an
# app server's clock behind) is sent, never missed (api/sync.py).
API_SYNC_OVERLAP_SECONDS = env.int("API_SYNC_OVERLAP_SECONDS", default=120)
API_IMAGE_RENDITION = env("API_IMAGE_RENDITION", default="max-1200x1200")
# Pages' share images (Open Graph, X cards): cropped to the size those expect.
API_SHARE_IMAGE_RENDITION = env("API_SHARE_IMAGE_RENDITION", default="fill-1200x630")
# Where the frontend website serves pages (`url`, `canonical_url` and links in
# rich text in the API) and its preview route, which receives ?token=...
# (empty: no "preview on frontend"). API URLs (`api_url`, images, documents)
# use the host of the request they answer; PUBLIC_BASE_URL only outside one.
FRONTEND_BASE_URL = env("FRONTEND_BASE_URL", default=PUBLIC_BASE_URL).rstrip("/")
FRONTEND_PREVIEW_URL = env("FRONTEND_PREVIEW_URL", default="")

# Publish webhooks (api/webhooks): endpoints and the delivery log are in the
# Wagtail admin. An attempt waits at most the connect and read time-outs;
# a failed one is retried with exponential backoff (from _BACKOFF_SECONDS,
# capped at _BACKOFF_MAX_SECONDS, which must stay under the broker's
# visibility timeout) for up to WEBHOOK_MAX_ATTEMPTS attempts. Beat queues
# again, every WEBHOOK_SWEEP_INTERVAL_SECONDS, deliveries still pending
# WEBHOOK_STALLED_AFTER_SECONDS after they were due (their task was lost).
WEBHOOK_CONNECT_TIMEOUT_SECONDS = env.float("WEBHOOK_CONNECT_TIMEOUT_SECONDS", default=3)
WEBHOOK_READ_TIMEOUT_SECONDS = env.float("WEBHOOK_READ_TIMEOUT_SECONDS", default=5)
WEBHOOK_MAX_ATTEMPTS = env.int("WEBHOOK_MAX_ATTEMPTS", default=10)
WEBHOOK_RETRY_BACKOFF_SECONDS = env.int("WEBHOOK_RETRY_BACKOFF_SECONDS", default=5)
WEBHOOK_RETRY_BACKOFF_MAX_SECONDS = env.int("WEBHOOK_RETRY_BACKOFF_MAX_SECONDS", default=30 * 60)
WEBHOOK_SWEEP_INTERVAL_SECONDS = env.int("WEBHOOK_SWEEP_INTERVAL_SECONDS", default=60)
WEBHOOK_STALLED_AFTER_SECONDS = env.int("WEBHOOK_STALLED_AFTER_SECONDS", default=60)
CELERY_BEAT_SCHEDULE["api-requeue-stalled-webhooks"] = {
    "task": "api.tasks.requeue_stalled_webhook_deliveries",
    "schedule": dt.timedelta(seconds=WEBHOOK_SWEEP_INTERVAL_SECONDS),
    "options": {"expires": WEBHOOK_SWEEP_INTERVAL_SECONDS},
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Addiction information API",
    "DESCRIPTION": "Published, clinically reviewed content for frontend apps.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["api.schema.public_api_only"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.add_problem_responses",
    ],
    "COMPONENT_SPLIT_REQUEST": True,
    # Several shapes have a `type` with different choices: name them.
    "ENUM_NAME_OVERRIDES": {
        "TypeEnum": "api.frontend_serializers.SYNC_TYPE_CHOICES",
        "PageTypeEnum": "api.frontend_serializers.PAGE_TYPE_CHOICES",
    },
    # The docs load nothing from other hosts: Swagger UI and Redoc from the
    # sidecar package, Redoc through api.docs_views (which strips its remote
    # logo) with system fonts, not Google Fonts (templates/drf_spectacular/).
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "REDOC_UI_SETTINGS": {
        "theme": {
            "typography": {
                "fontFamily": "system-ui, sans-serif",
                "headings": {"fontFamily": "system-ui, sans-serif"},
            }
        }
    },
}

# --- Email ------------------------------------------------------------------

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="helpline@localhost")

# --- Logging ----------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Wagtail 8 runs its index updates through django-tasks, which logs
        # every task at INFO: a line per page save drowns everything else.
        "django_tasks": {"level": "WARNING"},
        # Django's own handlers write without the phone-number masking filter
        # (its DEBUG console handler, runserver's request lines), and
        # mail_admins would email error reports holding a request's POST data,
        # a text's Body and From. Everything goes through the root handler.
        "django": {"handlers": [], "level": "INFO"},
        "django.server": {"handlers": [], "level": "INFO", "propagate": True},
        # The Twilio SDK logs each API request at INFO: headers, and a GET's
        # query, which names a number when messages are listed by "To".
        "twilio.http_client": {"level": "WARNING"},
    },
}

# --- Personal data ----------------------------------------------------------

# Phone numbers, what people text, replies and callback requests are
# health-related personal data: stored Fernet-encrypted (FIELD_ENCRYPTION_KEY:
# one urlsafe base64 32-byte key, or several separated by commas while keys
# change, newest first: the first encrypts, all decrypt; then run
# `manage.py rotate_encryption_keys`) and numbers are looked up by a keyed
# HMAC (PHONE_HASH_KEY). Dev settings derive both from SECRET_KEY; production
# refuses to start without them. See cms/phone_numbers.py and docs/privacy.md.
FIELD_ENCRYPTION_KEY = env("FIELD_ENCRYPTION_KEY", default="")
PHONE_HASH_KEY = env("PHONE_HASH_KEY", default="")
# Region used to read numbers written without a country code.
DEFAULT_PHONE_REGION = env("DEFAULT_PHONE_REGION", default="GB")

LOGGING["filters"] = {"mask_phone_numbers": {"()": "cms.phone_numbers.PhoneNumberMaskingFilter"}}
LOGGING["handlers"]["console"]["filters"] = ["mask_phone_numbers"]

# --- SMS helpline -----------------------------------------------------------

SMS_BACKEND = env("SMS_BACKEND", default="console")  # "console" or "twilio"
SMS_PROGRAMME_NAME = env("SMS_PROGRAMME_NAME", default="Drug Info Helpline")
SMS_DEFAULT_COUNTRY = env("SMS_DEFAULT_COUNTRY", default="GB")
SMS_MAX_SEGMENTS = env.int("SMS_MAX_SEGMENTS", default=3)
SMS_PROVIDER_HANDLES_OPT_OUT = env.bool("SMS_PROVIDER_HANDLES_OPT_OUT", default=False)
SMS_RATE_LIMIT_COUNT = env.int("SMS_RATE_LIMIT_COUNT", default=10)
SMS_RATE_LIMIT_WINDOW_SECONDS = env.int("SMS_RATE_LIMIT_WINDOW_SECONDS", default=600)
# A reply is retried (429, 5xx, connection errors) every few seconds, capped
# at SMS_SEND_RETRY_BACKOFF_MAX (5 s for crisis replies), so it goes soon
# after Twilio is back, for up to SMS_SEND_RETRY_WINDOW_SECONDS: a Twilio
# outage of several minutes is ridden out (sms.sending.retry_delay).
SMS_SEND_MAX_RETRIES = env.int("SMS_SEND_MAX_RETRIES", default=200)
SMS_SEND_RETRY_BACKOFF_MAX = env.int("SMS_SEND_RETRY_BACKOFF_MAX", default=30)
SMS_SEND_RETRY_WINDOW_SECONDS = env.int("SMS_SEND_RETRY_WINDOW_SECONDS", default=15 * 60)
SMS_ONCALL_EMAILS = env.list("SMS_ONCALL_EMAILS", default=[])
# After a crisis text, the person's texts within this many hours of their
# last one join the same follow-up item (and get a short reply, never the
# menu) until staff mark it handled.
SMS_FOLLOW_UP_WINDOW_HOURS = env.int("SMS_FOLLOW_UP_WINDOW_HOURS", default=24)
# A question that names no drug is about the one the person last asked about
# within this window; a reply of 1-9 picks from a menu sent within the other.
SMS_CONVERSATION_WINDOW_HOURS = env.int("SMS_CONVERSATION_WINDOW_HOURS", default=24)
SMS_MENU_WINDOW_MINUTES = env.int("SMS_MENU_WINDOW_MINUTES", default=60)
# The only switch for webhook signature checks; production refuses it off.
TWILIO_VALIDATE_SIGNATURE = env.bool("TWILIO_VALIDATE_SIGNATURE", default=True)
# Connection overrides appended to the webhook URL in Twilio's console (the
# part after "#", e.g. "rc=3&rp=all" so Twilio retries on a 5xx or time-out).
TWILIO_WEBHOOK_URL_FRAGMENT = env("TWILIO_WEBHOOK_URL_FRAGMENT", default="")
TWILIO_ACCOUNT_SID = env("TWILIO_ACCOUNT_SID", default="")
TWILIO_AUTH_TOKEN = env("TWILIO_AUTH_TOKEN", default="")
TWILIO_MESSAGING_SERVICE_SID = env("TWILIO_MESSAGING_SERVICE_SID", default="")
TWILIO_FROM_NUMBER = env("TWILIO_FROM_NUMBER", default="")
# The WhatsApp sender replies go out from (E.164, "whatsapp:" optional): a
# person who wrote on WhatsApp is answered there (sms.channels).
TWILIO_WHATSAPP_FROM = env("TWILIO_WHATSAPP_FROM", default="")
# Overrides Twilio's API host (tests point the real SDK at a local fake).
TWILIO_API_BASE_URL = env("TWILIO_API_BASE_URL", default="")

# --- Retention (sms/retention.py, docs/privacy.md) ----------------------------

# Texts and their replies are deleted SMS_RETENTION_DAYS after they came in;
# a crisis conversation's SMS_CRISIS_RETENTION_DAYS (never less), for
# safeguarding review. Callback requests go after CALLBACK_RETENTION_DAYS:
# a name and number given for one call are not needed once it is made, and
# a month covers the call, a second try and a question about it. The daily
# figures stay, as anonymous counts (sms.DailyFigure).
SMS_RETENTION_DAYS = env.int("SMS_RETENTION_DAYS", default=90)
SMS_CRISIS_RETENTION_DAYS = env.int("SMS_CRISIS_RETENTION_DAYS", default=365)
CALLBACK_RETENTION_DAYS = env.int("CALLBACK_RETENTION_DAYS", default=30)
CELERY_BEAT_SCHEDULE["sms-retention"] = {
    "task": "sms.tasks.apply_retention",
    "schedule": crontab(hour=3, minute=30),
}
