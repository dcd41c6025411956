//! A Debian 12 machine booted in systemd-nspawn (`sysnix-testing`) with a store on the
//! host bound in at the same path, and the sysnix binary: systems are built on the host
//! and switched inside, as the container tests (switch, keys, your_app) do.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use sysnix_testing::{Machine, MachineOptions, rootfs_or_skip};

pub struct Booted {
    /// The host directory bound into the machine (the store is `<dir>/store`).
    pub dir: PathBuf,
    pub m: Machine,
}

impl Booted {
    /// Boots a machine named `name`; `None` (the reason printed) when the harness's
    /// prerequisites are missing outside CI.
    pub fn boot(kind: &str, name: &str) -> Option<Booted> {
        rootfs_or_skip()?;
        static N: AtomicUsize = AtomicUsize::new(0);
        // Not under /tmp or /var/tmp: services with PrivateTmp= would not see the store.
        let dir = PathBuf::from(format!(
            "/sysnix-test/{kind}-{}-{name}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("store")).unwrap();
        let m = Machine::boot(
            MachineOptions::new(name)
                .bind(&dir, &dir)
                .bind_ro(env!("CARGO_BIN_EXE_sysnix"), "/usr/local/bin/sysnix"),
        )
        .expect("boot");
        Some(Booted { dir, m })
    }

    pub fn store(&self) -> String {
        self.dir.join("store").to_string_lossy().into_owned()
    }

    /// Writes the module `<dir>/<name>.nix` and builds it on the host.
    pub fn try_build(&self, name: &str, module: &str) -> Output {
        let conf = self.dir.join(format!("{name}.nix"));
        std::fs::write(&conf, module).unwrap();
        Command::new(env!("CARGO_BIN_EXE_sysnix"))
            .args(["build", "--no-out-link", "--store", &self.store(), "-c"])
            .arg(&conf)
            .output()
            .unwrap()
    }

    /// [`Booted::try_build`], which must succeed; returns the toplevel.
    pub fn build(&self, name: &str, module: &str) -> String {
        let out = self.try_build(name, module);
        assert!(
            out.status.success(),
            "build failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// `sysnix VERB --store S ARGS` in the machine; returns (status, stdout, stderr).
    pub fn sysnix(&self, verb: &str, args: &str) -> (i32, String, String) {
        // The machine has no network for apt: missing packages are only reported.
        let flags = if verb == "list-generations" {
            ""
        } else {
            "--no-install-packages"
        };
        let out = self
            .m
            .execute_timeout(
                &format!("sysnix {verb} --store {} {flags} {args}", self.store()),
                Duration::from_secs(120),
            )
            .unwrap();
        (out.status, out.stdout, out.stderr)
    }

    /// `sysnix switch --system TOP`, which must succeed; returns its stderr.
    pub fn switch(&self, top: &str) -> String {
        let (status, _, err) = self.sysnix("switch", &format!("--system {top}"));
        assert_eq!(status, 0, "switch to {top} failed:\n{err}");
        err
    }
}

impl Drop for Booted {
    fn drop(&mut self) {
        let _ = Command::new("chmod")
            .arg("-R")
            .arg("u+w")
            .arg(&self.dir)
            .status();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
