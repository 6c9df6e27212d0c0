//! What an output leaves out, as data: a [`Cause`] and what it concerns
//! (an image's source, a character), so that a run can say each once per
//! input, naming every format it affects, in one wording whatever the
//! writer ([`describe`]).

use crate::limits::{MAX_IMAGE_PIXELS, MAX_PDF_PAGES};

/// Most subjects a line names; the rest are counted.
const MAX_LISTED: usize = 10;

/// One thing an output leaves out.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Warning {
    /// Why.
    pub cause: Cause,
    /// What it concerns (an image's source, a character), if anything.
    pub subject: Option<String>,
}

/// Why something is left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Cause {
    /// An image at a remote URL, never fetched.
    RemoteImage,
    /// A local image that is not there.
    MissingImage,
    /// An image in a format the output cannot show, or broken.
    UnshownImage,
    /// An image larger than [`MAX_IMAGE_PIXELS`], never decoded.
    LargeImage,
    /// A local image of an output on standard output, with no folder to
    /// copy it into.
    UncopiedImage,
    /// The text past [`MAX_PDF_PAGES`] pages.
    PageLimit,
    /// A character no font can show.
    MissingGlyph,
}

impl Warning {
    /// A warning about `subject`.
    pub fn new(cause: Cause, subject: impl Into<String>) -> Warning {
        Warning {
            cause,
            subject: Some(subject.into()),
        }
    }

    /// A warning about the output as a whole.
    pub fn whole(cause: Cause) -> Warning {
        Warning {
            cause,
            subject: None,
        }
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let subjects: Vec<&str> = self.subject.as_deref().into_iter().collect();
        f.write_str(&describe(self.cause, &subjects))
    }
}

/// One sentence for a cause and everything it concerns:
/// `remote image https://x/y.jpg left out, never fetched`,
/// `2 images left out, missing locally: a.png, b.png`.
pub fn describe(cause: Cause, subjects: &[&str]) -> String {
    let listed = list(subjects);
    let n = subjects.len();
    let image = |noun: &str, reason: String| match n {
        0 | 1 => format!("{noun} {listed} left out, {reason}"),
        _ => format!("{n} {noun}s left out, {reason}: {listed}"),
    };
    match cause {
        Cause::RemoteImage => image("remote image", "never fetched".into()),
        Cause::MissingImage => image("image", "missing locally".into()),
        Cause::UnshownImage => image("image", "in a format the output cannot show".into()),
        Cause::LargeImage => image(
            "image",
            format!(
                "larger than the limit of {} megapixels",
                MAX_IMAGE_PIXELS / 1_000_000
            ),
        ),
        Cause::UncopiedImage => image("local image", "not copied to standard output".into()),
        Cause::PageLimit => {
            format!("the text is cut at the limit of {MAX_PDF_PAGES} pages; the rest is left out")
        }
        Cause::MissingGlyph if n == 1 => format!(
            "no font can show {listed}; it appears as an empty box — pass --font FILE with a font that covers it"
        ),
        Cause::MissingGlyph => format!(
            "no font can show {listed}; they appear as empty boxes — pass --font FILE with a font that covers them"
        ),
    }
}

/// `a, b, c`, the first [`MAX_LISTED`] then `and N more`.
fn list(subjects: &[&str]) -> String {
    let shown = subjects[..subjects.len().min(MAX_LISTED)].join(", ");
    match subjects.len().saturating_sub(MAX_LISTED) {
        0 => shown,
        more => format!("{shown} and {more} more"),
    }
}

/// A character as a subject: `ա (U+0561)`.
pub fn glyph(c: char) -> String {
    format!("{c} (U+{:04X})", u32::from(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_wording_for_one_or_many() {
        assert_eq!(
            Warning::new(Cause::RemoteImage, "https://x/y.jpg").to_string(),
            "remote image https://x/y.jpg left out, never fetched"
        );
        assert_eq!(
            describe(Cause::MissingImage, &["a.png", "b.png"]),
            "2 images left out, missing locally: a.png, b.png"
        );
        let many: Vec<String> = (0..12).map(|i| i.to_string()).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert!(describe(Cause::UnshownImage, &many).ends_with("8, 9 and 2 more"));
        assert!(describe(Cause::MissingGlyph, &[&glyph('\u{378}')]).contains("U+0378"));
    }
}
