//! Walking input folders: recursively, in a stable (sorted) order, one
//! folder listing at a time so a tree of any size is streamed, never
//! collected. Skipped quietly: hidden files and folders, a saved page's
//! resource folder (`NAME_files/`), the output folder, and galley's own
//! outputs (the files a manifest lists, and article JSON or Markdown named
//! like the outputs of another input beside them). Files with an input
//! extension are inputs (a broken one is reported, not ignored); files
//! without an extension are inputs when their content is recognized; other
//! files (images, stylesheets, scripts) are not inputs. Passed over and
//! reported, as they could hold inputs: folders that cannot be read, links
//! to nothing, link loops and links to folders (never followed); a folder
//! without any input is reported too. Names that are not UTF-8 are inputs
//! like any other (paths are never strings here).

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

/// What the walk hands out.
#[derive(Debug, Clone)]
pub enum Item {
    /// An input file.
    Input(Found),
    /// A path that could hold inputs but is not walked, and why.
    PassedOver {
        /// The path, as the folder argument joined with the names below it.
        path: PathBuf,
        /// Why it was passed over, e.g. "a link loop, not followed".
        reason: String,
    },
}

/// The extensions of galley's own text outputs, which are also inputs.
const OWN_OUTPUT_EXTENSIONS: &[&str] = &["json", "jsonl", "md", "markdown"];

/// Inputs holding several articles, whose outputs go into a folder named
/// after them (`crawl/` beside `crawl.warc`).
const CONTAINER_EXTENSIONS: &[&str] = &[".warc", ".warc.gz", ".jsonl", ".jsonl.gz"];

/// A streaming walk below one folder.
pub struct Walk {
    /// Files of listed folders not handed out yet, and folders to enter,
    /// innermost folder last.
    stack: Vec<std::vec::IntoIter<Entry>>,
    /// Folders never entered (the output folder), normalized.
    excluded_folders: Vec<PathBuf>,
    /// Files listed by manifests as outputs.
    outputs: HashSet<PathBuf>,
    /// The folder argument, reported when it holds no input at all.
    root: PathBuf,
    /// Inputs handed out so far.
    found: usize,
    /// Folders named after a container beside them, holding its articles.
    container_folders: HashSet<PathBuf>,
}

enum Entry {
    File(Found),
    Folder(PathBuf),
    PassedOver(PathBuf, String),
}

impl Walk {
    /// Walks `root`, never entering the folders in `excluded`.
    pub fn new(root: &Path, excluded: Vec<PathBuf>) -> Walk {
        let mut walk = Walk {
            stack: Vec::new(),
            excluded_folders: excluded,
            outputs: HashSet::new(),
            root: root.to_path_buf(),
            found: 0,
            container_folders: HashSet::new(),
        };
        let listing = walk.list(root);
        walk.stack.push(listing.into_iter());
        walk
    }

    /// The entries of a folder, sorted by name, files marked when they share a stem.
    fn list(&mut self, dir: &Path) -> Vec<Entry> {
        let read_dir = match std::fs::read_dir(dir) {
            Ok(read_dir) => read_dir,
            Err(error) => {
                return vec![Entry::PassedOver(
                    dir.to_path_buf(),
                    format!("cannot read the folder: {error}"),
                )];
            }
        };
        for output in manifest::listed_outputs(dir) {
            self.outputs.insert(naming::normalize(&output));
        }
        let mut paths: Vec<PathBuf> = read_dir.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        let file_names: Vec<String> = paths
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        let stems = naming::output_names(file_names.iter().map(String::as_str));
        let container_folder = self.container_folders.contains(&naming::normalize(dir));
        let mut entries = Vec::new();
        for path in paths {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if name.starts_with('.') {
                continue;
            }
            let Ok(meta) = std::fs::symlink_metadata(&path) else {
                continue;
            };
            if meta.is_symlink() {
                match std::fs::metadata(&path) {
                    Ok(target) if target.is_dir() => {
                        entries.push(Entry::PassedOver(
                            path,
                            "a link to a folder, not followed".into(),
                        ));
                        continue;
                    }
                    Ok(_) => {}
                    Err(error) if error.raw_os_error() == Some(LINK_LOOP_ERRNO) => {
                        entries.push(Entry::PassedOver(path, "a link loop, not followed".into()));
                        continue;
                    }
                    Err(_) => {
                        entries.push(Entry::PassedOver(path, "a link to nothing".into()));
                        continue;
                    }
                }
            }
            if meta.is_dir() {
                let normalized = naming::normalize(&path);
                if CONTAINER_EXTENSIONS
                    .iter()
                    .any(|ext| stems.contains(&format!("{}{ext}", name.to_lowercase())))
                {
                    self.container_folders.insert(normalized.clone());
                }
                if !self.excluded_folders.contains(&normalized)
                    && !saved_page::is_resource_folder(&path)
                {
                    entries.push(Entry::Folder(path));
                }
            } else if path.is_file() && is_input(&path, &name) {
                let own = self.outputs.contains(&naming::normalize(&path))
                    || (container_folder && is_text_output(&name))
                    || looks_like_own_output(&name, &stems);
                if own {
                    continue;
                }
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

/// `ELOOP`: too many levels of symbolic links (the same number on Linux,
/// the BSDs and macOS).
#[cfg(unix)]
const LINK_LOOP_ERRNO: i32 = if cfg!(target_os = "linux") { 40 } else { 62 };
/// Windows reports link loops as other errors.
#[cfg(not(unix))]
const LINK_LOOP_ERRNO: i32 = -1;

impl Iterator for Walk {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            let Some(top) = self.stack.last_mut() else {
                if self.found == 0 {
                    self.found = 1;
                    return Some(Item::PassedOver {
                        path: self.root.clone(),
                        reason: "no input found in this folder (galley reads HTML, MHTML, WARC, article JSON and Markdown)".into(),
                    });
                }
                return None;
            };
            match top.next() {
                None => {
                    self.stack.pop();
                }
                Some(Entry::File(found)) => {
                    self.found += 1;
                    return Some(Item::Input(found));
                }
                Some(Entry::PassedOver(path, reason)) => {
                    self.found += 1;
                    return Some(Item::PassedOver { path, reason });
                }
                Some(Entry::Folder(dir)) => {
                    let listing = self.list(&dir);
                    self.stack.push(listing.into_iter());
                }
            }
        }
    }
}

/// Whether a file is article JSON or Markdown named like an output of
/// another input in its folder (`story.json` or `story.html.md` beside
/// `story.html`): galley wrote it, and reading it back would make
/// `story.json.md`. `stems` are the folder's names from
/// [`naming::output_names`].
fn looks_like_own_output(name: &str, stems: &HashSet<String>) -> bool {
    let lower = name.to_lowercase();
    let Some((base, _)) = lower.rsplit_once('.') else {
        return false;
    };
    if !is_text_output(&lower) {
        return false;
    }
    let named_after_other = |other: &String| {
        other != &lower
            && naming::has_input_extension(other)
            && !OWN_OUTPUT_EXTENSIONS
                .iter()
                .any(|e| other.ends_with(&format!(".{e}")))
    };
    // `story.html.md`: the whole name of another input.
    if stems.contains(base) && naming::has_input_extension(base) {
        return true;
    }
    // `story.json`: the stem of another input of a kind galley does not write.
    stems
        .iter()
        .any(|other| named_after_other(other) && naming::input_stem(other) == base)
}

/// Whether a file name has the extension of one of galley's text outputs.
pub fn is_text_output(name: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| OWN_OUTPUT_EXTENSIONS.contains(&ext.to_lowercase().as_str()))
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
                .map(|item| {
                    let Item::Input(f) = item else {
                        panic!("passed over: {item:?}");
                    };
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
