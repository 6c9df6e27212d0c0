//! Two inputs never write the same output. Whatever makes two inputs want
//! one output name (characters a file system refuses, names that are not
//! UTF-8, standard input beside `stdin.html`, an archive's record beside a
//! page, two records of one URL, inputs sharing a name before their
//! extension), the first in input order keeps the name, a later one gets
//! `NAME-2`, the same whatever `--jobs` is; each renaming is one line on
//! standard error and a warning in `--report`, and a rerun still skips what
//! is up to date.

mod support;

use std::path::Path;

use serde_json::Value;
use support::{galley, names_below, page, put, warc_record, warc_response};

/// Converts `args` (run in `dir`) to Markdown in `out`, with a report:
/// the exit code must be 0; returns standard error.
fn convert(dir: &Path, args: &[&str]) -> String {
    let assert = galley()
        .current_dir(dir)
        .arg("convert")
        .args(args)
        .args(["-o", "out", "--report", "report.json"])
        .assert()
        .code(0);
    String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join("out").join(name))
        .unwrap_or_else(|e| panic!("{name}: {e}; found {:?}", names_below(&dir.join("out"))))
}

/// Every warning of the report, as `input: warning`.
fn report_warnings(dir: &Path) -> Vec<String> {
    let report: Value = serde_json::from_slice(&std::fs::read(dir.join("report.json")).unwrap())
        .expect("a JSON report");
    report["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|row| {
            let input = row["input"].as_str().unwrap().to_string();
            row["warnings"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |w| format!("{input}: {}", w.as_str().unwrap()))
        })
        .collect()
}

/// The warning lines of standard error.
fn warning_lines(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.starts_with("galley: warning: "))
        .collect()
}

/// Two pages in `dir/in` whose names become the same on disk: `?` is
/// refused by some file systems and becomes `_`, so both want `a_.md`.
fn alike_names(dir: &Path) {
    put(&dir.join("in/a?.html"), page("Question", "the first plan"));
    put(
        &dir.join("in/a_.html"),
        page("Underscore", "the second plan"),
    );
}

#[test]
fn names_that_become_the_same_on_disk_are_told_apart_first_come_first_named() {
    let dir = tempfile::tempdir().unwrap();
    alike_names(dir.path());
    let stderr = convert(dir.path(), &["in"]);
    assert!(read(dir.path(), "a_.md").contains("the first plan"));
    assert!(read(dir.path(), "a_-2.md").contains("the second plan"));
    let expected =
        "in/a_.html: its outputs are named \"a_-2\": an earlier input's outputs are named \"a_\"";
    assert_eq!(
        warning_lines(&stderr),
        [format!("galley: warning: {expected}")],
        "{stderr}"
    );
    assert_eq!(report_warnings(dir.path()), [expected]);
    assert!(stderr.contains("2 converted, 0 skipped, 0 partly converted, 0 failed, 1 warning in "));
}

#[test]
fn the_names_are_the_same_whatever_the_number_of_jobs() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..12 {
        put(
            &dir.path().join(format!("in/s{i:02}?.html")),
            page("Question", &format!("question plan {i}")),
        );
        put(
            &dir.path().join(format!("in/s{i:02}_.html")),
            page("Underscore", &format!("underscore plan {i}")),
        );
    }
    for jobs in ["1", "8"] {
        let _ = std::fs::remove_dir_all(dir.path().join("out"));
        convert(dir.path(), &["in", "--jobs", jobs]);
        for i in 0..12 {
            let first = read(dir.path(), &format!("s{i:02}_.md"));
            let second = read(dir.path(), &format!("s{i:02}_-2.md"));
            assert!(
                first.contains(&format!("question plan {i}")),
                "--jobs {jobs}"
            );
            assert!(
                second.contains(&format!("underscore plan {i}")),
                "--jobs {jobs}"
            );
        }
    }
}

#[test]
fn the_first_input_named_keeps_the_name_standard_input_included() {
    let dir = tempfile::tempdir().unwrap();
    put(
        &dir.path().join("in/stdin.html"),
        page("A File", "the file plan"),
    );
    let assert = galley()
        .current_dir(dir.path())
        .args(["convert", "-", "in", "-o", "out"])
        .write_stdin(page("Piped In", "the piped plan"))
        .assert()
        .code(0);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(read(dir.path(), "stdin.md").contains("the piped plan"));
    assert!(read(dir.path(), "stdin-2.md").contains("the file plan"));
    assert!(
        stderr.contains("in/stdin.html: its outputs are named \"stdin-2\""),
        "{stderr}"
    );
}

#[test]
fn inputs_sharing_a_name_before_the_extension_keep_their_whole_names_and_say_so() {
    let dir = tempfile::tempdir().unwrap();
    put(
        &dir.path().join("in/page.htm"),
        page("Short", "the htm plan"),
    );
    put(
        &dir.path().join("in/page.html"),
        page("Long", "the html plan"),
    );
    let stderr = convert(dir.path(), &["in"]);
    assert!(read(dir.path(), "page.htm.md").contains("the htm plan"));
    assert!(read(dir.path(), "page.html.md").contains("the html plan"));
    assert_eq!(warning_lines(&stderr).len(), 2, "{stderr}");
    assert!(
        stderr.contains("in/page.html: its outputs are named \"page.html\": another input beside it has the same name before the extension"),
        "{stderr}"
    );
}

#[test]
fn two_records_of_one_url_in_an_archive_get_two_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut warc = warc_record(
        "warcinfo",
        "",
        "application/warc-fields",
        b"software: test\r\n",
    );
    for marker in ["the morning plan", "the evening plan"] {
        warc.extend(warc_response(
            "https://news.example/story",
            "Content-Type: text/html\r\n",
            page("Story", marker).as_bytes(),
        ));
    }
    put(&dir.path().join("in/crawl.warc"), warc);
    let stderr = convert(dir.path(), &["in"]);
    assert!(read(dir.path(), "crawl/news.example_story.md").contains("the morning plan"));
    assert!(read(dir.path(), "crawl/news.example_story-2.md").contains("the evening plan"));
    assert!(
        stderr.contains(
            "in/crawl.warc: its article \"news.example_story\" is named \"news.example_story-2\""
        ),
        "{stderr}"
    );
}

#[test]
fn a_rerun_skips_what_was_renamed_and_redoes_what_a_new_input_renamed() {
    let dir = tempfile::tempdir().unwrap();
    put(
        &dir.path().join("in/a_.html"),
        page("Underscore", "the second plan"),
    );
    convert(dir.path(), &["in"]);
    assert!(read(dir.path(), "a_.md").contains("the second plan"));
    // A new input that comes first in the folder takes the name: the old one
    // is converted again under its new name, nothing is overwritten.
    put(
        &dir.path().join("in/a?.html"),
        page("Question", "the first plan"),
    );
    let stderr = convert(dir.path(), &["in"]);
    assert!(stderr.contains("2 converted, 0 skipped"), "{stderr}");
    assert!(read(dir.path(), "a_.md").contains("the first plan"));
    assert!(read(dir.path(), "a_-2.md").contains("the second plan"));
    // Nothing changed: both are skipped, under the same names.
    let stderr = convert(dir.path(), &["in"]);
    assert!(stderr.contains("0 converted, 2 skipped"), "{stderr}");
    assert!(read(dir.path(), "a_.md").contains("the first plan"));
    assert!(read(dir.path(), "a_-2.md").contains("the second plan"));
}

#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_alike_once_made_readable_are_told_apart() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("in");
    for (byte, marker) in [(0xfe, "the fe plan"), (0xff, "the ff plan")] {
        let bytes = [byte, b'.', b'h', b't', b'm', b'l'];
        put(
            &folder.join(std::ffi::OsStr::from_bytes(&bytes)),
            page("Odd Name", marker),
        );
    }
    convert(dir.path(), &["in"]);
    // Alike, they share a name before the extension, and then the whole name.
    assert!(read(dir.path(), "\u{FFFD}.html.md").contains("the fe plan"));
    assert!(read(dir.path(), "\u{FFFD}.html-2.md").contains("the ff plan"));
}

#[test]
fn on_standard_output_nothing_collides() {
    let dir = tempfile::tempdir().unwrap();
    alike_names(dir.path());
    let assert = galley()
        .current_dir(dir.path())
        .args(["convert", "in", "--to", "md", "-o", "-"])
        .assert()
        .code(0);
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(stdout.contains("the first plan") && stdout.contains("the second plan"));
    assert!(warning_lines(&stderr).is_empty(), "{stderr}");
}
