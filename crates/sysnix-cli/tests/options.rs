//! `sysnix options` on examples/options: the text, JSON and Markdown renderings, prefix
//! filtering, errors, and agreement with nix-instantiate 2.8 evaluating the same
//! documentation list with the same lib.

use serde_json::{Map, Value as Json};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const EXAMPLE: &str = "examples/options/configuration.nix";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repository root")
}

fn sysnix(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sysnix"))
        .arg("options")
        .args(args)
        .current_dir(cwd)
        .env_remove("NIX_PATH")
        .output()
        .expect("running sysnix options")
}

fn stdout_ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "sysnix options failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("utf-8 output")
}

fn json_of(args: &[&str]) -> Map<String, Json> {
    let mut all = vec!["-c", EXAMPLE, "--json"];
    all.extend_from_slice(args);
    let text = stdout_ok(&sysnix(&all, &repo()));
    match serde_json::from_str(&text).expect("--json prints JSON") {
        Json::Object(m) => m,
        other => panic!("--json printed a {other:?}, not an object"),
    }
}

/// A scratch directory removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new(tag: &str) -> Scratch {
        let d = std::env::temp_dir().join(format!("sysnix-options-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).expect("scratch dir");
        Scratch(d.canonicalize().expect("scratch dir"))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn text_lists_one_block_per_visible_option() {
    let text = stdout_ok(&sysnix(&["-c", EXAMPLE], &repo()));
    assert!(
        text.contains(
            "services.web.workers\n    Number of worker processes.\n\n    \
             Type:        positive integer, meaning >0\n    Default:     4\n    \
             Example:     16\n    Declared in: examples/options/web.nix\n"
        ),
        "{text}"
    );
    // A literalExpression default is shown as its text; multi-line values are indented.
    assert!(text.contains("    Default:     pkgs.web\n"), "{text}");
    assert!(
        text.contains("    Example:\n      ''\n        gzip on;\n"),
        "{text}"
    );
    // An option declared by two modules lists both files.
    assert!(
        text.contains(
            "    Declared in:\n      examples/options/acme.nix\n      examples/options/web.nix\n"
        ),
        "{text}"
    );
    assert!(text.contains("services.web.configText\n"), "{text}");
    assert!(text.contains("    Read-only:   yes\n"), "{text}");
    // Sub-options of submodules, with NixOS's placeholders.
    assert!(
        text.contains("\nservices.web.virtualHosts.<name>.listen.*.port\n"),
        "{text}"
    );
    // Internal options are not listed.
    assert!(!text.contains("pidFile"), "{text}");
}

#[test]
fn json_is_keyed_by_option_name_like_options_json() {
    let docs = json_of(&[]);
    assert!(docs.contains_key("services.web.enable"));
    assert!(docs.contains_key("_module.args"));
    assert!(
        !docs.contains_key("services.web.pidFile"),
        "internal options are not listed"
    );
    let web = repo().join("examples/options/web.nix");
    let acme = repo().join("examples/options/acme.nix");

    let port = docs["services.web.virtualHosts.<name>.listen.*.port"]
        .as_object()
        .expect("an object");
    let keys: Vec<&str> = port.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "declarations",
            "default",
            "description",
            "example",
            "loc",
            "readOnly",
            "type"
        ]
    );
    assert_eq!(port["declarations"], serde_json::json!([web]));
    assert_eq!(
        port["default"],
        serde_json::json!({ "_type": "literalExpression", "text": "80" })
    );
    assert_eq!(
        port["example"],
        serde_json::json!({ "_type": "literalExpression", "text": "8443" })
    );
    assert_eq!(port["description"], "Port to listen on.");
    assert_eq!(
        port["loc"],
        serde_json::json!([
            "services",
            "web",
            "virtualHosts",
            "<name>",
            "listen",
            "*",
            "port"
        ])
    );
    assert_eq!(port["readOnly"], false);
    assert_eq!(
        port["type"],
        "16 bit unsigned integer; between 0 and 65535 (both inclusive)"
    );

    let hosts = &docs["services.web.virtualHosts"];
    assert_eq!(hosts["declarations"], serde_json::json!([acme, web]));
    assert_eq!(hosts["type"], "attribute set of (submodule)");
    let text = hosts["example"]["text"].as_str().expect("example text");
    assert!(text.contains("\"example.org\" = {"), "{text}");

    let generated = &docs["services.web.configText"];
    assert_eq!(generated["readOnly"], true);
    assert!(generated.get("default").is_none());
    assert!(generated.get("example").is_none());

    let package = &docs["services.web.package"];
    assert_eq!(
        package["default"],
        serde_json::json!({ "_type": "literalExpression", "text": "pkgs.web" })
    );
}

#[test]
fn markdown_has_a_heading_per_option() {
    let md = stdout_ok(&sysnix(&["-c", EXAMPLE, "--markdown"], &repo()));
    let docs = json_of(&[]);
    assert!(md.starts_with("# Options\n\n"), "{md}");
    let headings: Vec<&str> = md
        .lines()
        .filter_map(|l| l.strip_prefix("## `")?.strip_suffix('`'))
        .collect();
    let names: Vec<&str> = docs.keys().map(String::as_str).collect();
    assert_eq!(headings, names);
    assert!(
        md.contains(
            "## `services.web.workers`\n\nNumber of worker processes.\n\n\
             *Type:* positive integer, meaning >0\n\n*Default:* `4`\n\n*Example:* `16`\n\n\
             *Declared by:*\n\n- `examples/options/web.nix`\n"
        ),
        "{md}"
    );
    // Multi-line values go in fenced Nix blocks.
    assert!(
        md.contains("*Default:*\n\n```nix\n[\n  { }\n]\n```\n"),
        "{md}"
    );
    assert!(md.contains("*Read-only.*"), "{md}");
}

#[test]
fn a_prefix_selects_an_option_and_everything_under_it() {
    let docs = json_of(&["services.web.virtualHosts.<name>.listen"]);
    let names: Vec<&str> = docs.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "services.web.virtualHosts.<name>.listen",
            "services.web.virtualHosts.<name>.listen.*.addr",
            "services.web.virtualHosts.<name>.listen.*.port",
            "services.web.virtualHosts.<name>.listen.*.ssl",
        ]
    );
    // Whole components only: `services.web.work` is not a prefix of `services.web.workers`.
    let out = sysnix(&["-c", EXAMPLE, "services.web.work"], &repo());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("error: no option is named 'services.web.work' or starts with"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // One option exactly; a trailing dot is accepted.
    let text = stdout_ok(&sysnix(&["-c", EXAMPLE, "services.web.workers."], &repo()));
    assert!(text.starts_with("services.web.workers\n"), "{text}");
    assert_eq!(text.matches("Type:").count(), 1, "{text}");
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let dir = Scratch::new("missing");
    let out = sysnix(&[], &dir.0);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: configuration file './configuration.nix' does not exist \
         (the default; name another file with -c FILE)\n"
    );
    let out = sysnix(&["-c", "nowhere/system.nix"], &dir.0);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: configuration file 'nowhere/system.nix' does not exist\n"
    );
}

#[test]
fn evaluation_errors_are_rendered_as_nix_renders_them() {
    let dir = Scratch::new("error");
    std::fs::write(
        dir.0.join("configuration.nix"),
        "{ lib, ... }:\n{\n  options.broken = lib.mkOption {\n    default = 1 + \"x\";\n  };\n}\n",
    )
    .expect("writing the module");
    let out = sysnix(&[], &dir.0);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("error: cannot add a string to an integer\n"),
        "{err}"
    );
    assert!(
        err.contains(&format!("at {}/configuration.nix:4:19:", dir.0.display())),
        "{err}"
    );
    // Options whose defaults are not listed are not evaluated.
    std::fs::write(
        dir.0.join("configuration.nix"),
        "{ lib, ... }:\n{\n  options.broken = lib.mkOption { default = 1 + \"x\"; };\n  \
         options.fine = lib.mkOption { default = 1; };\n}\n",
    )
    .expect("writing the module");
    let text = stdout_ok(&sysnix(&["fine"], &dir.0));
    assert!(text.starts_with("fine\n"), "{text}");
}

#[test]
fn modules_may_be_attribute_sets_importing_the_lib() {
    let dir = Scratch::new("attrset");
    std::fs::write(
        dir.0.join("system.nix"),
        "let lib = import <sysnix/lib>; in\n{\n  options.motd = lib.mkOption {\n    \
         type = lib.types.str;\n    default = \"hi\";\n    description = \"Message of the day.\";\n  };\n}\n",
    )
    .expect("writing the module");
    let out = sysnix(&["-c", "system.nix", "motd"], &dir.0);
    assert_eq!(
        stdout_ok(&out),
        "motd\n    Message of the day.\n\n    Type:        string\n    Default:     \"hi\"\n    \
         Declared in: system.nix\n"
    );
}

/// The documentation list as Nix 2.8 computes it with this repository's lib.
fn nix_docs(oracle: &Path, prefix: &str) -> Map<String, Json> {
    let expr = format!(
        r#"
        let
          lib = import <sysnix/lib>;
          r = lib.evalModules {{ modules = [ ./{EXAMPLE} ]; }};
          keep = o: o.visible && !o.internal
            && ("{prefix}" == "" || o.name == "{prefix}" || lib.hasPrefix "{prefix}." o.name);
        in
        builtins.listToAttrs (map
          (o: {{ name = o.name; value = removeAttrs o [ "name" "visible" "internal" ]; }})
          (builtins.filter keep (lib.optionAttrSetToDocList r.options)))
        "#
    );
    let repo = repo();
    let out = Command::new(oracle)
        .args(["--eval", "--strict", "--json", "-I"])
        .arg(format!("sysnix={}", repo.display()))
        .args(["-E", &expr])
        .current_dir(&repo)
        .env_remove("NIX_PATH")
        .output()
        .expect("running nix-instantiate");
    assert!(
        out.status.success(),
        "nix-instantiate failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    match serde_json::from_slice(&out.stdout).expect("nix-instantiate printed JSON") {
        Json::Object(m) => m,
        other => panic!("nix-instantiate printed {other:?}"),
    }
}

#[test]
fn json_agrees_with_nix_instantiate() {
    let Some(oracle) = sysnix_difftest::suite::oracle_or_skip() else {
        return;
    };
    for prefix in ["", "services.web.virtualHosts"] {
        let ours = if prefix.is_empty() {
            json_of(&[])
        } else {
            json_of(&[prefix])
        };
        let theirs = nix_docs(&oracle, prefix);
        assert!(!theirs.is_empty());
        assert_eq!(
            ours.keys().collect::<Vec<_>>(),
            theirs.keys().collect::<Vec<_>>()
        );
        for (name, v) in &theirs {
            assert_eq!(
                &ours[name], v,
                "option {name} differs from nix-instantiate's"
            );
        }
    }
}
