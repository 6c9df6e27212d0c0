//! Rendering: laid-out pages into a PDF with krilla — page furniture
//! (running head, page number), the contents page of an edition, the outline
//! (bookmarks), link annotations (the body's links to the web, the contents'
//! entries to their articles), the structure tree, and the document
//! information (title, authors, language, creation date from the article,
//! producer "galley").

use std::collections::HashMap;

use krilla::action::{Action, LinkAction};
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::color::rgb;
use krilla::destination::{Destination, XyzDestination};
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::tagging::{ArtifactType, Identifier};
use krilla::text::{GlyphId, KrillaGlyph};

use super::Pdf;
use super::fonts::{FontSet, Style};
use super::images::Skipped;
use super::layout::{Layout, baseline, pieces_from_lines};
use super::page::{Anchor, Draw, Geometry, Piece, Placed, paginate};
use super::standard::{self, PdfStandard};
use super::tags::{self, Kind, Tagger};
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
/// The title of an article without a headline (as the page shows it).
const UNTITLED: &str = "Untitled";
/// Grey level of secondary text.
const MUTED_GREY: u8 = 95;
/// More characters than a running head holds on any page size: a longer
/// headline is cut to this before it is measured, so fitting it costs the
/// same however long the headline is.
const RUNNING_HEAD_MAX_CHARS: usize = 200;
/// Schemes of link targets that get a link annotation (others, such as a
/// page's own `#fragment`, stay plain text).
const LINK_SCHEMES: &[&str] = &["http:", "https:", "mailto:", "ftp:"];
/// Height of a link's clickable area above and below the baseline, in font
/// sizes.
const LINK_ASCENT: f32 = 0.85;
const LINK_DESCENT: f32 = 0.25;
/// Share of the measure a running head may take, so it reads as a label.
const RUNNING_HEAD_SHARE: f32 = 0.85;

/// One page to draw: its pieces and its furniture.
struct PageOut {
    placed: Vec<Placed>,
    running_head: Option<String>,
    number: usize,
    /// The article the page belongs to (`None`: the contents).
    chapter: Option<usize>,
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
        links: Vec::new(),
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
    let targets = Targets {
        links: &layout.links,
        languages: docs.iter().map(|d| d.article.language.as_deref()).collect(),
        starts: chapter_starts(&pages, docs.len()),
    };
    let document = DocumentOut {
        geometry: &geometry,
        metadata: metadata(docs, options, is_edition),
        language: common_language(docs),
        is_edition,
        standard: options.pdf_standard,
    };
    let bytes = write_document(&pages, document, layout.fonts, &targets)?;
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
            chapter: None,
        })
        .collect()
}

/// Appends the articles' pages, each after its first with the headline as
/// its running head.
fn add_chapter_pages(pages: &mut Vec<PageOut>, chapters: &[Chapter]) {
    for (c, chapter) in chapters.iter().enumerate() {
        for (i, placed) in chapter.pages.iter().enumerate() {
            pages.push(PageOut {
                placed: placed.clone(),
                running_head: (i > 0).then(|| running_head(&chapter.doc.article.headline)),
                number: pages.len() + 1,
                chapter: Some(c),
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

/// The index of each article's first page.
fn chapter_starts(pages: &[PageOut], chapters: usize) -> Vec<Option<usize>> {
    let mut starts = vec![None; chapters];
    for (index, page) in pages.iter().enumerate() {
        if let Some(start) = page.chapter.and_then(|c| starts.get_mut(c)) {
            start.get_or_insert(index);
        }
    }
    starts
}

/// The language every article is in, when they share one.
fn common_language(docs: &[Document]) -> Option<&str> {
    let first = docs.first()?.article.language.as_deref()?;
    docs.iter()
        .all(|d| d.article.language.as_deref() == Some(first))
        .then_some(first)
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

/// What the whole document needs besides its pages.
struct DocumentOut<'a> {
    geometry: &'a Geometry,
    metadata: Metadata,
    /// The language of every article, when they share one.
    language: Option<&'a str>,
    is_edition: bool,
    standard: Option<PdfStandard>,
}

/// Where links go: the body's link targets (`Ink::Link(n)` is the n-th),
/// each article's language and first page.
struct Targets<'a> {
    links: &'a [String],
    languages: Vec<Option<&'a str>>,
    starts: Vec<Option<usize>>,
}

/// Draws the pages into a PDF with its outline, links, structure tree and
/// document information, checked against the standard asked for.
fn write_document(
    pages: &[PageOut],
    out: DocumentOut,
    fonts: &mut FontSet,
    targets: &Targets,
) -> Result<Vec<u8>> {
    let geometry = out.geometry;
    let mut document = krilla::Document::new_with(standard::settings(out.standard));
    let mut outline = OutlineTree::default();
    let mut tagger = Tagger::new(out.language);
    for (index, page) in pages.iter().enumerate() {
        let settings = PageSettings::from_wh(geometry.width, geometry.height)
            .ok_or_else(|| render_error("bad page size"))?;
        let mut pdf_page = document.start_page_with(settings);
        let mut annotations = annotate(&mut pdf_page, page, geometry, targets);
        let language = match page.chapter {
            Some(c) => targets.languages.get(c).copied().flatten(),
            None => out.language,
        };
        tagger.section(page.chapter, language);
        let mut surface = pdf_page.surface();
        draw_page(
            &mut surface,
            page,
            geometry,
            fonts,
            &mut tagger,
            &mut annotations,
        );
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
            outline.add(anchor, destination, out.is_edition);
        }
    }
    document.set_outline(outline.finish());
    document.set_metadata(out.metadata);
    document.set_tag_tree(tagger.finish());
    document
        .finish()
        .map_err(|e| render_error(&standard::describe(&e, out.standard)))
}

/// The link annotations of a page, keyed by the piece and draw whose text
/// they cover: one per line of a link to the web, one per line of a
/// contents entry (to its article's first page). They are added before the
/// page is drawn, so the structure tree can hold each next to its text.
fn annotate(
    pdf_page: &mut krilla::page::Page,
    page: &PageOut,
    g: &Geometry,
    targets: &Targets,
) -> HashMap<(usize, usize), Vec<Identifier>> {
    let mut found = HashMap::new();
    for (p, placed) in page.placed.iter().enumerate() {
        let piece = &placed.piece;
        let top = g.top + placed.y;
        let entry = match &piece.role.kind {
            Kind::Artifact => continue,
            Kind::Entry { chapter, title } => targets
                .starts
                .get(*chapter)
                .copied()
                .flatten()
                .map(|start| (start, title)),
            _ => None,
        };
        let mut entry_done = false;
        for (d, draw) in piece.draws.iter().enumerate() {
            let Draw::Text { x, y, string } = draw else {
                continue;
            };
            let (rect, target, alt) = if let Some((start, title)) = entry {
                if entry_done {
                    continue;
                }
                entry_done = true;
                let destination = XyzDestination::new(start, Point::from_xy(g.side, g.top));
                (
                    Rect::from_xywh(g.side, top, g.measure(), piece.height),
                    Target::Destination(Destination::Xyz(destination)),
                    title.clone(),
                )
            } else {
                let Ink::Link(n) = string.ink else {
                    continue;
                };
                let Some(href) = targets.links.get(n as usize).filter(|h| is_web_link(h)) else {
                    continue;
                };
                let width: f32 = string.glyphs.iter().map(|glyph| glyph.2).sum();
                let size = string.size;
                (
                    Rect::from_xywh(
                        g.side + x + string.x,
                        top + y - size * LINK_ASCENT,
                        width,
                        size * (LINK_ASCENT + LINK_DESCENT),
                    ),
                    Target::Action(Action::Link(LinkAction::new(href.clone()))),
                    href.clone(),
                )
            };
            let Some(rect) = rect else {
                continue;
            };
            let annotation = Annotation::new_link(LinkAnnotation::new(rect, target), Some(alt));
            found
                .entry((p, d))
                .or_insert_with(Vec::new)
                .push(pdf_page.add_tagged_annotation(annotation));
        }
    }
    found
}

/// Whether a link target is a web (or mail) address a reader can follow.
fn is_web_link(href: &str) -> bool {
    LINK_SCHEMES.iter().any(|scheme| {
        href.get(..scheme.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
    })
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
    tags::mark(
        &mut head,
        Kind::Heading {
            level: 1,
            title: title.to_string(),
        },
    );
    let small = Setting {
        size: body * 0.9,
        ..setting
    };
    let articles = chapters.iter().map(|c| &c.doc.article);
    let mut sub = edition::common_words(articles.clone()).articles(chapters.len());
    if let Some(range) = edition::date_range(articles, " – ") {
        sub = format!("{sub} · {range}");
    }
    let mut span = Span::new(sub, Style::Sans);
    span.ink = Ink::Muted;
    let lines = text::set(&[span], small, layout.fonts, None);
    let mut sub = pieces_from_lines(lines, 0.0, body * 1.4, small.size);
    tags::mark(&mut sub, Kind::Paragraph);
    head.extend(sub);
    if let Some(last) = head.last_mut() {
        last.height += body * 1.5;
    }
    pieces.extend(head);

    let number_column = body * 3.0;
    for (index, (chapter, start)) in chapters.iter().zip(starts).enumerate() {
        let article = &chapter.doc.article;
        let entry = Setting {
            size: body,
            measure: measure - number_column,
            ..setting
        };
        let headline = if article.headline.trim().is_empty() {
            UNTITLED
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
        let entry = Kind::Entry {
            chapter: index,
            title: headline.to_string(),
        };
        tags::mark(&mut entry_pieces, entry);
        pieces.extend(entry_pieces);
    }
    pieces
}

/// Draws one page: its pieces inside the margins, then the running head
/// and the page number.
fn draw_page(
    surface: &mut Surface,
    page: &PageOut,
    g: &Geometry,
    fonts: &mut FontSet,
    tagger: &mut Tagger,
    annotations: &mut HashMap<(usize, usize), Vec<Identifier>>,
) {
    for (p, placed) in page.placed.iter().enumerate() {
        let top = g.top + placed.y;
        let piece = &placed.piece;
        tagger.piece(piece);
        for (d, draw) in piece.draws.iter().enumerate() {
            let links = annotations.remove(&(p, d)).unwrap_or_default();
            tagger.draw(surface, piece, draw, links, |surface| {
                draw_one(surface, draw, g.side, top, fonts)
            });
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
        tags::furniture(surface, ArtifactType::Header, |surface| {
            draw_mark(surface, span, setting, g.top * 0.55, g, fonts)
        });
    }
    let mut span = Span::new(page.number.to_string(), Style::Sans);
    span.ink = Ink::Muted;
    tags::furniture(surface, ArtifactType::Footer, |surface| {
        draw_mark(surface, span, setting, g.height - g.bottom * 0.45, g, fonts)
    });
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

/// Shortens a running head to one line: as many whole words as fit, then
/// an ellipsis. Text without spaces (CJK) is cut where the Unicode rules
/// let a line break; only a first word too long for the line is cut inside.
fn fit(text: &str, setting: Setting, fonts: &mut FontSet) -> String {
    let wide = Setting {
        measure: 1.0e5,
        center: false,
        ..setting
    };
    let limit = setting.measure * RUNNING_HEAD_SHARE;
    let mut fits = |t: &str| {
        text::set(&[Span::new(t, Style::Sans)], wide, fonts, None)
            .first()
            .is_none_or(|l| l.width <= limit)
    };
    if fits(text) {
        return text.to_string();
    }
    let shortened = |end: usize| {
        let kept = text[..end].trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '—' | '·')
        });
        format!("{kept}…")
    };
    // Cut after a space; else where a line may break (CJK, after a
    // hyphen); else anywhere — whichever first lets something fit.
    let breaks: Vec<usize> = unicode_linebreak::linebreaks(text)
        .map(|(at, _)| at)
        .filter(|&at| at < text.len())
        .collect();
    let after_space: Vec<usize> = breaks
        .iter()
        .copied()
        .filter(|&at| text[..at].ends_with(char::is_whitespace))
        .collect();
    let anywhere: Vec<usize> = text.char_indices().map(|(at, _)| at).skip(1).collect();
    let cuts = [after_space, breaks, anywhere]
        .into_iter()
        .find(|cuts| cuts.first().is_some_and(|&at| fits(&shortened(at))))
        .unwrap_or_default();
    // The longest prefix that fits, by bisection (wider as it grows).
    let (mut low, mut high) = (0, cuts.len());
    while low < high {
        let mid = (low + high) / 2;
        if fits(&shortened(cuts[mid])) {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    match low {
        0 => "…".to_string(),
        n => shortened(cuts[n - 1]),
    }
}

fn fill(grey_or_ink: Ink) -> Fill {
    let paint = match grey_or_ink {
        Ink::Text => rgb::Color::new(0, 0, 0),
        Ink::Link(_) => rgb::Color::new(LINK_RGB.0, LINK_RGB.1, LINK_RGB.2),
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
/// never the clock, so the same input gives the same bytes; only PDF/A,
/// which must be dated, dates an undated article otherwise (see
/// [`standard::undated`]).
fn metadata(docs: &[Document], options: &WriteOptions, is_edition: bool) -> Metadata {
    let first = docs.first().map(|d| &d.article);
    let title = if is_edition {
        edition::title(options.title.as_deref(), None)
    } else {
        first
            .map(|a| a.headline.trim())
            .filter(|h| !h.is_empty())
            .unwrap_or(UNTITLED)
            .to_string()
    };
    let authors = edition::creators(docs.iter().map(|d| &d.article), false);
    let mut metadata = Metadata::new()
        .title(title)
        .producer("galley".to_string())
        .creator("galley".to_string());
    if !authors.is_empty() {
        metadata = metadata.authors(authors);
    }
    if let Some(language) = common_language(docs) {
        metadata = metadata.language(language.to_string());
    }
    if let Some(article) = first.filter(|_| !is_edition) {
        if let Some(subject) = article.subtitle.as_ref().or(article.description.as_ref()) {
            metadata = metadata.description(subject.clone());
        }
        if !article.tags.is_empty() {
            metadata = metadata.keywords(article.tags.clone());
        }
    }
    // The newest day as written; of articles published that day, the last.
    let mut newest = edition::published(docs.iter().map(|d| &d.article)).max_by_key(Stamp::day_key);
    if newest.is_none() && options.pdf_standard.is_some_and(|s| s.needs_date()) {
        newest = standard::undated(docs.iter().map(|d| &d.article));
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn head_setting(measure: f32) -> Setting {
        Setting {
            size: 9.0,
            measure,
            justify: false,
            hyphenate: false,
            indent: 0.0,
            center: true,
        }
    }

    #[test]
    fn a_running_head_is_cut_at_a_word_with_an_ellipsis() {
        let mut fonts = FontSet::new(None).unwrap();
        let headline = "Parliament approves the long-awaited budget, after three nights of debate";
        let head = fit(headline, head_setting(150.0), &mut fonts);
        let kept = head.strip_suffix('…').expect("ends with an ellipsis");
        assert!(headline.starts_with(kept), "{head}");
        // The cut falls between words, never inside one.
        let next = headline[kept.len()..].chars().next();
        assert!(
            next.is_some_and(|c| c == ' ' || c == ','),
            "cut inside a word: {head}"
        );
        // A headline that fits is left whole.
        assert_eq!(fit(headline, head_setting(1000.0), &mut fonts), headline);
    }
}
