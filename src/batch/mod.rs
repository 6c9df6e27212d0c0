//! Running a conversion ([`Job`]) over many inputs: expanding folders as a
//! stream ([`walk`]), naming outputs ([`naming`]), converting in parallel on
//! a thread pool of `--jobs` threads, writing every output atomically
//! ([`output`]), skipping inputs whose outputs are up to date
//! ([`manifest`]), and reporting progress ([`progress`]), failures and the
//! `--report` ([`report`]).
//!
//! Workers read and write; the calling thread only collects what each input
//! became, in input order whatever `--jobs` is (standard output, failure
//! lines and the `--report` follow the inputs, then the records inside a
//! WARC), so memory stays bounded by what finishes while one input is still
//! being converted (only `--bundle` keeps the articles, as it must).

mod budget;
mod claims;
mod in_order;
mod job;
pub mod manifest;
pub mod naming;
mod output;
mod progress;
pub mod report;
pub mod stream;
pub mod walk;
mod warnings;

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Instant;

use rayon::iter::{ParallelBridge, ParallelIterator};

use crate::document::Document;
use crate::error::{Error, Failure, Result};
use crate::read::{self, Opened, warc};
use crate::write::template::Template;
use crate::write::{self, WriteOptions, Writer};
use budget::Budget;
use claims::{Claims, Owner};
use in_order::InOrder;
pub use job::{Interrupt, Job};
use manifest::Manifests;
use naming::Unique;
use output::prepare_folder;
pub use output::write_atomically;
use progress::Progress;
use report::{Report, Row, Status, Totals};
use warnings::Gathered;

/// Finished inputs that may wait for the collecting thread; bounds memory
/// when workers outrun it.
const PENDING_OUTCOMES: usize = 64;

/// Most worker threads per core `--jobs` may ask for: conversion is
/// CPU-bound, more threads only add memory and switching.
const MAX_JOBS_PER_CORE: usize = 4;

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
    /// Warnings reported (also those `--quiet` kept quiet).
    pub warnings: usize,
    /// The signal that stopped the run, if one did.
    pub interrupted: Option<u8>,
}

impl std::fmt::Display for Summary {
    /// The run's one-line summary: `12 converted, 3 skipped, 0 partly
    /// converted, 1 failed, 2 warnings in 1.4 s`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let t = &self.totals;
        if let Some(signal) = self.interrupted {
            write!(f, "interrupted by signal {signal}, a rerun resumes: ")?;
        }
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        write!(
            f,
            "{} converted, {} skipped, {} partly converted, {} failed, {} in {:.1} s",
            t.converted,
            t.skipped,
            t.partial,
            t.failed,
            plural(self.warnings, "warning"),
            t.seconds
        )
    }
}

/// Carries out a job; `notify` is told of every failure and warning as it
/// happens.
pub fn convert(job: &Job, notify: &mut dyn FnMut(Notice)) -> Result<Summary> {
    if stream::wanted(job)? {
        return stream::convert(job, notify);
    }
    let template = job.template.as_deref().map(Template::load).transpose()?;
    let job = &Job {
        options: WriteOptions {
            shapes: write::replace_templates(&job.replaced_templates)?,
            ..job.options.clone()
        },
        ..job.clone()
    };
    let plan = Plan::new(job, template.as_ref())?;
    let mut report = job.report.as_deref().map(Report::create).transpose()?;
    let progress = Progress::new(!job.quiet && std::io::stderr().is_terminal());
    let started = Instant::now();
    let mut state = Collected::default();
    // Every input claims its outputs' names, in input order, before any is
    // converted (see [`claims`]); the count is the progress bar's total.
    progress.set_total(plan.tasks().count() as u64);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads(job.threads))
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
        let mut in_order = InOrder::default();
        for outcome in receiver.iter().flat_map(|o| in_order.push(o.index, o)) {
            plan.collect(outcome, &mut state, report.as_mut(), &progress, notify);
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
    let interrupted = job.interrupt.signal();
    if let Some((path, writer)) = plan.bundle
        && interrupted.is_none()
    {
        let input = path.display().to_string();
        match plan.write_bundle(path, writer, std::mem::take(&mut state.bundle)) {
            Ok(gathered) => {
                let lines = gathered.lines();
                state.warnings += lines.len();
                for message in lines.iter().filter(|_| !job.quiet) {
                    notify(Notice::Warning {
                        input: &input,
                        message,
                    });
                }
            }
            Err(error) => {
                notify(Notice::Failure(&Failure { input, error }));
                state.failures += 1;
            }
        }
    }
    state.totals.seconds = started.elapsed().as_secs_f64();
    if let Some(report) = report {
        report.finish(&state.totals)?;
    }
    if let Some(error) = plan
        .stdout_error
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
    {
        return Err(Error::Stdout(error));
    }
    Ok(Summary {
        totals: state.totals,
        failures: state.failures,
        warnings: state.warnings,
        interrupted,
    })
}

/// The worker threads for `--jobs`: all cores when unset (or 0), and never
/// more than [`MAX_JOBS_PER_CORE`] per core.
fn threads(asked: Option<usize>) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    match asked {
        None | Some(0) => cores,
        Some(n) => n.min(cores * MAX_JOBS_PER_CORE),
    }
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
    writers: Vec<&'a dyn Writer>,
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
    /// The output names every input claimed (see [`claims`]).
    claims: Claims,
    /// Set when standard output is closed: the remaining inputs are dropped.
    cancelled: AtomicBool,
    /// What large inputs share of memory.
    budget: Budget,
    /// Why standard output could not be written, if not because its reader
    /// went away.
    stdout_error: std::sync::Mutex<Option<std::io::Error>>,
}

/// One input to convert.
struct Task {
    index: usize,
    /// Who its outputs' names are claimed for.
    owner: Owner,
    path: PathBuf,
    name: String,
    /// The outputs' name before their extension.
    stem: String,
    /// The folder its outputs go into (`None`: standard output).
    folder: Option<PathBuf>,
    /// Why the walk passed over this path instead of handing it out as an
    /// input (an unreadable folder, a broken link).
    passed_over: Option<String>,
    /// Said about the input before it is read (its name was changed).
    warnings: Vec<String>,
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
    /// Not done at all (interrupted, or standard output went away): not
    /// counted, not recorded.
    dropped: bool,
    articles: usize,
    outputs: Vec<PathBuf>,
    /// Said about the input by the batch (its outputs' names).
    warnings: Vec<String>,
    /// Said by the writers.
    gathered: Gathered,
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
    warnings: usize,
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
    fn new(job: &'a Job, template: Option<&'a Template>) -> Result<Plan<'a>> {
        check_options(job)?;
        let writers = writers(&job.formats, job.bundle.is_some(), template)?;
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
            claims: Claims::default(),
            root: inputs_root(&job.inputs),
            shared_stems: shared_stems(&job.inputs),
            manifests: Manifests::new(manifest_flags(&writers, &job.options, template)),
            writers,
            bundle,
            destination,
            excluded,
            cancelled: AtomicBool::new(false),
            budget: Budget::default(),
            stdout_error: std::sync::Mutex::new(None),
        })
    }

    /// Every input file, folders walked, in a stable order, with what the
    /// walk passed over in between.
    fn inputs(&self) -> impl Iterator<Item = walk::Item> + Send + '_ {
        self.job.inputs.iter().flat_map(move |input| {
            let path = PathBuf::from(input);
            let found: Box<dyn Iterator<Item = walk::Item> + Send> =
                if input != "-" && path.is_dir() {
                    Box::new(walk::Walk::new(&path, self.excluded.clone()))
                } else {
                    let stem_shared = self.shared_stems.contains(&path);
                    Box::new(std::iter::once(walk::Item::Input(walk::Found {
                        path,
                        stem_shared,
                    })))
                };
            found
        })
    }

    /// The inputs as tasks, until the run is interrupted.
    fn tasks(&self) -> impl Iterator<Item = Task> + Send + '_ {
        self.inputs()
            .take_while(|_| !self.job.interrupt.is_raised())
            .enumerate()
            .map(|(index, item)| match item {
                walk::Item::Input(found) => self.task(index, found.path, found.stem_shared),
                walk::Item::PassedOver { path, reason } => {
                    let mut task = self.task(index, path, false);
                    task.passed_over = Some(reason);
                    task
                }
            })
    }

    fn task(&self, index: usize, path: PathBuf, stem_shared: bool) -> Task {
        let name = path.display().to_string();
        let stdin = path.as_os_str() == "-";
        let mut warnings = Vec::new();
        let file_name = match path.file_name() {
            Some(name) => match name.to_str() {
                Some(utf8) => utf8.to_string(),
                None => {
                    let lossy = name.to_string_lossy().into_owned();
                    warnings.push(format!(
                        "the file name is not UTF-8: its outputs are named from {lossy:?}"
                    ));
                    lossy
                }
            },
            None => String::new(),
        };
        let natural = match (stdin, stem_shared) {
            (true, _) => STDIN_STEM.to_string(),
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
        let owner = Owner::of(&path);
        let stem = match &folder {
            Some(folder) if !self.writers.is_empty() => {
                if stem_shared {
                    warnings.push(format!(
                        "its outputs are named {natural:?}: another input beside it has the same name before the extension"
                    ));
                }
                let stem = self.claims.claim(owner, folder, &natural);
                if stem != natural {
                    warnings.push(format!(
                        "its outputs are named {stem:?}: an earlier input's outputs are named {natural:?}"
                    ));
                }
                stem
            }
            _ => natural,
        };
        Task {
            owner,
            index,
            path,
            name,
            stem,
            folder,
            passed_over: None,
            warnings,
        }
    }

    /// Converts one input and records it in its folder's manifest at once
    /// (so a run stopped any time after resumes from there); a panic in a
    /// reader or writer fails only that input.
    fn process_guarded(&self, task: Task) -> Outcome {
        let outcome = self.process_caught(task);
        self.remember(&outcome);
        outcome
    }

    fn process_caught(&self, task: Task) -> Outcome {
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
        if self.cancelled.load(Ordering::Relaxed) || self.job.interrupt.is_raised() {
            out.dropped = true;
            return out;
        }
        if let Some(reason) = &task.passed_over {
            out.fail(&task.name, Error::PassedOver(reason.clone()));
            return out;
        }
        if !self.job.force
            && self.job.bundle.is_none()
            && let Some(folder) = &task.folder
            && let Some(outputs) = self.manifests.fresh(folder, &task.path)
            && outputs.iter().all(|o| self.named_for(&task, folder, o))
        {
            out.skipped = true;
            out.outputs = outputs;
            return out;
        }
        // A large page first waits for its share of the memory budget (and
        // one that cannot fit in memory is refused).
        let size = budget::size_hint(&task.path);
        if let Err(error) = self.budget.check(size) {
            out.fail(&task.name, error);
            return out;
        }
        let share = self.budget.take(size);
        match read::open(&task.path) {
            Err(error) => out.fail(&task.name, error),
            Ok(Opened::Page(input)) => match (
                self.budget.grow(share, input.bytes.len() as u64),
                // The page's bytes are let go before its articles are written.
                {
                    let docs = read::read(&input);
                    drop(input);
                    docs
                },
            ) {
                (_share, Ok(docs)) => {
                    let mut unique = Unique::default();
                    let several = docs.len() > 1;
                    for (n, mut doc) in docs.into_iter().enumerate() {
                        // Several articles in one file (JSON Lines) each get a file
                        // named from their URL, or from their place in the file.
                        let member = several.then(|| {
                            let url = doc.member.as_deref().or(doc.article.url.as_deref());
                            let name =
                                url.map_or(format!("article-{}", n + 1), naming::name_from_url);
                            self.member_name(&task, &mut unique, &name, &mut out.warnings)
                        });
                        let name = member_label(&task.name, doc.member.as_deref());
                        doc.article.source = Some(task.name.clone());
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

    /// The next free name for an article of a container, whose outputs go
    /// into the folder named like it (`crawl/` for `crawl.warc`): not the
    /// name of an earlier article of it (`unique`), nor one another input
    /// claimed there (`crawl/page.html` beside `crawl.warc`). A change is
    /// reported.
    fn member_name(
        &self,
        task: &Task,
        unique: &mut Unique,
        name: &str,
        warnings: &mut Vec<String>,
    ) -> String {
        let Some(folder) = task.folder.as_ref().filter(|_| !self.writers.is_empty()) else {
            return unique.name(name);
        };
        let members = folder.join(&task.stem);
        loop {
            let given = unique.name(name);
            if self.claims.try_claim(task.owner, &members, &given) {
                if given != name {
                    warnings.push(format!(
                        "its article {name:?} is named {given:?}: another output has that name"
                    ));
                }
                return given;
            }
        }
    }

    /// Whether `output`, made from the task's input by an earlier run, has
    /// the name its outputs get now: `{stem}.{ext}`, the images beside it,
    /// or its articles' folder. An input renamed since (another input took
    /// its name) is converted again under its new name.
    fn named_for(&self, task: &Task, folder: &Path, output: &Path) -> bool {
        let Some(first) = output
            .strip_prefix(folder)
            .ok()
            .and_then(|o| o.iter().next())
        else {
            return false;
        };
        let stem = &task.stem;
        first == stem.as_str()
            || first == format!("{stem}{}", write::images::FOLDER_SUFFIX).as_str()
            || self
                .writers
                .iter()
                .any(|w| first == format!("{stem}.{}", w.extension()).as_str())
    }

    /// Records in the manifest what an input became: its outputs when it
    /// was fully converted, nothing otherwise (so the next run redoes it).
    fn remember(&self, outcome: &Outcome) {
        let Some(folder) = &outcome.folder else {
            return;
        };
        if outcome.skipped
            || outcome.dropped
            || self.writers.is_empty()
            || outcome.path.as_os_str() == "-"
        {
            return;
        }
        if outcome.status() == Status::Converted {
            self.manifests
                .record(folder, &outcome.path, &outcome.outputs);
        } else {
            self.manifests.forget(folder, &outcome.path);
        }
    }

    /// Converts an archive's pages in parallel, each named from its URL.
    fn archive<R: std::io::BufRead + Send>(
        &self,
        task: &Task,
        responses: warc::Responses<R>,
        out: &mut Outcome,
    ) {
        let mut unique = Unique::default();
        let mut renamed = Vec::new();
        let interrupt = &self.job.interrupt;
        let named = responses
            .take_while(|_| !interrupt.is_raised())
            .map(|response| {
                response.map(|r| {
                    let name = naming::name_from_url(&r.url);
                    (self.member_name(task, &mut unique, &name, &mut renamed), r)
                })
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
                        if let Err(error) = read::read_response(response).and_then(|mut doc| {
                            doc.article.source = Some(label.clone());
                            self.emit(task, doc, Some(&member), &mut part)
                        }) {
                            part.fail(&label, error);
                        }
                    }
                }
                (i, part)
            })
            .collect();
        parts.sort_by_key(|(i, _)| *i);
        out.warnings.append(&mut renamed);
        for (_, part) in parts {
            out.merge(part);
        }
        if self.job.interrupt.is_raised() {
            // Its records were cut short: the rerun does it again.
            out.dropped = true;
            return;
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
                    let output = writer.write(&doc, &self.job.options)?;
                    let line = writer.write_line(&doc).transpose()?;
                    out.gathered.add(writer.name(), output.warnings);
                    out.texts.push(Text {
                        pretty: output.bytes,
                        line,
                    });
                }
            }
            Some(folder) => {
                let base = match member {
                    Some(member) => folder.join(&task.stem).join(member),
                    None => folder.join(&task.stem),
                };
                let mut written = Vec::new();
                let mut gathered = Gathered::default();
                let options = WriteOptions {
                    output_stem: base.file_name().map(|n| n.to_string_lossy().into_owned()),
                    ..self.job.options.clone()
                };
                for writer in &self.writers {
                    let mut path = base.clone().into_os_string();
                    path.push(".");
                    path.push(writer.extension());
                    let path = PathBuf::from(path);
                    if naming::normalize(&path) == naming::normalize(&task.path) {
                        return Err(Error::Usage(format!(
                            "{} output would replace the input; choose another folder with -o",
                            writer.name()
                        )));
                    }
                    let output = writer.write(&doc, &options)?;
                    write_atomically(&path, &output.bytes)?;
                    written.push(path);
                    let beside = base.parent().unwrap_or(Path::new(""));
                    for attachment in &output.attachments {
                        let path = beside.join(&attachment.path);
                        write_atomically(&path, &attachment.bytes)?;
                        written.push(path);
                    }
                    gathered.add(writer.name(), output.warnings);
                }
                out.outputs.extend(written);
                out.gathered.append(gathered);
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
        if outcome.dropped {
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
        let warnings: Vec<String> = (outcome.warnings.iter().cloned())
            .chain(outcome.gathered.lines())
            .collect();
        state.warnings += warnings.len();
        progress.suspend(|| {
            if !self.job.quiet {
                for warning in &warnings {
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
                warnings: &warnings,
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
        let written = chunks
            .iter()
            .try_for_each(|c| stdout.write_all(c))
            .and_then(|()| stdout.flush());
        if let Err(error) = written {
            // Nothing more can go there; a reader that went away (`| head`)
            // wanted nothing more, any other error is reported at the end.
            self.cancelled.store(true, Ordering::Relaxed);
            if error.kind() != std::io::ErrorKind::BrokenPipe {
                let mut slot = self.stdout_error.lock().unwrap_or_else(|e| e.into_inner());
                slot.get_or_insert(error);
            }
        }
    }

    /// Makes the `--bundle` edition of every article, in input order; what
    /// it left out is returned.
    fn write_bundle(
        &self,
        path: &Path,
        writer: &'static dyn Writer,
        mut parts: Vec<(usize, Vec<Document>)>,
    ) -> Result<Gathered> {
        parts.sort_by_key(|(i, _)| *i);
        let docs: Vec<Document> = parts.into_iter().flat_map(|(_, d)| d).collect();
        if docs.is_empty() {
            return Err(Error::NoArticle);
        }
        let output = writer.write_bundle(&docs, &self.job.options)?;
        write_atomically(path, &output.bytes)?;
        let mut gathered = Gathered::default();
        gathered.add(writer.name(), output.warnings);
        Ok(gathered)
    }
}

/// The writers of the formats asked for, each once, in the order asked;
/// none asked for means the default format, unless a bundle is all that is
/// wanted.
fn writers<'a>(
    formats: &[String],
    bundle: bool,
    template: Option<&'a Template>,
) -> Result<Vec<&'a dyn Writer>> {
    let mut names: Vec<&str> = formats.iter().map(String::as_str).collect();
    if names.is_empty() && !bundle && template.is_none() {
        names.push(write::DEFAULT_FORMAT);
    }
    let mut writers: Vec<&'a dyn Writer> = Vec::new();
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
    if let Some(template) = template {
        if let Some(taken) = writers
            .iter()
            .find(|w| w.extension() == template.extension())
        {
            return Err(Error::Usage(format!(
                "--template {} and --to {} would both write .{} files: drop one",
                template.name(),
                taken.name(),
                template.extension()
            )));
        }
        writers.push(template);
    }
    Ok(writers)
}

/// Where the outputs go: the folder of `-o`, standard output (`-o -`, or
/// only standard input and no bundle), or beside each input.
fn destination(job: &Job, writers: &[&dyn Writer]) -> Result<Destination> {
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
fn manifest_flags(
    writers: &[&dyn Writer],
    options: &WriteOptions,
    template: Option<&Template>,
) -> String {
    let mut formats: Vec<&str> = writers.iter().map(|w| w.name()).collect();
    formats.sort_unstable();
    let path_or_dash = |path: Option<&Path>| path.map_or("-".into(), |p| p.display().to_string());
    let mut flags = format!(
        "to={} page-size={} css={} font={}",
        formats.join(","),
        options
            .page_size
            .as_deref()
            .unwrap_or(write::DEFAULT_PAGE_SIZE),
        path_or_dash(options.css.as_deref()),
        path_or_dash(options.font.as_deref()),
    );
    if let Some(standard) = options.pdf_standard {
        flags.push_str(&format!(" pdf-standard={}", standard.name()));
    }
    if let Some(template) = template {
        flags.push_str(&format!(
            " template={}@{}",
            template.name(),
            template.digest()
        ));
    }
    if let Some(shapes) = &options.shapes {
        flags.push_str(&shapes.fingerprint());
    }
    if options.html_image_files {
        flags.push_str(" html-images=files");
    }
    flags
}

impl Outcome {
    fn new(task: &Task) -> Outcome {
        Outcome {
            index: task.index,
            name: task.name.clone(),
            path: task.path.clone(),
            folder: task.folder.clone(),
            skipped: false,
            dropped: false,
            articles: 0,
            outputs: Vec::new(),
            warnings: task.warnings.clone(),
            gathered: Gathered::default(),
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
        self.gathered.append(other.gathered);
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

/// What standard input's outputs are named.
const STDIN_STEM: &str = "stdin";

/// Checks, before any work, what the options name: the stylesheet and
/// font are readable, and the outputs asked for can be made.
fn check_options(job: &Job) -> Result<()> {
    for (flag, path) in [("--css", &job.options.css), ("--font", &job.options.font)] {
        if let Some(path) = path
            && let Err(error) = std::fs::File::open(path).and_then(|f| {
                if f.metadata()?.is_dir() {
                    Err(std::io::Error::other("it is a folder"))
                } else {
                    Ok(())
                }
            })
        {
            return Err(Error::Usage(format!(
                "{flag} {}: cannot read: {error}",
                path.display()
            )));
        }
    }
    if job.bundle.is_some() && job.output.as_deref() == Some("-") {
        return Err(Error::Usage(
            "--bundle writes a file, not standard output: drop -o - (or add -o FOLDER for the per-article outputs)".into(),
        ));
    }
    if let Some(dir) = job.output.as_deref().filter(|o| *o != "-")
        && Path::new(dir).exists()
        && !Path::new(dir).is_dir()
    {
        return Err(Error::Usage(format!(
            "-o {dir} is a file: -o names a folder (created if missing), or - for standard output"
        )));
    }
    Ok(())
}

/// How a failure names an article inside a container: `FILE#URL`.
fn member_label(input: &str, member: Option<&str>) -> String {
    match member {
        Some(url) => format!("{input}#{url}"),
        None => input.to_string(),
    }
}
