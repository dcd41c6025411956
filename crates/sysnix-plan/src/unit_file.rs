//! systemd's unit file syntax, as far as comparing units needs it, and loading one unit
//! (with its drop-ins) from a unit directory.
//!
//! The syntax (systemd.syntax(7)): `[Section]` headers, `Key=value` assignments (whitespace
//! around the key and the value is dropped), comment lines starting with `#` or `;`, and
//! lines ending in a backslash continued on the next line (the backslash becomes a space;
//! comment lines inside a continuation are skipped). A key may be assigned several times:
//! every value is kept, in order. Assigning the empty string resets the list gathered so
//! far (`ExecStart=` then `ExecStart=/bin/x`), also across drop-ins. Values are kept as
//! written: no unquoting, no `\x2d` unescaping, exactly as switch-to-configuration compares.

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// One `Key=value` line, as written (key and value trimmed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub key: String,
    pub value: String,
}

/// A section and its assignments in file order. A section header repeated later in the
/// file adds to the same section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub name: String,
    pub entries: Vec<Entry>,
}

/// The effective settings of a unit: section → key → values, after empty assignments reset
/// their lists. A key assigned only the empty string is present with no values (as
/// switch-to-configuration records it).
pub type Settings = BTreeMap<String, BTreeMap<String, Vec<String>>>;

/// A parsed unit file (or a unit file with its drop-ins applied, see [`UnitFile::merge`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitFile {
    pub sections: Vec<Section>,
}

/// A line systemd would not accept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line number (of the first line of a continued line).
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ParseError {}

impl UnitFile {
    /// Parses a unit file; the first line systemd would reject is an error.
    pub fn parse(text: &str) -> Result<UnitFile, ParseError> {
        let (file, mut errors) = Self::parse_lenient(text);
        match errors.is_empty() {
            true => Ok(file),
            false => Err(errors.remove(0)),
        }
    }

    /// Parses as systemd loads a unit: a bad line is skipped (systemd logs it and goes on),
    /// and reported in the returned list.
    pub fn parse_lenient(text: &str) -> (UnitFile, Vec<ParseError>) {
        let mut file = UnitFile::default();
        let mut errors = Vec::new();
        let mut current: Option<usize> = None;
        let mut lines = text.lines().enumerate();
        while let Some((index, raw)) = lines.next() {
            let first = raw.trim();
            if first.is_empty() || is_comment(first) {
                continue;
            }
            let line_no = index + 1;
            // Join continued lines.
            let mut logical = String::new();
            let mut piece = first.to_string();
            loop {
                match piece.strip_suffix('\\') {
                    Some(head) => {
                        logical.push_str(head);
                        logical.push(' ');
                        // The next non-comment line continues this one.
                        let next = loop {
                            match lines.next() {
                                Some((_, l)) if is_comment(l.trim_start()) => continue,
                                other => break other,
                            }
                        };
                        match next {
                            Some((_, l)) => piece = l.to_string(),
                            None => break,
                        }
                    }
                    None => {
                        logical.push_str(&piece);
                        break;
                    }
                }
            }
            let logical = logical.trim();
            if let Some(rest) = logical.strip_prefix('[') {
                match rest.strip_suffix(']') {
                    Some(name) if !name.is_empty() && !name.contains(['[', ']']) => {
                        current = Some(file.section_index_or_insert(name));
                    }
                    _ => errors.push(ParseError {
                        line: line_no,
                        message: format!("invalid section header {logical:?}"),
                    }),
                }
                continue;
            }
            let Some((key, value)) = logical.split_once('=') else {
                errors.push(ParseError {
                    line: line_no,
                    message: format!("missing '=' in {logical:?}"),
                });
                continue;
            };
            let key = key.trim();
            if key.is_empty() {
                errors.push(ParseError {
                    line: line_no,
                    message: format!("assignment without a key: {logical:?}"),
                });
                continue;
            }
            let Some(section) = current else {
                errors.push(ParseError {
                    line: line_no,
                    message: format!("assignment outside of a section: {logical:?}"),
                });
                continue;
            };
            file.sections[section].entries.push(Entry {
                key: key.to_string(),
                value: value.trim().to_string(),
            });
        }
        (file, errors)
    }

    fn section_index_or_insert(&mut self, name: &str) -> usize {
        match self.sections.iter().position(|s| s.name == name) {
            Some(i) => i,
            None => {
                self.sections.push(Section {
                    name: name.to_string(),
                    entries: Vec::new(),
                });
                self.sections.len() - 1
            }
        }
    }

    /// Applies a drop-in: its assignments follow this file's, section by section (so an
    /// empty assignment in the drop-in resets the unit's list, as in systemd).
    pub fn merge(&mut self, dropin: &UnitFile) {
        for section in &dropin.sections {
            let i = self.section_index_or_insert(&section.name);
            self.sections[i]
                .entries
                .extend(section.entries.iter().cloned());
        }
    }

    /// Whether the file has a section of that name (even an empty one).
    pub fn has_section(&self, section: &str) -> bool {
        self.sections.iter().any(|s| s.name == section)
    }

    /// The effective values of a key: every assignment in order, an empty assignment
    /// clearing the ones before it. `None` when the key is never assigned.
    pub fn values(&self, section: &str, key: &str) -> Option<Vec<&str>> {
        let mut found = false;
        let mut values = Vec::new();
        for s in self.sections.iter().filter(|s| s.name == section) {
            for e in s.entries.iter().filter(|e| e.key == key) {
                found = true;
                if e.value.is_empty() {
                    values.clear();
                } else {
                    values.push(e.value.as_str());
                }
            }
        }
        found.then_some(values)
    }

    /// The last effective value of a key.
    pub fn value(&self, section: &str, key: &str) -> Option<&str> {
        self.values(section, key).and_then(|v| v.last().copied())
    }

    /// A boolean setting (systemd's spellings: 1/yes/y/true/t/on, 0/no/n/false/f/off, any
    /// case); `default` when unset, reset or not a boolean.
    pub fn bool_or(&self, section: &str, key: &str, default: bool) -> bool {
        match self
            .value(section, key)
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("1" | "yes" | "y" | "true" | "t" | "on") => true,
            Some("0" | "no" | "n" | "false" | "f" | "off") => false,
            _ => default,
        }
    }

    /// The effective settings of every section except `[Install]` (which only matters to
    /// `systemctl enable`, and which switch-to-configuration leaves out as well).
    pub fn settings(&self) -> Settings {
        let mut out = Settings::new();
        for s in self.sections.iter().filter(|s| s.name != "Install") {
            let section = out.entry(s.name.clone()).or_default();
            for e in &s.entries {
                let values = section.entry(e.key.clone()).or_default();
                if e.value.is_empty() {
                    values.clear();
                } else {
                    values.push(e.value.clone());
                }
            }
        }
        out
    }
}

fn is_comment(line: &str) -> bool {
    line.starts_with('#') || line.starts_with(';')
}

/// A unit as a system defines it: its file with drop-ins applied, or masked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The unit's name (`nginx.service`; an instance name for an instantiated template).
    pub name: String,
    /// Linked to /dev/null: the unit cannot be started. `file` is then empty.
    pub masked: bool,
    /// Only drop-ins (`<name>.d/*.conf`), no unit file: the unit amends a unit of the same
    /// name that the host ships (`overrideStrategy = "asDropin"`). `file` holds the
    /// drop-ins' settings only.
    pub dropin_only: bool,
    /// For a template instance loaded from its template: the template's name (`getty@.service`).
    pub template: Option<String>,
    /// The unit file with its drop-ins applied in order.
    pub file: UnitFile,
    /// Targets (or other units) whose `.wants/` holds this unit.
    pub wanted_by: Vec<String>,
    /// Units whose `.requires/` holds this unit.
    pub required_by: Vec<String>,
    /// Units whose `.upholds/` holds this unit.
    pub upheld_by: Vec<String>,
    /// Other names of this unit (symlinks to it in the unit directory).
    pub aliases: Vec<String>,
    /// Lines systemd would skip, with the file they are in.
    pub warnings: Vec<String>,
}

impl Unit {
    /// A unit from its text (for tests and callers that hold the text already).
    pub fn from_text(name: &str, text: &str) -> Result<Unit, ParseError> {
        Ok(Unit::with_file(name, UnitFile::parse(text)?))
    }

    /// A unit from a parsed file.
    pub fn with_file(name: &str, file: UnitFile) -> Unit {
        Unit {
            name: name.to_string(),
            masked: false,
            dropin_only: false,
            template: None,
            file,
            wanted_by: Vec::new(),
            required_by: Vec::new(),
            upheld_by: Vec::new(),
            aliases: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// A masked unit (linked to /dev/null).
    pub fn masked(name: &str) -> Unit {
        Unit {
            masked: true,
            ..Unit::with_file(name, UnitFile::default())
        }
    }

    /// Adds a `<target>.wants/` link to this unit (builder style, for tests).
    pub fn wanted_by(mut self, target: &str) -> Unit {
        self.wanted_by.push(target.to_string());
        self
    }

    /// The unit's type: the part after the last dot (`service`, `socket`, …).
    pub fn kind(&self) -> &str {
        unit_kind(&self.name)
    }

    /// Every unit pulling this one in: wanted, required or upheld by.
    pub fn pulled_in_by(&self) -> impl Iterator<Item = &str> {
        self.wanted_by
            .iter()
            .chain(&self.required_by)
            .chain(&self.upheld_by)
            .map(String::as_str)
    }
}

/// The type of a unit name: the part after the last dot.
pub fn unit_kind(name: &str) -> &str {
    name.rsplit_once('.').map(|(_, k)| k).unwrap_or("")
}

/// The name without its type suffix (`nginx` for `nginx.service`).
pub fn unit_base_name(name: &str) -> &str {
    name.rsplit_once('.').map(|(b, _)| b).unwrap_or(name)
}

/// For an instance name (`getty@tty1.service`), the template's name (`getty@.service`).
pub fn template_of(name: &str) -> Option<String> {
    let (prefix, rest) = name.split_once('@')?;
    let (instance, kind) = rest.rsplit_once('.')?;
    (!instance.is_empty()).then(|| format!("{prefix}@.{kind}"))
}

/// Failure to read a unit directory or unit file.
#[derive(Debug)]
pub struct LoadError {
    pub path: PathBuf,
    pub error: io::Error,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.error)
    }
}

impl std::error::Error for LoadError {}

fn load_err(path: &Path) -> impl FnOnce(io::Error) -> LoadError + '_ {
    move |error| LoadError {
        path: path.to_path_buf(),
        error,
    }
}

/// Whether the path is (a chain of symlinks ending at) /dev/null.
fn is_dev_null(path: &Path) -> bool {
    fs::canonicalize(path).is_ok_and(|p| p == Path::new("/dev/null"))
        || fs::read_link(path).is_ok_and(|t| t == Path::new("/dev/null"))
}

/// Loads the unit `name` from a unit directory (a toplevel's `etc/systemd/system`),
/// following symlinks: the file `<dir>/<name>` (masked when it leads to /dev/null) with the
/// drop-ins `<dir>/<name>.d/*.conf` applied in file name order. Without a file, a unit with
/// only drop-ins amends a host unit ([`Unit::dropin_only`]); an instance `a@b.service`
/// without its own file is loaded from the template `a@.service` (the template's drop-ins,
/// then the instance's). `Ok(None)` when the directory has nothing for that name.
///
/// Relations (`wanted_by`, aliases) are filled in by [`crate::SystemUnits::load`], which
/// sees the whole directory.
pub fn load_unit(dir: &Path, name: &str) -> Result<Option<Unit>, LoadError> {
    let path = dir.join(name);
    let exists = fs::symlink_metadata(&path).is_ok();
    if exists && is_dev_null(&path) {
        return Ok(Some(Unit::masked(name)));
    }
    let mut unit = if exists {
        let text = fs::read_to_string(&path).map_err(load_err(&path))?;
        let (file, errors) = UnitFile::parse_lenient(&text);
        let mut unit = Unit::with_file(name, file);
        unit.warnings
            .extend(errors.iter().map(|e| format!("{}: {e}", path.display())));
        unit
    } else if let Some(template) = template_of(name).filter(|t| {
        let p = dir.join(t);
        fs::symlink_metadata(&p).is_ok()
    }) {
        let mut unit = match load_unit(dir, &template)? {
            Some(u) => u,
            None => return Ok(None),
        };
        unit.name = name.to_string();
        unit.template = Some(template);
        if unit.masked {
            return Ok(Some(unit));
        }
        unit
    } else {
        let mut unit = Unit::with_file(name, UnitFile::default());
        unit.dropin_only = true;
        unit
    };
    let found = apply_dropins(dir, name, &mut unit)?;
    if unit.dropin_only && !found {
        return Ok(None);
    }
    Ok(Some(unit))
}

/// Applies `<dir>/<name>.d/*.conf` in file name order; whether there was any.
fn apply_dropins(dir: &Path, name: &str, unit: &mut Unit) -> Result<bool, LoadError> {
    let dropin_dir = dir.join(format!("{name}.d"));
    let entries = match fs::read_dir(&dropin_dir) {
        Ok(e) => e,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(load_err(&dropin_dir)(e)),
    };
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(load_err(&dropin_dir))?;
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if file_name.ends_with(".conf") {
            names.push(file_name);
        }
    }
    names.sort();
    for file_name in &names {
        let path = dropin_dir.join(file_name);
        if is_dev_null(&path) {
            continue; // a masked drop-in contributes nothing
        }
        let text = fs::read_to_string(&path).map_err(load_err(&path))?;
        let (file, errors) = UnitFile::parse_lenient(&text);
        unit.warnings
            .extend(errors.iter().map(|e| format!("{}: {e}", path.display())));
        unit.file.merge(&file);
    }
    Ok(!names.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_keys_and_repeats() {
        let f = UnitFile::parse(
            "[Unit]\nDescription = a thing \nAfter=a.service\nAfter=b.service\n\n[Service]\nExecStart=/bin/x\n",
        )
        .unwrap();
        assert_eq!(f.value("Unit", "Description"), Some("a thing"));
        assert_eq!(
            f.values("Unit", "After"),
            Some(vec!["a.service", "b.service"])
        );
        assert_eq!(f.value("Service", "ExecStart"), Some("/bin/x"));
        assert_eq!(f.values("Service", "User"), None);
    }

    #[test]
    fn comments_are_skipped() {
        let f = UnitFile::parse("# c\n; c\n[Unit]\n  # indented comment\nA=1\n").unwrap();
        assert_eq!(f.sections.len(), 1);
        assert_eq!(f.sections[0].entries.len(), 1);
    }

    #[test]
    fn continuation_lines() {
        let f = UnitFile::parse(
            "[Service]\nExecStart=/bin/echo \\\n  one \\\n# a comment inside\n  two\nUser=x\n",
        )
        .unwrap();
        assert_eq!(
            f.value("Service", "ExecStart"),
            Some("/bin/echo    one    two")
        );
        assert_eq!(f.value("Service", "User"), Some("x"));
    }

    #[test]
    fn empty_assignment_resets() {
        let f = UnitFile::parse("[Service]\nExecStart=/a\nExecStart=\nExecStart=/b\n").unwrap();
        assert_eq!(f.values("Service", "ExecStart"), Some(vec!["/b"]));
        let f = UnitFile::parse("[Service]\nPIDFile=\n").unwrap();
        assert_eq!(f.values("Service", "PIDFile"), Some(vec![]));
        assert_eq!(f.value("Service", "PIDFile"), None);
        assert_eq!(f.settings()["Service"]["PIDFile"], Vec::<String>::new());
    }

    #[test]
    fn repeated_section_headers_merge() {
        let f = UnitFile::parse("[Unit]\nA=1\n[Service]\nB=2\n[Unit]\nA=3\n").unwrap();
        assert_eq!(f.sections.len(), 2);
        assert_eq!(f.values("Unit", "A"), Some(vec!["1", "3"]));
    }

    #[test]
    fn escapes_and_quotes_are_kept() {
        let f = UnitFile::parse(
            "[Unit]\nAfter=dev-disk-by\\x2dlabel-root.device\n[Service]\nEnvironment=\"A=b c\"\n",
        )
        .unwrap();
        assert_eq!(
            f.value("Unit", "After"),
            Some("dev-disk-by\\x2dlabel-root.device")
        );
        assert_eq!(f.value("Service", "Environment"), Some("\"A=b c\""));
    }

    #[test]
    fn errors() {
        assert_eq!(UnitFile::parse("A=1\n").unwrap_err().line, 1);
        assert!(UnitFile::parse("[Unit\n").is_err());
        assert!(UnitFile::parse("[Unit]\nnot an assignment\n").is_err());
        assert!(UnitFile::parse("[Unit]\n=x\n").is_err());
        let (f, errors) = UnitFile::parse_lenient("[Unit]\nbad\nA=1\n");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, 2);
        assert_eq!(f.value("Unit", "A"), Some("1"));
    }

    #[test]
    fn booleans() {
        let f = UnitFile::parse("[Service]\nA=yes\nB=Off\nC=maybe\nD=\n").unwrap();
        assert!(f.bool_or("Service", "A", false));
        assert!(!f.bool_or("Service", "B", true));
        assert!(f.bool_or("Service", "C", true));
        assert!(f.bool_or("Service", "D", true));
        assert!(!f.bool_or("Service", "E", false));
    }

    #[test]
    fn install_is_left_out_of_settings() {
        let f = UnitFile::parse("[Unit]\nA=1\n[Install]\nWantedBy=multi-user.target\n").unwrap();
        assert!(f.has_section("Install"));
        assert!(!f.settings().contains_key("Install"));
    }

    #[test]
    fn dropin_merge_appends_and_resets() {
        let mut f = UnitFile::parse("[Service]\nExecStart=/a\nEnvironment=A=1\n").unwrap();
        f.merge(
            &UnitFile::parse("[Service]\nExecStart=\nExecStart=/b\nEnvironment=B=2\n[Unit]\nX=1\n")
                .unwrap(),
        );
        assert_eq!(f.values("Service", "ExecStart"), Some(vec!["/b"]));
        assert_eq!(f.values("Service", "Environment"), Some(vec!["A=1", "B=2"]));
        assert_eq!(f.value("Unit", "X"), Some("1"));
    }

    #[test]
    fn names() {
        assert_eq!(unit_kind("a.b.service"), "service");
        assert_eq!(unit_base_name("a.b.service"), "a.b");
        assert_eq!(
            template_of("getty@tty1.service").as_deref(),
            Some("getty@.service")
        );
        assert_eq!(template_of("getty@.service"), None);
        assert_eq!(template_of("nginx.service"), None);
    }
}
