//! The command line as a user runs it: exit codes (0, 1, 2), one error line
//! per failed input, standard input and output, JSON Lines, help.

mod support;

use predicates::prelude::*;
use predicates::str::contains;
use support::{galley, page, put};

#[test]
fn converts_a_page_beside_itself() {
    let dir = tempfile::tempdir().unwrap();
    put(
        &dir.path().join("story.html"),
        page("Delta Accord Signed", "the delta accord"),
    );
    galley()
        .current_dir(dir.path())
        .args(["convert", "story.html"])
        .assert()
        .success()
        .stderr(predicate::str::starts_with(
            "galley: 1 converted, 0 skipped, 0 partly converted, 0 failed, 0 warnings in ",
        ));
    let md = std::fs::read_to_string(dir.path().join("story.md")).unwrap();
    assert!(md.starts_with("---\n"), "{md}");
    assert!(md.contains("agreed on the delta accord"), "{md}");
}

#[test]
fn bad_usage_is_exit_2_with_a_hint() {
    galley()
        .args(["convert", "x.html", "--to", "docx"])
        .assert()
        .code(2)
        .stderr(contains("docx").and(contains("md")));
    galley()
        .args(["convert", "--no-such-flag", "x.html"])
        .assert()
        .code(2);
    galley().args(["convert"]).assert().code(2);
    galley()
        .args(["convert", "x.html", "--to", "md,json", "-o", "-"])
        .assert()
        .code(2)
        .stderr(contains("single format"));
    galley()
        .args(["convert", "x.html", "--bundle", "edition.txt"])
        .assert()
        .code(2)
        .stderr(contains(".epub"));
}

#[test]
fn a_missing_input_is_one_line_and_exit_1_while_the_rest_converts() {
    let dir = tempfile::tempdir().unwrap();
    put(
        &dir.path().join("good.html"),
        page("Good Page", "the good plan"),
    );
    let assert = galley()
        .current_dir(dir.path())
        .args(["convert", "missing.html", "good.html", "-o", "out"])
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "one failure and the summary: {stderr}");
    assert!(lines[0].contains("missing.html"), "{stderr}");
    assert!(lines[1].contains("1 converted, 0 skipped, 0 partly converted, 1 failed"));
    assert!(dir.path().join("out/good.md").is_file());
}

#[test]
fn json_to_standard_output_is_pretty_for_one_article_and_lines_for_many() {
    let dir = tempfile::tempdir().unwrap();
    put(
        &dir.path().join("a.html"),
        page("First Story", "the first plan"),
    );
    put(
        &dir.path().join("b.html"),
        page("Second Story", "the second plan"),
    );
    let one = galley()
        .current_dir(dir.path())
        .args(["convert", "a.html", "--to", "json", "-o", "-"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&one.get_output().stdout).into_owned();
    let article: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(
        article["headline"]
            .as_str()
            .unwrap()
            .contains("First Story")
    );
    assert!(text.lines().count() > 5, "pretty-printed");

    let many = galley()
        .current_dir(dir.path())
        .args([
            "convert", "a.html", "b.html", "--to", "json", "-o", "-", "--jobs", "2",
        ])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&many.get_output().stdout).into_owned();
    let mut headlines: Vec<String> = text
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("one JSON object a line"))
        .map(|a| a["headline"].as_str().unwrap().to_string())
        .collect();
    headlines.sort();
    assert_eq!(headlines.len(), 2, "{text}");
    assert!(headlines[0].contains("First") && headlines[1].contains("Second"));
}

#[test]
fn standard_input_reads_a_page() {
    galley()
        .args(["convert", "-", "--to", "md", "-o", "-"])
        .write_stdin(page("Piped Page", "the piped plan"))
        .assert()
        .success()
        .stdout(contains("agreed on the piped plan"));
    // Without -o, a page from standard input goes to standard output.
    galley()
        .args(["convert", "-", "--to", "json"])
        .write_stdin(page("Piped Page", "the piped plan"))
        .assert()
        .success()
        .stdout(contains("\"headline\""));
    galley()
        .args(["convert", "-"])
        .write_stdin("")
        .assert()
        .code(1)
        .stderr(contains("no article found in -"));
}

#[test]
fn standard_input_reads_a_compressed_warc() {
    let warc = support::warc_gz(&[
        (
            "https://news.example/a.html",
            page("Alpha Story", "the alpha plan"),
        ),
        (
            "https://news.example/b.html",
            page("Beta Story", "the beta plan"),
        ),
    ]);
    let assert = galley()
        .args(["convert", "-", "--to", "json", "-o", "-"])
        .write_stdin(warc)
        .assert()
        .success();
    let text = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    let urls: Vec<String> = text
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["url"].to_string())
        .collect();
    assert_eq!(urls.len(), 2, "{text}");
    assert!(
        urls.iter().any(|u| u.contains("news.example/a.html")),
        "{urls:?}"
    );
}

#[test]
fn an_unwritable_output_folder_is_one_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    put(&dir.path().join("a.html"), page("A Story", "the plan"));
    put(&dir.path().join("file"), "not a folder");
    galley()
        .current_dir(dir.path())
        .args(["convert", "a.html", "-o", "file/out"])
        .assert()
        .code(1)
        .stderr(contains("cannot write file/out").and(predicate::str::contains("a.html").not()));
}

#[test]
fn inspect_schema_help_completions_and_man_page() {
    let dir = tempfile::tempdir().unwrap();
    put(
        &dir.path().join("a.html"),
        page("Inspected Story", "the inspected plan"),
    );
    galley()
        .current_dir(dir.path())
        .args(["inspect", "a.html"])
        .assert()
        .success()
        .stdout(contains("headline").and(contains("blocks")));
    galley().args(["inspect", "nothing.html"]).assert().code(1);
    galley()
        .arg("schema")
        .assert()
        .success()
        .stdout(contains("\"headline\""));
    galley()
        .args(["convert", "--help"])
        .assert()
        .success()
        .stdout(
            contains("Examples")
                .and(contains("--jobs"))
                .and(contains("--report")),
        );
    galley()
        .args(["completions", "bash"])
        .assert()
        .success()
        .stdout(contains("galley"));
    galley()
        .arg("manpage")
        .assert()
        .success()
        .stdout(contains(".TH"));
}

#[test]
fn json_lines_read_back_as_one_article_each() {
    let dir = tempfile::tempdir().unwrap();
    put(
        &dir.path().join("in/a.html"),
        page("First Story", "the first plan"),
    );
    put(
        &dir.path().join("in/b.html"),
        page("Second Story", "the second plan"),
    );
    let lines = galley()
        .current_dir(dir.path())
        .args(["convert", "in", "--to", "json", "-o", "-"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    put(&dir.path().join("articles.jsonl"), &lines);
    galley()
        .current_dir(dir.path())
        .args(["convert", "articles.jsonl", "--to", "md", "-o", "out"])
        .assert()
        .success();
    let mut texts: Vec<String> = std::fs::read_dir(dir.path().join("out/articles"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    texts.sort();
    assert_eq!(texts.len(), 2);
    assert!(texts[0].contains("the first plan") && texts[1].contains("the second plan"));
}

#[test]
#[cfg(target_os = "linux")]
fn a_man_page_that_cannot_be_written_says_so() {
    let Ok(full) = std::fs::File::create("/dev/full") else {
        return;
    };
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_galley"))
        .arg("manpage")
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("cannot write to standard output"),
        "{stderr}"
    );
}
