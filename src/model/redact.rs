//! Secret redaction for every output (unless `--show-secrets`).
//!
//! A field is secret when its name looks like a credential. Job params and heat outputs
//! carry the name in a sibling field (`param`, `output_key`), so those are checked too.

use serde_json::Value;

pub const REDACTED: &str = "<redacted>";

const SECRET_WORDS: &[&str] = &[
    "password",
    "passwd",
    "secret",
    "token",
    "private_key",
    "privatekey",
    "api_key",
    "apikey",
    "credential",
    "passphrase",
    "ssh_key",
];

/// Case-insensitive, `-` read as `_`; no allocation (it runs on every key of every
/// decoded value).
pub fn is_secret_name(name: &str) -> bool {
    let norm = |c: u8| {
        if c == b'-' {
            b'_'
        } else {
            c.to_ascii_lowercase()
        }
    };
    let hay = name.as_bytes();
    SECRET_WORDS.iter().any(|w| {
        let w = w.as_bytes();
        hay.windows(w.len())
            .any(|win| win.iter().zip(w).all(|(h, n)| norm(*h) == *n))
    })
}

/// Replace secret values in place; returns how many were redacted.
pub fn redact(v: &mut Value) -> usize {
    let mut n = 0;
    walk(v, &mut n);
    n
}

fn hide(v: &mut Value, n: &mut usize) {
    let empty = matches!(v, Value::Null) || v.as_str().is_some_and(str::is_empty);
    if !empty {
        *v = Value::String(REDACTED.into());
        *n += 1;
    }
}

fn walk(v: &mut Value, n: &mut usize) {
    match v {
        Value::Object(map) => {
            // `{"param": "admin_password", "value": ...}` and `{"output_key": "token", "output_value": ...}`
            let named = ["param", "output_key"].iter().any(|k| {
                map.get(*k)
                    .and_then(Value::as_str)
                    .is_some_and(is_secret_name)
            });
            for (k, child) in map.iter_mut() {
                if is_secret_name(k) || (named && (k == "value" || k == "output_value")) {
                    hide(child, n);
                } else {
                    walk(child, n);
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|c| walk(c, n)),
        Value::String(s)
            // A raw or still-encoded JSON text: redact `"secret": "..."` pairs inside it.
            if s.contains('"') && {
                let lower = s.to_ascii_lowercase();
                SECRET_WORDS.iter().any(|w| lower.contains(w))
            } => {
                let r = redact_text(s);
                if r != *s {
                    *s = r;
                    *n += 1;
                }
            }
        _ => {}
    }
}

/// Redact `"name": "value"` pairs in text that is (or contains, escaped) JSON.
pub fn redact_text(s: &str) -> String {
    use std::sync::OnceLock;
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            r#"(?i)((?:\\*")[a-z0-9_\-]*(?:password|passwd|secret|token|private_?key|api_?key|credential|passphrase|ssh_key)[a-z0-9_\-]*(?:\\*")\s*:\s*)(\\*")((?:[^"\\]|\\[^"]|\\+"[^,}\]])*?)(\\*")"#,
        )
        .expect("valid regex")
    });
    re.replace_all(s, |c: &regex::Captures| {
        if c[3].is_empty() {
            c[0].to_string()
        } else {
            format!("{}{}{}{}", &c[1], &c[2], REDACTED, &c[4])
        }
    })
    .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn redacts_by_field_name_param_and_output() {
        let mut v = json!({
            "body": {"admin_password": "hunter2", "name": "x", "nested": [{"api_token": "t"}], "empty_secret": ""},
            "params": [{"param": "db_password", "type": "value", "value": "pw", "resources": []},
                       {"param": "name", "type": "value", "value": "keep"}],
            "output": [{"output_key": "private_key", "output_value": "-----BEGIN"}]
        });
        let n = redact(&mut v);
        assert_eq!(n, 4);
        assert_eq!(v["body"]["admin_password"], json!(REDACTED));
        assert_eq!(v["body"]["nested"][0]["api_token"], json!(REDACTED));
        assert_eq!(v["body"]["empty_secret"], json!(""));
        assert_eq!(v["body"]["name"], json!("x"));
        assert_eq!(v["params"][0]["value"], json!(REDACTED));
        assert_eq!(v["params"][1]["value"], json!("keep"));
        assert_eq!(v["output"][0]["output_value"], json!(REDACTED));
    }

    #[test]
    fn secret_names_ignore_case_and_dashes() {
        for n in [
            "password",
            "Admin_Password",
            "X-Auth-Token",
            "ssh-key",
            "PRIVATEKEY",
        ] {
            assert!(is_secret_name(n), "{n}");
        }
        for n in ["", "name", "pass", "tok", "keys", "private"] {
            assert!(!is_secret_name(n), "{n}");
        }
    }

    #[test]
    fn redacts_inside_raw_and_encoded_text() {
        let raw = r#"{"body":"{\"password\":\"hunter2\",\"id\":\"a\"}","version":1"#;
        let out = redact_text(raw);
        assert!(!out.contains("hunter2"), "{out}");
        assert!(out.contains("\\\"id\\\":\\\"a\\\""), "{out}");
        let plain = r#"{"user_secret": "s3", "name": "n"}"#;
        assert_eq!(
            redact_text(plain),
            r#"{"user_secret": "<redacted>", "name": "n"}"#
        );
    }
}
