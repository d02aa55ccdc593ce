//! Values as short text, for one-line displays.

/// A JSON value in one short line (strings unquoted).
pub fn short(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => "null".into(),
        other => other.to_string(),
    }
}
