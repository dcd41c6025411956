//! Grouping by attribute name: `mergeModules'`'s declarations and definitions by name,
//! its per-name results and unmatched definitions, and the `attrsOf` merge.

use super::*;
use crate::builtins::attrs::NameGroups;
use crate::value::Shared;

/// Groups set-valued items by attribute name, in list order: `name -> [ f item value ]`,
/// as `zipAttrsWith (_: ds: ds) (map (item: mapAttrs (name: v: f item v) (sel item)) items)`.
pub(super) fn group_by_name(grouped: NameGroups) -> Value {
    let items = grouped
        .into_sorted()
        .into_iter()
        .map(|(name, values)| Attr::new(name, Value::list(values), None))
        .collect();
    Value::attrs(Attrs::from_sorted(items))
}

/// Groups by attribute name the sets `item.${set}` of the items of `list`, in list
/// order, as `zipAttrsWith (_: xs: xs) (map (item: mapAttrs (name: v: make ...)
/// item.${set}) list)`: `make` gets `item.${file}` (unevaluated), the attribute and the
/// set. `Err` carries the first `item.${set}` that is not a set.
pub(super) fn group_sets(
    ev: &mut Eval,
    list: &Value,
    set: Symbol,
    file: Symbol,
    span: Span,
    mut make: impl FnMut(&Value, &Attr, &Value) -> Value,
) -> Result<std::result::Result<NameGroups, Value>> {
    let items = ev.expect_list(list, span)?;
    let mut grouped = NameGroups::default();
    for item in items.iter() {
        let item = ev.force(item)?;
        let value = forced_attr(ev, &item, set, span)?;
        let Value::Attrs(attrs) = &value else {
            return Ok(Err(value));
        };
        let f = lazy_attr(&item, file, span);
        for attr in attrs.iter() {
            grouped.push(attr.name, make(&f, attr, &value));
        }
    }
    Ok(Ok(grouped))
}

/// `__sysnixDeclsByName modules`: the `declsByName` of `mergeModules'`,
/// `zipAttrsWith (_: ds: ds) (map (m: mapAttrs (n: decl: { inherit (m) _file;
/// pos = unsafeGetAttrPos n m.options; options = decl; }) m.options) modules)`, or `null`
/// when some module's `options` is not a set, for the fallback to report.
pub(super) fn decls_by_name(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let (file_sym, options_sym, pos_sym) = names(|n| (n.file_, n.options, n.pos));
    let grouped = group_sets(
        ev,
        &a[0],
        options_sym,
        file_sym,
        span,
        |file, attr, opts| {
            let pos = if attr.span().is_some() {
                let at = Value::PrimOpApp(Shared::new(PrimOpApp {
                    op: &ATTR_POS,
                    args: vec![Value::str(attr.name.as_str())],
                }));
                Value::Thunk(Thunk::apply(at, opts.clone(), span))
            } else {
                Value::Null
            };
            let mut b = AttrsBuilder::with_capacity(3);
            b.insert(file_sym, file.clone());
            b.insert(pos_sym, pos);
            b.insert(options_sym, attr.value.clone());
            Value::attrs(b.build())
        },
    )?;
    Ok(grouped.map_or(Value::Null, group_by_name))
}

/// `__sysnixRawDefs configs`: the `rawDefs` of `mergeModules'`, `zipAttrsWith (_: ds: ds)
/// (map (c: mapAttrs (_: v: { inherit (c) file; value = v; }) c.config) configs)`, or
/// `null` when some `c.config` is not a set, for the fallback's `checkedConfigs` to report.
pub(super) fn raw_defs(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let (file_sym, config_sym) = names(|n| (n.file, n.config));
    let grouped = group_sets(ev, &a[0], config_sym, file_sym, span, |file, attr, _| {
        file_value(file.clone(), attr.value.clone())
    })?;
    Ok(grouped.map_or(Value::Null, group_by_name))
}

/// `__sysnixPushedDefs rawDefs`: the `pushedDefs` of `mergeModules'`: for each name, lazily,
/// `concatMap (d: map (c: { inherit (d) file; config = c; }) (pushDownProperties d.value))`
/// over its raw definitions.
pub(super) fn pushed_defs(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let raw = ev.expect_attrs(&a[0], span)?;
    Ok(map_values(&raw, |attr| {
        apply_op(&PUSH_DEFS, [attr.value.clone()], span)
    }))
}

/// One name of [`pushed_defs`].
pub(super) fn push_defs(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let (file, value) = names(|n| (n.file, n.value));
    pushed_records(ev, &a[0], value, file, span)
}

/// `concatMap (x: map (c: { file = x.${file}; config = c; }) (pushDownProperties
/// x.${from})) list`: what [`push_defs`] and [`module_configs`] both build.
pub(super) fn pushed_records(
    ev: &mut Eval,
    list: &Value,
    from: Symbol,
    file: Symbol,
    span: Span,
) -> Result<Value> {
    let (file_sym, config_sym) = names(|n| (n.file, n.config));
    let items = ev.expect_list(list, span)?;
    let mut out = Vec::new();
    let mut pushed = Vec::new();
    for x in items.iter() {
        let x = ev.force(x)?;
        pushed.clear();
        push_down(ev, &lazy_attr(&x, from, span), span, &mut pushed)?;
        let f = lazy_attr(&x, file, span);
        for c in pushed.drain(..) {
            let mut b = AttrsBuilder::with_capacity(2);
            b.insert(file_sym, f.clone());
            b.insert(config_sym, c);
            out.push(Value::attrs(b.build()));
        }
    }
    Ok(Value::list(out))
}

/// `__sysnixMergeResults fns resultFor prefix rawDefs declsByName`: the `results` of
/// `mergeModules'`, `mapAttrs resultFor declsByName`, each computed when used. A name
/// whose declarations are all options (the common case) is done here: `{ matchedOptions
/// = evalOptionValue loc (fixupOptionType loc (mergeOptionDecls loc decls)) (rawDefs.${name}
/// or [ ]); unmatchedDefns = [ ]; }` with `loc = prefix ++ [ name ]`, the functions taken
/// from `fns`; anything else (nested option sets, submodule trees, errors) is
/// `resultFor name decls`, the Nix.
pub(super) fn merge_results(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let decls = ev.expect_attrs(&a[4], span)?;
    Ok(map_values(&decls, |attr| {
        let args = [
            a[0].clone(),
            a[1].clone(),
            a[2].clone(),
            a[3].clone(),
            ev.name_value(attr.name),
            attr.value.clone(),
        ];
        apply_op(&MERGE_RESULT, args, span)
    }))
}

/// One name of [`merge_results`]. Arguments: fns, resultFor, prefix, rawDefs, name, decls.
pub(super) fn merge_result(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let n = NAMES.with(|n| *n);
    let list = ev.expect_list(&a[5], span)?;
    // filter (d: d.options ? _type && (d.options._type == "option" || <error>)) decls
    for d in list.iter() {
        let d = ev.force(d)?;
        let opts = forced_attr(ev, &d, n.options, span)?;
        if !is_option(ev, &opts)? {
            return ev.call_many(a[1].clone(), &[a[4].clone(), a[5].clone()], span);
        }
    }
    let fns = ev.force(&a[0])?;
    let (merge_decls, fixup, eval_value) = (
        forced_attr(ev, &fns, n.merge_option_decls, span)?,
        forced_attr(ev, &fns, n.fixup_option_type, span)?,
        forced_attr(ev, &fns, n.eval_option_value, span)?,
    );
    let prefix = ev.expect_list(&a[2], span)?;
    let mut loc = prefix.as_ref().clone();
    loc.push(a[4].clone());
    let loc = Value::list(loc);
    let defs_here = apply_op(&ATTR_OR_EMPTY, [a[4].clone(), a[3].clone()], span);
    let option = apply_op(
        &MERGED_OPTION,
        [merge_decls, fixup, eval_value, loc, defs_here, a[5].clone()],
        span,
    );
    let mut b = AttrsBuilder::with_capacity(2);
    b.insert(n.matched_options, option);
    b.insert(n.unmatched_defns, Value::list(Vec::new()));
    Ok(Value::attrs(b.build()))
}

/// The option [`merge_result`] completes, when it is used: `evalOptionValue loc
/// (fixupOptionType loc (mergeOptionDecls loc decls)) defsHere`, one thunk where the
/// nested applications took seven. Each of the three functions forces the option it is
/// given before anything else, so calling them innermost first forces the same values
/// in the same order. Arguments: mergeOptionDecls, fixupOptionType, evalOptionValue,
/// loc, defsHere, decls.
pub(super) fn merged_option(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let merged = ev.call_many(a[0].clone(), &[a[3].clone(), a[5].clone()], span)?;
    let fixed = ev.call_many(a[1].clone(), &[a[3].clone(), merged], span)?;
    ev.call_many(a[2].clone(), &[a[3].clone(), fixed, a[4].clone()], span)
}

/// `set.${name} or [ ]`. Arguments: name, set.
pub(super) fn attr_or_empty(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let name = ev.expect_string(&a[0], span)?;
    let set = ev.expect_attrs(&a[1], span)?;
    match set.get(Symbol::new(name.as_str())) {
        Some(v) => ev.force(v),
        None => Ok(Value::list(Vec::new())),
    }
}

/// `__sysnixSelectEach name set`: `mapAttrs (_: r: r.${name}) set`.
pub(super) fn select_each(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let name = ev.expect_string(&a[0], span)?;
    let name = Symbol::new(name.as_str());
    let set = ev.expect_attrs(&a[1], span)?;
    Ok(map_values(&set, |attr| {
        select_thunk(attr.value.clone(), name, span)
    }))
}

/// `__sysnixModuleConfigs modules`: the definitions `mergeModules` passes on,
/// `concatMap (m: map (c: { file = m._file; config = c; }) (pushDownProperties m.config))
/// modules`.
pub(super) fn module_configs(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let (file_, config) = names(|n| (n.file_, n.config));
    pushed_records(ev, &a[0], config, file_, span)
}

/// `__sysnixUnmatched results rawDefs`: the `unmatchedDefns` of `mergeModules'`,
/// `concatLists (mapAttrsToList (name: defs: map (def: def // { prefix = [ name ] ++
/// (def.prefix or [ ]); }) defs) unmatchedByName)` where `unmatchedByName =
/// selectEach "unmatchedDefns" results // removeAttrs rawDefs (attrNames results)`:
/// names in name order, each result forced in turn, without that set or a selection
/// thunk per name.
pub(super) fn unmatched(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let (prefix_sym, unmatched_sym) = names(|n| (n.prefix, n.unmatched_defns));
    let results = ev.expect_attrs(&a[0], span)?;
    let raw = ev.expect_attrs(&a[1], span)?;
    let mut out = Vec::new();
    let (mut r, mut d) = (results.iter().peekable(), raw.iter().peekable());
    loop {
        let (name, defs) = match (r.peek(), d.peek()) {
            (None, None) => break,
            // A name no declaration has: its definitions as written.
            (x, Some(y)) if x.is_none_or(|x| y.name < x.name) => {
                let y = d.next().expect("peeked");
                (y.name, y.value.clone())
            }
            // A declared name: what its result leaves unmatched (its raw definitions,
            // if any, are the result's to match).
            (_, y) => {
                let x = r.next().expect("peeked");
                if y.is_some_and(|y| y.name == x.name) {
                    d.next();
                }
                let result = ev.force(&x.value)?;
                (x.name, forced_attr(ev, &result, unmatched_sym, span)?)
            }
        };
        let defs = ev.expect_list(&defs, span)?;
        for def in defs.iter() {
            let d = ev.expect_attrs(def, span)?;
            let mut prefix = vec![ev.name_value(name)];
            if let Some(p) = d.get(prefix_sym) {
                prefix.extend(ev.expect_list(p, span)?.iter().cloned());
            }
            let mut b = AttrsBuilder::with_capacity(1);
            b.insert(prefix_sym, Value::list(prefix));
            out.push(Value::Attrs(Shared::new(d.update(&b.build()))));
        }
    }
    Ok(Value::list(out))
}

/// `__sysnixMergeAttrsOf mergeDefinitions elemType lazy loc defs`: the `merge` of
/// `types.attrsWith` (`attrsOf`, `lazyAttrsOf`): definitions split per attribute
/// (`splitAttrDefs`), each attribute merged by `mergeDefinitions (loc ++ [ name ])
/// elemType`. Strict: attributes left without a definition (all under a false `mkIf`)
/// are dropped, which evaluates every attribute's definitions, in name order, as the
/// fallback's `filterAttrs` does. Lazy: every attribute stays, each merged when read
/// (`optionalValue.value or elemType.emptyValue.value or mergedValue`).
pub(super) fn merge_attrs_of(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let n = NAMES.with(|n| *n);
    let lazy = ev.force(&a[2])?;
    let lazy = ev.expect_bool(&lazy, span)?;
    // zipAttrsWith ... (splitAttrDefs defs)
    let grouped = match group_sets(ev, &a[4], n.value, n.file, span, |file, attr, _| {
        file_value(file.clone(), attr.value.clone())
    })? {
        Ok(grouped) => grouped,
        Err(not_a_set) => return ev.expect_attrs(&not_a_set, span).map(|_| Value::Null),
    };
    let loc = ev.expect_list(&a[3], span)?;
    let loc_of = |ev: &mut Eval, name: Symbol| {
        let mut l = loc.as_ref().clone();
        l.push(ev.name_value(name));
        Value::list(l)
    };
    let grouped = grouped.into_sorted();
    let mut items = Vec::with_capacity(grouped.len());
    for (name, defs) in grouped {
        if lazy {
            let v = apply_op(
                &LAZY_ATTR_VALUE,
                [
                    a[0].clone(),
                    a[1].clone(),
                    loc_of(ev, name),
                    Value::list(defs),
                ],
                span,
            );
            items.push(Attr::new(name, v, None));
        } else {
            // (mergeDefinitions (loc ++ [ name ]) elemType defs').optionalValue, kept
            // when it has a value.
            let loc = loc_of(ev, name);
            let merged =
                ev.call_many(a[0].clone(), &[loc, a[1].clone(), Value::list(defs)], span)?;
            let optional = forced_attr(ev, &merged, n.optional_value, span)?;
            if let Value::Attrs(o) = &optional
                && let Some(v) = o.get(n.value)
            {
                items.push(Attr::new(name, v.clone(), None));
            }
        }
    }
    Ok(Value::attrs(Attrs::from_sorted(items)))
}

/// One attribute of a lazy [`merge_attrs_of`]. Arguments: mergeDefinitions, elemType,
/// loc, defs.
pub(super) fn lazy_attr_value(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let n = NAMES.with(|n| *n);
    let merged = ev.call_many(
        a[0].clone(),
        &[a[2].clone(), a[1].clone(), a[3].clone()],
        span,
    )?;
    // merged.optionalValue.value or elemType.emptyValue.value or merged.mergedValue
    let optional = forced_attr(ev, &merged, n.optional_value, span)?;
    if let Value::Attrs(o) = &optional
        && let Some(v) = o.get(n.value)
    {
        return ev.force(v);
    }
    if let Value::Attrs(ref t) = ev.force(&a[1])?
        && let Some(e) = t.get(n.empty_value)
        && let Value::Attrs(ref e) = ev.force(e)?
        && let Some(v) = e.get(n.value)
    {
        return ev.force(v);
    }
    forced_attr(ev, &merged, n.merged_value, span)
}

pub(super) static LAZY_ATTR_VALUE: PrimOp = PrimOp {
    name: "__sysnixLazyAttrValue",
    arity: 4,
    func: lazy_attr_value,
    eager: None,
};

pub(super) static MERGE_RESULT: PrimOp = PrimOp {
    name: "__sysnixMergeResult",
    arity: 6,
    func: merge_result,
    eager: None,
};

pub(super) static MERGED_OPTION: PrimOp = PrimOp {
    name: "__sysnixMergedOption",
    arity: 6,
    func: merged_option,
    eager: None,
};

pub(super) static ATTR_OR_EMPTY: PrimOp = PrimOp {
    name: "__sysnixAttrOrEmpty",
    arity: 2,
    func: attr_or_empty,
    eager: None,
};

pub(super) static ATTR_POS: PrimOp = PrimOp {
    name: "unsafeGetAttrPos",
    arity: 2,
    func: crate::builtins::control::unsafe_get_attr_pos,
    eager: None,
};

pub(super) static PUSH_DEFS: PrimOp = PrimOp {
    name: "__sysnixPushDefs",
    arity: 1,
    func: push_defs,
    eager: None,
};
