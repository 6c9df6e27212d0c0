//! The HTML edition and the templates, run as a user would: `--to html` over
//! every sample and the writer fixture (and a bundle of them) must pass the
//! Nu HTML Checker with no error and carry no remote reference; hostile text
//! comes out escaped; the example templates produce their formats (YAML front
//! matter that parses, well-formed XML-TEI with its header) from every sample.
//!
//! The checker is npm's `vnu-jar`, installed by `make deps` under
//! `target/vnu` (or named by `VNU_JAR`); Java runs it.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use galley::Document;
use galley::read;
use galley::write::template::Template;
use galley::write::{self, WriteOptions};
use support::{galley, put, sample_pages};

/// Fragments that would make a page reach the network or run code.
const REMOTE_OR_ACTIVE: &[&str] = &[
    "src=\"http",
    "src=\"//",
    "url(http",
    "url(//",
    "@import",
    "<link",
    "<script",
    "<iframe",
    "<object",
    "<embed",
    "javascript:",
];

/// The TEI namespace.
const TEI: &str = "http://www.tei-c.org/ns/1.0";

/// The first TEI element `tag` below `parent`.
fn find<'a, 'i>(parent: roxmltree::Node<'a, 'i>, tag: &str) -> roxmltree::Node<'a, 'i> {
    parent
        .descendants()
        .find(|n| n.has_tag_name((TEI, tag)))
        .unwrap_or_else(|| panic!("no <{tag}> in\n{}", parent.document().input_text()))
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn sample_docs() -> Vec<(PathBuf, Document)> {
    sample_pages()
        .into_iter()
        .map(|page| {
            let mut docs =
                read::read_path(&page).unwrap_or_else(|e| panic!("{}: {e}", page.display()));
            (page, docs.remove(0))
        })
        .collect()
}

/// The Nu checker's jar.
fn vnu_jar() -> PathBuf {
    let jar = std::env::var_os("VNU_JAR").map_or_else(
        || root().join("target/vnu/node_modules/vnu-jar/build/dist/vnu.jar"),
        PathBuf::from,
    );
    assert!(
        jar.is_file(),
        "the Nu HTML Checker is not installed at {}: run `make deps` (npm install vnu-jar)",
        jar.display()
    );
    jar
}

#[test]
fn the_html_edition_passes_the_nu_checker_and_reaches_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("html");
    galley()
        .args([
            "convert",
            "samples",
            "tests/fixtures/every-block.json",
            "--to",
            "html",
            "--quiet",
            "-o",
        ])
        .arg(&out)
        .current_dir(root())
        .assert()
        .success();
    let docs: Vec<Document> = sample_docs().into_iter().map(|(_, doc)| doc).collect();
    let html = write::writer("html").unwrap();
    let bundle = html
        .write_bundle(&docs, &WriteOptions::default())
        .expect("the HTML writer bundles");
    put(&out.join("bundle.html"), &bundle.bytes);

    let mut pages: Vec<PathBuf> = sample_pages()
        .iter()
        .map(|p| out.join("samples").join(p.file_name().unwrap()))
        .collect();
    pages.push(out.join("tests/fixtures/every-block.html"));
    pages.push(out.join("bundle.html"));
    for page in &pages {
        let text = std::fs::read_to_string(page).unwrap();
        for bad in REMOTE_OR_ACTIVE {
            assert!(!text.contains(bad), "{} holds {bad:?}", page.display());
        }
        assert!(text.contains("<html lang=\""), "{}", page.display());
    }
    let fixture = std::fs::read_to_string(out.join("tests/fixtures/every-block.html")).unwrap();
    assert!(
        fixture.contains("<img src=\"data:image/png;base64,"),
        "the fixture's image is embedded"
    );
    assert!(fixture.contains("<html lang=\"en\">"));
    let bundled = String::from_utf8(bundle.bytes).unwrap();
    assert_eq!(
        bundled.matches("<article id=\"article-").count(),
        docs.len()
    );
    assert_eq!(
        bundled.matches("<li><a href=\"#article-").count(),
        docs.len()
    );

    let checked = Command::new("java")
        .arg("-jar")
        .arg(vnu_jar())
        .arg("--errors-only")
        .args(&pages)
        .output()
        .expect("java runs");
    let report = String::from_utf8_lossy(&checked.stderr);
    assert!(
        checked.status.success() && report.trim().is_empty(),
        "the Nu HTML Checker found errors:\n{report}"
    );
}

#[test]
fn a_hostile_article_comes_out_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("hostile.json");
    let article = serde_json::json!({
        "headline": "<script>alert('headline')</script>",
        "subtitle": "\"><img src=x onerror=alert(1)>",
        "language": "en\" onload=\"alert(1)",
        "url": "javascript:alert(1)",
        "blocks": [
            {"type": "paragraph", "text": "A link", "inlines": [
                {"type": "link", "href": "javascript:alert(2)", "children": [{"type": "text", "text": "<b>link</b>"}]}
            ]},
            {"type": "image", "text": "", "src": "https://tracker.example/pixel.gif", "alt": "\" onerror=\"x", "caption": null},
            {"type": "paragraph", "text": "<iframe src=\"https://example.org\"></iframe>"}
        ]
    });
    put(&input, serde_json::to_vec(&article).unwrap());
    let out = galley()
        .args(["convert", "--to", "html", "-o", "-"])
        .arg(&input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let page = String::from_utf8(out).unwrap();
    assert!(
        page.contains("&lt;script&gt;alert(&#39;headline&#39;)&lt;/script&gt;"),
        "{page}"
    );
    for bad in REMOTE_OR_ACTIVE
        .iter()
        .chain(&["<img src=x", "onerror=\"", "onload=\"", "<b>"])
    {
        assert!(!page.contains(bad), "the page holds {bad:?}:\n{page}");
    }
}

#[test]
fn a_custom_template_renders_every_sample() {
    let template = Template::from_source(
        "card.txt.j2",
        "{{ headline }} — {{ byline or 'anonymous' }}, {{ published | date }}\n{{ url | href }}\n",
    )
    .unwrap();
    assert_eq!(template.extension(), "txt");
    for (page, doc) in sample_docs() {
        let out = String::from_utf8(template.render(&doc).unwrap().bytes).unwrap();
        assert!(
            out.starts_with(&doc.article.headline),
            "{}: {out}",
            page.display()
        );
        assert!(out.ends_with('\n'));
    }
}

#[test]
fn the_example_templates_produce_their_formats_from_every_sample() {
    let examples = root().join("templates/examples");
    let hugo = Template::load(&examples.join("hugo.md.j2")).unwrap();
    let obsidian = Template::load(&examples.join("obsidian.md.j2")).unwrap();
    let tei = Template::load(&examples.join("tei.xml.j2")).unwrap();
    assert_eq!((hugo.extension(), tei.extension()), ("md", "xml"));
    for (page, doc) in sample_docs() {
        let article = &doc.article;
        let name = page.display();
        for (template, source_key) in [(&hugo, "canonicalURL"), (&obsidian, "source")] {
            let out = String::from_utf8(template.render(&doc).unwrap().bytes).unwrap();
            let yaml = out
                .strip_prefix("---\n")
                .and_then(|rest| rest.split_once("\n---\n"))
                .map(|(yaml, _)| yaml)
                .unwrap_or_else(|| panic!("{name}: no front matter in\n{out}"));
            let fields: serde_json::Map<String, serde_json::Value> = serde_saphyr::from_str(yaml)
                .unwrap_or_else(|e| panic!("{name} through {}: {e}\n{yaml}", template.name()));
            assert_eq!(fields["title"], article.headline.as_str(), "{name}");
            assert_eq!(
                fields.get(source_key).and_then(|v| v.as_str()),
                article.url.as_deref(),
                "{name}"
            );
            let first_words = article.blocks.iter().find(|b| b.is_textual()).map(|b| {
                b.text()
                    .split_whitespace()
                    .take(3)
                    .collect::<Vec<_>>()
                    .join(" ")
            });
            if let Some(words) =
                first_words.filter(|w| w.chars().all(|c| c.is_alphanumeric() || c == ' '))
            {
                assert!(
                    out.contains(&words),
                    "{name}: the body is missing from\n{out}"
                );
            }
        }
        let out = String::from_utf8(tei.render(&doc).unwrap().bytes).unwrap();
        let xml = roxmltree::Document::parse(&out).unwrap_or_else(|e| panic!("{name}: {e}\n{out}"));
        let root = xml.root_element();
        assert!(root.has_tag_name((TEI, "TEI")));
        let header = find(root, "teiHeader");
        let title = find(find(header, "titleStmt"), "title");
        assert_eq!(title.text().unwrap_or(""), article.headline);
        let source = find(header, "sourceDesc");
        if let Some(url) = &article.url {
            assert_eq!(
                find(source, "ref").attribute("target"),
                Some(url.as_str()),
                "{name}"
            );
        }
        if !article.authors.is_empty() || article.byline.is_some() {
            find(header, "author");
        }
        if article.published.is_some() {
            assert!(find(source, "date").attribute("when").is_some(), "{name}");
        }
        let body = find(root, "body");
        let paragraphs = body
            .children()
            .filter(|n| n.has_tag_name((TEI, "p")))
            .count();
        let wanted = article
            .blocks
            .iter()
            .filter(|b| matches!(b, galley::model::Block::Paragraph { .. }))
            .count();
        assert_eq!(paragraphs, wanted, "{name}");
        let quotes = article
            .blocks
            .iter()
            .filter(|b| matches!(b, galley::model::Block::Quote { .. }))
            .count();
        assert_eq!(
            body.children()
                .filter(|n| n.has_tag_name((TEI, "quote")))
                .count(),
            quotes
        );
    }
}
