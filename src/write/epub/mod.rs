//! The EPUB 3 writer: one article per book (`--to epub`), or many articles as
//! one edition (`--bundle FILE.epub`) with a title page and a contents page.
//!
//! The container is written here with the `zip` crate rather than through
//! epub-builder: that crate (0.8.3) gives `dc:language` and `dc:creator` the
//! same `id` (an epubcheck error), stamps a random UUID, the current time and
//! current zip entry times, and hides its zip backend. Writing the OCF
//! container, the package document, the navigation document and the NCX
//! ourselves keeps the output valid and byte-for-byte reproducible: the
//! `mimetype` entry comes first and stored, every entry carries the same fixed
//! time and permissions, and every date and identifier derives from the
//! articles. [`xhtml`] renders the content documents, [`media`] the images,
//! [`meta`] the modification date and identifier, [`package`] the rest.

mod media;
mod meta;
mod package;
mod svg;
mod xhtml;

use std::borrow::Cow;
use std::io::{Cursor, Write as _};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::template::builtins::EPUB_PAGE;
use super::{Output, Spec, WriteOptions, Writer, edition};
use crate::date::Stamp;
use crate::document::Document;
use crate::error::Result;
use crate::sanitize::url::web_link;
use media::Media;
use package::{Book, Spine};

/// The stylesheet every EPUB carries unless `--css` replaces it.
pub const DEFAULT_CSS: &str = include_str!("../../../templates/epub.css");

/// Folder of the package inside the container.
const PACKAGE_DIR: &str = "EPUB";

/// Deflate level for text entries: the highest, since books are small and
/// written once.
const DEFLATE_LEVEL: i64 = 9;

/// Unix permissions recorded for every entry, so the archive does not depend
/// on the umask of the machine that wrote it.
const ENTRY_PERMISSIONS: u32 = 0o644;

/// `--to epub` and `--bundle FILE.epub`.
pub struct Epub;

impl Writer for Epub {
    fn spec(&self) -> &'static Spec {
        &Spec {
            name: "epub",
            extension: "epub",
            about: "EPUB 3 e-book, images embedded, valid for epubcheck",
            text: false,
            bundles: true,
        }
    }
    fn write(&self, doc: &Document, options: &WriteOptions) -> Result<Output> {
        let css = stylesheet(options)?;
        let mut media = Media::default();
        let chapter = xhtml::chapter(options.template(EPUB_PAGE)?, doc, &mut media)?;
        mark_cover(doc, &chapter, &mut media);
        let warnings = chapter.dropped.warnings();
        let article = &doc.article;
        let book = Book {
            identifier: meta::uuid_urn(&meta::identity(article)),
            title: chapter.title.clone(),
            languages: vec![meta::language(article)],
            creators: creators(std::slice::from_ref(doc)),
            date: article
                .published
                .as_deref()
                .and_then(meta::Stamp::parse)
                .map(|s| meta::dc_date(&s)),
            modified: meta::modified(article),
            publisher: article
                .site_name
                .as_deref()
                .and_then(xhtml::non_empty)
                .map(str::to_string),
            sources: article.url.iter().filter_map(|u| web_link(u)).collect(),
            description: article
                .description
                .as_deref()
                .and_then(xhtml::non_empty)
                .map(str::to_string),
            subjects: article.tags.clone(),
            spine: vec![Spine::chapter("article", "text/article.xhtml", chapter)],
            media,
        };
        let bytes = package(&book, &css)?;
        Ok(Output {
            bytes,
            warnings,
            ..Output::default()
        })
    }

    fn write_bundle(&self, docs: &[Document], options: &WriteOptions) -> Result<Output> {
        self.bundle(docs, options)
    }
}

impl Epub {
    /// Many articles as one edition.
    fn bundle(&self, docs: &[Document], options: &WriteOptions) -> Result<Output> {
        if docs.is_empty() {
            return Err(Epub.error("a bundle needs at least one article".into()));
        }
        let css = stylesheet(options)?;
        let mut media = Media::default();
        let mut warnings = Vec::new();
        let mut chapters = Vec::new();
        for (n, doc) in docs.iter().enumerate() {
            let chapter = xhtml::chapter(options.template(EPUB_PAGE)?, doc, &mut media)?;
            mark_cover(doc, &chapter, &mut media);
            warnings.extend(chapter.dropped.warnings());
            chapters.push((format!("text/article-{:03}.xhtml", n + 1), chapter));
        }
        let articles: Vec<_> = docs.iter().map(|d| &d.article).collect();
        let languages = edition::languages(articles.iter().copied());
        let range = edition::date_range(articles.iter().copied(), " – ");
        let given = options.title.as_deref().and_then(xhtml::non_empty);
        let title = edition::title(given, range.as_deref());
        let newest = edition::published(articles.iter().copied()).max_by_key(Stamp::to_utc);
        let modified = meta::modified_or_build_time(
            articles.iter().filter_map(|a| meta::last_change(a)).max(),
        );
        let identities: Vec<String> = articles.iter().map(|a| meta::identity(a)).collect();
        let mut sites: Vec<String> = articles
            .iter()
            .filter_map(|a| {
                a.site_name
                    .as_deref()
                    .and_then(xhtml::non_empty)
                    .map(str::to_string)
            })
            .collect();
        sites.dedup();
        let primary = languages[0].clone();
        let contents: Vec<(String, &xhtml::Chapter)> =
            chapters.iter().map(|(f, c)| (f.clone(), c)).collect();
        let contents_page =
            xhtml::contents_page(options.template(EPUB_PAGE)?, &contents, &primary)?;
        let title_page = xhtml::title_page(
            options.template(EPUB_PAGE)?,
            &title,
            range.as_deref(),
            docs.len(),
            edition::common_words(articles.iter().copied()),
            &primary,
        )?;
        let mut spine = vec![
            Spine::page("title", "text/title.xhtml", &title, &primary, title_page),
            Spine::page(
                "contents",
                "text/contents.xhtml",
                xhtml::contents_title(&primary).0,
                &primary,
                contents_page,
            ),
        ];
        for (n, (file, chapter)) in chapters.into_iter().enumerate() {
            spine.push(Spine::chapter(
                &format!("article-{:03}", n + 1),
                &file,
                chapter,
            ));
        }
        let book = Book {
            identifier: meta::uuid_urn(&format!("galley-edition:{title}:{}", identities.join(" "))),
            title,
            languages,
            creators: creators(docs),
            date: newest.map(|s| meta::dc_date(&s)),
            modified,
            publisher: (sites.len() == 1).then(|| sites[0].clone()),
            sources: Vec::new(),
            description: None,
            subjects: Vec::new(),
            spine,
            media,
        };
        let bytes = package(&book, &css)?;
        Ok(Output {
            bytes,
            warnings,
            ..Output::default()
        })
    }
}

/// The lead image of an article becomes the cover when it is embedded.
/// A page saved by a browser keeps its lead image as a remote URL in its
/// metadata while the pictures in its body are local, so the first picture
/// the chapter shows stands in for it.
fn mark_cover(doc: &Document, chapter: &xhtml::Chapter, media: &mut Media) {
    if let Some(src) = doc.article.image.as_deref().and_then(xhtml::non_empty)
        && let media::Placed::Embedded(href) = media.place(&doc.assets, src)
    {
        media.set_cover(&href);
    } else if let Some(href) = &chapter.first_image {
        media.set_cover(href);
    }
}

/// Every distinct author, trimmed, in order; the byline when no author is
/// listed.
fn creators(docs: &[Document]) -> Vec<String> {
    edition::creators(docs.iter().map(|d| &d.article), true)
}

/// The stylesheet: `--css FILE` or the built-in one.
fn stylesheet(options: &WriteOptions) -> Result<String> {
    match &options.css {
        Some(path) => std::fs::read_to_string(path)
            .map_err(|e| Epub.error(format!("cannot read stylesheet {}: {e}", path.display()))),
        None => Ok(DEFAULT_CSS.to_string()),
    }
}

/// Zips the book: `mimetype` first and stored, then the container, package,
/// navigation, stylesheet, content documents and images, all with one fixed
/// time.
fn package(book: &Book, css: &str) -> Result<Vec<u8>> {
    let mut entries: Vec<(String, Cow<[u8]>, bool)> = vec![
        (
            "mimetype".into(),
            Cow::Borrowed(b"application/epub+zip"),
            false,
        ),
        (
            "META-INF/container.xml".into(),
            Cow::Owned(package::container(PACKAGE_DIR).into_bytes()),
            true,
        ),
        (
            format!("{PACKAGE_DIR}/package.opf"),
            Cow::Owned(package::opf(book).into_bytes()),
            true,
        ),
        (
            format!("{PACKAGE_DIR}/nav.xhtml"),
            Cow::Owned(package::nav(book).into_bytes()),
            true,
        ),
        (
            format!("{PACKAGE_DIR}/toc.ncx"),
            Cow::Owned(package::ncx(book).into_bytes()),
            true,
        ),
        (
            format!("{PACKAGE_DIR}/style.css"),
            Cow::Borrowed(css.as_bytes()),
            true,
        ),
    ];
    for item in &book.spine {
        entries.push((
            format!("{PACKAGE_DIR}/{}", item.file),
            Cow::Borrowed(item.xhtml.as_bytes()),
            true,
        ));
    }
    for item in &book.media.items {
        // Images are compressed already: storing them costs nothing.
        entries.push((
            format!("{PACKAGE_DIR}/{}", item.href),
            Cow::Borrowed(item.bytes.as_slice()),
            false,
        ));
    }

    let fail = |e: &dyn std::fmt::Display| Epub.error(e.to_string());
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let base = SimpleFileOptions::default()
        .last_modified_time(DateTime::default())
        .unix_permissions(ENTRY_PERMISSIONS);
    for (name, bytes, deflate) in entries {
        let options = if deflate {
            base.compression_method(CompressionMethod::Deflated)
                .compression_level(Some(DEFLATE_LEVEL))
        } else {
            base.compression_method(CompressionMethod::Stored)
        };
        zip.start_file(name, options).map_err(|e| fail(&e))?;
        zip.write_all(&bytes).map_err(|e| fail(&e))?;
    }
    let cursor = zip.finish().map_err(|e| fail(&e))?;
    Ok(cursor.into_inner())
}
