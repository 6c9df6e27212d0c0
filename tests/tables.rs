//! Tables as a reader keeps them: the fixture pages in
//! `tests/fixtures/tables/` (a league table with a `<tfoot>` placed before
//! its body, a budget with decimal commas, a season of daily readings long enough to span pages, a trade
//! table twelve columns wide) converted by the binary and read back — the
//! PDF with `pdftotext` (`-layout` for rows, `-bbox` for where each word
//! stands) and `pdfinfo -struct-text`, the EPUB with epubcheck. Column
//! widths come from the content, the header repeats on each page, the
//! footer comes last, numbers line up on the right, and nothing is clipped.
//! The tools come from `make deps`.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::{epubcheck_jar, galley, json_block, read_output as read, run_tool as run};

/// A fixture page of `tests/fixtures/tables/`.
fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tables")
        .join(name)
}

/// Converts a fixture page to every format (with extra `args`) in a fresh
/// folder; returns the folder's guard and the outputs' path without
/// extension.
fn convert(name: &str, args: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    galley()
        .args(["convert", "--to", "md,json,epub,pdf,html", "-o"])
        .arg(dir.path())
        .args(args)
        .arg(fixture(name))
        .assert()
        .success();
    let stem = dir.path().join(Path::new(name).file_stem().unwrap());
    (dir, stem)
}

/// The PDF's text laid out as on the page, pages apart (form feeds).
fn layout_text(stem: &Path) -> String {
    let pdf = stem.with_extension("pdf");
    run("pdftotext", &["-layout", &pdf.to_string_lossy(), "-"])
}

/// A word on a PDF page and its box.
#[derive(Debug)]
struct Word {
    text: String,
    x_max: f32,
    height: f32,
}

/// Every word of the PDF with its box (`pdftotext -bbox`), and the width
/// of the pages.
fn words(stem: &Path) -> (Vec<Word>, f32) {
    let pdf = stem.with_extension("pdf");
    let html = run("pdftotext", &["-bbox", &pdf.to_string_lossy(), "-"]);
    let attr = |line: &str, name: &str| -> f32 {
        let start = line.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
        let end = start + line[start..].find('"').unwrap();
        line[start..end].parse().unwrap()
    };
    let width = html
        .lines()
        .find(|l| l.contains("<page "))
        .map(|l| attr(l, "width"))
        .expect("a page");
    let words = html
        .lines()
        .filter(|l| l.trim_start().starts_with("<word "))
        .map(|l| Word {
            text: l[l.find('>').unwrap() + 1..l.rfind("</word>").unwrap()].to_string(),
            x_max: attr(l, "xMax"),
            height: attr(l, "yMax") - attr(l, "yMin"),
        })
        .collect();
    (words, width)
}

/// The right edges of the words `texts`, in the order they appear.
fn right_edges(words: &[Word], texts: &[&str]) -> Vec<f32> {
    texts
        .iter()
        .map(|t| {
            words
                .iter()
                .find(|w| w.text == *t)
                .unwrap_or_else(|| panic!("{t} not in the PDF"))
                .x_max
        })
        .collect()
}

#[test]
fn a_header_word_is_never_split_when_its_column_can_widen() {
    // On a 6-inch screen the league table is tight: its header words stay whole.
    let (_dir, stem) = convert("league-results.html", &["--page-size", "6in"]);
    let text = layout_text(&stem);
    let header = text
        .lines()
        .find(|l| l.contains("Club"))
        .expect("the header row");
    for word in ["Plays", "Scored", "Conceded"] {
        assert!(header.contains(word), "{word} split: {header:?}");
    }
}

#[test]
fn the_footer_comes_last_in_every_format() {
    let (_dir, stem) = convert("league-results.html", &[]);
    let table = json_block(&stem, "table");
    assert_eq!(table["header_rows"], 1);
    assert_eq!(table["footer_rows"], 1);
    let rows = table["rows"].as_array().unwrap();
    assert_eq!(rows[0][1], "Plays");
    assert_eq!(rows.last().unwrap()[0], "All clubs");
    // The PDF, the EPUB, the HTML and the Markdown set the totals last.
    let pdf = layout_text(&stem);
    assert!(pdf.find("Eastcliff Athletic").unwrap() < pdf.find("All clubs").unwrap());
    for html in [read(&stem, "html"), epub_chapter(&stem).expect("a chapter")] {
        let (head, body, foot) = (
            html.find("<thead>").expect("thead"),
            html.find("<tbody>").expect("tbody"),
            html.find("<tfoot>").expect("tfoot"),
        );
        assert!(head < body && body < foot);
        assert!(html[foot..].contains("All clubs"));
        assert!(html[head..body].contains("<th scope=\"col\""));
    }
    let md = read(&stem, "md");
    let pipe: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
    assert!(pipe[0].starts_with("| Club | Plays |"));
    assert!(pipe.last().unwrap().starts_with("| All clubs |"));
}

#[test]
fn numeric_columns_are_aligned_right_on_the_decimal_point() {
    let (_dir, stem) = convert("league-results.html", &[]);
    let (words, _) = words(&stem);
    // Scored: 27, 21, 15, 13, 10 and the total 86 under their header.
    let scored = right_edges(&words, &["Scored", "27", "21", "15", "13", "10"]);
    let goals = right_edges(&words, &["2.25", "1.75", "1.25", "1.08", "0.83", "1.43"]);
    for column in [scored, goals] {
        for edge in &column {
            assert!((edge - column[0]).abs() < 0.05, "{column:?}");
        }
    }
    // The club names stay flush left.
    let names = right_edges(&words, &["Harbour", "Gull"]);
    assert!((names[0] - names[1]).abs() > 1.0);
    // EPUB and HTML say so too.
    assert!(
        epub_chapter(&stem)
            .unwrap()
            .contains("<td style=\"text-align:right\">27</td>")
    );
    assert!(read(&stem, "html").contains("<td style=\"text-align:right\">2.25</td>"));
}

#[test]
fn decimal_commas_are_aligned_as_decimal_points_are() {
    let (_dir, stem) = convert("haushalt-de.html", &[]);
    let (words, _) = words(&stem);
    // Fractions of one, two and three digits on one decimal comma: each
    // number ends one digit further right than the one before.
    let edges = right_edges(&words, &["4,5", "17,25", "1.204,125"]);
    let steps = [edges[1] - edges[0], edges[2] - edges[1]];
    assert!(steps[0] > 2.0, "{edges:?}");
    assert!((steps[0] - steps[1]).abs() < 0.3, "{edges:?}");
}

#[test]
fn a_long_table_repeats_its_header_on_each_page() {
    let (_dir, stem) = convert("station-readings.html", &[]);
    let text = layout_text(&stem);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| (1..=120).any(|day| p.contains(&format!("Day {day} "))))
        .collect();
    assert!(pages.len() >= 3, "the table spans {} pages", pages.len());
    for page in &pages {
        let header = page
            .find("Strongest gust")
            .expect("the header on every page");
        let first_row = (1..=120)
            .filter_map(|day| page.find(&format!("Day {day} ")))
            .min()
            .expect("a row");
        assert!(header < first_row, "the header comes first");
    }
    // No row is lost or doubled.
    for day in 1..=120 {
        let row = format!("Day {day} ");
        assert_eq!(text.matches(&row).count(), 1, "{row}");
    }
    // The repeated headers are decoration: the structure has one header row.
    let pdf = stem.with_extension("pdf");
    let tree = run("pdfinfo", &["-struct-text", &pdf.to_string_lossy()]);
    assert_eq!(tree.matches("TH").count(), 4);
    assert_eq!(tree.matches("TR").count(), 121);
}

#[test]
fn a_table_too_wide_for_the_page_is_set_smaller_and_never_clipped() {
    let (_dir, stem) = convert("trade-by-region.html", &[]);
    let (words, page_width) = words(&stem);
    assert!(words.iter().all(|w| w.x_max <= page_width));
    // Smaller than the body text, and every figure whole.
    let body = words.iter().find(|w| w.text == "chamber").unwrap().height;
    let cell = words.iter().find(|w| w.text == "Overseas").unwrap().height;
    assert!(cell < body * 0.8, "table {cell} against body {body}");
    let text = layout_text(&stem);
    for figure in ["1,204.5", "2,310.7", "1,077.6", "640.2", "120.8"] {
        assert!(text.contains(figure), "{figure} broken");
    }
}

#[test]
fn the_books_pass_epubcheck_without_a_message() {
    let dir = tempfile::tempdir().unwrap();
    galley()
        .args(["convert", "--to", "epub", "-o"])
        .arg(dir.path())
        .args(
            [
                "league-results.html",
                "station-readings.html",
                "trade-by-region.html",
            ]
            .map(fixture),
        )
        .assert()
        .success();
    let books: Vec<PathBuf> = ["league-results", "station-readings", "trade-by-region"]
        .iter()
        .map(|stem| dir.path().join(format!("{stem}.epub")))
        .collect();
    let out = Command::new("java")
        .arg("-cp")
        .arg(epubcheck_jar())
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/EpubcheckBatch.java"))
        .args(&books)
        .output()
        .expect("java runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let clean = stdout
        .lines()
        .filter(|l| l.ends_with("\t0 fatals / 0 errors / 0 warnings"))
        .count();
    assert_eq!(clean, books.len(), "epubcheck found problems:\n{stdout}");
}

/// The EPUB's chapter that holds the article.
fn epub_chapter(stem: &Path) -> Option<String> {
    use std::io::Read;
    let file = std::fs::File::open(stem.with_extension("epub")).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        if entry.name().is_ok_and(|n| n.ends_with(".xhtml")) {
            let mut text = String::new();
            entry.read_to_string(&mut text).unwrap();
            if text.contains("<table") {
                return Some(text);
            }
        }
    }
    None
}
