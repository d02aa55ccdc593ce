//! Do config, job, stack, state and monitoring agree? And if not, why (spec §3.7, §4.4).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::registry::ResourceType;
use super::resource::{ResourceView, Stage};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Code {
    /// state version == config version, completed, stack and monitoring agree.
    InSync,
    /// A job for the resource is waiting or ready.
    Pending,
    /// A worker holds the job.
    Working,
    /// state is behind config and no job is queued.
    Stale,
    /// The last job failed (state error, *_FAILED status).
    Failed,
    /// In sync, but monitoring reports a non-positive status.
    Degraded,
    /// Deletion requested or torn down, waiting for Gohan to remove the keys.
    Deleting,
    /// Config gone after a logical delete; only esi-worker leftovers remain.
    Deleted,
    /// Queue or worker leftovers that will not progress by themselves.
    Stuck,
    /// No /config but other families exist (not a delete leftover).
    Orphaned,
    /// Records contradict each other (state ahead of config, stack vs state).
    Inconsistent,
    /// A record could not be decoded.
    Unreadable,
    #[default]
    NotFound,
}

impl Code {
    pub fn label(self) -> &'static str {
        match self {
            Code::InSync => "IN SYNC",
            Code::Pending => "PENDING",
            Code::Working => "WORKING",
            Code::Stale => "STALE",
            Code::Failed => "FAILED",
            Code::Degraded => "DEGRADED",
            Code::Deleting => "DELETING",
            Code::Deleted => "DELETED",
            Code::Stuck => "STUCK",
            Code::Orphaned => "ORPHANED",
            Code::Inconsistent => "INCONSISTENT",
            Code::Unreadable => "UNREADABLE",
            Code::NotFound => "NOT FOUND",
        }
    }
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Verdict {
    pub code: Code,
    /// One line for humans, e.g. `STALE: state v3 < config v4, no job queued`.
    pub text: String,
    /// Every disagreement found, most important first.
    pub reasons: Vec<String>,
    pub config_version: Option<i64>,
    pub state_version: Option<i64>,
    pub monitoring_version: Option<i64>,
}

fn s(v: Option<&Value>) -> Option<&str> {
    v.and_then(Value::as_str)
}

fn failed(x: Option<&str>) -> bool {
    x.is_some_and(|x| x.contains("FAIL") || x.contains("ERROR"))
}

/// Statuses a collector reports for a healthy target (spec §6).
fn positive(v: &Value) -> bool {
    match v {
        Value::String(s) => matches!(
            s.as_str(),
            "UP" | "MASTER" | "BACKUP" | "ESTABLISHED" | "ACTIVE"
        ),
        Value::Object(m) => m.values().all(positive),
        _ => false,
    }
}

pub fn monitoring_summary(view: &ResourceView, t: &ResourceType) -> Option<String> {
    let m = view.monitoring.value.as_ref()?;
    let field = t.monitoring_field.as_deref();
    let (name, val) = match field.and_then(|f| m.get(f).map(|v| (f, v))) {
        Some(x) => x,
        None => m
            .as_object()?
            .iter()
            .find(|(k, _)| *k != "version")
            .map(|(k, v)| (k.as_str(), v))?,
    };
    let shown = match val {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    Some(format!("{name}={shown}"))
}

pub fn compute(view: &ResourceView, t: &ResourceType) -> Verdict {
    let cfg = &view.config;
    let state = &view.state;
    let mut v = Verdict {
        config_version: cfg.esi_version(),
        state_version: state.esi_version(),
        monitoring_version: view.monitoring.esi_version(),
        ..Default::default()
    };
    let mut reasons: Vec<String> = Vec::new();
    let done = |mut v: Verdict, code: Code, text: String, mut reasons: Vec<String>| {
        v.code = code;
        reasons.insert(0, text.clone());
        reasons.dedup();
        v.text = format!("{}: {}", code.label(), text);
        v.reasons = reasons;
        v
    };

    if view.is_empty() {
        v.text = Code::NotFound.label().into();
        return v;
    }
    for (_, r) in view.records() {
        if r.present && r.value.is_none() {
            return done(
                v,
                Code::Unreadable,
                r.warnings.first().cloned().unwrap_or_else(|| r.key.clone()),
                vec![],
            );
        }
    }

    let stack_status = s(view.heat_stack.get(&["stack_status"]));
    let worker_state = s(state.get(&["state", "worker_state"]));
    let orch_state = s(state.get(&["state", "orchestration_state"]));
    let error = s(state.get(&["error"])).filter(|e| !e.is_empty());
    let marked = cfg
        .get(&["marked_for_deletion"])
        .and_then(Value::as_bool)
        .unwrap_or(false);

    // Config gone: either the end of a logical delete or leftovers.
    if !cfg.present {
        let left: Vec<&str> = view
            .records()
            .iter()
            .filter(|(_, r)| r.present)
            .map(|(f, _)| f.name())
            .collect();
        let deleted = worker_state == Some("DELETE_COMPLETED")
            || stack_status == Some("DELETE_COMPLETE")
            || view
                .worker_config
                .get(&["deleted"])
                .and_then(Value::as_bool)
                == Some(true);
        if !left.is_empty() {
            let text = format!("no /config; remaining: {}", left.join(", "));
            return if deleted {
                done(v, Code::Deleted, text, reasons)
            } else {
                done(v, Code::Orphaned, text, reasons)
            };
        }
    }

    let cv = v.config_version.unwrap_or(0);
    let previous_failure =
        if error.is_some() || failed(worker_state) || failed(orch_state) || failed(stack_status) {
            Some(
                error
                    .map(String::from)
                    .or_else(|| {
                        s(view.heat_stack.get(&["status_reason"]))
                            .filter(|r| !r.is_empty())
                            .map(String::from)
                    })
                    .or_else(|| worker_state.filter(|w| failed(Some(w))).map(String::from))
                    .unwrap_or_else(|| stack_status.unwrap_or("FAILED").to_string()),
            )
        } else {
            None
        };

    // A job in flight explains any lag.
    for j in view.jobs.iter().filter(|j| j.stage == Stage::Orphaned) {
        let dirs: Vec<&str> = j.keys.keys().copied().collect();
        reasons.push(format!(
            "leftover /jobs/{} key for {} (no /jobs/all entry)",
            dirs.join(","),
            j.id
        ));
    }
    if let Some(j) = view.active_job() {
        if let Some(f) = &previous_failure {
            reasons.push(format!("previous attempt failed: {f}"));
        }
        let text = match j.stage {
            Stage::Working => {
                let ttl = j
                    .lease_ttl
                    .map(|t| format!(", lease {t}s left"))
                    .unwrap_or_default();
                (
                    Code::Working,
                    format!(
                        "{} on worker {}{ttl}",
                        j.label(),
                        j.worker.as_deref().unwrap_or("?")
                    ),
                )
            }
            Stage::Ready => (
                Code::Pending,
                format!("{} is ready, not yet reserved", j.label()),
            ),
            Stage::Waiting => {
                let deps = if j.pending_dependencies.is_empty() {
                    &j.dependency
                } else {
                    &j.pending_dependencies
                };
                if deps.is_empty() {
                    (
                        Code::Pending,
                        format!("{} is waiting (no dependency listed)", j.label()),
                    )
                } else {
                    (
                        Code::Pending,
                        format!(
                            "{} is waiting for {} job(s): {}",
                            j.label(),
                            deps.len(),
                            deps.join(", ")
                        ),
                    )
                }
            }
            Stage::Unqueued => (
                Code::Stuck,
                format!("{} is in /jobs/all with no stage key", j.label()),
            ),
            Stage::Orphaned => (
                Code::Stuck,
                format!("{} has stage keys but no /jobs/all entry", j.label()),
            ),
            Stage::Finished => unreachable!("active jobs are not finished"),
        };
        if j.version < cv {
            reasons.push(format!("job is for v{} but config is v{cv}", j.version));
        }
        return done(v, text.0, text.1, reasons);
    }

    if let Some(f) = previous_failure {
        return done(v, Code::Failed, f, reasons);
    }
    if view.job_state.present && !view.jobs.iter().any(|j| j.stage == Stage::Working) {
        let empty = view
            .job_state
            .value
            .as_ref()
            .and_then(Value::as_object)
            .is_some_and(|m| m.is_empty());
        if empty {
            return done(
                v,
                Code::Stuck,
                "job_state {} left by a worker that died mid-job".into(),
                reasons,
            );
        }
        reasons.push("job_state present although no job is working (cleanup pending)".into());
    }

    let Some(sv) = v.state_version else {
        let text = if marked {
            format!("delete requested at v{cv}, no state and no job queued")
        } else {
            format!("no state for config v{cv}, no job queued")
        };
        return done(v, Code::Stale, text, reasons);
    };
    if sv < cv {
        let what = if marked {
            format!("delete requested at v{cv}: ")
        } else {
            String::new()
        };
        return done(
            v,
            Code::Stale,
            format!("{what}state v{sv} < config v{cv}, no job queued"),
            reasons,
        );
    }
    if sv > cv {
        return done(
            v,
            Code::Inconsistent,
            format!("state v{sv} > config v{cv}"),
            reasons,
        );
    }

    // state at config version: check the stack and monitoring agree.
    let workable = worker_state != Some("READ_COMPLETE");
    if workable {
        match (stack_status, orch_state) {
            (None, _) if !marked => {
                reasons.push("state is complete but there is no heat_stacks record".into())
            }
            (Some(st), Some(os)) if st != os => {
                reasons.push(format!("heat stack is {st} but state says {os}"))
            }
            _ => {}
        }
        let outputs_state = state.get(&["state", "heat_outputs"]);
        let outputs_stack = view.heat_stack.get(&["output"]);
        if let (Some(a), Some(b)) = (outputs_state, outputs_stack) {
            if !same_outputs(a, b) {
                reasons.push("state heat_outputs differ from the heat stack outputs".into());
            }
        }
    }
    if !reasons.is_empty() && !marked {
        let first = reasons.remove(0);
        return done(v, Code::Inconsistent, first, reasons);
    }
    if marked {
        let text = if worker_state == Some("DELETE_COMPLETED") {
            format!("torn down at v{cv} (DELETE_COMPLETED); waiting for Gohan to remove the keys")
        } else {
            format!(
                "delete requested at v{cv}, state {}",
                worker_state.unwrap_or("?")
            )
        };
        return done(v, Code::Deleting, text, reasons);
    }
    if let Some(m) = &view.monitoring.value {
        let field = t.monitoring_field.as_deref();
        let val = field.and_then(|f| m.get(f));
        if let Some(val) = val {
            if !positive(val) {
                let sum = monitoring_summary(view, t).unwrap_or_default();
                return done(v, Code::Degraded, format!("monitoring {sum}"), reasons);
            }
        }
        if let Some(mv) = v.monitoring_version.filter(|mv| *mv != cv) {
            reasons.push(format!(
                "monitoring is for v{mv}, config is v{cv} (Gohan ignores it)"
            ));
        }
    }
    let text = if workable {
        format!("v{cv}")
    } else {
        format!("v{cv}, READ_COMPLETE: not workable")
    };
    let mut out = done(v, Code::InSync, text, reasons);
    out.text = format!("IN SYNC ({})", out.reasons[0]);
    out
}

/// Compare output lists as sets keyed by output_key (key order inside differs by writer).
fn same_outputs(a: &Value, b: &Value) -> bool {
    let key = |v: &Value| -> Vec<(String, Value)> {
        let mut out: Vec<(String, Value)> = v
            .as_array()
            .into_iter()
            .flatten()
            .map(|o| {
                (
                    s(o.get("output_key")).unwrap_or("").to_string(),
                    o.get("output_value").cloned().unwrap_or(Value::Null),
                )
            })
            .collect();
        out.sort_by(|x, y| x.0.cmp(&y.0));
        out
    };
    key(a) == key(b)
}
