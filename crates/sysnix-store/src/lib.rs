//! Store paths, hashes, NAR serialisation and derivations, computed the way
//! Nix 2.8 computes them, without a Nix installation.
//!
//! Nothing in this crate writes to a store: it only computes the names Nix
//! would give things (`/nix/store/<hash>-<name>`), serialises file trees as
//! Nix archives to hash them, and keeps derivations in memory.
//!
//! * [`base32`]: Nix's own base-32 alphabet and bit order ("nix32").
//! * [`hash`]: hash algorithms, hash values, and their textual forms.
//! * [`nar`]: the Nix ARchive serialisation of a file tree.
//! * [`path`]: store directories and how store path names are computed.
//! * [`derivation`]: `.drv` files (ATerm) and the in-memory derivation store.

#![warn(missing_docs)]

pub mod base32;
pub mod derivation;
pub mod hash;
pub mod nar;
pub mod path;

#[cfg(test)]
mod testutil;

pub use hash::{Hash, HashAlgo, HashFormat};
pub use path::{FileIngestion, StoreDir};
