//! Options: merging declarations (`mergeOptionDecls`, `fixupOptionType`), completing
//! an option with its value (`evalOptionValue`), the options-to-config walk, `mkOption`.

use super::*;
use crate::value::Shared;

/// `__sysnixMergeOptionDecls fallback loc decls`: `mergeOptionDecls` of `lib/modules.nix`
/// (a `foldl'` over the declarations); where the fallback throws (two declarations of one
/// default, example, description or apply; types that do not merge; an `options` that is
/// not a set), the fallback, for its message.
pub(super) fn merge_option_decls(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    match merge_option_decls_here(ev, &mut a[1..], span)? {
        Value::Null => ev.call_many(a[0].clone(), &[a[1].clone(), a[2].clone()], span),
        merged => Ok(merged),
    }
}

/// [`merge_option_decls`] without its fallback: `null` where the fallback must run.
pub(super) fn merge_option_decls_here(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let n = NAMES.with(|n| *n);
    let decls = ev.expect_list(&a[1], span)?;
    // The accumulator, as the fallback's: `{ inherit loc; declarations = [ ];
    // declarationPositions = [ ]; options = [ ]; }`, then `opt // acc // { ... }`. Until
    // the first declaration it is that start (`None`): the first step is then `opt //
    // { loc, declarations, declarationPositions, options }`, one new set where the
    // start and two updates made three (the braces replace all of the start but
    // `loc`).
    let mut acc: Option<Shared<Attrs>> = None;
    for decl in decls.iter() {
        let d = ev.force(decl)?;
        let Value::Attrs(ref opt) = forced_attr(ev, &d, n.options, span)? else {
            return Ok(Value::Null);
        };
        let acc_get = |k: Symbol| acc.as_ref().and_then(|acc| acc.get(k));
        // The start has none of these names.
        let both = |k: Symbol| opt.get(k).is_some() && acc_get(k).is_some();
        if both(n.default) || both(n.example) || both(n.description) || both(n.apply) {
            return Ok(Value::Null);
        }
        let merged_type = match &acc {
            Some(acc) if both(n.type_opt) => {
                // acc.type.typeMerge opt.type.functor
                let acc_type = forced_attr(ev, &Value::Attrs(acc.clone()), n.type_opt, span)?;
                let type_merge = forced_attr(ev, &acc_type, n.type_merge, span)?;
                let opt_type = forced_attr(ev, &Value::Attrs(opt.clone()), n.type_opt, span)?;
                let functor = lazy_attr(&opt_type, n.functor, span);
                let t = ev.call_many(type_merge, &[functor], span)?;
                if matches!(t, Value::Null) {
                    return Ok(Value::Null);
                }
                Some(t)
            }
            _ => None,
        };
        let file = lazy_attr(&d, n.file_, span);
        let list_of = |v: Option<&Value>| match v {
            Some(Value::List(l)) => l.as_ref().clone(),
            _ => Vec::new(),
        };
        let mut declarations = list_of(acc_get(n.declarations));
        declarations.push(file.clone());
        let mut positions = list_of(acc_get(n.declaration_positions));
        positions.push(Value::Thunk(Thunk::native(
            &DECL_POSITION,
            [d.clone()],
            span,
        )));
        let acc_options = acc_get(n.options)
            .cloned()
            .unwrap_or(Value::list(Vec::new()));
        let options = Value::Thunk(Thunk::native(
            &COLLECT_SUBMODULES,
            [Value::Attrs(opt.clone()), file, acc_options],
            span,
        ));
        let mut b = AttrsBuilder::with_capacity(5);
        if acc.is_none() {
            b.insert(n.loc, a[0].clone());
        }
        b.insert(n.declarations, Value::list(declarations));
        b.insert(n.declaration_positions, Value::list(positions));
        b.insert(n.options, options);
        if let Some(t) = merged_type {
            b.insert(n.type_opt, t);
        }
        acc = Some(Shared::new(match &acc {
            None => opt.update(&b.build()),
            Some(acc) => opt.update(acc).update(&b.build()),
        }));
    }
    Ok(Value::Attrs(acc.unwrap_or_else(|| {
        let mut b = AttrsBuilder::with_capacity(4);
        b.insert(n.loc, a[0].clone());
        b.insert(n.declarations, Value::list(Vec::new()));
        b.insert(n.declaration_positions, Value::list(Vec::new()));
        b.insert(n.options, Value::list(Vec::new()));
        Shared::new(b.build())
    })))
}

/// One entry of `declarationPositions`: `if decl.pos or null != null then decl.pos else
/// { file = decl._file; line = null; column = null; }`.
pub(super) fn decl_position(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let (pos_sym, file_sym, file, line, column) =
        names(|n| (n.pos, n.file_, n.file, n.line, n.column));
    let d = ev.force(&a[0])?;
    if let Value::Attrs(set) = &d
        && let Some(p) = set.get(pos_sym)
    {
        let p = ev.force(p)?;
        if !matches!(p, Value::Null) {
            return Ok(p);
        }
    }
    let mut b = AttrsBuilder::with_capacity(3);
    b.insert(file, lazy_attr(&d, file_sym, span));
    b.insert(line, Value::Null);
    b.insert(column, Value::Null);
    Ok(Value::attrs(b.build()))
}

/// The `options` of one step of `mergeOptionDecls`: `if subModules != null then map
/// (lib.setDefaultModuleLocation decl._file) subModules ++ acc.options else acc.options`,
/// where `subModules = opt.type.getSubModules or null`. Arguments: opt, file, acc.options.
pub(super) fn collect_submodules(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let (type_sym, get_sub, file_sym, imports) =
        names(|n| (n.type_opt, n.get_sub_modules, n.file_, n.imports));
    // `opt.type.getSubModules or null`: null when any step is missing or not a set.
    let mut sub = Value::Null;
    if let Value::Attrs(opt) = &a[0]
        && let Some(t) = opt.get(type_sym)
        && let Value::Attrs(ref t) = ev.force(t)?
        && let Some(g) = t.get(get_sub)
    {
        sub = ev.force(g)?;
    }
    if matches!(sub, Value::Null) {
        return ev.force(&a[2]);
    }
    let subs = ev.expect_list(&sub, span)?;
    let rest = ev.expect_list(&a[2], span)?;
    let mut out = Vec::with_capacity(subs.len() + rest.len());
    for m in subs.iter() {
        // setDefaultModuleLocation file m = { _file = file; imports = [ m ]; }
        let mut b = AttrsBuilder::with_capacity(2);
        b.insert(file_sym, a[1].clone());
        b.insert(imports, Value::list(vec![m.clone()]));
        out.push(Value::attrs(b.build()));
    }
    out.extend(rest.iter().cloned());
    Ok(Value::list(out))
}

/// `__sysnixOptionValues options`: the configuration of an option tree, as `evalModules`
/// computes it: `mapAttrsRecursiveCond (v: !isOption v) (_: opt: opt.value) options`.
pub(super) fn option_values(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let set = ev.expect_attrs(&a[0], span)?;
    Ok(map_values(&set, |attr| {
        apply_op(&OPTION_VALUE, [attr.value.clone()], span)
    }))
}

/// One attribute of [`option_values`]: a nested tree is walked, an option gives its value.
pub(super) fn option_value(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let v = ev.force(&a[0])?;
    if matches!(v, Value::Attrs(_)) && !is_option(ev, &v)? {
        return option_values(ev, &mut [v], span);
    }
    forced_attr(ev, &v, names(|n| n.value), span)
}

/// `__sysnixEvalOptionValue mergeDefinitions showOption fallback loc opt defs`:
/// `evalOptionValue` of `lib/modules.nix` (`fallback` is its Nix version). The option is
/// completed with `value`, `highestPrio`, `definitions`, `files`,
/// `definitionsWithLocations`, `isDefined` and `__toString`, each computed when used.
/// A deprecated type (which warns) and a read-only option set more than once are handed
/// to the fallback, so those messages and warnings are its own; an error in the value
/// gets the fallback's "while evaluating the option" context here ([`option_value_of`]).
pub(super) fn eval_option_value(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let n = NAMES.with(|n| *n);
    let delegate_all = |ev: &mut Eval, a: &[Value]| {
        ev.call_many(
            a[2].clone(),
            &[a[3].clone(), a[4].clone(), a[5].clone()],
            span,
        )
    };
    // warnIf (opt.type.deprecationMessage != null) ... opt
    let opt = ev.force(&a[4])?;
    let Value::Attrs(o) = &opt else {
        return delegate_all(ev, a);
    };
    let Some(ty) = o.get(n.type_opt) else {
        return delegate_all(ev, a);
    };
    let ty = ev.force(ty)?;
    let Value::Attrs(t) = &ty else {
        return delegate_all(ev, a);
    };
    match t.get(n.deprecation_message) {
        Some(m) if matches!(ev.force(m)?, Value::Null) => {}
        _ => return delegate_all(ev, a),
    }
    let res = apply_op(
        &OPTION_RES,
        std::array::from_fn::<_, 6, _>(|i| a[i].clone()),
        span,
    );
    let defs_final = select_thunk(res.clone(), n.defs_final, span);
    let mut b = AttrsBuilder::with_capacity(7);
    b.insert(
        n.value,
        apply_op(
            &OPTION_VALUE_OF,
            [
                a[1].clone(),
                a[3].clone(),
                opt.clone(),
                a[5].clone(),
                res.clone(),
            ],
            span,
        ),
    );
    b.insert(n.highest_prio, apply_op(&HIGHEST_PRIO, [res.clone()], span));
    b.insert(
        n.definitions,
        apply_op(&MAP_VALUES, [defs_final.clone()], span),
    );
    b.insert(n.files, apply_op(&MAP_FILES, [defs_final.clone()], span));
    b.insert(n.definitions_with_locations, defs_final);
    b.insert(n.is_defined, select_thunk(res, n.is_defined, span));
    b.insert(
        n.to_string,
        Value::PrimOpApp(Shared::new(PrimOpApp {
            op: &SHOW_LOC,
            args: vec![a[1].clone(), a[3].clone()],
        })),
    );
    Ok(Value::Attrs(Shared::new(o.update(&b.build()))))
}

/// `res` of `evalOptionValue`: `mergeDefinitions loc opt.type withDefault`, where
/// `withDefault` puts `{ file = head opt.declarations; value = mkOptionDefault
/// opt.default; }` before the definitions when there is a default. Arguments:
/// mergeDefinitions, showOption, fallback, loc, opt, defs.
pub(super) fn option_res(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let n = NAMES.with(|n| *n);
    let opt = ev.force(&a[4])?;
    let defs = ev.expect_list(&a[5], span)?;
    let mut with_default = Vec::with_capacity(defs.len() + 1);
    if let Value::Attrs(o) = &opt
        && let Some(d) = o.get(n.default)
    {
        let head = apply_op(&HEAD, [lazy_attr(&opt, n.declarations, span)], span);
        let mut p = AttrsBuilder::with_capacity(3);
        p.insert(n.type_, Value::str("override"));
        p.insert(n.priority, Value::Int(1500));
        p.insert(n.content, d.clone());
        with_default.push(file_value(head, Value::attrs(p.build())));
    }
    with_default.extend(defs.iter().cloned());
    // (opt.readOnly or false) && length withDefault > 1: the fallback's error (and its
    // error for a readOnly that is not a Boolean).
    if let Value::Attrs(o) = &opt
        && let Some(r) = o.get(n.read_only)
    {
        let read_only = ev.force(r)?;
        if !matches!(read_only, Value::Bool(false))
            && (with_default.len() > 1 || !matches!(read_only, Value::Bool(true)))
        {
            let r = ev.call_many(
                a[2].clone(),
                &[a[3].clone(), a[4].clone(), a[5].clone()],
                span,
            )?;
            return forced_attr(ev, &r, n.value, span);
        }
    }
    let ty = lazy_attr(&opt, n.type_opt, span);
    ev.call_many(
        a[0].clone(),
        &[a[3].clone(), ty, Value::list(with_default)],
        span,
    )
}

/// `value` of `evalOptionValue`: `addErrorContext "while evaluating the option
/// `${showOption loc}':" (if opt ? apply then opt.apply res.mergedValue else
/// res.mergedValue)`. Arguments: showOption, loc, opt, defs, res. (An error is not
/// handed to the fallback: re-evaluating at every level an error passes through would
/// cost time exponential in the depth.)
pub(super) fn option_value_of(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let n = NAMES.with(|n| *n);
    let merged = select_thunk(a[4].clone(), n.merged_value, span);
    let result = match &a[2] {
        Value::Attrs(o) if o.get(n.apply).is_some() => {
            let apply = forced_attr(ev, &a[2], n.apply, span);
            apply.and_then(|f| ev.call_many(f, &[merged], span))
        }
        _ => ev.force(&merged),
    };
    result.map_err(|mut e| {
        // As addErrorContext: the message is made only now, and a failure making it
        // is that error instead.
        let shown = ev
            .call_many(a[0].clone(), &[a[1].clone()], span)
            .and_then(|s| ev.expect_string(&s, span));
        match shown {
            Ok(s) => {
                e.trace.push(crate::error::TraceFrame {
                    message: format!("while evaluating the option `{}':", s.as_str()),
                    span: None,
                });
                e
            }
            Err(other) => other,
        }
    })
}

/// `map (def: def.${name}) list`, elements unevaluated.
fn map_attr(ev: &mut Eval, name: Symbol, list: &Value, span: Span) -> Result<Value> {
    let list = ev.expect_list(list, span)?;
    Ok(Value::list(
        list.iter()
            .map(|d| match d {
                Value::Attrs(_) => lazy_attr(d, name, span),
                _ => select_thunk(d.clone(), name, span),
            })
            .collect(),
    ))
}

/// `map (def: def.value)`.
pub(super) fn def_values(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    map_attr(ev, names(|n| n.value), &a[0], span)
}

/// `map (def: def.file)`.
pub(super) fn def_files(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    map_attr(ev, names(|n| n.file), &a[0], span)
}

/// `res: res.defsFinal'.highestPrio`, one thunk for the two selections.
pub(super) fn highest_prio(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let n = NAMES.with(|n| *n);
    let res = ev.force(&a[0])?;
    let df = forced_attr(ev, &res, n.defs_final_, span)?;
    forced_attr(ev, &df, n.highest_prio, span)
}

/// `showOption: loc: _: showOption loc` (for `__toString = _: showOption loc`).
pub(super) fn show_loc(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    ev.call_many(a[0].clone(), &[a[1].clone()], span)
}

/// `__sysnixFixupOptionType unspecified loc opt`: `fixupOptionType` of `lib/modules.nix`:
/// `opt // { type = opt.type or types.unspecified; }`, or for a submodule type
/// `opt // { type = opt.type.substSubModules opt.options; options = [ ]; }`.
pub(super) fn fixup_option_type(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let n = NAMES.with(|n| *n);
    let opt = ev.expect_attrs(&a[2], span)?;
    // (opt.type.getSubModules or null) == null
    let mut sub = Value::Null;
    if let Some(t) = opt.get(n.type_opt)
        && let Value::Attrs(ref t) = ev.force(t)?
        && let Some(g) = t.get(n.get_sub_modules)
    {
        sub = ev.force(g)?;
    }
    let mut b = AttrsBuilder::with_capacity(2);
    if matches!(sub, Value::Null) {
        // `opt // { type = opt.type; }` is `opt` (the common case: no copy).
        if opt.get(n.type_opt).is_some() {
            return Ok(Value::Attrs(opt));
        }
        b.insert(n.type_opt, a[0].clone());
    } else {
        let ty = opt.get(n.type_opt).cloned().unwrap_or(Value::Null);
        let subst = select_thunk(ty, n.subst_sub_modules, span);
        let options = lazy_attr(&a[2], n.options, span);
        b.insert(n.type_opt, Value::Thunk(Thunk::apply(subst, options, span)));
        b.insert(n.options, Value::list(Vec::new()));
    }
    Ok(Value::Attrs(Shared::new(opt.update(&b.build()))))
}

/// `__sysnixMkOption attrs`: `mkOption` of `lib/options.nix`, `attrs // { _type = "option"; }`.
pub(super) fn mk_option(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let set = ev.expect_attrs(&a[0], span)?;
    let mut b = AttrsBuilder::with_capacity(1);
    b.insert(names(|n| n.type_), Value::str("option"));
    Ok(Value::Attrs(Shared::new(set.update(&b.build()))))
}

pub(super) static OPTION_RES: PrimOp = PrimOp {
    name: "__sysnixOptionRes",
    arity: 6,
    func: option_res,
    eager: None,
};

pub(super) static OPTION_VALUE_OF: PrimOp = PrimOp {
    name: "__sysnixOptionValueOf",
    arity: 5,
    func: option_value_of,
    eager: None,
};

pub(super) static MAP_VALUES: PrimOp = PrimOp {
    name: "__sysnixMapValues",
    arity: 1,
    func: def_values,
    eager: None,
};

pub(super) static MAP_FILES: PrimOp = PrimOp {
    name: "__sysnixMapFiles",
    arity: 1,
    func: def_files,
    eager: None,
};

pub(super) static HIGHEST_PRIO: PrimOp = PrimOp {
    name: "__sysnixHighestPrio",
    arity: 1,
    func: highest_prio,
    eager: None,
};

pub(super) static SHOW_LOC: PrimOp = PrimOp {
    name: "__sysnixShowLoc",
    arity: 3,
    func: show_loc,
    eager: None,
};

/// `builtins.head`, for the default's `head opt.declarations`.
pub(super) static HEAD: PrimOp = PrimOp {
    name: "head",
    arity: 1,
    func: crate::builtins::lists::head,
    eager: None,
};

pub(super) static OPTION_VALUE: PrimOp = PrimOp {
    name: "__sysnixOptionValue",
    arity: 1,
    func: option_value,
    eager: None,
};

pub(super) static DECL_POSITION: PrimOp = PrimOp {
    name: "__sysnixDeclPosition",
    arity: 1,
    func: decl_position,
    eager: None,
};

pub(super) static COLLECT_SUBMODULES: PrimOp = PrimOp {
    name: "__sysnixCollectSubmodules",
    arity: 3,
    func: collect_submodules,
    eager: None,
};
