//! Pages saved by a browser ("save page complete"): the HTML file carries a
//! `<!-- saved from url=(0042)https://… -->` comment naming where it came
//! from, and its images sit in a `NAME_files/` folder beside it, which is
//! part of the page and never an input of its own.

use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use super::Format;

/// How far into a page the "saved from" comment may be: browsers write it
/// first, after at most a doctype.
const COMMENT_SCAN_BYTES: usize = 2048;

/// Suffixes browsers give a saved page's resource folder, by locale
/// (English, German, French, Spanish/Portuguese, Dutch, Italian).
pub const RESOURCE_FOLDER_SUFFIXES: &[&str] = &[
    "_files",
    "-Dateien",
    "_fichiers",
    "_archivos",
    "_arquivos",
    "-bestanden",
    "_file",
];

/// `<!-- saved from url=(0042)https://example.com/ -->`; the number is the
/// URL's length.
static SAVED_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)<!--\s*saved from url=\(\s*\d+\s*\)\s*(\S+?)\s*-->").expect("valid regex")
});

/// The URL a browser recorded when saving the page.
pub fn saved_from_url(text: &str) -> Option<String> {
    let mut end = text.len().min(COMMENT_SCAN_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let url = SAVED_FROM.captures(&text[..end])?.get(1)?.as_str();
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then(|| url.to_string())
}

/// Whether `dir` is the resource folder of a page saved beside it
/// (`NAME_files/` next to `NAME.html`).
pub fn is_resource_folder(dir: &Path) -> bool {
    let (Some(name), Some(parent)) = (dir.file_name().and_then(|n| n.to_str()), dir.parent())
    else {
        return false;
    };
    RESOURCE_FOLDER_SUFFIXES.iter().any(|suffix| {
        name.strip_suffix(suffix).is_some_and(|stem| {
            !stem.is_empty()
                && super::INPUT_EXTENSIONS
                    .iter()
                    .filter(|(_, format)| matches!(format, Format::Html | Format::Mhtml))
                    .any(|(ext, _)| parent.join(format!("{stem}.{ext}")).is_file())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_comment_gives_the_url() {
        let page = "<!DOCTYPE html>\r\n<!-- saved from url=(0041)https://news.example/2020/02/story.html -->\n<html>";
        assert_eq!(
            saved_from_url(page).as_deref(),
            Some("https://news.example/2020/02/story.html")
        );
        assert_eq!(
            saved_from_url("<!-- saved from url=(0014)about:internet -->"),
            None
        );
        assert_eq!(saved_from_url("<html><p>no comment</p>"), None);
    }

    #[test]
    fn resource_folders_need_their_page() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("Story_files")).unwrap();
        std::fs::create_dir(dir.path().join("Other_files")).unwrap();
        std::fs::write(dir.path().join("Story.html"), "<p>x</p>").unwrap();
        assert!(is_resource_folder(&dir.path().join("Story_files")));
        assert!(!is_resource_folder(&dir.path().join("Other_files")));
    }
}
