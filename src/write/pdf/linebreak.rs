//! Line breaking: the Knuth–Plass total-fit algorithm over boxes, glue and
//! penalties, as in TeX. It chooses the breaks of a whole paragraph at once,
//! minimising the sum of squared badness (how far each line's spaces stretch
//! or shrink) plus the costs of hyphens, so spacing stays even across lines.
//!
//! Passes with growing tolerance are tried; if a paragraph cannot be set
//! within any (a long unbreakable word on a narrow page), a first-fit pass
//! sets it anyway, letting that one line run over. No more than
//! [`MAX_HYPHENS_IN_ROW`] lines in a row end with a hyphen: the search keeps
//! the best chain for each count of hyphens in a row, so the limit holds
//! without losing the best paragraph that respects it; only a paragraph
//! that cannot be set otherwise (the last pass) may break it.

/// Space that may stretch without limit (ends paragraphs, forced breaks).
pub const FILL: f32 = 1.0e6;
/// A penalty that forbids a break.
pub const FORBID: f32 = 10_000.0;
/// A penalty that forces a break.
pub const FORCE: f32 = -10_000.0;

/// Stretch ratio a line may reach in the first pass (badness ≈ 340).
const FIRST_PASS_RATIO: f32 = 1.5;
/// Stretch ratio of the second pass (badness ≈ 1560): looser, yet it caps
/// the worst line well below the last pass's, where a narrow measure leaves
/// the first pass without a solution.
const SECOND_PASS_RATIO: f32 = 2.5;
/// Stretch ratio of the third pass.
const THIRD_PASS_RATIO: f32 = 4.0;
/// Stretch ratio a line may reach in the last pass, before giving up: a
/// narrow measure with a long word that has no hyphenation point may need
/// one very loose line, which still reads better than a paragraph set ragged
/// in a justified page.
const LAST_PASS_RATIO: f32 = 8.0;
/// The passes, each a tolerance and the hyphenated lines allowed in a row:
/// growing tolerance, then, rather than a ragged first-fit paragraph, the
/// last tolerance with hyphens in a row unlimited.
const PASSES: [(f32, u8); 5] = [
    (FIRST_PASS_RATIO, MAX_HYPHENS_IN_ROW),
    (SECOND_PASS_RATIO, MAX_HYPHENS_IN_ROW),
    (THIRD_PASS_RATIO, MAX_HYPHENS_IN_ROW),
    (LAST_PASS_RATIO, MAX_HYPHENS_IN_ROW),
    (LAST_PASS_RATIO, u8::MAX),
];
/// Demerits every line costs, so fewer lines are preferred (TeX's `\linepenalty`).
const LINE_PENALTY: f32 = 10.0;
/// Most lines in a row that may end with a hyphen: a ladder of three or more
/// hyphens down the right edge is the mark of careless setting.
pub const MAX_HYPHENS_IN_ROW: u8 = 2;
/// Extra demerits for two hyphenated lines in a row (TeX's `\doublehyphendemerits`).
const DOUBLE_HYPHEN_DEMERITS: f32 = 3000.0;
/// Extra demerits when the last full line ends with a hyphen (`\finalhyphendemerits`).
const FINAL_HYPHEN_DEMERITS: f32 = 5000.0;
/// Extra demerits for a tight line next to a loose one (`\adjdemerits`).
const ADJACENT_FITNESS_DEMERITS: f32 = 3000.0;

/// One element of a paragraph, with what to draw for it (`T`).
#[derive(Debug, Clone)]
pub enum Item<T> {
    /// Material of fixed width: a word or part of one.
    Box {
        /// Width in points.
        width: f32,
        /// What it shows.
        content: T,
    },
    /// A space that may stretch and shrink; a possible break when it follows a box.
    Glue {
        /// Natural width.
        width: f32,
        /// How much it may grow.
        stretch: f32,
        /// How much it may shrink.
        shrink: f32,
        /// What it shows (a space glyph), if anything.
        content: Option<T>,
    },
    /// A possible break with a cost; `width` is added when the break is taken
    /// (the hyphen), and `flagged` marks hyphen breaks.
    Penalty {
        /// Width added at the end of the line if broken here.
        width: f32,
        /// Cost of breaking here (`FORBID` .. `FORCE`).
        cost: f32,
        /// Whether this is a hyphenation point.
        flagged: bool,
        /// What to draw at the end of the line if broken here.
        content: Option<T>,
    },
}

impl<T> Item<T> {
    fn width(&self) -> f32 {
        match self {
            Item::Box { width, .. } | Item::Glue { width, .. } | Item::Penalty { width, .. } => {
                *width
            }
        }
    }

    fn is_box(&self) -> bool {
        matches!(self, Item::Box { .. })
    }

    fn is_forced(&self) -> bool {
        matches!(self, Item::Penalty { cost, .. } if *cost <= FORCE)
    }
}

/// Ends a paragraph or a forced line: drops trailing glue, then adds
/// infinitely stretchable glue and a forced break.
pub fn end_paragraph<T>(items: &mut Vec<Item<T>>) {
    while matches!(items.last(), Some(Item::Glue { .. })) {
        items.pop();
    }
    items.push(Item::Glue {
        width: 0.0,
        stretch: FILL,
        shrink: 0.0,
        content: None,
    });
    items.push(Item::Penalty {
        width: 0.0,
        cost: FORCE,
        flagged: false,
        content: None,
    });
}

/// A line chosen by the breaker: items `start..end` (the break item `end`
/// itself is a glue, dropped, or a penalty, drawn if flagged) and the ratio
/// by which its glue stretches (> 0) or shrinks (< 0).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Line {
    /// First item of the line.
    pub start: usize,
    /// The break item ending the line.
    pub end: usize,
    /// Glue adjustment ratio.
    pub ratio: f32,
}

/// How lines are set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mode {
    /// Spaces stretch so both edges align.
    Justified,
    /// Spaces keep their width; the breaker still balances the ragged edge,
    /// treating this much missing width as fully stretched.
    Ragged(f32),
}

#[derive(Debug, Clone, Copy)]
struct Node {
    position: usize,
    line: usize,
    fitness: u8,
    width: f32,
    stretch: f32,
    shrink: f32,
    demerits: f32,
    flagged: bool,
    /// Lines in a row, up to this one, that end with a hyphen.
    hyphens: u8,
    ratio: f32,
    previous: Option<usize>,
}

/// Breaks `items` into lines of `measure` points.
pub fn break_lines<T>(items: &[Item<T>], measure: f32, mode: Mode) -> Vec<Line> {
    if items.is_empty() {
        return Vec::new();
    }
    for (max_ratio, max_hyphens) in PASSES {
        if let Some(lines) = total_fit(items, measure, mode, max_ratio, max_hyphens) {
            return lines;
        }
    }
    first_fit(items, measure)
}

/// The adjustment ratio of a line of natural width `width` with the given
/// stretch and shrink.
fn ratio(width: f32, stretch: f32, shrink: f32, measure: f32, mode: Mode) -> f32 {
    let stretch = match mode {
        Mode::Ragged(allowance) if stretch < FILL => allowance,
        _ => stretch,
    };
    let shrink = if matches!(mode, Mode::Ragged(_)) {
        0.0
    } else {
        shrink
    };
    if width < measure {
        if stretch > 0.0 {
            (measure - width) / stretch
        } else {
            f32::INFINITY
        }
    } else if width > measure {
        if shrink > 0.0 {
            (measure - width) / shrink
        } else {
            f32::NEG_INFINITY
        }
    } else {
        0.0
    }
}

fn fitness_class(r: f32) -> u8 {
    if r < -0.5 {
        0
    } else if r <= 0.5 {
        1
    } else if r <= 1.0 {
        2
    } else {
        3
    }
}

/// The widths, stretch and shrink of the items so far.
#[derive(Debug, Clone, Copy, Default)]
struct Sums {
    width: f32,
    stretch: f32,
    shrink: f32,
}

impl Sums {
    /// Counts an item that stays inside a line: a box's width, or a glue's
    /// width, stretch and shrink (a penalty counts only when broken at).
    fn add<T>(&mut self, item: &Item<T>) {
        match item {
            Item::Box { width, .. } => self.width += width,
            Item::Glue {
                width,
                stretch,
                shrink,
                ..
            } => {
                self.width += width;
                self.stretch += stretch;
                self.shrink += shrink;
            }
            Item::Penalty { .. } => {}
        }
    }
}

/// A place a line may end: its penalty cost, whether it is a hyphen, and
/// the width it adds to the line.
#[derive(Debug, Clone, Copy)]
struct Breakpoint {
    cost: f32,
    flagged: bool,
    extra: f32,
}

/// The breakpoint at item `i`: a glue right after a box, or a penalty that
/// does not forbid breaking.
fn breakpoint<T>(items: &[Item<T>], i: usize) -> Option<Breakpoint> {
    match &items[i] {
        Item::Box { .. } => None,
        Item::Glue { .. } => (i > 0 && items[i - 1].is_box()).then_some(Breakpoint {
            cost: 0.0,
            flagged: false,
            extra: 0.0,
        }),
        Item::Penalty {
            width,
            cost,
            flagged,
            ..
        } => (*cost < FORBID).then_some(Breakpoint {
            cost: *cost,
            flagged: *flagged,
            extra: *width,
        }),
    }
}

/// The cheapest way to reach a breakpoint in each fitness class and for
/// each count of hyphenated lines in a row ending there (0 ..=
/// [`MAX_HYPHENS_IN_ROW`], and one slot for more in the last pass): total demerits, the node the line starts from,
/// and its ratio.
type Best = [[Option<(f32, usize, f32)>; MAX_HYPHENS_IN_ROW as usize + 2]; 4];

/// The search state: every node found, the active ones (where a line may
/// still start) and the sums of the items read.
struct Search {
    nodes: Vec<Node>,
    active: Vec<usize>,
    sums: Sums,
}

/// The Knuth–Plass search at one tolerance: every feasible breakpoint
/// becomes a node, and the cheapest chain of nodes to the end gives the
/// lines; `None` when no chain stays within `max_ratio`.
fn total_fit<T>(
    items: &[Item<T>],
    measure: f32,
    mode: Mode,
    max_ratio: f32,
    max_hyphens: u8,
) -> Option<Vec<Line>> {
    let mut search = Search {
        nodes: vec![Node {
            position: 0,
            line: 0,
            fitness: 1,
            width: 0.0,
            stretch: 0.0,
            shrink: 0.0,
            demerits: 0.0,
            flagged: false,
            hyphens: 0,
            ratio: 0.0,
            previous: None,
        }],
        active: vec![0],
        sums: Sums::default(),
    };
    for (i, item) in items.iter().enumerate() {
        let Some(point) = breakpoint(items, i) else {
            search.sums.add(item);
            continue;
        };
        let best = search.best_lines_to(point, measure, mode, (max_ratio, max_hyphens));
        if best.iter().flatten().any(Option::is_some) {
            let after = sums_after_break(items, i, search.sums);
            search.add_nodes(&best, i, point.flagged, after);
        }
        if search.active.is_empty() {
            return None;
        }
        search.sums.add(item);
    }
    search.lines(items, max_ratio)
}

impl Search {
    /// Tries every active node as the start of a line ending at `point`:
    /// drops the nodes no later line can start from, and returns the
    /// cheapest feasible line in each fitness class.
    fn best_lines_to(
        &mut self,
        point: Breakpoint,
        measure: f32,
        mode: Mode,
        (max_ratio, max_hyphens): (f32, u8),
    ) -> Best {
        let Breakpoint { cost, extra, .. } = point;
        let sums = self.sums;
        let mut best: Best = [[None; MAX_HYPHENS_IN_ROW as usize + 2]; 4];
        let mut still_active = Vec::with_capacity(self.active.len());
        for &a in &self.active {
            let node = self.nodes[a];
            let width = sums.width - node.width + extra;
            let r = ratio(
                width,
                sums.stretch - node.stretch,
                sums.shrink - node.shrink,
                measure,
                mode,
            );
            if r >= -1.0 && cost > FORCE {
                still_active.push(a);
            }
            let hyphens = if point.flagged {
                node.hyphens.saturating_add(1).min(MAX_HYPHENS_IN_ROW + 1)
            } else {
                0
            };
            if r < -1.0 || r > max_ratio || hyphens > max_hyphens {
                continue;
            }
            let fitness = fitness_class(r);
            let total = node.demerits + demerits(r, fitness, point, &node);
            let slot = &mut best[fitness as usize][hyphens as usize];
            if slot.is_none_or(|(d, _, _)| total < d) {
                *slot = Some((total, a, r));
            }
        }
        self.active = still_active;
        best
    }

    /// Records the best lines to the breakpoint at `position` as new active
    /// nodes, starting the next line with the sums `after` the break.
    fn add_nodes(&mut self, best: &Best, position: usize, flagged: bool, after: Sums) {
        for (fitness, by_hyphens) in best.iter().enumerate() {
            for (hyphens, candidate) in by_hyphens.iter().enumerate() {
                if let Some((demerits, from, r)) = *candidate {
                    self.nodes.push(Node {
                        position,
                        line: self.nodes[from].line + 1,
                        fitness: fitness as u8,
                        width: after.width,
                        stretch: after.stretch,
                        shrink: after.shrink,
                        demerits,
                        flagged,
                        hyphens: hyphens as u8,
                        ratio: r,
                        previous: Some(from),
                    });
                    self.active.push(self.nodes.len() - 1);
                }
            }
        }
    }

    /// The lines of the cheapest chain of nodes that ends the paragraph.
    fn lines<T>(&self, items: &[Item<T>], max_ratio: f32) -> Option<Vec<Line>> {
        let nodes = &self.nodes;
        let last = items.len() - 1;
        let end = self
            .active
            .iter()
            .copied()
            .filter(|&a| nodes[a].position == last)
            .min_by(|&a, &b| nodes[a].demerits.total_cmp(&nodes[b].demerits))?;
        let mut breaks = Vec::new();
        let mut cursor = Some(end);
        while let Some(n) = cursor {
            if nodes[n].previous.is_some() {
                breaks.push(n);
            }
            cursor = nodes[n].previous;
        }
        breaks.reverse();
        let mut lines = Vec::with_capacity(breaks.len());
        let mut start = 0;
        for n in breaks {
            let node = nodes[n];
            lines.push(Line {
                start,
                end: node.position,
                ratio: node.ratio.min(max_ratio),
            });
            start = after_break(items, node.position);
        }
        Some(lines)
    }
}

/// The demerits of one line of ratio `r` and `fitness` class ending at
/// `point` and starting after `node`, as TeX counts them.
fn demerits(r: f32, fitness: u8, point: Breakpoint, node: &Node) -> f32 {
    let cost = point.cost;
    let badness = 100.0 * r.abs().powi(3);
    let mut demerits = (LINE_PENALTY + badness).powi(2);
    if cost > 0.0 {
        demerits += cost * cost;
    } else if cost > FORCE {
        demerits -= cost * cost;
    }
    if point.flagged && node.flagged {
        demerits += DOUBLE_HYPHEN_DEMERITS;
    }
    if cost <= FORCE && node.flagged {
        demerits += FINAL_HYPHEN_DEMERITS;
    }
    if fitness.abs_diff(node.fitness) > 1 {
        demerits += ADJACENT_FITNESS_DEMERITS;
    }
    demerits
}

/// The sums a line starting after a break at `position` counts from: the
/// discardable items that follow the break (glue, penalties up to the next
/// forced one) are skipped.
fn sums_after_break<T>(items: &[Item<T>], position: usize, mut sums: Sums) -> Sums {
    for (offset, next) in items[position..].iter().enumerate() {
        match next {
            Item::Box { .. } => break,
            Item::Glue { .. } => sums.add(next),
            Item::Penalty { .. } if next.is_forced() && offset > 0 => break,
            Item::Penalty { .. } => {}
        }
    }
    sums
}

/// The first item of the line that follows a break at `position`.
fn after_break<T>(items: &[Item<T>], position: usize) -> usize {
    let mut i = position + 1;
    while i < items.len() && !items[i].is_box() && !items[i].is_forced() {
        i += 1;
    }
    i
}

/// Fills each line as far as it goes; used only when total fit fails.
fn first_fit<T>(items: &[Item<T>], measure: f32) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    while start < items.len() {
        let mut width = 0.0;
        let mut last_break: Option<usize> = None;
        let mut end = items.len() - 1;
        let mut i = start;
        while i < items.len() {
            let item = &items[i];
            let can_break = match item {
                Item::Glue { .. } => i > start && items[i - 1].is_box(),
                Item::Penalty { cost, .. } => *cost < FORBID,
                Item::Box { .. } => false,
            };
            if can_break {
                let extra = if let Item::Penalty { width, .. } = item {
                    *width
                } else {
                    0.0
                };
                if width + extra > measure && last_break.is_some() {
                    end = last_break.unwrap_or(i);
                    break;
                }
                if item.is_forced() {
                    end = i;
                    break;
                }
                last_break = Some(i);
            }
            if !matches!(item, Item::Penalty { .. }) {
                width += item.width();
            }
            i += 1;
        }
        if i >= items.len() {
            end = items.len() - 1;
        }
        lines.push(Line {
            start,
            end,
            ratio: 0.0,
        });
        start = after_break(items, end);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An inter-word space of width 1.
    fn space() -> Item<()> {
        Item::Glue {
            width: 1.0,
            stretch: 0.5,
            shrink: 0.33,
            content: None,
        }
    }

    fn words(text: &str) -> Vec<Item<()>> {
        let mut items = Vec::new();
        for (i, word) in text.split(' ').enumerate() {
            if i > 0 {
                items.push(space());
            }
            items.push(Item::Box {
                width: word.len() as f32,
                content: (),
            });
        }
        end_paragraph(&mut items);
        items
    }

    #[test]
    fn lines_fit_the_measure_and_cover_every_item() {
        let items = words("the quick brown fox jumps over the lazy dog and keeps running far away");
        let lines = break_lines(&items, 20.0, Mode::Justified);
        assert!(lines.len() >= 3);
        assert_eq!(lines[0].start, 0);
        assert_eq!(lines.last().map(|l| l.end), Some(items.len() - 1));
        for line in &lines[..lines.len() - 1] {
            assert!(line.ratio >= -1.0 && line.ratio <= LAST_PASS_RATIO);
        }
    }

    /// Words of two hyphenatable halves, so that nearly every line could end
    /// with a hyphen.
    fn hyphenatable(count: usize) -> Vec<Item<()>> {
        let mut items = Vec::new();
        for i in 0..count {
            if i > 0 {
                items.push(space());
            }
            let half = 2.0 + (i % 3) as f32;
            items.push(Item::Box {
                width: half,
                content: (),
            });
            items.push(Item::Penalty {
                width: 0.5,
                cost: 50.0,
                flagged: true,
                content: None,
            });
            items.push(Item::Box {
                width: half + 1.0,
                content: (),
            });
        }
        end_paragraph(&mut items);
        items
    }

    #[test]
    fn no_more_than_two_lines_in_a_row_end_with_a_hyphen() {
        let items = hyphenatable(200);
        let mut hyphenated = 0;
        for measure in 12..40 {
            let lines = break_lines(&items, measure as f32, Mode::Justified);
            let ends: Vec<bool> = lines
                .iter()
                .map(|l| matches!(items[l.end], Item::Penalty { flagged: true, .. }))
                .collect();
            hyphenated += ends.iter().filter(|&&e| e).count();
            assert!(
                !ends.windows(3).any(|w| w.iter().all(|&e| e)),
                "three hyphens in a row at measure {measure}"
            );
        }
        assert!(hyphenated > 100, "the paragraphs hyphenate ({hyphenated})");
    }

    #[test]
    fn an_overlong_word_still_gets_a_line() {
        let items = words("a incomprehensibilities b");
        let lines = break_lines(&items, 10.0, Mode::Justified);
        assert!(!lines.is_empty());
        assert_eq!(lines.last().map(|l| l.end), Some(items.len() - 1));
    }
}
