//! Hyphenation: Knuth–Liang patterns for the article's language, from the
//! `hyphenation` crate's embedded dictionaries (TeX's hyph-utf8 patterns,
//! about 80 languages). A dictionary is loaded the first time a language is
//! met and kept for the rest of the process.

use std::collections::BTreeMap;
use std::sync::{Arc, LazyLock, Mutex};

use hyphenation::{Hyphenator, Language, Load, Standard};

/// Fewest letters kept before a hyphen, whatever the patterns allow: a
/// one-letter stub at a line end reads badly.
const MIN_PREFIX: usize = 2;
/// Fewest letters carried to the next line.
const MIN_SUFFIX: usize = 3;
/// Shortest word worth hyphenating.
const MIN_WORD: usize = MIN_PREFIX + MIN_SUFFIX;

/// Loaded dictionaries by language code (`None`: the language has none).
type Cache = BTreeMap<&'static str, Option<Arc<Standard>>>;

/// Dictionaries loaded so far, by language.
static DICTIONARIES: LazyLock<Mutex<Cache>> = LazyLock::new(|| Mutex::new(BTreeMap::new()));

/// Hyphenation for one language.
#[derive(Clone)]
pub struct Patterns {
    dictionary: Arc<Standard>,
}

/// The pattern language for a BCP 47 tag, when the crate has one.
fn language_for(tag: &str) -> Option<Language> {
    let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
    if let Some(language) = Language::try_from_code(&tag) {
        return Some(language);
    }
    let primary = tag.split('-').next().unwrap_or("");
    let region = tag.split('-').nth(1).unwrap_or("");
    Some(match (primary, region) {
        ("en", "gb" | "uk" | "au" | "nz" | "ie" | "in" | "za") => Language::EnglishGB,
        ("en", _) => Language::EnglishUS,
        ("de", "ch") => Language::GermanSwiss,
        ("de", _) => Language::German1996,
        ("el", _) => Language::GreekMono,
        ("nb" | "no", _) => Language::NorwegianBokmal,
        ("nn", _) => Language::NorwegianNynorsk,
        ("sr", _) => Language::SerbianCyrillic,
        ("mn", _) => Language::Mongolian,
        ("la", _) => Language::Latin,
        _ => Language::try_from_code(primary)?,
    })
}

impl Patterns {
    /// The hyphenator for a language tag; English when the article names
    /// none; `None` for languages without patterns (Kazakh, Chinese, …).
    pub fn for_language(tag: Option<&str>) -> Option<Patterns> {
        let language = language_for(tag.unwrap_or("en"))?;
        let mut cache = DICTIONARIES.lock().unwrap_or_else(|e| e.into_inner());
        let entry = cache
            .entry(language.code())
            .or_insert_with(|| Standard::from_embedded(language).ok().map(Arc::new));
        entry.clone().map(|dictionary| Patterns { dictionary })
    }

    /// Byte offsets inside `word` where a hyphen may go. Only words made of
    /// letters are hyphenated; leading and trailing punctuation is skipped.
    pub fn breaks(&self, word: &str) -> Vec<usize> {
        let core_start = word
            .char_indices()
            .find(|(_, c)| c.is_alphabetic())
            .map_or(word.len(), |(i, _)| i);
        let core_end = word
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_alphabetic())
            .map_or(core_start, |(i, c)| i + c.len_utf8());
        if core_start >= core_end {
            return Vec::new();
        }
        let core = &word[core_start..core_end];
        if !core.chars().all(char::is_alphabetic) || core.chars().count() < MIN_WORD {
            return Vec::new();
        }
        // The patterns work on the lowercased word and give offsets into it;
        // where lowercasing changes a letter's length (`Ⱦ` is two bytes, `ⱦ`
        // three) those offsets do not fit `core`, so such words stay whole.
        if core.to_lowercase().len() != core.len() {
            return Vec::new();
        }
        let chars = core.chars().count();
        self.dictionary
            .hyphenate(core)
            .breaks
            .into_iter()
            .filter(|&b| core.is_char_boundary(b))
            .filter(|&b| {
                let before = core[..b].chars().count();
                before >= MIN_PREFIX && chars - before >= MIN_SUFFIX
            })
            .map(|b| b + core_start)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_russian_words_hyphenate() {
        let en = Patterns::for_language(Some("en-US")).expect("English patterns");
        assert_eq!(en.breaks("hyphenation,"), vec![2, 6, 7]);
        let ru = Patterns::for_language(Some("ru")).expect("Russian patterns");
        assert!(!ru.breaks("соглашение").is_empty());
        assert!(Patterns::for_language(Some("kk")).is_none());
    }

    #[test]
    fn a_letter_that_grows_when_lowercased_leaves_the_word_whole() {
        let ru = Patterns::for_language(Some("ru")).expect("Russian patterns");
        assert!(ru.breaks("типȾграфии").is_empty());
        assert!(!ru.breaks("типографии").is_empty());
    }
}
