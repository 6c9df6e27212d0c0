//! Every script prints: Korean, Japanese and Chinese pages are set in an
//! installed font that covers them (embedded, no glyph the missing-glyph
//! box); Hebrew and Arabic are set right to left; lines break by the
//! Unicode rules (no line starts with closing punctuation, French spacing
//! holds, a run without break opportunities is broken at the measure); and
//! `--font` is the last resort after the installed fonts.
//!
//! The CJK tests need a CJK font installed (`make deps` installs Debian's
//! `fonts-noto-cjk`).

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::galley;

/// The faces compiled into galley (PostScript names as `pdffonts` lists them).
const BUILT_IN: [&str; 6] = [
    "NotoSerif-Regular",
    "NotoSerif-Bold",
    "NotoSerif-Italic",
    "NotoSans-Regular",
    "NotoSans-Bold",
    "DejaVuSansMono",
];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/scripts")
        .join(name)
}

/// Runs a tool, failing clearly when it is not installed.
fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed (run `make deps`): {e}"));
    assert!(out.status.success(), "{tool} {args:?} failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Converts a page to PDF in `dir` with extra arguments and environment;
/// returns the PDF's path and galley's standard error.
fn convert(page: &Path, dir: &Path, args: &[&str], env: &[(&str, &str)]) -> (PathBuf, String) {
    let mut cmd = galley();
    cmd.arg("convert")
        .arg(page)
        .args(["--to", "pdf", "-o"])
        .arg(dir);
    cmd.args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("galley runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stem = page
        .file_stem()
        .expect("a name")
        .to_string_lossy()
        .into_owned();
    (
        dir.join(format!("{stem}.pdf")),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The fonts `pdffonts` lists: (name without subset tag, embedded).
fn fonts(pdf: &Path) -> Vec<(String, bool)> {
    run("pdffonts", &[&pdf.to_string_lossy()])
        .lines()
        .skip(2)
        .filter_map(|row| {
            let cols: Vec<&str> = row.split_whitespace().collect();
            let name = cols.first()?;
            let name = name.split_once('+').map_or(*name, |(_, n)| n).to_string();
            let emb = cols.get(cols.len().checked_sub(5)?)? == &"yes";
            Some((name, emb))
        })
        .collect()
}

/// Every glyph id the pages draw (2-byte ids in the hex strings of the
/// `Tj` and `TJ` operators of the uncompressed content streams).
fn glyph_ids(pdf: &Path) -> Vec<u16> {
    let qdf = tempfile::NamedTempFile::new().expect("temp file");
    run(
        "qpdf",
        &[
            "--qdf",
            "--object-streams=disable",
            &pdf.to_string_lossy(),
            &qdf.path().to_string_lossy(),
        ],
    );
    let bytes = std::fs::read(qdf.path()).expect("qdf written");
    let text = String::from_utf8_lossy(&bytes);
    let mut ids = Vec::new();
    for (at, op) in text.match_indices("TJ").chain(text.match_indices("Tj")) {
        let before = &text[..at];
        let operand = if op == "TJ" {
            before.rfind('[').map(|start| &before[start..])
        } else {
            before.rfind('<').map(|start| &before[start..])
        };
        let Some(operand) = operand else { continue };
        for hex in operand.split('<').skip(1) {
            let hex = hex.split('>').next().unwrap_or("");
            for k in (0..hex.len() / 4).map(|i| i * 4) {
                if let Ok(id) = u16::from_str_radix(&hex[k..k + 4], 16) {
                    ids.push(id);
                }
            }
        }
    }
    ids
}

fn pdf_text(pdf: &Path) -> String {
    run("pdftotext", &["-enc", "UTF-8", &pdf.to_string_lossy(), "-"])
}

#[test]
fn korean_japanese_and_chinese_pages_print_in_an_installed_font_that_covers_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (page, headline) in [
        ("ko.html", "서울시, 한강 공원에 새 산책로 개장"),
        ("ja.html", "京都市、嵐山に新しい遊歩道を開設"),
        ("zh.html", "杭州西湖新建环湖步道正式开放"),
    ] {
        let (pdf, stderr) = convert(&fixture(page), dir.path(), &[], &[]);
        assert!(
            !stderr.contains("no font can show"),
            "{page}: {stderr} (is a CJK font installed? run `make deps`)"
        );
        let fonts = fonts(&pdf);
        assert!(fonts.iter().all(|(_, emb)| *emb), "{page}: {fonts:?}");
        assert!(
            fonts
                .iter()
                .any(|(name, _)| !BUILT_IN.contains(&name.as_str())),
            "{page}: no installed font embedded: {fonts:?}"
        );
        let ids = glyph_ids(&pdf);
        assert!(ids.len() > 100, "{page}: {} glyphs drawn", ids.len());
        assert!(
            !ids.contains(&0),
            "{page}: a glyph is the missing-glyph box"
        );
        let text: String = pdf_text(&pdf).split_whitespace().collect();
        let headline: String = headline.split_whitespace().collect();
        assert!(text.contains(&headline), "{page}: {text}");
    }
}

#[test]
fn hebrew_and_arabic_are_set_right_to_left_in_logical_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    for page in ["he.html", "ar.html"] {
        let (pdf, stderr) = convert(&fixture(page), dir.path(), &[], &[]);
        assert!(!stderr.contains("no font can show"), "{page}: {stderr}");
        assert!(!glyph_ids(&pdf).contains(&0), "{page}: a missing-glyph box");
    }
    // The text comes back in logical order, and the first word of the
    // headline is its rightmost.
    let pdf = dir.path().join("he.pdf");
    let first_line = pdf_text(&pdf).lines().next().unwrap_or("").to_string();
    let clean: String = first_line
        .chars()
        .filter(|c| !('\u{200E}'..='\u{202E}').contains(c))
        .collect();
    assert!(clean.starts_with("עיריית תל אביב"), "{clean}");
    let bbox = run("pdftotext", &["-bbox", &pdf.to_string_lossy(), "-"]);
    let headline_words: Vec<(f32, String)> = bbox
        .lines()
        .filter(|l| l.contains("<word"))
        .take(6)
        .filter_map(|l| {
            let x: f32 = l.split("xMin=\"").nth(1)?.split('"').next()?.parse().ok()?;
            let word = l.split('>').nth(1)?.split('<').next()?.to_string();
            Some((x, word))
        })
        .collect();
    let rightmost = headline_words
        .iter()
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .expect("words on the first line");
    // Within a word, pdftotext -bbox gives the glyphs in visual order.
    let logical: String = rightmost.1.chars().rev().collect();
    assert_eq!(logical, "עיריית", "{headline_words:?}");
}

#[test]
fn no_line_starts_with_closing_punctuation_and_french_spacing_holds() {
    let dir = tempfile::tempdir().expect("temp dir");
    for size in ["6in", "a5", "a4"] {
        let (pdf, _) = convert(&fixture("fr.html"), dir.path(), &["--page-size", size], &[]);
        let text = pdf_text(&pdf);
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            assert!(
                !line.starts_with(['»', ':', ';', '!', '?', '%', ')']),
                "{size}: a line starts with closing punctuation: {line:?}"
            );
            assert!(!line.ends_with('«'), "{size}: a line ends with «: {line:?}");
        }
    }
}

#[test]
fn a_run_without_break_opportunities_is_broken_at_the_measure() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run_of_x = "x".repeat(20_000);
    let page = dir.path().join("run.html");
    std::fs::write(
        &page,
        format!(
            "<!DOCTYPE html><html lang=\"en\"><head><title>A long run</title></head><body><article>\
             <h1>A long run</h1><p>Before the run.</p><p>{run_of_x}</p><p>After the run.</p></article></body></html>"
        ),
    )
    .expect("page written");
    let (pdf, _) = convert(&page, dir.path(), &["--page-size", "a5"], &[]);
    let text = pdf_text(&pdf);
    let lines: Vec<&str> = text.lines().filter(|l| l.starts_with("xxx")).collect();
    assert!(lines.len() > 100, "{} lines of x", lines.len());
    // Every line but the first (indented) and the last is full.
    let widest = lines.iter().map(|l| l.len()).max().unwrap_or(0);
    let inner = &lines[1..lines.len() - 1];
    assert!(
        inner.iter().all(|l| l.len() == widest),
        "lines of x are not filled to the measure"
    );
    assert_eq!(text.matches('x').count(), 20_000, "characters lost");
    assert!(text.contains("After the run."));
}

#[test]
fn font_option_covers_what_neither_built_in_nor_installed_fonts_do() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("boxes.html");
    std::fs::write(
        &page,
        "<!DOCTYPE html><html lang=\"en\"><head><title>Boxes</title></head><body><article>\
         <h1>Boxes</h1><p>A table border ┼ drawn with box characters.</p></article></body></html>",
    )
    .expect("page written");
    let no_system = [("GALLEY_SYSTEM_FONTS", "0")];
    let (_, stderr) = convert(&page, dir.path(), &[], &no_system);
    assert!(stderr.contains("U+253C"), "{stderr}");
    let font = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/fonts/DejaVuSansMono.ttf");
    let out = dir.path().join("with-font");
    let (pdf, stderr) = convert(
        &page,
        &out,
        &["--font", &font.to_string_lossy()],
        &no_system,
    );
    assert!(!stderr.contains("no font can show"), "{stderr}");
    assert!(pdf_text(&pdf).contains('┼'));
    assert!(!glyph_ids(&pdf).contains(&0));
}
