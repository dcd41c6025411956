//! The ATerm text of `.drv` files:
//! `Derive([outputs],[input drvs],[input srcs],platform,builder,[args],[env])`.
//!
//! Strings are double-quoted; in the user-controlled ones (builder, args,
//! environment) `"` and `\` are escaped with a backslash and newline,
//! carriage return and tab are written `\n`, `\r`, `\t`. Names and paths
//! are written without escaping, as Nix does.

use std::collections::{BTreeMap, BTreeSet};

use super::{Derivation, DerivationOutput};

impl Derivation {
    /// The `.drv` file's text, byte for byte as Nix writes it.
    pub fn unparse(&self) -> String {
        self.write_aterm(false, None)
    }

    /// The text with output paths blanked (when `mask_outputs`), both in
    /// the outputs and in the environment, and with `inputs` written in
    /// place of the input derivations when given: the form that
    /// `hashDerivationModulo` hashes.
    pub(crate) fn write_aterm(
        &self,
        mask_outputs: bool,
        inputs: Option<&BTreeMap<String, BTreeSet<String>>>,
    ) -> String {
        let mut s = String::with_capacity(1024);
        s.push_str("Derive([");
        for (i, (name, out)) in self.outputs.iter().enumerate() {
            comma(&mut s, i);
            s.push('(');
            raw(&mut s, name);
            s.push(',');
            raw(&mut s, if mask_outputs { "" } else { &out.path });
            s.push(',');
            raw(&mut s, &out.hash_algo);
            s.push(',');
            raw(&mut s, &out.hash);
            s.push(')');
        }
        s.push_str("],[");
        for (i, (path, outs)) in inputs.unwrap_or(&self.input_drvs).iter().enumerate() {
            comma(&mut s, i);
            s.push('(');
            raw(&mut s, path);
            s.push(',');
            list(&mut s, outs, raw);
            s.push(')');
        }
        s.push_str("],");
        list(&mut s, &self.input_srcs, raw);
        s.push(',');
        raw(&mut s, &self.platform);
        s.push(',');
        escaped(&mut s, &self.builder);
        s.push(',');
        list(&mut s, &self.args, escaped);
        s.push_str(",[");
        for (i, (key, value)) in self.env.iter().enumerate() {
            comma(&mut s, i);
            s.push('(');
            escaped(&mut s, key);
            s.push(',');
            let masked = mask_outputs && self.outputs.contains_key(key);
            escaped(&mut s, if masked { "" } else { value });
            s.push(')');
        }
        s.push_str("])");
        s
    }

    /// Reads a `.drv` file's text.
    pub fn parse(text: &str) -> Result<Derivation, String> {
        let mut p = Parser {
            text: text.as_bytes(),
            pos: 0,
        };
        let drv = p.derivation()?;
        if p.pos != p.text.len() {
            return Err(p.error("end of derivation"));
        }
        Ok(drv)
    }
}

fn comma(s: &mut String, index: usize) {
    if index > 0 {
        s.push(',');
    }
}

fn raw(s: &mut String, value: &str) {
    s.push('"');
    s.push_str(value);
    s.push('"');
}

fn escaped(s: &mut String, value: &str) {
    s.push('"');
    for c in value.chars() {
        match c {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            '\n' => s.push_str("\\n"),
            '\r' => s.push_str("\\r"),
            '\t' => s.push_str("\\t"),
            c => s.push(c),
        }
    }
    s.push('"');
}

fn list<'a>(
    s: &mut String,
    items: impl IntoIterator<Item = &'a String>,
    write: fn(&mut String, &str),
) {
    s.push('[');
    for (i, item) in items.into_iter().enumerate() {
        comma(s, i);
        write(s, item);
    }
    s.push(']');
}

/// A cursor over the text of a `.drv` file.
struct Parser<'a> {
    text: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn error(&self, expected: &str) -> String {
        format!("bad derivation: expected {expected} at offset {}", self.pos)
    }

    fn expect(&mut self, token: &str) -> Result<(), String> {
        if self.text[self.pos..].starts_with(token.as_bytes()) {
            self.pos += token.len();
            Ok(())
        } else {
            Err(self.error(&format!("'{token}'")))
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.text.get(self.pos) == Some(&byte);
        if found {
            self.pos += 1;
        }
        found
    }

    /// `[item,item,…]`, collecting what `item` reads for each element.
    fn list<T>(
        &mut self,
        mut item: impl FnMut(&mut Self) -> Result<T, String>,
    ) -> Result<Vec<T>, String> {
        self.expect("[")?;
        let mut items = Vec::new();
        if self.eat(b']') {
            return Ok(items);
        }
        loop {
            items.push(item(self)?);
            if self.eat(b']') {
                return Ok(items);
            }
            self.expect(",")?;
        }
    }

    /// `("…","…",…)`: a tuple of exactly `N` strings.
    fn tuple<const N: usize>(&mut self) -> Result<[String; N], String> {
        self.expect("(")?;
        let mut items: [String; N] = std::array::from_fn(|_| String::new());
        for (i, slot) in items.iter_mut().enumerate() {
            if i > 0 {
                self.expect(",")?;
            }
            *slot = self.string()?;
        }
        self.expect(")")?;
        Ok(items)
    }

    fn string(&mut self) -> Result<String, String> {
        self.expect("\"")?;
        let mut out = Vec::new();
        loop {
            match self.text.get(self.pos) {
                None => return Err(self.error("closing '\"'")),
                Some(b'"') => break,
                Some(b'\\') => {
                    self.pos += 1;
                    match self.text.get(self.pos) {
                        Some(b'n') => out.push(b'\n'),
                        Some(b'r') => out.push(b'\r'),
                        Some(b't') => out.push(b'\t'),
                        Some(&c) => out.push(c),
                        None => return Err(self.error("escaped character")),
                    }
                }
                Some(&c) => out.push(c),
            }
            self.pos += 1;
        }
        self.pos += 1;
        String::from_utf8(out).map_err(|_| self.error("UTF-8 text"))
    }

    fn path(&mut self) -> Result<String, String> {
        let start = self.pos;
        let s = self.string()?;
        if !s.starts_with('/') {
            self.pos = start;
            return Err(format!("bad path '{s}' in derivation"));
        }
        Ok(s)
    }

    fn strings(&mut self) -> Result<Vec<String>, String> {
        self.list(Self::string)
    }

    fn derivation(&mut self) -> Result<Derivation, String> {
        self.expect("Derive(")?;
        let outputs = self.list(|p| {
            let [name, path, hash_algo, hash] = p.tuple()?;
            let output = DerivationOutput {
                path,
                hash_algo,
                hash,
            };
            Ok((name, output))
        })?;
        self.expect(",")?;
        let input_drvs = self.list(|p| {
            p.expect("(")?;
            let path = p.path()?;
            p.expect(",")?;
            let outs = p.strings()?.into_iter().collect();
            p.expect(")")?;
            Ok((path, outs))
        })?;
        self.expect(",")?;
        let input_srcs = self.list(Self::path)?;
        self.expect(",")?;
        let platform = self.string()?;
        self.expect(",")?;
        let builder = self.string()?;
        self.expect(",")?;
        let args = self.strings()?;
        self.expect(",")?;
        let env = self.list(|p| p.tuple().map(|[k, v]| (k, v)))?;
        self.expect(")")?;
        Ok(Derivation {
            outputs: outputs.into_iter().collect(),
            input_drvs: input_drvs.into_iter().collect(),
            input_srcs: input_srcs.into_iter().collect(),
            platform,
            builder,
            args,
            env: env.into_iter().collect(),
        })
    }
}
