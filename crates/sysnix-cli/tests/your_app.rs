//! examples/your_app on real systemd (Debian 12 booted in systemd-nspawn), built with the
//! exposure gate at 2.0: the password lives in a root-only file that no other user can
//! read (not the services' own user, not through the store, the unit files or the
//! credential copies), and the services still work with it: visits are counted through
//! the backend, and the backend refuses a caller with the wrong password.
//!
//! Skipped (with the reason) without the harness's prerequisites; failing under CI=true.

use std::time::Duration;

mod common;
use common::booted::Booted;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
const T: Duration = Duration::from_secs(60);
const PASSWORD: &str = "s3cret-Pa55word-for-the-test";

#[test]
fn the_password_stays_private_and_the_app_works() {
    let Some(env) = Booted::boot("your-app", "yourapp") else {
        return;
    };
    let top = env.build(
        "your-app",
        &format!(
            "{{ ... }}: {{\n  imports = [ {ROOT}/examples/your_app/configuration.nix ];\n  security.exposure.max = 2.0;\n}}\n"
        ),
    );
    // The password file, as the example's README says to make it.
    env.m
        .succeed(&format!(
            "install -d -m 0700 /etc/your_app && printf '%s\\n' '{PASSWORD}' > /etc/your_app/password && chmod 0600 /etc/your_app/password"
        ))
        .unwrap();
    env.switch(&top);
    env.m.wait_for_unit("your-app-backend.service", T).unwrap();
    env.m.wait_for_unit("your-app.service", T).unwrap();
    env.m.wait_for_open_port(8000, T).unwrap();

    // It works: each visit is counted by the backend, which the app reaches with the
    // password it got as a credential.
    let get = |path: &str| {
        env.m
            .succeed(&format!(
                "python3 -c 'import urllib.request,sys; sys.stdout.write(urllib.request.urlopen(\"http://127.0.0.1:8000{path}\", timeout=10).read().decode())'"
            ))
            .unwrap()
    };
    assert_eq!(get("/healthz").trim(), "ok");
    let first = get("/");
    let second = get("/");
    assert_ne!(
        first, second,
        "visits are not counted: {first} then {second}"
    );

    // The backend refuses a caller who does not know the password.
    let wrong = env
        .m
        .execute(
            "python3 -c 'import xmlrpc.client; xmlrpc.client.ServerProxy(\"http://127.0.0.1:8001/RPC2\").ping(\"guess\")'",
        )
        .unwrap();
    assert_ne!(wrong.status, 0, "the backend accepted a wrong password");
    assert!(wrong.stderr.contains("wrong password"), "{}", wrong.stderr);

    // No other user reads the password: not the file, not the copies systemd hands the
    // services (and the services' own user only through its credential, not the file).
    env.m.succeed("useradd -m mallory").unwrap();
    let mut attempts = vec![("your_app", "/etc/your_app/password")];
    for user in ["nobody", "mallory"] {
        for path in [
            "/etc/your_app/password",
            "/run/credentials/your-app.service/password",
            "/run/credentials/your-app-backend.service/password",
        ] {
            attempts.push((user, path));
        }
    }
    for (user, path) in attempts {
        {
            let r = env
                .m
                .execute(&format!("runuser -u {user} -- cat {path}"))
                .unwrap();
            assert_ne!(r.status, 0, "{user} could read {path}");
            assert!(!r.stdout.contains(PASSWORD), "{user} read {path}");
        }
    }
    let mode = env
        .m
        .succeed("stat -c '%a' /etc/your_app/password /run/credentials/your-app.service/password")
        .unwrap();
    for m in mode.lines() {
        assert!(
            m.ends_with('0'),
            "others may read a password copy: modes {mode}"
        );
    }
    // Not in the world-readable store, the units or the services' environment.
    let leaked = env
        .m
        .execute(&format!(
            "grep -r -l -F '{PASSWORD}' {} /etc/systemd/system /proc/$(systemctl show -P MainPID your-app.service)/environ",
            env.store()
        ))
        .unwrap();
    assert_eq!(leaked.status, 1, "the password is in: {}", leaked.stdout);

    // The services are hardened as the gate demanded (its limit was 2.0).
    let units = format!("{top}/etc/systemd/system");
    let out = env
        .m
        .succeed(&format!(
            "sysnix security --json {units}/your-app.service {units}/your-app-backend.service"
        ))
        .unwrap();
    let scores: serde_json::Value = serde_json::from_str(&out).unwrap();
    for a in scores.as_array().unwrap() {
        let exposure = a["exposure"].as_u64().unwrap();
        assert!(exposure <= 20, "{} scores {exposure} tenths", a["unit"]);
    }
}
