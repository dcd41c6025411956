//! Loading modules: `collectModules` (the import tree, disabled modules, the closure by
//! key), `unifyModuleSyntax` and `applyModuleArgs`.

use super::*;
use crate::value::Shared;

/// `__sysnixApplyModuleArgs fallback key f args`: `applyModuleArgs` of `lib/modules.nix`:
/// calls the function module `f` with `args` and every argument it names, each
/// `args.${name} or config._module.args.${name}` evaluated when used (with the
/// "while evaluating the module argument" context on errors). Anything but a lambda, or
/// `args` without `config`, goes to the fallback.
pub(super) fn apply_module_args(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let config = names(|n| n.config);
    let f = ev.force(&a[2])?;
    let args = ev.force(&a[3])?;
    let (Value::Lambda(c), Value::Attrs(set)) = (&f, &args) else {
        return ev.call_many(
            a[0].clone(),
            &[a[1].clone(), a[2].clone(), a[3].clone()],
            span,
        );
    };
    if set.get(config).is_none() {
        return ev.call_many(
            a[0].clone(),
            &[a[1].clone(), a[2].clone(), a[3].clone()],
            span,
        );
    }
    let mut b = AttrsBuilder::default();
    if let crate::compiler::Param::Formals { formals, spans, .. } = &c.def.param {
        for ((name, _), at) in formals.iter().zip(spans) {
            let arg = apply_op(
                &MODULE_ARG,
                [a[1].clone(), args.clone(), ev.name_value(*name)],
                span,
            );
            b.insert_at(*name, arg, *at);
        }
    }
    let full = Value::Attrs(Shared::new(set.update(&b.build())));
    ev.call_many(f, &[full], span)
}

/// One argument of [`apply_module_args`]. Arguments: key, args, name.
pub(super) fn module_arg(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let name = ev.expect_string(&a[2], span)?;
    let sym = Symbol::new(name.as_str());
    let result = match &a[1] {
        Value::Attrs(set) if set.get(sym).is_some() => forced_attr(ev, &a[1], sym, span),
        _ => {
            // config._module.args.${name}
            let config = forced_attr(ev, &a[1], names(|n| n.config), span);
            config
                .and_then(|c| forced_attr(ev, &c, names(|n| n.module_), span))
                .and_then(|m| forced_attr(ev, &m, names(|n| n.args), span))
                .and_then(|args| forced_attr(ev, &args, sym, span))
        }
    };
    result.map_err(|mut e| {
        let key = ev.expect_string(&a[0], span);
        match key {
            Ok(key) => {
                e.trace.push(crate::error::TraceFrame {
                    message: format!(
                        "while evaluating the module argument `{}' in \"{}\":",
                        name.as_str(),
                        key.as_str()
                    ),
                    span: None,
                });
                e
            }
            Err(other) => other,
        }
    })
}

/// `__sysnixUnifyModuleSyntax fallback file key m`: `unifyModuleSyntax` of
/// `lib/modules.nix` for a set module in either form. Modules with `meta`,
/// `freeformType` or `require`, and every error, go to the fallback.
pub(super) fn unify_module_syntax(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    const STRUCTURAL: &[&str] = &[
        "_class",
        "_file",
        "key",
        "disabledModules",
        "imports",
        "options",
        "config",
        "meta",
        "freeformType",
    ];
    let n = NAMES.with(|n| *n);
    let m = ev.force(&a[3])?;
    let delegate = |ev: &mut Eval| {
        ev.call_many(
            a[0].clone(),
            &[a[1].clone(), a[2].clone(), a[3].clone()],
            span,
        )
    };
    let Value::Attrs(set) = &m else {
        return delegate(ev);
    };
    let get = |name: Symbol| set.get(name).cloned();
    if get(n.meta).is_some() || get(n.freeform_type).is_some() || get(n.require).is_some() {
        return delegate(ev);
    }
    let full_form = get(n.config).is_some() || get(n.options).is_some();
    if full_form
        && set
            .iter()
            .any(|attr| !STRUCTURAL.contains(&attr.name.as_str()))
    {
        return delegate(ev);
    }
    let to_string = Value::PrimOp(&TO_STRING);
    let stringified = |v: Value| Value::Thunk(Thunk::apply(to_string.clone(), v, span));
    let empty_list = || Value::list(Vec::new());
    let mut b = AttrsBuilder::with_capacity(7);
    b.insert(n.file_, stringified(get(n.file_).unwrap_or(a[1].clone())));
    b.insert(n.class_, get(n.class_).unwrap_or(Value::Null));
    b.insert(n.key, stringified(get(n.key).unwrap_or(a[2].clone())));
    b.insert(
        n.disabled_modules,
        get(n.disabled_modules).unwrap_or_else(empty_list),
    );
    b.insert(n.imports, get(n.imports).unwrap_or_else(empty_list));
    if full_form {
        b.insert(
            n.options,
            get(n.options).unwrap_or_else(|| Value::attrs(Attrs::new())),
        );
        b.insert(
            n.config,
            get(n.config).unwrap_or_else(|| Value::attrs(Attrs::new())),
        );
    } else {
        const NOT_CONFIG: &[&str] = &[
            "_class",
            "_file",
            "key",
            "disabledModules",
            "require",
            "imports",
            "freeformType",
        ];
        let rest: Vec<Attr> = set
            .iter()
            .filter(|attr| !NOT_CONFIG.contains(&attr.name.as_str()))
            .cloned()
            .collect();
        b.insert(n.options, Value::attrs(Attrs::new()));
        b.insert(n.config, Value::attrs(Attrs::from_sorted(rest)));
    }
    Ok(Value::attrs(b.build()))
}

/// One module of [`collect_modules`]' tree.
pub(super) struct TreeNode {
    module: Value,
    imported: Vec<usize>,
}

/// What [`collect_modules`] works with: the Nix helpers of `collectModules` (for the
/// unusual cases and the errors) and the arguments.
pub(super) struct Collect {
    unify: Value,
    apply: Value,
    load: Value,
    check_class: Option<Value>,
    key_of_disabled: Value,
    args: Value,
    nodes: Vec<TreeNode>,
    /// `{ file; disabled; }` of each module with `disabledModules`, in tree order.
    disabled: Vec<(Value, Value)>,
}

/// `__sysnixCollectModules helpers modules args`: `collectModules` of `lib/modules.nix`
/// (its result, the list of canonical modules). It forces what the Nix forces in the
/// same order: the tree depth first (each module loaded, then its `disabledModules`,
/// then its imports), then the disabled keys (only compared when there are some), then
/// the closure by key in `genericClosure`'s order. Modules that are neither functions
/// nor plain sets (paths, `mkIf` modules, errors) are loaded by the Nix `load`; a class
/// mismatch is the Nix `checkClass`'s error; disabled keys come from its `keyOfDisabled`.
pub(super) fn collect_modules(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    // A module evaluation makes garbage cycles from its first thunks on (measured: peak
    // memory at 1000 services 301 -> 206 MiB, time the same or lower); plain evaluation
    // keeps waiting for the collector's usual threshold.
    crate::value::gc::arm_now();
    let h = ev.force(&a[0])?;
    let get = |ev: &mut Eval, name: &str| forced_attr(ev, &h, Symbol::new(name), span);
    let class = get(ev, "class")?;
    let mut c = Collect {
        unify: get(ev, "unifyModuleSyntax")?,
        apply: get(ev, "applyModuleArgs")?,
        load: get(ev, "load")?,
        check_class: match class {
            Value::Null => None,
            _ => Some(get(ev, "checkClass")?),
        },
        key_of_disabled: get(ev, "keyOfDisabled")?,
        args: a[2].clone(),
        nodes: Vec::new(),
        disabled: Vec::new(),
    };
    let unknown = get(ev, "unknownModule")?;
    let top = collect_tree(ev, &mut c, unknown, Value::str(""), &a[1], span)?;
    // disabledKeys = concatMap ({ file, disabled }: map (keyOfDisabled file) disabled) ...
    let mut keys = Vec::new();
    for (file, list) in std::mem::take(&mut c.disabled) {
        let list = ev.expect_list(&list, span)?;
        let f = Value::Thunk(Thunk::apply(c.key_of_disabled.clone(), file, span));
        keys.extend(
            list.iter()
                .map(|m| Value::Thunk(Thunk::apply(f.clone(), m.clone(), span))),
        );
    }
    let key_sym = names(|n| n.key);
    // enabled = filter (t: !elem t.key disabledKeys)
    let enabled = |ev: &mut Eval, c: &Collect, ids: &[usize]| -> Result<Vec<usize>> {
        if keys.is_empty() {
            return Ok(ids.to_vec());
        }
        let mut out = Vec::with_capacity(ids.len());
        'next: for &i in ids {
            let key = lazy_attr(&c.nodes[i].module, key_sym, span);
            for k in &keys {
                if ev.values_equal(&key, k, span)? {
                    continue 'next;
                }
            }
            out.push(i);
        }
        Ok(out)
    };
    // genericClosure { startSet = enabled tree; operator = t: enabled t.imported; }
    let mut work: std::collections::VecDeque<usize> = enabled(ev, &c, &top)?.into();
    let mut done = rustc_hash::FxHashSet::default();
    let mut result = Vec::new();
    while let Some(i) = work.pop_front() {
        let key = forced_attr(ev, &c.nodes[i].module, key_sym, span)?;
        let key = ev.expect_string(&key, span)?;
        if !done.insert(key.as_str().to_string()) {
            continue;
        }
        result.push(c.nodes[i].module.clone());
        let imported = c.nodes[i].imported.clone();
        work.extend(enabled(ev, &c, &imported)?);
    }
    Ok(Value::list(result))
}

/// `collectTree parentFile parentKey ms`, depth first; returns the nodes' indices.
pub(super) fn collect_tree(
    ev: &mut Eval,
    c: &mut Collect,
    parent_file: Value,
    parent_key: Value,
    ms: &Value,
    span: Span,
) -> Result<Vec<usize>> {
    let (file_, key_sym, imports, disabled_sym) =
        names(|n| (n.file_, n.key, n.imports, n.disabled_modules));
    let list = ev.expect_list(ms, span)?;
    let mut ids = Vec::with_capacity(list.len());
    for (i, m) in list.iter().enumerate() {
        // "${parentKey}:anon-${toString n}", made only if the module has no key
        let fallback_key = apply_op(
            &ANON_KEY,
            [Value::Int(i as i64 + 1), parent_key.clone()],
            span,
        );
        let mut module = load_module(ev, c, &parent_file, fallback_key, m, span)?;
        if let Some(check) = &c.check_class {
            module = ev.call_many(check.clone(), &[module], span)?;
        }
        // disabled = optionalList (module.disabledModules != [ ]) { ... } ++ ...
        let dm = forced_attr(ev, &module, disabled_sym, span)?;
        if !matches!(&dm, Value::List(l) if l.is_empty()) {
            c.disabled.push((lazy_attr(&module, file_, span), dm));
        }
        let id = c.nodes.len();
        c.nodes.push(TreeNode {
            module: module.clone(),
            imported: Vec::new(),
        });
        let children = collect_tree(
            ev,
            c,
            lazy_attr(&module, file_, span),
            lazy_attr(&module, key_sym, span),
            &lazy_attr(&module, imports, span),
            span,
        )?;
        c.nodes[id].imported = children;
        ids.push(id);
    }
    Ok(ids)
}

/// `load fallbackFile fallbackKey m` for functions and plain sets; the Nix `load` for the
/// rest.
pub(super) fn load_module(
    ev: &mut Eval,
    c: &Collect,
    file: &Value,
    key: Value,
    m: &Value,
    span: Span,
) -> Result<Value> {
    let m = ev.force(m)?;
    let plain = match &m {
        Value::Lambda(_) | Value::PrimOp(_) | Value::PrimOpApp(_) => {
            let applied = ev.call_many(
                c.apply.clone(),
                &[key.clone(), m.clone(), c.args.clone()],
                span,
            )?;
            return ev.call_many(c.unify.clone(), &[file.clone(), key, applied], span);
        }
        Value::Attrs(a) => match a.get(names(|n| n.type_)) {
            None => true,
            Some(t) => matches!(&ev.force(t)?, Value::String(s) if s.as_str() == "module"),
        },
        _ => false,
    };
    if plain {
        ev.call_many(c.unify.clone(), &[file.clone(), key, m], span)
    } else {
        ev.call_many(c.load.clone(), &[file.clone(), key, m], span)
    }
}

/// `"${parentKey}:anon-${toString n}"`. Arguments: n, parentKey.
pub(super) fn anon_key(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let parent = ev.expect_string(&a[1], span)?;
    let n = match &a[0] {
        Value::Int(n) => *n,
        _ => 0,
    };
    Ok(Value::str(format!("{}:anon-{n}", parent.as_str())))
}

pub(super) static ANON_KEY: PrimOp = PrimOp {
    name: "__sysnixAnonKey",
    arity: 2,
    func: anon_key,
    eager: None,
};

pub(super) static MODULE_ARG: PrimOp = PrimOp {
    name: "__sysnixModuleArg",
    arity: 3,
    func: module_arg,
    eager: None,
};

/// `builtins.toString`, for a module's `_file` and `key`.
pub(super) static TO_STRING: PrimOp = PrimOp {
    name: "toString",
    arity: 1,
    func: crate::builtins::strings::to_string,
    eager: None,
};
