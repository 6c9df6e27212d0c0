//! Fonts installed on the system, as the second source of glyphs after the
//! built-in faces: listed once per process with `fontdb`, ordered by how
//! well each suits a style (italic, weight, serif or sans, monospace) and a
//! language (the Japanese, Korean or Chinese cut of a CJK family), and
//! searched in that order for the first face that covers a character.
//! A font file is read the first time one of its faces is tried and kept
//! for the rest of the process.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex};

use super::fonts::{LoadedFace, Style};

/// One installed face: where it is and what it looks like.
#[derive(Debug, Clone)]
pub struct SystemFace {
    path: PathBuf,
    index: u32,
    family: String,
    italic: bool,
    weight: u16,
    monospaced: bool,
}

/// The environment variable that, set to `0`, `off` or `no`, keeps the
/// system's fonts out (a PDF then depends on the binary alone).
pub const SWITCH: &str = "GALLEY_SYSTEM_FONTS";

/// The installed faces, in path order (so the choice among equally good
/// faces does not depend on the order the file system lists them in).
static FACES: LazyLock<Vec<SystemFace>> = LazyLock::new(|| {
    let off = std::env::var(SWITCH).is_ok_and(|v| matches!(v.trim(), "0" | "off" | "no"));
    if off {
        return Vec::new();
    }
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    let mut faces: Vec<SystemFace> = db
        .faces()
        .filter_map(|info| {
            let fontdb::Source::File(path) = &info.source else {
                return None;
            };
            Some(SystemFace {
                path: path.clone(),
                index: info.index,
                family: info
                    .families
                    .first()
                    .map(|f| f.0.clone())
                    .unwrap_or_default(),
                italic: info.style != fontdb::Style::Normal,
                weight: info.weight.0,
                monospaced: info.monospaced,
            })
        })
        .collect();
    faces.sort_by(|a, b| (&a.path, a.index).cmp(&(&b.path, b.index)));
    faces
});

/// Faces parsed so far, by their place in [`FACES`] (`None`: unreadable).
static LOADED: LazyLock<Mutex<BTreeMap<usize, Option<Arc<LoadedFace>>>>> =
    LazyLock::new(|| Mutex::new(BTreeMap::new()));

/// Font files read so far, by path; they live as long as the process, as
/// the faces parsed from them borrow them.
static FILES: LazyLock<Mutex<FileCache>> = LazyLock::new(|| Mutex::new(BTreeMap::new()));

/// Font files by path (`None`: unreadable or too large).
type FileCache = BTreeMap<PathBuf, Option<&'static [u8]>>;

/// Largest font file read (a CJK collection is about 30 MB).
const MAX_FONT_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The installed face that covers `c`, best suited to `style` and
/// `language`, with its place in the list of installed faces.
pub fn find(c: char, style: Style, language: Option<&str>) -> Option<(usize, Arc<LoadedFace>)> {
    let mut order: Vec<usize> = (0..FACES.len()).collect();
    let region = cjk_region(language);
    order.sort_by_key(|&i| mismatch(&FACES[i], style, region));
    order
        .into_iter()
        .find_map(|i| load(i).filter(|face| face.covers(c)).map(|face| (i, face)))
}

/// How far a face is from what `style` and `region` want, as a sort key
/// (smaller is better): language cut, slant, weight, monospace, serifs.
fn mismatch(
    face: &SystemFace,
    style: Style,
    region: Option<&str>,
) -> (bool, bool, u16, bool, bool) {
    let want_italic = style == Style::SerifItalic;
    let want_weight: u16 = if matches!(style, Style::SerifBold | Style::SansBold) {
        700
    } else {
        400
    };
    let want_mono = style == Style::Mono;
    let want_serif = matches!(style, Style::Serif | Style::SerifBold | Style::SerifItalic);
    let serif = face.family.contains("Serif")
        || face.family.contains("Mincho")
        || face.family.contains("Song");
    (
        region.is_some_and(|r| !face.family.ends_with(r)),
        face.italic != want_italic,
        face.weight.abs_diff(want_weight),
        face.monospaced != want_mono,
        serif != want_serif,
    )
}

/// The suffix of the CJK family cut for a language: "JP", "KR", "SC",
/// "TC" or "HK" (as Noto CJK and Source Han name them).
fn cjk_region(language: Option<&str>) -> Option<&'static str> {
    let tag = language?.to_ascii_lowercase().replace('_', "-");
    let mut parts = tag.split('-');
    Some(match parts.next()? {
        "ja" => "JP",
        "ko" => "KR",
        "zh" | "yue" | "cmn" => {
            let rest: Vec<&str> = parts.collect();
            if rest.contains(&"hk") || rest.contains(&"mo") {
                "HK"
            } else if rest.iter().any(|p| matches!(*p, "hant" | "tw")) {
                "TC"
            } else {
                "SC"
            }
        }
        _ => return None,
    })
}

/// Face `i` of [`FACES`], parsed on first use.
fn load(i: usize) -> Option<Arc<LoadedFace>> {
    let mut loaded = LOADED.lock().unwrap_or_else(|e| e.into_inner());
    loaded
        .entry(i)
        .or_insert_with(|| {
            let face = &FACES[i];
            let bytes = read(&face.path)?;
            LoadedFace::parse(bytes, face.index).map(Arc::new)
        })
        .clone()
}

/// The bytes of a font file, read once.
fn read(path: &Path) -> Option<&'static [u8]> {
    let mut files = FILES.lock().unwrap_or_else(|e| e.into_inner());
    *files.entry(path.to_path_buf()).or_insert_with(|| {
        let size = std::fs::metadata(path).ok()?.len();
        if size > MAX_FONT_FILE_BYTES {
            return None;
        }
        let bytes = std::fs::read(path).ok()?;
        // Parsed faces borrow the bytes for the rest of the process.
        Some(&*Box::leak(bytes.into_boxed_slice()))
    })
}
