"""Pages per second of the Spark job (examples/spark/galley_job.py, WARC mode,
local[2]) against `galley convert --jobs 2` on the same WARC records, in the
same run. Run with `make bench-spark`.

Both run as a user runs them: galley as one command, the job through
`spark-submit` (the Spark settings of a local run are on its command line,
SPARK_CONF adds more). Each round runs galley, the job over all the records
and the job over a handful of records (its fixed start-up: JVM, session,
Python workers); the rounds alternate so both meet the same load, and the
medians are printed: end-to-end rates, the start-up, and the rate past
start-up, which is what Spark costs for every record. Each figure comes with
its CPU time (all the processes a command starts), which a machine busy with
other work stretches far less than the clock: on a shared machine, compare
the CPU time past start-up with galley's.

BENCH_PAGES sets the number of records (10000 by default; the pages are the
bundled samples, cycled, each with its record number), BENCH_FILES the WARC
files they are written to (8: a crawl is many files, and a task's unit is a
file), BENCH_ROUNDS the rounds (3). Each round prints its times with the load
average: the figures mean little on a busy machine.
"""

import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "spark"))

import test_galley_job as spark_test  # noqa: E402

PAGES = int(os.environ.get("BENCH_PAGES", "10000"))
FILES = int(os.environ.get("BENCH_FILES", "8"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
# Records of the start-up run: enough to touch every stage, too few to cost.
STARTUP_PAGES = 6
WORK = os.path.join(ROOT, "target", "spark-bench")
# How often the processes' CPU time is read (a process that lives less is
# missed: only Spark's launch scripts).
SAMPLE_SECONDS = 0.2
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

# A local run's settings: no web UI, shuffles (none here) sized to the cores,
# and a driver JVM made for a short run: the quick compiler only (the
# optimizing one spends more CPU compiling than a run of minutes gains back)
# and the serial collector (one small heap, no concurrent GC threads).
LOCAL_CONF = ["spark.ui.enabled=false", "spark.sql.shuffle.partitions=2",
              "spark.driver.extraJavaOptions=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"]


def write(name, pages):
    samples = list(spark_test.sample_pages().values())
    spark_test.BROKEN_EVERY = pages + 1  # only the first record is broken
    folder = os.path.join(WORK, name)
    good, broken = spark_test.write_warcs(folder, [distinct(samples[n % len(samples)], n)
                                                   for n in range(pages)], min(FILES, pages))
    return folder, len(good) + len(broken)


def distinct(html, n):
    """The page with its first paragraph numbered: every record's article
    differs, as in a crawl (Parquet cannot fold repeated rows into one)."""
    return html.replace("<p>", f"<p>Record {n}: ", 1)


def load():
    return f"load {os.getloadavg()[0]:.1f}"


def timed(command, **kwargs):
    """Wall-clock and CPU seconds of the command and every process it
    starts (Spark's JVM, its Python workers, the galleys they run), read
    from /proc every SAMPLE_SECONDS: unlike the clock, CPU time is not
    stretched by other work on the machine."""
    started = time.monotonic()
    process = subprocess.Popen(command, **kwargs)
    cpu = {}
    while process.poll() is None:
        cpu.update(descendants_cpu(process.pid))
        time.sleep(SAMPLE_SECONDS)
    return time.monotonic() - started, sum(cpu.values())


def descendants_cpu(root):
    """CPU seconds so far of `root` and its descendants, by process id."""
    parents, used = {}, {}
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rpartition(")")[2].split()
        except (OSError, ValueError):
            continue
        parents[int(entry)] = int(fields[1])
        used[int(entry)] = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    found = {}
    for pid in used:
        ancestor = pid
        while ancestor not in (root, 0, 1) and ancestor in parents:
            ancestor = parents[ancestor]
        if ancestor == root:
            found[pid] = used[pid]
    return found


def galley(folder):
    with open(os.path.join(WORK, "cli.jsonl"), "wb") as out:
        return timed([spark_test.GALLEY, "convert", folder, "--to", "json", "-o", "-",
                      "--jobs", "2", "--quiet", "--force"], stdout=out,
                     stderr=subprocess.DEVNULL)


def spark(folder, records):
    bin_dir = os.path.dirname(sys.executable)
    conf = LOCAL_CONF + os.environ.get("SPARK_CONF", "").split()
    out = os.path.join(WORK, "out.parquet")
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable,
               PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""))
    command = [os.path.join(bin_dir, "spark-submit"), "--master", "local[2]"]
    for setting in conf:
        command += ["--conf", setting]
    command += [os.path.join(ROOT, "examples", "spark", "galley_job.py"), "--warc", folder,
                "--out", out, "--galley", spark_test.GALLEY]
    seconds = timed(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    import pyarrow.parquet as pq

    rows = pq.read_table(out, columns=["source"]).num_rows
    assert rows == records, (rows, records)
    return seconds


def main():
    shutil.rmtree(WORK, ignore_errors=True)
    folder, records = write("warc", PAGES)
    small, few = write("startup", STARTUP_PAGES)
    cli, job, startup = [], [], []
    for n in range(ROUNDS):
        cli.append(galley(folder))
        job.append(spark(folder, records))
        startup.append(spark(small, few))
        print(f"round {n + 1}: galley {cli[-1][0]:.1f} s, Spark {job[-1][0]:.1f} s, "
              f"start-up {startup[-1][0]:.1f} s ({load()})", flush=True)
    (cli, cli_cpu), (job, job_cpu), (startup, startup_cpu) = (
        (statistics.median(w for w, _ in t), statistics.median(c for _, c in t))
        for t in (cli, job, startup))
    rate, cli_rate = records / job, records / cli
    steady = records / max(job - startup, 1e-9)
    steady_cpu = job_cpu - startup_cpu
    print(f"records: {records} in {FILES} WARC files; medians of {ROUNDS} rounds")
    print(f"galley convert --jobs 2:  {cli_rate:7.1f} pages/s ({cli:.1f} s, {cli_cpu:.1f} CPU s)")
    print(f"Spark local[2]:           {rate:7.1f} pages/s ({job:.1f} s, {job_cpu:.1f} CPU s)")
    print(f"  of which start-up:      {startup:7.1f} s ({few} records, {startup_cpu:.1f} CPU s)")
    print(f"  past start-up:          {steady:7.1f} pages/s ({steady_cpu:.1f} CPU s)")
    print(f"ratio Spark/galley:       {rate / cli_rate:7.2f} end to end, "
          f"{steady / cli_rate:.2f} past start-up "
          f"(overhead {100 * (1 - steady / cli_rate):.0f}%)")
    print(f"CPU time past start-up:   {100 * (steady_cpu / cli_cpu - 1):+7.0f}% over galley's")

if __name__ == "__main__":
    main()
