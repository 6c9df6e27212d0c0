//! The templates compiled into galley: the Markdown front matter, the EPUB
//! page, the HTML edition's page, its article section, its bundle page and
//! stylesheet, and the examples to start from.
//! `galley templates` lists them and `galley templates NAME` prints one.

/// A compiled-in template: its name (as `include` and `extends` refer to it)
/// and its source.
#[derive(Debug, Clone, Copy)]
pub struct Builtin {
    /// Name, e.g. `html/article.html.j2`.
    pub name: &'static str,
    /// What it renders, for the listing.
    pub about: &'static str,
    /// The template's source.
    pub source: &'static str,
}

/// The HTML edition's page for one article (`--to html`).
pub const HTML_ARTICLE: &str = "html/article.html.j2";

/// The HTML edition's page for many articles (`--bundle FILE.html`).
pub const HTML_BUNDLE: &str = "html/bundle.html.j2";

/// The Markdown writer's front matter.
pub const MARKDOWN_FRONT_MATTER: &str = "markdown/front-matter.md.j2";

/// The EPUB's content document around a chapter, title or contents page.
pub const EPUB_PAGE: &str = "epub/page.xhtml.j2";

/// One article's `<article>` element, shared by the two pages.
pub const HTML_SECTION: &str = "html/article-section.html.j2";

/// The HTML edition's stylesheet, included by its pages.
pub const HTML_STYLE: &str = "html/style.css";

/// A [`Builtin`] from its name under `templates/` and its description.
macro_rules! builtin {
    ($name:literal, $about:literal) => {
        Builtin {
            name: $name,
            about: $about,
            source: include_str!(concat!("../../../templates/", $name)),
        }
    };
}

/// Every built-in template, in the order `galley templates` lists them.
pub const BUILTINS: &[Builtin] = &[
    builtin!(
        "markdown/front-matter.md.j2",
        "--to md: the YAML front matter before the article"
    ),
    builtin!(
        "epub/page.xhtml.j2",
        "--to epub: the XHTML page around each chapter"
    ),
    builtin!("html/article.html.j2", "--to html: one self-contained page"),
    builtin!(
        "html/article-section.html.j2",
        "the heading block, body and source line of one article"
    ),
    builtin!(
        "html/bundle.html.j2",
        "--to html --bundle: many articles on one page with contents"
    ),
    builtin!(
        "html/style.css",
        "the HTML edition's stylesheet (print style, dark scheme)"
    ),
    builtin!("examples/hugo.md.j2", "a Hugo or Jekyll post"),
    builtin!(
        "examples/obsidian.md.j2",
        "an Obsidian note with tags and source"
    ),
    builtin!("examples/tei.xml.j2", "XML-TEI P5 for corpus tools"),
];

/// The built-in template called `name`.
pub fn builtin(name: &str) -> Option<&'static Builtin> {
    BUILTINS.iter().find(|b| b.name == name)
}

/// `galley templates`: one line per built-in, its name and what it renders.
pub fn listing() -> String {
    let width = BUILTINS.iter().map(|b| b.name.len()).max().unwrap_or(0);
    BUILTINS
        .iter()
        .map(|b| format!("{:width$}  {}\n", b.name, b.about))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_names_the_writers_use_are_builtins() {
        for name in super::super::REPLACEABLE {
            assert!(builtin(name).is_some(), "{name}");
        }
    }
}
