//! `sysnix eval` and `sysnix instantiate --eval`: evaluate and print like nix-instantiate.

use crate::session;
use clap::Args;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use sysnix_eval::value::{Attrs, AttrsBuilder};
use sysnix_eval::{Eval, EvalError, Value};

/// Flags of `sysnix eval`, the same as nix-instantiate's evaluation flags.
#[derive(Args, Debug, Clone)]
#[command(
    after_help = "Examples:\n  sysnix eval -E '1 + 2'\n  sysnix eval --strict --json examples/hello/default.nix\n  sysnix eval ./release.nix -A hello --arg debug true"
)]
pub struct EvalArgs {
    /// Files to evaluate (default: ./default.nix); with -E, expressions.
    #[arg(value_name = "FILE | EXPR")]
    pub inputs: Vec<String>,
    /// Treat the arguments as Nix expressions instead of file names.
    #[arg(short = 'E', long = "expr", overrides_with = "expr")]
    pub expr: bool,
    /// Select an attribute (a dot-separated path; numbers index lists). Repeatable.
    #[arg(short = 'A', long = "attr", value_name = "ATTRPATH")]
    pub attr: Vec<String>,
    /// Evaluate the whole result, not just its top level.
    #[arg(long, overrides_with = "strict")]
    pub strict: bool,
    /// Print the result as JSON.
    #[arg(long, overrides_with_all = ["xml", "json"])]
    pub json: bool,
    /// Print the result as Nix's XML document (with source positions unless
    /// --no-location). The last of --json and --xml wins, as in nix-instantiate.
    #[arg(long, overrides_with_all = ["json", "xml"])]
    pub xml: bool,
    /// With --xml, leave out the source positions of attributes and functions.
    #[arg(long, overrides_with = "no_location")]
    pub no_location: bool,
    /// Pass NAME = EXPR to a top-level function with formal arguments.
    #[arg(long, num_args = 2, value_names = ["NAME", "EXPR"])]
    pub arg: Vec<String>,
    /// Pass NAME = "STRING" to a top-level function with formal arguments.
    #[arg(long, num_args = 2, value_names = ["NAME", "STRING"])]
    pub argstr: Vec<String>,
    /// Add a search path entry (PATH or NAME=PATH) for `<name>` lookups, before NIX_PATH.
    #[arg(short = 'I', value_name = "PATH")]
    pub include: Vec<String>,
    /// Print the "while evaluating" frames of an error.
    #[arg(long, overrides_with = "show_trace")]
    pub show_trace: bool,
    /// Evaluate only (nix-instantiate's --eval; always the case for `sysnix eval`).
    #[arg(long, alias = "eval-only", overrides_with = "eval")]
    pub eval: bool,
    /// Accepted for nix-instantiate compatibility; no effect.
    #[arg(long, hide = true, overrides_with = "read_write_mode")]
    pub read_write_mode: bool,
    /// Accepted for nix-instantiate compatibility; no effect.
    #[arg(long, hide = true, value_name = "N")]
    pub timeout: Option<String>,
    /// Accepted for nix-instantiate compatibility; no effect.
    #[arg(long, hide = true, num_args = 2, value_names = ["KEY", "VALUE"])]
    pub option: Vec<String>,
}

/// Runs an evaluation; `instantiate` applies nix-instantiate's rules (--eval required).
pub fn run(args: EvalArgs, instantiate: bool) -> ExitCode {
    if instantiate && !args.eval {
        eprintln!(
            "error: sysnix instantiate only evaluates for now: pass --eval (writing .drv files to the store comes with `sysnix build`)"
        );
        return ExitCode::from(1);
    }
    sysnix_eval::with_big_stack(move || evaluate(args))
}

fn evaluate(args: EvalArgs) -> ExitCode {
    let mut ev = session::evaluator(&args.include, args.show_trace);
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/"));
    // What was printed before an error is shown, as nix-instantiate prints each result
    // as it goes.
    let mut out = String::new();
    let result = evaluate_all(&mut ev, &args, &cwd, &mut out);
    if std::env::var_os("SYSNIX_GC_STATS").is_some() {
        eprintln!("sysnix: gc: {:?}", sysnix_eval::value::gc::stats());
    }
    let code = match result {
        Ok(()) => session::print(&out),
        Err(e) => {
            if !out.is_empty() {
                session::print(&out);
            }
            session::report(&ev, &e, args.show_trace)
        }
    };
    // The output is written: exit now, leaving the heap to the operating system
    // instead of freeing it value by value.
    ev.leak();
    session::exit_now(if code == ExitCode::SUCCESS { 0 } else { 1 })
}

fn evaluate_all(
    ev: &mut Eval,
    args: &EvalArgs,
    cwd: &Path,
    out: &mut String,
) -> sysnix_eval::Result<()> {
    let auto_args = auto_args(ev, args, cwd)?;
    let inputs = if args.inputs.is_empty() {
        if args.expr {
            return Err(EvalError::new(
                sysnix_eval::ErrorKind::Eval,
                "no expression given after -E",
                None,
            ));
        }
        vec!["./default.nix".to_string()]
    } else {
        args.inputs.clone()
    };
    let attr_paths = if args.attr.is_empty() {
        vec![String::new()]
    } else {
        args.attr.clone()
    };
    for input in &inputs {
        let root = if args.expr {
            ev.eval_string(input, cwd)?
        } else {
            let path = if input.starts_with('/') {
                PathBuf::from(input)
            } else {
                cwd.join(input)
            };
            ev.eval_file(&path)?
        };
        for attr_path in &attr_paths {
            let empty = Attrs::new();
            let v = select_path(
                ev,
                root.clone(),
                attr_path,
                auto_args.as_ref().unwrap_or(&empty),
            )?;
            let v = ev.force(&v)?;
            let v = match &auto_args {
                Some(a) => auto_call(ev, v, a)?,
                None => v,
            };
            if args.xml {
                let mut ctx = sysnix_eval::value::Context::new();
                sysnix_eval::builtins::xml::value_to_xml_into(
                    ev,
                    &v,
                    args.strict,
                    !args.no_location,
                    Default::default(),
                    &mut ctx,
                    out,
                )?;
                // The document ends with a newline of its own.
                continue;
            } else if args.json {
                sysnix_eval::builtins::json::to_json_into(ev, &v, Default::default(), out)?;
                // nix-instantiate prints JSON without a trailing newline.
                continue;
            } else {
                let v = if args.strict { ev.force_deep(&v)? } else { v };
                out.push_str(&sysnix_eval::print::print_lazy(&v));
            }
            out.push('\n');
        }
    }
    Ok(())
}

fn auto_args(ev: &mut Eval, args: &EvalArgs, cwd: &Path) -> sysnix_eval::Result<Option<Attrs>> {
    if args.arg.is_empty() && args.argstr.is_empty() {
        return Ok(None);
    }
    let mut b = AttrsBuilder::default();
    for pair in args.arg.chunks(2) {
        let v = ev.eval_string(&pair[1], cwd)?;
        b.insert_str(&pair[0], v);
    }
    for pair in args.argstr.chunks(2) {
        b.insert_str(&pair[0], Value::str(pair[1].clone()));
    }
    Ok(Some(b.build()))
}

/// nix-instantiate's auto-calling: a function with formals gets the --arg values it names;
/// formals without a value must have defaults.
fn auto_call(ev: &mut Eval, f: Value, args: &Attrs) -> sysnix_eval::Result<Value> {
    let Value::Lambda(c) = &f else { return Ok(f) };
    let sysnix_eval::compiler::Param::Formals {
        formals,
        ellipsis,
        spans,
        ..
    } = &c.def.param
    else {
        return Ok(f);
    };
    let mut b = AttrsBuilder::default();
    if *ellipsis {
        for attr in args.iter() {
            if !formals.iter().any(|(n, _)| *n == attr.name) {
                b.insert(attr.name, attr.value.clone());
            }
        }
    }
    for ((name, default), span) in formals.iter().zip(spans) {
        match args.get(*name) {
            Some(v) => b.insert(*name, v.clone()),
            None if default.is_some() => {}
            None => {
                // At the formal, as nix-instantiate.
                return Err(EvalError::new(
                    sysnix_eval::ErrorKind::Eval,
                    format!(
                        "cannot evaluate a function that has an argument without a value ('{name}')"
                    ),
                    Some(*span),
                ));
            }
        }
    }
    ev.call(&f, Value::attrs(b.build()), c.def.span)
}

fn select_path(ev: &mut Eval, root: Value, path: &str, auto: &Attrs) -> sysnix_eval::Result<Value> {
    let mut v = root;
    if path.is_empty() {
        return Ok(v);
    }
    for component in sysnix_eval::support::strings::split_attr_path(path) {
        let component = component.as_str();
        v = ev.force(&v)?;
        v = auto_call(ev, v, auto)?;
        v = ev.force(&v)?;
        v = match (&v, component.parse::<usize>()) {
            (Value::List(l), Ok(i)) => match l.get(i) {
                Some(x) => x.clone(),
                None => {
                    return Err(fail(format!(
                        "list index {i} in selection path '{path}' is out of range"
                    )));
                }
            },
            (Value::Attrs(a), _) => match a.get_str(component) {
                Some(x) => x.clone(),
                None => {
                    return Err(fail(format!(
                        "attribute '{component}' in selection path '{path}' not found"
                    )));
                }
            },
            (other, _) => {
                return Err(fail(format!(
                    "the expression selected by the selection path '{path}' should be a set but is {}",
                    other.type_desc()
                )));
            }
        };
    }
    Ok(v)
}

fn fail(msg: String) -> Box<EvalError> {
    EvalError::new(sysnix_eval::ErrorKind::Eval, msg, None)
}
