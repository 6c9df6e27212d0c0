//! What every fuzz target does: read the bytes as an input of the given name,
//! check that each article already follows the sanitizer's policy (applying
//! it again changes nothing), then render it through every registered
//! writer. Errors are fine; panics, hangs and runaway memory are the bugs
//! being looked for.

use std::path::PathBuf;

use galley::read::{self, Input};
use galley::write::{WRITERS, WriteOptions};

/// Reads `data` as the file `name` and writes every article it yields.
pub fn read_and_write(data: &[u8], name: &str) {
    let input = Input {
        name: name.to_string(),
        path: Some(PathBuf::from(name)),
        bytes: data.to_vec(),
    };
    let Ok(docs) = read::read(&input) else { return };
    let options = WriteOptions::default();
    for doc in &docs {
        let mut again = doc.article.clone();
        galley::sanitize::article(&mut again);
        assert_eq!(again, doc.article, "the reader's article is not sanitized");
        for writer in WRITERS {
            let _ = writer.write(doc, &options);
        }
    }
}
