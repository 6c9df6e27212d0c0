//! Trains and evaluates the learned body stage (`src/read/html/learned.rs`)
//! from a labelled corpus of saved pages (one folder per page with
//! `source.html` and `expected.html` or `expected-segments.json`).
//!
//! ```text
//! body_model dump CORPUS SET...          features + labels per block, as TSV on stdout
//! body_model train ROWS [--hold SET] -o MODEL
//!                                        fit on every set but SET; the threshold
//!                                        is the one that helps most the training
//!                                        set it helps least, each held out of a
//!                                        fit on the others (when none helps
//!                                        them all, the stage is off)
//! body_model eval ROWS MODEL             estimated per-set scores, stage off vs on
//! body_model convert PAGE --to json -o - the article JSON, as `galley convert` prints it,
//!                                        with the model named by GALLEY_BODY_MODEL
//! ```
//!
//! Labels come from the gold text: a block is article text when most of its
//! word 4-grams are in `expected.html` (the scorer's measure), or when it
//! holds one of the `with` snippets of `expected-segments.json` (and not when
//! it holds only `without` ones). Pages whose whole body scores below
//! `MIN_PAGE_F1` against their gold are left out of the fit. Training
//! boosts small decision trees by Newton steps on a weighted logistic loss:
//! no randomness, the same model from the same rows.

use std::collections::HashMap;
use std::error::Error;
use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::{BufWriter, Write};
use std::path::Path;
use std::rc::Rc;

use galley::read;
use galley::read::html::learned::{FEATURES, Model, Tree, TreeNode, recording};
use galley::write::{WriteOptions, writer};

#[path = "../tests/support/scorer.rs"]
mod scorer;
use scorer::{fold, html_text, shingles, tokens};

type Res<T> = Result<T, Box<dyn Error>>;

/// Boosting: trees, their depth, the shrinkage of each tree's values, the
/// L2 penalty on leaf values, the least weight (hessian) in a leaf and the
/// most cut points tried per feature.
const TREES: usize = 120;
const DEPTH: usize = 3;
const SHRINKAGE: f64 = 0.2;
const LAMBDA: f64 = 1.0;
const MIN_LEAF_HESSIAN: f64 = 2.0;
const MAX_CUTS: usize = 32;
/// The scorer's gram: this many words.
const GRAM: usize = 4;
/// A block is article text when at least this share of its 4-grams are gold.
const GOLD_SHARE: f64 = 0.5;
/// Pages whose blocks, all kept, score below this F1 against their gold are
/// left out of the fit: there the container or the gold itself is wrong (a
/// section front, another snapshot, garbled gold), and every block comes
/// labelled as not article text, which teaches the model to drop prose.
const MIN_PAGE_F1: f64 = 0.5;
/// A threshold helps a held-out set only when it raises F1 by at least this
/// much: less is within what a three-decimal score cannot show, and noise.
const MIN_HELD_OUT_GAIN: f64 = 0.0005;
/// The thresholds tried for dropping a block (probability of being text).
const THRESHOLDS: &[f32] = &[
    0.01, 0.02, 0.03, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5,
];

fn main() -> Res<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("dump") if args.len() >= 3 => dump(Path::new(&args[1]), &args[2..]),
        Some("train") if args.len() >= 2 => {
            let hold = flag(&args, "--hold");
            let out = flag(&args, "-o").ok_or("train needs -o MODEL")?;
            train(&args[1], hold.as_deref(), &out)
        }
        Some("eval") if args.len() == 3 => eval(&args[1], &args[2]),
        Some("convert") if args.len() >= 2 => convert(&args[1]),
        _ => Err("usage: body_model dump|train|eval|convert …".into()),
    }
}

/// The value after `name` in `args`.
fn flag(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

/// Writes one TSV row per scored block of every page of the named sets:
/// set, page, gold 4-grams, the block's 4-grams, those of them in the gold,
/// the page's `with` snippets, those the block holds, the `without` ones it
/// holds, then the features.
fn dump(corpus: &Path, sets: &[String]) -> Res<()> {
    let mut out = BufWriter::new(std::io::stdout().lock());
    writeln!(
        out,
        "set\tpage\tgold\tgrams\tgold_grams\twith\twith_found\twithout_found\twords\tgold_words\t{}",
        FEATURES.join("\t")
    )?;
    for set in sets {
        let mut pages: Vec<_> = fs::read_dir(corpus.join(set))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.join("source.html").is_file())
            .collect();
        pages.sort();
        for page in pages {
            let name = page.file_name().unwrap_or_default().to_string_lossy();
            let gold_text = fs::read_to_string(page.join("expected.html"))
                .ok()
                .map(|h| html_text(&h));
            let gold = gold_text.as_deref().map(shingles);
            // The gold's words go on the page's first row only.
            let mut gold_words = gold_text.as_deref().map(tokens).map(|t| t.join(" "));
            let segments: Option<serde_json::Value> =
                fs::read_to_string(page.join("expected-segments.json"))
                    .ok()
                    .and_then(|s| serde_json::from_str(&s).ok());
            let snippets = |key: &str| -> Vec<String> {
                segments
                    .as_ref()
                    .and_then(|s| s[key].as_array())
                    .map(|a| a.iter().filter_map(|v| v.as_str()).map(fold).collect())
                    .unwrap_or_default()
            };
            let (with, without) = (snippets("with"), snippets("without"));
            if gold.is_none() && with.is_empty() {
                continue;
            }
            let (_, rows) = recording(None, || read::read_path(&page.join("source.html")));
            let gold_total: usize = gold.as_ref().map_or(0, |g| g.values().sum());
            for row in rows {
                let grams = shingles(&row.text);
                let n: usize = grams.values().sum();
                let tp: usize = gold.as_ref().map_or(0, |g| {
                    grams
                        .iter()
                        .map(|(k, c)| (*c).min(g.get(k).copied().unwrap_or(0)))
                        .sum()
                });
                let hay = fold(&row.text);
                let wf = with.iter().filter(|w| hay.contains(w.as_str())).count();
                let wof = without.iter().filter(|w| hay.contains(w.as_str())).count();
                let feats: Vec<String> = row.features.iter().map(|f| format!("{f}")).collect();
                writeln!(
                    out,
                    "{set}\t{name}\t{gold_total}\t{n}\t{tp}\t{}\t{wf}\t{wof}\t{}\t{}\t{}",
                    with.len(),
                    tokens(&row.text).join(" "),
                    gold_words.take().unwrap_or_default(),
                    feats.join("\t")
                )?;
            }
        }
    }
    Ok(())
}

/// One block as read back from the TSV.
#[derive(Clone)]
struct Block {
    set: String,
    page: String,
    gold: f64,
    grams: f64,
    gold_grams: f64,
    with: f64,
    with_found: f64,
    without_found: f64,
    /// The block's words, hashed, and the 4-grams of the page's gold text
    /// (shared by the page's blocks): the scorer's measure is taken on the
    /// text of the kept blocks joined, where a dropped block also changes
    /// the 4-grams that span it.
    words: Vec<u64>,
    page_gold: Rc<HashMap<u64, usize>>,
    /// For a block of fewer than four words (a heading, a label), whether
    /// a 4-gram spanning it and its neighbours' words is gold: its own
    /// words are too few to make a gram of the scorer's.
    spanned_gold: bool,
    x: Vec<f32>,
}

impl Block {
    /// Whether the block is a body-labelled one (else a segment-labelled).
    fn has_gold(&self) -> bool {
        self.gold > 0.0
    }

    /// The training label, when the block has one (blocks the model does
    /// not judge have none).
    fn label(&self) -> Option<f64> {
        if self.x.is_empty() {
            None
        } else if self.has_gold() {
            let gold = if self.words.len() < GRAM {
                self.spanned_gold
            } else {
                self.gold_grams >= GOLD_SHARE * self.grams.max(1.0)
            };
            Some(if gold { 1.0 } else { 0.0 })
        } else if self.with_found > 0.0 {
            Some(1.0)
        } else if self.without_found > 0.0 {
            Some(0.0)
        } else {
            None
        }
    }
}

fn read_rows(path: &str) -> Res<Vec<Block>> {
    let text = fs::read_to_string(path)?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().ok_or("empty rows")?.split('\t').collect();
    if header[10..] != *FEATURES {
        return Err("the rows were dumped with other features".into());
    }
    let mut out: Vec<Block> = Vec::new();
    for line in lines {
        let c: Vec<&str> = line.split('\t').collect();
        let num = |i: usize| c[i].parse::<f64>().unwrap_or(0.0);
        let same_page = out.last().is_some_and(|b| b.set == c[0] && b.page == c[1]);
        let page_gold = match out.last() {
            Some(b) if same_page => b.page_gold.clone(),
            _ => Rc::new(gram_counts(&word_hashes(c[9]))),
        };
        out.push(Block {
            set: c[0].to_string(),
            page: c[1].to_string(),
            gold: num(2),
            grams: num(3),
            gold_grams: num(4),
            with: num(5),
            with_found: num(6),
            without_found: num(7),
            words: word_hashes(c[8]),
            page_gold,
            spanned_gold: false,
            x: c[10..]
                .iter()
                .filter(|v| !v.is_empty())
                .map(|v| v.parse().unwrap_or(0.0))
                .collect(),
        });
    }
    for page in out.chunk_by_mut(|a, b| a.set == b.set && a.page == b.page) {
        mark_spanned_gold(page);
    }
    Ok(out)
}

/// Marks the page's short blocks whose words, with the last words before
/// and the first after them, make a gold 4-gram.
fn mark_spanned_gold(page: &mut [Block]) {
    for i in 0..page.len() {
        let n = page[i].words.len();
        if n == 0 || n >= GRAM {
            continue;
        }
        let before: Vec<u64> = page[..i]
            .iter()
            .rev()
            .flat_map(|b| b.words.iter().rev())
            .take(GRAM - n)
            .copied()
            .collect();
        let after = page[i + 1..]
            .iter()
            .flat_map(|b| b.words.iter())
            .take(GRAM - n);
        let seq: Vec<u64> = before
            .iter()
            .rev()
            .chain(&page[i].words)
            .copied()
            .chain(after.copied())
            .collect();
        let gold = &page[i].page_gold;
        // The windows of the sequence that hold the whole block.
        let at = before.len();
        page[i].spanned_gold = seq
            .windows(GRAM)
            .enumerate()
            .any(|(s, w)| s <= at && at + n <= s + GRAM && gold.contains_key(&gram_hash(w)))
            || (seq.len() < GRAM && gold.contains_key(&gram_hash(&seq)));
    }
}

/// The hashes of space-separated words.
fn word_hashes(words: &str) -> Vec<u64> {
    words
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut h = DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect()
}

/// Word 4-grams (the whole text when shorter) with their counts, as the
/// scorer's `shingles`, each gram a hash of its words.
fn gram_counts(words: &[u64]) -> HashMap<u64, usize> {
    let mut out = HashMap::new();
    if words.len() < GRAM {
        if !words.is_empty() {
            out.insert(gram_hash(words), 1);
        }
        return out;
    }
    for w in words.windows(GRAM) {
        *out.entry(gram_hash(w)).or_default() += 1;
    }
    out
}

/// One gram's hash.
fn gram_hash(words: &[u64]) -> u64 {
    let mut h = DefaultHasher::new();
    words.hash(&mut h);
    h.finish()
}

/// The scorer's precision and recall for a page whose kept blocks are these.
fn page_prf<'a>(gold: &HashMap<u64, usize>, kept: impl Iterator<Item = &'a Block>) -> [f64; 2] {
    let words: Vec<u64> = kept.flat_map(|b| b.words.iter().copied()).collect();
    let got = gram_counts(&words);
    let tp: usize = got
        .iter()
        .map(|(g, n)| (*n).min(gold.get(g).copied().unwrap_or(0)))
        .sum();
    let (fp, fn_) = (
        got.values().sum::<usize>() - tp,
        gold.values().sum::<usize>() - tp,
    );
    if fp == 0 && fn_ == 0 {
        return [1.0, 1.0];
    }
    let ratio = |a: usize, b: usize| {
        if a + b > 0 {
            a as f64 / (a + b) as f64
        } else {
            0.0
        }
    };
    [ratio(tp, fp), ratio(tp, fn_)]
}

/// Fits the model on every set but the held ones. The threshold is chosen
/// by leaving each training set out in turn: the one whose smallest F1 gain
/// over those held-out sets is largest; when no threshold helps every one of
/// them the stage is written switched off.
fn train(rows: &str, hold: Option<&str>, out: &str) -> Res<()> {
    let held: Vec<&str> = hold.map(|h| h.split(',').collect()).unwrap_or_default();
    let rows: Vec<Block> = read_rows(rows)?
        .into_iter()
        .filter(|b| !held.contains(&b.set.as_str()))
        .collect();
    let mut model = fit(&rows);
    model.threshold = held_out_threshold(&rows);
    if model.threshold == 0.0 {
        eprintln!("no threshold helps every held-out set: written switched off");
    }
    fs::write(out, model_json(&model)?)?;
    Ok(())
}

/// The threshold whose smallest gain over the training sets, each held out
/// of a fit on the others, is largest (0, the stage off, when none gains at
/// least [`MIN_HELD_OUT_GAIN`] on every set).
fn held_out_threshold(rows: &[Block]) -> f32 {
    let mut sets: Vec<&str> = rows.iter().map(|b| b.set.as_str()).collect();
    sets.dedup();
    // gains[t][s]: the F1 gain on set s at threshold t, fitted without s.
    let mut gains = vec![Vec::new(); THRESHOLDS.len()];
    for set in &sets {
        let (fitted, kept): (Vec<Block>, Vec<Block>) =
            rows.iter().cloned().partition(|b| b.set != *set);
        let mut m = fit(&fitted);
        let off = mean_f1(&scores(&kept, &m));
        for (t, g) in THRESHOLDS.iter().zip(&mut gains) {
            m.threshold = *t;
            g.push(mean_f1(&scores(&kept, &m)) - off);
        }
    }
    let mut best = (MIN_HELD_OUT_GAIN, 0.0f32);
    for (t, g) in THRESHOLDS.iter().zip(&gains) {
        let least = g.iter().copied().fold(f64::INFINITY, f64::min);
        let shown: Vec<String> = sets
            .iter()
            .zip(g)
            .map(|(s, g)| format!("{s} {g:+.4}"))
            .collect();
        eprintln!("threshold {t:.2}, each set held out: {}", shown.join("  "));
        if least >= best.0 {
            best = (least, *t);
        }
    }
    if best.1 > 0.0 {
        eprintln!("threshold {} (least held-out gain {:+.4})", best.1, best.0);
    }
    best.1
}

/// The model as JSON with one tree a line (a small file whose changes
/// read well in a diff).
fn model_json(m: &Model) -> Res<String> {
    let trees: Vec<String> = m
        .trees
        .iter()
        .map(serde_json::to_string)
        .collect::<Result<_, _>>()?;
    Ok(format!(
        "{{\"features\": {},\n\"base\": {}, \"threshold\": {},\n\"trees\": [\n{}\n]}}\n",
        serde_json::to_string(&m.features)?,
        m.base,
        m.threshold,
        trees.join(",\n")
    ))
}

/// Fits the trees to the rows (threshold 0: the caller chooses it).
fn fit(rows: &[Block]) -> Model {
    // Each page weighs the same in total, as pages do in the scorer's
    // average; within a page a block weighs by its 4-grams.
    let mut page_grams: HashMap<(&str, &str), f64> = HashMap::new();
    for b in rows {
        *page_grams.entry((&b.set, &b.page)).or_insert(0.0) += b.grams.max(1.0);
    }
    let mut sound: HashMap<(&str, &str), bool> = HashMap::new();
    for page in rows.chunk_by(|a, b| a.set == b.set && a.page == b.page) {
        let [p, r] = page_prf(&page[0].page_gold, page.iter());
        sound.insert(
            (&page[0].set, &page[0].page),
            !page[0].has_gold() || f1(p, r) >= MIN_PAGE_F1,
        );
    }
    let train: Vec<(&Block, f64, f64)> = rows
        .iter()
        .filter(|b| sound[&(&*b.set, &*b.page)])
        .filter_map(|b| {
            let y = b.label()?;
            Some((b, y, b.grams.max(1.0) / page_grams[&(&*b.set, &*b.page)]))
        })
        .collect();
    eprintln!(
        "fitting on {} blocks; {} pages left out, their blocks all kept scoring below F1 {MIN_PAGE_F1}",
        train.len(),
        sound.values().filter(|s| !**s).count()
    );
    Model {
        features: FEATURES.iter().map(|s| s.to_string()).collect(),
        base: 0.0,
        trees: boost(&train),
        threshold: 0.0,
    }
}

/// Per set: estimated (P, R, F1), macro over pages for body labels and over
/// snippets for segment labels, as the scorer averages them.
fn scores(rows: &[Block], model: &Model) -> Vec<(String, [f64; 3])> {
    let model_keeps = |b: &Block| {
        b.x.is_empty() || model.threshold <= 0.0 || model.probability(&b.x) >= model.threshold
    };
    // As in the stage, a body the model would empty keeps its blocks.
    let kept: Vec<bool> = rows.iter().map(model_keeps).collect();
    let mut keeps_some: HashMap<(&str, &str), bool> = HashMap::new();
    for (b, &k) in rows.iter().zip(&kept) {
        *keeps_some.entry((&b.set, &b.page)).or_default() |= k;
    }
    let keep: Vec<bool> = rows
        .iter()
        .zip(&kept)
        .map(|(b, &k)| k || !keeps_some[&(&*b.set, &*b.page)])
        .collect();
    let mut sets: Vec<String> = rows.iter().map(|b| b.set.clone()).collect();
    sets.dedup();
    let mut out = Vec::new();
    for set in sets {
        let in_set: Vec<(&Block, bool)> = rows
            .iter()
            .zip(keep.iter().copied())
            .filter(|(b, _)| b.set == set)
            .collect();
        let pages: Vec<&[(&Block, bool)]> = in_set.chunk_by(|a, b| a.0.page == b.0.page).collect();
        let prf = if in_set.iter().any(|(b, _)| b.has_gold()) {
            let body: Vec<[f64; 2]> = pages
                .iter()
                .filter(|p| p[0].0.has_gold())
                .map(|p| {
                    page_prf(
                        &p[0].0.page_gold,
                        p.iter().filter(|(_, k)| *k).map(|(b, _)| *b),
                    )
                })
                .collect();
            let n = body.len() as f64;
            let p = body.iter().map(|a| a[0]).sum::<f64>() / n;
            let r = body.iter().map(|a| a[1]).sum::<f64>() / n;
            [p, r, f1(p, r)]
        } else {
            let kept_sum = |field: fn(&Block) -> f64| -> f64 {
                in_set
                    .iter()
                    .filter(|(_, k)| *k)
                    .map(|(b, _)| field(b))
                    .sum()
            };
            let found = kept_sum(|b| b.with_found);
            let bad = kept_sum(|b| b.without_found);
            let total: f64 = pages.iter().map(|p| p[0].0.with).sum();
            let p = found / (found + bad).max(1.0);
            let r = found / total.max(1.0);
            [p, r, f1(p, r)]
        };
        out.push((set, prf));
    }
    out
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

fn mean_f1(scores: &[(String, [f64; 3])]) -> f64 {
    scores.iter().map(|s| s.1[2]).sum::<f64>() / scores.len().max(1) as f64
}

/// Prints each set's estimated scores with the stage off and on.
fn eval(rows: &str, model: &str) -> Res<()> {
    let rows = read_rows(rows)?;
    let mut model = Model::from_json(&fs::read_to_string(model)?)?;
    let on = scores(&rows, &model);
    model.threshold = 0.0;
    let off = scores(&rows, &model);
    for ((set, a), (_, b)) in off.iter().zip(&on) {
        println!(
            "{set:<18} off P={:.3} R={:.3} F1={:.3}   on P={:.3} R={:.3} F1={:.3}",
            a[0], a[1], a[2], b[0], b[1], b[2]
        );
    }
    // The F1 gain of each set at every threshold tried.
    for &t in THRESHOLDS {
        model.threshold = t;
        let gains: Vec<String> = scores(&rows, &model)
            .iter()
            .zip(&off)
            .map(|(on, off)| format!("{} {:+.4}", on.0, on.1[2] - off.1[2]))
            .collect();
        println!("threshold {t:.2}: {}", gains.join("  "));
    }
    Ok(())
}

/// Converts one page to article JSON on standard output, with the model
/// named by `GALLEY_BODY_MODEL` (none: the stage off).
fn convert(page: &str) -> Res<()> {
    let model = match std::env::var("GALLEY_BODY_MODEL") {
        Ok(p) => Some(Model::from_json(&fs::read_to_string(p)?)?),
        Err(_) => None,
    };
    let (docs, _) = recording(model, || read::read_path(Path::new(page)));
    let json = writer("json").ok_or("no JSON writer")?;
    let mut out = std::io::stdout().lock();
    for doc in docs? {
        out.write_all(&json.write(&doc, &WriteOptions::default())?.bytes)?;
    }
    Ok(())
}

/// Fits gradient-boosted trees to weighted (block, label, weight) rows by
/// Newton steps on the logistic loss; the weights are scaled so that the
/// rows average one.
fn boost(rows: &[(&Block, f64, f64)]) -> Vec<Tree> {
    let d = FEATURES.len();
    let scale = rows.len() as f64 / rows.iter().map(|r| r.2).sum::<f64>();
    let weight: Vec<f64> = rows.iter().map(|r| r.2 * scale).collect();
    // Candidate cuts per feature: midpoints between distinct quantiles.
    let cuts: Vec<Vec<f32>> = (0..d)
        .map(|k| {
            let mut v: Vec<f32> = rows.iter().map(|r| r.0.x[k]).collect();
            v.sort_by(f32::total_cmp);
            v.dedup();
            let step = (v.len() as f64 / MAX_CUTS as f64).max(1.0);
            let picked: Vec<f32> = (1..v.len())
                .map(|i| ((i as f64 * step) as usize).min(v.len() - 1))
                .take_while(|&i| i < v.len())
                .map(|i| (v[i - 1] + v[i]) / 2.0)
                .collect();
            let mut picked = picked;
            picked.dedup();
            picked.truncate(MAX_CUTS);
            picked
        })
        .collect();
    // Each row's bin per feature: the number of cuts below its value.
    let bins: Vec<Vec<u8>> = rows
        .iter()
        .map(|r| {
            (0..d)
                .map(|k| cuts[k].partition_point(|&c| c < r.0.x[k]) as u8)
                .collect()
        })
        .collect();
    let mut score = vec![0.0f64; rows.len()];
    let mut trees = Vec::with_capacity(TREES);
    for _ in 0..TREES {
        let (g, h): (Vec<f64>, Vec<f64>) = rows
            .iter()
            .zip(&score)
            .zip(&weight)
            .map(|((r, s), w)| {
                let p = 1.0 / (1.0 + (-s).exp());
                ((p - r.1) * w, (p * (1.0 - p)).max(1e-6) * w)
            })
            .unzip();
        let mut nodes = Vec::new();
        let all: Vec<usize> = (0..rows.len()).collect();
        grow(&mut nodes, &all, &g, &h, &bins, &cuts, 0);
        let tree = Tree { nodes };
        for (s, r) in score.iter_mut().zip(rows) {
            *s += tree.value(&r.0.x) as f64;
        }
        trees.push(tree);
    }
    trees
}

/// Grows the node for `idx` (and its subtree) at the end of `nodes`,
/// splitting on the bin boundary with the best gain.
fn grow(
    nodes: &mut Vec<TreeNode>,
    idx: &[usize],
    g: &[f64],
    h: &[f64],
    bins: &[Vec<u8>],
    cuts: &[Vec<f32>],
    depth: usize,
) -> usize {
    let at = nodes.len();
    let gs: f64 = idx.iter().map(|&i| g[i]).sum();
    let hs: f64 = idx.iter().map(|&i| h[i]).sum();
    nodes.push(TreeNode {
        feature: 0,
        cut: 0.0,
        left: 0,
        right: 0,
        value: (-gs / (hs + LAMBDA) * SHRINKAGE) as f32,
    });
    if depth == DEPTH {
        return at;
    }
    let parent = gs * gs / (hs + LAMBDA);
    let mut best: Option<(f64, usize, usize)> = None;
    for (k, cut) in cuts.iter().enumerate() {
        let mut hg = vec![0.0f64; cut.len() + 1];
        let mut hh = vec![0.0f64; cut.len() + 1];
        for &i in idx {
            hg[bins[i][k] as usize] += g[i];
            hh[bins[i][k] as usize] += h[i];
        }
        let (mut gl, mut hl) = (0.0, 0.0);
        for b in 0..cut.len() {
            gl += hg[b];
            hl += hh[b];
            let (gr, hr) = (gs - gl, hs - hl);
            if hl < MIN_LEAF_HESSIAN || hr < MIN_LEAF_HESSIAN {
                continue;
            }
            let gain = gl * gl / (hl + LAMBDA) + gr * gr / (hr + LAMBDA) - parent;
            if gain > 1e-9 && best.is_none_or(|(bg, _, _)| gain > bg) {
                best = Some((gain, k, b));
            }
        }
    }
    let Some((_, k, b)) = best else {
        return at;
    };
    let (l, r): (Vec<usize>, Vec<usize>) = idx.iter().partition(|&&i| bins[i][k] as usize <= b);
    nodes[at].feature = k;
    nodes[at].cut = cuts[k][b];
    let left = grow(nodes, &l, g, h, bins, cuts, depth + 1);
    let right = grow(nodes, &r, g, h, bins, cuts, depth + 1);
    nodes[at].left = left;
    nodes[at].right = right;
    nodes[at].value = 0.0;
    at
}
