//! The build stage: `configuration.nix` → a system realised in the store.
//!
//! * [`system`]: evaluating a configuration (through `<sysnix/nixos>`) or any `-f/-A`
//!   target to the derivation to build.
//! * [`host`]: host packages (`pkgs.<name>` from Debian): the package database the
//!   evaluator consults, the `builtin:sysnix-host-package` builder, `--check-packages`.
//! * [`summary`]: the built system's activation manifest and `--json` summary.
//! * [`keys`]: the content of `text` keys, kept root-only beside the store (never in it).
//! * [`realise`]: realising what evaluation computed (sources, text files, derivations)
//!   in a [`sysnix_store::store::LocalStore`].

pub mod exposure_gate;
pub mod host;
pub mod keys;
pub mod leaks;
pub mod realise;
pub mod summary;
pub mod system;
