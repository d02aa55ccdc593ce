//! Versions to diff (`esi diff`): two versions of one family from its key's history, or
//! the config against the newest job, or the state against the stack; and the
//! comparison of two sides.

use std::sync::Arc;

use serde::Serialize;
use serde_json::Value;

use crate::error::{EsiError, Result};
use crate::model::decode::{decode, Shape};
use crate::model::job::JobValue;
use crate::model::jsondiff::{self, Change};
use crate::model::keys::Family;
use crate::model::redact;
use crate::model::registry::{Registry, ResourceType};
use crate::query::history::Ident;
use crate::query::locate::{latest_job_of, locate};
use crate::query::resource::{read_resource, require_found};
use crate::store::follow::{self, Spec};
use crate::store::{EventKind, Store};

#[derive(Debug, Clone, Serialize)]
pub struct Side {
    pub label: String,
    pub revision: Option<i64>,
    pub version: Option<i64>,
    #[serde(skip)]
    pub value: Value,
}

#[derive(Debug, Serialize)]
pub struct DiffDoc {
    pub resource: Ident,
    pub family: String,
    pub from: Side,
    pub to: Side,
    pub identical: bool,
    pub changes: Vec<Change>,
    /// Paths that differ only in redacted (secret) values: listed, never shown.
    pub redacted_changes: Vec<String>,
}

/// One stored version of a key, from history.
struct Version {
    revision: i64,
    key_version: i64,
    value: Option<Value>,
}

/// Compare two sides: bookkeeping fields hidden unless `show_all`; compared before
/// redaction, so a changed secret still makes the versions differ (its path is reported,
/// its values are not). The sides' values are left canonical and redacted.
pub fn compare(
    t: &ResourceType,
    id: &str,
    family: String,
    mut from: Side,
    mut to: Side,
    show_all: bool,
    redact_secrets: bool,
) -> DiffDoc {
    if !show_all {
        jsondiff::strip_noise(&mut from.value);
        jsondiff::strip_noise(&mut to.value);
    }
    // Compared before redaction, so a changed secret still makes the versions differ
    // (exit 1); its path is reported, its values are not.
    let raw_paths: Vec<String> = jsondiff::diff(&from.value, &to.value)
        .into_iter()
        .map(|c| c.path)
        .collect();
    if redact_secrets {
        redact::redact(&mut from.value);
        redact::redact(&mut to.value);
    }
    from.value = jsondiff::canonical(&from.value);
    to.value = jsondiff::canonical(&to.value);
    let changes = jsondiff::diff(&from.value, &to.value);
    let redacted_changes: Vec<String> = raw_paths
        .into_iter()
        .filter(|p| !changes.iter().any(|c| c.path == *p))
        .collect();
    DiffDoc {
        resource: Ident {
            rtype: t.id.clone(),
            id: id.to_string(),
        },
        family,
        identical: changes.is_empty() && redacted_changes.is_empty(),
        changes,
        redacted_changes,
        from,
        to,
    }
}

async fn history_of(
    store: &Arc<dyn Store>,
    key: &str,
    shape: Shape,
    to: i64,
    warn: &dyn Fn(&str),
) -> Result<(Vec<Version>, Option<i64>)> {
    let h = follow::collect(store.clone(), vec![Spec::key(key)], 1, to).await?;
    if let Some(c) = h.compact_revision {
        warn(&format!(
            "history of {key} before revision {c} was compacted"
        ));
    }
    let vs = h
        .events
        .into_iter()
        .map(|(rev, ev)| Version {
            revision: rev,
            key_version: ev.kv.version,
            value: (ev.kind == EventKind::Put)
                .then(|| decode(shape, key, &ev.kv.value).value)
                .flatten(),
        })
        .collect();
    Ok((vs, h.compact_revision))
}

fn esi_version(v: &Option<Value>) -> Option<i64> {
    v.as_ref()
        .and_then(|v| v.get("version"))
        .and_then(Value::as_i64)
}

/// A side of a diff as given: `rev:N`, or an ESI version `N` / `vN`.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Sel {
    Rev(i64),
    Version(i64),
}

impl Sel {
    fn parse(spec: &str, head: i64) -> Result<Sel> {
        if let Some(r) = spec.strip_prefix("rev:") {
            let r: i64 = r.parse().ok().filter(|r| *r > 0).ok_or_else(|| {
                EsiError::Usage(format!("bad revision `{spec}` (expected rev:N, N ≥ 1)"))
            })?;
            crate::store::check_revision(r, head)?;
            return Ok(Sel::Rev(r));
        }
        let n = spec.strip_prefix('v').unwrap_or(spec);
        n.parse()
            .map(Sel::Version)
            .map_err(|_| EsiError::Usage(format!("bad version `{spec}` (expected N, vN or rev:N)")))
    }
}

/// The side `sel` picks from a key's history; not there because history was compacted
/// is the compacted error, not "not found".
fn pick(vs: &[Version], sel: Sel, spec: &str, key: &str, compact: Option<i64>) -> Result<Side> {
    let missing = || {
        match (compact, sel) {
        (Some(c), Sel::Rev(r)) if r < c => EsiError::Compacted {
            requested: r,
            compact_revision: c,
        },
        (Some(c), _) => EsiError::HistoryCompacted(format!(
            "{key}: no version {spec} in the history etcd still keeps (history before revision {c} was compacted)"
        )),
        (None, _) => EsiError::NotFound(format!("{key}: no version {spec} in the available history")),
    }
    };
    let n = match sel {
        Sel::Rev(r) => {
            let v = vs
                .iter()
                .rev()
                .find(|v| v.revision <= r)
                .ok_or_else(missing)?;
            return Ok(Side {
                label: format!("{key} @ rev {r}"),
                revision: Some(v.revision),
                version: esi_version(&v.value),
                value: v.value.clone().unwrap_or(Value::Null),
            });
        }
        Sel::Version(n) => n,
    };
    let has_esi = vs.iter().any(|v| esi_version(&v.value).is_some());
    let v = vs
        .iter()
        .rev()
        .filter(|v| v.value.is_some())
        .find(|v| {
            if has_esi {
                esi_version(&v.value) == Some(n)
            } else {
                v.key_version == n
            }
        })
        .ok_or_else(missing)?;
    Ok(Side {
        label: format!("{key} v{n} (rev {})", v.revision),
        revision: Some(v.revision),
        version: esi_version(&v.value),
        value: v.value.clone().unwrap_or(Value::Null),
    })
}

/// Two versions of one family of a resource: `from` and `to` as given (`N` or `rev:N`),
/// by default the previous and the current version.
pub async fn versions(
    store: &Arc<dyn Store>,
    t: &ResourceType,
    id: &str,
    family: &str,
    sel: (Option<&str>, Option<&str>),
    warn: &dyn Fn(&str),
) -> Result<(Side, Side, String)> {
    let fam = Family::parse(family)
        .ok_or_else(|| EsiError::Usage(format!("--family {family}: unknown family")))?;
    let key = fam.key(t, id);
    // Both sides are checked before the walk: a bad one costs no history read.
    let head = store.probe().await?.revision;
    let from_sel = sel.0.map(|s| Sel::parse(s, head)).transpose()?;
    let to_sel = sel.1.map(|s| Sel::parse(s, head)).transpose()?;
    let (vs, compact) = history_of(store, &key, Shape::Family(fam), head, warn).await?;
    let puts: Vec<&Version> = vs.iter().filter(|v| v.value.is_some()).collect();
    if puts.is_empty() {
        return Err(EsiError::NotFound(format!(
            "{key}: no stored version in the available history"
        )));
    }
    let to = match (sel.1, to_sel) {
        (Some(s), Some(p)) => pick(&vs, p, s, &key, compact)?,
        _ => {
            let last = vs.last().expect("non-empty");
            let v = last
                .value
                .clone()
                .ok_or_else(|| EsiError::NotFound(format!("{key} is deleted; give --to")))?;
            Side {
                label: format!("{key} current (rev {})", last.revision),
                revision: Some(last.revision),
                version: esi_version(&last.value),
                value: v,
            }
        }
    };
    let from = match (sel.0, from_sel) {
        (Some(s), Some(p)) => pick(&vs, p, s, &key, compact)?,
        _ => {
            // The previous version: an older ESI version where the family has one, else the previous put.
            let prev = match to.version {
                Some(tv) => puts
                    .iter()
                    .rev()
                    .find(|v| esi_version(&v.value).is_some_and(|x| x < tv)),
                None => puts.iter().rev().find(|v| Some(v.revision) < to.revision),
            }
            .ok_or_else(|| {
                EsiError::NotFound(format!(
                    "{key}: no previous version in the available history"
                ))
            })?;
            let label = match esi_version(&prev.value) {
                Some(n) => format!("{key} v{n} (rev {})", prev.revision),
                None => format!("{key} @ rev {}", prev.revision),
            };
            Side {
                label,
                revision: Some(prev.revision),
                version: esi_version(&prev.value),
                value: prev.value.clone().unwrap_or(Value::Null),
            }
        }
    };
    Ok((from, to, fam.name().to_string()))
}

/// The config body against the newest job's resource_input.
pub async fn against_job(
    store: &dyn Store,
    reg: &Registry,
    t: &ResourceType,
    id: &str,
) -> Result<(Side, Side, String)> {
    let view = read_resource(store, reg, t, id, None).await?;
    require_found(&view)?;
    let body = view.config.get(&["body"]).cloned().ok_or_else(|| {
        EsiError::NotFound(format!("{} has no readable config body", view.config.key))
    })?;
    let from = Side {
        label: format!(
            "{} body v{}",
            view.config.key,
            view.config.esi_version().unwrap_or(0)
        ),
        revision: view.config.mod_revision,
        version: view.config.esi_version(),
        value: body,
    };
    // The newest job in the queue, else the last one found in the job keys' history.
    let mut job: Option<(String, i64, Value)> = view
        .jobs
        .iter()
        .filter_map(|j| {
            j.job_value().map(|v| {
                (
                    j.id.clone(),
                    j.keys.get("all").map(|k| k.mod_revision).unwrap_or(0),
                    v.job,
                )
            })
        })
        .max_by_key(|(_, rev, _)| *rev);
    if job.is_none() {
        // Not in flight: the last job put in its job keys' history, searched from the
        // config's creation.
        let hint = view.config.create_revision;
        if let Some(jid) = latest_job_of(store, reg, &t.id, id, hint).await? {
            let loc = locate(store, &jid, None, hint).await?;
            job = loc
                .value
                .as_ref()
                .and_then(|v| JobValue::from_value(v).ok())
                .map(|v| (jid, loc.put_revision.unwrap_or(loc.revision), v.job));
        }
    }
    let (job_id, rev, j) = job.ok_or_else(|| {
        EsiError::NotFound(format!("no job found for {} {id} (queue or history)", t.id))
    })?;
    let to = Side {
        label: format!("job {job_id} resource_input"),
        revision: Some(rev),
        version: j.get("version").and_then(Value::as_i64),
        value: j.get("resource_input").cloned().unwrap_or(Value::Null),
    };
    Ok((from, to, "config~job".into()))
}

/// Outputs keyed by output_key. Anything but a list (or nothing) cannot be compared: an
/// unreadable side is an error naming it, never an empty map that "matches".
fn outputs_map(v: Option<&Value>, what: &str) -> Result<Value> {
    let list = match v {
        None | Some(Value::Null) => &[][..],
        Some(Value::Array(a)) => a.as_slice(),
        Some(other) => {
            let kind = match other {
                Value::String(_) => "text that is not a JSON list",
                _ => "not a list",
            };
            return Err(EsiError::InvalidData(format!(
                "cannot compare: {what} is {kind} of outputs"
            )));
        }
    };
    let mut m = serde_json::Map::new();
    for o in list {
        if let Some(k) = o.get("output_key").and_then(Value::as_str) {
            m.insert(
                k.to_string(),
                o.get("output_value").cloned().unwrap_or(Value::Null),
            );
        }
    }
    Ok(Value::Object(m))
}

/// The state's heat_outputs against the heat_stacks outputs.
pub async fn against_stack(
    store: &dyn Store,
    reg: &Registry,
    t: &ResourceType,
    id: &str,
) -> Result<(Side, Side, String)> {
    let view = read_resource(store, reg, t, id, None).await?;
    require_found(&view)?;
    if !view.state.present || !view.heat_stack.present {
        return Err(EsiError::NotFound(format!(
            "{} {id}: --against stack needs both /state and heat_stacks records",
            t.id
        )));
    }
    for r in [&view.state, &view.heat_stack] {
        if r.value.is_none() {
            return Err(EsiError::InvalidData(format!(
                "cannot compare: {} cannot be decoded ({})",
                r.key,
                r.warnings
                    .first()
                    .map(String::as_str)
                    .unwrap_or("unreadable")
            )));
        }
    }
    let from = Side {
        label: format!("{} heat_outputs", view.state.key),
        revision: view.state.mod_revision,
        version: view.state.esi_version(),
        value: outputs_map(
            view.state.get(&["state", "heat_outputs"]),
            &format!("{} state.heat_outputs", view.state.key),
        )?,
    };
    let to = Side {
        label: format!("{} output", view.heat_stack.key),
        revision: view.heat_stack.mod_revision,
        version: None,
        value: outputs_map(
            view.heat_stack.get(&["output"]),
            &format!("{} output", view.heat_stack.key),
        )?,
    };
    Ok((from, to, "state~heat_stack".into()))
}
