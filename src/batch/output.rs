//! Output files: the output folder is checked once up front, and every
//! file is written through a hidden temporary sibling and a rename, so no
//! reader ever sees one half-written.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::error::{Error, Result};

/// Creates the output folder and checks that files can be written in it, so
/// an unwritable folder is one clear error rather than one per input.
pub(super) fn prepare_folder(dir: &Path) -> Result<()> {
    let fail = |source| Error::Write {
        path: dir.to_path_buf(),
        source,
    };
    std::fs::create_dir_all(dir).map_err(fail)?;
    let probe = temp_path(&dir.join("probe"));
    std::fs::write(&probe, b"").map_err(fail)?;
    let _ = std::fs::remove_file(&probe);
    Ok(())
}

/// The end of the names of the temporary files outputs are written to.
const TEMP_SUFFIX: &str = ".galley-tmp";

/// The hidden temporary sibling an output is written to before its rename.
pub(super) fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let tmp = format!(".{name}.{}-{n}{}", std::process::id(), TEMP_SUFFIX);
    match path.parent() {
        Some(dir) => dir.join(tmp),
        None => PathBuf::from(tmp),
    }
}

/// Writes a file through a temporary sibling and a rename, so a reader never
/// sees it half-written; on failure (a full disk) the temporary file is removed.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let fail = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(fail)?;
    let tmp = temp_path(path);
    let result = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(fail)
}

/// Removes the temporary files a killed galley left in `folder` (those of
/// processes no longer running) for outputs whose name starts with `prefix`.
pub(super) fn remove_stale_temporaries(folder: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name
            .strip_prefix('.')
            .filter(|rest| rest.starts_with(prefix))
            .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
            .and_then(|rest| rest.rsplit_once('.'))
            .and_then(|(_, tag)| tag.split_once('-'))
            .and_then(|(pid, _)| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && !is_running(pid) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether a process runs; assumed where it cannot be told.
fn is_running(pid: u32) -> bool {
    !cfg!(target_os = "linux") || Path::new(&format!("/proc/{pid}")).exists()
}
