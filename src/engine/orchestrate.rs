//! Orchestration backends: what turns a rendered Heat template into a stack (spec §4.1).
//!
//! The worker prepares a [`StackRequest`] (stack name, rendered HOT document, stack
//! parameters, timeout) and hands it to an [`Orchestrator`]; the outcome (status, reason,
//! outputs) is what it writes into heat_stacks, job_state and state. Only the simulated
//! backend (`sim`) exists; an OpenStack Heat REST backend would implement the same trait
//! (create/update/delete the stack, poll its status about once a second, read outputs).

use async_trait::async_trait;
use serde_json::{Map, Value};

use crate::error::Result;

/// The Heat operation of a job action (spec §2.4: create → create, modify → update,
/// logical_delete → delete).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StackAction {
    Create,
    Update,
    Delete,
}

impl StackAction {
    pub fn for_job_action(action: &str) -> Option<StackAction> {
        match action {
            "create" => Some(StackAction::Create),
            "modify" => Some(StackAction::Update),
            "logical_delete" | "delete" => Some(StackAction::Delete),
            _ => None,
        }
    }

    /// The word in Heat statuses: `CREATE_COMPLETE`, `UPDATE_FAILED`, …
    pub fn heat_word(self) -> &'static str {
        match self {
            StackAction::Create => "CREATE",
            StackAction::Update => "UPDATE",
            StackAction::Delete => "DELETE",
        }
    }

    /// The word in worker states: `CREATE_COMPLETED`, `MODIFY_COMPLETED`, `DELETE_FAILED`.
    pub fn worker_word(self) -> &'static str {
        match self {
            StackAction::Create => "CREATE",
            StackAction::Update => "MODIFY",
            StackAction::Delete => "DELETE",
        }
    }

    /// heat_stacks `status_reason` on success (spec §4.2).
    pub fn success_reason(self) -> &'static str {
        match self {
            StackAction::Create => "Stack CREATE completed successfully",
            StackAction::Update => "Stack successfully updated",
            StackAction::Delete => "",
        }
    }
}

/// One stack operation, fully prepared by the worker.
#[derive(Debug, Clone)]
pub struct StackRequest {
    pub action: StackAction,
    pub job_id: String,
    pub resource_type: String,
    pub resource_id: String,
    /// The config version the job was built from.
    pub version: i64,
    /// `<type>_<id>` (always the resource type, never the template id).
    pub stack_name: String,
    pub tenant_id: String,
    pub template_id: String,
    /// The rendered HOT document (YAML). Empty for a delete whose template could not be
    /// rendered (a delete needs no template).
    pub template: String,
    /// Stack parameters: every param that is neither `jinja_*` nor `heat_timeout`.
    pub params: Map<String, Value>,
    /// From `heat_timeout` (minutes).
    pub timeout_mins: Option<i64>,
}

/// One stack output, as Heat reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct StackOutput {
    pub key: String,
    pub value: Value,
    pub description: String,
}

/// How the stack operation ended.
#[derive(Debug, Clone)]
pub struct StackOutcome {
    /// Heat stack status, e.g. `CREATE_COMPLETE`, `UPDATE_FAILED`.
    pub status: String,
    /// Heat `stack_status_reason`.
    pub reason: String,
    pub outputs: Vec<StackOutput>,
    pub failed: bool,
}

impl StackOutcome {
    pub fn complete(action: StackAction, outputs: Vec<StackOutput>) -> StackOutcome {
        StackOutcome {
            status: format!("{}_COMPLETE", action.heat_word()),
            reason: action.success_reason().to_string(),
            outputs,
            failed: false,
        }
    }

    pub fn failed(action: StackAction, reason: impl Into<String>) -> StackOutcome {
        StackOutcome {
            status: format!("{}_FAILED", action.heat_word()),
            reason: reason.into(),
            outputs: Vec::new(),
            failed: true,
        }
    }
}

/// A stack backend. `apply` returns `Ok` with a failed outcome for a stack that failed
/// (it is reported in the resource's state), and `Err` only when the backend itself
/// could not be used (the job is then released and re-queued).
#[async_trait]
pub trait Orchestrator: Send + Sync {
    fn name(&self) -> &'static str;

    async fn apply(&self, req: &StackRequest) -> Result<StackOutcome>;

    /// Called once the job's state is written. In a real deployment the collector agents
    /// react to the stack's monitoring targets on their own; a simulation does it here.
    async fn after_state(&self, _req: &StackRequest, _outcome: &StackOutcome) -> Result<()> {
        Ok(())
    }
}
