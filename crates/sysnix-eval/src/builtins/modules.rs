//! Native versions of the hottest functions of the module system (`lib/modules.nix`).
//!
//! `lib` stays plain Nix: each use is written `builtins.__sysnixX or (Nix fallback)`, so
//! C++ Nix (which lacks these builtins) runs the fallback, and the module suite, which runs
//! every case through both, checks that the two agree. Each primop here therefore does
//! exactly what its fallback does: it forces the same values in the same order, raises the
//! same errors, and leaves lazy what the fallback leaves lazy (by handing out `Select` and
//! `Apply` thunks). What differs is where errors point: the fallback's own trace frames
//! ("while evaluating 'dischargeProperties'") are not there, and an error raised here
//! (a type's `check` returning a non-Boolean, a priority that is not a number) points at
//! the call in `lib/modules.nix` instead of the line inside the fallback. Where the
//! fallback throws a message of its own, the primop returns `null` or calls the fallback,
//! so those messages are always the Nix ones.
//!
//! What they replace is pure data shuffling that every option and every submodule instance
//! goes through (`pushDownProperties`, `dischargeProperties`, the priority filter of
//! `mergeDefinitions`, the grouping of declarations and definitions by name in
//! `mergeModules'`), which is most of the interpretive work of a large configuration.

use crate::error::{ErrorKind, EvalError, Result};
use crate::eval::Eval;
use crate::source::Span;
use crate::symbol::Symbol;
use crate::value::{Attr, Attrs, AttrsBuilder, PrimOp, PrimOpApp, Thunk, ThunkState, Value};
use std::collections::BTreeMap;
use std::rc::Rc;

/// Attribute names used here, interned once per thread.
#[derive(Clone, Copy)]
struct Names {
    type_: Symbol,
    contents: Symbol,
    content: Symbol,
    condition: Symbol,
    priority: Symbol,
    file: Symbol,
    value: Symbol,
    values: Symbol,
    highest_prio: Symbol,
    file_: Symbol,
    options: Symbol,
    pos: Symbol,
    config: Symbol,
    loc: Symbol,
    declarations: Symbol,
    declaration_positions: Symbol,
    type_opt: Symbol,
    type_merge: Symbol,
    functor: Symbol,
    get_sub_modules: Symbol,
    imports: Symbol,
    line: Symbol,
    column: Symbol,
    default: Symbol,
    example: Symbol,
    description: Symbol,
    apply: Symbol,
    check: Symbol,
    merge: Symbol,
    defs_final: Symbol,
    defs_final_: Symbol,
    merged_value: Symbol,
    is_defined: Symbol,
    optional_value: Symbol,
    deprecation_message: Symbol,
    read_only: Symbol,
    definitions: Symbol,
    files: Symbol,
    definitions_with_locations: Symbol,
    to_string: Symbol,
    matched_options: Symbol,
    unmatched_defns: Symbol,
    merge_option_decls: Symbol,
    fixup_option_type: Symbol,
    eval_option_value: Symbol,
    prefix: Symbol,
    module_: Symbol,
    args: Symbol,
    key: Symbol,
    disabled_modules: Symbol,
    class_: Symbol,
    meta: Symbol,
    freeform_type: Symbol,
    require: Symbol,
    subst_sub_modules: Symbol,
    empty_value: Symbol,
}

thread_local! {
    static NAMES: Names = Names {
        type_: Symbol::new("_type"),
        contents: Symbol::new("contents"),
        content: Symbol::new("content"),
        condition: Symbol::new("condition"),
        priority: Symbol::new("priority"),
        file: Symbol::new("file"),
        value: Symbol::new("value"),
        values: Symbol::new("values"),
        highest_prio: Symbol::new("highestPrio"),
        file_: Symbol::new("_file"),
        options: Symbol::new("options"),
        pos: Symbol::new("pos"),
        config: Symbol::new("config"),
        loc: Symbol::new("loc"),
        declarations: Symbol::new("declarations"),
        declaration_positions: Symbol::new("declarationPositions"),
        type_opt: Symbol::new("type"),
        type_merge: Symbol::new("typeMerge"),
        functor: Symbol::new("functor"),
        get_sub_modules: Symbol::new("getSubModules"),
        imports: Symbol::new("imports"),
        line: Symbol::new("line"),
        column: Symbol::new("column"),
        default: Symbol::new("default"),
        example: Symbol::new("example"),
        description: Symbol::new("description"),
        apply: Symbol::new("apply"),
        check: Symbol::new("check"),
        merge: Symbol::new("merge"),
        defs_final: Symbol::new("defsFinal"),
        defs_final_: Symbol::new("defsFinal'"),
        merged_value: Symbol::new("mergedValue"),
        is_defined: Symbol::new("isDefined"),
        optional_value: Symbol::new("optionalValue"),
        deprecation_message: Symbol::new("deprecationMessage"),
        read_only: Symbol::new("readOnly"),
        definitions: Symbol::new("definitions"),
        files: Symbol::new("files"),
        definitions_with_locations: Symbol::new("definitionsWithLocations"),
        to_string: Symbol::new("__toString"),
        matched_options: Symbol::new("matchedOptions"),
        unmatched_defns: Symbol::new("unmatchedDefns"),
        merge_option_decls: Symbol::new("mergeOptionDecls"),
        fixup_option_type: Symbol::new("fixupOptionType"),
        eval_option_value: Symbol::new("evalOptionValue"),
        prefix: Symbol::new("prefix"),
        module_: Symbol::new("_module"),
        args: Symbol::new("args"),
        key: Symbol::new("key"),
        disabled_modules: Symbol::new("disabledModules"),
        class_: Symbol::new("_class"),
        meta: Symbol::new("meta"),
        freeform_type: Symbol::new("freeformType"),
        require: Symbol::new("require"),
        subst_sub_modules: Symbol::new("substSubModules"),
        empty_value: Symbol::new("emptyValue"),
    };
}

fn names<R>(f: impl FnOnce(&Names) -> R) -> R {
    NAMES.with(f)
}

/// The property a (forced) definition is wrapped in: `(v._type or "")` compared with the
/// property names, as the fallback's `(v._type or "") == "merge"` tests do.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Prop {
    Merge,
    If,
    Override,
    Order,
    None,
}

fn prop_of(ev: &mut Eval, v: &Value) -> Result<Prop> {
    let Value::Attrs(a) = v else {
        return Ok(Prop::None);
    };
    let Some(t) = a.get(names(|n| n.type_)) else {
        return Ok(Prop::None);
    };
    Ok(match ev.force(t)? {
        Value::String(s) => match s.as_str() {
            "merge" => Prop::Merge,
            "if" => Prop::If,
            "override" => Prop::Override,
            "order" => Prop::Order,
            _ => Prop::None,
        },
        _ => Prop::None,
    })
}

/// `v.name`, unevaluated: the attribute's value, or (when it is missing or `v` is not a
/// set) a thunk that raises the fallback's error when forced.
fn lazy_attr(v: &Value, name: Symbol, span: Span) -> Value {
    if let Value::Attrs(a) = v
        && let Some(x) = a.get(name)
    {
        return x.clone();
    }
    select_thunk(v.clone(), name, span)
}

/// `v.name`, forced (with the fallback's error when it is missing).
fn forced_attr(ev: &mut Eval, v: &Value, name: Symbol, span: Span) -> Result<Value> {
    let x = lazy_attr(v, name, span);
    ev.force_at(&x, span)
}

/// `pushDownProperties cfg` into `out`.
fn push_down(ev: &mut Eval, cfg: &Value, span: Span, out: &mut Vec<Value>) -> Result<()> {
    let v = ev.force(cfg)?;
    match prop_of(ev, &v)? {
        Prop::Merge => {
            // concatMap pushDownProperties cfg.contents
            let contents = forced_attr(ev, &v, names(|n| n.contents), span)?;
            let list = ev.expect_list(&contents, span)?;
            for c in list.iter() {
                push_down(ev, c, span, out)?;
            }
        }
        kind @ (Prop::If | Prop::Override) => {
            // map (mapAttrs (_: v: mkIf cfg.condition v)) (pushDownProperties cfg.content),
            // the mapAttrs of each element left unevaluated, as map leaves it.
            let content = forced_attr(ev, &v, names(|n| n.content), span)?;
            let mut inner = Vec::new();
            push_down(ev, &content, span, &mut inner)?;
            let (tag, param) = if kind == Prop::If {
                ("if", lazy_attr(&v, names(|n| n.condition), span))
            } else {
                ("override", lazy_attr(&v, names(|n| n.priority), span))
            };
            let wrap = Value::PrimOpApp(Rc::new(PrimOpApp {
                op: &WRAP_ATTRS,
                args: vec![Value::str(tag), param],
            }));
            out.extend(
                inner
                    .into_iter()
                    .map(|x| Value::Thunk(Thunk::apply(wrap.clone(), x, span))),
            );
        }
        _ => out.push(v),
    }
    Ok(())
}

/// `mkIf c` / `mkOverride p` as a set: `{ _type; condition|priority; content; }`.
fn property(tag: &str, param: &Value, content: Value) -> Value {
    let (t, p) = names(|n| (n.type_, if tag == "if" { n.condition } else { n.priority }));
    let mut b = AttrsBuilder::with_capacity(3);
    b.insert(t, Value::str(tag));
    b.insert(p, param.clone());
    b.insert(names(|n| n.content), content);
    Value::attrs(b.build())
}

/// `mapAttrs (_: v: mkIf cond v) set` (or `mkOverride prio`): the internal half of
/// `pushDownProperties`, applied lazily to each pushed-down set.
fn wrap_attrs(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let tag = match &a[0] {
        Value::String(s) if s.as_str() == "if" => "if",
        _ => "override",
    };
    let set = ev.expect_attrs(&a[2], span)?;
    let items = set
        .iter()
        .map(|attr| attr.with_value(property(tag, &a[1], attr.value.clone())))
        .collect();
    Ok(Value::attrs(Attrs::from_sorted(items)))
}

fn push_down_properties(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let mut out = Vec::new();
    push_down(ev, &a[0], span, &mut out)?;
    Ok(Value::list(out))
}

/// `dischargeProperties def` into `out`.
fn discharge(ev: &mut Eval, def: &Value, span: Span, out: &mut Vec<Value>) -> Result<()> {
    let v = ev.force(def)?;
    match prop_of(ev, &v)? {
        Prop::Merge => {
            let contents = forced_attr(ev, &v, names(|n| n.contents), span)?;
            let list = ev.expect_list(&contents, span)?;
            for c in list.iter() {
                discharge(ev, c, span, out)?;
            }
        }
        Prop::If => match forced_attr(ev, &v, names(|n| n.condition), span)? {
            Value::Bool(true) => {
                let content = lazy_attr(&v, names(|n| n.content), span);
                discharge(ev, &content, span, out)?;
            }
            Value::Bool(false) => {}
            _ => {
                return Err(EvalError::new(
                    ErrorKind::Throw,
                    "‘mkIf’ called with a non-Boolean condition",
                    None,
                ));
            }
        },
        _ => out.push(v),
    }
    Ok(())
}

fn discharge_properties(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let mut out = Vec::new();
    discharge(ev, &a[0], span, &mut out)?;
    Ok(Value::list(out))
}

/// `{ file; value; }`.
fn file_value(file: Value, value: Value) -> Value {
    let (f, v) = names(|n| (n.file, n.value));
    let mut b = AttrsBuilder::with_capacity(2);
    b.insert(f, file);
    b.insert(v, value);
    Value::attrs(b.build())
}

/// `__sysnixFinalDefs defs`: `filterOverrides' (discharged defs)` of `mergeDefinitions`,
/// where `discharged` is `concatMap (def: map (v: { inherit (def) file; value = v; })
/// (addErrorContext "while evaluating definitions from `${def.file}':"
/// (dischargeProperties def.value))) defs`. Returns `{ values; highestPrio; }`.
fn final_defs(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let (file_sym, value_sym, prio_sym, content_sym) =
        names(|n| (n.file, n.value, n.priority, n.content));
    let defs = ev.expect_list(&a[0], span)?;
    // (file, discharged value), in order; every definition is discharged before any
    // priority is looked at, as the fallback's strict concatMap does.
    let mut discharged: Vec<(Value, Value)> = Vec::with_capacity(defs.len());
    let mut values = Vec::new();
    for def in defs.iter() {
        let d = ev.force(def)?;
        let value = lazy_attr(&d, value_sym, span);
        values.clear();
        if let Err(mut e) = discharge(ev, &value, span, &mut values) {
            let file = lazy_attr(&d, file_sym, span);
            let mut ctx = crate::value::Context::new();
            let file = ev.coerce_to_string(
                &file,
                span,
                crate::eval::CoerceMode::Interpolation,
                &mut ctx,
            )?;
            e.trace.push(crate::error::TraceFrame {
                message: format!("while evaluating definitions from `{file}':"),
                span: None,
            });
            return Err(e);
        }
        let file = lazy_attr(&d, file_sym, span);
        discharged.extend(values.drain(..).map(|v| (file.clone(), v)));
    }
    // prioOf: an override's priority, else defaultOverridePriority (100).
    let mut prios = Vec::with_capacity(discharged.len());
    let mut highest = Value::Int(9999);
    for (_, v) in &discharged {
        let p = if prop_of(ev, v)? == Prop::Override {
            forced_attr(ev, v, prio_sym, span)?
        } else {
            Value::Int(100)
        };
        // lib.min best p = if best < p then best else p
        if ev.compare(&highest, &p, span)? != std::cmp::Ordering::Less {
            highest = p.clone();
        }
        prios.push(p);
    }
    let mut kept = Vec::new();
    for ((file, v), p) in discharged.into_iter().zip(prios) {
        if ev.values_equal(&p, &highest, span)? {
            if prop_of(ev, &v)? == Prop::Override {
                kept.push(file_value(file, lazy_attr(&v, content_sym, span)));
            } else {
                kept.push(file_value(file, v));
            }
        }
    }
    let (values_sym, hp_sym) = names(|n| (n.values, n.highest_prio));
    let mut b = AttrsBuilder::with_capacity(2);
    b.insert(hp_sym, highest);
    b.insert(values_sym, Value::list(kept));
    Ok(Value::attrs(b.build()))
}

/// Groups set-valued items by attribute name, in list order: `name -> [ f item value ]`,
/// as `zipAttrsWith (_: ds: ds) (map (item: mapAttrs (name: v: f item v) (sel item)) items)`.
fn group_by_name(grouped: BTreeMap<Symbol, Vec<Value>>) -> Value {
    let items = grouped
        .into_iter()
        .map(|(name, values)| Attr::new(name, Value::list(values), None))
        .collect();
    Value::attrs(Attrs::from_sorted(items))
}

/// Groups by attribute name the sets `item.${set}` of the items of `list`, in list
/// order, as `zipAttrsWith (_: xs: xs) (map (item: mapAttrs (name: v: make ...)
/// item.${set}) list)`: `make` gets `item.${file}` (unevaluated), the attribute and the
/// set. `Err` carries the first `item.${set}` that is not a set.
fn group_sets(
    ev: &mut Eval,
    list: &Value,
    set: Symbol,
    file: Symbol,
    span: Span,
    mut make: impl FnMut(&Value, &Attr, &Value) -> Value,
) -> Result<std::result::Result<BTreeMap<Symbol, Vec<Value>>, Value>> {
    let items = ev.expect_list(list, span)?;
    let mut grouped: BTreeMap<Symbol, Vec<Value>> = BTreeMap::new();
    for item in items.iter() {
        let item = ev.force(item)?;
        let value = forced_attr(ev, &item, set, span)?;
        let Value::Attrs(attrs) = &value else {
            return Ok(Err(value));
        };
        let f = lazy_attr(&item, file, span);
        for attr in attrs.iter() {
            grouped
                .entry(attr.name)
                .or_default()
                .push(make(&f, attr, &value));
        }
    }
    Ok(Ok(grouped))
}

/// `__sysnixDeclsByName modules`: the `declsByName` of `mergeModules'`,
/// `zipAttrsWith (_: ds: ds) (map (m: mapAttrs (n: decl: { inherit (m) _file;
/// pos = unsafeGetAttrPos n m.options; options = decl; }) m.options) modules)`, or `null`
/// when some module's `options` is not a set, for the fallback to report.
fn decls_by_name(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let (file_sym, options_sym, pos_sym) = names(|n| (n.file_, n.options, n.pos));
    let grouped = group_sets(
        ev,
        &a[0],
        options_sym,
        file_sym,
        span,
        |file, attr, opts| {
            let pos = if attr.span().is_some() {
                let at = Value::PrimOpApp(Rc::new(PrimOpApp {
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
fn raw_defs(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let (file_sym, config_sym) = names(|n| (n.file, n.config));
    let grouped = group_sets(ev, &a[0], config_sym, file_sym, span, |file, attr, _| {
        file_value(file.clone(), attr.value.clone())
    })?;
    Ok(grouped.map_or(Value::Null, group_by_name))
}

/// `__sysnixPushedDefs rawDefs`: the `pushedDefs` of `mergeModules'`: for each name, lazily,
/// `concatMap (d: map (c: { inherit (d) file; config = c; }) (pushDownProperties d.value))`
/// over its raw definitions.
fn pushed_defs(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let raw = ev.expect_attrs(&a[0], span)?;
    let push = Value::PrimOp(&PUSH_DEFS);
    let items = raw
        .iter()
        .map(|attr| {
            attr.with_value(Value::Thunk(Thunk::apply(
                push.clone(),
                attr.value.clone(),
                span,
            )))
        })
        .collect();
    Ok(Value::attrs(Attrs::from_sorted(items)))
}

/// One name of [`pushed_defs`].
fn push_defs(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let (file, value) = names(|n| (n.file, n.value));
    pushed_records(ev, &a[0], value, file, span)
}

/// `concatMap (x: map (c: { file = x.${file}; config = c; }) (pushDownProperties
/// x.${from})) list`: what [`push_defs`] and [`module_configs`] both build.
fn pushed_records(
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

/// `__sysnixMergeOptionDecls fallback loc decls`: `mergeOptionDecls` of `lib/modules.nix`
/// (a `foldl'` over the declarations); where the fallback throws (two declarations of one
/// default, example, description or apply; types that do not merge; an `options` that is
/// not a set), the fallback, for its message.
fn merge_option_decls(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    match merge_option_decls_here(ev, &mut a[1..], span)? {
        Value::Null => ev.call_many(a[0].clone(), &[a[1].clone(), a[2].clone()], span),
        merged => Ok(merged),
    }
}

/// [`merge_option_decls`] without its fallback: `null` where the fallback must run.
fn merge_option_decls_here(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let n = NAMES.with(|n| *n);
    let decls = ev.expect_list(&a[1], span)?;
    // The accumulator, as the fallback's: `{ inherit loc; declarations = [ ];
    // declarationPositions = [ ]; options = [ ]; }`, then `opt // acc // { ... }`.
    let mut acc: Rc<Attrs> = {
        let mut b = AttrsBuilder::with_capacity(4);
        b.insert(n.loc, a[0].clone());
        b.insert(n.declarations, Value::list(Vec::new()));
        b.insert(n.declaration_positions, Value::list(Vec::new()));
        b.insert(n.options, Value::list(Vec::new()));
        Rc::new(b.build())
    };
    for decl in decls.iter() {
        let d = ev.force(decl)?;
        let Value::Attrs(opt) = forced_attr(ev, &d, n.options, span)? else {
            return Ok(Value::Null);
        };
        let both = |k: Symbol| opt.get(k).is_some() && acc.get(k).is_some();
        if both(n.default) || both(n.example) || both(n.description) || both(n.apply) {
            return Ok(Value::Null);
        }
        let merged_type = if both(n.type_opt) {
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
        } else {
            None
        };
        let file = lazy_attr(&d, n.file_, span);
        let list_of = |v: Option<&Value>| match v {
            Some(Value::List(l)) => l.as_ref().clone(),
            _ => Vec::new(),
        };
        let mut declarations = list_of(acc.get(n.declarations));
        declarations.push(file.clone());
        let mut positions = list_of(acc.get(n.declaration_positions));
        positions.push(Value::Thunk(Thunk::apply(
            Value::PrimOp(&DECL_POSITION),
            d.clone(),
            span,
        )));
        let collect = Value::PrimOpApp(Rc::new(PrimOpApp {
            op: &COLLECT_SUBMODULES,
            args: vec![Value::Attrs(opt.clone()), file],
        }));
        let acc_options = acc
            .get(n.options)
            .cloned()
            .unwrap_or(Value::list(Vec::new()));
        let options = Value::Thunk(Thunk::apply(collect, acc_options, span));
        let mut b = AttrsBuilder::with_capacity(4);
        b.insert(n.declarations, Value::list(declarations));
        b.insert(n.declaration_positions, Value::list(positions));
        b.insert(n.options, options);
        if let Some(t) = merged_type {
            b.insert(n.type_opt, t);
        }
        acc = Rc::new(opt.update(&acc).update(&b.build()));
    }
    Ok(Value::Attrs(acc))
}

/// One entry of `declarationPositions`: `if decl.pos or null != null then decl.pos else
/// { file = decl._file; line = null; column = null; }`.
fn decl_position(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
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
fn collect_submodules(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let (type_sym, get_sub, file_sym, imports) =
        names(|n| (n.type_opt, n.get_sub_modules, n.file_, n.imports));
    // `opt.type.getSubModules or null`: null when any step is missing or not a set.
    let mut sub = Value::Null;
    if let Value::Attrs(opt) = &a[0]
        && let Some(t) = opt.get(type_sym)
        && let Value::Attrs(t) = ev.force(t)?
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

/// `(v._type or "") == "option"` of a forced value: `lib.isOption` for a set.
fn is_option(ev: &mut Eval, v: &Value) -> Result<bool> {
    let Value::Attrs(a) = v else {
        return Ok(false);
    };
    let Some(t) = a.get(names(|n| n.type_)) else {
        return Ok(false);
    };
    Ok(matches!(ev.force(t)?, Value::String(s) if s.as_str() == "option"))
}

/// `__sysnixOptionValues options`: the configuration of an option tree, as `evalModules`
/// computes it: `mapAttrsRecursiveCond (v: !isOption v) (_: opt: opt.value) options`.
fn option_values(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let set = ev.expect_attrs(&a[0], span)?;
    let items = set
        .iter()
        .map(|attr| {
            attr.with_value(Value::Thunk(Thunk::apply(
                Value::PrimOp(&OPTION_VALUE),
                attr.value.clone(),
                span,
            )))
        })
        .collect();
    Ok(Value::attrs(Attrs::from_sorted(items)))
}

/// One attribute of [`option_values`]: a nested tree is walked, an option gives its value.
fn option_value(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let v = ev.force(&a[0])?;
    if matches!(v, Value::Attrs(_)) && !is_option(ev, &v)? {
        return option_values(ev, &mut [v], span);
    }
    forced_attr(ev, &v, names(|n| n.value), span)
}

/// A thunk of `op` applied to `args` then `x`.
fn apply_op(op: &'static PrimOp, args: Vec<Value>, x: Value, span: Span) -> Value {
    let f = if args.is_empty() {
        Value::PrimOp(op)
    } else {
        Value::PrimOpApp(Rc::new(PrimOpApp { op, args }))
    };
    Value::Thunk(Thunk::apply(f, x, span))
}

/// `(fallback loc type defs).${name}`, forced: the Nix `mergeDefinitions`, for what the
/// native one hands over (ordered definitions, and the errors).
fn delegate(ev: &mut Eval, a: &[Value], name: Symbol, span: Span) -> Result<Value> {
    let r = ev.call_many(
        a[0].clone(),
        &[a[1].clone(), a[2].clone(), a[3].clone()],
        span,
    )?;
    forced_attr(ev, &r, name, span)
}

/// `__sysnixMergeDefinitions fallback loc type defs`: `mergeDefinitions` of
/// `lib/modules.nix` (`fallback` is its Nix version): `{ defsFinal', defsFinal,
/// mergedValue, isDefined, optionalValue }`, each computed when used. Definitions with an
/// order (mkBefore, mkAfter) and every error are handed to the fallback.
fn merge_definitions(_ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let n = NAMES.with(|n| *n);
    let shared = a.to_vec();
    let defs_final_ = apply_op(&DEFS_FINAL, shared[..3].to_vec(), a[3].clone(), span);
    let defs_final = select_thunk(defs_final_.clone(), n.values, span);
    let is_defined = apply_op(&IS_NONEMPTY, Vec::new(), defs_final.clone(), span);
    let merged = apply_op(&MERGED_VALUE, shared, defs_final.clone(), span);
    let optional = apply_op(
        &OPTIONAL_VALUE,
        vec![is_defined.clone()],
        merged.clone(),
        span,
    );
    let mut b = AttrsBuilder::with_capacity(5);
    b.insert(n.defs_final_, defs_final_);
    b.insert(n.defs_final, defs_final);
    b.insert(n.merged_value, merged);
    b.insert(n.is_defined, is_defined);
    b.insert(n.optional_value, optional);
    Ok(Value::attrs(b.build()))
}

/// `defsFinal'` of [`merge_definitions`]: arguments fallback, loc, type, defs.
fn defs_final(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let (values_sym, value_sym, df_sym) = names(|n| (n.values, n.value, n.defs_final_));
    let r = final_defs(ev, &mut [a[3].clone()], span)?;
    // `any (def: (def.value._type or "") == "order") values`: sorting is the fallback's.
    let values = forced_attr(ev, &r, values_sym, span)?;
    for def in ev.expect_list(&values, span)?.iter() {
        let d = ev.force(def)?;
        let v = forced_attr(ev, &d, value_sym, span)?;
        if prop_of(ev, &v)? == Prop::Order {
            return delegate(ev, a, df_sym, span);
        }
    }
    Ok(r)
}

/// `defsFinal != [ ]`.
fn is_nonempty(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    Ok(Value::Bool(!ev.expect_list(&a[0], span)?.is_empty()))
}

/// `mergedValue` of [`merge_definitions`]: arguments fallback, loc, type, defs, defsFinal.
/// `type.merge loc defsFinal` when every definition passes `type.check`; otherwise the
/// fallback's error ("is not of type", "accessed but has no value defined").
fn merged_value(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let n = NAMES.with(|n| *n);
    let defs = ev.expect_list(&a[4], span)?;
    if defs.is_empty() {
        return delegate(ev, a, n.merged_value, span);
    }
    // all (def: type.check def.value) defsFinal
    let ty = ev.force(&a[2])?;
    for def in defs.iter() {
        let check = forced_attr(ev, &ty, n.check, span)?;
        let d = ev.force(def)?;
        let v = lazy_attr(&d, n.value, span);
        let ok = ev.call_many(check, &[v], span)?;
        match ok {
            Value::Bool(true) => {}
            Value::Bool(false) => return delegate(ev, a, n.merged_value, span),
            other => {
                return Err(ev.error(
                    format!(
                        "value is {} while a Boolean was expected",
                        other.type_desc()
                    ),
                    span,
                ));
            }
        }
    }
    let merge = forced_attr(ev, &ty, n.merge, span)?;
    ev.call_many(merge, &[a[1].clone(), a[4].clone()], span)
}

/// `optionalValue`: `if isDefined then { value = mergedValue; } else { }`.
fn optional_value(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let defined = ev.force(&a[0])?;
    let defined = ev.expect_bool(&defined, span)?;
    let mut b = AttrsBuilder::with_capacity(1);
    if defined {
        b.insert(names(|n| n.value), a[1].clone());
    }
    Ok(Value::attrs(b.build()))
}

/// A thunk of `v.name`.
fn select_thunk(v: Value, name: Symbol, span: Span) -> Value {
    Value::Thunk(Thunk::from_state(ThunkState::Select(Box::new((
        v, name, span,
    )))))
}

/// `__sysnixEvalOptionValue mergeDefinitions showOption fallback loc opt defs`:
/// `evalOptionValue` of `lib/modules.nix` (`fallback` is its Nix version). The option is
/// completed with `value`, `highestPrio`, `definitions`, `files`,
/// `definitionsWithLocations`, `isDefined` and `__toString`, each computed when used.
/// A deprecated type (which warns) and a read-only option set more than once are handed
/// to the fallback, so those messages and warnings are its own; an error in the value
/// gets the fallback's "while evaluating the option" context here ([`option_value_of`]).
fn eval_option_value(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
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
    let res = apply_op(&OPTION_RES, a[..5].to_vec(), a[5].clone(), span);
    let defs_final = select_thunk(res.clone(), n.defs_final, span);
    let mut b = AttrsBuilder::with_capacity(7);
    b.insert(
        n.value,
        apply_op(
            &OPTION_VALUE_OF,
            vec![a[1].clone(), a[3].clone(), opt.clone(), a[5].clone()],
            res.clone(),
            span,
        ),
    );
    b.insert(
        n.highest_prio,
        select_thunk(
            select_thunk(res.clone(), n.defs_final_, span),
            n.highest_prio,
            span,
        ),
    );
    b.insert(
        n.definitions,
        apply_op(
            &MAP_ATTR,
            vec![Value::str("value")],
            defs_final.clone(),
            span,
        ),
    );
    b.insert(
        n.files,
        apply_op(
            &MAP_ATTR,
            vec![Value::str("file")],
            defs_final.clone(),
            span,
        ),
    );
    b.insert(n.definitions_with_locations, defs_final);
    b.insert(n.is_defined, select_thunk(res, n.is_defined, span));
    let shown = Value::Thunk(Thunk::apply(a[1].clone(), a[3].clone(), span));
    b.insert(
        n.to_string,
        Value::PrimOpApp(Rc::new(PrimOpApp {
            op: &CONST,
            args: vec![shown],
        })),
    );
    Ok(Value::Attrs(Rc::new(o.update(&b.build()))))
}

/// `res` of `evalOptionValue`: `mergeDefinitions loc opt.type withDefault`, where
/// `withDefault` puts `{ file = head opt.declarations; value = mkOptionDefault
/// opt.default; }` before the definitions when there is a default. Arguments:
/// mergeDefinitions, showOption, fallback, loc, opt, defs.
fn option_res(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let n = NAMES.with(|n| *n);
    let opt = ev.force(&a[4])?;
    let defs = ev.expect_list(&a[5], span)?;
    let mut with_default = Vec::with_capacity(defs.len() + 1);
    if let Value::Attrs(o) = &opt
        && let Some(d) = o.get(n.default)
    {
        let head = apply_op(
            &HEAD,
            Vec::new(),
            lazy_attr(&opt, n.declarations, span),
            span,
        );
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
fn option_value_of(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
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
fn map_attr(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let name = match &a[0] {
        Value::String(s) => Symbol::new(s.as_str()),
        _ => names(|n| n.value),
    };
    let list = ev.expect_list(&a[1], span)?;
    Ok(Value::list(
        list.iter()
            .map(|d| match d {
                Value::Attrs(_) => lazy_attr(d, name, span),
                _ => select_thunk(d.clone(), name, span),
            })
            .collect(),
    ))
}

/// `x: _: x` (for `__toString = _: showOption loc`).
fn const_(ev: &mut Eval, a: &mut [Value], _span: Span) -> Result<Value> {
    ev.force(&a[0])
}

/// `__sysnixMergeResults fns resultFor prefix rawDefs declsByName`: the `results` of
/// `mergeModules'`, `mapAttrs resultFor declsByName`, each computed when used. A name
/// whose declarations are all options (the common case) is done here: `{ matchedOptions
/// = evalOptionValue loc (fixupOptionType loc (mergeOptionDecls loc decls)) (rawDefs.${name}
/// or [ ]); unmatchedDefns = [ ]; }` with `loc = prefix ++ [ name ]`, the functions taken
/// from `fns`; anything else (nested option sets, submodule trees, errors) is
/// `resultFor name decls`, the Nix.
fn merge_results(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let decls = ev.expect_attrs(&a[4], span)?;
    let items = decls
        .iter()
        .map(|attr| {
            let args = vec![
                a[0].clone(),
                a[1].clone(),
                a[2].clone(),
                a[3].clone(),
                Value::str(attr.name.as_str()),
            ];
            attr.with_value(apply_op(&MERGE_RESULT, args, attr.value.clone(), span))
        })
        .collect();
    Ok(Value::attrs(Attrs::from_sorted(items)))
}

/// One name of [`merge_results`]. Arguments: fns, resultFor, prefix, rawDefs, name, decls.
fn merge_result(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
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
    let call2 = |f: &Value, x: &Value, y: Value| {
        Value::Thunk(Thunk::apply(
            Value::Thunk(Thunk::apply(f.clone(), x.clone(), span)),
            y,
            span,
        ))
    };
    let merged = call2(&merge_decls, &loc, a[5].clone());
    let fixed = call2(&fixup, &loc, merged);
    let defs_here = apply_op(&ATTR_OR_EMPTY, vec![a[4].clone()], a[3].clone(), span);
    let option = Value::Thunk(Thunk::apply(
        call2(&eval_value, &loc, fixed),
        defs_here,
        span,
    ));
    let mut b = AttrsBuilder::with_capacity(2);
    b.insert(n.matched_options, option);
    b.insert(n.unmatched_defns, Value::list(Vec::new()));
    Ok(Value::attrs(b.build()))
}

/// `set.${name} or [ ]`. Arguments: name, set.
fn attr_or_empty(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let name = ev.expect_string(&a[0], span)?;
    let set = ev.expect_attrs(&a[1], span)?;
    match set.get(Symbol::new(name.as_str())) {
        Some(v) => ev.force(v),
        None => Ok(Value::list(Vec::new())),
    }
}

/// `__sysnixSelectEach name set`: `mapAttrs (_: r: r.${name}) set`.
fn select_each(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let name = ev.expect_string(&a[0], span)?;
    let name = Symbol::new(name.as_str());
    let set = ev.expect_attrs(&a[1], span)?;
    let items = set
        .iter()
        .map(|attr| attr.with_value(select_thunk(attr.value.clone(), name, span)))
        .collect();
    Ok(Value::attrs(Attrs::from_sorted(items)))
}

/// `__sysnixModuleConfigs modules`: the definitions `mergeModules` passes on,
/// `concatMap (m: map (c: { file = m._file; config = c; }) (pushDownProperties m.config))
/// modules`.
fn module_configs(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let (file_, config) = names(|n| (n.file_, n.config));
    pushed_records(ev, &a[0], config, file_, span)
}

/// `__sysnixUnmatched unmatchedByName`: the `unmatchedDefns` of `mergeModules'`,
/// `concatLists (mapAttrsToList (name: defs: map (def: def // { prefix = [ name ] ++
/// (def.prefix or [ ]); }) defs) unmatchedByName)`.
fn unmatched(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let prefix_sym = names(|n| n.prefix);
    let set = ev.expect_attrs(&a[0], span)?;
    let mut out = Vec::new();
    for attr in set.iter() {
        let defs = ev.expect_list(&attr.value, span)?;
        for def in defs.iter() {
            let d = ev.expect_attrs(def, span)?;
            let mut prefix = vec![Value::str(attr.name.as_str())];
            if let Some(p) = d.get(prefix_sym) {
                prefix.extend(ev.expect_list(p, span)?.iter().cloned());
            }
            let mut b = AttrsBuilder::with_capacity(1);
            b.insert(prefix_sym, Value::list(prefix));
            out.push(Value::Attrs(Rc::new(d.update(&b.build()))));
        }
    }
    Ok(Value::list(out))
}

/// `__sysnixApplyModuleArgs fallback key f args`: `applyModuleArgs` of `lib/modules.nix`:
/// calls the function module `f` with `args` and every argument it names, each
/// `args.${name} or config._module.args.${name}` evaluated when used (with the
/// "while evaluating the module argument" context on errors). Anything but a lambda, or
/// `args` without `config`, goes to the fallback.
fn apply_module_args(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
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
                vec![a[1].clone(), args.clone()],
                Value::str(name.as_str()),
                span,
            );
            b.insert_at(*name, arg, *at);
        }
    }
    let full = Value::Attrs(Rc::new(set.update(&b.build())));
    ev.call_many(f, &[full], span)
}

/// One argument of [`apply_module_args`]. Arguments: key, args, name.
fn module_arg(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
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
fn unify_module_syntax(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
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
struct TreeNode {
    module: Value,
    imported: Vec<usize>,
}

/// What [`collect_modules`] works with: the Nix helpers of `collectModules` (for the
/// unusual cases and the errors) and the arguments.
struct Collect {
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
fn collect_modules(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
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
    let mut done = std::collections::HashSet::new();
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
fn collect_tree(
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
            vec![Value::Int(i as i64 + 1)],
            parent_key.clone(),
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
fn load_module(
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
            Some(t) => matches!(ev.force(t)?, Value::String(s) if s.as_str() == "module"),
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
fn anon_key(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let parent = ev.expect_string(&a[1], span)?;
    let n = match &a[0] {
        Value::Int(n) => *n,
        _ => 0,
    };
    Ok(Value::str(format!("{}:anon-{n}", parent.as_str())))
}

static ANON_KEY: PrimOp = PrimOp {
    name: "__sysnixAnonKey",
    arity: 2,
    func: anon_key,
};

/// `__sysnixFixupOptionType unspecified loc opt`: `fixupOptionType` of `lib/modules.nix`:
/// `opt // { type = opt.type or types.unspecified; }`, or for a submodule type
/// `opt // { type = opt.type.substSubModules opt.options; options = [ ]; }`.
fn fixup_option_type(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let n = NAMES.with(|n| *n);
    let opt = ev.expect_attrs(&a[2], span)?;
    // (opt.type.getSubModules or null) == null
    let mut sub = Value::Null;
    if let Some(t) = opt.get(n.type_opt)
        && let Value::Attrs(t) = ev.force(t)?
        && let Some(g) = t.get(n.get_sub_modules)
    {
        sub = ev.force(g)?;
    }
    let mut b = AttrsBuilder::with_capacity(2);
    if matches!(sub, Value::Null) {
        b.insert(
            n.type_opt,
            opt.get(n.type_opt).cloned().unwrap_or_else(|| a[0].clone()),
        );
    } else {
        let ty = opt.get(n.type_opt).cloned().unwrap_or(Value::Null);
        let subst = select_thunk(ty, n.subst_sub_modules, span);
        let options = lazy_attr(&a[2], n.options, span);
        b.insert(n.type_opt, Value::Thunk(Thunk::apply(subst, options, span)));
        b.insert(n.options, Value::list(Vec::new()));
    }
    Ok(Value::Attrs(Rc::new(opt.update(&b.build()))))
}

/// `__sysnixMkOption attrs`: `mkOption` of `lib/options.nix`, `attrs // { _type = "option"; }`.
fn mk_option(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let set = ev.expect_attrs(&a[0], span)?;
    let mut b = AttrsBuilder::with_capacity(1);
    b.insert(names(|n| n.type_), Value::str("option"));
    Ok(Value::Attrs(Rc::new(set.update(&b.build()))))
}

/// `__sysnixReverseList xs`: `reverseList` of `lib/lists.nix` (the same elements,
/// unevaluated, in reverse order).
fn reverse_list(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let list = ev.expect_list(&a[0], span)?;
    Ok(Value::list(list.iter().rev().cloned().collect()))
}

/// `__sysnixMergeAttrsOf mergeDefinitions elemType lazy loc defs`: the `merge` of
/// `types.attrsWith` (`attrsOf`, `lazyAttrsOf`): definitions split per attribute
/// (`splitAttrDefs`), each attribute merged by `mergeDefinitions (loc ++ [ name ])
/// elemType`. Strict: attributes left without a definition (all under a false `mkIf`)
/// are dropped, which evaluates every attribute's definitions, in name order, as the
/// fallback's `filterAttrs` does. Lazy: every attribute stays, each merged when read
/// (`optionalValue.value or elemType.emptyValue.value or mergedValue`).
fn merge_attrs_of(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
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
    let loc_of = |name: Symbol| {
        let mut l = loc.as_ref().clone();
        l.push(Value::str(name.as_str()));
        Value::list(l)
    };
    let mut items = Vec::with_capacity(grouped.len());
    for (name, defs) in grouped {
        if lazy {
            let v = apply_op(
                &LAZY_ATTR_VALUE,
                vec![a[0].clone(), a[1].clone(), loc_of(name)],
                Value::list(defs),
                span,
            );
            items.push(Attr::new(name, v, None));
        } else {
            // (mergeDefinitions (loc ++ [ name ]) elemType defs').optionalValue, kept
            // when it has a value.
            let merged = ev.call_many(
                a[0].clone(),
                &[loc_of(name), a[1].clone(), Value::list(defs)],
                span,
            )?;
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
fn lazy_attr_value(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
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
    if let Value::Attrs(t) = ev.force(&a[1])?
        && let Some(e) = t.get(n.empty_value)
        && let Value::Attrs(e) = ev.force(e)?
        && let Some(v) = e.get(n.value)
    {
        return ev.force(v);
    }
    forced_attr(ev, &merged, n.merged_value, span)
}

static LAZY_ATTR_VALUE: PrimOp = PrimOp {
    name: "__sysnixLazyAttrValue",
    arity: 4,
    func: lazy_attr_value,
};

static MODULE_ARG: PrimOp = PrimOp {
    name: "__sysnixModuleArg",
    arity: 3,
    func: module_arg,
};

static MERGE_RESULT: PrimOp = PrimOp {
    name: "__sysnixMergeResult",
    arity: 6,
    func: merge_result,
};

static ATTR_OR_EMPTY: PrimOp = PrimOp {
    name: "__sysnixAttrOrEmpty",
    arity: 2,
    func: attr_or_empty,
};

static OPTION_RES: PrimOp = PrimOp {
    name: "__sysnixOptionRes",
    arity: 6,
    func: option_res,
};

static OPTION_VALUE_OF: PrimOp = PrimOp {
    name: "__sysnixOptionValueOf",
    arity: 5,
    func: option_value_of,
};

static MAP_ATTR: PrimOp = PrimOp {
    name: "__sysnixMapAttr",
    arity: 2,
    func: map_attr,
};

static CONST: PrimOp = PrimOp {
    name: "__sysnixConst",
    arity: 2,
    func: const_,
};

/// `builtins.head`, for the default's `head opt.declarations`.
static HEAD: PrimOp = PrimOp {
    name: "head",
    arity: 1,
    func: super::lists::head,
};

/// `builtins.toString`, for a module's `_file` and `key`.
static TO_STRING: PrimOp = PrimOp {
    name: "toString",
    arity: 1,
    func: super::strings::to_string,
};

static DEFS_FINAL: PrimOp = PrimOp {
    name: "__sysnixDefsFinal",
    arity: 4,
    func: defs_final,
};

static IS_NONEMPTY: PrimOp = PrimOp {
    name: "__sysnixIsNonEmpty",
    arity: 1,
    func: is_nonempty,
};

static MERGED_VALUE: PrimOp = PrimOp {
    name: "__sysnixMergedValue",
    arity: 5,
    func: merged_value,
};

static OPTIONAL_VALUE: PrimOp = PrimOp {
    name: "__sysnixOptionalValue",
    arity: 2,
    func: optional_value,
};

static OPTION_VALUE: PrimOp = PrimOp {
    name: "__sysnixOptionValue",
    arity: 1,
    func: option_value,
};

static DECL_POSITION: PrimOp = PrimOp {
    name: "__sysnixDeclPosition",
    arity: 1,
    func: decl_position,
};

static COLLECT_SUBMODULES: PrimOp = PrimOp {
    name: "__sysnixCollectSubmodules",
    arity: 3,
    func: collect_submodules,
};

static ATTR_POS: PrimOp = PrimOp {
    name: "unsafeGetAttrPos",
    arity: 2,
    func: super::control::unsafe_get_attr_pos,
};

static PUSH_DEFS: PrimOp = PrimOp {
    name: "__sysnixPushDefs",
    arity: 1,
    func: push_defs,
};

static WRAP_ATTRS: PrimOp = PrimOp {
    name: "__sysnixWrapAttrs",
    arity: 3,
    func: wrap_attrs,
};

/// Installed into `builtins` always (sysnix's `lib` looks for them; C++ Nix has none).
pub static PRIMOPS: &[PrimOp] = &[
    PrimOp {
        name: "__sysnixPushDownProperties",
        arity: 1,
        func: push_down_properties,
    },
    PrimOp {
        name: "__sysnixDischargeProperties",
        arity: 1,
        func: discharge_properties,
    },
    PrimOp {
        name: "__sysnixDeclsByName",
        arity: 1,
        func: decls_by_name,
    },
    PrimOp {
        name: "__sysnixRawDefs",
        arity: 1,
        func: raw_defs,
    },
    PrimOp {
        name: "__sysnixPushedDefs",
        arity: 1,
        func: pushed_defs,
    },
    PrimOp {
        name: "__sysnixMergeOptionDecls",
        arity: 3,
        func: merge_option_decls,
    },
    PrimOp {
        name: "__sysnixOptionValues",
        arity: 1,
        func: option_values,
    },
    PrimOp {
        name: "__sysnixMergeDefinitions",
        arity: 4,
        func: merge_definitions,
    },
    PrimOp {
        name: "__sysnixEvalOptionValue",
        arity: 6,
        func: eval_option_value,
    },
    PrimOp {
        name: "__sysnixMergeResults",
        arity: 5,
        func: merge_results,
    },
    PrimOp {
        name: "__sysnixSelectEach",
        arity: 2,
        func: select_each,
    },
    PrimOp {
        name: "__sysnixModuleConfigs",
        arity: 1,
        func: module_configs,
    },
    PrimOp {
        name: "__sysnixUnmatched",
        arity: 1,
        func: unmatched,
    },
    PrimOp {
        name: "__sysnixApplyModuleArgs",
        arity: 4,
        func: apply_module_args,
    },
    PrimOp {
        name: "__sysnixUnifyModuleSyntax",
        arity: 4,
        func: unify_module_syntax,
    },
    PrimOp {
        name: "__sysnixCollectModules",
        arity: 3,
        func: collect_modules,
    },
    PrimOp {
        name: "__sysnixFixupOptionType",
        arity: 3,
        func: fixup_option_type,
    },
    PrimOp {
        name: "__sysnixMkOption",
        arity: 1,
        func: mk_option,
    },
    PrimOp {
        name: "__sysnixReverseList",
        arity: 1,
        func: reverse_list,
    },
    PrimOp {
        name: "__sysnixMergeAttrsOf",
        arity: 5,
        func: merge_attrs_of,
    },
    PrimOp {
        name: "__sysnixFinalDefs",
        arity: 1,
        func: final_defs,
    },
];
