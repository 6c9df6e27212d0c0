//! The embedded model laid out for inference: every tree filled out to the
//! same depth and stored level by level, so that judging a block takes one
//! comparison per level and no test for a leaf. The log-odds are added up in
//! the model's order, so the probability is the model's to the bit.

use super::Model;

/// A model's trees, each filled out to the depth of the deepest.
pub(super) struct Forest {
    base: f32,
    depth: usize,
    /// Per tree, its `2^depth - 1` splits in level order: the children of
    /// split `i` are `2i + 1` (feature at most the cut) and `2i + 2`.
    splits: Vec<Split>,
    /// Per tree, its `2^depth` leaf values, left to right.
    leaves: Vec<f32>,
}

/// One split: `feature <= cut` goes left.
#[derive(Clone, Copy)]
struct Split {
    feature: u32,
    cut: f32,
}

/// A split that sends every value the same way, placed where a tree ended
/// early: both of its subtrees hold the leaf's value.
const FILLER: Split = Split {
    feature: 0,
    cut: f32::INFINITY,
};

impl Forest {
    /// Lays out a model read by [`Model::from_json`] (its walks end, its
    /// features are in range, its trees at most [`super::MAX_TREE_DEPTH`]
    /// deep).
    pub(super) fn of(model: &Model) -> Forest {
        let depth = model.trees.iter().map(|t| t.depth()).max().unwrap_or(0);
        let mut forest = Forest {
            base: model.base,
            depth,
            splits: Vec::with_capacity(model.trees.len() * ((1 << depth) - 1)),
            leaves: Vec::with_capacity(model.trees.len() << depth),
        };
        for tree in &model.trees {
            let inner = forest.splits.len();
            let outer = forest.leaves.len();
            forest.splits.resize(inner + (1 << depth) - 1, FILLER);
            forest.leaves.resize(outer + (1 << depth), 0.0);
            forest.fill(tree, 0, 0, inner, outer);
        }
        forest
    }

    /// Writes the subtree of `tree` rooted at node `n` at level-order slot
    /// `slot` of the tree whose splits start at `inner` and leaves at `outer`.
    fn fill(&mut self, tree: &super::Tree, n: usize, slot: usize, inner: usize, outer: usize) {
        let node = &tree.nodes[n];
        let splits = (1 << self.depth) - 1;
        if slot >= splits {
            self.leaves[outer + slot - splits] = node.value;
            return;
        }
        let (split, left, right) = if node.left == 0 {
            (FILLER, n, n)
        } else {
            (
                Split {
                    feature: node.feature as u32,
                    cut: node.cut,
                },
                node.left,
                node.right,
            )
        };
        self.splits[inner + slot] = split;
        self.fill(tree, left, 2 * slot + 1, inner, outer);
        self.fill(tree, right, 2 * slot + 2, inner, outer);
    }

    /// The probability that a block with these features is article text,
    /// as [`Model::probability`] gives it.
    pub(super) fn probability(&self, x: &[f32]) -> f32 {
        let inner = (1 << self.depth) - 1;
        let mut sum = 0.0f32;
        for (tree, leaves) in self.leaves.chunks_exact(inner + 1).enumerate() {
            let splits = &self.splits[tree * inner..][..inner];
            let mut slot = 0;
            for _ in 0..self.depth {
                let s = splits[slot];
                // As the model reads it: at most the cut goes left, anything
                // else (a greater value, or none) right.
                let left = x[s.feature as usize] <= s.cut;
                slot = 2 * slot + 2 - usize::from(left);
            }
            sum += leaves[slot - inner];
        }
        let z = self.base + sum;
        1.0 / (1.0 + (-z).exp())
    }
}

#[cfg(test)]
mod tests {
    use super::super::{FEATURES, Tree, TreeNode};
    use super::*;

    fn split(feature: usize, cut: f32, left: usize, right: usize) -> TreeNode {
        TreeNode {
            feature,
            cut,
            left,
            right,
            value: 0.0,
        }
    }

    fn leaf(value: f32) -> TreeNode {
        TreeNode {
            feature: 0,
            cut: 0.0,
            left: 0,
            right: 0,
            value,
        }
    }

    #[test]
    fn trees_of_every_shape_give_the_models_probability() {
        let model = Model {
            features: FEATURES.iter().map(|s| s.to_string()).collect(),
            base: 0.25,
            trees: vec![
                // Two levels on the left, a leaf at once on the right.
                Tree {
                    nodes: vec![
                        split(1, 0.5, 1, 4),
                        split(2, 0.1, 2, 3),
                        leaf(1.0),
                        leaf(-1.0),
                        leaf(0.5),
                    ],
                },
                // A lone leaf.
                Tree {
                    nodes: vec![leaf(-0.75)],
                },
                // One split.
                Tree {
                    nodes: vec![split(3, 2.0, 1, 2), leaf(0.3), leaf(-0.3)],
                },
            ],
            threshold: 0.5,
        };
        let forest = Forest::of(&model);
        let mut x = vec![0.0; FEATURES.len()];
        for (a, b, c) in [
            (0.0, 0.0, 0.0),
            (0.0, 0.5, 3.0),
            (0.9, 0.0, 2.0),
            (0.5, 0.1, 9.0),
        ] {
            (x[1], x[2], x[3]) = (a, b, c);
            assert_eq!(
                forest.probability(&x).to_bits(),
                model.probability(&x).to_bits(),
                "{x:?}"
            );
        }
        x[1] = f32::NAN;
        assert_eq!(
            forest.probability(&x).to_bits(),
            model.probability(&x).to_bits()
        );
        // Trees that are leaves alone, and no trees at all.
        for trees in [vec![model.trees[1].clone(); 2], vec![]] {
            let model = Model {
                trees,
                ..model.clone()
            };
            assert_eq!(
                Forest::of(&model).probability(&x).to_bits(),
                model.probability(&x).to_bits()
            );
        }
    }
}
