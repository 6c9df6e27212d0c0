//! The fonts of the PDF edition: the faces compiled into the binary (Noto
//! Serif for the body, Noto Sans for headings and furniture, DejaVu Sans Mono
//! for code — all covering Latin, Greek and Cyrillic, Kazakh letters
//! included), then the fonts installed on the system (found by coverage of
//! the character needed, through `fontdb`), then the optional `--font`
//! fallback; the choice of a face for every character, and shaping with
//! rustybuzz, in the text's direction, into glyphs with real advances.
//!
//! The built-in faces are parsed once per process, the system's fonts are
//! listed on the first character the built-in faces lack, and a system font
//! file is read the first time it is tried. Characters that no face can
//! show are collected so the writer can name them in one warning.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex};

use krilla::text::Font;
use rustybuzz::{Face, UnicodeBuffer};

use super::Pdf;
use super::system;
use crate::error::Result;
use crate::write::Writer as _;

/// A typographic role; each maps to one built-in face.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Style {
    /// Body text.
    Serif,
    /// Body text, strong.
    SerifBold,
    /// Body text, emphasized; quotations and subtitles.
    SerifItalic,
    /// Running heads, captions, bylines, tables.
    Sans,
    /// Headlines and headings.
    SansBold,
    /// Code.
    Mono,
}

/// The built-in faces, with the file each comes from.
const BUILT_IN: [(Style, &[u8]); 6] = [
    (
        Style::Serif,
        include_bytes!("../../../templates/fonts/NotoSerif-Regular.ttf"),
    ),
    (
        Style::SerifBold,
        include_bytes!("../../../templates/fonts/NotoSerif-Bold.ttf"),
    ),
    (
        Style::SerifItalic,
        include_bytes!("../../../templates/fonts/NotoSerif-Italic.ttf"),
    ),
    (
        Style::Sans,
        include_bytes!("../../../templates/fonts/NotoSans-Regular.ttf"),
    ),
    (
        Style::SansBold,
        include_bytes!("../../../templates/fonts/NotoSans-Bold.ttf"),
    ),
    (
        Style::Mono,
        include_bytes!("../../../templates/fonts/DejaVuSansMono.ttf"),
    ),
];

/// One parsed face: the shaper's view and the PDF library's view of the
/// same bytes.
pub struct LoadedFace {
    /// For shaping and glyph lookup.
    pub shaper: Face<'static>,
    /// For embedding (krilla subsets it when the document is written).
    pub font: Font,
    /// Design units per em.
    pub units_per_em: f32,
}

impl LoadedFace {
    /// Parses face `index` of a font file.
    pub fn parse(bytes: &'static [u8], index: u32) -> Option<LoadedFace> {
        let shaper = Face::from_slice(bytes, index)?;
        let font = Font::new(krilla::Data::from(bytes), index)?;
        Some(LoadedFace {
            units_per_em: shaper.units_per_em() as f32,
            shaper,
            font,
        })
    }

    /// Whether the face has a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        self.shaper.glyph_index(c).is_some()
    }
}

/// The built-in faces, parsed on first use.
static FACES: LazyLock<Vec<LoadedFace>> = LazyLock::new(|| {
    BUILT_IN
        .iter()
        .map(|(_, bytes)| LoadedFace::parse(bytes, 0).expect("built-in font parses"))
        .collect()
});

/// Identifies a face in a [`FontSet`]: a built-in style, a system font or
/// the user's fallback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FaceId {
    /// A built-in face.
    BuiltIn(Style),
    /// An installed font: its place in [`system::faces`].
    System(usize),
    /// The `--font` face.
    Fallback,
}

/// The faces one document uses: the built-in ones, the system fonts chosen
/// so far and an optional fallback, plus the characters none of them could
/// show.
pub struct FontSet {
    fallback: Option<Arc<LoadedFace>>,
    /// System faces used, by their place in [`system::faces`].
    system: BTreeMap<usize, Arc<LoadedFace>>,
    /// The face chosen for a character in a style no built-in face covers.
    chosen: BTreeMap<(char, Style), Option<usize>>,
    /// The article's language, which decides between regional variants of
    /// a system font (Japanese, Korean, Chinese).
    language: Option<String>,
    /// Characters no face covers, in code point order.
    pub missing: BTreeSet<char>,
}

impl FontSet {
    /// The built-in faces plus, when given, the font file as a fallback.
    pub fn new(fallback: Option<&Path>) -> Result<FontSet> {
        let fallback = match fallback {
            None => None,
            Some(path) => {
                let face = load_fallback(path)?;
                Some(face)
            }
        };
        Ok(FontSet {
            fallback,
            system: BTreeMap::new(),
            chosen: BTreeMap::new(),
            language: None,
            missing: BTreeSet::new(),
        })
    }

    /// Sets the language of the text to come (a BCP 47 tag).
    pub fn set_language(&mut self, language: Option<&str>) {
        if self.language.as_deref() != language {
            self.language = language.map(str::to_string);
            self.chosen.clear();
        }
    }

    /// The face behind an id.
    pub fn face(&self, id: FaceId) -> &LoadedFace {
        match id {
            FaceId::BuiltIn(style) => &FACES[style as usize],
            FaceId::System(index) => self
                .system
                .get(&index)
                .map_or(&FACES[Style::Serif as usize], |face| face),
            FaceId::Fallback => self
                .fallback
                .as_deref()
                .unwrap_or(&FACES[Style::Serif as usize]),
        }
    }

    /// The face that shows `c` in `style`: the style's own face, then the
    /// body face, then an installed font that covers it, then the fallback.
    /// Records `c` as missing when none has it.
    pub fn face_for(&mut self, c: char, style: Style) -> FaceId {
        let own = FaceId::BuiltIn(style);
        if c.is_whitespace() || c.is_control() || self.face(own).covers(c) {
            return own;
        }
        if self.face(FaceId::BuiltIn(Style::Serif)).covers(c) {
            return FaceId::BuiltIn(Style::Serif);
        }
        if is_invisible(c) {
            return own;
        }
        if let Some(index) = self.system_face_for(c, style) {
            return FaceId::System(index);
        }
        if let Some(fallback) = &self.fallback
            && fallback.covers(c)
        {
            return FaceId::Fallback;
        }
        self.missing.insert(c);
        own
    }

    /// The installed face that best shows `c` in `style`, remembered per
    /// character.
    fn system_face_for(&mut self, c: char, style: Style) -> Option<usize> {
        if let Some(known) = self.chosen.get(&(c, style)) {
            return *known;
        }
        let found = system::find(c, style, self.language.as_deref());
        if let Some((index, face)) = &found {
            self.system.insert(*index, face.clone());
        }
        let index = found.map(|(index, _)| index);
        self.chosen.insert((c, style), index);
        index
    }

    /// Shapes `text` in one face at `size` points, right to left when
    /// `rtl`; the glyphs come back in logical order either way.
    pub fn shape_run(&self, text: &str, face_id: FaceId, size: f32, rtl: bool) -> Run {
        let face = self.face(face_id);
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.set_direction(if rtl {
            rustybuzz::Direction::RightToLeft
        } else {
            rustybuzz::Direction::LeftToRight
        });
        buffer.guess_segment_properties();
        let output = rustybuzz::shape(&face.shaper, &[], buffer);
        let scale = size / face.units_per_em;
        let infos = output.glyph_infos();
        let positions = output.glyph_positions();
        let mut glyphs: Vec<Glyph> = infos
            .iter()
            .zip(positions)
            .map(|(info, pos)| Glyph {
                id: info.glyph_id as u16,
                start: info.cluster as usize,
                end: text.len(),
                advance: pos.x_advance as f32 * scale,
                x_offset: pos.x_offset as f32 * scale,
                y_offset: pos.y_offset as f32 * scale,
            })
            .collect();
        if rtl {
            glyphs.reverse();
        }
        // A glyph's text runs to the start of the next cluster.
        let mut next = text.len();
        for i in (0..glyphs.len()).rev() {
            if i + 1 < glyphs.len() && glyphs[i + 1].start != glyphs[i].start {
                next = glyphs[i + 1].start;
            }
            glyphs[i].end = next;
        }
        Run {
            face: face_id,
            size,
            rtl,
            text: text.to_string(),
            glyphs,
        }
    }

    /// The hyphen of a face at a size, as a one-glyph run.
    pub fn hyphen(&self, face: FaceId, size: f32) -> Run {
        self.shape_run("-", face, size, false)
    }
}

/// Fallback faces read so far, by path: each file is read and parsed once
/// per process however many documents use it.
static FALLBACKS: LazyLock<Mutex<BTreeMap<PathBuf, Arc<LoadedFace>>>> =
    LazyLock::new(|| Mutex::new(BTreeMap::new()));

/// Reads and parses a `--font` file, or returns the copy parsed before.
fn load_fallback(path: &Path) -> Result<Arc<LoadedFace>> {
    let mut cache = FALLBACKS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(face) = cache.get(path) {
        return Ok(face.clone());
    }
    let bytes = std::fs::read(path)
        .map_err(|e| Pdf.error(format!("cannot read font {}: {e}", path.display())))?;
    // The shaper borrows the bytes; they live as long as the cache entry,
    // which is the rest of the process.
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    let face = LoadedFace::parse(bytes, 0).ok_or_else(|| {
        Pdf.error(format!(
            "{} is not a TrueType/OpenType font",
            path.display()
        ))
    })?;
    let face = Arc::new(face);
    cache.insert(path.to_path_buf(), face.clone());
    Ok(face)
}

/// Characters that are fine to drop silently (format controls, soft hyphen).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{FE00}'..='\u{FE0F}'
    )
}

/// One shaped glyph, in points.
#[derive(Debug, Clone, Copy)]
pub struct Glyph {
    /// Glyph id in its face.
    pub id: u16,
    /// Byte range of the text it shows, within its run.
    pub start: usize,
    /// End of that range.
    pub end: usize,
    /// Horizontal advance.
    pub advance: f32,
    /// Horizontal offset from the pen position.
    pub x_offset: f32,
    /// Vertical offset (upwards).
    pub y_offset: f32,
}

/// Text shaped in one face at one size.
#[derive(Debug, Clone)]
pub struct Run {
    /// The face.
    pub face: FaceId,
    /// Font size in points.
    pub size: f32,
    /// Whether it was shaped right to left.
    pub rtl: bool,
    /// The text shaped.
    pub text: String,
    /// Its glyphs, in logical order (a right-to-left run is drawn from
    /// the last glyph to the first).
    pub glyphs: Vec<Glyph>,
}

impl Run {
    /// Total advance of the run.
    pub fn width(&self) -> f32 {
        self.glyphs.iter().map(|g| g.advance).sum()
    }
}
