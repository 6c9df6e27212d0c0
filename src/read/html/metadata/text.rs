//! Text measures the field rules share: folding for comparison (case,
//! white space, quote marks and dashes) and counting words.

use crate::read::html::normalize::{collapse_whitespace, words_fold_to};

/// Case, white space, quote marks and dashes folded, for comparing texts.
pub(super) fn fold_marks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        out.extend(fold_mark_char(c));
    }
    collapse_whitespace(&out)
}

/// One character as [`fold_marks`] writes it.
pub(super) fn fold_mark_char(c: char) -> std::char::ToLowercase {
    let c = match c {
        '‘' | '’' | '‚' | '‛' | '′' | '`' | '´' => '\'',
        '“' | '”' | '„' | '‟' | '″' | '«' | '»' => '"',
        '‐'..='―' => '-',
        c => c,
    };
    c.to_lowercase()
}

/// Whether `fold_marks(text) == folded`, for a `folded` that [`fold_marks`] gave,
/// without folding `text` (see [`words_fold_to`]).
pub(super) fn folds_marks_to(text: &str, folded: &str) -> bool {
    words_fold_to(text, folded, |word, w| {
        word.chars().flat_map(fold_mark_char).eq(w.chars())
    })
}

/// How many words a text counts as: Chinese and Japanese, written without
/// spaces, count one word per two characters.
pub(super) fn weight(text: &str) -> usize {
    words(text)
        .iter()
        .map(|w| {
            let wide = w.chars().filter(|c| is_cjk(*c)).count();
            if wide > 0 {
                (wide / 2).max(1) + usize::from(wide < w.chars().count())
            } else {
                1
            }
        })
        .sum()
}

/// Whether a character is Chinese, Japanese or Korean.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}')
}

/// The lowercase words of a text (letters and digits).
pub(super) fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}
