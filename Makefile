# Set-up is part of every target: a fresh clone needs only `make run` or `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
LIBRARY ?=
SCREENSHOT ?= docs/screenshot.png

.PHONY: run test lint screenshot theme-screenshots bench eval clean

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit("Reader needs Python 3.11 or newer" if sys.version_info < (3, 11) else 0)'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) main.py $(if $(LIBRARY),--library $(LIBRARY))

test: $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n 2

lint: $(STAMP)
	$(VENV)/bin/lint-imports
	$(VENV)/bin/ruff check --quiet --select F,E9 reader tests bench main.py

screenshot: $(STAMP)
	xvfb-run --auto-servernum --server-args='-screen 0 1400x900x24' \
		env QT_QPA_PLATFORM=xcb $(PY) -m reader.ui.screenshot --highlights --out $(SCREENSHOT)

bench: $(STAMP)
	$(PY) bench/import_speed.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/library_ui.py

eval: $(STAMP)
	$(PY) ../shared/eval/score.py ../shared/eval/sets/dev-* -- $(PY) -m reader extract --json

clean:
	rm -rf $(VENV) build *.egg-info

theme-screenshots: $(STAMP)
	for theme in light sepia dark; do \
		xvfb-run --auto-servernum --server-args='-screen 0 1400x900x24' \
			env QT_QPA_PLATFORM=xcb $(PY) -m reader.ui.screenshot --highlights --theme $$theme --size 1400x900 \
				--article tests/fixtures/pages/library-week.txt --out docs/theme-$$theme.png || exit 1; \
	done
