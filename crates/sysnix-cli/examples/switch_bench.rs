//! The switch benchmark's driver (run by `bench/switch.sh`): a generated configuration of
//! N services is built on the host, then switched to in a freshly booted machine (the
//! first switch: every service started), then a configuration with one unit changed (one
//! restart). Each switch's own timings (`sysnix switch --timings`: planning, activation,
//! waiting for systemd's jobs, total) and its wall time seen from outside are printed as
//! one JSON document per run on stdout.
//!
//!     cargo run -p sysnix-cli --example switch_bench -- --sysnix target/release/sysnix \
//!         --services 100 --runs 3

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};
use sysnix_testing::{Machine, MachineOptions, rootfs_or_skip};

fn config(n: usize, changed: bool) -> String {
    let mut s = String::from("{ ... }: {\n  networking.firewall.enable = false;\n");
    for i in 0..n {
        let value = if changed && i == 0 { "2" } else { "1" };
        s.push_str(&format!(
            "  systemd.services.bench-{i} = {{ wantedBy = [ \"multi-user.target\" ]; environment.VALUE = \"{value}\"; serviceConfig.ExecStart = \"/bin/sleep infinity\"; }};\n"
        ));
    }
    s.push_str("}\n");
    s
}

fn arg(args: &[String], name: &str, default: &str) -> String {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
        .unwrap_or_else(|| default.to_string())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let sysnix = PathBuf::from(arg(&args, "--sysnix", "target/release/sysnix"));
    let sysnix = std::fs::canonicalize(&sysnix).expect("the sysnix binary");
    let n: usize = arg(&args, "--services", "100")
        .parse()
        .expect("--services N");
    let runs: usize = arg(&args, "--runs", "3").parse().expect("--runs N");
    if rootfs_or_skip().is_none() {
        eprintln!("switch_bench: the machines' root file system is missing");
        std::process::exit(2);
    }
    // Not under /tmp: services with PrivateTmp= would not see the store.
    let dir = PathBuf::from(format!("/sysnix-test/bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let store = dir.join("store");
    let build = |name: &str, changed: bool| -> String {
        let conf = dir.join(format!("{name}.nix"));
        std::fs::write(&conf, config(n, changed)).unwrap();
        let t = Instant::now();
        let out = Command::new(&sysnix)
            .args(["build", "--no-out-link", "--store"])
            .arg(&store)
            .arg("-c")
            .arg(&conf)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        eprintln!("built {name} in {:.2} s", t.elapsed().as_secs_f64());
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    let first = build("first", false);
    let second = build("second", true);
    for run in 0..runs {
        let m = Machine::boot(
            MachineOptions::new("bench")
                .bind(&dir, &dir)
                .bind_ro(&sysnix, "/usr/local/bin/sysnix"),
        )
        .expect("boot");
        let mut results = Vec::new();
        for (name, top) in [("first", &first), ("change", &second)] {
            let t = Instant::now();
            let out = m
                .execute_timeout(
                    &format!(
                        "sysnix switch --store {} --no-install-packages --timings --system {top}",
                        store.display()
                    ),
                    Duration::from_secs(600),
                )
                .unwrap();
            let wall = t.elapsed().as_secs_f64() * 1000.0;
            assert_eq!(out.status, 0, "{name}: {}", out.stderr);
            let timings = out
                .stderr
                .lines()
                .find_map(|l| l.strip_prefix("timings: "))
                .expect("a timings line");
            let mut t: serde_json::Value = serde_json::from_str(timings).unwrap();
            t["wall_ms"] = serde_json::json!((wall * 10.0).round() / 10.0);
            t["switch"] = serde_json::json!(name);
            results.push(t);
        }
        let active = m
            .succeed("systemctl list-units --state=active --no-legend 'bench-*' | wc -l")
            .unwrap();
        assert_eq!(active.trim(), n.to_string(), "not every service is active");
        let _ = m.shutdown();
        println!(
            "{}",
            serde_json::json!({ "run": run + 1, "services": n, "switches": results })
        );
    }
    let _ = Command::new("chmod")
        .arg("-R")
        .arg("u+w")
        .arg(&dir)
        .status();
    let _ = std::fs::remove_dir_all(&dir);
}
