//! The bundled samples are the extractor's acceptance pages: each
//! `samples/NAME.html` must give exactly the article in
//! `tests/samples/NAME.json` (written by hand; see the README beside them),
//! provenance aside. Every field, block and quote is one check; the share of
//! checks that pass must not fall below [`MIN_PASSING`], now 1.0: every check.
//! The test prints every difference.

use std::path::{Path, PathBuf};

use galley::Article;
use galley::read::{self, Input};

/// Share of sample checks that must pass: all of them.
const MIN_PASSING: f64 = 1.0;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn expected_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("tests/samples"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn extract(page: &Path) -> Article {
    let input = Input {
        name: page.display().to_string(),
        path: Some(page.to_path_buf()),
        bytes: std::fs::read(page).unwrap(),
    };
    let mut docs = read::read(&input).unwrap_or_else(|e| panic!("{}: {e}", page.display()));
    assert_eq!(docs.len(), 1, "{}: one article", page.display());
    docs.remove(0).article
}

/// Every difference between two articles, one line each, and the number of checks made.
fn differences(want: &Article, got: &Article) -> (Vec<String>, usize) {
    let mut out = Vec::new();
    let mut checks = 0;
    let mut field = |name: &str, w: String, g: String| {
        checks += 1;
        if w != g {
            out.push(format!(
                "{name}: want {w}\n{:>width$} got  {g}",
                "",
                width = name.len() + 1
            ));
        }
    };
    field(
        "headline",
        format!("{:?}", want.headline),
        format!("{:?}", got.headline),
    );
    field(
        "subtitle",
        format!("{:?}", want.subtitle),
        format!("{:?}", got.subtitle),
    );
    field(
        "byline",
        format!("{:?}", want.byline),
        format!("{:?}", got.byline),
    );
    field(
        "authors",
        format!("{:?}", want.authors),
        format!("{:?}", got.authors),
    );
    field(
        "published",
        format!("{:?}", want.published),
        format!("{:?}", got.published),
    );
    field(
        "modified",
        format!("{:?}", want.modified),
        format!("{:?}", got.modified),
    );
    field(
        "site_name",
        format!("{:?}", want.site_name),
        format!("{:?}", got.site_name),
    );
    field(
        "language",
        format!("{:?}", want.language),
        format!("{:?}", got.language),
    );
    field("url", format!("{:?}", want.url), format!("{:?}", got.url));
    field(
        "description",
        format!("{:?}", want.description),
        format!("{:?}", got.description),
    );
    field(
        "image",
        format!("{:?}", want.image),
        format!("{:?}", got.image),
    );
    field(
        "tags",
        format!("{:?}", want.tags),
        format!("{:?}", got.tags),
    );
    let len = want.blocks.len().max(got.blocks.len());
    for i in 0..len {
        let w = want
            .blocks
            .get(i)
            .map(|b| serde_json::to_string(b).unwrap());
        let g = got.blocks.get(i).map(|b| serde_json::to_string(b).unwrap());
        field(&format!("block {i}"), format!("{w:?}"), format!("{g:?}"));
    }
    let quotes = |a: &Article| -> Vec<String> {
        a.quotes
            .iter()
            .map(|q| format!("[{}] {:?} — {:?}", q.block, q.text, q.speaker))
            .collect()
    };
    let (wq, gq) = (quotes(want), quotes(got));
    checks += wq.len().max(gq.len());
    for q in wq.iter().filter(|q| !gq.contains(q)) {
        out.push(format!("quote missing: {q}"));
    }
    for q in gq.iter().filter(|q| !wq.contains(q)) {
        out.push(format!("quote unexpected: {q}"));
    }
    (out, checks)
}

#[test]
fn every_sample_gives_its_expected_article() {
    let mut report = Vec::new();
    let (mut checks, mut failed) = (0, 0);
    for expected in expected_files() {
        let name = expected.file_stem().unwrap().to_string_lossy().to_string();
        let want: Article = serde_json::from_str(&std::fs::read_to_string(&expected).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", expected.display()));
        let got = extract(&root().join("samples").join(format!("{name}.html")));
        let (diffs, made) = differences(&want, &got);
        checks += made;
        failed += diffs.len();
        if !diffs.is_empty() {
            report.push(format!("== {name}\n{}", diffs.join("\n")));
        }
    }
    let passing = 1.0 - failed as f64 / checks.max(1) as f64;
    println!("{}", report.join("\n"));
    println!(
        "samples: {} of {checks} checks pass ({passing:.3})",
        checks - failed
    );
    assert!(
        passing + 1e-9 >= MIN_PASSING,
        "sample checks passing fell to {passing:.3}, below {MIN_PASSING}"
    );
}
