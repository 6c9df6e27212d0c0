//! The documented limits on what galley will process. Real pages stay far
//! below every one of them; hostile or broken inputs hit them and get a clear
//! error (or, where noted, a truncation warning) instead of unbounded work.

/// Largest input read, in bytes: a 30 MB article converts in about a second,
/// so 128 MB bounds the work at seconds while no saved page comes close.
pub const MAX_INPUT_BYTES: u64 = 128 * 1024 * 1024;

/// Deepest element nesting kept when parsing HTML. html5ever's scope checks
/// cost time proportional to the depth for every new block element, so
/// 200,000 nested `<div>`s would take minutes; real pages nest a few dozen
/// levels. Deeper start tags are dropped; their text is kept.
pub const MAX_NESTING: usize = 1_000;
