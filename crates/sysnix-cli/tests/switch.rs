//! `sysnix switch` on real systemd: a Debian 12 machine booted in systemd-nspawn (the
//! `sysnix-testing` harness) with the store and the sysnix binary bound in; systems are
//! built on the host and switched inside. examples/nbd serves a real NBD client in
//! another network namespace; option changes restart exactly the units they should,
//! reload-only changes reload, rollback restores files and units, and a switch killed
//! with SIGKILL in the middle converges when run again.
//!
//! Skipped (with the reason) without the harness's prerequisites; failing under CI=true.

use std::process::Command;
use std::time::Duration;
use sysnix_testing::{Netns, veth};

mod common;
use common::booted::Booted;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
const T: Duration = Duration::from_secs(30);

/// Builds a configuration importing examples/nbd plus `extra` on the host; returns
/// the toplevel.
fn build_nbd(env: &Booted, name: &str, extra: &str) -> String {
    env.build(
        name,
        &format!(
            "{{ pkgs, lib, ... }}: {{\n  imports = [ {ROOT}/examples/nbd/configuration.nix ];\n{extra}\n}}\n"
        ),
    )
}

fn main_pid(env: &Booted, unit: &str) -> u32 {
    env.m.unit_pid(unit).unwrap()
}

fn static_target(env: &Booted) -> String {
    env.m
        .succeed("readlink /etc/sysnix/static")
        .unwrap()
        .trim()
        .to_string()
}

/// What a dry-activate plan does to a unit: the verbs of its lines.
fn fates(plan: &str, unit: &str) -> Vec<String> {
    plan.lines()
        .filter_map(|l| {
            let mut w = l.split_whitespace();
            let verb = w.next()?;
            (w.next()? == format!("{unit}:")).then(|| verb.to_string())
        })
        .collect()
}

/// A long-running service that the option changes below never touch, and one that
/// reloads when its unit changes.
fn services(reload_value: &str) -> String {
    format!(
        r#"
  systemd.services.idle = {{
    wantedBy = [ "multi-user.target" ];
    serviceConfig.ExecStart = "/bin/sleep infinity";
  }};
  systemd.services.reloady = {{
    wantedBy = [ "multi-user.target" ];
    reloadIfChanged = true;
    environment.VALUE = "{reload_value}";
    serviceConfig.ExecStart = "/bin/sleep infinity";
    reload = "echo reloaded $VALUE >> /run/reloady.log";
  }};
"#
    )
}

#[test]
fn nbd_serves_a_client_in_another_namespace() {
    let Some(env) = Booted::boot("switch", "nbd") else {
        return;
    };
    // A module the container cannot load and a kernel parameter: warnings, not failures.
    let top = build_nbd(
        &env,
        "nbd",
        r#"  boot.kernelModules = [ "nbd" ];
  boot.kernel.sysctl."net.ipv4.ip_forward" = 1;"#,
    );
    let err = env.switch(&top);
    assert!(err.contains("switched to generation 1"), "{err}");
    assert!(
        err.contains("warning: cannot load kernel module nbd now"),
        "{err}"
    );
    // Applied, or (nspawn mounts /proc/sys read-only) a warning that says why not.
    let forward = env.m.succeed("sysctl -n net.ipv4.ip_forward").unwrap();
    assert!(
        forward.trim() == "1"
            || err.contains("sysctl: permission denied on key \"net.ipv4.ip_forward\""),
        "{err}"
    );
    env.m.wait_for_unit("nbd-server.service", T).unwrap();
    env.m.wait_for_unit("sysnix-firewall.service", T).unwrap();
    // The configured user, the firewall's table.
    env.m.succeed("getent passwd nbd").unwrap();
    env.m.succeed("nft list table inet sysnix-fw").unwrap();
    env.m.wait_for_open_port(10809, T).unwrap();

    if Command::new("sh")
        .args(["-c", "command -v nbdcopy"])
        .output()
        .is_ok_and(|o| o.status.success())
    {
        // A client in its own namespace, linked to the machine.
        let client = Netns::new("nbd-client").unwrap();
        let _link = veth(&client, "10.231.7.1/24", env.m.netns(), "10.231.7.2/24").unwrap();
        let data = env.dir.join("data.bin");
        let bytes: Vec<u8> = (0..1024 * 1024).map(|i: u32| (i * 7 % 251) as u8).collect();
        std::fs::write(&data, &bytes).unwrap();
        client
            .succeed(&format!(
                "nbdcopy {} nbd://10.231.7.2:10809/public",
                data.display()
            ))
            .unwrap();
        let sum = |cmd: &str| cmd.split_whitespace().next().unwrap_or("").to_string();
        let want = sum(&String::from_utf8_lossy(
            &Command::new("sha256sum")
                .arg(&data)
                .output()
                .unwrap()
                .stdout,
        ));
        let got = env
            .m
            .succeed("head -c 1048576 /var/lib/nbd/public.img | sha256sum")
            .unwrap();
        assert_eq!(
            sum(&got),
            want,
            "the bytes did not land in the backing file"
        );
        // The private export is for the machine itself only.
        let refused = client
            .execute(&format!(
                "nbdcopy {} nbd://10.231.7.2:10809/private",
                data.display()
            ))
            .unwrap();
        assert_ne!(
            refused.status, 0,
            "the private export accepted a remote client"
        );
        assert_eq!(
            env.m
                .succeed("head -c 1048576 /var/lib/nbd/private.img | tr -d '\\0' | wc -c")
                .unwrap()
                .trim(),
            "0",
            "the private export was written"
        );
    } else {
        assert!(
            !sysnix_testing::is_ci(),
            "nbdcopy (libnbd-bin) is required in CI"
        );
        eprintln!("skipping the NBD client part: nbdcopy (libnbd-bin) is not installed");
    }
}

#[test]
fn changes_restart_reload_and_roll_back() {
    let Some(env) = Booted::boot("switch", "changes") else {
        return;
    };
    let one = build_nbd(&env, "one", &services("1"));
    env.switch(&one);
    for u in ["nbd-server.service", "idle.service", "reloady.service"] {
        env.m.wait_for_unit(u, T).unwrap();
    }
    let (nbd1, idle1, reloady1) = (
        main_pid(&env, "nbd-server.service"),
        main_pid(&env, "idle.service"),
        main_pid(&env, "reloady.service"),
    );

    // An option of the NBD server: only it restarts.
    let two = build_nbd(
        &env,
        "two",
        &(services("1")
            + r#"  services.nbd.server.exports.extra.path = "/var/lib/nbd/extra.img";"#),
    );
    let (status, plan, _) = env.sysnix("dry-activate", &format!("--system {two}"));
    assert_eq!(status, 0);
    // nbd-server is stopped before the files change and started after (as
    // switch-to-configuration restarts a changed service); nothing else is touched.
    assert_eq!(
        fates(&plan, "nbd-server.service"),
        ["stop", "start"],
        "{plan}"
    );
    assert!(
        !plan.contains("idle.service") && !plan.contains("reloady"),
        "{plan}"
    );
    let err = env.switch(&two);
    assert!(err.contains("switched to generation 2"), "{err}");
    env.m.wait_for_unit("nbd-server.service", T).unwrap();
    assert_ne!(
        main_pid(&env, "nbd-server.service"),
        nbd1,
        "nbd-server did not restart"
    );
    assert_eq!(main_pid(&env, "idle.service"), idle1);
    assert_eq!(main_pid(&env, "reloady.service"), reloady1);
    env.m
        .succeed("grep -q '^\\[extra\\]' $(systemctl show -P ExecStart nbd-server.service | grep -o '/[^ ]*nbd-server.conf')")
        .unwrap();

    // A reload-only change: reloaded, same process, ExecReload ran.
    let three = build_nbd(
        &env,
        "three",
        &(services("2")
            + r#"  services.nbd.server.exports.extra.path = "/var/lib/nbd/extra.img";"#),
    );
    let (_, plan, _) = env.sysnix("dry-activate", &format!("--system {three}"));
    assert_eq!(fates(&plan, "reloady.service"), ["reload"], "{plan}");
    assert!(fates(&plan, "nbd-server.service").is_empty(), "{plan}");
    let nbd2 = main_pid(&env, "nbd-server.service");
    env.switch(&three);
    assert_eq!(
        main_pid(&env, "reloady.service"),
        reloady1,
        "reloady was restarted"
    );
    assert_eq!(main_pid(&env, "nbd-server.service"), nbd2);
    assert_eq!(main_pid(&env, "idle.service"), idle1);
    assert_eq!(
        env.m.succeed("cat /run/reloady.log").unwrap().trim(),
        "reloaded 2"
    );

    // Rollback to generation 2: the old unit text again, reloaded back.
    let (status, _, err) = env.sysnix("rollback", "");
    assert_eq!(status, 0, "{err}");
    assert!(err.contains("rolling back to generation 2"), "{err}");
    assert_eq!(static_target(&env), format!("{two}/etc"));
    assert_eq!(
        env.m.succeed("tail -n1 /run/reloady.log").unwrap().trim(),
        "reloaded 1"
    );
    // And to generation 1 by number: the extra export is gone, nbd-server restarted.
    let (status, _, err) = env.sysnix("switch", "--generation 1");
    assert_eq!(status, 0, "{err}");
    assert_eq!(static_target(&env), format!("{one}/etc"));
    env.m.wait_for_unit("nbd-server.service", T).unwrap();
    assert_ne!(main_pid(&env, "nbd-server.service"), nbd2);
    let (_, gens, _) = env.sysnix("list-generations", "--json");
    let gens: serde_json::Value = serde_json::from_str(&gens).unwrap();
    assert_eq!(gens.as_array().unwrap().len(), 3);
    assert_eq!(gens[0]["current"], true);
}

#[test]
fn a_killed_switch_converges_when_run_again() {
    let Some(env) = Booted::boot("switch", "kill") else {
        return;
    };
    let one = build_nbd(&env, "one", &services("1"));
    env.switch(&one);
    let two = build_nbd(
        &env,
        "two",
        &(services("1")
            + r#"  services.nbd.server.exports.extra.path = "/var/lib/nbd/extra.img";
  systemd.services.added = { wantedBy = [ "multi-user.target" ]; serviceConfig.ExecStart = "/bin/sleep infinity"; };"#),
    );
    for (i, step) in ["stopped", "etc-after-flip", "daemon-reload"]
        .into_iter()
        .enumerate()
    {
        // Each point starts from generation one.
        if i > 0 {
            env.switch(&one);
        }
        env.m.wait_for_unit("nbd-server.service", T).unwrap();
        let nbd1 = main_pid(&env, "nbd-server.service");
        env.m
            .succeed(&format!(
                "SYSNIX_TEST_PAUSE_AT={step} setsid sysnix switch --store {} --no-install-packages --system {two} >/run/switch.log 2>&1 & echo $! > /run/switch.pid",
                env.store()
            ))
            .unwrap();
        env.m
            .wait_until_succeeds(&format!("grep -q 'paused at {step}' /run/switch.log"), T)
            .unwrap();
        // One switch at a time.
        let (status, _, err) = env.sysnix("switch", &format!("--system {two}"));
        assert_ne!(status, 0);
        assert!(err.contains("another switch is running"), "{err}");
        env.m.succeed("kill -9 $(cat /run/switch.pid)").unwrap();
        // /etc is on one generation or the other, never between.
        let st = static_target(&env);
        assert!(
            st == format!("{one}/etc") || st == format!("{two}/etc"),
            "{st}"
        );
        let state = env
            .m
            .succeed(&format!("cat {}/../var/state/state.json", env.store()))
            .unwrap();
        assert!(
            state.contains("\"pending\": {"),
            "the intent was not recorded:\n{state}"
        );
        // Run again: converges.
        let err = env.switch(&two);
        assert!(err.contains("was interrupted"), "{err}");
        assert_eq!(static_target(&env), format!("{two}/etc"));
        for u in ["nbd-server.service", "added.service", "idle.service"] {
            env.m.wait_for_unit(u, T).unwrap();
        }
        assert_ne!(main_pid(&env, "nbd-server.service"), nbd1);
        env.m
            .succeed("grep -q '^\\[extra\\]' $(systemctl show -P ExecStart nbd-server.service | grep -o '/[^ ]*nbd-server.conf')")
            .unwrap();
        let state = env
            .m
            .succeed(&format!("cat {}/../var/state/state.json", env.store()))
            .unwrap();
        assert!(state.contains("\"pending\": null"), "{step}: {state}");
    }
}

#[test]
fn a_failing_unit_is_reported_with_its_journal() {
    let Some(env) = Booted::boot("switch", "failing") else {
        return;
    };
    let one = build_nbd(&env, "one", "");
    env.switch(&one);
    let two = build_nbd(
        &env,
        "two",
        r#"  systemd.services.broken = {
    wantedBy = [ "multi-user.target" ];
    serviceConfig.Type = "oneshot";
    script = "echo the-broken-service-says-boom; exit 3";
  };
  environment.etc."sysnix-two".text = "two";"#,
    );
    let (status, _, err) = env.sysnix("switch", &format!("--system {two}"));
    assert_eq!(status, 1, "{err}");
    assert!(
        err.contains("unit broken.service failed (start: failed)"),
        "{err}"
    );
    assert!(
        err.contains("the-broken-service-says-boom"),
        "no journal tail:\n{err}"
    );
    // The files are the new generation's, whole; the other units run.
    assert_eq!(static_target(&env), format!("{two}/etc"));
    assert_eq!(env.m.succeed("cat /etc/sysnix-two").unwrap(), "two");
    env.m.wait_for_unit("nbd-server.service", T).unwrap();
    // Going back works.
    let (status, _, err) = env.sysnix("rollback", "");
    assert_eq!(status, 0, "{err}");
    env.m.fail("test -e /etc/sysnix-two").unwrap();
    env.m
        .fail("test -e /etc/systemd/system/broken.service")
        .unwrap();
}

#[test]
fn test_activates_without_a_generation_and_boot_waits_for_a_reboot() {
    let Some(mut env) = Booted::boot("switch", "boot") else {
        return;
    };
    let one = build_nbd(&env, "one", "");
    env.switch(&one);
    env.m.wait_for_unit("nbd-server.service", T).unwrap();
    let extra = r#"  services.nbd.server.exports.extra.path = "/var/lib/nbd/extra.img";"#;
    let two = build_nbd(&env, "two", extra);
    let conf = |env: &Booted| {
        env.m
            .succeed("grep -c '^\\[extra\\]' $(systemctl show -P ExecStart nbd-server.service | grep -o '/[^ ]*nbd-server.conf') || true")
            .unwrap()
            .trim()
            .to_string()
    };
    let generations = |env: &Booted| {
        let (_, out, _) = env.sysnix("list-generations", "--json");
        let g: serde_json::Value = serde_json::from_str(&out).unwrap();
        g.as_array()
            .unwrap()
            .iter()
            .map(|g| {
                (
                    g["number"].as_u64().unwrap(),
                    g["current"].as_bool().unwrap(),
                )
            })
            .collect::<Vec<_>>()
    };

    // test: runs now, the default generation stays.
    let (status, _, err) = env.sysnix("test", &format!("--system {two}"));
    assert_eq!(status, 0, "{err}");
    assert_eq!(static_target(&env), format!("{two}/etc"));
    env.m.wait_for_unit("nbd-server.service", T).unwrap();
    assert_eq!(conf(&env), "1");
    assert_eq!(generations(&env), [(1, true)]);

    // Back to one, then boot two: the default changes, nothing that runs does.
    env.switch(&one);
    let pid = main_pid(&env, "nbd-server.service");
    let (status, _, err) = env.sysnix("boot", &format!("--system {two}"));
    assert_eq!(status, 0, "{err}");
    assert!(err.contains("will boot into generation 2"), "{err}");
    assert_eq!(generations(&env), [(1, false), (2, true)]);
    assert_eq!(main_pid(&env, "nbd-server.service"), pid);
    assert_eq!(conf(&env), "0");
    // After a reboot the machine runs generation two, and sysnix knows it does: switching
    // to it again changes nothing.
    env.m.reboot().unwrap();
    env.m.wait_for_unit("nbd-server.service", T).unwrap();
    assert_eq!(conf(&env), "1");
    let pid = main_pid(&env, "nbd-server.service");
    let (status, plan, _) = env.sysnix("dry-activate", &format!("--system {two}"));
    assert_eq!(status, 0);
    assert!(fates(&plan, "nbd-server.service").is_empty(), "{plan}");
    env.switch(&two);
    assert_eq!(main_pid(&env, "nbd-server.service"), pid);
}

/// Activation installs the Debian packages a system needs and lacks, with apt. The
/// machine has no network, so apt gets them from a local repository (a `.deb` fetched on
/// the host and indexed with dpkg-scanpackages, bound into the machine).
#[test]
fn missing_packages_are_installed_with_apt() {
    let Some(env) = Booted::boot("switch", "apt") else {
        return;
    };
    let debs = env.dir.join("debs");
    std::fs::create_dir_all(&debs).unwrap();
    let sh = |cmd: &str| {
        let out = Command::new("sh")
            .arg("-c")
            .arg(cmd)
            .current_dir(&debs)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{cmd}:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    // GNU hello depends only on libc6, which every Debian has.
    sh("apt-get download hello");
    sh("dpkg-scanpackages . /dev/null > Packages");
    let conf = env.dir.join("configuration.nix");
    std::fs::write(
        &conf,
        "{ pkgs, ... }: { environment.systemPackages = [ pkgs.hello ]; }\n",
    )
    .unwrap();
    let store = env.store();
    let out = Command::new(env!("CARGO_BIN_EXE_sysnix"))
        .args(["build", "--no-out-link", "--store", &store, "-c"])
        .arg(&conf)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let top = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let m = &env.m;
    m.fail("dpkg -s hello").unwrap();
    m.succeed(&format!(
        "rm -f /etc/apt/sources.list /etc/apt/sources.list.d/* && echo 'deb [trusted=yes] file:{} ./' > /etc/apt/sources.list.d/local.list && apt-get update -qq",
        debs.display()
    ))
    .unwrap();
    let out = m
        .execute_timeout(
            &format!("sysnix switch --store {store} --system {top}"),
            Duration::from_secs(120),
        )
        .unwrap();
    assert_eq!(out.status, 0, "switch:\n{}", out.stderr);
    assert!(
        out.stderr.contains("installing packages: hello"),
        "{}",
        out.stderr
    );
    m.succeed("dpkg -s hello | grep -q '^Status: install ok installed'")
        .unwrap();
    let greeting = m.succeed(&format!("{top}/sw/bin/hello")).unwrap();
    assert_eq!(greeting.trim(), "Hello, world!");
    // Installed once: the next switch finds nothing to install.
    let again = m
        .execute_timeout(
            &format!("sysnix switch --store {store} --system {top}"),
            Duration::from_secs(120),
        )
        .unwrap();
    assert_eq!(again.status, 0, "{}", again.stderr);
    assert!(
        !again.stderr.contains("installing packages"),
        "{}",
        again.stderr
    );
}
