//! Resuming: which outputs a previous run made, from which input, with which
//! galley version and flags.
//!
//! Every folder galley writes outputs into gets a small hidden file,
//! `.galley-manifest.json`:
//!
//! ```json
//! { "format": 1,
//!   "entries": { "/abs/path/of/input.html": {
//!       "version": "0.1.0", "flags": "to=json,md page-size=a4",
//!       "outputs": ["input.json", "input.md"] } } }
//! ```
//!
//! An input is skipped when its entry has this galley's version and the
//! same output flags, and every listed output exists and is not older than
//! the input. The same file tells a later walk over the folder which files
//! are galley's own outputs (also those of earlier runs with other flags,
//! kept as `earlier`), so they are never read back as inputs.
//!
//! While a run goes on, each input is recorded the moment it is done: one
//! JSON line appended to `.galley-manifest.journal` beside the manifest. The
//! end of the run folds the journal into the manifest (written atomically)
//! and removes it; a run that was killed leaves its journal, which the next
//! run reads after the manifest — so it resumes after the last input
//! finished, losing at most those in flight — and removes the temporary
//! files the killed run left there.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::error::Result;

/// The manifest's file name in each output folder.
pub const FILE_NAME: &str = ".galley-manifest.json";

/// The journal's file name, beside the manifest while a run goes on.
pub const JOURNAL_NAME: &str = ".galley-manifest.journal";

/// Version of the manifest's own layout.
const LAYOUT: u32 = 1;

/// What one input produced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The galley version that wrote the outputs.
    pub version: String,
    /// The flags that shape the outputs (see [`Manifests::new`]).
    pub flags: String,
    /// The outputs, relative to the manifest's folder, `/`-separated.
    pub outputs: Vec<String>,
    /// Outputs of earlier runs with other flags that are still there
    /// (galley's own files, never inputs).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier: Vec<String>,
}

/// One line of the journal: what an input became (`None`: nothing).
#[derive(Debug, Serialize, Deserialize)]
struct JournalLine {
    input: String,
    entry: Option<Entry>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct File {
    format: u32,
    entries: BTreeMap<String, Entry>,
}

#[derive(Debug, Default)]
struct Folder {
    entries: BTreeMap<String, Entry>,
    dirty: bool,
    /// The journal, opened at the first change.
    journal: Option<std::fs::File>,
}

/// The manifests of every output folder of a run, loaded when first needed
/// and written back by [`Manifests::flush`].
#[derive(Debug)]
pub struct Manifests {
    flags: String,
    folders: Mutex<HashMap<PathBuf, Folder>>,
}

impl Manifests {
    /// Manifests for a run whose output-shaping flags are `flags`.
    pub fn new(flags: String) -> Manifests {
        Manifests {
            flags,
            folders: Mutex::new(HashMap::new()),
        }
    }

    /// The outputs made from `input` into `folder`, when they are up to date.
    pub fn fresh(&self, folder: &Path, input: &Path) -> Option<Vec<PathBuf>> {
        let input_time = std::fs::metadata(input).and_then(|m| m.modified()).ok()?;
        let entry = self.with_folder(folder, |f| f.entries.get(&key(input)).cloned())?;
        if entry.version != env!("CARGO_PKG_VERSION")
            || entry.flags != self.flags
            || entry.outputs.is_empty()
        {
            return None;
        }
        let outputs: Vec<PathBuf> = entry.outputs.iter().map(|o| folder.join(o)).collect();
        let all_newer = outputs.iter().all(|o| {
            std::fs::metadata(o)
                .and_then(|m| m.modified())
                .is_ok_and(|t| t >= input_time)
        });
        all_newer.then_some(outputs)
    }

    /// Records the outputs `input` produced into `folder`, at once.
    pub fn record(&self, folder: &Path, input: &Path, outputs: &[PathBuf]) {
        let outputs: Vec<String> = outputs
            .iter()
            .map(|o| {
                let relative = o.strip_prefix(folder).unwrap_or(o);
                relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/")
            })
            .collect();
        self.with_folder(folder, |f| {
            let mut earlier: Vec<String> = f
                .entries
                .get(&key(input))
                .map(|old| old.outputs.iter().chain(&old.earlier).cloned().collect())
                .unwrap_or_default();
            earlier.retain(|o| !outputs.contains(o) && folder.join(o).exists());
            earlier.sort();
            earlier.dedup();
            let entry = Entry {
                version: env!("CARGO_PKG_VERSION").to_string(),
                flags: self.flags.clone(),
                outputs,
                earlier,
            };
            if f.entries.get(&key(input)) != Some(&entry) {
                f.change(folder, key(input), Some(entry));
            }
        });
    }

    /// Forgets what `input` produced, so the next run converts it again.
    pub fn forget(&self, folder: &Path, input: &Path) {
        self.with_folder(folder, |f| {
            if f.entries.contains_key(&key(input)) {
                f.change(folder, key(input), None);
            }
        });
    }

    /// Writes every changed manifest and removes its journal; returns the
    /// ones that could not be written.
    pub fn flush(&self) -> Vec<crate::error::Error> {
        let mut errors = Vec::new();
        let mut folders = self.folders.lock().unwrap_or_else(|e| e.into_inner());
        for (path, folder) in folders.iter_mut().filter(|(_, f)| f.dirty) {
            let file = File {
                format: LAYOUT,
                entries: folder.entries.clone(),
            };
            match write(path, &file) {
                Ok(()) => {
                    folder.dirty = false;
                    folder.journal = None;
                    let _ = std::fs::remove_file(path.join(JOURNAL_NAME));
                }
                Err(e) => errors.push(e),
            }
        }
        errors
    }

    fn with_folder<T>(&self, folder: &Path, f: impl FnOnce(&mut Folder) -> T) -> T {
        let mut folders = self.folders.lock().unwrap_or_else(|e| e.into_inner());
        let entry = folders.entry(folder.to_path_buf()).or_insert_with(|| {
            let journal = folder.join(JOURNAL_NAME);
            let killed = journal.exists();
            if killed {
                super::output::remove_stale_temporaries(folder, "");
            }
            Folder {
                entries: load(folder).entries,
                // A killed run's journal is folded in at the end.
                dirty: killed,
                journal: None,
            }
        });
        f(entry)
    }
}

impl Folder {
    /// Changes one input's entry, and appends the change to the journal.
    fn change(&mut self, folder: &Path, input: String, entry: Option<Entry>) {
        let line = JournalLine { input, entry };
        if self.journal.is_none() {
            self.journal = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(folder.join(JOURNAL_NAME))
                .ok();
        }
        if let Some(journal) = &mut self.journal {
            let mut bytes = serde_json::to_vec(&line).unwrap_or_default();
            bytes.push(b'\n');
            // A journal that cannot be written only makes resuming redo more.
            let _ = std::io::Write::write_all(journal, &bytes);
        }
        match line.entry {
            Some(entry) => self.entries.insert(line.input, entry),
            None => self.entries.remove(&line.input),
        };
        self.dirty = true;
    }
}

/// The outputs a folder's manifest lists (of this run's flags and earlier
/// ones), as paths below it.
pub fn listed_outputs(folder: &Path) -> Vec<PathBuf> {
    load(folder)
        .entries
        .values()
        .flat_map(|e| e.outputs.iter().chain(&e.earlier).map(|o| folder.join(o)))
        .collect()
}

/// How a manifest names an input: its absolute path.
fn key(input: &Path) -> String {
    super::naming::normalize(input)
        .to_string_lossy()
        .into_owned()
}

/// The manifest of `folder`, with a killed run's journal applied (a line
/// cut short by the kill is ignored).
fn load(folder: &Path) -> File {
    let mut file = std::fs::read(folder.join(FILE_NAME))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<File>(&bytes).ok())
        .filter(|f| f.format == LAYOUT)
        .unwrap_or_default();
    if let Ok(journal) = std::fs::read(folder.join(JOURNAL_NAME)) {
        for line in journal.split(|b| *b == b'\n') {
            match serde_json::from_slice::<JournalLine>(line) {
                Ok(JournalLine {
                    input,
                    entry: Some(entry),
                }) => {
                    file.entries.insert(input, entry);
                }
                Ok(JournalLine { input, entry: None }) => {
                    file.entries.remove(&input);
                }
                Err(_) => {}
            }
        }
    }
    file
}

fn write(folder: &Path, file: &File) -> Result<()> {
    let mut bytes = serde_json::to_vec_pretty(file).unwrap_or_default();
    bytes.push(b'\n');
    super::write_atomically(&folder.join(FILE_NAME), &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_round_trip_and_go_stale() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("a.html");
        std::fs::write(&input, "<p>x</p>").unwrap();
        let out = dir.path().join("a.md");
        std::fs::write(&out, "x").unwrap();
        let manifests = Manifests::new("to=md".into());
        assert_eq!(manifests.fresh(dir.path(), &input), None);
        manifests.record(dir.path(), &input, std::slice::from_ref(&out));
        assert!(manifests.flush().is_empty());
        assert_eq!(listed_outputs(dir.path()), std::slice::from_ref(&out));

        let again = Manifests::new("to=md".into());
        assert_eq!(again.fresh(dir.path(), &input), Some(vec![out.clone()]));
        let other_flags = Manifests::new("to=json".into());
        assert_eq!(other_flags.fresh(dir.path(), &input), None);
        std::fs::remove_file(&out).unwrap();
        assert_eq!(again.fresh(dir.path(), &input), None);
    }
}
