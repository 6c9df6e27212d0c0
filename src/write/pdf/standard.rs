//! `--pdf-standard`: archival (PDF/A-2b, PDF/A-2u) and accessible
//! (PDF/UA-1) output, checked by the PDF library's own validator when the
//! file is written. A file that breaks the standard is never written: the
//! writer fails with a one-line reason instead.

use krilla::SerializeSettings;
use krilla::configure::{
    Accessibility, Archival, ConfigurationBuilder, ValidationError, Validator,
};
use krilla::error::KrillaError;

use crate::date::{Stamp, civil_from_days};
use crate::model::Article;

/// Validation failures a message lists before it counts the rest.
const REASONS_LISTED: usize = 3;
/// Seconds in a day.
const DAY_SECONDS: i64 = 86_400;

/// A standard the PDF must meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PdfStandard {
    /// PDF/A-2b: looks the same in decades (fonts embedded, no device
    /// colour, dated XMP metadata).
    A2b,
    /// PDF/A-2u: PDF/A-2b, and every glyph maps to Unicode (text can be
    /// searched and copied).
    A2u,
    /// PDF/UA-1: accessible (tagged, titled, described pictures and links).
    Ua1,
}

/// Every `--pdf-standard` value, in the order the help lists them.
const STANDARDS: &[(&str, PdfStandard)] = &[
    ("a-2b", PdfStandard::A2b),
    ("a-2u", PdfStandard::A2u),
    ("ua-1", PdfStandard::Ua1),
];

/// The `--pdf-standard` values.
pub fn pdf_standards() -> impl Iterator<Item = &'static str> {
    STANDARDS.iter().map(|(name, _)| *name)
}

impl PdfStandard {
    /// The standard a `--pdf-standard` value names.
    pub fn from_name(name: &str) -> Option<PdfStandard> {
        STANDARDS
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, s)| *s)
    }

    /// The standard's name as the command line spells it.
    pub fn name(self) -> &'static str {
        STANDARDS
            .iter()
            .find(|(_, s)| *s == self)
            .map_or("", |(n, _)| *n)
    }

    /// The standard's usual title ("PDF/A-2b").
    fn title(self) -> &'static str {
        match self {
            PdfStandard::A2b => "PDF/A-2b",
            PdfStandard::A2u => "PDF/A-2u",
            PdfStandard::Ua1 => "PDF/UA-1",
        }
    }

    fn validator(self) -> Validator {
        match self {
            PdfStandard::A2b => Validator::A(Archival::A2_B),
            PdfStandard::A2u => Validator::A(Archival::A2_U),
            PdfStandard::Ua1 => Validator::Ua(Accessibility::UA1),
        }
    }

    /// Whether the standard needs a date in the metadata.
    pub fn needs_date(self) -> bool {
        matches!(self, PdfStandard::A2b | PdfStandard::A2u)
    }
}

/// The writer's settings: tagged always, validated when a standard is
/// chosen.
pub fn settings(standard: Option<PdfStandard>) -> SerializeSettings {
    let mut settings = SerializeSettings {
        enable_tagging: true,
        ..SerializeSettings::default()
    };
    if let Some(standard) = standard
        && let Ok(configuration) = ConfigurationBuilder::new()
            .set_validator(standard.validator())
            .finish()
    {
        settings.configuration = configuration;
    }
    settings
}

/// The one-line reason a document could not be written.
pub fn describe(error: &KrillaError, standard: Option<PdfStandard>) -> String {
    let KrillaError::Validation(errors) = error else {
        return format!("{error:?}");
    };
    let mut reasons: Vec<String> = Vec::new();
    for (error, _) in errors {
        let reason = reason(error);
        if !reasons.contains(&reason) {
            reasons.push(reason);
        }
    }
    let more = reasons.len().saturating_sub(REASONS_LISTED);
    reasons.truncate(REASONS_LISTED);
    if more > 0 {
        reasons.push(format!("and {more} more"));
    }
    let title = standard.map_or("the chosen standard", PdfStandard::title);
    format!("the PDF would not meet {title}: {}", reasons.join("; "))
}

/// A validation error in words.
fn reason(error: &ValidationError) -> String {
    match error {
        ValidationError::ContainsNotDefGlyph(_, _, text) => {
            format!("no font can show {text:?} (pass --font FILE with a font that covers it)")
        }
        ValidationError::NoCodepointMapping(..) | ValidationError::InvalidCodepointMapping(..) => {
            "a glyph maps to no Unicode character".to_string()
        }
        ValidationError::UnicodePrivateArea(..) => {
            "a glyph maps to a private-use character".to_string()
        }
        ValidationError::MissingDocumentDate => "the article has no date".to_string(),
        ValidationError::NoDocumentTitle => "the article has no title".to_string(),
        ValidationError::NoDocumentLanguage => "the article's language is unknown".to_string(),
        ValidationError::MissingAltText(_) => "a picture has no description".to_string(),
        ValidationError::MissingAnnotationAltText(_) => "a link has no description".to_string(),
        ValidationError::MissingHeadingTitle => "a heading has no title".to_string(),
        ValidationError::Transparency(_) => "an image is transparent".to_string(),
        // The variant's name; its fields can hold a whole font.
        other => format!("{other:?}")
            .split('(')
            .next()
            .unwrap_or_default()
            .to_string(),
    }
}

/// The date of an undated edition for a standard that needs one: the
/// newest day an article was updated, else `SOURCE_DATE_EPOCH` (seconds
/// since 1970, UTC), else 1970-01-01 — never the clock, so the same input
/// gives the same bytes (the EPUB writer dates an undated book the same way).
pub fn undated<'a>(articles: impl IntoIterator<Item = &'a Article>) -> Option<Stamp> {
    let modified = articles
        .into_iter()
        .filter_map(|a| a.modified.as_deref().and_then(Stamp::parse))
        .max_by_key(Stamp::day_key);
    if modified.is_some() {
        return modified;
    }
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0);
    utc_stamp(seconds)
}

/// The UTC date and time `seconds` after 1970.
fn utc_stamp(seconds: i64) -> Option<Stamp> {
    let (year, month, day) = civil_from_days(seconds.div_euclid(DAY_SECONDS));
    let second = u32::try_from(seconds.rem_euclid(DAY_SECONDS)).ok()?;
    let mut stamp = Stamp::date(year, month, day)?;
    stamp.time = Some((second / 3600, second / 60 % 60, second % 60));
    stamp.offset = Some(0);
    Some(stamp)
}
