//! The templates compiled into galley: the HTML edition's page, its article
//! section, its bundle page and stylesheet, and the examples to start from.
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

/// One article's `<article>` element, shared by the two pages.
pub const HTML_SECTION: &str = "html/article-section.html.j2";

/// Every built-in template, in the order `galley templates` lists them.
pub const BUILTINS: &[Builtin] = &[
    Builtin {
        name: HTML_ARTICLE,
        about: "--to html: one self-contained page",
        source: include_str!("../../../templates/html/article.html.j2"),
    },
    Builtin {
        name: HTML_SECTION,
        about: "the heading block, body and source line of one article",
        source: include_str!("../../../templates/html/article-section.html.j2"),
    },
    Builtin {
        name: HTML_BUNDLE,
        about: "--to html --bundle: many articles on one page with contents",
        source: include_str!("../../../templates/html/bundle.html.j2"),
    },
    Builtin {
        name: "html/style.css",
        about: "the HTML edition's stylesheet (print style, dark scheme)",
        source: include_str!("../../../templates/html/style.css"),
    },
    Builtin {
        name: "examples/hugo.md.j2",
        about: "a Hugo or Jekyll post",
        source: include_str!("../../../templates/examples/hugo.md.j2"),
    },
    Builtin {
        name: "examples/obsidian.md.j2",
        about: "an Obsidian note with tags and source",
        source: include_str!("../../../templates/examples/obsidian.md.j2"),
    },
    Builtin {
        name: "examples/tei.xml.j2",
        about: "XML-TEI P5 for corpus tools",
        source: include_str!("../../../templates/examples/tei.xml.j2"),
    },
];

/// The built-in template called `name`.
pub fn builtin(name: &str) -> Option<&'static Builtin> {
    BUILTINS.iter().find(|b| b.name == name)
}
