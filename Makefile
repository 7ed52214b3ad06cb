# Two commands on a fresh machine: `make run` and `make test`. Everything else follows from them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
WAREHOUSE ?= data/pulih.duckdb
PORT ?= 8501

# The warehouse is rebuilt when any input, the manifest or the ETL code is newer than it.
INPUTS := $(shell find data/raw data/aliases data/golden -type f 2>/dev/null) data/sources.toml $(shell find etl -name '*.py' -o -name '*.sql')

.PHONY: run serve-lan serve-replicas nginx test chromium build warehouse demo lint format bench \
	bench-viewers clean i18n lock hooks

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The lockfile: exact versions with their hashes (pip refuses a file whose hash differs), compiled
# from the ranges in pyproject.toml by `make lock`. requirements.txt is the app alone (to deploy);
# requirements-dev.txt is the app plus tests and checks, with the same versions.
$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements-dev.txt
	touch $@

$(WAREHOUSE): $(VENV)/.installed $(INPUTS)
	PULIH_WAREHOUSE=$(WAREHOUSE) $(BIN)/python -m etl build

# A warehouse newer than its inputs may still be unusable (empty, truncated, not DuckDB, a table or
# its build record missing, an interrupted `etl add` pending): `etl verify` says why and fails, and
# it is rebuilt.
warehouse: $(WAREHOUSE)
	@PULIH_WAREHOUSE=$(WAREHOUSE) $(BIN)/python -m etl verify >/dev/null \
		|| PULIH_WAREHOUSE=$(WAREHOUSE) $(BIN)/python -m etl build

build: $(VENV)/.installed
	PULIH_WAREHOUSE=$(WAREHOUSE) $(BIN)/python -m etl build

run: warehouse
	PULIH_WAREHOUSE=$(WAREHOUSE) $(BIN)/streamlit run dashboard.py \
		--server.port $(PORT) --server.address localhost --server.headless true \
		--browser.gatherUsageStats false

# Serving the office network (README, "Serving the office network"): every address of this machine
# (ADDRESS), PORT, XSRF protection on, no error details in the browser, and TLS when SSL_CERT and
# SSL_KEY name a certificate and its key (else put a TLS proxy such as docs/nginx.example.conf in
# front). Sign-in comes from .streamlit/secrets.toml ([auth]); without it, anyone who reaches the
# port is the trusted local user: the target refuses to start unless ALLOW_NO_SIGN_IN=1.
ADDRESS ?= 0.0.0.0
serve-lan: warehouse
	@grep -qs '^\[auth\]' .streamlit/secrets.toml || [ "$(ALLOW_NO_SIGN_IN)" = 1 ] || { \
		echo "no [auth] in .streamlit/secrets.toml: on the network everyone would be pengelola."; \
		echo "Configure sign-in (.streamlit/secrets.example.toml), or ALLOW_NO_SIGN_IN=1."; \
		exit 1; }
	PULIH_WAREHOUSE=$(WAREHOUSE) $(BIN)/streamlit run dashboard.py \
		--server.port $(PORT) --server.address $(ADDRESS) --server.headless true \
		--server.enableXsrfProtection true --client.showErrorDetails none \
		--browser.gatherUsageStats false \
		$(if $(SSL_CERT),--server.sslCertFile $(SSL_CERT) --server.sslKeyFile $(SSL_KEY))

# Several dashboard processes behind nginx on this machine (README, "Many viewers"): REPLICAS
# Streamlit replicas on local ports, each reading the same warehouse file read-only, and nginx on
# ADDRESS:PORT with sticky sessions and the websocket upgrade (deploy/nginx-replicas.conf). The
# same sign-in rule and server settings as serve-lan; TLS belongs to a proxy in front.
REPLICAS ?= 2
REPLICAS_PORT ?= 8080
serve-replicas: warehouse nginx
	@grep -qs '^\[auth\]' .streamlit/secrets.toml || [ "$(ALLOW_NO_SIGN_IN)" = 1 ] || { \
		echo "no [auth] in .streamlit/secrets.toml: on the network everyone would be pengelola."; \
		echo "Configure sign-in (.streamlit/secrets.example.toml), or ALLOW_NO_SIGN_IN=1."; \
		exit 1; }
	PULIH_WAREHOUSE=$(WAREHOUSE) $(BIN)/python -m deploy.replicas --replicas $(REPLICAS) \
		--port $(REPLICAS_PORT) --address $(ADDRESS) -- \
		--server.enableXsrfProtection true --client.showErrorDetails none

# nginx (Debian's package) for serve-replicas, bench-viewers and tests/browser/test_replicas.py:
# installed with apt-get when it is missing and this runs as root, as chromium is below.
nginx:
	@{ command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; } \
		|| { [ "$$(id -u)" = 0 ] && apt-get update -qq \
			&& DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; } \
		|| echo "nginx is missing and cannot be installed here (not root): install the Debian" \
			"package nginx; serve-replicas and bench-viewers need it"

# The browser suite (tests/browser) drives Debian's Chromium through Playwright, never a browser
# Playwright downloads, and looks at the briefing PDF with poppler's pdftoppm: each is installed
# with apt-get when it is missing and this runs as root; otherwise the suite fails and says how.
chromium:
	@{ command -v chromium >/dev/null 2>&1 || [ -n "$$PULIH_CHROMIUM" ]; } \
		&& command -v pdftoppm >/dev/null 2>&1 \
		|| { [ "$$(id -u)" = 0 ] && apt-get update -qq \
			&& DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils \
			>/dev/null; } \
		|| echo "chromium or pdftoppm is missing and cannot be installed here (not root):" \
			"install the Debian packages chromium and poppler-utils; tests/browser will fail"

test: warehouse chromium nginx
	$(BIN)/python -m pytest

demo: $(VENV)/.installed
	$(BIN)/python -m etl demo

# Loads a generated 5-million-row register and prints time, rows/s and peak memory (target 1.5 GB);
# times every page cold and warm at Banten scale (bench/page_times.py); then builds the
# national-scale demo and times every page on it (bench/national.py); then how many people at once
# (bench-viewers).
bench: $(VENV)/.installed bench-viewers
	$(BIN)/python bench/register_load.py
	$(BIN)/python bench/page_times.py
	$(BIN)/python bench/national.py

# How many people at once: 1 and 20 sessions of Wilayah (websocket clients), p50/p95 page time,
# and the throughput of 1 and 2 replicas behind nginx (bench/viewers.py), about a minute.
bench-viewers: warehouse nginx
	PULIH_WAREHOUSE=$(WAREHOUSE) $(BIN)/python bench/viewers.py

# Style, format and types (mypy's settings are in pyproject.toml); CI runs it before the tests.
lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Recompiles the lockfiles after a change of the ranges in pyproject.toml (versions already locked
# are kept unless a range excludes them; `make lock UPGRADE=1` takes the newest in range).
LOCK := $(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe \
	--no-emit-index-url --no-emit-find-links $(if $(UPGRADE),--upgrade)
lock: $(VENV)/.installed
	$(LOCK) -o requirements.txt pyproject.toml
	$(LOCK) --extra dev -c requirements.txt -o requirements-dev.txt pyproject.toml

# ruff, ruff format and mypy before each commit (.pre-commit-config.yaml)
hooks: $(VENV)/.installed
	$(BIN)/pre-commit install

format: $(VENV)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Translations (gettext, managed with Babel): the message keys the code uses are extracted into
# ui/locale/messages.pot and merged into each language's catalog; a new key arrives with an empty
# text for a translator to fill in (tests/ui/test_catalogs.py fails until both languages have it).
# The catalogs are compiled in memory when the app starts (ui/i18n.py), so no .mo is kept.
i18n: $(VENV)/.installed
	$(BIN)/pybabel -q extract -F babel.cfg --no-default-keywords -k t -k tn:1,2 -k N_ -k Card:1 \
		--no-location --sort-output --project Pulih --version 1 --copyright-holder Pulih \
		--msgid-bugs-address "the Pulih issue tracker" -o ui/locale/messages.pot .
	$(BIN)/pybabel -q update -i ui/locale/messages.pot -d ui/locale --ignore-obsolete \
		--no-fuzzy-matching

clean:
	rm -rf $(VENV) $(WAREHOUSE) $(WAREHOUSE).tmp $(WAREHOUSE).wal $(WAREHOUSE).lock .pytest_cache \
		.ruff_cache
