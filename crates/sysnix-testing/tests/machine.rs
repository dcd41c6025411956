//! The harness for real: machines booted with systemd as PID 1 in systemd-nspawn.
//! Skipped (with the reason printed) where the prerequisites are missing, failing in CI.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use sysnix_testing::{Error, Machine, MachineOptions, Netns, rootfs_or_skip, veth};

const T: Duration = Duration::from_secs(20);

fn boot(name: &str) -> Option<Machine> {
    rootfs_or_skip()?;
    let started = Instant::now();
    let machine = Machine::boot(MachineOptions::new(name)).expect("boot");
    eprintln!("{name}: booted in {:.2} s", started.elapsed().as_secs_f64());
    Some(machine)
}

#[test]
fn boots_and_runs_commands() {
    let Some(m) = boot("basic") else { return };
    // A clean boot: nothing failed.
    let state = m.execute("systemctl is-system-running").unwrap();
    assert_eq!(
        state.stdout.trim(),
        "running",
        "{}",
        m.succeed("systemctl --failed --no-pager").unwrap()
    );
    // Systemd really is PID 1, with the machine's own hostname.
    assert_eq!(m.succeed("cat /proc/1/comm").unwrap().trim(), "systemd");
    assert_eq!(m.succeed("hostname").unwrap().trim(), "basic");
    // Not a "first boot": the distribution's presets did not enable packaged services.
    m.fail("systemctl is-active nginx.service").unwrap();
    m.fail("systemctl is-enabled nginx.service").unwrap();
    assert_eq!(m.succeed("echo out; echo err >&2").unwrap(), "out\n");

    // fail() gives the status; succeed() on a failing command says everything.
    let failed = m
        .fail("echo some-output; echo some-error >&2; exit 3")
        .unwrap();
    assert_eq!(failed.status, 3);
    assert_eq!(failed.stdout, "some-output\n");
    assert_eq!(failed.stderr, "some-error\n");
    let err = m.succeed("echo visible; exit 7").unwrap_err();
    let text = err.to_string();
    assert!(text.contains("basic: command failed"), "{text}");
    assert!(
        text.contains("exit 7") && text.contains("status 7"),
        "{text}"
    );
    assert!(text.contains("visible"), "{text}");
    assert_eq!(err.output().unwrap().status, 7);
    assert!(matches!(
        m.fail("true"),
        Err(Error::UnexpectedSuccess { .. })
    ));
    let out = m.execute("kill -9 $$").unwrap();
    assert_eq!(out.status, 128 + 9);

    // A command past its time limit is killed, with whatever it started.
    let started = Instant::now();
    let err = m
        .execute_timeout("sleep 30 & sleep 31", Duration::from_millis(300))
        .unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err}");
    assert!(started.elapsed() < Duration::from_secs(5));
    // A background process left behind does not make succeed() wait for it.
    let started = Instant::now();
    m.succeed("sleep 30 >/dev/null 2>&1 & echo started")
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(5));
    m.succeed("pkill -x sleep || true").unwrap();

    // The machine may configure its own network namespace (the firewall).
    m.succeed(
        "nft add table inet t && nft add chain inet t c '{ type filter hook input priority 0; }'",
    )
    .unwrap();
    assert!(m.succeed("nft list ruleset").unwrap().contains("chain c"));
    assert!(
        m.host_in_netns("nft list ruleset")
            .unwrap()
            .contains("chain c")
    );

    // The guest's environment is its own, not the test process's.
    let env = m.succeed("env").unwrap();
    assert!(!env.contains("CARGO"), "{env}");
    assert!(env.contains("HOME=/root"), "{env}");
    m.shutdown().unwrap();
}

#[test]
fn units_ports_and_processes() {
    let Some(m) = boot("units") else { return };
    // A unit started with systemd-run, sandboxing enforced.
    m.succeed("systemd-run --unit=sleeper -p DynamicUser=yes sleep infinity")
        .unwrap();
    m.wait_for_unit("sleeper.service", T).unwrap();
    let pid = m.unit_pid("sleeper.service").unwrap();
    let user = m.succeed(&format!("ps -o user= -p {pid}")).unwrap();
    assert_ne!(user.trim(), "root");

    // A port opened by a python3 http.server unit, reached from the host side.
    m.succeed("mkdir -p /srv/www && echo hello-from-guest > /srv/www/index.html")
        .unwrap();
    m.succeed(
        "systemd-run --unit=web -p WorkingDirectory=/srv/www python3 -m http.server --bind 127.0.0.1 8080",
    )
    .unwrap();
    m.wait_for_unit("web.service", T).unwrap();
    m.wait_for_open_port(8080, T).unwrap();
    let page = m
        .host_in_netns(
            "python3 -c 'import urllib.request; print(urllib.request.urlopen(\"http://127.0.0.1:8080/\").read().decode(), end=\"\")'",
        )
        .unwrap();
    assert_eq!(page, "hello-from-guest\n");
    assert!(
        m.journal("web.service", 20).unwrap().contains("GET / HTTP"),
        "the request is in the unit's journal"
    );

    // kill -9 of the main process: the unit fails, and wait_for_unit says so early,
    // showing the journal.
    let web_pid = m.unit_pid("web.service").unwrap();
    m.kill_process(&web_pid.to_string(), libc_sigkill())
        .unwrap();
    m.wait_for_closed_port(8080, T).unwrap();
    let started = Instant::now();
    let err = m.wait_for_unit("web.service", T).unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(10));
    match &err {
        Error::UnitFailed { unit, details, .. } => {
            assert_eq!(unit, "web.service");
            assert!(details.contains("ActiveState=failed"), "{details}");
            assert!(details.contains("journal"), "{details}");
        }
        other => panic!("expected UnitFailed, got {other}"),
    }
    assert_eq!(m.systemctl("is-active web.service").unwrap().status, 3);
    m.succeed("systemd-run --on-active=1 --timer-property=AccuracySec=10ms touch /run/later")
        .unwrap();
    m.wait_for_file("/run/later", T).unwrap();
    // By name.
    m.kill_process("sleep", libc_sigkill()).unwrap();
    assert!(m.kill_process("no-such-process", 15).is_err());
    // A unit that never comes up times out with its state.
    let err = m
        .wait_for_unit("never.service", Duration::from_millis(500))
        .unwrap_err();
    assert!(err.to_string().contains("never.service"), "{err}");
    m.shutdown().unwrap();
}

fn libc_sigkill() -> i32 {
    9
}

#[test]
fn binds_and_copies() {
    let Some(_) = rootfs_or_skip() else { return };
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("ro");
    let rw = dir.path().join("rw");
    fs::create_dir_all(&ro).unwrap();
    fs::create_dir_all(&rw).unwrap();
    fs::write(ro.join("marker"), "from-host\n").unwrap();
    let script = dir.path().join("script.sh");
    fs::write(&script, "#!/bin/sh\necho script-ran\n").unwrap();
    fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let m = Machine::boot(
        MachineOptions::new("binds")
            .bind_ro(&ro, "/sysnix/store")
            .bind(&rw, "/mnt/rw")
            // A single file, as tests bind the sysnix binary.
            .bind_ro(&script, "/usr/local/bin/tool"),
    )
    .unwrap();
    assert_eq!(m.succeed("tool").unwrap(), "script-ran\n");
    assert_eq!(
        m.succeed("cat /sysnix/store/marker").unwrap(),
        "from-host\n"
    );
    m.fail("touch /sysnix/store/nope").unwrap();
    m.succeed("echo from-guest > /mnt/rw/back").unwrap();
    assert_eq!(fs::read_to_string(rw.join("back")).unwrap(), "from-guest\n");

    // copy_in: a file (mode kept) and a directory; copy_out: bytes as they are.
    m.copy_in(&script, "/opt/new/dir/script.sh").unwrap();
    assert_eq!(m.succeed("/opt/new/dir/script.sh").unwrap(), "script-ran\n");
    let tree = dir.path().join("tree");
    fs::create_dir_all(tree.join("sub")).unwrap();
    fs::write(tree.join("sub/file"), "deep\n").unwrap();
    m.copy_in(&tree, "/srv/tree").unwrap();
    assert_eq!(m.succeed("cat /srv/tree/sub/file").unwrap(), "deep\n");
    m.succeed("head -c 4096 /dev/urandom > /tmp/blob").unwrap();
    let blob = dir.path().join("blob");
    m.copy_out("/tmp/blob", &blob).unwrap();
    assert_eq!(fs::metadata(&blob).unwrap().len(), 4096);
    let sum = |s: &str| s.split_whitespace().next().unwrap().to_string();
    let guest_sum = sum(&m.succeed("sha256sum /tmp/blob").unwrap());
    let host = std::process::Command::new("sha256sum")
        .arg(&blob)
        .output()
        .unwrap();
    assert_eq!(guest_sum, sum(&String::from_utf8_lossy(&host.stdout)));
    assert!(m.copy_out("/does/not/exist", dir.path().join("x")).is_err());
    assert!(!dir.path().join("x").exists());
}

#[test]
fn two_machines_talk_over_a_veth_pair() {
    let Some(_) = rootfs_or_skip() else { return };
    // Linked before booting, so the addresses are there when services start.
    let (na, nb) = (Netns::new("alpha").unwrap(), Netns::new("beta").unwrap());
    veth(&na, "10.231.0.1/24", &nb, "10.231.0.2/24").unwrap();
    let started = Instant::now();
    let machines = Machine::boot_all(vec![
        MachineOptions::new("alpha").netns(na),
        MachineOptions::new("beta").netns(nb),
    ])
    .unwrap();
    eprintln!(
        "two machines booted in {:.2} s",
        started.elapsed().as_secs_f64()
    );
    let (a, b) = (&machines[0], &machines[1]);
    // Each has its own systemd, cgroup and network.
    assert_eq!(a.succeed("hostname").unwrap().trim(), "alpha");
    assert_eq!(b.succeed("hostname").unwrap().trim(), "beta");
    assert!(
        a.succeed("ip -o addr show")
            .unwrap()
            .contains("10.231.0.1/24")
    );
    assert_ne!(
        a.succeed("cat /etc/machine-id").unwrap(),
        b.succeed("cat /etc/machine-id").unwrap()
    );
    a.succeed("ping -c 1 -W 5 10.231.0.2").unwrap();
    b.succeed("systemd-run --unit=listen python3 -m http.server --bind 0.0.0.0 9000")
        .unwrap();
    b.wait_for_open_port(9000, T).unwrap();
    a.succeed(
        "python3 -c 'import urllib.request; urllib.request.urlopen(\"http://10.231.0.2:9000/\")'",
    )
    .unwrap();
    // A process started in one machine is not seen in the other.
    assert!(!a.succeed("ps -e -o comm=").unwrap().contains("python3"));

    // A link added to running machines, and a host-side namespace as a client.
    let link = a.connect("10.232.0.1/24", b, "10.232.0.2/24").unwrap();
    assert_eq!(link.a_interface, "eth1");
    a.succeed("ping -c 1 -W 5 10.232.0.2").unwrap();
    let client = Netns::new("client").unwrap();
    veth(&client, "10.233.0.9/24", b.netns(), "10.233.0.2/24").unwrap();
    client
        .succeed("python3 -c 'import urllib.request; urllib.request.urlopen(\"http://10.233.0.2:9000/\")'")
        .unwrap();
    // The machines' sshd takes the test key (deploy tests log in this way).
    let key = sysnix_testing::rootfs::ssh_key(b.rootfs());
    let ssh = format!(
        "ssh -i {} -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR root@10.233.0.2 hostname",
        key.display()
    );
    assert_eq!(client.succeed(&ssh).unwrap().trim(), "beta");
    // Nothing routes between the two links.
    client
        .execute("ping -c 1 -W 1 10.231.0.1")
        .map(|o| assert_ne!(o.status, 0))
        .unwrap();
}

/// What a machine owns on the host, to check that it is all gone.
fn leftovers(id: &str, netns: &str, state: &Path) -> Vec<String> {
    let mut left = Vec::new();
    let ns = std::process::Command::new("ip")
        .args(["netns", "list"])
        .output()
        .unwrap();
    if String::from_utf8_lossy(&ns.stdout).contains(netns) {
        left.push(format!("netns {netns}"));
    }
    for h in [
        "/sys/fs/cgroup/systemd",
        "/sys/fs/cgroup/unified",
        "/sys/fs/cgroup",
    ] {
        if Path::new(h).join(id).exists() {
            left.push(format!("cgroup {h}/{id}"));
        }
    }
    if state.exists() {
        left.push(format!("state dir {}", state.display()));
    }
    let mounts = fs::read_to_string("/proc/self/mountinfo").unwrap();
    if mounts.contains(id) {
        left.push("a mount".into());
    }
    let ps = std::process::Command::new("ps")
        .args(["-eo", "args"])
        .output()
        .unwrap();
    if String::from_utf8_lossy(&ps.stdout).contains(id) {
        left.push("a process".into());
    }
    left
}

#[test]
fn nothing_is_left_behind() {
    let Some(m) = boot("cleanup") else { return };
    let (id, netns, state) = (
        m.id().to_string(),
        m.netns_name().to_string(),
        m.state_dir().to_path_buf(),
    );
    assert!(
        !leftovers(&id, &netns, &state).is_empty(),
        "the probe sees a running machine"
    );
    m.succeed("systemd-run --unit=busy sleep infinity").unwrap();
    drop(m);
    assert_eq!(leftovers(&id, &netns, &state), Vec::<String>::new());

    // Also when the machine was killed instead of powered off.
    let Some(mut m) = boot("crashed") else { return };
    let (id, netns, state) = (
        m.id().to_string(),
        m.netns_name().to_string(),
        m.state_dir().to_path_buf(),
    );
    m.crash().unwrap();
    assert!(!m.is_up());
    drop(m);
    assert_eq!(leftovers(&id, &netns, &state), Vec::<String>::new());
}

#[test]
fn reboot_and_crash_keep_the_disk() {
    let Some(mut m) = boot("disk") else { return };
    m.succeed("echo kept > /var/lib/marker && sync").unwrap();
    let first_pid1 = m.leader_pid().unwrap();
    m.reboot().unwrap();
    assert_ne!(m.leader_pid().unwrap(), first_pid1);
    assert_eq!(m.succeed("cat /var/lib/marker").unwrap(), "kept\n");
    // A reboot from inside: nspawn boots it again by itself.
    let pid1 = m.leader_pid().unwrap();
    let _ = m.execute("systemctl reboot");
    // Until the old init is gone, commands would enter the machine that is shutting down
    // (and be killed with it): wait for the new PID 1 first.
    let deadline = std::time::Instant::now() + T;
    while m.leader_pid().ok() == Some(pid1) || m.leader_pid().is_err() {
        assert!(
            std::time::Instant::now() < deadline,
            "the machine did not come back after rebooting itself"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    m.wait_until_succeeds("systemctl is-system-running --wait", T)
        .unwrap();
    assert_ne!(m.leader_pid().unwrap(), pid1);
    assert_eq!(m.succeed("cat /var/lib/marker").unwrap(), "kept\n");
    m.crash().unwrap();
    assert!(m.succeed("true").is_err());
    m.start().unwrap();
    assert_eq!(m.succeed("cat /var/lib/marker").unwrap(), "kept\n");
    m.shutdown().unwrap();
}

#[test]
fn pure_cgroup_v2_inside() {
    let Some(_) = rootfs_or_skip() else { return };
    let m = Machine::boot(MachineOptions::new("unified").unified_cgroup_hierarchy(true)).unwrap();
    assert_eq!(
        m.succeed("stat -fc %T /sys/fs/cgroup").unwrap().trim(),
        "cgroup2fs"
    );
    m.succeed("systemd-run --wait -p MemoryMax=64M -p TasksMax=10 true")
        .unwrap();
}

#[test]
fn a_boot_that_hangs_times_out_with_the_journal_and_cleans_up() {
    let Some(_) = rootfs_or_skip() else { return };
    let unit =
        "[Unit]\nDescription=Hangs the boot\n[Service]\nType=oneshot\nExecStart=/bin/sleep 600\n";
    let err = Machine::boot(
        MachineOptions::new("hang")
            .file("/etc/systemd/system/hang.service", unit)
            .symlink(
                "/etc/systemd/system/multi-user.target.wants/hang.service",
                "/etc/systemd/system/hang.service",
            )
            .boot_timeout(Duration::from_secs(3)),
    )
    .unwrap_err();
    let text = err.to_string();
    assert!(matches!(err, Error::Timeout { .. }), "{text}");
    assert!(text.contains("hang: timed out waiting for boot"), "{text}");
    assert!(
        text.contains("--- jobs:") && text.contains("hang.service"),
        "{text}"
    );
    assert!(
        text.contains("--- journal") && text.contains("Hangs the boot"),
        "{text}"
    );
    let ns = std::process::Command::new("ip")
        .args(["netns", "list"])
        .output()
        .unwrap();
    let me = format!("sysnix-test-hang-{}-", std::process::id());
    assert!(!String::from_utf8_lossy(&ns.stdout).contains(&me));
    assert!(!Path::new("/sys/fs/cgroup/unified").join(&me).exists());
}
