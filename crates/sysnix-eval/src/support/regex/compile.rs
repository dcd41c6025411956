//! Compiling tokens into libstdc++'s automaton layout, and the translation to
//! the `regex` crate's syntax used as a fallback.

use super::*;

#[derive(Default)]
pub(super) struct Bracket {
    pub(super) chars: Vec<u8>,
    pub(super) ranges: Vec<(i8, i8)>,
    pub(super) classes: u16,
    pub(super) equiv: Vec<u8>,
}

impl Bracket {
    pub(super) fn make_range(&mut self, l: u8, r: u8) -> CResult<()> {
        // libstdc++ compares plain `char`s, which are signed.
        if (l as i8) > (r as i8) {
            return Err(CompileError::Invalid);
        }
        self.ranges.push((l as i8, r as i8));
        Ok(())
    }

    pub(super) fn finish(&self, neg: bool) -> [u64; 4] {
        let mut set = [0u64; 4];
        for b in 0..=255u8 {
            let sb = b as i8;
            let member = self.chars.contains(&b)
                || self.ranges.iter().any(|&(l, r)| l <= sb && sb <= r)
                || byte_in_class(b, self.classes)
                || self.equiv.contains(&b.to_ascii_lowercase());
            if member != neg {
                set[(b >> 6) as usize] |= 1u64 << (b & 63);
            }
        }
        set
    }
}

pub(super) enum Last {
    None,
    Char(u8),
    Class,
}

// ---------------------------------------------------------------------------
// Compiler (mirrors the state layout of libstdc++'s `_Compiler`)
// ---------------------------------------------------------------------------

pub(super) struct Compiler<'a> {
    pub(super) sc: Scanner<'a>,
    pub(super) tok: Tok,
    pub(super) nfa: Nfa,
}

pub(super) struct Frame {
    /// Group start state and index; `None` for the top level.
    pub(super) group: Option<(u32, u32)>,
    pub(super) pending: Option<Seq>,
    pub(super) terms: Vec<Seq>,
}

pub(super) fn push_escaped(out: &mut String, b: u8) {
    if b.is_ascii_alphanumeric() || b == b'_' {
        out.push(b as char);
    } else {
        out.push_str(&format!("\\x{b:02X}"));
    }
}

pub(super) fn set_to_rust(set: &[u64; 4]) -> String {
    let mut out = String::from("[");
    let mut b = 0usize;
    let mut any = false;
    while b < 256 {
        if set_contains(set, b as u8) {
            let start = b;
            while b + 1 < 256 && set_contains(set, (b + 1) as u8) {
                b += 1;
            }
            any = true;
            if start == b {
                out.push_str(&format!("\\x{start:02X}"));
            } else {
                out.push_str(&format!("\\x{start:02X}-\\x{b:02X}"));
            }
        }
        b += 1;
    }
    if !any {
        // An empty class: matches nothing.
        return String::from("[^\\x00-\\xFF]");
    }
    out.push(']');
    out
}

/// libstdc++ accumulates interval bounds in a `long` (wrapping in practice)
/// and returns them as an `int`.
pub(super) fn int_value(digits: &[u8]) -> i64 {
    let mut v: i64 = 0;
    for d in digits {
        v = v.wrapping_mul(10).wrapping_add((d - b'0') as i64);
    }
    v as i32 as i64
}

impl<'a> Compiler<'a> {
    pub(super) fn new(pat: &'a [u8]) -> CResult<Self> {
        let mut sc = Scanner {
            pat,
            pos: 0,
            state: ScanState::Normal,
            at_bracket_start: false,
        };
        let tok = sc.scan()?;
        Ok(Compiler {
            sc,
            tok,
            nfa: Nfa::default(),
        })
    }

    pub(super) fn advance(&mut self) -> CResult<Tok> {
        let next = self.sc.scan()?;
        Ok(std::mem::replace(&mut self.tok, next))
    }

    pub(super) fn eat(&mut self, t: &Tok) -> CResult<bool> {
        if &self.tok == t {
            self.advance()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    pub(super) fn insert(&mut self, op: Op, next: u32, alt: u32) -> CResult<u32> {
        self.nfa.states.push(State { op, next, alt });
        if self.nfa.states.len() > STATE_LIMIT {
            return Err(CompileError::Memory);
        }
        Ok((self.nfa.states.len() - 1) as u32)
    }

    pub(super) fn single(&mut self, op: Op, rust: String) -> CResult<Seq> {
        let id = self.insert(op, NONE, NONE)?;
        Ok(Seq {
            start: id,
            end: id,
            rust,
        })
    }

    pub(super) fn dummy(&mut self) -> CResult<u32> {
        self.insert(Op::Dummy, NONE, NONE)
    }

    pub(super) fn link(&mut self, from: u32, to: u32) {
        self.nfa.states[from as usize].next = to;
    }

    /// Copies the states of `seq` like `_StateSeq::_M_clone`.
    pub(super) fn clone_seq(&mut self, seq: &Seq) -> CResult<Seq> {
        let mut map: HashMap<u32, u32> = HashMap::new();
        let mut stack = vec![seq.start];
        while let Some(u) = stack.pop() {
            let dup = self.nfa.states[u as usize];
            let id = self.insert(dup.op, dup.next, dup.alt)?;
            map.insert(u, id);
            if dup.has_alt() && dup.alt != NONE && !map.contains_key(&dup.alt) {
                stack.push(dup.alt);
            }
            if u == seq.end {
                continue;
            }
            if dup.next != NONE && !map.contains_key(&dup.next) {
                stack.push(dup.next);
            }
        }
        for &v in map.values() {
            let st = self.nfa.states[v as usize];
            let mut new = st;
            if st.next != NONE {
                new.next = map.get(&st.next).copied().unwrap_or(NONE);
            }
            if st.has_alt() && st.alt != NONE {
                new.alt = map.get(&st.alt).copied().unwrap_or(NONE);
            }
            self.nfa.states[v as usize] = new;
        }
        Ok(Seq {
            start: map.get(&seq.start).copied().unwrap_or(NONE),
            end: map.get(&seq.end).copied().unwrap_or(NONE),
            rust: seq.rust.clone(),
        })
    }

    /// Ends an alternative: terminal dummy, then the terms are chained.
    pub(super) fn finish_alternative(&mut self, terms: Vec<Seq>) -> CResult<Seq> {
        let d = self.dummy()?;
        let mut rust = String::new();
        let mut start = d;
        let mut prev: Option<u32> = None;
        for t in &terms {
            rust.push_str(&t.rust);
            match prev {
                None => start = t.start,
                Some(p) => self.link(p, t.start),
            }
            prev = Some(t.end);
        }
        if let Some(p) = prev {
            self.link(p, d);
        }
        Ok(Seq {
            start,
            end: d,
            rust,
        })
    }

    pub(super) fn combine_alternatives(&mut self, left: Seq, right: Seq) -> CResult<Seq> {
        let end = self.dummy()?;
        self.link(left.end, end);
        self.link(right.end, end);
        let alt = self.insert(Op::Alt, right.start, left.start)?;
        Ok(Seq {
            start: alt,
            end,
            rust: format!("(?:{}|{})", left.rust, right.rust),
        })
    }

    pub(super) fn try_char(&mut self) -> CResult<Option<u8>> {
        if let Tok::Ord(c) = self.tok {
            self.advance()?;
            Ok(Some(c))
        } else {
            Ok(None)
        }
    }

    pub(super) fn bracket(&mut self, neg: bool) -> CResult<Seq> {
        let mut m = Bracket::default();
        let mut last = Last::None;
        if let Some(c) = self.try_char()? {
            last = Last::Char(c);
        } else if self.eat(&Tok::BracketDash)? {
            last = Last::Char(b'-');
        }
        while self.expression_term(&mut last, &mut m)? {}
        if let Last::Char(c) = last {
            m.chars.push(c);
        }
        let set = m.finish(neg);
        let rust = set_to_rust(&set);
        let idx = self.nfa.sets.len() as u32;
        self.nfa.sets.push(set);
        self.single(Op::Set(idx), rust)
    }

    pub(super) fn expression_term(&mut self, last: &mut Last, m: &mut Bracket) -> CResult<bool> {
        fn push_char(last: &mut Last, m: &mut Bracket, c: u8) {
            if let Last::Char(p) = *last {
                m.chars.push(p);
            }
            *last = Last::Char(c);
        }
        fn push_class(last: &mut Last, m: &mut Bracket) {
            if let Last::Char(p) = *last {
                m.chars.push(p);
            }
            *last = Last::Class;
        }
        if self.eat(&Tok::BracketEnd)? {
            return Ok(false);
        }
        match self.tok.clone() {
            Tok::CollSymbol(name) => {
                self.advance()?;
                let c = lookup_collate(&name).ok_or(CompileError::Invalid)?;
                m.chars.push(c);
                push_char(last, m, c);
            }
            Tok::EquivClass(name) => {
                self.advance()?;
                push_class(last, m);
                let c = lookup_collate(&name).ok_or(CompileError::Invalid)?;
                m.equiv.push(c.to_ascii_lowercase());
            }
            Tok::CharClass(name) => {
                self.advance()?;
                push_class(last, m);
                m.classes |= lookup_class(&name).ok_or(CompileError::Invalid)?;
            }
            Tok::Ord(c) => {
                self.advance()?;
                push_char(last, m, c);
            }
            Tok::BracketDash => {
                self.advance()?;
                if self.eat(&Tok::BracketEnd)? {
                    push_char(last, m, b'-');
                    return Ok(false);
                }
                match *last {
                    Last::Char(l) => {
                        if let Some(r) = self.try_char()? {
                            m.make_range(l, r)?;
                        } else if self.eat(&Tok::BracketDash)? {
                            m.make_range(l, b'-')?;
                        } else {
                            return Err(CompileError::Invalid);
                        }
                        *last = Last::None;
                    }
                    _ => return Err(CompileError::Invalid),
                }
            }
            _ => return Err(CompileError::Invalid),
        }
        Ok(true)
    }

    /// Applies any quantifiers following an atom.
    pub(super) fn quantifiers(&mut self, mut e: Seq) -> CResult<Seq> {
        loop {
            match self.tok {
                Tok::Star => {
                    self.advance()?;
                    let r = self.insert(Op::Repeat, NONE, e.start)?;
                    self.link(e.end, r);
                    e = Seq {
                        start: r,
                        end: r,
                        rust: format!("(?:{})*", e.rust),
                    };
                }
                Tok::Plus => {
                    self.advance()?;
                    let r = self.insert(Op::Repeat, NONE, e.start)?;
                    self.link(e.end, r);
                    e = Seq {
                        start: e.start,
                        end: r,
                        rust: format!("(?:{})+", e.rust),
                    };
                }
                Tok::Opt => {
                    self.advance()?;
                    let end = self.dummy()?;
                    let r = self.insert(Op::Repeat, NONE, e.start)?;
                    self.link(e.end, end);
                    self.link(r, end);
                    e = Seq {
                        start: r,
                        end,
                        rust: format!("(?:{})?", e.rust),
                    };
                }
                Tok::IntervalBegin => {
                    self.advance()?;
                    e = self.interval(e)?;
                }
                _ => return Ok(e),
            }
        }
    }

    pub(super) fn interval(&mut self, r: Seq) -> CResult<Seq> {
        let Tok::DupCount(min_digits) = self.tok.clone() else {
            return Err(CompileError::Invalid);
        };
        self.advance()?;
        let start = self.dummy()?;
        let mut e = Seq {
            start,
            end: start,
            rust: String::new(),
        };
        let min = int_value(&min_digits);
        let mut infinite = false;
        let mut n: i64 = 0;
        if self.eat(&Tok::Comma)? {
            if let Tok::DupCount(max_digits) = self.tok.clone() {
                self.advance()?;
                n = int_value(&max_digits) - min;
            } else {
                infinite = true;
            }
        }
        if !self.eat(&Tok::IntervalEnd)? {
            return Err(CompileError::Invalid);
        }
        let mut i = 0;
        while i < min {
            let c = self.clone_seq(&r)?;
            self.link(e.end, c.start);
            e.end = c.end;
            i += 1;
        }
        let min_r = min.max(0);
        if infinite {
            let tmp = self.clone_seq(&r)?;
            let s = self.insert(Op::Repeat, NONE, tmp.start)?;
            self.link(tmp.end, s);
            self.link(e.end, s);
            e.end = s;
            e.rust = format!("(?:{}){{{},}}", r.rust, min_r);
        } else {
            if n < 0 {
                return Err(CompileError::Invalid);
            }
            let end = self.dummy()?;
            let mut alts = Vec::new();
            let mut j = 0;
            while j < n {
                let tmp = self.clone_seq(&r)?;
                let alt = self.insert(Op::Repeat, tmp.start, end)?;
                alts.push(alt);
                self.link(e.end, alt);
                e.end = tmp.end;
                j += 1;
            }
            self.link(e.end, end);
            e.end = end;
            for a in alts {
                let st = &mut self.nfa.states[a as usize];
                std::mem::swap(&mut st.next, &mut st.alt);
            }
            let max = min_r.saturating_add(n);
            e.rust = format!("(?:{}){{{},{}}}", r.rust, min_r, max);
        }
        Ok(e)
    }

    pub(super) fn compile(mut self) -> CResult<(Nfa, String)> {
        let begin0 = self.insert(Op::SubBegin(0), NONE, NONE)?;
        let mut groups: u32 = 1;
        let mut frames = vec![Frame {
            group: None,
            pending: None,
            terms: Vec::new(),
        }];
        loop {
            let atom = match self.tok.clone() {
                Tok::LineBegin | Tok::LineEnd => {
                    let t = self.advance()?;
                    let (op, rust) = if t == Tok::LineBegin {
                        (Op::LineBegin, "\\A")
                    } else {
                        (Op::LineEnd, "\\z")
                    };
                    let s = self.single(op, rust.to_string())?;
                    if let Some(f) = frames.last_mut() {
                        f.terms.push(s);
                    }
                    continue;
                }
                Tok::AnyChar => {
                    self.advance()?;
                    self.single(Op::Any, "[^\\x00]".to_string())?
                }
                Tok::Ord(c) => {
                    self.advance()?;
                    let mut rust = String::new();
                    push_escaped(&mut rust, c);
                    self.single(Op::Byte(c), rust)?
                }
                Tok::BracketBegin | Tok::BracketNegBegin => {
                    let t = self.advance()?;
                    self.bracket(t == Tok::BracketNegBegin)?
                }
                Tok::SubBegin => {
                    self.advance()?;
                    let idx = groups;
                    groups += 1;
                    let id = self.insert(Op::SubBegin(idx), NONE, NONE)?;
                    frames.push(Frame {
                        group: Some((id, idx)),
                        pending: None,
                        terms: Vec::new(),
                    });
                    continue;
                }
                _ => {
                    // End of the current alternative.
                    let Some(mut frame) = frames.pop() else {
                        return Err(CompileError::Invalid);
                    };
                    let terms = std::mem::take(&mut frame.terms);
                    let alt = self.finish_alternative(terms)?;
                    let disj = match frame.pending.take() {
                        Some(left) => self.combine_alternatives(left, alt)?,
                        None => alt,
                    };
                    if self.eat(&Tok::Or)? {
                        frame.pending = Some(disj);
                        frames.push(frame);
                        continue;
                    }
                    match frame.group {
                        None => {
                            if self.tok != Tok::Eof {
                                return Err(CompileError::Invalid);
                            }
                            let end0 = self.insert(Op::SubEnd(0), NONE, NONE)?;
                            let accept = self.insert(Op::Accept, NONE, NONE)?;
                            self.link(begin0, disj.start);
                            self.link(disj.end, end0);
                            self.link(end0, accept);
                            self.nfa.groups = groups as usize;
                            self.finish_nfa();
                            return Ok((self.nfa, disj.rust));
                        }
                        Some((begin, idx)) => {
                            if !self.eat(&Tok::SubEnd)? {
                                return Err(CompileError::Invalid);
                            }
                            self.link(begin, disj.start);
                            let end = self.insert(Op::SubEnd(idx), NONE, NONE)?;
                            self.link(disj.end, end);
                            Seq {
                                start: begin,
                                end,
                                rust: format!("({})", disj.rust),
                            }
                        }
                    }
                }
            };
            let q = self.quantifiers(atom)?;
            match frames.last_mut() {
                Some(f) => f.terms.push(q),
                None => return Err(CompileError::Invalid),
            }
        }
    }

    /// Removes dummy states from the transitions and precomputes the simple
    /// loops.
    pub(super) fn finish_nfa(&mut self) {
        let states = &mut self.nfa.states;
        let skip = |states: &Vec<State>, mut id: u32| {
            // A chain of dummies is finite unless it is a cycle of dummies,
            // which the construction never produces; guard anyway.
            let mut guard = 0usize;
            while id != NONE && states[id as usize].op == Op::Dummy && guard <= states.len() {
                id = states[id as usize].next;
                guard += 1;
            }
            id
        };
        for i in 0..states.len() {
            let n = skip(states, states[i].next);
            states[i].next = n;
            if states[i].has_alt() {
                let a = skip(states, states[i].alt);
                states[i].alt = a;
            }
        }
        let mut simple = vec![false; states.len()];
        for (i, st) in states.iter().enumerate() {
            if st.op == Op::Repeat && st.alt != NONE {
                let body = states[st.alt as usize];
                if matches!(body.op, Op::Byte(_) | Op::Any | Op::Set(_)) && body.next == i as u32 {
                    simple[i] = true;
                }
            }
        }
        self.nfa.simple_loop = simple;
        self.nfa.first = self.nfa.first_bytes();
        self.nfa.required = self.nfa.required_bytes();
    }
}
