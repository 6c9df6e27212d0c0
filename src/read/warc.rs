//! WARC archives (`.warc`, `.warc.gz` compressed record by record): every
//! HTML `response` (or `resource`) record is a page, its `WARC-Target-URI`
//! the page's URL and its HTTP `Content-Type` charset the charset hint.
//!
//! Records are read one at a time from a stream, so an archive of any size
//! takes the memory of its largest page; records that are not HTML pages
//! (requests, metadata, images, redirects) are skipped without being held.
//! A record whose HTTP message is broken fails alone: its `Content-Length`
//! still frames it, so the records after it are read. Only a broken frame
//! (a header or length that cannot be trusted, a cut-short record) ends the
//! archive.
//!
//! The framing is read here rather than with the `warc` crate (0.4): that
//! crate reads a record's whole block into memory before its type is known
//! and stops at the first bad header, where galley must skip large non-page
//! records unread and say which length was wrong.

use std::io::{BufRead, Read};

use super::headers::{self, Fields};
use crate::error::{Error, Result};

/// A record whose payload is larger than this is skipped unread: pages are
/// kilobytes to a few megabytes, bigger payloads are media or bulk data.
const MAX_PAGE_RECORD_BYTES: u64 = 64 << 20;

/// A header block longer than this is not a WARC header (a binary file).
const MAX_HEADER_BYTES: usize = 64 << 10;

/// One HTML page found in an archive.
#[derive(Debug)]
pub struct Response {
    /// The record's `WARC-Target-URI`.
    pub url: String,
    /// The charset of the HTTP `Content-Type`, when it names one.
    pub charset: Option<String>,
    /// The page's bytes, or why they cannot be had (e.g. an unknown
    /// `Content-Encoding`).
    pub body: Result<Vec<u8>>,
}

/// The HTML pages of an archive, in record order. A framing error (a
/// truncated record, a broken gzip member) ends the iteration after yielding
/// it; the pages before it are still read.
pub struct Responses<R> {
    reader: R,
    done: bool,
}

impl<R: BufRead> Responses<R> {
    /// Reads the pages of an uncompressed WARC stream (wrap a compressed one
    /// in [`super::gzip::reader`] first).
    pub fn new(reader: R) -> Self {
        Responses {
            reader,
            done: false,
        }
    }

    /// The next record: `None` at the end, `Some(None)` for a skipped record.
    fn next_record(&mut self) -> Result<Option<Option<Response>>> {
        let Some(version) = self.next_nonblank_line()? else {
            return Ok(None);
        };
        if !version.starts_with("WARC/") {
            return Err(malformed(format!(
                "expected a record header, found {:?}",
                truncate(&version, 40)
            )));
        }
        let headers = self.headers()?;
        let length = content_length(headers.get("content-length"))?;
        let kind = headers.get("warc-type").unwrap_or("").to_ascii_lowercase();
        let content_type = headers
            .get("content-type")
            .unwrap_or("")
            .to_ascii_lowercase();
        let url = headers
            .get("warc-target-uri")
            .map(|u| {
                u.trim()
                    .trim_start_matches('<')
                    .trim_end_matches('>')
                    .to_string()
            })
            .unwrap_or_default();
        let http = kind == "response" && content_type.starts_with("application/http");
        let resource = kind == "resource" && is_html_type(&content_type);
        if !(http || resource) || length > MAX_PAGE_RECORD_BYTES {
            self.skip(length)?;
            return Ok(Some(None));
        }
        let mut block = Vec::with_capacity(length as usize);
        (&mut self.reader)
            .take(length)
            .read_to_end(&mut block)
            .map_err(super::gzip::stream_error)?;
        if (block.len() as u64) < length {
            return Err(malformed("the last record is cut short".into()));
        }
        if resource {
            let charset = headers::param(&content_type, "charset");
            return Ok(Some(Some(Response {
                url,
                charset,
                body: Ok(block),
            })));
        }
        Ok(Some(http_page(url, &block)))
    }

    /// The next line, its line break included, cut at [`MAX_HEADER_BYTES`];
    /// empty at the end of the stream.
    fn read_line(&mut self) -> Result<Vec<u8>> {
        let mut line = Vec::new();
        (&mut self.reader)
            .take(MAX_HEADER_BYTES as u64)
            .read_until(b'\n', &mut line)
            .map_err(super::gzip::stream_error)?;
        Ok(line)
    }

    /// The next line that is not blank (records are separated by blank lines).
    fn next_nonblank_line(&mut self) -> Result<Option<String>> {
        loop {
            let line = self.read_line()?;
            if line.is_empty() {
                return Ok(None);
            }
            let text = String::from_utf8_lossy(&line);
            if !text.trim().is_empty() {
                return Ok(Some(text.trim().to_string()));
            }
        }
    }

    /// The named fields up to the blank line ending a record header (a
    /// line that is no field is passed over).
    fn headers(&mut self) -> Result<Fields> {
        let mut fields = Fields::default();
        let mut total = 0;
        loop {
            let line = self.read_line()?;
            total += line.len();
            if line.is_empty() {
                return Err(malformed("the last record header is cut short".into()));
            }
            if total > MAX_HEADER_BYTES {
                return Err(malformed("record header too long".into()));
            }
            let text = String::from_utf8_lossy(&line);
            let text = text.trim_end_matches(['\r', '\n']);
            if text.is_empty() {
                return Ok(fields);
            }
            fields.push_line(text);
        }
    }

    /// Reads past a record's block without keeping it.
    fn skip(&mut self, length: u64) -> Result<()> {
        let copied = std::io::copy(&mut (&mut self.reader).take(length), &mut std::io::sink())
            .map_err(super::gzip::stream_error)?;
        if copied < length {
            return Err(malformed("the last record is cut short".into()));
        }
        Ok(())
    }
}

impl<R: BufRead> Iterator for Responses<R> {
    type Item = Result<Response>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.next_record() {
                Ok(Some(Some(response))) => return Some(Ok(response)),
                Ok(Some(None)) => {}
                Ok(None) => self.done = true,
                Err(error) => {
                    self.done = true;
                    return Some(Err(error));
                }
            }
        }
        None
    }
}

/// Whether bytes start a WARC record.
pub fn is_warc(bytes: &[u8]) -> bool {
    bytes.trim_ascii_start().starts_with(b"WARC/")
}

/// The page inside an HTTP response block, if it is a successful HTML one;
/// a block that is no HTTP response is a page that fails with the reason.
fn http_page(url: String, block: &[u8]) -> Option<Response> {
    let broken = |reason: &str| {
        Some(Response {
            url: url.clone(),
            charset: None,
            body: Err(malformed(format!("record's HTTP response {reason}"))),
        })
    };
    if block.trim_ascii().is_empty() {
        return broken("is empty");
    }
    let Some((head, body)) = split_http(block) else {
        return broken("has no blank line after its header");
    };
    let head = String::from_utf8_lossy(head);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("");
    let Some(status) = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse::<u16>().ok())
    else {
        return broken(&format!(
            "has no numeric status: {:?}",
            truncate(status_line, 40)
        ));
    };
    if !(200..300).contains(&status) {
        return None;
    }
    let mut fields = Fields::default();
    for (name, value) in lines.filter_map(|l| l.split_once(':')) {
        fields.push(name, value);
    }
    let content_type = fields
        .get("content-type")
        .unwrap_or("")
        .to_ascii_lowercase();
    let sniffed_html = content_type.is_empty() && looks_like_html(body);
    if !is_html_type(&content_type) && !sniffed_html {
        return None;
    }
    let chunked = fields
        .get("transfer-encoding")
        .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
    let body = if chunked {
        dechunk(body).unwrap_or_else(|| body.to_vec())
    } else {
        body.to_vec()
    };
    let body = match fields.get("content-encoding").map(str::to_ascii_lowercase) {
        None => Ok(body),
        Some(e) if e.is_empty() || e == "identity" => Ok(body),
        Some(e) if e == "gzip" || e == "x-gzip" => {
            super::gzip::decompress(&body, MAX_PAGE_RECORD_BYTES)
        }
        Some(e) => Err(Error::Unsupported(format!("Content-Encoding {e}"))),
    };
    Some(Response {
        url,
        charset: headers::param(&content_type, "charset"),
        body,
    })
}

/// A record's `Content-Length`: a missing, negative, overflowing or
/// non-numeric one leaves the rest of the archive unframed.
fn content_length(value: Option<&str>) -> Result<u64> {
    let Some(value) = value.map(str::trim) else {
        return Err(malformed("record without a Content-Length".into()));
    };
    let digits = value.strip_prefix('+').unwrap_or(value);
    if let Some(magnitude) = value.strip_prefix('-')
        && !magnitude.is_empty()
        && magnitude.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(malformed(format!(
            "record with a negative Content-Length ({value})"
        )));
    }
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return digits.parse().map_err(|_| {
            malformed(format!(
                "record with a Content-Length that overflows ({})",
                truncate(value, 40)
            ))
        });
    }
    Err(malformed(format!(
        "record with a non-numeric Content-Length ({:?})",
        truncate(value, 40)
    )))
}

/// Splits an HTTP message at the blank line after its header.
fn split_http(block: &[u8]) -> Option<(&[u8], &[u8])> {
    if let Some(i) = block.windows(4).position(|w| w == b"\r\n\r\n") {
        return Some((&block[..i], &block[i + 4..]));
    }
    let i = block.windows(2).position(|w| w == b"\n\n")?;
    Some((&block[..i], &block[i + 2..]))
}

/// Undoes HTTP chunked transfer coding; `None` when the body is not chunked.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let end = body.windows(2).position(|w| w == b"\r\n")?;
        let size_line = std::str::from_utf8(&body[..end]).ok()?;
        let size = usize::from_str_radix(size_line.split(';').next()?.trim(), 16).ok()?;
        body = &body[end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size..)?;
        body = body.strip_prefix(b"\r\n").unwrap_or(body);
    }
}

fn is_html_type(content_type: &str) -> bool {
    content_type.starts_with("text/html") || content_type.starts_with("application/xhtml+xml")
}

fn looks_like_html(body: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&body[..body.len().min(512)]).to_ascii_lowercase();
    head.contains("<html") || head.contains("<!doctype html")
}

fn truncate(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

fn malformed(reason: String) -> Error {
    Error::Malformed {
        format: "WARC",
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One WARC record around `block`.
    pub fn record(kind: &str, url: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {url}\r\n\
             Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn http(status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
        let mut out = format!("HTTP/1.1 {status}\r\n{headers}\r\n").into_bytes();
        out.extend_from_slice(body);
        out
    }

    #[test]
    fn html_responses_are_read_and_the_rest_skipped() {
        let mut warc = record(
            "warcinfo",
            "",
            "application/warc-fields",
            b"software: x\r\n",
        );
        warc.extend(record(
            "request",
            "https://a.example/1",
            "application/http; msgtype=request",
            b"GET / HTTP/1.1\r\n\r\n",
        ));
        warc.extend(record(
            "response",
            "<https://a.example/1>",
            "application/http; msgtype=response",
            &http(
                "200 OK",
                "Content-Type: text/html; charset=windows-1251\r\n",
                b"<p>one</p>",
            ),
        ));
        warc.extend(record(
            "response",
            "https://a.example/i.png",
            "application/http",
            &http("200 OK", "Content-Type: image/png\r\n", b"\x89PNG"),
        ));
        warc.extend(record(
            "response",
            "https://a.example/r",
            "application/http",
            &http("301 Moved", "Location: /\r\n", b""),
        ));
        warc.extend(record(
            "response",
            "https://a.example/2",
            "application/http",
            &http(
                "200 OK",
                "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
                b"4\r\n<p>t\r\n5\r\nwo</p\r\n1\r\n>\r\n0\r\n\r\n",
            ),
        ));
        let pages: Vec<Response> = Responses::new(&warc[..]).map(Result::unwrap).collect();
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].url, "https://a.example/1");
        assert_eq!(pages[0].charset.as_deref(), Some("windows-1251"));
        assert_eq!(pages[0].body.as_ref().unwrap(), b"<p>one</p>");
        assert_eq!(pages[1].body.as_ref().unwrap(), b"<p>two</p>");
    }

    #[test]
    fn a_truncated_archive_yields_its_pages_then_an_error() {
        let page = record(
            "response",
            "https://a.example/1",
            "application/http",
            &http("200 OK", "Content-Type: text/html\r\n", b"<p>one</p>"),
        );
        let mut warc = page.clone();
        warc.extend_from_slice(&page[..page.len() - 20]);
        let results: Vec<Result<Response>> = Responses::new(&warc[..]).collect();
        assert_eq!(results.len(), 2);
        assert!(results[0].is_ok());
        assert!(matches!(
            results[1],
            Err(Error::Malformed { format: "WARC", .. })
        ));
    }

    #[test]
    fn binary_is_not_a_warc() {
        let results: Vec<Result<Response>> = Responses::new(&b"\x00\x01garbage\n"[..]).collect();
        assert!(matches!(results[..], [Err(Error::Malformed { .. })]));
    }
}
