//! What may reach an HTML or XML output: text escaped, characters XML 1.0
//! cannot hold dropped. Link targets follow the one URL policy
//! ([`crate::sanitize::url::web_link`]).

/// Escapes text for HTML or XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    escape_into(&mut out, text);
    out
}

/// Appends `text` escaped to `out`.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
}

/// Whether XML 1.0 (and so the HTML checker) accepts the character.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r')
        || !(c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' || ('\u{7F}'..='\u{9F}').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_invalid_characters_dropped() {
        assert_eq!(
            escape("<script>'&\"\u{1}\u{85}"),
            "&lt;script&gt;&#39;&amp;&quot;"
        );
    }
}
