//! Templates and the files beside an output, run as a user would:
//! `--template FILE` over the samples (in a batch, beside `--to`, on
//! standard output), `--template NAME=FILE` replacing a writer's built-in,
//! mistakes caught before any work, HTML templates
//! escaping, `galley templates` listing and printing the built-ins, the
//! examples producing their formats from every sample, and Markdown and
//! HTML outputs whose images sit beside them with no link dangling.

mod support;

use std::path::{Path, PathBuf};

use galley::write::template::BUILTINS;
use support::{galley, put, sample_pages};

/// A template a user might write: a plain-text card per article.
const CARD: &str = "{{ headline }}\n{{ byline or authors | join(', ') }} · {{ published | date }}\n{{ url | href }}\n";

/// The TEI namespace.
const TEI: &str = "http://www.tei-c.org/ns/1.0";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The sample pages' file stems.
fn sample_stems() -> Vec<String> {
    sample_pages()
        .iter()
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect()
}

/// Converts the samples into `out` with extra arguments; the run must succeed.
fn convert_samples(out: &Path, args: &[&str]) {
    galley()
        .args(["convert", "samples", "--quiet", "-o"])
        .arg(out)
        .args(args)
        .current_dir(root())
        .assert()
        .success();
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The headline the article JSON of a converted sample holds.
fn headline(json: &Path) -> String {
    let article: serde_json::Value = serde_json::from_str(&read(json)).unwrap();
    article["headline"].as_str().unwrap().to_string()
}

/// The targets of the Markdown images and links in `text`.
fn markdown_targets(text: &str) -> Vec<String> {
    text.split("](")
        .skip(1)
        .map(|rest| {
            let end = rest.find(')').unwrap_or(rest.len());
            rest[..end].trim_matches(['<', '>']).to_string()
        })
        .collect()
}

#[test]
fn a_custom_template_renders_every_sample_beside_other_formats() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("card.txt.j2");
    put(&template, CARD);
    let out = dir.path().join("out");
    convert_samples(
        &out,
        &["--to", "json", "--template", template.to_str().unwrap()],
    );
    for stem in sample_stems() {
        let card = read(&out.join(format!("{stem}.txt")));
        let headline = headline(&out.join(format!("{stem}.json")));
        assert!(card.starts_with(&format!("{headline}\n")), "{stem}: {card}");
        assert_eq!(card.lines().count(), 3, "{stem}: {card}");
    }
}

#[test]
fn a_template_writes_to_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("card.txt.j2");
    put(&template, CARD);
    let out = galley()
        .args([
            "convert",
            "samples/water-tariffs.html",
            "-o",
            "-",
            "--template",
        ])
        .arg(&template)
        .current_dir(root())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let card = String::from_utf8(out).unwrap();
    assert!(
        card.starts_with("What the new water rates mean for your bill\n"),
        "{card}"
    );
}

#[test]
fn a_template_mistake_is_a_usage_error_naming_file_and_line_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("post.md.j2");
    put(
        &template,
        "---\ntitle: {{ headline }}\n{{ headlin }}\n---\n",
    );
    let out = dir.path().join("out");
    let assert = galley()
        .args(["convert", "samples", "-o"])
        .arg(&out)
        .arg("--template")
        .arg(&template)
        .current_dir(root())
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(
        stderr.contains(&format!("template {}, line 3", template.display())),
        "{stderr}"
    );
    assert!(!out.exists(), "work began before the template was checked");
}

#[test]
fn a_template_and_a_format_may_not_write_the_same_files() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("post.md.j2");
    put(&template, "{{ headline }}\n");
    galley()
        .args(["convert", "samples", "--to", "md", "-o"])
        .arg(dir.path().join("out"))
        .arg("--template")
        .arg(&template)
        .current_dir(root())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("would both write .md files"));
}

#[test]
fn html_templates_escape_what_the_article_holds() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("hostile.json");
    let article = serde_json::json!({
        "headline": "<script>alert('x')</script>",
        "blocks": [{"type": "paragraph", "text": "<b>bold?</b>"}]
    });
    put(&input, serde_json::to_vec(&article).unwrap());
    let template = dir.path().join("page.html.j2");
    put(
        &template,
        "<h1>{{ headline }}</h1>\n<p>{{ blocks[0].text if blocks }}</p>\n{{ body_html }}",
    );
    let out = galley()
        .args(["convert", "-o", "-", "--template"])
        .arg(&template)
        .arg(&input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let page = String::from_utf8(out).unwrap();
    assert!(page.contains("<h1>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</h1>"));
    assert!(page.contains("<p>&lt;b&gt;bold?&lt;/b&gt;</p>"));
    assert!(!page.contains("<script") && !page.contains("<b>"), "{page}");
}

#[test]
fn galley_templates_lists_and_prints_the_builtins() {
    let listing = galley()
        .arg("templates")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let listing = String::from_utf8(listing).unwrap();
    assert_eq!(listing.lines().count(), BUILTINS.len());
    for builtin in BUILTINS {
        assert!(
            listing.contains(builtin.name),
            "{} not listed",
            builtin.name
        );
        let printed = galley()
            .args(["templates", builtin.name])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let file = root().join("templates").join(builtin.name);
        assert_eq!(printed, std::fs::read(&file).unwrap(), "{}", builtin.name);
    }
    galley()
        .args(["templates", "no/such.md.j2"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("galley templates"));
}

#[test]
fn a_printed_builtin_is_a_starting_point_for_template() {
    let dir = tempfile::tempdir().unwrap();
    let printed = galley()
        .args(["templates", "markdown/front-matter.md.j2"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let template = dir.path().join("front.yaml.j2");
    put(&template, &printed);
    let out = dir.path().join("out");
    convert_samples(
        &out,
        &["--to", "md", "--template", template.to_str().unwrap()],
    );
    for stem in sample_stems() {
        let front = read(&out.join(format!("{stem}.yaml")));
        let markdown = read(&out.join(format!("{stem}.md")));
        assert!(markdown.starts_with(&front), "{stem}: {front}");
    }
}

/// The source of a built-in, as `galley templates NAME` prints it.
fn printed_builtin(name: &str) -> String {
    let printed = galley().args(["templates", name]).assert().success();
    String::from_utf8(printed.get_output().stdout.clone()).unwrap()
}

/// The text of every XHTML document in an EPUB.
fn epub_documents(epub: &Path) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(epub).unwrap()).unwrap();
    let mut text = String::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let name = file.name().unwrap().to_string();
        if name.ends_with(".xhtml") && !name.ends_with("nav.xhtml") {
            std::io::Read::read_to_string(&mut file, &mut text).unwrap();
        }
    }
    text
}

#[test]
fn name_equals_file_replaces_a_builtin_the_writers_use() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.xhtml.j2");
    let marked = printed_builtin("epub/page.xhtml.j2").replace("<body>", "<body class=\"mine\">");
    put(&page, marked.as_bytes());
    let front = dir.path().join("front.md.j2");
    let toml = printed_builtin("markdown/front-matter.md.j2").replace("---", "+++");
    put(&front, toml.as_bytes());
    let style = dir.path().join("style.css");
    put(&style, b"body { font-family: serif; } /* mine */\n");
    let out = dir.path().join("out");
    let replace = |name: &str, file: &Path| format!("{name}={}", file.display());
    convert_samples(
        &out,
        &[
            "--to",
            "md,epub,html",
            "--template",
            &replace("epub/page.xhtml.j2", &page),
            "--template",
            &replace("markdown/front-matter.md.j2", &front),
            "--template",
            &replace("html/style.css", &style),
        ],
    );
    for stem in sample_stems() {
        let markdown = read(&out.join(format!("{stem}.md")));
        assert!(markdown.starts_with("+++\n"), "{stem}: {markdown}");
        let epub = epub_documents(&out.join(format!("{stem}.epub")));
        assert!(epub.contains("<body class=\"mine\">"), "{stem}");
        let html = read(&out.join(format!("{stem}.html")));
        assert!(html.contains("/* mine */"), "{stem}");
    }
}

#[test]
fn a_replaced_builtin_is_checked_before_any_work_and_named_in_errors() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.xhtml.j2");
    put(&page, b"<html>\n{{ no_such.thing }}\n</html>\n");
    let out = dir.path().join("out");
    galley()
        .args(["convert", "samples", "--to", "epub", "-o"])
        .arg(&out)
        .arg("--template")
        .arg(format!("epub/page.xhtml.j2={}", page.display()))
        .current_dir(root())
        .assert()
        .code(2)
        .stderr(predicates::str::contains(format!(
            "template {}, line 2",
            page.display()
        )));
    assert!(!out.exists(), "nothing is written after a usage error");
    galley()
        .args(["convert", "samples", "-o", "-", "--template"])
        .arg(format!("examples/hugo.md.j2={}", page.display()))
        .current_dir(root())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("those that can be replaced are"));
}

#[test]
fn the_examples_produce_their_formats_from_every_sample() {
    let dir = tempfile::tempdir().unwrap();
    for example in ["hugo.md.j2", "obsidian.md.j2"] {
        let out = dir.path().join(example);
        let template = root().join("templates/examples").join(example);
        convert_samples(
            &out,
            &["--to", "json", "--template", template.to_str().unwrap()],
        );
        for stem in sample_stems() {
            let post = read(&out.join(format!("{stem}.md")));
            let yaml = post
                .strip_prefix("---\n")
                .and_then(|rest| rest.split_once("\n---\n"))
                .map(|(yaml, _)| yaml)
                .unwrap_or_else(|| panic!("{example} {stem}: no front matter"));
            let fields: serde_json::Map<String, serde_json::Value> =
                serde_saphyr::from_str(yaml).unwrap_or_else(|e| panic!("{example} {stem}: {e}"));
            let headline = headline(&out.join(format!("{stem}.json")));
            assert_eq!(fields["title"], headline.as_str(), "{example} {stem}");
        }
    }
    let out = dir.path().join("tei");
    let template = root().join("templates/examples/tei.xml.j2");
    convert_samples(
        &out,
        &["--to", "json", "--template", template.to_str().unwrap()],
    );
    for stem in sample_stems() {
        let json: serde_json::Value =
            serde_json::from_str(&read(&out.join(format!("{stem}.json")))).unwrap();
        let text = read(&out.join(format!("{stem}.xml")));
        let xml = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{stem}: {e}"));
        let tei = |tag: &str| {
            xml.descendants()
                .find(|n| n.has_tag_name((TEI, tag)))
                .unwrap_or_else(|| panic!("{stem}: no <{tag}>"))
        };
        let header = tei("teiHeader");
        let title = header
            .descendants()
            .find(|n| n.has_tag_name((TEI, "title")))
            .and_then(|n| n.text())
            .unwrap_or("");
        assert_eq!(title, json["headline"].as_str().unwrap(), "{stem}");
        if json["authors"].as_array().is_some_and(|a| !a.is_empty()) {
            assert!(
                header
                    .descendants()
                    .any(|n| n.has_tag_name((TEI, "author"))),
                "{stem}"
            );
        }
        if json["published"].is_string() {
            let date = tei("sourceDesc")
                .descendants()
                .find(|n| n.has_tag_name((TEI, "date")))
                .unwrap_or_else(|| panic!("{stem}: no date"));
            assert!(date.attribute("when").is_some(), "{stem}");
        }
        if let Some(url) = json["url"].as_str() {
            let target = tei("sourceDesc")
                .descendants()
                .find_map(|n| n.attribute("target"));
            assert_eq!(target, Some(url), "{stem}");
        }
        tei("body");
    }
}

#[test]
fn markdown_keeps_its_pictures_beside_it_and_no_link_dangles() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    convert_samples(&out, &["--to", "md"]);
    let copied = out.join("water-tariffs_images/treatment-works.png");
    assert_eq!(
        std::fs::read(&copied).unwrap(),
        std::fs::read(root().join("samples/water-tariffs_files/treatment-works.png")).unwrap()
    );
    let mut images = 0;
    for stem in sample_stems() {
        let markdown = read(&out.join(format!("{stem}.md")));
        for target in markdown_targets(&markdown) {
            let remote = ["http://", "https://", "mailto:", "data:"]
                .iter()
                .any(|scheme| target.starts_with(scheme));
            if !remote {
                images += 1;
                let file: PathBuf = out.join(&target);
                assert!(
                    file.is_file(),
                    "{stem}.md links {target}, which is not there"
                );
            }
        }
    }
    assert!(images >= 3, "the samples' local pictures were not kept");
    let manifest = read(&out.join(".galley-manifest.json"));
    assert!(manifest.contains("water-tariffs_images/treatment-works.png"));
}

#[test]
fn markdown_on_standard_output_leaves_local_pictures_out_and_says_so() {
    let assert = galley()
        .args(["convert", "samples/water-tariffs.html", "-o", "-"])
        .current_dir(root())
        .assert()
        .success();
    let output = assert.get_output();
    let markdown = String::from_utf8_lossy(&output.stdout);
    assert!(!markdown.contains("_files/"), "{markdown}");
    assert!(
        markdown.contains("*The settling tanks at the Eastbank"),
        "caption lost"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("not copied to standard output"), "{stderr}");
}

#[test]
fn html_images_files_puts_them_beside_the_page_and_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    convert_samples(&out, &["--to", "html", "--html-images=files"]);
    let page = read(&out.join("water-tariffs.html"));
    assert!(page.contains("<img src=\"water-tariffs_images/treatment-works.png\""));
    assert!(!page.contains("src=\"data:"));
    assert!(
        out.join("water-tariffs_images/treatment-works.png")
            .is_file()
    );

    // A rerun skips the page; without its picture it is converted again.
    std::fs::remove_file(out.join("water-tariffs_images/treatment-works.png")).unwrap();
    convert_samples(&out, &["--to", "html", "--html-images=files"]);
    assert!(
        out.join("water-tariffs_images/treatment-works.png")
            .is_file()
    );
}
