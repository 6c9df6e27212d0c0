//! WARC archives record by record: a broken record fails alone and is
//! named, the records after it still convert; a record whose length cannot
//! frame it ends the archive with a line saying so.

mod support;

use predicates::str::contains;
use support::{galley, page, put, warc_record, warc_response};

/// A response record for `url` whose HTTP block is exactly `block`.
fn raw_response(url: &str, block: &[u8]) -> Vec<u8> {
    warc_record("response", url, "application/http; msgtype=response", block)
}

/// A record whose `Content-Length` header says `length`.
fn with_length(url: &str, length: &str) -> Vec<u8> {
    let record = warc_response(
        url,
        "Content-Type: text/html\r\n",
        page("Late", "x").as_bytes(),
    );
    let text = String::from_utf8(record).unwrap();
    let start = text.find("Content-Length: ").unwrap() + "Content-Length: ".len();
    let end = start + text[start..].find("\r\n").unwrap();
    format!("{}{length}{}", &text[..start], &text[end..]).into_bytes()
}

/// The `source` of every JSON line of an output.
fn sources(stdout: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| {
            let article: serde_json::Value = serde_json::from_str(l).unwrap();
            article["source"].as_str().unwrap().to_string()
        })
        .collect()
}

fn html_response(url: &str, title: &str) -> Vec<u8> {
    warc_response(
        url,
        "Content-Type: text/html\r\n",
        page(title, "the accord").as_bytes(),
    )
}

#[test]
fn one_broken_record_loses_one_record() {
    let dir = tempfile::tempdir().unwrap();
    let mut warc = html_response("https://a.example/1", "First Story");
    warc.extend(raw_response("https://a.example/empty", b""));
    warc.extend(raw_response(
        "https://a.example/no-blank",
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n<p>x</p>",
    ));
    warc.extend(raw_response(
        "https://a.example/no-status",
        b"HTTP/1.1 OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>",
    ));
    warc.extend(html_response("https://a.example/2", "Second Story"));
    put(&dir.path().join("crawl.warc"), warc);
    let out = galley()
        .current_dir(dir.path())
        .args(["convert", "crawl.warc", "--to", "json", "-o", "-"])
        .assert()
        .code(1)
        .stderr(contains("crawl.warc#https://a.example/empty: malformed WARC: record's HTTP response is empty"))
        .stderr(contains("crawl.warc#https://a.example/no-blank: malformed WARC: record's HTTP response has no blank line"))
        .stderr(contains("crawl.warc#https://a.example/no-status: malformed WARC: record's HTTP response has no numeric status"))
        .get_output()
        .stdout
        .clone();
    let sources = sources(&out);
    assert_eq!(
        sources,
        [
            "crawl.warc#https://a.example/1",
            "crawl.warc#https://a.example/2"
        ]
    );
}

#[test]
fn a_negative_or_overflowing_length_is_named() {
    for (length, reason) in [
        ("-5", "negative Content-Length (-5)"),
        ("99999999999999999999999", "Content-Length that overflows"),
        ("ten", "non-numeric Content-Length"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut warc = html_response("https://a.example/1", "First Story");
        warc.extend(with_length("https://a.example/2", length));
        put(&dir.path().join("crawl.warc"), warc);
        galley()
            .current_dir(dir.path())
            .args(["convert", "crawl.warc", "--to", "json", "-o", "-"])
            .assert()
            .code(1)
            .stdout(contains("First Story"))
            .stderr(contains(format!(
                "crawl.warc: malformed WARC: record with a {reason}"
            )));
    }
}

#[test]
fn archive_articles_come_in_record_order_with_their_source() {
    let dir = tempfile::tempdir().unwrap();
    let warc: Vec<u8> = (0..40)
        .flat_map(|n| {
            html_response(
                &format!("https://a.example/{n}"),
                &format!("Story number {n}"),
            )
        })
        .collect();
    put(&dir.path().join("crawl.warc"), warc);
    put(&dir.path().join("z.html"), page("Last Page", "the end"));
    for jobs in ["1", "4"] {
        let out = galley()
            .current_dir(dir.path())
            .args([
                "convert",
                "crawl.warc",
                "z.html",
                "--to",
                "json",
                "-o",
                "-",
                "--jobs",
                jobs,
            ])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let sources = sources(&out);
        let mut expected: Vec<String> = (0..40)
            .map(|n| format!("crawl.warc#https://a.example/{n}"))
            .collect();
        expected.push("z.html".into());
        assert_eq!(sources, expected, "--jobs {jobs}");
    }
}

#[test]
fn the_report_follows_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let names: Vec<String> = (0..30).map(|n| format!("page-{n:02}.html")).collect();
    for name in &names {
        put(&dir.path().join("in").join(name), page(name, "the order"));
    }
    galley()
        .current_dir(dir.path())
        .args([
            "convert",
            "in",
            "-o",
            "out",
            "--jobs",
            "4",
            "--report",
            "report.json",
        ])
        .assert()
        .success();
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("report.json")).unwrap()).unwrap();
    let inputs: Vec<&str> = report["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["input"].as_str().unwrap())
        .collect();
    let expected: Vec<String> = names.iter().map(|n| format!("in/{n}")).collect();
    assert_eq!(inputs, expected);
}

#[test]
fn inspect_sets_the_articles_of_an_archive_apart() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("crawl.warc");
    let mut bytes = html_response("https://news.example/one", "First Accord");
    bytes.extend(html_response("https://news.example/two", "Second Accord"));
    put(&archive, bytes);
    let out = galley()
        .args(["inspect"])
        .arg(&archive)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let one = text
        .find("== article 1 of 2: https://news.example/one")
        .expect(&text);
    let two = text
        .find("== article 2 of 2: https://news.example/two")
        .expect(&text);
    assert!(one < text.find("First Accord").unwrap(), "{text}");
    assert!(two < text.find("Second Accord").unwrap(), "{text}");
}
