//! Rendering an assessment: the per-setting table and a one-line-per-unit summary.
//!
//! The table has systemd-analyze's columns (marker, NAME, DESCRIPTION, EXPOSURE). Its row
//! order is ours: the largest shares of the exposure first, then the good rows, then the
//! rows that do not apply (systemd sorts by its description texts, which we do not share).

use std::cmp::Reverse;

use crate::{Assessment, Row, Verdict, tenths};

fn order_key(row: &Row) -> (u8, Reverse<u64>, &str) {
    let group = match row.verdict {
        Verdict::Bad | Verdict::Partial => 0,
        Verdict::Good => 1,
        Verdict::NotApplicable => 2,
    };
    (group, Reverse(row.exposure.unwrap_or(0)), row.name.as_str())
}

pub(crate) fn render_table(a: &Assessment) -> String {
    let mut rows: Vec<&Row> = a.rows.iter().collect();
    rows.sort_by(|x, y| order_key(x).cmp(&order_key(y)));
    let width = |header: &str, cell: &dyn Fn(&Row) -> usize| {
        rows.iter()
            .map(|r| cell(r))
            .chain([header.chars().count()])
            .max()
            .unwrap_or(0)
    };
    let name_w = width("NAME", &|r| r.name.chars().count());
    let desc_w = width("DESCRIPTION", &|r| r.description.chars().count());
    let exp_w = "EXPOSURE".len();
    let mut out = String::new();
    let mut line = |mark: &str, name: &str, desc: &str, exposure: &str| {
        let text = format!("{mark} {name:<name_w$} {desc:<desc_w$} {exposure:>exp_w$}");
        out.push_str(text.trim_end());
        out.push('\n');
    };
    line(" ", "NAME", "DESCRIPTION", "EXPOSURE");
    for r in rows {
        line(
            r.verdict.mark(),
            &r.name,
            &r.description,
            &r.exposure_text(),
        );
    }
    out
}

/// `unit  exposure  level`, one line per assessment, the most exposed first.
pub fn render_summary(assessments: &[Assessment]) -> String {
    let mut sorted: Vec<&Assessment> = assessments.iter().collect();
    sorted.sort_by(|a, b| b.exposure.cmp(&a.exposure).then(a.unit.cmp(&b.unit)));
    let unit_w = sorted
        .iter()
        .map(|a| a.unit.chars().count())
        .chain([4])
        .max()
        .unwrap_or(4);
    let mut out = format!("{:<unit_w$} {:>8} {}\n", "UNIT", "EXPOSURE", "PREDICATE");
    for a in sorted {
        out.push_str(&format!(
            "{:<unit_w$} {:>8} {} {}\n",
            a.unit,
            tenths(u64::from(a.exposure)),
            a.level(),
            a.smiley()
        ));
    }
    out
}
