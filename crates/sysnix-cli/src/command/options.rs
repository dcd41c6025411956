//! `sysnix options`: the options a configuration's modules declare, with their types,
//! defaults, examples, descriptions and declaring files.
//!
//! The work is done in Nix, by the library every module already uses: the configuration is
//! evaluated with `lib.evalModules`, its option tree turned into documentation records by
//! `lib.optionAttrSetToDocList` (as NixOS builds its manual and `options.json`), and the
//! records kept are those that are visible, not internal, and under the requested prefix.
//! The evaluator prints them as JSON; this file only renders that JSON as text or Markdown.

use crate::session;
use clap::Args;
use serde_json::{Map, Value as Json};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use sysnix_eval::{Eval, Value};

/// The long description of `sysnix options --help`.
pub const LONG_ABOUT: &str = "List the options declared by a configuration's modules.\n\n\
The configuration (-c, default ./configuration.nix) is evaluated as NixOS evaluates one: \
`lib.evalModules { modules = [ FILE ]; }`. The file may be a module written as an \
attribute set or as a function ({ config, lib, ... }: { ... }), and it pulls in other \
modules through `imports`. Every declared option that is visible and not internal is \
listed, sub-options of submodules included (as `services.web.virtualHosts.<name>.root`), \
sorted by name, with its type, default, example, description and the files declaring it.\n\n\
Defaults and examples are shown as Nix source text: the `literalExpression` text a \
module gave, or the value pretty-printed. Only the defaults and examples of the options \
listed are evaluated, so an OPTION-PREFIX also narrows what has to evaluate successfully.";

/// Flags of `sysnix options`.
#[derive(Args, Debug, Clone)]
#[command(after_help = "Output formats:\n  \
(default)    one block per option, for reading in a terminal\n  \
--json       an object keyed by option name, like NixOS's options.json: each value has\n               \
`declarations`, `default` and `example` (when known, as\n               \
{ \"_type\": \"literalExpression\", \"text\": ... }), `description`, `loc`,\n               \
`readOnly` and `type`\n  \
--markdown   a Markdown document with a heading per option\n\n\
Examples:\n  \
sysnix options                                   # options of ./configuration.nix\n  \
sysnix options -c examples/options/configuration.nix services.web\n  \
sysnix options -c examples/options/configuration.nix --json | jq -r 'keys[]'\n  \
sysnix options -c examples/options/configuration.nix --markdown > options.md\n\n\
Exit status: 0 on success; 1 when the file is missing, evaluation fails (the error is \
printed as nix-instantiate prints it; add --show-trace for the full trace), or no option \
matches OPTION-PREFIX.")]
pub struct OptionsArgs {
    /// Only options named OPTION-PREFIX or under it (`services.web` lists
    /// `services.web.enable`, `services.web.virtualHosts.<name>.root`, ...).
    #[arg(value_name = "OPTION-PREFIX")]
    pub prefix: Option<String>,
    /// The configuration: a module file (or a directory with a default.nix).
    #[arg(
        short = 'c',
        long = "config",
        value_name = "FILE",
        default_value = "./configuration.nix"
    )]
    pub config: PathBuf,
    /// Print an object keyed by option name, as NixOS's options.json.
    #[arg(long, conflicts_with = "markdown")]
    pub json: bool,
    /// Print a Markdown document, one heading per option.
    #[arg(long)]
    pub markdown: bool,
    /// Add a search path entry (PATH or NAME=PATH) for `<name>` lookups, before NIX_PATH.
    /// `-I sysnix=DIR` uses the lib in DIR/lib instead of the built-in one.
    #[arg(short = 'I', value_name = "PATH")]
    pub include: Vec<String>,
    /// Print the "while evaluating" frames of an error.
    #[arg(long)]
    pub show_trace: bool,
}

/// Evaluates to a function of the configuration (a path) and the prefix (a string, "" for
/// all) returning `{ <option name> = { declarations, default?, description, example?,
/// loc, readOnly, type, relatedPackages? }; }`.
const DOCS_EXPR: &str = r#"
configuration: prefix:
let
  lib = import <sysnix/lib>;
  result = lib.evalModules { modules = [ configuration ]; };
  shown = o:
    o.visible && !o.internal
    && (prefix == "" || o.name == prefix || lib.hasPrefix "${prefix}." o.name);
in
builtins.listToAttrs (map
  (o: { inherit (o) name; value = builtins.removeAttrs o [ "name" "visible" "internal" ]; })
  (builtins.filter shown (lib.optionAttrSetToDocList result.options)))
"#;

/// Runs `sysnix options`.
pub fn run(args: OptionsArgs) -> ExitCode {
    sysnix_eval::with_big_stack(move || list(args))
}

fn list(args: OptionsArgs) -> ExitCode {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/"));
    let file = cwd.join(&args.config);
    if !file.exists() {
        let default = args.config == Path::new("./configuration.nix");
        eprintln!(
            "error: configuration file '{}' does not exist{}",
            args.config.display(),
            if default {
                " (the default; name another file with -c FILE)"
            } else {
                ""
            }
        );
        return ExitCode::from(1);
    }
    let prefix = args.prefix.clone().unwrap_or_default();
    let prefix = prefix.trim_end_matches('.');
    let mut ev = session::evaluator(&args.include, args.show_trace);
    let json = match docs_json(&mut ev, &file, prefix, &cwd) {
        Ok(j) => j,
        Err(e) => return session::report(&ev, &e, args.show_trace),
    };
    let docs: Map<String, Json> = match serde_json::from_str(&json) {
        Ok(Json::Object(m)) => m,
        _ => {
            eprintln!("error: internal: the option documentation is not a JSON object");
            return ExitCode::from(1);
        }
    };
    if docs.is_empty() && !prefix.is_empty() {
        eprintln!(
            "error: no option is named '{prefix}' or starts with '{prefix}.' in '{}'",
            args.config.display()
        );
        return ExitCode::from(1);
    }
    let out = if args.json {
        json + "\n"
    } else if args.markdown {
        markdown(&docs, &args.config, prefix, &cwd)
    } else {
        text(&docs, &cwd)
    };
    session::print(&out)
}

/// The documentation records as JSON text, produced by the evaluator (`builtins.toJSON`'s
/// rendering, keys sorted).
fn docs_json(ev: &mut Eval, file: &Path, prefix: &str, cwd: &Path) -> sysnix_eval::Result<String> {
    let f = ev.eval_string(DOCS_EXPR, cwd)?;
    let span = match &f {
        Value::Lambda(c) => c.def.span,
        _ => Default::default(),
    };
    let path = Value::Path(sysnix_eval::value::Shared::new(
        sysnix_eval::compiler::canon_path(&file.to_string_lossy()),
    ));
    let docs = ev.call_many(f, &[path, Value::str(prefix)], span)?;
    let docs = ev.force_deep(&docs)?;
    sysnix_eval::builtins::json::to_json(ev, &docs, span)
}

/// A file name as the user would write it: relative to the working directory when under it.
fn show_file(f: &str, cwd: &Path) -> String {
    Path::new(f)
        .strip_prefix(cwd)
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| f.to_string())
}

fn declarations(o: &Map<String, Json>, cwd: &Path) -> Vec<String> {
    o.get("declarations")
        .and_then(Json::as_array)
        .map(|ds| {
            ds.iter()
                .map(|d| match d {
                    Json::String(s) => show_file(s, cwd),
                    other => other.to_string(),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The text of a default or example: a literal's text, or any other JSON as it is.
/// Returns the text and whether it is Markdown (`literalMD`) rather than Nix.
fn literal(v: &Json) -> (String, bool) {
    if let Json::Object(m) = v
        && let Some(Json::String(text)) = m.get("text")
    {
        let md = m.get("_type").and_then(Json::as_str) == Some("literalMD");
        return (text.trim_end().to_string(), md);
    }
    (v.to_string(), false)
}

fn description(o: &Map<String, Json>) -> Option<String> {
    match o.get("description")? {
        Json::Null => None,
        Json::String(s) if s.trim().is_empty() => None,
        Json::String(s) => Some(s.trim_end().to_string()),
        other => Some(other.to_string()),
    }
}

fn indent(text: &str, by: &str) -> String {
    text.lines()
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("{by}{l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// One block per option: the name, then indented description and fields.
fn text(docs: &Map<String, Json>, cwd: &Path) -> String {
    let mut blocks = Vec::new();
    for (name, o) in docs {
        let Json::Object(o) = o else { continue };
        let mut b = format!("{name}\n");
        if let Some(d) = description(o) {
            b += &indent(&d, "    ");
            b += "\n\n";
        }
        let ty = o
            .get("type")
            .and_then(Json::as_str)
            .unwrap_or("unspecified");
        b += &format!("    Type:        {ty}\n");
        for (label, key) in [("Default:", "default"), ("Example:", "example")] {
            if let Some(v) = o.get(key) {
                let (t, _) = literal(v);
                if t.contains('\n') {
                    b += &format!("    {label}\n{}\n", indent(&t, "      "));
                } else {
                    b += &format!("    {label:<12} {t}\n");
                }
            }
        }
        if o.get("readOnly") == Some(&Json::Bool(true)) {
            b += "    Read-only:   yes\n";
        }
        let decls = declarations(o, cwd);
        match decls.as_slice() {
            [] => {}
            [one] => b += &format!("    Declared in: {one}\n"),
            many => {
                b += "    Declared in:\n";
                for d in many {
                    b += &format!("      {d}\n");
                }
            }
        }
        blocks.push(b);
    }
    blocks.join("\n")
}

/// Inline code when it fits on a line, a fenced block otherwise.
fn md_code(text: &str, lang: &str) -> String {
    if !text.contains('\n') && !text.contains('`') && !text.is_empty() {
        format!(" `{text}`\n")
    } else {
        let fence = if text.contains("```") { "~~~~" } else { "```" };
        format!("\n\n{fence}{lang}\n{text}\n{fence}\n")
    }
}

/// A Markdown document: a heading per option, fields as NixOS's manual shows them.
fn markdown(docs: &Map<String, Json>, config: &Path, prefix: &str, cwd: &Path) -> String {
    let mut out = String::from("# Options\n\n");
    let count = docs.len();
    let scope = if prefix.is_empty() {
        String::new()
    } else {
        format!(" under `{prefix}`")
    };
    out += &format!(
        "{count} option{}{scope} declared by `{}` and the modules it imports.\n",
        if count == 1 { "" } else { "s" },
        config.display()
    );
    for (name, o) in docs {
        let Json::Object(o) = o else { continue };
        out += &format!("\n## `{name}`\n\n");
        if let Some(d) = description(o) {
            out += &d;
            out += "\n\n";
        }
        let ty = o
            .get("type")
            .and_then(Json::as_str)
            .unwrap_or("unspecified");
        out += &format!("*Type:* {ty}\n");
        for (label, key) in [("Default", "default"), ("Example", "example")] {
            if let Some(v) = o.get(key) {
                let (t, md) = literal(v);
                out += &format!("\n*{label}:*");
                if md {
                    out += &format!("\n\n{t}\n");
                } else {
                    out += &md_code(&t, "nix");
                }
            }
        }
        if o.get("readOnly") == Some(&Json::Bool(true)) {
            out += "\n*Read-only.*\n";
        }
        let decls = declarations(o, cwd);
        if !decls.is_empty() {
            out += "\n*Declared by:*\n\n";
            for d in decls {
                out += &format!("- `{d}`\n");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_texts_and_other_values() {
        let v: Json =
            serde_json::from_str(r#"{"_type":"literalExpression","text":"[ ]"}"#).expect("json");
        assert_eq!(literal(&v), ("[ ]".to_string(), false));
        let v: Json =
            serde_json::from_str(r#"{"_type":"literalMD","text":"*x*\n"}"#).expect("json");
        assert_eq!(literal(&v), ("*x*".to_string(), true));
        assert_eq!(literal(&Json::from(3)), ("3".to_string(), false));
    }

    #[test]
    fn markdown_code_inline_or_fenced() {
        assert_eq!(md_code("80", "nix"), " `80`\n");
        assert_eq!(md_code("[\n  1\n]", "nix"), "\n\n```nix\n[\n  1\n]\n```\n");
        assert_eq!(md_code("a `b`", "nix"), "\n\n```nix\na `b`\n```\n");
    }

    #[test]
    fn files_under_the_working_directory_are_shown_relative() {
        let cwd = Path::new("/work/x");
        assert_eq!(show_file("/work/x/a/b.nix", cwd), "a/b.nix");
        assert_eq!(show_file("/elsewhere/b.nix", cwd), "/elsewhere/b.nix");
        assert_eq!(show_file("lib/modules.nix", cwd), "lib/modules.nix");
    }
}
