//! Rendering: laid-out pages into a PDF with krilla — page furniture
//! (running head, page number), the contents page of an edition, the outline
//! (bookmarks), and the document information (title, authors, creation date
//! from the article, producer "galley").

use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::text::{GlyphId, KrillaGlyph};

use super::Pdf;
use super::fonts::{FontSet, Style};
use super::images::Skipped;
use super::layout::{Layout, baseline, pieces_from_lines};
use super::page::{Anchor, Draw, Geometry, Piece, Placed, paginate};
use super::text::{self, GlyphString, Ink, Setting, Span};
use crate::date::Stamp;
use crate::document::Document;
use crate::error::{Error, Result};
use crate::limits::MAX_PDF_PAGES;
use crate::write::Writer as _;
use crate::write::edition;
use crate::write::{Cause, Warning, WriteOptions, warning};
/// Size of running heads and page numbers, in body sizes.
const FURNITURE_SCALE: f32 = 0.78;
/// Colour of links: a dark blue that still prints well in grey.
const LINK_RGB: (u8, u8, u8) = (22, 72, 140);
/// Grey level of secondary text.
const MUTED_GREY: u8 = 95;
/// More characters than a running head holds on any page size: a longer
/// headline is cut to this before it is measured, so fitting it costs the
/// same however long the headline is.
const RUNNING_HEAD_MAX_CHARS: usize = 200;

/// One page to draw: its pieces and its furniture.
struct PageOut {
    placed: Vec<Placed>,
    running_head: Option<String>,
    number: usize,
}

/// An article's pages and title.
struct Chapter<'d> {
    doc: &'d Document,
    pages: Vec<Vec<Placed>>,
}

/// Renders articles as one PDF: a single article, or an edition with a
/// contents page when `is_edition` is set.
pub fn render(
    docs: &[Document],
    options: &WriteOptions,
    is_edition: bool,
) -> Result<(Vec<u8>, Vec<Warning>)> {
    let geometry = Geometry::for_page_size(options.page_size.as_deref());
    let mut fonts = FontSet::new(options.font.as_deref())?;
    let mut layout = Layout {
        geometry,
        fonts: &mut fonts,
        skipped: Default::default(),
        budget: geometry.text_height() * MAX_PDF_PAGES as f32,
    };
    let chapters: Vec<Chapter> = docs
        .iter()
        .map(|doc| Chapter {
            doc,
            pages: paginate(layout.article(doc), geometry.text_height()),
        })
        .collect();
    let mut pages = if is_edition {
        contents_pages(&mut layout, options, &chapters)
    } else {
        Vec::new()
    };
    add_chapter_pages(&mut pages, &chapters);

    let mut warnings = Vec::new();
    if layout.budget <= 0.0 || pages.len() > MAX_PDF_PAGES {
        warnings.push(Warning::whole(Cause::PageLimit));
        pages.truncate(MAX_PDF_PAGES);
    }
    warnings.extend(layout.skipped.iter().map(skipped_warning));
    let bytes = write_document(
        &pages,
        &geometry,
        layout.fonts,
        metadata(docs, options, is_edition),
        is_edition,
    )?;
    let missing = layout.fonts.missing.iter();
    warnings.extend(missing.map(|c| Warning::new(Cause::MissingGlyph, warning::glyph(*c))));
    Ok((bytes, warnings))
}

/// The contents pages of an edition, numbered from 1. The contents' length
/// does not depend on the page numbers it shows (their column is fixed), so
/// it is laid out once to count its pages, then again with the numbers.
fn contents_pages(
    layout: &mut Layout,
    options: &WriteOptions,
    chapters: &[Chapter],
) -> Vec<PageOut> {
    let height = layout.geometry.text_height();
    let title = edition::title(options.title.as_deref(), None);
    let count = paginate(
        contents(layout, &title, chapters, &vec![0; chapters.len()]),
        height,
    )
    .len();
    let mut starts = Vec::new();
    let mut next = count + 1;
    for chapter in chapters {
        starts.push(next);
        next += chapter.pages.len();
    }
    paginate(contents(layout, &title, chapters, &starts), height)
        .into_iter()
        .enumerate()
        .map(|(i, placed)| PageOut {
            placed,
            running_head: None,
            number: i + 1,
        })
        .collect()
}

/// Appends the articles' pages, each after its first with the headline as
/// its running head.
fn add_chapter_pages(pages: &mut Vec<PageOut>, chapters: &[Chapter]) {
    for chapter in chapters {
        for (i, placed) in chapter.pages.iter().enumerate() {
            pages.push(PageOut {
                placed: placed.clone(),
                running_head: (i > 0).then(|| running_head(&chapter.doc.article.headline)),
                number: pages.len() + 1,
            });
        }
    }
}

/// The headline as a running head's text, at most
/// [`RUNNING_HEAD_MAX_CHARS`] long.
fn running_head(headline: &str) -> String {
    headline
        .trim()
        .chars()
        .take(RUNNING_HEAD_MAX_CHARS)
        .collect()
}

/// The warning for an image left out.
fn skipped_warning((reason, src): &(Skipped, String)) -> Warning {
    let cause = match reason {
        Skipped::Remote => Cause::RemoteImage,
        Skipped::Missing => Cause::MissingImage,
        Skipped::Unsupported => Cause::UnshownImage,
        Skipped::TooLarge => Cause::LargeImage,
    };
    Warning::new(cause, src.as_str())
}

/// Draws the pages into a PDF with its outline and document information.
fn write_document(
    pages: &[PageOut],
    geometry: &Geometry,
    fonts: &mut FontSet,
    metadata: Metadata,
    is_edition: bool,
) -> Result<Vec<u8>> {
    let mut document = krilla::Document::new();
    let mut outline = OutlineTree::default();
    for (index, page) in pages.iter().enumerate() {
        let settings = PageSettings::from_wh(geometry.width, geometry.height)
            .ok_or_else(|| render_error("bad page size"))?;
        let mut pdf_page = document.start_page_with(settings);
        let mut surface = pdf_page.surface();
        draw_page(&mut surface, page, geometry, fonts);
        surface.finish();
        pdf_page.finish();
        for placed in &page.placed {
            let Some(anchor) = &placed.piece.anchor else {
                continue;
            };
            let destination = XyzDestination::new(
                index,
                Point::from_xy(geometry.side, geometry.top + placed.y),
            );
            outline.add(anchor, destination, is_edition);
        }
    }
    document.set_outline(outline.finish());
    document.set_metadata(metadata);
    document
        .finish()
        .map_err(|e| render_error(&format!("{e:?}")))
}

/// The outline as it is built: articles at the top, their subheadings
/// (level 2) under them, deeper headings under those.
#[derive(Default)]
struct OutlineTree {
    outline: Outline,
    top: Option<OutlineNode>,
    heading: Option<OutlineNode>,
}

impl OutlineTree {
    /// Adds the bookmark of a headline or subheading; an edition's articles
    /// start closed.
    fn add(&mut self, anchor: &Anchor, destination: XyzDestination, is_edition: bool) {
        let node = OutlineNode::new(anchor.title.clone(), destination);
        if anchor.level <= 1 {
            flush_heading(&mut self.top, &mut self.heading);
            if let Some(top) = self.top.take() {
                self.outline.push_child(top);
            }
            self.top = Some(node.with_open(!is_edition));
        } else if anchor.level == 2 || self.heading.is_none() {
            flush_heading(&mut self.top, &mut self.heading);
            self.heading = Some(node);
        } else if let Some(heading) = self.heading.as_mut() {
            heading.push_child(node);
        }
    }

    /// The finished outline, with the pending nodes added.
    fn finish(mut self) -> Outline {
        flush_heading(&mut self.top, &mut self.heading);
        if let Some(top) = self.top.take() {
            self.outline.push_child(top);
        }
        self.outline
    }
}

/// Adds the pending heading node to the pending article node (or to nothing).
fn flush_heading(top: &mut Option<OutlineNode>, heading: &mut Option<OutlineNode>) {
    if let (Some(top), Some(heading)) = (top.as_mut(), heading.take()) {
        top.push_child(heading);
    }
}

fn render_error(reason: &str) -> Error {
    Pdf.error(reason.to_string())
}

/// The contents page of an edition: its title, the articles' dates, and an
/// entry per article with its page number.
fn contents(
    layout: &mut Layout,
    title: &str,
    chapters: &[Chapter],
    starts: &[usize],
) -> Vec<Piece> {
    let g = layout.geometry;
    let body = g.body;
    let measure = g.measure();
    let mut pieces = Vec::new();
    let size = body * 1.9;
    let setting = Setting {
        size,
        measure,
        justify: false,
        hyphenate: false,
        indent: 0.0,
        center: false,
    };
    let lines = text::set(
        &[Span::new(title, Style::SansBold)],
        setting,
        layout.fonts,
        None,
    );
    let mut head = pieces_from_lines(lines, 0.0, size * 1.2, size);
    let small = Setting {
        size: body * 0.9,
        ..setting
    };
    let mut sub = format!("{} articles", chapters.len());
    if let Some(range) = edition::date_range(chapters.iter().map(|c| &c.doc.article), " to ") {
        sub = format!("{sub} · {range}");
    }
    let mut span = Span::new(sub, Style::Sans);
    span.ink = Ink::Muted;
    let lines = text::set(&[span], small, layout.fonts, None);
    head.extend(pieces_from_lines(lines, 0.0, body * 1.4, small.size));
    if let Some(last) = head.last_mut() {
        last.height += body * 1.5;
    }
    pieces.extend(head);

    let number_column = body * 3.0;
    for (chapter, start) in chapters.iter().zip(starts) {
        let article = &chapter.doc.article;
        let entry = Setting {
            size: body,
            measure: measure - number_column,
            ..setting
        };
        let headline = if article.headline.trim().is_empty() {
            "Untitled"
        } else {
            article.headline.trim()
        };
        let lines = text::set(
            &[Span::new(headline, Style::SerifBold)],
            entry,
            layout.fonts,
            None,
        );
        let mut entry_pieces = pieces_from_lines(lines, 0.0, g.leading, body);
        let number = Setting {
            measure: number_column,
            ..entry
        };
        let digits = text::set(
            &[Span::new(start.to_string(), Style::Serif)],
            number,
            layout.fonts,
            None,
        );
        if let (Some(first), Some(line)) = (entry_pieces.first_mut(), digits.into_iter().next()) {
            let x = measure - line.width;
            for string in line.strings {
                first.draws.push(Draw::Text {
                    x,
                    y: baseline(g.leading, body),
                    string,
                });
            }
            first.space_before = body * 0.7;
        }
        let credit: Vec<&str> = [article.site_name.as_deref(), article.byline.as_deref()]
            .into_iter()
            .flatten()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        if !credit.is_empty() {
            let mut span = Span::new(credit.join(" · "), Style::Sans);
            span.ink = Ink::Muted;
            let small_entry = Setting {
                size: body * 0.82,
                ..entry
            };
            let lines = text::set(&[span], small_entry, layout.fonts, None);
            entry_pieces.extend(pieces_from_lines(lines, 0.0, body * 1.2, small_entry.size));
        }
        for piece in entry_pieces.iter_mut().skip(1) {
            piece.break_before = false;
        }
        pieces.extend(entry_pieces);
    }
    pieces
}

/// Draws one page: its pieces inside the margins, then the running head
/// and the page number.
fn draw_page(surface: &mut Surface, page: &PageOut, g: &Geometry, fonts: &mut FontSet) {
    for placed in &page.placed {
        let top = g.top + placed.y;
        for draw in &placed.piece.draws {
            draw_one(surface, draw, g.side, top, fonts);
        }
    }
    let size = g.body * FURNITURE_SCALE;
    let setting = Setting {
        size,
        measure: g.measure(),
        justify: false,
        hyphenate: false,
        indent: 0.0,
        center: true,
    };
    if let Some(head) = &page.running_head {
        let head = fit(head, setting, fonts);
        let mut span = Span::new(head, Style::Sans);
        span.ink = Ink::Muted;
        draw_mark(surface, span, setting, g.top * 0.55, g, fonts);
    }
    let mut span = Span::new(page.number.to_string(), Style::Sans);
    span.ink = Ink::Muted;
    draw_mark(surface, span, setting, g.height - g.bottom * 0.45, g, fonts);
}

/// Draws one line of page furniture with its baseline at `y` from the
/// page's top.
fn draw_mark(
    surface: &mut Surface,
    span: Span,
    setting: Setting,
    y: f32,
    g: &Geometry,
    fonts: &mut FontSet,
) {
    if let Some(line) = text::set(&[span], setting, fonts, None).into_iter().next() {
        for string in line.strings {
            draw_one(
                surface,
                &Draw::Mark { x: 0.0, y, string },
                g.side,
                0.0,
                fonts,
            );
        }
    }
}

/// Shortens a running head to one line, ending it with an ellipsis.
fn fit(text: &str, setting: Setting, fonts: &mut FontSet) -> String {
    let wide = Setting {
        measure: 1.0e5,
        center: false,
        ..setting
    };
    let width = |t: &str, fonts: &mut FontSet| {
        text::set(&[Span::new(t, Style::Sans)], wide, fonts, None)
            .first()
            .map_or(0.0, |l| l.width)
    };
    let limit = setting.measure * 0.85;
    if width(text, fonts) <= limit {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut keep = chars.len();
    while keep > 1 {
        keep = keep * 9 / 10;
        let candidate: String = chars[..keep]
            .iter()
            .collect::<String>()
            .trim_end()
            .to_string()
            + "…";
        if width(&candidate, fonts) <= limit {
            return candidate;
        }
    }
    "…".to_string()
}

fn fill(grey_or_ink: Ink) -> Fill {
    let paint = match grey_or_ink {
        Ink::Text => rgb::Color::new(0, 0, 0),
        Ink::Link => rgb::Color::new(LINK_RGB.0, LINK_RGB.1, LINK_RGB.2),
        Ink::Muted => rgb::Color::new(MUTED_GREY, MUTED_GREY, MUTED_GREY),
    };
    Fill {
        paint: paint.into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

fn draw_one(surface: &mut Surface, draw: &Draw, left: f32, top: f32, fonts: &mut FontSet) {
    match draw {
        Draw::Text { x, y, string } => {
            draw_string(surface, string, left + x, top + y, fonts, false)
        }
        Draw::Mark { x, y, string } => draw_string(surface, string, left + x, top + y, fonts, true),
        Draw::Rect { x, y, w, h, grey } => {
            let Some(rect) = Rect::from_xywh(left + x, top + y, *w, *h) else {
                return;
            };
            let mut path = PathBuilder::new();
            path.push_rect(rect);
            if let Some(path) = path.finish() {
                surface.set_fill(Some(Fill {
                    paint: rgb::Color::new(*grey, *grey, *grey).into(),
                    opacity: NormalizedF32::ONE,
                    rule: Default::default(),
                }));
                surface.draw_path(&path);
            }
        }
        Draw::Image { x, y, w, h, image } => {
            if let Some(size) = Size::from_wh(*w, *h) {
                surface.push_transform(&Transform::from_translate(left + x, top + y));
                surface.draw_image(image.clone(), size);
                surface.pop();
            }
        }
    }
}

fn draw_string(
    surface: &mut Surface,
    string: &GlyphString,
    x: f32,
    y: f32,
    fonts: &FontSet,
    outlined: bool,
) {
    if string.glyphs.is_empty() {
        return;
    }
    let size = string.size;
    let glyphs: Vec<KrillaGlyph> = string
        .glyphs
        .iter()
        .map(|(id, range, advance, dx, dy)| {
            KrillaGlyph::new(
                GlyphId::new(u32::from(*id)),
                advance / size,
                dx / size,
                dy / size,
                0.0,
                range.clone(),
                None,
            )
        })
        .collect();
    surface.set_fill(Some(fill(string.ink)));
    let font = fonts.face(string.face).font.clone();
    surface.draw_glyphs(
        Point::from_xy(x + string.x, y),
        &glyphs,
        font,
        &string.text,
        size,
        outlined,
    );
}

/// Document information: title, authors, language, subject, keywords, and
/// the creation date from the article (the newest one in an edition) —
/// never the clock, so the same input gives the same bytes.
fn metadata(docs: &[Document], options: &WriteOptions, is_edition: bool) -> Metadata {
    let first = docs.first().map(|d| &d.article);
    let title = if is_edition {
        edition::title(options.title.as_deref(), None)
    } else {
        first
            .map(|a| a.headline.trim().to_string())
            .unwrap_or_default()
    };
    let authors = edition::creators(docs.iter().map(|d| &d.article), false);
    let mut metadata = Metadata::new()
        .title(title)
        .producer("galley".to_string())
        .creator("galley".to_string());
    if !authors.is_empty() {
        metadata = metadata.authors(authors);
    }
    if let Some(article) = first.filter(|_| !is_edition) {
        if let Some(language) = &article.language {
            metadata = metadata.language(language.clone());
        }
        if let Some(subject) = article.subtitle.as_ref().or(article.description.as_ref()) {
            metadata = metadata.description(subject.clone());
        }
        if !article.tags.is_empty() {
            metadata = metadata.keywords(article.tags.clone());
        }
    }
    // The newest day as written; of articles published that day, the last.
    let newest = edition::published(docs.iter().map(|d| &d.article)).max_by_key(Stamp::day_key);
    if let Some(date) = newest.as_ref().and_then(date_time) {
        metadata = metadata.creation_date(date);
    }
    metadata
}

/// A date as a PDF date, with its time and offset as written.
fn date_time(stamp: &Stamp) -> Option<DateTime> {
    let narrow = |n: u32| u8::try_from(n).ok();
    let mut date = DateTime::new(u16::try_from(stamp.year).ok()?)
        .month(narrow(stamp.month)?)
        .day(narrow(stamp.day)?);
    if let Some((h, m, s)) = stamp.time {
        date = date.hour(narrow(h)?).minute(narrow(m)?).second(narrow(s)?);
    }
    if let Some(offset) = stamp.offset {
        let hours = i8::try_from(offset / 60).ok()?;
        date = date
            .utc_offset_hour(hours)
            .utc_offset_minute(narrow(offset.unsigned_abs() % 60)?);
    }
    Some(date)
}
