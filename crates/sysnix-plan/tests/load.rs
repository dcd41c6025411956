//! Loading units from a unit directory on disk: symlinks, drop-ins, masks, templates,
//! aliases and link directories.

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use sysnix_plan::{SystemUnits, load_unit};

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sysnix-plan-load-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

#[test]
fn unit_with_dropins_in_name_order() {
    let d = scratch("dropins");
    write(
        &d.join("store/a.service"),
        "[Service]\nExecStart=/bin/a\nEnvironment=A=1\n",
    );
    symlink(d.join("store/a.service"), d.join("a.service")).unwrap();
    write(
        &d.join("a.service.d/20-b.conf"),
        "[Service]\nEnvironment=B=2\n",
    );
    write(
        &d.join("a.service.d/10-a.conf"),
        "[Service]\nExecStart=\nExecStart=/bin/b\n",
    );
    write(&d.join("a.service.d/README"), "not a drop-in");
    symlink("/dev/null", d.join("a.service.d/30-masked.conf")).unwrap();
    let u = load_unit(&d, "a.service").unwrap().unwrap();
    assert!(!u.masked && !u.dropin_only);
    assert_eq!(u.file.values("Service", "ExecStart"), Some(vec!["/bin/b"]));
    assert_eq!(
        u.file.values("Service", "Environment"),
        Some(vec!["A=1", "B=2"])
    );
    assert!(load_unit(&d, "missing.service").unwrap().is_none());
}

#[test]
fn masked_through_a_chain_of_links() {
    let d = scratch("masked");
    fs::create_dir_all(d.join("store")).unwrap();
    symlink("/dev/null", d.join("store/m.service")).unwrap();
    symlink(d.join("store/m.service"), d.join("m.service")).unwrap();
    write(&d.join("m.service.d/x.conf"), "[Service]\nA=1\n");
    let u = load_unit(&d, "m.service").unwrap().unwrap();
    assert!(u.masked);
    assert!(u.file.sections.is_empty());
}

#[test]
fn dropin_only_unit() {
    let d = scratch("dropin-only");
    write(
        &d.join("cron.service.d/overrides.conf"),
        "[Service]\nEnvironment=A=1\n",
    );
    let u = load_unit(&d, "cron.service").unwrap().unwrap();
    assert!(u.dropin_only);
    assert_eq!(u.file.value("Service", "Environment"), Some("A=1"));
    let s = SystemUnits::load(&d).unwrap();
    assert!(s.units["cron.service"].dropin_only);
}

#[test]
fn template_instances_from_wants_links() {
    let d = scratch("template");
    write(
        &d.join("getty@.service"),
        "[Service]\nExecStart=/sbin/agetty %I\n",
    );
    write(
        &d.join("getty@tty1.service.d/x.conf"),
        "[Service]\nEnvironment=X=1\n",
    );
    fs::create_dir_all(d.join("multi-user.target.wants")).unwrap();
    symlink(
        "../getty@.service",
        d.join("multi-user.target.wants/getty@tty1.service"),
    )
    .unwrap();
    let s = SystemUnits::load(&d).unwrap();
    assert!(s.warnings.is_empty(), "{:?}", s.warnings);
    let i = &s.units["getty@tty1.service"];
    assert_eq!(i.template.as_deref(), Some("getty@.service"));
    assert_eq!(i.wanted_by, vec!["multi-user.target"]);
    assert_eq!(i.file.value("Service", "Environment"), Some("X=1"));
    assert_eq!(
        i.file.value("Service", "ExecStart"),
        Some("/sbin/agetty %I")
    );
    // Other instances resolve to the template.
    assert_eq!(s.get("getty@tty2.service").unwrap().name, "getty@.service");
}

#[test]
fn aliases_links_and_warnings() {
    let d = scratch("aliases");
    write(
        &d.join("a.service"),
        "[Service]\nExecStart=/bin/a\nbroken line\n",
    );
    symlink("a.service", d.join("b.service")).unwrap();
    fs::create_dir_all(d.join("multi-user.target.wants")).unwrap();
    fs::create_dir_all(d.join("multi-user.target.requires")).unwrap();
    fs::create_dir_all(d.join("x.target.upholds")).unwrap();
    symlink("../b.service", d.join("multi-user.target.wants/b.service")).unwrap();
    symlink(
        "../a.service",
        d.join("multi-user.target.requires/a.service"),
    )
    .unwrap();
    symlink("../a.service", d.join("x.target.upholds/a.service")).unwrap();
    symlink(
        "../gone.service",
        d.join("multi-user.target.wants/gone.service"),
    )
    .unwrap();
    write(&d.join("notes.txt"), "ignored");
    let s = SystemUnits::load(&d).unwrap();
    assert_eq!(s.units.keys().collect::<Vec<_>>(), vec!["a.service"]);
    let a = &s.units["a.service"];
    assert_eq!(a.aliases, vec!["b.service"]);
    assert_eq!(a.wanted_by, vec!["multi-user.target"]);
    assert_eq!(a.required_by, vec!["multi-user.target"]);
    assert_eq!(a.upheld_by, vec!["x.target"]);
    assert_eq!(s.warnings.len(), 2, "{:?}", s.warnings);
    assert!(s.warnings[0].contains("line 3: missing '='"));
    assert!(s.warnings[1].contains("gone.service: no unit file"));
}

#[test]
fn missing_directory_is_an_empty_system() {
    let d = scratch("missing").join("nope");
    let s = SystemUnits::load(&d).unwrap();
    assert!(s.units.is_empty());
}

#[test]
fn unreadable_unit_is_an_error() {
    let d = scratch("dangling");
    symlink("/nonexistent/store/path/x.service", d.join("x.service")).unwrap();
    let e = SystemUnits::load(&d).unwrap_err();
    assert!(e.to_string().contains("x.service"), "{e}");
}
