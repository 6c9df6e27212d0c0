//! Who speaks: the subject next to a reporting verb, read from the words
//! around a quotation, and the article's cast of people it may refer to.
//!
//! A subject is a name (`Mike Pompeo`, `Kazakhstan’s Foreign Ministry`), a
//! pronoun (`she`) or a role (`the minister`). Names lose their titles;
//! pronouns and roles resolve to the person last named; a surname resolves
//! to the full name seen earlier in the article.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::super::patterns::{
    GROUP_SUBJECTS, NAME_PARTICLES, NOT_NAME_WORDS, ORGANISATION_WORDS, OTHER_PRONOUNS,
    PERSON_PRONOUNS, PERSON_TITLES, REPORTING_PHRASES, REPORTING_VERBS, SPEAKER_MAX_WORDS,
};

/// The long word lists as sets, built once: nearly every word of the text is
/// looked up in them.
static TITLES: LazyLock<HashSet<&str>> = LazyLock::new(|| set(PERSON_TITLES));
static VERBS: LazyLock<HashSet<&str>> = LazyLock::new(|| set(REPORTING_VERBS));
static NOT_NAMES: LazyLock<HashSet<&str>> = LazyLock::new(|| set(NOT_NAME_WORDS));
static ORGANISATIONS: LazyLock<HashSet<&str>> = LazyLock::new(|| set(ORGANISATION_WORDS));

/// A word list as a set.
fn set(words: &[&'static str]) -> HashSet<&'static str> {
    words.iter().copied().collect()
}

/// The subject of a reporting verb, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// A proper name, titles stripped.
    Name(String),
    /// A pronoun standing for the person last named.
    Person,
    /// A role such as `the minister`: its last word, lowercase.
    Role(String),
    /// A subject that names nobody in particular (`officials`, `they`).
    Nobody,
}

/// The speaker named by the words right after a quotation
/// (`, Pompeo told reporters.` / `, said the minister` / `, reads a statement by …`).
pub fn after(text: &str) -> Option<Subject> {
    let words = clause_words(text.trim_start_matches([',', ' ', '—', '–', '-']), false);
    if words.is_empty() {
        return None;
    }
    if let Some(rest) = after_phrase(&words) {
        return subject(rest);
    }
    if is_verb(words[0]) {
        return subject_after_verb(&words[1..]);
    }
    let verb = words
        .iter()
        .take(SPEAKER_MAX_WORDS + 1)
        .position(|w| is_verb(w))?;
    subject_before(&words[..verb]).or_else(|| subject_after_verb(&words[verb + 1..]))
}

/// The speaker named by the words of the sentence before a quotation
/// (`Tokayev said: ` / `According to the ministry, ` / `Smith said the plan was `).
pub fn before(text: &str) -> Option<Subject> {
    let words = clause_words(text, true);
    for (i, w) in words.iter().enumerate().rev() {
        if let Some(n) = phrase_at(&words, i) {
            return subject(&words[i + n..]);
        }
        if is_verb(w) {
            if let Some(found) = subject_before(&words[..i]) {
                return Some(found);
            }
            return subject_after_verb(&words[i + 1..]);
        }
    }
    None
}

/// Words of a clause; `from_end` keeps the last sentence of `text`,
/// otherwise the first. Punctuation stays attached to its word.
fn clause_words(text: &str, from_end: bool) -> Vec<&str> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if from_end {
        let start = words
            .iter()
            .enumerate()
            .rev()
            .find(|(i, w)| *i + 1 < words.len() && ends_sentence(w))
            .map_or(0, |(i, _)| i + 1);
        words[start..].to_vec()
    } else {
        let end = words
            .iter()
            .position(|w| ends_sentence(w))
            .map_or(words.len(), |i| i + 1);
        words[..end].to_vec()
    }
}

/// Whether a word ends a sentence: `.`, `!`, `?` or `;` that is not part of
/// an abbreviation or an initial.
fn ends_sentence(word: &str) -> bool {
    let w = word.trim_end_matches(['”', '"', '’', ')']);
    if w.ends_with(['!', '?', ';']) {
        return true;
    }
    if !w.ends_with('.') {
        return false;
    }
    let core = &w[..w.len() - 1];
    let letters = core.chars().filter(|c| c.is_alphabetic()).count();
    !(letters <= 1
        || core.contains('.')
        || TITLES.contains(w.to_lowercase().as_str())
        || [
            "jr", "sr", "st", "no", "inc", "corp", "co", "vs", "ltd", "gov", "sen", "rep",
        ]
        .contains(&core.to_lowercase().as_str()))
}

fn bare(word: &str) -> String {
    word.trim_matches(|c: char| {
        !c.is_alphanumeric() && c != '.' && c != '-' && c != '’' && c != '\''
    })
    .trim_end_matches('.')
    .to_lowercase()
}

fn is_verb(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphabetic());
    VERBS.contains(w.to_lowercase().as_str())
}

/// The length in words of a reporting phrase starting at `i`, if one does.
fn phrase_at(words: &[&str], i: usize) -> Option<usize> {
    // Called at every word of a clause: the first word is compared once, and
    // only the phrases it starts are compared further.
    let first = bare(words.get(i)?);
    REPORTING_PHRASES.iter().find_map(|p| {
        let mut parts = p.split(' ');
        if parts.next() != Some(first.as_str()) {
            return None;
        }
        let len = p.split(' ').count();
        let fits = len <= words.len() - i && parts.zip(&words[i + 1..]).all(|(a, b)| bare(b) == a);
        fits.then_some(len)
    })
}

/// The words after a reporting phrase that opens the clause, optionally
/// after a verb (`reads a statement by …`, `according to …`).
fn after_phrase<'a>(words: &'a [&'a str]) -> Option<&'a [&'a str]> {
    for start in 0..words.len().min(2) {
        if let Some(n) = phrase_at(words, start)
            && (start == 0 || is_verb(words[0]))
        {
            return Some(&words[start + n..]);
        }
    }
    None
}

/// The subject following an inverted verb: `said Mike Pompeo, the …`,
/// `said the minister`, `a-t-il déclaré`.
fn subject_after_verb(words: &[&str]) -> Option<Subject> {
    let first = words.first()?;
    let lower = bare(first);
    if PERSON_PRONOUNS.contains(&lower.as_str()) {
        return Some(Subject::Person);
    }
    if lower == "the" || lower == "der" || lower == "die" || lower == "le" || lower == "la" {
        return subject(words);
    }
    if starts_capital(first) {
        return subject(words);
    }
    None
}

/// The subject just before a verb; appositives between commas are skipped
/// (`Jane Doe, a spokeswoman for the ministry,` → `Jane Doe`).
fn subject_before(words: &[&str]) -> Option<Subject> {
    if words.is_empty() {
        return None;
    }
    let mut segments: Vec<&[&str]> = Vec::new();
    let mut start = 0;
    for (i, w) in words.iter().enumerate() {
        if w.ends_with(',') {
            segments.push(&words[start..=i]);
            start = i + 1;
        }
    }
    segments.push(&words[start..]);
    for seg in segments.into_iter().rev() {
        let Some(first) = seg.first() else { continue };
        let lower = bare(first);
        if ["a", "an", "who", "which", "whose", "ein", "eine", "qui"].contains(&lower.as_str()) {
            continue;
        }
        let tail = if seg.len() > SPEAKER_MAX_WORDS {
            &seg[seg.len() - SPEAKER_MAX_WORDS..]
        } else {
            seg
        };
        return subject(tail);
    }
    None
}

/// Reads a subject phrase: a pronoun, `the` + role, or a capitalized name.
fn subject(words: &[&str]) -> Option<Subject> {
    let words: Vec<&str> = words
        .iter()
        .copied()
        .skip_while(|w| {
            let b = bare(w);
            b.is_empty()
                || ["but", "and", "then", "so", "also", "und", "et", "mais"].contains(&b.as_str())
        })
        .collect();
    let first = *words.first()?;
    let lower = bare(first);
    if PERSON_PRONOUNS.contains(&lower.as_str()) && words.len() <= 2 {
        return Some(Subject::Person);
    }
    if OTHER_PRONOUNS.contains(&lower.as_str()) && words.len() <= 2 {
        return Some(Subject::Nobody);
    }
    if let Some(name) = name_in(&words) {
        return Some(name);
    }
    // A lowercase noun phrase: a role when definite, nobody otherwise.
    let head = words
        .iter()
        .take_while(|w| !w.ends_with(',') && !ends_sentence(w))
        .chain(words.iter().find(|w| w.ends_with(',') || ends_sentence(w)))
        .take(4)
        .map(|w| bare(w))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>();
    let definite = ["the", "der", "die", "le", "la"].contains(&lower.as_str());
    let noun = head
        .iter()
        .rev()
        .find(|w| {
            ![
                "in", "on", "at", "to", "for", "of", "during", "after", "from", "with",
            ]
            .contains(&w.as_str())
        })
        .cloned();
    match noun {
        Some(n) if definite && !GROUP_SUBJECTS.contains(&n.as_str()) => {
            Some(Subject::Role(role_noun(&head)))
        }
        _ => Some(Subject::Nobody),
    }
}

/// The role word of a definite noun phrase (`the foreign minister` → `minister`).
fn role_noun(head: &[String]) -> String {
    head.iter()
        .skip(1)
        .take_while(|w| {
            !["in", "on", "at", "to", "for", "of", "said", "told"].contains(&w.as_str())
        })
        .last()
        .cloned()
        .unwrap_or_default()
}

fn starts_capital(word: &str) -> bool {
    word.trim_start_matches(['(', '\'', '‘'])
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// The first capitalized name in the words, as a subject: an organisation
/// is kept whole, a person loses possessive prefixes and titles.
fn name_in(words: &[&str]) -> Option<Subject> {
    let run = name_run(words)?;
    Some(Subject::Name(name_from_run(&run)?))
}

/// The first run of capitalized words (with name particles inside).
fn name_run(words: &[&str]) -> Option<Vec<String>> {
    let mut i = 0;
    // A leading article or determiner is allowed before the name.
    while i < words.len()
        && ["the", "der", "die", "das", "le", "la", "les"].contains(&bare(words[i]).as_str())
    {
        i += 1;
    }
    let mut run: Vec<String> = Vec::new();
    while i < words.len() {
        let w = words[i];
        let clean = w.trim_matches(|c: char| {
            matches!(c, ',' | ';' | ':' | '(' | ')' | '"' | '“' | '”' | '!' | '?')
        });
        let clean = if ends_sentence(w) {
            clean.trim_end_matches('.')
        } else {
            clean
        };
        let particle = (NAME_PARTICLES.contains(&clean.to_lowercase().as_str()) || clean == "of")
            && !run.is_empty()
            && words.get(i + 1).is_some_and(|n| starts_capital(n));
        if clean.is_empty() || !(starts_capital(clean) || particle) {
            break;
        }
        if run.is_empty() && NOT_NAMES.contains(clean.to_lowercase().as_str()) {
            return None;
        }
        run.push(clean.to_string());
        if w.ends_with([',', ';', ':', '!', '?', ')']) || ends_sentence(w) {
            break;
        }
        i += 1;
    }
    (!run.is_empty()).then_some(run)
}

fn is_possessive(word: &str) -> bool {
    word.ends_with("’s") || word.ends_with("'s") || word.ends_with("s’") || word.ends_with("s'")
}

/// A name from a run of capitalized words: `Kazakhstan’s Foreign Ministry`
/// stays whole (an organisation); `U.S. Secretary of State Mike Pompeo`
/// becomes `Mike Pompeo`. `None` when only titles remain.
fn name_from_run(run: &[String]) -> Option<String> {
    let last = run.last()?.to_lowercase();
    if ORGANISATIONS.contains(last.as_str()) {
        let start = usize::from(run.len() > 1 && run[0].eq_ignore_ascii_case("the"));
        return Some(run[start..].join(" "));
    }
    let after_possessive = run
        .iter()
        .rposition(|w| is_possessive(w))
        .map_or(0, |i| i + 1);
    let rest = &run[after_possessive..];
    let after_title = rest
        .iter()
        .rposition(|w| TITLES.contains(w.to_lowercase().as_str()))
        .map_or(0, |i| i + 1);
    let name = &rest[after_title..];
    if name.is_empty() {
        return None;
    }
    Some(name.join(" "))
}

/// A person the article has named, with the titles it gave them.
#[derive(Debug, Clone)]
struct Person {
    name: String,
    roles: Vec<String>,
}

/// The people (and organisations) named so far, in order of last mention.
#[derive(Debug, Default)]
pub struct Cast {
    people: Vec<Person>,
    last_person: Option<String>,
}

impl Cast {
    /// Notes the names mentioned in a stretch of narrative text.
    pub fn read(&mut self, text: &str) {
        let words: Vec<&str> = text.split_whitespace().collect();
        let mut i = 0;
        while i < words.len() {
            if !starts_capital(words[i]) {
                i += 1;
                continue;
            }
            let Some(run) = name_run(&words[i..]) else {
                i += 1;
                continue;
            };
            let len = words[i..]
                .iter()
                .position(|w| !run.iter().any(|r| w.contains(r.as_str())))
                .unwrap_or(words.len() - i)
                .max(1);
            let preceded_by_place_word = i > 0
                && ["in", "at", "from", "to", "of", "into", "across", "near"]
                    .contains(&bare(words[i - 1]).as_str());
            self.mention(&run, preceded_by_place_word);
            i += len;
        }
    }

    fn mention(&mut self, run: &[String], after_place_word: bool) {
        let last = run.last().map(|w| w.to_lowercase()).unwrap_or_default();
        if ORGANISATIONS.contains(last.as_str()) {
            return;
        }
        let roles: Vec<String> = run
            .iter()
            .filter(|w| TITLES.contains(w.to_lowercase().as_str()))
            .map(|w| w.to_lowercase())
            .filter(|w| {
                ![
                    "of", "for", "the", "u.s.", "us", "uk", "u.k.", "u.n.", "un", "eu",
                ]
                .contains(&w.as_str())
            })
            .collect();
        let Some(name) = name_from_run(run) else {
            return;
        };
        let tokens = name.split(' ').count();
        if let Some(full) = self.expand(&name) {
            self.touch(&full, &roles);
            return;
        }
        let titled = !roles.is_empty();
        if titled || ((2..=4).contains(&tokens) && !after_place_word) {
            self.touch(&name, &roles);
        }
    }

    fn touch(&mut self, name: &str, roles: &[String]) {
        let mut person = match self.people.iter().position(|p| p.name == name) {
            Some(i) => self.people.remove(i),
            None => Person {
                name: name.to_string(),
                roles: Vec::new(),
            },
        };
        for r in roles {
            if !person.roles.contains(r) {
                person.roles.push(r.clone());
            }
        }
        self.people.push(person);
        self.last_person = Some(name.to_string());
    }

    /// The full name a shorter name stands for (`Pompeo` → `Mike Pompeo`),
    /// the most recently mentioned first.
    fn expand(&self, name: &str) -> Option<String> {
        if let Some(p) = self.people.iter().rev().find(|p| p.name == name) {
            return Some(p.name.clone());
        }
        // A name whose last words are these: it ends with a space and them.
        self.people
            .iter()
            .rev()
            .find(|p| {
                p.name
                    .strip_suffix(name)
                    .is_some_and(|head| head.ends_with(' '))
            })
            .map(|p| p.name.clone())
    }

    /// Resolves a subject to a speaker's name and notes it as the person
    /// last named.
    pub fn resolve(&mut self, subject: &Subject) -> Option<String> {
        match subject {
            Subject::Name(name) => {
                let full = self.expand(name).unwrap_or_else(|| name.clone());
                let last = full.rsplit(' ').next().unwrap_or_default().to_lowercase();
                if !ORGANISATIONS.contains(last.as_str()) {
                    self.touch(&full, &[]);
                }
                Some(full)
            }
            Subject::Person => self.last_person.clone(),
            Subject::Role(role) => {
                if let Some(p) = self.people.iter().rev().find(|p| p.roles.contains(role)) {
                    return Some(p.name.clone());
                }
                if TITLES.contains(role.as_str()) {
                    return self.last_person.clone();
                }
                None
            }
            Subject::Nobody => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str) -> Option<Subject> {
        Some(Subject::Name(s.to_string()))
    }

    #[test]
    fn subjects_after_a_quotation() {
        assert_eq!(after(", Pompeo told reporters. More"), name("Pompeo"));
        assert_eq!(after(" she said."), Some(Subject::Person));
        assert_eq!(
            after(", said Mike Pompeo, the secretary"),
            name("Mike Pompeo")
        );
        assert_eq!(
            after(", the minister said."),
            Some(Subject::Role("minister".into()))
        );
        assert_eq!(
            after(" reads a statement by Kazakhstan’s Foreign Ministry released in mid-2019."),
            name("Kazakhstan’s Foreign Ministry")
        );
        assert_eq!(
            after(", Jane Doe, a spokeswoman for the agency, said on Monday."),
            name("Jane Doe")
        );
        assert_eq!(
            after(" Prime Minister Justin Trudeau said."),
            name("Justin Trudeau")
        );
        assert_eq!(after(" in these camps."), None);
    }

    #[test]
    fn subjects_before_a_quotation() {
        assert_eq!(before("Tokayev said: "), name("Tokayev"));
        assert_eq!(
            before("Earlier it rained. U.S. Secretary of State Mike Pompeo said: "),
            name("Mike Pompeo")
        );
        assert_eq!(
            before("But U.S. government officials say they received, "),
            Some(Subject::Nobody)
        );
        assert_eq!(
            before("Der Minister sagte: "),
            Some(Subject::Role("minister".into()))
        );
    }

    #[test]
    fn cast_resolves_surnames_pronouns_and_roles() {
        let mut cast = Cast::default();
        cast.read("Kazakhstan’s President Kassym-Jomart Tokayev believes things.");
        assert_eq!(
            cast.resolve(&Subject::Name("Tokayev".into())).as_deref(),
            Some("Kassym-Jomart Tokayev")
        );
        cast.read("Foreign Minister Mukhtar Tleuberdi met him.");
        assert_eq!(
            cast.resolve(&Subject::Person).as_deref(),
            Some("Mukhtar Tleuberdi")
        );
        assert_eq!(
            cast.resolve(&Subject::Role("president".into())).as_deref(),
            Some("Kassym-Jomart Tokayev")
        );
    }
}
