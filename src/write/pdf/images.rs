//! Figures: resolving an image source through the document's assets and
//! turning its bytes into a PDF image. JPEG data goes into the PDF as it is
//! (no re-encoding); PNG, GIF and WebP are decoded and stored losslessly
//! (Flate). The PDF library decodes those only when the file is written, so
//! they are decoded once here first: a broken one is left out, not the PDF.
//! Remote sources are never fetched: the writer counts them and keeps their
//! captions. Images are not interpolated: PDF/A forbids it, and placed at
//! 150 ppi or more they need no smoothing.

use crate::document::{Assets, Resolved};
use crate::limits::MAX_IMAGE_PIXELS;
use crate::write::shared::decodes;

/// Whether viewers may smooth images (no: see above).
const INTERPOLATE: bool = false;

/// Why an image is not in the PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Skipped {
    /// A remote URL (never fetched).
    Remote,
    /// A local reference that is not there.
    Missing,
    /// Bytes in a format the PDF cannot carry (SVG, unknown) or broken.
    Unsupported,
    /// More pixels than [`MAX_IMAGE_PIXELS`]: never decoded.
    TooLarge,
}

/// An embeddable image and its size in pixels.
pub struct Figure {
    /// The image, ready to draw.
    pub image: krilla::image::Image,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// Loads the image `src` names, or says why it cannot be shown.
pub fn load(assets: &Assets, src: &str) -> Result<Figure, Skipped> {
    let asset = match assets.resolve(src) {
        Resolved::Local(asset) => asset,
        Resolved::Remote => return Err(Skipped::Remote),
        Resolved::Missing => return Err(Skipped::Missing),
    };
    // The header's size is read before anything is decoded, so a small file
    // declaring a gigantic image costs nothing.
    if let Ok(size) = imagesize::blob_size(&asset.bytes)
        && size.width as u64 * size.height as u64 > MAX_IMAGE_PIXELS
    {
        return Err(Skipped::TooLarge);
    }
    if !decodes(&asset.media_type, &asset.bytes) {
        return Err(Skipped::Unsupported);
    }
    let data = krilla::Data::from(asset.bytes);
    let image = match asset.media_type.as_str() {
        "image/jpeg" => krilla::image::Image::from_jpeg(data, INTERPOLATE),
        "image/png" => krilla::image::Image::from_png(data, INTERPOLATE),
        "image/gif" => krilla::image::Image::from_gif(data, INTERPOLATE),
        "image/webp" => krilla::image::Image::from_webp(data, INTERPOLATE),
        _ => return Err(Skipped::Unsupported),
    }
    .map_err(|_| Skipped::Unsupported)?;
    let (width, height) = image.size();
    if width == 0 || height == 0 {
        return Err(Skipped::Unsupported);
    }
    Ok(Figure {
        image,
        width,
        height,
    })
}
