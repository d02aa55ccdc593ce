//! Do config, job, stack, state and monitoring agree? And if not, why (spec §3.7, §4.4).

use serde_json::Value;

pub use super::agreement::{Code, Verdict};
use super::decode::Shape;
use super::keys::Family;
use super::kv::Kv;
use super::registry::ResourceType;
use super::resource::{JobEntry, Record, ResourceIdent, ResourceView, Stage, SCHEMA_VERSION};

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

// The view is assembled here rather than in resource.rs so that the data (resource.rs)
// does not depend on the rules that judge it.
impl ResourceView {
    /// `families`: the kv (if any) of each family in `Family::ALL` order.
    pub fn assemble(
        t: &ResourceType,
        id: &str,
        revision: i64,
        families: [Option<Kv>; 6],
        jobs: Vec<JobEntry>,
    ) -> ResourceView {
        let mut recs = Family::ALL.iter().zip(families).map(|(f, kv)| match kv {
            Some(kv) => Record::from_kv(Shape::Family(*f), &kv),
            None => Record::absent(f.key(t, id)),
        });
        let mut v = ResourceView {
            schema_version: SCHEMA_VERSION,
            resource: ResourceIdent {
                rtype: t.id.clone(),
                id: id.to_string(),
                plural: t.plural.clone(),
                prefix: t.prefix.clone(),
            },
            revision,
            config: recs.next().unwrap(),
            worker_config: recs.next().unwrap(),
            heat_stack: recs.next().unwrap(),
            job_state: recs.next().unwrap(),
            state: recs.next().unwrap(),
            monitoring: recs.next().unwrap(),
            jobs,
            verdict: Verdict::default(),
        };
        v.verdict = compute(&v, t);
        v
    }
}

/// What the rules read, extracted from the view once.
struct Facts<'a> {
    view: &'a ResourceView,
    t: &'a ResourceType,
    /// Config version (0 when unknown).
    cv: i64,
    state_version: Option<i64>,
    monitoring_version: Option<i64>,
    stack_status: Option<&'a str>,
    worker_state: Option<&'a str>,
    orch_state: Option<&'a str>,
    marked: bool,
    /// Why the last attempt failed, if it did.
    previous_failure: Option<String>,
}

impl<'a> Facts<'a> {
    fn of(view: &'a ResourceView, t: &'a ResourceType, v: &Verdict) -> Facts<'a> {
        let state = &view.state;
        let stack_status = s(view.heat_stack.get(&["stack_status"]));
        let worker_state = s(state.get(&["state", "worker_state"]));
        let orch_state = s(state.get(&["state", "orchestration_state"]));
        let error = s(state.get(&["error"])).filter(|e| !e.is_empty());
        let failure =
            error.is_some() || failed(worker_state) || failed(orch_state) || failed(stack_status);
        let previous_failure = failure.then(|| {
            error
                .map(String::from)
                .or_else(|| {
                    s(view.heat_stack.get(&["status_reason"]))
                        .filter(|r| !r.is_empty())
                        .map(String::from)
                })
                .or_else(|| worker_state.filter(|w| failed(Some(w))).map(String::from))
                .unwrap_or_else(|| stack_status.unwrap_or("FAILED").to_string())
        });
        Facts {
            view,
            t,
            cv: v.config_version.unwrap_or(0),
            state_version: v.state_version,
            monitoring_version: v.monitoring_version,
            stack_status,
            worker_state,
            orch_state,
            marked: view
                .config
                .get(&["marked_for_deletion"])
                .and_then(Value::as_bool)
                .unwrap_or(false),
            previous_failure,
        }
    }

    /// READ_COMPLETE resources have no stack to agree with.
    fn workable(&self) -> bool {
        self.worker_state != Some("READ_COMPLETE")
    }
}

/// A rule either decides the verdict (code and text) or adds reasons and lets the next
/// rule look.
type Rule = fn(&Facts, &mut Vec<String>) -> Option<(Code, String)>;

/// The rules, in the order they are asked: the first that decides wins.
const RULES: [Rule; 10] = [
    unreadable,
    config_gone,
    leftover_stage_keys,
    job_in_flight,
    last_attempt_failed,
    job_state_leftover,
    no_state_kept,
    state_version,
    stack_disagrees,
    deleting,
];

pub fn compute(view: &ResourceView, t: &ResourceType) -> Verdict {
    let mut v = Verdict {
        config_version: view.config.esi_version(),
        state_version: view.state.esi_version(),
        monitoring_version: view.monitoring.esi_version(),
        ..Default::default()
    };
    if view.is_empty() {
        v.text = Code::NotFound.label().into();
        return v;
    }
    let f = Facts::of(view, t, &v);
    let mut reasons = Vec::new();
    for rule in RULES {
        if let Some((code, text)) = rule(&f, &mut reasons) {
            let mut out = done(v, code, text, reasons);
            if code == Code::InSync {
                out.text = format!("IN SYNC ({})", out.reasons[0]);
            }
            return out;
        }
    }
    let text = match degraded(&f, &mut reasons) {
        Some((code, text)) => return done(v, code, text, reasons),
        None if f.workable() => format!("v{}", f.cv),
        None => format!("v{}, READ_COMPLETE: not workable", f.cv),
    };
    let mut out = done(v, Code::InSync, text, reasons);
    out.text = format!("IN SYNC ({})", out.reasons[0]);
    out
}

fn done(mut v: Verdict, code: Code, text: String, mut reasons: Vec<String>) -> Verdict {
    v.code = code;
    reasons.insert(0, text.clone());
    reasons.dedup();
    v.text = format!("{}: {}", code.label(), text);
    v.reasons = reasons;
    v
}

/// A present record that could not be decoded.
fn unreadable(f: &Facts, _: &mut Vec<String>) -> Option<(Code, String)> {
    f.view
        .records()
        .iter()
        .find(|(_, r)| r.present && r.value.is_none())
        .map(|(_, r)| {
            let why = r.warnings.first().cloned().unwrap_or_else(|| r.key.clone());
            (Code::Unreadable, why)
        })
}

/// Config gone: either the end of a logical delete or leftovers.
fn config_gone(f: &Facts, _: &mut Vec<String>) -> Option<(Code, String)> {
    let view = f.view;
    if view.config.present {
        return None;
    }
    let left: Vec<&str> = view
        .records()
        .iter()
        .filter(|(_, r)| r.present)
        .map(|(fam, _)| fam.name())
        .collect();
    if left.is_empty() {
        return None;
    }
    let deleted = f.worker_state == Some("DELETE_COMPLETED")
        || f.stack_status == Some("DELETE_COMPLETE")
        || view
            .worker_config
            .get(&["deleted"])
            .and_then(Value::as_bool)
            == Some(true);
    let text = format!("no /config; remaining: {}", left.join(", "));
    Some((
        if deleted {
            Code::Deleted
        } else {
            Code::Orphaned
        },
        text,
    ))
}

/// Stage keys without a `/jobs/all` entry: reported, never decisive on their own.
fn leftover_stage_keys(f: &Facts, reasons: &mut Vec<String>) -> Option<(Code, String)> {
    for j in f.view.jobs.iter().filter(|j| j.stage == Stage::Orphaned) {
        let dirs: Vec<&str> = j.keys.keys().copied().collect();
        reasons.push(format!(
            "leftover /jobs/{} key for {} (no /jobs/all entry)",
            dirs.join(","),
            j.id
        ));
    }
    None
}

/// A job in flight explains any lag.
fn job_in_flight(f: &Facts, reasons: &mut Vec<String>) -> Option<(Code, String)> {
    let j = f.view.active_job()?;
    if let Some(fail) = &f.previous_failure {
        reasons.push(format!("previous attempt failed: {fail}"));
    }
    let found = match j.stage {
        Stage::Working => {
            let ttl = j
                .lease_ttl
                .map(|t| format!(", lease {t}s left"))
                .unwrap_or_default();
            let worker = j.worker.as_deref().unwrap_or("?");
            (
                Code::Working,
                format!("{} on worker {worker}{ttl}", j.label()),
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
            let text = if deps.is_empty() {
                format!("{} is waiting (no dependency listed)", j.label())
            } else {
                let n = deps.len();
                format!(
                    "{} is waiting for {n} job(s): {}",
                    j.label(),
                    deps.join(", ")
                )
            };
            (Code::Pending, text)
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
    if j.version < f.cv {
        reasons.push(format!("job is for v{} but config is v{}", j.version, f.cv));
    }
    Some(found)
}

fn last_attempt_failed(f: &Facts, _: &mut Vec<String>) -> Option<(Code, String)> {
    f.previous_failure.clone().map(|fail| (Code::Failed, fail))
}

/// A job_state record with no job working: an empty one means the worker died mid-job.
fn job_state_leftover(f: &Facts, reasons: &mut Vec<String>) -> Option<(Code, String)> {
    let view = f.view;
    if !view.job_state.present || view.jobs.iter().any(|j| j.stage == Stage::Working) {
        return None;
    }
    let empty = view
        .job_state
        .value
        .as_ref()
        .and_then(Value::as_object)
        .is_some_and(|m| m.is_empty());
    if empty {
        let text = "job_state {} left by a worker that died mid-job".to_string();
        return Some((Code::Stuck, text));
    }
    reasons.push("job_state present although no job is working (cleanup pending)".into());
    None
}

/// A type ESI keeps no state for (heat templates, quotas, …): no state is what in sync
/// looks like.
fn no_state_kept(f: &Facts, _: &mut Vec<String>) -> Option<(Code, String)> {
    (f.state_version.is_none() && !f.view.state.present && !f.t.has_state()).then(|| {
        (
            Code::InSync,
            format!("v{}, no state kept for {}", f.cv, f.t.plural),
        )
    })
}

/// No job queued: the state must be at the config's version.
fn state_version(f: &Facts, _: &mut Vec<String>) -> Option<(Code, String)> {
    let cv = f.cv;
    let Some(sv) = f.state_version else {
        let text = if f.marked {
            format!("delete requested at v{cv}, no state and no job queued")
        } else {
            format!("no state for config v{cv}, no job queued")
        };
        return Some((Code::Stale, text));
    };
    if sv < cv {
        let what = if f.marked {
            format!("delete requested at v{cv}: ")
        } else {
            String::new()
        };
        let text = format!("{what}state v{sv} < config v{cv}, no job queued");
        return Some((Code::Stale, text));
    }
    (sv > cv).then(|| (Code::Inconsistent, format!("state v{sv} > config v{cv}")))
}

/// State at config version: the stack must agree with it (status and outputs).
fn stack_disagrees(f: &Facts, reasons: &mut Vec<String>) -> Option<(Code, String)> {
    if f.workable() {
        match (f.stack_status, f.orch_state) {
            (None, _) if !f.marked => {
                reasons.push("state is complete but there is no heat_stacks record".into())
            }
            (Some(st), Some(os)) if st != os => {
                reasons.push(format!("heat stack is {st} but state says {os}"))
            }
            _ => {}
        }
        let outputs_state = f.view.state.get(&["state", "heat_outputs"]);
        let outputs_stack = f.view.heat_stack.get(&["output"]);
        if let (Some(a), Some(b)) = (outputs_state, outputs_stack) {
            if !same_outputs(a, b) {
                reasons.push("state heat_outputs differ from the heat stack outputs".into());
            }
        }
    }
    if reasons.is_empty() || f.marked {
        return None;
    }
    Some((Code::Inconsistent, reasons.remove(0)))
}

/// Marked for deletion: torn down, or on its way.
fn deleting(f: &Facts, _: &mut Vec<String>) -> Option<(Code, String)> {
    if !f.marked {
        return None;
    }
    let cv = f.cv;
    let text = if f.worker_state == Some("DELETE_COMPLETED") {
        format!("torn down at v{cv} (DELETE_COMPLETED); waiting for Gohan to remove the keys")
    } else {
        let ws = f.worker_state.unwrap_or("?");
        format!("delete requested at v{cv}, state {ws}")
    };
    Some((Code::Deleting, text))
}

/// Monitoring reports a non-positive status; a monitoring version behind the config is
/// only a reason (Gohan ignores it).
fn degraded(f: &Facts, reasons: &mut Vec<String>) -> Option<(Code, String)> {
    let m = f.view.monitoring.value.as_ref()?;
    let val =
        f.t.monitoring_field
            .as_deref()
            .and_then(|field| m.get(field));
    if let Some(val) = val {
        if !positive(val) {
            let sum = monitoring_summary(f.view, f.t).unwrap_or_default();
            return Some((Code::Degraded, format!("monitoring {sum}")));
        }
    }
    if let Some(mv) = f.monitoring_version.filter(|mv| *mv != f.cv) {
        reasons.push(format!(
            "monitoring is for v{mv}, config is v{} (Gohan ignores it)",
            f.cv
        ));
    }
    None
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

#[cfg(test)]
#[path = "verdict_tests.rs"]
mod tests;
