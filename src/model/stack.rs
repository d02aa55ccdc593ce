//! The data of one stack operation (spec §2.4, §4.1–4.2): which Heat operation a job
//! action is, the prepared request and how it ended. Plain data shared by the job
//! records (`protocol::records`) and every orchestration backend (`engine::heat`).

use serde_json::{Map, Value};

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
