//! Output names claimed by the inputs of a run, so that two inputs never
//! write the same output. Every input claims the base of its outputs (the
//! folder and the name before the extension: `out/story` for `out/story.md`,
//! `out/story.pdf`, `out/story_images/` and, for an archive, `out/story/`)
//! before any input is converted, in input order, so the first keeps its
//! name and a later one gets `story-2` whatever `--jobs` is. An archive's
//! articles, found only while it is read, claim theirs as they are named
//! and give way to every input's claim.
//!
//! Names are compared ignoring case (for file systems that do), and kept as
//! hashes, so a run over a million inputs holds a few megabytes of them.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;
use std::sync::Mutex;

use super::naming;

/// Who claimed a name: the hash of the input's path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Owner(u64);

impl Owner {
    /// The owner standing for `input` (`-` is standard input).
    pub fn of(input: &Path) -> Owner {
        if input.as_os_str() == "-" {
            return Owner(hash(&"-"));
        }
        Owner(hash(&naming::normalize(input)))
    }
}

/// The output bases claimed so far, and by whom.
#[derive(Debug, Default)]
pub struct Claims {
    owners: Mutex<HashMap<u64, Owner>>,
}

impl Claims {
    /// Claims `folder/name` for `owner` unless another owner has it;
    /// whether `owner` has it now.
    pub fn try_claim(&self, owner: Owner, folder: &Path, name: &str) -> bool {
        let key = hash(
            &naming::normalize(&folder.join(name))
                .to_string_lossy()
                .to_lowercase(),
        );
        let mut owners = self.owners.lock().unwrap_or_else(|e| e.into_inner());
        match owners.entry(key) {
            Entry::Occupied(taken) => *taken.get() == owner,
            Entry::Vacant(free) => {
                free.insert(owner);
                true
            }
        }
    }

    /// `name`, or the first of `name-2`, `name-3`… that no other owner
    /// claimed in `folder`, claimed for `owner`. Asking again for the same
    /// owner gives the same answer.
    pub fn claim(&self, owner: Owner, folder: &Path, name: &str) -> String {
        let mut candidate = name.to_string();
        let mut n = 1;
        while !self.try_claim(owner, folder, &candidate) {
            n += 1;
            candidate = format!("{name}-{n}");
        }
        candidate
    }
}

fn hash(value: &impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_keeps_its_name_and_asking_again_gives_the_same() {
        let claims = Claims::default();
        let (a, b) = (
            Owner::of(Path::new("a.html")),
            Owner::of(Path::new("b.htm")),
        );
        let out = Path::new("out");
        assert_eq!(claims.claim(a, out, "story"), "story");
        assert_eq!(claims.claim(b, out, "Story"), "Story-2");
        assert_eq!(claims.claim(a, out, "story"), "story");
        assert_eq!(claims.claim(b, out, "Story"), "Story-2");
        assert!(!claims.try_claim(b, out, "story"));
        assert!(claims.try_claim(b, Path::new("elsewhere"), "story"));
    }
}
