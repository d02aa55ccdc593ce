//! Values as short text, for one-line displays.

/// A JSON value in one short line (strings unquoted).
pub fn short(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => "null".into(),
        other => other.to_string(),
    }
}

/// `port:ddc14be4 v3` for a job id (dependency lists stay readable).
pub fn short_job(id: &str) -> String {
    match super::job::JobId::parse(id) {
        Some(j) => format!(
            "{}:{} v{}",
            j.resource_type,
            j.resource_id.chars().take(8).collect::<String>(),
            j.version
        ),
        None => id.to_string(),
    }
}
