//! Sets of tag names for the lookups every element of a page goes through
//! (is it a block, a line break, invisible?): a name is packed into one
//! integer and found by binary search, instead of being compared with each
//! name of a list in turn. Where one element is looked up in several lists,
//! [`TagKinds`] answers for all of them at once from the element's interned
//! name.

use markup5ever::LocalName;
use rustc_hash::FxHashMap;

/// The longest name packed into a key; longer names are compared as text.
const KEY_BYTES: usize = 15;

/// A set of tag names (compared exactly, case included).
#[derive(Debug)]
pub struct TagSet {
    /// Sorted keys of the names of at most [`KEY_BYTES`] bytes.
    keys: Vec<u128>,
    /// The longer names.
    long: Vec<&'static str>,
}

impl TagSet {
    /// The set of `names`.
    pub fn new(names: &[&'static str]) -> TagSet {
        let mut keys: Vec<u128> = names.iter().filter_map(|n| key(n)).collect();
        keys.sort_unstable();
        keys.dedup();
        let long = names.iter().copied().filter(|n| key(n).is_none()).collect();
        TagSet { keys, long }
    }

    /// Whether `name` is in the set.
    pub fn contains(&self, name: &str) -> bool {
        match key(name) {
            Some(k) => self.keys.binary_search(&k).is_ok(),
            None => self.long.contains(&name),
        }
    }
}

/// Several tag lists at once: for a tag name, the lists it is in as bits
/// (list `i` is bit `1 << i`), found in one hash lookup of the element's
/// interned name (its hash is stored with it, equal names are equal atoms).
#[derive(Debug)]
pub struct TagKinds {
    kinds: FxHashMap<LocalName, u8>,
}

impl TagKinds {
    /// The kinds of the names of up to eight `lists`.
    pub fn new(lists: &[&[&'static str]]) -> TagKinds {
        assert!(lists.len() <= 8, "one bit per list");
        let mut kinds: FxHashMap<LocalName, u8> = FxHashMap::default();
        for (i, list) in lists.iter().enumerate() {
            for name in *list {
                *kinds.entry(LocalName::from(*name)).or_default() |= 1 << i;
            }
        }
        TagKinds { kinds }
    }

    /// The lists `name` is in, as bits (none: 0).
    pub fn of(&self, name: &LocalName) -> u8 {
        self.kinds.get(name).copied().unwrap_or(0)
    }
}

/// A name of at most [`KEY_BYTES`] bytes as an integer: its bytes, then its
/// length in the last byte (so no two names share a key).
fn key(name: &str) -> Option<u128> {
    let bytes = name.as_bytes();
    if bytes.len() > KEY_BYTES {
        return None;
    }
    let mut k = [0u8; 16];
    k[..bytes.len()].copy_from_slice(bytes);
    k[KEY_BYTES] = bytes.len() as u8;
    Some(u128::from_le_bytes(k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_found_exactly() {
        let set = TagSet::new(&["p", "div", "blockquote", "a-very-long-custom-tag", "p"]);
        for name in ["p", "div", "blockquote", "a-very-long-custom-tag"] {
            assert!(set.contains(name), "{name}");
        }
        for name in [
            "",
            "P",
            "pp",
            "p\0",
            "di",
            "blockquotes",
            "a-very-long-custom-ta",
        ] {
            assert!(!set.contains(name), "{name:?}");
        }
    }

    #[test]
    fn kinds_tell_every_list_a_name_is_in() {
        let kinds = TagKinds::new(&[&["p", "div"], &["div", "my-widget"], &["svg"]]);
        let of = |name: &str| kinds.of(&LocalName::from(name));
        assert_eq!(of("p"), 0b001);
        assert_eq!(of("div"), 0b011);
        assert_eq!(of("my-widget"), 0b010);
        assert_eq!(of("svg"), 0b100);
        for name in [
            "",
            "P",
            "span",
            "my-widget2",
            "a-very-long-custom-element-name",
        ] {
            assert_eq!(of(name), 0, "{name:?}");
        }
    }
}
