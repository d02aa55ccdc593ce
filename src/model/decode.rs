//! Decoding stored values per family (spec §1.12): JSON objects, the double-encoded
//! config `body` and `state.heat_outputs`, job arrays and plain-text queue markers.
//!
//! Decoding never fails: a value that is not what its family expects is returned with
//! its raw text and a warning that names the key. Unknown fields are kept.

use serde::Serialize;
use serde_json::Value;

use super::job::JobValue;
use super::keys::{Family, KeyKind, QueueDir};

/// What a key is expected to hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Family(Family),
    JobAll,
    /// waiting/ready: handler name; working: reservation UUID; finished: empty.
    JobMarker(QueueDir),
    /// Plain text (e.g. `/job_manager_id`, `/gohan/watch/index/*`).
    Text,
    /// Unknown key: JSON if it parses, else text.
    Any,
}

impl Shape {
    pub fn of(kind: &KeyKind) -> Shape {
        match kind {
            KeyKind::Resource { family, .. } => Shape::Family(*family),
            KeyKind::Job {
                dir: QueueDir::All, ..
            } => Shape::JobAll,
            KeyKind::Job { dir, .. } => Shape::JobMarker(*dir),
            KeyKind::JobManagerId | KeyKind::GohanWatchIndex => Shape::Text,
            KeyKind::WorkflowRequest | KeyKind::Other => Shape::Any,
        }
    }
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Decoded {
    /// The fully decoded value (nested encoded strings parsed), or `None` when the raw
    /// text is not JSON of the expected kind.
    pub value: Option<Value>,
    /// Set when the value could not be decoded as expected: shown instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raw: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl Decoded {
    fn bad(key: &str, raw: &[u8], why: impl std::fmt::Display) -> Decoded {
        Decoded {
            value: None,
            raw: Some(String::from_utf8_lossy(raw).into_owned()),
            warnings: vec![format!("{key}: {why}; shown raw")],
        }
    }
    fn warn(&mut self, key: &str, why: impl std::fmt::Display) {
        self.warnings.push(format!("{key}: {why}"));
    }
}

pub fn decode(shape: Shape, key: &str, raw: &[u8]) -> Decoded {
    match shape {
        Shape::JobMarker(_) | Shape::Text => Decoded {
            value: Some(Value::String(String::from_utf8_lossy(raw).into_owned())),
            ..Default::default()
        },
        Shape::Any => match serde_json::from_slice::<Value>(raw) {
            Ok(v) => Decoded {
                value: Some(v),
                ..Default::default()
            },
            Err(_) => Decoded {
                value: Some(Value::String(String::from_utf8_lossy(raw).into_owned())),
                ..Default::default()
            },
        },
        Shape::JobAll => {
            let v: Value = match serde_json::from_slice(raw) {
                Ok(v) => v,
                Err(e) => return Decoded::bad(key, raw, format!("job value is not JSON ({e})")),
            };
            match JobValue::check(&v) {
                Ok(_) => Decoded {
                    value: Some(v),
                    ..Default::default()
                },
                Err(e) => Decoded::bad(key, raw, format!("job value has the wrong shape: {e}")),
            }
        }
        Shape::Family(f) => decode_family(f, key, raw),
    }
}

fn decode_family(f: Family, key: &str, raw: &[u8]) -> Decoded {
    let mut v: Value = match serde_json::from_slice(raw) {
        Ok(v) => v,
        Err(e) => return Decoded::bad(key, raw, format!("not valid JSON ({e})")),
    };
    if !v.is_object() {
        return Decoded::bad(key, raw, "expected a JSON object");
    }
    let mut d = Decoded::default();
    match f {
        Family::Config => {
            decode_nested(&mut v, &["body"], key, "body", &mut d, true);
            check_int(&v, "version", key, &mut d);
        }
        Family::WorkerConfig => check_int(&v, "version", key, &mut d),
        Family::State => {
            decode_nested(
                &mut v,
                &["state", "heat_outputs"],
                key,
                "state.heat_outputs",
                &mut d,
                false,
            );
            check_int(&v, "version", key, &mut d);
        }
        Family::Monitoring => check_int(&v, "version", key, &mut d),
        Family::HeatStack | Family::JobState => {}
    }
    d.value = Some(v);
    d
}

/// Parse the JSON held in a string field, in place. `expect_string`: the field must be
/// an encoded string (config body); otherwise an already-decoded value is accepted.
fn decode_nested(
    v: &mut Value,
    path: &[&str],
    key: &str,
    label: &str,
    d: &mut Decoded,
    expect_string: bool,
) {
    let mut cur = &mut *v;
    for p in path {
        match cur.get_mut(*p) {
            Some(next) => cur = next,
            None => return,
        }
    }
    match cur {
        Value::String(s) => match serde_json::from_str::<Value>(s) {
            Ok(inner) => *cur = inner,
            Err(e) => d.warn(
                key,
                format!("{label} is a string but not valid JSON ({e}); kept as text"),
            ),
        },
        Value::Null => {}
        _ if expect_string => d.warn(
            key,
            format!("{label} is not a JSON string (expected double-encoded JSON); used as is"),
        ),
        _ => {}
    }
}

fn check_int(v: &Value, field: &str, key: &str, d: &mut Decoded) {
    match v.get(field) {
        Some(x) if x.as_i64().is_some() => {}
        Some(x) => {
            // Quoted in a warning: never with its secrets.
            let mut x = x.clone();
            super::redact::redact(&mut x);
            d.warn(key, format!("`{field}` is not an integer: {x}"))
        }
        None => d.warn(key, format!("`{field}` is missing")),
    }
}

/// `version` of a decoded record, if any.
pub fn version_of(v: &Value) -> Option<i64> {
    v.get("version").and_then(Value::as_i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn config_body_is_double_decoded() {
        let raw = br#"{"body":"{\"admin_state_up\":true,\"id\":\"b761\",\"extra\":{\"x\":1}}","marked_for_deletion":false,"version":1}"#;
        let d = decode(
            Shape::Family(Family::Config),
            "/config/v2.0/networks/b761",
            raw,
        );
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        let v = d.value.unwrap();
        assert_eq!(v["body"]["id"], json!("b761"));
        assert_eq!(v["body"]["extra"]["x"], json!(1));
        assert_eq!(v["version"], json!(1));
    }

    #[test]
    fn state_heat_outputs_are_decoded() {
        let raw = br#"{"error": "", "state": {"heat_outputs": "[{\"output_value\": \"b761\", \"description\": \"d\", \"output_key\": \"id\"}]", "worker_state": "CREATE_COMPLETED"}, "version": 1}"#;
        let d = decode(
            Shape::Family(Family::State),
            "/state/v2.0/networks/b761",
            raw,
        );
        assert!(d.warnings.is_empty());
        assert_eq!(
            d.value.unwrap()["state"]["heat_outputs"][0]["output_key"],
            json!("id")
        );
    }

    #[test]
    fn malformed_values_warn_and_keep_raw() {
        let key = "/config/v2.0/ports/p1";
        let d = decode(Shape::Family(Family::Config), key, b"{\"body\": \"{trunc");
        assert!(d.value.is_none());
        assert_eq!(d.raw.as_deref(), Some("{\"body\": \"{trunc"));
        assert!(d.warnings[0].starts_with(key), "{:?}", d.warnings);

        let d = decode(
            Shape::Family(Family::Config),
            key,
            br#"{"body":{"id":"p1"},"version":2}"#,
        );
        assert_eq!(d.value.as_ref().unwrap()["body"]["id"], json!("p1"));
        assert!(
            d.warnings[0].contains("not a JSON string"),
            "{:?}",
            d.warnings
        );

        let d = decode(
            Shape::Family(Family::Config),
            key,
            br#"{"body":"not json","version":2}"#,
        );
        assert_eq!(d.value.as_ref().unwrap()["body"], json!("not json"));
        assert!(d.warnings[0].contains("not valid JSON"));

        let d = decode(Shape::Family(Family::Monitoring), key, br#"[1,2]"#);
        assert!(d.value.is_none());
        assert!(d.warnings[0].contains("expected a JSON object"));

        let d = decode(Shape::JobAll, "/jobs/all/x", br#"["heat_worker"]"#);
        assert!(d.value.is_none());
        assert!(d.warnings[0].contains("wrong shape"));
    }

    #[test]
    fn unknown_fields_are_kept() {
        let raw = br#"{"version":3,"vmi":"UP","brand_new":{"a":[1]}}"#;
        let d = decode(
            Shape::Family(Family::Monitoring),
            "/monitoring/v2.0/ports/p",
            raw,
        );
        assert_eq!(d.value.unwrap()["brand_new"], json!({"a":[1]}));
    }
}
