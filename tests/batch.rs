//! Batch conversion as a user runs it: a folder mixing every input kind and
//! broken files, outputs mirroring the tree, a report, resuming, containers
//! (MHTML, WARC) and legacy charsets, all on inputs made in a temporary folder.

mod support;

use std::path::Path;

use galley::model::Block;
use predicates::str::contains;
use serde_json::Value;
use support::{galley, gz, mhtml, names_below, page, put, warc_gz};

/// Every input kind galley reads, and three broken files.
fn mixed_folder(root: &Path) {
    put(
        &root.join("plain.html"),
        page("Plain Story", "the plain plan"),
    );
    put(
        &root.join("sub/compressed.html.gz"),
        gz(page("Compressed Story", "the compressed plan").as_bytes()),
    );
    let saved = page("Saved Story", "the saved plan").replacen(
        "<!DOCTYPE html>\n",
        "<!DOCTYPE html>\n<!-- saved from url=(0036)https://news.example/saved-story.html -->\n",
        1,
    );
    put(
        &root.join("Saved Story.html"),
        saved.replace(
            "</h1>",
            "</h1><figure><img src=\"Saved Story_files/dot.gif\" alt=\"dot\"></figure>",
        ),
    );
    put(
        &root.join("Saved Story_files/dot.gif"),
        b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
    );
    put(
        &root.join("Saved Story_files/frame.html"),
        page("Frame", "an embedded frame"),
    );
    let cyrillic = encoded(
        encoding_rs::WINDOWS_1251,
        &page("Вода для дельты", "водный план"),
    );
    put(
        &root.join("saved.mhtml"),
        mhtml(
            "https://news.example/ru/water.html",
            "windows-1251",
            &cyrillic,
        ),
    );
    put(
        &root.join("crawl/crawl.warc.gz"),
        warc_gz(&[
            (
                "https://news.example/2020/alpha.html",
                page("Alpha Story", "the alpha plan"),
            ),
            (
                "https://www.news.example/2020/alpha.html",
                page("Alpha Again", "the second alpha plan"),
            ),
            (
                "https://news.example/../../../../etc/beta",
                page("Beta Story", "the beta plan"),
            ),
        ]),
    );
    let japanese = encoded(
        encoding_rs::SHIFT_JIS,
        &page("川の合意", "川の水の分配計画").replace("charset=\"utf-8\"", "charset=\"Shift_JIS\""),
    );
    put(&root.join("legacy/japanese.htm"), japanese);
    let russian = encoded(
        encoding_rs::WINDOWS_1251,
        &page("Соглашение о реке", "совместное использование воды реки")
            .replace("<meta charset=\"utf-8\">", ""),
    );
    put(&root.join("legacy/undeclared.html"), russian);
    let chinese = encoded(
        encoding_rs::GBK,
        &page("河流协议", "河水分配计划").replace("utf-8", "gbk"),
    );
    put(&root.join("legacy/chinese.html"), chinese);
    put(
        &root.join("article.json"),
        include_str!("fixtures/every-block.json"),
    );
    put(
        &root.join("notes/hand-written.md"),
        "---\ntitle: \"Hand Written\"\nauthors: [\"Ann Lee\"]\ndate: \"2021-03-04\"\n---\n\n# Hand Written\n\nA paragraph written by hand for the notes plan.\n",
    );
    put(&root.join("logo.png"), b"\x89PNG\r\n\x1a\n");
    put(&root.join("broken/empty.html"), "");
    put(
        &root.join("broken/binary.html"),
        (0..=255u8).cycle().take(4096).collect::<Vec<u8>>(),
    );
    let truncated = gz(page("Cut", "a cut plan").repeat(20).as_bytes());
    put(
        &root.join("broken/truncated.html.gz"),
        &truncated[..truncated.len() / 2],
    );
}

fn encoded(encoding: &'static encoding_rs::Encoding, text: &str) -> Vec<u8> {
    encoding.encode(text).0.into_owned()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn json(path: &Path) -> Value {
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn a_mixed_folder_converts_reports_and_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    mixed_folder(&input);
    let assert = galley()
        .current_dir(dir.path())
        .args([
            "convert",
            "in",
            "--to",
            "md,json",
            "-o",
            "out",
            "--report",
            "report.json",
            "--jobs",
            "2",
        ])
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    let mut lines: Vec<&str> = stderr.lines().collect();
    let summary = lines.pop().unwrap_or_default();
    assert!(summary.contains(", 3 failed, 1 warning in "), "{stderr}");
    // Two records of one page (with and without `www.`) want one name: the
    // second one's renaming is said.
    let (warnings, failures): (Vec<&str>, Vec<&str>) = lines
        .iter()
        .partition(|l| l.starts_with("galley: warning: "));
    assert_eq!(failures.len(), 3, "{stderr}");
    assert_eq!(warnings.len(), 1, "{stderr}");
    assert!(
        warnings[0].contains("news.example_2020_alpha-2"),
        "{stderr}"
    );
    let lines = failures;
    for bad in ["empty.html", "binary.html", "truncated.html.gz"] {
        assert_eq!(
            lines.iter().filter(|l| l.contains(bad)).count(),
            1,
            "{bad}: {stderr}"
        );
    }
    let out = dir.path().join("out");
    for (file, marker) in [
        ("plain.json", "the plain plan"),
        ("sub/compressed.json", "the compressed plan"),
        ("Saved Story.json", "the saved plan"),
        ("saved.json", "водный план"),
        ("legacy/japanese.json", "川の水の分配計画"),
        (
            "legacy/undeclared.json",
            "совместное использование воды реки",
        ),
        ("legacy/chinese.json", "河水分配计划"),
        ("notes/hand-written.json", "for the notes plan"),
        ("crawl/crawl/news.example_2020_alpha.json", "the alpha plan"),
        (
            "crawl/crawl/news.example_2020_alpha-2.json",
            "the second alpha plan",
        ),
    ] {
        let text = read(&out.join(file));
        assert!(text.contains(marker), "{file} lacks {marker:?}: {text}");
        assert!(
            out.join(file).with_extension("md").is_file(),
            "{file} has no Markdown twin"
        );
    }
    assert_eq!(
        json(&out.join("Saved Story.json"))["url"],
        "https://news.example/saved-story.html"
    );
    assert_eq!(
        json(&out.join("saved.json"))["url"],
        "https://news.example/ru/water.html"
    );
    assert_eq!(
        json(&out.join("article.json"))["headline"],
        "Ministers Agree on a Plan for the River Delta"
    );
    assert_eq!(
        json(&out.join("notes/hand-written.json"))["authors"][0],
        "Ann Lee"
    );
    // Names made from URLs stay inside the archive's folder.
    let archive: Vec<String> = std::fs::read_dir(out.join("crawl/crawl"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(archive.len(), 6, "{archive:?}");
    assert!(!dir.path().join("etc").exists() && !Path::new("/etc/beta.md").exists());
    // The resource folder and its page are not inputs; images are not either.
    assert!(!out.join("Saved Story_files").exists());
    assert!(!out.join("logo.md").exists());

    let report = json(&dir.path().join("report.json"));
    let rows = report["inputs"].as_array().unwrap();
    assert_eq!(rows.len(), 13, "{report:#}");
    let status = |name: &str| {
        rows.iter()
            .find(|r| r["input"].as_str().unwrap().ends_with(name))
            .map(|r| r["status"].as_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("{name} not in the report"))
    };
    assert_eq!(status("truncated.html.gz"), "failed");
    assert_eq!(status("crawl.warc.gz"), "converted");
    assert_eq!(status("plain.html"), "converted");
    assert_eq!(report["summary"]["failed"], 3);
    assert_eq!(report["summary"]["converted"], 10);
    assert_eq!(report["summary"]["articles"], 12);
    let warc_row = rows
        .iter()
        .find(|r| r["input"].as_str().unwrap().ends_with("crawl.warc.gz"))
        .unwrap();
    assert_eq!(warc_row["outputs"].as_array().unwrap().len(), 6);

    // A second run skips every converted input and still names the bad ones.
    let before = std::fs::metadata(out.join("plain.md"))
        .unwrap()
        .modified()
        .unwrap();
    galley()
        .current_dir(dir.path())
        .args([
            "convert",
            "in",
            "--to",
            "md,json",
            "-o",
            "out",
            "--report",
            "again.json",
        ])
        .assert()
        .code(1)
        .stderr(contains("truncated.html.gz"));
    let again = json(&dir.path().join("again.json"));
    assert_eq!(again["summary"]["skipped"], 10, "{again:#}");
    assert_eq!(again["summary"]["converted"], 0);
    assert_eq!(
        std::fs::metadata(out.join("plain.md"))
            .unwrap()
            .modified()
            .unwrap(),
        before
    );

    // Other flags, --force, or a newer input convert again.
    let run = |extra: &[&str]| {
        let mut args = vec!["convert", "in", "-o", "out", "--report", "r.json"];
        args.extend_from_slice(extra);
        galley()
            .current_dir(dir.path())
            .args(&args)
            .assert()
            .code(1);
        json(&dir.path().join("r.json"))["summary"].clone()
    };
    assert_eq!(run(&["--to", "md"])["converted"], 10);
    assert_eq!(run(&["--to", "md"])["skipped"], 10);
    assert_eq!(run(&["--to", "md", "--force"])["converted"], 10);
    let plain = input.join("plain.html");
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
    std::fs::File::options()
        .write(true)
        .open(&plain)
        .unwrap()
        .set_modified(later)
        .unwrap();
    let summary = run(&["--to", "md"]);
    assert_eq!(
        (summary["converted"].as_u64(), summary["skipped"].as_u64()),
        (Some(1), Some(9))
    );
    // No temporary files are left behind.
    let leftovers = names_below(&out)
        .into_iter()
        .filter(|n| n.contains("galley-tmp"))
        .count();
    assert_eq!(leftovers, 0);
}

#[test]
fn outputs_beside_the_inputs_are_not_read_back_as_inputs() {
    let dir = tempfile::tempdir().unwrap();
    put(&dir.path().join("a.html"), page("A Story", "the a plan"));
    put(
        &dir.path().join("deeper/b.html"),
        page("B Story", "the b plan"),
    );
    let run = || {
        galley()
            .current_dir(dir.path())
            .args([
                "convert",
                ".",
                "--to",
                "md,json",
                "--report",
                "../report.json",
            ])
            .assert()
            .success();
        json(&dir.path().join("../report.json"))
    };
    assert_eq!(run()["summary"]["converted"], 2);
    assert!(dir.path().join("a.md").is_file() && dir.path().join("deeper/b.json").is_file());
    let second = run();
    assert_eq!(second["summary"]["inputs"], 2, "{second:#}");
    assert_eq!(second["summary"]["skipped"], 2);
}

#[test]
fn inputs_sharing_a_stem_keep_their_whole_names() {
    let dir = tempfile::tempdir().unwrap();
    put(
        &dir.path().join("in/story.html"),
        page("Web Story", "the web plan"),
    );
    put(
        &dir.path().join("in/story.mhtml"),
        mhtml(
            "https://x.example/",
            "utf-8",
            page("Mime Story", "the mime plan").as_bytes(),
        ),
    );
    galley()
        .current_dir(dir.path())
        .args(["convert", "in", "-o", "out"])
        .assert()
        .success();
    assert!(read(&dir.path().join("out/story.html.md")).contains("the web plan"));
    assert!(read(&dir.path().join("out/story.mhtml.md")).contains("the mime plan"));
}

#[test]
fn files_in_several_folders_mirror_below_their_deepest_common_folder() {
    let dir = tempfile::tempdir().unwrap();
    put(
        &dir.path().join("a/x/source.html"),
        page("X Story", "the x plan"),
    );
    put(
        &dir.path().join("a/y/source.html"),
        page("Y Story", "the y plan"),
    );
    galley()
        .current_dir(dir.path())
        .args(["convert", "a/x/source.html", "a/y/source.html", "-o", "out"])
        .assert()
        .success();
    assert!(read(&dir.path().join("out/x/source.md")).contains("the x plan"));
    assert!(read(&dir.path().join("out/y/source.md")).contains("the y plan"));
}

#[test]
fn one_and_two_jobs_write_the_same_files() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..12 {
        put(
            &dir.path().join(format!("in/{i:02}.html")),
            page(&format!("Story {i}"), &format!("plan number {i}")),
        );
    }
    for jobs in ["1", "2"] {
        galley()
            .current_dir(dir.path())
            .args([
                "convert",
                "in",
                "--to",
                "json",
                "-o",
                &format!("out{jobs}"),
                "--jobs",
                jobs,
            ])
            .assert()
            .success();
    }
    for i in 0..12 {
        let name = format!("{i:02}.json");
        assert_eq!(
            read(&dir.path().join("out1").join(&name)),
            read(&dir.path().join("out2").join(&name))
        );
    }
}

#[test]
fn a_bundle_collects_every_input() {
    let dir = tempfile::tempdir().unwrap();
    put(&dir.path().join("in/a.html"), page("A Story", "the a plan"));
    put(&dir.path().join("in/b.html"), page("B Story", "the b plan"));
    put(&dir.path().join("in/empty.html"), "");
    galley()
        .current_dir(dir.path())
        .args([
            "convert",
            "in",
            "--bundle",
            "week.epub",
            "--title",
            "Week 12",
        ])
        .assert()
        .code(1)
        .stderr(contains("empty.html"));
    let bytes = std::fs::read(dir.path().join("week.epub")).unwrap();
    assert!(bytes.starts_with(b"PK"), "an EPUB is a zip archive");
    // Only the bundle is written when no --to is asked for.
    assert!(!dir.path().join("in/a.md").exists());
}

#[test]
fn markdown_written_by_galley_reads_back_to_the_same_article() {
    let original: galley::Article =
        serde_json::from_str(include_str!("fixtures/every-block.json")).unwrap();
    let doc = galley::Document {
        article: original.clone(),
        ..galley::Document::default()
    };
    let writer = galley::write::writer("md").unwrap();
    let markdown = writer.write(&doc, &Default::default()).unwrap().bytes;
    let input = galley::read::Input {
        name: "article.md".into(),
        path: None,
        bytes: markdown,
    };
    let back = galley::read::read(&input).unwrap().remove(0).article;
    assert_eq!(back.headline, original.headline);
    assert_eq!(back.subtitle, original.subtitle);
    assert_eq!(back.authors, original.authors);
    assert_eq!(back.byline, original.byline);
    assert_eq!(back.published, original.published);
    assert_eq!(back.modified, original.modified);
    assert_eq!(back.tags, original.tags);
    assert_eq!(back.url, original.url);
    assert_eq!(back.blocks.len(), original.blocks.len());
    for (got, want) in back.blocks.iter().zip(&original.blocks) {
        match (got, want) {
            (Block::Paragraph { text: a, .. }, Block::Paragraph { text: b, .. }) => {
                assert_eq!(a, b)
            }
            // An image not beside the page is linked against the page's URL.
            (Block::Image { src, .. }, Block::Image { src: relative, .. }) => {
                let url = original.url.as_deref().unwrap();
                let folder = &url[..=url.rfind('/').unwrap()];
                assert_eq!(src, &format!("{folder}{relative}"))
            }
            _ => assert_eq!(got, want),
        }
    }
}
