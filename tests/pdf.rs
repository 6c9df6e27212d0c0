//! The PDF writer, checked with independent tools: `qpdf --check` (the file
//! is well formed), `pdffonts` (every font embedded) and `pdftotext` (the
//! body text comes back in order: at least 97% of its 4-word sequences,
//! after joining words hyphenated at line ends and paths wrapped after a
//! slash). Covers the every-block
//! fixture, every bundled sample, 30 corpus pages, Cyrillic with Kazakh
//! letters, page sizes, bundles and determinism. The tools come from
//! `make deps`; a missing tool fails the test.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use galley::document::{Assets, Document};
use galley::model::{Article, Block};
use galley::read::{self, Input};
use galley::write::{self, Output, WriteOptions};

/// Share of the body's 4-word sequences that must come back from the PDF.
const MIN_RECOVERY: f64 = 0.97;
/// Corpus pages converted per set (three sets: 30 pages).
const CORPUS_PAGES_PER_SET: usize = 10;

fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn pdf(docs: &[Document], options: &WriteOptions) -> Output {
    let writer = write::writer("pdf").expect("pdf writer registered");
    if docs.len() == 1 {
        writer.write(&docs[0], options).expect("pdf written")
    } else {
        writer.write_bundle(docs, options).expect("bundle written")
    }
}

fn fixture() -> Document {
    let path = crate_dir().join("tests/fixtures/every-block.json");
    let bytes = std::fs::read(&path).expect("fixture");
    let article: Article = serde_json::from_slice(&bytes).expect("fixture parses");
    Document {
        article,
        assets: Assets::beside(&path),
        member: None,
    }
}

fn read_page(path: &Path) -> Option<Document> {
    let input = Input {
        name: path.display().to_string(),
        path: Some(path.to_path_buf()),
        bytes: std::fs::read(path).ok()?,
    };
    read::read(&input).ok()?.into_iter().next()
}

/// Runs a tool, failing clearly when it is not installed.
fn run(tool: &str, args: &[&str]) -> std::process::Output {
    Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed (run `make deps`): {e}"))
}

/// Writes the PDF to a temporary file for the tools.
fn temp_pdf(bytes: &[u8]) -> tempfile::NamedTempFile {
    let file = tempfile::Builder::new()
        .suffix(".pdf")
        .tempfile()
        .expect("temp file");
    std::fs::write(file.path(), bytes).expect("pdf saved");
    file
}

fn qpdf_clean(path: &Path) -> Result<(), String> {
    let out = run("qpdf", &["--check", &path.to_string_lossy()]);
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    if out.status.success()
        && text.contains("No syntax or stream encoding errors")
        && !text.contains("WARNING")
    {
        Ok(())
    } else {
        Err(format!("qpdf --check: {text}"))
    }
}

fn fonts_embedded(path: &Path) -> Result<usize, String> {
    let out = run("pdffonts", &[&path.to_string_lossy()]);
    let text = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<&str> = text
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    for row in &rows {
        // name type encoding emb sub uni object ID: the flags are the 5th–3rd from the end.
        let cols: Vec<&str> = row.split_whitespace().collect();
        let emb = cols
            .get(cols.len().saturating_sub(5))
            .copied()
            .unwrap_or("");
        if emb != "yes" {
            return Err(format!("font not embedded: {row}"));
        }
    }
    Ok(rows.len())
}

fn pdf_text(path: &Path) -> String {
    let out = run(
        "pdftotext",
        &["-enc", "UTF-8", &path.to_string_lossy(), "-"],
    );
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Words for comparison: lower case, letters and digits only.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Share of the body's 4-word sequences found in the PDF's text.
fn recovery(body: &str, pdf_text: &str) -> f64 {
    // A path or URL wrapped after a slash (code lines wider than the
    // measure) is joined back, as a hyphenated word is.
    let joined = pdf_text
        .replace("-\n", "")
        .replace("\u{00AD}\n", "")
        .replace("/\n", "/");
    let found: HashSet<String> = words(&joined).windows(4).map(|w| w.join(" ")).collect();
    let wanted: Vec<String> = words(body).windows(4).map(|w| w.join(" ")).collect();
    if wanted.is_empty() {
        return 1.0;
    }
    wanted.iter().filter(|g| found.contains(*g)).count() as f64 / wanted.len() as f64
}

/// The body text the PDF shows below its header (a standfirst repeated as
/// the first paragraph is shown once, as the subtitle).
fn shown_body_text(doc: &Document) -> String {
    let texts: Vec<&str> = galley::write::blocks_below_header(&doc.article)
        .iter()
        .filter(|b| b.is_textual())
        .map(Block::text)
        .collect();
    texts.join("\n\n")
}

/// All three checks on one article; returns the recovery.
fn check(doc: &Document, options: &WriteOptions) -> Result<f64, String> {
    let output = pdf(std::slice::from_ref(doc), options);
    let file = temp_pdf(&output.bytes);
    qpdf_clean(file.path())?;
    let fonts = fonts_embedded(file.path())?;
    if fonts == 0 && !doc.article.body_text().trim().is_empty() {
        return Err("no fonts listed".into());
    }
    let r = recovery(&shown_body_text(doc), &pdf_text(file.path()));
    if r < MIN_RECOVERY {
        return Err(format!(
            "only {:.1}% of the body's 4-word sequences came back",
            r * 100.0
        ));
    }
    Ok(r)
}

#[test]
fn every_block_fixture_passes_the_tools() {
    // The fixture is short and dense with captions, cites and list numbers,
    // which stand between blocks in the PDF but not in the body text; so
    // each block's own text must come back whole and in order.
    let doc = fixture();
    for size in ["a4", "letter", "a5", "6in", "7in"] {
        let options = WriteOptions {
            page_size: Some(size.into()),
            ..WriteOptions::default()
        };
        let output = pdf(std::slice::from_ref(&doc), &options);
        assert!(output.warnings.is_empty(), "{size}: {:?}", output.warnings);
        let file = temp_pdf(&output.bytes);
        qpdf_clean(file.path()).unwrap_or_else(|e| panic!("{size}: {e}"));
        assert!(fonts_embedded(file.path()).unwrap_or_else(|e| panic!("{size}: {e}")) >= 5);
        let text = pdf_text(file.path());
        for block in doc.article.blocks.iter().filter(|b| b.is_textual()) {
            let parts = match block {
                Block::List { items, .. } => items.clone(),
                _ => vec![block.text().to_string()],
            };
            for part in parts {
                let r = recovery(&part, &text);
                assert!(r == 1.0, "{size}: {part:?} came back {:.0}%", r * 100.0);
            }
        }
    }
}

#[test]
fn samples_pass_the_tools() {
    let dir = crate_dir().join("samples");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    paths.sort();
    let mut failures = Vec::new();
    for path in &paths {
        let Some(doc) = read_page(path) else {
            failures.push(format!("{}: not read", path.display()));
            continue;
        };
        for size in ["a4", "6in"] {
            let options = WriteOptions {
                page_size: Some(size.into()),
                ..WriteOptions::default()
            };
            if let Err(e) = check(&doc, &options) {
                failures.push(format!("{} ({size}): {e}", path.display()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
#[ignore = "needs the labelled corpus in ../shared/corpus beside the clone; `make quality` runs it"]
fn corpus_pages_pass_the_tools() {
    let root = crate_dir().join("../shared/corpus");
    assert!(
        root.is_dir(),
        "the corpus is expected at {}",
        root.display()
    );
    let mut failures = Vec::new();
    let mut recovered = Vec::new();
    let mut checked = 0;
    let mut sets: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    sets.sort();
    for set in sets {
        let mut pages: Vec<PathBuf> = std::fs::read_dir(&set)
            .expect("set")
            .filter_map(|e| e.ok().map(|e| e.path().join("source.html")))
            .filter(|p| p.is_file())
            .collect();
        pages.sort();
        let mut taken = 0;
        for page in pages {
            if taken == CORPUS_PAGES_PER_SET {
                break;
            }
            let Some(doc) = read_page(&page) else {
                continue;
            };
            if doc.article.word_count() < 50 {
                continue;
            }
            taken += 1;
            checked += 1;
            match check(&doc, &WriteOptions::default()) {
                Ok(r) => recovered.push(r),
                Err(e) => failures.push(format!("{}: {e}", page.display())),
            }
        }
    }
    assert!(
        checked >= 3 * CORPUS_PAGES_PER_SET,
        "only {checked} corpus pages found"
    );
    let least = recovered.iter().copied().fold(1.0, f64::min);
    let mean = recovered.iter().sum::<f64>() / recovered.len().max(1) as f64;
    println!(
        "{checked} corpus pages: 4-gram recovery mean {:.2}%, least {:.2}%",
        mean * 100.0,
        least * 100.0
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn cyrillic_and_kazakh_letters_come_back() {
    let text = "Қазақстан Республикасы — Орталық Азиядағы мемлекет. Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі. \
                Ресей Федерациясы — Шығыс Еуропадағы мемлекет; Ελληνική Δημοκρατία.";
    let doc = Document {
        article: Article {
            headline: "Қазақ тілі".into(),
            language: Some("kk".into()),
            blocks: vec![
                Block::paragraph(text),
                Block::paragraph("Москва — столица России, город федерального значения."),
            ],
            ..Article::default()
        },
        ..Document::default()
    };
    let output = pdf(std::slice::from_ref(&doc), &WriteOptions::default());
    assert!(output.warnings.is_empty(), "{:?}", output.warnings);
    let file = temp_pdf(&output.bytes);
    qpdf_clean(file.path()).unwrap();
    fonts_embedded(file.path()).unwrap();
    let back = pdf_text(file.path());
    for letter in "ӘәҒғҚқҢңӨөҰұҮүҺһІі".chars() {
        assert!(back.contains(letter), "{letter} missing from {back}");
    }
    assert!(
        recovery(&doc.article.body_text(), &back) >= MIN_RECOVERY,
        "{back}"
    );
}

#[test]
fn characters_no_font_has_are_named_in_a_warning() {
    let doc = Document {
        article: Article {
            headline: "Mixed".into(),
            // U+0378 is unassigned: no font anywhere has it.
            blocks: vec![Block::paragraph(
                "Tokyo is 東京 in Japanese, \u{378} in nothing.",
            )],
            ..Article::default()
        },
        ..Document::default()
    };
    let output = pdf(std::slice::from_ref(&doc), &WriteOptions::default());
    let warning: String = output.warnings.iter().map(|w| format!("{w}\n")).collect();
    assert!(
        warning.contains("U+0378") && warning.contains("--font"),
        "{warning}"
    );
}

#[test]
fn an_image_that_does_not_decode_is_left_out_with_a_warning() {
    // A GIF whose header is sound but whose frame has no colour table: only
    // decoding finds it broken.
    let gif = "data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==";
    let doc = Document {
        article: Article {
            headline: "Pixel".into(),
            blocks: vec![
                Block::paragraph("Before the picture."),
                Block::Image {
                    text: String::new(),
                    src: gif.into(),
                    alt: String::new(),
                    caption: Some("A broken picture".into()),
                },
            ],
            ..Article::default()
        },
        ..Document::default()
    };
    let output = pdf(std::slice::from_ref(&doc), &WriteOptions::default());
    let warning: String = output.warnings.iter().map(|w| format!("{w}\n")).collect();
    assert!(
        warning.contains("left out, in a format the output cannot show"),
        "{warning}"
    );
    let file = temp_pdf(&output.bytes);
    qpdf_clean(file.path()).unwrap();
    assert!(pdf_text(file.path()).contains("A broken picture"));
}

#[test]
fn output_is_deterministic_and_dated_from_the_article() {
    let a = pdf(&[fixture()], &WriteOptions::default()).bytes;
    let b = pdf(&[fixture()], &WriteOptions::default()).bytes;
    assert!(a == b, "two runs differ");
    let file = temp_pdf(&a);
    let info = String::from_utf8_lossy(
        &run("pdfinfo", &["-isodates", &file.path().to_string_lossy()]).stdout,
    )
    .into_owned();
    assert!(
        info.contains("Ministers Agree on a Plan for the River Delta"),
        "{info}"
    );
    assert!(info.contains("Producer:        galley"), "{info}");
    assert!(info.contains("2020-02-05T10:12:00+06"), "{info}");
    assert!(info.contains("Nazrin Gadimova"), "{info}");
    let images = String::from_utf8_lossy(
        &run("pdfimages", &["-list", &file.path().to_string_lossy()]).stdout,
    )
    .into_owned();
    assert!(
        images.lines().count() >= 3,
        "the figure is embedded: {images}"
    );
}

#[test]
fn page_sizes_differ() {
    let size_of = |name: &str| {
        let options = WriteOptions {
            page_size: Some(name.into()),
            ..WriteOptions::default()
        };
        let file = temp_pdf(&pdf(&[fixture()], &options).bytes);
        let info =
            String::from_utf8_lossy(&run("pdfinfo", &[&file.path().to_string_lossy()]).stdout)
                .into_owned();
        info.lines()
            .find(|l| l.starts_with("Page size:"))
            .map(str::to_string)
            .unwrap_or_default()
    };
    assert!(size_of("a4").contains("595.27"), "{}", size_of("a4"));
    assert!(
        size_of("letter").contains("612 x 792"),
        "{}",
        size_of("letter")
    );
    assert!(
        size_of("6in").contains("259.2 x 345.6"),
        "{}",
        size_of("6in")
    );
}

#[test]
fn bundle_has_contents_bookmarks_and_new_pages() {
    let mut second = fixture();
    second.article.headline = "A Second Story".into();
    let docs = vec![fixture(), second];
    let options = WriteOptions {
        title: Some("Week 12".into()),
        ..WriteOptions::default()
    };
    let output = pdf(&docs, &options);
    let file = temp_pdf(&output.bytes);
    qpdf_clean(file.path()).unwrap();
    let text = pdf_text(file.path());
    let pages: Vec<&str> = text.split('\u{c}').collect();
    assert!(
        pages[0].contains("Week 12") && pages[0].contains("A Second Story"),
        "{}",
        pages[0]
    );
    let second_start = pages
        .iter()
        .position(|p| p.contains("A Second Story") && p.contains("The ministers met"))
        .expect("second article");
    assert!(second_start >= 2, "articles start on their own pages");
    let outline = run(
        "qpdf",
        &[
            "--json",
            "--json-key=outlines",
            &file.path().to_string_lossy(),
        ],
    );
    let outline = String::from_utf8_lossy(&outline.stdout);
    assert!(
        outline.contains("Ministers Agree") && outline.contains("A Second Story"),
        "{outline}"
    );
}

// A PDF for libraries: tagged, links clickable, archival standards met.

/// Runs galley with `args`, undated samples dated by `SOURCE_DATE_EPOCH`
/// (PDF/A needs a date; the same on every run).
fn galley<S: AsRef<std::ffi::OsStr>>(args: impl IntoIterator<Item = S>) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_galley"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .output()
        .expect("galley runs")
}

/// Converts `inputs` to PDF into a fresh folder; returns the folder and
/// the process's output.
fn convert(inputs: &[PathBuf], args: &[&str]) -> (tempfile::TempDir, std::process::Output) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut all: Vec<std::ffi::OsString> = vec!["convert".into()];
    all.extend(inputs.iter().map(|p| p.clone().into_os_string()));
    all.extend(["--to", "pdf", "-o"].map(Into::into));
    all.push(dir.path().into());
    all.extend(args.iter().map(Into::into));
    let out = galley(all);
    (dir, out)
}

/// Fails with galley's messages unless it succeeded.
fn succeeded(out: &std::process::Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn samples() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(crate_dir().join("samples"))
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "html"))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths
}

fn pdfs_in(dir: &Path) -> Vec<PathBuf> {
    let mut pdfs: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("output folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    pdfs.sort();
    pdfs
}

/// `pdfinfo` with extra arguments, standard output only.
fn pdfinfo(path: &Path, args: &[&str]) -> String {
    let mut all: Vec<&str> = args.to_vec();
    let path = path.to_string_lossy();
    all.push(&path);
    String::from_utf8_lossy(&run("pdfinfo", &all).stdout).into_owned()
}

#[test]
fn every_sample_is_tagged_with_its_structure_and_language() {
    let (dir, out) = convert(&samples(), &[]);
    succeeded(&out);
    let pdfs = pdfs_in(dir.path());
    assert_eq!(pdfs.len(), samples().len());
    for pdf in &pdfs {
        assert!(
            pdfinfo(pdf, &[]).contains("Tagged:          yes"),
            "{} is not tagged",
            pdf.display()
        );
        let tree = pdfinfo(pdf, &["-struct-text"]);
        for element in ["Sect", "H1", "P (block)"] {
            assert!(tree.contains(element), "{}: no {element}", pdf.display());
        }
        qpdf_clean(pdf).unwrap();
    }
    // A page with a table, lists and a figure keeps each.
    let tariffs = dir.path().join("water-tariffs.pdf");
    let tree = pdfinfo(&tariffs, &["-struct-text"]);
    for element in [
        "H2",
        "Table",
        "TR",
        "TH",
        "TD",
        "L (block)",
        "LI",
        "LBody",
        "Figure",
        "Caption",
        "Link",
    ] {
        assert!(tree.contains(element), "water-tariffs: no {element}");
    }
    // Its pull quote repeats the body and is left out; the newsletter's
    // quotation is a real one.
    let newsletter = dir.path().join("field-notes-parish-newsletter.pdf");
    assert!(pdfinfo(&newsletter, &["-struct-text"]).contains("BlockQuote"));
    // The reading order is the article's: the headline before the first
    // subheading, which comes before the table.
    let at = |s: &str| {
        tree.find(s)
            .unwrap_or_else(|| panic!("{s} not in the tree"))
    };
    assert!(at("H1") < at("H2 \"Who pays what\"") && at("H2 \"Who pays what\"") < at("Table"));
    // The language of the article is the document's.
    let json = run("qpdf", &["--json", &tariffs.to_string_lossy()]);
    assert!(String::from_utf8_lossy(&json.stdout).contains("\"/Lang\": \"u:en-US\""));
}

#[test]
fn links_are_clickable() {
    let (dir, out) = convert(&[crate_dir().join("samples/water-tariffs.html")], &[]);
    assert!(out.status.success());
    let urls = pdfinfo(&dir.path().join("water-tariffs.pdf"), &["-url"]);
    assert!(
        urls.contains("https://www.lindhaven.example/water/capital-plan"),
        "{urls}"
    );
}

#[test]
fn contents_entries_link_to_their_articles() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("edition.pdf");
    let mut args: Vec<PathBuf> = vec!["convert".into()];
    args.extend(samples().into_iter().take(3));
    args.extend(["--bundle".into(), pdf.clone()]);
    succeeded(&galley(args));
    let json = run("qpdf", &["--json", &pdf.to_string_lossy()]);
    let json = String::from_utf8_lossy(&json.stdout);
    // Each entry links (one annotation per line) to its article's page.
    let links = json.matches("\"/Subtype\": \"/Link\"").count();
    assert!(links >= 3, "{links} links");
    assert!(pdfinfo(&pdf, &["-struct-text"]).contains("TOCI"));
}

#[test]
fn every_standard_is_met_on_every_sample() {
    for (standard, marker) in [
        ("a-2b", "<pdfaid:conformance>B</pdfaid:conformance>"),
        ("a-2u", "<pdfaid:conformance>U</pdfaid:conformance>"),
        ("ua-1", "<pdfuaid:part>1</pdfuaid:part>"),
    ] {
        let (dir, out) = convert(&samples(), &["--pdf-standard", standard]);
        succeeded(&out);
        for pdf in pdfs_in(dir.path()) {
            let meta = pdfinfo(&pdf, &["-meta"]);
            assert!(meta.contains(marker), "{standard}: {}", pdf.display());
            qpdf_clean(&pdf).unwrap();
        }
    }
}

#[test]
fn a_standard_that_cannot_be_met_fails_in_one_line_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("unassigned.md");
    // U+0378 is unassigned: no font has it, and PDF/A forbids the empty box.
    std::fs::write(&input, "# Mixed\n\nA letter \u{378} no font has.\n").unwrap();
    let (out_dir, out) = convert(&[input], &["--pdf-standard", "a-2b"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = stderr
        .lines()
        .find(|l| l.contains("PDF/A-2b"))
        .unwrap_or_else(|| panic!("no reason given: {stderr}"));
    assert!(
        line.contains("unassigned.md") && line.contains("--font"),
        "{line}"
    );
    assert!(pdfs_in(out_dir.path()).is_empty(), "a file was written");
}

#[test]
fn a_small_picture_is_not_enlarged_and_its_caption_is_shown() {
    let fixture = crate_dir().join("tests/fixtures/every-block.json");
    let (dir, out) = convert(&[fixture], &[]);
    assert!(out.status.success());
    let pdf = dir.path().join("every-block.pdf");
    let list = run("pdfimages", &["-list", &pdf.to_string_lossy()]);
    let list = String::from_utf8_lossy(&list.stdout);
    let rows: Vec<&str> = list.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no image in the PDF");
    for row in rows {
        // page num type width height color comp bpc enc interp object ID x-ppi y-ppi ...
        let cols: Vec<&str> = row.split_whitespace().collect();
        let ppi: f64 = cols[12].parse().unwrap();
        assert!(ppi >= 150.0 - 0.5, "placed at {ppi} ppi: {row}");
    }
    assert!(pdf_text(&pdf).contains("The delta at dawn. Photo: A. Photographer"));
}
