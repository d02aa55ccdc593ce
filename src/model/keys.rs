//! Key families and the key grammar `/<family><prefix>/<id>` (spec §1.1–1.2).

use serde::{Deserialize, Serialize};

use super::registry::{Registry, ResourceType};

/// The per-resource key families, in the order ESI writes them (spec §3.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    Config,
    WorkerConfig,
    HeatStack,
    JobState,
    State,
    Monitoring,
}

impl Family {
    pub const ALL: [Family; 6] = [
        Family::Config,
        Family::WorkerConfig,
        Family::HeatStack,
        Family::JobState,
        Family::State,
        Family::Monitoring,
    ];

    /// The key root of the family (before the type prefix).
    pub fn root(self) -> &'static str {
        match self {
            Family::Config => "/config",
            Family::WorkerConfig => "/esi-worker/config",
            Family::HeatStack => "/esi-worker/heat_stacks",
            Family::JobState => "/esi-worker/job_state",
            Family::State => "/state",
            Family::Monitoring => "/monitoring",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Family::Config => "config",
            Family::WorkerConfig => "worker_config",
            Family::HeatStack => "heat_stack",
            Family::JobState => "job_state",
            Family::State => "state",
            Family::Monitoring => "monitoring",
        }
    }

    pub fn parse(s: &str) -> Option<Family> {
        Family::ALL.into_iter().find(|f| {
            f.name() == s
                || f.name().replace('_', "-") == s
                || (s == "stack" && *f == Family::HeatStack)
        })
    }

    /// `/config/v2.0/ports/<id>`
    pub fn key(self, t: &ResourceType, id: &str) -> String {
        format!("{}{}/{}", self.root(), t.prefix, id)
    }

    /// `/config/v2.0/ports/` — every resource of the type.
    pub fn type_prefix(self, t: &ResourceType) -> String {
        format!("{}{}/", self.root(), t.prefix)
    }
}

/// Queue stages: directories under `/jobs/` (spec §3.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QueueDir {
    All,
    Waiting,
    Ready,
    Working,
    Finished,
}

impl QueueDir {
    pub const ALL: [QueueDir; 5] = [
        QueueDir::All,
        QueueDir::Waiting,
        QueueDir::Ready,
        QueueDir::Working,
        QueueDir::Finished,
    ];

    pub fn name(self) -> &'static str {
        match self {
            QueueDir::All => "all",
            QueueDir::Waiting => "waiting",
            QueueDir::Ready => "ready",
            QueueDir::Working => "working",
            QueueDir::Finished => "finished",
        }
    }

    pub fn prefix(self) -> String {
        format!("/jobs/{}/", self.name())
    }

    pub fn key(self, job_id: &str) -> String {
        format!("/jobs/{}/{}", self.name(), job_id)
    }

    /// The job id of a key in this directory (`None` for a key elsewhere).
    pub fn id_of(self, key: &str) -> Option<&str> {
        key.strip_prefix("/jobs/")?
            .strip_prefix(self.name())?
            .strip_prefix('/')
    }

    /// `/jobs/<dir>/<id>` → its directory and (non-empty) job id.
    pub fn parse_key(key: &str) -> Option<(QueueDir, &str)> {
        let (dir, id) = key.strip_prefix("/jobs/")?.split_once('/')?;
        let d = QueueDir::ALL.into_iter().find(|d| d.name() == dir)?;
        (!id.is_empty()).then_some((d, id))
    }
}

/// The job manager's workflow request (spec §2.7): a single key, not a directory.
pub const WORKFLOW_KEY: &str = "/worker-workflow-jobs";
/// The job manager election key (spec §3.1).
pub const JOB_MANAGER_KEY: &str = "/job_manager_id";

/// Job actions seen or specified (spec §2.3–2.4); `delete` was never observed.
pub const ACTIONS: [&str; 4] = ["create", "modify", "logical_delete", "delete"];

/// What a raw key is, as far as its grammar tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyKind {
    Resource {
        family: Family,
        rtype: String,
        id: String,
    },
    Job {
        dir: QueueDir,
        job_id: String,
    },
    JobManagerId,
    WorkflowRequest,
    GohanWatchIndex,
    Other,
}

/// Classify a raw etcd key. The longest family root wins (`/esi-worker/config` before
/// `/config`), then the longest matching type prefix.
pub fn classify(reg: &Registry, key: &str) -> KeyKind {
    if key.starts_with("/jobs/") {
        return match QueueDir::parse_key(key) {
            Some((dir, id)) => KeyKind::Job {
                dir,
                job_id: id.to_string(),
            },
            None => KeyKind::Other,
        };
    }
    match key {
        JOB_MANAGER_KEY => return KeyKind::JobManagerId,
        WORKFLOW_KEY => return KeyKind::WorkflowRequest,
        k if k.starts_with("/gohan/watch/index/") => return KeyKind::GohanWatchIndex,
        _ => {}
    }
    let mut fams: Vec<Family> = Family::ALL.to_vec();
    fams.sort_by_key(|f| std::cmp::Reverse(f.root().len()));
    for fam in fams {
        let Some(rest) = key.strip_prefix(fam.root()) else {
            continue;
        };
        let Some((prefix, id)) = rest.rsplit_once('/') else {
            continue;
        };
        if id.is_empty() {
            continue;
        }
        if let Some(t) = reg.by_prefix(prefix) {
            return KeyKind::Resource {
                family: fam,
                rtype: t.id.clone(),
                id: id.to_string(),
            };
        }
    }
    KeyKind::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_follow_the_grammar() {
        let r = Registry::builtin();
        let port = r.get("port").unwrap();
        assert_eq!(Family::Config.key(port, "x"), "/config/v2.0/ports/x");
        assert_eq!(
            Family::HeatStack.key(port, "x"),
            "/esi-worker/heat_stacks/v2.0/ports/x"
        );
        let tenant = r.get("tenant").unwrap();
        assert_eq!(
            Family::State.key(tenant, "t"),
            "/state/common/v1.0/tenants/t"
        );
        let ra = r.get("reserve_address").unwrap();
        assert_eq!(
            Family::Config.key(ra, "default"),
            "/config/v2.0/reserve_addresses/default"
        );
    }

    #[test]
    fn classify_raw_keys() {
        let r = Registry::builtin();
        assert_eq!(
            classify(&r, "/esi-worker/config/v2.0/ports/abc"),
            KeyKind::Resource {
                family: Family::WorkerConfig,
                rtype: "port".into(),
                id: "abc".into()
            }
        );
        assert_eq!(
            classify(&r, "/config/v2.0/heat_templates/port"),
            KeyKind::Resource {
                family: Family::Config,
                rtype: "heat_template".into(),
                id: "port".into()
            }
        );
        assert_eq!(
            classify(&r, "/jobs/working/modify:heat_worker:port:a:3:28byp"),
            KeyKind::Job {
                dir: QueueDir::Working,
                job_id: "modify:heat_worker:port:a:3:28byp".into()
            }
        );
        assert_eq!(classify(&r, "/job_manager_id"), KeyKind::JobManagerId);
        assert_eq!(classify(&r, "/nothing/here"), KeyKind::Other);
    }
}
