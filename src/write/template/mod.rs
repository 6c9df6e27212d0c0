//! Templates: an article rendered through a Jinja template (minijinja).
//!
//! [`Template::load`] reads and compiles a template and renders it once over
//! a probe article and once over an empty one, so a mistake (a syntax error,
//! an unknown variable or filter) is a usage error naming the file and line
//! before any input is read. A template sees the article under the names of
//! its JSON plus the rendered body ([`context`]) and the filters of
//! [`filters`]. It can read no file and reach no network: there is no loader,
//! only its own source and the compiled-in [`builtins`] to include. Output
//! whose extension is `html`, `htm`, `xhtml`, `xml` or `svg` is auto-escaped,
//! and every render runs on a bounded amount of fuel.

mod body;
pub mod builtins;
mod context;
mod filters;
mod images;
mod markup;

use std::path::Path;

use minijinja::syntax::SyntaxConfig;
use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value};

use super::Output;
use crate::document::Document;
use crate::error::{Error, Result};
use crate::model::Article;
pub use builtins::{BUILTINS, Builtin};
pub(crate) use context::article as article_context;
pub(crate) use images::Inliner;

/// Suffixes that mark a file as a template; the output's extension is the
/// one before them (`post.md.j2` → `md`).
const TEMPLATE_SUFFIXES: &[&str] = &[".j2", ".jinja2", ".jinja"];

/// Output extensions whose templates are auto-escaped as HTML/XML.
const ESCAPED_EXTENSIONS: &[&str] = &["html", "htm", "xhtml", "xml", "svg"];

/// Instructions one render may run: far above what a template looping over
/// a long article needs (about 100,000), low enough to stop a runaway loop
/// in well under a second.
const FUEL: u64 = 20_000_000;

/// A compiled template, checked when loaded.
#[derive(Debug)]
pub struct Template {
    name: String,
    extension: String,
    env: Environment<'static>,
}

impl Template {
    /// Reads, compiles and checks the template at `path`; any problem is an
    /// [`Error::Usage`] naming the file (and the line, for template errors).
    pub fn load(path: &Path) -> Result<Template> {
        let source = std::fs::read_to_string(path).map_err(|err| {
            Error::Usage(format!(
                "cannot read the template {}: {err}",
                path.display()
            ))
        })?;
        Template::from_source(&path.display().to_string(), source)
    }

    /// Compiles and checks a template given as text; `name` is how errors
    /// call it and gives the output's extension.
    pub fn from_source(name: &str, source: impl Into<String>) -> Result<Template> {
        let extension = output_extension(name).ok_or_else(|| {
            Error::Usage(format!(
                "cannot tell the output's extension from the template's name {name}: \
                 name it like post.md.j2 or page.html"
            ))
        })?;
        let mut env = environment();
        env.add_template_owned(name.to_string(), source.into())
            .map_err(|err| Error::Usage(describe(name, &err)))?;
        let template = Template {
            name: name.to_string(),
            extension,
            env,
        };
        template.check()?;
        Ok(template)
    }

    /// The built-in template called `name` (see [`BUILTINS`]).
    pub fn builtin(name: &str) -> Result<Template> {
        let builtin = builtins::builtin(name).ok_or_else(|| {
            Error::Usage(format!(
                "no built-in template {name:?}: `galley templates` lists them"
            ))
        })?;
        Template::from_source(builtin.name, builtin.source)
    }

    /// The template's name as given (its path, for a file).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The extension of its outputs, without the dot (`md` for `post.md.j2`).
    pub fn extension(&self) -> &str {
        &self.extension
    }

    /// Renders one article; the warnings tell of images left out of
    /// `body_html` and `lead_image`.
    pub fn render(&self, doc: &Document) -> Result<Output> {
        let mut images = Inliner::default();
        let context = context::article(doc, None, &mut images)?;
        let text = self.render_context(context)?;
        let what = format!("{} output", self.extension);
        Ok(Output {
            bytes: text.into_bytes(),
            warnings: images.warning(&what).into_iter().collect(),
        })
    }

    /// Renders the template over a context made by the caller.
    pub(crate) fn render_context(&self, context: Value) -> Result<String> {
        let template = self
            .env
            .get_template(&self.name)
            .map_err(|err| self.render_error(&err))?;
        template
            .render(context)
            .map_err(|err| self.render_error(&err))
    }

    fn render_error(&self, err: &minijinja::Error) -> Error {
        Error::Render {
            format: "template",
            reason: describe(&self.name, err),
        }
    }

    /// Renders the template over the probe article and an empty one.
    fn check(&self) -> Result<()> {
        for article in [context::probe(), Article::default()] {
            let doc = Document {
                article,
                ..Document::default()
            };
            let context = context::article(&doc, None, &mut Inliner::default())?;
            let template = self.env.get_template(&self.name);
            template
                .and_then(|t| t.render(context))
                .map_err(|err| Error::Usage(describe(&self.name, &err)))?;
        }
        Ok(())
    }
}

/// The output extension a template's name gives, if any.
pub fn output_extension(name: &str) -> Option<String> {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = TEMPLATE_SUFFIXES
        .iter()
        .find_map(|suffix| file.strip_suffix(suffix))
        .unwrap_or(file);
    let (_, extension) = stem.rsplit_once('.')?;
    let valid = !extension.is_empty() && extension.chars().all(|c| c.is_ascii_alphanumeric());
    valid.then(|| extension.to_ascii_lowercase())
}

/// An environment with galley's settings, filters and built-in templates.
fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|name| match output_extension(name) {
        Some(ext) if ESCAPED_EXTENSIONS.contains(&ext.as_str()) => AutoEscape::Html,
        _ => AutoEscape::None,
    });
    env.set_formatter(|out, state, value| {
        if value.is_none() {
            return Ok(());
        }
        match (state.auto_escape(), value.as_str()) {
            (AutoEscape::Html, Some(text)) if !value.is_safe() => out
                .write_str(&markup::escape(text))
                .map_err(minijinja::Error::from),
            _ => minijinja::escape_formatter(out, state, value),
        }
    });
    env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
    env.set_fuel(Some(FUEL));
    let syntax = SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()
        .expect("Jinja's own delimiters are valid");
    env.set_syntax(syntax);
    env.add_filter("date", filters::date);
    env.add_filter("slug", filters::slug);
    env.add_filter("json", filters::json);
    env.add_filter("href", filters::href);
    for builtin in BUILTINS {
        // Built-ins are checked by the tests; one that failed to compile
        // would show as an error where it is included.
        let _ = env.add_template(builtin.name, builtin.source);
    }
    env
}

/// "template NAME, line N: what went wrong", from the innermost error (the
/// one inside an included template, if any).
fn describe(name: &str, err: &minijinja::Error) -> String {
    let mut err = err;
    while let Some(inner) = std::error::Error::source(err).and_then(|e| e.downcast_ref()) {
        err = inner;
    }
    let file = err.name().unwrap_or(name);
    let line = err
        .line()
        .map(|l| format!(", line {l}"))
        .unwrap_or_default();
    let what = match err.detail() {
        Some(detail) => format!("{}: {detail}", err.kind()),
        None => err.kind().to_string(),
    };
    format!("template {file}{line}: {what}")
}
