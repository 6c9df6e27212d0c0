//! Output names: where each input's outputs go, made safe. A name derived
//! from a file or a URL is reduced to one plain path component, so no input
//! and no URL can make galley write outside the output folder.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

use crate::read::INPUT_EXTENSIONS;

/// The last URL segment's extensions that say nothing about the article
/// (`story.html`, `view.php`), dropped from names made from URLs.
const URL_PAGE_EXTENSIONS: &[&str] = &["html", "htm", "shtml", "php", "asp", "aspx", "jsp", "cfm"];

/// Longest name made from a URL, in bytes: long enough to tell articles
/// apart, short enough for every file system with the extension added.
const MAX_URL_NAME_BYTES: usize = 120;

/// Longest file name component written, in bytes (file systems allow 255).
const MAX_COMPONENT_BYTES: usize = 200;

/// Names Windows reserves for devices, refused as file names.
const RESERVED_NAMES: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Whether a file name has an extension galley reads (looking through `.gz`).
pub fn has_input_extension(name: &str) -> bool {
    input_stem(name).len() < name.trim_end_matches(".gz").len()
}

/// A file name without its input extensions: `a.warc.gz` → `a`,
/// `b.html` → `b`, `c.txt` → `c.txt`.
pub fn input_stem(name: &str) -> &str {
    let name = strip_suffix_ci(name, ".gz").unwrap_or(name);
    for (ext, _) in INPUT_EXTENSIONS {
        if let Some(stem) = strip_suffix_ci(name, &format!(".{ext}"))
            && !stem.is_empty()
        {
            return stem;
        }
    }
    name
}

fn strip_suffix_ci<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let at = s.len().checked_sub(suffix.len())?;
    (s.is_char_boundary(at) && s[at..].eq_ignore_ascii_case(suffix)).then(|| &s[..at])
}

/// One safe path component: separators and characters file systems refuse
/// become `_`, leading dots and reserved device names are defused, and the
/// length is bounded.
pub fn safe_component(name: &str) -> String {
    let mut out: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    out = out
        .trim_start_matches(['.', ' '])
        .trim_end_matches(['.', ' '])
        .to_string();
    let base = out.split('.').next().unwrap_or("").to_ascii_lowercase();
    if RESERVED_NAMES.contains(&base.as_str()) {
        out.insert(0, '_');
    }
    truncate(&mut out, MAX_COMPONENT_BYTES);
    if out.is_empty() {
        out.push('_');
    }
    out
}

/// A file name for an article from its URL: host and path joined by `_`,
/// without the scheme, `www.`, a page extension or a fragment.
pub fn name_from_url(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split('#').next().unwrap_or("");
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let mut segments: Vec<String> = path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(crate::document::percent_decode)
        .collect();
    if let Some(host) = segments.first_mut() {
        let lower = host.to_ascii_lowercase();
        *host = lower.strip_prefix("www.").unwrap_or(&lower).to_string();
        if let Some((name, _port)) = host.rsplit_once(':') {
            *host = name.to_string();
        }
    }
    if segments.len() > 1
        && let Some(last) = segments.last_mut()
        && let Some((stem, ext)) = last.rsplit_once('.')
        && URL_PAGE_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str())
        && !stem.is_empty()
    {
        *last = stem.to_string();
    }
    if segments.len() > 1
        && segments
            .last()
            .is_some_and(|s| s.eq_ignore_ascii_case("index"))
    {
        segments.pop();
    }
    if !query.is_empty() {
        segments.push(crate::document::percent_decode(query));
    }
    let joined: String = segments
        .join("_")
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let mut name = safe_component(joined.trim_matches(['-', '_']));
    truncate(&mut name, MAX_URL_NAME_BYTES);
    if name == "_" {
        name = "page".to_string();
    }
    name
}

/// Hands out names that were not handed out before: `a`, `a-2`, `a-3`.
#[derive(Debug, Default)]
pub struct Unique {
    taken: HashSet<String>,
}

impl Unique {
    /// `name`, or `name-N` when it is taken (compared ignoring case, for
    /// file systems that do).
    pub fn name(&mut self, name: &str) -> String {
        let mut candidate = name.to_string();
        let mut n = 1;
        while !self.taken.insert(candidate.to_lowercase()) {
            n += 1;
            candidate = format!("{name}-{n}");
        }
        candidate
    }
}

/// The names (lowercase) outputs of the input files among `names` may get:
/// their stems, and their whole names (used when two share a stem).
pub fn output_names<'a>(names: impl Iterator<Item = &'a str>) -> HashSet<String> {
    let mut stems = HashSet::new();
    for name in names.map(str::to_lowercase) {
        if has_input_extension(&name) {
            stems.insert(input_stem(&name).to_string());
            stems.insert(name);
        }
    }
    stems
}

/// An absolute path with `.` and `..` resolved by their names alone.
pub fn normalize(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// The deepest folder holding all the given (normalized) folders.
pub fn common_root<'a>(folders: impl IntoIterator<Item = &'a Path>) -> PathBuf {
    let mut root: Option<PathBuf> = None;
    for folder in folders {
        root = Some(match root {
            None => folder.to_path_buf(),
            Some(r) => r
                .components()
                .zip(folder.components())
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a)
                .collect(),
        });
    }
    root.unwrap_or_default()
}

/// `path` below `root`, keeping only plain components.
pub fn relative_below(path: &Path, root: &Path) -> PathBuf {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(part),
            _ => None,
        })
        .collect()
}

fn truncate(s: &mut String, max: usize) {
    if s.len() > max {
        let mut end = max;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_drop_input_extensions() {
        assert_eq!(input_stem("crawl.warc.gz"), "crawl");
        assert_eq!(input_stem("Story.HTML"), "Story");
        assert_eq!(input_stem("page.html.gz"), "page");
        assert_eq!(input_stem("notes.txt"), "notes.txt");
        assert_eq!(input_stem(".html"), ".html");
        assert!(has_input_extension("a.mht"));
        assert!(!has_input_extension("a.png"));
    }

    #[test]
    fn urls_become_plain_names() {
        assert_eq!(
            name_from_url("https://www.example.com/news/2020/02/big-story.html#top"),
            "example.com_news_2020_02_big-story"
        );
        assert_eq!(name_from_url("http://example.com/"), "example.com");
        assert_eq!(
            name_from_url("http://example.com/view.php?id=5&x=1"),
            "example.com_view_id-5-x-1"
        );
        assert_eq!(
            name_from_url("https://a.example/../../../etc/passwd"),
            "a.example_.._.._.._etc_passwd"
        );
        assert_eq!(name_from_url(""), "page");
        assert!(!name_from_url("https://x.example/a%2F..%2Fb").contains('/'));
    }

    #[test]
    fn components_are_safe() {
        assert_eq!(safe_component("../../etc"), "_.._etc");
        assert_eq!(safe_component("CON.md"), "_CON.md");
        assert_eq!(safe_component("..."), "_");
        assert_eq!(safe_component("a\nb"), "a_b");
        assert!(safe_component(&"é".repeat(300)).len() <= MAX_COMPONENT_BYTES);
    }

    #[test]
    fn names_are_deduplicated() {
        let mut unique = Unique::default();
        assert_eq!(unique.name("a"), "a");
        assert_eq!(unique.name("A"), "A-2");
        assert_eq!(unique.name("a"), "a-3");
    }

    #[test]
    fn roots_and_relative_paths() {
        let root = common_root([Path::new("/w/a/x"), Path::new("/w/a/y")]);
        assert_eq!(root, Path::new("/w/a"));
        assert_eq!(
            relative_below(Path::new("/w/a/x/s.html"), &root),
            Path::new("x/s.html")
        );
        assert_eq!(normalize(Path::new("/w/a/../b/./c")), Path::new("/w/b/c"));
    }
}
