//! One error type for the whole crate. Its `Display` gives the reason; the
//! caller adds the input's name (see [`Failure`]), and `main` maps errors to the
//! contract's exit codes.

use std::io;
use std::path::PathBuf;

/// Everything that can go wrong while reading an input or writing an output.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input could not be read.
    #[error("cannot read: {0}")]
    Read(#[source] io::Error),
    /// The input was read but holds no article (empty, binary, no text).
    #[error("no article found")]
    NoArticle,
    /// The input is not in a format galley reads.
    #[error("unsupported input: {0}")]
    Unsupported(String),
    /// The input claims a format but is broken.
    #[error("malformed {format}: {reason}")]
    Malformed {
        /// The format it claimed, e.g. "WARC".
        format: &'static str,
        /// What is wrong with it.
        reason: String,
    },
    /// The input exceeds one of the documented limits.
    #[error("exceeds the {limit} limit ({detail})")]
    Limit {
        /// Which limit, e.g. "input size".
        limit: &'static str,
        /// The measured value against the limit.
        detail: String,
    },
    /// An output could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The output path.
        path: PathBuf,
        /// The cause.
        #[source]
        source: io::Error,
    },
    /// A writer could not render the article.
    #[error("{format} output failed: {reason}")]
    Render {
        /// The writer's name.
        format: &'static str,
        /// The cause.
        reason: String,
    },
    /// Standard output could not be written (e.g. the man page).
    #[error("cannot write to standard output: {0}")]
    Stdout(#[source] io::Error),
    /// The worker threads could not be started (the system refused them).
    #[error("cannot start the worker threads: {0}")]
    Threads(#[source] rayon::ThreadPoolBuildError),
    /// A folder's walk passed over this path (an unreadable folder, a
    /// broken link, a folder without inputs); the reason says which.
    #[error("{0}")]
    PassedOver(String),
    /// The command line asks for something impossible.
    #[error("{0}")]
    Usage(String),
    /// A bug in galley stopped the conversion of this input (the others go on).
    #[error("internal error, please report it: {0}")]
    Internal(String),
}

/// Shorthand for results in this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// An error tied to the input it happened on: one line on standard error.
#[derive(Debug)]
pub struct Failure {
    /// The input as the user named it (a path, `-`, or `FILE#record`).
    pub input: String,
    /// What went wrong.
    pub error: Error,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.error {
            Error::NoArticle => write!(f, "no article found in {}", self.input),
            error => write!(f, "{}: {error}", self.input),
        }
    }
}
