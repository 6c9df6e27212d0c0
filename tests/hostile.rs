//! Hostile and broken input, run as a user runs galley: every case ends with a
//! clean article or one clear error line — never a panic, a hang, runaway
//! memory, a half-written file, or anything executable in the output.
//!
//! Inputs are generated here, not stored. Each run is bounded by a generous
//! time-out and a 1 GiB address-space limit so that a regression fails the
//! test instead of stalling the suite; these are guards, not benchmarks.

mod support;

use std::io::{Read, Write as _};
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
    run_within(args, fsize_kib, TIME_LIMIT)
}

/// [`run_limited`], stopped as a hang after `time_limit`.
fn run_within(args: &[&str], fsize_kib: Option<u64>, time_limit: Duration) -> Output {
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
        if start.elapsed() > time_limit {
            let _ = child.kill();
            panic!("galley {args:?} still running after {time_limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    // Seen with `--nocapture`: how long each case took, to compare with
    // the issue's 30 s on one core.
    eprintln!("{:>7.2?}  galley {}", start.elapsed(), args.join(" "));
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

/// Every output format: each case converts to all of them.
const FORMATS: &str = "md,json,epub,pdf,html";

/// Every format but PDF, for a case whose PDF run is a test of its own (so
/// each run's time is seen apart).
const NOT_PDF: &str = "md,json,epub,html";

/// The outputs of one conversion to every format, by extension.
struct Outputs {
    dir: PathBuf,
    stem: String,
}

impl Outputs {
    fn path(&self, ext: &str) -> PathBuf {
        self.dir.join(format!("{}.{ext}", self.stem))
    }

    /// A text output (md, json, html).
    fn text(&self, ext: &str) -> String {
        String::from_utf8(std::fs::read(self.path(ext)).unwrap()).expect("UTF-8 output")
    }

    /// The EPUB's entries whose names end with `suffix`, as text.
    fn epub_entries(&self, suffix: &str) -> Vec<(String, Vec<u8>)> {
        let file = std::fs::File::open(self.path("epub")).unwrap();
        let mut zip = zip::ZipArchive::new(file).expect("an EPUB is a zip");
        let mut out = Vec::new();
        for i in 0..zip.len() {
            let mut entry = zip.by_index(i).unwrap();
            let name = entry.name().unwrap().to_string();
            if name.ends_with(suffix) {
                let mut bytes = Vec::new();
                entry.read_to_end(&mut bytes).unwrap();
                out.push((name, bytes));
            }
        }
        out
    }

    /// Every text output and the EPUB's chapters, lower-cased, with a name.
    fn all_text(&self) -> Vec<(String, String)> {
        let mut texts: Vec<(String, String)> = ["md", "json", "html"]
            .iter()
            .filter(|ext| self.path(ext).exists())
            .map(|ext| (ext.to_string(), self.text(ext).to_lowercase()))
            .collect();
        for (name, bytes) in self.epub_entries(".xhtml") {
            texts.push((name, String::from_utf8_lossy(&bytes).to_lowercase()));
        }
        texts
    }
}

/// Converts a page to every format (in a folder beside it): success, the
/// outputs, and what galley said on standard error.
fn convert_all(page: &str, extra: &[&str]) -> (Outputs, String) {
    convert_to(page, FORMATS, extra)
}

/// Converts a page to `formats` (in a folder beside it): success, the
/// outputs, and what galley said on standard error.
fn convert_to(page: &str, formats: &str, extra: &[&str]) -> (Outputs, String) {
    let path = Path::new(page);
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let stem = name
        .split('.')
        .next()
        .filter(|s| !s.is_empty())
        .unwrap_or(&name)
        .to_string();
    let dir = path.parent().unwrap().join(format!("out-{stem}"));
    let mut args = vec![
        "convert",
        page,
        "--to",
        formats,
        "-o",
        dir.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let out = run(&args);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "{page}: {}", stderr(&out));
    (Outputs { dir, stem }, stderr(&out))
}

/// Converts a page to every format and returns the article JSON.
fn convert_ok(page: &str) -> String {
    convert_all(page, &[]).0.text("json")
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
fn a_headline_of_a_hundred_thousand_characters_converts() {
    // Found by fuzzing: a `<title>` left open swallows the page, and each
    // PDF page fitted the whole headline as its running head.
    let dir = tempfile::tempdir().unwrap();
    let headline = "Council budget vote ".repeat(5_000);
    let page = format!(
        "<html><head><title>{headline}</title></head><body><article><h1>{headline}</h1>{}</article></body></html>",
        format!("<p>{FILLER}</p>").repeat(300)
    );
    let json = convert_ok(&write(dir.path(), "headline.html", page));
    assert!(json.contains(FILLER));
}

#[test]
fn a_letter_that_grows_when_lowercased_converts_to_pdf() {
    // Found by fuzzing: hyphenation offsets come from the lowercased word,
    // and `Ⱦ` (two bytes) lowercases to `ⱦ` (three).
    let dir = tempfile::tempdir().unwrap();
    let paragraph = "Работники типȾграфии вышли на улицу после смены. ".repeat(20);
    let page = format!(
        "<html lang=\"ru\"><head><title>Типография</title></head><body><article><h1>Типография</h1>{}</article></body></html>",
        format!("<p>{paragraph}</p>").repeat(5)
    );
    let (outputs, _) = convert_to(&write(dir.path(), "letters.html", page), "pdf", &[]);
    assert!(outputs.path("pdf").exists());
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
fn a_table_with_twenty_thousand_columns_converts() {
    let dir = tempfile::tempdir().unwrap();
    let row = format!("<tr>{}</tr>", "<td>cell</td>".repeat(20_000));
    let page = format!(
        "<html><body><article><p>{FILLER}</p><table>{row}{row}</table><p>{FILLER}</p></article></body></html>"
    );
    let (outputs, _) = convert_all(&write(dir.path(), "wide.html", page), &[]);
    assert!(outputs.text("md").contains("cell"));
}

/// A paragraph of a million entities (no break opportunity in it).
fn million_entities(dir: &Path) -> String {
    let page = format!(
        "<html><body><article><p>{FILLER}</p><p>{}</p><p>{FILLER}</p></article></body></html>",
        "&amp;&#x41;&eacute;".repeat(1_000_000 / 3)
    );
    write(dir, "entities.html", page)
}

#[test]
fn a_million_entities_convert() {
    let dir = tempfile::tempdir().unwrap();
    let page = million_entities(dir.path());
    let (outputs, _) = convert_to(&page, NOT_PDF, &[]);
    assert!(outputs.text("json").contains("&Aé&Aé"));
}

#[test]
fn a_million_entities_convert_to_pdf() {
    let dir = tempfile::tempdir().unwrap();
    convert_to(&million_entities(dir.path()), "pdf", &[]);
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

/// Asserts that no output of a conversion carries anything of [`FORBIDDEN`].
fn nothing_forbidden_in(outputs: &Outputs) {
    for (name, text) in outputs.all_text() {
        for bad in FORBIDDEN {
            assert!(!text.contains(bad), "{name} carries {bad:?}:\n{text}");
        }
    }
}

#[test]
fn nothing_executable_reaches_any_output() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "hostile.html", HOSTILE_PAGE);
    let (outputs, _) = convert_all(&page, &[]);
    for ext in ["md", "json", "html"] {
        let text = outputs.text(ext);
        assert!(
            text.contains("a good link"),
            "{ext}: the article itself is kept"
        );
        assert!(
            text.contains("https://example.org/ok"),
            "{ext}: safe links are kept"
        );
    }
    nothing_forbidden_in(&outputs);
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
        "image huge.png left out, larger than the limit of 64 megapixels (pdf)",
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
        "the text is cut at the limit of 2000 pages; the rest is left out (pdf)",
    );
    let pdf = std::fs::read(out_dir.join("long.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF") && pdf.trim_ascii_end().ends_with(b"%%EOF"));
}

#[test]
fn unsafe_links_from_every_reader_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    let json = serde_json::json!({
        "headline": "Links from JSON",
        "url": "javascript:alert('url')",
        "image": "data:text/html,<script>alert('image')</script>",
        "blocks": [
            {"type": "paragraph", "text": "A script link and a data link, in an article that has enough words.",
             "inlines": [
                {"type": "link", "href": "javascript:alert('link')", "children": [{"type": "text", "text": "A script link"}]},
                {"type": "text", "text": " and "},
                {"type": "link", "href": "data:text/html,<script>alert('data')</script>", "children": [{"type": "text", "text": "a data link"}]},
                {"type": "text", "text": ", in an article that has enough words."}
             ]},
            {"type": "image", "text": "", "src": "javascript:alert('src')", "alt": "", "caption": "A caption kept as text"}
        ]
    });
    let markdown = "---\ntitle: Links from Markdown\nurl: \"javascript:alert('url')\"\n---\n\n\
        A [script link](javascript:alert('link')), an autolink <javascript:alert('auto')>, \
        a [reference link][ref] and a [data link](data:text/html,alert('data')) in a paragraph long enough.\n\n\
        ![picture](javascript:alert('img'))\n\n[ref]: vbscript:msgbox('ref')\n";
    let html = format!(
        "<html><body><article><h1>Images from HTML</h1><p>{FILLER}</p>\
         <img src=\"javascript:alert('img')\"><img src=\"data:text/html;base64,PHNjcmlwdD4=\">\
         <p>{FILLER}</p></article></body></html>"
    );
    for (name, input) in [
        ("links.json", json.to_string()),
        ("links.md", markdown.to_string()),
        ("images.html", html),
    ] {
        let (outputs, _) = convert_all(&write(dir.path(), name, input), &[]);
        no_unsafe_targets_in(&outputs);
        let article: serde_json::Value = serde_json::from_str(&outputs.text("json")).unwrap();
        assert!(article["url"].is_null(), "{name}: {article}");
    }
}

/// Asserts that no link, image source or URL of any output has an unsafe
/// scheme (their text may stay, as text: an autolink's is its address).
fn no_unsafe_targets_in(outputs: &Outputs) {
    let prefixes = [
        "href=\"",
        "src=\"",
        "](",
        "\"href\": \"",
        "\"src\": \"",
        "\"url\": \"",
        "\"image\": \"",
        "url: ",
    ];
    for (name, text) in outputs.all_text() {
        for scheme in ["javascript:", "vbscript:", "data:text/html"] {
            for before in prefixes {
                let target = format!("{before}{scheme}");
                assert!(
                    !text.contains(&target),
                    "{name} carries {target:?}:\n{text}"
                );
            }
        }
    }
}

#[test]
fn control_characters_are_removed_from_every_text() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(
        dir.path(),
        "controls.html",
        format!(
            "<html><head><title>Title\u{1b}]0;owned\u{7}</title></head><body><article>\
             <h1>Title\u{1b}]0;owned\u{7}</h1><p>Bell\u{7} escape\u{1b}[2J and\u{10} DLE. {FILLER}</p>\
             <p>{FILLER}</p></article></body></html>"
        ),
    );
    let (outputs, _) = convert_all(&page, &[]);
    for (name, text) in outputs.all_text() {
        assert!(
            !text.contains(['\u{1b}', '\u{7}', '\u{10}'])
                && !text.contains("\\u001b")
                && !text.contains("\\u0007"),
            "{name} keeps a control character:\n{text}"
        );
    }
    let inspected = run(&["inspect", &page]);
    no_panic(&inspected);
    assert!(
        !inspected.stdout.iter().any(|&b| b == 0x1b || b == 0x07),
        "inspect prints control characters"
    );
}

/// Writes a page named `name` whose article is titled `title`, opens with a
/// paragraph of filler and goes on with `body`.
fn article_page(dir: &Path, name: &str, title: &str, body: &str) -> String {
    write(
        dir,
        name,
        format!(
            "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>\
             <p>{FILLER}</p>{body}</article></body></html>"
        ),
    )
}

/// `<svg …>` images that can run script or reach outside the book, each as
/// epubcheck or a reading system would see it.
const HOSTILE_SVGS: &[&str] = &[
    r#"<svg/onload=alert(1)>"#,
    "<svg xmlns=\"http://www.w3.org/2000/svg\"\nonload=\"alert(1)\"><rect/></svg>",
    r#"<svg xmlns="http://www.w3.org/2000/svg"><animate onbegin="alert(1)" attributeName="x"/></svg>"#,
    r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="javascript&#58;alert(1)"><rect width="5" height="5"/></a></svg>"#,
    r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(1)</h:script></svg>"#,
    r#"<svg xmlns="http://www.w3.org/2000/svg"><use href="//evil.example/s.svg#x"/></svg>"#,
    r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href = "https://evil.example/s.svg#x"/></svg>"#,
    r#"<svg xmlns="http://www.w3.org/2000/svg"><rect width="5" height="5" fill="url('http://evil.example/p.svg#p')"/></svg>"#,
];

/// A drawing with nothing outside itself: it is kept.
const SAFE_SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 30"><defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs><rect width="40" height="30" fill="url(#g)"/></svg>"##;

#[test]
fn only_allow_listed_svg_reaches_an_epub() {
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("drawings_files");
    std::fs::create_dir(&files).unwrap();
    let mut figures = String::new();
    for (n, svg) in HOSTILE_SVGS.iter().chain([&SAFE_SVG]).enumerate() {
        std::fs::write(files.join(format!("d{n}.svg")), svg).unwrap();
        figures.push_str(&format!(
            "<figure><img src=\"drawings_files/d{n}.svg\"><figcaption>Drawing {n}</figcaption></figure><p>{FILLER}</p>"
        ));
    }
    let page = article_page(dir.path(), "drawings.html", "Drawings", &figures);
    let (outputs, warnings) = convert_all(&page, &[]);
    let svgs = outputs.epub_entries(".svg");
    assert_eq!(svgs.len(), 1, "only the safe drawing is embedded");
    assert_eq!(svgs[0].1, SAFE_SVG.as_bytes());
    assert!(
        warnings.contains(&format!(
            "{} images left out, in a format the output cannot show",
            HOSTILE_SVGS.len()
        )),
        "{warnings}"
    );
    let opf = outputs.epub_entries(".opf");
    assert!(!String::from_utf8_lossy(&opf[0].1).contains("scripted"));
    epubcheck_passes(&outputs.path("epub"));
}

/// Runs epubcheck (installed by `make deps`) on a book: no error, no warning.
fn epubcheck_passes(book: &Path) {
    let out = Command::new("java")
        .arg("-jar")
        .arg(support::epubcheck_jar())
        .arg(book)
        .output()
        .expect("java runs");
    let report =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && !report.contains("WARNING"),
        "epubcheck: {report}"
    );
}

/// A gzip-compressed MHTML file whose image part holds `base64_bytes` of
/// base64 (a few hundred kilobytes compressed).
fn mhtml_with_big_part(base64_bytes: usize) -> Vec<u8> {
    let boundary = "----b";
    let body = format!("<p>{FILLER}</p>").repeat(20);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    write!(
        gz,
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.example/a/story.html\r\n\
         MIME-Version: 1.0\r\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"{boundary}\"\r\n\r\n\
         --{boundary}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Location: https://news.example/a/story.html\r\n\r\n\
         <html><head><title>Big part</title></head><body><article><h1>Big part</h1>{body}\
         <img src=\"https://news.example/a/big.png\"><img src=\"big.png\"><img src=\"cid:big@x\"></article></body></html>\r\n\
         --{boundary}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\
         Content-Location: https://news.example/a/big.png\r\nContent-ID: <big@x>\r\n\r\n"
    )
    .unwrap();
    let line = format!("{}\r\n", "A".repeat(76));
    let block = line.repeat(1000);
    for _ in 0..base64_bytes / block.len() {
        gz.write_all(block.as_bytes()).unwrap();
    }
    write!(gz, "\r\n--{boundary}--\r\n").unwrap();
    gz.finish().unwrap()
}

#[test]
fn a_190_megabyte_mhtml_part_converts_to_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "big.mhtml.gz", mhtml_with_big_part(190 << 20));
    let (outputs, _) = convert_all(&page, &[]);
    assert!(outputs.text("md").contains(FILLER));
}

#[test]
fn six_large_inputs_at_six_jobs_share_the_memory_limit() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    let bytes = mhtml_with_big_part(150 << 20);
    for n in 0..6 {
        std::fs::write(inputs.join(format!("big{n}.mhtml.gz")), &bytes).unwrap();
    }
    let out_dir = dir.path().join("out");
    let out = run(&[
        "convert",
        inputs.to_str().unwrap(),
        "--jobs",
        "6",
        "--to",
        "md",
        "-o",
        out_dir.to_str().unwrap(),
    ]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_dir(&out_dir)
            .unwrap()
            .filter(|e| e
                .as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "md"))
            .count(),
        6
    );
}

#[test]
fn a_sixty_thousand_character_boundary_converts() {
    let dir = tempfile::tempdir().unwrap();
    // A boundary of dashes in a part of dashes: every position of the part
    // matches all but the end of the delimiter (a search that compares
    // window by window took 25 s on a hundred such lines).
    let boundary = "-".repeat(60_000);
    let near_miss = format!("{}\r\n", "-".repeat(60_001));
    let message = format!(
        "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"{boundary}\"\r\n\r\n\
         --{boundary}\r\nContent-Type: text/html\r\n\r\n\
         <html><body><article><h1>Long boundary</h1><p>{FILLER}</p><p>{FILLER}</p></article></body></html>\r\n\
         --{boundary}\r\nContent-Type: text/plain\r\n\r\n{}\r\n--{boundary}--\r\n",
        near_miss.repeat(400)
    );
    let page = write(dir.path(), "boundary.mhtml.gz", gzipped(message.as_bytes()));
    let json = convert_ok(&page);
    assert!(json.contains(FILLER));
}

/// `bytes` gzip-compressed.
fn gzipped(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

#[cfg(unix)]
#[test]
fn saved_page_resources_stay_inside_the_page_folder() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let files = dir.path().join("page_files");
    std::fs::create_dir(&files).unwrap();
    let secret = outside.path().join("secret.png");
    std::fs::write(&secret, png_declaring(20, 20)).unwrap();
    std::os::unix::fs::symlink(&secret, files.join("link.png")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", files.join("zero.png")).unwrap();
    let fifo = files.join("fifo.png");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let mut corrupt = png_declaring(20, 20);
    corrupt.truncate(40);
    std::fs::write(files.join("corrupt.png"), corrupt).unwrap();
    let figures: String = ["link", "zero", "fifo", "corrupt"]
        .iter()
        .map(|n| format!("<figure><img src=\"page_files/{n}.png\"><figcaption>{n}</figcaption></figure><p>{FILLER}</p>"))
        .collect();
    let page = article_page(dir.path(), "page.html", "Files", &figures);
    let (outputs, warnings) = convert_all(&page, &[]);
    assert!(outputs.epub_entries(".png").is_empty(), "{warnings}");
    assert!(
        warnings.contains("3 images left out, missing locally: page_files/link.png, page_files/zero.png, page_files/fifo.png (md, epub, pdf, html)")
            && warnings.contains("image page_files/corrupt.png left out, in a format the output cannot show (epub, pdf)"),
        "{warnings}"
    );
    epubcheck_passes(&outputs.path("epub"));
}

/// A page of 510,000 closed `<i>` elements: over a million tags, half the
/// element limit.
fn closed_italics(dir: &Path) -> String {
    let italics = "<i>word</i> ".repeat(510_000 / 100);
    let paragraphs = format!("<p>{FILLER} {italics}</p>\n").repeat(100);
    write(
        dir,
        "italics.html",
        format!("<html><body><article><h1>Italics</h1>{paragraphs}</article></body></html>"),
    )
}

#[test]
fn closed_elements_count_once_against_the_element_limit() {
    let dir = tempfile::tempdir().unwrap();
    let (outputs, _) = convert_all(&closed_italics(dir.path()), &[]);
    assert!(outputs.text("json").contains(FILLER));
    assert!(outputs.text("html").contains("<em>word</em>"));
}

/// The fuzz targets and the extension that selects each one's reader.
const FUZZ_TARGETS: [(&str, &str); 5] = [
    ("html", "html"),
    ("mhtml", "mhtml"),
    ("warc", "warc"),
    ("markdown", "md"),
    ("json", "json"),
];

/// A hang guard for one fuzz target's inputs in one batch: each input takes
/// well under a second.
const FUZZ_BATCH_TIME_LIMIT: Duration = Duration::from_secs(600);

/// The inputs the fuzz targets start from and the ones their runs kept
/// (`fuzz/seeds/TARGET`, and `fuzz/corpus/TARGET` minimised with `cargo
/// fuzz cmin`), converted as a user would: one batch per target, each input
/// named for the target's reader, to every format, under the memory limit.
/// Each converts or fails with its one line; none panics.
#[test]
fn every_fuzz_input_converts_or_fails_with_one_line() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    for (target, ext) in FUZZ_TARGETS {
        let dir = tempfile::tempdir().unwrap();
        let inputs = dir.path().join("in");
        std::fs::create_dir(&inputs).unwrap();
        let mut count = 0;
        for kept in ["seeds", "corpus"] {
            let Ok(entries) = std::fs::read_dir(fuzz.join(kept).join(target)) else {
                continue;
            };
            for entry in entries {
                let path = entry.unwrap().path();
                let stem = path.file_stem().unwrap().to_string_lossy();
                std::fs::copy(&path, inputs.join(format!("{kept}-{stem}.{ext}"))).unwrap();
                count += 1;
            }
        }
        assert!(count > 0, "no fuzz inputs for {target}");
        let out_dir = dir.path().join("out");
        let out = run_within(
            &[
                "convert",
                &inputs.to_string_lossy(),
                "--to",
                FORMATS,
                "-o",
                &out_dir.to_string_lossy(),
            ],
            None,
            FUZZ_BATCH_TIME_LIMIT,
        );
        no_panic(&out);
        let err = stderr(&out);
        assert!(!err.contains("internal error"), "{target}: {err}");
        assert!(matches!(out.status.code(), Some(0 | 1)), "{target}: {err}");
        // Nothing lost: converted, skipped, partly converted and failed
        // inputs add up to all of them.
        let summary = err.lines().last().unwrap_or_default();
        let counted: usize = summary
            .trim_start_matches("galley: ")
            .split(", ")
            .filter(|part| !part.contains("warning"))
            .map(|part| part.split(' ').next().unwrap().parse::<usize>().unwrap())
            .sum();
        assert_eq!(counted, count, "{target}: {summary}");
        eprintln!("{target}: {count} inputs, {summary}");
    }
}
