//! Secret redaction for every output (unless `--show-secrets`).
//!
//! A field is secret when its name looks like a credential. Job params and heat outputs
//! carry the name in a sibling field (`param`, `output_key`), so those are checked too.

use serde_json::Value;

pub const REDACTED: &str = "<redacted>";

/// A name containing one of these (case-insensitive, `-` read as `_`) is secret.
const SECRET_WORDS: &[&str] = &[
    "password",
    "passwd",
    "secret",
    "token",
    "private_key",
    "privatekey",
    "api_key",
    "apikey",
    "access_key",
    "accesskey",
    "cert_key",
    "credential",
    "passphrase",
    "ssh_key",
    "authorization",
];

/// Short words that are secret only as a whole segment of a name (`db_pwd`, `sim.pin`;
/// not `ping` or `mapping`). Segments are split at `_ - . : /`.
const SECRET_SEGMENTS: &[&str] = &["pwd", "pin", "pass", "auth", "bearer"];

/// Words a schema file added (`"secret_names"`): process-wide, set once at start-up.
static EXTRA: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();

/// Add secret words (from the user's schema file); the first call wins.
pub fn extend(words: Vec<String>) {
    let _ = EXTRA.set(
        words
            .into_iter()
            .map(|w| w.to_ascii_lowercase().replace('-', "_"))
            .collect(),
    );
}

/// Case-insensitive, `-` read as `_`; no allocation on the common path (it runs on
/// every key of every decoded value).
pub fn is_secret_name(name: &str) -> bool {
    let norm = |c: u8| {
        if c == b'-' {
            b'_'
        } else {
            c.to_ascii_lowercase()
        }
    };
    let hay = name.as_bytes();
    let contains = |w: &[u8]| {
        hay.windows(w.len())
            .any(|win| win.iter().zip(w).all(|(h, n)| norm(*h) == *n))
    };
    if SECRET_WORDS.iter().any(|w| contains(w.as_bytes())) {
        return true;
    }
    if EXTRA
        .get()
        .is_some_and(|x| x.iter().any(|w| contains(w.as_bytes())))
    {
        return true;
    }
    name.split(['_', '-', '.', ':', '/'])
        .any(|seg| SECRET_SEGMENTS.iter().any(|w| seg.eq_ignore_ascii_case(w)))
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
        // Raw or still-encoded JSON text, a URL with a password, a bearer token. Most
        // strings can hold none of these: checked without copying them.
        Value::String(s) if may_hold_secrets(s) => {
            let r = redact_text(s);
            if r != *s {
                *s = r;
                *n += 1;
            }
        }
        _ => {}
    }
}

/// The stored text of a value, redacted: what [`redact_text`] finds, and every string
/// the structural rules hide in `decoded` (the same value decoded, nested JSON strings
/// parsed) — a secret named by a sibling field (`{"output_key": "db_password",
/// "output_value": …}`) inside an encoded string is invisible to text rules alone.
pub fn redact_raw(raw: &str, decoded: Option<&Value>) -> String {
    let mut out = redact_text(raw);
    let Some(v) = decoded else {
        return out;
    };
    let mut hidden = v.clone();
    if redact(&mut hidden) == 0 {
        return out;
    }
    let mut secrets = Vec::new();
    hidden_strings(v, &hidden, &mut secrets);
    // Longest first, so a secret containing another is replaced whole.
    secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
    for secret in secrets.iter().filter(|s| s.len() >= 4) {
        let once = serde_json::to_string(secret).unwrap_or_default();
        let once = &once[1..once.len().saturating_sub(1)];
        let twice = serde_json::to_string(once).unwrap_or_default();
        let twice = &twice[1..twice.len().saturating_sub(1)];
        for form in [twice, once, secret.as_str()] {
            if !form.is_empty() {
                out = out.replace(form, REDACTED);
            }
        }
    }
    out
}

/// The original text of every value `redact` replaced whole.
fn hidden_strings(orig: &Value, red: &Value, out: &mut Vec<String>) {
    match (orig, red) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in a {
                if let Some(w) = b.get(k) {
                    hidden_strings(v, w, out);
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            for (v, w) in a.iter().zip(b) {
                hidden_strings(v, w, out);
            }
        }
        (o, Value::String(r)) if r == REDACTED && o.as_str() != Some(REDACTED) => {
            out.push(match o {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            });
        }
        _ => {}
    }
}

/// Whether `s` can hold anything [`redact_text`] redacts: a quote, a URL, or "bearer"
/// (any case). No allocation: it runs on every string of every decoded value.
fn may_hold_secrets(s: &str) -> bool {
    s.contains('"')
        || s.contains("://")
        || s.as_bytes()
            .windows(6)
            .any(|w| w.eq_ignore_ascii_case(b"bearer"))
}

/// Redact secrets in free text: `"name": value` pairs of (possibly escaped) JSON whose
/// name is secret, the password of `scheme://user:password@host`, and `Bearer <token>`.
pub fn redact_text(s: &str) -> String {
    use std::sync::OnceLock;
    static PAIR: OnceLock<regex::Regex> = OnceLock::new();
    static URL: OnceLock<regex::Regex> = OnceLock::new();
    static BEARER: OnceLock<regex::Regex> = OnceLock::new();
    if !may_hold_secrets(s) {
        return s.to_string();
    }
    let pair = PAIR.get_or_init(|| {
        // A quoted name holding a secret word, a colon, then a quoted string or a bare
        // scalar; `is_secret_name` then decides on the whole name. (Only names with a
        // secret word may match: a match consumes its value, which may hold more pairs.)
        let mut words: Vec<String> = SECRET_WORDS
            .iter()
            .chain(SECRET_SEGMENTS)
            .map(|w| regex::escape(w).replace('_', "[_-]?"))
            .collect();
        words.extend(EXTRA.get().into_iter().flatten().map(|w| regex::escape(w)));
        regex::Regex::new(&format!(
            r#"(?i)((?:\\*")([^"\\]{{0,100}}(?:{})[^"\\]{{0,100}})(?:\\*")\s*:\s*)(?:(\\*")((?:[^"\\]|\\[^"]|\\+"[^,}}\]])*?)(\\*")|([^\s",}}\]]+))"#,
            words.join("|")
        ))
        .expect("valid regex")
    });
    let out = pair.replace_all(s, |c: &regex::Captures| {
        if !is_secret_name(&c[2]) {
            return c[0].to_string();
        }
        match (c.get(3), c.get(4), c.get(5), c.get(6)) {
            (Some(q1), Some(v), Some(q2), _) if !v.as_str().is_empty() => {
                format!("{}{}{}{}", &c[1], q1.as_str(), REDACTED, q2.as_str())
            }
            (_, _, _, Some(v)) if v.as_str() != "null" => format!("{}\"{}\"", &c[1], REDACTED),
            _ => c[0].to_string(),
        }
    });
    let url = URL.get_or_init(|| {
        regex::Regex::new(r"([a-zA-Z][a-zA-Z0-9+.\-]*://[^:/@\s]*:)([^@/\s]+)@")
            .expect("valid regex")
    });
    let out = url.replace_all(&out, |c: &regex::Captures| {
        format!("{}{}@", &c[1], REDACTED)
    });
    let bearer = BEARER.get_or_init(|| {
        regex::Regex::new(r"(?i)\b(bearer\s+)[A-Za-z0-9._~+/=\-]{8,}").expect("valid regex")
    });
    bearer
        .replace_all(&out, |c: &regex::Captures| format!("{}{}", &c[1], REDACTED))
        .into_owned()
}

#[cfg(test)]
mod raw_tests {
    use super::*;

    #[test]
    fn raw_text_loses_secrets_named_by_a_sibling_inside_encoded_json() {
        let outputs = r#"[{"output_value": "s3cr3t", "output_key": "db_password"}, {"output_value": "x1", "output_key": "id"}]"#;
        let raw = serde_json::json!({"state": {"heat_outputs": outputs}}).to_string();
        let decoded = serde_json::json!({"state": {"heat_outputs": serde_json::from_str::<Value>(outputs).unwrap()}});
        let r = redact_raw(&raw, Some(&decoded));
        assert!(!r.contains("s3cr3t") && r.contains("x1"), "{r}");
        assert_eq!(redact_raw("plain", None), "plain");
    }
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
        for n in [
            "", "name", "tok", "keys", "private", "ping", "mapping", "pinned", "compass",
        ] {
            assert!(!is_secret_name(n), "{n}");
        }
    }

    #[test]
    fn wider_names_urls_and_bearer_tokens() {
        for n in [
            "access_key",
            "aws-access-key-id",
            "pwd",
            "db_pwd",
            "sim.pin",
            "authorization",
            "cert_key",
            "db.password",
            "x:pass",
        ] {
            assert!(is_secret_name(n), "{n}");
        }
        assert_eq!(
            redact_text("postgres://app:s3cr3t@db:5432/x failed"),
            "postgres://app:<redacted>@db:5432/x failed"
        );
        assert_eq!(
            redact_text("http://127.0.0.1:2379"),
            "http://127.0.0.1:2379"
        );
        assert_eq!(
            redact_text("Authorization: Bearer abcdef0123456789"),
            "Authorization: Bearer <redacted>"
        );
        assert_eq!(
            redact_text(r#"{"db.password": 12345, "n": 1}"#),
            r#"{"db.password": "<redacted>", "n": 1}"#
        );
        let mut v =
            serde_json::json!({"error": "connect to mysql://root:pw@db failed", "pin": 1234});
        redact(&mut v);
        assert_eq!(
            v["error"],
            serde_json::json!("connect to mysql://root:<redacted>@db failed")
        );
        assert_eq!(v["pin"], serde_json::json!(REDACTED));
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
