//! The writers' warnings about one input, gathered so that each cause is
//! said once, naming the formats it affects: a remote image left out of
//! the EPUB, the PDF and the HTML is one line,
//! `remote image https://x/y.jpg left out, never fetched (epub, pdf, html)`;
//! several images left out for one cause, of the same formats, are one line
//! too.

use std::collections::HashMap;

use crate::write::{Cause, Warning, describe};

/// What the writers warned about for one input, in the order first met.
#[derive(Debug, Default)]
pub struct Gathered {
    /// Each warning once, with the formats that gave it.
    found: Vec<(Warning, Vec<&'static str>)>,
    /// Where each warning is in `found`.
    index: HashMap<Warning, usize>,
}

impl Gathered {
    /// Adds what the writer of `format` warned about.
    pub fn add(&mut self, format: &'static str, warnings: Vec<Warning>) {
        for warning in warnings {
            let at = *self.index.entry(warning.clone()).or_insert_with(|| {
                self.found.push((warning, Vec::new()));
                self.found.len() - 1
            });
            let formats = &mut self.found[at].1;
            if !formats.contains(&format) {
                formats.push(format);
            }
        }
    }

    /// Adds another's warnings after these (an archive's next record).
    pub fn append(&mut self, other: Gathered) {
        for (warning, formats) in other.found {
            for format in formats {
                self.add(format, vec![warning.clone()]);
            }
        }
    }

    /// One line per cause and set of formats, in the order first met.
    pub fn lines(&self) -> Vec<String> {
        let mut groups: Vec<(Cause, &[&'static str], Vec<&str>)> = Vec::new();
        for (warning, formats) in &self.found {
            let subject = warning.subject.as_deref();
            match groups
                .iter_mut()
                .find(|(cause, f, _)| *cause == warning.cause && *f == formats.as_slice())
            {
                Some((_, _, subjects)) => subjects.extend(subject),
                None => groups.push((warning.cause, formats, subject.into_iter().collect())),
            }
        }
        groups
            .into_iter()
            .map(|(cause, formats, subjects)| {
                format!("{} ({})", describe(cause, &subjects), formats.join(", "))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cause_is_said_once_with_the_formats_it_affects() {
        let remote = |src: &str| Warning::new(Cause::RemoteImage, src);
        let mut gathered = Gathered::default();
        gathered.add("epub", vec![remote("https://x/a.jpg")]);
        gathered.add("pdf", vec![remote("https://x/a.jpg")]);
        gathered.add(
            "html",
            vec![remote("https://x/lead.jpg"), remote("https://x/a.jpg")],
        );
        gathered.add("html", vec![remote("https://x/b.jpg")]);
        assert_eq!(
            gathered.lines(),
            [
                "remote image https://x/a.jpg left out, never fetched (epub, pdf, html)",
                "2 remote images left out, never fetched: https://x/lead.jpg, https://x/b.jpg (html)",
            ]
        );
    }
}
