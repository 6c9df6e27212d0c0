//! The one URL policy: which link targets, image sources and page addresses
//! an article may carry. The article sanitizer applies it to every article
//! whatever reader made it; the writers of HTML and XML call [`web_link`]
//! for the percent-encoded form of a link they print.

use std::fmt::Write as _;

/// ASCII characters a URL may not hold as written; they are percent-encoded.
const URL_UNSAFE: &[char] = &[' ', '"', '<', '>', '\\', '^', '`', '{', '|', '}', '[', ']'];

/// A link target an article may carry, trimmed: `http(s)://` with a valid
/// host and no credentials (`https://bank.example@evil.example` hides its
/// host), `mailto:` with an address, or an in-page `#anchor`. Anything else
/// (`javascript:`, `data:`, `vbscript:`, relative paths) is refused.
pub fn link(href: &str) -> Option<&str> {
    let href = href.trim();
    if let Some(anchor) = href.strip_prefix('#') {
        return (!anchor.is_empty()).then_some(href);
    }
    let (scheme, rest) = href.split_once(':')?;
    match scheme.to_ascii_lowercase().as_str() {
        "http" | "https" => web_authority_ok(rest).then_some(href),
        "mailto" => (!rest.trim().is_empty()).then_some(href),
        _ => None,
    }
}

/// A link target as an HTML or XML output writes it: [`link`] without in-page
/// anchors (the page's anchors are not part of the output), with the
/// characters a URL may not hold percent-encoded.
pub fn web_link(href: &str) -> Option<String> {
    link(href)
        .filter(|h| !h.starts_with('#'))
        .map(percent_encode_unsafe)
}

/// The page's own address: `http(s)://` with a valid host, trimmed.
pub fn page_url(url: &str) -> Option<&str> {
    link(url).filter(|u| u.get(..4).is_some_and(|s| s.eq_ignore_ascii_case("http")))
}

/// An image source an article may carry, trimmed: a web address (also
/// scheme-relative `//host/…`), a `data:image/…` URI, an MHTML `cid:` part,
/// or a path relative to the page. Other schemes (`javascript:`, `file:`,
/// `data:text/html`) are refused.
pub fn image_source(src: &str) -> Option<&str> {
    let src = src.trim();
    if src.is_empty() {
        return None;
    }
    if src.starts_with("//") {
        return web_authority_ok(src).then_some(src);
    }
    let Some((scheme, rest)) = src.split_once(':').filter(|(s, _)| is_scheme(s)) else {
        return Some(src); // a relative path
    };
    match scheme.to_ascii_lowercase().as_str() {
        "http" | "https" => web_authority_ok(rest).then_some(src),
        "data" => rest
            .get(..6)
            .is_some_and(|t| t.eq_ignore_ascii_case("image/"))
            .then_some(src),
        "cid" => Some(src),
        _ => None,
    }
}

/// Whether text before a colon is a URL scheme (a letter, then letters,
/// digits, `+`, `-` or `.`); otherwise the colon is part of a relative path.
fn is_scheme(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Whether the part after `http:` is `//host[:port]…` with a host made of
/// letters, digits, dots and hyphens, a numeric port and no credentials.
fn web_authority_ok(rest: &str) -> bool {
    let Some(authority) = rest
        .strip_prefix("//")
        .and_then(|r| r.split(['/', '?', '#']).next())
    else {
        return false;
    };
    let (host, port) = authority.split_once(':').unwrap_or((authority, ""));
    !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
        && port.chars().all(|c| c.is_ascii_digit())
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
    fn only_web_mail_and_anchor_links_are_kept() {
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "javascript&#58;alert(1)",
            "data:text/html,<script>",
            "vbscript:msgbox(1)",
            "/relative/path",
            "#",
            "https://",
            "http://",
            "http://exa mple.org/",
            "http://someone@example.org/",
            "http://example.org:port/",
            "mailto: ",
        ] {
            assert_eq!(link(bad), None, "{bad}");
        }
        assert_eq!(
            link(" https://example.org/a "),
            Some("https://example.org/a")
        );
        assert_eq!(link("#note-1"), Some("#note-1"));
        assert_eq!(link("mailto:a@example.org"), Some("mailto:a@example.org"));
    }

    #[test]
    fn outputs_get_links_percent_encoded_without_anchors() {
        assert_eq!(web_link("#note-1"), None);
        assert_eq!(
            web_link(" https://example.org/a b?q=[1]#x#y ").as_deref(),
            Some("https://example.org/a%20b?q=%5B1%5D#x%23y")
        );
        assert_eq!(
            web_link("https://example.org/100%").as_deref(),
            Some("https://example.org/100%25")
        );
    }

    #[test]
    fn page_urls_are_web_addresses() {
        assert_eq!(
            page_url("https://news.example/a"),
            Some("https://news.example/a")
        );
        assert_eq!(page_url("mailto:a@example.org"), None);
        assert_eq!(page_url("#top"), None);
        assert_eq!(page_url("javascript:alert(1)"), None);
    }

    #[test]
    fn image_sources_are_web_data_images_parts_or_relative_paths() {
        for good in [
            "https://cdn.example/p.jpg",
            "//cdn.example/p.jpg",
            "data:image/png;base64,iVBORw0KGgo=",
            "cid:part1@example",
            "photo_files/p.jpg",
            "p.jpg?w=100",
            "if(this.src!='https://cdn.example/p.jpg') this.src='x.jpg';",
        ] {
            assert_eq!(image_source(good), Some(good), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "file:///etc/passwd",
            "blob:https://example.org/5f1c",
            "vbscript:x",
            "//:0",
            "",
        ] {
            assert_eq!(image_source(bad), None, "{bad}");
        }
    }
}
