//! The images an EPUB embeds: each source is resolved through the
//! document's [`Assets`], checked against the media types every EPUB reading
//! system must show, and stored once (identical bytes share one file).

use std::collections::BTreeMap;

use std::sync::Arc;

use super::svg;
use crate::document::{Assets, Resolved, sniff_media_type};
use crate::limits::MAX_IMAGE_PIXELS;
use crate::write::shared::decodes;

/// EPUB 3.3 core image media types with their file extensions; anything
/// else may not display on a reading system and is left out.
pub const CORE_IMAGE_TYPES: &[(&str, &str)] = &[
    ("image/jpeg", "jpg"),
    ("image/png", "png"),
    ("image/gif", "gif"),
    ("image/webp", "webp"),
    ("image/svg+xml", "svg"),
];

/// Images this small on both sides are spacers or lazy-loading placeholders,
/// not pictures: they are left out silently.
pub const PLACEHOLDER_MAX_SIDE: usize = 2;

/// Where an image source ended up.
#[derive(Debug, Clone, PartialEq)]
pub enum Placed {
    /// Embedded at this path, relative to the package folder.
    Embedded(String),
    /// A remote URL: never fetched.
    Remote,
    /// A local reference that does not exist.
    Missing,
    /// A format e-readers cannot show, a broken image, or an SVG outside the
    /// allow-list of [`super::svg`].
    Unsupported,
    /// A spacer or placeholder, left out without a word.
    Placeholder,
}

/// One embedded image.
#[derive(Debug, Clone)]
pub struct Item {
    /// Manifest id.
    pub id: String,
    /// Path relative to the package folder, e.g. `images/img-001.png`.
    pub href: String,
    /// Media type.
    pub media_type: &'static str,
    /// The bytes.
    pub bytes: Arc<Vec<u8>>,
}

/// The images of one EPUB, in the order they were first used.
#[derive(Debug, Default)]
pub struct Media {
    /// Embedded images.
    pub items: Vec<Item>,
    /// Index of the cover image in `items`.
    pub cover: Option<usize>,
    by_hash: BTreeMap<String, usize>,
}

impl Media {
    /// Resolves `src` and embeds it when it can be shown.
    pub fn place(&mut self, assets: &Assets, src: &str) -> Placed {
        if src.is_empty() {
            return Placed::Missing;
        }
        let asset = match assets.resolve(src) {
            Resolved::Local(asset) => asset,
            Resolved::Remote => return Placed::Remote,
            Resolved::Missing => return Placed::Missing,
        };
        let sniffed = sniff_media_type(&asset.bytes);
        let Some(&(media_type, extension)) = CORE_IMAGE_TYPES.iter().find(|(t, _)| *t == sniffed)
        else {
            return Placed::Unsupported;
        };
        let usable = if media_type == "image/svg+xml" {
            svg::is_safe(&asset.bytes)
        } else {
            decodes_within_limit(media_type, &asset.bytes)
        };
        if !usable {
            return Placed::Unsupported;
        }
        if imagesize::blob_size(&asset.bytes).is_ok_and(|size| {
            size.width <= PLACEHOLDER_MAX_SIDE && size.height <= PLACEHOLDER_MAX_SIDE
        }) {
            return Placed::Placeholder;
        }
        let hash = sha1_smol::Sha1::from(asset.bytes.as_slice())
            .digest()
            .to_string();
        let index = *self.by_hash.entry(hash).or_insert_with(|| {
            let n = self.items.len() + 1;
            self.items.push(Item {
                id: format!("img-{n:03}"),
                href: format!("images/img-{n:03}.{extension}"),
                media_type,
                bytes: asset.bytes,
            });
            n - 1
        });
        Placed::Embedded(self.items[index].href.clone())
    }

    /// Marks the embedded image at `href` as the cover, unless one is set.
    pub fn set_cover(&mut self, href: &str) {
        if self.cover.is_none() {
            self.cover = self.items.iter().position(|i| i.href == href);
        }
    }
}

/// Whether a raster image decodes, as the PDF writer checks it (a corrupt
/// PNG fails epubcheck); one declaring more than [`MAX_IMAGE_PIXELS`] is
/// not decoded, and kept as it is.
fn decodes_within_limit(media_type: &str, bytes: &[u8]) -> bool {
    let huge = imagesize::blob_size(bytes)
        .is_ok_and(|size| size.width as u64 * size.height as u64 > MAX_IMAGE_PIXELS);
    huge || decodes(media_type, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_and_remote_images_are_not_embedded() {
        let mut media = Media::default();
        let assets = Assets::default();
        let pixel = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==";
        assert_eq!(media.place(&assets, pixel), Placed::Placeholder);
        assert_eq!(
            media.place(&assets, "https://example.org/a.jpg"),
            Placed::Remote
        );
        assert_eq!(
            media.place(&assets, "data:image/bmp;base64,Qk0="),
            Placed::Unsupported
        );
        assert!(media.items.is_empty());
    }

    #[test]
    fn a_corrupt_png_is_not_embedded() {
        let mut media = Media::default();
        let png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAoAAAAKCAIAAAACUFjqAAAAAA==";
        assert_eq!(media.place(&Assets::default(), png), Placed::Unsupported);
    }
}
