# SIBULAN — the two set-up commands are `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8000
STAMP  := $(VENV)/.installed

.PHONY: run test install migrate demo e2e bench-pages bench clean messages

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "SIBULAN membutuhkan Python >= 3.11 (python3 di mesin ini: %s)" % sys.version.split()[0])'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || { echo "Gagal membuat virtualenv: pasang paket python3-venv (apt-get install python3-venv)"; exit 1; }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --requirement requirements.lock
	@touch $(STAMP)

install: $(STAMP)

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo_content

run: demo
	$(PY) manage.py collectstatic --noinput -v 0
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(PY) -m pytest

messages: install
	$(PY) manage.py makemessages -l id --no-obsolete --ignore=.venv --ignore=data --ignore=tests --ignore=bench --ignore=scripts --ignore=.services
	$(PY) manage.py compilemessages --ignore=.venv

bench-pages: demo
	$(PY) manage.py collectstatic --noinput -v 0
	$(PY) bench/pages.py

clean:
	rm -rf $(VENV) data
