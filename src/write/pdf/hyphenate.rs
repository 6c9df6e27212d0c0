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

/// Languages that capitalise every noun, where a capital does not mark a
/// name (German, Luxembourgish).
const NOUNS_CAPITALISED: &[&str] = &["de", "gsw", "lb"];

/// Hyphenation for one language.
#[derive(Clone)]
pub struct Patterns {
    dictionary: Arc<Standard>,
    /// Whether a capitalised word is likely a name (not in German).
    capitals_mark_names: bool,
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
        let tag = tag.unwrap_or("en");
        let language = language_for(tag)?;
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        let capitals_mark_names = !NOUNS_CAPITALISED
            .iter()
            .any(|p| p.eq_ignore_ascii_case(primary));
        let mut cache = DICTIONARIES.lock().unwrap_or_else(|e| e.into_inner());
        let entry = cache
            .entry(language.code())
            .or_insert_with(|| Standard::from_embedded(language).ok().map(Arc::new));
        entry.clone().map(|dictionary| Patterns {
            dictionary,
            capitals_mark_names,
        })
    }

    /// Whether `word` is likely a name: capitalised (after any opening
    /// punctuation) in a language where capitals mark names.
    pub fn is_name(&self, word: &str) -> bool {
        self.capitals_mark_names
            && word
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
    }

    /// Byte offsets inside `word` where a hyphen may go. Only words made of
    /// letters are hyphenated, leading and trailing punctuation skipped; a
    /// word with apostrophes ("Kazakhstan’s", "l’économie") is hyphenated
    /// part by part, so a possessive or an elision does not leave a long
    /// word whole.
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
        let mut breaks = Vec::new();
        let mut offset = core_start;
        for part in core.split(APOSTROPHES) {
            if !part.chars().all(char::is_alphabetic) {
                return Vec::new();
            }
            breaks.extend(self.part_breaks(part).into_iter().map(|b| b + offset));
            offset += part.len() + part_separator_len(&word[offset + part.len()..]);
        }
        breaks
    }

    /// Hyphen offsets inside a run of letters.
    fn part_breaks(&self, part: &str) -> Vec<usize> {
        let chars = part.chars().count();
        // The patterns work on the lowercased word and give offsets into it;
        // where lowercasing changes a letter's length (`Ⱦ` is two bytes, `ⱦ`
        // three) those offsets do not fit `part`, so such words stay whole.
        let keeps_length =
            |c: char| c.to_lowercase().map(char::len_utf8).sum::<usize>() == c.len_utf8();
        if chars < MIN_WORD || !part.chars().all(keeps_length) {
            return Vec::new();
        }
        self.dictionary
            .hyphenate(part)
            .breaks
            .into_iter()
            .filter(|&b| part.is_char_boundary(b))
            .filter(|&b| {
                let before = part[..b].chars().count();
                before >= MIN_PREFIX && chars - before >= MIN_SUFFIX
            })
            .collect()
    }
}

/// Apostrophes that join the parts of a word ("Kazakhstan’s", "l’eau").
const APOSTROPHES: [char; 3] = ['\'', '’', 'ʼ'];

/// The byte length of the apostrophe that starts `rest` (0 at the end).
fn part_separator_len(rest: &str) -> usize {
    rest.chars()
        .next()
        .filter(|c| APOSTROPHES.contains(c))
        .map_or(0, char::len_utf8)
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
    fn capitals_mark_names_except_where_every_noun_has_one() {
        let en = Patterns::for_language(Some("en-GB")).expect("English patterns");
        assert!(en.is_name("(Kazakhstan"));
        assert!(!en.is_name("kazakh"));
        let de = Patterns::for_language(Some("de-DE")).expect("German patterns");
        assert!(!de.is_name("Donnerstag"));
    }

    #[test]
    fn a_possessive_or_an_elision_does_not_keep_a_word_whole() {
        let en = Patterns::for_language(Some("en")).expect("English patterns");
        let whole = en.breaks("Kazakhstan");
        assert!(!whole.is_empty());
        assert_eq!(en.breaks("Kazakhstan’s"), whole);
        let fr = Patterns::for_language(Some("fr")).expect("French patterns");
        let tail = fr.breaks("économie");
        let elided: Vec<usize> = tail.iter().map(|b| b + "l’".len()).collect();
        assert_eq!(fr.breaks("l’économie"), elided);
    }

    #[test]
    fn a_letter_that_grows_when_lowercased_leaves_the_word_whole() {
        let ru = Patterns::for_language(Some("ru")).expect("Russian patterns");
        assert!(ru.breaks("типȾграфии").is_empty());
        assert!(!ru.breaks("типографии").is_empty());
    }
}
