//! One error type for the library; each variant maps to one documented exit code.

use crate::exit;

#[derive(Debug, thiserror::Error)]
pub enum EsiError {
    #[error("{0}")]
    Usage(String),
    #[error("unknown resource type `{0}`{1}; `esi types` lists them")]
    UnknownType(String, String),
    #[error("{0}")]
    NotFound(String),
    #[error("cannot reach etcd at {endpoints}: {detail}")]
    Unreachable { endpoints: String, detail: String },
    #[error("timed out: {0}")]
    Timeout(String),
    #[error("revision {requested} has been compacted (oldest available: {compact_revision})")]
    Compacted {
        requested: i64,
        compact_revision: i64,
    },
    /// What was asked for lies before the compaction point (a version, not a revision).
    #[error("{0}")]
    HistoryCompacted(String),
    #[error("revision {requested} is in the future: the store is at revision {head}")]
    FutureRevision { requested: i64, head: i64 },
    /// A write reached a server that then failed: it may or may not have been applied
    /// (resolved by reading where the write has an identity to look for).
    #[error("outcome unknown: {0}")]
    OutcomeUnknown(String),
    #[error("refused: {0}")]
    Refused(String),
    #[error("conflict: {0}")]
    Conflict(String),
    #[error("{0}")]
    InvalidData(String),
    #[error("interrupted")]
    Interrupted,
    #[error("etcd: {0}")]
    Store(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

impl EsiError {
    /// etcd could not be used just now (unreachable, slow, an outcome unknown, a
    /// server-side error): work that can be redone from a fresh read may try again.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            EsiError::Unreachable { .. }
                | EsiError::Timeout(_)
                | EsiError::OutcomeUnknown(_)
                | EsiError::Store(_)
        )
    }

    pub fn exit_code(&self) -> i32 {
        match self {
            EsiError::Usage(_) => exit::USAGE,
            EsiError::UnknownType(..) | EsiError::NotFound(_) => exit::NOT_FOUND,
            EsiError::Unreachable { .. } => exit::UNREACHABLE,
            EsiError::Timeout(_) | EsiError::OutcomeUnknown(_) => exit::UNREACHABLE,
            EsiError::Compacted { .. } | EsiError::HistoryCompacted(_) => exit::COMPACTED,
            // A revision no store has yet is a bad argument, whichever command got it.
            EsiError::FutureRevision { .. } => exit::USAGE,
            EsiError::Refused(_) => exit::REFUSED,
            EsiError::Conflict(_) => exit::CONFLICT,
            EsiError::InvalidData(_) => exit::INVALID_DATA,
            EsiError::Interrupted => exit::INTERRUPTED,
            EsiError::Store(_) | EsiError::Io(_) | EsiError::Other(_) => exit::FAILURE,
        }
    }
}

pub type Result<T, E = EsiError> = std::result::Result<T, E>;
