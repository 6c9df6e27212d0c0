//! The writers' own templates — the Markdown front matter and the HTML and
//! EPUB pages around the body — compiled once, each replaceable by a user's
//! file with `--template NAME=FILE`.
//!
//! A replacement is compiled among the other built-ins, so a replaced
//! `html/article-section.html.j2` or `html/style.css` is what the pages that
//! include it show; its errors name the user's file.

use std::path::PathBuf;
use std::sync::{Arc, LazyLock};

use super::Template;
use super::builtins::{
    EPUB_PAGE, HTML_ARTICLE, HTML_BUNDLE, HTML_SECTION, HTML_STYLE, MARKDOWN_FRONT_MATTER,
};
use crate::error::{Error, Result};

/// The templates the writers render through.
const WRITER_TEMPLATES: &[&str] = &[
    MARKDOWN_FRONT_MATTER,
    EPUB_PAGE,
    HTML_ARTICLE,
    HTML_SECTION,
    HTML_BUNDLE,
];

/// Built-ins a user may replace: the writers' templates and the stylesheet
/// the HTML pages include.
pub const REPLACEABLE: &[&str] = &[
    MARKDOWN_FRONT_MATTER,
    EPUB_PAGE,
    HTML_ARTICLE,
    HTML_SECTION,
    HTML_BUNDLE,
    HTML_STYLE,
];

static BUILT_IN: LazyLock<Result<Shapes>> = LazyLock::new(|| Shapes::compile(Vec::new()));

/// A built-in replaced by the source of a user's file.
#[derive(Debug, Clone)]
pub(super) struct Replaced {
    /// The built-in's name, as writers and `include` refer to it.
    pub name: &'static str,
    /// The user's file, as errors call it.
    pub file: String,
    /// Its source.
    pub source: String,
}

/// The writers' templates, built-in or replaced; cheap to clone.
#[derive(Debug, Clone)]
pub struct Shapes(Arc<Compiled>);

#[derive(Debug)]
struct Compiled {
    /// One per [`WRITER_TEMPLATES`] name, in that order.
    templates: Vec<Template>,
    /// The replacements, for a run's manifest: a changed file makes the
    /// next run convert again.
    replaced: Vec<Replaced>,
}

impl Shapes {
    /// The built-in templates; failing to compile them is galley's fault.
    pub fn built_in() -> Result<&'static Shapes> {
        BUILT_IN
            .as_ref()
            .map_err(|err| Error::Internal(err.to_string()))
    }

    /// The built-ins with the user's files in place of those named
    /// (`NAME=FILE`); an unknown name, an unreadable file or a template
    /// that does not compile is a usage error naming it.
    pub fn replacing(replacements: &[(String, PathBuf)]) -> Result<Shapes> {
        let mut replaced = Vec::new();
        for (name, path) in replacements {
            let name = REPLACEABLE
                .iter()
                .find(|known| *known == name)
                .ok_or_else(|| {
                    Error::Usage(format!(
                        "--template {name}={}: galley's writers use no built-in {name:?}; \
                         those that can be replaced are {}",
                        path.display(),
                        REPLACEABLE.join(", ")
                    ))
                })?;
            let source = std::fs::read_to_string(path).map_err(|err| {
                Error::Usage(format!(
                    "cannot read the template {}: {err}",
                    path.display()
                ))
            })?;
            replaced.retain(|r: &Replaced| r.name != *name);
            replaced.push(Replaced {
                name,
                file: path.display().to_string(),
                source,
            });
        }
        Shapes::compile(replaced)
    }

    fn compile(replaced: Vec<Replaced>) -> Result<Shapes> {
        let templates = WRITER_TEMPLATES
            .iter()
            .map(|name| Template::compile_among(name, &replaced))
            .collect::<Result<_>>()?;
        Ok(Shapes(Arc::new(Compiled {
            templates,
            replaced,
        })))
    }

    /// The template a writer renders through, by its built-in name.
    pub fn get(&self, name: &str) -> Result<&Template> {
        WRITER_TEMPLATES
            .iter()
            .position(|n| *n == name)
            .and_then(|i| self.0.templates.get(i))
            .ok_or_else(|| Error::Internal(format!("no writer template {name}")))
    }

    /// What the replacements are, for a manifest: each built-in's name and
    /// the SHA-1 of the source replacing it; empty for the built-ins.
    pub fn fingerprint(&self) -> String {
        self.0
            .replaced
            .iter()
            .map(|r| {
                let digest = sha1_smol::Sha1::from(&r.source).digest();
                format!(" {}={}@{digest}", r.name, r.file)
            })
            .collect()
    }
}
