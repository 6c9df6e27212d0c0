//! Names are names, headlines are headlines, run as a user would: a page
//! goes in on standard input, its article JSON comes out. A byline names
//! people only — never a place, a job title, a picture or agency credit, a
//! platform or a label phrase, in any of the languages we read — and keeps
//! every co-author; a kicker printed above the headline is the `kicker`,
//! not part of the headline; soft hyphens leave the text; `rel="tag"` links
//! are the tags; a page dated nowhere else is dated by the day its text
//! writes most.

mod support;

use serde_json::Value;
use support::galley;

/// Three paragraphs of body text, so that every page is an article.
const BODY: &str = "<p>The council met on a wet evening and agreed on the plan for the harbour after a long debate.</p>\
    <p>Residents who had waited for years welcomed the decision, though some asked about the cost of the works.</p>\
    <p>Work is to start in the spring and to end before the next summer season, the council said.</p>";

/// The article JSON of a page whose header holds `header` above the body.
fn article(head: &str, header: &str) -> Value {
    let page = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">{head}</head><body>\
         <article><header>{header}</header>{BODY}</article></body></html>"
    );
    let out = galley()
        .args(["convert", "-", "--to", "json", "-o", "-"])
        .write_stdin(page)
        .output()
        .expect("galley runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("article JSON")
}

/// The byline galley reads from a page whose header prints `line` in a
/// byline element under the headline.
fn byline_of(line: &str) -> Value {
    article(
        "<title>Harbour plan agreed</title>",
        &format!("<h1>Harbour plan agreed</h1><p class=\"byline\">{line}</p>"),
    )["byline"]
        .clone()
}

#[test]
fn a_byline_is_never_a_label_phrase_in_any_language() {
    for label in [
        "About the author",
        "Über den Autor",
        "À propos de l'auteur",
        "Sobre el autor",
        "Informazioni sull'autore",
        "Over de auteur",
        "O autorze",
    ] {
        assert_eq!(byline_of(label), Value::Null, "{label}");
    }
}

#[test]
fn a_byline_is_never_a_credit_or_a_platform() {
    for credit in [
        "Photo: Jane Doe / Reuters",
        "Foto: Max Mustermann / dpa",
        "Crédit : AFP",
        "Credit: Getty Images",
        "Facebook",
        "WhatsApp",
    ] {
        assert_eq!(byline_of(credit), Value::Null, "{credit}");
    }
}

#[test]
fn a_byline_is_never_a_job_title_nor_a_place_printed_in_capitals() {
    for role in [
        "Sports desk trainee",
        "Online-Redakteurin",
        "Volontär",
        "Rédactrice",
        "MEDELLÍN",
        "MÜNCHEN",
    ] {
        assert_eq!(byline_of(role), Value::Null, "{role}");
    }
}

#[test]
fn a_name_loses_the_role_and_place_around_it() {
    assert_eq!(byline_of("By Jane Doe, Online editor"), "Jane Doe");
    assert_eq!(byline_of("Von Jürgen Schmidt<br>Berlin"), "Jürgen Schmidt");
    assert_eq!(byline_of("GILLIAN MOHNEY"), "GILLIAN MOHNEY");
}

#[test]
fn every_co_author_is_kept() {
    let a = article(
        "<title>Harbour plan agreed</title>",
        "<h1>Harbour plan agreed</h1><p class=\"byline\">By Ana Silva, Tom Berg and Lea Koch</p>",
    );
    assert_eq!(
        a["authors"],
        serde_json::json!(["Ana Silva", "Tom Berg", "Lea Koch"])
    );
}

#[test]
fn a_kicker_above_the_headline_is_the_kicker() {
    let a = article(
        "<title>Bohren, bis es heiß wird</title>",
        "<p class=\"article-kicker\">Klimaschutz</p><h1>Bohren, bis es heiß wird</h1>",
    );
    assert_eq!(a["kicker"], "Klimaschutz");
    assert_eq!(a["headline"], "Bohren, bis es heiß wird");
}

#[test]
fn a_kicker_inside_the_headline_is_cut_without_a_stray_colon() {
    let a = article(
        "<meta property=\"og:title\" content=\"Klimaschutz: Bohren, bis es heiß wird\">",
        "<h1><span class=\"kicker\">Klimaschutz</span><span class=\"visually-hidden\">: </span>\
         <span class=\"headline\">Bohren, bis es heiß wird</span></h1>",
    );
    assert_eq!(a["kicker"], "Klimaschutz");
    assert_eq!(a["headline"], "Bohren, bis es heiß wird");
}

#[test]
fn a_page_without_a_kicker_has_none() {
    let a = article(
        "<title>Harbour plan agreed</title>",
        "<h1>Harbour plan agreed</h1>",
    );
    assert_eq!(a["kicker"], Value::Null);
}

#[test]
fn soft_hyphens_leave_every_text_field() {
    let a = article(
        "<title>Bundes\u{ad}tag stimmt zu</title>",
        "<h1>Bundes\u{ad}tag stimmt zu</h1><p class=\"byline\">Von Mat\u{ad}thi\u{ad}as Lauerer</p>",
    );
    assert_eq!(a["headline"], "Bundestag stimmt zu");
    assert_eq!(a["byline"], "Matthias Lauerer");
    assert!(!a.to_string().contains('\u{ad}'));
}

#[test]
fn rel_tag_links_are_the_tags() {
    let a = article(
        "<title>Harbour plan agreed</title>",
        "<h1>Harbour plan agreed</h1><p>Topics: <a href=\"/tag/harbour\" rel=\"tag\">Harbour</a>, \
         <a href=\"/tag/council\" rel=\"category tag\">Council</a></p>",
    );
    assert_eq!(a["tags"], serde_json::json!(["Harbour", "Council"]));
}

#[test]
fn a_page_dated_nowhere_else_takes_the_day_its_text_writes_most() {
    let a = article(
        "<title>Harbour plan agreed</title>",
        "<h1>Harbour plan agreed</h1><p>Council minutes, 12 March 2021</p>\
         <p>Agenda of 12 March 2021</p><p>Next meeting: 3 April 2021</p>",
    );
    assert_eq!(a["published"], "2021-03-12");
}
