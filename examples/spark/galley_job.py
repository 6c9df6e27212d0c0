"""galley as a stage of Apache Spark: news pages in, one Parquet row per record out.

Two modes:

  --warc PATH...   WARC files (.warc, .warc.gz; local paths or any URI Hadoop
                   reads). Each task runs one `galley convert FILE... --to json
                   -o -` over its local files (read where they lie), or one
                   over each remote file (copied to a temporary file first).
  --pages TABLE    a table of pages (Parquet, or JSON Lines with --format json)
                   with columns `url`, `html` and optionally `source`. Each
                   partition is piped through galley's streaming stage
                   (`galley convert -`, JSON Lines page records).

The output (--out) is Parquet with one row per input record: source, url,
headline, byline, authors, published, modified, language, site_name, text,
blocks (JSON), quotes (JSON) and error (null on success). A record that fails,
and a file galley cannot read, is a row with its error: nothing is dropped and
no failure stops the job. Records never pass through the driver.

No Python code runs per record: each task reads galley's JSON lines a few
megabytes at a time, turns them into Arrow batches of output rows with Arrow's
JSON reader and compute kernels, and hands them to Spark (`mapInArrow`), which
writes Parquet. The job needs pyarrow and pandas (`pyspark[sql]`) on the
executors.

The galley binary reaches the executors with `spark-submit --files
/path/to/galley` (found with SparkFiles), else it is looked up on their PATH
(or given with --galley).

    spark-submit --master 'local[2]' --files target/release/galley \\
        --driver-java-options '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC' \\
        examples/spark/galley_job.py --warc crawl/*.warc.gz --out articles.parquet

(The Java options suit a local run, where the driver's JVM does the work: the
quick compiler only and the serial collector cost it far less CPU than the
defaults; the README says more.)
"""

import argparse
import collections
import itertools
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
from urllib.parse import unquote, urlparse

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

# Bytes read from galley's standard output at a time: one Arrow batch.
CHUNK_BYTES = 4 << 20
# Chunks of galley's output read ahead of the one being turned into a batch.
READ_AHEAD = 2

# Where a local file's URI (as Spark lists it) starts.
LOCAL_SCHEME = "file:"

# `blocks` and `quotes` as galley wrote them lie between these keys: the
# contract's key order puts quotes right after blocks, and none of them can
# occur unescaped inside a JSON string. Splitting on literal keys costs a
# tenth of a regular expression's capture.
BLOCKS_KEY = '"blocks":'
QUOTES_KEY = ',"quotes":'
AFTER_QUOTES = r'\],"(?:provenance|source)":'
# Appended to every line before splitting, so that a line without blocks
# (an error line) still splits, into empty arrays.
NO_ARRAYS = '"blocks":[],"quotes":[],"source":'


def line_schema():
    """What is read of one galley output line: an article, or {source, error}."""
    import pyarrow as pa

    text = pa.string()
    block = pa.struct([("type", text), ("text", text)])
    return pa.schema([(f.name, text) for f in SCHEMA.fields[:4]]
                     + [("authors", pa.list_(text))]
                     + [(f.name, text) for f in SCHEMA.fields[5:9]]
                     + [("blocks", pa.list_(block)), ("error", text)])


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


def error_line(source, error):
    """A galley-style error line for a record or file that gave no article."""
    return json.dumps({"source": source, "error": error}, ensure_ascii=False).encode()


def line_batch(lines, local="", uri=""):
    """The output rows (SCHEMA) of galley's lines (bytes, without their
    newline), parsed by Arrow's JSON reader; `source` starts with `uri`
    where galley wrote `local`. A line that is not JSON becomes an error row."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.json as pj

    data = b"\n".join(lines) + b"\n"
    options = pj.ParseOptions(explicit_schema=line_schema(), unexpected_field_behavior="ignore")
    try:
        parsed = pj.read_json(pa.py_buffer(data), pj.ReadOptions(block_size=len(data) + 1),
                              options).combine_chunks().to_batches()[0]
    except pa.ArrowInvalid:
        unreadable = "galley printed something that is not JSON"
        return line_batch([line if readable(line) else error_line(local, unreadable)
                           for line in lines], local, uri)
    ok = pc.is_null(parsed["error"])
    blocks, quotes = raw_arrays(joined_strings(data, len(lines)))
    source = parsed["source"]
    if local or uri:
        source = pc.binary_join_element_wise(
            uri, pc.utf8_slice_codeunits(source, len(local)), "")
    columns = {name: parsed[name] for name in SCHEMA.fieldNames()
               if name in parsed.schema.names}
    columns["source"] = source
    no_authors = pa.scalar([], pa.list_(pa.string()))
    columns["authors"] = pc.if_else(ok, pc.coalesce(parsed["authors"], no_authors), None)
    columns["text"] = body_text(parsed["blocks"], ok)
    columns["blocks"] = pc.if_else(ok, blocks, None)
    columns["quotes"] = pc.if_else(ok, quotes, None)
    return pa.RecordBatch.from_arrays([columns[name] for name in SCHEMA.fieldNames()],
                                      names=SCHEMA.fieldNames())


def joined_strings(data, count):
    """The `count` newline-ended lines of `data` as an Arrow string array
    (each keeps its newline), without copying them one by one."""
    import numpy as np
    import pyarrow as pa

    ends = np.flatnonzero(np.frombuffer(data, np.uint8) == ord("\n")) + 1
    offsets = np.concatenate([[0], ends]).astype(np.int32)
    return pa.StringArray.from_buffers(count, pa.py_buffer(offsets), pa.py_buffer(data))


def raw_arrays(lines):
    """The `blocks` and `quotes` JSON of each line as galley wrote them
    ("[]" where a line has none)."""
    import pyarrow.compute as pc

    lines = pc.binary_join_element_wise(lines, NO_ARRAYS, "")
    after = pc.list_element(pc.split_pattern(lines, BLOCKS_KEY, max_splits=1), 1)
    blocks_rest = pc.split_pattern(after, QUOTES_KEY, max_splits=1)
    rest = pc.list_element(blocks_rest, 1)
    quotes = pc.list_element(pc.split_pattern_regex(rest, AFTER_QUOTES, max_splits=1), 0)
    return pc.list_element(blocks_rest, 0), pc.binary_join_element_wise(quotes, "]", "")


def readable(line):
    try:
        json.loads(line)
        return True
    except ValueError:
        return False


def body_text(blocks, ok):
    """The body text of each row: the text of every block but NON_TEXT_BLOCKS,
    joined by blank lines (null for error rows)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    blocks = pc.if_else(ok, pc.coalesce(blocks, pa.scalar([], blocks.type)), None)
    flat = pc.list_flatten(blocks)
    keep = pc.invert(pc.is_in(pc.fill_null(flat.field("type"), ""),
                              pa.array(NON_TEXT_BLOCKS)))
    owners = pc.filter(pc.list_parent_indices(blocks), keep).to_numpy(zero_copy_only=False)
    texts = pc.fill_null(pc.filter(flat.field("text"), keep), "")
    counts = np.bincount(owners, minlength=len(blocks))
    offsets = pa.array(np.concatenate([[0], np.cumsum(counts)]).astype(np.int32))
    kept = pa.ListArray.from_arrays(offsets, texts, mask=pc.invert(ok))
    return pc.binary_join(kept, "\n\n")


def read_ahead(stream):
    """The stream's bytes, CHUNK_BYTES at a time, read by a thread up to
    READ_AHEAD chunks ahead: galley keeps converting while the chunk before
    is parsed and handed to Spark, instead of waiting on a full pipe."""
    chunks = queue.Queue(READ_AHEAD)

    def read():
        try:
            while chunk := stream.read(CHUNK_BYTES):
                chunks.put(chunk)
            chunks.put(b"")
        except Exception as error:  # raised again where the chunks are read
            chunks.put(error)

    threading.Thread(target=read, daemon=True).start()
    while True:
        chunk = chunks.get()
        if isinstance(chunk, Exception):
            raise chunk
        if not chunk:
            return
        yield chunk


def output_lines(stream):
    """galley's standard output as lists of lines, about CHUNK_BYTES at a
    time. A lone article comes pretty-printed: it becomes one line."""
    chunks = read_ahead(stream)
    first = next(chunks, b"")
    if first.startswith(b"{\n"):
        whole = first + b"".join(chunks)
        yield [json.dumps(json.loads(whole), ensure_ascii=False).encode()]
        return
    rest = b""
    for chunk in itertools.chain([first], chunks):
        lines = (rest + chunk).split(b"\n")
        rest = lines.pop()
        lines = [line for line in lines if line.strip()]
        if lines:
            yield lines
    if rest.strip():
        yield [rest]


# --- WARC mode -------------------------------------------------------------


def run_galley(binary, paths, jobs, local="", uri=""):
    """Arrow batches of galley's lines over `paths` (local files), then an
    error line for every failure its report names (each broken record, each
    file it could not read), or for every path when galley itself failed."""
    with tempfile.TemporaryDirectory(prefix="galley-") as tmp:
        report = os.path.join(tmp, "report.json")
        command = [binary, "convert", *paths, "--to", "json", "-o", "-", "--quiet",
                   "--force", "--jobs", str(jobs), "--report", report]
        with open(os.path.join(tmp, "stderr"), "w+b") as stderr:
            process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=stderr)
            for lines in output_lines(process.stdout):
                yield line_batch(lines, local, uri)
            code = process.wait()
            stderr.seek(0)
            errors = stderr.read().decode("utf-8", "replace").strip()
        if code not in (0, 1) or not os.path.exists(report):
            failed = f"galley exited with {code}: {errors[-500:]}"
            yield line_batch([error_line(path, failed) for path in paths], local, uri)
            return
        with open(report, encoding="utf-8") as f:
            rows = json.load(f)["inputs"]
    failures = []
    for row in rows:
        for error in row["errors"]:
            place, _, reason = error.partition(": ")
            if not place.startswith(row["input"]):
                place, reason = row["input"], error
            failures.append(error_line(place, reason))
    if failures:
        yield line_batch(failures, local, uri)


def warc_lines(spark, paths, galley, jobs, partitions):
    """The output rows over WARC files: local files read in
    place by one galley a partition, balanced by size; remote files copied to
    a temporary file each."""
    listing = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(paths)
    # The driver's listing of the files (no Spark job, no bytes read).
    files = listing.inputFiles()
    local = [unquote(urlparse(uri).path) for uri in files if uri.startswith(LOCAL_SCHEME)]
    local = [(path, os.path.getsize(path)) for path in local]
    remote = [unquote(uri) for uri in files if not uri.startswith(LOCAL_SCHEME)]
    frames = []
    if local:
        plan = balanced(local, partitions or spark.sparkContext.defaultParallelism)

        def convert_planned(batches):
            binary = galley_binary(galley)
            for batch in batches:
                for part in batch.column(0).to_pylist():
                    yield from run_galley(binary, plan[part], jobs, "", LOCAL_SCHEME)

        ids = spark.range(0, len(plan), 1, len(plan))
        frames.append(ids.mapInArrow(convert_planned, SCHEMA))
    if remote:
        contents = spark.read.format("binaryFile").load(remote)
        if partitions:
            contents = contents.repartition(partitions)

        def convert_copied(batches):
            binary = galley_binary(galley)
            for batch in batches:
                for uri, content in zip(batch.column("path").to_pylist(),
                                        batch.column("content").to_pylist()):
                    with tempfile.TemporaryDirectory(prefix="galley-") as tmp:
                        name = os.path.join(tmp, os.path.basename(uri.rstrip("/")) or "input.warc")
                        with open(name, "wb") as f:
                            f.write(content)
                        del content
                        yield from run_galley(binary, [name], jobs, name, uri)

        frames.append(contents.select("path", "content").mapInArrow(convert_copied, SCHEMA))
    if not frames:
        raise FileNotFoundError(f"no WARC files in {' '.join(paths)}")
    lines = frames[0]
    for frame in frames[1:]:
        lines = lines.unionByName(frame)
    return lines


def balanced(files, partitions):
    """The files (path, size) shared among at most `partitions` lists of
    paths of about equal total size, largest first to the lightest."""
    bins = [[0, []] for _ in range(min(partitions, len(files)))]
    for path, size in sorted(files, key=lambda f: (-f[1], f[0])):
        lightest = min(bins, key=lambda b: b[0])
        lightest[0] += size
        lightest[1].append(path)
    return [sorted(paths) for _, paths in bins]


# --- page table mode -------------------------------------------------------


def pipe_pages(batches, galley, jobs):
    """mapInArrow over (record, source): the partition's page records through
    galley's streaming stage, one line back for every record."""
    import pyarrow as pa
    import pyarrow.compute as pc

    binary = galley_binary(galley)
    process = subprocess.Popen([binary, "convert", "-", "--jobs", str(jobs), "--quiet"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL)
    in_flight = collections.deque()  # sources of the records sent, batch by batch
    lock = threading.Lock()

    def feed():
        # Every record is counted in flight, also those left when galley
        # stops reading: each then gets its error line.
        writing = True
        for batch in batches:
            if batch.num_rows == 0:
                continue
            with lock:
                in_flight.append(batch.column("source"))
            if writing:
                records = pa.ListArray.from_arrays([0, batch.num_rows], batch.column("record"))
                try:
                    process.stdin.write(pc.binary_join(records, "\n")[0].as_buffer())
                    process.stdin.write(b"\n")
                except OSError:
                    writing = False
        try:
            process.stdin.close()
        except OSError:
            pass

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    answered = 0
    for lines in output_lines(process.stdout):
        answered += len(lines)
        yield line_batch(lines)
    feeder.join()
    code = process.wait()
    with lock:
        sources = pa.chunked_array(list(in_flight), pa.string()).to_pylist()[answered:]
    if sources:
        failed = f"galley exited with {code} before this record"
        yield line_batch([error_line(source, failed) for source in sources])


def page_records(spark, table, fmt):
    """The table as JSON Lines page records with their source; a missing
    `source` is the table's file and the row's URL (or its place)."""
    pages = spark.read.format(fmt).load(table)
    place = F.concat_ws("#", F.input_file_name(),
                        F.coalesce(F.col("url"), F.monotonically_increasing_id().cast("string")))
    if "source" in pages.columns:
        source = F.coalesce(F.col("source"), place)
    else:
        source = place
    pages = pages.select("url", "html", source.alias("source"))
    record = F.struct("url", "html", "source")
    # Null fields are kept: every line then shows an `html` key, which is how
    # galley recognizes page records.
    keep_nulls = {"ignoreNullFields": "false"}
    return pages.select(F.to_json(record, keep_nulls).alias("record"), "source")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--warc", nargs="+", metavar="PATH", help="WARC files, folders or globs")
    mode.add_argument("--pages", metavar="TABLE", help="a table of pages (url, html[, source])")
    parser.add_argument("--format", default="parquet", help="format of --pages: parquet or json")
    parser.add_argument("--out", required=True, help="Parquet folder to write")
    parser.add_argument("--galley", help="path of the galley binary on the executors")
    parser.add_argument("--jobs", type=int, default=1, help="galley --jobs inside each task")
    parser.add_argument("--partitions", type=int,
                        help="partitions of the input (default: Spark's default parallelism "
                             "for local WARC files, the reader's for the rest)")
    args = parser.parse_args(argv)

    spark = SparkSession.builder.appName("galley").getOrCreate()
    galley, jobs = args.galley, args.jobs
    if args.warc:
        lines = warc_lines(spark, args.warc, galley, jobs, args.partitions)
    else:
        records = page_records(spark, args.pages, args.format)
        if args.partitions:
            records = records.repartition(args.partitions)
        lines = records.mapInArrow(lambda batches: pipe_pages(batches, galley, jobs), SCHEMA)
    lines.write.mode("overwrite").parquet(args.out)


if __name__ == "__main__":
    main()
    SparkSession.builder.getOrCreate().stop()
