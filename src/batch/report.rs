//! `--report FILE`: a JSON record of the run, one row per input with its
//! status, outputs, warnings, errors and time. Rows are streamed to a
//! temporary file as inputs finish (a run over 100,000 pages holds none of
//! them) and the file is renamed into place at the end.
//!
//! ```json
//! { "galley": "0.1.0",
//!   "inputs": [ { "input": "saved/a.html", "status": "converted", "articles": 1,
//!                 "outputs": ["out/a.md"], "warnings": [], "errors": [], "seconds": 0.012 } ],
//!   "summary": { "inputs": 1, "converted": 1, "skipped": 0, "partial": 0, "failed": 0,
//!                "articles": 1, "seconds": 0.02 } }
//! ```

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, Result};

/// What became of one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Every article was converted and written.
    Converted,
    /// Its outputs were up to date (see the manifest).
    Skipped,
    /// Some of its articles were converted, some failed (a WARC).
    Partial,
    /// Nothing could be converted.
    Failed,
}

/// One input's row.
#[derive(Debug, Serialize)]
pub struct Row<'a> {
    /// The input as named on the command line or found in a folder.
    pub input: &'a str,
    /// What became of it.
    pub status: Status,
    /// Articles read from it.
    pub articles: usize,
    /// Files written (or found up to date).
    pub outputs: Vec<String>,
    /// Warnings of the writers.
    pub warnings: &'a [String],
    /// One line per failure, as printed on standard error.
    pub errors: Vec<String>,
    /// Time spent on it, in seconds.
    pub seconds: f64,
}

/// Counts for the whole run.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Totals {
    /// Inputs seen.
    pub inputs: usize,
    /// Inputs fully converted.
    pub converted: usize,
    /// Inputs skipped as up to date.
    pub skipped: usize,
    /// Inputs partly converted.
    pub partial: usize,
    /// Inputs that failed.
    pub failed: usize,
    /// Articles converted.
    pub articles: usize,
    /// Wall-clock time of the run, in seconds.
    pub seconds: f64,
}

/// A report being written.
pub struct Report {
    path: PathBuf,
    tmp: PathBuf,
    out: BufWriter<File>,
    rows: usize,
    /// Moved into place: nothing to remove when dropped.
    done: bool,
}

impl Report {
    /// Starts the report at `path`.
    pub fn create(path: &Path) -> Result<Report> {
        let fail = |source| Error::Write {
            path: path.to_path_buf(),
            source,
        };
        let tmp = super::output::temp_path(path);
        let dir = tmp.parent().filter(|d| !d.as_os_str().is_empty());
        if let Some(dir) = dir {
            std::fs::create_dir_all(dir).map_err(fail)?;
        }
        // What a killed run left of its report.
        super::output::remove_stale_temporaries(dir.unwrap_or(Path::new(".")), "");
        let mut out = BufWriter::new(File::create(&tmp).map_err(fail)?);
        write!(
            out,
            "{{\n  \"galley\": \"{}\",\n  \"inputs\": [",
            env!("CARGO_PKG_VERSION")
        )
        .map_err(fail)?;
        Ok(Report {
            path: path.to_path_buf(),
            tmp,
            out,
            rows: 0,
            done: false,
        })
    }

    /// Adds one input's row.
    pub fn row(&mut self, row: &Row) -> Result<()> {
        let json = serde_json::to_string(row).unwrap_or_default();
        let sep = if self.rows == 0 { "\n    " } else { ",\n    " };
        self.rows += 1;
        write!(self.out, "{sep}{json}").map_err(|source| self.error(source))
    }

    /// Closes the report with the totals and moves it into place.
    pub fn finish(mut self, totals: &Totals) -> Result<()> {
        let json = serde_json::to_string(totals).unwrap_or_default();
        let end = if self.rows == 0 { "" } else { "\n  " };
        let result = write!(self.out, "{end}],\n  \"summary\": {json}\n}}\n")
            .and_then(|()| self.out.flush())
            .and_then(|()| std::fs::rename(&self.tmp, &self.path));
        self.done = result.is_ok();
        result.map_err(|source| self.error(source))
    }

    fn error(&self, source: std::io::Error) -> Error {
        Error::Write {
            path: self.path.clone(),
            source,
        }
    }
}

impl Drop for Report {
    /// A report never finished (its run ended in an error) leaves no
    /// temporary file behind.
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}
