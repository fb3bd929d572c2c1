# Pendel. `make run` starts a local server with demo data; `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/pendel
# The address links in mails point to: the one `make run` serves (`make run PORT=8001`).
SITE_URL ?= http://$(HOST):$(PORT)
# Local use is development mode. Without DEBUG, Pendel runs as production and needs SECRET_KEY.
DEV := DEBUG=1 SITE_URL=$(SITE_URL)

.PHONY: pango chromium run test test-sqlite test-postgres install install-test assets messages migrate demo lint bench clean check-specs

$(VENV)/bin/activate:
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade "pip==26.3"

$(VENV)/.installed: $(VENV)/bin/activate requirements.txt
	$(PIP) install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.txt
	$(PIP) install --quiet -r requirements-test.txt
	@touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# Front-end packages come from npm (pinned in package-lock.json) and are copied into static/vendor.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

assets: node_modules/.package-lock.json
	@rm -rf static/vendor/pico
	@mkdir -p static/vendor/htmx static/vendor/designsystemet static/vendor/axe
	@cp node_modules/htmx.org/dist/htmx.min.js static/vendor/htmx/
	@cp node_modules/@digdir/designsystemet-css/dist/src/index.css static/vendor/designsystemet/designsystemet.css
	@cp node_modules/@digdir/designsystemet-theme/brand/digdir.css static/vendor/designsystemet/theme.css
	@cp node_modules/axe-core/axe.min.js static/vendor/axe/

messages: $(VENV)/.installed
	@$(DEV) $(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0

migrate: install assets messages
	@mkdir -p var
	$(DEV) $(PY) manage.py migrate --no-input -v 0

# The demo is loaded the first time only; `make demo` loads it again (it is idempotent).
var/.demo-loaded:
	@echo "Loading the demo data (the first time only)…"
	@$(DEV) $(PY) manage.py seed_demo > /dev/null
	@touch $@

demo:
	$(DEV) $(PY) manage.py seed_demo

run: pango migrate var/.demo-loaded
	@echo
	@echo "Pendel runs at http://$(HOST):$(PORT)/   (mail it sends: http://$(HOST):$(PORT)/dev/outbox/)"
	@$(DEV) $(PY) manage.py seed_demo --logins-only
	@echo
	@trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(DEV) $(PY) manage.py pendel_worker --worker-id local-1 --interval 1 & worker=$$!; \
	  $(DEV) $(PY) manage.py runserver $(HOST):$(PORT)

# pango for WeasyPrint (the survey-results PDF); chromium for the browser tests.
pango:
	@ldconfig -p | grep -q libpangoft2-1.0 || { apt-get update -qq && apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; }

chromium: pango
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

# The official e-invoice rules the product runs (specs/*/): unchanged, as their SHA256SUMS say.
SHA256SUM := $(shell command -v sha256sum >/dev/null && echo sha256sum || echo "shasum -a 256")

check-specs:
	@for folder in specs/*/; do \
	  (cd "$$folder" && $(SHA256SUM) --check --quiet SHA256SUMS) \
	    || { echo "The files in $$folder differ from their SHA256SUMS"; exit 1; }; \
	done

test: install-test assets messages chromium check-specs test-sqlite

test-sqlite:
	$(VENV)/bin/pytest

test-postgres: install-test assets messages chromium check-specs
	@$(PY) -c "import psycopg,sys; psycopg.connect('$(PG_TEST_URL)'.rsplit('/',1)[0] + '/postgres', connect_timeout=5).close()" \
	  || { echo "PostgreSQL is not reachable at $(PG_TEST_URL)"; exit 1; }
	DATABASE_URL=$(PG_TEST_URL) $(VENV)/bin/pytest

lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: install-test
	@for script in bench/*.py; do echo "== $$script"; $(DEV) $(PY) $$script; done

clean:
	rm -rf $(VENV) node_modules static/vendor var
