//! Tagging: the structure tree that lets a screen reader read the PDF aloud
//! in order and a viewer reflow it. Layout gives every piece a [`Role`]
//! (the block it belongs to); while the pages are drawn, a [`Tagger`] wraps
//! each drawn thing in marked content and builds the tree from it: a
//! section per article in the article's language, headings (H1 for the
//! headline, H2–H6 below), paragraphs, block quotes, lists (L, LI, LBody),
//! tables (Table, TR, TH, TD), figures with their alternative text and
//! their captions, code, the contents of an edition (TOC, TOCI) and links
//! (Link, holding the link annotation and its text). Running heads, page
//! numbers, rules, list markers and table lines are artifacts.

use std::num::NonZeroU16;

use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, Node, SpanTag, TableHeaderScope,
    Tag, TagGroup, TagKind, TagTree,
};

use super::page::{Draw, Piece};
use super::text::Ink;
use crate::model::Block;

/// What a piece is in the document's structure.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Role {
    /// The kind of block.
    pub kind: Kind,
    /// Whether the piece starts a new block (two paragraphs in a row are
    /// two blocks).
    pub starts: bool,
}

/// The kinds of block the tree knows.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Kind {
    /// Decoration only: left out of the tree.
    #[default]
    Artifact,
    /// Running text (also the site name, subtitle and byline).
    Paragraph,
    /// A headline (level 1) or heading, with its text.
    Heading {
        /// 1 for a headline, 2–6 below it.
        level: u8,
        /// The heading's text.
        title: String,
    },
    /// A block quotation.
    Quote,
    /// A list; each piece with a marker starts an item.
    List {
        /// Numbered or bulleted.
        ordered: bool,
    },
    /// A picture and its caption; the picture's words for a reader who
    /// cannot see it.
    Figure {
        /// Alternative text (empty: the picture is an artifact).
        alt: String,
    },
    /// A table; each piece is a row, each column of text a cell.
    Table {
        /// How many rows at the top are header rows.
        header_rows: usize,
    },
    /// Preformatted code.
    Code,
    /// An entry of an edition's contents, linking to its article.
    Entry {
        /// The article's index in the edition.
        chapter: usize,
        /// The article's headline (the link's description).
        title: String,
    },
}

impl Kind {
    /// The kind of a body block.
    pub fn of(block: &Block) -> Kind {
        match block {
            Block::Paragraph { .. } => Kind::Paragraph,
            Block::Heading { text, level } => Kind::Heading {
                level: *level,
                title: text.trim().to_string(),
            },
            Block::Quote { .. } => Kind::Quote,
            Block::List { ordered, .. } => Kind::List { ordered: *ordered },
            Block::Image { alt, caption, .. } => Kind::Figure {
                alt: figure_alt(alt, caption.as_deref()),
            },
            Block::Code { .. } => Kind::Code,
            Block::Table { header_rows, .. } => Kind::Table {
                header_rows: *header_rows,
            },
            Block::Rule { .. } => Kind::Artifact,
        }
    }
}

/// A picture's words for a reader who cannot see it: its alternative text,
/// else its caption. A picture the page gave no words for is treated as the
/// page's own HTML would be (`alt=""`): as decoration.
fn figure_alt(alt: &str, caption: Option<&str>) -> String {
    [Some(alt), caption]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|s| !s.is_empty())
        .unwrap_or_default()
        .to_string()
}

/// Gives a block's pieces their role, the first one starting the block.
pub fn mark(pieces: &mut [Piece], kind: Kind) {
    for (i, piece) in pieces.iter_mut().enumerate() {
        piece.role = Role {
            kind: kind.clone(),
            starts: i == 0,
        };
    }
}

/// Builds the structure tree while the pages are drawn, in reading order.
#[derive(Default)]
pub struct Tagger {
    /// The finished sections.
    tree: TagTree,
    /// The open groups: the section, its block, then the block's parts
    /// (item, row, cell, link).
    stack: Vec<TagGroup>,
    /// The section open now: the article's index, `None` for the contents.
    section: Option<Option<usize>>,
    /// The kind of the open block.
    block: Option<Kind>,
    /// The link whose group is on top of the stack.
    link: Option<u32>,
    /// Left edge of the open table cell.
    cell: Option<f32>,
}

/// Depth of the block's group in the stack (under the section).
const BLOCK_DEPTH: usize = 1;

impl Tagger {
    /// A tagger for a document in `language` (when it has one).
    pub fn new(language: Option<&str>) -> Tagger {
        Tagger {
            tree: TagTree::new().with_lang(language.map(str::to_string)),
            ..Tagger::default()
        }
    }

    /// Starts the section of an article (`None`: the contents) in its
    /// language, unless it is the open one.
    pub fn section(&mut self, chapter: Option<usize>, language: Option<&str>) {
        if self.section == Some(chapter) {
            return;
        }
        self.close_to(0);
        self.block = None;
        self.section = Some(chapter);
        let tag = TagKind::from(Tag::Section).with_lang(language.map(str::to_string));
        self.stack.push(TagGroup::new(tag));
    }

    /// Opens the groups a piece belongs to: a new block when it starts
    /// one, a new list item or table row inside a block.
    pub fn piece(&mut self, piece: &Piece) {
        let kind = &piece.role.kind;
        if *kind == Kind::Artifact {
            // Decoration (a rule, a table header repeated on a new page)
            // belongs to no block and leaves the open one open.
            return;
        }
        let same_block = self.block.as_ref() == Some(kind) && !piece.role.starts;
        let same_contents = matches!(
            (&self.block, kind),
            (Some(Kind::Entry { .. }), Kind::Entry { .. })
        );
        if !same_block {
            self.close_to(if same_contents {
                BLOCK_DEPTH + 1
            } else {
                BLOCK_DEPTH
            });
            if !same_contents {
                self.open_block(kind);
            }
            self.block = Some(kind.clone());
            if let Kind::Entry { .. } = kind {
                self.open(Tag::TOCI);
                self.open(Tag::Link);
            }
        }
        match kind {
            Kind::List { .. } if piece.draws.iter().any(|d| matches!(d, Draw::Mark { .. })) => {
                self.close_to(BLOCK_DEPTH + 1);
                self.open(Tag::LI);
                self.open(Tag::LBody);
            }
            Kind::List { .. } if self.stack.len() <= BLOCK_DEPTH + 1 => {
                self.open(Tag::LI);
                self.open(Tag::LBody);
            }
            Kind::Table { .. } => {
                self.close_to(BLOCK_DEPTH + 1);
                self.open(Tag::TR);
                self.cell = None;
            }
            _ => {}
        }
    }

    /// The block's own group, and a paragraph inside a quotation.
    fn open_block(&mut self, kind: &Kind) {
        match kind {
            Kind::Paragraph => self.open(Tag::P),
            Kind::Heading { level, title } => {
                let level = NonZeroU16::new(u16::from((*level).max(1))).unwrap_or(NonZeroU16::MIN);
                self.open(Tag::Hn(level, Some(title.clone())));
            }
            Kind::Quote => {
                self.open(Tag::BlockQuote);
                self.open(Tag::P);
            }
            Kind::List { ordered } => self.open(Tag::L(if *ordered {
                ListNumbering::Decimal
            } else {
                ListNumbering::Disc
            })),
            Kind::Table { .. } => self.open(Tag::Table),
            Kind::Code => self.open(Tag::Code),
            Kind::Entry { .. } => self.open(Tag::TOC),
            Kind::Artifact | Kind::Figure { .. } => {}
        }
    }

    /// Draws one thing of `piece` with `paint`, marked as what it is, and
    /// files it in the tree; `annotations` are the link annotations that
    /// belong to it.
    pub fn draw(
        &mut self,
        surface: &mut Surface,
        piece: &Piece,
        draw: &Draw,
        annotations: Vec<Identifier>,
        paint: impl FnOnce(&mut Surface),
    ) {
        let kind = &piece.role.kind;
        match (draw, kind) {
            (Draw::Image { .. }, Kind::Figure { alt }) if !alt.is_empty() => {
                let id = tagged(surface, ContentTag::Other, paint);
                self.close_to(BLOCK_DEPTH);
                let mut figure = TagGroup::new(Tag::Figure(Some(alt.clone())));
                figure.push(id);
                self.push(figure);
            }
            (Draw::Text { x, string, .. }, _) if *kind != Kind::Artifact => {
                let id = tagged(surface, ContentTag::Span(SpanTag::empty()), paint);
                self.text_container(kind, *x);
                match string.ink {
                    Ink::Link(link) if !annotations.is_empty() || self.link == Some(link) => {
                        if self.link != Some(link) {
                            self.close_link();
                            self.open(Tag::Link);
                            self.link = Some(link);
                        }
                        for annotation in annotations {
                            self.push(annotation);
                        }
                    }
                    _ => {
                        self.close_link();
                        for annotation in annotations {
                            self.push(annotation);
                        }
                    }
                }
                self.push(id);
            }
            _ => {
                // Artifacts stay out of the tree (krilla gives them no identifier).
                let artifact = Artifact::with_kind(ArtifactType::Layout);
                tagged(surface, ContentTag::Artifact(artifact), paint);
            }
        }
    }

    /// Makes sure the group text of `kind` goes into is on top: the
    /// caption of a figure, the cell of a table row at left edge `x`.
    fn text_container(&mut self, kind: &Kind, x: f32) {
        match kind {
            Kind::Figure { .. } if !self.top_is(&TagKind::from(Tag::Caption)) => {
                self.close_to(BLOCK_DEPTH);
                self.open(Tag::Caption);
            }
            Kind::Table { header_rows } if self.cell != Some(x) => {
                self.close_to(BLOCK_DEPTH + 2);
                let header_row = self
                    .stack
                    .get(BLOCK_DEPTH)
                    .is_some_and(|table| table.children.len() < *header_rows);
                if header_row {
                    self.open(Tag::TH(TableHeaderScope::Column));
                } else {
                    self.open(Tag::TD);
                }
                self.cell = Some(x);
            }
            _ => {}
        }
    }

    /// The finished tree.
    pub fn finish(mut self) -> TagTree {
        self.close_to(0);
        self.tree
    }

    fn top_is(&self, tag: &TagKind) -> bool {
        self.stack
            .last()
            .is_some_and(|g| std::mem::discriminant(&g.tag) == std::mem::discriminant(tag))
    }

    fn open(&mut self, tag: impl Into<TagKind>) {
        self.stack.push(TagGroup::new(tag));
    }

    /// Adds a child to the innermost open group (or to the tree).
    fn push(&mut self, node: impl Into<Node>) {
        match self.stack.last_mut() {
            Some(group) => group.push(node),
            None => self.tree.push(node),
        }
    }

    fn close_link(&mut self) {
        if self.link.is_some() {
            self.close();
        }
    }

    /// Closes the innermost group into its parent.
    fn close(&mut self) {
        self.link = None;
        if let Some(group) = self.stack.pop() {
            if matches!(group.tag, TagKind::TD(_) | TagKind::TH(_)) {
                self.cell = None;
            }
            self.push(group);
        }
    }

    /// Closes groups until `depth` are open.
    fn close_to(&mut self, depth: usize) {
        while self.stack.len() > depth {
            self.close();
        }
    }
}

/// Draws with `paint` inside marked content tagged `tag`.
fn tagged(surface: &mut Surface, tag: ContentTag, paint: impl FnOnce(&mut Surface)) -> Identifier {
    let id = surface.start_tagged(tag);
    paint(surface);
    surface.end_tagged();
    id
}

/// Draws page furniture (a running head, `Header`, or a page number,
/// `Footer`) as an artifact.
pub fn furniture(surface: &mut Surface, kind: ArtifactType, paint: impl FnOnce(&mut Surface)) {
    tagged(
        surface,
        ContentTag::Artifact(Artifact::with_kind(kind)),
        paint,
    );
}
