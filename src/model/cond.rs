//! Watch conditions (`esi watch --until`): what each one means over a resource view,
//! and how a set of them decides a watch (a failure ends it whatever was asked).

use serde_json::Value;

use super::registry::ResourceType;
use super::resource::ResourceView;
use super::verdict::Code;
use crate::error::{EsiError, Result};

#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    InSync,
    Complete,
    Failed,
    Deleted,
    Version(i64),
    Monitoring(String),
}

impl Cond {
    pub fn parse(s: &str) -> Result<Cond> {
        Ok(match s {
            "in-sync" | "in_sync" | "insync" => Cond::InSync,
            "complete" | "completed" => Cond::Complete,
            "failed" | "fail" => Cond::Failed,
            "deleted" => Cond::Deleted,
            _ => match s.split_once('=') {
                Some(("version", n)) => Cond::Version(
                    n.parse().map_err(|_| EsiError::Usage(format!("--until {s}: version must be a number")))?,
                ),
                Some(("monitoring", v)) if !v.is_empty() => Cond::Monitoring(v.to_string()),
                _ => {
                    return Err(EsiError::Usage(format!(
                        "--until {s}: expected in-sync, complete, failed, deleted, version=N or monitoring=STATUS"
                    )))
                }
            },
        })
    }

    pub fn is_failure(&self) -> bool {
        *self == Cond::Failed
    }

    pub fn holds(&self, v: &ResourceView, t: &ResourceType) -> bool {
        let ws = v
            .state
            .get(&["state", "worker_state"])
            .and_then(Value::as_str);
        match self {
            Cond::InSync => v.verdict.code == Code::InSync,
            Cond::Complete => {
                let cv = v.config.esi_version();
                cv.is_some()
                    && v.state.esi_version() == cv
                    && ws.is_some_and(|w| w.ends_with("_COMPLETED") || w == "READ_COMPLETE")
                    && v.active_job().is_none()
            }
            Cond::Failed => v.verdict.code == Code::Failed,
            Cond::Deleted => !v.config.present,
            Cond::Version(n) => v.state.esi_version().is_some_and(|sv| sv >= *n),
            Cond::Monitoring(want) => {
                let field = t.monitoring_field.as_deref();
                match field.and_then(|f| v.monitoring.get(&[f])) {
                    Some(Value::String(s)) => s == want,
                    Some(Value::Object(m)) => {
                        !m.is_empty() && m.values().all(|x| x.as_str() == Some(want))
                    }
                    _ => false,
                }
            }
        }
    }
}

/// How a watch ends once its conditions decide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Reached,
    Failed,
}

/// `None` while the watch goes on (always, without conditions).
pub fn decide(conds: &[Cond], v: &ResourceView, t: &ResourceType) -> Option<Decision> {
    if conds.is_empty() {
        return None;
    }
    // A failure ends the watch whatever was asked: explicitly (`failed`) or early while
    // waiting for a success condition.
    if v.verdict.code == Code::Failed {
        return Some(Decision::Failed);
    }
    conds
        .iter()
        .find(|c| !c.is_failure() && c.holds(v, t))
        .map(|_| Decision::Reached)
}
