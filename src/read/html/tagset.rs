//! Sets of tag names for the lookups every element of a page goes through
//! (is it a block, a line break, invisible?): where one element is looked up
//! in several lists, [`TagKinds`] answers for all of them at once from the
//! element's interned name, instead of comparing it with each name of each
//! list in turn.

use markup5ever::LocalName;
use rustc_hash::FxHashMap;

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

#[cfg(test)]
mod tests {
    use super::*;

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
