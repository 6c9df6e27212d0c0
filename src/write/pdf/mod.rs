//! The PDF writer: a typeset edition of an article, or of many (`--bundle`).
//!
//! The pipeline is: [`layout`] turns the article's blocks into pieces (set
//! lines, figures, table rows) using [`text`] (shaping by [`fonts`],
//! hyphenation by [`hyphenate`], Knuth–Plass line breaking by
//! [`linebreak`]); [`page`] stacks the pieces onto pages of the chosen size
//! without widows, orphans or stranded headings; [`render`] draws them with
//! a running head and page numbers, adds the outline, the document
//! information, the link annotations and the structure tree ([`tags`]:
//! every PDF is tagged), and writes the file, checked against
//! `--pdf-standard` ([`standard`]) when one is asked for.
//!
//! Why krilla rather than printpdf: krilla (the PDF library under Typst)
//! subsets and embeds every font it draws with — a CJK `--font` adds only
//! the glyphs used, not megabytes — and takes glyphs positioned by our own
//! shaper (rustybuzz, so kerning and ligatures are real) together with the
//! text they show, so the PDF stays searchable and copyable. It passes JPEG
//! data through untouched, stores other images losslessly, writes outlines
//! and document information, and produces the same bytes for the same
//! input. printpdf 0.12 subsets fonts only with its `html` feature (about
//! 130 more crates to build) and does no shaping; it writes a PDF 1.3
//! header and an empty PDF/X marker into the document information. krilla
//! builds with only its `raster-images` feature.

mod fonts;
mod hyphenate;
mod images;
mod layout;
mod linebreak;
mod page;
mod render;
mod standard;
mod system;
mod table;
mod tags;
mod text;

use crate::document::Document;
use crate::error::Result;
use crate::write::{Output, Spec, WriteOptions, Writer};

pub use page::{DEFAULT_PAGE_SIZE, page_sizes};
pub use standard::{PdfStandard, pdf_standards};

/// The `pdf` output format.
pub struct Pdf;

impl Writer for Pdf {
    fn spec(&self) -> &'static Spec {
        &Spec {
            name: "pdf",
            extension: "pdf",
            about: "typeset PDF (page size from --page-size; fonts embedded)",
            text: false,
            bundles: true,
        }
    }

    fn write(&self, doc: &Document, options: &WriteOptions) -> Result<Output> {
        let (bytes, warnings) = render::render(std::slice::from_ref(doc), options, false)?;
        Ok(Output {
            bytes,
            warnings,
            ..Output::default()
        })
    }

    fn write_bundle(&self, docs: &[Document], options: &WriteOptions) -> Result<Output> {
        render::render(docs, options, true).map(|(bytes, warnings)| Output {
            bytes,
            warnings,
            ..Output::default()
        })
    }
}
