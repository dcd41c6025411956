//! Two real systems built by `sysnix build` from tests/data/v1.nix and v2.nix (snapshots of
//! their `etc/systemd/system`, made by tests/data/refresh.sh), planned against a runtime in
//! which everything of v1 runs.

use std::path::{Path, PathBuf};
use std::process::Command;

use sysnix_plan::{ChangeKind, Mode, Plan, Runtime, SystemUnits, UnitAction, plan};

fn data(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(dir)
}

/// v1 running: its services, the socket and the host's targets and cron.
fn v1_running() -> Runtime {
    let mut rt = Runtime::new()
        .with("multi-user.target", "active", "active")
        .with("sockets.target", "active", "active")
        .with("timers.target", "active", "active")
        .with("cron.service", "active", "running")
        .with("echo.socket", "active", "listening")
        .with("ssh.service", "active", "running");
    for s in [
        "nbd-server",
        "inplace",
        "pinned",
        "triggered",
        "steady",
        "retired",
        "doomed",
        "echo",
    ] {
        rt.insert(&format!("{s}.service"), "active", "running");
    }
    for s in ["reloader", "sysnix-firewall"] {
        rt.insert(&format!("{s}.service"), "active", "exited");
    }
    rt
}

fn actions(list: &[UnitAction]) -> Vec<(&str, &str)> {
    list.iter()
        .map(|a| (a.unit.as_str(), a.reason.as_str()))
        .collect()
}

fn names(p: &Plan) -> Vec<Vec<&str>> {
    [&p.stop, &p.skip, &p.reload, &p.restart, &p.start]
        .iter()
        .map(|l| l.iter().map(|a| a.unit.as_str()).collect())
        .collect()
}

#[test]
fn loads_a_built_unit_directory() {
    let v1 = SystemUnits::load(&data("v1")).unwrap();
    let v2 = SystemUnits::load(&data("v2")).unwrap();
    assert!(v1.warnings.is_empty(), "{:?}", v1.warnings);
    assert!(v2.warnings.is_empty(), "{:?}", v2.warnings);
    let steady = &v1.units["steady.service"];
    assert_eq!(steady.aliases, vec!["steady-alias.service"]);
    assert!(!v1.units.contains_key("steady-alias.service"));
    assert_eq!(steady.wanted_by, vec!["multi-user.target"]);
    assert_eq!(v1.units["echo.socket"].wanted_by, vec!["sockets.target"]);
    assert!(v1.units["echo.service"].wanted_by.is_empty());
    let cron = &v1.units["cron.service"];
    assert!(cron.dropin_only);
    assert_eq!(
        cron.file.values("Service", "Environment").unwrap()[0],
        "\"CRON_LEVEL=1\""
    );
    assert!(!v1.units["doomed.service"].masked);
    assert!(v2.units["doomed.service"].masked);
    // A masked unit keeps no links.
    assert!(v2.units["doomed.service"].wanted_by.is_empty());
    assert_eq!(v2.units["app-worker.service"].wanted_by, vec!["app.target"]);
    assert_eq!(
        v1.units["nbd-server.service"].file.value("Service", "Type"),
        Some("forking")
    );
}

#[test]
fn plans_the_switch_from_v1_to_v2() {
    let v1 = SystemUnits::load(&data("v1")).unwrap();
    let v2 = SystemUnits::load(&data("v2")).unwrap();
    let p = plan(Some(&v1), &v2, &v1_running(), Mode::Switch);
    assert_eq!(
        actions(&p.stop),
        vec![
            ("cron.service", "drop-ins: Environment changed"),
            ("doomed.service", "masked in the new configuration"),
            (
                "echo.service",
                "ExecStart changed; its socket starts it again on demand"
            ),
            ("echo.socket", "socket of echo.service, which changed"),
            (
                "nbd-server.service",
                "ExecStart and X-Restart-Triggers changed"
            ),
            ("retired.service", "removed from the configuration"),
        ]
    );
    assert_eq!(
        actions(&p.skip),
        vec![(
            "pinned.service",
            "ExecStart changed, but X-RestartIfChanged=false"
        )]
    );
    assert_eq!(
        actions(&p.reload),
        vec![
            (
                "reloader.service",
                "ExecReload and ExecStart changed (X-ReloadIfChanged=true)"
            ),
            ("triggered.service", "X-Reload-Triggers changed"),
        ]
    );
    assert_eq!(
        actions(&p.restart),
        vec![("inplace.service", "ExecStart changed")]
    );
    assert_eq!(
        actions(&p.start),
        vec![
            ("app-worker.service", "new unit, wanted by app.target"),
            ("app.target", "new unit, wanted by multi-user.target"),
            ("cron.service", "drop-ins: Environment changed"),
            (
                "echo.socket",
                "socket of echo.service, which changed; it starts echo.service on demand"
            ),
            ("fresh.service", "new unit, wanted by multi-user.target"),
            (
                "nbd-server.service",
                "ExecStart and X-Restart-Triggers changed"
            ),
        ]
    );
    // echo.socket's file is the same, but it is cycled with its service.
    assert_eq!(
        p.unchanged_units,
        vec!["steady.service", "sysnix-firewall.service"]
    );
    let kinds: Vec<(&str, ChangeKind)> = p
        .changes
        .iter()
        .map(|c| (c.unit.as_str(), c.kind))
        .collect();
    assert!(kinds.contains(&("doomed.service", ChangeKind::Masked)));
    assert!(kinds.contains(&("retired.service", ChangeKind::Removed)));
    assert!(kinds.contains(&("fresh.service", ChangeKind::Added)));
    let text = p.render_text();
    if std::env::var_os("SHOW_PLAN").is_some() {
        eprintln!("{text}\n{}", p.render_stc_summary());
    }
    assert!(
        text.contains("restart  inplace.service: ExecStart changed\n"),
        "{text}"
    );
    assert!(text.ends_with("2 units unchanged\n"), "{text}");
}

#[test]
fn switching_to_the_same_system_does_nothing() {
    let v2 = SystemUnits::load(&data("v2")).unwrap();
    let mut rt = v1_running();
    for u in ["fresh.service", "app-worker.service", "app.target"] {
        rt.insert(u, "active", "running");
    }
    rt.units.remove("doomed.service");
    let p = plan(Some(&v2), &v2, &rt, Mode::Switch);
    assert!(p.is_noop(), "{}", p.render_text_verbose());
    // app.target is ours and active: started again, quietly, as switch-to-configuration does.
    assert_eq!(
        p.start
            .iter()
            .map(|a| (a.unit.as_str(), a.quiet))
            .collect::<Vec<_>>(),
        vec![("app.target", true)]
    );
}

/// When a sysnix binary is at hand (`SYSNIX_BIN`, or the release build in
/// /tmp/tgt-release), builds v1 and v2 for real into a scratch store and checks the
/// snapshots still plan the same (rerun tests/data/refresh.sh when the modules change).
#[test]
fn live_build_plans_like_the_snapshots() {
    let bin = std::env::var_os("SYSNIX_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp/tgt-release/release/sysnix"));
    if !bin.exists() {
        eprintln!("skipped: no sysnix binary at {}", bin.display());
        return;
    }
    let store = std::env::temp_dir().join("sysnix-plan-test-store");
    let build = |v: &str| {
        let out = Command::new(&bin)
            .current_dir(std::env::temp_dir())
            .args(["build", "--store"])
            .arg(&store)
            .arg(data(&format!("{v}.nix")))
            .arg("--no-out-link")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let top = String::from_utf8(out.stdout).unwrap();
        let top = PathBuf::from(top.lines().last().unwrap().trim());
        SystemUnits::load(&top.join("etc/systemd/system")).unwrap()
    };
    let (live1, live2) = (build("v1"), build("v2"));
    let snap1 = SystemUnits::load(&data("v1")).unwrap();
    let snap2 = SystemUnits::load(&data("v2")).unwrap();
    let rt = v1_running();
    let live = plan(Some(&live1), &live2, &rt, Mode::Switch);
    let snap = plan(Some(&snap1), &snap2, &rt, Mode::Switch);
    assert_eq!(names(&live), names(&snap));
    assert_eq!(live.unchanged_units, snap.unchanged_units);
}
