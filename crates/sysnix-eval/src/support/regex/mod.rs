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

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, OnceLock};

mod compile;
mod exec;
mod scan;
#[cfg(test)]
mod tests;

use compile::*;
use exec::*;
use scan::*;

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
    /// The bytes a match can begin with, when every match consumes at least one
    /// byte (`None` when one may be empty): a search skips the positions where
    /// no match can begin without running the executor there.
    first: Option<[u64; 4]>,
    /// Bytes every match contains (each passed by every path from the start to the
    /// accepting state as a `Byte` matcher): a text without one of them has no match,
    /// and the executor is not run on it.
    required: Vec<u8>,
}

fn set_contains(set: &[u64; 4], b: u8) -> bool {
    set[(b >> 6) as usize] & (1u64 << (b & 63)) != 0
}

/// What [`Nfa::walk`] does at a state.
enum Step {
    /// Go on to its successors.
    Past,
    /// Go no further along this path.
    Stop,
    /// End the walk.
    End,
}

impl Nfa {
    /// [`Nfa::first`]: the bytes matched by the byte matchers reachable from
    /// the start without consuming input, or `None` if the accepting state is
    /// reachable so (repeat counts and anchors are not looked at, which only
    /// makes the set larger or `None`).
    fn first_bytes(&self) -> Option<[u64; 4]> {
        if self.states.is_empty() {
            // An empty pattern: its match is empty.
            return None;
        }
        let mut set = [0u64; 4];
        let complete = self.walk(|st| match st.op {
            Op::Byte(_) | Op::Any | Op::Set(_) => {
                for b in 0..=255u8 {
                    if self.matches(st.op, b) {
                        set[(b >> 6) as usize] |= 1 << (b & 63);
                    }
                }
                Step::Stop
            }
            Op::Accept => Step::End,
            _ => Step::Past,
        });
        complete.then_some(set)
    }

    /// [`Nfa::required`]. Paths are followed through the graph without counting
    /// repeats, which finds more paths than there are, so fewer bytes: never one a
    /// match can lack.
    fn required_bytes(&self) -> Vec<u8> {
        if self.states.is_empty() {
            return Vec::new();
        }
        let mut bytes: Vec<u8> = self
            .states
            .iter()
            .filter_map(|s| match s.op {
                Op::Byte(b) => Some(b),
                _ => None,
            })
            .collect();
        bytes.sort_unstable();
        bytes.dedup();
        // Required: the accepting state cannot be reached without passing a `Byte(b)`.
        bytes.retain(|&b| {
            self.walk(|st| match st.op {
                Op::Byte(c) if c == b => Step::Stop,
                Op::Accept => Step::End,
                _ => Step::Past,
            })
        });
        bytes
    }

    /// Visits each state reachable from the start once; `step` says whether to go on
    /// past it, stop there, or end the walk. False when a step ended it.
    fn walk(&self, mut step: impl FnMut(State) -> Step) -> bool {
        let mut seen = vec![false; self.states.len()];
        let mut todo = vec![0u32];
        while let Some(id) = todo.pop() {
            if id == NONE || std::mem::replace(&mut seen[id as usize], true) {
                continue;
            }
            let st = self.states[id as usize];
            match step(st) {
                Step::End => return false,
                Step::Stop => {}
                Step::Past => {
                    todo.push(st.next);
                    if st.has_alt() {
                        todo.push(st.alt);
                    }
                }
            }
        }
        true
    }

    /// Whether `s` has every byte a match needs ([`Nfa::required`]).
    fn may_match(&self, s: &[u8]) -> bool {
        self.required
            .iter()
            .all(|&b| memchr::memchr(b, s).is_some())
    }

    fn matches(&self, op: Op, b: u8) -> bool {
        match op {
            Op::Byte(c) => b == c,
            Op::Any => b != 0,
            Op::Set(i) => set_contains(&self.sets[i as usize], b),
            _ => false,
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
    /// The text the pattern matches when it matches only that (no operators, only
    /// ordinary and escaped characters): searched for as text.
    literal: Option<Box<[u8]>>,
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
            literal: literal_text(pattern.as_bytes()),
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

/// The text a valid pattern stands for when it is nothing but text: each byte an
/// ordinary character or a backslash-escaped special one (`a\.b` is `a.b`), as the
/// scanner reads them. `None` for anything with an operator, and for the empty pattern
/// (whose matches are empty).
fn literal_text(pattern: &[u8]) -> Option<Box<[u8]>> {
    let mut out = Vec::with_capacity(pattern.len());
    let mut i = 0;
    while let Some(&c) = pattern.get(i) {
        match c {
            b'\\' => {
                let d = *pattern.get(i + 1)?;
                if !scan::ESCAPABLE.contains(&d) {
                    return None;
                }
                out.push(d);
                i += 2;
            }
            b'(' | b')' | b'[' | b'{' | b'^' | b'$' | b'.' | b'*' | b'+' | b'?' | b'|' | 0 => {
                return None;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    (!out.is_empty()).then(|| out.into_boxed_slice())
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
    if let Some(text) = &re.literal {
        return (**text == *s).then(|| vec![Some((0, s.len()))]);
    }
    if !re.nfa.may_match(s) {
        return None;
    }
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
    regex_match_map(re, s, Cow::into_owned)
}

/// [`regex_match`] with each capture made by `make` (from the text, borrowed from `s`
/// when it can be), so a caller can build its own strings without an intermediate one.
pub fn regex_match_map<'s, T>(
    re: &Regex,
    s: &'s str,
    mut make: impl FnMut(Cow<'s, str>) -> T,
) -> Option<Vec<Option<T>>> {
    let spans = match_spans(re, s.as_bytes())?;
    Some(
        spans
            .iter()
            .skip(1)
            .map(|sp| sp.map(|(a, b)| make(piece(s, a, b))))
            .collect(),
    )
}

/// `s[a..b]`: borrowed when both ends are character boundaries (no UTF-8 check
/// needed), converted lossily when they split a character.
fn piece(s: &str, a: usize, b: usize) -> Cow<'_, str> {
    match s.get(a..b) {
        Some(p) => Cow::Borrowed(p),
        None => String::from_utf8_lossy(&s.as_bytes()[a..b]),
    }
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
    if let Some(text) = &re.literal {
        // A non-empty text: its matches are its successive occurrences.
        return memchr::memmem::find_iter(s, &**text)
            .map(|at| vec![Some((at, at + text.len()))])
            .collect();
    }
    if !re.nfa.may_match(s) {
        return Vec::new();
    }
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

/// The pieces of `builtins.split`: the text between matches (`text`) alternating
/// with each match's groups (`groups`), each piece `s[a..b]` made by `piece`.
fn split_parts<T, P>(
    re: &Regex,
    s: &[u8],
    piece: impl Fn(usize, usize) -> T,
    text: impl Fn(T) -> P,
    groups: impl Fn(Vec<Option<T>>) -> P,
) -> Vec<P> {
    let matches = split_spans(re, s);
    let mut out = Vec::with_capacity(matches.len() * 2 + 1);
    let mut prev = 0usize;
    for m in &matches {
        let Some((ms, me)) = m.first().copied().flatten() else {
            continue;
        };
        out.push(text(piece(prev.min(ms), ms)));
        out.push(groups(
            m.iter()
                .skip(1)
                .map(|sp| sp.map(|(a, b)| piece(a, b)))
                .collect(),
        ));
        prev = me;
    }
    out.push(text(piece(prev.min(s.len()), s.len())));
    out
}

/// `builtins.split` on bytes.
pub fn regex_split_bytes(re: &Regex, s: &[u8]) -> Vec<SplitPartBytes> {
    split_parts(
        re,
        s,
        |a, b| s[a..b].to_vec(),
        SplitPartBytes::Text,
        SplitPartBytes::Groups,
    )
}

/// `builtins.split`: the text between matches alternating with the capture
/// groups of each match, e.g. `split "(a)|b" "xaybz"` gives
/// `[ "x" ["a"] "y" [null] "z" ]`.  A string without matches gives a
/// one-element list.
///
/// Pieces that split a multi-byte UTF-8 sequence are converted lossily.
pub fn regex_split(re: &Regex, s: &str) -> Vec<SplitPart> {
    regex_split_map(re, s, Cow::into_owned, SplitPart::Text, SplitPart::Groups)
}

/// [`regex_split`] with each piece made by `make` (from the text, borrowed from `s` when
/// it can be), the text between matches wrapped by `text` and each match's groups by
/// `groups`.
pub fn regex_split_map<'s, T, P>(
    re: &Regex,
    s: &'s str,
    make: impl Fn(Cow<'s, str>) -> T,
    text: impl Fn(T) -> P,
    groups: impl Fn(Vec<Option<T>>) -> P,
) -> Vec<P> {
    split_parts(re, s.as_bytes(), |a, b| make(piece(s, a, b)), text, groups)
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
