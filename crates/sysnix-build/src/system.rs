//! Evaluating a configuration to its toplevel: `configuration.nix` goes through
//! `<sysnix/nixos>` (the OS modules), and the result is a derivation whose output is the
//! whole system (its /etc tree, units, activation manifest, package list).

use std::path::{Path, PathBuf};
use sysnix_eval::support::strings::{print_string_literal, split_attr_path};
use sysnix_eval::{ErrorKind, Eval, EvalError, Value};

/// What to build.
#[derive(Clone, Debug)]
pub enum Target {
    /// A NixOS-style configuration module (`-c FILE`).
    Configuration(PathBuf),
    /// An attribute of a Nix file that evaluates to a derivation (`-f FILE -A ATTR`);
    /// a file that is a function is called with `{}` first, as nix-build does.
    Attr {
        /// The file.
        file: PathBuf,
        /// The attribute path (`a.b."c.d"`), empty for the file itself.
        attr: String,
    },
}

/// A derivation chosen for building: the output path to realise and its `.drv`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Toplevel {
    /// The `out` path.
    pub out_path: String,
    /// The derivation producing it.
    pub drv_path: String,
}

/// A path as a Nix expression, whatever characters it holds.
fn path_expr(p: &Path) -> String {
    format!("(/. + {})", print_string_literal(&p.display().to_string()))
}

/// The Nix expression of a configuration's evaluation (`{ config; options; toplevel; … }`,
/// nixos/default.nix); evaluated once per run, `import` caches it.
pub fn configuration_expr(configuration: &Path) -> String {
    format!(
        "(import <sysnix/nixos> {{ configuration = {}; }})",
        path_expr(configuration)
    )
}

/// The Nix expression whose value is the derivation to build.
pub fn target_expr(target: &Target) -> String {
    match target {
        Target::Configuration(p) => format!("{}.toplevel", configuration_expr(p)),
        Target::Attr { file, attr } => {
            let mut e = format!(
                "(let f = import {}; in if builtins.isFunction f then f {{}} else f)",
                path_expr(file)
            );
            for c in split_attr_path(attr).iter().filter(|c| !c.is_empty()) {
                e.push('.');
                e.push_str(&print_string_literal(c));
            }
            e
        }
    }
}

fn fail(msg: String) -> Box<EvalError> {
    EvalError::new(ErrorKind::Eval, msg, None)
}

/// Evaluates the target (module errors, failed assertions and warnings surface here, as
/// Nix reports them) and returns the derivation to realise.
pub fn evaluate(ev: &mut Eval, target: &Target) -> sysnix_eval::Result<Toplevel> {
    let v = ev.eval_string(&target_expr(target), Path::new("/"))?;
    let v = ev.force(&v)?;
    let what = match target {
        Target::Configuration(p) => format!("the configuration {}", p.display()),
        Target::Attr { attr, .. } if attr.is_empty() => "the file's value".to_string(),
        Target::Attr { attr, .. } => format!("attribute '{attr}'"),
    };
    let Value::Attrs(set) = &v else {
        return Err(fail(format!(
            "{what} is {}, not a derivation; -A must select a derivation such as a system's toplevel",
            v.type_desc()
        )));
    };
    let get = |ev: &mut Eval, name: &str| -> sysnix_eval::Result<String> {
        let Some(x) = set.get_str(name).cloned() else {
            return Err(fail(format!(
                "{what} is a set without '{name}', not a derivation; -A must select a derivation such as a system's toplevel"
            )));
        };
        let x = ev.force(&x)?;
        match &x {
            Value::String(s) => Ok(s.as_str().to_string()),
            other => Err(fail(format!(
                "'{name}' of {what} is {}, expected a store path string",
                other.type_desc()
            ))),
        }
    };
    let out_path = get(ev, "outPath")?;
    let drv_path = get(ev, "drvPath")?;
    Ok(Toplevel { out_path, drv_path })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expressions_quote_paths_and_attributes() {
        let t = Target::Attr {
            file: PathBuf::from("/a b/\"x\".nix"),
            attr: "x.\"y.z\"".into(),
        };
        assert_eq!(
            target_expr(&t),
            r#"(let f = import (/. + "/a b/\"x\".nix"); in if builtins.isFunction f then f {} else f)."x"."y.z""#
        );
        let c = Target::Configuration(PathBuf::from("/etc/sysnix/configuration.nix"));
        assert_eq!(
            target_expr(&c),
            r#"(import <sysnix/nixos> { configuration = (/. + "/etc/sysnix/configuration.nix"); }).toplevel"#
        );
    }
}
