//! Store paths, hashes, NAR serialisation and derivations, computed the way
//! Nix 2.8 computes them, without a Nix installation; and an on-disk store
//! that realises them: sources and texts copied in, derivations built in a
//! sandbox, garbage collection.
//!
//! The computing half names things as Nix would (`/nix/store/<hash>-<name>`),
//! serialises file trees as Nix archives to hash them, and keeps
//! derivations in memory. The writing half is [`store::LocalStore`] (an
//! on-disk store with a references database, GC roots and build logs) and
//! [`build::realise`] (makes paths valid, building derivations in
//! namespaces).
//!
//! * [`base32`]: Nix's own base-32 alphabet and bit order ("nix32").
//! * [`hash`]: hash algorithms, hash values, and their textual forms.
//! * [`nar`]: the Nix ARchive serialisation of a file tree.
//! * [`path`]: store directories and how store path names are computed.
//! * [`derivation`]: `.drv` files (ATerm) and the in-memory derivation store.
//! * [`store`]: the on-disk store: adding paths, references, roots, GC.
//! * [`build`]: realising paths and sandboxed builds.

#![warn(missing_docs)]

pub mod base32;
pub mod build;
pub mod derivation;
pub mod hash;
pub mod nar;
pub mod path;
pub mod store;

#[cfg(test)]
mod testutil;

pub use hash::{Hash, HashAlgo, HashFormat};
pub use path::{FileIngestion, StoreDir};
