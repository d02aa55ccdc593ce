//! The verdict's data: its code and text. The rules that decide it are in `verdict`.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Default)]
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
    pub const ALL: [Code; 13] = [
        Code::InSync,
        Code::Pending,
        Code::Working,
        Code::Stale,
        Code::Failed,
        Code::Degraded,
        Code::Deleting,
        Code::Deleted,
        Code::Stuck,
        Code::Orphaned,
        Code::Inconsistent,
        Code::Unreadable,
        Code::NotFound,
    ];

    /// The code as `-o json` writes it (`in_sync`, `not_found`).
    pub fn name(self) -> String {
        self.label().to_ascii_lowercase().replace(' ', "_")
    }

    /// One spelling family everywhere: `in_sync`, `in-sync`, `insync`, `IN SYNC` (any
    /// case; `-`, `_`, space alike).
    pub fn parse(s: &str) -> Option<Code> {
        let norm = |x: &str| x.to_ascii_lowercase().replace(['-', '_', ' '], "");
        let want = norm(s);
        Code::ALL.into_iter().find(|c| norm(c.label()) == want)
    }

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
