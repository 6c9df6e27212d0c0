//! An article's language as a valid BCP 47 tag — the page's own tag, else
//! one told from the script of its text — and the direction it is written
//! in.

use crate::model::Article;

/// Language tag used when the article names none (or an invalid one): BCP 47
/// "undetermined", which is honest and valid where `en` would be a guess.
pub const UNKNOWN_LANGUAGE: &str = "und";

/// Primary language subtags written right to left; their documents get
/// `dir="rtl"` and the spine a right-to-left page progression.
pub const RTL_LANGUAGES: &[&str] = &[
    "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "ps", "sd", "ug", "ur", "yi",
];

/// Share of a text's letters a script must reach before an untagged article
/// is labelled by it: a majority, so quoted names do not decide.
pub const SCRIPT_SHARE: f64 = 0.5;

/// Letters read to find the script of an untagged article: enough for a
/// stable share, little enough to stay cheap.
const SCRIPT_SAMPLE: usize = 2000;

/// The article's language as a valid BCP 47 tag. When the page names none,
/// the script of the text decides where it is unambiguous (`ja` for kana,
/// `ko` for Hangul, `zh` for Han alone) and otherwise gives an undetermined
/// language in a right-to-left script (`und-Arab`, `und-Hebr`), so direction
/// and fonts are right even without a tag.
pub fn language(article: &Article) -> String {
    article
        .language
        .as_deref()
        .map(str::trim)
        .filter(|tag| is_language_tag(tag))
        .map(str::to_string)
        .or_else(|| script_language(article).map(str::to_string))
        .unwrap_or_else(|| UNKNOWN_LANGUAGE.to_string())
}

/// A tag for the dominant script of the headline and body, when one can be told.
fn script_language(article: &Article) -> Option<&'static str> {
    let (mut letters, mut kana, mut hangul, mut han, mut arabic, mut hebrew) = (0, 0, 0, 0, 0, 0);
    let text =
        std::iter::once(article.headline.as_str()).chain(article.blocks.iter().map(|b| b.text()));
    for c in text
        .flat_map(str::chars)
        .filter(|c| c.is_alphabetic())
        .take(SCRIPT_SAMPLE)
    {
        letters += 1;
        match c {
            '\u{3040}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' => kana += 1,
            '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' => {
                hangul += 1
            }
            '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => han += 1,
            '\u{0600}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}' => arabic += 1,
            '\u{0590}'..='\u{05FF}' => hebrew += 1,
            _ => {}
        }
    }
    let share = |n: usize| letters > 0 && n as f64 / letters as f64 >= SCRIPT_SHARE;
    if share(kana + han) && kana > 0 {
        Some("ja")
    } else if share(hangul + han) && hangul > 0 {
        Some("ko")
    } else if share(han) {
        Some("zh")
    } else if share(arabic) {
        Some("und-Arab")
    } else if share(hebrew) {
        Some("und-Hebr")
    } else {
        None
    }
}

/// A loose BCP 47 check: a 2–3 letter primary subtag, then alphanumeric
/// subtags of 1–8 characters.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Whether a language is written right to left (by its primary subtag, or an
/// explicit `Arab`/`Hebr` script subtag).
pub fn is_rtl(tag: &str) -> bool {
    let lower = tag.to_ascii_lowercase();
    RTL_LANGUAGES.contains(&primary_subtag(&lower).as_str())
        || lower.split('-').any(|p| p == "arab" || p == "hebr")
}

/// The primary subtag of a language tag, lower case (`pt` for `pt-BR`).
pub fn primary_subtag(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_and_direction() {
        assert!(is_rtl("ar"));
        assert!(is_rtl("fa-IR"));
        assert!(!is_rtl("en"));
        assert!(is_language_tag("pt-BR"));
        assert!(!is_language_tag("english language"));
    }

    #[test]
    fn untagged_articles_are_labelled_by_their_script() {
        let tagged = |headline: &str| {
            language(&Article {
                headline: headline.into(),
                ..Article::default()
            })
        };
        assert_eq!(tagged("消費増税の軽減税率"), "ja");
        assert_eq!(tagged("서울 시장 선거"), "ko");
        assert_eq!(tagged("北京举行会议"), "zh");
        assert_eq!(tagged("عنوان الخبر"), "und-Arab");
        assert!(is_rtl(&tagged("כותרת החדשות")));
        assert_eq!(tagged("A plain headline"), UNKNOWN_LANGUAGE);
    }
}
