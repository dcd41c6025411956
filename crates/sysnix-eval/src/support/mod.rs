//! Pure helper modules for the evaluator: string/number formatting, version
//! comparison, POSIX regular expressions and JSON/TOML parsing, all following
//! Nix 2.8's observable behaviour.  Nothing in here depends on the
//! evaluator's value representation.

pub mod data;
pub mod float;
pub mod regex;
pub mod strings;
pub mod versions;
