//! Issue 6 at build time, for real (`sysnix build` into a scratch store): the exposure
//! gate fails or warns for the right services, the sandbox presets render and can be
//! overridden, credentials become LoadCredential=, and secrets stay out of the store (a
//! secret option's value reaching a derivation fails the build naming the option; key
//! material fails it naming the file; a secret file option never copies its file).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;
use common::{TempDir, text};

struct Scratch(TempDir);

impl Scratch {
    fn new(tag: &str) -> Scratch {
        Scratch(TempDir::new("hardening", tag))
    }
    fn write(&self, name: &str, body: &str) -> PathBuf {
        let p = self.0.join(name);
        std::fs::write(&p, body).expect("writing a test file");
        p
    }
    fn build(&self, conf: &Path) -> Output {
        Command::new(env!("CARGO_BIN_EXE_sysnix"))
            .args(["build", "--no-out-link", "-c"])
            .arg(conf)
            .env("SYSNIX_STORE", self.0.join("store"))
            .current_dir(&self.0)
            .output()
            .expect("running sysnix")
    }
    /// Every store entry's name (not the state dir).
    fn store_entries(&self) -> Vec<String> {
        std::fs::read_dir(self.0.join("store"))
            .map(|d| {
                d.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| !n.starts_with('.'))
                    .collect()
            })
            .unwrap_or_default()
    }
    /// Whether any file in the store contains `needle`.
    fn store_contains(&self, needle: &str) -> bool {
        Command::new("grep")
            .args(["-r", "-q", "-F", "--", needle])
            .arg(self.0.join("store"))
            .status()
            .expect("grep")
            .success()
    }
}

fn ok(out: &Output) -> String {
    assert!(out.status.success(), "build failed:\n{}", text(&out.stderr));
    text(&out.stdout).trim().to_string()
}

fn failed(out: &Output) -> String {
    assert!(
        !out.status.success(),
        "build should have failed; stderr:\n{}",
        text(&out.stderr)
    );
    text(&out.stderr)
}

fn unit(toplevel: &str, name: &str) -> String {
    std::fs::read_to_string(Path::new(toplevel).join("etc/systemd/system").join(name))
        .expect("the unit file")
}

const SERVICES: &str = r#"
  systemd.services.bare = {
    wantedBy = [ "multi-user.target" ];
    serviceConfig.ExecStart = "/bin/sleep infinity";
    serviceConfig.User = "nobody";
  };
  systemd.services.tight = {
    sandbox = "strict";
    serviceConfig.ExecStart = "/bin/sleep infinity";
    serviceConfig.DynamicUser = true;
  };
"#;

#[test]
fn the_gate_fails_the_build_naming_each_service_over_its_limit() {
    let s = Scratch::new("gate");
    let conf = s.write(
        "configuration.nix",
        &format!("{{ ... }}: {{\n  security.exposure.max = 2.0;\n{SERVICES}}}\n"),
    );
    let err = failed(&s.build(&conf));
    assert!(
        err.contains("1 service is over its exposure limit"),
        "{err}"
    );
    assert!(
        err.contains("bare.service: exposure 9.5 UNSAFE, limit 2.0"),
        "{err}"
    );
    assert!(
        err.contains("would lower it most: PrivateNetwork= (→ 9.1)"),
        "{err}"
    );
    assert!(!err.contains("tight.service: exposure"), "{err}");
    // The firewall unit sysnix generates itself is under the limit too.
    assert!(!err.contains("sysnix-firewall.service: exposure"), "{err}");
}

#[test]
fn a_per_service_limit_or_warn_mode_lets_the_build_through() {
    let s = Scratch::new("gate-ok");
    let per_unit = s.write(
        "per-unit.nix",
        &format!(
            "{{ ... }}: {{\n  security.exposure.max = 2.0;\n  systemd.services.bare.exposure.max = 9.5;\n{SERVICES}}}\n"
        ),
    );
    ok(&s.build(&per_unit));

    let tighter = s.write(
        "tighter.nix",
        &format!("{{ ... }}: {{\n  systemd.services.tight.exposure.max = 0.5;\n{SERVICES}}}\n"),
    );
    let err = failed(&s.build(&tighter));
    assert!(
        err.contains("tight.service: exposure 1.1 OK, limit 0.5"),
        "{err}"
    );
    assert!(
        !err.contains("bare.service: exposure"),
        "no global limit: {err}"
    );

    let warn = s.write(
        "warn.nix",
        &format!(
            "{{ ... }}: {{\n  security.exposure.max = 2.0;\n  security.exposure.mode = \"warn\";\n{SERVICES}}}\n"
        ),
    );
    let out = s.build(&warn);
    ok(&out);
    let err = text(&out.stderr);
    assert!(
        err.contains("warning: 1 service is over its exposure limit"),
        "{err}"
    );
    assert!(err.contains("bare.service: exposure 9.5"), "{err}");
}

#[test]
fn presets_render_and_each_setting_can_be_overridden() {
    let s = Scratch::new("preset");
    let conf = s.write(
        "configuration.nix",
        r#"{ lib, ... }: {
  systemd.services.app = {
    sandbox = "strict";
    serviceConfig = {
      ExecStart = "/bin/sleep infinity";
      User = "nobody";
      ProtectHome = "read-only";
      PrivateNetwork = true;
      RestrictAddressFamilies = [ "AF_UNIX" ];
      SystemCallFilter = lib.mkForce [ "@system-service" ];
    };
    credentials.password = "/etc/app/password";
    credentials.token = ./token;
  };
  systemd.services.root-ish = {
    sandbox = "basic";
    serviceConfig.ExecStart = "/bin/true";
  };
}
"#,
    );
    let top = ok(&s.build(&conf));
    let app = unit(&top, "app.service");
    for line in [
        "ProtectSystem=strict",
        "ProtectHome=read-only",
        "PrivateNetwork=true",
        "PrivateUsers=true",
        "NoNewPrivileges=true",
        "CapabilityBoundingSet=\n",
        "RestrictAddressFamilies=AF_UNIX\n",
        "SystemCallFilter=@system-service\n",
        "UMask=0077",
        "LoadCredential=password:/etc/app/password",
    ] {
        assert!(app.contains(line), "{line:?} missing in:\n{app}");
    }
    assert!(!app.contains("ProtectHome=true"), "{app}");
    assert!(!app.contains("AF_INET"), "the list is replaced: {app}");
    assert!(
        !app.contains("~@privileged"),
        "the filter is replaced: {app}"
    );
    // A Nix path given to a secret-file option is its path name, never a store copy.
    let token = s.0.join("token");
    assert!(
        app.contains(&format!("LoadCredential=token:{}", token.display())),
        "{app}"
    );
    assert!(!s.store_entries().iter().any(|e| e.ends_with("-token")));

    let basic = unit(&top, "root-ish.service");
    assert!(basic.contains("ProtectSystem=full"), "{basic}");
    assert!(basic.contains("ProtectKernelTunables=true"), "{basic}");
    assert!(!basic.contains("PrivateUsers"), "{basic}");
    assert!(!basic.contains("CapabilityBoundingSet"), "{basic}");
}

#[test]
fn a_secret_option_reaching_the_store_fails_naming_the_option_and_its_file() {
    let s = Scratch::new("secret");
    let conf = s.write(
        "configuration.nix",
        r#"{ config, lib, ... }: {
  options.services.demo.password = lib.mkOption { type = lib.types.secret; };
  config = {
    services.demo.password = "correct-horse-battery";
    environment.etc."demo.conf".text = ''
      user = demo
      password = ${lib.toUpper config.services.demo.password}
    '';
  };
}
"#,
    );
    let err = failed(&s.build(&conf));
    assert!(
        err.contains(&format!(
            "the secret option `services.demo.password' (defined in `{}') would be written to the world-readable store: it flows into attribute 'text' of derivation 'etc-demo.conf'",
            conf.display()
        )),
        "{err}"
    );
    assert!(!s.store_contains("CORRECT-HORSE-BATTERY"));
    assert!(
        !err.contains("correct-horse"),
        "the value is not printed: {err}"
    );

    // Used where it belongs (read at run time, nothing in the store), the same option is fine.
    let fine = s.write(
        "fine.nix",
        r#"{ config, lib, ... }: {
  options.services.demo.password = lib.mkOption { type = lib.types.secret; };
  config.services.demo.password = "correct-horse-battery";
  config.environment.etc."demo.conf".text =
    "length = ${toString (builtins.stringLength config.services.demo.password)}\n";
}
"#,
    );
    ok(&s.build(&fine));
    assert!(!s.store_contains("correct-horse-battery"));
}

#[test]
fn conflicting_secret_definitions_do_not_print_the_values() {
    let s = Scratch::new("secret-conflict");
    let conf = s.write(
        "configuration.nix",
        r#"{ config, lib, ... }: {
  imports = [ { services.demo.password = "first-value"; } ];
  options.services.demo.password = lib.mkOption { type = lib.types.secret; };
  config.services.demo.password = "second-value";
  config.environment.etc."x".text = builtins.hashString "sha256" config.services.demo.password;
}
"#,
    );
    let err = failed(&s.build(&conf));
    assert!(
        err.contains("The secret option `services.demo.password' has conflicting definition values (not shown)"),
        "{err}"
    );
    assert!(
        !err.contains("first-value") && !err.contains("second-value"),
        "{err}"
    );
}

const KEY: &str = "-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
QyNTUxOQAAACDQZ0aGxQ5D6qg0o9o4rS2wq4n3vV7bVJr8o0s8U5nQmQAAAJh0ZXN0dGVz
-----END OPENSSH PRIVATE KEY-----
";

#[test]
fn key_material_fails_the_build_before_anything_is_written() {
    let s = Scratch::new("key");
    s.write("id_test", KEY);
    let by_source = s.write(
        "source.nix",
        "{ ... }: { environment.etc.\"ssh/hostkey\".source = ./id_test; }\n",
    );
    let err = failed(&s.build(&by_source));
    assert!(
        err.contains("key material would be written to the world-readable store"),
        "{err}"
    );
    assert!(
        err.contains("a private key block (-----BEGIN OPENSSH PRIVATE KEY-----)"),
        "{err}"
    );
    assert!(
        err.contains(&format!("(copied from {})", s.0.join("id_test").display())),
        "{err}"
    );
    assert!(!s.store_contains("BEGIN OPENSSH PRIVATE KEY"));

    let by_text = s.write(
        "text.nix",
        "{ ... }: { environment.etc.\"ssh/hostkey\".text = builtins.readFile ./id_test; }\n",
    );
    let err = failed(&s.build(&by_text));
    assert!(err.contains("in attribute 'text' of derivation"), "{err}");
    assert!(err.contains("-etc-hostkey.drv"), "{err}");
    assert!(!s.store_contains("BEGIN OPENSSH PRIVATE KEY"));

    // Made by a builder: found after building, and the build fails all the same.
    let by_builder = s.write(
        "builder.nix",
        &format!(
            "{{ pkgs, ... }}: {{ environment.etc.\"k\".source = pkgs.runCommand \"made-key\" {{ }} ''\n  printf '%s' {} | tr '_' '-' > $out\n''; }}\n",
            shell_quote(&KEY.replace('-', "_"))
        ),
    );
    let err = failed(&s.build(&by_builder));
    assert!(err.contains("-made-key"), "{err}");
    assert!(err.contains("built by a builder"), "{err}");

    // The key's path, given to a secret-file option, is fine.
    let by_path = s.write(
        "path.nix",
        "{ ... }: { systemd.services.x = { serviceConfig.ExecStart = \"/bin/true\"; credentials.key = ./id_test; }; }\n",
    );
    ok(&s.build(&by_path));
}

fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}
