//! Setting text: styled spans become shaped runs, the runs become boxes,
//! glue and penalties (words, spaces, hyphenation points), the line breaker
//! chooses the lines, and each line becomes positioned glyph strings ready
//! to draw.

use std::ops::Range;

use super::fonts::{FaceId, FontSet, Run, Style};
use super::hyphenate::Patterns;
use super::linebreak::{self, FILL, FORBID, Item, Line, Mode};

/// Cost of breaking at a hyphenation point (TeX's `\hyphenpenalty`).
const HYPHEN_PENALTY: f32 = 50.0;
/// Cost of breaking after a hyphen or dash already in the text (`\exhyphenpenalty`).
const EXPLICIT_HYPHEN_PENALTY: f32 = 50.0;
/// Cost of breaking inside a word too long for any line (URLs): high, so
/// it happens only when nothing else fits.
const EMERGENCY_BREAK_PENALTY: f32 = 900.0;
/// How far an inter-word space may stretch, as a share of its width (TeX: 1/2).
const SPACE_STRETCH: f32 = 0.5;
/// How far an inter-word space may shrink, as a share of its width (TeX: 1/3).
const SPACE_SHRINK: f32 = 1.0 / 3.0;
/// Missing width a ragged line may show before it counts as badly set, as a
/// share of the measure.
const RAGGED_ALLOWANCE: f32 = 0.3;

/// Ink colours, as grey levels or RGB.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Ink {
    /// Body text.
    Text,
    /// Link text.
    Link,
    /// Secondary text: captions, running heads, dates.
    Muted,
}

/// A stretch of text in one style.
#[derive(Debug, Clone)]
pub struct Span {
    /// The characters; `\n` forces a line break.
    pub text: String,
    /// The role (face).
    pub style: Style,
    /// The colour.
    pub ink: Ink,
}

impl Span {
    /// A span of body-coloured text.
    pub fn new(text: impl Into<String>, style: Style) -> Span {
        Span {
            text: text.into(),
            style,
            ink: Ink::Text,
        }
    }
}

/// How a paragraph is set.
#[derive(Debug, Clone, Copy)]
pub struct Setting {
    /// Font size in points.
    pub size: f32,
    /// Line width in points.
    pub measure: f32,
    /// Justified (and hyphenated) or ragged right.
    pub justify: bool,
    /// Whether words may be hyphenated.
    pub hyphenate: bool,
    /// Indent of the first line, in points.
    pub indent: f32,
    /// Centre each line (titles); implies ragged.
    pub center: bool,
}

/// Positioned glyphs in one face: one call to the PDF library.
#[derive(Debug, Clone)]
pub struct GlyphString {
    /// Pen position of the first glyph, from the line's left edge.
    pub x: f32,
    /// The face.
    pub face: FaceId,
    /// Size in points.
    pub size: f32,
    /// The colour.
    pub ink: Ink,
    /// The text the glyphs show (for copying and search).
    pub text: String,
    /// The glyphs: id, byte range in `text`, advance, x and y offsets (points).
    pub glyphs: Vec<(u16, Range<usize>, f32, f32, f32)>,
}

/// One set line: its glyph strings, left to right.
#[derive(Debug, Clone, Default)]
pub struct SetLine {
    /// The glyph strings.
    pub strings: Vec<GlyphString>,
    /// Natural width actually used.
    pub width: f32,
}

/// What a box or glue draws: glyphs `glyphs` of run `run`.
#[derive(Debug, Clone)]
struct Piece {
    run: usize,
    glyphs: Range<usize>,
}

/// Sets spans into lines.
pub fn set(
    spans: &[Span],
    setting: Setting,
    fonts: &mut FontSet,
    patterns: Option<&Patterns>,
) -> Vec<SetLine> {
    let mut runs: Vec<(Run, Ink)> = Vec::new();
    let mut items: Vec<Item<Piece>> = Vec::new();
    if setting.indent > 0.0 {
        items.push(Item::Box {
            width: setting.indent,
            content: Piece {
                run: usize::MAX,
                glyphs: 0..0,
            },
        });
    }
    for span in spans {
        for (k, part) in span.text.split('\n').enumerate() {
            if k > 0 {
                linebreak::end_paragraph(&mut items);
            }
            let text = collapse_spaces(part);
            if text.is_empty() {
                continue;
            }
            for run in fonts.shape(&text, span.style, setting.size) {
                let index = runs.len();
                let hyphen = fonts.hyphen(run.face, setting.size);
                push_run(&run, index, &hyphen, setting, patterns, &mut items);
                runs.push((run, span.ink));
                runs.push((hyphen, span.ink));
            }
        }
    }
    while matches!(items.last(), Some(Item::Glue { .. })) {
        items.pop();
    }
    if items.iter().all(|i| !matches!(i, Item::Box { .. })) {
        return Vec::new();
    }
    linebreak::end_paragraph(&mut items);
    let mode = if setting.justify && !setting.center {
        Mode::Justified
    } else {
        Mode::Ragged(setting.measure * RAGGED_ALLOWANCE)
    };
    let lines = linebreak::break_lines(&items, setting.measure, mode);
    lines
        .iter()
        .map(|line| draw_line(&items, &runs, line, mode, setting))
        .collect()
}

/// Collapses white space (but not no-break spaces) to single spaces.
fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() && c != '\u{00A0}' && c != '\u{202F}' {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// Turns one shaped run into items: a box per word fragment, glue per space,
/// penalties at hyphenation points and after dashes.
fn push_run(
    run: &Run,
    index: usize,
    hyphen: &Run,
    setting: Setting,
    patterns: Option<&Patterns>,
    items: &mut Vec<Item<Piece>>,
) {
    let glyphs = &run.glyphs;
    let mut i = 0;
    while i < glyphs.len() {
        let g = glyphs[i];
        if &run.text[g.start..g.end] == " " {
            if ends_with_hyphen(items, run, index) {
                // "Bildungs- und": a line must not end on a hyphen that
                // readers (and search) would take for a broken word.
                items.push(Item::Penalty {
                    width: 0.0,
                    cost: FORBID,
                    flagged: false,
                    content: None,
                });
            }
            items.push(Item::Glue {
                width: g.advance,
                stretch: g.advance * SPACE_STRETCH,
                shrink: g.advance * SPACE_SHRINK,
                content: Some(Piece {
                    run: index,
                    glyphs: i..i + 1,
                }),
            });
            i += 1;
            continue;
        }
        let start = i;
        while i < glyphs.len() && &run.text[glyphs[i].start..glyphs[i].end] != " " {
            i += 1;
        }
        push_word(run, index, start..i, hyphen, setting, patterns, items);
    }
}

/// Whether the last item is a box of this run whose text ends with a hyphen.
fn ends_with_hyphen(items: &[Item<Piece>], run: &Run, index: usize) -> bool {
    match items.last() {
        Some(Item::Box { content, .. }) if content.run == index && content.glyphs.end > 0 => {
            let g = run.glyphs[content.glyphs.end - 1];
            matches!(&run.text[g.start..g.end], "-" | "‐")
        }
        _ => false,
    }
}

/// Pushes one word (glyphs `range` of the run), split at its break points.
fn push_word(
    run: &Run,
    index: usize,
    range: Range<usize>,
    hyphen: &Run,
    setting: Setting,
    patterns: Option<&Patterns>,
    items: &mut Vec<Item<Piece>>,
) {
    let glyphs = &run.glyphs[range.clone()];
    let text_start = glyphs.first().map_or(0, |g| g.start);
    let text_end = glyphs.last().map_or(0, |g| g.end);
    let word = &run.text[text_start..text_end];
    let width: f32 = glyphs.iter().map(|g| g.advance).sum();

    // Break points: (glyph index where the next fragment starts, hyphen drawn?, cost).
    let mut points: Vec<(usize, bool, f32)> = Vec::new();
    if setting.hyphenate
        && setting.justify
        && let Some(patterns) = patterns
    {
        for offset in patterns.breaks(word) {
            let at = text_start + offset;
            if let Some(k) = range.clone().find(|&k| run.glyphs[k].start == at) {
                points.push((k, true, HYPHEN_PENALTY));
            }
        }
    }
    for k in range.start..range.end.saturating_sub(2) {
        let t = &run.text[run.glyphs[k].start..run.glyphs[k].end];
        if matches!(t, "-" | "‐" | "–" | "—" | "/") && k > range.start {
            points.push((k + 1, false, EXPLICIT_HYPHEN_PENALTY));
        }
    }
    if width > setting.measure * 0.8 {
        // Too long for a line (a URL): allow a break between any two glyphs.
        let step = 1;
        for k in (range.start + 2..range.end.saturating_sub(2)).step_by(step) {
            if !points.iter().any(|p| p.0 == k) {
                points.push((k, false, EMERGENCY_BREAK_PENALTY));
            }
        }
    }
    points.sort_by_key(|p| p.0);
    points.dedup_by_key(|p| p.0);

    let mut from = range.start;
    for (at, hyphenated, cost) in points {
        if at <= from || at >= range.end {
            continue;
        }
        push_box(run, index, from..at, items);
        items.push(Item::Penalty {
            width: if hyphenated { hyphen.width() } else { 0.0 },
            cost,
            flagged: hyphenated || cost == EXPLICIT_HYPHEN_PENALTY,
            content: hyphenated.then(|| Piece {
                run: index + 1,
                glyphs: 0..hyphen.glyphs.len(),
            }),
        });
        from = at;
    }
    push_box(run, index, from..range.end, items);
}

fn push_box(run: &Run, index: usize, glyphs: Range<usize>, items: &mut Vec<Item<Piece>>) {
    let width = run.glyphs[glyphs.clone()].iter().map(|g| g.advance).sum();
    items.push(Item::Box {
        width,
        content: Piece { run: index, glyphs },
    });
}

/// Positions the items of one line.
fn draw_line(
    items: &[Item<Piece>],
    runs: &[(Run, Ink)],
    line: &Line,
    mode: Mode,
    setting: Setting,
) -> SetLine {
    let ratio = match mode {
        Mode::Justified => line.ratio.clamp(-1.0, 8.0),
        Mode::Ragged(_) => 0.0,
    };
    let mut set = SetLine::default();
    let mut x = 0.0f32;
    let mut current: Option<GlyphString> = None;

    let place = |piece: &Piece,
                 x: f32,
                 advance_override: Option<f32>,
                 set: &mut SetLine,
                 current: &mut Option<GlyphString>| {
        if piece.run == usize::MAX {
            return;
        }
        let (run, ink) = &runs[piece.run];
        let same = current
            .as_ref()
            .is_some_and(|c| c.face == run.face && c.size == run.size && c.ink == *ink);
        if !same {
            if let Some(done) = current.take() {
                set.strings.push(done);
            }
            *current = Some(GlyphString {
                x,
                face: run.face,
                size: run.size,
                ink: *ink,
                text: String::new(),
                glyphs: Vec::new(),
            });
        }
        let Some(string) = current.as_mut() else {
            return;
        };
        for k in piece.glyphs.clone() {
            let g = run.glyphs[k];
            let text = &run.text[g.start..g.end];
            // Glyphs of one cluster share its text: add it once.
            let shares = k > piece.glyphs.start && run.glyphs[k - 1].start == g.start;
            let begin = if shares {
                string
                    .glyphs
                    .last()
                    .map_or(string.text.len(), |l| l.1.start)
            } else {
                string.text.len()
            };
            if !shares {
                string.text.push_str(text);
            }
            let advance = advance_override.unwrap_or(g.advance);
            string.glyphs.push((
                g.id,
                begin..string.text.len(),
                advance,
                g.x_offset,
                g.y_offset,
            ));
        }
    };

    for (i, item) in items.iter().enumerate().take(line.end + 1).skip(line.start) {
        match item {
            Item::Box { width, content } => {
                // A gap (space drawn in another face) starts a new string.
                if current.as_ref().is_some_and(|c| {
                    let end = c.x + c.glyphs.iter().map(|g| g.2).sum::<f32>();
                    (end - x).abs() > 0.01
                }) && let Some(done) = current.take()
                {
                    set.strings.push(done);
                }
                place(content, x, None, &mut set, &mut current);
                x += width;
            }
            Item::Glue {
                width,
                stretch,
                shrink,
                content,
            } => {
                if i == line.end {
                    break;
                }
                let actual = if ratio >= 0.0 {
                    width + ratio * if *stretch >= FILL { 0.0 } else { *stretch }
                } else {
                    width + ratio * shrink
                };
                if let Some(piece) = content {
                    let continues = current.as_ref().is_some_and(|c| {
                        let (run, ink) = &runs[piece.run];
                        c.face == run.face && c.size == run.size && c.ink == *ink
                    });
                    if continues {
                        place(piece, x, Some(actual), &mut set, &mut current);
                    }
                }
                x += actual;
            }
            Item::Penalty { content, .. } => {
                if i == line.end
                    && let Some(piece) = content
                {
                    place(piece, x, None, &mut set, &mut current);
                    x += runs[piece.run].0.width();
                }
            }
        }
    }
    if let Some(done) = current.take() {
        set.strings.push(done);
    }
    set.width = x;
    if setting.center {
        let shift = ((setting.measure - x) / 2.0).max(0.0);
        for s in &mut set.strings {
            s.x += shift;
        }
    }
    set
}
