//! A call-count profile of the Nix code being evaluated, for finding what to speed up:
//! with `SYSNIX_PROFILE_CALLS=N` in the environment, the evaluator counts every lambda
//! call (by the lambda's position) and every builtin called through `call_many`, and
//! prints the N most called of each to stderr when it is dropped. Off, it costs one
//! branch per call.

use super::Eval;
use crate::source::Span;
use std::collections::HashMap;

#[derive(Default)]
pub struct CallProfile {
    top: usize,
    lambdas: HashMap<(u32, u32), u64>,
    primops: HashMap<&'static str, u64>,
}

impl CallProfile {
    /// A profile when `SYSNIX_PROFILE_CALLS` is set (its value: how many rows to print,
    /// 40 when it is not a number).
    pub fn from_env() -> Option<Box<CallProfile>> {
        let v = std::env::var("SYSNIX_PROFILE_CALLS").ok()?;
        Some(Box::new(CallProfile {
            top: v.trim().parse().unwrap_or(40),
            ..Default::default()
        }))
    }

    pub fn lambda(&mut self, span: Span) {
        *self.lambdas.entry((span.file, span.start)).or_default() += 1;
    }

    pub fn primop(&mut self, name: &'static str) {
        *self.primops.entry(name).or_default() += 1;
    }

    /// Prints the totals and the most called lambdas and builtins.
    pub fn report(&self, ev: &Eval) {
        let total: u64 = self.lambdas.values().sum();
        let total_prim: u64 = self.primops.values().sum();
        eprintln!("sysnix: call profile: {total} lambda calls, {total_prim} builtin calls");
        let mut lambdas: Vec<_> = self.lambdas.iter().collect();
        lambdas.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (&(file, start), n) in lambdas.into_iter().take(self.top) {
            let at = ev.pos_text(Span {
                file,
                start,
                end: start,
            });
            eprintln!("{n:>12} {at}");
        }
        let mut primops: Vec<_> = self.primops.iter().collect();
        primops.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (name, n) in primops.into_iter().take(self.top) {
            eprintln!("{n:>12} builtins.{name}");
        }
    }
}
