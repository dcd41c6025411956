//! Pure helper modules for the evaluator: string/number formatting, version
//! comparison, POSIX regular expressions, JSON/TOML parsing and `sort`'s comparison order, all following
//! Nix 2.8's observable behaviour.  Nothing in here depends on the
//! evaluator's value representation.

pub mod data;
pub mod float;
pub mod regex;
pub mod search_path;
pub mod stable_sort;
pub mod strings;
pub mod versions;
