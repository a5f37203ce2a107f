# Diagnum — two commands: `make serve` (build and serve the site) and `make test` (every test).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000

.PHONY: serve test build check stats bench lint chromium clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

setup: $(STAMP) node_modules/.package-lock.json

serve: setup
	$(BIN)/diagnum serve --port $(PORT)

build: setup
	$(BIN)/diagnum build

check: $(STAMP)
	$(BIN)/diagnum check

stats: $(STAMP)
	$(BIN)/diagnum stats

chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "Installation de Chromium (paquet Debian) pour les tests dans le navigateur…"; \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
	      || { echo "ERREUR : impossible d'installer Chromium avec apt-get."; exit 1; }; \
	  else \
	    echo "ERREUR : /usr/bin/chromium est absent. Installez le paquet Debian « chromium » (sudo apt-get install chromium)."; exit 1; \
	  fi; \
	fi

test: setup chromium
	$(BIN)/ruff check builder engine campaigns certification calibration benchmarks tests
	$(BIN)/python -m pytest

# The engine's measured figures, written into docs/ (see docs/benchmark-*.md for the protocol).
bench: build
	$(BIN)/python -m benchmarks.engine --split test --competences all \
	  --config 'fisher={"criterion": "fisher"}' --config 'kinder={"min_success": [0.45, 0.65, 0.75]}' \
	  --config 'uniform-variants={"variant_sharpness": 0}' --config 'gentle-off={"gentle_opening": 0}' \
	  --write docs/benchmark-engine.md
	$(BIN)/python -m benchmarks.profile --people 2000 --write docs/benchmark-engine.md
	$(BIN)/python -m benchmarks.express --people 400 --jobs 4 --write docs/benchmark-engine.md
	$(BIN)/python -m benchmarks.express --people 100 --worlds E1,E4-harsh --reference --jobs 2 \
	  --write docs/benchmark-engine.md
	$(BIN)/python -m benchmarks.calibration --parcours profil-express --evaluation 400 --workers 2 \
	  --write docs/benchmark-calibration.md
	$(BIN)/python -m benchmarks.calibration --parcours profil-express --sizes 1000 --evaluation 400 \
	  --workers 2 --block profil-express-1000 --write docs/benchmark-calibration.md
	$(BIN)/python -m benchmarks.calibration --world S3 --parcours profil-express --sizes 1000 \
	  --evaluation 400 --workers 2 --block profil-express-s3-1000 --write docs/benchmark-calibration.md
	$(BIN)/python -m benchmarks.calibration --competences 1.1,2.1,3.1,4.1 --evaluation 300 \
	  --workers 2 --write docs/benchmark-calibration.md
	node benchmarks/pyodide_steps.mjs dist 5 > docs/benchmark-pyodide.md
	$(BIN)/python -m benchmarks.mediator_scale --write docs/benchmark-mediator.md

lint: $(STAMP)
	$(BIN)/ruff check builder engine campaigns certification calibration benchmarks tests

clean:
	rm -rf dist .dist.* .cache
