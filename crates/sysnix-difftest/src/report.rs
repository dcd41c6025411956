//! The outcome of a corpus run and its human-readable rendering.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

/// Environment variable overriding how many failure diffs are shown.
pub const MAX_DIFFS_VAR: &str = "SYSNIX_CORPUS_MAX_DIFFS";
/// Failure diffs shown in full by default; the rest are listed by name.
const DEFAULT_MAX_DIFFS: usize = 40;
/// Lines of one failure's diff shown at most.
const MAX_DIFF_LINES: usize = 80;

fn max_diffs() -> usize {
    std::env::var(MAX_DIFFS_VAR)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_MAX_DIFFS)
}

/// Pass/fail counts of one family.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub passed: usize,
    pub failed: usize,
}

/// One case that did not match its recording.
#[derive(Debug, Clone)]
pub struct Failure {
    /// `family/name`.
    pub id: String,
    /// The case file.
    pub path: PathBuf,
    /// The command line run (for reproducing by hand).
    pub command: String,
    /// The file compared against.
    pub expected_path: PathBuf,
    /// Its content, or `None` when it does not exist.
    pub expected: Option<String>,
    /// The normalised result text obtained.
    pub actual: String,
    pub elapsed: Duration,
}

impl Failure {
    /// A unified-style line diff of expected vs actual.
    pub fn diff(&self) -> String {
        match &self.expected {
            None => format!(
                "missing {} (record it with corpus-record); got:\n{}",
                self.expected_path.display(),
                indent(&self.actual)
            ),
            Some(exp) => line_diff(exp, &self.actual),
        }
    }
}

/// The outcome of [`crate::run_corpus`].
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub passed: usize,
    pub failed: usize,
    pub families: BTreeMap<String, Counts>,
    pub failures: Vec<Failure>,
    /// Problems with the corpus itself (unreadable case files...); each also
    /// counts as a failure.
    pub errors: Vec<String>,
    pub elapsed: Duration,
}

impl Report {
    /// True when every case passed and the corpus was readable.
    pub fn is_success(&self) -> bool {
        self.failed == 0 && self.errors.is_empty() && self.passed > 0
    }

    /// `corpus: N passed, M failed` (the line CI reads).
    pub fn summary_line(&self) -> String {
        format!("corpus: {} passed, {} failed", self.passed, self.failed)
    }

    /// Print the full report to stdout; its last line is [`Self::summary_line`].
    pub fn print(&self) {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        let _ = write!(out, "{self}");
        let _ = out.flush();
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let max = max_diffs();
        for failure in self.failures.iter().take(max) {
            writeln!(
                f,
                "---- FAIL {} ({:.2}s)",
                failure.id,
                failure.elapsed.as_secs_f64()
            )?;
            writeln!(
                f,
                "     cd {} && {}",
                failure
                    .path
                    .parent()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default(),
                failure.command
            )?;
            writeln!(f, "     expected: {}", failure.expected_path.display())?;
            let diff = failure.diff();
            let total = diff.lines().count();
            for line in diff.lines().take(MAX_DIFF_LINES) {
                writeln!(f, "  {line}")?;
            }
            if total > MAX_DIFF_LINES {
                writeln!(f, "  ... ({} more lines)", total - MAX_DIFF_LINES)?;
            }
        }
        if self.failures.len() > max {
            writeln!(
                f,
                "---- {} more failures (set {MAX_DIFFS_VAR} to see more diffs):",
                self.failures.len() - max
            )?;
            for failure in &self.failures[max..] {
                writeln!(f, "     {}", failure.id)?;
            }
        }
        for err in &self.errors {
            writeln!(f, "---- CORPUS ERROR {err}")?;
        }
        writeln!(f, "per family (passed/total):")?;
        for (family, c) in &self.families {
            let mark = if c.failed == 0 { "" } else { "   <-- failures" };
            writeln!(
                f,
                "  {family:<24} {:>4}/{:<4}{mark}",
                c.passed,
                c.passed + c.failed
            )?;
        }
        writeln!(f, "time: {:.1}s", self.elapsed.as_secs_f64())?;
        writeln!(f, "{}", self.summary_line())
    }
}

fn indent(s: &str) -> String {
    s.lines().map(|l| format!("    {l}\n")).collect()
}

/// Line diff (LCS based) rendered with `-` for expected and `+` for actual.
pub fn line_diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    // Keep it cheap for pathological sizes.
    if a.len() * b.len() > 4_000_000 {
        return format!(
            "(outputs too large to diff)\n--- expected\n{}+++ actual\n{}",
            indent(expected),
            indent(actual)
        );
    }
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut out = String::from("--- expected\n+++ actual\n");
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            out.push_str(&format!("  {}\n", a[i]));
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push_str(&format!("+ {}\n", b[j]));
            j += 1;
        } else {
            out.push_str(&format!("- {}\n", a[i]));
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_marks_changes() {
        let d = line_diff(
            "exit: 0\nstdout:\n1\nstderr:\n",
            "exit: 0\nstdout:\n2\nstderr:\n",
        );
        assert!(d.contains("- 1\n"));
        assert!(d.contains("+ 2\n"));
        assert!(d.contains("  stdout:\n"));
    }

    #[test]
    fn summary_is_last_line() {
        let r = Report {
            passed: 3,
            failed: 1,
            ..Default::default()
        };
        let s = r.to_string();
        assert_eq!(s.lines().last().unwrap(), "corpus: 3 passed, 1 failed");
        assert!(s.ends_with('\n'));
    }
}
