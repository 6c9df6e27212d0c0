//! MHTML (`.mhtml`, `.mht`): a web page saved as one MIME message. The HTML
//! part (quoted-printable, base64 or raw, in any charset) is the page; image
//! parts become the page's local resources, looked up by their
//! `Content-Location` (or `cid:` Content-ID); `Snapshot-Content-Location`
//! (or the HTML part's `Content-Location`) is the page's URL.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::headers::{self, Fields};
use crate::document::{Asset, base64_decode, sniff_media_type};
use crate::error::{Error, Result};

/// A multipart nested deeper than this is not a saved page.
const MAX_NESTING: usize = 8;

/// What an MHTML file holds.
#[derive(Debug, Default)]
pub struct Mhtml {
    /// The page's URL.
    pub url: Option<String>,
    /// The HTML part's bytes, transfer encoding undone.
    pub html: Vec<u8>,
    /// The HTML part's declared charset.
    pub charset: Option<String>,
    /// Image parts keyed by every name the page may use for them.
    pub parts: BTreeMap<String, Asset>,
}

/// One MIME part, headers parsed and body decoded.
struct Part {
    headers: Fields,
    body: Vec<u8>,
}

impl Part {
    fn content_type(&self) -> String {
        self.headers
            .get("content-type")
            .unwrap_or("text/plain")
            .to_ascii_lowercase()
    }
}

/// Whether bytes look like a MIME message holding a web page.
pub fn is_mhtml(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let first = text.trim_start().lines().next().unwrap_or("");
    let is_header = first.contains(':') && !first.starts_with('<');
    is_header
        && (text.contains("content-type: multipart/related")
            || text.contains("snapshot-content-location:")
            || (text.contains("mime-version:") && text.contains("content-type: text/html")))
}

/// Parses an MHTML file.
pub fn parse(bytes: &[u8]) -> Result<Mhtml> {
    let (headers, body) = split_headers(bytes);
    let snapshot = headers.get("snapshot-content-location").map(str::to_string);
    let mut parts = Vec::new();
    collect_parts(&headers, body, 0, &mut parts)?;
    let start = headers
        .get("content-type")
        .and_then(|ct| headers::param(ct, "start"))
        .map(|s| s.trim_matches(['<', '>']).to_string());
    let is_html = |p: &Part| {
        let ct = p.content_type();
        ct.starts_with("text/html") || ct.starts_with("application/xhtml+xml")
    };
    let html_index = parts
        .iter()
        .position(|p| {
            is_html(p)
                && snapshot.is_some()
                && p.headers.get("content-location") == snapshot.as_deref()
        })
        .or_else(|| {
            parts.iter().position(|p| {
                is_html(p)
                    && start.is_some()
                    && p.headers
                        .get("content-id")
                        .map(|id| id.trim_matches(['<', '>']))
                        == start.as_deref()
            })
        })
        .or_else(|| parts.iter().position(is_html))
        .ok_or_else(|| Error::Malformed {
            format: "MHTML",
            reason: "no HTML part".into(),
        })?;
    let page = parts.swap_remove(html_index);
    let url = snapshot
        .or_else(|| page.headers.get("content-location").map(str::to_string))
        .filter(|u| !u.is_empty());
    let mut out = Mhtml {
        charset: headers::param(&page.content_type(), "charset"),
        url,
        ..Mhtml::default()
    };
    for part in parts {
        let declared = part.content_type();
        let sniffed = sniff_media_type(&part.body);
        if !declared.starts_with("image/") && sniffed == "application/octet-stream" {
            continue;
        }
        let media_type = if sniffed == "application/octet-stream" {
            declared.split(';').next().unwrap_or("").trim().to_string()
        } else {
            sniffed.to_string()
        };
        let mut names = Vec::new();
        if let Some(location) = part.headers.get("content-location") {
            names.push(location.to_string());
            if let Some(relative) = out.url.as_deref().and_then(|u| relative_to(u, location)) {
                names.push(relative);
            }
        }
        if let Some(id) = part.headers.get("content-id") {
            names.push(format!("cid:{}", id.trim_matches(['<', '>'])));
        }
        let asset = Asset {
            bytes: Arc::new(part.body),
            media_type,
        };
        for name in names {
            out.parts.insert(name, asset.clone());
        }
    }
    out.html = page.body;
    Ok(out)
}

/// Adds the parts of an entity to `out`, descending into nested multiparts.
fn collect_parts(fields: &Fields, body: &[u8], depth: usize, out: &mut Vec<Part>) -> Result<()> {
    let content_type = fields.get("content-type").unwrap_or("text/plain");
    if !content_type.to_ascii_lowercase().starts_with("multipart/") {
        out.push(Part {
            headers: fields.clone(),
            body: decode_body(fields.get("content-transfer-encoding"), body),
        });
        return Ok(());
    }
    if depth >= MAX_NESTING {
        return Err(Error::Malformed {
            format: "MHTML",
            reason: "multiparts nested too deep".into(),
        });
    }
    let boundary = headers::param(content_type, "boundary").ok_or_else(|| Error::Malformed {
        format: "MHTML",
        reason: "multipart without a boundary".into(),
    })?;
    for part in split_multipart(body, boundary.as_bytes()) {
        let (part_headers, part_body) = split_headers(part);
        collect_parts(&part_headers, part_body, depth + 1, out)?;
    }
    Ok(())
}

/// The bodies between `--boundary` lines, up to `--boundary--`.
fn split_multipart<'a>(body: &'a [u8], boundary: &[u8]) -> Vec<&'a [u8]> {
    let mut delimiter = b"--".to_vec();
    delimiter.extend_from_slice(boundary);
    // A linear-time substring search: a long boundary costs no more than a
    // short one (a window-by-window search took O(body × boundary)).
    let starts: Vec<usize> = memchr::memmem::find_iter(body, &delimiter)
        .filter(|&at| at == 0 || body[at - 1] == b'\n')
        .collect();
    let mut parts = Vec::new();
    for (n, &at) in starts.iter().enumerate() {
        let after = at + delimiter.len();
        if body[after..].starts_with(b"--") {
            break;
        }
        let content_start = body[after..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(body.len(), |p| after + p + 1);
        let end = starts.get(n + 1).copied().unwrap_or(body.len());
        let mut part = &body[content_start.min(end)..end];
        // The line break before a delimiter belongs to the delimiter.
        part = part.strip_suffix(b"\n").unwrap_or(part);
        part = part.strip_suffix(b"\r").unwrap_or(part);
        parts.push(part);
    }
    parts
}

/// Splits a MIME entity into its unfolded header fields and its body.
fn split_headers(bytes: &[u8]) -> (Fields, &[u8]) {
    let mut fields = Fields::default();
    let mut rest = bytes;
    loop {
        let (line, next) = match rest.iter().position(|&b| b == b'\n') {
            Some(p) => (&rest[..p], &rest[p + 1..]),
            None => (rest, &rest[rest.len()..]),
        };
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            return (fields, next);
        }
        if !fields.push_line(&String::from_utf8_lossy(line)) {
            // Not a header line: the entity has no header block.
            return (fields, rest);
        }
        if next.is_empty() {
            return (fields, next);
        }
        rest = next;
    }
}

/// Undoes a Content-Transfer-Encoding.
fn decode_body(encoding: Option<&str>, body: &[u8]) -> Vec<u8> {
    match encoding.map(|e| e.trim().to_ascii_lowercase()).as_deref() {
        Some("base64") => {
            base64_decode(&String::from_utf8_lossy(body)).unwrap_or_else(|| body.to_vec())
        }
        Some("quoted-printable") => quoted_printable(body),
        _ => body.to_vec(),
    }
}

/// Decodes quoted-printable: `=XX` escapes and `=` soft line breaks.
fn quoted_printable(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        if body[i] == b'=' {
            let rest = &body[i + 1..];
            if rest.starts_with(b"\r\n") {
                i += 3;
                continue;
            }
            if rest.starts_with(b"\n") {
                i += 2;
                continue;
            }
            if rest.len() >= 2
                && let (Some(h), Some(l)) = (hex(rest[0]), hex(rest[1]))
            {
                out.push(h * 16 + l);
                i += 3;
                continue;
            }
        }
        out.push(body[i]);
        i += 1;
    }
    out
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// `location` relative to the folder of `page_url`, when it lies below it.
fn relative_to(page_url: &str, location: &str) -> Option<String> {
    let folder = &page_url[..page_url.rfind('/')? + 1];
    location
        .strip_prefix(folder)
        .filter(|r| !r.is_empty())
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "From: <Saved by Blink>\r\n\
Snapshot-Content-Location: https://news.example/a/story.html\r\n\
Subject: =?utf-8?Q?Story?=\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/related;\r\n\
\ttype=\"text/html\";\r\n\
\tboundary=\"----MultipartBoundary--abc----\"\r\n\
\r\n\
------MultipartBoundary--abc----\r\n\
Content-Type: text/html; charset=windows-1251\r\n\
Content-Transfer-Encoding: quoted-printable\r\n\
Content-Location: https://news.example/a/story.html\r\n\
\r\n\
<html><body><p>=CF=F0=E8=E2=E5=F2 long line that is =\r\n\
soft broken</p><img src=3D\"img/p.gif\"></body></html>\r\n\
------MultipartBoundary--abc----\r\n\
Content-Type: image/gif\r\n\
Content-Transfer-Encoding: base64\r\n\
Content-Location: https://news.example/a/img/p.gif\r\n\
\r\n\
R0lGODlhAQABAAAAACw=\r\n\
------MultipartBoundary--abc------\r\n";

    #[test]
    fn html_part_images_and_url_are_found() {
        let m = parse(SAMPLE.as_bytes()).unwrap();
        assert_eq!(m.url.as_deref(), Some("https://news.example/a/story.html"));
        assert_eq!(m.charset.as_deref(), Some("windows-1251"));
        let html = crate::read::charset::decode(&m.html, m.charset.as_deref());
        assert!(
            html.contains("<p>Привет long line that is soft broken</p>"),
            "{html}"
        );
        assert!(html.contains("src=\"img/p.gif\""));
        assert_eq!(m.parts["img/p.gif"].media_type, "image/gif");
        assert!(m.parts.contains_key("https://news.example/a/img/p.gif"));
        assert!(is_mhtml(SAMPLE.as_bytes()));
        assert!(!is_mhtml(
            b"<html><body>Content-Type: multipart/related</body></html>"
        ));
    }

    #[test]
    fn a_message_without_html_is_malformed() {
        let text = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nhi\r\n--x--\r\n";
        assert!(matches!(
            parse(text.as_bytes()),
            Err(Error::Malformed { .. })
        ));
    }
}
