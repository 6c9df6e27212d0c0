//! A conversion as the user asked for it: plain data that the command line
//! (or any other caller) fills in and [`super::convert`] carries out.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::write::WriteOptions;

/// What to convert, to what, and where.
#[derive(Debug, Clone, Default)]
pub struct Job {
    /// Input files or folders; `-` reads standard input.
    pub inputs: Vec<String>,
    /// Output format names; none means [`crate::write::DEFAULT_FORMAT`], or
    /// no per-input output at all with a `bundle`.
    pub formats: Vec<String>,
    /// Output folder, or `-` for standard output; `None` writes beside each
    /// input.
    pub output: Option<String>,
    /// One edition of all inputs, in the format its extension names.
    pub bundle: Option<PathBuf>,
    /// A template each article is rendered through besides the formats
    /// (`--template`).
    pub template: Option<PathBuf>,
    /// Built-in templates the writers use, each replaced by the user's file
    /// (`--template NAME=FILE`).
    pub replaced_templates: Vec<(String, PathBuf)>,
    /// What the writers are told (stylesheet, page size, font, title).
    pub options: WriteOptions,
    /// Convert again even when an up-to-date output exists.
    pub force: bool,
    /// Worker threads; `None` uses every core.
    pub threads: Option<usize>,
    /// No progress bar and no warnings; failures are still reported.
    pub quiet: bool,
    /// Where to write the JSON report of every input.
    pub report: Option<PathBuf>,
    /// Stops the run after the inputs in flight when raised.
    pub interrupt: Interrupt,
}

/// Set from outside (a signal handler) to stop a run after the inputs in
/// flight; holds the signal's number, 0 while the run may go on.
#[derive(Debug, Clone, Default)]
pub struct Interrupt(Arc<AtomicUsize>);

impl Interrupt {
    /// The shared value a signal handler stores the signal's number in.
    pub fn flag(&self) -> Arc<AtomicUsize> {
        Arc::clone(&self.0)
    }

    /// The signal that stopped the run, if one did.
    pub fn signal(&self) -> Option<u8> {
        match self.0.load(Ordering::Relaxed) {
            0 => None,
            n => Some(u8::try_from(n).unwrap_or(u8::MAX)),
        }
    }

    /// Whether the run must stop.
    pub fn is_raised(&self) -> bool {
        self.signal().is_some()
    }
}
