//! The attribute-set family: attrNames, getAttr, listToAttrs, mapAttrs, zipAttrsWith, ...

use crate::error::Result;
use crate::eval::Eval;
use crate::source::Span;
use crate::symbol::Symbol;
use crate::value::{Attr, Attrs, PrimOp, Thunk, Value};

fn attr_names(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let set = ev.expect_attrs(&a[0], span)?;
    Ok(Value::list(
        set.iter().map(|a| ev.name_value(a.name)).collect(),
    ))
}

fn attr_values(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let set = ev.expect_attrs(&a[0], span)?;
    Ok(Value::list(set.iter().map(|a| a.value.clone()).collect()))
}

fn get_attr(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let name = super::context::expect_string_no_ctx(ev, &a[0], span)?;
    let set = ev.expect_attrs(&a[1], span)?;
    match set.get_attr_text(name.as_str()).map(|a| a.value.clone()) {
        Some(v) => ev.force(&v),
        None => Err(ev.error(
            format!(
                "attribute '{}' missing for call to 'getAttr'",
                name.as_str()
            ),
            set.pos.unwrap_or(span),
        )),
    }
}

fn has_attr(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let name = super::context::expect_string_no_ctx(ev, &a[0], span)?;
    let set = ev.expect_attrs(&a[1], span)?;
    Ok(Value::Bool(set.get_attr_text(name.as_str()).is_some()))
}

fn remove_attrs(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let set = ev.expect_attrs(&a[0], span)?;
    let names = ev.expect_list(&a[1], span)?;
    let mut remove = Vec::with_capacity(names.len());
    for n in names.iter() {
        remove.push(Symbol::new(
            super::context::expect_string_no_ctx(ev, n, span)?.as_str(),
        ));
    }
    if remove.len() <= 8 {
        let kept: Vec<Attr> = set
            .iter()
            .filter(|a| !remove.contains(&a.name))
            .cloned()
            .collect();
        return Ok(Value::attrs(Attrs::from_sorted(kept)));
    }
    // Many names (`removeAttrs set (attrNames other)`): a merge of two sorted lists
    // instead of a search of the whole list per attribute.
    remove.sort_unstable();
    let mut kept = Vec::with_capacity(set.len().saturating_sub(remove.len()));
    let mut r = remove.iter().peekable();
    for a in set.iter() {
        while r.next_if(|n| **n < a.name).is_some() {}
        if r.peek() != Some(&&a.name) {
            kept.push(a.clone());
        }
    }
    Ok(Value::attrs(Attrs::from_sorted(kept)))
}

fn list_to_attrs(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let list = ev.expect_list(&a[0], span)?;
    let mut items = Vec::with_capacity(list.len());
    let (name_sym, value_sym) = (ev.syms.name, ev.syms.value);
    for item in list.iter() {
        let set = ev.expect_attrs(item, span)?;
        let Some(name) = set.get(name_sym).cloned() else {
            return Err(ev.error(
                "attribute 'name' missing for call to 'listToAttrs'",
                set.pos.unwrap_or(span),
            ));
        };
        let name = super::context::expect_string_no_ctx(ev, &name, span)?;
        let Some(value) = set.get(value_sym).cloned() else {
            return Err(ev.error(
                "attribute 'value' missing for call to 'listToAttrs'",
                set.pos.unwrap_or(span),
            ));
        };
        let span = set.get_attr(value_sym).and_then(|a| a.span());
        items.push(Attr::new(Symbol::new(name.as_str()), value, span));
    }
    // The first occurrence of a name wins.
    Ok(Value::attrs(Attrs::from_unsorted(items, true)))
}

fn intersect_attrs(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let x = ev.expect_attrs(&a[0], span)?;
    let y = ev.expect_attrs(&a[1], span)?;
    let kept: Vec<Attr> = y
        .iter()
        .filter(|a| x.get(a.name).is_some())
        .cloned()
        .collect();
    Ok(Value::attrs(Attrs::from_sorted(kept)))
}

fn cat_attrs(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let name = Symbol::new(super::context::expect_string_no_ctx(ev, &a[0], span)?.as_str());
    let list = ev.expect_list(&a[1], span)?;
    let mut out = Vec::new();
    for item in list.iter() {
        let set = ev.expect_attrs(item, span)?;
        if let Some(v) = set.get(name) {
            out.push(v.clone());
        }
    }
    Ok(Value::list(out))
}

fn map_attrs(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let f = a[0].clone();
    let set = ev.expect_attrs(&a[1], span)?;
    let items = set
        .iter()
        .map(|attr| {
            // Without the position of the attribute it comes from, as Nix
            // (`unsafeGetAttrPos` gives null, a trace frame no position).
            Attr::new(
                attr.name,
                Value::Thunk(Thunk::apply2(
                    f.clone(),
                    ev.name_value(attr.name),
                    attr.value.clone(),
                    span,
                )),
                None,
            )
        })
        .collect();
    Ok(Value::attrs(Attrs::from_sorted(items)))
}

fn zip_attrs_with(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let f = ev.expect_function(&a[0], span)?;
    let list = ev.expect_list(&a[1], span)?;
    let mut groups = NameGroups::default();
    for item in list.iter() {
        let set = ev.expect_attrs(item, span)?;
        for attr in set.iter() {
            groups.push(attr.name, attr.value.clone());
        }
    }
    let groups = groups.into_sorted();
    let items = groups
        .into_iter()
        .map(|(name, values)| {
            Attr::new(
                name,
                Value::Thunk(Thunk::apply2(
                    f.clone(),
                    ev.name_value(name),
                    Value::list(values),
                    span,
                )),
                None,
            )
        })
        .collect();
    Ok(Value::attrs(Attrs::from_sorted(items)))
}

/// Values grouped by attribute name, each group in the order its values came
/// (`zipAttrsWith` and the module system's grouping by name). A group is found by a scan
/// while there are few, then by a hash of the symbol; the groups are sorted by name once,
/// at the end (a sorted map compared names on every insertion: −19% instructions on
/// `zipAttrsWith` over 50 000 sets).
#[derive(Default)]
pub(crate) struct NameGroups {
    index: rustc_hash::FxHashMap<Symbol, usize>,
    groups: Vec<(Symbol, Vec<Value>)>,
}

impl NameGroups {
    const SCAN: usize = 8;

    pub(crate) fn push(&mut self, name: Symbol, value: Value) {
        let found = if self.groups.len() <= Self::SCAN {
            self.groups.iter().position(|g| g.0 == name)
        } else {
            if self.index.is_empty() {
                let index = self.groups.iter().enumerate().map(|(i, g)| (g.0, i));
                self.index.extend(index);
            }
            self.index.get(&name).copied()
        };
        match found {
            Some(i) => self.groups[i].1.push(value),
            None => {
                if !self.index.is_empty() {
                    self.index.insert(name, self.groups.len());
                }
                self.groups.push((name, vec![value]));
            }
        }
    }

    /// The groups, sorted by name.
    pub(crate) fn into_sorted(mut self) -> Vec<(Symbol, Vec<Value>)> {
        self.groups.sort_unstable_by_key(|g| g.0);
        self.groups
    }
}

pub static PRIMOPS: &[PrimOp] = &[
    PrimOp {
        name: "attrNames",
        arity: 1,
        func: attr_names,
        eager: None,
    },
    PrimOp {
        name: "attrValues",
        arity: 1,
        func: attr_values,
        eager: None,
    },
    PrimOp {
        name: "getAttr",
        arity: 2,
        func: get_attr,
        eager: None,
    },
    PrimOp {
        name: "hasAttr",
        arity: 2,
        func: has_attr,
        eager: None,
    },
    PrimOp {
        name: "removeAttrs",
        arity: 2,
        func: remove_attrs,
        eager: None,
    },
    PrimOp {
        name: "listToAttrs",
        arity: 1,
        func: list_to_attrs,
        eager: None,
    },
    PrimOp {
        name: "intersectAttrs",
        arity: 2,
        func: intersect_attrs,
        eager: None,
    },
    PrimOp {
        name: "catAttrs",
        arity: 2,
        func: cat_attrs,
        eager: None,
    },
    PrimOp {
        name: "mapAttrs",
        arity: 2,
        func: map_attrs,
        eager: None,
    },
    PrimOp {
        name: "zipAttrsWith",
        arity: 2,
        func: zip_attrs_with,
        eager: None,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Grouping by name agrees with a sorted map, for few names (found by a scan) and
    /// many (by the hash made when the ninth name comes), each group in input order.
    #[test]
    fn name_groups_agree_with_a_sorted_map() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        for round in 0..200 {
            let names = 1 + next(if round % 2 == 0 { 8 } else { 300 });
            let mut groups = NameGroups::default();
            let mut model: std::collections::BTreeMap<String, Vec<i64>> = Default::default();
            for i in 0..next(600) as i64 {
                let name = format!("n{}", next(names));
                groups.push(Symbol::new(&name), Value::Int(i));
                model.entry(name).or_default().push(i);
            }
            let got: Vec<(String, Vec<i64>)> = groups
                .into_sorted()
                .into_iter()
                .map(|(n, vs)| {
                    let vs = vs
                        .iter()
                        .map(|v| match v {
                            Value::Int(i) => *i,
                            _ => unreachable!("only integers were pushed"),
                        })
                        .collect();
                    (n.as_str().to_string(), vs)
                })
                .collect();
            let want: Vec<(String, Vec<i64>)> = model.into_iter().collect();
            assert_eq!(got, want, "round {round}");
        }
    }
}
