//! Command-line definitions (clap). The `--to` values and their help come
//! from the writer registry, the `--page-size` values from the PDF writer;
//! completions and the man page are generated from these same definitions.
//! `galley convert`'s arguments become a plain [`Job`] for the library.

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser};
use clap::{Args, Parser, Subcommand};

use crate::batch::Job;
use crate::write::{self, WRITERS, WriteOptions};

const EXAMPLES: &str = "\
Examples:
  galley convert page.html                       page.md beside the page
  galley convert page.html --to md,json,epub,pdf -o out/
  galley convert saved/ --to epub -o ebooks/     a whole folder, tree kept
  galley convert a.html b.html --bundle week.epub --title \"Week 12\"
  galley convert page.html --to json -o -        article JSON on standard output
  galley convert saved/ --template post.md.j2    each article through a template
  galley templates html/article.html.j2          print a built-in to start from
  cat page.html | galley convert - --to md -o -
  galley inspect page.html                       what was found, and where";

/// Turns saved news pages into clean articles: Markdown, EPUB, PDF or JSON.
#[derive(Debug, Parser)]
#[command(name = "galley", version, after_help = EXAMPLES, arg_required_else_help = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Convert pages (files, folders, `-` for standard input) to articles.
    #[command(after_help = EXAMPLES)]
    Convert(Box<ConvertArgs>),
    /// Show what galley extracts from a page and where each field came from.
    Inspect {
        /// The page to inspect (`-` for standard input).
        input: String,
    },
    /// Print the JSON Schema of the article model.
    Schema,
    /// Print a shell completion script.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Manpage,
    /// List the built-in templates, or print the one named.
    Templates {
        /// The template to print, as listed.
        name: Option<String>,
    },
}

/// Options of `galley convert`.
#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// Input files or folders; `-` reads standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<String>,

    /// Output formats, comma-separated [default: md, or none with --bundle].
    #[arg(long, value_delimiter = ',', value_parser = formats(), help_heading = "Output")]
    pub to: Vec<String>,

    /// Output folder (created if missing), or `-` for standard output.
    /// Default: beside each input.
    #[arg(short, long, value_name = "PATH", help_heading = "Output")]
    pub output: Option<String>,

    /// Make one edition of all inputs (the help names the formats that can).
    #[arg(long, value_name = "FILE", help_heading = "Output", help = bundle_help())]
    pub bundle: Option<PathBuf>,

    /// Title of a bundled edition [default: "galley edition" and its dates].
    #[arg(long, help_heading = "Output")]
    pub title: Option<String>,

    /// Stylesheet replacing the EPUB's default one.
    #[arg(long, value_name = "FILE", help_heading = "Output")]
    pub css: Option<PathBuf>,

    /// PDF page size (the help lists the sizes the PDF writer knows).
    #[arg(long, value_name = "SIZE", default_value = write::DEFAULT_PAGE_SIZE,
          help_heading = "Output", help = page_size_help(),
          value_parser = PossibleValuesParser::new(write::page_sizes()))]
    pub page_size: String,

    /// Render each article through a Jinja template; the outputs' extension
    /// is the one before .j2 in its name (post.md.j2 → .md).
    #[arg(long, value_name = "FILE", help_heading = "Output")]
    pub template: Option<PathBuf>,

    /// Images of HTML outputs: embedded as data: URIs, or copied into
    /// NAME_images/ beside each output.
    #[arg(long, value_name = "HOW", default_value = "embed", help_heading = "Output",
          value_parser = PossibleValuesParser::new(["embed", "files"]))]
    pub html_images: String,

    /// Extra font (TTF/OTF) for scripts the built-in fonts lack (CJK, Arabic).
    #[arg(long, value_name = "FILE", help_heading = "Output")]
    pub font: Option<PathBuf>,

    /// Convert again even when an up-to-date output exists.
    #[arg(long, help_heading = "Batch")]
    pub force: bool,

    /// Parallel jobs [default: all cores].
    #[arg(short, long, value_name = "N", help_heading = "Batch")]
    pub jobs: Option<usize>,

    /// No progress bar and no warnings; errors are still printed.
    #[arg(short, long, help_heading = "Batch")]
    pub quiet: bool,

    /// Write a JSON report of every input's status, outputs, warnings and time.
    #[arg(long, value_name = "FILE", help_heading = "Batch")]
    pub report: Option<PathBuf>,
}

impl From<ConvertArgs> for Job {
    fn from(args: ConvertArgs) -> Job {
        Job {
            inputs: args.inputs,
            formats: args.to,
            output: args.output,
            bundle: args.bundle,
            options: WriteOptions {
                css: args.css,
                page_size: Some(args.page_size),
                font: args.font,
                title: args.title,
                html_image_files: args.html_images == "files",
                output_stem: None,
            },
            template: args.template,
            force: args.force,
            threads: args.jobs,
            quiet: args.quiet,
            report: args.report,
        }
    }
}

/// The `--to` values: every registered writer with its one-line help.
fn formats() -> PossibleValuesParser {
    PossibleValuesParser::new(
        WRITERS
            .iter()
            .map(|w| PossibleValue::new(w.name()).help(w.spec().about)),
    )
}

/// The `--bundle` help, naming the writers that make editions.
fn bundle_help() -> String {
    let kinds = write::bundlers().map(|w| w.name().to_uppercase());
    format!(
        "Make one {} edition of all inputs (by FILE's extension)",
        write::either(kinds)
    )
}

/// The `--page-size` help, listing the PDF writer's sizes.
fn page_size_help() -> String {
    let sizes: Vec<&str> = write::page_sizes().collect();
    format!("PDF page size: {} (e-reader screens)", sizes.join(", "))
}
