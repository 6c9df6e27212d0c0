//! Tables: column widths from the content, in the manner of the CSS
//! automatic table layout — each column gets at least its longest word and
//! shares what the measure leaves in proportion to its longest cell, so a
//! header word is not split while the table can be widened; a table whose
//! words do not fit is set smaller (down to a floor), and only then are its
//! words broken, never clipped. Numeric columns are set flush right with
//! their decimal marks aligned. One piece per row: the header rows come
//! first and repeat at the top of each page the table continues on, the
//! footer rows last.

use std::sync::Arc;

use super::fonts::{FontSet, Style};
use super::layout::baseline;
use super::page::{Draw, Piece};
use super::text::{self, SetLine, Setting, Span};
use crate::write::table_parts::{is_number, table_parts};

/// Table text size, in body sizes (that of captions and bylines).
const TABLE_SCALE: f32 = 0.84;
/// Smallest size a table too wide for the page is set at, in body sizes:
/// smaller type is hard to read on paper and on a reader's screen.
const MIN_TABLE_SCALE: f32 = 0.7;
/// Line spacing in cells, in text sizes.
const CELL_LEADING: f32 = 1.3;
/// Inner padding of cells, in points.
const CELL_PADDING: f32 = 3.5;
/// Width a cell's text may take beyond its measured width, in points, so
/// that rounding never breaks a word measured to fit.
const WIDTH_SLACK: f32 = 0.05;
/// Digits between two thousands separators: a mark followed by exactly
/// this many digits may separate thousands rather than a fraction.
const THOUSANDS_GROUP: usize = 3;
/// A line width no cell reaches: sets a cell on one line to measure it.
const UNBOUNDED: f32 = 1.0e5;
/// Rule at the table's top, under its header and above its footer:
/// thickness in points and grey level.
const HEAVY_RULE: (f32, u8) = (0.8, 60);
/// Rule under each data row: thickness in points and grey level.
const LIGHT_RULE: (f32, u8) = (0.4, 170);
/// Largest share of the page height a header repeated on a new page may
/// take, so that every page still holds rows.
const MAX_REPEATED_HEADER: f32 = 0.25;

/// What the widths of a column are made of, at one text size.
#[derive(Debug, Clone, Copy, Default)]
struct Column {
    /// Its longest word (its longest number for a numeric column).
    min: f32,
    /// Its longest word or number below the header: header words are the
    /// first broken when a table cannot fit.
    floor: f32,
    /// Its longest cell on one line.
    max: f32,
    /// Whether it holds numbers.
    numeric: bool,
    /// Its numbers' decimal mark: `.` (`1,204.50`) or `,` (`1.204,50`).
    mark: char,
    /// Widest fraction (from the decimal mark on) of its numbers.
    fraction: f32,
    /// Widest integer part of its numbers.
    integer: f32,
}

/// The rows of a table as pieces `measure` wide, its text sized from a
/// `body` size: header rows first, footer rows last; the header repeats on
/// each new page (of `page_height`) unless it would fill too much of it.
pub fn table(
    fonts: &mut FontSet,
    body: f32,
    measure: f32,
    page_height: f32,
    rows: &[Vec<String>],
    header_rows: usize,
    footer_rows: usize,
) -> Vec<Piece> {
    let parts = table_parts(rows, header_rows, footer_rows);
    let (header_rows, footer_rows) = (parts.head.len(), parts.foot.len());
    let count = parts.numeric.len();
    if count == 0 {
        return Vec::new();
    }
    let first_footer = rows.len() - footer_rows;
    let style = |r: usize| {
        if r < header_rows {
            Style::SansBold
        } else {
            Style::Sans
        }
    };
    // Measure at the table's size; widths scale with the size.
    let reference = body * TABLE_SCALE;
    let mut columns: Vec<Column> = parts
        .numeric
        .iter()
        .enumerate()
        .map(|(c, &numeric)| Column {
            numeric,
            mark: decimal_mark(
                rows[header_rows..]
                    .iter()
                    .filter_map(|row| row.get(c))
                    .map(|cell| cell.trim())
                    .filter(|cell| is_number(cell)),
            ),
            ..Column::default()
        })
        .collect();
    let mut fractions = vec![Vec::new(); rows.len()];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let column = &mut columns[c];
            let cell = cell.trim();
            let whole = width(fonts, cell, style(r), reference);
            column.max = column.max.max(whole);
            let mut fraction = 0.0;
            if column.numeric && r >= header_rows && is_number(cell) {
                fraction = width(fonts, decimals(cell, column.mark), style(r), reference);
                column.fraction = column.fraction.max(fraction);
                column.integer = column.integer.max(whole - fraction);
                column.min = column.min.max(whole);
                column.floor = column.floor.max(whole);
            } else {
                for word in cell.split_whitespace() {
                    let word = width(fonts, word, style(r), reference);
                    column.min = column.min.max(word);
                    if r >= header_rows {
                        column.floor = column.floor.max(word);
                    }
                }
            }
            fractions[r].push(fraction);
        }
    }
    for column in &mut columns {
        let aligned = column.integer + column.fraction;
        column.max = column.max.max(aligned);
        column.min = column.min.max(aligned);
        column.floor = column.floor.max(aligned);
    }
    // Too wide: set smaller, down to the floor.
    let padding = 2.0 * CELL_PADDING * count as f32;
    let words: f32 = columns.iter().map(|c| c.min).sum();
    let scale = if words + padding <= measure {
        1.0
    } else {
        ((measure - padding) / words).max(MIN_TABLE_SCALE / TABLE_SCALE)
    };
    let size = reference * scale;
    let widths = distribute(&columns, scale, measure);
    let leading = size * CELL_LEADING;

    let mut pieces = Vec::with_capacity(rows.len());
    for (r, row) in rows.iter().enumerate() {
        let mut draws = Vec::new();
        let mut lines_max = 1usize;
        let mut x = 0.0;
        for (c, (width, column)) in widths.iter().zip(&columns).enumerate() {
            let cell = row.get(c).map_or("", |cell| cell.trim());
            let inner = width - 2.0 * CELL_PADDING;
            let setting = Setting {
                size,
                measure: inner + WIDTH_SLACK,
                justify: false,
                hyphenate: false,
                indent: 0.0,
                center: false,
            };
            let lines = text::set(&[Span::new(cell, style(r))], setting, fonts, None);
            lines_max = lines_max.max(lines.len());
            let single = lines.len() == 1;
            for (i, line) in lines.into_iter().enumerate() {
                // Numbers stand on the column's decimal mark; other cells of
                // a numeric column (its header, words) are flush right.
                let shift = match fractions[r].get(c) {
                    _ if !column.numeric => 0.0,
                    Some(&fraction) if single && r >= header_rows && is_number(cell) => {
                        inner - (column.fraction - fraction) * scale - line.width
                    }
                    _ => inner - line.width,
                };
                let y = CELL_PADDING + i as f32 * leading + baseline(leading, size);
                push_line(&mut draws, line, x + CELL_PADDING, shift.max(0.0), y);
            }
            x += width;
        }
        let height = lines_max as f32 * leading + 2.0 * CELL_PADDING;
        let (thickness, grey) = if r < header_rows {
            HEAVY_RULE
        } else {
            LIGHT_RULE
        };
        draws.push(rule(height - thickness, measure, (thickness, grey)));
        if r == 0 || (r == first_footer && footer_rows > 0) {
            draws.push(rule(0.0, measure, HEAVY_RULE));
        }
        pieces.push(Piece {
            height,
            // A page may end before the table and between data rows, but
            // not inside the header nor right under it.
            break_before: r == 0 || r > header_rows,
            draws,
            ..Piece::default()
        });
    }
    let header_height: f32 = pieces[..header_rows].iter().map(|p| p.height).sum();
    if header_rows > 0
        && header_rows < pieces.len()
        && header_height <= page_height * MAX_REPEATED_HEADER
    {
        let header: Arc<Vec<Piece>> = Arc::new(
            pieces[..header_rows]
                .iter()
                .map(|piece| Piece {
                    break_before: false,
                    ..piece.clone()
                })
                .collect(),
        );
        for piece in &mut pieces[header_rows..] {
            piece.repeat = Some(Arc::clone(&header));
        }
    }
    pieces
}

/// Column widths filling `measure`, with text scaled by `scale`: every
/// column its longest cell and the rest shared in proportion; else every
/// column its longest word and the rest shared by how much more its longest
/// cell needs; else the same with the header's words left to break; else
/// (nothing fits even at the smallest size) the widths shrunk alike.
fn distribute(columns: &[Column], scale: f32, measure: f32) -> Vec<f32> {
    let pad = 2.0 * CELL_PADDING;
    let widths = |of: fn(&Column) -> f32| -> Vec<f32> {
        columns.iter().map(|c| of(c) * scale + pad).collect()
    };
    let (max, min, floor) = (widths(|c| c.max), widths(|c| c.min), widths(|c| c.floor));
    let total = |w: &[f32]| w.iter().sum::<f32>();
    if total(&max) <= measure {
        return max.iter().map(|w| w * measure / total(&max)).collect();
    }
    for (hi, lo) in [(&max, &min), (&min, &floor)] {
        if total(lo) <= measure {
            let spare = measure - total(lo);
            let wanted = (total(hi) - total(lo)).max(f32::EPSILON);
            return lo
                .iter()
                .zip(hi)
                .map(|(lo, hi)| lo + (hi - lo) * spare / wanted)
                .collect();
        }
    }
    floor.iter().map(|w| w * measure / total(&floor)).collect()
}

/// The decimal mark of a column's numbers: the last of `.` and `,` in a
/// number that has both (`1.204,50`), else one followed by other than three
/// digits (`3,5`, `0.25`); `.` when every number leaves it open (`1,204`,
/// where either reading has no fraction to align).
fn decimal_mark<'a>(numbers: impl Iterator<Item = &'a str>) -> char {
    for number in numbers {
        let last = number.rfind(['.', ',']);
        let Some(i) = last else { continue };
        let mark = if number[i..].starts_with('.') {
            '.'
        } else {
            ','
        };
        let other = if mark == '.' { ',' } else { '.' };
        let digits = number[i + 1..]
            .chars()
            .take_while(char::is_ascii_digit)
            .count();
        if number[..i].contains(other) || (digits > 0 && digits != THOUSANDS_GROUP) {
            return mark;
        }
    }
    '.'
}

/// A number's fraction: from its decimal `mark` (followed by a digit) on,
/// or nothing.
fn decimals(number: &str, mark: char) -> &str {
    match number.rfind(mark) {
        Some(i) if number[i + 1..].starts_with(|c: char| c.is_ascii_digit()) => &number[i..],
        _ => "",
    }
}

/// Width of `text` set on one line (its widest line when it has breaks).
fn width(fonts: &mut FontSet, text: &str, style: Style, size: f32) -> f32 {
    if text.is_empty() {
        return 0.0;
    }
    let setting = Setting {
        size,
        measure: UNBOUNDED,
        justify: false,
        hyphenate: false,
        indent: 0.0,
        center: false,
    };
    text::set(&[Span::new(text, style)], setting, fonts, None)
        .iter()
        .map(|line| line.width)
        .fold(0.0, f32::max)
}

/// Draws a cell's line at the cell's left edge `x`, its glyphs moved right
/// by `shift` (so the tag tree still finds the cell by its left edge).
fn push_line(draws: &mut Vec<Draw>, line: SetLine, x: f32, shift: f32, y: f32) {
    for mut string in line.strings {
        string.x += shift;
        draws.push(Draw::Text { x, y, string });
    }
}

/// A rule across the table with its top at `y`.
fn rule(y: f32, measure: f32, (thickness, grey): (f32, u8)) -> Draw {
    Draw::Rect {
        x: 0.0,
        y,
        w: measure,
        h: thickness,
        grey,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(min: f32, max: f32) -> Column {
        Column {
            min,
            max,
            floor: min,
            ..Column::default()
        }
    }

    #[test]
    fn widths_share_the_measure_like_css_automatic_layout() {
        let pad = 2.0 * CELL_PADDING;
        // Every cell fits on one line: widths in proportion to the longest cells.
        let w = distribute(&[column(10.0, 40.0), column(10.0, 20.0)], 1.0, 200.0);
        assert!((w[0] / w[1] - (40.0 + pad) / (20.0 + pad)).abs() < 1e-4);
        // Not all fit: every column keeps its longest word.
        let w = distribute(&[column(30.0, 300.0), column(35.0, 36.0)], 1.0, 120.0);
        assert!(w[1] >= 35.0 + pad);
        assert!((w.iter().sum::<f32>() - 120.0).abs() < 1e-3);
    }

    #[test]
    fn a_number_s_fraction_starts_at_its_decimal_mark() {
        assert_eq!(decimals("1,204.50", '.'), ".50");
        assert_eq!(decimals("1.204,50", ','), ",50");
        assert_eq!(decimals("45%", '.'), "");
        assert_eq!(decimals("12.", '.'), "");
    }

    #[test]
    fn a_column_s_decimal_mark_is_read_from_its_numbers() {
        assert_eq!(decimal_mark(["1.204,50", "3"].into_iter()), ',');
        assert_eq!(decimal_mark(["1,204", "3,5"].into_iter()), ',');
        assert_eq!(decimal_mark(["1,204", "0.25"].into_iter()), '.');
        assert_eq!(decimal_mark(["1,204", "2,000"].into_iter()), '.');
        assert_eq!(decimal_mark(["12", "7"].into_iter()), '.');
    }
}
