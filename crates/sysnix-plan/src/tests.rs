//! Decision tests: unit texts in memory, one rule each.

use crate::*;

const SVC: &str = "[Unit]\nDescription=a service\n[Service]\nExecStart=/bin/a\n";

fn unit(name: &str, text: &str) -> Unit {
    Unit::from_text(name, text).unwrap()
}

fn sys(units: Vec<Unit>) -> SystemUnits {
    SystemUnits::from_units(units)
}

fn running(units: &[&str]) -> Runtime {
    let mut rt = Runtime::new().with("multi-user.target", "active", "active");
    for u in units {
        rt.insert(u, "active", "running");
    }
    rt
}

fn names(list: &[UnitAction]) -> Vec<&str> {
    list.iter().map(|a| a.unit.as_str()).collect()
}

fn reason<'a>(list: &'a [UnitAction], unit: &str) -> &'a str {
    &list.iter().find(|a| a.unit == unit).unwrap().reason
}

fn switch(old: &SystemUnits, new: &SystemUnits, rt: &Runtime) -> Plan {
    plan(Some(old), new, rt, Mode::Switch)
}

#[test]
fn unchanged_unit_is_left_alone() {
    let s = sys(vec![unit("a.service", SVC).wanted_by("multi-user.target")]);
    let p = switch(&s, &s, &running(&["a.service"]));
    assert!(p.is_noop());
    assert_eq!(p.unchanged, 1);
    assert_eq!(p.unchanged_units, vec!["a.service"]);
    assert!(p.changes.is_empty());
}

#[test]
fn removed_running_unit_is_stopped() {
    let old = sys(vec![unit("a.service", SVC)]);
    let p = switch(&old, &sys(vec![]), &running(&["a.service"]));
    assert_eq!(names(&p.stop), vec!["a.service"]);
    assert_eq!(
        reason(&p.stop, "a.service"),
        "removed from the configuration"
    );
    assert_eq!(p.changes[0].kind, ChangeKind::Removed);
}

#[test]
fn removed_inactive_unit_is_nothing() {
    let old = sys(vec![unit("a.service", SVC)]);
    let mut rt = running(&[]);
    rt.insert("a.service", "failed", "failed");
    let p = switch(&old, &sys(vec![]), &rt);
    assert!(p.is_noop());
}

#[test]
fn stop_on_removal_false_keeps_it() {
    let old = sys(vec![unit(
        "a.service",
        "[Unit]\nX-StopOnRemoval=false\n[Service]\nExecStart=/bin/a\n",
    )]);
    let p = switch(&old, &sys(vec![]), &running(&["a.service"]));
    assert!(p.stop.is_empty());
    assert_eq!(
        reason(&p.skip, "a.service"),
        "removed from the configuration, but X-StopOnRemoval=false"
    );
}

#[test]
fn masked_unit_is_stopped() {
    let old = sys(vec![unit("a.service", SVC)]);
    let new = sys(vec![Unit::masked("a.service")]);
    let p = switch(&old, &new, &running(&["a.service"]));
    assert_eq!(
        reason(&p.stop, "a.service"),
        "masked in the new configuration"
    );
    assert_eq!(p.changes[0].kind, ChangeKind::Masked);
    // Masking a running host unit stops it too.
    let p = switch(&sys(vec![]), &new, &running(&["a.service"]));
    assert_eq!(names(&p.stop), vec!["a.service"]);
}

#[test]
fn masked_unit_is_never_started() {
    let new = sys(vec![
        Unit::masked("a.service").wanted_by("multi-user.target"),
    ]);
    let p = switch(&sys(vec![]), &new, &running(&[]));
    assert!(p.start.is_empty());
}

#[test]
fn changed_service_is_stopped_and_started() {
    let old = sys(vec![unit("a.service", SVC)]);
    let new = sys(vec![unit(
        "a.service",
        "[Unit]\nDescription=a service\n[Service]\nExecStart=/bin/b\n",
    )]);
    let p = switch(&old, &new, &running(&["a.service"]));
    assert_eq!(reason(&p.stop, "a.service"), "ExecStart changed");
    assert_eq!(reason(&p.start, "a.service"), "ExecStart changed");
    assert!(p.restart.is_empty());
    assert_eq!(p.changes[0].keys, vec!["ExecStart"]);
    assert_eq!(p.unchanged, 0);
}

#[test]
fn changed_inactive_service_not_wanted_is_nothing() {
    let old = sys(vec![unit("a.service", SVC)]);
    let new = sys(vec![unit("a.service", "[Service]\nExecStart=/bin/b\n")]);
    let p = switch(&old, &new, &running(&[]));
    assert!(p.is_noop());
    assert_eq!(p.changes.len(), 1);
}

#[test]
fn stop_if_changed_false_restarts() {
    let old = sys(vec![unit("a.service", SVC)]);
    let new = sys(vec![unit(
        "a.service",
        "[Service]\nExecStart=/bin/b\nX-StopIfChanged=false\n",
    )]);
    let p = switch(&old, &new, &running(&["a.service"]));
    assert_eq!(names(&p.restart), vec!["a.service"]);
    assert!(p.stop.is_empty() && p.start.is_empty());
    assert_eq!(
        reason(&p.restart, "a.service"),
        "ExecStart and X-StopIfChanged changed"
    );
}

#[test]
fn restart_if_changed_false_is_skipped() {
    let old = sys(vec![unit("a.service", SVC)]);
    let new = sys(vec![unit(
        "a.service",
        "[Unit]\nDescription=a service\n[Service]\nExecStart=/bin/b\nX-RestartIfChanged=false\n",
    )]);
    let p = switch(&old, &new, &running(&["a.service"]));
    assert!(p.is_noop());
    assert_eq!(
        reason(&p.skip, "a.service"),
        "ExecStart and X-RestartIfChanged changed, but X-RestartIfChanged=false"
    );
}

#[test]
fn refuse_manual_stop_and_only_manual_start_are_skipped() {
    for key in ["RefuseManualStop", "X-OnlyManualStart"] {
        let old = sys(vec![unit(
            "a.service",
            &format!("[Unit]\n{key}=true\n[Service]\nExecStart=/bin/a\n"),
        )]);
        let new = sys(vec![unit(
            "a.service",
            &format!("[Unit]\n{key}=true\n[Service]\nExecStart=/bin/b\n"),
        )]);
        let p = switch(&old, &new, &running(&["a.service"]));
        assert!(p.is_noop(), "{key}");
        assert_eq!(
            reason(&p.skip, "a.service"),
            format!("ExecStart changed, but {key}=true")
        );
    }
}

#[test]
fn reload_if_changed_reloads() {
    let old = sys(vec![unit(
        "fw.service",
        "[Service]\nX-ReloadIfChanged=true\nExecStart=/bin/nft -f /s/a\nExecReload=/bin/nft -f /s/a\n",
    )]);
    let new = sys(vec![unit(
        "fw.service",
        "[Service]\nX-ReloadIfChanged=true\nExecStart=/bin/nft -f /s/b\nExecReload=/bin/nft -f /s/b\n",
    )]);
    let p = switch(&old, &new, &running(&["fw.service"]));
    assert_eq!(names(&p.reload), vec!["fw.service"]);
    assert_eq!(
        reason(&p.reload, "fw.service"),
        "ExecReload and ExecStart changed (X-ReloadIfChanged=true)"
    );
    assert!(p.reload[0].start_if_inactive);
    assert!(p.stop.is_empty() && p.restart.is_empty() && p.start.is_empty());
}

#[test]
fn reload_triggers_reload_restart_triggers_restart() {
    let v = |reload: &str, restart: &str| {
        sys(vec![unit(
            "a.service",
            &format!(
                "[Unit]\nX-Reload-Triggers={reload}\nX-Restart-Triggers={restart}\n[Service]\nExecStart=/bin/a\n"
            ),
        )])
    };
    let rt = running(&["a.service"]);
    let p = switch(&v("/s/r1", "/s/x"), &v("/s/r2", "/s/x"), &rt);
    assert_eq!(names(&p.reload), vec!["a.service"]);
    assert_eq!(reason(&p.reload, "a.service"), "X-Reload-Triggers changed");
    let p = switch(&v("/s/r1", "/s/x1"), &v("/s/r1", "/s/x2"), &rt);
    assert_eq!(reason(&p.stop, "a.service"), "X-Restart-Triggers changed");
    assert_eq!(names(&p.start), vec!["a.service"]);
    // Both: a restart wins, no reload.
    let p = switch(&v("/s/r1", "/s/x1"), &v("/s/r2", "/s/x2"), &rt);
    assert!(p.reload.is_empty());
    assert_eq!(names(&p.stop), vec!["a.service"]);
}

#[test]
fn only_ignored_keys_changed_is_nothing() {
    let old = sys(vec![unit(
        "a.service",
        "[Unit]\nDescription=old\nDocumentation=man:a\n[Service]\nExecStart=/bin/a\n[Install]\nWantedBy=x.target\n",
    )]);
    let new = sys(vec![unit(
        "a.service",
        "[Unit]\nDescription=new\n[Service]\nExecStart=/bin/a\n",
    )]);
    let p = switch(&old, &new, &running(&["a.service"]));
    assert!(p.is_noop());
    assert!(p.skip.is_empty());
    assert_eq!(
        p.changes[0].keys,
        vec!["Description", "Documentation", "[Install]"]
    );
}

#[test]
fn only_exec_reload_changed_restarts_as_stc() {
    let old = sys(vec![unit(
        "a.service",
        "[Service]\nExecStart=/bin/a\nExecReload=/bin/kill -HUP $MAINPID\n",
    )]);
    let new = sys(vec![unit(
        "a.service",
        "[Service]\nExecStart=/bin/a\nExecReload=/bin/kill -USR1 $MAINPID\n",
    )]);
    let p = switch(&old, &new, &running(&["a.service"]));
    assert_eq!(reason(&p.stop, "a.service"), "ExecReload changed");
}

#[test]
fn dropin_changes_count() {
    let mut a = unit("a.service", SVC);
    let mut b = unit("a.service", SVC);
    a.file
        .merge(&UnitFile::parse("[Service]\nEnvironment=A=1\n").unwrap());
    b.file
        .merge(&UnitFile::parse("[Service]\nEnvironment=A=2\n").unwrap());
    let p = switch(&sys(vec![a]), &sys(vec![b]), &running(&["a.service"]));
    assert_eq!(reason(&p.stop, "a.service"), "Environment changed");
}

#[test]
fn dropin_only_unit_added_and_removed() {
    let mut d = Unit::from_text("ssh.service", "[Service]\nEnvironment=A=1\n").unwrap();
    d.dropin_only = true;
    let with = sys(vec![d]);
    let rt = running(&["ssh.service"]);
    let p = switch(&sys(vec![]), &with, &rt);
    assert_eq!(reason(&p.stop, "ssh.service"), "drop-ins added");
    assert_eq!(names(&p.start), vec!["ssh.service"]);
    let p = switch(&with, &sys(vec![]), &rt);
    assert_eq!(
        reason(&p.stop, "ssh.service"),
        "drop-ins removed: [Service] section removed changed"
    );
    assert_eq!(names(&p.start), vec!["ssh.service"]);
}

#[test]
fn host_unit_taken_over_is_restarted() {
    let new = sys(vec![
        unit("nginx.service", SVC).wanted_by("multi-user.target"),
    ]);
    let p = plan(None, &new, &running(&["nginx.service"]), Mode::Switch);
    assert_eq!(
        reason(&p.stop, "nginx.service"),
        "now defined by the configuration"
    );
    assert_eq!(names(&p.start), vec!["nginx.service"]);
}

#[test]
fn new_unit_wanted_by_active_target_is_started() {
    let new = sys(vec![
        unit("a.service", SVC).wanted_by("multi-user.target"),
        unit("b.service", SVC),
        unit("c.service", SVC).wanted_by("graphical.target"),
    ]);
    let p = switch(&sys(vec![]), &new, &running(&[]));
    assert_eq!(names(&p.start), vec!["a.service"]);
    assert_eq!(
        reason(&p.start, "a.service"),
        "new unit, wanted by multi-user.target"
    );
    assert_eq!(p.changes.len(), 3);
}

#[test]
fn first_switch_without_old_system() {
    let new = sys(vec![unit("a.service", SVC).wanted_by("multi-user.target")]);
    let p = plan(None, &new, &running(&[]), Mode::Switch);
    assert_eq!(names(&p.start), vec!["a.service"]);
}

#[test]
fn required_and_upheld_by_start_too() {
    let mut a = unit("a.service", SVC);
    a.required_by.push("multi-user.target".into());
    let mut b = unit("b.service", SVC);
    b.upheld_by.push("multi-user.target".into());
    let p = switch(&sys(vec![]), &sys(vec![a, b]), &running(&[]));
    assert_eq!(
        reason(&p.start, "a.service"),
        "new unit, required by multi-user.target"
    );
    assert_eq!(
        reason(&p.start, "b.service"),
        "new unit, upheld by multi-user.target"
    );
}

#[test]
fn wanted_inactive_units_are_started_as_stc() {
    let old = sys(vec![
        unit("a.service", SVC).wanted_by("multi-user.target"),
        unit("b.service", SVC).wanted_by("multi-user.target"),
        unit("c.service", SVC).wanted_by("multi-user.target"),
    ]);
    let new = sys(vec![
        unit("a.service", "[Service]\nExecStart=/bin/new\n").wanted_by("multi-user.target"),
        unit("b.service", SVC).wanted_by("multi-user.target"),
        unit("c.service", SVC).wanted_by("multi-user.target"),
    ]);
    let mut rt = running(&[]);
    rt.insert("c.service", "failed", "failed");
    let p = switch(&old, &new, &rt);
    assert_eq!(
        reason(&p.start, "a.service"),
        "changed, not running, wanted by multi-user.target"
    );
    assert_eq!(
        reason(&p.start, "b.service"),
        "not running, wanted by multi-user.target"
    );
    assert_eq!(
        reason(&p.start, "c.service"),
        "failed, wanted by multi-user.target"
    );
    assert_eq!(p.unchanged, 0);
}

#[test]
fn refuse_manual_start_is_not_started() {
    let new = sys(vec![
        unit(
            "a.service",
            "[Unit]\nRefuseManualStart=true\n[Service]\nExecStart=/bin/a\n",
        )
        .wanted_by("multi-user.target"),
    ]);
    let p = switch(&sys(vec![]), &new, &running(&[]));
    assert!(p.start.is_empty());
}

#[test]
fn new_target_chain_is_started() {
    let new = sys(vec![
        unit("app.target", "[Unit]\nDescription=app\n").wanted_by("multi-user.target"),
        unit("a.service", SVC).wanted_by("app.target"),
    ]);
    let p = switch(&sys(vec![]), &new, &running(&[]));
    assert_eq!(names(&p.start), vec!["a.service", "app.target"]);
    assert_eq!(
        reason(&p.start, "a.service"),
        "new unit, wanted by app.target"
    );
}

#[test]
fn active_targets_are_started_quietly() {
    let t = unit("app.target", "[Unit]\nDescription=app\n");
    let s = sys(vec![t.clone()]);
    let p = switch(&s, &s, &running(&["app.target"]));
    assert_eq!(names(&p.start), vec!["app.target"]);
    assert!(p.start[0].quiet);
    assert!(p.is_noop());
    assert!(!p.render_text().contains("app.target"));
    assert!(p.render_text_verbose().contains("start    app.target"));
}

#[test]
fn target_exceptions() {
    for text in [
        "[Unit]\nRefuseManualStart=true\n",
        "[Unit]\nX-OnlyManualStart=true\n",
    ] {
        let s = sys(vec![unit("app.target", text)]);
        let p = switch(&s, &s, &running(&["app.target"]));
        assert!(p.start.is_empty(), "{text}");
    }
    let s = sys(vec![unit("suspend.target", "[Unit]\n")]);
    assert!(
        switch(&s, &s, &running(&["suspend.target"]))
            .start
            .is_empty()
    );
    let s = sys(vec![unit(
        "app.target",
        "[Unit]\nX-StopOnReconfiguration=true\n",
    )]);
    let p = switch(&s, &s, &running(&["app.target"]));
    assert_eq!(names(&p.stop), vec!["app.target"]);
    assert_eq!(names(&p.start), vec!["app.target"]);
}

#[test]
fn removed_target_is_stopped() {
    let old = sys(vec![unit("app.target", "[Unit]\n")]);
    let p = switch(&old, &sys(vec![]), &running(&["app.target"]));
    assert_eq!(names(&p.stop), vec!["app.target"]);
}

const SOCK: &str = "[Socket]\nListenStream=/run/a.sock\n";

#[test]
fn socket_activated_service_restarts_through_its_socket() {
    let old = sys(vec![unit("a.service", SVC), unit("a.socket", SOCK)]);
    let new = sys(vec![
        unit("a.service", "[Service]\nExecStart=/bin/b\n"),
        unit("a.socket", SOCK),
    ]);
    let rt = running(&["a.service", "a.socket"]);
    let p = switch(&old, &new, &rt);
    assert_eq!(names(&p.stop), vec!["a.service", "a.socket"]);
    assert_eq!(names(&p.start), vec!["a.socket"]);
    assert_eq!(
        reason(&p.stop, "a.service"),
        "ExecStart changed; its socket starts it again on demand"
    );
    assert_eq!(
        reason(&p.start, "a.socket"),
        "socket of a.service, which changed; it starts a.service on demand"
    );
}

#[test]
fn socket_not_running_means_plain_stop_start() {
    let old = sys(vec![unit("a.service", SVC), unit("a.socket", SOCK)]);
    let new = sys(vec![
        unit("a.service", "[Service]\nExecStart=/bin/b\n"),
        unit("a.socket", SOCK),
    ]);
    let p = switch(&old, &new, &running(&["a.service"]));
    assert_eq!(names(&p.stop), vec!["a.service"]);
    assert_eq!(names(&p.start), vec!["a.service"]);
}

#[test]
fn sockets_setting_and_not_socket_activated() {
    let svc = |exec: &str, extra: &str| {
        unit(
            "a.service",
            &format!("[Service]\nExecStart={exec}\nSockets=x.socket y.socket\n{extra}"),
        )
    };
    let socks = || vec![unit("x.socket", SOCK), unit("y.socket", SOCK)];
    let rt = running(&["a.service", "x.socket", "y.socket", "a.socket"]);
    let mut old = socks();
    old.push(svc("/bin/a", ""));
    let mut new = socks();
    new.push(svc("/bin/b", ""));
    let p = switch(&sys(old.clone()), &sys(new), &rt);
    assert_eq!(names(&p.stop), vec!["a.service", "x.socket", "y.socket"]);
    assert_eq!(names(&p.start), vec!["x.socket", "y.socket"]);
    // X-NotSocketActivated: the sockets still cycle, and the service starts too.
    let mut new = socks();
    new.push(svc("/bin/b", "X-NotSocketActivated=true\n"));
    let p = switch(&sys(old), &sys(new), &rt);
    assert_eq!(names(&p.start), vec!["a.service", "x.socket", "y.socket"]);
}

#[test]
fn socket_gone_from_new_system_is_only_stopped() {
    let old = sys(vec![unit("a.service", SVC), unit("a.socket", SOCK)]);
    let new = sys(vec![unit("a.service", "[Service]\nExecStart=/bin/b\n")]);
    let p = switch(&old, &new, &running(&["a.service", "a.socket"]));
    assert_eq!(names(&p.stop), vec!["a.service", "a.socket"]);
    assert_eq!(names(&p.start), vec!["a.service"]);
}

#[test]
fn changed_socket_is_skipped_as_stc() {
    let old = sys(vec![unit("a.socket", SOCK)]);
    let new = sys(vec![unit(
        "a.socket",
        "[Socket]\nListenStream=/run/b.sock\n",
    )]);
    let p = switch(&old, &new, &running(&["a.socket"]));
    assert!(p.is_noop());
    assert_eq!(
        reason(&p.skip, "a.socket"),
        "ListenStream changed; changed sockets are not restarted"
    );
}

#[test]
fn changed_socket_cycled_with_its_service_is_not_skipped() {
    let old = sys(vec![unit("a.service", SVC), unit("a.socket", SOCK)]);
    let new = sys(vec![
        unit("a.service", "[Service]\nExecStart=/bin/b\n"),
        unit("a.socket", "[Socket]\nListenStream=/run/b.sock\n"),
    ]);
    let p = switch(&old, &new, &running(&["a.service", "a.socket"]));
    assert!(p.skip.is_empty());
    assert_eq!(names(&p.start), vec!["a.socket"]);
}

#[test]
fn timer_and_path_are_restarted() {
    for name in ["a.timer", "a.path", "a.automount", "a.swap"] {
        let old = sys(vec![unit(name, "[X]\nA=1\n")]);
        let new = sys(vec![unit(name, "[X]\nA=2\n")]);
        let p = switch(&old, &new, &running(&[name]));
        assert_eq!(names(&p.restart), vec![name], "{name}");
        assert!(p.stop.is_empty());
    }
}

#[test]
fn slice_is_skipped() {
    let old = sys(vec![unit("a.slice", "[Slice]\nCPUQuota=10%\n")]);
    let new = sys(vec![unit("a.slice", "[Slice]\nCPUQuota=20%\n")]);
    let p = switch(&old, &new, &running(&["a.slice"]));
    assert!(p.is_noop());
    assert_eq!(names(&p.skip), vec!["a.slice"]);
}

#[test]
fn mounts() {
    let m = |what: &str, opts: &str| format!("[Mount]\nWhat={what}\nWhere=/x\nOptions={opts}\n");
    let rt = running(&["x.mount", "-.mount"]);
    let p = switch(
        &sys(vec![unit("x.mount", &m("/dev/a", "rw"))]),
        &sys(vec![unit("x.mount", &m("/dev/a", "ro"))]),
        &rt,
    );
    assert_eq!(reason(&p.reload, "x.mount"), "Options changed");
    let p = switch(
        &sys(vec![unit("x.mount", &m("/dev/a", "rw"))]),
        &sys(vec![unit("x.mount", &m("/dev/b", "rw"))]),
        &rt,
    );
    assert_eq!(names(&p.restart), vec!["x.mount"]);
    let p = switch(
        &sys(vec![unit("-.mount", &m("/dev/a", "rw"))]),
        &sys(vec![unit("-.mount", &m("/dev/b", "rw"))]),
        &rt,
    );
    assert_eq!(
        reason(&p.reload, "-.mount"),
        "What changed; remounted, never unmounted"
    );
}

#[test]
fn template_instances_use_the_template() {
    let old = sys(vec![unit("getty@.service", SVC)]);
    let new = sys(vec![unit(
        "getty@.service",
        "[Service]\nExecStart=/bin/b\n",
    )]);
    let p = switch(&old, &new, &running(&["getty@tty1.service"]));
    assert_eq!(names(&p.stop), vec!["getty@tty1.service"]);
    assert_eq!(names(&p.start), vec!["getty@tty1.service"]);
}

#[test]
fn units_not_ours_are_ignored() {
    let s = sys(vec![]);
    let p = switch(&s, &s, &running(&["cron.service", "ssh.service"]));
    assert!(p.is_noop());
    assert!(p.changes.is_empty());
}

#[test]
fn activating_counts_as_running_inactive_does_not() {
    let old = sys(vec![unit("a.service", SVC)]);
    let mut rt = Runtime::new();
    rt.insert("a.service", "activating", "start-pre");
    assert_eq!(
        names(&switch(&old, &sys(vec![]), &rt).stop),
        vec!["a.service"]
    );
    let rt = Runtime::new().with("a.service", "inactive", "dead");
    assert!(switch(&old, &sys(vec![]), &rt).is_noop());
}

#[test]
fn modes() {
    let old = sys(vec![unit("a.service", SVC)]);
    let new = sys(vec![unit("a.service", "[Service]\nExecStart=/bin/b\n")]);
    let rt = running(&["a.service"]);
    let sw = plan(Some(&old), &new, &rt, Mode::Switch);
    let test = plan(Some(&old), &new, &rt, Mode::Test);
    let dry = plan(Some(&old), &new, &rt, Mode::DryActivate);
    assert_eq!(sw.stop, test.stop);
    assert_eq!(sw.start, dry.start);
    assert_eq!(sw.phases, dry.phases);
    assert_eq!(test.mode, Mode::Test);
    let boot = plan(Some(&old), &new, &rt, Mode::Boot);
    assert!(boot.is_noop() && boot.skip.is_empty() && boot.phases.is_empty());
    assert_eq!(boot.changes, sw.changes);
    assert!(boot.render_text().contains("changed  a.service: "));
}

#[test]
fn phases_follow_stc_order() {
    assert_eq!(
        phases(Mode::Switch),
        vec![
            Phase::Stop,
            Phase::Activate,
            Phase::DaemonReload,
            Phase::Reload,
            Phase::Restart,
            Phase::Start
        ]
    );
}

#[test]
fn lists_are_sorted_case_blind() {
    let new = sys(vec![
        unit("b.service", SVC).wanted_by("multi-user.target"),
        unit("A.service", SVC).wanted_by("multi-user.target"),
        unit("c.service", SVC).wanted_by("multi-user.target"),
    ]);
    let p = switch(&sys(vec![]), &new, &running(&[]));
    assert_eq!(names(&p.start), vec!["A.service", "b.service", "c.service"]);
}

#[test]
fn json_round_trip_and_text() {
    let old = sys(vec![unit("a.service", SVC), unit("gone.service", SVC)]);
    let new = sys(vec![
        unit(
            "a.service",
            "[Service]\nExecStart=/bin/b\nX-StopIfChanged=false\n",
        ),
        unit("n.service", SVC).wanted_by("multi-user.target"),
    ]);
    let p = plan(
        Some(&old),
        &new,
        &running(&["a.service", "gone.service"]),
        Mode::DryActivate,
    );
    let json = p.to_json();
    assert_eq!(Plan::from_json(&json).unwrap(), p);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["mode"], "dry-activate");
    assert_eq!(v["phases"][2], "daemon-reload");
    assert_eq!(v["restart"][0]["unit"], "a.service");
    assert_eq!(v["changes"][0]["kind"], "changed");
    assert!(v["stop"][0].get("quiet").is_none());
    assert_eq!(
        p.render_text(),
        "dry-activate: a switch would do this\n\
         stop     gone.service: removed from the configuration\n\
         -- activate the configuration, then daemon-reload --\n\
         restart  a.service: ExecStart and X-StopIfChanged changed\n\
         start    n.service: new unit, wanted by multi-user.target\n\
         0 units unchanged\n"
    );
    assert_eq!(
        p.render_stc_summary(),
        "would stop the following units: gone.service\n\
         would restart the following units: a.service\n\
         would start the following units: n.service\n"
    );
}
