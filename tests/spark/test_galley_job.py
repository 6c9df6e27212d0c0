"""The Spark job (examples/spark/galley_job.py) in Spark local mode, as a data
engineer runs it: over the samples, over a generated WARC of a few hundred
records with some broken ones, and over a Parquet table of pages.

It checks one row per input record, the schema, error rows for exactly the
broken records, and that every article equals what `galley convert --to json`
gives for the same page. Run it with `make test-spark` (which installs pyspark
and Java when missing); it needs only the clone and a release build.
"""

import glob
import gzip
import io
import json
import os
import random
import shutil
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
GALLEY = os.path.join(ROOT, "target", "release", "galley")
WORK = os.path.join(ROOT, "target", "spark-test")
sys.path.insert(0, os.path.join(ROOT, "examples", "spark"))

from pyspark.sql import SparkSession  # noqa: E402

import galley_job  # noqa: E402

# Fields compared between a Parquet row and galley's article JSON.
FIELDS = ("url", "headline", "byline", "authors", "published", "modified", "language", "site_name")
WORDS = ("harbour council river tariff museum bridge archive festival school rail "
         "budget weather election library market vote water ferry").split()
SYNTHETIC_PAGES = 240
BROKEN_EVERY = 40


def synthetic_page(n):
    """A small news page made from a seeded word list (no corpus needed)."""
    rng = random.Random(n)
    title = " ".join(rng.choice(WORDS) for _ in range(5)).capitalize()
    paragraphs = "".join(
        "<p>" + " ".join(rng.choice(WORDS) for _ in range(rng.randint(25, 60))) + ".</p>"
        for _ in range(rng.randint(3, 7)))
    return (f"<!doctype html><html lang=\"en\"><head><title>{title} | Daily {n % 7}</title>"
            f"<meta name=\"author\" content=\"Reporter {n}\"></head><body><article>"
            f"<h1>{title}</h1><p class=\"byline\">By Reporter {n}</p>{paragraphs}"
            f"</article></body></html>")


def sample_pages():
    """The bundled samples that are UTF-8 HTML, by path."""
    pages = {}
    for path in sorted(glob.glob(os.path.join(ROOT, "samples", "*.html"))):
        try:
            with open(path, encoding="utf-8") as f:
                pages[path] = f.read()
        except UnicodeDecodeError:
            pass
    return pages


def warc_record(kind, url, content_type, block):
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {url}\r\n"
            f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


def http_response(html):
    return b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html.encode()


BROKEN_BLOCKS = (
    b"",                                                   # no HTTP message at all
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n<p>x",  # no blank line after the header
    b"HTTP/1.1 OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>",  # no numeric status
)


def write_warcs(folder, pages, files=3):
    """`files` WARC files (the last gzip-compressed) holding `pages` as
    responses, a request before each, and a broken response every
    BROKEN_EVERY records. Returns the URLs of the pages and of the broken
    records."""
    os.makedirs(folder, exist_ok=True)
    names = [f"crawl-{n}.warc" for n in range(files - 1)] + [f"crawl-{files - 1}.warc.gz"]
    chunks = [[] for _ in names]
    good, broken = [], []
    for n, html in enumerate(pages):
        url = f"https://news.example/{n}/story"
        part = chunks[n % files]
        part.append(warc_record("request", url, "application/http; msgtype=request",
                                b"GET / HTTP/1.1\r\n\r\n"))
        part.append(warc_record("response", url, "application/http; msgtype=response",
                                http_response(html)))
        good.append((names[n % files], url))
        if n % BROKEN_EVERY == 0:
            bad_url = f"https://news.example/{n}/broken"
            block = BROKEN_BLOCKS[(n // BROKEN_EVERY) % len(BROKEN_BLOCKS)]
            part.append(warc_record("response", bad_url, "application/http", block))
            broken.append((names[n % files], bad_url))
    for name, part in zip(names, chunks):
        data = b"".join(part)
        opener = gzip.open if name.endswith(".gz") else open
        with opener(os.path.join(folder, name), "wb") as f:
            f.write(data)
    return good, broken


def galley_articles(path):
    """What `galley convert PATH --to json -o -` gives, as a list of articles."""
    out = subprocess.run([GALLEY, "convert", path, "--to", "json", "-o", "-", "--quiet"],
                         capture_output=True)
    return [json.loads(line) for lines in galley_job.output_lines(io.BytesIO(out.stdout))
            for line in lines]


def same_article(row, article, where):
    for field in FIELDS:
        expected = article.get(field)
        if field == "authors":
            expected = expected or []
        assert row[field] == expected, f"{where}: {field} {row[field]!r} != {expected!r}"
    assert json.loads(row["blocks"]) == article["blocks"], f"{where}: blocks differ"
    assert json.loads(row["quotes"]) == article["quotes"], f"{where}: quotes differ"
    assert row["error"] is None, f"{where}: unexpected error {row['error']}"


def check_schema(frame):
    assert frame.schema.fieldNames() == galley_job.SCHEMA.fieldNames(), frame.schema
    for field in frame.schema.fields:
        expected = galley_job.SCHEMA[field.name].dataType
        assert field.dataType == expected, f"{field.name}: {field.dataType} != {expected}"


def test_warc_mode(spark):
    pages = [synthetic_page(n) for n in range(SYNTHETIC_PAGES)] + list(sample_pages().values())
    folder = os.path.join(WORK, "warc")
    good, broken = write_warcs(folder, pages)
    out = os.path.join(WORK, "warc.parquet")
    galley_job.main(["--warc", folder, "--out", out, "--galley", GALLEY, "--partitions", "2"])
    frame = spark.read.parquet(out)
    check_schema(frame)
    rows = [r.asDict() for r in frame.toLocalIterator()]
    assert len(rows) == len(good) + len(broken), (len(rows), len(good), len(broken))
    by_source = {}
    for row in rows:
        uri, _, url = row["source"].partition("#")
        name = os.path.basename(uri)
        assert (name, url) not in by_source, f"two rows for {row['source']}"
        by_source[(name, url)] = row
    errors = {key for key, row in by_source.items() if row["error"] is not None}
    assert errors == set(broken), sorted(errors ^ set(broken))
    for name in sorted({n for n, _ in good}):
        for article in galley_articles(os.path.join(folder, name)):
            url = article["source"].partition("#")[2]
            same_article(by_source[(name, url)], article, f"{name}#{url}")
    print(f"warc: {len(rows)} rows, {len(errors)} error rows for the {len(broken)} broken records", flush=True)


def test_pages_mode(spark):
    folder = os.path.join(WORK, "pages")
    os.makedirs(folder, exist_ok=True)
    records, files = [], {}
    for path, html in sample_pages().items():
        records.append((None, html, "samples/" + os.path.basename(path)))
        files["samples/" + os.path.basename(path)] = path
    for n in range(60):
        path = os.path.join(folder, f"page-{n}.html")
        with open(path, "w", encoding="utf-8") as f:
            f.write(synthetic_page(1000 + n))
        records.append((None, synthetic_page(1000 + n), f"page-{n}"))
        files[f"page-{n}"] = path
    broken = {"no-html-1", "no-html-2"}
    records += [("https://news.example/x", None, source) for source in sorted(broken)]
    table = os.path.join(WORK, "pages.parquet")
    spark.createDataFrame(records, "url string, html string, source string") \
        .repartition(3).write.mode("overwrite").parquet(table)
    out = os.path.join(WORK, "pages-out.parquet")
    galley_job.main(["--pages", table, "--out", out, "--galley", GALLEY])
    frame = spark.read.parquet(out)
    check_schema(frame)
    rows = {r["source"]: r.asDict() for r in frame.toLocalIterator()}
    assert frame.count() == len(records) == len(rows), (frame.count(), len(records))
    errors = {s: r["error"] for s, r in rows.items() if r["error"] is not None}
    assert set(errors) == broken, errors
    for source, path in files.items():
        [article] = galley_articles(path)
        same_article(rows[source], article, source)
    print(f"pages: {len(rows)} rows, {len(broken)} error rows", flush=True)


def test_samples_with_spark_submit():
    """The samples folder's pages as a JSON Lines table, through spark-submit
    with the binary shipped by --files (as on a cluster)."""
    table = os.path.join(WORK, "samples.jsonl")
    with open(table, "w", encoding="utf-8") as f:
        for path, html in sample_pages().items():
            f.write(json.dumps({"url": None, "html": html, "source": path}) + "\n")
    out = os.path.join(WORK, "samples.parquet")
    bin_dir = os.path.dirname(sys.executable)
    env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""))
    subprocess.run([os.path.join(bin_dir, "spark-submit"), "--master", "local[2]", "--files", GALLEY,
                    os.path.join(ROOT, "examples", "spark", "galley_job.py"),
                    "--pages", table, "--format", "json", "--out", out],
                   check=True, capture_output=True, env=env)
    return out


def main():
    os.environ["PYSPARK_PYTHON"] = sys.executable
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    submitted = test_samples_with_spark_submit()
    spark = SparkSession.builder.master("local[2]").appName("galley-test").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    spark.sparkContext.addPyFile(galley_job.__file__)
    frame = spark.read.parquet(submitted)
    check_schema(frame)
    rows = {r["source"]: r.asDict() for r in frame.toLocalIterator()}
    assert sorted(rows) == sorted(sample_pages()), sorted(rows)
    for path in rows:
        [article] = galley_articles(path)
        same_article(rows[path], article, path)
    print(f"samples: {len(rows)} rows through spark-submit --files", flush=True)
    test_warc_mode(spark)
    test_pages_mode(spark)
    spark.stop()
    print("spark: all checks passed", flush=True)


if __name__ == "__main__":
    main()
