//! POSIX extended regular expressions as used by `builtins.match` and
//! `builtins.split`.
//!
//! Nix 2.8 compiles patterns with `std::regex(re, std::regex::extended)` from
//! libstdc++ and runs them with `std::regex_match` (for `match`) and
//! `std::sregex_iterator` (for `split`).  libstdc++'s POSIX mode is neither
//! Perl-style leftmost-first nor true POSIX leftmost-longest, so translating
//! the pattern to the `regex` crate alone gives wrong answers in a number of
//! observable cases (for example `split "(a|ab)" "xabx"` yields the group
//! `"ab"` in Nix, while a leftmost-first engine yields `"a"`; or
//! `match "(a*)*b" "aab"` yields `[""]` in Nix).
//!
//! This module therefore contains two engines:
//!
//! * The primary engine is a compiler and a backtracking executor that build
//!   and walk the same automaton libstdc++ builds (same state layout, same
//!   exploration order, same repeat-loop guard, same "try both branches of an
//!   alternation and keep the longest" rule in search mode, same 100000-state
//!   memory limit).  Its stack is explicit, so long inputs cannot overflow the
//!   native stack (libstdc++ itself segfaults on very long inputs).
//! * A translation of the pattern into the `regex` crate's syntax (bytes mode)
//!   is used as a fallback when the backtracking engine exceeds its step or
//!   memory budget (pathological patterns that are exponential in libstdc++
//!   too, or huge inputs).  The fallback is leftmost-first, so results can
//!   differ from Nix in the corner cases described above; this only happens
//!   for inputs on which Nix itself would take a very long time or crash.
//!
//! Behaviour reproduced from Nix 2.8 (all checked against
//! `nix-instantiate --eval`):
//!
//! * matching is byte-oriented: `.` matches one byte (any byte but NUL, so it
//!   matches `\n`), bracket expressions match single bytes, and character
//!   classes are those of the C locale (ASCII only);
//! * only `^ $ \ . * + ? ( ) [ { |` may be escaped with `\`; any other escape
//!   (`\n`, `\d`, `\1`, `\]`, `\/`...) is an invalid regular expression;
//! * `{` always starts an interval (`a{`, `a{x}`, `a{,2}` are errors), `]` and
//!   `}` outside brackets are literals, `^`/`$` are anchors anywhere;
//! * interval bounds wrap like libstdc++'s `int` parsing (`a{4294967297}` is
//!   `a{1}`), and huge automata fail with
//!   `memory limit exceeded by regular expression '...'`;
//! * bracket expressions: `]` first is literal, `\` is literal, `-` first or
//!   last is literal, ranges compare bytes as *signed* chars (`[a-é]` is an
//!   error, `[é-a]` is valid), `[:name:]` classes (case-insensitive names,
//!   including libstdc++'s `d`, `w`, `s`), `[.name.]` collating elements
//!   using the POSIX portable character names, `[=name=]` equivalence classes
//!   (ASCII case-insensitive);
//! * error messages are Nix's: `invalid regular expression '<re>'`.
//!
//! Known divergences: strings returned through the `&str` API are converted
//! with `String::from_utf8_lossy`, so captures or split pieces that cut a
//! multi-byte UTF-8 character (e.g. `split "" "é"`) contain U+FFFD where Nix
//! has raw bytes; use the `*_bytes` functions to get Nix's exact bytes.
//! Results after a fallback to the `regex` crate (see above) may differ.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, OnceLock};

/// libstdc++'s `_GLIBCXX_REGEX_STATE_LIMIT`.
const STATE_LIMIT: usize = 100_000;
const NONE: u32 = u32::MAX;
/// Maximal number of pending backtracking frames before falling back.
const FRAME_LIMIT: usize = 1_000_000;

// ---------------------------------------------------------------------------
// Automaton
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Dummy,
    Byte(u8),
    /// `.`: any byte except NUL.
    Any,
    /// Index into `Nfa::sets`.
    Set(u32),
    LineBegin,
    LineEnd,
    SubBegin(u32),
    SubEnd(u32),
    /// `alt` is the left branch (tried first), `next` the right one.
    Alt,
    /// `alt` is the loop body ("once more"), `next` the exit.
    Repeat,
    Accept,
}

#[derive(Clone, Copy, Debug)]
struct State {
    op: Op,
    next: u32,
    alt: u32,
}

impl State {
    fn has_alt(&self) -> bool {
        matches!(self.op, Op::Alt | Op::Repeat)
    }
}

#[derive(Clone, Debug, Default)]
struct Nfa {
    states: Vec<State>,
    sets: Vec<[u64; 4]>,
    /// Number of capture groups including group 0.
    groups: usize,
    /// For each `Repeat` state: is the body a single byte matcher looping
    /// straight back (`x*`, `x+`, `x{n,}`)?  Used to compress backtracking.
    simple_loop: Vec<bool>,
}

fn set_contains(set: &[u64; 4], b: u8) -> bool {
    set[(b >> 6) as usize] & (1u64 << (b & 63)) != 0
}

impl Nfa {
    fn matches(&self, op: Op, b: u8) -> bool {
        match op {
            Op::Byte(c) => b == c,
            Op::Any => b != 0,
            Op::Set(i) => set_contains(&self.sets[i as usize], b),
            _ => false,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CompileError {
    Invalid,
    Memory,
}

type CResult<T> = Result<T, CompileError>;

/// A state sequence under construction, together with its translation into
/// the `regex` crate's syntax.
#[derive(Clone, Debug)]
struct Seq {
    start: u32,
    end: u32,
    rust: String,
}

// ---------------------------------------------------------------------------
// Scanner (mirrors libstdc++'s POSIX extended scanner)
// ---------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    Ord(u8),
    AnyChar,
    LineBegin,
    LineEnd,
    Star,
    Plus,
    Opt,
    Or,
    SubBegin,
    SubEnd,
    BracketBegin,
    BracketNegBegin,
    BracketEnd,
    BracketDash,
    CollSymbol(Vec<u8>),
    EquivClass(Vec<u8>),
    CharClass(Vec<u8>),
    IntervalBegin,
    DupCount(Vec<u8>),
    Comma,
    IntervalEnd,
    Eof,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ScanState {
    Normal,
    Bracket,
    Brace,
}

struct Scanner<'a> {
    pat: &'a [u8],
    pos: usize,
    state: ScanState,
    at_bracket_start: bool,
}

/// Characters that may follow a backslash.
const ESCAPABLE: &[u8] = b"^$\\.*+?()[{|";

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.pat.get(self.pos).copied()
    }

    fn scan(&mut self) -> CResult<Tok> {
        match self.state {
            ScanState::Normal => self.scan_normal(),
            ScanState::Bracket => self.scan_bracket(),
            ScanState::Brace => self.scan_brace(),
        }
    }

    fn scan_normal(&mut self) -> CResult<Tok> {
        let Some(c) = self.peek() else {
            return Ok(Tok::Eof);
        };
        self.pos += 1;
        Ok(match c {
            b'\\' => {
                let Some(d) = self.peek() else {
                    return Err(CompileError::Invalid);
                };
                self.pos += 1;
                if ESCAPABLE.contains(&d) {
                    Tok::Ord(d)
                } else {
                    return Err(CompileError::Invalid);
                }
            }
            b'(' => Tok::SubBegin,
            b')' => Tok::SubEnd,
            b'[' => {
                self.state = ScanState::Bracket;
                self.at_bracket_start = true;
                if self.peek() == Some(b'^') {
                    self.pos += 1;
                    Tok::BracketNegBegin
                } else {
                    Tok::BracketBegin
                }
            }
            b'{' => {
                self.state = ScanState::Brace;
                Tok::IntervalBegin
            }
            b'^' => Tok::LineBegin,
            b'$' => Tok::LineEnd,
            b'.' => Tok::AnyChar,
            b'*' => Tok::Star,
            b'+' => Tok::Plus,
            b'?' => Tok::Opt,
            b'|' => Tok::Or,
            // libstdc++ looks NUL up in its special-character table (strchr
            // finds the terminator) and maps it to alternation.
            0 => Tok::Or,
            _ => Tok::Ord(c),
        })
    }

    fn scan_bracket(&mut self) -> CResult<Tok> {
        let Some(c) = self.peek() else {
            return Err(CompileError::Invalid);
        };
        self.pos += 1;
        let tok = match c {
            b'-' => Tok::BracketDash,
            b'[' => {
                let Some(d) = self.peek() else {
                    return Err(CompileError::Invalid);
                };
                match d {
                    b'.' | b':' | b'=' => {
                        self.pos += 1;
                        let name = self.eat_class(d)?;
                        match d {
                            b'.' => Tok::CollSymbol(name),
                            b':' => Tok::CharClass(name),
                            _ => Tok::EquivClass(name),
                        }
                    }
                    _ => Tok::Ord(b'['),
                }
            }
            b']' if !self.at_bracket_start => {
                self.state = ScanState::Normal;
                Tok::BracketEnd
            }
            _ => Tok::Ord(c),
        };
        self.at_bracket_start = false;
        Ok(tok)
    }

    fn eat_class(&mut self, delim: u8) -> CResult<Vec<u8>> {
        let start = self.pos;
        while self.pos < self.pat.len() && self.pat[self.pos] != delim {
            self.pos += 1;
        }
        let name = self.pat[start..self.pos].to_vec();
        if self.peek() != Some(delim) {
            return Err(CompileError::Invalid);
        }
        self.pos += 1;
        if self.peek() != Some(b']') {
            return Err(CompileError::Invalid);
        }
        self.pos += 1;
        Ok(name)
    }

    fn scan_brace(&mut self) -> CResult<Tok> {
        let Some(c) = self.peek() else {
            return Err(CompileError::Invalid);
        };
        self.pos += 1;
        match c {
            b'0'..=b'9' => {
                let mut v = vec![c];
                while let Some(d @ b'0'..=b'9') = self.peek() {
                    v.push(d);
                    self.pos += 1;
                }
                Ok(Tok::DupCount(v))
            }
            b',' => Ok(Tok::Comma),
            b'}' => {
                self.state = ScanState::Normal;
                Ok(Tok::IntervalEnd)
            }
            _ => Err(CompileError::Invalid),
        }
    }
}

// ---------------------------------------------------------------------------
// Character classes and collating names (C locale)
// ---------------------------------------------------------------------------

const C_ALNUM: u16 = 1;
const C_ALPHA: u16 = 2;
const C_BLANK: u16 = 4;
const C_CNTRL: u16 = 8;
const C_DIGIT: u16 = 16;
const C_GRAPH: u16 = 32;
const C_LOWER: u16 = 64;
const C_PRINT: u16 = 128;
const C_PUNCT: u16 = 256;
const C_SPACE: u16 = 512;
const C_UPPER: u16 = 1024;
const C_XDIGIT: u16 = 2048;
const C_UNDER: u16 = 4096;

fn lookup_class(name: &[u8]) -> Option<u16> {
    let lower: Vec<u8> = name.iter().map(|b| b.to_ascii_lowercase()).collect();
    Some(match lower.as_slice() {
        b"d" => C_DIGIT,
        b"w" => C_ALNUM | C_UNDER,
        b"s" => C_SPACE,
        b"alnum" => C_ALNUM,
        b"alpha" => C_ALPHA,
        b"blank" => C_BLANK,
        b"cntrl" => C_CNTRL,
        b"digit" => C_DIGIT,
        b"graph" => C_GRAPH,
        b"lower" => C_LOWER,
        b"print" => C_PRINT,
        b"punct" => C_PUNCT,
        b"space" => C_SPACE,
        b"upper" => C_UPPER,
        b"xdigit" => C_XDIGIT,
        _ => return None,
    })
}

fn byte_in_class(b: u8, mask: u16) -> bool {
    type Check = (u16, fn(&u8) -> bool);
    let checks: [Check; 12] = [
        (C_ALNUM, u8::is_ascii_alphanumeric),
        (C_ALPHA, u8::is_ascii_alphabetic),
        (C_BLANK, |b| *b == b' ' || *b == b'\t'),
        (C_CNTRL, u8::is_ascii_control),
        (C_DIGIT, u8::is_ascii_digit),
        (C_GRAPH, u8::is_ascii_graphic),
        (C_LOWER, u8::is_ascii_lowercase),
        (C_PRINT, |b| (0x20..0x7f).contains(b)),
        (C_PUNCT, u8::is_ascii_punctuation),
        (C_SPACE, |b| *b == b' ' || (9..=13).contains(b)),
        (C_UPPER, u8::is_ascii_uppercase),
        (C_XDIGIT, u8::is_ascii_hexdigit),
    ];
    if mask & C_UNDER != 0 && b == b'_' {
        return true;
    }
    checks.iter().any(|(m, f)| mask & m != 0 && f(&b))
}

/// The POSIX portable character set names, indexed by character code.
const COLLATE_NAMES: [&str; 128] = [
    "NUL",
    "SOH",
    "STX",
    "ETX",
    "EOT",
    "ENQ",
    "ACK",
    "alert",
    "backspace",
    "tab",
    "newline",
    "vertical-tab",
    "form-feed",
    "carriage-return",
    "SO",
    "SI",
    "DLE",
    "DC1",
    "DC2",
    "DC3",
    "DC4",
    "NAK",
    "SYN",
    "ETB",
    "CAN",
    "EM",
    "SUB",
    "ESC",
    "IS4",
    "IS3",
    "IS2",
    "IS1",
    "space",
    "exclamation-mark",
    "quotation-mark",
    "number-sign",
    "dollar-sign",
    "percent-sign",
    "ampersand",
    "apostrophe",
    "left-parenthesis",
    "right-parenthesis",
    "asterisk",
    "plus-sign",
    "comma",
    "hyphen",
    "period",
    "slash",
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "colon",
    "semicolon",
    "less-than-sign",
    "equals-sign",
    "greater-than-sign",
    "question-mark",
    "commercial-at",
    "A",
    "B",
    "C",
    "D",
    "E",
    "F",
    "G",
    "H",
    "I",
    "J",
    "K",
    "L",
    "M",
    "N",
    "O",
    "P",
    "Q",
    "R",
    "S",
    "T",
    "U",
    "V",
    "W",
    "X",
    "Y",
    "Z",
    "left-square-bracket",
    "backslash",
    "right-square-bracket",
    "circumflex",
    "underscore",
    "grave-accent",
    "a",
    "b",
    "c",
    "d",
    "e",
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "v",
    "w",
    "x",
    "y",
    "z",
    "left-curly-bracket",
    "vertical-line",
    "right-curly-bracket",
    "tilde",
    "DEL",
];

fn lookup_collate(name: &[u8]) -> Option<u8> {
    COLLATE_NAMES
        .iter()
        .position(|n| n.as_bytes() == name)
        .map(|i| i as u8)
}

#[derive(Default)]
struct Bracket {
    chars: Vec<u8>,
    ranges: Vec<(i8, i8)>,
    classes: u16,
    equiv: Vec<u8>,
}

impl Bracket {
    fn make_range(&mut self, l: u8, r: u8) -> CResult<()> {
        // libstdc++ compares plain `char`s, which are signed.
        if (l as i8) > (r as i8) {
            return Err(CompileError::Invalid);
        }
        self.ranges.push((l as i8, r as i8));
        Ok(())
    }

    fn finish(&self, neg: bool) -> [u64; 4] {
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

enum Last {
    None,
    Char(u8),
    Class,
}

// ---------------------------------------------------------------------------
// Compiler (mirrors the state layout of libstdc++'s `_Compiler`)
// ---------------------------------------------------------------------------

struct Compiler<'a> {
    sc: Scanner<'a>,
    tok: Tok,
    nfa: Nfa,
}

struct Frame {
    /// Group start state and index; `None` for the top level.
    group: Option<(u32, u32)>,
    pending: Option<Seq>,
    terms: Vec<Seq>,
}

fn push_escaped(out: &mut String, b: u8) {
    if b.is_ascii_alphanumeric() || b == b'_' {
        out.push(b as char);
    } else {
        out.push_str(&format!("\\x{b:02X}"));
    }
}

fn set_to_rust(set: &[u64; 4]) -> String {
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
fn int_value(digits: &[u8]) -> i64 {
    let mut v: i64 = 0;
    for d in digits {
        v = v.wrapping_mul(10).wrapping_add((d - b'0') as i64);
    }
    v as i32 as i64
}

impl<'a> Compiler<'a> {
    fn new(pat: &'a [u8]) -> CResult<Self> {
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

    fn advance(&mut self) -> CResult<Tok> {
        let next = self.sc.scan()?;
        Ok(std::mem::replace(&mut self.tok, next))
    }

    fn eat(&mut self, t: &Tok) -> CResult<bool> {
        if &self.tok == t {
            self.advance()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    fn insert(&mut self, op: Op, next: u32, alt: u32) -> CResult<u32> {
        self.nfa.states.push(State { op, next, alt });
        if self.nfa.states.len() > STATE_LIMIT {
            return Err(CompileError::Memory);
        }
        Ok((self.nfa.states.len() - 1) as u32)
    }

    fn single(&mut self, op: Op, rust: String) -> CResult<Seq> {
        let id = self.insert(op, NONE, NONE)?;
        Ok(Seq {
            start: id,
            end: id,
            rust,
        })
    }

    fn dummy(&mut self) -> CResult<u32> {
        self.insert(Op::Dummy, NONE, NONE)
    }

    fn link(&mut self, from: u32, to: u32) {
        self.nfa.states[from as usize].next = to;
    }

    /// Copies the states of `seq` like `_StateSeq::_M_clone`.
    fn clone_seq(&mut self, seq: &Seq) -> CResult<Seq> {
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
    fn finish_alternative(&mut self, terms: Vec<Seq>) -> CResult<Seq> {
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

    fn combine_alternatives(&mut self, left: Seq, right: Seq) -> CResult<Seq> {
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

    fn try_char(&mut self) -> CResult<Option<u8>> {
        if let Tok::Ord(c) = self.tok {
            self.advance()?;
            Ok(Some(c))
        } else {
            Ok(None)
        }
    }

    fn bracket(&mut self, neg: bool) -> CResult<Seq> {
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

    fn expression_term(&mut self, last: &mut Last, m: &mut Bracket) -> CResult<bool> {
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
    fn quantifiers(&mut self, mut e: Seq) -> CResult<Seq> {
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

    fn interval(&mut self, r: Seq) -> CResult<Seq> {
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

    fn compile(mut self) -> CResult<(Nfa, String)> {
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
    fn finish_nfa(&mut self) {
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
    }
}

// ---------------------------------------------------------------------------
// Executor (mirrors libstdc++'s depth-first `_Executor` in POSIX mode)
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Sub {
    first: usize,
    second: usize,
    matched: bool,
}

const UNSET: Sub = Sub {
    first: usize::MAX,
    second: usize::MAX,
    matched: false,
};

#[derive(Clone, Copy, Debug)]
struct RepCount {
    epoch: u32,
    pos: usize,
    count: u32,
}

enum Frame2 {
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

struct OutOfBudget;

struct Exec<'a> {
    nfa: &'a Nfa,
    s: &'a [u8],
    begin: usize,
    prev_avail: bool,
    not_null: bool,
    exact: bool,
    cur_results: Vec<Sub>,
    results: Vec<Sub>,
    sol_pos: Option<usize>,
    has_sol: bool,
    rep: Vec<RepCount>,
    epoch: u32,
    stack: Vec<Frame2>,
    steps: u64,
    budget: u64,
}

#[derive(Clone, Copy, Default)]
struct Flags {
    prev_avail: bool,
    not_null: bool,
    continuous: bool,
}

impl<'a> Exec<'a> {
    fn new(nfa: &'a Nfa, s: &'a [u8], budget: Option<u64>) -> Self {
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

    fn rep_get(&self, i: u32) -> RepCount {
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

    fn rep_set(&mut self, i: u32, mut r: RepCount) {
        r.epoch = self.epoch;
        self.rep[i as usize] = r;
    }

    fn tick(&mut self, n: u64) -> Result<(), OutOfBudget> {
        self.steps = self.steps.saturating_add(n);
        if self.steps > self.budget || self.stack.len() > FRAME_LIMIT {
            Err(OutOfBudget)
        } else {
            Ok(())
        }
    }

    /// One attempt at position `begin` (`_M_main` for the DFS executor).
    fn attempt(&mut self, begin: usize, exact: bool, flags: Flags) -> Result<bool, OutOfBudget> {
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

    fn run(&mut self, start: u32, start_cur: usize) -> Result<(), OutOfBudget> {
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
    fn loop_count(&self, base: usize, j: usize, orig: RepCount, after1: RepCount) -> RepCount {
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
    fn search(&mut self, start: usize, flags: Flags) -> Result<bool, OutOfBudget> {
        let mut b = start;
        let mut flags = flags;
        loop {
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

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

/// A compiled POSIX extended regular expression with Nix 2.8 (libstdc++)
/// semantics.  Create it with [`compile_ere`].
pub struct Regex {
    pattern: String,
    nfa: Nfa,
    rust_syntax: String,
    fallback: OnceLock<Option<Fallback>>,
    step_budget: u64,
}

/// Default number of backtracking steps per `match`/`split` call (plus 200
/// per input byte) before falling back to the `regex` crate; about 1.5 s of
/// work in an optimised build, comparable to what libstdc++ needs for the
/// same exploration.
pub const DEFAULT_STEP_BUDGET: u64 = 300_000_000;

struct Fallback {
    search: regex::bytes::Regex,
    exact: regex::bytes::Regex,
}

impl fmt::Debug for Regex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Regex")
            .field("pattern", &self.pattern)
            .finish_non_exhaustive()
    }
}

impl Regex {
    /// The source pattern.
    pub fn pattern(&self) -> &str {
        &self.pattern
    }

    /// Number of capture groups (not counting the whole match).
    pub fn group_count(&self) -> usize {
        self.nfa.groups.saturating_sub(1)
    }

    /// The pattern translated into the `regex` crate's syntax (to be
    /// compiled as a `regex::bytes::Regex`; `^`/`$` become `\A`/`\z`).  This
    /// is what the fallback engine uses.
    pub fn rust_syntax(&self) -> &str {
        &self.rust_syntax
    }

    fn fallback(&self) -> Option<&Fallback> {
        self.fallback
            .get_or_init(|| {
                let build = |p: String| {
                    regex::bytes::RegexBuilder::new(&p)
                        .unicode(false)
                        .dot_matches_new_line(true)
                        .size_limit(64 << 20)
                        .build()
                        .ok()
                };
                let search = build(format!("(?s-u){}", self.rust_syntax))?;
                let exact = build(format!("(?s-u)\\A(?:{})\\z", self.rust_syntax))?;
                Some(Fallback { search, exact })
            })
            .as_ref()
    }

    fn budget(&self, len: usize) -> u64 {
        self.step_budget
            .saturating_add((len as u64).saturating_mul(200))
    }

    /// Sets the number of backtracking steps allowed per call (plus 200 per
    /// input byte) before the `regex` crate fallback takes over (see the
    /// module documentation).  [`DEFAULT_STEP_BUDGET`] by default.
    pub fn set_step_budget(&mut self, steps: u64) {
        self.step_budget = steps;
    }
}

/// Compiles a POSIX extended regular expression the way Nix 2.8 does
/// (`std::regex::extended` from libstdc++).
///
/// The error string is Nix's message: `invalid regular expression '<re>'`, or
/// `memory limit exceeded by regular expression '<re>'` when the automaton
/// would exceed libstdc++'s state limit.
pub fn compile_ere(pattern: &str) -> Result<Regex, String> {
    let result = Compiler::new(pattern.as_bytes()).and_then(|c| c.compile());
    match result {
        Ok((nfa, rust_syntax)) => Ok(Regex {
            pattern: pattern.to_string(),
            nfa,
            rust_syntax,
            fallback: OnceLock::new(),
            step_budget: DEFAULT_STEP_BUDGET,
        }),
        Err(CompileError::Invalid) => Err(format!("invalid regular expression '{pattern}'")),
        Err(CompileError::Memory) => Err(format!(
            "memory limit exceeded by regular expression '{pattern}'"
        )),
    }
}

type Spans = Vec<Option<(usize, usize)>>;

fn spans_of(results: &[Sub]) -> Spans {
    results
        .iter()
        .map(|r| {
            if r.matched && r.first <= r.second {
                Some((r.first, r.second))
            } else {
                None
            }
        })
        .collect()
}

fn spans_of_captures(c: &regex::bytes::Captures<'_>, n: usize) -> Spans {
    (0..n)
        .map(|i| c.get(i).map(|m| (m.start(), m.end())))
        .collect()
}

/// Whole-string match (like `std::regex_match`).  Returns the byte spans of
/// all groups including group 0, or `None` when the string does not match.
fn match_spans(re: &Regex, s: &[u8]) -> Option<Spans> {
    let mut ex = Exec::new(&re.nfa, s, Some(re.budget(s.len())));
    match ex.attempt(0, true, Flags::default()) {
        Ok(true) => return Some(spans_of(&ex.results)),
        Ok(false) => return None,
        Err(OutOfBudget) => {}
    }
    if let Some(fb) = re.fallback() {
        return fb
            .exact
            .captures(s)
            .map(|c| spans_of_captures(&c, re.nfa.groups));
    }
    let mut ex = Exec::new(&re.nfa, s, None);
    match ex.attempt(0, true, Flags::default()) {
        Ok(true) => Some(spans_of(&ex.results)),
        _ => None,
    }
}

/// `builtins.match` on bytes: `None` if the whole of `s` does not match,
/// otherwise the capture groups 1..n (`None` for groups that did not
/// participate).
pub fn regex_match_bytes(re: &Regex, s: &[u8]) -> Option<Vec<Option<Vec<u8>>>> {
    let spans = match_spans(re, s)?;
    Some(
        spans
            .iter()
            .skip(1)
            .map(|sp| sp.map(|(a, b)| s[a..b].to_vec()))
            .collect(),
    )
}

/// `builtins.match`: `None` if the whole of `s` does not match, otherwise the
/// capture groups 1..n (`None` for groups that did not participate).
///
/// Captures that split a multi-byte UTF-8 sequence are converted lossily.
pub fn regex_match(re: &Regex, s: &str) -> Option<Vec<Option<String>>> {
    let spans = match_spans(re, s.as_bytes())?;
    Some(
        spans
            .iter()
            .skip(1)
            .map(|sp| sp.map(|(a, b)| lossy(&s.as_bytes()[a..b])))
            .collect(),
    )
}

fn lossy(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// One element of the result of `builtins.split`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SplitPart {
    /// Text between matches (or before the first / after the last match).
    Text(String),
    /// The capture groups 1..n of a match (`None` for non-participating
    /// groups).
    Groups(Vec<Option<String>>),
}

/// Like [`SplitPart`], with Nix's raw bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SplitPartBytes {
    /// Text between matches.
    Text(Vec<u8>),
    /// The capture groups 1..n of a match.
    Groups(Vec<Option<Vec<u8>>>),
}

/// Searches for successive matches like `std::sregex_iterator`, returning the
/// group spans (including group 0) of every match.
fn split_spans(re: &Regex, s: &[u8]) -> Vec<Spans> {
    let len = s.len();
    let mut out = Vec::new();
    let mut ex = Exec::new(&re.nfa, s, Some(re.budget(len)));
    let mut use_fallback = false;

    // Runs one `regex_search`, switching to the fallback engine for good if
    // the backtracking engine runs out of budget.
    let mut search = |start: usize, flags: Flags, use_fallback: &mut bool| -> Option<Spans> {
        if !*use_fallback {
            match ex.search(start, flags) {
                Ok(true) => return Some(spans_of(&ex.results)),
                Ok(false) => return None,
                Err(OutOfBudget) => {
                    *use_fallback = true;
                }
            }
        }
        match re.fallback() {
            Some(fb) => {
                let c = fb.search.captures_at(s, start)?;
                let m = c.get(0)?;
                if flags.continuous && (m.start() != start || (flags.not_null && m.is_empty())) {
                    return None;
                }
                Some(spans_of_captures(&c, re.nfa.groups))
            }
            None => {
                let mut ex2 = Exec::new(&re.nfa, s, None);
                match ex2.search(start, flags) {
                    Ok(true) => Some(spans_of(&ex2.results)),
                    _ => None,
                }
            }
        }
    };

    let mut flags = Flags::default();
    let mut current = search(0, flags, &mut use_fallback);
    while let Some(m) = current.take() {
        let Some((ms, me)) = m.first().copied().flatten() else {
            break;
        };
        out.push(m);
        let mut start = me;
        if ms == me {
            if me >= len {
                break;
            }
            let retry = Flags {
                not_null: true,
                continuous: true,
                ..flags
            };
            if let Some(m2) = search(me, retry, &mut use_fallback) {
                current = Some(m2);
                continue;
            }
            start += 1;
        }
        flags.prev_avail = true;
        current = search(start, flags, &mut use_fallback);
    }
    out
}

/// `builtins.split` on bytes.
pub fn regex_split_bytes(re: &Regex, s: &[u8]) -> Vec<SplitPartBytes> {
    let matches = split_spans(re, s);
    let mut out = Vec::with_capacity(matches.len() * 2 + 1);
    let mut prev = 0usize;
    for m in &matches {
        let Some((ms, me)) = m.first().copied().flatten() else {
            continue;
        };
        out.push(SplitPartBytes::Text(s[prev.min(ms)..ms].to_vec()));
        out.push(SplitPartBytes::Groups(
            m.iter()
                .skip(1)
                .map(|sp| sp.map(|(a, b)| s[a..b].to_vec()))
                .collect(),
        ));
        prev = me;
    }
    out.push(SplitPartBytes::Text(s[prev.min(s.len())..].to_vec()));
    out
}

/// `builtins.split`: the text between matches alternating with the capture
/// groups of each match, e.g. `split "(a)|b" "xaybz"` gives
/// `[ "x" ["a"] "y" [null] "z" ]`.  A string without matches gives a
/// one-element list.
///
/// Pieces that split a multi-byte UTF-8 sequence are converted lossily.
pub fn regex_split(re: &Regex, s: &str) -> Vec<SplitPart> {
    regex_split_bytes(re, s.as_bytes())
        .into_iter()
        .map(|p| match p {
            SplitPartBytes::Text(t) => SplitPart::Text(lossy(&t)),
            SplitPartBytes::Groups(g) => {
                SplitPart::Groups(g.into_iter().map(|x| x.map(|b| lossy(&b))).collect())
            }
        })
        .collect()
}

/// A cache of compiled regular expressions keyed by pattern (Nix keeps a
/// similar cache).  Only successful compilations are cached.
#[derive(Default, Debug)]
pub struct RegexCache {
    map: HashMap<String, Arc<Regex>>,
}

impl RegexCache {
    /// Creates an empty cache.
    pub fn new() -> Self {
        Self::default()
    }

    /// Returns the compiled form of `pattern`, compiling it on first use.
    pub fn get_or_compile(&mut self, pattern: &str) -> Result<Arc<Regex>, String> {
        if let Some(re) = self.map.get(pattern) {
            return Ok(re.clone());
        }
        let re = Arc::new(compile_ere(pattern)?);
        self.map.insert(pattern.to_string(), re.clone());
        Ok(re)
    }

    /// Number of cached patterns.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether the cache is empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Drops all cached patterns.
    pub fn clear(&mut self) {
        self.map.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(op: &str, pattern: &str, input: &str) -> String {
        let re = match compile_ere(pattern) {
            Ok(re) => re,
            Err(e) => return serde_json::json!({ "error": e }).to_string(),
        };
        let v = if op == "m" {
            match regex_match(&re, input) {
                None => serde_json::Value::Null,
                Some(g) => serde_json::json!(g),
            }
        } else {
            serde_json::Value::Array(
                regex_split(&re, input)
                    .into_iter()
                    .map(|p| match p {
                        SplitPart::Text(t) => serde_json::json!(t),
                        SplitPart::Groups(g) => serde_json::json!(g),
                    })
                    .collect(),
            )
        };
        v.to_string()
    }

    /// `(op, pattern, input, expected)`: `op` is `m` for `builtins.match`,
    /// `s` for `builtins.split`; `expected` is the output of
    /// `nix-instantiate --eval --strict --json` (Nix 2.8), or the first line of
    /// its error.  Invalid UTF-8 in Nix's output shows as U+FFFD.
    #[rustfmt::skip]
    const CASES: &[(&str, &str, &str, &str)] = &[
        // builtins.split "(a)|b" "xaybz"
        ("s", "(a)|b", "xaybz", "[\"x\",[\"a\"],\"y\",[null],\"z\"]"),
        // builtins.split "x*" "ax"
        ("s", "x*", "ax", "[\"\",[],\"a\",[],\"\",[],\"\"]"),
        // builtins.split "x*" "axxb"
        ("s", "x*", "axxb", "[\"\",[],\"a\",[],\"\",[],\"b\",[],\"\"]"),
        // builtins.split "" "abc"
        ("s", "", "abc", "[\"\",[],\"a\",[],\"b\",[],\"c\",[],\"\"]"),
        // builtins.split "" ""
        ("s", "", "", "[\"\",[],\"\"]"),
        // builtins.split "a" ""
        ("s", "a", "", "[\"\"]"),
        // builtins.split "a" "a"
        ("s", "a", "a", "[\"\",[],\"\"]"),
        // builtins.split "(a|ab)" "xabx"
        ("s", "(a|ab)", "xabx", "[\"x\",[\"ab\"],\"x\"]"),
        // builtins.split "(ab|a)" "xabx"
        ("s", "(ab|a)", "xabx", "[\"x\",[\"ab\"],\"x\"]"),
        // builtins.split "a*(ab)?" "aab"
        ("s", "a*(ab)?", "aab", "[\"\",[null],\"\",[null],\"b\",[null],\"\"]"),
        // builtins.split "(a*)(ab)?" "aab"
        ("s", "(a*)(ab)?", "aab", "[\"\",[\"aa\",null],\"\",[\"\",null],\"b\",[\"\",null],\"\"]"),
        // builtins.split "(|a)" "ab"
        ("s", "(|a)", "ab", "[\"\",[\"a\"],\"\",[\"\"],\"b\",[\"\"],\"\"]"),
        // builtins.split "(a|)" "ab"
        ("s", "(a|)", "ab", "[\"\",[\"a\"],\"\",[\"\"],\"b\",[\"\"],\"\"]"),
        // builtins.split "^" "ab"
        ("s", "^", "ab", "[\"\",[],\"ab\"]"),
        // builtins.split "^a|b" "aab"
        ("s", "^a|b", "aab", "[\"\",[],\"a\",[],\"\"]"),
        // builtins.split "\$" "ab"
        ("s", "$", "ab", "[\"ab\",[],\"\"]"),
        // builtins.split "(a)|(b)" "ab"
        ("s", "(a)|(b)", "ab", "[\"\",[\"a\",null],\"\",[null,\"b\"],\"\"]"),
        // builtins.split "(a|ab)(c|bcd)(d*)" "abcd"
        ("s", "(a|ab)(c|bcd)(d*)", "abcd", "[\"\",[\"a\",\"bcd\",\"\"],\"\"]"),
        // builtins.split "[[:space:]]+" " a  b\tc\n"
        ("s", "[[:space:]]+", " a  b\tc\n", "[\"\",[],\"a\",[],\"b\",[],\"c\",[],\"\"]"),
        // builtins.split "([[:upper:]])" "helloWorldFoo"
        ("s", "([[:upper:]])", "helloWorldFoo", "[\"hello\",[\"W\"],\"orld\",[\"F\"],\"oo\"]"),
        // builtins.split "\\." "1.2.3"
        ("s", "\\.", "1.2.3", "[\"1\",[],\"2\",[],\"3\"]"),
        // builtins.split "(,)|(;)" "a,b;c"
        ("s", "(,)|(;)", "a,b;c", "[\"a\",[\",\",null],\"b\",[null,\";\"],\"c\"]"),
        // builtins.match "(a|ab)(c|bcd)(d*)" "abcd"
        ("m", "(a|ab)(c|bcd)(d*)", "abcd", "[\"a\",\"bcd\",\"\"]"),
        // builtins.match "(a*)*" "b"
        ("m", "(a*)*", "b", "null"),
        // builtins.match "(a*)*" ""
        ("m", "(a*)*", "", "[\"\"]"),
        // builtins.match "(a*)+" ""
        ("m", "(a*)+", "", "[\"\"]"),
        // builtins.match "(a|b)*" "ab"
        ("m", "(a|b)*", "ab", "[\"b\"]"),
        // builtins.match "((a)|b)*" "ab"
        ("m", "((a)|b)*", "ab", "[\"b\",\"a\"]"),
        // builtins.match "(a*)*b" "aab"
        ("m", "(a*)*b", "aab", "[\"\"]"),
        // builtins.match "(a*)+b" "aab"
        ("m", "(a*)+b", "aab", "[\"\"]"),
        // builtins.match "()*" ""
        ("m", "()*", "", "[\"\"]"),
        // builtins.match "(()|a)*" "a"
        ("m", "(()|a)*", "a", "[\"\",\"\"]"),
        // builtins.match "(a?)*" "aa"
        ("m", "(a?)*", "aa", "[\"\"]"),
        // builtins.match "(a?){2}" "a"
        ("m", "(a?){2}", "a", "[\"\"]"),
        // builtins.match "(a?){3}" "aa"
        ("m", "(a?){3}", "aa", "[\"\"]"),
        // builtins.match "(a|b)?" ""
        ("m", "(a|b)?", "", "[null]"),
        // builtins.match "(a|b){0}" ""
        ("m", "(a|b){0}", "", "[null]"),
        // builtins.match "(a){0,0}x" "x"
        ("m", "(a){0,0}x", "x", "[null]"),
        // builtins.match "()|a" "a"
        ("m", "()|a", "a", "[null]"),
        // builtins.match "(a|b){2,3}" "aba"
        ("m", "(a|b){2,3}", "aba", "[\"a\"]"),
        // builtins.match "(a){2}" "aa"
        ("m", "(a){2}", "aa", "[\"a\"]"),
        // builtins.match "a{4294967297}" "a"
        ("m", "a{4294967297}", "a", "[]"),
        // builtins.match "a{2147483648}" ""
        ("m", "a{2147483648}", "", "[]"),
        // builtins.match "a{0,18446744073709551618}" "aa"
        ("m", "a{0,18446744073709551618}", "aa", "[]"),
        // builtins.match "a{01}" "a"
        ("m", "a{01}", "a", "[]"),
        // builtins.match "a**" "aa"
        ("m", "a**", "aa", "[]"),
        // builtins.match "a+?" "a"
        ("m", "a+?", "a", "[]"),
        // builtins.match "a?{2}" "a"
        ("m", "a?{2}", "a", "[]"),
        // builtins.match "a{2}{3}" "aaaaaa"
        ("m", "a{2}{3}", "aaaaaa", "[]"),
        // builtins.match "|a" ""
        ("m", "|a", "", "[]"),
        // builtins.match "a||b" "b"
        ("m", "a||b", "b", "[]"),
        // builtins.match "." "\n"
        ("m", ".", "\n", "[]"),
        // builtins.match "a\nb" "a\nb"
        ("m", "a\nb", "a\nb", "[]"),
        // builtins.match "a^b" "a^b"
        ("m", "a^b", "a^b", "null"),
        // builtins.match "a\$b" "a\$b"
        ("m", "a$b", "a$b", "null"),
        // builtins.match "x^" "x"
        ("m", "x^", "x", "null"),
        // builtins.match "(^a)" "a"
        ("m", "(^a)", "a", "[\"a\"]"),
        // builtins.match "(^)*" ""
        ("m", "(^)*", "", "[\"\"]"),
        // builtins.match "(^a|b)*" "ab"
        ("m", "(^a|b)*", "ab", "[\"b\"]"),
        // builtins.match "\\\$" "\$"
        ("m", "\\$", "$", "[]"),
        // builtins.match "\\\\" "\\"
        ("m", "\\\\", "\\", "[]"),
        // builtins.match "\\{" "{"
        ("m", "\\{", "{", "[]"),
        // builtins.match "]" "]"
        ("m", "]", "]", "[]"),
        // builtins.match "}" "}"
        ("m", "}", "}", "[]"),
        // builtins.match "[]a]*" "]a]"
        ("m", "[]a]*", "]a]", "[]"),
        // builtins.match "[^]a]" "b"
        ("m", "[^]a]", "b", "[]"),
        // builtins.match "[^]a]" "]"
        ("m", "[^]a]", "]", "null"),
        // builtins.match "[]-a]*" "]^a"
        ("m", "[]-a]*", "]^a", "[]"),
        // builtins.match "[]-a]" "-"
        ("m", "[]-a]", "-", "null"),
        // builtins.match "[a-]*" "a-"
        ("m", "[a-]*", "a-", "[]"),
        // builtins.match "[-a]*" "-a"
        ("m", "[-a]*", "-a", "[]"),
        // builtins.match "[^-a]" "-"
        ("m", "[^-a]", "-", "null"),
        // builtins.match "[a-c-]*" "ab-c"
        ("m", "[a-c-]*", "ab-c", "[]"),
        // builtins.match "[--/]*" "-./"
        ("m", "[--/]*", "-./", "[]"),
        // builtins.match "[!--]*" "!,-"
        ("m", "[!--]*", "!,-", "[]"),
        // builtins.match "[a-a]" "a"
        ("m", "[a-a]", "a", "[]"),
        // builtins.match "[\\n]*" "\\n"
        ("m", "[\\n]*", "\\n", "[]"),
        // builtins.match "[\\]]" "\\]"
        ("m", "[\\]]", "\\]", "[]"),
        // builtins.match "[[]" "["
        ("m", "[[]", "[", "[]"),
        // builtins.match "[a[]*" "[a"
        ("m", "[a[]*", "[a", "[]"),
        // builtins.match "[[:alpha:]]*" "aZ"
        ("m", "[[:alpha:]]*", "aZ", "[]"),
        // builtins.match "[[:alpha:]]" "é"
        ("m", "[[:alpha:]]", "é", "null"),
        // builtins.match "[[:w:]]*" "a_1"
        ("m", "[[:w:]]*", "a_1", "[]"),
        // builtins.match "[[:d:]]*" "123"
        ("m", "[[:d:]]*", "123", "[]"),
        // builtins.match "[[:s:]]" " "
        ("m", "[[:s:]]", " ", "[]"),
        // builtins.match "[[:ALPHA:]]" "a"
        ("m", "[[:ALPHA:]]", "a", "[]"),
        // builtins.match "[[.a.]]" "a"
        ("m", "[[.a.]]", "a", "[]"),
        // builtins.match "[[.space.]]" " "
        ("m", "[[.space.]]", " ", "[]"),
        // builtins.match "[[.hyphen.]]" "-"
        ("m", "[[.hyphen.]]", "-", "[]"),
        // builtins.match "[[.circumflex.][.grave-accent.][.IS4.]]*" "^`"
        ("m", "[[.circumflex.][.grave-accent.][.IS4.]]*", "^`\u{1c}", "[]"),
        // builtins.match "[[.left-curly-bracket.][.vertical-line.][.commercial-at.]]*" "{|@"
        ("m", "[[.left-curly-bracket.][.vertical-line.][.commercial-at.]]*", "{|@", "[]"),
        // builtins.match "[[=a=]]*" "aA"
        ("m", "[[=a=]]*", "aA", "[]"),
        // builtins.match "[[:alpha:][:digit:]]*" "a1"
        ("m", "[[:alpha:][:digit:]]*", "a1", "[]"),
        // builtins.match "[a-z&&[^b]]" "b]"
        ("m", "[a-z&&[^b]]", "b]", "[]"),
        // builtins.match "[[:blank:]]*" " \t"
        ("m", "[[:blank:]]*", " \t", "[]"),
        // builtins.match "[[:blank:]]" "\n"
        ("m", "[[:blank:]]", "\n", "null"),
        // builtins.match "[[:punct:]]*" "!_~"
        ("m", "[[:punct:]]*", "!_~", "[]"),
        // builtins.match "[[:xdigit:]]*" "aF0"
        ("m", "[[:xdigit:]]*", "aF0", "[]"),
        // builtins.match "[[:cntrl:]]" "\t"
        ("m", "[[:cntrl:]]", "\t", "[]"),
        // builtins.match "[[:print:]]" " "
        ("m", "[[:print:]]", " ", "[]"),
        // builtins.match "[[:graph:]]" " "
        ("m", "[[:graph:]]", " ", "null"),
        // builtins.match "[é-a]" "a"
        ("m", "[é-a]", "a", "[]"),
        // builtins.match "[é]" "é"
        ("m", "[é]", "é", "null"),
        // builtins.match "[é]+" "é"
        ("m", "[é]+", "é", "[]"),
        // builtins.match "." "é"
        ("m", ".", "é", "null"),
        // builtins.match ".." "é"
        ("m", "..", "é", "[]"),
        // builtins.match "(.*)-(.*)" "héllo-wörld"
        ("m", "(.*)-(.*)", "héllo-wörld", "[\"héllo\",\"wörld\"]"),
        // builtins.match "([^-]+)-([0-9.]+)" "foo-1.2.3"
        ("m", "([^-]+)-([0-9.]+)", "foo-1.2.3", "[\"foo\",\"1.2.3\"]"),
        // builtins.match ".*\\.nix" "default.nix"
        ("m", ".*\\.nix", "default.nix", "[]"),
        // builtins.match "[a-zA-Z_][a-zA-Z0-9_'-]*" "foo'-bar"
        ("m", "[a-zA-Z_][a-zA-Z0-9_'-]*", "foo'-bar", "[]"),
        // builtins.match "(" "x"
        ("m", "(", "x", "{\"error\":\"invalid regular expression '('\"}"),
        // builtins.match ")" ")"
        ("m", ")", ")", "{\"error\":\"invalid regular expression ')'\"}"),
        // builtins.match "a)" "a)"
        ("m", "a)", "a)", "{\"error\":\"invalid regular expression 'a)'\"}"),
        // builtins.match "[" "x"
        ("m", "[", "x", "{\"error\":\"invalid regular expression '['\"}"),
        // builtins.match "a{" "a{"
        ("m", "a{", "a{", "{\"error\":\"invalid regular expression 'a{'\"}"),
        // builtins.match "a{1" "a"
        ("m", "a{1", "a", "{\"error\":\"invalid regular expression 'a{1'\"}"),
        // builtins.match "a{,2}" "aa"
        ("m", "a{,2}", "aa", "{\"error\":\"invalid regular expression 'a{,2}'\"}"),
        // builtins.match "a{2,1}" "aa"
        ("m", "a{2,1}", "aa", "{\"error\":\"invalid regular expression 'a{2,1}'\"}"),
        // builtins.match "{1}" "x"
        ("m", "{1}", "x", "{\"error\":\"invalid regular expression '{1}'\"}"),
        // builtins.match "a{x}" "a{x}"
        ("m", "a{x}", "a{x}", "{\"error\":\"invalid regular expression 'a{x}'\"}"),
        // builtins.match "a{ 1}" "a"
        ("m", "a{ 1}", "a", "{\"error\":\"invalid regular expression 'a{ 1}'\"}"),
        // builtins.match "a{,}" ""
        ("m", "a{,}", "", "{\"error\":\"invalid regular expression 'a{,}'\"}"),
        // builtins.match "a{}" ""
        ("m", "a{}", "", "{\"error\":\"invalid regular expression 'a{}'\"}"),
        // builtins.match "*a" "a"
        ("m", "*a", "a", "{\"error\":\"invalid regular expression '*a'\"}"),
        // builtins.match "(*a)" "a"
        ("m", "(*a)", "a", "{\"error\":\"invalid regular expression '(*a)'\"}"),
        // builtins.match "^*" "a"
        ("m", "^*", "a", "{\"error\":\"invalid regular expression '^*'\"}"),
        // builtins.match "a|*b" "a"
        ("m", "a|*b", "a", "{\"error\":\"invalid regular expression 'a|*b'\"}"),
        // builtins.match "(?:a)" "a"
        ("m", "(?:a)", "a", "{\"error\":\"invalid regular expression '(?:a)'\"}"),
        // builtins.match "(a))" "a"
        ("m", "(a))", "a", "{\"error\":\"invalid regular expression '(a))'\"}"),
        // builtins.match "\\" "x"
        ("m", "\\", "x", "{\"error\":\"invalid regular expression '\\\\'\"}"),
        // builtins.match "\\1" "1"
        ("m", "\\1", "1", "{\"error\":\"invalid regular expression '\\\\1'\"}"),
        // builtins.match "(a)\\1" "aa"
        ("m", "(a)\\1", "aa", "{\"error\":\"invalid regular expression '(a)\\\\1'\"}"),
        // builtins.match "\\n" "n"
        ("m", "\\n", "n", "{\"error\":\"invalid regular expression '\\\\n'\"}"),
        // builtins.match "\\d" "d"
        ("m", "\\d", "d", "{\"error\":\"invalid regular expression '\\\\d'\"}"),
        // builtins.match "\\]" "]"
        ("m", "\\]", "]", "{\"error\":\"invalid regular expression '\\\\]'\"}"),
        // builtins.match "\\}" "}"
        ("m", "\\}", "}", "{\"error\":\"invalid regular expression '\\\\}'\"}"),
        // builtins.match "\\/" "/"
        ("m", "\\/", "/", "{\"error\":\"invalid regular expression '\\\\/'\"}"),
        // builtins.match "[a-c-e]" "a"
        ("m", "[a-c-e]", "a", "{\"error\":\"invalid regular expression '[a-c-e]'\"}"),
        // builtins.match "[c-a]" "a"
        ("m", "[c-a]", "a", "{\"error\":\"invalid regular expression '[c-a]'\"}"),
        // builtins.match "[[:foo:]]" "a"
        ("m", "[[:foo:]]", "a", "{\"error\":\"invalid regular expression '[[:foo:]]'\"}"),
        // builtins.match "[[:alpha:]-z]" "a"
        ("m", "[[:alpha:]-z]", "a", "{\"error\":\"invalid regular expression '[[:alpha:]-z]'\"}"),
        // builtins.match "[a-[:alpha:]]" "a"
        ("m", "[a-[:alpha:]]", "a", "{\"error\":\"invalid regular expression '[a-[:alpha:]]'\"}"),
        // builtins.match "[[.-.]]" "-"
        ("m", "[[.-.]]", "-", "{\"error\":\"invalid regular expression '[[.-.]]'\"}"),
        // builtins.match "[[.Space.]]" " "
        ("m", "[[.Space.]]", " ", "{\"error\":\"invalid regular expression '[[.Space.]]'\"}"),
        // builtins.match "[[.ab.]]" "a"
        ("m", "[[.ab.]]", "a", "{\"error\":\"invalid regular expression '[[.ab.]]'\"}"),
        // builtins.match "[[..]]" "a"
        ("m", "[[..]]", "a", "{\"error\":\"invalid regular expression '[[..]]'\"}"),
        // builtins.match "[[=-=]]" "-"
        ("m", "[[=-=]]", "-", "{\"error\":\"invalid regular expression '[[=-=]]'\"}"),
        // builtins.match "[[:alpha]]" "a"
        ("m", "[[:alpha]]", "a", "{\"error\":\"invalid regular expression '[[:alpha]]'\"}"),
        // builtins.match "[[:alpha:]" "a"
        ("m", "[[:alpha:]", "a", "{\"error\":\"invalid regular expression '[[:alpha:]'\"}"),
        // builtins.match "[a" "a"
        ("m", "[a", "a", "{\"error\":\"invalid regular expression '[a'\"}"),
        // builtins.match "[]" "a"
        ("m", "[]", "a", "{\"error\":\"invalid regular expression '[]'\"}"),
        // builtins.match "[^]" "a"
        ("m", "[^]", "a", "{\"error\":\"invalid regular expression '[^]'\"}"),
        // builtins.match "[a-é]" "a"
        ("m", "[a-é]", "a", "{\"error\":\"invalid regular expression '[a-é]'\"}"),
        // builtins.match "[--é]+" "é"
        ("m", "[--é]+", "é", "{\"error\":\"invalid regular expression '[--é]+'\"}"),
        // builtins.match "[[.zero.]-[.two.]]" "1"
        ("m", "[[.zero.]-[.two.]]", "1", "{\"error\":\"invalid regular expression '[[.zero.]-[.two.]]'\"}"),
        // builtins.match "a{100000}" "a"
        ("m", "a{100000}", "a", "{\"error\":\"memory limit exceeded by regular expression 'a{100000}'\"}"),
        // builtins.match "a{99994}" ""
        ("m", "a{99994}", "", "{\"error\":\"memory limit exceeded by regular expression 'a{99994}'\"}"),
        // builtins.match "a{99993}" ""
        ("m", "a{99993}", "", "null"),
        // builtins.match "(a){24998}" ""
        ("m", "(a){24998}", "", "{\"error\":\"memory limit exceeded by regular expression '(a){24998}'\"}"),
        // builtins.match "(a|b){12499}" ""
        ("m", "(a|b){12499}", "", "{\"error\":\"memory limit exceeded by regular expression '(a|b){12499}'\"}"),
        // builtins.match "a{0,49997}" ""
        ("m", "a{0,49997}", "", "{\"error\":\"memory limit exceeded by regular expression 'a{0,49997}'\"}"),
        // builtins.match "a{99999999999999999999}" "a"
        ("m", "a{99999999999999999999}", "a", "{\"error\":\"memory limit exceeded by regular expression 'a{99999999999999999999}'\"}"),
        // builtins.split "a{100000}" "x"
        ("s", "a{100000}", "x", "{\"error\":\"memory limit exceeded by regular expression 'a{100000}'\"}"),
        // builtins.split "(" "x"
        ("s", "(", "x", "{\"error\":\"invalid regular expression '('\"}"),
    ];

    #[test]
    fn matches_nix_oracle() {
        let mut failures = Vec::new();
        for (op, pattern, input, want) in CASES {
            let got = render(op, pattern, input);
            let want: serde_json::Value = serde_json::from_str(want).unwrap_or_default();
            let got: serde_json::Value = serde_json::from_str(&got).unwrap_or_default();
            if got != want {
                failures.push(format!(
                    "{op} {pattern:?} {input:?}: got {got}, want {want}"
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn bytes_api_keeps_raw_bytes() {
        // builtins.match "(.)(.)" "é" gives the two bytes of the UTF-8 sequence.
        let re = compile_ere("(.)(.)").unwrap();
        assert_eq!(
            regex_match_bytes(&re, "é".as_bytes()),
            Some(vec![Some(vec![0xc3]), Some(vec![0xa9])])
        );
        // builtins.split "" "é"
        let re = compile_ere("").unwrap();
        assert_eq!(
            regex_split_bytes(&re, "é".as_bytes()),
            vec![
                SplitPartBytes::Text(vec![]),
                SplitPartBytes::Groups(vec![]),
                SplitPartBytes::Text(vec![0xc3]),
                SplitPartBytes::Groups(vec![]),
                SplitPartBytes::Text(vec![0xa9]),
                SplitPartBytes::Groups(vec![]),
                SplitPartBytes::Text(vec![]),
            ]
        );
    }

    #[test]
    fn long_inputs_do_not_overflow_or_hang() {
        let line = "hello world foo bar\n";
        let big = line.repeat(50_000);
        let re = compile_ere(".*foo.*").unwrap();
        assert_eq!(regex_match(&re, &big), Some(vec![]));
        let re = compile_ere("(.*)\n(.*)").unwrap();
        let m = regex_match(&re, &big).unwrap();
        assert_eq!(m[0].as_deref().map(str::len), Some(big.len() - 1));
        assert_eq!(m[1].as_deref(), Some(""));
        let re = compile_ere("([^\n]*\n)*").unwrap();
        assert_eq!(regex_match(&re, &big), Some(vec![Some(line.to_string())]));
        let re = compile_ere("\n").unwrap();
        assert_eq!(regex_split(&re, &big).len(), 100_001);
        let re = compile_ere("(o|or)").unwrap();
        let parts = regex_split(&re, &big[..line.len()]);
        assert_eq!(
            parts,
            vec![
                SplitPart::Text("hell".into()),
                SplitPart::Groups(vec![Some("o".into())]),
                SplitPart::Text(" w".into()),
                SplitPart::Groups(vec![Some("or".into())]),
                SplitPart::Text("ld f".into()),
                SplitPart::Groups(vec![Some("o".into())]),
                SplitPart::Text("".into()),
                SplitPart::Groups(vec![Some("o".into())]),
                SplitPart::Text(" bar\n".into()),
            ]
        );
    }

    #[test]
    fn pathological_patterns_fall_back() {
        // Exponential for a backtracking engine (and for Nix); the step budget
        // hands over to the `regex` crate.
        let mut re = compile_ere("(a|a|aa)*(a|a|aa)*(a|aa)*b").unwrap();
        re.set_step_budget(1_000_000);
        let s = "a".repeat(40);
        assert_eq!(regex_match(&re, &s), None);
        let s = format!("{}b", "a".repeat(40));
        assert!(regex_match(&re, &s).is_some());
        let mut re = compile_ere("((a|a|aa)*c)|(a*b)").unwrap();
        re.set_step_budget(1_000_000);
        let parts = regex_split(&re, &format!("x{}bx", "a".repeat(40)));
        assert_eq!(parts.len(), 3);
    }

    #[test]
    fn cache_and_accessors() {
        let mut cache = RegexCache::new();
        assert!(cache.is_empty());
        let a = cache.get_or_compile("(a)(b)?").unwrap();
        let b = cache.get_or_compile("(a)(b)?").unwrap();
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!(cache.len(), 1);
        assert_eq!(a.group_count(), 2);
        assert_eq!(a.pattern(), "(a)(b)?");
        assert_eq!(
            cache.get_or_compile("(").unwrap_err(),
            "invalid regular expression '('"
        );
        assert_eq!(cache.len(), 1);
        cache.clear();
        assert!(cache.is_empty());
    }

    #[test]
    fn rust_translation_compiles() {
        for p in [
            "(a|b)*c{2,3}",
            "[^]a-c[:digit:]]+",
            "^x$",
            ".",
            "a{0,18446744073709551618}",
            "[^\\x00-\\xff]",
        ] {
            let re = compile_ere(p).unwrap();
            let src = format!("(?s-u){}", re.rust_syntax());
            assert!(
                ::regex::bytes::Regex::new(&src).is_ok() || p.contains("18446744073709551618"),
                "{p} -> {src}"
            );
        }
    }
}
