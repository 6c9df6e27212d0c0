//! Putting back in order what parallel workers finish out of order: items
//! numbered 0, 1, 2… come out in that order, each as soon as every item
//! before it has come out.

use std::collections::BTreeMap;

/// Items waiting for the ones numbered before them.
#[derive(Debug)]
pub struct InOrder<T> {
    next: usize,
    waiting: BTreeMap<usize, T>,
}

impl<T> Default for InOrder<T> {
    fn default() -> Self {
        InOrder {
            next: 0,
            waiting: BTreeMap::new(),
        }
    }
}

impl<T> InOrder<T> {
    /// Takes item `index` in and gives back every item now in order.
    pub fn push(&mut self, index: usize, item: T) -> Vec<T> {
        self.waiting.insert(index, item);
        let mut ready = Vec::new();
        while let Some(item) = self.waiting.remove(&self.next) {
            ready.push(item);
            self.next += 1;
        }
        ready
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_come_out_in_their_order() {
        let mut in_order = InOrder::default();
        assert!(in_order.push(2, 'c').is_empty());
        assert_eq!(in_order.push(0, 'a'), vec!['a']);
        assert_eq!(in_order.push(1, 'b'), vec!['b', 'c']);
    }
}
