//! JSON text as Python's `json.dumps(v)` writes it with default settings: `", "` and
//! `": "` separators, keys in insertion order, `ensure_ascii` escapes and Python's float
//! `repr`. The job manager stores `/jobs/all` values this way (spec §1.12), so jobs that
//! esi writes are byte-compatible with the ones it wrote.

use std::fmt::Write;

use serde_json::Value;

/// `json.dumps(v)` of a decoded value (serde_json keeps object key order).
pub fn python_json(v: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, v);
    out
}

fn write_value(out: &mut String, v: &Value) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(n) => match n.as_f64().filter(|_| n.is_f64()) {
            Some(f) => out.push_str(&py_float(f)),
            None => out.push_str(&n.to_string()),
        },
        Value::String(s) => write_str(out, s),
        Value::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_value(out, x);
            }
            out.push(']');
        }
        Value::Object(m) => {
            out.push('{');
            for (i, (k, x)) in m.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_str(out, k);
                out.push_str(": ");
                write_value(out, x);
            }
            out.push('}');
        }
    }
}

/// `ensure_ascii=True`: everything outside printable ASCII becomes `\uXXXX` (UTF-16 code
/// units, lowercase hex), with the short escapes Python uses.
fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0c}' => out.push_str("\\f"),
            ' '..='~' => out.push(c),
            _ => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{u:04x}");
                }
            }
        }
    }
    out.push('"');
}

/// Python's `repr(float)`: shortest round-trip digits (as ryu gives them), laid out in
/// fixed notation when the decimal exponent is in -4..16, else `d.ddde+XX`.
fn py_float(f: f64) -> String {
    let text = serde_json::Number::from_f64(f).map(|n| n.to_string()).unwrap_or_default();
    let (neg, body) = match text.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, text.as_str()),
    };
    let (mantissa, exp) = match body.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None => (body, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut digits: String = format!("{int}{frac}");
    let mut decpt = int.len() as i32 + exp;
    let lead = digits.len() - digits.trim_start_matches('0').len();
    digits.drain(..lead);
    decpt -= lead as i32;
    let trimmed = digits.trim_end_matches('0').len();
    digits.truncate(trimmed);
    let sign = if neg { "-" } else { "" };
    if digits.is_empty() {
        return format!("{sign}0.0");
    }
    let n = digits.len() as i32;
    let s = if decpt > -4 && decpt <= 16 {
        if decpt <= 0 {
            format!("0.{}{digits}", "0".repeat((-decpt) as usize))
        } else if decpt >= n {
            format!("{digits}{}.0", "0".repeat((decpt - n) as usize))
        } else {
            format!("{}.{}", &digits[..decpt as usize], &digits[decpt as usize..])
        }
    } else {
        let e = decpt - 1;
        let m = if n == 1 { digits.clone() } else { format!("{}.{}", &digits[..1], &digits[1..]) };
        format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
    };
    format!("{sign}{s}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn separators_order_and_escapes_match_python() {
        let v: Value = serde_json::from_str(
            r#"{"b": 1, "a": [true, null, "x\"y\\z\n"], "c": {}, "d": [], "é": "ü😀\u007f<&>"}"#,
        )
        .unwrap();
        assert_eq!(
            python_json(&v),
            r#"{"b": 1, "a": [true, null, "x\"y\\z\n"], "c": {}, "d": [], "\u00e9": "\u00fc\ud83d\ude00\u007f<&>"}"#
        );
    }

    #[test]
    fn floats_use_python_repr() {
        let cases = [
            (1.0, "1.0"),
            (0.5, "0.5"),
            (-2.25, "-2.25"),
            (100.0, "100.0"),
            (1e15, "1000000000000000.0"),
            (1e16, "1e+16"),
            (1.5e17, "1.5e+17"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.25e-7, "1.25e-07"),
            (0.0, "0.0"),
            (123456.789, "123456.789"),
        ];
        for (f, want) in cases {
            assert_eq!(python_json(&json!(f)), want, "{f}");
        }
        assert_eq!(python_json(&json!(-7)), "-7");
        assert_eq!(python_json(&json!(u64::MAX)), "18446744073709551615");
    }
}
