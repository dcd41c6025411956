//! The walk of a collection: trial deletion over the graph the young thunks reach
//! (the method is described in the parent module). [`Node::edges`] is the one place
//! that knows which fields of a value hold other nodes.

use super::super::attrs::Layout;
use super::super::cell::{Counts, ThunkBox};
use super::super::shared::SharedBox;
use super::super::thunk::EnvHeader;
use super::super::{Attr, Attrs, Closure, Env, PrimOpApp, Shared, ThunkPtr, ThunkState, Value};

/// A node of the heap graph: an allocation holding values (a thunk's, a scope's, or a
/// [`Shared`] one: a set, a big set's chunk, a list, a closure, a partial application).
#[derive(Clone, Copy)]
enum Node {
    Thunk(*const ThunkBox),
    Env(*const EnvHeader),
    Attrs(*const SharedBox<Attrs>),
    /// A chunk of a big set, shared by the sets `//` made from it.
    Chunk(*const SharedBox<Vec<Attr>>),
    List(*const SharedBox<Vec<Value>>),
    Closure(*const SharedBox<Closure>),
    App(*const SharedBox<PrimOpApp>),
}

// The collector's per-node scratch counter is the high half of the allocation's count
// word (`Counts`), which every kind of node starts with. So a node needs no side table,
// and the walk touches only the nodes themselves.
impl Node {
    #[inline]
    fn counts(self) -> *const Counts {
        // SAFETY (of the dereferences by the callers): nodes are alive while walked.
        match self {
            Node::Thunk(p) => unsafe { &raw const (*p).counts },
            Node::Env(p) => unsafe { &raw const (*p).counts },
            Node::Attrs(p) => unsafe { &raw const (*p).counts },
            Node::Chunk(p) => unsafe { &raw const (*p).counts },
            Node::List(p) => unsafe { &raw const (*p).counts },
            Node::Closure(p) => unsafe { &raw const (*p).counts },
            Node::App(p) => unsafe { &raw const (*p).counts },
        }
    }

    #[inline]
    unsafe fn weak(self) -> usize {
        unsafe { (*self.counts()).mark() }
    }

    #[inline]
    unsafe fn strong(self) -> usize {
        unsafe { (*self.counts()).strong() }
    }

    #[inline]
    unsafe fn weak_add(self) {
        unsafe { (*self.counts()).mark_add(1) }
    }

    #[inline]
    unsafe fn weak_sub(self, n: usize) {
        unsafe { (*self.counts()).mark_sub(n) }
    }

    /// The scratch count a node of the graph has when the walk has not counted anything
    /// for it: thunks carry the collector's mark.
    #[inline]
    fn base(self) -> usize {
        match self {
            Node::Thunk(_) => 1,
            _ => 0,
        }
    }

    /// Calls `f` with each node this one holds a strong reference to. Returns false
    /// when the node cannot be inspected now (a thunk borrowed mutably), in which case
    /// its references count as coming from outside.
    ///
    /// Safety: the node must be alive; the collector only walks nodes reachable from
    /// live thunks while no evaluation runs, so nothing is freed meanwhile.
    unsafe fn edges(self, f: &mut impl FnMut(Node)) -> bool {
        match self {
            Node::Thunk(p) => {
                let Ok(state) = (unsafe { &*p }).cell.try_borrow() else {
                    return false;
                };
                match &*state {
                    ThunkState::Suspended(_, env) | ThunkState::Body(_, env) => {
                        f(Node::Env(env.as_ptr()))
                    }
                    ThunkState::Apply(app) => {
                        value_edge(&app.0, f);
                        value_edge(&app.1, f);
                    }
                    ThunkState::Apply2(app) => {
                        value_edge(&app.0, f);
                        value_edge(&app.1, f);
                        value_edge(&app.2, f);
                    }
                    ThunkState::Select(sel) => value_edge(&sel.0, f),
                    ThunkState::Native(call) => {
                        for v in call.args.iter() {
                            value_edge(v, f);
                        }
                    }
                    // The function is held once, by an `Rc` all such thunks share, not once
                    // per thunk: reporting it from each would count more references to it
                    // than it has. Not reported, it counts as held from outside (sound; the
                    // package set these thunks make lives as long as the evaluation).
                    ThunkState::ApplyName(..) => {}
                    ThunkState::Blackhole(_) => {}
                    ThunkState::Done(v) => value_edge(v, f),
                }
            }
            Node::Env(p) => {
                let env = unsafe { Env::borrow_raw(&p) };
                for slot in env.slots().iter() {
                    if let Some(v) = slot.get() {
                        value_edge(v, f);
                    }
                }
                if let Some(parent) = env.parent() {
                    f(Node::Env(parent.as_ptr()));
                }
            }
            Node::Attrs(p) => match unsafe { &(*p).value }.layout() {
                Layout::Flat(items) => {
                    for a in items {
                        value_edge(&a.value, f);
                    }
                }
                Layout::Chunked(parts) => {
                    for part in parts {
                        f(Node::Chunk(Shared::box_ptr(part)));
                    }
                }
            },
            Node::Chunk(p) => {
                for a in unsafe { &(*p).value }.iter() {
                    value_edge(&a.value, f);
                }
            }
            Node::List(p) => {
                for v in unsafe { &(*p).value }.iter() {
                    value_edge(v, f);
                }
            }
            Node::Closure(p) => f(Node::Env(unsafe { &(*p).value }.env.as_ptr())),
            Node::App(p) => {
                for v in unsafe { &(*p).value }.args.iter() {
                    value_edge(v, f);
                }
            }
        }
        true
    }
}

#[inline(always)]
fn value_edge(v: &Value, f: &mut impl FnMut(Node)) {
    match v {
        Value::Thunk(t) => f(Node::Thunk(t.0.as_ptr())),
        Value::Attrs(a) => f(Node::Attrs(Shared::box_ptr(a))),
        Value::List(l) => f(Node::List(Shared::box_ptr(l))),
        Value::Lambda(c) => f(Node::Closure(Shared::box_ptr(c))),
        Value::PrimOpApp(p) => f(Node::App(Shared::box_ptr(p))),
        Value::Null
        | Value::Bool(_)
        | Value::Int(_)
        | Value::Float(_)
        | Value::String(_)
        | Value::Path(_)
        | Value::PrimOp(_) => {}
    }
}

/// Trial deletion over the graph of the live thunks among `registered` and what they
/// reach, stopping at other thunks (made before the last collection): references
/// from those count as coming from outside, which is sound for any part of the heap,
/// and bounds the walk by what the young thunks reach without passing through an old
/// one. Returns the number of nodes walked and the garbage thunks.
///
/// Safety: no evaluation may run meanwhile (nothing is freed or mutated).
pub(super) unsafe fn find_garbage(registered: &[*const ThunkBox]) -> (usize, Vec<ThunkPtr>) {
    // The graph's thunks get a mark (a weak reference): an edge to a thunk without it
    // leaves the graph.
    let mut nodes: Vec<Node> = Vec::with_capacity(registered.len() * 2);
    for &p in registered {
        if !p.is_null() {
            let node = Node::Thunk(p);
            unsafe { node.weak_add() };
            nodes.push(node);
        }
    }
    let in_graph = |n: Node| match n {
        Node::Thunk(_) => (unsafe { n.weak() }) >= 1,
        _ => true,
    };
    // 1. Count each node's references from inside the graph.
    let mut opaque: Vec<Node> = Vec::new();
    let mut i = 0;
    while i < nodes.len() {
        let node = nodes[i];
        i += 1;
        let seen = unsafe {
            node.edges(&mut |child| {
                if !in_graph(child) {
                    return;
                }
                if !matches!(child, Node::Thunk(_)) && child.weak() == 0 {
                    nodes.push(child);
                }
                child.weak_add();
            })
        };
        if !seen {
            opaque.push(node);
        }
    }
    // 2. A node with more references than the graph accounts for is held from outside:
    // it and all it reaches are live. Live nodes go back to their base count.
    let mut work: Vec<Node> = nodes
        .iter()
        .copied()
        .filter(|&n| unsafe { n.strong() > n.weak() - n.base() })
        .chain(opaque)
        .collect();
    for &n in &work {
        unsafe { n.weak_sub(n.weak() - n.base()) };
    }
    while let Some(node) = work.pop() {
        unsafe {
            node.edges(&mut |child| {
                if in_graph(child) && child.weak() > child.base() {
                    child.weak_sub(child.weak() - child.base());
                    work.push(child);
                }
            })
        };
    }
    // 3. The rest is reachable only from garbage. Restore every count, and hold the
    // garbage thunks so that they can be reset.
    let mut garbage = Vec::new();
    for &n in &nodes {
        unsafe {
            let extra = n.weak() - n.base();
            if extra > 0 {
                n.weak_sub(extra);
                if let Node::Thunk(p) = n {
                    garbage.push(ThunkPtr::from_ptr(p));
                }
            }
            if let Node::Thunk(_) = n {
                n.weak_sub(1);
            }
        }
    }
    (nodes.len(), garbage)
}
