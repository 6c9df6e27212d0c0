//! Each warning once per input and cause, naming the formats it affects:
//! a remote image left out of the EPUB, the PDF and the HTML is one line on
//! standard error and one entry in `--report`, worded the same whatever
//! the writer, and the summary counts lines, not writers.

mod support;

use serde_json::Value;
use support::{galley, put};

#[test]
fn a_remote_image_is_one_warning_naming_every_format_it_is_left_out_of() {
    let dir = tempfile::tempdir().unwrap();
    let body =
        "<p>The ministers met on Sunday in the capital and agreed on a plan for the river.</p>"
            .repeat(4);
    put(
        &dir.path().join("page.html"),
        format!(
            "<html><head><title>Plan</title></head><body><article><h1>Plan</h1>{body}\
             <figure><img src=\"https://x.example/y.jpg\"><figcaption>The river</figcaption></figure>\
             {body}</article></body></html>"
        ),
    );
    let assert = galley()
        .current_dir(dir.path())
        .args(["convert", "page.html", "--to", "epub,pdf,html", "-o", "out"])
        .args(["--report", "report.json"])
        .assert()
        .code(0);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    let line = "remote image https://x.example/y.jpg left out, never fetched (epub, pdf, html)";
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("warning:")).collect();
    assert_eq!(
        warnings,
        [format!("galley: warning: page.html: {line}")],
        "{stderr}"
    );
    assert!(stderr.contains(", 0 failed, 1 warning in "), "{stderr}");
    let report: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("report.json")).unwrap()).unwrap();
    assert_eq!(report["inputs"][0]["warnings"], serde_json::json!([line]));
}
