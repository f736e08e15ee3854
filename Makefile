# Two commands for a newcomer: `make run` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py

.DEFAULT_GOAL := help
.PHONY: help run test lint format migrate worker requirements check-deploy bench clean

help:
	@echo "make run           install, migrate, load demo content, serve on http://127.0.0.1:8000"
	@echo "make test          install dev tools, ruff check + format check, migrations check, pytest"
	@echo "make format        ruff format + fix"
	@echo "make requirements  re-pin requirements*.txt from requirements*.in"
	@echo "make check-deploy  manage.py check --deploy with production settings"
	@echo "make bench         API (gunicorn, vs Wagtail's API) and SMS pipeline (gunicorn, Celery, fake Twilio;"
	@echo "                   both need PostgreSQL and Redis), SMS crisis screener"
	@echo "                   and understanding benchmarks: ratios to same-run baselines"

# Stamp files: reinstall only when the pinned requirements change.
$(PY):
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

run: $(VENV)/.installed
	$(MANAGE) migrate --noinput
	@if $(MANAGE) help load_demo_content >/dev/null 2>&1; then $(MANAGE) load_demo_content; fi
	$(MANAGE) ensure_dev_superuser
	@if [ -n "$$($(MANAGE) shell --no-imports --verbosity 0 -c 'from django.conf import settings; print(settings.REDIS_URL)')" ]; then \
		echo "REDIS_URL is set: starting web, Celery worker and beat (config/supervisord.conf; a process that dies is restarted). Ctrl-C stops all."; \
		$(VENV)/bin/supervisord -c config/supervisord.conf; \
	else \
		echo "REDIS_URL is not set: tasks run in-process. Ctrl-C stops the server."; \
		$(MANAGE) runserver 127.0.0.1:8000; \
	fi

test: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

migrate: $(VENV)/.installed
	$(MANAGE) migrate --noinput

worker: $(VENV)/.installed
	$(VENV)/bin/celery -A config worker --loglevel=INFO --without-gossip --without-mingle --without-heartbeat

requirements: $(VENV)/.installed-dev
	$(PY) -m pip install --quiet uv
	$(VENV)/bin/uv pip compile --python-version 3.11 --quiet requirements.in -o requirements.txt
	$(VENV)/bin/uv pip compile --python-version 3.11 --quiet requirements-dev.in -o requirements-dev.txt

check-deploy: $(VENV)/.installed
	DJANGO_SETTINGS_MODULE=config.settings.production \
	SECRET_KEY=$${SECRET_KEY:-check-deploy-only-$$(head -c 32 /dev/urandom | base64 | tr -dc a-zA-Z0-9)} \
	FIELD_ENCRYPTION_KEY=$${FIELD_ENCRYPTION_KEY:-$$($(PY) -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')} \
	PHONE_HASH_KEY=$${PHONE_HASH_KEY:-check-deploy-only} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-helpline.example.org} \
	$(MANAGE) check --deploy --fail-level WARNING

bench: $(VENV)/.installed
	$(PY) tests/benchmarks/bench_api.py
	$(PY) tests/benchmarks/bench_sms.py
	$(PY) tests/benchmarks/bench_screening.py
	$(PY) tests/benchmarks/bench_understanding.py

clean:
	rm -rf $(VENV) staticfiles .ruff_cache .pytest_cache
