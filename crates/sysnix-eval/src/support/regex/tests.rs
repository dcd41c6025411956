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

#[test]
fn first_bytes_are_where_a_match_can_begin() {
    let first = |p: &str| {
        compile_ere(p).expect("compiles").nfa.first.map(|set| {
            (0..=255u8)
                .filter(|b| set_contains(&set, *b))
                .map(char::from)
                .collect::<String>()
        })
    };
    assert_eq!(first("a|b").as_deref(), Some("ab"));
    assert_eq!(first("^(x|yz)+").as_deref(), Some("xy"));
    assert_eq!(first("(a)?b").as_deref(), Some("ab"));
    assert_eq!(first("[0-2]+c").as_deref(), Some("012"));
    // A match may be empty: no positions can be skipped.
    assert_eq!(first("x*"), None);
    assert_eq!(first("(a|)"), None);
    assert_eq!(first("$"), None);
    // `.` is any byte but NUL.
    assert_eq!(first(".").map(|s| s.chars().count()), Some(255));
}

#[test]
fn plain_text_patterns_are_searched_as_text() {
    let lit = |p: &str| {
        compile_ere(p)
            .expect("compiles")
            .literal
            .map(|t| t.to_vec())
    };
    assert_eq!(lit("/"), Some(b"/".to_vec()));
    assert_eq!(lit("a\\.b\\\\c"), Some(b"a.b\\c".to_vec()));
    assert_eq!(lit("x]}y"), Some(b"x]}y".to_vec()));
    for p in [
        "", "a.b", "a*", "(a)", "a|b", "[a]", "^a", "a$", "a{2}", "a+", "a?",
    ] {
        assert_eq!(lit(p), None, "{p:?}");
    }
    // The text search gives the executor's answer, on patterns and inputs where
    // occurrences touch, overlap and repeat.
    let mut x: u64 = 0x853c_49e6_748f_ea9b;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let pick = |n: u64, from: &[&str]| from[(n % from.len() as u64) as usize].to_string();
    for _ in 0..20_000 {
        let pattern: String = (0..1 + next() % 3)
            .map(|_| pick(next(), &["a", "b", "\\.", "/", "é", "]"]))
            .collect();
        let input: String = (0..next() % 12)
            .map(|_| pick(next(), &["a", "b", ".", "/", "é", "]", "ab", "aa"]))
            .collect();
        let fast = compile_ere(&pattern).expect("compiles");
        assert!(fast.literal.is_some(), "{pattern:?}");
        let mut slow = compile_ere(&pattern).expect("compiles");
        slow.literal = None;
        assert_eq!(
            regex_split(&fast, &input),
            regex_split(&slow, &input),
            "split {pattern:?} {input:?}"
        );
        assert_eq!(
            regex_match(&fast, &input),
            regex_match(&slow, &input),
            "match {pattern:?} {input:?}"
        );
    }
}

/// The bytes every match needs, and that a text without one of them gets the
/// executor's answer (no match) without it running.
#[test]
fn required_bytes_skip_texts_that_cannot_match() {
    let required = |p: &str| compile_ere(p).expect("valid").nfa.required.clone();
    assert_eq!(
        required("[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}"),
        b".@".to_vec()
    );
    assert_eq!(required("(a|b)c"), b"c".to_vec());
    assert_eq!(required("a*b+"), b"b".to_vec());
    assert_eq!(required("(ab)?"), Vec::<u8>::new());
    assert_eq!(required("(.*)-([0-9]+)"), b"-".to_vec());
    assert_eq!(required("x{2,3}|y"), Vec::<u8>::new());
    // Same answers as the executor alone (`required` emptied).
    let cases = [
        ("[a-z]+@[a-z]+\\.[a-z]{2,}", "user@example.org"),
        ("[a-z]+@[a-z]+\\.[a-z]{2,}", "bad.example"),
        ("[a-z]+@[a-z]+\\.[a-z]{2,}", "bad@example"),
        ("(.*)-([0-9]+)", "hello-12"),
        ("(.*)-([0-9]+)", "hello12"),
        ("a*b+", "aaa"),
        ("a*b+", "aab"),
    ];
    for (p, s) in cases {
        let re = compile_ere(p).expect("valid");
        let mut bare = compile_ere(p).expect("valid");
        bare.nfa.required.clear();
        assert_eq!(regex_match(&re, s), regex_match(&bare, s), "match {p} {s}");
        let split = |r: &Regex| format!("{:?}", regex_split(r, s));
        assert_eq!(split(&re), split(&bare), "split {p} {s}");
    }
}
