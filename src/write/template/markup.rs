//! What may reach an HTML or XML output: text escaped (characters XML 1.0
//! cannot hold dropped), and link targets limited to `http`, `https` and
//! `mailto` with the characters a URL may not hold percent-encoded.

use std::fmt::Write as _;

/// ASCII characters a URL may not hold as written; they are percent-encoded.
const URL_UNSAFE: &[char] = &[' ', '"', '<', '>', '\\', '^', '`', '{', '|', '}', '[', ']'];

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

/// The link target an output may carry, or `None` for any other scheme
/// (`javascript:`, `data:`, relative paths, in-page anchors) or a URL with
/// no valid host or with credentials (`http://user@host`).
pub fn clean_href(raw: &str) -> Option<String> {
    let url = raw.trim();
    let (scheme, rest) = url.split_once(':')?;
    match scheme.to_ascii_lowercase().as_str() {
        "http" | "https" => {
            let authority = rest.strip_prefix("//")?.split(['/', '?', '#']).next()?;
            let (host, port) = authority.split_once(':').unwrap_or((authority, ""));
            let host_ok = !host.is_empty()
                && host
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
            if !host_ok || !port.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
        }
        "mailto" if !rest.trim().is_empty() => {}
        _ => return None,
    }
    Some(percent_encode_unsafe(url))
}

/// Percent-encodes what a URL may not hold: the [`URL_UNSAFE`] characters,
/// control characters, a `%` that starts no escape, and a second `#`.
fn percent_encode_unsafe(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    let mut seen_hash = false;
    let bytes = url.as_bytes();
    for (i, c) in url.char_indices() {
        let starts_escape = || {
            bytes.len() > i + 2
                && bytes[i + 1].is_ascii_hexdigit()
                && bytes[i + 2].is_ascii_hexdigit()
        };
        let encode = match c {
            '#' => std::mem::replace(&mut seen_hash, true),
            '%' => !starts_escape(),
            c => URL_UNSAFE.contains(&c) || c.is_control(),
        };
        if encode {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        } else {
            out.push(c);
        }
    }
    out
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

    #[test]
    fn only_web_and_mail_links_are_kept() {
        assert_eq!(clean_href("javascript:alert(1)"), None);
        assert_eq!(clean_href("data:text/html,<script>"), None);
        assert_eq!(clean_href("/relative/path"), None);
        assert_eq!(clean_href("#anchor"), None);
        assert_eq!(clean_href("https://"), None);
        assert_eq!(clean_href("http://exa mple.org/"), None);
        assert_eq!(clean_href("http://someone@example.org/"), None);
        assert_eq!(
            clean_href(" https://example.org/a b?q=[1]#x#y ").as_deref(),
            Some("https://example.org/a%20b?q=%5B1%5D#x%23y")
        );
        assert_eq!(
            clean_href("https://example.org/100%").as_deref(),
            Some("https://example.org/100%25")
        );
        assert_eq!(
            clean_href("mailto:a@example.org").as_deref(),
            Some("mailto:a@example.org")
        );
    }
}
