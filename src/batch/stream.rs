//! The streaming stage: `galley convert -` fed JSON Lines page records,
//! `{"url": …, "html": …}` with an optional `source` (and `fetched`,
//! accepted and not used), one a line. It writes one JSON line for every
//! input line, in input order: the article (its `source` the record's, or
//! `-#LINE`), or `{"source": …, "error": "…"}` for a line that fails, so a
//! pipeline (a Spark task) can count what it lost.
//!
//! A reader thread hands lines to `--jobs` workers; a window of tokens keeps
//! at most [`WINDOW_PER_JOB`] lines per worker between the reader and the
//! output, so memory stays flat however long the stream.

use std::io::{BufRead, Read, Write};
use std::panic::AssertUnwindSafe;
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use serde::Deserialize;

use super::in_order::InOrder;
use super::{Job, Notice, Summary};
use crate::error::{Error, Failure, Result};
use crate::limits::MAX_INPUT_BYTES;
use crate::read::{self, warc};
use crate::write;

/// Lines in flight per worker: enough to keep every worker busy while one
/// slow page holds the output back, few enough to keep memory flat.
const WINDOW_PER_JOB: usize = 8;

/// The longest line read: a page record holds at most one page.
const MAX_LINE_BYTES: u64 = MAX_INPUT_BYTES;

/// How much of the stream is looked at to recognize page records.
const SNIFF_BYTES: usize = 8192;

/// One line of the stream.
#[derive(Deserialize)]
struct PageRecord {
    url: Option<String>,
    html: String,
    source: Option<String>,
}

/// One output line, with what it says for the summary.
struct Line {
    source: String,
    result: Result<Vec<u8>>,
}

/// Whether a stream starts with a page record: a JSON object whose first
/// line has an `html` key and no `headline` key (that is article JSON).
pub fn is_page_stream(head: &[u8]) -> bool {
    let head = &head[..head.len().min(SNIFF_BYTES)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    if !head.trim_ascii_start().starts_with(b"{") {
        return false;
    }
    let keys = top_level_keys(head.trim_ascii_start());
    keys.contains(&&b"html"[..]) && !keys.contains(&&b"headline"[..])
}

/// The keys of the object a line starts with, as far as `line` goes.
fn top_level_keys(line: &[u8]) -> Vec<&[u8]> {
    let mut keys = Vec::new();
    let (mut depth, mut in_string, mut escaped, mut start) = (0usize, false, false, 0);
    for (i, &byte) in line.iter().enumerate() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => {
                    in_string = false;
                    if depth == 1 && line[i + 1..].trim_ascii_start().starts_with(b":") {
                        keys.push(&line[start..i]);
                    }
                }
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => (in_string, start) = (true, i + 1),
            b'{' | b'[' => depth += 1,
            b'}' | b']' if depth <= 1 => break,
            b'}' | b']' => depth -= 1,
            b'\n' => break,
            _ => {}
        }
    }
    keys
}

/// Whether the job reads only standard input and that holds page records
/// (looked at without consuming it).
pub fn wanted(job: &Job) -> Result<bool> {
    if job.inputs.iter().any(|i| i != "-") || job.inputs.is_empty() {
        return Ok(false);
    }
    let mut stdin = std::io::stdin().lock();
    let head = stdin.fill_buf().map_err(Error::Read)?;
    if !is_page_stream(head) {
        return Ok(false);
    }
    let json_only = job.formats.iter().all(|f| f == "json");
    if !json_only || job.output.as_deref().is_some_and(|o| o != "-") || job.bundle.is_some() {
        return Err(Error::Usage(
            "page records on standard input become JSON Lines on standard output: \
             use --to json -o - (or neither)"
                .into(),
        ));
    }
    if job.report.is_some() {
        return Err(Error::Usage(
            "--report is not written for page records: every output line says what became of its record"
                .into(),
        ));
    }
    Ok(true)
}

/// Converts the page records of standard input to JSON lines on standard
/// output, in input order.
pub fn convert(job: &Job, notify: &mut dyn FnMut(Notice)) -> Result<Summary> {
    let started = Instant::now();
    let workers = super::threads(job.threads);
    let window = workers * WINDOW_PER_JOB;
    let (token_sender, tokens) = mpsc::sync_channel::<()>(window);
    for _ in 0..window {
        let _ = token_sender.send(());
    }
    let (work_sender, work) = mpsc::sync_channel::<(usize, Result<Vec<u8>>)>(window);
    let work = Arc::new(Mutex::new(work));
    let (line_sender, lines) = mpsc::channel::<(usize, Line)>();
    let mut summary = Summary::default();
    std::thread::scope(|scope| {
        scope.spawn(move || read_lines(&tokens, &work_sender));
        for _ in 0..workers {
            let work = Arc::clone(&work);
            let line_sender = line_sender.clone();
            scope.spawn(move || {
                loop {
                    let next = work.lock().map(|w| w.recv());
                    let Ok(Ok((index, bytes))) = next else {
                        return;
                    };
                    if line_sender
                        .send((index, convert_line(index, bytes)))
                        .is_err()
                    {
                        return;
                    }
                }
            });
        }
        drop(line_sender);
        let mut in_order = InOrder::default();
        let mut stdout = std::io::stdout().lock();
        for line in lines.iter().flat_map(|(n, line)| in_order.push(n, line)) {
            summary.totals.inputs += 1;
            let bytes = match line.result {
                Ok(bytes) => {
                    summary.totals.converted += 1;
                    summary.totals.articles += 1;
                    bytes
                }
                Err(error) => {
                    summary.totals.failed += 1;
                    summary.failures += 1;
                    let bytes = error_line(&line.source, &error);
                    let failure = Failure {
                        input: line.source,
                        error,
                    };
                    notify(Notice::Failure(&failure));
                    bytes
                }
            };
            if stdout
                .write_all(&bytes)
                .and_then(|()| stdout.flush())
                .is_err()
            {
                // The reader went away (`| head`): nothing more is wanted.
                break;
            }
            // The reader may be done already: then no token is wanted.
            let _ = token_sender.send(());
        }
        drop(token_sender);
    });
    summary.totals.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Reads standard input line by line, each line once a token allows it;
/// a line too long is passed over and becomes an error.
fn read_lines(tokens: &Receiver<()>, work: &mpsc::SyncSender<(usize, Result<Vec<u8>>)>) {
    let mut stdin = std::io::stdin().lock();
    for index in 0.. {
        if tokens.recv().is_err() {
            return;
        }
        let mut line = Vec::new();
        let read = (&mut stdin)
            .take(MAX_LINE_BYTES)
            .read_until(b'\n', &mut line);
        let item = match read {
            Ok(0) => return,
            Ok(_) if line.ends_with(b"\n") || (line.len() as u64) < MAX_LINE_BYTES => Ok(line),
            Ok(_) => {
                let _ = stdin.skip_until(b'\n');
                Err(Error::Limit {
                    limit: "page size",
                    detail: format!("a line of more than {MAX_LINE_BYTES} bytes"),
                })
            }
            Err(error) => {
                let _ = work.send((index, Err(Error::Read(error))));
                return;
            }
        };
        if work.send((index, item)).is_err() {
            return;
        }
    }
}

/// What input line `index` (from 0) becomes (a panic fails only that line).
fn convert_line(index: usize, bytes: Result<Vec<u8>>) -> Line {
    let fallback = format!("-#{}", index + 1);
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(error) => {
            return Line {
                source: fallback,
                result: Err(error),
            };
        }
    };
    let malformed = |reason: String| Error::Malformed {
        format: "page record",
        reason,
    };
    let record = if bytes.trim_ascii().is_empty() {
        Err(malformed("an empty line".into()))
    } else {
        serde_json::from_slice::<PageRecord>(&bytes).map_err(|e| malformed(e.to_string()))
    };
    let source = match &record {
        Ok(record) => record.source.clone(),
        // A line that is no page record may still say where it came from.
        Err(_) => raw_source(&bytes),
    }
    .unwrap_or(fallback);
    drop(bytes);
    let result = record.and_then(|record| {
        std::panic::catch_unwind(AssertUnwindSafe(|| article_line(record, &source))).unwrap_or_else(
            |panic| {
                let reason = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                Err(Error::Internal(reason))
            },
        )
    });
    Line { source, result }
}

/// The `source` of a line that is a JSON object but no page record.
fn raw_source(bytes: &[u8]) -> Option<String> {
    let value: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    value.get("source")?.as_str().map(str::to_string)
}

/// The article JSON line of one page record.
fn article_line(record: PageRecord, source: &str) -> Result<Vec<u8>> {
    if record.html.len() as u64 > MAX_INPUT_BYTES {
        return Err(Error::Limit {
            limit: "page size",
            detail: format!("more than {MAX_INPUT_BYTES} bytes"),
        });
    }
    // A record is read as a WARC response is: the page with its URL, in the
    // UTF-8 its JSON string was decoded to.
    let page = warc::Response {
        url: record.url.unwrap_or_default(),
        charset: Some("utf-8".into()),
        body: Ok(record.html.into_bytes()),
    };
    let mut doc = read::read_response(page)?;
    doc.article.source = Some(source.to_string());
    let json = write::writer("json").ok_or_else(|| Error::Internal("no JSON writer".into()))?;
    json.write_line(&doc)
        .unwrap_or_else(|| Err(Error::Internal("the JSON writer writes no lines".into())))
}

/// The line standing for a record that failed.
fn error_line(source: &str, error: &Error) -> Vec<u8> {
    let reason = match error {
        Error::NoArticle => "no article found".to_string(),
        error => error.to_string(),
    };
    let mut bytes = serde_json::to_vec(&serde_json::json!({ "source": source, "error": reason }))
        .unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_records_are_told_from_article_json() {
        assert!(is_page_stream(
            br#"{"url": "https://a/", "html": "<p>x</p>"}"#
        ));
        assert!(is_page_stream(
            br#"  {"source": "s3://b/1", "html": "<p>x</p>"}"#
        ));
        assert!(!is_page_stream(br#"{"headline": "x", "html": "y"}"#));
        assert!(!is_page_stream(br#"{"headline": "x", "blocks": []}"#));
        assert!(!is_page_stream(br#"{"meta": {"html": "x"}}"#));
        assert!(!is_page_stream(b"<html><p>x</p></html>"));
    }
}
