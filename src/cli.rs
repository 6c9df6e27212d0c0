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
    /// Print a man page (roff): galley's own, or a subcommand's.
    Manpage {
        /// The subcommand whose page to print (`convert`, `inspect`, ...).
        command: Option<String>,
    },
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
    #[arg(long, requires = "bundle", help_heading = "Output")]
    pub title: Option<String>,

    /// Stylesheet replacing the EPUB's default one.
    #[arg(long, value_name = "FILE", help_heading = "Output")]
    pub css: Option<PathBuf>,

    /// PDF page size (the help lists the sizes the PDF writer knows).
    #[arg(long, value_name = "SIZE", default_value = write::DEFAULT_PAGE_SIZE,
          help_heading = "Output", help = page_size_help(),
          ignore_case = true, value_parser = PossibleValuesParser::new(write::page_sizes()))]
    pub page_size: String,

    /// Standard the PDF must meet, checked as it is written: a-2b or a-2u
    /// (PDF/A, archival) or ua-1 (PDF/UA, accessible). An article that
    /// cannot meet it fails with the reason.
    #[arg(long, value_name = "STANDARD", help_heading = "Output", ignore_case = true,
          value_parser = PossibleValuesParser::new(write::pdf_standards()))]
    pub pdf_standard: Option<String>,

    /// Render each article through a Jinja template; the outputs' extension
    /// is the one before .j2 in its name (post.md.j2 → .md). NAME=FILE
    /// replaces the built-in template NAME the writers use (see `galley
    /// templates`); repeat it for several.
    #[arg(long, value_name = "[NAME=]FILE", help_heading = "Output")]
    pub template: Vec<String>,

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

    /// Parallel jobs [default: all cores; at most 4 per core].
    #[arg(short, long, value_name = "N", help_heading = "Batch")]
    pub jobs: Option<usize>,

    /// No progress bar and no warnings; errors are still printed.
    #[arg(short, long, help_heading = "Batch")]
    pub quiet: bool,

    /// Write a JSON report of every input's status, outputs, warnings and time.
    #[arg(long, value_name = "FILE", help_heading = "Batch")]
    pub report: Option<PathBuf>,
}

impl TryFrom<ConvertArgs> for Job {
    type Error = crate::Error;

    /// The job the arguments ask for; more than one `--template FILE` is a
    /// usage error.
    fn try_from(args: ConvertArgs) -> crate::Result<Job> {
        let (replaced, files): (Vec<_>, Vec<_>) = args
            .template
            .iter()
            .map(|value| template_arg(value))
            .partition(|(name, _)| name.is_some());
        if files.len() > 1 {
            return Err(crate::Error::Usage(
                "one --template FILE at a time (NAME=FILE replaces a built-in)".into(),
            ));
        }
        Ok(Job {
            inputs: args.inputs,
            formats: args.to,
            output: args.output,
            bundle: args.bundle,
            options: WriteOptions {
                css: args.css,
                page_size: Some(args.page_size.to_lowercase()),
                font: args.font,
                pdf_standard: args
                    .pdf_standard
                    .as_deref()
                    .and_then(write::PdfStandard::from_name),
                title: args.title,
                html_image_files: args.html_images == "files",
                output_stem: None,
                shapes: None,
            },
            template: files.into_iter().next().map(|(_, file)| file),
            replaced_templates: replaced
                .into_iter()
                .filter_map(|(name, file)| Some((name?, file)))
                .collect(),
            force: args.force,
            threads: args.jobs,
            quiet: args.quiet,
            report: args.report,
            interrupt: Default::default(),
        })
    }
}

/// A `--template` value: `NAME=FILE` when NAME is a built-in's name, else
/// a template file.
fn template_arg(value: &str) -> (Option<String>, PathBuf) {
    match value.split_once('=') {
        Some((name, file)) if write::template::builtin_source(name).is_ok() => {
            (Some(name.to_string()), PathBuf::from(file))
        }
        _ => (None, PathBuf::from(value)),
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

/// Exit codes of `galley convert`, with their meaning.
const CONVERT_EXIT: &[(&str, &str)] = &[
    ("0", "every input was converted, or was up to date"),
    (
        "1",
        "some inputs failed, or standard output could not be written; every other input was still converted",
    ),
    ("2", "bad usage; nothing was done"),
    (
        "130, 143",
        "stopped by Ctrl-C or SIGTERM once the inputs in flight were written; a rerun resumes",
    ),
];

/// Exit codes of `galley inspect`.
const INSPECT_EXIT: &[(&str, &str)] = &[
    ("0", "the page was read and its summary printed"),
    (
        "1",
        "the page could not be read, or standard output could not be written",
    ),
    ("2", "bad usage"),
];

/// Exit codes of the commands that only print.
const PRINT_EXIT: &[(&str, &str)] = &[
    (
        "0",
        "printed (also when the reader of standard output went away)",
    ),
    ("1", "standard output could not be written"),
    ("2", "bad usage"),
];

/// The man page of galley (`None`) or of one of its subcommands, in roff,
/// with an EXIT STATUS section.
pub fn man_page(command: Option<&str>) -> crate::Result<Vec<u8>> {
    let galley = <Cli as clap::CommandFactory>::command();
    let (page, status) = match command {
        None => (galley.clone(), CONVERT_EXIT),
        Some(name) => {
            let sub = galley.find_subcommand(name).ok_or_else(|| {
                let known: Vec<&str> = galley.get_subcommands().map(|c| c.get_name()).collect();
                crate::Error::Usage(format!(
                    "no subcommand {name:?} (known: {})",
                    known.join(", ")
                ))
            })?;
            let status = match name {
                "convert" => CONVERT_EXIT,
                "inspect" => INSPECT_EXIT,
                _ => PRINT_EXIT,
            };
            let sub = sub
                .clone()
                .display_name(format!("galley-{name}"))
                .bin_name(format!("galley {name}"));
            (sub, status)
        }
    };
    let mut roff = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut roff)
        .map_err(crate::Error::Stdout)?;
    roff.extend_from_slice(b".SH \"EXIT STATUS\"\n");
    for (code, meaning) in status {
        roff.extend_from_slice(format!(".TP\n\\fB{code}\\fR\n{meaning}\n").as_bytes());
    }
    Ok(roff)
}
