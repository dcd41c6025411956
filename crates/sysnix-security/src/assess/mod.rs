//! The checks `systemd-analyze security` (systemd 252) makes, each with its weight and
//! range, and the scoring: a check's badness (0 = fully protected … range = unprotected)
//! counts `ceil(badness × weight / range)` towards the sum; the overall exposure, in
//! tenths, is `ceil(sum × 100 / total weight)` over the checks that apply.
//!
//! Names (`PrivateNetwork=`), JSON field names, weights and ranges are systemd's, so the
//! numbers agree; the descriptions are our own words.

mod checks;

use crate::names::{self, cap_bit};
use crate::settings::Settings;
use crate::{Row, Verdict};

/// How a check judges the settings.
enum Eval {
    /// Protected when the predicate holds.
    Flag(fn(&Settings) -> bool),
    /// Unprotected while the bounding set keeps any of these capabilities.
    Capabilities(u64),
    /// Unprotected while the unit may create this kind of namespace.
    Namespace(&'static str),
    /// Its own badness and description; `None` when the check does not apply.
    Graded(fn(&Settings) -> Option<(u64, String)>),
}

struct Check {
    name: &'static str,
    json_field: &'static str,
    weight: u64,
    range: u64,
    /// Not assessed for units outside the normal boot ordering (`DefaultDependencies=no`).
    needs_default_dependencies: bool,
    good: &'static str,
    bad: &'static str,
    eval: Eval,
}

/// A check with a given weight and range, assessed by `eval`; `good`/`bad` describe a
/// pass/fail outcome.
const fn check(
    name: &'static str,
    json_field: &'static str,
    weight: u64,
    range: u64,
    (good, bad): (&'static str, &'static str),
    eval: Eval,
) -> Check {
    Check {
        name,
        json_field,
        weight,
        range,
        needs_default_dependencies: false,
        good,
        bad,
        eval,
    }
}

const fn flag(
    name: &'static str,
    json_field: &'static str,
    weight: u64,
    good: &'static str,
    bad: &'static str,
    f: fn(&Settings) -> bool,
) -> Check {
    check(name, json_field, weight, 1, (good, bad), Eval::Flag(f))
}

const fn graded(
    name: &'static str,
    json_field: &'static str,
    weight: u64,
    range: u64,
    f: fn(&Settings) -> Option<(u64, String)>,
) -> Check {
    check(name, json_field, weight, range, ("", ""), Eval::Graded(f))
}

const fn boot_phase(mut check: Check) -> Check {
    check.needs_default_dependencies = true;
    check
}

fn capabilities(
    name: &'static str,
    json_field: &'static str,
    weight: u64,
    caps: &[&str],
    good: &'static str,
    bad: &'static str,
) -> Check {
    let mask = caps.iter().fold(0, |m, c| m | cap_bit(c));
    check(
        name,
        json_field,
        weight,
        1,
        (good, bad),
        Eval::Capabilities(mask),
    )
}

fn namespace(name: &'static str, kind: &'static str, weight: u64, what: &'static str) -> Check {
    let json_field = match kind {
        "user" => "RestrictNamespaces_user",
        "mnt" => "RestrictNamespaces_mnt",
        "ipc" => "RestrictNamespaces_ipc",
        "pid" => "RestrictNamespaces_pid",
        "cgroup" => "RestrictNamespaces_cgroup",
        "net" => "RestrictNamespaces_net",
        _ => "RestrictNamespaces_uts",
    };
    check(
        name,
        json_field,
        weight,
        1,
        (what, what),
        Eval::Namespace(kind),
    )
}

/// `ceil(a / b)`.
fn div_up(a: u64, b: u64) -> u64 {
    a.div_ceil(b)
}

/// Every check's row, and the overall exposure in tenths (0..=100).
pub(crate) fn assess(s: &Settings) -> (Vec<Row>, u32) {
    let mut rows = Vec::new();
    for check in checks::checks() {
        let outcome = if check.needs_default_dependencies && !s.default_dependencies {
            None
        } else {
            match check.eval {
                Eval::Flag(f) => Some(match f(s) {
                    true => (0, check.good.to_string()),
                    false => (1, check.bad.to_string()),
                }),
                Eval::Capabilities(mask) => Some(match s.capability_bounding_set & mask {
                    0 => (0, check.good.to_string()),
                    _ => (1, check.bad.to_string()),
                }),
                Eval::Namespace(kind) => {
                    let flag = names::namespace(kind).unwrap_or(0);
                    Some(match s.restrict_namespaces & flag {
                        0 => (0, format!("Cannot create {}", check.good)),
                        _ => (1, format!("May create {}", check.bad)),
                    })
                }
                Eval::Graded(f) => f(s),
            }
        };
        let (verdict, badness, description) = match outcome {
            None => {
                let why = match check.needs_default_dependencies && !s.default_dependencies {
                    true => {
                        "Not assessed: the unit runs outside the normal boot order (DefaultDependencies=no)"
                    }
                    false => "Not assessed: it runs as root, where this does not matter",
                };
                (Verdict::NotApplicable, 0, why.to_string())
            }
            Some((b, d)) => {
                let b = b.min(check.range);
                let verdict = match b {
                    0 => Verdict::Good,
                    b if b == check.range => Verdict::Bad,
                    _ => Verdict::Partial,
                };
                (verdict, b, d)
            }
        };
        rows.push(Row {
            name: check.name.to_string(),
            json_field: check.json_field.to_string(),
            description,
            verdict,
            weight: check.weight,
            badness,
            range: check.range,
            exposure: None,
        });
    }
    let assessed = || rows.iter().filter(|r| r.verdict != Verdict::NotApplicable);
    let weight_sum: u64 = assessed().map(|r| r.weight).sum();
    let badness_sum: u64 = assessed()
        .map(|r| div_up(r.badness * r.weight, r.range))
        .sum();
    let exposure = match weight_sum {
        0 => 0,
        w => div_up(badness_sum * 100, w).min(100) as u32,
    };
    for row in &mut rows {
        if row.verdict != Verdict::NotApplicable && row.badness > 0 {
            row.exposure = Some(div_up(
                div_up(row.badness * row.weight * 100, row.range),
                weight_sum.max(1),
            ));
        }
    }
    (rows, exposure)
}

/// The overall exposure with one row fixed (its badness 0), for ranking improvements.
pub(crate) fn exposure_without(rows: &[Row], fixed: &Row) -> u32 {
    let assessed = rows.iter().filter(|r| r.verdict != Verdict::NotApplicable);
    let weight_sum: u64 = assessed.clone().map(|r| r.weight).sum();
    let badness_sum: u64 = assessed
        .filter(|r| r.name != fixed.name)
        .map(|r| div_up(r.badness * r.weight, r.range))
        .sum();
    match weight_sum {
        0 => 0,
        w => div_up(badness_sum * 100, w).min(100) as u32,
    }
}
