//! Throughput over the labelled corpus (`../shared/corpus` beside the crate,
//! or `BENCH_CORPUS`), printed as one table by `make bench`.
//!
//! In-process stages run on one thread and are timed in thread CPU time, each
//! page's cost being its best of `BENCH_ROUNDS` runs, so other work on the
//! machine disturbs the figures little; each round runs every stage over all
//! the pages in turn, so a change in load touches the stages alike.
//! Generated pages that repeat one thing (quotation marks, named people,
//! pictures) are extracted at two sizes, to show that the cost grows with
//! the page and not with its square. The floor is html5ever's parse alone
//! (`scraper::Html::parse_document`); extraction is reported as a multiple of
//! that floor measured in the same run, and every writer of the registry is
//! timed per article. Then the `galley` binary converts a folder of the pages
//! as a whole process, on one job and on every core, and a large batch made by
//! repeating the pages; wall time, CPU time and peak resident memory (the
//! child's own `ru_maxrss`) are reported; the comparison of one job with two
//! keeps each side's fastest of a few runs. Nothing here asserts a timing.
//!
//! Knobs (environment): `BENCH_PAGES` (limit the pages, spread evenly over the
//! corpus), `BENCH_ROUNDS` (default 3), `BENCH_BATCH` (pages of the large
//! batch, default 10000; 0 skips it), `BENCH_CORPUS` (another corpus folder),
//! `BENCH_PROFILE=STAGE` (run only `parse`, `extract`, `learned`, `read` or
//! one writer, once, untimed — for a profiler; see `benches/profile.sh`).
//!
//! The learned body stage ships switched off (its model's threshold is 0);
//! extraction is also timed with it switched on, so that its cost shows.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use galley::Document;
use galley::read::html::learned;
use galley::read::{self, Input, charset, html};
use galley::write::{WRITERS, WriteOptions};

/// Pages in the parallel-speed comparison of the CLI (json, md and epub).
const JOBS_COMPARISON_PAGES: usize = 200;
/// Formats of the parallel-speed comparison, when registered.
const JOBS_COMPARISON_FORMATS: &[&str] = &["json", "md", "epub"];
/// Runs of each side of that comparison, taken in turn; the fastest counts,
/// since a run of a few tenths of a second is easily slowed by the host.
const JOBS_COMPARISON_RUNS: usize = 3;
/// Default size of the large batch whose peak memory is measured.
const DEFAULT_BATCH: usize = 10_000;
/// Pages listed where extraction costs most beyond the parse.
const SLOWEST_SHOWN: usize = 5;
/// Default number of timed runs of each in-process stage.
const DEFAULT_ROUNDS: usize = 3;
/// The threshold the learned stage is timed at, whatever the shipped model
/// says: the lowest the trainer tries, so that every block's features are
/// computed and judged.
const LEARNED_STAGE_THRESHOLD: f32 = 0.01;

/// Targets the figures are compared with in the closing lines.
const TARGET_EXTRACTION_RATIO: f64 = 1.5;
const TARGET_TEXT_WRITER_SHARE: f64 = 0.10;
const TARGET_EPUB_MS: f64 = 5.0;
const TARGET_PDF_MS: f64 = 30.0;
const TARGET_BATCH_MB: f64 = 300.0;
const TARGET_JOBS_SPEEDUP: f64 = 1.6;
/// Generated pages repeat one thing this many times, and four times more:
/// extraction should grow with the page, not with its square.
const SCALING_REPEATS: usize = 2_000;
/// The most the larger generated page may cost over the smaller one, as a
/// multiple of their size ratio: 1 is exactly linear (large pages cost a
/// little more than that even to parse), the size ratio itself the square.
const TARGET_SCALING: f64 = 2.0;

/// One corpus page, loaded once.
struct Page {
    /// `set/page`, for messages.
    name: String,
    path: PathBuf,
    bytes: Vec<u8>,
    /// The page decoded to text, as the HTML reader receives it.
    text: String,
}

fn main() {
    let root = std::env::var_os("BENCH_CORPUS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
        PathBuf::from,
    );
    if !root.is_dir() {
        eprintln!("bench: no corpus at {}", root.display());
        std::process::exit(2);
    }
    let rounds = env_usize("BENCH_ROUNDS").unwrap_or(DEFAULT_ROUNDS).max(1);
    let paths = page_paths(&root, env_usize("BENCH_PAGES"));
    if paths.is_empty() {
        eprintln!("bench: no SET/PAGE/source.html below {}", root.display());
        std::process::exit(2);
    }
    if let Ok(stage) = std::env::var("BENCH_PROFILE") {
        profile(&stage, &load_pages(&root, &paths));
        return;
    }

    // The processes run first, while this one is still small: a child's peak
    // memory starts from its parent's when it is spawned.
    let runs = Runs::measure(&paths);
    let pages = load_pages(&root, &paths);
    let megabytes = pages.iter().map(|p| p.bytes.len()).sum::<usize>() as f64 / 1e6;
    println!(
        "galley bench: {} pages ({megabytes:.1} MB) from {}; one thread, CPU time, best of {rounds} per page",
        pages.len(),
        root.display()
    );
    println!();
    let stages = Stages::measure(&pages, rounds);
    stages.print(pages.len());
    println!();
    stages.print_slowest(&pages);
    println!();
    let scaling = Scaling::measure(rounds);
    scaling.print();
    println!();
    runs.print();
    println!();
    println!("targets");
    stages.print_targets();
    scaling.print_targets();
    runs.print_targets();
}

/// Extraction of generated pages that repeat one thing, at two sizes: what
/// grows with the square of a page shows here long before a real page of
/// that kind comes along.
struct Scaling {
    /// Per kind of page: its name and its best times at both sizes.
    rows: Vec<(&'static str, Duration, Duration)>,
}

impl Scaling {
    /// The larger page's size over the smaller one's.
    const GROWTH: usize = 4;

    fn measure(rounds: usize) -> Scaling {
        let hints = html::Hints::default();
        let rows = SCALING_PAGES
            .iter()
            .map(|(name, item)| {
                let pages = [SCALING_REPEATS, SCALING_REPEATS * Self::GROWTH].map(|n| {
                    let body: String = (0..n).map(item).collect();
                    format!(
                        "<html><head><title>Generated</title></head><body><article><h1>Generated</h1>{body}</article></body></html>"
                    )
                });
                let times = best_times(&pages, rounds, |p| html::read(p, &hints));
                (*name, times[0], times[1])
            })
            .collect();
        Scaling { rows }
    }

    fn print(&self) {
        println!(
            "{:<40} {:>9} {:>9} {:>9}",
            "generated page (extraction)", "small ms", "large ms", "growth"
        );
        for (name, small, large) in &self.rows {
            println!(
                "{name:<40} {:>9.2} {:>9.2} {:>8.1}x",
                small.as_secs_f64() * 1e3,
                large.as_secs_f64() * 1e3,
                large.as_secs_f64() / small.as_secs_f64()
            );
        }
        println!(
            "(each repeats one thing {SCALING_REPEATS} times, then {} times)",
            SCALING_REPEATS * Self::GROWTH
        );
    }

    fn print_targets(&self) {
        let (name, growth) = self
            .rows
            .iter()
            .map(|(name, small, large)| (*name, large.as_secs_f64() / small.as_secs_f64()))
            .fold(("", 0.0), |a, b| if b.1 > a.1 { b } else { a });
        let limit = TARGET_SCALING * Self::GROWTH as f64;
        verdict(
            &format!("{}x the page, worst growth ({name})", Self::GROWTH),
            format!("{growth:.1}x"),
            format!("<= {limit:.0}x"),
            growth <= limit,
        );
    }
}

/// The markup of a generated page's `i`th repeat.
type Repeat = fn(usize) -> String;

/// The generated pages: a name and their repeat. Each kind but the first
/// once took time growing with the square of its page.
const SCALING_PAGES: &[(&str, Repeat)] = &[
    ("paragraphs (for comparison)", |i| {
        format!("<p>The council met on day {i} and agreed to keep the old library open.</p>")
    }),
    ("quotation marks in one paragraph", |i| {
        // One paragraph: its first repeat opens it, the page ends it.
        let open = if i == 0 { "<p>" } else { "" };
        format!("{open}“Open again” said {i} and \"more ")
    }),
    ("people named in sentences", |i| {
        format!(
            "<p>Ann Smith{i} met Dora Jones{i}. “We agreed,” said Eve Long{i}.</p>",
            i = name_suffix(i)
        )
    }),
    ("pictures after the article", |i| {
        let prose = if i == 0 {
            "<p>The council met on Monday and, after a long debate, agreed to keep the old library open with new hours.</p>"
        } else {
            ""
        };
        format!("{prose}<img src=\"https://example.org/{i}.jpg\" alt=\"\">")
    }),
];

/// A capitalized name part for the `i`th person: letters, as names have.
fn name_suffix(i: usize) -> String {
    let mut n = i;
    let mut out = String::from("o");
    loop {
        out.push(char::from(b'a' + (n % 26) as u8));
        n /= 26;
        if n == 0 {
            return out;
        }
    }
}

/// The `galley convert` processes and what each cost.
struct Runs {
    cores: usize,
    rows: Vec<(String, usize, Run)>,
    /// `--jobs 1` and `--jobs 2` on the same pages and formats, and a label.
    jobs: (Run, Run, String),
    /// The large batch and its size.
    batch: Option<(Run, usize)>,
}

impl Runs {
    fn measure(paths: &[PathBuf]) -> Runs {
        let exe = Path::new(env!("CARGO_BIN_EXE_galley"));
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        let work = tempfile::tempdir().expect("a temporary folder");
        let mut rows = Vec::new();
        let all = link_pages(paths, paths.len(), &work.path().join("all"));
        for jobs in [1, cores] {
            let out = work.path().join(format!("all-{jobs}"));
            let label = format!("DIR --to json --jobs {jobs}");
            rows.push((
                label,
                paths.len(),
                convert(exe, &all, &["json"], jobs, &out),
            ));
        }

        let formats: Vec<&str> = JOBS_COMPARISON_FORMATS
            .iter()
            .copied()
            .filter(|f| galley::write::writer(f).is_some())
            .collect();
        let few = JOBS_COMPARISON_PAGES.min(paths.len());
        let some = link_pages(paths, few, &work.path().join("some"));
        let to = formats.join(",");
        // The two sides run in turn, and each keeps its fastest run.
        let mut best: [Option<Run>; 2] = [None, None];
        for attempt in 0..JOBS_COMPARISON_RUNS {
            for (side, jobs) in best.iter_mut().zip([1, 2]) {
                let out = work.path().join(format!("some-{jobs}-{attempt}"));
                let run = convert(exe, &some, &formats, jobs, &out);
                if side.as_ref().is_none_or(|b| run.wall < b.wall) {
                    *side = Some(run);
                }
            }
        }
        let [one, two] = best.map(|run| run.expect("the comparison ran"));
        rows.push((format!("{few} pages --to {to} --jobs 1"), few, one.clone()));
        rows.push((format!("{few} pages --to {to} --jobs 2"), few, two.clone()));
        let jobs = (one, two, format!("{few} pages, {to}"));

        let size = env_usize("BENCH_BATCH").unwrap_or(DEFAULT_BATCH);
        let batch = (size > 0).then(|| {
            let dir = link_pages(paths, size, &work.path().join("batch"));
            let out = work.path().join("batch-out");
            let run = convert(exe, &dir, &["json"], cores, &out);
            rows.push((
                format!("{size}-page batch --to json --jobs {cores}"),
                size,
                run.clone(),
            ));
            (run, size)
        });
        Runs {
            cores,
            rows,
            jobs,
            batch,
        }
    }

    fn print(&self) {
        println!(
            "{:<46} {:>6} {:>8} {:>8} {:>8} {:>9} {:>5}",
            format!("galley convert, whole process ({} cores)", self.cores),
            "pages",
            "wall s",
            "cpu s",
            "pages/s",
            "peak MB",
            "exit"
        );
        for (label, pages, run) in &self.rows {
            run.print(label, *pages);
        }
    }

    fn print_targets(&self) {
        let (one, two, label) = &self.jobs;
        let speedup = one.wall.as_secs_f64() / two.wall.as_secs_f64();
        verdict(
            &format!("--jobs 2 vs --jobs 1 ({label})"),
            format!("{speedup:.2}x"),
            format!(">= {TARGET_JOBS_SPEEDUP}x"),
            speedup >= TARGET_JOBS_SPEEDUP,
        );
        if let Some((run, size)) = &self.batch {
            let mb = run.peak_kb as f64 / 1024.0;
            verdict(
                &format!("{size}-page batch peak memory"),
                format!("{mb:.0} MB"),
                format!("< {TARGET_BATCH_MB} MB"),
                mb < TARGET_BATCH_MB,
            );
        }
    }
}

/// Per-page best times of every in-process stage.
struct Stages {
    decode: Vec<Duration>,
    parse: Vec<Duration>,
    extract: Vec<Duration>,
    /// Extraction with the learned stage switched on.
    extract_learned: Vec<Duration>,
    read: Vec<Duration>,
    /// Pages the reader turned into an article (the writers' inputs).
    articles: usize,
    /// Per writer: its name and the per-article best times.
    writers: Vec<(&'static str, Vec<Duration>, usize)>,
}

impl Stages {
    fn measure(pages: &[Page], rounds: usize) -> Stages {
        let hints = html::Hints::default();
        let inputs: Vec<Input> = pages.iter().map(input).collect();
        // Each round runs every stage over all the pages in turn: a change
        // in the machine's load touches every stage alike, and no page is
        // still in the cache from another stage.
        let [decode, parse, extract, extract_learned, read] = best_times_together(
            pages.len(),
            rounds,
            [
                &|i| drop(black_box(charset::decode(&pages[i].bytes, None))),
                &|i| drop(black_box(scraper::Html::parse_document(&pages[i].text))),
                &|i| drop(black_box(html::read(&pages[i].text, &hints))),
                &|i| {
                    drop(black_box(learned::judging_at(
                        LEARNED_STAGE_THRESHOLD,
                        || html::read(&pages[i].text, &hints),
                    )))
                },
                &|i| drop(black_box(read::read(&inputs[i]))),
            ],
        );
        let docs: Vec<Document> = inputs
            .iter()
            .filter_map(|i| read::read(i).ok())
            .flatten()
            .collect();
        let options = WriteOptions {
            page_size: Some("a4".into()),
            ..WriteOptions::default()
        };
        let writers = WRITERS
            .iter()
            .map(|w| {
                let failures = docs
                    .iter()
                    .filter(|d| w.write(d, &options).is_err())
                    .count();
                let times = best_times(&docs, rounds, |d| w.write(d, &options));
                (w.name(), times, failures)
            })
            .collect();
        Stages {
            decode,
            parse,
            extract,
            extract_learned,
            read,
            articles: docs.len(),
            writers,
        }
    }

    fn print(&self, pages: usize) {
        let floor = total(&self.parse);
        let extraction = total(&self.extract);
        println!(
            "{:<46} {:>8} {:>8} {:>8} {:>8} {:>8}",
            "stage (per page)", "total s", "pages/s", "mean ms", "p50 ms", "x parse"
        );
        let rows: [(&str, &[Duration]); 5] = [
            ("decode (charset)", &self.decode),
            ("parse only (scraper::Html::parse_document)", &self.parse),
            (
                "extraction (read::html::read: parse + model)",
                &self.extract,
            ),
            ("extraction, learned stage on", &self.extract_learned),
            ("read::read (detect + decode + extraction)", &self.read),
        ];
        for (name, times) in rows {
            row(name, times, pages, total(times) / floor);
        }
        println!();
        println!(
            "{:<46} {:>8} {:>8} {:>8} {:>8} {:>8}",
            format!("writer (per article, {} articles)", self.articles),
            "total s",
            "art./s",
            "mean ms",
            "p50 ms",
            "x extr."
        );
        for (name, times, failures) in &self.writers {
            let label = if *failures > 0 {
                format!("{name} ({failures} failed)")
            } else {
                (*name).to_string()
            };
            row(&label, times, times.len(), total(times) / extraction);
        }
    }

    /// The pages where extraction adds the most to the parse, worst first.
    fn print_slowest(&self, pages: &[Page]) {
        let mut extra: Vec<(Duration, usize)> = self
            .extract
            .iter()
            .zip(&self.parse)
            .map(|(e, p)| e.saturating_sub(*p))
            .zip(0..)
            .collect();
        extra.sort_by(|a, b| b.cmp(a));
        println!(
            "{:<46} {:>8} {:>8} {:>8}",
            "pages where extraction adds most", "KB", "parse ms", "extr. ms"
        );
        for &(_, i) in extra.iter().take(SLOWEST_SHOWN) {
            println!(
                "{:<46} {:>8} {:>8.2} {:>8.2}",
                pages[i].name,
                pages[i].bytes.len() / 1024,
                self.parse[i].as_secs_f64() * 1e3,
                self.extract[i].as_secs_f64() * 1e3
            );
        }
    }

    fn print_targets(&self) {
        for (name, times) in [
            ("extraction / parse-only", &self.extract),
            (
                "extraction, learned stage on / parse-only",
                &self.extract_learned,
            ),
        ] {
            let ratio = total(times) / total(&self.parse);
            verdict(
                name,
                format!("{ratio:.2}x"),
                format!("<= {TARGET_EXTRACTION_RATIO}x"),
                ratio <= TARGET_EXTRACTION_RATIO,
            );
        }
        let extraction = total(&self.extract);
        for (name, times, _) in &self.writers {
            match *name {
                "json" | "md" => {
                    let share = total(times) / extraction;
                    verdict(
                        &format!("{name} writer on top of extraction"),
                        format!("{:.1}%", share * 100.0),
                        format!("< {:.0}%", TARGET_TEXT_WRITER_SHARE * 100.0),
                        share < TARGET_TEXT_WRITER_SHARE,
                    );
                }
                "epub" | "pdf" => {
                    let target = if *name == "epub" {
                        TARGET_EPUB_MS
                    } else {
                        TARGET_PDF_MS
                    };
                    let ms = median_ms(times);
                    verdict(
                        &format!("{name} per typical (median) article"),
                        format!("{ms:.2} ms"),
                        format!("< {target} ms"),
                        ms < target,
                    );
                }
                _ => {}
            }
        }
    }
}

/// Runs one stage once over the pages and nothing else, for a profiler:
/// `parse`, `extract`, `learned` (extraction with the learned stage on),
/// `read`, or a writer's name.
fn profile(stage: &str, pages: &[Page]) {
    let hints = html::Hints::default();
    match stage {
        "parse" => pages.iter().for_each(|p| {
            black_box(scraper::Html::parse_document(&p.text));
        }),
        "extract" => pages.iter().for_each(|p| {
            let _ = black_box(html::read(&p.text, &hints));
        }),
        "learned" => pages.iter().for_each(|p| {
            let _ = black_box(learned::judging_at(LEARNED_STAGE_THRESHOLD, || {
                html::read(&p.text, &hints)
            }));
        }),
        "read" => pages.iter().for_each(|p| {
            let _ = black_box(read::read(&input(p)));
        }),
        name => {
            let Some(writer) = galley::write::writer(name) else {
                eprintln!(
                    "bench: BENCH_PROFILE is parse, extract, learned, read or a writer's name"
                );
                std::process::exit(2);
            };
            let docs: Vec<Document> = pages
                .iter()
                .filter_map(|p| read::read(&input(p)).ok())
                .flatten()
                .collect();
            let options = WriteOptions {
                page_size: Some("a4".into()),
                ..WriteOptions::default()
            };
            docs.iter().for_each(|d| {
                let _ = black_box(writer.write(d, &options));
            });
        }
    }
}

/// One table row: totals, throughput, mean and median, and a ratio.
fn row(name: &str, times: &[Duration], count: usize, ratio: f64) {
    let secs = total(times);
    println!(
        "{name:<46} {secs:>8.3} {:>8.0} {:>8.3} {:>8.3} {ratio:>8.2}",
        count as f64 / secs,
        secs * 1e3 / count.max(1) as f64,
        median_ms(times),
    );
}

/// One closing line: a figure against its target.
fn verdict(what: &str, figure: String, target: String, met: bool) {
    let mark = if met { "met" } else { "NOT MET" };
    println!("  {what:<52} {figure:>10}   target {target:<10} {mark}");
}

fn total(times: &[Duration]) -> f64 {
    times.iter().sum::<Duration>().as_secs_f64()
}

fn median_ms(times: &[Duration]) -> f64 {
    if times.is_empty() {
        return 0.0;
    }
    let mut sorted = times.to_vec();
    sorted.sort();
    sorted[sorted.len() / 2].as_secs_f64() * 1e3
}

/// Each stage's lowest CPU time per item over `rounds` rounds, each round
/// running the stages one after the other over every item (a stage is
/// called with the item's index and drops what it makes inside the timing).
fn best_times_together<const N: usize>(
    items: usize,
    rounds: usize,
    stages: [&dyn Fn(usize); N],
) -> [Vec<Duration>; N] {
    let mut best = std::array::from_fn(|_| vec![Duration::MAX; items]);
    for _ in 0..rounds {
        for (stage, times) in stages.iter().zip(best.iter_mut()) {
            for (i, time) in times.iter_mut().enumerate() {
                let start = thread_cpu_time();
                stage(black_box(i));
                *time = (*time).min(thread_cpu_time().saturating_sub(start));
            }
        }
    }
    best
}

/// Each item's lowest CPU time over `rounds` runs of `f` (its result dropped
/// inside the timing, as a real run drops it).
fn best_times<T, R>(items: &[T], rounds: usize, mut f: impl FnMut(&T) -> R) -> Vec<Duration> {
    let mut best = vec![Duration::MAX; items.len()];
    for _ in 0..rounds {
        for (item, slot) in items.iter().zip(best.iter_mut()) {
            let start = thread_cpu_time();
            drop(black_box(f(black_box(item))));
            *slot = (*slot).min(thread_cpu_time().saturating_sub(start));
        }
    }
    best
}

/// CPU time consumed by the calling thread.
fn thread_cpu_time() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the duration of the call.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

fn input(page: &Page) -> Input {
    Input {
        name: page.name.clone(),
        path: Some(page.path.clone()),
        bytes: page.bytes.clone(),
    }
}

/// Every `SET/PAGE/source.html` below the corpus root, in a stable order;
/// with a limit, that many pages spread evenly over the whole list.
fn page_paths(root: &Path, limit: Option<usize>) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    for set in sorted_dirs(root) {
        for page in sorted_dirs(&set) {
            let source = page.join("source.html");
            if source.is_file() {
                paths.push(source);
            }
        }
    }
    if let Some(limit) = limit.filter(|&l| l > 0 && l < paths.len()) {
        let len = paths.len();
        paths = (0..limit).map(|i| paths[i * len / limit].clone()).collect();
    }
    paths
}

/// The pages' bytes and text, in memory for the in-process stages.
fn load_pages(root: &Path, paths: &[PathBuf]) -> Vec<Page> {
    paths
        .iter()
        .map(|path| {
            let bytes = std::fs::read(path).expect("a readable corpus page");
            let text = charset::decode(&bytes, None).into_owned();
            let name = path
                .parent()
                .and_then(|p| p.strip_prefix(root).ok())
                .map_or_else(|| path.display().to_string(), |p| p.display().to_string());
            Page {
                name,
                path: path.clone(),
                bytes,
                text,
            }
        })
        .collect()
}

fn sorted_dirs(dir: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    dirs.retain(|p| p.is_dir());
    dirs.sort();
    dirs
}

/// A folder of `count` symbolic links to the pages (cycling through them when
/// `count` exceeds the corpus), flat, one `.html` name each.
fn link_pages(paths: &[PathBuf], count: usize, dir: &Path) -> PathBuf {
    std::fs::create_dir_all(dir).expect("a folder for the batch");
    for i in 0..count {
        let target = std::fs::canonicalize(&paths[i % paths.len()]).expect("a corpus page");
        let link = dir.join(format!("{i:05}.html"));
        std::os::unix::fs::symlink(target, link).expect("a symbolic link");
    }
    dir.to_path_buf()
}

/// What one `galley convert` process cost.
#[derive(Clone)]
struct Run {
    wall: Duration,
    cpu: Duration,
    peak_kb: i64,
    exit: i32,
}

impl Run {
    fn print(&self, label: &str, pages: usize) {
        let wall = self.wall.as_secs_f64();
        println!(
            "{label:<46} {pages:>6} {wall:>8.2} {:>8.2} {:>8.0} {:>9.1} {:>5}",
            self.cpu.as_secs_f64(),
            pages as f64 / wall,
            self.peak_kb as f64 / 1024.0,
            self.exit
        );
    }
}

/// Runs `galley convert DIR --to FORMATS --jobs N -o OUT --quiet`, waiting for
/// it with `wait4` to get the child's own resource usage.
fn convert(exe: &Path, dir: &Path, formats: &[&str], jobs: usize, out: &Path) -> Run {
    let start = Instant::now();
    // Reaped by `wait4` below rather than `Child::wait`, for its resource usage.
    let pid = Command::new(exe)
        .arg("convert")
        .arg(dir)
        .args(["--to", &formats.join(",")])
        .args(["--jobs", &jobs.to_string()])
        .arg("-o")
        .arg(out)
        .arg("--quiet")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the galley binary runs")
        .id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value of this plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: `pid` is our child, not yet reaped; the pointers are valid.
        let rc = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if rc == pid {
            break;
        }
        let err = std::io::Error::last_os_error();
        assert!(
            err.kind() == std::io::ErrorKind::Interrupted,
            "wait4: {err}"
        );
    }
    let wall = start.elapsed();
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    Run {
        wall,
        cpu: time(usage.ru_utime) + time(usage.ru_stime),
        peak_kb: usage.ru_maxrss,
        exit: if libc::WIFEXITED(status) {
            libc::WEXITSTATUS(status)
        } else {
            -1
        },
    }
}

fn env_usize(name: &str) -> Option<usize> {
    std::env::var(name).ok()?.trim().parse().ok()
}
