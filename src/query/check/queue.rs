//! The queue as `esi check` sees it at one revision (read by `read.rs`): which
//! directories hold each job, the working reservations, the in-flight jobs as blocking
//! nodes; and the queue's checks.

use std::collections::{BTreeMap, HashMap};

use crate::model::job::JobId;
use crate::model::keys::QueueDir;
use crate::model::resource::Stage;
use crate::model::roots::Node;

use super::report::{Check, Status};

/// What the queue holds at the revision.
#[derive(Default)]
pub struct Queue {
    /// Job id → the directories holding it.
    pub dirs: BTreeMap<String, Vec<QueueDir>>,
    /// Working: reservation UUID and lease id.
    pub working: HashMap<String, (String, i64)>,
    /// In-flight jobs (in /jobs/all) as blocking nodes.
    pub nodes: BTreeMap<String, Node>,
    /// `/jobs/all` values that could not be decoded (key, why).
    pub unreadable: Vec<(String, String)>,
}

impl Queue {
    pub fn stage(&self, id: &str) -> Stage {
        Stage::classify(self.dirs.get(id).map(Vec::as_slice).unwrap_or_default())
    }
}

/// Stuck jobs and why (spec §3.7): unqueued; working on a lease that is gone; waiting
/// on itself, on nothing, on unqueued jobs, or in a cycle.
pub fn stuck(q: &Queue, ttl: &HashMap<i64, Option<i64>>) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (id, node) in &q.nodes {
        let why = match q.stage(id) {
            Stage::Unqueued => {
                Some("in /jobs/all with no stage key: no worker will take it".to_string())
            }
            Stage::Working => match q.working.get(id) {
                Some((_, 0)) => None,
                Some((_, lease)) if ttl.get(lease).is_some_and(|t| t.is_none()) => Some(format!(
                    "working on lease {lease:x}, which has expired: its worker is gone"
                )),
                _ => None,
            },
            Stage::Waiting => {
                let dead: Vec<&str> = node
                    .pending
                    .iter()
                    .filter(|d| q.stage(d) == Stage::Unqueued)
                    .map(String::as_str)
                    .collect();
                if node.pending.iter().any(|d| d == id) {
                    Some("depends on itself".into())
                } else if node.pending.is_empty() {
                    Some("waiting, but every dependency is finished: promotion was missed".into())
                } else if !dead.is_empty() {
                    Some(format!(
                        "depends on unqueued job(s) that never run: {}",
                        dead.join(", ")
                    ))
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some(w) = why {
            out.insert(id.clone(), w);
        }
    }
    let waiting: Vec<(&str, &[String])> = q
        .nodes
        .iter()
        .filter(|(id, n)| n.waiting && !out.contains_key(*id))
        .map(|(id, n)| (id.as_str(), n.pending.as_slice()))
        .collect();
    for (i, why) in crate::model::cycles::on_cycles(&waiting) {
        out.insert(waiting[i].0.to_string(), why);
    }
    out
}

/// The queue sorted into what its checks count.
#[derive(Default)]
struct Sorted {
    stages: String,
    unqueued: Vec<String>,
    leftovers: Vec<String>,
    dup: Vec<String>,
    dead: Vec<String>,
    expired: Vec<String>,
}

fn sort(q: &Queue, stuck: &BTreeMap<String, String>) -> Sorted {
    let mut per_stage: BTreeMap<&str, usize> = BTreeMap::new();
    let mut unqueued = Vec::new();
    let mut leftovers = Vec::new();
    let mut by_version: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for id in q.dirs.keys() {
        let stage = q.stage(id);
        *per_stage.entry(stage.name()).or_default() += 1;
        match stage {
            Stage::Unqueued => unqueued.push(id.clone()),
            Stage::Orphaned => leftovers.push(id.clone()),
            _ => {}
        }
        if stage != Stage::Orphaned {
            if let Some(j) = JobId::parse(id) {
                by_version.entry(j.job_name()).or_default().push(id);
            }
        }
    }
    let stages = per_stage
        .iter()
        .map(|(s, n)| format!("{s} {n}"))
        .collect::<Vec<_>>()
        .join(", ");
    let dup: Vec<String> = by_version
        .iter()
        .filter(|(_, ids)| ids.len() > 1)
        .map(|(name, ids)| format!("{name} ({})", ids.len()))
        .collect();
    let dead: Vec<String> = stuck
        .iter()
        .filter(|(id, _)| q.stage(id) == Stage::Waiting)
        .map(|(id, _)| id.clone())
        .collect();
    let expired: Vec<String> = stuck
        .iter()
        .filter(|(id, _)| q.stage(id) == Stage::Working)
        .map(|(id, _)| id.clone())
        .collect();
    Sorted {
        stages,
        unqueued,
        leftovers,
        dup,
        dead,
        expired,
    }
}

/// Counts per stage, orphans, duplicates: the queue's own checks.
pub fn checks(q: &Queue, stuck: &BTreeMap<String, String>, show: usize) -> Vec<Check> {
    let s = sort(q, stuck);
    let mut out = vec![Check::new(
        "queue.stages",
        Status::Ok,
        q.dirs.len(),
        if s.stages.is_empty() {
            "the queue is empty".into()
        } else {
            s.stages
        },
    )
    .hint("esi jobs")];
    out.push(
        Check::found(
            "queue.unqueued",
            Status::Fail,
            s.unqueued,
            show,
            "in /jobs/all with no stage key: no worker takes them",
        )
        .hint("esi replay jobs --stuck --dry-run"),
    );
    out.push(
        Check::found(
            "queue.leftover_stage_keys",
            Status::Warn,
            s.leftovers,
            show,
            "stage keys without a /jobs/all entry",
        )
        .hint("esi jobs --stage orphaned"),
    );
    out.push(
        Check::found(
            "queue.expired_leases",
            Status::Fail,
            s.expired,
            show,
            "working jobs whose lease has expired",
        )
        .hint("esi jobs --stuck"),
    );
    out.push(
        Check::found(
            "queue.dead_dependencies",
            Status::Fail,
            s.dead,
            show,
            "waiting jobs whose dependencies can never finish",
        )
        .hint("esi jobs --stuck"),
    );
    out.push(
        Check::found(
            "queue.duplicates",
            Status::Warn,
            s.dup,
            show,
            "resource versions with two jobs in flight",
        )
        .hint("esi jobs --id <id>"),
    );
    if !q.unreadable.is_empty() {
        let keys = q
            .unreadable
            .iter()
            .map(|(k, w)| format!("{k}: {w}"))
            .collect();
        out.push(Check::found(
            "queue.unreadable",
            Status::Fail,
            keys,
            show,
            "job values that cannot be decoded",
        ));
    }
    out
}
