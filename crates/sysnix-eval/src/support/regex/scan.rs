//! Tokenising an ERE pattern: escapes, bracket expressions, character classes
//! and collating names as libstdc++'s scanner sees them.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum CompileError {
    Invalid,
    Memory,
}

pub(super) type CResult<T> = Result<T, CompileError>;

/// A state sequence under construction, together with its translation into
/// the `regex` crate's syntax.
#[derive(Clone, Debug)]
pub(super) struct Seq {
    pub(super) start: u32,
    pub(super) end: u32,
    pub(super) rust: String,
}

// ---------------------------------------------------------------------------
// Scanner (mirrors libstdc++'s POSIX extended scanner)
// ---------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Tok {
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
pub(super) enum ScanState {
    Normal,
    Bracket,
    Brace,
}

pub(super) struct Scanner<'a> {
    pub(super) pat: &'a [u8],
    pub(super) pos: usize,
    pub(super) state: ScanState,
    pub(super) at_bracket_start: bool,
}

/// Characters that may follow a backslash.
pub(super) const ESCAPABLE: &[u8] = b"^$\\.*+?()[{|";

impl Scanner<'_> {
    pub(super) fn peek(&self) -> Option<u8> {
        self.pat.get(self.pos).copied()
    }

    pub(super) fn scan(&mut self) -> CResult<Tok> {
        match self.state {
            ScanState::Normal => self.scan_normal(),
            ScanState::Bracket => self.scan_bracket(),
            ScanState::Brace => self.scan_brace(),
        }
    }

    pub(super) fn scan_normal(&mut self) -> CResult<Tok> {
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

    pub(super) fn scan_bracket(&mut self) -> CResult<Tok> {
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

    pub(super) fn eat_class(&mut self, delim: u8) -> CResult<Vec<u8>> {
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

    pub(super) fn scan_brace(&mut self) -> CResult<Tok> {
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

pub(super) const C_ALNUM: u16 = 1;
pub(super) const C_ALPHA: u16 = 2;
pub(super) const C_BLANK: u16 = 4;
pub(super) const C_CNTRL: u16 = 8;
pub(super) const C_DIGIT: u16 = 16;
pub(super) const C_GRAPH: u16 = 32;
pub(super) const C_LOWER: u16 = 64;
pub(super) const C_PRINT: u16 = 128;
pub(super) const C_PUNCT: u16 = 256;
pub(super) const C_SPACE: u16 = 512;
pub(super) const C_UPPER: u16 = 1024;
pub(super) const C_XDIGIT: u16 = 2048;
pub(super) const C_UNDER: u16 = 4096;

pub(super) fn lookup_class(name: &[u8]) -> Option<u16> {
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

pub(super) fn byte_in_class(b: u8, mask: u16) -> bool {
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
pub(super) const COLLATE_NAMES: [&str; 128] = [
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

pub(super) fn lookup_collate(name: &[u8]) -> Option<u8> {
    COLLATE_NAMES
        .iter()
        .position(|n| n.as_bytes() == name)
        .map(|i| i as u8)
}
