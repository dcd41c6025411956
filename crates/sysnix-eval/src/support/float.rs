//! Rendering floats as Nix 2.8 does (C++ stream and printf conventions).
//!
//! * `nix-instantiate --eval` and `builtins.toJSON` write floats through a
//!   C++ `std::ostream` with default settings, i.e. C's `%g` with precision
//!   6: `1.5`, `1e+20`, `1.23457e+06`, `100000`, `0.3`, `1e-05`, `-0`.
//! * `builtins.toString` (and string interpolation) uses `std::to_string`,
//!   i.e. C's `%f`: `1.500000`, `-0.000000`, all integral digits for huge
//!   values.
//! * Non-finite values print as glibc does: `inf`, `-inf`, `nan`, and
//!   `-nan` for a NaN with the sign bit set (which is what `inf - inf`
//!   produces on x86-64, so Nix shows `-nan` there).
//!
//! Rounding is exact (round-half-even on exact decimal ties), as in glibc.

fn non_finite(f: f64) -> Option<String> {
    if f.is_nan() {
        Some(if f.is_sign_negative() { "-nan" } else { "nan" }.to_string())
    } else if f.is_infinite() {
        Some(if f < 0.0 { "-inf" } else { "inf" }.to_string())
    } else {
        None
    }
}

/// Removes trailing zeros of a fractional part, and the point if nothing is
/// left after it.
fn trim_fraction(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

/// C's `%.{precision}g` (without the `#` flag).
pub fn format_g(f: f64, precision: usize) -> String {
    if let Some(s) = non_finite(f) {
        return s;
    }
    let p = precision.max(1);
    if f == 0.0 {
        return if f.is_sign_negative() { "-0" } else { "0" }.to_string();
    }
    if let Some(s) = format_g_short(f, p) {
        return s;
    }
    format_g_exact(f, p)
}

/// [`format_g`] for the common case of a value whose shortest round-trip digits are
/// no more than `p`: `%g` then shows exactly those digits. (The value is within half
/// an ulp of them, far less than half a step of the `p`-digit grid for `p` ≤ 15, so
/// rounding to `p` digits lands on them, for a normal value.) Rust's shortest formatting is fast where
/// exact formatting to `p` digits works on big numbers. `None` when it does not apply.
fn format_g_short(f: f64, p: usize) -> Option<String> {
    // A subnormal value's ulp is not small against its digits: those go the exact way.
    if p > 15 || !f.is_normal() {
        return None;
    }
    let short = format!("{:e}", f.abs());
    let (mantissa, exp) = short.split_once('e')?;
    let x: i64 = exp.parse().ok()?;
    let mut digits = [0u8; 24];
    let mut n = 0;
    for b in mantissa.bytes().filter(|&b| b != b'.') {
        if n == p {
            return None;
        }
        digits[n] = b;
        n += 1;
    }
    let digits = &digits[..n];
    let mut out = String::with_capacity(n + 8);
    if f < 0.0 {
        out.push('-');
    }
    // The digits are ASCII.
    fn text(d: &[u8]) -> &str {
        std::str::from_utf8(d).unwrap_or_default()
    }
    if x < -4 || x >= p as i64 {
        out.push(char::from(digits[0]));
        if n > 1 {
            out.push('.');
            out.push_str(text(&digits[1..]));
        }
        let sign = if x < 0 { '-' } else { '+' };
        out.push_str(&format!("e{sign}{:02}", x.abs()));
    } else if x >= 0 {
        let int_len = x as usize + 1;
        if n <= int_len {
            out.push_str(text(digits));
            out.extend(std::iter::repeat_n('0', int_len - n));
        } else {
            out.push_str(text(&digits[..int_len]));
            out.push('.');
            out.push_str(text(&digits[int_len..]));
        }
    } else {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-x - 1) as usize));
        out.push_str(text(digits));
    }
    Some(out)
}

/// [`format_g`] by exact decimal rounding (the general case).
fn format_g_exact(f: f64, p: usize) -> String {
    // The exponent X of the `%e` conversion with precision P-1 (after
    // rounding) decides between fixed and scientific notation.
    let sci = format!("{:.*e}", p - 1, f);
    let (mantissa, exp) = sci.split_once('e').unwrap_or((sci.as_str(), "0"));
    let x: i64 = exp.parse().unwrap_or(0);
    if x < -4 || x >= p as i64 {
        let sign = if x < 0 { '-' } else { '+' };
        format!("{}e{}{:02}", trim_fraction(mantissa), sign, x.abs())
    } else {
        let decimals = (p as i64 - 1 - x).max(0) as usize;
        trim_fraction(&format!("{:.*}", decimals, f)).to_string()
    }
}

/// How `nix-instantiate --eval` prints a float: `%g` with precision 6.
///
/// `1.5` → `1.5`, `1e20` → `1e+20`, `1234567.0` → `1.23457e+06`,
/// `100000.0` → `100000`, `-0.0` → `-0`, `inf`, `-inf`, `-nan`.
pub fn format_float_print(f: f64) -> String {
    format_g(f, 6)
}

/// `builtins.toString` of a float (and `"${x}"`): `std::to_string`, i.e.
/// `%f`.  `1.5` → `"1.500000"`, `1e20` → `"100000000000000000000.000000"`,
/// `-0.0` → `"-0.000000"`, `1e-7` → `"0.000000"`.
pub fn format_float_to_string(f: f64) -> String {
    if let Some(s) = non_finite(f) {
        return s;
    }
    format!("{f:.6}")
}

/// `builtins.toJSON` of a float in Nix 2.8: the same `%g` rendering as
/// printing (`0.1`, `0.333333`, `1e+20`, `1`, `-0`; non-finite values are
/// written as the invalid JSON `inf`/`-nan`, as Nix does).
pub fn format_float_json(f: f64) -> String {
    format_float_print(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn neg_nan() -> f64 {
        f64::from_bits(0xfff8_0000_0000_0000)
    }

    #[test]
    fn printing_matches_nix() {
        // nix-instantiate --eval --strict -E '[ ... ]'
        let cases: &[(f64, &str)] = &[
            (1.5, "1.5"),
            (1.0e20, "1e+20"),
            (1234567.0, "1.23457e+06"),
            (100000.0, "100000"),
            (0.1 + 0.2, "0.3"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (123456.7, "123457"),
            (1.0, "1"),
            (999999.5, "1e+06"),
            (9999995.0, "1e+07"),
            (1.7976931348623157e308, "1.79769e+308"),
            (1.0 / 3.0, "0.333333"),
            (1234565.0, "1.23456e+06"), // exact tie: round half to even
            (1234575.0, "1.23458e+06"),
            (0.5, "0.5"),
            (2.5, "2.5"),
            (123456.5, "123456"),
            (1234567.5, "1.23457e+06"),
            (12345.65, "12345.6"),
            (0.000123456789, "0.000123457"),
            (-1.5, "-1.5"),
            (-0.000001, "-1e-06"),
            (1.0e-300, "1e-300"),
            (1.0e100, "1e+100"),
            (6.02214076e23, "6.02214e+23"),
            (999999.4, "999999"),
            (9.999995, "10"),
            (99999.95, "99999.9"),
            (0.00009999995, "0.0001"),
            (1000000.0, "1e+06"),
            (123456789012.5, "1.23457e+11"),
            (2.2250738585072014e-308, "2.22507e-308"),
            (5e-324, "4.94066e-324"),
            // 0.0 * -1
            (-0.0, "-0"),
            (0.0, "0"),
            // 1.0e308 * 10, -1.0e308 * 10
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
        ];
        for (f, want) in cases {
            assert_eq!(format_float_print(*f), *want, "printing {f:e}");
            assert_eq!(format_float_json(*f), *want, "toJSON {f:e}");
        }
        // (1.0e308*10) - (1.0e308*10) prints as -nan on x86-64
        assert_eq!(format_float_print(neg_nan()), "-nan");
        assert_eq!(
            format_float_print(f64::from_bits(0x7ff8_0000_0000_0000)),
            "nan"
        );
    }

    #[test]
    fn to_string_matches_nix() {
        // nix-instantiate --eval -E 'builtins.toString X'
        let cases: &[(f64, &str)] = &[
            (1.5, "1.500000"),
            (1.0 / 3.0, "0.333333"),
            (1.0e20, "100000000000000000000.000000"),
            (-0.0, "-0.000000"),
            (1.0e-7, "0.000000"),
            (0.125, "0.125000"),
            (0.0000005, "0.000000"),
            (0.0000015, "0.000002"),
            (0.0000025, "0.000003"),
            (123456.789, "123456.789000"),
            (-1.5, "-1.500000"),
            (0.1, "0.100000"),
            (1.0e-300, "0.000000"),
            (2.5e-6, "0.000003"),
            (1.0e15, "1000000000000000.000000"),
            (9007199254740993.0, "9007199254740992.000000"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
        ];
        for (f, want) in cases {
            assert_eq!(format_float_to_string(*f), *want, "toString {f:e}");
        }
        assert_eq!(
            format_float_to_string(1.0e308),
            "100000000000000001097906362944045541740492309677311846336810682903157585404911491537163328978494688899061249669721172515611590283743140088328307009198146046031271664502933027185697489699588559043338384466165001178426897626212945177628091195786707458122783970171784415105291802893207873272974885715430223118336.000000"
        );
        assert_eq!(format_float_to_string(neg_nan()), "-nan");
    }

    #[test]
    fn short_path_agrees_with_exact_rounding() {
        // Values with few digits take the short path; every result must be what exact
        // rounding gives, for every precision the short path accepts.
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let mut checked = 0;
        for i in 0..200_000u64 {
            let f = match i % 4 {
                0 => f64::from_bits(next()),
                1 => (next() % 2_000_000) as f64 / 8.0 - 50_000.0,
                2 => (next() % 100_000) as f64 * 10f64.powi((next() % 40) as i32 - 20),
                _ => (next() % 1000) as f64 / 100.0,
            };
            if !f.is_finite() || f == 0.0 {
                continue;
            }
            for p in 1..=15 {
                if let Some(s) = format_g_short(f, p) {
                    assert_eq!(s, format_g_exact(f, p), "{f:e} at precision {p}");
                    checked += 1;
                }
            }
        }
        assert!(
            checked > 100_000,
            "only {checked} short-path results checked"
        );
    }

    #[test]
    fn format_g_other_precisions() {
        assert_eq!(format_g(1234.5678, 1), "1e+03");
        assert_eq!(format_g(1234.5678, 0), "1e+03");
        assert_eq!(format_g(1234.5678, 10), "1234.5678");
        assert_eq!(format_g(0.1, 17), "0.10000000000000001");
    }
}
