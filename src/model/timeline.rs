//! One line per change of a resource's records: what changed, in words
//! (`config v3 → v4: admin_state_up true→false`, `monitoring vmi UP→FAIL`).

use serde::Serialize;
use serde_json::Value;

use super::decode::{decode, Shape};
use super::keys::{classify, KeyKind, QueueDir};
use super::kv::{EventKind, WatchEvent};
use super::registry::Registry;

#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub revision: i64,
    /// config, worker_config, heat_stack, job_state, state, monitoring, or jobs/<dir>.
    pub family: String,
    pub key: String,
    pub event: EventKind,
    /// The ESI version in the value (config/state/monitoring), if any.
    pub version: Option<i64>,
    /// etcd's per-key version after the event (0 after a delete).
    pub key_version: i64,
    pub summary: String,
    /// Decoded value after the event (null after a delete).
    pub value: Option<Value>,
}

fn decoded(reg: &Registry, key: &str, raw: &[u8]) -> Option<Value> {
    decode(Shape::of(&classify(reg, key)), key, raw).value
}

fn s(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => "null".into(),
        Some(o) => o.to_string(),
    }
}

/// Top-level field changes between two objects, as `a x→y` (at most `max`).
pub fn field_changes(old: Option<&Value>, new: Option<&Value>, max: usize) -> Vec<String> {
    let empty = serde_json::Map::new();
    let o = old.and_then(Value::as_object).unwrap_or(&empty);
    let n = new.and_then(Value::as_object).unwrap_or(&empty);
    let mut out = Vec::new();
    // Gohan's status bookkeeping changes on every version; it is noise in a summary.
    const NOISE: [&str; 3] = ["status", "orchestration_state", "operational_state"];
    for (k, nv) in n.iter().filter(|(k, _)| !NOISE.contains(&k.as_str())) {
        match o.get(k) {
            Some(ov) if ov == nv => {}
            Some(ov) => out.push(format!("{k} {}→{}", short(ov), short(nv))),
            None => out.push(format!("+{k}")),
        }
    }
    for k in o
        .keys()
        .filter(|k| !n.contains_key(*k) && !NOISE.contains(&k.as_str()))
    {
        out.push(format!("-{k}"));
    }
    let total = out.len();
    if total > max {
        out.truncate(max);
        out.push(format!("+{} more", total - max));
    }
    out
}

fn short(v: &Value) -> String {
    let t = s(Some(v));
    if t.chars().count() > 40 {
        format!("{}…", t.chars().take(39).collect::<String>())
    } else {
        t
    }
}

///
/// `redact`: hide secrets in both values before anything is summarised, so neither the
/// value nor the one-line summary can show them.
pub fn entry(reg: &Registry, revision: i64, ev: &WatchEvent, redact: bool) -> Entry {
    let key = &ev.kv.key;
    let kind = classify(reg, key);
    let hide = |mut v: Value| {
        if redact {
            crate::model::redact::redact(&mut v);
        }
        v
    };
    let new = (ev.kind == EventKind::Put)
        .then(|| decoded(reg, key, &ev.kv.value))
        .flatten()
        .map(hide);
    let old = ev
        .prev
        .as_ref()
        .and_then(|p| decoded(reg, key, &p.value))
        .map(hide);
    let version = new
        .as_ref()
        .or(old.as_ref())
        .and_then(|v| v.get("version"))
        .and_then(Value::as_i64);
    let (family, summary) = match &kind {
        KeyKind::Resource { family, .. } => (
            family.name().to_string(),
            summarize_family(family.name(), ev.kind, old.as_ref(), new.as_ref()),
        ),
        KeyKind::Job { dir, job_id } => (
            format!("jobs/{}", dir.name()),
            summarize_job(*dir, job_id, ev),
        ),
        _ => ("other".into(), format!("{:?}", ev.kind).to_lowercase()),
    };
    Entry {
        revision,
        family,
        key: key.clone(),
        event: ev.kind,
        version,
        key_version: ev.kv.version,
        summary,
        value: new,
    }
}

fn summarize_family(f: &str, kind: EventKind, old: Option<&Value>, new: Option<&Value>) -> String {
    let ver = |v: Option<&Value>| v.and_then(|v| v.get("version")).and_then(Value::as_i64);
    if kind == EventKind::Delete {
        return match f {
            "job_state" => "job_state removed (job done)".into(),
            "monitoring" => "monitoring target removed".into(),
            _ => format!("{f} deleted"),
        };
    }
    match f {
        "config" => config_summary(old, new),
        "worker_config" => format!(
            "esi-worker config v{}{}",
            ver(new).unwrap_or(0),
            if new.and_then(|v| v.get("deleted")).and_then(Value::as_bool) == Some(true) {
                " (deleted)"
            } else {
                ""
            }
        ),
        "heat_stack" => {
            let st = s(new.and_then(|v| v.get("stack_status")));
            let reason = s(new.and_then(|v| v.get("status_reason")));
            if reason.is_empty() || reason == "null" {
                format!("heat stack {st}")
            } else {
                format!("heat stack {st} ({reason})")
            }
        }
        "job_state" => {
            let empty = new.and_then(Value::as_object).is_some_and(|m| m.is_empty());
            if empty {
                "job_state {} (job started)".into()
            } else {
                format!(
                    "job_state {}",
                    s(new.and_then(|v| v.get("orchestration_state")))
                )
            }
        }
        "state" => {
            let ws = s(new.and_then(|v| v.pointer("/state/worker_state")));
            let err = new
                .and_then(|v| v.get("error"))
                .and_then(Value::as_str)
                .filter(|e| !e.is_empty());
            let base = format!("state {ws} v{}", ver(new).unwrap_or(0));
            match err {
                Some(e) => format!("{base}: error {e}"),
                None => base,
            }
        }
        "monitoring" => monitoring_summary(old, new),
        other => format!("{other} updated"),
    }
}

fn esi_version(v: Option<&Value>) -> Option<i64> {
    v.and_then(|v| v.get("version")).and_then(Value::as_i64)
}

/// `config v3 → v4: name a→b (delete requested)`.
fn config_summary(old: Option<&Value>, new: Option<&Value>) -> String {
    let ver = esi_version;
    let marked = new
        .and_then(|v| v.get("marked_for_deletion"))
        .and_then(Value::as_bool)
        == Some(true);
    let (ov, nv) = (ver(old), ver(new));
    let head = match ov {
        None => format!("config v{} created", nv.unwrap_or(0)),
        Some(o) => format!("config v{o} → v{}", nv.unwrap_or(0)),
    };
    let mut changes = field_changes(
        old.and_then(|v| v.get("body")),
        new.and_then(|v| v.get("body")),
        3,
    );
    if ov.is_none() {
        changes.clear();
    }
    let tail = if marked {
        " (delete requested)".to_string()
    } else {
        String::new()
    };
    if changes.is_empty() {
        format!("{head}{tail}")
    } else {
        format!("{head}: {}{tail}", changes.join(", "))
    }
}

/// `monitoring vmi UP→FAIL (v4)`.
fn monitoring_summary(old: Option<&Value>, new: Option<&Value>) -> String {
    let ver = esi_version;
    let fields = |v: Option<&Value>| -> Vec<(String, String)> {
        v.and_then(Value::as_object)
            .map(|m| {
                m.iter()
                    .filter(|(k, _)| *k != "version")
                    .map(|(k, v)| (k.clone(), s(Some(v))))
                    .collect()
            })
            .unwrap_or_default()
    };
    let (o, n) = (fields(old), fields(new));
    let parts: Vec<String> = n
        .iter()
        .map(|(k, nv)| match o.iter().find(|(ok, _)| ok == k) {
            Some((_, ov)) if ov != nv => format!("{k} {ov}→{nv}"),
            _ => format!("{k}={nv}"),
        })
        .collect();
    format!(
        "monitoring {} (v{})",
        parts.join(", "),
        ver(new).unwrap_or(0)
    )
}

fn summarize_job(dir: QueueDir, job_id: &str, ev: &WatchEvent) -> String {
    let label = crate::model::job::JobId::parse(job_id)
        .map(|j| format!("{} v{}", j.action, j.version))
        .unwrap_or_else(|| job_id.to_string());
    let put = ev.kind == EventKind::Put;
    match (dir, put) {
        (QueueDir::All, true) => {
            let retry = serde_json::from_slice::<Value>(&ev.kv.value)
                .ok()
                .and_then(|v| v.get(2).and_then(Value::as_i64));
            match retry {
                Some(r) if r > 0 => format!("job {label} re-queued (retry {r})"),
                _ => format!("job {label} created"),
            }
        }
        (QueueDir::All, false) => format!("job {label} removed (finished)"),
        (QueueDir::Waiting, true) => format!("job {label} waiting for dependencies"),
        (QueueDir::Ready, true) => format!("job {label} ready"),
        (QueueDir::Working, true) => {
            format!("job {label} reserved by worker {}", ev.kv.value_str())
        }
        (QueueDir::Working, false) => format!("job {label} released by its worker"),
        (QueueDir::Finished, true) => format!("job {label} finished"),
        (d, false) => format!("job {label} left {}", d.name()),
    }
}

#[cfg(test)]
#[path = "timeline_tests.rs"]
mod tests;
