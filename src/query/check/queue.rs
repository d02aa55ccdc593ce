//! The queue as `esi check` reads it at one revision: the five directories keys-only
//! (working with its small values: reservation UUID and lease), then only the waiting
//! jobs' values (their dependencies and references); and the queue's checks.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Deserialize;

use crate::error::Result;
use crate::model::job::JobId;
use crate::model::keys::QueueDir;
use crate::model::resource::Stage;
use crate::model::roots::Node;
use crate::store::{Range, Store};

use super::report::{Check, Status};

const GET_BATCH: usize = 128;

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

/// Only what blocking needs from a waiting job's `[handler, job, retry]`.
#[derive(Deserialize)]
struct Slim(
    #[allow(dead_code)] String,
    SlimJob,
    #[allow(dead_code)] serde::de::IgnoredAny,
);

#[derive(Deserialize)]
struct SlimJob {
    #[serde(default)]
    dependency: Vec<String>,
    #[serde(default)]
    params: Vec<SlimParam>,
}

#[derive(Deserialize)]
struct SlimParam {
    #[serde(default)]
    resources: Vec<SlimRef>,
}

#[derive(Deserialize)]
struct SlimRef {
    resource_type: String,
    resource_id: String,
}

/// Read the queue at `rev`; `wanted` filters job ids by resource type.
pub async fn read(store: &dyn Store, rev: i64, wanted: &dyn Fn(&JobId) -> bool) -> Result<Queue> {
    let mut q = Queue::default();
    // Each directory in one unpaged keys-only range (a limited page costs etcd 3.4 a walk
    // to the end of the range), the five at once.
    let read_dir = |dir: QueueDir| async move {
        let mut range = Range::prefix(dir.prefix());
        if dir != QueueDir::Working {
            range = range.keys_only();
        }
        store
            .range(&range, Some(rev))
            .await
            .map(|(_, r)| (dir, r.kvs))
    };
    use futures_util::stream::{self, StreamExt};
    // Each directory handled as it arrives, so only one response is held at a time.
    let mut dirs = stream::iter(QueueDir::ALL)
        .map(read_dir)
        .buffer_unordered(5);
    while let Some(d) = dirs.next().await {
        let (dir, kvs) = d?;
        for kv in kvs {
            let id = dir.id_of(&kv.key).unwrap_or_default();
            if !JobId::parse(id).is_none_or(|j| wanted(&j)) {
                continue;
            }
            q.dirs.entry(id.to_string()).or_default().push(dir);
            if dir == QueueDir::Working {
                q.working
                    .insert(id.to_string(), (kv.value_str().into_owned(), kv.lease));
            }
        }
    }
    q.nodes = nodes_of(store, rev, &q.dirs, &mut q.unreadable).await?;
    Ok(q)
}

/// The in-flight jobs as blocking nodes: waiting jobs with their pending dependencies
/// and references, read from their values (several batches in flight).
pub(crate) async fn nodes_of(
    store: &dyn Store,
    rev: i64,
    dirs: &BTreeMap<String, Vec<QueueDir>>,
    unreadable: &mut Vec<(String, String)>,
) -> Result<BTreeMap<String, Node>> {
    use futures_util::stream::{self, StreamExt};
    let in_all: HashSet<&str> = dirs
        .iter()
        .filter(|(_, d)| d.contains(&QueueDir::All))
        .map(|(id, _)| id.as_str())
        .collect();
    let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
    let mut waiting = Vec::new();
    for id in &in_all {
        let resource = JobId::parse(id)
            .map(|j| (j.resource_type, j.resource_id))
            .unwrap_or_default();
        let is_waiting =
            Stage::classify(dirs.get(*id).map(Vec::as_slice).unwrap_or_default()) == Stage::Waiting;
        if is_waiting {
            waiting.push(id.to_string());
        }
        nodes.insert(
            id.to_string(),
            Node {
                resource,
                waiting: is_waiting,
                ..Default::default()
            },
        );
    }
    waiting.sort();
    // Several batches in flight: etcd serves them on its cores while esi parses.
    let mut batches = stream::iter(waiting.chunks(GET_BATCH))
        .map(|chunk| async move {
            let ranges: Vec<Range> = chunk
                .iter()
                .map(|id| Range::key(QueueDir::All.key(id)))
                .collect();
            store
                .ranges(&ranges, Some(rev))
                .await
                .map(|(_, r)| (chunk, r))
        })
        .buffered(4);
    while let Some(batch) = batches.next().await {
        let (chunk, res) = batch?;
        for (id, r) in chunk.iter().zip(res) {
            let Some(kv) = r.kvs.first() else { continue };
            match blocking_of(&kv.value) {
                Ok((deps, refs)) => {
                    let node = nodes.get_mut(id).expect("a waiting job is in /jobs/all");
                    node.pending = deps
                        .into_iter()
                        .filter(|d| in_all.contains(d.as_str()))
                        .collect();
                    node.referenced = refs;
                }
                Err(e) => unreadable.push((kv.key.clone(), e)),
            }
        }
    }
    Ok(nodes)
}

/// What blocking needs of a `/jobs/all` value: its dependencies and the resources its
/// params reference (sorted, without duplicates).
pub(crate) fn blocking_of(value: &[u8]) -> std::result::Result<BlockingRefs, String> {
    let Slim(_, job, _) = serde_json::from_slice::<Slim>(value).map_err(|e| e.to_string())?;
    let mut refs: Vec<(String, String)> = job
        .params
        .into_iter()
        .flat_map(|p| p.resources)
        .map(|r| (r.resource_type, r.resource_id))
        .collect();
    refs.sort();
    refs.dedup();
    Ok((job.dependency, refs))
}

/// A job's dependencies and the resources it references.
pub(crate) type BlockingRefs = (Vec<String>, Vec<(String, String)>);

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
