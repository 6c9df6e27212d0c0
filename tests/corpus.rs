//! The extraction quality gate: every page of the labelled corpus
//! (`../shared/corpus`, beside the repository) is extracted in-process and
//! scored the way `tools/score-corpus` scores it. The aggregate scores must stay
//! at or above the floors pinned in `tests/quality-floors.json`; raise a floor
//! when extraction improves, never lower it silently.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use galley::Article;
use galley::read::{self, Input};
use regex::Regex;
use serde_json::Value;

#[path = "support/scorer.rs"]
mod scorer;
use scorer::{TOKEN, fold, html_text, shingles};

/// Tolerance for floating-point noise when comparing with a floor.
const EPSILON: f64 = 5e-4;

fn corpus_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    assert!(
        root.is_dir(),
        "the labelled corpus is missing: expected it at {} (the shared folder beside the repository)",
        root.display()
    );
    root
}

/// Tallies for one set, as score-corpus reports them.
#[derive(Default)]
struct Tally {
    pages: usize,
    failures: Vec<String>,
    precision: Vec<f64>,
    recall: Vec<f64>,
    fields: BTreeMap<&'static str, (usize, usize)>,
    seg_found: usize,
    seg_total: usize,
    seg_bad: usize,
    seg_pages: usize,
}

impl Tally {
    fn field(&mut self, name: &'static str, ok: bool) {
        let entry = self.fields.entry(name).or_default();
        entry.0 += usize::from(ok);
        entry.1 += 1;
    }

    fn scores(&self) -> BTreeMap<String, f64> {
        let mut out = BTreeMap::new();
        if !self.precision.is_empty() {
            let p = mean(&self.precision);
            let r = mean(&self.recall);
            out.insert("body_f1".to_string(), f1(p, r));
        }
        if self.seg_pages > 0 {
            let p = ratio(self.seg_found, self.seg_found + self.seg_bad);
            let r = ratio(self.seg_found, self.seg_total);
            out.insert("segments_f1".to_string(), f1(p, r));
        }
        for (name, (ok, total)) in &self.fields {
            out.insert((*name).to_string(), ratio(*ok, *total));
        }
        out
    }
}

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len() as f64
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn precision_recall(truth: &str, pred: &str) -> (f64, f64) {
    let (t, p) = (shingles(truth), shingles(pred));
    let tp: usize = p
        .iter()
        .map(|(g, n)| (*n).min(t.get(g).copied().unwrap_or(0)))
        .sum();
    let (np, nt) = (p.values().sum::<usize>(), t.values().sum::<usize>());
    if np == tp && nt == tp {
        return (1.0, 1.0);
    }
    (ratio(tp, np), ratio(tp, nt))
}

/// Minutes since the epoch in UTC, and the offset in minutes, of an ISO 8601 date-time.
fn instant(s: &str) -> Option<(i64, Option<i64>)> {
    static ISO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$")
            .unwrap()
    });
    let c = ISO.captures(s.trim())?;
    let num = |i: usize| {
        c.get(i)
            .map_or(0, |m| m.as_str().parse::<i64>().unwrap_or(0))
    };
    let (y, m, d) = (num(1), num(2), num(3));
    let (y2, m2) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    let era = y2.div_euclid(400);
    let yoe = y2 - era * 400;
    let doy = (153 * m2 + 2) / 5 + d - 1;
    let days = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468;
    let local = days * 1440 + num(4) * 60 + num(5);
    let offset = c.get(6).map(|o| {
        let o = o.as_str().replace(':', "");
        if o == "Z" {
            0
        } else {
            let sign = if o.starts_with('-') { -1 } else { 1 };
            sign * (o[1..3].parse::<i64>().unwrap_or(0) * 60 + o[3..5].parse::<i64>().unwrap_or(0))
        }
    });
    Some((local - offset.unwrap_or(0), offset))
}

fn same_day(got: &str, want: &str) -> bool {
    if got.is_empty() {
        return false;
    }
    if got.get(..10).is_some() && got.get(..10) == want.get(..10) {
        return true;
    }
    match (instant(got), instant(want)) {
        (Some((g, Some(_))), Some((_, Some(w_off)))) => {
            let local = g + w_off;
            let want_day = want.get(..10).unwrap_or("");
            let (days, _) = (local.div_euclid(1440), 0);
            civil(days) == want_day
        }
        _ => false,
    }
}

fn civil(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn score_page(tally: &mut Tally, page: &Path, article: &Article) {
    let body = article.body_text();
    if let Ok(expected) = std::fs::read_to_string(page.join("expected.html")) {
        let (p, r) = precision_recall(&html_text(&expected), &body);
        tally.precision.push(p);
        tally.recall.push(r);
    }
    if let Ok(seg) = std::fs::read_to_string(page.join("expected-segments.json")) {
        let seg: Value = serde_json::from_str(&seg).unwrap_or(Value::Null);
        let hay = fold(&format!("{}\n{}", article.headline, body));
        let list = |key: &str| -> Vec<String> {
            seg.get(key)
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(Value::as_str).map(fold).collect())
                .unwrap_or_default()
        };
        let with = list("with");
        tally.seg_found += with.iter().filter(|w| hay.contains(w.as_str())).count();
        tally.seg_total += with.len();
        tally.seg_bad += list("without")
            .iter()
            .filter(|w| hay.contains(w.as_str()))
            .count();
        tally.seg_pages += 1;
    }
    let meta: Value = std::fs::read_to_string(page.join("expected-metadata.json"))
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or(Value::Null);
    let text = |key: &str| {
        meta.get(key)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
    };
    if let Some(title) = text("title") {
        tally.field("title", fold(&article.headline) == fold(title));
    }
    let got_by = fold(&format!(
        "{} {}",
        article.byline.as_deref().unwrap_or(""),
        article.authors.join(" ")
    ));
    let got_tokens: Vec<&str> = TOKEN.find_iter(&got_by).map(|m| m.as_str()).collect();
    if let Some(byline) = text("byline") {
        let folded = fold(byline);
        let want: Vec<&str> = TOKEN
            .find_iter(&folded)
            .map(|m| m.as_str())
            .filter(|t| t.chars().count() > 2 && !["and", "by", "the"].contains(t))
            .collect();
        tally.field(
            "byline",
            !want.is_empty() && want.iter().all(|t| got_tokens.contains(t)),
        );
    } else if meta.get("noAuthor").and_then(Value::as_bool) == Some(true) {
        tally.field("byline", got_by.trim().is_empty());
    }
    if let Some(lang) = text("lang") {
        let got = fold(article.language.as_deref().unwrap_or(""));
        let want = fold(lang);
        tally.field("lang", got.split('-').next() == want.split('-').next());
    }
    if let Some(date) = text("publishedTime") {
        tally.field(
            "date",
            same_day(article.published.as_deref().unwrap_or(""), date),
        );
    }
}

fn score_set(dir: &Path) -> Tally {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("source.html").is_file())
        .collect();
    pages.sort();
    let mut tally = Tally::default();
    for page in pages {
        tally.pages += 1;
        let source = page.join("source.html");
        let input = Input {
            name: source.display().to_string(),
            path: Some(source.clone()),
            bytes: std::fs::read(&source).unwrap(),
        };
        match read::read(&input) {
            Ok(docs) if !docs.is_empty() => score_page(&mut tally, &page, &docs[0].article),
            Ok(_) => tally
                .failures
                .push(format!("{}: no article", page.display())),
            Err(e) => tally.failures.push(format!("{}: {e}", page.display())),
        }
    }
    tally
}

#[test]
#[ignore = "needs the labelled corpus in ../shared/corpus beside the clone; `make quality` runs it"]
fn corpus_scores_stay_above_their_floors() {
    let root = corpus_root();
    let floors_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/quality-floors.json");
    let floors: BTreeMap<String, BTreeMap<String, f64>> =
        serde_json::from_str(&std::fs::read_to_string(&floors_path).unwrap()).unwrap();
    let mut problems = Vec::new();
    for (set, set_floors) in &floors {
        let tally = score_set(&root.join(set));
        let scores = tally.scores();
        let line: Vec<String> = scores.iter().map(|(k, v)| format!("{k}={v:.3}")).collect();
        println!(
            "{set:<18} pages={} failed={} {}",
            tally.pages,
            tally.failures.len(),
            line.join(" ")
        );
        for (metric, floor) in set_floors {
            let got = scores.get(metric).copied().unwrap_or(0.0);
            if got + EPSILON < *floor {
                problems.push(format!("{set} {metric}: {got:.3} < floor {floor:.3}"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "quality dropped below the pinned floors:\n{}",
        problems.join("\n")
    );
}

#[test]
fn scorer_helpers_agree_with_the_contract() {
    assert!(same_day(
        "2020-02-05T23:30:00-05:00",
        "2020-02-06T04:30:00Z"
    ));
    assert!(same_day("2020-02-05", "2020-02-05T10:00:00Z"));
    assert!(!same_day("2020-02-04", "2020-02-05"));
    assert_eq!(fold("‘Hello’  World"), "'hello' world");
    let (p, r) = precision_recall("one two three four five", "one two three four");
    assert!((p - 1.0).abs() < 1e-9 && (r - 0.5).abs() < 1e-9);
}
