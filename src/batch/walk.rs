//! Walking input folders: recursively, in a stable (sorted) order, one
//! folder listing at a time so a tree of any size is streamed, never
//! collected. Skipped: hidden files and folders, a saved page's resource
//! folder (`NAME_files/`), the output folder, symbolic links to folders, and
//! the files a manifest lists as galley's own outputs. Files with an input
//! extension are inputs (a broken one is reported, not ignored); files
//! without an extension are inputs when their content is recognized; other
//! files (images, stylesheets, scripts) are not inputs.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use super::manifest;
use super::naming;
use crate::read::{self, saved_page};

/// One input file found by the walk.
#[derive(Debug, Clone)]
pub struct Found {
    /// The file, as the folder argument joined with the names below it.
    pub path: PathBuf,
    /// Another input in the same folder has the same stem (`a.html` and
    /// `a.mhtml`): its outputs keep the whole file name to stay apart.
    pub stem_shared: bool,
}

/// A streaming walk below one folder.
pub struct Walk {
    /// Files of listed folders not handed out yet, and folders to enter,
    /// innermost folder last.
    stack: Vec<std::vec::IntoIter<Entry>>,
    /// Folders never entered (the output folder), normalized.
    excluded_folders: Vec<PathBuf>,
    /// Files listed by manifests as outputs.
    outputs: HashSet<PathBuf>,
}

enum Entry {
    File(Found),
    Folder(PathBuf),
}

impl Walk {
    /// Walks `root`, never entering the folders in `excluded`.
    pub fn new(root: &Path, excluded: Vec<PathBuf>) -> Walk {
        let mut walk = Walk {
            stack: Vec::new(),
            excluded_folders: excluded,
            outputs: HashSet::new(),
        };
        let listing = walk.list(root);
        walk.stack.push(listing.into_iter());
        walk
    }

    /// The entries of a folder, sorted by name, files marked when they share a stem.
    fn list(&mut self, dir: &Path) -> Vec<Entry> {
        let Ok(read_dir) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        for output in manifest::listed_outputs(dir) {
            self.outputs.insert(naming::normalize(&output));
        }
        let mut paths: Vec<PathBuf> = read_dir.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        let mut entries = Vec::new();
        for path in paths {
            let Some(name) = path
                .file_name()
                .and_then(|n| n.to_str())
                .map(str::to_string)
            else {
                continue;
            };
            if name.starts_with('.') {
                continue;
            }
            let Ok(meta) = std::fs::symlink_metadata(&path) else {
                continue;
            };
            if meta.is_dir() {
                let normalized = naming::normalize(&path);
                if !self.excluded_folders.contains(&normalized)
                    && !saved_page::is_resource_folder(&path)
                {
                    entries.push(Entry::Folder(path));
                }
            } else if path.is_file()
                && !self.outputs.contains(&naming::normalize(&path))
                && is_input(&path, &name)
            {
                entries.push(Entry::File(Found {
                    path,
                    stem_shared: false,
                }));
            }
        }
        let mut stems: HashMap<String, usize> = HashMap::new();
        for entry in &entries {
            if let Entry::File(found) = entry {
                *stems.entry(stem_of(&found.path)).or_default() += 1;
            }
        }
        for entry in &mut entries {
            if let Entry::File(found) = entry {
                found.stem_shared = stems[&stem_of(&found.path)] > 1;
            }
        }
        entries
    }
}

impl Iterator for Walk {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        loop {
            let top = self.stack.last_mut()?;
            match top.next() {
                None => {
                    self.stack.pop();
                }
                Some(Entry::File(found)) => return Some(found),
                Some(Entry::Folder(dir)) => {
                    let listing = self.list(&dir);
                    self.stack.push(listing.into_iter());
                }
            }
        }
    }
}

fn stem_of(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    naming::input_stem(&name).to_lowercase()
}

/// Whether a file found in a folder is an input.
fn is_input(path: &Path, name: &str) -> bool {
    if naming::has_input_extension(name) || name.to_ascii_lowercase().ends_with(".gz") {
        return true;
    }
    if path.extension().is_some() {
        return false;
    }
    let mut head = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(8192).read_to_end(&mut head))
        .is_ok()
        && (read::gzip::is_gzip(&head) || read::detect(&head, None).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_and_skips_what_is_not_an_input() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for file in [
            "b.html",
            "a.html",
            "a.mhtml",
            "logo.png",
            ".hidden.html",
            "sub/c.htm",
            "sub/README",
            "Story_files/inner.html",
            "out/old.md",
            "noext",
        ] {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, "<html><p>x</p></html>").unwrap();
        }
        std::fs::write(root.join("sub/README"), "plain words").unwrap();
        std::fs::write(root.join("Story.html"), "<p>x</p>").unwrap();
        let found: Vec<(String, bool)> =
            Walk::new(root, vec![naming::normalize(&root.join("out"))])
                .map(|f| {
                    let rel = f
                        .path
                        .strip_prefix(root)
                        .unwrap()
                        .to_string_lossy()
                        .into_owned();
                    (rel, f.stem_shared)
                })
                .collect();
        let expected = [
            ("Story.html", false),
            ("a.html", true),
            ("a.mhtml", true),
            ("b.html", false),
            ("noext", false),
            ("sub/c.htm", false),
        ];
        let expected: Vec<(String, bool)> =
            expected.iter().map(|(p, s)| (p.to_string(), *s)).collect();
        assert_eq!(found, expected);
    }
}
