//! Quotation marks in one paragraph: which marks open, which close, and the
//! stretches of text between them.
//!
//! Every language's double marks are recognized (see
//! [`QUOTE_MARKS`](super::super::patterns::QUOTE_MARKS)); single marks are
//! not, since they nest inside double ones and double as apostrophes. A mark
//! left open at the end of the paragraph yields an unclosed span: the
//! quotation may run on into the next paragraph.

use std::sync::LazyLock;

use super::super::patterns::QUOTE_MARKS;

/// One quoted stretch of a paragraph, as byte offsets into its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Offset of the opening mark.
    pub open: usize,
    /// Offset of the first byte inside the marks.
    pub start: usize,
    /// Offset just past the quoted text (the closing mark, or the end).
    pub end: usize,
    /// Offset just past the closing mark (the text's length when unclosed).
    pub after: usize,
    /// Whether a closing mark was found.
    pub closed: bool,
}

/// The quoted stretches of `text`, in order.
pub fn spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize, &[char])> = None;
    let leads = &*MARK_LEADS;
    let bytes = text.as_bytes();
    let mut next = 0;
    while next < bytes.len() {
        let i = next;
        if !leads[usize::from(bytes[i])] {
            next += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or_default();
        next = i + c.len_utf8();
        if let Some((at, start, closers)) = open {
            if closers.contains(&c) && closes(text, i, c) {
                out.push(Span {
                    open: at,
                    start,
                    end: i,
                    after: next,
                    closed: true,
                });
                open = None;
                continue;
            }
            if c == text[at..].chars().next().unwrap_or(c) && c != '"' && opens(text, i, c) {
                // The same opening mark again before any closing one: the
                // first was stray (a lost closing mark); start over here.
                open = closers_of(c).map(|cl| (i, next, cl));
            }
            continue;
        }
        if let Some(closers) = closers_of(c)
            && opens(text, i, c)
        {
            open = Some((i, next, closers));
        }
    }
    if let Some((at, start, _)) = open
        && text[start..].trim().chars().any(char::is_alphanumeric)
    {
        out.push(Span {
            open: at,
            start,
            end: text.len(),
            after: text.len(),
            closed: false,
        });
    }
    out
}

/// The first bytes of the marks (opening and closing): a character
/// starting with any other byte is no mark and is passed over undecoded.
static MARK_LEADS: LazyLock<[bool; 256]> = LazyLock::new(|| {
    let mut leads = [false; 256];
    for (opener, closers) in QUOTE_MARKS {
        for c in std::iter::once(opener).chain(closers.iter()) {
            let mut utf8 = [0; 4];
            leads[usize::from(c.encode_utf8(&mut utf8).as_bytes()[0])] = true;
        }
    }
    leads
});

/// Whether the text, after leading white space, begins with an opening mark.
pub fn starts_with_opening(text: &str) -> bool {
    let t = text.trim_start();
    t.chars()
        .next()
        .is_some_and(|c| closers_of(c).is_some() && opens(t, 0, c))
}

fn closers_of(c: char) -> Option<&'static [char]> {
    QUOTE_MARKS
        .iter()
        .find(|(opener, _)| *opener == c)
        .map(|(_, closers)| *closers)
}

/// An opening mark is followed by text, not by white space; `»` opens only
/// in the German order `»…«`, which needs a `«` later on.
fn opens(text: &str, i: usize, c: char) -> bool {
    let rest = &text[i + c.len_utf8()..];
    let Some(next) = rest.chars().next() else {
        return false;
    };
    if next.is_whitespace() && c != '«' {
        return false;
    }
    match c {
        '»' => rest.contains('«') && !text[..i].contains('«'),
        '"' => text[..i]
            .chars()
            .next_back()
            .is_none_or(|p| !p.is_alphanumeric()),
        _ => true,
    }
}

/// A closing mark follows text; a straight `"` closes only after a non-space.
fn closes(text: &str, i: usize, c: char) -> bool {
    match c {
        '"' | '”' | '“' => text[..i]
            .chars()
            .next_back()
            .is_some_and(|p| !p.is_whitespace()),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<&str> {
        spans(text)
            .iter()
            .map(|s| text[s.start..s.end].trim())
            .collect()
    }

    #[test]
    fn english_curly_marks() {
        assert_eq!(inner("“A, b,” she said. “C.”"), vec!["A, b,", "C."]);
    }

    #[test]
    fn german_french_and_straight_marks() {
        assert_eq!(inner("Er sagte: „Das ist gut.“ Dann"), vec!["Das ist gut."]);
        assert_eq!(inner("Il a dit : « C’est fini. »"), vec!["C’est fini."]);
        assert_eq!(inner("Er sagte: »Das ist gut.« Dann"), vec!["Das ist gut."]);
        assert_eq!(inner("He said \"no way,\" and left."), vec!["no way,"]);
    }

    #[test]
    fn single_marks_stay_inside_double_ones() {
        assert_eq!(
            inner("“He told me ‘never again’ and left,” she said."),
            vec!["He told me ‘never again’ and left,"]
        );
    }

    #[test]
    fn an_open_mark_runs_to_the_end() {
        let s = spans("“First paragraph of a long quote.");
        assert_eq!(s.len(), 1);
        assert!(!s[0].closed);
        assert!(starts_with_opening("  “Second paragraph.”"));
    }
}
