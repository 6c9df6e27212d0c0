//! Quote extraction measured on the labelled set in `tests/quotes/`: news
//! pages from the corpus (`../shared/corpus`, beside the repository), each
//! with every direct quotation and its speaker, labelled by reading the page.
//!
//! Every page is extracted in-process; a found quotation matches a labelled
//! one when their words overlap strongly (one to one). The test prints quote
//! precision, recall and F1 and the speaker accuracy on matched quotations,
//! and fails when any falls below the floors pinned in
//! `tests/quotes/floors.json` (raise them as quotes improve). Set
//! `GALLEY_QUOTES_VERBOSE=1` to list every miss, extra and wrong speaker.
//!
//! What counts as a direct quotation is written down in `tests/quotes/README.md`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use galley::read::charset;
use galley::read::html::{Hints, read};
use serde::Deserialize;

/// Word overlap (Dice coefficient over words) from which two quotations are
/// the same one: extraction may differ in a leading word or a split paragraph.
const MATCH_OVERLAP: f64 = 0.6;

/// Tolerance for floating-point noise when comparing with a floor.
const EPSILON: f64 = 5e-4;

/// One labelled page.
#[derive(Deserialize)]
struct Labels {
    /// Page path relative to the corpus root.
    page: String,
    /// Every direct quotation on the page.
    quotes: Vec<Label>,
}

/// One labelled quotation.
#[derive(Deserialize)]
struct Label {
    text: String,
    speaker: Option<String>,
}

/// The pinned minimum scores.
#[derive(Deserialize)]
struct Floors {
    quote_f1: f64,
    speaker_accuracy: f64,
}

fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Dice coefficient of the two word multisets.
fn overlap(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut counts: HashMap<&str, i32> = HashMap::new();
    for w in a {
        *counts.entry(w).or_default() += 1;
    }
    let mut common = 0;
    for w in b {
        if let Some(c) = counts.get_mut(w.as_str())
            && *c > 0
        {
            *c -= 1;
            common += 1;
        }
    }
    2.0 * f64::from(common) / (a.len() + b.len()) as f64
}

fn same_speaker(a: Option<&str>, b: Option<&str>) -> bool {
    let norm = |s: &str| words(&s.replace('’', "'")).join(" ");
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => norm(a) == norm(b),
        _ => false,
    }
}

/// Counts for one page or the whole set.
#[derive(Default)]
struct Counts {
    labelled: usize,
    found: usize,
    matched: usize,
    speaker_right: usize,
}

fn labels_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/quotes")
}

#[test]
#[ignore = "needs the labelled corpus in ../shared/corpus beside the clone; `make quality` runs it"]
fn quotes_on_the_labelled_set() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    assert!(
        corpus.is_dir(),
        "the corpus is missing: expected it at {} (the shared folder beside the repository)",
        corpus.display()
    );
    let verbose = std::env::var_os("GALLEY_QUOTES_VERBOSE").is_some();
    let mut files: Vec<PathBuf> = std::fs::read_dir(labels_dir())
        .expect("tests/quotes is readable")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json") && !p.ends_with("floors.json"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 100,
        "the labelled set has {} pages",
        files.len()
    );
    let mut total = Counts::default();
    for file in &files {
        let labels: Labels = serde_json::from_str(&std::fs::read_to_string(file).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let bytes = std::fs::read(corpus.join(&labels.page))
            .unwrap_or_else(|e| panic!("{}: {e}", labels.page));
        // A page the extractor cannot read counts as one where no quotation was found.
        let found = match read(&charset::decode(&bytes, None), &Hints::default()) {
            Ok(article) => article.quotes,
            Err(e) => {
                println!("{}: {e}", labels.page);
                Vec::new()
            }
        };
        let found = &found;
        let gold: Vec<Vec<String>> = labels.quotes.iter().map(|q| words(&q.text)).collect();
        let got: Vec<Vec<String>> = found.iter().map(|q| words(&q.text)).collect();
        let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
        for (g, gw) in gold.iter().enumerate() {
            for (f, fw) in got.iter().enumerate() {
                let score = overlap(gw, fw);
                if score >= MATCH_OVERLAP {
                    pairs.push((score, g, f));
                }
            }
        }
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
        let (mut gold_used, mut got_used) = (vec![false; gold.len()], vec![false; got.len()]);
        let mut page = Counts {
            labelled: gold.len(),
            found: got.len(),
            ..Counts::default()
        };
        for (_, g, f) in pairs {
            if gold_used[g] || got_used[f] {
                continue;
            }
            gold_used[g] = true;
            got_used[f] = true;
            page.matched += 1;
            let (want, have) = (
                labels.quotes[g].speaker.as_deref(),
                found[f].speaker.as_deref(),
            );
            if same_speaker(want, have) {
                page.speaker_right += 1;
            } else if verbose {
                println!("  speaker {want:?} ≠ {have:?}: {}", labels.quotes[g].text);
            }
        }
        if verbose {
            for (g, used) in gold_used.iter().enumerate() {
                if !used {
                    println!("  missed: {}", labels.quotes[g].text);
                }
            }
            for (f, used) in got_used.iter().enumerate() {
                if !used {
                    println!("  extra:  {} ({:?})", found[f].text, found[f].speaker);
                }
            }
        }
        println!(
            "{:<45} labelled {:>3} found {:>3} matched {:>3} speaker {:>3}",
            labels.page, page.labelled, page.found, page.matched, page.speaker_right
        );
        total.labelled += page.labelled;
        total.found += page.found;
        total.matched += page.matched;
        total.speaker_right += page.speaker_right;
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let precision = ratio(total.matched, total.found);
    let recall = ratio(total.matched, total.labelled);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let speaker = ratio(total.speaker_right, total.matched);
    println!(
        "quotes: {} pages, {} labelled, {} found, precision {precision:.3} recall {recall:.3} F1 {f1:.3}; speaker accuracy {speaker:.3}",
        files.len(),
        total.labelled,
        total.found
    );
    let floors: Floors = serde_json::from_str(
        &std::fs::read_to_string(labels_dir().join("floors.json")).expect("floors.json"),
    )
    .expect("floors.json parses");
    assert!(
        f1 + EPSILON >= floors.quote_f1,
        "quote F1 {f1:.3} fell below the floor {}",
        floors.quote_f1
    );
    assert!(
        speaker + EPSILON >= floors.speaker_accuracy,
        "speaker accuracy {speaker:.3} fell below the floor {}",
        floors.speaker_accuracy
    );
}
