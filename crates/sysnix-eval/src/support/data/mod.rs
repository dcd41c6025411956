//! Plain data parsed from JSON or TOML (or, through a [`Sink`], whatever the caller builds).
//!
//! Behaviour checked against Nix 2.8 (`builtins.fromJSON` uses
//! nlohmann::json, `builtins.fromTOML` uses toml11):
//!
//! * JSON integers that fit `i64` are ints, integers up to `u64::MAX` wrap
//!   into `i64` (`18446744073709551615` is `-1`), larger ones and anything
//!   with a fraction or exponent are floats; float overflow is an error
//!   (`number overflow parsing '1e400'`);
//! * duplicate JSON keys: the last one wins;
//! * string *values* are C strings in Nix, so they stop at the first NUL
//!   (`"a\u0000b"` is `"a"`); keys keep their NULs;
//! * JSON error messages are nlohmann's (`[json.exception.parse_error.101]
//!   parse error at line 1, column 5: ...`);
//! * TOML: every date/time kind is an error (`Dates and times are not
//!   supported`); out-of-range decimal/hexadecimal/octal integers saturate,
//!   binary ones wrap; overflowing floats become ±1.79769e+308; errors give
//!   the first line of toml11's message for the common cases.
//!
//! Known TOML divergences (the `toml` crate does the parsing): toml11
//! accepts a `[table]` header for a table that dotted keys already created
//! (`a.b = 1` then `[a]`) while this rejects it; nesting deeper than 80
//! arrays/inline tables is rejected; some toml11 leniencies (e.g. `"\u00"`)
//! are errors here; only the first line of toml11's multi-line error
//! messages (the source excerpt is not reproduced) and only for the error
//! kinds listed in `toml11_message`.

mod parse_json;
mod parse_json_quick;
mod parse_toml;
#[cfg(test)]
pub(crate) mod tests;

pub use parse_json::{Sink, from_json, from_json_into};
pub use parse_toml::from_toml;

/// A parsed document.
#[derive(Debug, Clone, PartialEq)]
pub enum Data {
    /// `null` (JSON only).
    Null,
    /// A boolean.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// A string.
    String(String),
    /// An array.
    List(Vec<Data>),
    /// An object / table (keys are unique; the order is unspecified).
    Attrs(Vec<(String, Data)>),
}
