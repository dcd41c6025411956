//! The backtracking executor: libstdc++'s depth-first search order, repeat guard
//! and longest-alternative rule, with an explicit stack and a step budget.

use super::*;

// ---------------------------------------------------------------------------
// Executor (mirrors libstdc++'s depth-first `_Executor` in POSIX mode)
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Sub {
    pub(super) first: usize,
    pub(super) second: usize,
    pub(super) matched: bool,
}

pub(super) const UNSET: Sub = Sub {
    first: usize::MAX,
    second: usize::MAX,
    matched: false,
};

#[derive(Clone, Copy, Debug)]
pub(super) struct RepCount {
    pub(super) epoch: u32,
    pub(super) pos: usize,
    pub(super) count: u32,
}

pub(super) enum Frame2 {
    AltRight {
        state: u32,
        cur: usize,
    },
    AltJoin {
        saved: bool,
    },
    RepExit {
        rep: u32,
        back: RepCount,
        exit: u32,
        cur: usize,
    },
    SubBeginRestore {
        k: u32,
        back: usize,
    },
    SubEndRestore {
        k: u32,
        back: Sub,
    },
    CharLoop {
        rep: u32,
        base: usize,
        j: usize,
        orig: RepCount,
        after1: RepCount,
        exit: u32,
    },
}

pub(super) struct OutOfBudget;

pub(super) struct Exec<'a> {
    pub(super) nfa: &'a Nfa,
    pub(super) s: &'a [u8],
    pub(super) begin: usize,
    pub(super) prev_avail: bool,
    pub(super) not_null: bool,
    pub(super) exact: bool,
    pub(super) cur_results: Vec<Sub>,
    pub(super) results: Vec<Sub>,
    pub(super) sol_pos: Option<usize>,
    pub(super) has_sol: bool,
    pub(super) rep: Vec<RepCount>,
    pub(super) epoch: u32,
    pub(super) stack: Vec<Frame2>,
    pub(super) steps: u64,
    pub(super) budget: u64,
}

#[derive(Clone, Copy, Default)]
pub(super) struct Flags {
    pub(super) prev_avail: bool,
    pub(super) not_null: bool,
    pub(super) continuous: bool,
}

impl<'a> Exec<'a> {
    pub(super) fn new(nfa: &'a Nfa, s: &'a [u8], budget: Option<u64>) -> Self {
        Exec {
            nfa,
            s,
            begin: 0,
            prev_avail: false,
            not_null: false,
            exact: false,
            cur_results: vec![UNSET; nfa.groups],
            results: vec![UNSET; nfa.groups],
            sol_pos: None,
            has_sol: false,
            rep: vec![
                RepCount {
                    epoch: 0,
                    pos: 0,
                    count: 0
                };
                nfa.states.len()
            ],
            epoch: 0,
            stack: Vec::new(),
            steps: 0,
            budget: budget.unwrap_or(u64::MAX),
        }
    }

    pub(super) fn rep_get(&self, i: u32) -> RepCount {
        let r = self.rep[i as usize];
        if r.epoch == self.epoch {
            r
        } else {
            RepCount {
                epoch: self.epoch,
                pos: 0,
                count: 0,
            }
        }
    }

    pub(super) fn rep_set(&mut self, i: u32, mut r: RepCount) {
        r.epoch = self.epoch;
        self.rep[i as usize] = r;
    }

    pub(super) fn tick(&mut self, n: u64) -> Result<(), OutOfBudget> {
        self.steps = self.steps.saturating_add(n);
        if self.steps > self.budget || self.stack.len() > FRAME_LIMIT {
            Err(OutOfBudget)
        } else {
            Ok(())
        }
    }

    /// One attempt at position `begin` (`_M_main` for the DFS executor).
    pub(super) fn attempt(
        &mut self,
        begin: usize,
        exact: bool,
        flags: Flags,
    ) -> Result<bool, OutOfBudget> {
        self.begin = begin;
        self.exact = exact;
        self.prev_avail = flags.prev_avail;
        self.not_null = flags.not_null;
        self.has_sol = false;
        self.sol_pos = None;
        self.epoch = self.epoch.wrapping_add(1);
        if self.epoch == 0 {
            // Generation counter wrapped: really reset.
            for r in &mut self.rep {
                r.epoch = u32::MAX;
            }
            self.epoch = 1;
        }
        for r in self.results.iter_mut() {
            *r = UNSET;
        }
        for r in self.cur_results.iter_mut() {
            *r = UNSET;
        }
        self.stack.clear();
        self.run(0, begin)?;
        self.stack.clear();
        Ok(self.has_sol)
    }

    pub(super) fn run(&mut self, start: u32, start_cur: usize) -> Result<(), OutOfBudget> {
        let nfa = self.nfa;
        let s = self.s;
        let len = s.len();
        let mut task: Option<(u32, usize)> = Some((start, start_cur));
        loop {
            if let Some((mut st, mut cur)) = task.take() {
                loop {
                    self.tick(1)?;
                    if st == NONE {
                        break;
                    }
                    let state = nfa.states[st as usize];
                    match state.op {
                        Op::Byte(_) | Op::Any | Op::Set(_) => {
                            if cur < len && nfa.matches(state.op, s[cur]) {
                                cur += 1;
                                st = state.next;
                                continue;
                            }
                            break;
                        }
                        Op::Dummy => {
                            st = state.next;
                        }
                        Op::LineBegin => {
                            if cur == self.begin && !self.prev_avail {
                                st = state.next;
                                continue;
                            }
                            break;
                        }
                        Op::LineEnd => {
                            if cur == len {
                                st = state.next;
                                continue;
                            }
                            break;
                        }
                        Op::SubBegin(k) => {
                            let back = self.cur_results[k as usize].first;
                            self.stack.push(Frame2::SubBeginRestore { k, back });
                            self.cur_results[k as usize].first = cur;
                            st = state.next;
                        }
                        Op::SubEnd(k) => {
                            let back = self.cur_results[k as usize];
                            self.stack.push(Frame2::SubEndRestore { k, back });
                            let r = &mut self.cur_results[k as usize];
                            r.second = cur;
                            r.matched = true;
                            st = state.next;
                        }
                        Op::Alt => {
                            self.stack.push(Frame2::AltRight {
                                state: state.next,
                                cur,
                            });
                            st = state.alt;
                        }
                        Op::Repeat => {
                            let rc = self.rep_get(st);
                            let fresh = rc.count == 0 || rc.pos != cur;
                            if !fresh && rc.count >= 2 {
                                // No further iteration allowed here.
                                st = state.next;
                                continue;
                            }
                            let after1 = if fresh {
                                RepCount {
                                    epoch: self.epoch,
                                    pos: cur,
                                    count: 1,
                                }
                            } else {
                                RepCount {
                                    count: rc.count + 1,
                                    ..rc
                                }
                            };
                            if nfa.simple_loop[st as usize] {
                                let body = nfa.states[state.alt as usize].op;
                                let mut k = 0usize;
                                while cur + k < len && nfa.matches(body, s[cur + k]) {
                                    k += 1;
                                }
                                self.tick(k as u64)?;
                                if k == 0 {
                                    st = state.next;
                                    continue;
                                }
                                self.stack.push(Frame2::CharLoop {
                                    rep: st,
                                    base: cur,
                                    j: k,
                                    orig: rc,
                                    after1,
                                    exit: state.next,
                                });
                                let r = self.loop_count(cur, k, rc, after1);
                                self.rep_set(st, r);
                                cur += k;
                                st = state.next;
                                continue;
                            }
                            self.stack.push(Frame2::RepExit {
                                rep: st,
                                back: rc,
                                exit: state.next,
                                cur,
                            });
                            self.rep_set(st, after1);
                            st = state.alt;
                        }
                        Op::Accept => {
                            let mut ok = !self.exact || cur == len;
                            if self.not_null && cur == self.begin {
                                ok = false;
                            }
                            if ok {
                                self.has_sol = true;
                                if self.sol_pos.is_none_or(|p| p < cur) {
                                    self.sol_pos = Some(cur);
                                    self.results.copy_from_slice(&self.cur_results);
                                }
                                if self.exact || cur == len {
                                    // Nothing can replace this solution.
                                    return Ok(());
                                }
                            }
                            break;
                        }
                    }
                }
            }
            // Backtrack.
            let Some(frame) = self.stack.pop() else {
                return Ok(());
            };
            match frame {
                Frame2::SubBeginRestore { k, back } => self.cur_results[k as usize].first = back,
                Frame2::SubEndRestore { k, back } => self.cur_results[k as usize] = back,
                Frame2::AltRight { state, cur } => {
                    let saved = self.has_sol;
                    self.has_sol = false;
                    self.stack.push(Frame2::AltJoin { saved });
                    task = Some((state, cur));
                }
                Frame2::AltJoin { saved } => self.has_sol |= saved,
                Frame2::RepExit {
                    rep,
                    back,
                    exit,
                    cur,
                } => {
                    self.rep_set(rep, back);
                    if !self.has_sol {
                        task = Some((exit, cur));
                    }
                }
                Frame2::CharLoop {
                    rep,
                    base,
                    j,
                    orig,
                    after1,
                    exit,
                } => {
                    if self.has_sol || j == 0 {
                        self.rep_set(rep, orig);
                    } else {
                        let j = j - 1;
                        let r = self.loop_count(base, j, orig, after1);
                        self.rep_set(rep, r);
                        self.stack.push(Frame2::CharLoop {
                            rep,
                            base,
                            j,
                            orig,
                            after1,
                            exit,
                        });
                        task = Some((exit, base + j));
                    }
                }
            }
        }
    }

    /// The repeat counter seen while exploring the exit of a simple loop
    /// after `j` iterations starting at `base`.
    pub(super) fn loop_count(
        &self,
        base: usize,
        j: usize,
        orig: RepCount,
        after1: RepCount,
    ) -> RepCount {
        match j {
            0 => orig,
            1 => after1,
            _ => RepCount {
                epoch: self.epoch,
                pos: base + j - 1,
                count: 1,
            },
        }
    }

    /// `regex_search` from `start`.
    pub(super) fn search(&mut self, start: usize, flags: Flags) -> Result<bool, OutOfBudget> {
        let mut b = start;
        let mut flags = flags;
        loop {
            if let Some(first) = &self.nfa.first
                && !flags.continuous
            {
                // No match begins where the byte cannot start one (nor at the end):
                // the attempt there would fail without changing anything.
                let from = b;
                while b < self.s.len() && !set_contains(first, self.s[b]) {
                    b += 1;
                }
                if b >= self.s.len() {
                    return Ok(false);
                }
                if b > from {
                    flags.prev_avail = true;
                }
            }
            if self.attempt(b, false, flags)? {
                return Ok(true);
            }
            if flags.continuous || b >= self.s.len() {
                return Ok(false);
            }
            flags.prev_avail = true;
            b += 1;
        }
    }
}
