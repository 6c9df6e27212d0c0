//! Direct quotations in the body and who said them.
//!
//! Runs after normalization, in four steps: find the quoted stretches of
//! every paragraph ([`marks`]), join a quotation that runs over several
//! paragraphs, keep the ones that are speech (not titles, nicknames, scare
//! quotes or short phrases), and name the speaker from the reporting clause
//! around each ([`speaker`]). A quotation without its own attribution that
//! continues an attributed one keeps that speaker; an unknown speaker is
//! `None`.

mod marks;
mod speaker;

use rustc_hash::FxHashSet;

use super::normalize::{fold_words, split_words};
use super::patterns::{
    BARE_SENTENCE_MIN_WORDS, CHAIN_BREAK_MIN_WORDS, HYPOTHETICAL_CUES, NAMING_CUES,
    PARTIAL_QUOTE_MIN_WORDS, SENTENCE_MAX_WORDS, TITLE_MAX_WORDS,
};
use crate::model::{Block, Quote};
use marks::Span;
use speaker::Cast;

/// Every direct quotation in the blocks, with its speaker when the text names one.
pub fn find(blocks: &[Block]) -> Vec<Quote> {
    let texts: Vec<Option<&str>> = blocks.iter().map(quotable_text).collect();
    let spans: Vec<Vec<Span>> = texts
        .iter()
        .map(|t| t.map(marks::spans).unwrap_or_default())
        .collect();
    // Narrative is read for names only while quotations follow it.
    let Some(last_quoted) = spans.iter().rposition(|s| !s.is_empty()) else {
        return Vec::new();
    };
    let mut cast = Cast::new(speaker::capitalizes_nouns(texts.iter().flatten().copied()));
    let mut out: Vec<Quote> = Vec::new();
    // The quotations found so far, folded, to recognize a repeat.
    let mut folded: FxHashSet<String> = FxHashSet::default();
    // The speaker of the last quotation in the previous paragraph, for a
    // paragraph that is only a quotation continuing it.
    let mut previous_speaker: Option<Option<String>> = None;
    // Paragraphs already consumed as the continuation of a quotation.
    let mut consumed_until = 0;
    for (b, text) in texts.iter().enumerate() {
        let Some(text) = *text else {
            previous_speaker = None;
            continue;
        };
        let mut pos = 0;
        let mut block_speaker: Option<Option<String>> = None;
        let skip_first = b < consumed_until;
        for (k, span) in spans[b].iter().enumerate() {
            if skip_first && k == 0 {
                pos = span.after;
                continue;
            }
            cast.read(&text[pos..span.open]);
            let (quote_text, last_block, last_span) = gather(&texts, &spans, b, *span);
            let after_text = next_text(&texts, &spans, last_block, last_span);
            let before_text = &text[sentence_start(text, 0, span.open)..span.open];
            let words = split_words(&quote_text).count();
            // `“… charter.” In fact, China had maintained …` starts a new
            // sentence: no attribution after the quotation.
            let new_sentence = quote_text.ends_with('.')
                && after_text
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
            let subject = (!new_sentence)
                .then(|| speaker::after(after_text))
                .flatten()
                .or_else(|| speaker::before(before_text));
            let attributed = subject.is_some();
            let subject = subject.filter(|s| !cast.doubts(s));
            if !is_speech(
                &quote_text,
                words,
                before_text,
                after_text,
                attributed,
                k == 0 && text[..span.open].trim().is_empty(),
            ) {
                pos = span.after;
                continue;
            }
            let opens_block = text[..span.open].trim().is_empty();
            let name = match &subject {
                Some(s) => cast.resolve(s),
                None => match (&block_speaker, &previous_speaker) {
                    (Some(s), _) => s.clone(),
                    (None, Some(s)) if opens_block => s.clone(),
                    _ => {
                        // The sentence before names the speaker
                        // (`…, ergänzt Eliane Steinmeyer. „Die Preise …“`), or
                        // the quotation is the person last named's.
                        let lead = &text[pos.min(span.open)..span.open];
                        match speaker::before(lead).filter(|s| !cast.doubts(s)) {
                            Some(s) if before_text.trim().is_empty() => cast.resolve(&s),
                            _ if starts_sentence(&quote_text) => cast.last_person(),
                            // A partial quotation inside a sentence is its
                            // subject's (`Mr. Warner called the bill “…”`).
                            _ => speaker::opener(before_text)
                                .filter(|s| !cast.doubts(s))
                                .and_then(|s| cast.resolve(&s)),
                        }
                    }
                },
            };
            if subject.is_some() || name.is_some() {
                block_speaker = Some(name.clone());
            }
            let key = fold_words(&quote_text);
            if !folded.insert(key) {
                // The same quotation again (a pull quote, a repeated lead).
                pos = span.after;
                continue;
            }
            out.push(Quote {
                text: quote_text,
                speaker: name,
                block: b,
            });
            if last_block > b {
                consumed_until = last_block + 1;
            }
            pos = span.after;
            if last_block > b {
                break;
            }
        }
        if b < last_quoted {
            cast.read(&text[pos.min(text.len())..]);
        }
        if block_speaker.is_some() {
            previous_speaker = block_speaker;
        } else if spans[b].is_empty() && split_words(text).nth(CHAIN_BREAK_MIN_WORDS).is_some() {
            // Narrative without quotations breaks the chain of a speaker;
            // a caption or a subheading between two paragraphs does not.
            previous_speaker = None;
        }
    }
    out
}

/// The text a block's quotations are looked for in: paragraphs, list items
/// and block quotes, not headings, captions or code.
fn quotable_text(block: &Block) -> Option<&str> {
    match block {
        Block::Paragraph { text, .. } | Block::Quote { text, .. } | Block::List { text, .. } => {
            Some(text)
        }
        _ => None,
    }
}

/// The quotation starting at `span` in block `b`, joined with the
/// paragraphs it runs on into; returns its text and where it ends.
fn gather(
    texts: &[Option<&str>],
    spans: &[Vec<Span>],
    b: usize,
    span: Span,
) -> (String, usize, Span) {
    let text = texts[b].unwrap_or_default();
    let mut parts = vec![text[span.start..span.end].trim().to_string()];
    let (mut last_block, mut last_span) = (b, span);
    while !last_span.closed {
        let next = last_block + 1;
        let Some(Some(next_text)) = texts.get(next) else {
            break;
        };
        if !marks::starts_with_opening(next_text) {
            break;
        }
        let Some(first) = spans[next].first() else {
            break;
        };
        parts.push(next_text[first.start..first.end].trim().to_string());
        last_block = next;
        last_span = *first;
    }
    let joined = parts.join(" ");
    let trimmed = joined.trim().trim_end_matches([',', ' ']).trim();
    (trimmed.to_string(), last_block, last_span)
}

/// The narrative right after a quotation, up to the next one in its paragraph.
fn next_text<'a>(texts: &[Option<&'a str>], spans: &[Vec<Span>], b: usize, span: Span) -> &'a str {
    let text = texts[b].unwrap_or_default();
    // The spans are in the order of their marks.
    let spans = &spans[b];
    let end = spans
        .get(spans.partition_point(|s| s.open < span.after))
        .map_or(text.len(), |s| s.open);
    &text[span.after.min(end)..end]
}

/// Where the sentence holding the opening mark at `open` starts, not before
/// `from` nor more than [`SENTENCE_MAX_WORDS`] words before the mark.
fn sentence_start(text: &str, from: usize, open: usize) -> usize {
    let from = from.min(open);
    let head = &text[from..open];
    // The last ". " / "! " / "? " boundary before the mark that is not an
    // abbreviation starts the sentence: found from the end.
    let mut words = head.split_whitespace().rev().enumerate();
    for (n, w) in words.by_ref() {
        let at = from + (w.as_ptr() as usize - head.as_ptr() as usize);
        if speaker::ends_sentence(w) {
            return at + w.len();
        }
        if n + 1 == SENTENCE_MAX_WORDS {
            return at;
        }
    }
    from
}

/// Whether a quoted stretch is speech: attributed or sentence-like, and not
/// a title, nickname, term or scare quote.
fn is_speech(
    text: &str,
    words: usize,
    before: &str,
    after: &str,
    attributed: bool,
    opens_block: bool,
) -> bool {
    // `«42/2023).»`: a number between marks is no speech.
    if words == 0 || !text.chars().any(char::is_alphabetic) {
        return false;
    }
    let cue = before.split_whitespace().next_back().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
            .to_lowercase()
    });
    if cue.is_some_and(|c| NAMING_CUES.contains(&c.as_str())) {
        return false;
    }
    let lead = before
        .trim_end()
        .trim_end_matches([',', ':'])
        .to_lowercase();
    if HYPOTHETICAL_CUES.iter().any(|c| lead.ends_with(c)) {
        return false;
    }
    let first = text.chars().find(|c| !matches!(c, '(' | '[' | '‘' | '\''));
    let sentence_like =
        first.is_some_and(|c| c.is_uppercase() || c.is_numeric() || matches!(c, '…' | '.'));
    // A nickname inside a name: Dwayne “The Rock” Johnson.
    let name_before = before
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(char::is_alphabetic)
        && before
            .split_whitespace()
            .next_back()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    let name_after = after
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
        && !after.starts_with(' ')
        || after.starts_with(' ')
            && after
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            && name_before;
    if name_before && name_after && words <= 3 {
        return false;
    }
    let ends_punct = text.trim_end().ends_with(['.', '!', '?', '…', ',']);
    if sentence_like {
        if looks_like_title(text, words) && !(attributed && ends_punct) {
            return false;
        }
        return attributed || ends_punct || words >= BARE_SENTENCE_MIN_WORDS || opens_block;
    }
    words >= PARTIAL_QUOTE_MIN_WORDS
}

/// Whether a quotation begins as a sentence (not a fragment).
fn starts_sentence(text: &str) -> bool {
    text.chars()
        .find(|c| !matches!(c, '(' | '[' | '‘' | '\''))
        .is_some_and(|c| c.is_uppercase() || c.is_numeric() || matches!(c, '…' | '.'))
}

/// A title of a work or a name: every significant word capitalized, no
/// sentence punctuation inside.
fn looks_like_title(text: &str, words: usize) -> bool {
    if !(2..=TITLE_MAX_WORDS).contains(&words) {
        return words == 1;
    }
    let body = text.trim_end_matches(['.', ',', '!', '?']);
    if body.contains(['.', '!', '?', ';']) {
        return false;
    }
    let mut significant = body
        .split_whitespace()
        .filter(|w| w.chars().count() > 3)
        .peekable();
    significant.peek().is_some()
        && significant.all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(paragraphs: &[&str]) -> Vec<(String, Option<String>, usize)> {
        let blocks: Vec<Block> = paragraphs.iter().map(|p| Block::paragraph(*p)).collect();
        find(&blocks)
            .into_iter()
            .map(|q| (q.text, q.speaker, q.block))
            .collect()
    }

    fn speakers(paragraphs: &[&str]) -> Vec<Option<String>> {
        quotes(paragraphs).into_iter().map(|q| q.1).collect()
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn a_sentence_is_read_back_to_its_start_or_a_bounded_number_of_words() {
        let text = "He left. Then the mayor said \"no\"";
        let open = text.find('"').unwrap();
        assert_eq!(
            &text[sentence_start(text, 0, open)..open],
            " Then the mayor said "
        );
        // A paragraph without a sentence mark is read back no further than
        // the bound, from the start of a word.
        let long = format!("{}\"no\"", "word ".repeat(SENTENCE_MAX_WORDS + 50));
        let open = long.find('"').unwrap();
        let back = &long[sentence_start(&long, 0, open)..open];
        assert_eq!(back, "word ".repeat(SENTENCE_MAX_WORDS));
        let short = format!("{}\"no\"", "word ".repeat(SENTENCE_MAX_WORDS - 1));
        let open = short.find('"').unwrap();
        assert_eq!(sentence_start(&short, 0, open), 0);
    }

    #[test]
    fn a_quotation_given_again_is_kept_once() {
        let q = "“We will build the bridge next year, whatever it costs,” the mayor said.";
        assert_eq!(quotes(&[q, "The council met.", q]).len(), 1);
    }

    #[test]
    fn an_organisation_is_what_it_said() {
        assert_eq!(
            speakers(&[
                "Verizon Wireless is closing down its app store by January 2013, it said in a notice on its developer community portal.",
                "The Verizon Apps store, launched in March 2010, has been overtaken by popular online app stores from tech companies like Google, and Research in Motion. Verizon said it was closing the app store as most of the apps available through Verizon Apps can also be found in other stores, including the Verizon tab of Google Play. \"Closing Verizon Apps simplifies your purchasing and downloading experience, while continuing to allow us to help developers get their apps to you quickly and efficiently,\" it said in a FAQ document for users.",
            ]),
            vec![some("Verizon")]
        );
        // A person named as the subject is no organisation.
        assert_eq!(
            speakers(&["John Smith said the plan would fail. \"It is dead,\" it said.",]),
            vec![None]
        );
    }

    #[test]
    fn a_name_in_what_was_reported_is_not_the_speaker() {
        assert_eq!(
            speakers(&[
                "Subramanian Swamy said Rahul Gandhi later sold his shares. The Janata Party leader said Young Indian filed statements. \"This is illegal,\" he said.",
            ]),
            vec![some("Subramanian Swamy")]
        );
    }

    #[test]
    fn attribution_after_the_quotation() {
        let q = quotes(&[
            "U.S. Secretary of State Mike Pompeo on Sunday called on Kazakhstan to act.",
            "“The United States urges all countries to join us in pressing for an immediate end to this repression,” Pompeo told reporters. “We ask simply for them to provide safe refuge and asylum to those seeking to flee China. Protect human dignity, just do what’s right.”",
        ]);
        assert_eq!(q.len(), 2);
        assert_eq!(
            q[0].0,
            "The United States urges all countries to join us in pressing for an immediate end to this repression"
        );
        assert_eq!(q[0].1, some("Mike Pompeo"));
        assert_eq!(
            q[1].1,
            some("Mike Pompeo"),
            "a continuation keeps its speaker"
        );
        assert_eq!(q[1].2, 1);
    }

    #[test]
    fn attribution_before_the_quotation() {
        assert_eq!(
            speakers(&["Tokayev said: “Time will tell how negotiations will end.”"]),
            vec![some("Tokayev")]
        );
    }

    #[test]
    fn statement_by_an_organisation() {
        assert_eq!(
            speakers(&[
                "“The exact number of ethnic Kazakhs is unknown,” reads a statement by Kazakhstan’s Foreign Ministry released in mid-2019. “Kazakhstan has no right to intervene.”"
            ]),
            vec![
                some("Kazakhstan’s Foreign Ministry"),
                some("Kazakhstan’s Foreign Ministry")
            ]
        );
    }

    #[test]
    fn interrupted_quotation_and_pronoun() {
        assert_eq!(
            speakers(&[
                "Health Minister Jane Roe visited the hospital.",
                "“It is a hard day,” she said. “But we will recover.”",
            ]),
            vec![some("Jane Roe"), some("Jane Roe")]
        );
    }

    #[test]
    fn role_resolves_to_the_person_last_named() {
        assert_eq!(
            speakers(&[
                "Kazakh Foreign Minister Mukhtar Tleuberdi met Mike Pompeo.",
                "“We discussed many things today,” the minister said.",
            ]),
            vec![some("Mukhtar Tleuberdi")]
        );
    }

    #[test]
    fn titles_are_stripped() {
        assert_eq!(
            speakers(&["“We will do what is needed,” Prime Minister Justin Trudeau said."]),
            vec![some("Justin Trudeau")]
        );
        assert_eq!(
            speakers(&[
                "U.S. Secretary of State Mike Pompeo said: “We ask simply for safe refuge.”"
            ]),
            vec![some("Mike Pompeo")]
        );
    }

    #[test]
    fn quotation_over_several_paragraphs() {
        let q = quotes(&[
            "“The first part of a long statement goes here.",
            "“And the second part ends it,” said Anna Berg.",
        ]);
        assert_eq!(q.len(), 1);
        assert_eq!(
            q[0].0,
            "The first part of a long statement goes here. And the second part ends it"
        );
        assert_eq!(q[0].1, some("Anna Berg"));
        assert_eq!(q[0].2, 0);
    }

    #[test]
    fn continuation_paragraph_keeps_the_speaker() {
        assert_eq!(
            speakers(&[
                "“One thing is clear,” Anna Berg said.",
                "“Another thing is not clear at all.”"
            ]),
            vec![some("Anna Berg"), some("Anna Berg")]
        );
    }

    #[test]
    fn single_quotes_inside_double_ones() {
        let q = quotes(&["“He told me ‘never again’ and then he left,” said Anna Berg."]);
        assert_eq!(q[0].0, "He told me ‘never again’ and then he left");
    }

    #[test]
    fn other_languages_and_straight_marks() {
        assert_eq!(
            speakers(&["„Wir werden das schaffen“, sagte Angela Merkel am Montag."]),
            vec![some("Angela Merkel")]
        );
        assert_eq!(
            speakers(&["« Nous allons gagner », a déclaré Emmanuel Macron."]),
            vec![some("Emmanuel Macron")]
        );
        assert_eq!(
            speakers(&["\"We are done here,\" said Anna Berg."]),
            vec![some("Anna Berg")]
        );
    }

    #[test]
    fn not_speech_is_left_out() {
        assert!(
            quotes(&[
                "Muslims are held in so-called “vocational training centers” to learn skills."
            ])
            .is_empty()
        );
        assert!(quotes(&["She starred in “The Lord of the Rings” last year."]).is_empty());
        assert!(quotes(&["Dwayne “The Rock” Johnson arrived."]).is_empty());
        assert!(quotes(&["The bill called for “targeted sanctions” on China."]).is_empty());
    }

    #[test]
    fn capitalized_nouns_are_no_speakers_in_german() {
        assert_eq!(
            speakers(&[
                "„Wir haben einen gewaltigen Auftragseingang“, sagte Konzernchef Robert Machtlinger am Dienstag vor Journalisten. Die Nachfrage der Airlines sei hoch und der Markt wachse.",
                "Bis 2042 würden laut Marktprognosen weltweit 40.850 Flugzeuge ausgeliefert. „Das sind die Cashcows, das ist die Butter aufs Brot.“",
                "„Es ist im Grunde wie eine invasive Spezies“, so Machtlinger.",
                "„Die Lieferantenketten werden sich nachhaltig verändern“, sagte der Konzernchef von FACC mit Blick auf Europa.",
            ]),
            vec![
                some("Robert Machtlinger"),
                some("Robert Machtlinger"),
                some("Robert Machtlinger"),
                some("Robert Machtlinger")
            ]
        );
    }

    #[test]
    fn organisation_by_its_initials() {
        assert_eq!(
            speakers(&[
                "In a setback to Subramanian Swamy, the Election Commission on Tuesday rejected his plea.",
                "“The Commission does not have anything to do with newspaper reports,” the EC told Swamy.",
            ]),
            vec![some("Election Commission")]
        );
    }

    #[test]
    fn role_before_a_full_name_and_an_addressee_after_the_verb() {
        assert_eq!(
            speakers(&[
                "“This will be the first president with that stance,” investment banker Anthony Scaramucci said on the BBC, according to the New York Times."
            ]),
            vec![some("Anthony Scaramucci")]
        );
        assert_eq!(
            speakers(&[
                "El periodista Hugo Bustos asegura que no mostró todo el material.",
                "“Yo le diría que un 89 o 90% de esos vehículos los tienen policías”, dijo a la red Erbol.",
            ]),
            vec![some("Hugo Bustos")]
        );
    }

    #[test]
    fn point_of_view_joined_titles_and_a_named_thing() {
        assert_eq!(
            speakers(&[
                "“Colombia tiene 170 municipios identificados como PDET”, dijo Sergio Fajardo.",
                "Para Ingrid Betancourt la solución está en la voluntad política “para darles protección en el momento en que están amenazados”.",
            ]),
            vec![some("Sergio Fajardo"), some("Ingrid Betancourt")]
        );
        assert_eq!(
            speakers(&["“People want great maps,” said Nokia President and CEO Stephen Elop."]),
            vec![some("Stephen Elop")]
        );
        assert_eq!(
            speakers(&[
                "Jordan Mittelman is obsessed with cycling, a passion he has harnessed to launch a business.",
                "Mr Mittelman knew his High Street store, Bicycle Space, could only succeed by offering more.",
                "“People can find all the products we sell online,” he says.",
            ]),
            vec![some("Jordan Mittelman")]
        );
    }

    #[test]
    fn unknown_speaker_is_none() {
        let q = quotes(&[
            "But officials say they received “reports of deaths, forced labor, torture and other cruel treatment” in these camps.",
        ]);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].1, None);
    }
    #[test]
    fn seed_article() {
        let q = quotes(&[
            "None",
            "During his visit to the capital of Kazakhstan, Pompeo also met with the families of ethnic Kazakh-Chinese minorities who are among the detained or who have been sent to so-called internment camps in Xinjiang, officially known as the Xinjiang Uygur Autonomous Region.",
            "U.S. Secretary of State Mike Pompeo on Sunday called on Kazakhstan to put pressure on Beijing over its treatment of Muslims in Xinjiang, saying officials in Nur-Sultan may provide assistance to those seeking asylum in Kazakhstan.",
            "“The United States urges all countries to join us in pressing for an immediate end to this repression,” Pompeo told reporters. “We ask simply for them to provide safe refuge and asylum to those seeking to flee China. Protect human dignity, just do what’s right.”",
            "Pompeo made the comments after a meeting with Kazakhstan’s foreign minister, Mukhtar Tleuberdi, in Nur-Sultan and ahead of a ministerial meeting with the foreign ministers from the five Central Asian states – namely Turkmenistan, Kyrgyzstan, Uzbekistan, Kazakhstan, and Tajikistan – dubbed the C5+1.",
            "During his visit to the capital of Kazakhstan, Pompeo also met with the families of ethnic Kazakh-Chinese minorities who are among the detained or who have been sent to so-called internment camps in Xinjiang, officially known as the Xinjiang Uygur Autonomous Region.",
            "“Grateful to Kazakhstan for not forcibly returning members of Muslim minority groups to an uncertain fate in China and protecting those who seek asylum,” Pompeo wrote on his Twitter account.",
            "At the same time, the government of Kazakhstan made no comment on the issue.",
            "According to data compiled by the United Nations, the Chinese government has detained at least one million ethnic Uyghurs and other Muslims in so-called “vocational training centers” to stamp out extremism and provide people with new skills. But U.S. government officials say they received, “reports of deaths, forced labor, torture, and other cruel, inhumane, or degrading treatment” in these camps.",
            "U.S. Deputy Secretary of State John Sullivan said late last year the Chinese government forced detainees to renounce their ethnic identities as well as their culture and religion.",
            "According to the 2000 census, there were roughly 1.5 million ethnic Kazakhs living in China. Ethnic Kazakhs are considered the second largest Turkic-speaking group in Xinjiang after the Uyghurs.",
            "Since 2017, ethnic Kazakhs living in Xinjiang have been complaining about harassment by the Chinese authorities, “for having a relationship with Kazakhstan.” At the same time, they said they and their relatives have been sent to camps where they are exposed to communist propaganda and are forced to learn Chinese.",
            "“The exact number of ethnic Kazakhs who are [kept] in vocational training centers is unknown, since those held in these centers are citizens of China,” reads a statement by Kazakhstan’s Foreign Ministry released in mid-2019. “Kazakhstan has no right to intervene in the problems of ethnic Kazakhs who are Chinese citizens.”",
            "In December, the U.S. House of Representatives adopted a bill that called for “targeted sanctions” on the Chinese government, to counter what the House calls the “arbitrary detention, torture, and harassment” of ethnic Uyghurs in China. The bill prompted an angry reaction from Beijing. It awaits approval by the Senate, and – if passed – the signature of U.S. President Donald Trump.",
            "Meanwhile, Kazakhstan’s President Kassym-Jomart Tokayev believes international human rights organizations are fueling the fire regarding ethnic Kazakhs living in China.",
            "“Many of reports issued by international human rights organizations are untrue. Anyway, there is some deliberate escalation around the issue related to ethnic Kazakhs,” Tokayev said in an interview with Deutsche Welle late last year. He said Washington’s allegations against Beijing come amid the trade war between the two countries.",
            "“Time will tell how negotiations will end and whether sanctions against China will be lifted. But Kazakhstan should not become the territory of the so-called global anti-Chinese front,” Tokayev added.",
            "Connections between Kazakhstan and China run deep. The land border between Kazakhstan and China runs for 1,782 km (1,107 mi). After almost 29 years of Kazakhstani independence from the USSR, China has invested $20 billion in what is Central Asia’s largest economy. China is considered Kazakhstan’s second-largest trade partner, just behind Russia, as trade between the two countries totaled $9.2 billion in the first eight months of 2019.",
            "China, in turn, sees the world’s ninth largest country, in terms of landmass, as a gateway to western markets. In 2015, the two sides agreed to link Kazakhstan’s railways to China’s Belt and Road Initiative, incorporating the capital city, Nur-Sultan, into the global mega-logistics project.",
        ]);
        let got: Vec<(&str, Option<&str>)> = q
            .iter()
            .map(|(t, s, _)| (&t[..t.len().min(20)], s.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("The United States ur", Some("Mike Pompeo")),
                ("We ask simply for th", Some("Mike Pompeo")),
                ("Grateful to Kazakhst", Some("Mike Pompeo")),
                ("reports of deaths, f", Some("U.S. government officials")),
                (
                    "The exact number of ",
                    Some("Kazakhstan’s Foreign Ministry")
                ),
                (
                    "Kazakhstan has no ri",
                    Some("Kazakhstan’s Foreign Ministry")
                ),
                ("Many of reports issu", Some("Kassym-Jomart Tokayev")),
                ("Time will tell how n", Some("Kassym-Jomart Tokayev")),
            ]
        );
    }
}
