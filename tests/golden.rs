//! Golden files: the every-block fixture through every registered writer,
//! compared byte for byte with `tests/golden/<writer>/every-block.<ext>`, or,
//! for an archive (EPUB), entry by entry with the folder
//! `tests/golden/<writer>/every-block/` and its `ENTRIES` listing. The test
//! loops over the registry, so a new writer is covered without a new line
//! here; `make golden` (`GALLEY_BLESS=1`) writes the files, to be reviewed
//! with `git diff`.

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use galley::document::Document;
use galley::write::{WRITERS, WriteOptions, Writer};

/// The fixture every writer renders: one block of every kind.
const FIXTURE: &str = "every-block";

/// What to do when a golden file is missing or differs.
const RUN_GOLDEN: &str = "run `make golden`, then review the change with git diff";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture() -> Document {
    let path = root().join(format!("tests/fixtures/{FIXTURE}.json"));
    let input = galley::batch::load(&path).expect("readable fixture");
    galley::read::read(&input)
        .expect("the fixture reads")
        .pop()
        .expect("the fixture holds an article")
}

/// The entries of a zip archive in order: name, whether stored, bytes;
/// `None` when the bytes are not an archive.
fn entries(bytes: &[u8]) -> Option<Vec<(String, bool, Vec<u8>)>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let entries = (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut data = Vec::new();
            file.read_to_end(&mut data).unwrap();
            let stored = file.compression() == zip::CompressionMethod::Stored;
            (file.name().unwrap().to_string(), stored, data)
        })
        .collect();
    Some(entries)
}

/// The golden file's bytes, or a failure telling how to make it.
fn golden(path: &Path, writer: &dyn Writer) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|_| {
        panic!(
            "no golden output {} for the {} writer: {RUN_GOLDEN}",
            path.display(),
            writer.name()
        )
    })
}

fn write_file(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

/// Compares (or, blessing, writes) an archive entry by entry.
fn check_archive(
    folder: &Path,
    writer: &dyn Writer,
    entries: &[(String, bool, Vec<u8>)],
    bless: bool,
) {
    let listing: String = entries
        .iter()
        .map(|(name, stored, _)| {
            format!("{} {name}\n", if *stored { "stored" } else { "deflated" })
        })
        .collect();
    if bless {
        let _ = std::fs::remove_dir_all(folder);
        for (name, _, data) in entries {
            write_file(&folder.join(name), data);
        }
        write_file(&folder.join("ENTRIES"), listing.as_bytes());
        return;
    }
    let expected = String::from_utf8(golden(&folder.join("ENTRIES"), writer)).unwrap();
    assert_eq!(
        listing,
        expected,
        "{} entry list differs: {RUN_GOLDEN}",
        writer.name()
    );
    for (name, _, data) in entries {
        if data != &golden(&folder.join(name), writer) {
            panic!(
                "{} entry {name} differs from its golden file: {RUN_GOLDEN}\n{}",
                writer.name(),
                String::from_utf8_lossy(data)
            );
        }
    }
}

/// Compares (or, blessing, writes) a whole output file.
fn check_file(path: &Path, writer: &dyn Writer, bytes: &[u8], bless: bool) {
    if bless {
        write_file(path, bytes);
        return;
    }
    if bytes != golden(path, writer) {
        panic!(
            "{} output differs from {}: {RUN_GOLDEN}",
            writer.name(),
            path.display()
        );
    }
}

#[test]
fn golden_output_of_every_writer() {
    let bless = std::env::var_os("GALLEY_BLESS").is_some();
    let doc = fixture();
    // As written to a folder: images a writer copies go beside the output.
    let options = WriteOptions {
        output_stem: Some(FIXTURE.to_string()),
        ..WriteOptions::default()
    };
    for writer in WRITERS {
        let output = writer
            .write(&doc, &options)
            .unwrap_or_else(|e| panic!("{} writer: {e}", writer.name()));
        assert!(
            output.warnings.is_empty(),
            "{} writer: {:?}",
            writer.name(),
            output.warnings
        );
        let folder: PathBuf = root().join("tests/golden").join(writer.name());
        match entries(&output.bytes) {
            Some(entries) => check_archive(&folder.join(FIXTURE), *writer, &entries, bless),
            None => {
                let file = folder.join(format!("{FIXTURE}.{}", writer.spec().extension));
                check_file(&file, *writer, &output.bytes, bless);
            }
        }
    }
}
