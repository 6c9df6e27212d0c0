//! A [`Document`]: an article together with the local resources its page
//! carried (images in a `NAME_files/` folder, MHTML parts, `data:` URIs), which
//! the EPUB and PDF writers embed. Remote resources are never fetched.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use crate::limits::MAX_RESOURCE_BYTES;
use crate::model::Article;

/// An article and where to find the resources it refers to.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// The normalized article.
    pub article: Article,
    /// Local resources the page carried.
    pub assets: Assets,
    /// A name for this article inside its container (a WARC record's URL),
    /// used to name its output; `None` for single-article inputs.
    pub member: Option<String>,
}

/// The bytes of one resource and its media type.
#[derive(Debug, Clone, PartialEq)]
pub struct Asset {
    /// Raw bytes, shared: a part known by several names, or shown twice,
    /// is held once.
    pub bytes: Arc<Vec<u8>>,
    /// Media type, e.g. `image/jpeg`, sniffed from the bytes when possible.
    pub media_type: String,
}

/// What an image source resolves to.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolved {
    /// The bytes are available locally.
    Local(Asset),
    /// A remote URL: galley never fetches it.
    Remote,
    /// A local reference that does not exist, or is not a regular file of
    /// the page's folder within the size limit (see [`local_file`]).
    Missing,
}

/// Local resources of a page: files under the page's folder and parts
/// carried inside a container, looked up by the URL the page uses.
#[derive(Debug, Clone, Default)]
pub struct Assets {
    /// Folder of the page on disk; relative sources resolve below it.
    pub base_dir: Option<PathBuf>,
    /// Parts carried in a container (MHTML), keyed by their URL.
    pub parts: BTreeMap<String, Asset>,
}

impl Assets {
    /// Resources found beside a page saved at `path`.
    pub fn beside(path: &Path) -> Assets {
        Assets {
            base_dir: path.parent().map(Path::to_path_buf),
            parts: BTreeMap::new(),
        }
    }

    /// Resolves an image source as the page wrote it.
    pub fn resolve(&self, src: &str) -> Resolved {
        if let Some(asset) = self.parts.get(src) {
            return Resolved::Local(asset.clone());
        }
        if let Some(data) = src.strip_prefix("data:") {
            return decode_data_uri(data).map_or(Resolved::Missing, Resolved::Local);
        }
        if is_remote(src) {
            return Resolved::Remote;
        }
        let Some(base) = &self.base_dir else {
            return Resolved::Missing;
        };
        match local_file(base, src) {
            Some(bytes) => Resolved::Local(Asset {
                media_type: sniff_media_type(&bytes).to_string(),
                bytes: Arc::new(bytes),
            }),
            None => Resolved::Missing,
        }
    }
}

/// Whether a source names a resource on another host.
pub fn is_remote(src: &str) -> bool {
    let lower = src.trim_start().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("//")
}

/// The bytes of the file a relative source names below `base`: only a
/// regular file that, with every link resolved, still lies inside `base`
/// (a symbolic link in `NAME_files/` may not bring in a file from anywhere),
/// of at most [`MAX_RESOURCE_BYTES`] (a link to `/dev/zero` is not a file; a
/// FIFO, which would hang the reading, is not a regular file either).
pub fn local_file(base: &Path, src: &str) -> Option<Vec<u8>> {
    let relative = src.strip_prefix("file://").unwrap_or(src);
    let relative = percent_decode(relative.split(['?', '#']).next().unwrap_or(""));
    let path = Path::new(&relative);
    if relative.is_empty()
        || !path
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return None;
    }
    // A page named without a folder (`page.html`) has its resources in `.`.
    let base = Some(base)
        .filter(|b| !b.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let root = base.canonicalize().ok()?;
    let resolved = base.join(path).canonicalize().ok()?;
    if !resolved.starts_with(&root) || resolved == root {
        return None;
    }
    let metadata = std::fs::metadata(&resolved).ok()?;
    if !metadata.is_file() || metadata.len() > MAX_RESOURCE_BYTES {
        return None;
    }
    let file = std::fs::File::open(&resolved).ok()?;
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    let mut bytes = Vec::new();
    file.take(MAX_RESOURCE_BYTES + 1)
        .read_to_end(&mut bytes)
        .ok()?;
    (bytes.len() as u64 <= MAX_RESOURCE_BYTES).then_some(bytes)
}

/// Decodes `%XX` escapes; invalid escapes are kept as written.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push(h * 16 + l);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Decodes the part of a `data:` URI after the scheme.
fn decode_data_uri(data: &str) -> Option<Asset> {
    let (header, payload) = data.split_once(',')?;
    let bytes = if header.ends_with(";base64") {
        base64_decode(payload)?
    } else {
        percent_decode(payload).into_bytes()
    };
    let declared = header.split(';').next().unwrap_or("");
    let sniffed = sniff_media_type(&bytes);
    let media_type = if sniffed == "application/octet-stream" && !declared.is_empty() {
        declared.to_ascii_lowercase()
    } else {
        sniffed.to_string()
    };
    Some(Asset {
        bytes: Arc::new(bytes),
        media_type,
    })
}

/// Decodes standard or URL-safe base64, ignoring white space.
pub fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0;
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            b' ' | b'\n' | b'\r' | b'\t' => continue,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

/// Media type of an image from its first bytes.
pub fn sniff_media_type(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        "image/jpeg"
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        "image/png"
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        "image/gif"
    } else if bytes.len() > 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        "image/webp"
    } else if bytes.trim_ascii_start().starts_with(b"<svg")
        || (bytes.trim_ascii_start().starts_with(b"<?xml")
            && bytes.windows(4).any(|w| w == b"<svg"))
    {
        "image/svg+xml"
    } else {
        "application/octet-stream"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_uris_decode() {
        let assets = Assets::default();
        let Resolved::Local(a) = assets.resolve("data:image/gif;base64,R0lGODlhAQABAAAAACw=")
        else {
            panic!("not decoded")
        };
        assert_eq!(a.media_type, "image/gif");
    }

    #[test]
    fn remote_and_escaping_sources_are_not_read() {
        let assets = Assets::beside(Path::new("/tmp/page.html"));
        assert_eq!(
            assets.resolve("https://example.com/a.jpg"),
            Resolved::Remote
        );
        assert_eq!(assets.resolve("//cdn.example.com/a.jpg"), Resolved::Remote);
        assert_eq!(assets.resolve("../../etc/passwd"), Resolved::Missing);
        assert_eq!(assets.resolve("/etc/passwd"), Resolved::Missing);
    }

    #[cfg(unix)]
    #[test]
    fn only_regular_files_inside_the_folder_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let files = dir.path().join("page_files");
        std::fs::create_dir(&files).unwrap();
        std::fs::write(
            outside.path().join("secret.png"),
            b"\x89PNG\r\n\x1a\nsecret",
        )
        .unwrap();
        std::fs::write(files.join("ok.png"), b"\x89PNG\r\n\x1a\nok").unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret.png"), files.join("link.png"))
            .unwrap();
        std::os::unix::fs::symlink("/dev/zero", files.join("zero.png")).unwrap();
        std::os::unix::fs::symlink("ok.png", files.join("inside.png")).unwrap();
        let assets = Assets::beside(&dir.path().join("page.html"));
        assert!(matches!(
            assets.resolve("page_files/ok.png"),
            Resolved::Local(_)
        ));
        assert!(matches!(
            assets.resolve("page_files/inside.png"),
            Resolved::Local(_)
        ));
        assert_eq!(assets.resolve("page_files/link.png"), Resolved::Missing);
        assert_eq!(assets.resolve("page_files/zero.png"), Resolved::Missing);
        assert_eq!(assets.resolve("page_files"), Resolved::Missing);
        let here = Assets::beside(Path::new("page.html"));
        assert_eq!(here.base_dir.as_deref(), Some(Path::new("")));
        assert!(local_file(here.base_dir.as_deref().unwrap(), "Cargo.toml").is_some());
    }
}
