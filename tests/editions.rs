//! What a reader keeps: the fixture pages in `tests/fixtures/editions/`
//! converted by the binary to every format, and each format checked for the
//! same structure — headings numbered under the headline, pull quotes left
//! out, a quotation's paragraphs apart, lists with their links and emphasis,
//! dates, and tables in the PDF (read back with `pdftotext -layout`, the
//! outline with `qpdf --json`). The tools come from `make deps`.

mod support;

use std::path::{Path, PathBuf};

use support::{galley, json_block, read_output as read, run_tool as run};

/// A fixture page of `tests/fixtures/editions/`.
fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/editions")
        .join(name)
}

/// Converts a fixture page to every format in a fresh folder; the folder
/// (kept alive by the returned guard) holds `STEM.md`, `.json`, `.epub`,
/// `.pdf` and `.html`.
fn convert(name: &str, envs: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = galley();
    for (k, v) in envs {
        cmd.env(k, v);
    }
    cmd.args(["convert", "--to", "md,json,epub,pdf,html", "-o"])
        .arg(dir.path())
        .arg(fixture(name))
        .assert()
        .success();
    let stem = dir.path().join(Path::new(name).file_stem().unwrap());
    (dir, stem)
}

/// An entry of the EPUB, as text.
fn epub_entry(stem: &Path, suffix: &str) -> String {
    support::epub_entry(&stem.with_extension("epub"), suffix)
}

/// The PDF's text as `pdftotext -layout` reads it.
fn pdf_text(stem: &Path) -> String {
    let pdf = stem.with_extension("pdf");
    run("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"])
}

/// The PDF outline as (depth, title) in reading order.
fn pdf_outline(stem: &Path) -> Vec<(usize, String)> {
    let pdf = stem.with_extension("pdf");
    let json = run(
        "qpdf",
        &["--json", "--json-key=outlines", pdf.to_str().unwrap()],
    );
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut out = Vec::new();
    fn walk(items: &serde_json::Value, depth: usize, out: &mut Vec<(usize, String)>) {
        for item in items.as_array().into_iter().flatten() {
            out.push((depth, item["title"].as_str().unwrap_or("").to_string()));
            walk(&item["kids"], depth + 1, out);
        }
    }
    walk(&value["outlines"], 0, &mut out);
    out
}

const SECTIONS: [&str; 6] = [
    "The petition",
    "The engineers",
    "The money",
    "The vote",
    "The walkers",
    "The paint",
];

#[test]
fn six_sibling_h4s_become_six_second_level_headings_in_every_format() {
    let (_dir, stem) = convert("headings-quotes.html", &[]);
    let md = read(&stem, "md");
    for s in SECTIONS {
        assert!(md.contains(&format!("\n## {s}\n")), "{s} in\n{md}");
    }
    assert!(!md.contains("\n### "), "{md}");
    let json: serde_json::Value = serde_json::from_str(&read(&stem, "json")).unwrap();
    let levels: Vec<u64> = json["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["type"] == "heading")
        .map(|b| b["level"].as_u64().unwrap())
        .collect();
    assert_eq!(levels, vec![2; 6]);
    let html = read(&stem, "html");
    assert_eq!(html.matches("<h2").count(), 6, "{html}");
    assert!(!html.contains("<h3"), "{html}");
    let nav = epub_entry(&stem, "nav.xhtml");
    let mut sections = nav.split("<ol>").nth(2).expect("a nested list").to_string();
    sections.truncate(sections.find("</ol>").unwrap());
    for s in SECTIONS {
        assert!(
            sections.contains(&format!(">{s}</a></li>")),
            "{s} in\n{nav}"
        );
    }
    let outline = pdf_outline(&stem);
    let under_headline: Vec<(usize, String)> =
        SECTIONS.iter().map(|s| (1, s.to_string())).collect();
    assert_eq!(outline[1..], under_headline[..], "{outline:?}");
}

#[test]
fn a_pull_quote_that_repeats_the_body_is_left_out() {
    let (_dir, stem) = convert("headings-quotes.html", &[]);
    let sentence = "The bridge is the only way across the river for twenty miles";
    for (format, text) in [
        ("md", read(&stem, "md")),
        ("json body", read(&stem, "json")),
        ("html", read(&stem, "html")),
        ("epub", epub_entry(&stem, "article.xhtml")),
        ("pdf", pdf_text(&stem).replace('\n', " ")),
    ] {
        assert_eq!(
            text.matches(sentence).count(),
            1,
            "{format} prints the sentence once:\n{text}"
        );
    }
}

#[test]
fn two_paragraphs_of_one_block_quote_stay_two() {
    let (_dir, stem) = convert("headings-quotes.html", &[]);
    let first = "We crossed it in the snow and in the floods, every week, for three years.";
    let second = "Now our grandchildren will cross it too";
    let md = read(&stem, "md");
    assert!(md.contains(&format!("> {first}\n>\n> {second}")), "{md}");
    let xhtml = epub_entry(&stem, "article.xhtml");
    assert!(
        xhtml.contains(&format!("<p>{first}</p>\n<p>{second}")),
        "{xhtml}"
    );
    let html = read(&stem, "html");
    assert!(html.contains(&format!("<p>{first}</p>")), "{html}");
    let quote = json_block(&stem, "quote");
    assert_eq!(quote["text"].as_str().unwrap().lines().count(), 2);
    // In the PDF the paragraphs are set apart: a blank line between them.
    let pdf = pdf_text(&stem);
    let at = pdf.find("three years.").unwrap();
    let between = &pdf[at..pdf.find("Now our").unwrap()];
    assert!(between.matches('\n').count() >= 2, "{between:?}");
}

#[test]
fn lists_keep_their_links_and_emphasis_without_a_space_before_punctuation() {
    let (_dir, stem) = convert("headings-quotes.html", &[]);
    let md = read(&stem, "md");
    assert!(
        md.contains(
            "- [Ada Ogunjobi](https://example.com/ogunjobi), 52 walks (*every one of them*)"
        ),
        "{md}"
    );
    assert!(
        md.contains("- Tom Garrett, **31 walks**, 3 for Garrett"),
        "{md}"
    );
    for (format, text) in [
        ("html", read(&stem, "html")),
        ("epub", epub_entry(&stem, "article.xhtml")),
    ] {
        assert!(
            text.contains("<li><a href=\"https://example.com/ogunjobi\">Ada Ogunjobi</a>, 52 walks (<em>every one of them</em>)</li>"),
            "{format}:\n{text}"
        );
        assert!(
            text.contains("<strong>31 walks</strong>, 3 for"),
            "{format}"
        );
    }
    let list = json_block(&stem, "list");
    assert_eq!(
        list["items"][0],
        "Ada Ogunjobi, 52 walks (every one of them)"
    );
    assert_eq!(list["item_inlines"][0][0]["type"], "link");
    let pdf = pdf_text(&stem);
    assert!(
        pdf.contains("Ada Ogunjobi, 52 walks (every one of them)"),
        "{pdf}"
    );
    assert!(!pdf.contains(" ,") && !pdf.contains("( "), "{pdf}");
}

/// `dcterms:modified` of the book.
fn epub_modified(stem: &Path) -> String {
    let opf = epub_entry(stem, ".opf");
    let start = opf.find("dcterms:modified\">").expect("dcterms:modified") + 18;
    opf[start..start + opf[start..].find('<').unwrap()].to_string()
}

#[test]
fn a_dateless_article_is_modified_when_source_date_epoch_says() {
    let (_dir, stem) = convert("undated.html", &[("SOURCE_DATE_EPOCH", "1700000000")]);
    assert_eq!(epub_modified(&stem), "2023-11-14T22:13:20Z");
}

#[test]
fn a_dated_article_is_modified_when_it_says_and_keeps_its_own_day() {
    let dir = tempfile::tempdir().unwrap();
    let page = std::fs::read_to_string(fixture("undated.html")).unwrap().replace(
        "<title>",
        "<meta property=\"article:published_time\" content=\"2021-03-03T23:30:00-05:00\"><title>",
    );
    let path = dir.path().join("dated.html");
    std::fs::write(&path, page).unwrap();
    galley()
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .args(["convert", "--to", "epub"])
        .arg(&path)
        .assert()
        .success();
    let stem = dir.path().join("dated");
    assert_eq!(epub_modified(&stem), "2021-03-04T04:30:00Z");
    let opf = epub_entry(&stem, ".opf");
    assert!(
        opf.contains("<dc:date>2021-03-03T23:30:00-05:00</dc:date>"),
        "{opf}"
    );
}
