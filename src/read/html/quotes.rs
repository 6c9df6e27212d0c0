//! Direct quotations in the body and who said them.

use crate::model::{Block, Quote};

/// Every direct quotation in the blocks, with its speaker when the text names one.
pub fn find(_blocks: &[Block]) -> Vec<Quote> {
    Vec::new()
}
