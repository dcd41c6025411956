use super::super::float::format_float_print;
use super::super::strings::{print_attr_name, print_string_literal};
use super::*;

/// Renders data the way `nix-instantiate --eval --strict` prints values.
fn show(d: &Data, out: &mut String) {
    match d {
        Data::Null => out.push_str("null"),
        Data::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Data::Int(i) => out.push_str(&i.to_string()),
        Data::Float(f) => out.push_str(&format_float_print(*f)),
        Data::String(s) => out.push_str(&print_string_literal(s)),
        Data::List(l) => {
            out.push_str("[ ");
            for x in l {
                show(x, out);
                out.push(' ');
            }
            out.push(']');
        }
        Data::Attrs(a) => {
            let mut a: Vec<_> = a.iter().collect();
            a.sort_by(|x, y| x.0.as_bytes().cmp(y.0.as_bytes()));
            out.push_str("{ ");
            for (k, v) in a {
                out.push_str(&print_attr_name(k));
                out.push_str(" = ");
                show(v, out);
                out.push_str("; ");
            }
            out.push('}');
        }
    }
}

/// `(kind, document, expected)`: the output of
/// `nix-instantiate --eval --strict -E 'builtins.fromJSON/fromTOML DOC'`
/// (Nix 2.8), or the first line of its error.
#[rustfmt::skip]
const CASES: &[(&str, &str, &str)] = &[
    ("json", "{\"a\":1,\"a\":2}", "{ a = 2; }"),
    ("json", "[1,2", "error: [json.exception.parse_error.101] parse error at line 1, column 5: syntax error while parsing array - unexpected end of input; expected ']'"),
    ("json", "\"a\\u0000b\"", "\"a\""),
    ("json", "{\"a\\u0000b\":1}", "{ \"a\u{0}b\" = 1; }"),
    ("json", "[\"\\u0000\"]", "[ \"\" ]"),
    ("json", "123456789012345678901234567890", "1.23457e+29"),
    ("json", "9223372036854775807", "9223372036854775807"),
    ("json", "9223372036854775808", "-9223372036854775808"),
    ("json", "18446744073709551615", "-1"),
    ("json", "18446744073709551616", "1.84467e+19"),
    ("json", "-9223372036854775808", "-9223372036854775808"),
    ("json", "-9223372036854775809", "-9.22337e+18"),
    ("json", "1e400", "error: [json.exception.out_of_range.406] number overflow parsing '1e400'"),
    ("json", "-0", "0"),
    ("json", "-0.0", "-0"),
    ("json", "1.0", "1"),
    ("json", "1E2", "100"),
    ("json", " ", "error: [json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"),
    ("json", "", "error: [json.exception.parse_error.101] parse error at line 1, column 1: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"),
    ("json", "nul", "error: [json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing value - invalid literal; last read: 'nul'"),
    ("json", "[1,]", "error: [json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing value - unexpected ']'; expected '[', '{', or a literal"),
    ("json", "{\"a\" 1}", "error: [json.exception.parse_error.101] parse error at line 1, column 6: syntax error while parsing object separator - unexpected number literal; expected ':'"),
    ("json", "01", "error: [json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - unexpected number literal; expected end of input"),
    ("json", "\"\\ud800\"", "error: [json.exception.parse_error.101] parse error at line 1, column 8: syntax error while parsing value - invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF; last read: '\"\\ud800\"'"),
    ("json", "\"\\x\"", "error: [json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - invalid string: forbidden character after backslash; last read: '\"\\x'"),
    ("json", "1 2", "error: [json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - unexpected number literal; expected end of input"),
    ("json", "{\"b\":1,\"a\":{\"c\":[true,false,null]}}", "{ a = { c = [ true false null ]; }; b = 1; }"),
    ("json", "\"\\u00e9\\ud83d\\ude00\"", "\"é😀\""),
    ("json", "\"\\u0041\\u00\"", "error: [json.exception.parse_error.101] parse error at line 1, column 12: syntax error while parsing value - invalid string: '\\u' must be followed by 4 hex digits; last read: '\"\\u0041\\u00\"'"),
    ("json", "\"\\uD83D\\u0041\"", "error: [json.exception.parse_error.101] parse error at line 1, column 13: syntax error while parsing value - invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF; last read: '\"\\uD83D\\u0041'"),
    ("json", "\"\\uDE00\"", "error: [json.exception.parse_error.101] parse error at line 1, column 7: syntax error while parsing value - invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF; last read: '\"\\uDE00'"),
    ("json", "1.5e-400", "0"),
    ("json", "[1,\n2,\nx]", "error: [json.exception.parse_error.101] parse error at line 3, column 1: syntax error while parsing value - invalid literal; last read: '2,<U+000A>x'"),
    ("json", "\"a\tb\"", "error: [json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - invalid string: control character U+0009 (HT) must be escaped to \\u0009 or \\t; last read: '\"a<U+0009>'"),
    ("json", "tru", "error: [json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing value - invalid literal; last read: 'tru'"),
    ("json", "-", "error: [json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - invalid number; expected digit after '-'; last read: '-'"),
    ("json", "1.", "error: [json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - invalid number; expected digit after '.'; last read: '1.'"),
    ("json", "1e", "error: [json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - invalid number; expected '+', '-', or digit after exponent; last read: '1e'"),
    ("json", "1e+", "error: [json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing value - invalid number; expected digit after exponent sign; last read: '1e+'"),
    ("json", "\"abc", "error: [json.exception.parse_error.101] parse error at line 1, column 5: syntax error while parsing value - invalid string: missing closing quote; last read: '\"abc'"),
    ("json", "{\"a\":1,}", "error: [json.exception.parse_error.101] parse error at line 1, column 8: syntax error while parsing object key - unexpected '}'; expected string literal"),
    ("json", "{1:2}", "error: [json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing object key - unexpected number literal; expected string literal"),
    ("json", "[1 2]", "error: [json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing array - unexpected number literal; expected ']'"),
    ("json", "{\"a\":1 \"b\":2}", "error: [json.exception.parse_error.101] parse error at line 1, column 10: syntax error while parsing object - unexpected string literal; expected '}'"),
    ("json", "@", "error: [json.exception.parse_error.101] parse error at line 1, column 1: syntax error while parsing value - invalid literal; last read: '@'"),
    ("json", "1.7976931348623157e309", "error: [json.exception.out_of_range.406] number overflow parsing '1.7976931348623157e309'"),
    ("json", "0.1e1", "1"),
    ("json", "123.456e5", "1.23456e+07"),
    ("json", "   [  ]   ", "[ ]"),
    ("json", "{}", "{ }"),
    ("json", "\u{feff}1", "1"),
    ("json", "\u{feff}", "error: [json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"),
    ("json", "\"\\/\"", "\"/\""),
    ("json", "\"é\"", "\"é\""),
    ("json", "[[[[]]]]", "[ [ [ [ ] ] ] ]"),
    ("json", "{\"a\":{\"b\":{\"c\":1}}}", "{ a = { b = { c = 1; }; }; }"),
    ("json", "-1", "-1"),
    ("json", "-01", "error: [json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - unexpected number literal; expected end of input"),
    ("json", "1.5E+3", "1500"),
    ("json", "\"\\b\\f\\n\\r\\t\"", "\"\u{8}\u{c}\\n\\r\\t\""),
    ("json", "true false", "error: [json.exception.parse_error.101] parse error at line 1, column 10: syntax error while parsing value - unexpected false literal; expected end of input"),
    ("json", "nulll", "error: [json.exception.parse_error.101] parse error at line 1, column 5: syntax error while parsing value - invalid literal; last read: 'nulll'; expected end of input"),
    ("json", "[true,]", "error: [json.exception.parse_error.101] parse error at line 1, column 7: syntax error while parsing value - unexpected ']'; expected '[', '{', or a literal"),
    ("json", "{\"\":1}", "{ \"\" = 1; }"),
    ("json", "{\"a\":1}x", "error: [json.exception.parse_error.101] parse error at line 1, column 8: syntax error while parsing value - invalid literal; last read: '1}x'; expected end of input"),
    ("json", "\n\n  @", "error: [json.exception.parse_error.101] parse error at line 3, column 3: syntax error while parsing value - invalid literal; last read: '<U+000A><U+000A>  @'"),
    ("json", "\"\u{7f}\"", "\"\u{7f}\""),
    ("json", "\"\\u001f\"", "\"\u{1f}\""),
    ("json", "{\"a\":[1,{\"b\":null}],\"c\":\"d\"}", "{ a = [ 1 { b = null; } ]; c = \"d\"; }"),
    ("json", "0.30000000000000004", "0.3"),
    ("json", "1e-7", "1e-07"),
    ("json", "100000000000000000000", "1e+20"),
    ("json", "-1e-400", "-0"),
    ("json", "[\n\n1\n,\n\n]", "error: [json.exception.parse_error.101] parse error at line 6, column 1: syntax error while parsing value - unexpected ']'; expected '[', '{', or a literal"),
    ("json", "\"\\u00\"", "error: [json.exception.parse_error.101] parse error at line 1, column 6: syntax error while parsing value - invalid string: '\\u' must be followed by 4 hex digits; last read: '\"\\u00\"'"),
    ("json", "\"\\uzzzz\"", "error: [json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing value - invalid string: '\\u' must be followed by 4 hex digits; last read: '\"\\uz'"),
    ("json", "\"\\ud83d\"", "error: [json.exception.parse_error.101] parse error at line 1, column 8: syntax error while parsing value - invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF; last read: '\"\\ud83d\"'"),
    ("json", "\"\\ud83d\\\"", "error: [json.exception.parse_error.101] parse error at line 1, column 9: syntax error while parsing value - invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF; last read: '\"\\ud83d\\\"'"),
    ("json", "\"\\ud83dx\"", "error: [json.exception.parse_error.101] parse error at line 1, column 8: syntax error while parsing value - invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF; last read: '\"\\ud83dx'"),
    ("json", "{\"a\":1,\"b\":2,\"a\":3}", "{ a = 3; b = 2; }"),
    ("json", "[1,2,3]]", "error: [json.exception.parse_error.101] parse error at line 1, column 8: syntax error while parsing value - unexpected ']'; expected end of input"),
    ("json", "{\"a\":}", "error: [json.exception.parse_error.101] parse error at line 1, column 6: syntax error while parsing value - unexpected '}'; expected '[', '{', or a literal"),
    ("json", "{\"a\"", "error: [json.exception.parse_error.101] parse error at line 1, column 5: syntax error while parsing object separator - unexpected end of input; expected ':'"),
    ("json", "{\"a\":", "error: [json.exception.parse_error.101] parse error at line 1, column 6: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"),
    ("json", "[", "error: [json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"),
    ("json", "{", "error: [json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing object key - unexpected end of input; expected string literal"),
    ("json", "\"", "error: [json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - invalid string: missing closing quote; last read: '\"'"),
    ("json", "\t[1]\r\n", "[ 1 ]"),
    ("toml", "a = 1", "{ a = 1; }"),
    ("toml", "a = 1\na = 2", "error: while parsing a TOML string: [error] toml::insert_value: value (\"a\") already exists."),
    ("toml", "[t]\nx=1\n[t]\ny=2", "error: while parsing a TOML string: [error] toml::insert_value: table (\"t\") already exists."),
    ("toml", "d = 1979-05-27T07:32:00Z", "error: while parsing a TOML string: Dates and times are not supported"),
    ("toml", "d = 1979-05-27", "error: while parsing a TOML string: Dates and times are not supported"),
    ("toml", "t = 07:32:00", "error: while parsing a TOML string: Dates and times are not supported"),
    ("toml", "ld = 1979-05-27T07:32:00", "error: while parsing a TOML string: Dates and times are not supported"),
    ("toml", "[[arr]]\nx=1\n[[arr]]\nx=2", "{ arr = [ { x = 1; } { x = 2; } ]; }"),
    ("toml", "inline = { a = 1, b = \"x\" }", "{ inline = { a = 1; b = \"x\"; }; }"),
    ("toml", "a = [1, 2.5, \"x\"]", "{ a = [ 1 2.5 \"x\" ]; }"),
    ("toml", "a = [[1,2],[3]]", "{ a = [ [ 1 2 ] [ 3 ] ]; }"),
    ("toml", "x = 0x1F", "{ x = 31; }"),
    ("toml", "x = 0o17", "{ x = 15; }"),
    ("toml", "x = 0b101", "{ x = 5; }"),
    ("toml", "x = 1_000", "{ x = 1000; }"),
    ("toml", "x = inf", "{ x = inf; }"),
    ("toml", "x = -inf", "{ x = -inf; }"),
    ("toml", "x = nan", "{ x = nan; }"),
    ("toml", "x = +1.5e3", "{ x = 1500; }"),
    ("toml", "x = 9223372036854775807", "{ x = 9223372036854775807; }"),
    ("toml", "x = 9223372036854775808", "{ x = 9223372036854775807; }"),
    ("toml", "s = \"\"\"\nmulti\nline\"\"\"", "{ s = \"multi\\nline\"; }"),
    ("toml", "s = 'literal\\n'", "{ s = \"literal\\\\n\"; }"),
    ("toml", "s = '''\nraw\\n'''", "{ s = \"raw\\\\n\"; }"),
    ("toml", "a.b.c = 1", "{ a = { b = { c = 1; }; }; }"),
    ("toml", "\"quoted key\" = 1", "{ \"quoted key\" = 1; }"),
    ("toml", "a = ", "error: while parsing a TOML string: [error] toml::parse_key_value_pair: missing value after key-value separator '='"),
    ("toml", "= 1", "error: while parsing a TOML string: [error] toml::parse_key_value_pair: empty key is not allowed."),
    ("toml", "a = 1 b = 2", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
    ("toml", "[a]\n[a.b]\nc=1", "{ a = { b = { c = 1; }; }; }"),
    ("toml", "x = true", "{ x = true; }"),
    ("toml", "x = \"\\u00e9\"", "{ x = \"é\"; }"),
    ("toml", "x = \"\\U0001F600\"", "{ x = \"😀\"; }"),
    ("toml", "x = 1.0", "{ x = 1; }"),
    ("toml", "x = -0.0", "{ x = -0; }"),
    ("toml", "x = 0.1", "{ x = 0.1; }"),
    ("toml", "x = 3.14159", "{ x = 3.14159; }"),
    ("toml", "a = {}", "{ a = { }; }"),
    ("toml", "a = []", "{ a = [ ]; }"),
    ("toml", "", "{ }"),
    ("toml", "# comment", "{ }"),
    ("toml", "x = \"a\\tb\"", "{ x = \"a\\tb\"; }"),
    ("toml", "a = [ 1,\n 2, ]", "{ a = [ 1 2 ]; }"),
    ("toml", "a = 1\n[a]\nb=1", "error: while parsing a TOML string: [error] toml::insert_value: value (\"a\") already exists."),
    ("toml", "x = 1979-05-27T00:32:00.999999-07:00", "error: while parsing a TOML string: Dates and times are not supported"),
    ("toml", "x = \"unterminated", "error: while parsing a TOML string: [error] toml::parse_basic_string: the next token is not a valid string"),
    ("toml", "x = [1, \"a\"]", "{ x = [ 1 \"a\" ]; }"),
    ("toml", "k = 'v'\n'k2' = 2", "{ k = \"v\"; k2 = 2; }"),
    ("toml", "a.b = 1\na.c = 2", "{ a = { b = 1; c = 2; }; }"),
    ("toml", "[x.y]\nz=1\n[x]\nw=2", "{ x = { w = 2; y = { z = 1; }; }; }"),
    ("toml", "x = 01", "error: while parsing a TOML string: [error] bad integer: leading zero"),
    ("toml", "x = 1e", "error: while parsing a TOML string: [error] bad float: invalid format"),
    ("toml", "x = .5", "error: while parsing a TOML string: [error] bad float: invalid format"),
    ("toml", "x = 5.", "error: while parsing a TOML string: [error] bad float: invalid format"),
    ("toml", "x = \"\\q\"", "error: while parsing a TOML string: [error] toml::parse_basic_string: the next token is not a valid string"),
    ("toml", "[a]]", "error: while parsing a TOML string: [error] toml::parse_table_key: newline required after [table.key]"),
    ("toml", "x = \"a\nb\"", "error: while parsing a TOML string: [error] toml::parse_basic_string: the next token is not a valid string"),
    ("toml", "x = 1\n\n\ny = @", "error: while parsing a TOML string: [error] bad format: unknown value appeared"),
    ("toml", "a = 1 b = 2", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
    ("toml", "x = 01", "error: while parsing a TOML string: [error] bad integer: leading zero"),
    ("toml", "x = 1e", "error: while parsing a TOML string: [error] bad float: invalid format"),
    ("toml", "x = .5", "error: while parsing a TOML string: [error] bad float: invalid format"),
    ("toml", "x = 5.", "error: while parsing a TOML string: [error] bad float: invalid format"),
    ("toml", "x = \"\\q\"", "error: while parsing a TOML string: [error] toml::parse_basic_string: the next token is not a valid string"),
    ("toml", "[a]]", "error: while parsing a TOML string: [error] toml::parse_table_key: newline required after [table.key]"),
    ("toml", "x = \"unterminated", "error: while parsing a TOML string: [error] toml::parse_basic_string: the next token is not a valid string"),
    ("toml", "y = @", "error: while parsing a TOML string: [error] bad format: unknown value appeared"),
    ("toml", "x = [1, 2", "error: while parsing a TOML string: [error] toml::parse_array: missing array separator `,` after a value"),
    ("toml", "x = { a = 1", "error: while parsing a TOML string: [error] toml::parse_inline_table: missing curly brace `}`"),
    ("toml", "x = { a = 1, }", "error: while parsing a TOML string: [error] toml::parse_inline_table: trailing comma is not allowed in an inline table"),
    ("toml", "[a", "error: while parsing a TOML string: [error] toml::parse_key: an invalid key appeared."),
    ("toml", "[[a]", "error: while parsing a TOML string: [error] toml::parse_key: an invalid key appeared."),
    ("toml", "a.b = 1\na = 2", "error: while parsing a TOML string: [error] toml::insert_value: value (\"a\") already exists."),
    ("toml", "a = 1\na.b = 2", "error: while parsing a TOML string: [error] toml::insert_value: target (a) is neither table nor an array of tables"),
    ("toml", "x = tru", "error: while parsing a TOML string: [error] toml::parse_boolean:"),
    ("toml", "x = 1__0", "error: while parsing a TOML string: [error] bad integer: `_` should be surrounded by digits"),
    ("toml", "x = _1", "error: while parsing a TOML string: [error] bad number: `_` should be surrounded by digits"),
    ("toml", "x = 1_", "error: while parsing a TOML string: [error] bad integer: `_` should be surrounded by digits"),
    ("toml", "x = 0x", "error: while parsing a TOML string: [error] toml::parse_hexadecimal_integer"),
    ("toml", "x = 0xG", "error: while parsing a TOML string: [error] toml::parse_hexadecimal_integer"),
    ("toml", "x = 1979-13-01", "error: while parsing a TOML string: [error] toml::parse_date: invalid date: it does not conform RFC3339."),
    ("toml", "x = '''unterminated", "error: while parsing a TOML string: [error] toml::parse_ml_literal_string: the next token is not a valid multiline literal string"),
    ("toml", "x = \"\"\"unterminated", "error: while parsing a TOML string: [error] toml::parse_ml_basic_string: the next token is not a valid multiline string"),
    ("toml", "a b = 1", "error: while parsing a TOML string: [error] toml::parse_key_value_pair: invalid format for key"),
    ("toml", "a = 1 # ok\nb", "error: while parsing a TOML string: [error] toml::parse_key_value_pair: missing key-value separator `=`"),
    ("toml", "[]", "error: while parsing a TOML string: [error] toml::parse_key: an invalid key appeared."),
    ("toml", "[a.]", "error: while parsing a TOML string: [error] toml::parse_key: an invalid key appeared."),
    ("toml", "x = 1.2.3", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
    ("toml", "x = +", "error: while parsing a TOML string: [error] bad format: unknown value appeared"),
    ("toml", "x = --1", "error: while parsing a TOML string: [error] bad format: unknown value appeared"),
    ("toml", "x = 1e1.5", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
    ("toml", "x = 1979-05-27T25:00:00", "error: while parsing a TOML string: [error] toml::parse_time: invalid time: it does not conform RFC3339."),
    ("toml", "[[a]]\n[a]", "error: while parsing a TOML string: [error] toml::insert_value: array of tables (\"a\") already exists."),
    ("toml", "[a]\n[[a]]", "error: while parsing a TOML string: [error] toml::insert_value: array of table (\"a\") cannot be defined"),
    ("toml", "x = [1,,2]", "error: while parsing a TOML string: [error] toml::parse_array: value having invalid format appeared in an array"),
    ("toml", "x = {a=1,a=2}", "error: while parsing a TOML string: [error] toml::insert_value: value (\"a\") already exists."),
    ("toml", "a.\"b\".c = 1\na.b.c = 2", "error: while parsing a TOML string: [error] toml::insert_value: value (\"a.b.c\") already exists."),
    ("toml", "\ta = 1\n\tb", "error: while parsing a TOML string: [error] toml::parse_key_value_pair: missing key-value separator `=`"),
    ("toml", "x = 0o8", "error: while parsing a TOML string: [error] toml::parse_octal_integer:"),
    ("toml", "x = 0b2", "error: while parsing a TOML string: [error] toml::parse_binary_integer:"),
    ("toml", "x = infinity", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
    ("toml", "x = \"\\u00\"", "error: while parsing a TOML string: [error] toml::parse_basic_string: the next token is not a valid string"),
    ("toml", "x = \"\\uD800\"", "error: while parsing a TOML string: [error] toml::read_utf8_codepoint: codepoints in the range [0xD800, 0xDFFF] are not valid UTF-8."),
    ("toml", "[t]\nx=1\nx=2", "error: while parsing a TOML string: [error] toml::insert_value: value (\"x\") already exists."),
    ("toml", "[x.y]\nz=1\n[x.y]\nw=2", "error: while parsing a TOML string: [error] toml::insert_value: table (\"x.y\") already exists."),
    ("toml", "x.y = 1\nx.y.z = 2", "error: while parsing a TOML string: [error] toml::insert_value: target (x.y) is neither table nor an array of tables"),
    ("toml", "a = {b=1}\n[a]", "error: while parsing a TOML string: [error] toml::insert_value: table (\"a\") already exists."),
    ("toml", "a = [1]\n[[a]]", "error: while parsing a TOML string: [error] toml::insert_value: array of table (\"a\") collides with existing value"),
    ("toml", "[[a]]\n[[a.b]]\n[a.b]", "error: while parsing a TOML string: [error] toml::insert_value: array of tables (\"a.b\") already exists."),
    ("toml", "a = {b = 1, b = 2}", "error: while parsing a TOML string: [error] toml::insert_value: value (\"b\") already exists."),
    ("toml", "a = {b = 1}\na.c = 2", "error: while parsing a TOML string: [error] toml::insert_value: inserting to an inline table (a) but inline tables are immutable"),
    ("toml", "\"a b\" = 1\n\"a b\" = 2", "error: while parsing a TOML string: [error] toml::insert_value: value (\"a b\") already exists."),
    ("toml", "'q' = 1\nq = 2", "error: while parsing a TOML string: [error] toml::insert_value: value (\"q\") already exists."),
    ("toml", "[a]\nb = 1\n[a.b]", "error: while parsing a TOML string: [error] toml::insert_value: value (\"a.b\") already exists."),
    ("toml", "[ a . b ]\n[a.b]", "error: while parsing a TOML string: [error] toml::insert_value: table (\"a.b\") already exists."),
    ("toml", "[a]\nx=1\n[a]", "error: while parsing a TOML string: [error] toml::insert_value: table (\"a\") already exists."),
    ("toml", "a.b=1\na.b=2", "error: while parsing a TOML string: [error] toml::insert_value: value (\"a.b\") already exists."),
    ("toml", "x = 1 2", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
    ("toml", "x = [1 2]", "error: while parsing a TOML string: [error] toml::parse_array: missing array separator `,` after a value"),
    ("toml", "x = \"a\" \"b\"", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
    ("toml", "x = true false", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
    ("toml", "[a] x", "error: while parsing a TOML string: [error] toml::parse_table_key: newline required after [table.key]"),
    ("toml", "[[a]] x", "error: while parsing a TOML string: [error] toml::parse_array_table_key: newline required after [[table.key]]"),
    ("toml", "x = 1979-05-27T07:32:00Zx", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
    ("toml", "x = 1979-05-27T07:32:00 x", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
    ("toml", "x = 07:32:00x", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
    ("toml", "x = tru", "error: while parsing a TOML string: [error] toml::parse_boolean:"),
    ("toml", "x = fals", "error: while parsing a TOML string: [error] toml::parse_boolean:"),
    ("toml", "x = 'a", "error: while parsing a TOML string: [error] toml::parse_literal_string: the next token is not a valid literal string"),
    ("toml", "x =", "error: while parsing a TOML string: [error] toml::parse_key_value_pair: missing value after key-value separator '='"),
    ("toml", "x = [", "error: while parsing a TOML string: [error] toml::parse_array: value having invalid format appeared in an array"),
    ("toml", "x = {", "error: while parsing a TOML string: [error] toml::parse_key: an invalid key appeared."),
    ("toml", "x = \"\"\"a", "error: while parsing a TOML string: [error] toml::parse_ml_basic_string: the next token is not a valid multiline string"),
    ("toml", "x = 1979-05-27T07:32:00+25:00", "error: while parsing a TOML string: [error] toml::parse_offset_datetime: invalid offset: it does not conform RFC3339."),
    ("toml", "x = 1979-02-30", "error: while parsing a TOML string: [error] toml::parse_date: invalid date: it does not conform RFC3339."),
    ("toml", "= 1", "error: while parsing a TOML string: [error] toml::parse_key_value_pair: empty key is not allowed."),
    ("toml", " = 1", "error: while parsing a TOML string: [error] toml::parse_key_value_pair: empty key is not allowed."),
    ("toml", "a = 1\n= 2", "error: while parsing a TOML string: [error] toml::parse_key_value_pair: empty key is not allowed."),
    ("toml", "x = 0x_1", "error: while parsing a TOML string: [error] toml::parse_hexadecimal_integer"),
    ("toml", "x = 1.5_", "error: while parsing a TOML string: [error] bad float: `_` should be surrounded by digits"),
    ("toml", "x = 1e400", "{ x = 1.79769e+308; }"),
    ("toml", "x = nan1", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
    ("toml", "a =\n1", "error: while parsing a TOML string: [error] toml::parse_key_value_pair: missing value after key-value separator '='"),
    ("toml", "x = nul", "error: while parsing a TOML string: [error] toml::parse_floating:"),
    ("toml", "x = 1,", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
    ("toml", "x = @1", "error: while parsing a TOML string: [error] bad format: unknown value appeared"),
    ("toml", "k = v", "error: while parsing a TOML string: [error] bad format: unknown value appeared"),
    ("toml", "x = 0b12", "error: while parsing a TOML string: [error] bad integer: leading zero"),
    ("toml", "x = 0b1G", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
    ("toml", "x = 0x1G", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
    ("toml", "x = 0o19", "error: while parsing a TOML string: [error] bad integer: leading zero"),
    ("toml", "x = 0b1.5", "error: while parsing a TOML string: [error] bad float: invalid format"),
    ("toml", "x = 0x1.5", "error: while parsing a TOML string: [error] bad float: invalid format"),
    ("toml", "x = 0a", "error: while parsing a TOML string: [error] toml::parse_integer: unknown integer prefix appeared."),
    ("toml", "x = 0_1", "error: while parsing a TOML string: [error] bad integer: `_` should be surrounded by digits"),
    ("toml", "x = -1e400", "{ x = -1.79769e+308; }"),
    ("toml", "x = 1a", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
    ("toml", "x = 01", "error: while parsing a TOML string: [error] bad integer: leading zero"),
    ("toml", "x = -01", "error: while parsing a TOML string: [error] bad integer: leading zero"),
];

#[test]
fn matches_nix_oracle() {
    let mut failures = Vec::new();
    for (kind, doc, want) in CASES {
        let got = match if *kind == "json" {
            from_json(doc)
        } else {
            from_toml(doc)
        } {
            Ok(d) => {
                let mut s = String::new();
                show(&d, &mut s);
                s
            }
            Err(e) => format!("error: {e}"),
        };
        if got != *want {
            failures.push(format!("{kind} {doc:?}:\n  got  {got}\n  want {want}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn numbers_are_typed_like_nix() {
    assert_eq!(from_json("1"), Ok(Data::Int(1)));
    assert_eq!(from_json("1.0"), Ok(Data::Float(1.0)));
    assert_eq!(from_json("18446744073709551615"), Ok(Data::Int(-1)));
    assert_eq!(
        from_json("18446744073709551616"),
        Ok(Data::Float(18446744073709551616.0))
    );
    assert_eq!(
        from_toml("x = -1e400"),
        Ok(Data::Attrs(vec![("x".into(), Data::Float(f64::MIN))]))
    );
    assert_eq!(
        from_toml("x = -inf"),
        Ok(Data::Attrs(vec![(
            "x".into(),
            Data::Float(f64::NEG_INFINITY)
        )]))
    );
}

#[test]
fn no_panics_on_odd_input() {
    for doc in [
        "", "\u{0}", "é", "[", "{", "\"", "\"\\", "x = \"é", "[é", "é = 1", "x = 0b", "x = 0x_",
    ] {
        let _ = from_json(doc);
        let _ = from_toml(doc);
    }
    let deep = "[".repeat(100_000);
    assert!(from_json(&deep).is_err());
}

/// Leaves of the generated documents (some, like `1e400`, make them fail).
pub(crate) const LEAVES: &[&str] = &[
    "\"a\"",
    "\"é ü\"",
    "\"\\n\\t\\\"\"",
    "\"\\u00e9\"",
    "\"\\u0000x\"",
    "\"\"",
    "true",
    "false",
    "null",
    "0",
    "-0",
    "-0.0",
    "1.5",
    "-1.25e3",
    "1E+2",
    "1e-2",
    "1e400",
    "123456789",
    "9223372036854775807",
    "9223372036854775808",
    "18446744073709551616",
    "-9223372036854775809",
];
/// Appends a random well-formed JSON document (up to depth 3) of [`LEAVES`], with
/// whitespace between tokens and keys that often repeat in an object.
pub(crate) fn tree(next: &mut impl FnMut() -> u64, depth: u32, out: &mut String) {
    let ws = [" ", "", "\n", "\t", "\r\n"][(next() % 5) as usize];
    out.push_str(ws);
    match if depth > 3 { 0 } else { next() % 3 } {
        0 => out.push_str(LEAVES[(next() % LEAVES.len() as u64) as usize]),
        1 => {
            out.push('[');
            for i in 0..next() % 4 {
                if i > 0 {
                    out.push(',');
                }
                tree(next, depth + 1, out);
            }
            out.push(']');
        }
        _ => {
            out.push('{');
            for i in 0..next() % 4 {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(
                    ["\"k\"", "\"a\\u0000b\"", "\"\\\"q\"", "\"é\""][(next() % 4) as usize],
                );
                out.push_str(ws);
                out.push(':');
                tree(next, depth + 1, out);
            }
            out.push('}');
        }
    }
    out.push_str(ws);
}

/// The quick lexer gives the exact lexer's result wherever it does not give up: checked on
/// generated documents, well-formed and not, built from the pieces where the two could
/// part (escapes, numbers at the edges of i64 and u64, literals, NULs, byte order marks,
/// control characters, non-ASCII text).
#[test]
fn quick_lexer_agrees_with_exact_lexer() {
    use super::parse_json::{JsonParser, Lexer};
    use super::parse_json_quick::QuickLexer;
    const PIECES: &[&str] = &[
        "{",
        "}",
        "[",
        "]",
        ":",
        ",",
        " ",
        "\n",
        "\t",
        "\r",
        "\"",
        "\"a\"",
        "\"é\"",
        "\"\\n\"",
        "\"\\\"\"",
        "\"\\\\\"",
        "\"\\/\"",
        "\"\\b\\f\\r\\t\"",
        "\"\\u0041\"",
        "\"\\u0000\"",
        "\"\\x\"",
        "\"\u{1}\"",
        "\\",
        "true",
        "false",
        "null",
        "tru",
        "nul",
        "0",
        "-0",
        "01",
        "1.5",
        "-1.25e3",
        "1e400",
        "1E+2",
        "1e-2",
        "1.",
        "-",
        "1e",
        "9223372036854775807",
        "9223372036854775808",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775809",
        "\u{0}",
        "\u{feff}",
        "x",
        "\"k\":1",
        "{\"a\":1,\"a\":2}",
    ];
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let (mut quick_ok, mut total) = (0, 0);
    for round in 0..100_000 {
        let doc: String = if round % 2 == 0 {
            let mut s = String::new();
            tree(&mut next, 0, &mut s);
            s
        } else {
            let len = 1 + next() % 12;
            (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect()
        };
        let exact = JsonParser::new(Lexer::new(&doc)).parse(&mut parse_json::DataSink);
        if let Ok(d) = JsonParser::new(QuickLexer::new(&doc)).parse(&mut parse_json::DataSink) {
            // Floats compared by bits: NaN cannot occur, -0.0 must stay -0.0.
            assert_eq!(
                format!("{:?}", Ok::<_, String>(d)),
                format!("{exact:?}"),
                "{doc:?}"
            );
            quick_ok += 1;
        }
        assert_eq!(from_json(&doc), exact, "{doc:?}");
        total += 1;
    }
    // The generator must reach the quick path often, or this test checks little.
    assert!(
        quick_ok > total / 5,
        "quick lexer accepted {quick_ok} of {total}"
    );
}
