//! Rendering floats as Nix 2.8 does (C++ stream and printf conventions).

/// C's `%g` with precision 6: how `nix-instantiate --eval` and `toJSON` print floats.
pub fn format_float_print(f: f64) -> String {
    if f.is_nan() {
        return if f.is_sign_negative() {
            "-nan".into()
        } else {
            "nan".into()
        };
    }
    if f.is_infinite() {
        return if f < 0.0 { "-inf".into() } else { "inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0".into()
        } else {
            "0".into()
        };
    }
    let sci = format!("{:.5e}", f);
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if !(-4..6).contains(&exp) {
        let m = trim_zeros(mantissa);
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{m}e{sign}{:02}", exp.abs())
    } else {
        let decimals = (5 - exp).max(0) as usize;
        trim_zeros(&format!("{:.*}", decimals, f)).to_string()
    }
}

fn trim_zeros(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

/// `builtins.toString` of a float: C's `%f` (six decimals).
pub fn format_float_to_string(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f < 0.0 { "-inf".into() } else { "inf".into() };
    }
    format!("{:.6}", f)
}

/// `builtins.toJSON` of a float in Nix 2.8 (same as printing).
pub fn format_float_json(f: f64) -> String {
    format_float_print(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printing_matches_nix() {
        // nix-instantiate --eval -E '[ 1.5 1.0e20 0.1 (0.1+0.2) 100000.0 1000000.0 1234567.0 (1.0/3) 123456789012.5 ]'
        let got: Vec<String> = [
            1.5,
            1e20,
            0.1,
            0.1 + 0.2,
            100000.0,
            1000000.0,
            1234567.0,
            1.0 / 3.0,
            123456789012.5,
        ]
        .iter()
        .map(|f| format_float_print(*f))
        .collect();
        assert_eq!(
            got,
            [
                "1.5",
                "1e+20",
                "0.1",
                "0.3",
                "100000",
                "1e+06",
                "1.23457e+06",
                "0.333333",
                "1.23457e+11"
            ]
        );
        assert_eq!(format_float_print(1e-5), "1e-05");
        assert_eq!(format_float_to_string(1.5), "1.500000");
    }
}
