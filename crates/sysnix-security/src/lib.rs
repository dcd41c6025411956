//! systemd's exposure score (`systemd-analyze security`), computed by sysnix from unit
//! files, offline, with the numbers systemd 252 gives (`--offline=true`).
//!
//! - `unit`: reading a unit file and its drop-ins.
//! - `settings`: the effective security settings after systemd's
//!   defaults and implications, each directive's value syntax.
//! - `syscalls`, `names`: system call groups (checked-in data) and the names
//!   capabilities, address families, namespaces and architectures go by.
//! - `assess`: the checks (`assess/checks.rs`), their weights and the score.
//! - `report`: the table, the overall line, JSON.
//!
//! ```no_run
//! let a = sysnix_security::assess_text("web.service", "[Service]\nExecStart=/bin/web\nDynamicUser=yes\n")?;
//! println!("{}{}", a.render_table(), a.overall_line());
//! # Ok::<(), sysnix_security::Error>(())
//! ```

mod assess;
mod names;
pub mod report;
mod settings;
mod syscalls;
mod unit;

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use serde::Serialize;

/// What went wrong reading a unit.
#[derive(Debug)]
pub enum Error {
    Io {
        path: PathBuf,
        source: io::Error,
    },
    /// A line systemd would not accept, at `file:line`.
    Syntax {
        file: String,
        line: usize,
        message: String,
    },
    BadName {
        name: String,
        reason: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "cannot read {}: {source}", path.display()),
            Error::Syntax {
                file,
                line,
                message,
            } => write!(f, "{file}:{line}: {message}"),
            Error::BadName { name, reason } => write!(f, "{name:?}: {reason}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// How one check judged the unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Fully protected (badness 0): systemd's ✓.
    Good,
    /// Partly protected (0 < badness < range): systemd's ✗ with a smaller share.
    Partial,
    /// Unprotected (badness = range): systemd's ✗.
    Bad,
    /// Not assessed for this unit (root service, `DefaultDependencies=no`): no mark.
    NotApplicable,
}

impl Verdict {
    /// The marker systemd-analyze prints: `✓`, `✗` or a blank.
    pub fn mark(self) -> &'static str {
        match self {
            Verdict::Good => "✓",
            Verdict::Partial | Verdict::Bad => "✗",
            Verdict::NotApplicable => " ",
        }
    }

    /// systemd's JSON `set` field: true when good, false when (partly) bad, null for n/a.
    pub fn set(self) -> Option<bool> {
        match self {
            Verdict::Good => Some(true),
            Verdict::Partial | Verdict::Bad => Some(false),
            Verdict::NotApplicable => None,
        }
    }
}

/// One check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// The setting checked, as systemd names the check (`PrivateNetwork=`,
    /// `SystemCallFilter=~@clock`).
    pub name: String,
    /// systemd's JSON field name for the check (`PrivateNetwork`).
    pub json_field: String,
    /// What the setting means for this unit (our wording).
    pub description: String,
    pub verdict: Verdict,
    pub weight: u64,
    /// 0 (protected) ..= `range` (unprotected); 0 when not applicable.
    pub badness: u64,
    pub range: u64,
    /// This row's share of the overall exposure, in tenths as systemd prints it (`0.2` →
    /// 2); `None` when the row is good or not applicable.
    pub exposure: Option<u64>,
}

impl Row {
    /// The exposure column as systemd prints it (`"0.2"`), empty when none.
    pub fn exposure_text(&self) -> String {
        self.exposure.map(tenths).unwrap_or_default()
    }
}

/// The assessment of one unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assessment {
    pub unit: String,
    /// Overall exposure in tenths, 0..=100 (`9.6` → 96).
    pub exposure: u32,
    /// `level()`, kept in the JSON.
    pub level: &'static str,
    pub rows: Vec<Row>,
}

/// `96` → `"9.6"`.
pub fn tenths(n: u64) -> String {
    format!("{}.{}", n / 10, n % 10)
}

/// systemd's levels: the first whose threshold the exposure reaches, with its smiley.
const LEVELS: &[(u32, &str, &str)] = &[
    (100, "DANGEROUS", "🤢"),
    (90, "UNSAFE", "😨"),
    (75, "EXPOSED", "🙁"),
    (50, "MEDIUM", "😐"),
    (10, "OK", "🙂"),
    (1, "SAFE", "😀"),
    (0, "PERFECT", "😇"),
];

fn level_of(exposure: u32) -> (&'static str, &'static str) {
    LEVELS
        .iter()
        .find(|(threshold, _, _)| exposure >= *threshold)
        .map(|(_, name, smiley)| (*name, *smiley))
        .unwrap_or(("PERFECT", "😇"))
}

impl Assessment {
    fn from_unit(unit: &unit::LoadedUnit) -> Assessment {
        let settings = settings::Settings::of(unit);
        let (rows, exposure) = assess::assess(&settings);
        Assessment {
            unit: unit.name.clone(),
            exposure,
            level: level_of(exposure).0,
            rows,
        }
    }

    /// `PERFECT`, `SAFE`, `OK`, `MEDIUM`, `EXPOSED`, `UNSAFE` or `DANGEROUS`, at systemd's
    /// thresholds (0, 0.1, 1.0, 5.0, 7.5, 9.0, 10.0).
    pub fn level(&self) -> &'static str {
        level_of(self.exposure).0
    }

    /// The smiley systemd prints after the level.
    pub fn smiley(&self) -> &'static str {
        level_of(self.exposure).1
    }

    /// `→ Overall exposure level for x.service: 3.4 OK 🙂`, as systemd-analyze prints it.
    pub fn overall_line(&self) -> String {
        format!(
            "→ Overall exposure level for {}: {} {} {}",
            self.unit,
            tenths(u64::from(self.exposure)),
            self.level(),
            self.smiley()
        )
    }

    /// The per-setting table (see [`report`]).
    pub fn render_table(&self) -> String {
        report::render_table(self)
    }

    /// The bad rows, those whose fix would lower the overall exposure most first (ties:
    /// the larger share, then the name).
    pub fn improvements(&self) -> Vec<&Row> {
        let mut bad: Vec<(&Row, u32)> = self
            .rows
            .iter()
            .filter(|r| matches!(r.verdict, Verdict::Bad | Verdict::Partial))
            .map(|r| (r, assess::exposure_without(&self.rows, r)))
            .collect();
        bad.sort_by(|(a, a_after), (b, b_after)| {
            a_after
                .cmp(b_after)
                .then(b.exposure.cmp(&a.exposure))
                .then(a.name.cmp(&b.name))
        });
        bad.into_iter().map(|(r, _)| r).collect()
    }

    /// The overall exposure if `row` were fixed.
    pub fn exposure_if_fixed(&self, row: &Row) -> u32 {
        assess::exposure_without(&self.rows, row)
    }
}

/// Assesses a unit file, with its `<path>.d/*.conf` drop-ins.
pub fn assess_file(path: &Path) -> Result<Assessment, Error> {
    Ok(Assessment::from_unit(&unit::load_file(path)?))
}

/// Assesses a unit given as text (no drop-ins).
pub fn assess_text(unit_name: &str, text: &str) -> Result<Assessment, Error> {
    unit::check_name(unit_name)?;
    let file = unit::parse(unit_name, text)?;
    Ok(Assessment::from_unit(&unit::LoadedUnit {
        name: unit_name.to_string(),
        file,
    }))
}

#[cfg(test)]
mod tests;
