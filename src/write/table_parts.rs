//! What every writer that sets a table needs to know of it: which rows are
//! its header, body and footer, and which columns hold numbers (set flush
//! right, so their digits line up) — and the HTML the EPUB and HTML
//! writers give it.

use std::fmt::Write as _;

/// A table's rows in their three parts.
pub struct TableParts<'a> {
    /// Header rows (repeated on each page a printed table spans).
    pub head: &'a [Vec<String>],
    /// Data rows.
    pub body: &'a [Vec<String>],
    /// Footer rows (totals, notes), always last.
    pub foot: &'a [Vec<String>],
    /// Per column, whether it holds numbers.
    pub numeric: Vec<bool>,
}

/// Characters a number may carry besides its digits: separators (thin and
/// no-break spaces too), signs, percent and per mille, currencies, the colon
/// of times and scores, and the parentheses of accounting negatives.
const NUMBER_MARKS: &[char] = &[
    ',', '.', ' ', '\u{a0}', '\u{202f}', '\u{2009}', '\'', '+', '-', '\u{2212}', '\u{2013}', '%',
    '\u{2030}', '$', '\u{20ac}', '\u{a3}', '\u{a5}', '\u{20b9}', '\u{20bd}', '\u{20a9}', ':', '(',
    ')',
];

/// Cells that say "nothing here" in a column of numbers (dashes), which
/// leave the column numeric.
const PLACEHOLDERS: &[&str] = &["-", "\u{2013}", "\u{2014}", "\u{2212}", "n/a", "N/A"];

/// Splits `rows` into header, body and footer (the counts are clamped to
/// the rows there are) and finds the numeric columns.
pub fn table_parts(rows: &[Vec<String>], header_rows: usize, footer_rows: usize) -> TableParts<'_> {
    let header_rows = header_rows.min(rows.len());
    let footer_rows = footer_rows.min(rows.len() - header_rows);
    let (head, rest) = rows.split_at(header_rows);
    let (body, foot) = rest.split_at(rest.len() - footer_rows);
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let numeric = (0..columns).map(|c| is_numeric_column(body, c)).collect();
    TableParts {
        head,
        body,
        foot,
        numeric,
    }
}

/// Whether column `c` of the data rows holds numbers: at least one, and
/// nothing else but empty cells and placeholders.
fn is_numeric_column(body: &[Vec<String>], c: usize) -> bool {
    let cells: Vec<&str> = body
        .iter()
        .filter_map(|row| row.get(c))
        .map(|cell| cell.trim())
        .filter(|cell| !cell.is_empty() && !PLACEHOLDERS.contains(cell))
        .collect();
    !cells.is_empty() && cells.iter().all(|cell| is_number(cell))
}

/// Whether a cell is a number: digits with only the marks numbers carry.
pub fn is_number(cell: &str) -> bool {
    cell.chars().any(|c| c.is_ascii_digit())
        && cell
            .chars()
            .all(|c| c.is_ascii_digit() || NUMBER_MARKS.contains(&c))
}

/// The inside of a `<table>`: `<thead>` (cells `<th scope="col">`, but an
/// empty corner cell), `<tbody>` and `<tfoot>`, each row on its line, the
/// cells of numeric columns aligned right; `escape` makes text markup.
pub fn table_html(
    rows: &[Vec<String>],
    header_rows: usize,
    footer_rows: usize,
    escape: impl Fn(&str) -> String,
) -> String {
    let parts = table_parts(rows, header_rows, footer_rows);
    let mut out = String::from("\n");
    for (tag, part) in [
        ("thead", parts.head),
        ("tbody", parts.body),
        ("tfoot", parts.foot),
    ] {
        if part.is_empty() {
            continue;
        }
        let _ = writeln!(out, "<{tag}>");
        for row in part.iter().filter(|row| !row.is_empty()) {
            out.push_str("<tr>");
            for (c, cell) in row.iter().enumerate() {
                let cell = cell.trim();
                let align = if parts.numeric.get(c) == Some(&true) {
                    " style=\"text-align:right\""
                } else {
                    ""
                };
                let cell_tag = if tag == "thead" && !cell.is_empty() {
                    "th scope=\"col\""
                } else {
                    "td"
                };
                let close = &cell_tag[..2];
                let _ = write!(out, "<{cell_tag}{align}>{}</{close}>", escape(cell));
            }
            out.push_str("</tr>\n");
        }
        let _ = writeln!(out, "</{tag}>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(cells: &[&[&str]]) -> Vec<Vec<String>> {
        cells
            .iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn numbers_are_told_from_words() {
        for n in [
            "12",
            "-3.5",
            "\u{2212}0.25",
            "$1,204.50",
            "45%",
            "(1 200)",
            "3:1",
            "€ 9,99",
        ] {
            assert!(is_number(n), "{n}");
        }
        for w in ["", "Ann", "12 km", "1st", "-", "25% | approx."] {
            assert!(!is_number(w), "{w}");
        }
    }

    #[test]
    fn parts_follow_the_counts_and_columns_their_cells() {
        let t = rows(&[
            &["Player", "Plays", "Avg"],
            &["Ann", "12", "3.50"],
            &["Bo", "—", "12.25"],
            &["Total", "12", "15.75"],
        ]);
        let parts = table_parts(&t, 1, 1);
        assert_eq!(parts.head.len(), 1);
        assert_eq!(parts.body.len(), 2);
        assert_eq!(parts.foot[0][0], "Total");
        assert_eq!(parts.numeric, vec![false, true, true]);
        // Counts larger than the table are clamped.
        let parts = table_parts(&t, 3, 5);
        assert_eq!(
            (parts.head.len(), parts.body.len(), parts.foot.len()),
            (3, 0, 1)
        );
    }
}
