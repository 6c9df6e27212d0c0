//! Setting text: styled spans become shaped runs, the runs become boxes,
//! glue and penalties, the line breaker chooses the lines, and each line
//! becomes positioned glyph strings ready to draw.
//!
//! Where a line may end follows the Unicode line breaking rules (UAX #14):
//! no line starts with closing punctuation, no-break spaces hold, and CJK
//! text breaks between characters. A run with no break opportunity that is
//! wider than the measure is broken between any two characters. Mixed
//! left-to-right and right-to-left text is shaped in its own direction and
//! each line is put in visual order by the Unicode bidirectional algorithm.
//! A paragraph is set piece by piece, so a huge one costs memory for one
//! piece only, and setting stops once the caller's line limit is reached.

use std::ops::Range;

use unicode_bidi::{BidiInfo, Level};
use unicode_linebreak::{BreakClass, BreakOpportunity, break_property};

use super::fonts::{FaceId, FontSet, Run, Style};
use super::hyphenate::Patterns;
use super::linebreak::{self, FILL, FORBID, Item, Line, Mode};

/// Cost of breaking at a hyphenation point (TeX's `\hyphenpenalty`).
const HYPHEN_PENALTY: f32 = 50.0;
/// Cost of breaking a name ("Kazakhstan", "Bridenstine": a capitalised word
/// where capitals mark names) at a hyphenation point: high enough that a name is split only to spare a
/// very loose line (badness about 500, spaces stretched 1.7 times as far as
/// they comfortably may), since a broken name is hard to read back.
const CAPITALISED_HYPHEN_PENALTY: f32 = 1000.0;
/// Cost of breaking after a hyphen or dash already in the text (`\exhyphenpenalty`),
/// and at other break opportunities inside a word ("and/or").
const EXPLICIT_HYPHEN_PENALTY: f32 = 50.0;
/// Cost of breaking inside a word too long for any line (URLs): high, so
/// it happens only when nothing else fits.
const EMERGENCY_BREAK_PENALTY: f32 = 900.0;
/// A word wider than this share of the measure may be broken anywhere.
const EMERGENCY_WIDTH: f32 = 0.8;
/// How far an inter-word space may stretch, as a share of its width (TeX: 1/2).
const SPACE_STRETCH: f32 = 0.5;
/// How far an inter-word space may shrink, as a share of its width (TeX: 1/3).
const SPACE_SHRINK: f32 = 1.0 / 3.0;
/// How far the gap between two CJK characters may open when a line is
/// justified, as a share of the font size (CJK text has no spaces to stretch).
const CJK_STRETCH: f32 = 0.15;
/// Missing width a ragged line may show before it counts as badly set, as a
/// share of the measure.
const RAGGED_ALLOWANCE: f32 = 0.3;
/// A paragraph is set in pieces of about this many bytes, each ending at a
/// break opportunity: enough for dozens of lines, small enough that a
/// paragraph of megabytes never sits shaped in memory at once.
const PIECE_BYTES: usize = 16 * 1024;
/// A piece with no break opportunity is cut after this many bytes anyway.
const PIECE_MAX_BYTES: usize = 2 * PIECE_BYTES;
/// Words longer than this many bytes are not hyphenated (no dictionary
/// word is; the patterns' cost grows with the word).
const MAX_HYPHENATED_BYTES: usize = 96;

/// Ink colours, as grey levels or RGB.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Ink {
    /// Body text.
    Text,
    /// Link text: the link's number in the layout's list of targets.
    Link(u32),
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
    /// Whether the line ends inside a word: at a hyphen the breaker added,
    /// or after a word's own hyphen, dash or slash.
    pub hyphenated: bool,
    /// Byte offset, within the piece of paragraph it was set from, where
    /// the line's text begins.
    start: usize,
}

/// What a box or glue draws: glyphs `glyphs` of run `run`.
#[derive(Debug, Clone)]
struct Piece {
    run: usize,
    glyphs: Range<usize>,
}

/// A run of one paragraph piece: the shaped glyphs (in logical order), the
/// colour, the bidi level and where its text starts in the piece.
struct PlacedRun {
    run: Run,
    ink: Ink,
    level: Level,
    offset: usize,
    /// A forced line break (its run is empty).
    forced: bool,
}

/// The paragraph as one string with `\n` for forced breaks, spaces
/// collapsed, and the style of each byte range.
struct Paragraph {
    text: String,
    /// (end of the range, style, ink), in order.
    styles: Vec<(usize, Style, Ink)>,
}

impl Paragraph {
    fn collect(spans: &[Span]) -> Paragraph {
        let mut text = String::new();
        let mut styles = Vec::new();
        let mut space = false;
        for span in spans {
            for c in span.text.chars() {
                if c == '\n' {
                    while text.ends_with(' ') {
                        text.pop();
                    }
                    text.push('\n');
                    space = false;
                } else if is_collapsible_space(c) {
                    space = true;
                } else {
                    if space && !text.is_empty() && !text.ends_with('\n') {
                        text.push(' ');
                    }
                    space = false;
                    text.push(c);
                }
            }
            if space && !text.is_empty() && !text.ends_with('\n') {
                text.push(' ');
                space = false;
            }
            styles.push((text.len(), span.style, span.ink));
        }
        Paragraph { text, styles }
    }

    /// The style and ink of the byte at `at`.
    fn style_at(&self, at: usize) -> (Style, Ink) {
        let k = self
            .styles
            .partition_point(|s| s.0 <= at)
            .min(self.styles.len().saturating_sub(1));
        let (_, style, ink) = self.styles[k];
        (style, ink)
    }
}

/// White space that collapses to one space (no-break spaces do not).
fn is_collapsible_space(c: char) -> bool {
    c.is_whitespace() && c != '\n' && c != '\u{00A0}' && c != '\u{202F}' && c != '\u{2007}'
}

/// Sets spans into lines.
pub fn set(
    spans: &[Span],
    setting: Setting,
    fonts: &mut FontSet,
    patterns: Option<&Patterns>,
) -> Vec<SetLine> {
    set_at_most(spans, setting, fonts, patterns, usize::MAX)
}

/// Sets spans into lines, stopping soon after `max_lines` lines (the rest
/// of the text is neither shaped nor set).
pub fn set_at_most(
    spans: &[Span],
    setting: Setting,
    fonts: &mut FontSet,
    patterns: Option<&Patterns>,
    max_lines: usize,
) -> Vec<SetLine> {
    let paragraph = Paragraph::collect(spans);
    let text = paragraph.text.as_str();
    let rtl = matches!(
        unicode_bidi::get_base_direction(text),
        unicode_bidi::Direction::Rtl
    );
    let mut opportunities = unicode_linebreak::linebreaks(text).peekable();
    let mut lines = Vec::new();
    let mut start = 0;
    // Break opportunities after `start` read ahead by the previous piece.
    let mut carried: Vec<(usize, BreakOpportunity)> = Vec::new();
    while start < text.len() && lines.len() < max_lines {
        let mut breaks: Vec<(usize, BreakOpportunity)> = carried
            .drain(..)
            .map(|(at, kind)| (at - start, kind))
            .collect();
        let mut end = text.len();
        if let Some(&(at, _)) = breaks.last()
            && at >= PIECE_BYTES
        {
            end = start + at;
        } else {
            while let Some(&(at, kind)) = opportunities.peek() {
                if at > start + PIECE_MAX_BYTES {
                    end = floor_char_boundary(text, start + PIECE_BYTES);
                    break;
                }
                opportunities.next();
                breaks.push((at - start, kind));
                if at >= start + PIECE_BYTES {
                    end = at;
                    break;
                }
            }
        }
        let piece = Chunk {
            text: &text[start..end],
            offset: start,
            breaks,
            rtl,
            indent: if start == 0 { setting.indent } else { 0.0 },
        };
        let mut set = set_chunk(&paragraph, &piece, setting, fonts, patterns);
        // The last line of a piece that is not the paragraph's last is set
        // again at the head of the next piece, so the seam does not show.
        let resume = match set.last() {
            Some(last) if end < text.len() && set.len() > 1 && last.start > 0 => start + last.start,
            _ => end,
        };
        if resume < end {
            set.pop();
            carried = piece
                .breaks
                .iter()
                .map(|&(at, kind)| (at + start, kind))
                .filter(|&(at, _)| at > resume)
                .collect();
        }
        lines.extend(set);
        start = resume;
    }
    lines
}

/// The largest char boundary of `text` at or before `at`.
fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// One piece of a paragraph and its break opportunities (byte offsets
/// within the piece, ascending).
struct Chunk<'a> {
    text: &'a str,
    offset: usize,
    breaks: Vec<(usize, BreakOpportunity)>,
    rtl: bool,
    indent: f32,
}

/// Sets one piece of a paragraph.
fn set_chunk(
    paragraph: &Paragraph,
    chunk: &Chunk,
    setting: Setting,
    fonts: &mut FontSet,
    patterns: Option<&Patterns>,
) -> Vec<SetLine> {
    let base = if chunk.rtl {
        Level::rtl()
    } else {
        Level::ltr()
    };
    let runs = shape_chunk(paragraph, chunk, base, setting.size, fonts);
    let mut items: Vec<Item<Piece>> = Vec::new();
    if chunk.indent > 0.0 {
        items.push(Item::Box {
            width: chunk.indent,
            content: Piece {
                run: usize::MAX,
                glyphs: 0..0,
            },
        });
    }
    let mut next_break = 0;
    for (index, placed) in runs.iter().enumerate() {
        if index % 2 == 1 {
            continue;
        }
        if placed.forced {
            linebreak::end_paragraph(&mut items);
            continue;
        }
        let context = RunContext {
            placed,
            index,
            hyphen: &runs[index + 1].run,
            chunk,
            setting,
            patterns,
        };
        push_run(&context, &mut next_break, &mut items);
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
        .map(|line| draw_line(&items, &runs, line, mode, setting, base))
        .collect()
}

/// Shapes a piece: one run per stretch of text in one face, style, colour
/// and direction, each followed by the hyphen of its face (so run `i`'s
/// hyphen is run `i + 1`); a forced break becomes a pair of empty runs
/// marked `forced`.
fn shape_chunk(
    paragraph: &Paragraph,
    chunk: &Chunk,
    base: Level,
    size: f32,
    fonts: &mut FontSet,
) -> Vec<PlacedRun> {
    let text = chunk.text;
    let bidi = needs_bidi(text).then(|| BidiInfo::new(text, Some(base)));
    let level_at = |at: usize| bidi.as_ref().map_or(base, |b| b.levels[at]);
    let mut runs = Vec::new();
    let push =
        |runs: &mut Vec<PlacedRun>, from: usize, to: usize, key: RunKey, fonts: &mut FontSet| {
            if from >= to {
                return;
            }
            let rtl = key.level.is_rtl();
            let run = fonts.shape_run(&text[from..to], key.face, size, rtl);
            let hyphen = fonts.hyphen(key.face, size);
            runs.push(PlacedRun {
                run,
                ink: key.ink,
                level: key.level,
                offset: from,
                forced: false,
            });
            runs.push(PlacedRun {
                run: hyphen,
                ink: key.ink,
                level: key.level,
                offset: to,
                forced: false,
            });
        };
    let mut start = 0;
    let mut current: Option<RunKey> = None;
    for (i, c) in text.char_indices() {
        let (style, ink) = paragraph.style_at(chunk.offset + i);
        if c == '\n' {
            if let Some(key) = current.take() {
                push(&mut runs, start, i, key, fonts);
            }
            for _ in 0..2 {
                runs.push(PlacedRun {
                    run: fonts.shape_run("", FaceId::BuiltIn(style), size, false),
                    ink,
                    level: base,
                    offset: i,
                    forced: true,
                });
            }
            start = i + 1;
            continue;
        }
        let key = RunKey {
            face: fonts.face_for(c, style),
            ink,
            level: level_at(i),
        };
        // Spaces stay with the run they stand in, unless their direction
        // differs (a space between two right-to-left words in a run of
        // digits belongs to neither).
        if let Some(open) = current
            && open != key
            && !(c == ' ' && open.ink == key.ink && open.level == key.level)
        {
            push(&mut runs, start, i, open, fonts);
            start = i;
            current = Some(key);
        }
        if current.is_none() {
            current = Some(key);
        }
    }
    if let Some(key) = current {
        push(&mut runs, start, text.len(), key, fonts);
    }
    runs
}

/// What a run has in common.
#[derive(Debug, Clone, Copy, PartialEq)]
struct RunKey {
    face: FaceId,
    ink: Ink,
    level: Level,
}

/// Whether a text has characters of a right-to-left script (or controls
/// that change direction), so the bidi algorithm has work to do.
fn needs_bidi(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c, '\u{0590}'..='\u{08FF}' | '\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'
            | '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}')
    })
}

/// Everything `push_run` needs to know about one run.
struct RunContext<'a> {
    placed: &'a PlacedRun,
    index: usize,
    hyphen: &'a Run,
    chunk: &'a Chunk<'a>,
    setting: Setting,
    patterns: Option<&'a Patterns>,
}

impl RunContext<'_> {
    /// The piece byte offset where glyph `k` starts.
    fn at(&self, k: usize) -> usize {
        self.placed.offset + self.placed.run.glyphs[k].start
    }

    /// The text of glyph `k`'s cluster.
    fn text(&self, k: usize) -> &str {
        let g = self.placed.run.glyphs[k];
        &self.placed.run.text[g.start..g.end]
    }
}

/// Whether a line may begin at byte `at` of the piece: a break opportunity
/// of UAX #14, tailored so that a line never starts with a percent sign or
/// closing punctuation even after an ordinary space ("50 %", "mot »"), nor
/// ends with an opening guillemet.
fn may_break_before(
    chunk: &Chunk,
    at: usize,
    breaks: &[(usize, BreakOpportunity)],
    next: &mut usize,
) -> bool {
    while *next < breaks.len() && breaks[*next].0 < at {
        *next += 1;
    }
    if breaks.get(*next).is_none_or(|b| b.0 != at) {
        return false;
    }
    let before = &chunk.text[..at];
    if before.ends_with(' ')
        && before
            .trim_end_matches(' ')
            .chars()
            .next_back()
            .is_some_and(opens)
    {
        return false;
    }
    let Some(c) = chunk.text[at..].chars().next() else {
        return true;
    };
    !closes(c)
}

/// Characters no line may end with even when a space follows them: the
/// opening guillemets of French typesetting ("« mot »").
fn opens(c: char) -> bool {
    matches!(c, '«' | '‹')
}

/// Characters no line may start with, beyond what UAX #14 already keeps
/// from a line's start: those that follow a word after a space in French
/// typesetting, and the percent sign.
fn closes(c: char) -> bool {
    matches!(
        c,
        '%' | '‰' | '»' | '›' | ':' | ';' | '!' | '?' | ')' | ']' | '}'
    )
}

/// Turns one shaped run into items: a box per word fragment, glue per space,
/// penalties and stretchable gaps at break opportunities inside words.
fn push_run(context: &RunContext, next_break: &mut usize, items: &mut Vec<Item<Piece>>) {
    let glyphs = &context.placed.run.glyphs;
    let mut i = 0;
    while i < glyphs.len() {
        if context.text(i) == " " {
            let after = context.at(i) + 1;
            let allowed = may_break_before(context.chunk, after, &context.chunk.breaks, next_break);
            if !allowed || ends_with_hyphen(items, context) {
                // "Bildungs- und": a line must not end on a hyphen that
                // readers (and search) would take for a broken word.
                items.push(Item::Penalty {
                    width: 0.0,
                    cost: FORBID,
                    flagged: false,
                    content: None,
                });
            }
            let advance = glyphs[i].advance;
            items.push(Item::Glue {
                width: advance,
                stretch: advance * SPACE_STRETCH,
                shrink: advance * SPACE_SHRINK,
                content: Some(Piece {
                    run: context.index,
                    glyphs: i..i + 1,
                }),
            });
            i += 1;
            continue;
        }
        let start = i;
        while i < glyphs.len() && context.text(i) != " " {
            i += 1;
        }
        push_word(context, start..i, next_break, items);
    }
}

/// Whether the last item is a box of this run whose text ends with a hyphen.
fn ends_with_hyphen(items: &[Item<Piece>], context: &RunContext) -> bool {
    match items.last() {
        Some(Item::Box { content, .. })
            if content.run == context.index && content.glyphs.end > 0 =>
        {
            matches!(context.text(content.glyphs.end - 1), "-" | "‐")
        }
        _ => false,
    }
}

/// A place a word may be broken before glyph `k`.
#[derive(Debug, Clone, Copy)]
enum Point {
    /// A hyphenation point: a hyphen is drawn.
    Hyphen,
    /// After a hyphen, dash or other break opportunity: nothing is drawn.
    Explicit,
    /// Between two CJK characters: a gap that may open.
    Ideographic,
    /// Anywhere in an overlong word.
    Emergency,
}

/// Pushes one word (glyphs `range` of the run), split at its break points.
fn push_word(
    context: &RunContext,
    range: Range<usize>,
    next_break: &mut usize,
    items: &mut Vec<Item<Piece>>,
) {
    let run = &context.placed.run;
    let setting = context.setting;
    let glyphs = &run.glyphs[range.clone()];
    let width: f32 = glyphs.iter().map(|g| g.advance).sum();
    let mut points: Vec<Option<Point>> = vec![None; range.len() + 1];
    let mut hyphen_cost = HYPHEN_PENALTY;
    let chunk = context.chunk;

    // UAX #14 opportunities inside the word and at its end (when no space
    // follows: CJK, a change of face).
    for k in range.start + 1..=range.end {
        let at = if k == range.end {
            context.placed.offset + run.text.len()
        } else {
            if run.glyphs[k].start == run.glyphs[k - 1].start {
                continue;
            }
            context.at(k)
        };
        if k == range.end
            && (k < run.glyphs.len()
                || chunk.text[at..].starts_with([' ', '\n'])
                || at >= chunk.text.len())
        {
            continue;
        }
        if may_break_before(chunk, at, &chunk.breaks, next_break) {
            let before = chunk.text[..at].chars().next_back().unwrap_or(' ');
            let after = chunk.text[at..].chars().next().unwrap_or(' ');
            points[k - range.start] = if is_ideographic(before) || is_ideographic(after) {
                Some(Point::Ideographic)
            } else if is_hangul(before) || is_hangul(after) {
                // Korean is written with spaces between words and broken
                // at them (CSS `word-break: keep-all`).
                None
            } else {
                Some(Point::Explicit)
            };
        }
    }
    if setting.hyphenate
        && setting.justify
        && let Some(patterns) = context.patterns
    {
        let text_start = glyphs.first().map_or(0, |g| g.start);
        let text_end = glyphs.last().map_or(0, |g| g.end);
        if text_end - text_start <= MAX_HYPHENATED_BYTES && !run.rtl {
            let word = &run.text[text_start..text_end];
            hyphen_cost = if patterns.is_name(word) {
                CAPITALISED_HYPHEN_PENALTY
            } else {
                HYPHEN_PENALTY
            };
            let mut k = range.start;
            for offset in patterns.breaks(word) {
                let at = text_start + offset;
                while k < range.end && run.glyphs[k].start < at {
                    k += 1;
                }
                if k < range.end && run.glyphs[k].start == at && points[k - range.start].is_none() {
                    points[k - range.start] = Some(Point::Hyphen);
                }
            }
        }
    }
    if width > setting.measure * EMERGENCY_WIDTH {
        // Too long for a line (a URL, a run without spaces): allow a break
        // between any two clusters.
        for k in range.start + 2..range.end.saturating_sub(2) {
            if points[k - range.start].is_none() && run.glyphs[k].start != run.glyphs[k - 1].start {
                points[k - range.start] = Some(Point::Emergency);
            }
        }
    }

    let mut from = range.start;
    for (offset, point) in points.iter().enumerate() {
        let Some(point) = point else { continue };
        let at = range.start + offset;
        if at <= from {
            continue;
        }
        push_box(run, context.index, from..at, items);
        from = at;
        match point {
            Point::Ideographic => items.push(Item::Glue {
                width: 0.0,
                stretch: setting.size * CJK_STRETCH,
                shrink: 0.0,
                content: None,
            }),
            Point::Hyphen => items.push(Item::Penalty {
                width: context.hyphen.width(),
                cost: hyphen_cost,
                flagged: true,
                content: Some(Piece {
                    run: context.index + 1,
                    glyphs: 0..context.hyphen.glyphs.len(),
                }),
            }),
            Point::Explicit => items.push(Item::Penalty {
                width: 0.0,
                cost: EXPLICIT_HYPHEN_PENALTY,
                flagged: true,
                content: None,
            }),
            Point::Emergency => items.push(Item::Penalty {
                width: 0.0,
                cost: EMERGENCY_BREAK_PENALTY,
                flagged: false,
                content: None,
            }),
        }
    }
    if from < range.end {
        push_box(run, context.index, from..range.end, items);
    }
}

/// Characters of scripts written without spaces, between which UAX #14
/// lets lines break (Han, kana and their punctuation).
fn is_ideographic(c: char) -> bool {
    matches!(
        break_property(c as u32),
        BreakClass::Ideographic | BreakClass::ConditionalJapaneseStarter
    )
}

/// Hangul syllables and jamo.
fn is_hangul(c: char) -> bool {
    matches!(
        break_property(c as u32),
        BreakClass::HangulLvSyllable
            | BreakClass::HangulLvtSyllable
            | BreakClass::HangulLJamo
            | BreakClass::HangulVJamo
            | BreakClass::HangulTJamo
    )
}

fn push_box(run: &Run, index: usize, glyphs: Range<usize>, items: &mut Vec<Item<Piece>>) {
    let width = run.glyphs[glyphs.clone()].iter().map(|g| g.advance).sum();
    items.push(Item::Box {
        width,
        content: Piece { run: index, glyphs },
    });
}

/// One thing a line shows, in logical order: glyphs of a run (or none), the
/// width they take, whether a glyph's advance is replaced by that width
/// (a stretched space), and the bidi level.
struct Atom<'a> {
    piece: Option<&'a Piece>,
    width: f32,
    stretched: bool,
    level: Level,
}

/// Positions the items of one line.
fn draw_line(
    items: &[Item<Piece>],
    runs: &[PlacedRun],
    line: &Line,
    mode: Mode,
    setting: Setting,
    base: Level,
) -> SetLine {
    let ratio = match mode {
        Mode::Justified => line.ratio.clamp(-1.0, 8.0),
        Mode::Ragged(_) => 0.0,
    };
    let level_of = |piece: &Piece| runs.get(piece.run).map_or(base, |r| r.level);
    let mut atoms: Vec<Atom> = Vec::new();
    for (i, item) in items.iter().enumerate().take(line.end + 1).skip(line.start) {
        match item {
            Item::Box { width, content } => atoms.push(Atom {
                piece: Some(content),
                width: *width,
                stretched: false,
                level: level_of(content),
            }),
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
                atoms.push(Atom {
                    piece: content.as_ref(),
                    width: actual,
                    stretched: true,
                    level: content.as_ref().map_or(base, level_of),
                });
            }
            Item::Penalty { content, .. } => {
                if i == line.end
                    && let Some(piece) = content
                {
                    atoms.push(Atom {
                        piece: Some(piece),
                        width: runs[piece.run].run.width(),
                        stretched: false,
                        level: level_of(piece),
                    });
                }
            }
        }
    }
    let start = atoms
        .iter()
        .filter_map(|a| a.piece)
        .find(|p| p.run != usize::MAX)
        .map_or(0, |p| {
            let placed = &runs[p.run];
            placed.offset + placed.run.glyphs.get(p.glyphs.start).map_or(0, |g| g.start)
        });
    reorder(&mut atoms);

    let mut set = SetLine {
        start,
        hyphenated: matches!(items[line.end], Item::Penalty { flagged: true, .. }),
        ..SetLine::default()
    };
    let mut x = 0.0f32;
    let mut current: Option<GlyphString> = None;
    for atom in &atoms {
        if let Some(piece) = atom.piece
            && piece.run != usize::MAX
        {
            let placed = &runs[piece.run];
            let continues = current.as_ref().is_some_and(|c| {
                c.face == placed.run.face
                    && c.size == placed.run.size
                    && c.ink == placed.ink
                    && (c.x + c.glyphs.iter().map(|g| g.2).sum::<f32>() - x).abs() <= 0.01
            });
            // A space only joins the string it stands in; alone it is a gap.
            if continues || !atom.stretched {
                if !continues && let Some(done) = current.take() {
                    set.strings.push(done);
                }
                let string = current.get_or_insert_with(|| GlyphString {
                    x,
                    face: placed.run.face,
                    size: placed.run.size,
                    ink: placed.ink,
                    text: String::new(),
                    glyphs: Vec::new(),
                });
                let advance = atom.stretched.then_some(atom.width);
                place(string, &placed.run, piece.glyphs.clone(), advance);
            }
        }
        x += atom.width;
    }
    if let Some(done) = current.take() {
        set.strings.push(done);
    }
    set.width = x;
    let shift = if setting.center {
        ((setting.measure - x) / 2.0).max(0.0)
    } else if base.is_rtl() {
        (setting.measure - x).max(0.0)
    } else {
        0.0
    };
    if shift > 0.0 {
        for s in &mut set.strings {
            s.x += shift;
        }
    }
    set
}

/// Appends glyphs `range` of `run` to a glyph string, in visual order (a
/// right-to-left run keeps its glyphs in logical order, so they are
/// drawn backwards), each with the text of its cluster.
fn place(string: &mut GlyphString, run: &Run, range: Range<usize>, advance: Option<f32>) {
    let order: Box<dyn Iterator<Item = usize>> = if run.rtl {
        Box::new(range.rev())
    } else {
        Box::new(range)
    };
    let mut previous: Option<usize> = None;
    for k in order {
        let g = run.glyphs[k];
        // Glyphs of one cluster share its text: add it once.
        let shares = previous.is_some_and(|p| p == g.start);
        let begin = if shares {
            string
                .glyphs
                .last()
                .map_or(string.text.len(), |l| l.1.start)
        } else {
            string.text.len()
        };
        if !shares {
            string.text.push_str(&run.text[g.start..g.end]);
        }
        string.glyphs.push((
            g.id,
            begin..string.text.len(),
            advance.unwrap_or(g.advance),
            g.x_offset,
            g.y_offset,
        ));
        previous = Some(g.start);
    }
}

/// Puts a line's atoms in visual order (rule L2 of the bidi algorithm):
/// from the highest level down to the lowest odd one, every stretch at
/// that level or above is reversed.
fn reorder(atoms: &mut [Atom]) {
    let Some(highest) = atoms.iter().map(|a| a.level.number()).max() else {
        return;
    };
    let lowest_odd = atoms
        .iter()
        .map(|a| a.level.number())
        .filter(|l| l % 2 == 1)
        .min();
    let Some(lowest_odd) = lowest_odd else {
        return;
    };
    for level in (lowest_odd..=highest).rev() {
        let mut i = 0;
        while i < atoms.len() {
            if atoms[i].level.number() < level {
                i += 1;
                continue;
            }
            let start = i;
            while i < atoms.len() && atoms[i].level.number() >= level {
                i += 1;
            }
            atoms[start..i].reverse();
        }
    }
}
