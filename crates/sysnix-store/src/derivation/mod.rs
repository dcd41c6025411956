//! Derivations: the contents of `.drv` files and how their paths are found.
//!
//! [`Derivation`] is a `.drv` file's data; the `aterm` submodule reads and
//! writes its textual form. [`DrvStore`] keeps the derivations an
//! evaluation has created and computes their output and `.drv` paths as
//! Nix 2.8's `derivationStrict` does.

mod aterm;
mod store;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

pub use store::{DrvInput, DrvStore};

/// One output of a derivation, as written in the `.drv` file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DerivationOutput {
    /// The output's store path (empty while outputs are masked).
    pub path: String,
    /// For a fixed output: `[r:]<algo>` (e.g. `"r:sha256"`); else empty.
    pub hash_algo: String,
    /// For a fixed output: the expected hash in base 16; else empty.
    pub hash: String,
}

impl DerivationOutput {
    /// Whether the output's contents are fixed in advance by a hash.
    pub fn is_fixed(&self) -> bool {
        !self.hash_algo.is_empty() && !self.hash.is_empty()
    }
}

/// A store derivation: everything needed to build its outputs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Derivation {
    /// The outputs by name.
    pub outputs: BTreeMap<String, DerivationOutput>,
    /// Derivations whose outputs this one needs: `.drv` path to the names of
    /// the outputs needed.
    pub input_drvs: BTreeMap<String, BTreeSet<String>>,
    /// Store paths (not outputs of derivations) this one needs.
    pub input_srcs: BTreeSet<String>,
    /// The system to build on, e.g. `x86_64-linux`.
    pub platform: String,
    /// The program that builds.
    pub builder: String,
    /// Its arguments.
    pub args: Vec<String>,
    /// Its environment.
    pub env: BTreeMap<String, String>,
}

impl Derivation {
    /// Whether this is a fixed-output derivation: a single output `out`
    /// whose hash is given.
    pub fn is_fixed_output(&self) -> bool {
        self.outputs.len() == 1
            && self
                .outputs
                .get("out")
                .is_some_and(DerivationOutput::is_fixed)
    }

    /// The store paths a `.drv` file refers to: its input sources and the
    /// `.drv` paths of its input derivations.
    pub fn references(&self) -> BTreeSet<String> {
        self.input_srcs
            .iter()
            .chain(self.input_drvs.keys())
            .cloned()
            .collect()
    }

    /// Output names mapped to their paths.
    pub fn output_paths(&self) -> BTreeMap<String, String> {
        self.outputs
            .iter()
            .map(|(name, o)| (name.clone(), o.path.clone()))
            .collect()
    }
}
