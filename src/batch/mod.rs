//! Running a conversion ([`Job`]) over many inputs: expanding folders as a
//! stream ([`walk`]), naming outputs ([`naming`]), converting in parallel on
//! a thread pool of `--jobs` threads, writing every output atomically
//! ([`output`]), skipping inputs whose outputs are up to date
//! ([`manifest`]), and reporting progress ([`progress`]), failures and the
//! `--report` ([`report`]).
//!
//! Workers read and write; the calling thread only collects what each input
//! became, so failures are printed as they happen, one line each, and memory
//! stays bounded however many inputs there are (only `--bundle` keeps the
//! articles, as it must).

mod budget;
mod job;
pub mod manifest;
pub mod naming;
mod output;
mod progress;
pub mod report;
pub mod walk;

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use rayon::iter::{ParallelBridge, ParallelIterator};

use crate::document::Document;
use crate::error::{Error, Failure, Result};
use crate::read::{self, Opened, warc};
use crate::write::{self, WriteOptions, Writer};
use budget::Budget;
pub use job::Job;
use manifest::Manifests;
use naming::Unique;
use output::prepare_folder;
pub use output::write_atomically;
use progress::Progress;
use report::{Report, Row, Status, Totals};

/// Finished inputs that may wait for the collecting thread; bounds memory
/// when workers outrun it.
const PENDING_OUTCOMES: usize = 64;

/// How often manifests are saved during a run, so an interrupted run
/// resumes from close to where it stopped.
const MANIFEST_SAVE_INTERVAL: Duration = Duration::from_secs(2);

/// Something the user should see while the run goes on.
#[derive(Debug)]
pub enum Notice<'a> {
    /// An input (or a record of it) failed.
    Failure(&'a Failure),
    /// A writer warned about an input.
    Warning {
        /// The input.
        input: &'a str,
        /// The warning.
        message: &'a str,
    },
}

/// What a run did.
#[derive(Debug, Default)]
pub struct Summary {
    /// Counts per status.
    pub totals: Totals,
    /// Failure lines reported.
    pub failures: usize,
}

/// Carries out a job; `notify` is told of every failure and warning as it
/// happens.
pub fn convert(job: &Job, notify: &mut dyn FnMut(Notice)) -> Result<Summary> {
    let plan = Plan::new(job)?;
    let mut report = job.report.as_deref().map(Report::create).transpose()?;
    let progress = Progress::new(!job.quiet && std::io::stderr().is_terminal());
    let started = Instant::now();
    let mut state = Collected::default();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(job.threads.unwrap_or(0))
        .build()
        .map_err(Error::Threads)?;
    let (sender, receiver) = mpsc::sync_channel::<Outcome>(PENDING_OUTCOMES);
    std::thread::scope(|scope| {
        let plan = &plan;
        scope.spawn(move || {
            pool.install(|| {
                plan.tasks()
                    .par_bridge()
                    .for_each_with(sender, |sender, task| {
                        let _ = sender.send(plan.process_guarded(task));
                    });
            });
        });
        if progress.is_visible() {
            let progress = &progress;
            scope.spawn(move || progress.set_total(plan.inputs().count() as u64));
        }
        let mut last_save = Instant::now();
        for outcome in receiver {
            plan.collect(outcome, &mut state, report.as_mut(), &progress, notify);
            if last_save.elapsed() >= MANIFEST_SAVE_INTERVAL {
                plan.manifests.flush();
                last_save = Instant::now();
            }
        }
    });
    progress.finish();
    for error in plan.manifests.flush() {
        let message = format!("resuming will redo this run: {error}");
        notify(Notice::Warning {
            input: "galley",
            message: &message,
        });
    }
    plan.finish_stdout(&mut state);
    if let Some((path, writer)) = plan.bundle
        && let Err(error) = plan.write_bundle(path, writer, std::mem::take(&mut state.bundle))
    {
        let failure = Failure {
            input: path.display().to_string(),
            error,
        };
        notify(Notice::Failure(&failure));
        state.failures += 1;
    }
    state.totals.seconds = started.elapsed().as_secs_f64();
    if let Some(report) = report {
        report.finish(&state.totals)?;
    }
    Ok(Summary {
        totals: state.totals,
        failures: state.failures,
    })
}

/// Where outputs go.
#[derive(Debug, Clone, PartialEq)]
enum Destination {
    /// Below this folder, mirroring the inputs' tree.
    Folder(PathBuf),
    /// Beside each input.
    Beside,
    /// Standard output.
    Stdout,
}

/// Everything fixed before the first input is read.
struct Plan<'a> {
    job: &'a Job,
    writers: Vec<&'static dyn Writer>,
    /// The `--bundle` file and the writer that makes it.
    bundle: Option<(&'a Path, &'static dyn Writer)>,
    destination: Destination,
    /// The deepest folder holding all the inputs (normalized).
    root: PathBuf,
    /// Explicit file arguments sharing a folder and a stem.
    shared_stems: Vec<PathBuf>,
    /// Folders the walk never enters (the output folder).
    excluded: Vec<PathBuf>,
    manifests: Manifests,
    /// Set when standard output is closed: the remaining inputs are dropped.
    cancelled: AtomicBool,
    /// What large inputs share of memory.
    budget: Budget,
}

/// One input to convert.
struct Task {
    index: usize,
    path: PathBuf,
    name: String,
    /// The outputs' name before their extension.
    stem: String,
    /// The folder its outputs go into (`None`: standard output).
    folder: Option<PathBuf>,
}

/// A rendered article on its way to standard output.
struct Text {
    pretty: Vec<u8>,
    line: Option<Vec<u8>>,
}

/// What became of one input.
struct Outcome {
    index: usize,
    name: String,
    path: PathBuf,
    folder: Option<PathBuf>,
    skipped: bool,
    articles: usize,
    outputs: Vec<PathBuf>,
    warnings: Vec<String>,
    failures: Vec<Failure>,
    texts: Vec<Text>,
    docs: Vec<Document>,
    seconds: f64,
}

/// What the collecting thread keeps.
#[derive(Default)]
struct Collected {
    totals: Totals,
    failures: usize,
    stdout: StdoutState,
    bundle: Vec<(usize, Vec<Document>)>,
}

/// Standard output holds one pretty article until a second one shows that
/// JSON Lines are needed.
#[derive(Default)]
enum StdoutState {
    #[default]
    Empty,
    One(Text),
    Many,
}

impl<'a> Plan<'a> {
    /// Checks the job and fixes what it needs: the writers, where outputs
    /// go (the output folder is created), how they are named, and the
    /// manifests that tell which inputs are up to date.
    fn new(job: &'a Job) -> Result<Plan<'a>> {
        let writers = writers(&job.formats, job.bundle.is_some())?;
        let destination = destination(job, &writers)?;
        let bundle = match &job.bundle {
            Some(path) => Some((path.as_path(), bundle_writer(path)?)),
            None => None,
        };
        let mut excluded = Vec::new();
        if let Destination::Folder(dir) = &destination {
            prepare_folder(dir)?;
            excluded.push(naming::normalize(dir));
        }
        Ok(Plan {
            job,
            root: inputs_root(&job.inputs),
            shared_stems: shared_stems(&job.inputs),
            manifests: Manifests::new(manifest_flags(&writers, &job.options)),
            writers,
            bundle,
            destination,
            excluded,
            cancelled: AtomicBool::new(false),
            budget: Budget::default(),
        })
    }

    /// Every input file, folders walked, in a stable order; the flag says
    /// its stem is shared with another input in its folder.
    fn inputs(&self) -> impl Iterator<Item = (PathBuf, bool)> + Send + '_ {
        self.job.inputs.iter().flat_map(move |input| {
            let path = PathBuf::from(input);
            let found: Box<dyn Iterator<Item = (PathBuf, bool)> + Send> = if input != "-"
                && path.is_dir()
            {
                Box::new(
                    walk::Walk::new(&path, self.excluded.clone()).map(|f| (f.path, f.stem_shared)),
                )
            } else {
                let shared = self.shared_stems.contains(&path);
                Box::new(std::iter::once((path, shared)))
            };
            found
        })
    }

    fn tasks(&self) -> impl Iterator<Item = Task> + Send + '_ {
        self.inputs()
            .enumerate()
            .map(|(index, (path, shared))| self.task(index, path, shared))
    }

    fn task(&self, index: usize, path: PathBuf, stem_shared: bool) -> Task {
        let name = path.display().to_string();
        let stdin = path.as_os_str() == "-";
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let stem = match (stdin, stem_shared) {
            (true, _) => "stdin".to_string(),
            (false, true) => naming::safe_component(&file_name),
            (false, false) => naming::safe_component(naming::input_stem(&file_name)),
        };
        let folder = match &self.destination {
            Destination::Stdout => None,
            Destination::Folder(out) if stdin => Some(out.clone()),
            Destination::Folder(out) => {
                let normalized = naming::normalize(&path);
                let parent = normalized.parent().unwrap_or(Path::new(""));
                Some(out.join(naming::relative_below(parent, &self.root)))
            }
            Destination::Beside => Some(
                path.parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .unwrap_or(Path::new("."))
                    .to_path_buf(),
            ),
        };
        Task {
            index,
            path,
            name,
            stem,
            folder,
        }
    }

    /// Converts one input; a panic in a reader or writer fails only that input.
    fn process_guarded(&self, task: Task) -> Outcome {
        let mut fallback = Outcome::new(&task);
        match std::panic::catch_unwind(AssertUnwindSafe(|| self.process(task))) {
            Ok(outcome) => outcome,
            Err(panic) => {
                let reason = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                fallback.failures.push(Failure {
                    input: fallback.name.clone(),
                    error: Error::Internal(reason),
                });
                fallback
            }
        }
    }

    fn process(&self, task: Task) -> Outcome {
        let started = Instant::now();
        let mut out = Outcome::new(&task);
        if self.cancelled.load(Ordering::Relaxed) {
            out.skipped = true;
            return out;
        }
        if !self.job.force
            && self.job.bundle.is_none()
            && let Some(folder) = &task.folder
            && let Some(outputs) = self.manifests.fresh(folder, &task.path)
        {
            out.skipped = true;
            out.outputs = outputs;
            return out;
        }
        // A large page first waits for its share of the memory budget.
        let share = self.budget.take(budget::size_hint(&task.path));
        match read::open(&task.path) {
            Err(error) => out.fail(&task.name, error),
            Ok(Opened::Page(input)) => match (
                self.budget.grow(share, input.bytes.len() as u64),
                read::read(&input),
            ) {
                (_share, Ok(docs)) => {
                    let mut unique = Unique::default();
                    let several = docs.len() > 1;
                    for (n, doc) in docs.into_iter().enumerate() {
                        // Several articles in one file (JSON Lines) each get a file
                        // named from their URL, or from their place in the file.
                        let member = several.then(|| {
                            let url = doc.member.as_deref().or(doc.article.url.as_deref());
                            let name =
                                url.map_or(format!("article-{}", n + 1), naming::name_from_url);
                            unique.name(&name)
                        });
                        let name = member_label(&task.name, doc.member.as_deref());
                        if let Err(error) = self.emit(&task, doc, member.as_deref(), &mut out) {
                            out.fail(&name, error);
                        }
                    }
                }
                (_, Err(error)) => out.fail(&task.name, error),
            },
            Ok(Opened::Archive(responses)) => {
                // An archive is read record by record, whatever its size.
                drop(share);
                self.archive(&task, responses, &mut out);
            }
        }
        out.seconds = started.elapsed().as_secs_f64();
        out
    }

    /// Converts an archive's pages in parallel, each named from its URL.
    fn archive<R: std::io::BufRead + Send>(
        &self,
        task: &Task,
        responses: warc::Responses<R>,
        out: &mut Outcome,
    ) {
        let mut unique = Unique::default();
        let named = responses.map(move |response| {
            response.map(|r| (unique.name(&naming::name_from_url(&r.url)), r))
        });
        let mut parts: Vec<(usize, Outcome)> = named
            .enumerate()
            .par_bridge()
            .map(|(i, item)| {
                let mut part = Outcome::new(task);
                match item {
                    Err(error) => part.fail(&task.name, error),
                    Ok((member, response)) => {
                        let label = member_label(&task.name, Some(&response.url));
                        if let Err(error) = read::read_response(response)
                            .and_then(|doc| self.emit(task, doc, Some(&member), &mut part))
                        {
                            part.fail(&label, error);
                        }
                    }
                }
                (i, part)
            })
            .collect();
        parts.sort_by_key(|(i, _)| *i);
        for (_, part) in parts {
            out.merge(part);
        }
        if out.articles == 0 && out.failures.is_empty() {
            out.fail(&task.name, Error::NoArticle);
        }
    }

    /// Renders one article in every format and writes it (or keeps it for
    /// standard output and the bundle).
    fn emit(
        &self,
        task: &Task,
        doc: Document,
        member: Option<&str>,
        out: &mut Outcome,
    ) -> Result<()> {
        match &task.folder {
            None => {
                for writer in &self.writers {
                    let pretty = writer.write(&doc, &self.job.options)?.bytes;
                    let line = writer.write_line(&doc).transpose()?;
                    out.texts.push(Text { pretty, line });
                }
            }
            Some(folder) => {
                let base = match member {
                    Some(member) => folder.join(&task.stem).join(member),
                    None => folder.join(&task.stem),
                };
                let mut written = Vec::new();
                let mut warnings = Vec::new();
                for writer in &self.writers {
                    let mut path = base.clone().into_os_string();
                    path.push(".");
                    path.push(writer.spec().extension);
                    let path = PathBuf::from(path);
                    if naming::normalize(&path) == naming::normalize(&task.path) {
                        return Err(Error::Usage(format!(
                            "{} output would replace the input; choose another folder with -o",
                            writer.name()
                        )));
                    }
                    let output = writer.write(&doc, &self.job.options)?;
                    write_atomically(&path, &output.bytes)?;
                    written.push(path);
                    warnings.extend(output.warnings);
                }
                out.outputs.extend(written);
                out.warnings.extend(warnings);
            }
        }
        out.articles += 1;
        if self.bundle.is_some() {
            out.docs.push(doc);
        }
        Ok(())
    }

    /// Takes in what became of one input (on the calling thread).
    fn collect(
        &self,
        outcome: Outcome,
        state: &mut Collected,
        report: Option<&mut Report>,
        progress: &Progress,
        notify: &mut dyn FnMut(Notice),
    ) {
        if self.cancelled.load(Ordering::Relaxed) && outcome.texts.is_empty() && outcome.skipped {
            return;
        }
        let status = outcome.status();
        let totals = &mut state.totals;
        totals.inputs += 1;
        totals.articles += outcome.articles;
        match status {
            Status::Converted => totals.converted += 1,
            Status::Skipped => totals.skipped += 1,
            Status::Partial => totals.partial += 1,
            Status::Failed => totals.failed += 1,
        }
        state.failures += outcome.failures.len();
        progress.suspend(|| {
            if !self.job.quiet {
                for warning in &outcome.warnings {
                    notify(Notice::Warning {
                        input: &outcome.name,
                        message: warning,
                    });
                }
            }
            for failure in &outcome.failures {
                notify(Notice::Failure(failure));
            }
        });
        for text in outcome.texts {
            self.to_stdout(&mut state.stdout, text);
        }
        if let Some(folder) = &outcome.folder
            && !outcome.skipped
            && outcome.path.as_os_str() != "-"
        {
            if status == Status::Converted {
                self.manifests
                    .record(folder, &outcome.path, &outcome.outputs);
            } else {
                self.manifests.forget(folder, &outcome.path);
            }
        }
        if let Some(report) = report {
            let row = Row {
                input: &outcome.name,
                status,
                articles: outcome.articles,
                outputs: outcome
                    .outputs
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect(),
                warnings: &outcome.warnings,
                errors: outcome.failures.iter().map(ToString::to_string).collect(),
                seconds: outcome.seconds,
            };
            if let Err(error) = report.row(&row) {
                let failure = Failure {
                    input: "--report".into(),
                    error,
                };
                notify(Notice::Failure(&failure));
            }
        }
        if !outcome.docs.is_empty() {
            state.bundle.push((outcome.index, outcome.docs));
        }
        progress.advance(state.totals.failed + state.totals.partial);
    }

    /// Writes an article to standard output: pretty while it is the only
    /// one, JSON Lines from the second on.
    fn to_stdout(&self, state: &mut StdoutState, text: Text) {
        let mut chunks: Vec<Vec<u8>> = Vec::new();
        *state = match std::mem::take(state) {
            StdoutState::Empty => StdoutState::One(text),
            StdoutState::One(first) => {
                chunks.push(first.line.unwrap_or(first.pretty));
                chunks.push(text.line.unwrap_or(text.pretty));
                StdoutState::Many
            }
            StdoutState::Many => {
                chunks.push(text.line.unwrap_or(text.pretty));
                StdoutState::Many
            }
        };
        self.print(&chunks);
    }

    /// Prints the last pending article, if it stayed the only one.
    fn finish_stdout(&self, state: &mut Collected) {
        if let StdoutState::One(text) = std::mem::take(&mut state.stdout) {
            self.print(&[text.pretty]);
        }
    }

    fn print(&self, chunks: &[Vec<u8>]) {
        if chunks.is_empty() || self.cancelled.load(Ordering::Relaxed) {
            return;
        }
        let mut stdout = std::io::stdout().lock();
        let ok = chunks.iter().all(|c| stdout.write_all(c).is_ok()) && stdout.flush().is_ok();
        if !ok {
            // The reader went away (`| head`): nothing more is wanted.
            self.cancelled.store(true, Ordering::Relaxed);
        }
    }

    /// Makes the `--bundle` edition of every article, in input order.
    fn write_bundle(
        &self,
        path: &Path,
        writer: &dyn Writer,
        mut parts: Vec<(usize, Vec<Document>)>,
    ) -> Result<()> {
        parts.sort_by_key(|(i, _)| *i);
        let docs: Vec<Document> = parts.into_iter().flat_map(|(_, d)| d).collect();
        if docs.is_empty() {
            return Err(Error::NoArticle);
        }
        let output = writer.write_bundle(&docs, &self.job.options)?;
        write_atomically(path, &output.bytes)
    }
}

/// The writers of the formats asked for, each once, in the order asked;
/// none asked for means the default format, unless a bundle is all that is
/// wanted.
fn writers(formats: &[String], bundle: bool) -> Result<Vec<&'static dyn Writer>> {
    let mut names: Vec<&str> = formats.iter().map(String::as_str).collect();
    if names.is_empty() && !bundle {
        names.push(write::DEFAULT_FORMAT);
    }
    let mut writers: Vec<&'static dyn Writer> = Vec::new();
    for name in names {
        let writer = write::writer(name).ok_or_else(|| {
            Error::Usage(format!(
                "unknown format {name:?} (known: {})",
                write::names()
            ))
        })?;
        if !writers.iter().any(|w| w.name() == writer.name()) {
            writers.push(writer);
        }
    }
    Ok(writers)
}

/// Where the outputs go: the folder of `-o`, standard output (`-o -`, or
/// only standard input and no bundle), or beside each input.
fn destination(job: &Job, writers: &[&'static dyn Writer]) -> Result<Destination> {
    let only_stdin = job.inputs.iter().all(|i| i == "-");
    let destination = match job.output.as_deref() {
        Some("-") => Destination::Stdout,
        Some(dir) => Destination::Folder(PathBuf::from(dir)),
        None if only_stdin && job.bundle.is_none() => Destination::Stdout,
        None if job.inputs.iter().any(|i| i == "-") && !writers.is_empty() => {
            return Err(Error::Usage(
                "standard input has no folder to write beside: add -o FOLDER or -o -".into(),
            ));
        }
        None => Destination::Beside,
    };
    if destination == Destination::Stdout {
        match writers {
            [w] if w.spec().text => {}
            [_] => {
                let text = write::text_writers().map(|w| w.name().to_string());
                let binary = write::WRITERS
                    .iter()
                    .filter(|w| !w.spec().text)
                    .map(|w| w.name().to_uppercase());
                return Err(Error::Usage(format!(
                    "-o - needs a text format ({}); write {} to a folder",
                    write::either(text),
                    write::either(binary)
                )));
            }
            _ => {
                return Err(Error::Usage(
                    "-o - writes a single format: pick one with --to".into(),
                ));
            }
        }
    }
    Ok(destination)
}

/// The writer that makes a `--bundle` file, chosen by its extension.
fn bundle_writer(path: &Path) -> Result<&'static dyn Writer> {
    read::extension(path)
        .and_then(|ext| write::writer(&ext))
        .filter(|w| w.spec().bundles)
        .ok_or_else(|| {
            let kinds = write::bundlers().map(|w| w.name().to_uppercase());
            let files = write::bundlers().map(|w| format!("FILE.{}", w.spec().extension));
            Error::Usage(format!(
                "--bundle makes an {} edition: name it {} (got {})",
                write::either(kinds),
                write::either(files),
                path.display()
            ))
        })
}

/// The deepest folder holding all the inputs (normalized): outputs below
/// an output folder mirror the inputs' tree from there.
fn inputs_root(inputs: &[String]) -> PathBuf {
    let folders: Vec<PathBuf> = inputs
        .iter()
        .filter(|i| *i != "-")
        .map(|i| {
            let path = naming::normalize(Path::new(i));
            if path.is_dir() {
                path
            } else {
                path.parent().map(Path::to_path_buf).unwrap_or(path)
            }
        })
        .collect();
    naming::common_root(folders.iter().map(PathBuf::as_path))
}

/// The file arguments that share a folder and a stem with another one
/// (`a.html` and `a.json`): their outputs keep the whole file name.
fn shared_stems(inputs: &[String]) -> Vec<PathBuf> {
    let files: Vec<PathBuf> = inputs
        .iter()
        .filter(|i| *i != "-" && !Path::new(i).is_dir())
        .map(PathBuf::from)
        .collect();
    let stem_key = |p: &Path| {
        let normalized = naming::normalize(p);
        let name = normalized
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
        (
            normalized
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default(),
            naming::input_stem(&name.unwrap_or_default()).to_lowercase(),
        )
    };
    let mut stems: HashMap<(PathBuf, String), usize> = HashMap::new();
    for file in &files {
        *stems.entry(stem_key(file)).or_default() += 1;
    }
    files
        .into_iter()
        .filter(|f| stems[&stem_key(f)] > 1)
        .collect()
}

/// What the outputs depend on besides the input: an output made under other
/// flags is not up to date.
fn manifest_flags(writers: &[&'static dyn Writer], options: &WriteOptions) -> String {
    let mut formats: Vec<&str> = writers.iter().map(|w| w.name()).collect();
    formats.sort_unstable();
    let path_or_dash = |path: Option<&Path>| path.map_or("-".into(), |p| p.display().to_string());
    format!(
        "to={} page-size={} css={} font={}",
        formats.join(","),
        options
            .page_size
            .as_deref()
            .unwrap_or(write::DEFAULT_PAGE_SIZE),
        path_or_dash(options.css.as_deref()),
        path_or_dash(options.font.as_deref()),
    )
}

impl Outcome {
    fn new(task: &Task) -> Outcome {
        Outcome {
            index: task.index,
            name: task.name.clone(),
            path: task.path.clone(),
            folder: task.folder.clone(),
            skipped: false,
            articles: 0,
            outputs: Vec::new(),
            warnings: Vec::new(),
            failures: Vec::new(),
            texts: Vec::new(),
            docs: Vec::new(),
            seconds: 0.0,
        }
    }

    fn fail(&mut self, input: &str, error: Error) {
        self.failures.push(Failure {
            input: input.to_string(),
            error,
        });
    }

    fn merge(&mut self, other: Outcome) {
        self.articles += other.articles;
        self.outputs.extend(other.outputs);
        self.warnings.extend(other.warnings);
        self.failures.extend(other.failures);
        self.texts.extend(other.texts);
        self.docs.extend(other.docs);
    }

    fn status(&self) -> Status {
        match (self.skipped, self.failures.is_empty(), self.articles > 0) {
            (true, _, _) => Status::Skipped,
            (false, true, _) => Status::Converted,
            (false, false, true) => Status::Partial,
            (false, false, false) => Status::Failed,
        }
    }
}

/// Reads an input's bytes whole (`-` is standard input); see [`read::read`].
pub fn load(path: &Path) -> Result<read::Input> {
    let name = path.display().to_string();
    let stdin = name == "-";
    let bytes = if stdin {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes).map_err(Error::Read)?;
        bytes
    } else {
        std::fs::read(path).map_err(Error::Read)?
    };
    Ok(read::Input {
        name,
        path: (!stdin).then(|| path.to_path_buf()),
        bytes,
    })
}

/// How a failure names an article inside a container: `FILE#URL`.
fn member_label(input: &str, member: Option<&str>) -> String {
    match member {
        Some(url) => format!("{input}#{url}"),
        None => input.to_string(),
    }
}
