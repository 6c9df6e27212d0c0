//! The streaming stage: `galley convert -` fed JSON Lines page records
//! writes one JSON line for every input line, in input order, whatever
//! `--jobs` is: the article with its `source`, or the record's error.

mod support;

use predicates::str::contains;
use serde_json::{Value, json};
use support::{galley, page};

fn record(n: usize) -> String {
    json!({
        "url": format!("https://a.example/{n}"),
        "html": page(&format!("Story number {n}"), "the accord"),
        "source": format!("crawl/{n}"),
    })
    .to_string()
}

fn output_lines(stdin: String, args: &[&str]) -> (Vec<Value>, i32) {
    let output = galley()
        .args(["convert", "-"])
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap();
    let lines = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("every output line is JSON"))
        .collect();
    (lines, output.status.code().unwrap())
}

#[test]
fn every_record_gives_one_line_in_input_order() {
    let stdin: String = (0..200).map(|n| record(n) + "\n").collect();
    for jobs in ["1", "3"] {
        let (lines, code) = output_lines(stdin.clone(), &["--jobs", jobs]);
        assert_eq!(code, 0);
        assert_eq!(lines.len(), 200);
        for (n, line) in lines.iter().enumerate() {
            assert_eq!(line["source"], format!("crawl/{n}"), "--jobs {jobs}");
            assert_eq!(line["headline"], format!("Story number {n}"));
            assert_eq!(line["url"], format!("https://a.example/{n}"));
        }
    }
}

#[test]
fn a_bad_line_is_an_error_line_in_its_place() {
    let stdin = [
        record(0),
        "not json".into(),
        String::new(),
        json!({"url": "https://a.example/x", "html": null, "source": "s3://b/x"}).to_string(),
        record(4),
    ]
    .join("\n");
    let (lines, code) = output_lines(stdin, &["--to", "json", "-o", "-"]);
    assert_eq!(code, 1);
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0]["source"], "crawl/0");
    assert_eq!(lines[1]["source"], "-#2");
    assert!(lines[1]["error"].as_str().unwrap().contains("page record"));
    assert_eq!(lines[2]["source"], "-#3");
    assert!(lines[2]["error"].as_str().unwrap().contains("empty line"));
    assert_eq!(lines[3]["source"], "s3://b/x");
    assert!(lines[3]["error"].is_string());
    assert_eq!(lines[4]["headline"], "Story number 4");
}

#[test]
fn page_records_write_json_lines_only() {
    galley()
        .args(["convert", "-", "--to", "md"])
        .write_stdin(record(0))
        .assert()
        .code(2)
        .stderr(contains("JSON Lines"));
}

#[test]
fn a_page_on_standard_input_is_still_a_page() {
    galley()
        .args(["convert", "-", "--to", "json", "-o", "-"])
        .write_stdin(page("Plain Page", "the plain page"))
        .assert()
        .success()
        .stdout(contains("\"headline\": \"Plain Page\""))
        .stdout(contains("\"source\": \"-\""));
}
