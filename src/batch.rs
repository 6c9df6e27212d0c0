//! Running a conversion over many inputs: expanding folders, naming outputs,
//! writing them atomically, and collecting failures.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::cli::ConvertArgs;
use crate::document::Document;
use crate::error::{Error, Failure, Result};
use crate::read::{self, Input};
use crate::write::{self, WriteOptions, Writer};

/// Extensions of files picked up when walking a folder.
const INPUT_EXTENSIONS: &[&str] = &["html", "htm", "xhtml", "json"];

/// What a run did.
#[derive(Debug, Default)]
pub struct Summary {
    /// Inputs converted.
    pub converted: usize,
    /// Inputs that failed, each with its reason.
    pub failures: Vec<Failure>,
}

/// Converts every input as `args` says.
pub fn convert(args: &ConvertArgs) -> Result<Summary> {
    let writers: Vec<&'static dyn Writer> = args
        .to
        .iter()
        .filter_map(|name| write::writer(name))
        .collect();
    let to_stdout = args.output.as_deref() == Some("-");
    if to_stdout && writers.iter().any(|w| !w.is_text()) {
        return Err(Error::Usage("-o - needs text formats (md or json)".into()));
    }
    if to_stdout && writers.len() > 1 {
        return Err(Error::Usage("-o - writes a single format".into()));
    }
    let options = WriteOptions {
        css: args.css.clone(),
        page_size: Some(args.page_size.clone()),
        font: args.font.clone(),
        title: args.title.clone(),
    };
    let files = expand(&args.inputs)?;
    let root = common_root(&files);
    let mut summary = Summary::default();
    let mut stdout = std::io::stdout().lock();
    for file in &files {
        let name = file.display().to_string();
        let result = load(file)
            .and_then(|input| read::read(&input))
            .and_then(|docs| {
                for doc in &docs {
                    for writer in &writers {
                        if to_stdout {
                            let bytes = if writer.name() == "json" && files.len() > 1 {
                                write::article_json_line(&doc.article)?
                            } else {
                                writer.write(doc, &options)?.bytes
                            };
                            stdout.write_all(&bytes).map_err(|source| Error::Write {
                                path: PathBuf::from("-"),
                                source,
                            })?;
                        } else {
                            let path =
                                output_path(file, &root, args.output.as_deref(), doc, *writer);
                            let output = writer.write(doc, &options)?;
                            write_atomically(&path, &output.bytes)?;
                            if !args.quiet {
                                for warning in &output.warnings {
                                    eprintln!("galley: warning: {name}: {warning}");
                                }
                            }
                        }
                    }
                }
                Ok(())
            });
        match result {
            Ok(()) => summary.converted += 1,
            Err(error) => summary.failures.push(Failure { input: name, error }),
        }
    }
    Ok(summary)
}

/// Reads an input's bytes (`-` is standard input).
pub fn load(path: &Path) -> Result<Input> {
    let name = path.display().to_string();
    if name == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(Error::Read)?;
        return Ok(Input {
            name,
            path: None,
            bytes,
        });
    }
    let bytes = std::fs::read(path).map_err(Error::Read)?;
    Ok(Input {
        name,
        path: Some(path.to_path_buf()),
        bytes,
    })
}

/// Expands folders into the input files below them, in a stable order.
fn expand(inputs: &[String]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for input in inputs {
        let path = PathBuf::from(input);
        if path.is_dir() {
            walk(&path, &mut files);
        } else {
            files.push(path);
        }
    }
    Ok(files)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, files);
        } else if path.extension().is_some_and(|e| {
            INPUT_EXTENSIONS.contains(&e.to_string_lossy().to_ascii_lowercase().as_str())
        }) {
            files.push(path);
        }
    }
}

/// The deepest folder holding all the inputs.
fn common_root(files: &[PathBuf]) -> PathBuf {
    let mut root: Option<PathBuf> = None;
    for file in files {
        let parent = file.parent().unwrap_or(Path::new("")).to_path_buf();
        root = Some(match root {
            None => parent,
            Some(r) => r
                .components()
                .zip(parent.components())
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a)
                .collect(),
        });
    }
    root.unwrap_or_default()
}

fn output_path(
    file: &Path,
    root: &Path,
    output: Option<&str>,
    _doc: &Document,
    writer: &dyn Writer,
) -> PathBuf {
    let relative = file.strip_prefix(root).unwrap_or(file);
    let target = match output {
        Some(dir) => Path::new(dir).join(relative),
        None => file.to_path_buf(),
    };
    target.with_extension(writer.extension())
}

/// Writes a file through a temporary sibling and a rename, so a reader never
/// sees it half-written.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let fail = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(fail)?;
    let tmp = dir.join(format!(
        ".{}.galley-tmp",
        path.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default()
    ));
    let result = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(fail)
}
