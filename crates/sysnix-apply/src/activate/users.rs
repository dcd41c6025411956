//! Users and groups: `systemd-sysusers` with the new system's sysusers.d lines (fed on
//! stdin, so it runs before /etc is switched), plus lines for normal users without a
//! fixed uid (allocated here from 1000 up, as NixOS does). sysusers only ever adds: an
//! existing user is left as it is, and a user that leaves the configuration keeps its
//! account and its files (the state file only forgets that sysnix made it).

use super::{Ctx, run};
use crate::layout::Layout;
use std::collections::BTreeSet;
use std::process::Command;

/// Names in the root's `/etc/passwd` or `/etc/group`.
pub fn names(layout: &Layout, db: &str) -> BTreeSet<String> {
    entries(layout, db).into_iter().map(|(n, _)| n).collect()
}

fn entries(layout: &Layout, db: &str) -> Vec<(String, u32)> {
    let text = std::fs::read_to_string(layout.etc().join(db)).unwrap_or_default();
    text.lines()
        .filter_map(|l| {
            let mut f = l.split(':');
            let name = f.next()?.to_string();
            f.next()?;
            let id = f.next()?.parse().ok()?;
            Some((name, id))
        })
        .collect()
}

/// A user or group given as a name or `+<id>`, as a number (looked up in the root's
/// `passwd` / `group`).
pub fn resolve_id(layout: &Layout, db: &str, who: &str) -> Option<u32> {
    if let Some(id) = who.strip_prefix('+') {
        return id.parse().ok();
    }
    if let Ok(id) = who.parse() {
        return Some(id);
    }
    entries(layout, db)
        .into_iter()
        .find(|(n, _)| n == who)
        .map(|(_, id)| id)
}

/// The sysusers.d lines of the new system.
fn sysusers_config(ctx: &Ctx) -> String {
    let dir = ctx.toplevel_host.join("etc/sysusers.d");
    let mut text = String::new();
    for leaf in super::tree_leaves(&dir) {
        if let Ok(t) = std::fs::read_to_string(dir.join(&leaf)) {
            text.push_str(&t);
            if !text.ends_with('\n') {
                text.push('\n');
            }
        }
    }
    text
}

/// Lines for normal users without a uid that do not exist yet.
fn normal_user_lines(ctx: &Ctx) -> String {
    let mut used: BTreeSet<u32> = entries(ctx.layout, "passwd")
        .into_iter()
        .map(|(_, id)| id)
        .collect();
    let existing = names(ctx.layout, "passwd");
    let mut text = String::new();
    for (name, u) in &ctx.manifest.users {
        let normal = u.get("isNormalUser").and_then(|v| v.as_bool()) == Some(true);
        if !normal || !u.get("uid").is_none_or(|v| v.is_null()) || existing.contains(name) {
            continue;
        }
        let uid = (1000..).find(|id| !used.contains(id)).expect("a free uid");
        used.insert(uid);
        let s = |k: &str, d: &str| u.get(k).and_then(|v| v.as_str()).unwrap_or(d).to_string();
        let desc = s("description", "").replace('"', "");
        let group = s("group", "users");
        let home = s("home", "/var/empty");
        let shell = s("shell", "-");
        text.push_str(&format!(
            "u {name} {uid}:{group} \"{desc}\" {home} {shell}\n"
        ));
    }
    text
}

/// Creates the system's users and groups.
pub fn apply(ctx: &mut Ctx) {
    let mut config = sysusers_config(ctx);
    config.push_str(&normal_user_lines(ctx));
    if config.trim().is_empty() {
        return;
    }
    if !super::have_program("systemd-sysusers") {
        ctx.report
            .error("systemd-sysusers is not installed (package systemd); users were not created");
        return;
    }
    let users_before = names(ctx.layout, "passwd");
    let groups_before = names(ctx.layout, "group");
    let mut cmd = Command::new("systemd-sysusers");
    if ctx.layout.is_offline() {
        cmd.arg(format!("--root={}", ctx.layout.root.display()));
    }
    cmd.arg("-");
    let ran = run(&mut cmd, Some(&config));
    if !ran.ok {
        ctx.report.error(format!(
            "creating users (systemd-sysusers) failed:\n{}",
            ran.output
        ));
    }
    for u in names(ctx.layout, "passwd").difference(&users_before) {
        eprintln!("created user {u}");
        ctx.state.users_created.insert(u.clone());
    }
    for g in names(ctx.layout, "group").difference(&groups_before) {
        ctx.state.groups_created.insert(g.clone());
    }
    for u in &ctx.state.users_created {
        if !ctx.manifest.users.contains_key(u) {
            eprintln!(
                "note: user {u} is no longer in the configuration; its account and files are kept"
            );
        }
    }
}
