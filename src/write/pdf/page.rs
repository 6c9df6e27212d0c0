//! Page geometry for each `--page-size` (the one list of the sizes, which
//! the command line offers), and pagination: stacking the laid out pieces
//! (lines, figures, table rows) onto pages without orphans, widows or
//! headings stranded at a page foot.

use std::sync::Arc;

use super::tags::Role;
use super::text::GlyphString;

/// Points per inch.
const INCH: f32 = 72.0;
/// Points per millimetre.
const MM: f32 = 72.0 / 25.4;

/// The shape of a page and the type set on it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    /// Page width in points.
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// Left and right margins.
    pub side: f32,
    /// Top margin (the running head sits inside it).
    pub top: f32,
    /// Bottom margin (the page number sits inside it).
    pub bottom: f32,
    /// Body font size.
    pub body: f32,
    /// Body line spacing, baseline to baseline.
    pub leading: f32,
}

/// The page size when none is given.
pub const DEFAULT_PAGE_SIZE: &str = "a4";

/// Width of the text column on paper, in ems of the body type: about 65
/// characters of text a line (the body faces set about 2.05 characters to
/// the em), the middle of the 60–75 a reader's eye follows without losing
/// its place; the side margins take what the page has left.
const PAPER_MEASURE_EMS: f32 = 32.0;
/// Width of the text column on an e-reader screen, in ems: about 62
/// characters, the low end of the range, so the type stays as large as a
/// small screen allows; the body size follows from the screen's width.
const READER_MEASURE_EMS: f32 = 30.5;
/// Top and bottom margins on paper as a share of the side margin: a little
/// less, so the text block keeps about the page's proportions.
const PAPER_HEAD_SHARE: f32 = 0.8;
/// Side margins of an e-reader page (the device adds its own bezel).
const READER_SIDE: f32 = 14.0;

/// Every `--page-size` value, in the order the help lists them.
const PAGE_SIZES: &[(&str, Size)] = &[
    (
        DEFAULT_PAGE_SIZE,
        Size::Paper {
            width: 210.0 * MM,
            height: 297.0 * MM,
            body: 12.0,
        },
    ),
    (
        "letter",
        Size::Paper {
            width: 8.5 * INCH,
            height: 11.0 * INCH,
            body: 12.0,
        },
    ),
    (
        "a5",
        Size::Paper {
            width: 148.0 * MM,
            height: 210.0 * MM,
            body: 10.0,
        },
    ),
    ("6in", Size::Reader { diagonal: 6.0 }),
    ("7in", Size::Reader { diagonal: 7.0 }),
];

/// A page size: paper, or an e-reader screen.
enum Size {
    /// A sheet and its body size, with book margins: the side margins leave
    /// a column of [`PAPER_MEASURE_EMS`], top and bottom a little less.
    Paper { width: f32, height: f32, body: f32 },
    /// A 3:4 screen of this diagonal in inches, with thin margins and a
    /// body size that sets [`READER_MEASURE_EMS`] across it.
    Reader { diagonal: f32 },
}

/// The `--page-size` values, in the order the help lists them.
pub fn page_sizes() -> impl Iterator<Item = &'static str> {
    PAGE_SIZES.iter().map(|(name, _)| *name)
}

impl Geometry {
    /// The geometry for a `--page-size` value (A4 when unknown). Paper sizes
    /// get book margins around a column of about 65 characters; the
    /// e-reader sizes (`6in` and `7in` screen diagonals, 3:4) get thin
    /// margins and the largest type that still sets about 62 characters a
    /// line, since the screen shows it at about its true size.
    pub fn for_page_size(name: Option<&str>) -> Geometry {
        let name = name.unwrap_or(DEFAULT_PAGE_SIZE).to_ascii_lowercase();
        let size = PAGE_SIZES
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap_or(&PAGE_SIZES[0]);
        match size.1 {
            Size::Paper {
                width,
                height,
                body,
            } => {
                let side = (width - PAPER_MEASURE_EMS * body) / 2.0;
                Geometry {
                    width,
                    height,
                    side,
                    top: side * PAPER_HEAD_SHARE,
                    bottom: side * PAPER_HEAD_SHARE,
                    body,
                    leading: body * 1.36,
                }
            }
            Size::Reader { diagonal } => {
                let width = diagonal * 0.6 * INCH;
                let body = (width - 2.0 * READER_SIDE) / READER_MEASURE_EMS;
                Geometry {
                    width,
                    height: diagonal * 0.8 * INCH,
                    side: READER_SIDE,
                    top: 24.0,
                    bottom: 22.0,
                    body,
                    leading: body * 1.32,
                }
            }
        }
    }

    /// Width of the text column.
    pub fn measure(&self) -> f32 {
        self.width - 2.0 * self.side
    }

    /// Height of the text area.
    pub fn text_height(&self) -> f32 {
        self.height - self.top - self.bottom
    }
}

/// Something to draw, positioned relative to its piece's top-left corner.
#[derive(Debug, Clone)]
pub enum Draw {
    /// Glyphs on a baseline `y`; the string's own `x` is added to `x`.
    Text {
        /// Left edge of the line.
        x: f32,
        /// Baseline.
        y: f32,
        /// The glyphs.
        string: GlyphString,
    },
    /// Generated text — list markers, running heads, page numbers — drawn
    /// as glyph outlines: seen, but (like a web page's list markers) not
    /// part of the text a reader copies or searches, so it never splits the
    /// article's sentences in extracted text.
    Mark {
        /// Left edge of the line.
        x: f32,
        /// Baseline.
        y: f32,
        /// The glyphs.
        string: GlyphString,
    },
    /// A filled rectangle of a grey level (0 black – 255 white).
    Rect {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Grey level.
        grey: u8,
    },
    /// An image scaled into a box.
    Image {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// The image.
        image: krilla::image::Image,
    },
}

/// A destination worth an outline entry: a headline or heading.
#[derive(Debug, Clone, PartialEq)]
pub struct Anchor {
    /// 1 for an article, 2–6 for its headings.
    pub level: u8,
    /// The entry's text.
    pub title: String,
}

/// The unit of pagination: a line, a figure, a table row.
#[derive(Debug, Clone, Default)]
pub struct Piece {
    /// Its height.
    pub height: f32,
    /// Space above it, dropped at the top of a page.
    pub space_before: f32,
    /// Whether a page may end just before it.
    pub break_before: bool,
    /// What it draws.
    pub draws: Vec<Draw>,
    /// An outline entry pointing at it.
    pub anchor: Option<Anchor>,
    /// What it is in the document's structure (for the tag tree).
    pub role: Role,
    /// Pieces set above it when it starts a page: a table's header rows,
    /// repeated on each page the table continues on.
    pub repeat: Option<Arc<Vec<Piece>>>,
}

/// A piece placed on a page, with the y of its top inside the text area.
#[derive(Debug, Clone)]
pub struct Placed {
    /// Top of the piece, from the top of the text area.
    pub y: f32,
    /// The piece.
    pub piece: Piece,
}

/// Stacks pieces onto pages of `height`. When a piece does not fit, the
/// page ends at the last place a break is allowed (so a paragraph's first or
/// last line is never alone and a heading stays with what follows); if the
/// page has no such place, it ends right there. A piece that starts a page
/// brings the pieces it repeats (a table's header) above it.
pub fn paginate(pieces: Vec<Piece>, height: f32) -> Vec<Vec<Placed>> {
    let mut pages: Vec<Vec<Placed>> = Vec::new();
    let mut page: Vec<Placed> = Vec::new();
    let mut y = 0.0f32;
    // Repeated pieces at the top of the page: no break before them.
    let mut repeated = 0;
    let mut queue: std::collections::VecDeque<Piece> = pieces.into();
    while let Some(piece) = queue.pop_front() {
        if page.is_empty()
            && let Some(repeat) = &piece.repeat
        {
            for copy in repeat.iter() {
                page.push(Placed {
                    y,
                    piece: copy.clone(),
                });
                y += copy.height;
            }
            repeated = page.len();
        }
        let space = if page.is_empty() {
            0.0
        } else {
            piece.space_before
        };
        if page.len() == repeated || y + space + piece.height <= height + 0.01 {
            y += space;
            page.push(Placed { y, piece });
            y += page.last().map_or(0.0, |p| p.piece.height);
            continue;
        }
        // Find the last allowed break on this page (not before its first piece).
        let cut = if piece.break_before {
            page.len()
        } else {
            (repeated + 1..page.len())
                .rev()
                .find(|&k| page[k].piece.break_before)
                .unwrap_or(page.len())
        };
        queue.push_front(piece);
        for placed in page.drain(cut..).rev() {
            queue.push_front(placed.piece);
        }
        pages.push(std::mem::take(&mut page));
        y = 0.0;
        repeated = 0;
    }
    if !page.is_empty() {
        pages.push(page);
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(break_before: bool) -> Piece {
        Piece {
            height: 10.0,
            break_before,
            ..Piece::default()
        }
    }

    #[test]
    fn a_page_ends_at_an_allowed_break() {
        // Five lines fit; the sixth may not start a page, so the fifth moves too.
        let pieces = vec![
            line(true),
            line(false),
            line(true),
            line(true),
            line(true),
            line(false),
            line(true),
        ];
        let pages = paginate(pieces, 50.0);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].len(), 4);
        assert_eq!(pages[1].len(), 3);
    }

    #[test]
    fn every_size_sets_a_book_measure_with_margins() {
        let a4 = Geometry::for_page_size(Some("a4"));
        assert!((a4.width - 595.3).abs() < 0.1);
        for name in page_sizes() {
            let g = Geometry::for_page_size(Some(name));
            let ems = g.measure() / g.body;
            assert!((30.0..=33.0).contains(&ems), "{name}: {ems} ems");
            assert!(g.side >= READER_SIDE && g.top > 0.0, "{name}: margins");
            assert!(g.body >= 7.0, "{name}: {} pt type", g.body);
        }
    }
}
