//! Turning a page's bytes into text: the charset comes from a byte-order mark,
//! then a transport hint (an HTTP or MIME header), then the page's own
//! `<meta charset>` / `http-equiv` declaration, then detection (valid UTF-8
//! first, chardetng otherwise).

use std::borrow::Cow;
use std::sync::LazyLock;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8};
use regex::bytes::Regex;

/// How far into a page to look for a charset declaration; browsers prescan
/// the first 1024 bytes, but saved pages often put long comments first.
const PRESCAN_BYTES: usize = 8192;

/// `<meta charset=…>` and `<meta http-equiv=… content="…; charset=…">`.
static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#).expect("valid regex")
});

/// Decodes a page, `hint` being a charset label from outside the page.
pub fn decode<'a>(bytes: &'a [u8], hint: Option<&str>) -> Cow<'a, str> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_with(encoding, &bytes[bom_len..]);
    }
    if let Some(encoding) = hint.and_then(|h| Encoding::for_label(h.trim().as_bytes())) {
        return decode_with(encoding, bytes);
    }
    if let Some(encoding) = declared(bytes) {
        // A page re-saved as UTF-8 often keeps its old declaration; non-ASCII
        // text in a legacy charset is almost never valid UTF-8 by accident.
        let resaved = encoding != UTF_8 && !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok();
        return decode_with(if resaved { UTF_8 } else { encoding }, bytes);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return decode_with(UTF_8, bytes);
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    decode_with(detector.guess(None, Utf8Detection::Allow), bytes)
}

/// The charset a page declares in its first bytes.
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let label = META_CHARSET.captures(head)?.get(1)?.as_bytes();
    let encoding = Encoding::for_label(label)?;
    // A page saved as UTF-8 that still declares UTF-16 is read as UTF-8, as browsers do.
    Some(
        if encoding.is_single_byte() || encoding.output_encoding() == encoding {
            encoding
        } else {
            UTF_8
        },
    )
}

/// The text of `bytes` in `encoding`, borrowed when they are already UTF-8
/// (a large page is not copied).
fn decode_with<'a>(encoding: &'static Encoding, bytes: &'a [u8]) -> Cow<'a, str> {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_is_honoured() {
        let (bytes, _, _) =
            encoding_rs::WINDOWS_1251.encode("<meta charset=\"windows-1251\"><p>Привет, мир</p>");
        assert!(decode(&bytes, None).contains("Привет, мир"));
    }

    #[test]
    fn undeclared_legacy_text_is_detected() {
        let text = "<p>Съешь же ещё этих мягких французских булок, да выпей чаю. \
                    Широкая электрификация южных губерний даст мощный толчок подъёму сельского хозяйства.</p>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
        assert!(decode(&bytes, None).contains("французских"));
    }

    #[test]
    fn utf8_text_wins_over_a_stale_declaration() {
        let page = "<meta charset=gb2312><p>谷歌</p>".as_bytes();
        assert!(decode(page, None).contains("谷歌"));
    }

    #[test]
    fn bom_wins() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("<meta charset=latin1>é".as_bytes());
        assert!(decode(&bytes, None).ends_with('é'));
    }
}
