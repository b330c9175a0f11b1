# thidua — the README's commands. `make run` and `make test` work on a fresh machine with Python >= 3.12.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
VPY := $(VENV)/bin/python
PYENV_ROOT ?= $(HOME)/.pyenv
PY_CANDIDATES := python3.13 python3.12 python3 \
	$(sort $(wildcard $(PYENV_ROOT)/versions/3.1[2-9]*/bin/python3)) \
	$(sort $(wildcard /root/.pyenv/versions/3.1[2-9]*/bin/python3))
# The first interpreter that is Python >= 3.12 (Django 6.1 needs it).
PYTHON ?= $(shell for p in $(PY_CANDIDATES); do \
	if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; \
	then command -v $$p; break; fi; done)

HOST ?= 127.0.0.1
PORT ?= 8000
# Every link the portal writes (e-mails, QR codes on documents) uses SITE_URL: the address runserver listens on.
SITE_URL ?= http://$(HOST):$(PORT)
RUN_ENV := DEBUG=1 SITE_URL=$(SITE_URL)

.PHONY: help run test preflight install install-dev migrate messages demo lint e2e bench-pdf bench-data bench-import bench-open-year clean check-python

help:
	@echo "make run    set up .venv, migrate SQLite, load demo data, serve http://$(HOST):$(PORT)"
	@echo "make test   install the dev extra and run the whole test suite (SQLite unless DATABASE_URL is set)"
	@echo "make lint   ruff check and the import contracts (lint-imports)"
	@echo "make e2e    only the browser journeys (needs Debian's chromium)"

check-python:
	@if [ -z "$(PYTHON)" ]; then \
		echo "thidua needs Python 3.12 or newer (Django 6.1 requires it) and none was found."; \
		echo "Install one, e.g. 'apt-get install python3.12 python3.12-venv' or 'pyenv install 3.12',"; \
		echo "or point to it: make run PYTHON=/path/to/python3.12"; exit 1; fi

$(VENV)/.installed: pyproject.toml | check-python
	@test -x $(VPY) || $(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install --quiet --upgrade pip
	$(VPY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed pyproject.toml
	$(VPY) -m pip install --quiet -e '.[dev]'
	@touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

messages: $(VENV)/.installed
	$(RUN_ENV) $(VPY) manage.py compilemessages --ignore=.venv -v 0

migrate: $(VENV)/.installed
	$(RUN_ENV) $(VPY) manage.py migrate --noinput -v 0

demo: migrate
	$(RUN_ENV) $(VPY) manage.py seed_demo

# The worker `make run` starts beside runserver reads this folder (kombu's filesystem transport): a real queue
# without Redis, so no request renders a PDF and the pages show the true progress. Its beat sends the
# reminders and the digest, and re-queues what a stopped worker left behind.
QUEUE_DIR ?= $(CURDIR)/.queue
WORKER := $(VPY) -m celery -A thidua worker --beat --schedule=$(QUEUE_DIR)/beat-schedule \
	--pool=prefork --concurrency=1 --without-mingle --without-gossip --without-heartbeat --loglevel=WARNING

run: install messages demo
	@mkdir -p $(QUEUE_DIR)/messages $(QUEUE_DIR)/control
	@echo "Portal: $(SITE_URL)  (a Celery worker renders the PDFs and sends the e-mails; Ctrl+C stops both)"
	$(RUN_ENV) CELERY_QUEUE_DIR=$(QUEUE_DIR) $(WORKER) & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	$(RUN_ENV) CELERY_QUEUE_DIR=$(QUEUE_DIR) $(VPY) manage.py runserver $(HOST):$(PORT)

# The system packages the suite needs (Chromium, poppler-utils, redis-server, gettext, docker-compose,
# Pango/HarfBuzz): all the missing ones in one install line, before anything else runs.
preflight:
	@scripts/test-preflight

test: preflight install-dev messages
	$(VPY) -m pytest $(PYTEST_ARGS)

e2e: preflight install-dev messages
	$(VPY) -m pytest tests/e2e $(PYTEST_ARGS)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

bench-pdf: install-dev messages
	$(VPY) bench/pdf.py

bench-data: install-dev
	$(VPY) bench/generate.py

bench-import: install-dev
	$(VPY) bench/import_xlsx.py

bench-open-year: install-dev
	$(VPY) bench/open_year.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .test-media .queue
