//! Discovery of corpus cases and parsing of their header directives.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Flags used when a case has no `# flags:` directive.
pub const DEFAULT_FLAGS: &[&str] = &["--eval", "--strict"];

/// One corpus case: `<corpus>/<family>/<name>.nix` plus its directives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// Folder name directly below the corpus root (`syntax`, `errors`, ...).
    pub family: String,
    /// File stem of the case (`with-inner-shadows-outer`).
    pub name: String,
    /// Absolute path of the `.nix` file.
    pub path: PathBuf,
    /// Flags placed between the binary's prefix and `./<name>.nix`.
    pub flags: Vec<String>,
    /// Extra environment variables (`# env: K=V`).
    pub env: Vec<(String, String)>,
    /// Reason given by `# differs-from-2.8: <reason>`, if any.
    pub differs_from_28: Option<String>,
}

impl Case {
    /// `family/name`, used in reports and filters.
    pub fn id(&self) -> String {
        format!("{}/{}", self.family, self.name)
    }

    /// Directory the case runs in (its own folder).
    pub fn dir(&self) -> &Path {
        self.path
            .parent()
            .expect("case file has a parent directory")
    }

    /// The file argument given to the evaluator.
    pub fn file_arg(&self) -> String {
        format!("./{}.nix", self.name)
    }

    /// What sysnix must produce.
    pub fn exp_path(&self) -> PathBuf {
        self.path.with_extension("exp")
    }

    /// What Nix 2.8 produces, for cases marked `differs-from-2.8`.
    pub fn nix28_path(&self) -> PathBuf {
        self.path.with_extension("nix28")
    }

    /// The file holding the expected result for the given expectation.
    pub fn expected_path(&self, expect: Expect) -> PathBuf {
        match expect {
            Expect::Sysnix => self.exp_path(),
            Expect::Nix28 if self.differs_from_28.is_some() => self.nix28_path(),
            Expect::Nix28 => self.exp_path(),
        }
    }

    /// Parse a case from its file.
    pub fn load(corpus_dir: &Path, path: &Path) -> io::Result<Case> {
        let source = fs::read_to_string(path)?;
        let rel = path.strip_prefix(corpus_dir).map_err(|_| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{} is not below {}", path.display(), corpus_dir.display()),
            )
        })?;
        let family = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .unwrap_or_default();
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let header = parse_header(&source).map_err(|msg| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{}: {msg}", path.display()),
            )
        })?;
        Ok(Case {
            family,
            name,
            path: path.to_path_buf(),
            flags: header
                .flags
                .unwrap_or_else(|| DEFAULT_FLAGS.iter().map(|s| s.to_string()).collect()),
            env: header.env,
            differs_from_28: header.differs_from_28,
        })
    }
}

/// Which recording a run is compared against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// Compare against `<name>.exp` (what sysnix must print).
    Sysnix,
    /// Compare against what Nix 2.8 prints: `<name>.nix28` for cases marked
    /// `differs-from-2.8`, `<name>.exp` for all others.
    Nix28,
}

/// Directives read from the leading `#` comment lines of a case.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Header {
    pub flags: Option<Vec<String>>,
    pub env: Vec<(String, String)>,
    pub differs_from_28: Option<String>,
}

/// Read directives from the block of `#` comment lines at the top of a file.
///
/// Recognised: `# flags: <flags>` (replaces the defaults; shell-like quoting
/// with `'` and `"`), `# env: K=V [K2=V2 ...]` (repeatable) and
/// `# differs-from-2.8: <reason>`. Other comment lines are ignored.
pub fn parse_header(source: &str) -> Result<Header, String> {
    let mut header = Header::default();
    for line in source.lines() {
        let Some(comment) = line.trim_start().strip_prefix('#') else {
            break;
        };
        let comment = comment.trim();
        if let Some(rest) = comment.strip_prefix("flags:") {
            if header.flags.is_some() {
                return Err("more than one `# flags:` line".into());
            }
            header.flags = Some(split_words(rest)?);
        } else if let Some(rest) = comment.strip_prefix("env:") {
            for word in split_words(rest)? {
                let Some((k, v)) = word.split_once('=') else {
                    return Err(format!("`# env:` entry without `=`: {word}"));
                };
                header.env.push((k.to_string(), v.to_string()));
            }
        } else if let Some(rest) = comment.strip_prefix("differs-from-2.8:") {
            header.differs_from_28 = Some(rest.trim().to_string());
        }
    }
    Ok(header)
}

/// Split a directive into words; `'...'` and `"..."` group (no escapes).
pub fn split_words(s: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' | '"' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some(q) if q == c => break,
                        Some(other) => cur.push(other),
                        None => return Err(format!("unterminated quote in `{s}`")),
                    }
                }
            }
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            c => {
                in_word = true;
                cur.push(c);
            }
        }
    }
    if in_word {
        words.push(cur);
    }
    Ok(words)
}

/// All cases below `corpus_dir` (which should be canonical), sorted by id.
///
/// Cases are the `*.nix` files directly inside a family folder; files in
/// deeper folders are helpers (imported files, data) and are not cases.
pub fn discover(corpus_dir: &Path) -> io::Result<Vec<Case>> {
    let mut cases = Vec::new();
    let mut families: Vec<PathBuf> = fs::read_dir(corpus_dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    families.sort();
    for family in families {
        let mut files: Vec<PathBuf> = fs::read_dir(&family)?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "nix"))
            .collect();
        files.sort();
        for file in files {
            cases.push(Case::load(corpus_dir, &file)?);
        }
    }
    Ok(cases)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_defaults() {
        let h = parse_header("1 + 1\n").unwrap();
        assert_eq!(h, Header::default());
    }

    #[test]
    fn header_directives() {
        let h = parse_header(
            "# flags: --eval --strict --argstr x 'a b'\n# env: NIX_PATH=foo=./bar FOO=1\n# differs-from-2.8: overflow\n# env: X=\"y z\"\nlet in 1\n# flags: ignored\n",
        )
        .unwrap();
        assert_eq!(
            h.flags.unwrap(),
            vec!["--eval", "--strict", "--argstr", "x", "a b"]
        );
        assert_eq!(
            h.env,
            vec![
                ("NIX_PATH".into(), "foo=./bar".into()),
                ("FOO".into(), "1".into()),
                ("X".into(), "y z".into())
            ]
        );
        assert_eq!(h.differs_from_28.as_deref(), Some("overflow"));
    }

    #[test]
    fn header_empty_quoted_word() {
        assert_eq!(
            split_words("--argstr x ''").unwrap(),
            vec!["--argstr", "x", ""]
        );
        assert!(split_words("'open").is_err());
    }
}
