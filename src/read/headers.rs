//! Header blocks as MIME messages (MHTML) and WARC records write them, in
//! the manner of RFC 822: `Name: value` fields, names compared in lower
//! case, a line that starts with white space continuing the field before
//! it, and `type/subtype; name=value` parameters inside a value.

/// The fields of one header block, in order.
#[derive(Debug, Clone, Default)]
pub struct Fields(Vec<(String, String)>);

impl Fields {
    /// Adds one line of a header block (without its line break): a new
    /// field, or the continuation of the last one. Returns `false`, adding
    /// nothing, for a line that is neither.
    pub fn push_line(&mut self, line: &str) -> bool {
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = self.0.last_mut() {
                value.push(' ');
                value.push_str(line.trim());
            }
            true
        } else if let Some((name, value)) = line.split_once(':') {
            self.push(name, value);
            true
        } else {
            false
        }
    }

    /// Adds a field; surrounding white space is dropped, the name lower-cased.
    pub fn push(&mut self, name: &str, value: &str) {
        self.0
            .push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
    }

    /// The first field of a (lower-case) name.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A parameter of a `type/subtype; name=value` header field.
pub fn param(value: &str, name: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (key, v) = p.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case(name)
            .then(|| v.trim().trim_matches('"').to_string())
            .filter(|v| !v.is_empty())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_fields_are_joined() {
        let mut fields = Fields::default();
        for line in [
            "Content-Type: multipart/related;",
            "\ttype=\"text/html\";",
            "  boundary=\"b\"",
            "X-Other: 1",
        ] {
            assert!(fields.push_line(line));
        }
        assert!(!fields.push_line("not a header"));
        let content_type = fields.get("content-type").unwrap();
        assert_eq!(
            content_type,
            "multipart/related; type=\"text/html\"; boundary=\"b\""
        );
        assert_eq!(param(content_type, "boundary").as_deref(), Some("b"));
        assert_eq!(param(content_type, "charset"), None);
        assert_eq!(fields.get("x-other"), Some("1"));
    }
}
