//! Layout: one function per block kind turns the article into pieces for
//! the paginator — the header block (site, headline, subtitle, byline,
//! dates), paragraphs, headings, quotations, lists, figures with captions,
//! code, tables and rules — and sets the spacing between them.

use super::fonts::{FontSet, Style};
use super::hyphenate::Patterns;
use super::images::{self, Skipped};
use super::page::{Anchor, Draw, Geometry, Piece};
use super::table;
use super::tags::{self, Kind};
use super::text::{self, Ink, SetLine, Setting, Span};
use crate::document::Document;
use crate::model::{Article, Block, Inline};
use crate::write::edition;
use crate::write::shared::{blocks_below_header, list_item_inlines};

/// Headline size, in body sizes.
const HEADLINE_SCALE: f32 = 2.1;
/// Headline size on narrow pages (e-reader screens, A5), where the full
/// size would leave three words a line.
const HEADLINE_SCALE_NARROW: f32 = 1.7;
/// Measure below which a page counts as narrow, in body sizes.
const NARROW_MEASURE: f32 = 32.0;
/// Subtitle size, in body sizes.
const SUBTITLE_SCALE: f32 = 1.22;
/// Size of bylines, dates and captions, in body sizes.
const SMALL_SCALE: f32 = 0.84;
/// Code size, in body sizes (the monospace face runs wide).
const CODE_SCALE: f32 = 0.82;
/// Heading sizes by level (2, 3, 4+), in body sizes.
const HEADING_SCALES: [f32; 3] = [1.3, 1.12, 1.0];
/// First-line indent of a paragraph that follows a paragraph, in ems.
const PARAGRAPH_INDENT: f32 = 1.3;
/// Inset of quotations and lists from the left edge, in ems.
const BLOCK_INSET: f32 = 1.6;
/// Largest share of the text height a figure may take, so its caption and
/// some text fit beside it.
const FIGURE_MAX_HEIGHT: f32 = 0.6;
/// Fewest image pixels per point (150 ppi): a picture is placed at its
/// natural size, up to the measure, and never enlarged past its resolution.
const MIN_PIXELS_PER_POINT: f32 = 150.0 / 72.0;
/// Space between the paragraphs of a quotation, in lines.
const QUOTE_PARAGRAPH_SPACE: f32 = 0.5;
/// Inner padding of code blocks, in points.
const CELL_PADDING: f32 = 3.5;

/// Lays out documents on one page geometry with one set of fonts.
pub struct Layout<'a> {
    /// Page geometry.
    pub geometry: Geometry,
    /// Fonts (records missing characters).
    pub fonts: &'a mut FontSet,
    /// Images left out, with their sources.
    pub skipped: Vec<(Skipped, String)>,
    /// Height still to fill before the page limit; once it is spent, no
    /// more blocks are laid out.
    pub budget: f32,
    /// Targets of the links set so far: `Ink::Link(n)` is the n-th.
    pub links: Vec<String>,
}

/// What the previous block was, for spacing and indents.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Previous {
    Start,
    Paragraph,
    Heading,
    Other,
}

impl Layout<'_> {
    fn body(&self) -> f32 {
        self.geometry.body
    }

    fn leading(&self) -> f32 {
        self.geometry.leading
    }

    /// Sets spans and turns the lines into pieces at `x`, with line spacing
    /// `leading`; breaks are allowed before the first line and wherever
    /// they leave at least two lines on each side.
    fn lines(
        &mut self,
        spans: &[Span],
        setting: Setting,
        patterns: Option<&Patterns>,
        x: f32,
        leading: f32,
    ) -> Vec<Piece> {
        // Lines past the page limit would be dropped: do not set them.
        let max_lines = (self.budget.max(0.0) / leading).ceil() as usize + 1;
        let lines = text::set_at_most(spans, setting, self.fonts, patterns, max_lines);
        pieces_from_lines(lines, x, leading, setting.size)
    }

    /// The whole article: header block, then every body block.
    pub fn article(&mut self, doc: &Document) -> Vec<Piece> {
        let article = &doc.article;
        let patterns = Patterns::for_language(article.language.as_deref());
        let patterns = patterns.as_ref();
        self.fonts.set_language(article.language.as_deref());
        let mut pieces = self.header(doc);
        let mut previous = Previous::Start;
        for block in blocks_below_header(article) {
            if self.budget <= 0.0 {
                break;
            }
            let mut block_pieces = match block {
                Block::Paragraph { text, inlines } => {
                    let indent = if previous == Previous::Paragraph {
                        PARAGRAPH_INDENT * self.body()
                    } else {
                        0.0
                    };
                    let spans = match inlines {
                        Some(inlines) => {
                            spans_of(inlines, Style::Serif, Ink::Text, &mut self.links)
                        }
                        None => vec![Span::new(text.clone(), Style::Serif)],
                    };
                    let setting = self.body_setting(self.geometry.measure(), indent);
                    let mut p = self.lines(&spans, setting, patterns, 0.0, self.leading());
                    if let Some(first) = p.first_mut()
                        && previous != Previous::Paragraph
                    {
                        first.space_before = self.leading() * 0.5;
                    }
                    p
                }
                Block::Heading { text, level } => self.heading(text, *level),
                Block::Quote { text, cite } => self.quote(text, cite.as_deref(), patterns),
                Block::List {
                    items,
                    ordered,
                    item_inlines,
                    ..
                } => self.list(
                    &list_item_inlines(items, item_inlines.as_deref()),
                    *ordered,
                    patterns,
                ),
                Block::Image { src, caption, .. } => self.figure(doc, src, caption.as_deref()),
                Block::Code { text, .. } => self.code(text),
                Block::Table {
                    rows,
                    header_rows,
                    footer_rows,
                    ..
                } => {
                    let g = self.geometry;
                    let (body, measure, height) = (g.body, g.measure(), g.text_height());
                    let (head, foot) = (*header_rows, *footer_rows);
                    let mut p = table::table(self.fonts, body, measure, height, rows, head, foot);
                    space_around(&mut p, self.leading() * 0.8);
                    p
                }
                Block::Rule { .. } => self.rule(),
            };
            if block_pieces.is_empty() {
                continue;
            }
            tags::mark(&mut block_pieces, Kind::of(block));
            if previous == Previous::Heading {
                // A heading stays with the start of what follows it.
                block_pieces[0].break_before = false;
            }
            previous = match block {
                Block::Paragraph { .. } => Previous::Paragraph,
                Block::Heading { .. } => Previous::Heading,
                _ => Previous::Other,
            };
            self.budget -= block_pieces
                .iter()
                .map(|p| p.height + p.space_before)
                .sum::<f32>();
            pieces.extend(block_pieces);
        }
        pieces
    }

    fn body_setting(&self, measure: f32, indent: f32) -> Setting {
        Setting {
            size: self.body(),
            measure,
            justify: true,
            hyphenate: true,
            indent,
            center: false,
        }
    }

    fn small_setting(&self, measure: f32) -> Setting {
        Setting {
            size: self.body() * SMALL_SCALE,
            measure,
            justify: false,
            hyphenate: false,
            indent: 0.0,
            center: false,
        }
    }

    /// Site name, kicker, headline, subtitle, byline and dates, closed by a
    /// rule.
    fn header(&mut self, doc: &Document) -> Vec<Piece> {
        let article = &doc.article;
        let measure = self.geometry.measure();
        let body = self.body();
        let mut pieces = Vec::new();
        if let Some(site) = article
            .site_name
            .as_deref()
            .filter(|s| !s.trim().is_empty())
        {
            let setting = self.small_setting(measure);
            let mut span = Span::new(site.to_uppercase(), Style::SansBold);
            span.ink = Ink::Muted;
            let mut p = self.lines(&[span], setting, None, 0.0, body * 1.3);
            tags::mark(&mut p, Kind::Paragraph);
            pieces.extend(p);
        }
        if let Some(kicker) = article.kicker.as_deref().filter(|k| !k.trim().is_empty()) {
            let setting = self.small_setting(measure);
            let mut p = self.lines(
                &[Span::new(kicker, Style::SansBold)],
                setting,
                None,
                0.0,
                body * 1.3,
            );
            tags::mark(&mut p, Kind::Paragraph);
            pieces.extend(p);
        }
        let headline = if article.headline.trim().is_empty() {
            "Untitled"
        } else {
            article.headline.as_str()
        };
        let scale = if measure < NARROW_MEASURE * body {
            HEADLINE_SCALE_NARROW
        } else {
            HEADLINE_SCALE
        };
        let size = body * scale;
        let setting = Setting {
            size,
            justify: false,
            hyphenate: false,
            ..self.small_setting(measure)
        };
        let mut title = self.lines(
            &[Span::new(headline, Style::SansBold)],
            setting,
            None,
            0.0,
            size * 1.18,
        );
        if let Some(first) = title.first_mut() {
            first.space_before = body * 0.4;
            first.anchor = Some(Anchor {
                level: 1,
                title: headline.trim().to_string(),
            });
        }
        let heading = Kind::Heading {
            level: 1,
            title: headline.trim().to_string(),
        };
        tags::mark(&mut title, heading);
        pieces.extend(title);
        if let Some(subtitle) = article.subtitle.as_deref().filter(|s| !s.trim().is_empty()) {
            let size = body * SUBTITLE_SCALE;
            let setting = Setting {
                size,
                ..self.small_setting(measure)
            };
            let mut p = self.lines(
                &[Span::new(subtitle, Style::SerifItalic)],
                setting,
                None,
                0.0,
                size * 1.3,
            );
            if let Some(first) = p.first_mut() {
                first.space_before = body * 0.6;
            }
            tags::mark(&mut p, Kind::Paragraph);
            pieces.extend(p);
        }
        let mut credits: Vec<Span> = Vec::new();
        let words = edition::words_for(article);
        if let Some(byline) = article.byline.as_deref().filter(|s| !s.trim().is_empty()) {
            credits.push(Span::new(words.byline(byline.trim()), Style::SansBold));
        } else if !article.authors.is_empty() {
            credits.push(Span::new(
                words.byline(&article.authors.join(", ")),
                Style::SansBold,
            ));
        }
        let dates = date_line(article);
        if !dates.is_empty() {
            if !credits.is_empty() {
                credits.push(Span::new("\n", Style::Sans));
            }
            let mut span = Span::new(dates, Style::Sans);
            span.ink = Ink::Muted;
            credits.push(span);
        }
        if !credits.is_empty() {
            let setting = self.small_setting(measure);
            let mut p = self.lines(&credits, setting, None, 0.0, body * 1.25);
            if let Some(first) = p.first_mut() {
                first.space_before = body * 0.9;
            }
            tags::mark(&mut p, Kind::Paragraph);
            pieces.extend(p);
        }
        pieces.push(Piece {
            height: body * 0.5,
            space_before: body * 0.8,
            break_before: false,
            draws: vec![Draw::Rect {
                x: 0.0,
                y: 0.0,
                w: measure,
                h: 0.6,
                grey: 90,
            }],
            anchor: None,
            ..Piece::default()
        });
        for piece in &mut pieces[1..] {
            piece.break_before = false;
        }
        pieces
    }

    fn heading(&mut self, text: &str, level: u8) -> Vec<Piece> {
        let scale = HEADING_SCALES[usize::from(level.clamp(2, 4) - 2)];
        let size = self.body() * scale;
        let setting = Setting {
            size,
            justify: false,
            hyphenate: false,
            ..self.small_setting(self.geometry.measure())
        };
        let mut pieces = self.lines(
            &[Span::new(text, Style::SansBold)],
            setting,
            None,
            0.0,
            size * 1.25,
        );
        for (i, piece) in pieces.iter_mut().enumerate() {
            piece.break_before = i == 0;
        }
        if let Some(first) = pieces.first_mut() {
            first.space_before = self.leading() * if level <= 2 { 1.3 } else { 1.0 };
            first.anchor = Some(Anchor {
                level,
                title: text.trim().to_string(),
            });
        }
        if let Some(last) = pieces.last_mut() {
            last.height += self.leading() * 0.25;
        }
        pieces
    }

    fn quote(&mut self, text: &str, cite: Option<&str>, patterns: Option<&Patterns>) -> Vec<Piece> {
        let inset = BLOCK_INSET * self.body();
        let measure = self.geometry.measure() - 2.0 * inset;
        let setting = Setting {
            size: self.body() * 1.04,
            ..self.body_setting(measure, 0.0)
        };
        let leading = self.leading() * 1.04;
        let mut pieces = Vec::new();
        // Each line of the text is a paragraph of the quotation.
        for paragraph in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let mut p = self.lines(
                &[Span::new(paragraph, Style::SerifItalic)],
                setting,
                patterns,
                inset,
                leading,
            );
            if let Some(first) = p.first_mut()
                && !pieces.is_empty()
            {
                first.space_before = leading * QUOTE_PARAGRAPH_SPACE;
            }
            pieces.extend(p);
        }
        if let Some(cite) = cite.filter(|c| !c.trim().is_empty()) {
            let setting = self.small_setting(measure);
            let mut span = Span::new(format!("— {}", cite.trim()), Style::Sans);
            span.ink = Ink::Muted;
            let mut p = self.lines(&[span], setting, None, inset, self.leading());
            for piece in &mut p {
                piece.break_before = false;
            }
            pieces.extend(p);
        }
        let bar = inset * 0.45;
        for piece in &mut pieces {
            piece.draws.push(Draw::Rect {
                x: bar,
                y: 0.0,
                w: 1.6,
                h: piece.height,
                grey: 150,
            });
        }
        space_around(&mut pieces, self.leading() * 0.6);
        pieces
    }

    fn list(
        &mut self,
        items: &[Vec<Inline>],
        ordered: bool,
        patterns: Option<&Patterns>,
    ) -> Vec<Piece> {
        let inset = BLOCK_INSET * self.body();
        let measure = self.geometry.measure() - inset;
        let mut pieces = Vec::new();
        for (n, item) in items.iter().enumerate() {
            let setting = self.body_setting(measure, 0.0);
            let spans = spans_of(item, Style::Serif, Ink::Text, &mut self.links);
            let mut p = self.lines(&spans, setting, patterns, inset, self.leading());
            let marker = if ordered {
                format!("{}.", n + 1)
            } else {
                "•".to_string()
            };
            let marker_setting = Setting {
                measure: inset,
                ..self.small_setting(inset)
            };
            let marker_setting = Setting {
                size: self.body(),
                ..marker_setting
            };
            let mark = text::set(
                &[Span::new(marker, Style::Serif)],
                marker_setting,
                self.fonts,
                None,
            );
            if let (Some(first), Some(line)) = (p.first_mut(), mark.into_iter().next()) {
                let baseline = baseline(self.leading(), self.body());
                let x = inset - line.width - self.body() * 0.45;
                for string in line.strings {
                    first.draws.push(Draw::Mark {
                        x,
                        y: baseline,
                        string,
                    });
                }
                first.space_before = if n == 0 { 0.0 } else { self.leading() * 0.2 };
            }
            pieces.extend(p);
        }
        space_around(&mut pieces, self.leading() * 0.5);
        pieces
    }

    fn figure(&mut self, doc: &Document, src: &str, caption: Option<&str>) -> Vec<Piece> {
        let measure = self.geometry.measure();
        let mut pieces = Vec::new();
        match images::load(&doc.assets, src) {
            Ok(figure) => {
                let natural = figure.width as f32 / MIN_PIXELS_PER_POINT;
                let mut w = measure.min(natural);
                let mut h = w * figure.height as f32 / figure.width as f32;
                let max_h = self.geometry.text_height() * FIGURE_MAX_HEIGHT;
                if h > max_h {
                    w *= max_h / h;
                    h = max_h;
                }
                pieces.push(Piece {
                    height: h + self.body() * 0.4,
                    space_before: 0.0,
                    break_before: true,
                    draws: vec![Draw::Image {
                        x: (measure - w) / 2.0,
                        y: 0.0,
                        w,
                        h,
                        image: figure.image,
                    }],
                    anchor: None,
                    ..Piece::default()
                });
            }
            Err(reason) => {
                self.skipped.push((reason, src.to_string()));
            }
        }
        if let Some(caption) = caption.filter(|c| !c.trim().is_empty()) {
            let setting = self.small_setting(measure);
            let mut span = Span::new(caption, Style::Sans);
            span.ink = Ink::Muted;
            let mut p = self.lines(&[span], setting, None, 0.0, self.body() * 1.2);
            for piece in &mut p {
                piece.break_before = pieces.is_empty() && piece.break_before;
            }
            pieces.extend(p);
        }
        space_around(&mut pieces, self.leading() * 0.8);
        pieces
    }

    fn code(&mut self, code: &str) -> Vec<Piece> {
        let measure = self.geometry.measure();
        let size = self.body() * CODE_SCALE;
        let leading = size * 1.35;
        let setting = Setting {
            size,
            measure: measure - 2.0 * CELL_PADDING,
            justify: false,
            hyphenate: false,
            indent: 0.0,
            center: false,
        };
        let mut pieces = Vec::new();
        for line in code.trim_matches('\n').split('\n') {
            let line = line.replace('\t', "    ");
            let text = line.trim_end();
            // Leading spaces are kept as no-break spaces so the indent survives.
            let indent = text.len() - text.trim_start_matches(' ').len();
            let text = format!("{}{}", "\u{00A0}".repeat(indent), &text[indent..]);
            let mut set = text::set(&[Span::new(text, Style::Mono)], setting, self.fonts, None);
            if set.is_empty() {
                set.push(SetLine::default());
            }
            pieces.extend(pieces_from_lines(set, CELL_PADDING, leading, size));
        }
        let n = pieces.len();
        for (i, piece) in pieces.iter_mut().enumerate() {
            piece.break_before = i == 0 || (i >= 2 && i + 2 <= n);
            let pad = if i == 0 || i + 1 == n {
                CELL_PADDING
            } else {
                0.0
            };
            piece.height += pad;
            if i == 0 {
                for draw in &mut piece.draws {
                    if let Draw::Text { y, .. } = draw {
                        *y += pad;
                    }
                }
            }
            piece.draws.insert(
                0,
                Draw::Rect {
                    x: 0.0,
                    y: 0.0,
                    w: measure,
                    h: piece.height,
                    grey: 242,
                },
            );
        }
        space_around(&mut pieces, self.leading() * 0.6);
        pieces
    }

    fn rule(&mut self) -> Vec<Piece> {
        let measure = self.geometry.measure();
        let w = measure.min(self.body() * 8.0);
        vec![Piece {
            height: self.leading(),
            space_before: self.leading() * 0.5,
            break_before: true,
            draws: vec![Draw::Rect {
                x: (measure - w) / 2.0,
                y: self.leading() / 2.0,
                w,
                h: 0.6,
                grey: 120,
            }],
            anchor: None,
            ..Piece::default()
        }]
    }
}

/// Space above the first piece and below the last of a block.
fn space_around(pieces: &mut [Piece], space: f32) {
    if let Some(first) = pieces.first_mut() {
        first.space_before = first.space_before.max(space);
    }
    if let Some(last) = pieces.last_mut() {
        last.height += space * 0.5;
    }
}

/// Baseline of a line of `size` type within a line of `leading` height.
pub fn baseline(leading: f32, size: f32) -> f32 {
    leading - (leading - size) / 2.0 - size * 0.22
}

/// One piece per line; breaks allowed before the first line and where two
/// lines stay on each side, but never after a line that ends with a hyphen.
pub fn pieces_from_lines(lines: Vec<SetLine>, x: f32, leading: f32, size: f32) -> Vec<Piece> {
    let n = lines.len();
    let y = baseline(leading, size);
    let mut after_hyphen = false;
    lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| Piece {
            height: leading,
            space_before: 0.0,
            // No page ends on a hyphen: the reader would turn the page in
            // the middle of a word.
            break_before: !std::mem::replace(&mut after_hyphen, line.hyphenated)
                && (i == 0 || (i >= 2 && i + 2 <= n)),
            draws: line
                .strings
                .into_iter()
                .map(|string| Draw::Text { x, y, string })
                .collect(),
            anchor: None,
            ..Piece::default()
        })
        .collect()
}

/// Spans of a paragraph's rich text.
fn spans_of(inlines: &[Inline], style: Style, ink: Ink, links: &mut Vec<String>) -> Vec<Span> {
    let mut spans = Vec::new();
    for inline in inlines {
        match inline {
            Inline::Text { text } => spans.push(Span {
                text: text.clone(),
                style,
                ink,
            }),
            Inline::Code { text } => spans.push(Span {
                text: text.clone(),
                style: Style::Mono,
                ink,
            }),
            Inline::Emphasis { children } => {
                let style = if style == Style::SerifBold {
                    Style::SerifBold
                } else {
                    Style::SerifItalic
                };
                spans.extend(spans_of(children, style, ink, links));
            }
            Inline::Strong { children } => {
                spans.extend(spans_of(children, Style::SerifBold, ink, links))
            }
            Inline::Link { href, children } => {
                let link = Ink::Link(u32::try_from(links.len()).unwrap_or(u32::MAX));
                links.push(href.clone());
                spans.extend(spans_of(children, style, link, links));
            }
            Inline::Break => spans.push(Span {
                text: "\n".into(),
                style,
                ink,
            }),
        }
    }
    spans
}

/// "5 February 2020 · updated 6 February 2020" in the article's language
/// (ISO days when galley does not know it); empty when the article is
/// undated.
fn date_line(article: &Article) -> String {
    let words = edition::words_for(article);
    edition::dates_line(article, words, str::to_string, |_, shown| shown).unwrap_or_default()
}
