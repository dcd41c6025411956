//! `deployment.keys` on real systemd: a Debian 12 machine booted in systemd-nspawn (the
//! `sysnix-testing` harness) with the store and the sysnix binary bound in. A text key, a
//! keyFile key and a keyCommand key are placed with their owner and mode, the text never
//! reaches the store, a service waits for its key unit, the key unit follows the key file
//! (deleted: it waits again and a service bound to it stops; placed again: active), a
//! key left out of the configuration is removed, and after a reboot `sysnix-keys.service`
//! places the keys again.
//!
//! Skipped (with the reason) without the harness's prerequisites; failing under CI=true.

use std::process::Command;
use std::time::Duration;

mod common;
use common::booted::Booted;

const T: Duration = Duration::from_secs(30);
const SECRET: &str = "sysnix-test-key-text-3f9c1b";

/// Builds a configuration with `body` on the host; returns the toplevel.
fn build_with(env: &Booted, name: &str, body: &str) -> String {
    env.build(name, &format!("{{ pkgs, lib, ... }}: {{\n{body}\n}}\n"))
}

fn sysnix_system(env: &Booted, verb: &str, top: &str) -> (i32, String, String) {
    env.sysnix(verb, &format!("--system {top}"))
}

fn stat(env: &Booted, path: &str) -> String {
    env.m
        .succeed(&format!("stat -c '%a %U %G' {path}"))
        .unwrap()
        .trim()
        .to_string()
}

fn active(env: &Booted, unit: &str) -> String {
    env.m
        .execute(&format!("systemctl is-active {unit}"))
        .unwrap()
        .stdout
        .trim()
        .to_string()
}

fn monotonic(env: &Booted, unit: &str, property: &str) -> u64 {
    env.m
        .succeed(&format!("systemctl show -P {property} {unit}"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

/// The configuration: three keys (or two, without gamma), a service reading one and a
/// service bound to its key unit.
fn configuration(key_file: &str, with_gamma: bool) -> String {
    let gamma = if with_gamma {
        r#"deployment.keys.gamma.keyCommand = [ "/bin/sh" "-c" "echo from-command" ];"#
    } else {
        ""
    };
    format!(
        r#"  networking.firewall.enable = false;
  users.groups.reader = {{ }};
  users.users.reader = {{ isSystemUser = true; group = "reader"; extraGroups = [ "keys" ]; }};
  deployment.keys.alpha = {{ text = "{SECRET}"; user = "reader"; group = "keys"; permissions = "0640"; }};
  deployment.keys.beta.keyFile = "{key_file}";
  {gamma}
  systemd.services.reader = {{
    wantedBy = [ "multi-user.target" ];
    wants = [ "alpha-key.service" ];
    after = [ "alpha-key.service" ];
    serviceConfig = {{
      User = "reader";
      RuntimeDirectory = "reader";
      ExecStart = "/bin/sh -c 'cat /run/keys/alpha > /run/reader/copy; exec sleep infinity'";
    }};
  }};
  systemd.services.follower = {{
    wantedBy = [ "multi-user.target" ];
    bindsTo = [ "alpha-key.service" ];
    after = [ "alpha-key.service" ];
    serviceConfig.ExecStart = "/bin/sleep infinity";
  }};"#
    )
}

#[test]
fn keys_are_placed_followed_removed_and_back_after_a_reboot() {
    let Some(mut env) = Booted::boot("keys", "keys") else {
        return;
    };
    let key_file = env.dir.join("beta.key");
    std::fs::write(&key_file, "from-a-file\n").unwrap();
    let key_file = key_file.to_string_lossy().into_owned();
    let one = build_with(&env, "one", &configuration(&key_file, true));

    // The text is kept root-only beside the store, and nowhere in it.
    let base = one.rsplit('/').next().unwrap();
    let copy = env.dir.join("var/keys").join(base).join("alpha");
    assert_eq!(std::fs::read_to_string(&copy).unwrap(), SECRET);
    let grep = Command::new("grep")
        .args(["-rlF", SECRET])
        .arg(env.store())
        .output()
        .unwrap();
    assert_eq!(
        grep.status.code(),
        Some(1),
        "the key text is in the store: {}",
        String::from_utf8_lossy(&grep.stdout)
    );

    // dry-activate names the keys, never their content.
    let (status, out, _) = sysnix_system(&env, "dry-activate", &one);
    assert_eq!(status, 0);
    assert!(
        out.contains("would place key /run/keys/alpha (text, reader:keys 0640)"),
        "{out}"
    );
    assert!(!out.contains(SECRET), "{out}");

    let err = env.switch(&one);
    assert!(!err.contains(SECRET), "{err}");
    assert_eq!(stat(&env, "/run/keys"), "750 root keys");
    assert_eq!(stat(&env, "/run/keys/alpha"), "640 reader keys");
    assert_eq!(stat(&env, "/run/keys/beta"), "600 root root");
    assert_eq!(stat(&env, "/run/keys/gamma"), "600 root root");
    assert_eq!(env.m.succeed("cat /run/keys/alpha").unwrap(), SECRET);
    assert_eq!(
        env.m.succeed("cat /run/keys/beta").unwrap(),
        "from-a-file\n"
    );
    assert_eq!(
        env.m.succeed("cat /run/keys/gamma").unwrap(),
        "from-command\n"
    );

    // The service waited for its key unit and read the key as its user.
    for u in [
        "alpha-key.service",
        "beta-key.service",
        "gamma-key.service",
        "reader.service",
    ] {
        env.m.wait_for_unit(u, T).unwrap();
    }
    env.m.wait_for_file("/run/reader/copy", T).unwrap();
    assert_eq!(env.m.succeed("cat /run/reader/copy").unwrap(), SECRET);
    assert!(
        monotonic(&env, "alpha-key.service", "ActiveEnterTimestampMonotonic")
            <= monotonic(&env, "reader.service", "ExecMainStartTimestampMonotonic")
    );

    // Deleted: the key unit stops being active and waits; placed again: active.
    env.m.succeed("rm /run/keys/alpha").unwrap();
    env.m
        .wait_until_succeeds("! systemctl is-active -q alpha-key.service", T)
        .unwrap();
    // A service bound to the key unit stops with it.
    env.m
        .wait_until_succeeds("! systemctl is-active -q follower.service", T)
        .unwrap();
    let (status, _, err) = sysnix_system(&env, "test", &one);
    assert_eq!(status, 0, "{err}");
    assert_eq!(stat(&env, "/run/keys/alpha"), "640 reader keys");
    env.m.wait_for_unit("alpha-key.service", T).unwrap();

    // A key left out of the configuration is removed, with its unit.
    let two = build_with(&env, "two", &configuration(&key_file, false));
    let err = env.switch(&two);
    assert!(err.contains("removed key /run/keys/gamma"), "{err}");
    env.m.fail("test -e /run/keys/gamma").unwrap();
    env.m.succeed("test -e /run/keys/beta").unwrap();
    assert_eq!(active(&env, "gamma-key.service"), "inactive");

    // /run is a tmpfs: after a reboot sysnix-keys.service places the keys again.
    env.m.reboot().unwrap();
    env.m.wait_for_unit("sysnix-keys.service", T).unwrap();
    env.m.wait_for_unit("alpha-key.service", T).unwrap();
    env.m.wait_for_unit("reader.service", T).unwrap();
    assert_eq!(stat(&env, "/run/keys"), "750 root keys");
    assert_eq!(stat(&env, "/run/keys/alpha"), "640 reader keys");
    assert_eq!(stat(&env, "/run/keys/beta"), "600 root root");
    assert_eq!(env.m.succeed("cat /run/keys/alpha").unwrap(), SECRET);
    env.m.fail("test -e /run/keys/gamma").unwrap();
    env.m.wait_for_file("/run/reader/copy", T).unwrap();
    assert_eq!(env.m.succeed("cat /run/reader/copy").unwrap(), SECRET);
}
