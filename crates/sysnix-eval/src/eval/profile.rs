//! A call-count profile of the Nix code being evaluated, for finding what to speed up:
//! with `SYSNIX_PROFILE_CALLS=N` in the environment, the evaluator counts every lambda
//! call (by the lambda's position) and every builtin called through `call_many`, and
//! prints the N most called of each to stderr when it is dropped. Off, it costs one
//! branch per call.
//!
//! In a build with the `time-profile` feature (`cargo build --release -p sysnix-cli
//! --features sysnix-eval/time-profile`; off by default, as its checks cost about 1% of
//! the instructions), `SYSNIX_PROFILE_TIME=N` measures instead where the time goes: the time
//! stamp counter is read on entering and leaving every lambda body, every forced
//! expression thunk and every builtin, and each interval is charged to the innermost
//! of them (self time, in the order the evaluator forces things, so the work of a
//! thunk is charged to its expression, wherever it was made). The N dearest are
//! printed with their share of the total.

use super::Eval;
use crate::source::Span;
use std::collections::HashMap;

#[derive(Default)]
pub struct CallProfile {
    top: usize,
    lambdas: HashMap<(u32, u32), u64>,
    primops: HashMap<&'static str, u64>,
    /// `SYSNIX_PROFILE_TIME`: self time instead of counts.
    time: Option<TimeProfile>,
}

/// What time is charged to.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub enum Frame {
    /// The evaluator itself, outside any lambda, thunk or builtin.
    Top,
    /// A lambda's body (by the lambda's position).
    Lambda(u32, u32),
    /// A thunk's expression (by its position).
    Thunk(u32, u32),
    Builtin(&'static str),
}

#[derive(Default)]
struct TimeProfile {
    stack: Vec<Frame>,
    /// When the innermost frame was last charged.
    last: u64,
    /// Self time (counter ticks) and entries, per frame.
    frames: HashMap<Frame, (u64, u64)>,
}

#[inline]
fn ticks() -> u64 {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: reading the time stamp counter has no preconditions.
    unsafe {
        std::arch::x86_64::_rdtsc()
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        use std::sync::OnceLock;
        static START: OnceLock<std::time::Instant> = OnceLock::new();
        START
            .get_or_init(std::time::Instant::now)
            .elapsed()
            .as_nanos() as u64
    }
}

impl TimeProfile {
    fn charge(&mut self) {
        let now = ticks();
        let top = self.stack.last().copied().unwrap_or(Frame::Top);
        self.frames.entry(top).or_default().0 += now - self.last;
        self.last = now;
    }
}

impl CallProfile {
    /// A profile when `SYSNIX_PROFILE_CALLS` is set (its value: how many rows to print,
    /// 40 when it is not a number).
    pub fn from_env() -> Option<Box<CallProfile>> {
        let (v, time) = match std::env::var("SYSNIX_PROFILE_TIME") {
            Ok(_) if !cfg!(feature = "time-profile") => {
                eprintln!(
                    "sysnix: SYSNIX_PROFILE_TIME needs a build with the time-profile feature \
                     (cargo build --release -p sysnix-cli --features sysnix-eval/time-profile)"
                );
                return None;
            }
            Ok(v) => (
                v,
                Some(TimeProfile {
                    last: ticks(),
                    ..Default::default()
                }),
            ),
            Err(_) => (std::env::var("SYSNIX_PROFILE_CALLS").ok()?, None),
        };
        Some(Box::new(CallProfile {
            top: v.trim().parse().unwrap_or(40),
            time,
            ..Default::default()
        }))
    }

    pub fn lambda(&mut self, span: Span) {
        if self.time.is_none() {
            *self.lambdas.entry((span.file, span.start)).or_default() += 1;
        }
    }

    pub fn primop(&mut self, name: &'static str) {
        if self.time.is_none() {
            *self.primops.entry(name).or_default() += 1;
        }
    }

    /// Entering `frame` (time profile only).
    pub fn enter(&mut self, frame: Frame) {
        if let Some(t) = &mut self.time {
            t.charge();
            t.frames.entry(frame).or_default().1 += 1;
            t.stack.push(frame);
        }
    }

    /// Leaving the innermost frame (time profile only).
    pub fn leave(&mut self) {
        if let Some(t) = &mut self.time {
            t.charge();
            t.stack.pop();
        }
    }

    /// Prints the totals and the most called lambdas and builtins.
    pub fn report(&self, ev: &Eval) {
        if let Some(t) = &self.time {
            return self.report_time(t, ev);
        }
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

impl CallProfile {
    fn report_time(&self, t: &TimeProfile, ev: &Eval) {
        let total: u64 = t.frames.values().map(|f| f.0).sum::<u64>().max(1);
        eprintln!("sysnix: time profile: {total} ticks (self time, % of total)");
        let mut rows: Vec<_> = t.frames.iter().collect();
        rows.sort_by_key(|r| std::cmp::Reverse(r.1.0));
        for (frame, (ticks, n)) in rows.into_iter().take(self.top) {
            let what = match *frame {
                Frame::Top => "(evaluator)".to_string(),
                Frame::Lambda(file, start) | Frame::Thunk(file, start) => {
                    let kind = if matches!(frame, Frame::Lambda(..)) {
                        "lambda"
                    } else {
                        "thunk"
                    };
                    let at = ev.pos_text(Span {
                        file,
                        start,
                        end: start,
                    });
                    format!("{kind} {at}")
                }
                Frame::Builtin(name) => format!("builtins.{name}"),
            };
            let pct = *ticks as f64 * 100.0 / total as f64;
            eprintln!("{pct:>7.2}% {n:>10} {what}");
        }
    }
}
