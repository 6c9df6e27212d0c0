//! The EPUB's structural files: the OCF `container.xml`, the package
//! document (metadata with accessibility properties, manifest, spine), the
//! EPUB 3 navigation document and the NCX older readers use.

use std::fmt::Write as _;

use super::media::Media;
use super::xhtml::{Chapter, Section, contents_title, esc, item_lang};
use crate::write::language::is_rtl;

/// Accessibility features every galley EPUB has: a navigable table of
/// contents, headings for structure, and one reading order.
const ACCESSIBILITY_FEATURES: &[&str] =
    &["structuralNavigation", "tableOfContents", "readingOrder"];

/// What a book holds, ready to be written.
#[derive(Debug)]
pub struct Book {
    /// `dc:identifier`, a `urn:uuid:`.
    pub identifier: String,
    /// `dc:title`.
    pub title: String,
    /// `dc:language`, the primary one first.
    pub languages: Vec<String>,
    /// `dc:creator`, one per author.
    pub creators: Vec<String>,
    /// `dc:date` (publication), W3C form.
    pub date: Option<String>,
    /// `dcterms:modified`, UTC.
    pub modified: String,
    /// `dc:publisher` (the site).
    pub publisher: Option<String>,
    /// `dc:source` (the article URLs).
    pub sources: Vec<String>,
    /// `dc:description`.
    pub description: Option<String>,
    /// `dc:subject`, one per tag.
    pub subjects: Vec<String>,
    /// Content documents in reading order.
    pub spine: Vec<Spine>,
    /// Embedded images.
    pub media: Media,
}

/// One content document in the reading order.
#[derive(Debug)]
pub struct Spine {
    /// Manifest id.
    pub id: String,
    /// Path relative to the package folder.
    pub file: String,
    /// Title for the navigation.
    pub title: String,
    /// The XHTML.
    pub xhtml: String,
    /// Subheadings listed under it in the navigation.
    pub sections: Vec<Section>,
    /// Whether it is an article (listed in the table of contents) rather than
    /// a title or contents page.
    pub is_article: bool,
    /// Language of the document.
    pub lang: String,
    /// Whether the document is written right to left.
    pub rtl: bool,
    /// Whether the chapter shows at least one image.
    pub has_images: bool,
}

impl Spine {
    /// An article chapter.
    pub fn chapter(id: &str, file: &str, chapter: Chapter) -> Spine {
        Spine {
            id: id.to_string(),
            file: file.to_string(),
            has_images: chapter.xhtml.contains("<img "),
            rtl: is_rtl(&chapter.lang),
            lang: chapter.lang,
            title: chapter.title,
            xhtml: chapter.xhtml,
            sections: chapter.sections,
            is_article: true,
        }
    }

    /// A title or contents page.
    pub fn page(id: &str, file: &str, title: &str, lang: &str, xhtml: String) -> Spine {
        Spine {
            lang: lang.to_string(),
            id: id.to_string(),
            file: file.to_string(),
            title: title.to_string(),
            xhtml,
            sections: Vec::new(),
            is_article: false,
            rtl: false,
            has_images: false,
        }
    }
}

/// `META-INF/container.xml`, pointing at the package document.
pub fn container(package_dir: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n\
         <rootfiles>\n\
         <rootfile full-path=\"{package_dir}/package.opf\" media-type=\"application/oebps-package+xml\"/>\n\
         </rootfiles>\n</container>\n"
    )
}

/// The package document.
pub fn opf(book: &Book) -> String {
    let lang = &book.languages[0];
    let dir = if is_rtl(lang) { " dir=\"rtl\"" } else { "" };
    let mut x = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"pub-id\" \
         xml:lang=\"{}\"{dir}>\n<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n",
        esc(lang)
    );
    let _ = writeln!(
        x,
        "<dc:identifier id=\"pub-id\">{}</dc:identifier>",
        esc(&book.identifier)
    );
    let _ = writeln!(x, "<dc:title>{}</dc:title>", esc(&book.title));
    for language in &book.languages {
        let _ = writeln!(x, "<dc:language>{}</dc:language>", esc(language));
    }
    for (n, creator) in book.creators.iter().enumerate() {
        let _ = writeln!(
            x,
            "<dc:creator id=\"creator-{}\">{}</dc:creator>",
            n + 1,
            esc(creator)
        );
    }
    if let Some(date) = &book.date {
        let _ = writeln!(x, "<dc:date>{}</dc:date>", esc(date));
    }
    if let Some(publisher) = &book.publisher {
        let _ = writeln!(x, "<dc:publisher>{}</dc:publisher>", esc(publisher));
    }
    for source in &book.sources {
        let _ = writeln!(x, "<dc:source>{}</dc:source>", esc(source));
    }
    if let Some(description) = &book.description {
        let _ = writeln!(x, "<dc:description>{}</dc:description>", esc(description));
    }
    for subject in book.subjects.iter().filter(|s| !s.trim().is_empty()) {
        let _ = writeln!(x, "<dc:subject>{}</dc:subject>", esc(subject.trim()));
    }
    let _ = writeln!(
        x,
        "<meta property=\"dcterms:modified\">{}</meta>",
        book.modified
    );
    accessibility(&mut x, book);
    if let Some(cover) = book.media.cover {
        let _ = writeln!(
            x,
            "<meta name=\"cover\" content=\"{}\"/>",
            book.media.items[cover].id
        );
    }
    x.push_str("</metadata>\n<manifest>\n");
    x.push_str("<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n");
    x.push_str("<item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>\n");
    x.push_str("<item id=\"css\" href=\"style.css\" media-type=\"text/css\"/>\n");
    for item in &book.spine {
        let _ = writeln!(
            x,
            "<item id=\"{}\" href=\"{}\" media-type=\"application/xhtml+xml\"/>",
            item.id,
            esc(&item.file)
        );
    }
    for (n, item) in book.media.items.iter().enumerate() {
        let cover = if book.media.cover == Some(n) {
            " properties=\"cover-image\""
        } else {
            ""
        };
        let _ = writeln!(
            x,
            "<item id=\"{}\" href=\"{}\" media-type=\"{}\"{cover}/>",
            item.id, item.href, item.media_type
        );
    }
    x.push_str("</manifest>\n");
    let articles: Vec<&Spine> = book.spine.iter().filter(|s| s.is_article).collect();
    let progression = if !articles.is_empty() && articles.iter().all(|s| s.rtl) {
        " page-progression-direction=\"rtl\""
    } else {
        ""
    };
    let _ = writeln!(x, "<spine toc=\"ncx\"{progression}>");
    for item in &book.spine {
        let _ = writeln!(x, "<itemref idref=\"{}\"/>", item.id);
    }
    x.push_str("</spine>\n</package>\n");
    x
}

/// The schema.org accessibility properties (EPUB Accessibility 1.1).
fn accessibility(x: &mut String, book: &Book) {
    let images = !book.media.items.is_empty() && book.spine.iter().any(|s| s.has_images);
    let described = !book
        .spine
        .iter()
        .any(|s| s.xhtml.contains("role=\"presentation\""));
    let mut modes = vec!["textual"];
    if images {
        modes.push("visual");
    }
    for mode in &modes {
        let _ = writeln!(x, "<meta property=\"schema:accessMode\">{mode}</meta>");
    }
    let _ = writeln!(
        x,
        "<meta property=\"schema:accessModeSufficient\">{}</meta>",
        modes.join(",")
    );
    if images && described {
        x.push_str("<meta property=\"schema:accessModeSufficient\">textual</meta>\n");
    }
    for feature in ACCESSIBILITY_FEATURES {
        let _ = writeln!(
            x,
            "<meta property=\"schema:accessibilityFeature\">{feature}</meta>"
        );
    }
    if images && described {
        x.push_str("<meta property=\"schema:accessibilityFeature\">alternativeText</meta>\n");
    }
    x.push_str("<meta property=\"schema:accessibilityHazard\">none</meta>\n");
    let summary = if images && described {
        "Text with headings, a table of contents and one reading order; every image has a text alternative."
    } else if images {
        "Text with headings, a table of contents and one reading order; images without a description are marked decorative, and captions are text."
    } else {
        "Text with headings, a table of contents and one reading order; no images."
    };
    let _ = writeln!(
        x,
        "<meta property=\"schema:accessibilitySummary\">{summary}</meta>"
    );
}

/// The EPUB 3 navigation document: the table of contents (articles and their
/// subheadings) and landmarks.
pub fn nav(book: &Book) -> String {
    let lang = esc(&book.languages[0]);
    let mut x = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n\
         <html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" \
         lang=\"{lang}\" xml:lang=\"{lang}\">\n<head>\n<title>{}</title>\n\
         <link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n</head>\n<body>\n\
         <nav epub:type=\"toc\" role=\"doc-toc\" id=\"toc\" aria-labelledby=\"toc-title\">\n\
         <h1 id=\"toc-title\"{}>{}</h1>\n<ol>\n",
        esc(&book.title),
        contents_title(&book.languages[0]).1,
        esc(contents_title(&book.languages[0]).0)
    );
    for item in book.spine.iter().filter(|s| s.is_article) {
        let _ = write!(
            x,
            "<li{}><a href=\"{}\">{}</a>",
            item_lang(&item.lang, &book.languages[0]),
            esc(&item.file),
            esc(&item.title)
        );
        if !item.sections.is_empty() {
            x.push_str("\n<ol>\n");
            for section in &item.sections {
                let _ = writeln!(
                    x,
                    "<li><a href=\"{}#{}\">{}</a></li>",
                    esc(&item.file),
                    section.id,
                    esc(&section.title)
                );
            }
            x.push_str("</ol>\n");
        }
        x.push_str("</li>\n");
    }
    x.push_str("</ol>\n</nav>\n<nav epub:type=\"landmarks\" aria-label=\"Landmarks\" hidden=\"hidden\">\n<ol>\n");
    for item in &book.spine {
        match item.id.as_str() {
            "title" => {
                let _ = writeln!(
                    x,
                    "<li><a epub:type=\"titlepage\" href=\"{}\">Title page</a></li>",
                    item.file
                );
            }
            "contents" => {
                let _ = writeln!(
                    x,
                    "<li><a epub:type=\"toc\" href=\"{}\">{}</a></li>",
                    item.file,
                    esc(contents_title(&book.languages[0]).0)
                );
            }
            _ => {}
        }
    }
    if let Some(first) = book.spine.iter().find(|s| s.is_article) {
        let _ = writeln!(
            x,
            "<li><a epub:type=\"bodymatter\" href=\"{}\">Start of content</a></li>",
            first.file
        );
    }
    x.push_str("</ol>\n</nav>\n</body>\n</html>\n");
    x
}

/// The NCX, for reading systems that predate EPUB 3.
pub fn ncx(book: &Book) -> String {
    let mut points = String::new();
    let mut order = 0;
    for item in book.spine.iter().filter(|s| s.is_article) {
        order += 1;
        let _ = write!(
            points,
            "<navPoint id=\"nav-{order}\" playOrder=\"{order}\">\n<navLabel><text>{}</text></navLabel>\n<content src=\"{}\"/>\n",
            esc(&item.title),
            esc(&item.file)
        );
        for section in &item.sections {
            order += 1;
            let _ = write!(
                points,
                "<navPoint id=\"nav-{order}\" playOrder=\"{order}\">\n<navLabel><text>{}</text></navLabel>\n<content src=\"{}#{}\"/>\n</navPoint>\n",
                esc(&section.title),
                esc(&item.file),
                section.id
            );
        }
        points.push_str("</navPoint>\n");
    }
    let depth = if book.spine.iter().any(|s| !s.sections.is_empty()) {
        2
    } else {
        1
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\" xml:lang=\"{}\">\n<head>\n\
         <meta name=\"dtb:uid\" content=\"{}\"/>\n<meta name=\"dtb:depth\" content=\"{depth}\"/>\n\
         <meta name=\"dtb:totalPageCount\" content=\"0\"/>\n<meta name=\"dtb:maxPageNumber\" content=\"0\"/>\n\
         </head>\n<docTitle><text>{}</text></docTitle>\n<navMap>\n{points}</navMap>\n</ncx>\n",
        esc(&book.languages[0]),
        esc(&book.identifier),
        esc(&book.title)
    )
}
