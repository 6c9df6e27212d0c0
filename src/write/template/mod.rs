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
mod markup;
mod shapes;

use std::collections::BTreeSet;
use std::path::Path;

use minijinja::syntax::SyntaxConfig;
use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value};

use super::images::Images;
use super::{Output, Spec, WriteOptions, Writer};
use crate::document::Document;
use crate::error::{Error, Result};
use crate::model::Article;
pub use builtins::{BUILTINS, Builtin, listing};
pub(crate) use context::article as article_context;
use shapes::Replaced;
pub use shapes::{REPLACEABLE, Shapes};

/// The format a template's render errors name.
pub const FORMAT: &str = "template";

/// Suffixes that mark a file as a template; the output's extension is the
/// one before them (`post.md.j2` → `md`).
const TEMPLATE_SUFFIXES: &[&str] = &[".j2", ".jinja2", ".jinja"];

/// Output extensions whose templates are auto-escaped as HTML/XML.
const ESCAPED_EXTENSIONS: &[&str] = &["html", "htm", "xhtml", "xml", "svg"];

/// The variables that show images.
const IMAGE_VARIABLES: &[&str] = &["body_html", "lead_image"];

/// Instructions one render may run: far above what a template looping over
/// a long article needs (about 100,000), low enough to stop a runaway loop
/// in well under a second.
const FUEL: u64 = 20_000_000;

/// A compiled template, checked when loaded.
#[derive(Debug)]
pub struct Template {
    name: String,
    extension: String,
    /// SHA-1 of the source, so outputs of an edited template are redone.
    digest: String,
    /// Whether it shows the images (uses `body_html` or `lead_image`, or
    /// includes another template): only then are images it leaves out
    /// reported and copies made.
    shows_images: bool,
    /// Built-ins replaced by the user's files, so errors name the files.
    replaced: Vec<Replaced>,
    /// The variables it reads, its includes' too: the context leaves the
    /// costly ones out when they are not read (a long article's blocks,
    /// converted for the template, took several times the article's size).
    reads: BTreeSet<String>,
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
        let template = Template::compile(name, source.into())?;
        template.check()?;
        Ok(template)
    }

    /// The built-in template called `name` (see [`BUILTINS`]), compiled
    /// among the built-ins as `replaced` changes them: its own source is
    /// the replacement's, if it is one.
    fn compile_among(name: &str, replaced: &[Replaced]) -> Result<Template> {
        let source = match replaced.iter().find(|r| r.name == name) {
            Some(r) => r.source.clone(),
            None => builtin_source(name)?.to_string(),
        };
        Template::compile_with(name, source, replaced.to_vec())
    }

    /// Compiles a template without rendering it.
    fn compile(name: &str, source: String) -> Result<Template> {
        Template::compile_with(name, source, Vec::new())
    }

    fn compile_with(name: &str, source: String, replaced: Vec<Replaced>) -> Result<Template> {
        let extension = output_extension(name).ok_or_else(|| {
            Error::Usage(format!(
                "cannot tell the output's extension from the template's name {name}: \
                 name it like post.md.j2 or page.html"
            ))
        })?;
        let digest = sha1_smol::Sha1::from(&source).digest().to_string();
        let includes = ["include", "extends", "import"]
            .iter()
            .any(|tag| source.contains(tag));
        let mut env = environment();
        for r in &replaced {
            env.add_template_owned(r.name, r.source.clone())
                .map_err(|err| Error::Usage(describe(name, &err, &replaced)))?;
        }
        env.add_template_owned(name.to_string(), source)
            .map_err(|err| Error::Usage(describe(name, &err, &replaced)))?;
        let undeclared = |name: &str| {
            env.get_template(name)
                .map(|t| t.undeclared_variables(false))
                .unwrap_or_default()
        };
        let mut reads = undeclared(name);
        // Only the built-ins can be included: those its source names, and
        // those theirs name.
        let mut sources = vec![source_of(&env, name)];
        while let Some(source) = sources.pop() {
            for builtin in BUILTINS {
                if source.contains(builtin.name) && !reads.contains(builtin.name) {
                    reads.insert(builtin.name.to_string());
                    reads.extend(undeclared(builtin.name));
                    sources.push(source_of(&env, builtin.name));
                }
            }
        }
        let shows_images = includes || IMAGE_VARIABLES.iter().any(|v| reads.contains(*v));
        Ok(Template {
            name: name.to_string(),
            extension,
            digest,
            shows_images,
            replaced,
            reads: reads.into_iter().collect(),
            env,
        })
    }

    /// The template's name as given (its path, for a file).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether it reads the variable `name` of the context.
    pub(crate) fn reads(&self, name: &str) -> bool {
        self.reads.contains(name)
    }

    /// The SHA-1 of its source, in hexadecimal.
    pub fn digest(&self) -> &str {
        &self.digest
    }

    /// The extension of its outputs, without the dot (`md` for `post.md.j2`).
    pub fn extension(&self) -> &str {
        &self.extension
    }

    /// Renders one article, its images embedded; the warnings tell of
    /// images left out of `body_html` and `lead_image`.
    pub fn render(&self, doc: &Document) -> Result<Output> {
        self.render_with(doc, &WriteOptions::default())
    }

    /// Renders one article with the writers' options: with
    /// [`WriteOptions::html_image_files`] the images are copied beside the
    /// output (as its attachments) rather than embedded.
    pub fn render_with(&self, doc: &Document, options: &WriteOptions) -> Result<Output> {
        let mut images = match options.html_image_files {
            true => Images::beside(options.output_stem.as_deref()),
            false => Images::embedded(),
        };
        let context = context::article(doc, None, &mut images, &|v| self.reads(v))?;
        let text = self.render_context(context)?;
        if !self.shows_images {
            return Ok(Output::bytes(text.into_bytes()));
        }
        let warnings = images.warnings();
        Ok(Output {
            bytes: text.into_bytes(),
            attachments: images.into_attachments(),
            warnings,
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
            format: FORMAT,
            reason: describe(&self.name, err, &self.replaced),
        }
    }

    /// Renders the template over the probe article and an empty one.
    fn check(&self) -> Result<()> {
        for doc in probe_documents() {
            let context =
                context::article(&doc, None, &mut Images::embedded(), &|v| self.reads(v))?;
            let template = self.env.get_template(&self.name);
            template
                .and_then(|t| t.render(context))
                .map_err(|err| Error::Usage(describe(&self.name, &err, &self.replaced)))?;
        }
        Ok(())
    }
}

/// The probe article and an empty one, as documents: what a template is
/// checked against before any input is read.
pub(crate) fn probe_documents() -> [Document; 2] {
    [context::probe(), Article::default()].map(|article| Document {
        article,
        ..Document::default()
    })
}

/// `galley templates NAME`: the source of the built-in called `name`.
pub fn builtin_source(name: &str) -> Result<&'static str> {
    builtins::builtin(name)
        .map(|b| b.source)
        .ok_or_else(|| unknown_builtin(name))
}

fn unknown_builtin(name: &str) -> Error {
    Error::Usage(format!(
        "no built-in template {name:?}: `galley templates` lists them"
    ))
}

/// A user's template is one more writer (`--template FILE`).
impl Writer for Template {
    fn spec(&self) -> &'static Spec {
        &Spec {
            name: FORMAT,
            extension: "",
            about: "an article through a Jinja template (--template FILE)",
            text: true,
            bundles: false,
        }
    }
    fn extension(&self) -> &str {
        &self.extension
    }
    fn write(&self, doc: &Document, options: &WriteOptions) -> Result<Output> {
        self.render_with(doc, options)
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

/// The source of the template called `name` in `env`.
fn source_of(env: &Environment<'static>, name: &str) -> String {
    env.get_template(name)
        .map(|t| t.source().to_string())
        .unwrap_or_default()
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
/// one inside an included template, if any); a replaced built-in is called
/// by the user's file.
fn describe(name: &str, err: &minijinja::Error, replaced: &[Replaced]) -> String {
    let mut err = err;
    while let Some(inner) = std::error::Error::source(err).and_then(|e| e.downcast_ref()) {
        err = inner;
    }
    let file = err.name().unwrap_or(name);
    let file = replaced
        .iter()
        .find(|r| r.name == file)
        .map_or(file, |r| r.file.as_str());
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

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(headline: &str) -> Document {
        Document {
            article: Article {
                headline: headline.to_string(),
                ..Article::default()
            },
            ..Document::default()
        }
    }

    fn render(name: &str, source: &str, headline: &str) -> String {
        let template = Template::from_source(name, source).unwrap();
        String::from_utf8(template.render(&doc(headline)).unwrap().bytes).unwrap()
    }

    #[test]
    fn every_builtin_for_one_article_passes_the_check() {
        for builtin in BUILTINS
            .iter()
            .filter(|b| ![builtins::HTML_BUNDLE, builtins::EPUB_PAGE].contains(&b.name))
        {
            Template::from_source(builtin.name, builtin.source)
                .unwrap_or_else(|err| panic!("{}: {err}", builtin.name));
        }
    }

    #[test]
    fn markup_templates_escape_and_others_do_not() {
        let source = "{{ headline }}";
        let hostile = "<script>alert('x')</script> & co";
        for name in ["a.html", "a.htm.j2", "a.xhtml.j2", "a.xml.jinja", "a.svg"] {
            let out = render(name, source, hostile);
            assert!(!out.contains("<script"), "{name}: {out}");
            assert!(out.contains("&lt;script&gt;"), "{name}: {out}");
        }
        assert_eq!(render("a.md.j2", source, hostile), hostile);
        assert_eq!(render("a.txt.j2", source, hostile), hostile);
    }

    #[test]
    fn the_output_extension_comes_from_the_name() {
        assert_eq!(output_extension("dir/post.md.j2").as_deref(), Some("md"));
        assert_eq!(output_extension("tei.XML.jinja").as_deref(), Some("xml"));
        assert_eq!(output_extension("page.html").as_deref(), Some("html"));
        assert_eq!(output_extension("post.j2"), None);
        assert!(matches!(
            Template::from_source("post.j2", "x"),
            Err(Error::Usage(_))
        ));
    }

    #[test]
    fn mistakes_are_usage_errors_naming_file_and_line() {
        for (source, said) in [
            ("a\nb\n{% if headline %}\n", "syntax error"),
            ("a\n{{ headlin }}\n", "undefined value"),
            ("a\n\n{{ headline | nosuchfilter }}\n", "unknown filter"),
        ] {
            let Err(Error::Usage(message)) = Template::from_source("post.md.j2", source) else {
                panic!("{source:?} was accepted")
            };
            assert!(
                message.starts_with("template post.md.j2, line "),
                "{message}"
            );
            assert!(message.contains(said), "{message}");
        }
    }

    #[test]
    fn templates_reach_only_the_builtins() {
        let Err(Error::Usage(message)) =
            Template::from_source("a.md.j2", "{% include \"/etc/passwd\" %}")
        else {
            panic!("a file was included")
        };
        assert!(message.contains("template not found"), "{message}");
        let css = render("a.txt.j2", "{% include \"html/style.css\" %}", "");
        assert!(css.contains("prefers-color-scheme"));
    }

    #[test]
    fn a_runaway_loop_runs_out_of_fuel() {
        let source =
            "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}";
        let Err(Error::Usage(message)) = Template::from_source("a.txt.j2", source) else {
            panic!("the loop ran to its end")
        };
        assert!(message.contains("fuel"), "{message}");
    }

    #[test]
    fn the_context_has_the_json_names_and_the_rendered_body() {
        let mut article = context::probe();
        article.subtitle = None;
        let doc = Document {
            article,
            ..Document::default()
        };
        let source = "{{ headline }}|{{ site_name }}|{{ blocks[1].type if blocks }}|{{ quotes[0].speaker if quotes }}|\
                      {{ provenance.headline if provenance }}|{{ subtitle }}|{{ published | date }}|\
                      {{ published | date('%Y', 'de') }}|{{ tags | json }}|{{ headline | slug }}";
        let template = Template::from_source("a.txt.j2", source).unwrap();
        let out = String::from_utf8(template.render(&doc).unwrap().bytes).unwrap();
        assert_eq!(
            out,
            "A headline|A site|heading|Someone|h1||5 February 2020|2020|[\"One\",\"Two\"]|a-headline"
        );
        let body = Template::from_source("a.txt.j2", "{{ body_markdown }}\n{{ body_html }}")
            .unwrap()
            .render(&doc)
            .unwrap();
        let body = String::from_utf8(body.bytes).unwrap();
        assert!(body.starts_with("Plain and *rich*"), "{body}");
        assert!(body.contains("a [link](https://example.org/)`.`"), "{body}");
        assert!(
            body.contains("\n\n## A subheading\n\n> A quotation."),
            "{body}"
        );
        assert!(body.contains("<p>Plain and <em>rich</em><strong> text</strong>, a <a href=\"https://example.org/\">link</a>"));
        assert!(body.contains("<h2 id=\"s1\">A subheading</h2>"));
    }
}
