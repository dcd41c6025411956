//! Reading a unit as systemd's offline loader does: the file, then its drop-ins
//! (`<file>.d/*.conf`, in file name order) applied on top.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use sysnix_plan::unit_file::UnitFile;

use crate::Error;

/// The unit types that carry an execution context, with the section that holds it.
const EXEC_SECTIONS: &[(&str, &str)] = &[
    ("service", "Service"),
    ("socket", "Socket"),
    ("mount", "Mount"),
    ("swap", "Swap"),
];

/// A unit's name and its text with drop-ins applied.
#[derive(Debug, Clone)]
pub(crate) struct LoadedUnit {
    pub name: String,
    pub file: UnitFile,
}

impl LoadedUnit {
    /// The section holding the execution and cgroup settings (`[Service]` for a service).
    pub fn exec_section(&self) -> Option<&'static str> {
        unit_type(&self.name).and_then(|t| {
            EXEC_SECTIONS
                .iter()
                .find(|(suffix, _)| *suffix == t)
                .map(|(_, section)| *section)
        })
    }

    pub fn is_service(&self) -> bool {
        unit_type(&self.name) == Some("service")
    }
}

fn unit_type(name: &str) -> Option<&str> {
    name.rsplit_once('.').map(|(_, suffix)| suffix)
}

/// Checks a unit name enough for the assessment: a prefix and a unit type suffix.
pub(crate) fn check_name(name: &str) -> Result<(), Error> {
    let bad = |reason: &str| Error::BadName {
        name: name.to_string(),
        reason: reason.to_string(),
    };
    let Some((prefix, suffix)) = name.rsplit_once('.') else {
        return Err(bad("a unit name ends in its type, e.g. `foo.service`"));
    };
    if prefix.is_empty() || name.contains('/') || name.chars().any(char::is_whitespace) {
        return Err(bad("not a valid unit name"));
    }
    const TYPES: &[&str] = &[
        "service",
        "socket",
        "target",
        "device",
        "mount",
        "automount",
        "swap",
        "timer",
        "path",
        "slice",
        "scope",
    ];
    if !TYPES.contains(&suffix) {
        return Err(bad("unknown unit type suffix"));
    }
    Ok(())
}

/// Parses one unit text; a line systemd would reject is an error naming `origin:line`.
pub(crate) fn parse(origin: &str, text: &str) -> Result<UnitFile, Error> {
    UnitFile::parse(text).map_err(|e| Error::Syntax {
        file: origin.to_string(),
        line: e.line,
        message: e.message,
    })
}

/// Loads a unit file and its `<file>.d/*.conf` drop-ins.
pub(crate) fn load_file(path: &Path) -> Result<LoadedUnit, Error> {
    let io_err = |path: &Path, source: io::Error| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| Error::BadName {
            name: path.display().to_string(),
            reason: "the path does not end in a unit file name".to_string(),
        })?
        .to_string();
    check_name(&name)?;
    let text = fs::read_to_string(path).map_err(|e| io_err(path, e))?;
    let mut file = parse(&path.display().to_string(), &text)?;
    for dropin in dropins(path).map_err(|e| io_err(path, e))? {
        let text = fs::read_to_string(&dropin).map_err(|e| io_err(&dropin, e))?;
        file.merge(&parse(&dropin.display().to_string(), &text)?);
    }
    Ok(LoadedUnit { name, file })
}

/// `<path>.d/*.conf`, sorted by file name as systemd applies them.
fn dropins(path: &Path) -> io::Result<Vec<PathBuf>> {
    let mut dir = path.as_os_str().to_owned();
    dir.push(".d");
    let dir = PathBuf::from(dir);
    let entries = match fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) if e.kind() == io::ErrorKind::NotADirectory => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut found = Vec::new();
    for entry in entries {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "conf") && path.is_file() {
            found.push(path);
        }
    }
    found.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    Ok(found)
}
