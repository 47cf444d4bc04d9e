# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST_PORT ?= 127.0.0.1:8000

.PHONY: run test lint format bench loadtest messages install migrate demo clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo

# Links in e-mails and badge ids point to the address served, unless WAGTAILADMIN_BASE_URL says otherwise.
run: export WAGTAILADMIN_BASE_URL ?= http://$(HOST_PORT)
run: demo
	$(BIN)/python manage.py runserver $(HOST_PORT)

# The ordinary tests run on every core (pytest-xdist, one test database per worker). The browser journeys run in a
# session of their own: their live server needs transactional tests whose serialized rollback pytest-django only
# restores reliably when no ordinary database test shares the session.
# BROWSER=0 leaves the browser journeys out (CI runs them once, on PostgreSQL).
BROWSER ?= 1
test: install
	$(BIN)/python -m pytest -n auto --ignore=tests/browser $(PYTEST_ARGS)
	if [ "$(BROWSER)" != 0 ]; then $(BIN)/python -m pytest -n auto tests/browser $(PYTEST_ARGS); fi

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The benchmark (README, « Mesures de performance »): `make bench SCALE=10`; BENCH_ARGS passes more options
# (`.venv/bin/python -m bench --help`). Throughput is measured with wrk when it is installed (Debian package wrk).
SCALE ?= 1
bench: install
	$(BIN)/python -m bench --scale $(SCALE) $(BENCH_ARGS)

# The load test (README, « Test de charge »): locust in a virtualenv of its own, so that its many dependencies
# (Flask, gevent…) never mix with the site's pinned ones, nor come with `make run` or `make test`.
LOADTEST_VENV := .venv-loadtest
$(LOADTEST_VENV)/.installed: requirements-loadtest.txt
	$(PYTHON) -m venv $(LOADTEST_VENV)
	$(LOADTEST_VENV)/bin/pip install --quiet -r requirements-loadtest.txt
	touch $@

loadtest: install $(LOADTEST_VENV)/.installed
	LOCUST=$(LOADTEST_VENV)/bin/locust bash scripts/loadtest

# Regenerates the French catalogue from the code and compiles it (needs GNU gettext).
messages: install
	$(BIN)/python manage.py makemessages --locale fr --ignore '$(VENV)/*' --ignore 'bench/*' --ignore 'tests/*'
	# Our source strings are French: each string is its own translation (and the new file's header is not a guess).
	sed -i '0,/^#, fuzzy$$/{/^#, fuzzy$$/d}' locale/fr/LC_MESSAGES/django.po
	# Strings gone from the code leave the catalogue too.
	msgattrib --no-obsolete -o locale/fr/LC_MESSAGES/django.po locale/fr/LC_MESSAGES/django.po
	msgen --lang=fr -o locale/fr/LC_MESSAGES/django.po locale/fr/LC_MESSAGES/django.po
	$(BIN)/python manage.py compilemessages --locale fr --ignore '$(VENV)/*'

clean:
	rm -rf $(VENV) $(LOADTEST_VENV) db.sqlite3 media
