//! Images of a text output (HTML, Markdown, a template's), placed one of
//! two ways: embedded as `data:` URIs, or copied into a folder beside the
//! output (`NAME_images/`) and linked relatively, the copies travelling with
//! the output as [`Attachment`]s. Sources resolve through the document's
//! [`Assets`] (local files, container parts, `data:` URIs); remote images are
//! never fetched. What cannot be shown (missing, unknown format) is left out
//! and counted for one warning; spacer pixels are left out silently.

use std::collections::BTreeMap;

use super::{Attachment, Cause, Warning};
use crate::document::{Asset, Assets, Resolved, is_remote, sniff_media_type};
use crate::read::html::metadata::absolute;

/// Images this small on both sides are spacers or lazy-loading placeholders,
/// not pictures: they are left out silently.
const PLACEHOLDER_MAX_SIDE: usize = 2;

/// The image types a browser and a Markdown viewer show, with the
/// extension a copy gets when its source name has none.
const SHOWN_TYPES: &[(&str, &str)] = &[
    ("image/jpeg", "jpg"),
    ("image/png", "png"),
    ("image/gif", "gif"),
    ("image/webp", "webp"),
    ("image/svg+xml", "svg"),
];

/// What the folder of copies is called, after the output's name.
pub const FOLDER_SUFFIX: &str = "_images";

/// The longest file name a copy keeps from its source (before a suffix).
const MAX_NAME_CHARS: usize = 80;

/// Images placed for one output, and those left out, by reason.
#[derive(Debug, Default)]
pub struct Images {
    /// The folder copies go into (`NAME_images`); `None` embeds them.
    folder: Option<String>,
    /// Copies made, by source.
    copies: BTreeMap<String, String>,
    attachments: Vec<Attachment>,
    left_out: Vec<Warning>,
}

impl Images {
    /// Images embedded as `data:` URIs.
    pub fn embedded() -> Images {
        Images::default()
    }

    /// Images copied beside an output whose file name, without extension,
    /// is `output_stem`; embedded (HTML) or left out (Markdown) when there is
    /// no such file (standard output).
    pub fn beside(output_stem: Option<&str>) -> Images {
        Images {
            folder: output_stem.map(|stem| format!("{stem}{FOLDER_SUFFIX}")),
            ..Images::default()
        }
    }

    /// Whether images are copied beside the output (not embedded).
    pub fn copied_beside(&self) -> bool {
        self.folder.is_some()
    }

    /// The `src` an HTML output uses for the image at `src`: a `data:` URI or
    /// the copy's relative path; `None` when it is left out.
    pub fn html_src(&mut self, assets: &Assets, src: &str) -> Option<String> {
        let src = src.trim();
        if src.is_empty() {
            return None;
        }
        let asset = match assets.resolve(src) {
            Resolved::Local(asset) => asset,
            Resolved::Remote => {
                self.left_out.push(Warning::new(Cause::RemoteImage, src));
                return None;
            }
            Resolved::Missing => {
                self.left_out.push(Warning::new(Cause::MissingImage, src));
                return None;
            }
        };
        let media_type = self.showable(src, &asset)?;
        match self.folder {
            Some(_) => Some(self.copy(src, asset, media_type)),
            None => Some(format!("data:{media_type};base64,{}", base64(&asset.bytes))),
        }
    }

    /// The link target a Markdown output uses for the image at `src`, on a
    /// page from `page_url`: a remote or `data:` source as it is (a
    /// protocol-relative one made absolute), a local file copied beside the
    /// output, a site-relative or relative path that is not local resolved
    /// against the page's URL; `None` when none of these applies.
    pub fn markdown_src(
        &mut self,
        assets: &Assets,
        src: &str,
        page_url: Option<&str>,
    ) -> Option<String> {
        let src = src.trim();
        let web_page = page_url.filter(|u| is_remote(u));
        if src.is_empty() {
            return None;
        }
        if src.starts_with("data:") {
            return Some(src.to_string());
        }
        if src.starts_with("//") {
            return Some(
                web_page.map_or_else(|| format!("https:{src}"), |u| absolute(src, Some(u))),
            );
        }
        match assets.resolve(src) {
            Resolved::Remote => Some(src.to_string()),
            Resolved::Local(_) if self.folder.is_none() => {
                self.left_out.push(Warning::new(Cause::UncopiedImage, src));
                None
            }
            Resolved::Local(asset) => {
                let media_type = self.showable(src, &asset)?;
                Some(self.copy(src, asset, media_type))
            }
            Resolved::Missing => match web_page {
                Some(url) => Some(absolute(src, Some(url))),
                None => {
                    self.left_out.push(Warning::new(Cause::MissingImage, src));
                    None
                }
            },
        }
    }

    /// The media type of an image a viewer can show; `None` (counted when
    /// it is not a spacer) otherwise.
    fn showable(&mut self, src: &str, asset: &Asset) -> Option<&'static str> {
        let sniffed = sniff_media_type(&asset.bytes);
        let Some(&(media_type, _)) = SHOWN_TYPES.iter().find(|(t, _)| *t == sniffed) else {
            self.left_out.push(Warning::new(Cause::UnshownImage, src));
            return None;
        };
        let placeholder = imagesize::blob_size(&asset.bytes)
            .is_ok_and(|s| s.width <= PLACEHOLDER_MAX_SIDE && s.height <= PLACEHOLDER_MAX_SIDE);
        (!placeholder).then_some(media_type)
    }

    /// Copies an image into the folder (once per source) and returns its
    /// relative path.
    fn copy(&mut self, src: &str, asset: Asset, media_type: &str) -> String {
        let folder = self.folder.clone().unwrap_or_default();
        if let Some(path) = self.copies.get(src) {
            return path.clone();
        }
        let name = copy_name(src, media_type);
        let (stem, extension) = name.rsplit_once('.').unwrap_or((&name, ""));
        let mut path = format!("{folder}/{name}");
        let mut n = 1;
        while self.attachments.iter().any(|a| a.path == path) {
            n += 1;
            path = format!("{folder}/{stem}-{n}.{extension}");
        }
        self.attachments.push(Attachment {
            path: path.clone(),
            bytes: std::sync::Arc::unwrap_or_clone(asset.bytes),
        });
        self.copies.insert(src.to_string(), path.clone());
        path
    }

    /// The copies to write beside the output.
    pub fn into_attachments(self) -> Vec<Attachment> {
        self.attachments
    }

    /// The images left out, one warning each.
    pub fn warnings(&self) -> Vec<Warning> {
        self.left_out.clone()
    }
}

/// A copy's file name: the source's last path segment in safe characters,
/// with the extension of its type when it has none.
fn copy_name(src: &str, media_type: &str) -> String {
    let path = src.split(['?', '#']).next().unwrap_or("");
    let last = crate::document::percent_decode(path.rsplit('/').next().unwrap_or(""));
    let mut name: String = last
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .take(MAX_NAME_CHARS)
        .collect();
    name = name.trim_start_matches('.').to_string();
    let extension = SHOWN_TYPES
        .iter()
        .find(|(t, _)| *t == media_type)
        .map_or("img", |(_, e)| e);
    if name.is_empty() || src.starts_with("data:") {
        name = "image".to_string();
    }
    if !name.contains('.') {
        name = format!("{name}.{extension}");
    }
    name
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
        let mut inliner = Images::embedded();
        let assets = Assets::default();
        let pixel = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==";
        assert_eq!(inliner.html_src(&assets, pixel), None);
        assert_eq!(inliner.html_src(&assets, "https://example.org/a.jpg"), None);
        assert_eq!(
            inliner.html_src(&assets, "data:image/bmp;base64,Qk0="),
            None
        );
        assert_eq!(
            inliner.warnings(),
            [
                Warning::new(Cause::RemoteImage, "https://example.org/a.jpg"),
                Warning::new(Cause::UnshownImage, "data:image/bmp;base64,Qk0="),
            ]
        );
    }

    fn png() -> Vec<u8> {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x10\0\0\0\x10".to_vec();
        png.extend([8, 6, 0, 0, 0]);
        png
    }

    fn saved_page() -> Assets {
        let mut assets = Assets::default();
        for url in [
            "https://x.org/a/pic.png",
            "page_files/pic.png",
            "other/pic.png",
        ] {
            let asset = Asset {
                media_type: "image/png".into(),
                bytes: png().into(),
            };
            assets.parts.insert(url.into(), asset);
        }
        assets
    }

    #[test]
    fn markdown_copies_local_images_and_resolves_the_others() {
        let assets = saved_page();
        let url = Some("https://x.org/news/story.html");
        let mut images = Images::beside(Some("story"));
        let mut src = |s| images.markdown_src(&assets, s, url);
        assert_eq!(
            src("page_files/pic.png").as_deref(),
            Some("story_images/pic.png")
        );
        assert_eq!(
            src("page_files/pic.png").as_deref(),
            Some("story_images/pic.png")
        );
        assert_eq!(
            src("other/pic.png").as_deref(),
            Some("story_images/pic-2.png")
        );
        assert_eq!(
            src("/media/x.jpg").as_deref(),
            Some("https://x.org/media/x.jpg")
        );
        assert_eq!(
            src("img/y.jpg").as_deref(),
            Some("https://x.org/news/img/y.jpg")
        );
        assert_eq!(
            src("//cdn.x.org/z.jpg").as_deref(),
            Some("https://cdn.x.org/z.jpg")
        );
        assert_eq!(
            src("https://y.org/w.jpg").as_deref(),
            Some("https://y.org/w.jpg")
        );
        let paths: Vec<String> = images
            .into_attachments()
            .into_iter()
            .map(|a| a.path)
            .collect();
        assert_eq!(paths, ["story_images/pic.png", "story_images/pic-2.png"]);
    }

    #[test]
    fn without_a_folder_or_a_url_nothing_dangles() {
        let assets = saved_page();
        let mut images = Images::beside(None);
        assert_eq!(
            images.markdown_src(&assets, "page_files/pic.png", None),
            None
        );
        assert_eq!(images.markdown_src(&assets, "/media/x.jpg", None), None);
        assert_eq!(
            images.warnings(),
            [
                Warning::new(Cause::UncopiedImage, "page_files/pic.png"),
                Warning::new(Cause::MissingImage, "/media/x.jpg"),
            ]
        );
    }

    #[test]
    fn html_images_beside_are_linked_relatively() {
        let assets = saved_page();
        let mut images = Images::beside(Some("story"));
        assert_eq!(
            images
                .html_src(&assets, "https://x.org/a/pic.png")
                .as_deref(),
            Some("story_images/pic.png")
        );
        assert_eq!(images.into_attachments()[0].bytes, png());
    }
}
