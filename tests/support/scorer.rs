//! The corpus scorer's text measures, shared by the quality gate and the
//! body model's trainer: the text of an expected body, word 4-grams, and the
//! folding used to find snippets — as `tools/score-corpus` computes them.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;
use scraper::{Html, Node};
use unicode_normalization::UnicodeNormalization;

/// A word, as the scorer's `\w+` finds it.
pub static TOKEN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\w+").unwrap());

/// Text of an expected body, with line breaks at block elements as the scorer makes them.
pub fn html_text(markup: &str) -> String {
    const BLOCKS: &[&str] = &[
        "p",
        "div",
        "section",
        "article",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "table",
        "tr",
        "td",
        "th",
        "figure",
        "figcaption",
        "br",
        "dd",
        "dt",
        "hr",
    ];
    const SKIP: &[&str] = &["script", "style", "noscript", "template", "svg"];
    let dom = Html::parse_fragment(markup);
    let mut out = String::new();
    let mut stack = vec![(dom.tree.root(), false)];
    while let Some((node, closing)) = stack.pop() {
        match node.value() {
            Node::Text(t) if !closing => out.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if SKIP.contains(&name) {
                    continue;
                }
                if BLOCKS.contains(&name) {
                    out.push('\n');
                }
                if !closing {
                    stack.push((node, true));
                    for child in node.children().rev() {
                        stack.push((child, false));
                    }
                }
            }
            _ if !closing => {
                for child in node.children().rev() {
                    stack.push((child, false));
                }
            }
            _ => {}
        }
    }
    out
}

/// The words of a text, lower-cased, as the scorer shingles them.
pub fn tokens(text: &str) -> Vec<String> {
    TOKEN
        .find_iter(text)
        .map(|m| m.as_str().to_lowercase())
        .collect()
}

/// Word 4-grams of a text with their counts (the whole text when shorter).
pub fn shingles(text: &str) -> HashMap<Vec<String>, usize> {
    let tokens = tokens(text);
    let mut out = HashMap::new();
    if tokens.is_empty() {
        return out;
    }
    if tokens.len() < 4 {
        *out.entry(tokens).or_default() += 1;
        return out;
    }
    for w in tokens.windows(4) {
        *out.entry(w.to_vec()).or_default() += 1;
    }
    out
}

/// Compatibility forms, case, quote marks, dashes and white space folded.
pub fn fold(s: &str) -> String {
    let s: String = s.nfkc().collect::<String>().to_lowercase();
    let s: String = s
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => '"',
            '\u{2010}'..='\u{2015}' => '-',
            c => c,
        })
        .collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
