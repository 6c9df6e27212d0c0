//! Images for a self-contained page: each source is resolved through the
//! document's [`Assets`] (local files, container parts, `data:` URIs) and
//! embedded as a `data:` URI. Remote images are never fetched; they, missing
//! files and formats a browser cannot show are left out and counted for the
//! warning.

use crate::document::{Assets, Resolved, sniff_media_type};

/// Images this small on both sides are spacers or lazy-loading placeholders,
/// not pictures: they are left out silently.
const PLACEHOLDER_MAX_SIDE: usize = 2;

/// Media type of bytes the sniffer does not recognize as an image.
const UNKNOWN_TYPE: &str = "application/octet-stream";

/// Images left out of an output, by reason.
#[derive(Debug, Default, Clone, Copy)]
pub struct Inliner {
    remote: usize,
    missing: usize,
    unsupported: usize,
}

impl Inliner {
    /// The `data:` URI of the image at `src`, or `None` when it is left out.
    pub fn data_uri(&mut self, assets: &Assets, src: &str) -> Option<String> {
        let src = src.trim();
        if src.is_empty() {
            return None;
        }
        let asset = match assets.resolve(src) {
            Resolved::Local(asset) => asset,
            Resolved::Remote => {
                self.remote += 1;
                return None;
            }
            Resolved::Missing => {
                self.missing += 1;
                return None;
            }
        };
        let media_type = sniff_media_type(&asset.bytes);
        if media_type == UNKNOWN_TYPE {
            self.unsupported += 1;
            return None;
        }
        let placeholder = imagesize::blob_size(&asset.bytes)
            .is_ok_and(|s| s.width <= PLACEHOLDER_MAX_SIDE && s.height <= PLACEHOLDER_MAX_SIDE);
        (!placeholder).then(|| format!("data:{media_type};base64,{}", base64(&asset.bytes)))
    }

    /// The warning for the images left out, if any.
    pub fn warning(&self, format: &str) -> Option<String> {
        let reasons: Vec<String> = [
            (self.remote, "remote, never fetched"),
            (self.missing, "missing locally"),
            (self.unsupported, "in an unknown format"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, why)| format!("{n} {why}"))
        .collect();
        let total = self.remote + self.missing + self.unsupported;
        let noun = if total == 1 { "image" } else { "images" };
        (total > 0).then(|| {
            format!(
                "{total} {noun} left out of the {format} ({}); captions kept",
                reasons.join(", ")
            )
        })
    }
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, b)| acc | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::base64_decode;

    #[test]
    fn base64_round_trips() {
        for text in ["", "f", "fo", "foo", "foob", "fooba", "foobar"] {
            let encoded = base64(text.as_bytes());
            assert_eq!(encoded.len() % 4, 0);
            assert_eq!(base64_decode(&encoded).unwrap(), text.as_bytes());
        }
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn remote_and_placeholder_images_are_left_out() {
        let mut inliner = Inliner::default();
        let assets = Assets::default();
        let pixel = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==";
        assert_eq!(inliner.data_uri(&assets, pixel), None);
        assert_eq!(inliner.data_uri(&assets, "https://example.org/a.jpg"), None);
        assert_eq!(
            inliner.data_uri(&assets, "data:image/bmp;base64,Qk0="),
            None
        );
        assert_eq!(
            inliner.warning("HTML").as_deref(),
            Some(
                "2 images left out of the HTML (1 remote, never fetched, 1 in an unknown format); captions kept"
            )
        );
    }
}
