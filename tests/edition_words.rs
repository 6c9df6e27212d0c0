//! The words an edition writes about itself follow its articles' language,
//! from one table for both writers: "N articles" on the PDF's contents page
//! and the EPUB's title page reads in French, German or Russian when every
//! article is, and in one neutral form when they differ. And an EPUB's
//! `dc:subject` comes only from the article's own tags, never from a site's
//! navigation. The PDF is read back with `pdftotext` (from `make deps`).

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::{epub_entry, galley};

/// A page in `lang` with a headline and a paragraph of `text`.
fn page(dir: &Path, name: &str, lang: &str, text: &str) -> PathBuf {
    let html = format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <title>{name}</title></head><body><article><h1>{name}</h1>\
         <p>{text} {text} {text}</p><p>{text}</p></article></body></html>"
    );
    let path = dir.join(format!("{name}.html"));
    std::fs::write(&path, html).unwrap();
    path
}

/// Bundles pages into `edition.pdf` and `edition.epub`; returns the PDF's
/// text and the EPUB's title page.
fn edition(pages: &[PathBuf]) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut texts = Vec::new();
    for extension in ["pdf", "epub"] {
        let out = dir.path().join(format!("edition.{extension}"));
        galley()
            .args(["convert", "--bundle"])
            .arg(&out)
            .args(pages)
            .assert()
            .success();
        texts.push(if extension == "pdf" {
            let text = Command::new("pdftotext")
                .arg(&out)
                .arg("-")
                .output()
                .expect("pdftotext is installed (make deps)");
            String::from_utf8_lossy(&text.stdout).into_owned()
        } else {
            epub_entry(&out, "title.xhtml")
        });
    }
    let epub = texts.pop().unwrap();
    (texts.pop().unwrap(), epub)
}

const FRENCH: &str = "La boulangerie du village a rouvert ses portes après deux ans de travaux.";
const GERMAN: &str = "Das Hallenbad der Stadt wird nach drei Jahren Bauzeit wieder eröffnet.";
const RUSSIAN: &str = "Городской музей снова открылся после трёх лет ремонта и реставрации.";

#[test]
fn the_article_count_reads_in_the_editions_language_in_both_writers() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, text, expected) in [
        ("fr", FRENCH, "2 articles"),
        ("de", GERMAN, "2 Artikel"),
        ("ru", RUSSIAN, "Число статей: 2"),
    ] {
        let pages = [
            page(dir.path(), &format!("{lang}-one"), lang, text),
            page(dir.path(), &format!("{lang}-two"), lang, text),
        ];
        let (pdf, epub) = edition(&pages);
        assert!(pdf.contains(expected), "{lang} PDF: {pdf}");
        assert!(epub.contains(expected), "{lang} EPUB: {epub}");
    }
}

#[test]
fn an_edition_of_mixed_languages_counts_in_one_neutral_form() {
    let dir = tempfile::tempdir().unwrap();
    let pages = [
        page(dir.path(), "fr-one", "fr", FRENCH),
        page(dir.path(), "de-one", "de", GERMAN),
        page(dir.path(), "ru-one", "ru", RUSSIAN),
    ];
    let (pdf, epub) = edition(&pages);
    assert!(pdf.contains("3 articles"), "PDF: {pdf}");
    assert!(epub.contains("lang=\"en\""), "marked as English: {epub}");
    assert!(epub.contains("3 articles"), "EPUB: {epub}");
}

#[test]
fn dc_subject_holds_the_articles_tags_not_the_sites_navigation() {
    let dir = tempfile::tempdir().unwrap();
    let nav = "<nav><a href=\"/category/politics\" rel=\"tag\">Politics</a> \
               <a href=\"/category/sport\" rel=\"category tag\">Sport</a> \
               <a href=\"/tag/weather\">Weather</a></nav>";
    let article = "<article><h1>Bridge closed</h1><p>The old bridge over the river \
                   closed on Monday for repairs that will last until the spring, the \
                   council said.</p><p>Drivers are asked to use the ring road while the \
                   work goes on, and buses will follow a new route.</p></article>";
    let tagged = dir.path().join("tagged.html");
    std::fs::write(
        &tagged,
        format!(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
             <title>Bridge closed</title><meta property=\"article:tag\" content=\"Bridges\">\
             <meta property=\"article:tag\" content=\"Roads\"></head><body>{nav}{article}</body></html>"
        ),
    )
    .unwrap();
    let untagged = dir.path().join("untagged.html");
    std::fs::write(
        &untagged,
        format!(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
             <title>Bridge closed</title></head><body>{nav}{article}</body></html>"
        ),
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    galley()
        .args(["convert", "--to", "epub", "-o"])
        .arg(out.path())
        .args([&tagged, &untagged])
        .assert()
        .success();
    let subjects = |name: &str| -> Vec<String> {
        let opf = epub_entry(&out.path().join(name), ".opf");
        opf.split("<dc:subject>")
            .skip(1)
            .map(|s| s[..s.find("</dc:subject>").unwrap()].to_string())
            .collect()
    };
    assert_eq!(subjects("tagged.epub"), ["Bridges", "Roads"]);
    assert!(subjects("untagged.epub").is_empty());
}
