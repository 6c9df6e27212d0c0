//! The PDF's type as a reader meets it: a line of body text holds about
//! 60–75 characters on every page size, no more than two lines in a row end
//! with a hyphen, no page ends on one, and a name is not broken where a
//! looser line would do. The PDFs are read back with `pdftotext` (from
//! `make deps`): `-bbox-layout` for the lines and their extent, `-raw` for
//! the text of each page.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::{galley, sample_pages};

/// Page sizes whose measure is checked: paper and the smaller e-reader.
const SIZES: &[&str] = &["a4", "letter", "a5", "6in"];
/// The characters a line of body text should hold.
const MEASURE: std::ops::RangeInclusive<f64> = 60.0..=75.0;

/// Converts pages to PDF at a page size into a fresh folder.
fn convert(pages: &[PathBuf], size: &str) -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    galley()
        .args(["convert", "--to", "pdf", "--page-size", size, "-o"])
        .arg(dir.path())
        .args(pages)
        .assert()
        .success();
    let pdfs = pages
        .iter()
        .map(|p| {
            dir.path()
                .join(p.file_stem().unwrap())
                .with_extension("pdf")
        })
        .collect();
    (dir, pdfs)
}

/// Runs `pdftotext` with `args` on a PDF, failing clearly when it is missing.
fn pdftotext(pdf: &Path, args: &[&str]) -> String {
    let out = Command::new("pdftotext")
        .args(args)
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("pdftotext is not installed (make deps): {e}"));
    assert!(out.status.success(), "pdftotext {args:?} failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A line as `pdftotext -bbox-layout` reports it.
struct TextLine {
    left: f64,
    right: f64,
    height: f64,
    text: String,
}

/// The value of attribute `name` in a tag's text.
fn attribute(tag: &str, name: &str) -> f64 {
    let start = tag.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
    let end = start + tag[start..].find('"').expect("closing quote");
    tag[start..end].parse().expect("a number")
}

/// The lines of a PDF with their extent and their words.
fn text_lines(pdf: &Path) -> Vec<TextLine> {
    let xml = pdftotext(pdf, &["-bbox-layout"]);
    let mut lines = Vec::new();
    for chunk in xml.split("<line ").skip(1) {
        let Some(end) = chunk.find("</line>") else {
            continue;
        };
        let chunk = &chunk[..end];
        let tag = &chunk[..chunk.find('>').unwrap_or(0)];
        let words: Vec<&str> = chunk
            .split("<word ")
            .skip(1)
            .filter_map(|w| Some(&w[w.find('>')? + 1..w.find("</word>")?]))
            .collect();
        lines.push(TextLine {
            left: attribute(tag, "xMin"),
            right: attribute(tag, "xMax"),
            height: (attribute(tag, "yMax") - attribute(tag, "yMin")) * 10.0,
            text: words.join(" ").replace("&amp;", "&"),
        });
    }
    lines
}

/// The lengths in characters of a PDF's full lines of body text: lines of
/// the most common height (the body type) that run from the left edge of
/// the text to its right edge, so the last line of a paragraph, headings
/// and captions do not count.
fn body_line_lengths(pdf: &Path) -> Vec<usize> {
    let lines = text_lines(pdf);
    let mut heights: Vec<i64> = lines.iter().map(|l| l.height.round() as i64).collect();
    heights.sort_unstable();
    let body = heights
        .chunk_by(|a, b| a == b)
        .max_by_key(|run| run.len())
        .map_or(0, |run| run[0]);
    let body: Vec<&TextLine> = lines
        .iter()
        .filter(|l| l.height.round() as i64 == body)
        .collect();
    let left = body.iter().map(|l| l.left).fold(f64::MAX, f64::min);
    let right = body.iter().map(|l| l.right).fold(0.0, f64::max);
    body.iter()
        .filter(|l| l.right > right - 2.0 && l.left < left + 20.0)
        .map(|l| l.text.chars().count())
        .collect()
}

fn median(mut values: Vec<usize>) -> f64 {
    values.sort_unstable();
    let n = values.len();
    assert!(n > 0, "no full lines of body text");
    if n % 2 == 1 {
        values[n / 2] as f64
    } else {
        (values[n / 2 - 1] + values[n / 2]) as f64 / 2.0
    }
}

#[test]
fn a_line_of_body_text_holds_60_to_75_characters_on_every_page_size() {
    let pages = sample_pages();
    for size in SIZES {
        let (_dir, pdfs) = convert(&pages, size);
        let lengths: Vec<usize> = pdfs.iter().flat_map(|p| body_line_lengths(p)).collect();
        let count = lengths.len();
        let median = median(lengths);
        assert!(
            MEASURE.contains(&median),
            "{size}: the median body line holds {median} characters ({count} lines)"
        );
    }
}

/// A page of one long paragraph of long lowercase words, which a narrow
/// measure can only set well by hyphenating often, and a few names.
fn hyphen_page(dir: &Path) -> PathBuf {
    let words = [
        "international",
        "communication",
        "responsibility",
        "administration",
        "extraordinary",
        "understanding",
        "environmental",
        "infrastructure",
        "representatives",
        "unprecedented",
    ];
    let mut body = String::new();
    for paragraph in 0..6 {
        body.push_str("<p>");
        for i in 0..90 {
            let word = words[(i * 7 + paragraph * 3) % words.len()];
            body.push_str(word);
            body.push(' ');
            if i % 4 == 0 {
                body.push_str("and ");
            }
        }
        body.push_str("</p>\n");
    }
    let html = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Hyphens</title></head>\
         <body><article><h1>Hyphens</h1>\n{body}</article></body></html>"
    );
    let path = dir.join("hyphens.html");
    std::fs::write(&path, html).unwrap();
    path
}

/// The lines of each page as `pdftotext -raw` reads them, blank ones left out.
fn pages_of(pdf: &Path) -> Vec<Vec<String>> {
    pdftotext(pdf, &["-raw"])
        .split('\u{c}')
        .map(|page| {
            page.lines()
                .map(str::trim_end)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|page| !page.is_empty())
        .collect()
}

#[test]
fn no_more_than_two_lines_in_a_row_end_with_a_hyphen() {
    let input = tempfile::tempdir().unwrap();
    let page = hyphen_page(input.path());
    let (_dir, pdfs) = convert(std::slice::from_ref(&page), "6in");
    let lines: Vec<String> = pages_of(&pdfs[0]).concat();
    let hyphenated: Vec<bool> = lines.iter().map(|l| l.ends_with('-')).collect();
    let count = hyphenated.iter().filter(|&&h| h).count();
    assert!(count > 20, "the page hyphenates ({count} lines)");
    for (i, run) in hyphenated.windows(3).enumerate() {
        assert!(
            !run.iter().all(|&h| h),
            "three hyphens in a row from line {i}: {:?}",
            &lines[i..i + 3]
        );
    }
}

#[test]
fn no_page_ends_with_a_hyphen() {
    let input = tempfile::tempdir().unwrap();
    let inputs = [sample_pages(), vec![hyphen_page(input.path())]];
    for (size, pages) in ["6in", "a5"]
        .iter()
        .flat_map(|s| inputs.iter().map(move |p| (s, p)))
    {
        let (_dir, pdfs) = convert(pages, size);
        for pdf in &pdfs {
            let pages = pages_of(pdf);
            for (n, page) in pages.iter().enumerate() {
                let last = page.last().expect("a line");
                assert!(
                    !last.ends_with('-'),
                    "{size} {}: page {} ends with {last:?}",
                    pdf.display(),
                    n + 1
                );
            }
        }
    }
}

/// A paragraph naming people and places among long lowercase words.
fn names_paragraph(names: [&str; 4]) -> String {
    let mut body = String::new();
    for i in 0..40 {
        let [a, b, c, d] = [0, 1, 2, 3].map(|k| names[(i + k) % 4]);
        body.push_str(&format!(
            "Officials from {a} and {b} said the agreement was {c} and {d} reported \
             considerable progress. "
        ));
    }
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Names</title></head>\
         <body><article><h1>Names</h1><p>{body}</p></article></body></html>"
    )
}

/// How many lines of the names paragraph end inside one of the names.
fn broken(names: [&str; 4], size: &str) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("names.html");
    std::fs::write(&page, names_paragraph(names)).unwrap();
    let (_out, pdfs) = convert(std::slice::from_ref(&page), size);
    pages_of(&pdfs[0])
        .concat()
        .iter()
        .filter_map(|l| l.strip_suffix('-'))
        .filter_map(|l| l.rsplit(' ').next())
        .filter(|fragment| {
            names
                .iter()
                .any(|n| n.len() > fragment.len() && n.starts_with(fragment))
        })
        .count()
}

#[test]
fn a_name_is_hyphenated_far_less_often_than_a_common_word() {
    // The same paragraph with the names capitalised and in lower case: the
    // lower-case words are hyphenated freely, the names far less often.
    let names = ["Kazakhstan", "Bridenstine", "Tleuberdi", "Washington"];
    let lower = ["kazakhstan", "bridenstine", "tleuberdi", "washington"];
    for size in ["a4", "a5"] {
        let (as_names, as_words) = (broken(names, size), broken(lower, size));
        assert!(
            as_words >= 6 && as_names * 2 <= as_words,
            "{size}: names broken {as_names} times, the same words in lower case {as_words}"
        );
    }
}
