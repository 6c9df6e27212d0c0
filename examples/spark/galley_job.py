"""galley as a stage of Apache Spark: news pages in, one Parquet row per record out.

Two modes:

  --warc PATH...   WARC files (.warc, .warc.gz; local paths or any URI Hadoop
                   reads). Each task runs `galley convert FILE --to json -o -`
                   over its files and streams the articles back.
  --pages TABLE    a table of pages (Parquet, or JSON Lines with --format json)
                   with columns `url`, `html` and optionally `source`. Each
                   partition is piped through galley's streaming stage
                   (`galley convert -`, JSON Lines page records).

The output (--out) is Parquet with one row per input record: source, url,
headline, byline, authors, published, modified, language, site_name, text,
blocks (JSON), quotes (JSON) and error (null on success). A record that fails,
and a file galley cannot read, is a row with its error: nothing is dropped and
no failure stops the job. Records never pass through the driver.

The galley binary reaches the executors with `spark-submit --files
/path/to/galley` (found with SparkFiles), else it is looked up on their PATH
(or given with --galley).

    spark-submit --master 'local[2]' --files target/release/galley \\
        examples/spark/galley_job.py --warc crawl/*.warc.gz --out articles.parquet
"""

import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading

from pyspark import SparkFiles
from pyspark.sql import SparkSession, functions as F, types as T

SCHEMA = T.StructType(
    [
        T.StructField("source", T.StringType(), False),
        T.StructField("url", T.StringType(), True),
        T.StructField("headline", T.StringType(), True),
        T.StructField("byline", T.StringType(), True),
        T.StructField("authors", T.ArrayType(T.StringType()), True),
        T.StructField("published", T.StringType(), True),
        T.StructField("modified", T.StringType(), True),
        T.StructField("language", T.StringType(), True),
        T.StructField("site_name", T.StringType(), True),
        T.StructField("text", T.StringType(), True),
        T.StructField("blocks", T.StringType(), True),
        T.StructField("quotes", T.StringType(), True),
        T.StructField("error", T.StringType(), True),
    ]
)

# Block types that carry no body text (the contract's body text leaves them out).
NON_TEXT_BLOCKS = ("image", "rule")


def galley_binary(given):
    """The galley executable on this executor: --galley, a --files copy, or PATH."""
    if given:
        return given
    shipped = SparkFiles.get("galley")
    if os.path.isfile(shipped):
        os.chmod(shipped, 0o755)
        return shipped
    found = shutil.which("galley")
    if not found:
        raise FileNotFoundError("galley: ship it with --files or put it on the PATH")
    return found


def article_row(article, source):
    """The output row of one article JSON object."""
    blocks = article.get("blocks") or []
    text = "\n\n".join(b.get("text", "") for b in blocks if b.get("type") not in NON_TEXT_BLOCKS)
    return (
        source,
        article.get("url"),
        article.get("headline"),
        article.get("byline"),
        article.get("authors") or [],
        article.get("published"),
        article.get("modified"),
        article.get("language"),
        article.get("site_name"),
        text,
        json.dumps(blocks, ensure_ascii=False),
        json.dumps(article.get("quotes") or [], ensure_ascii=False),
        None,
    )


def error_row(source, error):
    return (source, None, None, None, None, None, None, None, None, None, None, None, error)


def json_objects(lines):
    """JSON objects from galley's standard output: one a line, or a single
    pretty-printed one (galley prints a lone article pretty)."""
    pending = []
    for line in lines:
        if not pending and line.strip():
            try:
                yield json.loads(line)
                continue
            except ValueError:
                pass
        pending.append(line)
        try:
            yield json.loads("".join(pending))
            pending = []
        except ValueError:
            pass
    if "".join(pending).strip():
        yield {"error": "galley printed something that is not JSON"}


# --- WARC mode -------------------------------------------------------------


def convert_warc_files(files, galley, jobs):
    """One task: every WARC file of the partition through `galley convert`."""
    binary = galley_binary(galley)
    for uri, content in files:
        with tempfile.TemporaryDirectory(prefix="galley-") as tmp:
            name = os.path.basename(uri.rstrip("/")) or "input.warc"
            local = os.path.join(tmp, name)
            with open(local, "wb") as f:
                f.write(content)
            del content
            yield from convert_one_warc(binary, local, uri, jobs, tmp)


def convert_one_warc(binary, local, uri, jobs, tmp):
    report = os.path.join(tmp, "report.json")
    command = [binary, "convert", local, "--to", "json", "-o", "-", "--quiet",
               "--force", "--jobs", str(jobs), "--report", report]
    with open(os.path.join(tmp, "stderr"), "w+b") as stderr:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=stderr, text=True,
                                   encoding="utf-8")
        for article in json_objects(process.stdout):
            source = article.get("source") or local
            yield article_row(article, uri + source[len(local):])
        code = process.wait()
        stderr.seek(0)
        errors = stderr.read().decode("utf-8", "replace").strip()
    if code not in (0, 1) or not os.path.exists(report):
        yield error_row(uri, f"galley exited with {code}: {errors[-500:]}")
        return
    with open(report, encoding="utf-8") as f:
        rows = json.load(f)["inputs"]
    member = re.compile(re.escape(local) + r"(#\S*)?: (.*)", re.S)
    for row in rows:
        for error in row["errors"]:
            found = member.fullmatch(error)
            if found:
                yield error_row(uri + (found.group(1) or ""), found.group(2))
            else:
                yield error_row(uri, error.replace(local, uri))


# --- page table mode -------------------------------------------------------


def pipe_pages(records, galley, jobs):
    """One task: the partition's page records (JSON lines) through galley's
    streaming stage, one row back for every record."""
    binary = galley_binary(galley)
    process = subprocess.Popen([binary, "convert", "-", "--jobs", str(jobs), "--quiet"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True, encoding="utf-8")
    sent = collections.deque()
    lock = threading.Lock()

    def feed():
        try:
            for record in records:
                with lock:
                    sent.append(json.loads(record)["source"])
                process.stdin.write(record + "\n")
        except (BrokenPipeError, OSError):
            pass
        finally:
            try:
                process.stdin.close()
            except OSError:
                pass

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    for line in process.stdout:
        with lock:
            expected = sent.popleft() if sent else None
        out = json.loads(line)
        source = out.get("source") or expected
        if "error" in out and "headline" not in out:
            yield error_row(source, out["error"])
        else:
            yield article_row(out, source)
    feeder.join()
    code = process.wait()
    for source in sent:
        yield error_row(source, f"galley exited with {code} before this record")


def page_records(spark, table, fmt):
    """The table as JSON Lines page records; a missing `source` is the
    table's file and the row's URL (or its place)."""
    pages = spark.read.format(fmt).load(table)
    place = F.concat_ws("#", F.input_file_name(),
                        F.coalesce(F.col("url"), F.monotonically_increasing_id().cast("string")))
    if "source" in pages.columns:
        source = F.coalesce(F.col("source"), place)
    else:
        source = place
    record = F.struct(F.col("url"), F.col("html"), source.alias("source"))
    # Null fields are kept: every line then shows an `html` key, which is how
    # galley recognizes page records.
    keep_nulls = {"ignoreNullFields": "false"}
    return pages.select(F.to_json(record, keep_nulls).alias("record")).rdd.map(lambda r: r[0])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--warc", nargs="+", metavar="PATH", help="WARC files, folders or globs")
    mode.add_argument("--pages", metavar="TABLE", help="a table of pages (url, html[, source])")
    parser.add_argument("--format", default="parquet", help="format of --pages: parquet or json")
    parser.add_argument("--out", required=True, help="Parquet folder to write")
    parser.add_argument("--galley", help="path of the galley binary on the executors")
    parser.add_argument("--jobs", type=int, default=1, help="galley --jobs inside each task")
    parser.add_argument("--partitions", type=int, help="partitions of the input")
    args = parser.parse_args(argv)

    spark = SparkSession.builder.appName("galley").getOrCreate()
    galley, jobs = args.galley, args.jobs
    if args.warc:
        files = spark.sparkContext.binaryFiles(",".join(args.warc), args.partitions)
        if args.partitions:
            files = files.repartition(args.partitions)
        rows = files.mapPartitions(lambda part: convert_warc_files(part, galley, jobs))
    else:
        records = page_records(spark, args.pages, args.format)
        if args.partitions:
            records = records.repartition(args.partitions)
        rows = records.mapPartitions(lambda part: pipe_pages(part, galley, jobs))
    spark.createDataFrame(rows, SCHEMA).write.mode("overwrite").parquet(args.out)


if __name__ == "__main__":
    main()
    SparkSession.builder.getOrCreate().stop()
