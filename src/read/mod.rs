//! Readers: from an input's bytes to one or more [`Document`]s.
//!
//! The format is recognized by content first and by extension second
//! ([`detect`]); each format has its own module. gzip is undone first, so a
//! `page.html.gz` or a `crawl.warc.gz` reads like its uncompressed self. Most
//! inputs are one page read whole; a WARC archive is read record by record
//! ([`open`] gives an [`Opened::Archive`]), so its size does not matter.

pub mod charset;
pub mod gzip;
pub mod headers;
pub mod html;
mod json;
pub mod markdown;
pub mod mhtml;
pub mod saved_page;
pub mod warc;

use std::fs::File;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use crate::document::{Assets, Document};
use crate::error::{Error, Result};
use crate::limits::MAX_INPUT_BYTES;
use crate::sanitize;

/// How much of an input is looked at to recognize its format.
const SNIFF_BYTES: usize = 8192;

/// Every file extension galley reads, with the format it names; it is
/// replaced by the output's extension (`story.html` → `story.md`).
pub const INPUT_EXTENSIONS: &[(&str, Format)] = &[
    ("html", Format::Html),
    ("htm", Format::Html),
    ("xhtml", Format::Html),
    ("shtml", Format::Html),
    ("mhtml", Format::Mhtml),
    ("mht", Format::Mhtml),
    ("warc", Format::Warc),
    ("json", Format::Json),
    ("jsonl", Format::Json),
    ("md", Format::Markdown),
    ("markdown", Format::Markdown),
];

/// One input as the user named it, with its bytes.
#[derive(Debug, Clone)]
pub struct Input {
    /// How errors and reports name it: the path as given, or `-`.
    pub name: String,
    /// Its path on disk (`None` for standard input).
    pub path: Option<PathBuf>,
    /// The raw bytes.
    pub bytes: Vec<u8>,
}

/// The input formats galley reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// An HTML page (also a browser's "save page complete" page).
    Html,
    /// A page saved as one MIME message.
    Mhtml,
    /// A web archive; every HTML response record is a page.
    Warc,
    /// The article JSON of the contract.
    Json,
    /// Markdown, with or without YAML front matter.
    Markdown,
}

/// An input opened for reading.
pub enum Opened {
    /// One page, held in memory.
    Page(Input),
    /// A WARC archive, read one record at a time.
    Archive(warc::Responses<Box<dyn BufRead + Send>>),
}

/// Recognizes an input's (decompressed) format from its first bytes, then
/// from its extension (the one before `.gz` for a compressed file).
pub fn detect(bytes: &[u8], path: Option<&Path>) -> Option<Format> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if warc::is_warc(head) {
        return Some(Format::Warc);
    }
    if mhtml::is_mhtml(head) {
        return Some(Format::Mhtml);
    }
    let text = String::from_utf8_lossy(head);
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if (trimmed.starts_with('{') || trimmed.starts_with('[')) && trimmed.contains("\"headline\"") {
        return Some(Format::Json);
    }
    if markdown::looks_like_markdown(trimmed) {
        return Some(Format::Markdown);
    }
    let lower = trimmed.to_ascii_lowercase();
    if lower.starts_with('<')
        && [
            "<html",
            "<!doctype html",
            "<head",
            "<body",
            "<p",
            "<div",
            "<article",
            "<!--",
            "<meta",
            "<title",
        ]
        .iter()
        .any(|t| lower.contains(t))
    {
        return Some(Format::Html);
    }
    if is_binary(head) {
        return None;
    }
    let ext = extension(path?)?;
    INPUT_EXTENSIONS
        .iter()
        .find(|(e, _)| *e == ext)
        .map(|(_, format)| *format)
}

/// A path's extension in lower case, looking through a final `.gz`.
pub fn extension(path: &Path) -> Option<String> {
    let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
    if ext == "gz" {
        return Path::new(path.file_stem()?)
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .or(Some(ext));
    }
    Some(ext)
}

/// Whether bytes are binary data rather than text in some charset (a
/// UTF-16 page starts with a byte-order mark, which is checked first).
fn is_binary(head: &[u8]) -> bool {
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x09 || (0x0E..0x1B).contains(&b))
        .count();
    controls * 20 > head.len()
}

/// Opens an input on disk, or standard input for `-`: a page is read
/// whole, an archive is left open to be read record by record.
pub fn open(path: &Path) -> Result<Opened> {
    let stdin = path.as_os_str() == "-";
    let mut reader: Box<dyn BufRead + Send> = if stdin {
        Box::new(BufReader::new(std::io::stdin()))
    } else {
        Box::new(BufReader::new(File::open(path).map_err(Error::Read)?))
    };
    if gzip::is_gzip(reader.fill_buf().map_err(Error::Read)?) {
        reader = Box::new(BufReader::new(gzip::reader(reader)));
    }
    let mut head = Vec::new();
    reader
        .by_ref()
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut head)
        .map_err(gzip::stream_error)?;
    if warc::is_warc(&head) {
        let stream: Box<dyn BufRead + Send> = Box::new(Cursor::new(head).chain(reader));
        return Ok(Opened::Archive(warc::Responses::new(stream)));
    }
    let mut bytes = head;
    reader
        .take(MAX_INPUT_BYTES + 1 - bytes.len() as u64)
        .read_to_end(&mut bytes)
        .map_err(gzip::stream_error)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(Error::Limit {
            limit: "page size",
            detail: format!("more than {MAX_INPUT_BYTES} bytes"),
        });
    }
    Ok(Opened::Page(Input {
        name: path.display().to_string(),
        path: (!stdin).then(|| path.to_path_buf()),
        bytes,
    }))
}

/// Reads every article an input holds, each passed through the
/// [`sanitize`](crate::sanitize) policy. An archive's records that hold no
/// article are left out; it fails only when none holds one.
pub fn read(input: &Input) -> Result<Vec<Document>> {
    let mut docs = if gzip::is_gzip(&input.bytes) {
        read_format(&Input {
            name: input.name.clone(),
            path: input.path.clone(),
            bytes: gzip::decompress(&input.bytes, MAX_INPUT_BYTES)?,
        })?
    } else {
        read_format(input)?
    };
    for doc in &mut docs {
        sanitize::article(&mut doc.article);
    }
    Ok(docs)
}

/// Reads an input as its format says, before the article policy applies.
fn read_format(input: &Input) -> Result<Vec<Document>> {
    if input.bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::NoArticle);
    }
    let assets = || {
        input
            .path
            .as_deref()
            .map(Assets::beside)
            .unwrap_or_default()
    };
    let single = |article| {
        Ok(vec![Document {
            article,
            assets: assets(),
            member: None,
        }])
    };
    match detect(&input.bytes, input.path.as_deref()) {
        Some(Format::Html) => Ok(vec![read_html(&input.bytes, None, None, assets())?]),
        Some(Format::Mhtml) => {
            let page = mhtml::parse(&input.bytes)?;
            let mut doc = read_html(
                &page.html,
                page.charset.as_deref(),
                page.url,
                Assets::default(),
            )?;
            doc.assets.parts = page.parts;
            Ok(vec![doc])
        }
        Some(Format::Warc) => collect_archive(warc::Responses::new(&input.bytes[..])),
        Some(Format::Json) => Ok(json::read(&input.bytes)?
            .into_iter()
            .map(|article| Document {
                article,
                assets: assets(),
                member: None,
            })
            .collect()),
        Some(Format::Markdown) => single(markdown::read(&charset::decode(&input.bytes, None))?),
        None if is_binary(&input.bytes[..input.bytes.len().min(SNIFF_BYTES)]) => {
            Err(Error::Unsupported("binary data, not a page".into()))
        }
        None => Err(Error::Unsupported(
            "not HTML, MHTML, WARC, article JSON or Markdown".into(),
        )),
    }
}

/// Opens and reads every article of an input on disk (`-`: standard input).
pub fn read_path(path: &Path) -> Result<Vec<Document>> {
    match open(path)? {
        Opened::Page(input) => read(&input),
        Opened::Archive(responses) => collect_archive(responses),
    }
}

/// Every article of an archive; the records that hold none are left out,
/// and the archive fails only when no record holds one.
fn collect_archive(
    responses: impl Iterator<Item = Result<warc::Response>>,
) -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    let mut first_error = None;
    for response in responses {
        match response.and_then(read_response) {
            Ok(doc) => docs.push(doc),
            Err(e) => first_error = first_error.or(Some(e)),
        }
    }
    match (docs.is_empty(), first_error) {
        (true, Some(e)) => Err(e),
        (true, None) => Err(Error::NoArticle),
        _ => Ok(docs),
    }
}

/// The article of one WARC record, named by its URL.
pub fn read_response(response: warc::Response) -> Result<Document> {
    let body = response.body?;
    let mut doc = read_html(
        &body,
        response.charset.as_deref(),
        Some(response.url.clone()).filter(|u| !u.is_empty()),
        Assets::default(),
    )?;
    doc.member = Some(response.url);
    sanitize::article(&mut doc.article);
    Ok(doc)
}

/// Decodes and extracts an HTML page; `url` is what is known of its address
/// from outside (a WARC record, an MHTML header), else the page's own
/// "saved from" comment.
fn read_html(
    bytes: &[u8],
    charset_hint: Option<&str>,
    url: Option<String>,
    assets: Assets,
) -> Result<Document> {
    let text = charset::decode(bytes, charset_hint);
    let hints = html::Hints {
        url: url.or_else(|| saved_page::saved_from_url(&text)),
    };
    Ok(Document {
        article: html::read(&text, &hints)?,
        assets,
        member: None,
    })
}
