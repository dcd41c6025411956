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
//!
//! By concept: `collect.rs` loads modules, `grouping.rs` groups by attribute name,
//! `options.rs` completes options, `properties.rs` resolves `mkIf`/`mkMerge`/`mkOverride`
//! and merges definitions; this file holds the shared helpers and the table.

use crate::error::{ErrorKind, EvalError, Result};
use crate::eval::Eval;
use crate::source::Span;
use crate::symbol::Symbol;
use crate::value::{Attr, Attrs, AttrsBuilder, PrimOp, PrimOpApp, Thunk, ThunkState, Value};

mod collect;
mod grouping;
mod options;
mod properties;

use collect::*;
use grouping::*;
use options::*;
use properties::*;

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
    Ok(match &ev.force(t)? {
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

/// `mapAttrs (_: v: f v) set` with `f` given the attribute: positions kept, as
/// `builtins.mapAttrs` keeps them.
fn map_values(set: &Attrs, f: impl FnMut(&Attr) -> Value) -> Value {
    let mut f = f;
    let items = set.iter().map(|attr| attr.with_value(f(attr))).collect();
    Value::attrs(Attrs::from_sorted(items))
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

/// `{ file; value; }`.
fn file_value(file: Value, value: Value) -> Value {
    let (f, v) = names(|n| (n.file, n.value));
    let mut b = AttrsBuilder::with_capacity(2);
    b.insert(f, file);
    b.insert(v, value);
    Value::attrs(b.build())
}

/// `(v._type or "") == "option"` of a forced value: `lib.isOption` for a set.
fn is_option(ev: &mut Eval, v: &Value) -> Result<bool> {
    let Value::Attrs(a) = v else {
        return Ok(false);
    };
    let Some(t) = a.get(names(|n| n.type_)) else {
        return Ok(false);
    };
    Ok(matches!(&ev.force(t)?, Value::String(s) if s.as_str() == "option"))
}

/// A thunk of `op` applied to `args` (all of them: `N` is its arity).
#[inline]
fn apply_op<const N: usize>(op: &'static PrimOp, args: [Value; N], span: Span) -> Value {
    Value::Thunk(Thunk::native(op, args, span))
}

/// A thunk of `v.name`.
fn select_thunk(v: Value, name: Symbol, span: Span) -> Value {
    Value::Thunk(Thunk::from_state(ThunkState::Select(Box::new((
        v, name, span,
    )))))
}

/// `__sysnixReverseList xs`: `reverseList` of `lib/lists.nix` (the same elements,
/// unevaluated, in reverse order).
fn reverse_list(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let list = ev.expect_list(&a[0], span)?;
    Ok(Value::list(list.iter().rev().cloned().collect()))
}

/// Installed into `builtins` always (sysnix's `lib` looks for them; C++ Nix has none).
pub static PRIMOPS: &[PrimOp] = &[
    PrimOp {
        name: "__sysnixPushDownProperties",
        arity: 1,
        func: push_down_properties,
        eager: None,
    },
    PrimOp {
        name: "__sysnixDischargeProperties",
        arity: 1,
        func: discharge_properties,
        eager: None,
    },
    PrimOp {
        name: "__sysnixDeclsByName",
        arity: 1,
        func: decls_by_name,
        eager: None,
    },
    PrimOp {
        name: "__sysnixRawDefs",
        arity: 1,
        func: raw_defs,
        eager: None,
    },
    PrimOp {
        name: "__sysnixPushedDefs",
        arity: 1,
        func: pushed_defs,
        eager: None,
    },
    PrimOp {
        name: "__sysnixMergeOptionDecls",
        arity: 3,
        func: merge_option_decls,
        eager: None,
    },
    PrimOp {
        name: "__sysnixOptionValues",
        arity: 1,
        func: option_values,
        eager: None,
    },
    PrimOp {
        name: "__sysnixMergeDefinitions",
        arity: 4,
        func: merge_definitions,
        eager: None,
    },
    PrimOp {
        name: "__sysnixEvalOptionValue",
        arity: 6,
        func: eval_option_value,
        eager: None,
    },
    PrimOp {
        name: "__sysnixMergeResults",
        arity: 5,
        func: merge_results,
        eager: None,
    },
    PrimOp {
        name: "__sysnixSelectEach",
        arity: 2,
        func: select_each,
        eager: None,
    },
    PrimOp {
        name: "__sysnixModuleConfigs",
        arity: 1,
        func: module_configs,
        eager: None,
    },
    PrimOp {
        name: "__sysnixUnmatched",
        arity: 2,
        func: unmatched,
        eager: None,
    },
    PrimOp {
        name: "__sysnixApplyModuleArgs",
        arity: 4,
        func: apply_module_args,
        eager: None,
    },
    PrimOp {
        name: "__sysnixUnifyModuleSyntax",
        arity: 4,
        func: unify_module_syntax,
        eager: None,
    },
    PrimOp {
        name: "__sysnixCollectModules",
        arity: 3,
        func: collect_modules,
        eager: None,
    },
    PrimOp {
        name: "__sysnixFixupOptionType",
        arity: 3,
        func: fixup_option_type,
        eager: None,
    },
    PrimOp {
        name: "__sysnixMkOption",
        arity: 1,
        func: mk_option,
        eager: None,
    },
    PrimOp {
        name: "__sysnixReverseList",
        arity: 1,
        func: reverse_list,
        eager: None,
    },
    PrimOp {
        name: "__sysnixMergeAttrsOf",
        arity: 5,
        func: merge_attrs_of,
        eager: None,
    },
    PrimOp {
        name: "__sysnixFinalDefs",
        arity: 1,
        func: final_defs,
        eager: None,
    },
];
