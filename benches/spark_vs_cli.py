"""Pages per second of the Spark job (examples/spark/galley_job.py, WARC mode,
local[2]) against `galley convert --jobs 2` on the same WARC records, in the
same run. Spark's figure is the job alone (the session is started first);
the ratio is Spark's rate over galley's. Run with `make bench-spark`
(BENCH_PAGES=N sets the number of records, 2000 by default; the pages
are the bundled samples, cycled).
"""

import os
import shutil
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "spark"))

import test_galley_job as spark_test  # noqa: E402
from pyspark.sql import SparkSession  # noqa: E402

PAGES = int(os.environ.get("BENCH_PAGES", "2000"))
WORK = os.path.join(ROOT, "target", "spark-bench")


def main():
    os.environ["PYSPARK_PYTHON"] = sys.executable
    shutil.rmtree(WORK, ignore_errors=True)
    folder = os.path.join(WORK, "warc")
    # The bundled samples are real news pages (tens of kilobytes): cycled, they
    # weigh what a crawl's pages weigh, where small synthetic pages would
    # measure only Spark's fixed cost per job.
    samples = list(spark_test.sample_pages().values())
    pages = [samples[n % len(samples)] for n in range(PAGES)]
    spark_test.BROKEN_EVERY = PAGES + 1  # only the first record is broken
    good, broken = spark_test.write_warcs(folder, pages)
    records = len(good) + len(broken)

    started = time.monotonic()
    with open(os.path.join(WORK, "cli.jsonl"), "wb") as out:
        subprocess.run([spark_test.GALLEY, "convert", folder, "--to", "json", "-o", "-",
                        "--jobs", "2", "--quiet", "--force"], stdout=out, check=False)
    cli = records / (time.monotonic() - started)

    spark = SparkSession.builder.master("local[2]").appName("galley-bench").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    spark.sparkContext.addPyFile(spark_test.galley_job.__file__)
    started = time.monotonic()
    spark_test.galley_job.main(["--warc", folder, "--out", os.path.join(WORK, "out.parquet"),
                                "--galley", spark_test.GALLEY, "--partitions", "2"])
    seconds = time.monotonic() - started
    rows = spark.read.parquet(os.path.join(WORK, "out.parquet")).count()
    spark.stop()
    assert rows == records, (rows, records)
    rate = records / seconds
    print(f"records: {records} in 3 WARC files")
    print(f"galley convert --jobs 2: {cli:.1f} pages/s")
    print(f"Spark local[2]:          {rate:.1f} pages/s")
    print(f"ratio Spark/galley:      {rate / cli:.2f} (overhead {100 * (1 - rate / cli):.0f}%)")


if __name__ == "__main__":
    main()
