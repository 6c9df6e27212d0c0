//! Word lists as sets looked up in lower case without a lowercase copy of
//! the word: the reporting verbs, titles and given names that nearly every
//! word of a page is checked against.

use std::borrow::Cow;

use rustc_hash::FxHashSet;

use super::normalize::{ascii_within, lowercase};

/// Room for a word lowercased on the stack; longer words are rare and are
/// lowercased on the heap.
pub(in crate::read::html) const WORD_BUF: usize = 32;

/// A word's lowercase bytes: itself when it is lowercase ASCII already,
/// written into `buf` when it is other short ASCII text (a capitalized word
/// looked up in a word set needs no allocated copy, nor a check that the
/// copy is text).
pub(in crate::read::html) fn lower_in<'a>(
    buf: &'a mut [u8; WORD_BUF],
    word: &'a str,
) -> Cow<'a, [u8]> {
    if word.len() <= WORD_BUF && word.is_ascii() {
        let b = &mut buf[..word.len()];
        b.copy_from_slice(word.as_bytes());
        b.make_ascii_lowercase();
        return Cow::Borrowed(b);
    }
    match lowercase(word) {
        Cow::Borrowed(w) => Cow::Borrowed(w.as_bytes()),
        Cow::Owned(w) => Cow::Owned(w.into_bytes()),
    }
}

/// A word list as sets of lowercase byte strings: the words of up to seven
/// bytes packed into a number, looked up without a copy of the word, the
/// others by a word's lowercase bytes ([`lower_in`]).
pub(in crate::read::html) struct Words {
    /// The short words, packed ([`packed`]).
    short: FxHashSet<u64>,
    /// The longer words.
    long: FxHashSet<&'static [u8]>,
    /// The fewest characters of a word of the list: a word of fewer bytes
    /// is none of them (its lowercase has no more characters than it has
    /// bytes).
    min_chars: usize,
    /// One bit for each pair of first and last bytes of a word of the list:
    /// an ASCII word whose lowercase ends pair otherwise is none of them.
    ends: Vec<u64>,
}

/// A word's first and last bytes as one index of a table of every pair.
fn ends_pair(first: u8, last: u8) -> usize {
    (usize::from(first) << 8) | usize::from(last)
}

/// Up to seven bytes as one number: the bytes in order from the lowest,
/// the count in the highest byte.
fn packed(bytes: &[u8]) -> Option<u64> {
    // Shifted in from the last byte rather than copied to memory and read
    // back as a number, which would stall.
    (bytes.len() < 8).then(|| {
        bytes
            .iter()
            .rev()
            .fold(bytes.len() as u64, |key, &b| (key << 8) | u64::from(b))
    })
}

impl Words {
    pub(in crate::read::html) fn new(words: &[&'static str]) -> Words {
        let (short, long): (Vec<&[u8]>, Vec<&[u8]>) = words
            .iter()
            .map(|w| w.as_bytes())
            .partition(|w| w.len() < 8);
        let mut ends = vec![0u64; 1 << 10];
        for w in words {
            if let (Some(&first), Some(&last)) = (w.as_bytes().first(), w.as_bytes().last()) {
                let pair = ends_pair(first, last);
                ends[pair >> 6] |= 1 << (pair & 63);
            }
        }
        Words {
            ends,
            short: short.into_iter().filter_map(packed).collect(),
            long: long.into_iter().collect(),
            min_chars: words.iter().map(|w| w.chars().count()).min().unwrap_or(0),
        }
    }

    /// Whether the word, in lower case, is in the list. A short ASCII word
    /// is lowercased in its packed form, all bytes at once.
    pub(in crate::read::html) fn has(&self, word: &str) -> bool {
        if word.len() < self.min_chars {
            return false;
        }
        if word.is_ascii() {
            if let (Some(first), Some(last)) = (word.as_bytes().first(), word.as_bytes().last()) {
                let pair = ends_pair(first.to_ascii_lowercase(), last.to_ascii_lowercase());
                if self.ends[pair >> 6] & (1 << (pair & 63)) == 0 {
                    return false;
                }
            }
            if let Some(key) = packed(word.as_bytes()) {
                return self
                    .short
                    .contains(&(key | (ascii_within(key, b'A', b'Z') >> 2)));
            }
        }
        self.has_lower(&lower_in(&mut [0; WORD_BUF], word))
    }

    /// Whether lowercase bytes are in the list.
    pub(in crate::read::html) fn has_lower(&self, lower: &[u8]) -> bool {
        if lower.len() < self.min_chars {
            return false;
        }
        match packed(lower) {
            Some(key) => self.short.contains(&key),
            None => self.long.contains(lower),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_searched_in_lower_case() {
        let words = Words::new(&["said", "ok", "straße", "i̇stanbul", "a-very-long-word"]);
        for w in [
            "said",
            "SAID",
            "Said",
            "OK",
            "Straße",
            "İstanbul",
            "A-Very-Long-Word",
        ] {
            assert!(words.has(w), "{w}");
        }
        for w in ["", "o", "sai", "saidx", "strasse", "a-very-long-wor"] {
            assert!(!words.has(w), "{w}");
        }
    }
}
