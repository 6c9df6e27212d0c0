//! Every selector, token list, weight and threshold the extractor uses, grouped
//! by stage, each with the reason it exists. Logic elsewhere names these;
//! it never carries a bare number or pattern.

// ---- metadata --------------------------------------------------------------

// ---- content ---------------------------------------------------------------

/// Placeholders scrapers leave where a caption or paragraph was empty.
pub const PLACEHOLDER_TEXTS: &[&str] = &["none", "null", "undefined", "nan"];

// ---- quotes ----------------------------------------------------------------
