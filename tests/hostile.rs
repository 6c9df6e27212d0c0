//! Hostile and broken input, run as a user runs galley: every case ends with a
//! clean article or one clear error line — never a panic, a hang, runaway
//! memory, a half-written file, or anything executable in the output.
//!
//! Inputs are generated here, not stored. Each run is bounded by a generous
//! time-out and a 1 GiB address-space limit so that a regression fails the
//! test instead of stalling the suite; these are guards, not benchmarks.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A hang guard: real runs of these cases take well under a second.
const TIME_LIMIT: Duration = Duration::from_secs(60);
/// The memory the issue allows for any of these inputs, in KiB.
const MEMORY_LIMIT_KIB: u64 = 1024 * 1024;

fn galley() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_galley"))
}

/// Runs galley with `args` under the memory limit (and, when `fsize_kib` is
/// set, a file-size limit with SIGXFSZ ignored, as on a full disk).
fn run_limited(args: &[&str], fsize_kib: Option<u64>) -> Output {
    let mut script = format!("ulimit -v {MEMORY_LIMIT_KIB}; ");
    if let Some(kib) = fsize_kib {
        script.push_str(&format!("trap '' XFSZ; ulimit -f {}; ", kib * 2));
    }
    script.push_str("exec \"$@\"");
    let start = Instant::now();
    let mut child = Command::new("bash")
        .arg("-c")
        .arg(script)
        .arg("bash")
        .arg(galley())
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("galley starts");
    // Drain both pipes while waiting, so a large output cannot block the child.
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stdout.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stderr.read_to_end(&mut buf);
        buf
    });
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            panic!("galley {args:?} still running after {TIME_LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: out_reader.join().expect("stdout reader"),
        stderr: err_reader.join().expect("stderr reader"),
    }
}

fn run(args: &[&str]) -> Output {
    run_limited(args, None)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn no_panic(out: &Output) {
    let err = stderr(out);
    assert!(!err.contains("panicked"), "galley panicked: {err}");
    assert!(
        out.status.code().is_some(),
        "galley was killed by a signal: {err}"
    );
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

/// Converts a page to JSON on standard output and returns the article text.
fn convert_ok(page: &str) -> String {
    let out = run(&["convert", page, "--to", "json", "-o", "-"]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    String::from_utf8(out.stdout).expect("UTF-8 JSON")
}

const FILLER: &str =
    "This sentence is here so that the page reads as an article with real text in it.";

#[test]
fn deeply_nested_markup_converts() {
    let dir = tempfile::tempdir().unwrap();
    let depth = 200_000;
    let page = format!(
        "<html><body>{}<p>{FILLER}</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let json = convert_ok(&write(dir.path(), "deep.html", page));
    assert!(json.contains(FILLER));
}

#[test]
fn a_thirty_megabyte_article_converts() {
    let dir = tempfile::tempdir().unwrap();
    let count = 30 * 1024 * 1024 / (FILLER.len() * 5 + 20);
    let paragraphs: String = (0..count)
        .map(|i| format!("<p>{i}. {}</p>\n", FILLER.repeat(5)))
        .collect();
    let page = format!(
        "<html><head><title>Long</title></head><body><article><h1>Long</h1>{paragraphs}</article></body></html>"
    );
    let json = convert_ok(&write(dir.path(), "long.html", page));
    assert!(json.matches(FILLER).count() > 1000);
}

#[test]
fn a_ten_megabyte_attribute_converts() {
    let dir = tempfile::tempdir().unwrap();
    let page = format!(
        "<html><body><article><p data-x=\"{}\">{FILLER}</p><p>{FILLER}</p></article></body></html>",
        "x".repeat(10 * 1024 * 1024)
    );
    let json = convert_ok(&write(dir.path(), "attr.html", page));
    assert!(json.contains(FILLER));
}

#[test]
fn a_table_with_twenty_thousand_columns_converts_to_every_text_format() {
    let dir = tempfile::tempdir().unwrap();
    let row = format!("<tr>{}</tr>", "<td>cell</td>".repeat(20_000));
    let page = format!(
        "<html><body><article><p>{FILLER}</p><table>{row}{row}</table><p>{FILLER}</p></article></body></html>"
    );
    let input = write(dir.path(), "wide.html", page);
    let out_dir = dir.path().join("out");
    let out = run(&[
        "convert",
        &input,
        "--to",
        "md,json",
        "-o",
        out_dir.to_str().unwrap(),
    ]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn a_million_entities_convert() {
    let dir = tempfile::tempdir().unwrap();
    let page = format!(
        "<html><body><article><p>{FILLER}</p><p>{}</p><p>{FILLER}</p></article></body></html>",
        "&amp;&#x41;&eacute;".repeat(1_000_000 / 3)
    );
    let json = convert_ok(&write(dir.path(), "entities.html", page));
    assert!(json.contains("&Aé&Aé"));
}

#[test]
fn inputs_that_are_not_articles_are_one_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90wS\xde";
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty.html", Vec::new()),
        (
            "binary.html",
            (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect(),
        ),
        ("photo.png", png.to_vec()),
        (
            "drawing.svg",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"4\"/></svg>".to_vec(),
        ),
        (
            "blank.html",
            b"<html><head><title></title></head><body><div></div></body></html>".to_vec(),
        ),
    ];
    for (name, bytes) in cases {
        let path = write(dir.path(), name, bytes);
        let out = run(&[
            "convert",
            &path,
            "--to",
            "json",
            "-o",
            dir.path().join("out").to_str().unwrap(),
            "--quiet",
        ]);
        no_panic(&out);
        assert_eq!(out.status.code(), Some(1), "{name}: {}", stderr(&out));
        let err = stderr(&out);
        assert_eq!(
            err.trim().lines().count(),
            1,
            "{name}: one line expected, got {err}"
        );
        assert!(
            err.contains(name),
            "{name}: the error names the file: {err}"
        );
    }
    let blank = dir.path().join("blank.html").display().to_string();
    let out = run(&["convert", &blank, "--to", "json", "-o", "-"]);
    assert!(
        stderr(&out).contains(&format!("no article found in {blank}")),
        "{}",
        stderr(&out)
    );
}

/// Everything executable a page can carry.
const HOSTILE_PAGE: &str = r#"<html><head><title>Hostile</title>
<script>alert('head')</script><link rel="stylesheet" href="https://evil.example/x.css"></head>
<body onload="alert('body')"><article>
<h1 onclick="alert('h1')">Hostile page</h1>
<p>First paragraph with <a href="javascript:alert('link')">a javascript link</a>, <a href="vbscript:msgbox('x')">a vbscript link</a>,
<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">a data link</a> and <a href="https://example.org/ok" onmouseover="alert('a')">a good link</a>. This sentence makes it long enough to keep.</p>
<script>document.write('<p>injected</p>')</script>
<iframe src="https://evil.example/frame"></iframe>
<object data="evil.swf"></object><embed src="evil.swf">
<form action="https://evil.example/post"><input name="q"><button>Send</button></form>
<p>Second paragraph <img src="x" onerror="alert('img')"> with more words so that it stays in the article body.</p>
<svg><script>alert('svg')</script></svg>
<p style="background:url(javascript:alert('css'))">Third paragraph, still part of the story, with enough words to keep.</p>
</article></body></html>"#;

/// Markup and schemes that must not survive into any output.
const FORBIDDEN: &[&str] = &[
    "<script",
    "<iframe",
    "<object",
    "<embed",
    "<form",
    "onload",
    "onclick",
    "onerror",
    "onmouseover",
    "javascript:",
    "vbscript:",
    "data:text/html",
    "alert(",
    "evil.example",
];

#[test]
fn nothing_executable_reaches_any_text_output() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "hostile.html", HOSTILE_PAGE);
    let out_dir = dir.path().join("out");
    let out = run(&[
        "convert",
        &page,
        "--to",
        "md,json",
        "-o",
        out_dir.to_str().unwrap(),
    ]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for ext in ["md", "json"] {
        let text = std::fs::read_to_string(out_dir.join(format!("hostile.{ext}"))).unwrap();
        assert!(
            text.contains("a good link"),
            "{ext}: the article itself is kept"
        );
        assert!(
            text.contains("https://example.org/ok"),
            "{ext}: safe links are kept"
        );
        for bad in FORBIDDEN {
            assert!(
                !text.to_lowercase().contains(bad),
                "{ext} output carries {bad:?}:\n{text}"
            );
        }
    }
}

#[test]
fn an_output_folder_that_cannot_be_created_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(
        dir.path(),
        "page.html",
        format!("<article><p>{FILLER}</p></article>"),
    );
    let blocker = write(
        dir.path(),
        "not-a-folder",
        "a file where the output folder should be",
    );
    let target = format!("{blocker}/out");
    let out = run(&["convert", &page, "-o", &target]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&target),
        "the error names the folder: {}",
        stderr(&out)
    );
    assert_eq!(stderr(&out).trim().lines().count(), 1, "{}", stderr(&out));
}

#[test]
fn a_full_disk_leaves_no_partial_file() {
    let dir = tempfile::tempdir().unwrap();
    let paragraphs: String = (0..2000)
        .map(|i| format!("<p>{i}. {FILLER}</p>\n"))
        .collect();
    let page = write(
        dir.path(),
        "page.html",
        format!("<article><h1>Big</h1>{paragraphs}</article>"),
    );
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    // Files may grow to 64 KiB: the page's JSON is larger, like a disk filling up.
    let out = run_limited(
        &[
            "convert",
            &page,
            "--to",
            "json",
            "-o",
            out_dir.to_str().unwrap(),
        ],
        Some(32),
    );
    no_panic(&out);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("page.html"), "{}", stderr(&out));
    let left: Vec<_> = std::fs::read_dir(&out_dir)
        .unwrap()
        .filter_map(Result::ok)
        .collect();
    assert!(
        left.is_empty(),
        "partial files left: {:?}",
        left.iter().map(|e| e.path()).collect::<Vec<_>>()
    );
}

/// Converts `page` to the formats `to` in `out_dir`: success, with `warning`
/// on standard error.
fn converts_with_warning(page: &str, to: &str, out_dir: &Path, warning: &str) {
    let out = run(&["convert", page, "--to", to, "-o", out_dir.to_str().unwrap()]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains(warning), "{}", stderr(&out));
}

/// A PNG file of a few kilobytes whose header declares `width` × `height`
/// pixels: decoding it would need width × height × 3 bytes.
fn png_declaring(width: u32, height: u32) -> Vec<u8> {
    use std::io::Write;
    fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        out.extend((data.len() as u32).to_be_bytes());
        out.extend(kind);
        out.extend(data);
        out.extend(crc.sum().to_be_bytes());
    }
    let mut header = Vec::new();
    header.extend(width.to_be_bytes());
    header.extend(height.to_be_bytes());
    header.extend([8, 2, 0, 0, 0]); // 8-bit RGB, no interlace
    let mut rows = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    rows.write_all(&vec![0; 64 * (1 + 3 * width as usize)])
        .unwrap();
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut png, b"IHDR", &header);
    chunk(&mut png, b"IDAT", &rows.finish().unwrap());
    chunk(&mut png, b"IEND", b"");
    png
}

#[test]
fn a_gigantic_image_is_left_out_of_the_pdf_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "huge.png", png_declaring(100_000, 100_000));
    let body = format!("<p>{FILLER}</p>").repeat(6);
    let page = write(
        dir.path(),
        "page.html",
        format!(
            "<html><head><title>Picture</title></head><body><article><h1>Picture</h1>{body}\
             <figure><img src=\"huge.png\"><figcaption>A very large picture</figcaption></figure>\
             {body}</article></body></html>"
        ),
    );
    let out_dir = dir.path().join("out");
    converts_with_warning(
        &page,
        "pdf,epub",
        &out_dir,
        "1 image left out of the PDF: larger than the limit",
    );
    assert!(out_dir.join("page.pdf").exists() && out_dir.join("page.epub").exists());
}

#[test]
fn a_pdf_stops_at_the_page_limit_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let paragraphs = format!("<p>{}</p>\n", FILLER.repeat(5)).repeat(8 * 1024 * 1024 / 420);
    let page = write(
        dir.path(),
        "long.html",
        format!("<html><body><article><h1>Long</h1>{paragraphs}</article></body></html>"),
    );
    let out_dir = dir.path().join("out");
    converts_with_warning(
        &page,
        "pdf",
        &out_dir,
        "the PDF is cut at the limit of 2000 pages",
    );
    let pdf = std::fs::read(out_dir.join("long.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF") && pdf.trim_ascii_end().ends_with(b"%%EOF"));
}
