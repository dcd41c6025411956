//! Which names a store path may have, and how its base name is checked.

use crate::base32;

/// Length of the hash part of a store path's base name.
pub const HASH_PART_LEN: usize = 32;

/// Longest name (after `<hash>-`) a store path may have.
pub const MAX_NAME_LEN: usize = 211;

/// What is wrong with a store path name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameProblem {
    /// The name is empty.
    Empty,
    /// The name is longer than [`MAX_NAME_LEN`] bytes.
    TooLong,
    /// The name holds a character outside `[0-9a-zA-Z+\-._?=]`.
    IllegalChar(char),
}

impl NameProblem {
    /// Nix 2.8's message for this problem in the store path with base name
    /// `base_name` (`<hash>-<name>`).
    pub fn message(self, base_name: &str) -> String {
        match self {
            NameProblem::Empty => format!("store path '{base_name}' has an empty name"),
            NameProblem::TooLong => {
                format!("store path '{base_name}' has a name longer than {MAX_NAME_LEN} characters")
            }
            NameProblem::IllegalChar(c) => {
                format!("store path '{base_name}' contains illegal character '{c}'")
            }
        }
    }
}

/// Whether `c` may appear in a store path name.
pub fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.' | '_' | '?' | '=')
}

/// Checks a store path name by Nix 2.8's rules: not empty, at most 211
/// bytes, only `[0-9a-zA-Z+\-._?=]`. (Nix 2.8 allows a leading `.`, and so
/// do we.)
pub fn check_name(name: &str) -> Result<(), NameProblem> {
    if name.is_empty() {
        return Err(NameProblem::Empty);
    }
    if name.len() > MAX_NAME_LEN {
        return Err(NameProblem::TooLong);
    }
    match name.chars().find(|&c| !is_name_char(c)) {
        Some(c) => Err(NameProblem::IllegalChar(c)),
        None => Ok(()),
    }
}

/// Checks a store path name, with an error text in Nix's words (Nix names
/// the whole base name, hash included, which is not known here; the
/// functions that make store paths report that exact form).
pub fn validate_name(name: &str) -> Result<(), String> {
    check_name(name).map_err(|p| match p {
        NameProblem::Empty => "store path name is empty".to_string(),
        NameProblem::TooLong => {
            format!("store path name '{name}' is longer than {MAX_NAME_LEN} characters")
        }
        NameProblem::IllegalChar(c) => {
            format!("store path name '{name}' contains illegal character '{c}'")
        }
    })
}

/// Checks a store path's base name `<hash>-<name>` as Nix does when it
/// reads a store path, with Nix's error texts.
pub fn check_base_name(base_name: &str) -> Result<(), String> {
    let (Some(hash), Some(name)) = (
        base_name.get(..HASH_PART_LEN),
        base_name.get(HASH_PART_LEN + 1..),
    ) else {
        return Err(format!(
            "'{base_name}' is too short to be a valid store path"
        ));
    };
    if let Some(c) = hash
        .chars()
        .find(|&c| base32::digit_value(c as u8).is_none() || !c.is_ascii())
    {
        return Err(format!(
            "store path '{base_name}' contains illegal base-32 character '{c}'"
        ));
    }
    check_name(name).map_err(|p| p.message(base_name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        // builtins.toFile "aZ09+-._?=" "x" and builtins.toFile ".ab" "x" work in Nix 2.8.
        assert_eq!(check_name("aZ09+-._?="), Ok(()));
        assert_eq!(check_name(".ab"), Ok(()));
        assert_eq!(check_name("."), Ok(()));
        assert_eq!(check_name(""), Err(NameProblem::Empty));
        assert_eq!(check_name("a~"), Err(NameProblem::IllegalChar('~')));
        assert_eq!(check_name("aé"), Err(NameProblem::IllegalChar('é')));
        assert_eq!(check_name(&"a".repeat(211)), Ok(()));
        assert_eq!(check_name(&"a".repeat(212)), Err(NameProblem::TooLong));
        assert_eq!(
            validate_name("a b"),
            Err("store path name 'a b' contains illegal character ' '".to_string())
        );
        assert_eq!(validate_name("ok"), Ok(()));
        assert!(validate_name("").is_err());
        assert!(validate_name(&"é".repeat(106)).is_err());
    }

    #[test]
    fn base_names() {
        let h = "5wq5jx7219pmi3xklyhl77fjbqvy6qaj";
        assert_eq!(check_base_name(&format!("{h}-x.drv")), Ok(()));
        assert_eq!(
            check_base_name("abc"),
            Err("'abc' is too short to be a valid store path".to_string())
        );
        assert_eq!(
            check_base_name(&format!("{h}-")),
            Err(format!("store path '{h}-' has an empty name"))
        );
        let bad = format!("e{}-x", &h[1..]);
        assert_eq!(
            check_base_name(&bad),
            Err(format!(
                "store path '{bad}' contains illegal base-32 character 'e'"
            ))
        );
        // Multi-byte characters where the hash should be must not panic.
        assert!(check_base_name(&format!("é{}-x", &h[2..])).is_err());
        assert!(check_base_name(&format!("{}é-x", &h[..31])).is_err());
    }
}
