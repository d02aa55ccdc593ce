//! The queue read for a fleet pass at one revision: the five directories keys-only
//! (working with its small values: reservation UUID and lease), each cut into pieces
//! read concurrently; then only the waiting jobs' values (their dependencies and
//! references).

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Deserialize;

use crate::error::Result;
use crate::model::job::JobRef;
use crate::model::keys::{QueueDir, ACTIONS};
use crate::model::registry::Registry;
use crate::model::resource::Stage;
use crate::model::roots::Node;
use crate::store::{split, Kv, Range, Store};

use super::queue::Queue;

const GET_BATCH: usize = 128;
/// Job values per batch of waiting runs.
const VALUES_PER_BATCH: usize = 256;
/// Ranges in flight: enough to keep every core of a member busy.
const CONCURRENCY: usize = 6;

/// Cut points of a queue directory: every `<action>:<handler>:`, and in `/jobs/all`
/// (the large one) also every letter of the type name that follows.
fn cuts(reg: &Registry, dir: QueueDir) -> Vec<String> {
    let mut out = Vec::new();
    for a in ACTIONS {
        for h in reg.handlers() {
            let base = format!("{}{a}:{h}:", dir.prefix());
            if dir == QueueDir::All {
                out.extend(('a'..='z').map(|c| format!("{base}{c}")));
            }
            out.push(base);
        }
    }
    out
}

/// Read the queue at `rev`. `wanted` filters jobs by resource type.
pub async fn read(
    store: &dyn Store,
    reg: &Registry,
    rev: i64,
    wanted: &dyn Fn(&str) -> bool,
) -> Result<Queue> {
    use futures_util::stream::{self, StreamExt};
    let pieces: Vec<(QueueDir, Range)> = QueueDir::ALL
        .into_iter()
        .flat_map(|dir| {
            split::pieces(&dir.prefix(), cuts(reg, dir), dir != QueueDir::Working)
                .into_iter()
                .map(move |r| (dir, r))
        })
        .collect();
    let mut dirs: HashMap<String, Vec<QueueDir>> = HashMap::new();
    let mut q = Queue::default();
    let mut got = stream::iter(pieces)
        .map(|(dir, r)| async move { store.range(&r, Some(rev)).await.map(|(_, r)| (dir, r.kvs)) })
        .buffer_unordered(CONCURRENCY);
    while let Some(piece) = got.next().await {
        let (dir, kvs) = piece?;
        for kv in kvs {
            let id = dir.id_of(&kv.key).unwrap_or_default();
            let job = JobRef::parse(id);
            if !job.is_none_or(|j| wanted(j.resource_type)) {
                continue;
            }
            dirs.entry(id.to_string()).or_default().push(dir);
            if dir == QueueDir::Working {
                q.working
                    .insert(id.to_string(), (kv.value_str().into_owned(), kv.lease));
            }
        }
    }
    // Sorted once, then built in bulk: cheaper than 200k ordered inserts.
    let mut sorted: Vec<(String, Vec<QueueDir>)> = dirs
        .into_iter()
        .map(|(id, mut d)| {
            d.sort_unstable();
            (id, d)
        })
        .collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    q.dirs = sorted.into_iter().collect();
    q.nodes = nodes_of(store, rev, &q.dirs, &mut q.unreadable).await?;
    Ok(q)
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

/// The in-flight jobs as blocking nodes: waiting jobs with their pending dependencies
/// and references, read from their values (several batches in flight).
pub(crate) async fn nodes_of(
    store: &dyn Store,
    rev: i64,
    dirs: &BTreeMap<String, Vec<QueueDir>>,
    unreadable: &mut Vec<(String, String)>,
) -> Result<BTreeMap<String, Node>> {
    // In key order (a BTreeMap of ids under one prefix), so runs of waiting jobs are
    // runs of `/jobs/all` keys.
    let mut nodes: Vec<(&str, Node)> = Vec::with_capacity(dirs.len());
    for (id, d) in dirs.iter().filter(|(_, d)| d.contains(&QueueDir::All)) {
        let resource = JobRef::parse(id)
            .map(|j| (j.resource_type.to_string(), j.resource_id.to_string()))
            .unwrap_or_default();
        let node = Node {
            resource,
            waiting: Stage::classify(d) == Stage::Waiting,
            ..Default::default()
        };
        nodes.push((id.as_str(), node));
    }
    let in_all: HashSet<&str> = nodes.iter().map(|(id, _)| *id).collect();
    let waiting: HashSet<&str> = nodes
        .iter()
        .filter(|(_, n)| n.waiting)
        .map(|(id, _)| *id)
        .collect();
    let runs = waiting_runs(&nodes);
    let mut found = fetch_waiting(store, rev, runs, &waiting, unreadable).await?;
    for (id, node) in nodes.iter_mut() {
        if let Some((deps, refs)) = found.remove(*id) {
            node.pending = deps
                .into_iter()
                .filter(|d| in_all.contains(d.as_str()))
                .collect();
            node.referenced = refs;
        }
    }
    Ok(nodes
        .into_iter()
        .map(|(id, n)| (id.to_string(), n))
        .collect())
}

/// The blocking refs of every waiting job: its runs first (several batches in flight,
/// so etcd serves them on its cores while esi parses), then one by one any job a run
/// missed — only if esi's order of ids differed from etcd's order of keys (an id that
/// is not plain text).
async fn fetch_waiting(
    store: &dyn Store,
    rev: i64,
    runs: Vec<Vec<Range>>,
    waiting: &HashSet<&str>,
    unreadable: &mut Vec<(String, String)>,
) -> Result<HashMap<String, BlockingRefs>> {
    use futures_util::stream::{self, StreamExt};
    let mut found: HashMap<String, BlockingRefs> = HashMap::new();
    let take = |kv: Kv,
                found: &mut HashMap<String, BlockingRefs>,
                unreadable: &mut Vec<(String, String)>| {
        let Some(id) = QueueDir::All
            .id_of(&kv.key)
            .filter(|id| waiting.contains(id))
        else {
            return;
        };
        match blocking_of(&kv.value) {
            Ok(refs) => {
                found.insert(id.to_string(), refs);
            }
            Err(e) => unreadable.push((kv.key.clone(), e)),
        }
    };
    let mut batches = stream::iter(runs)
        .map(|chunk| async move { store.ranges(&chunk, Some(rev)).await })
        .buffered(4);
    while let Some(batch) = batches.next().await {
        for kv in batch?.1.into_iter().flat_map(|r| r.kvs) {
            take(kv, &mut found, unreadable);
        }
    }
    let bad: HashSet<String> = unreadable.iter().map(|(k, _)| k.clone()).collect();
    let missed: Vec<Range> = waiting
        .iter()
        .filter(|id| !found.contains_key(**id))
        .map(|id| QueueDir::All.key(id))
        .filter(|k| !bad.contains(k))
        .map(Range::key)
        .collect();
    for chunk in missed.chunks(GET_BATCH) {
        for kv in store
            .ranges(chunk, Some(rev))
            .await?
            .1
            .into_iter()
            .flat_map(|r| r.kvs)
        {
            take(kv, &mut found, unreadable);
        }
    }
    Ok(found)
}

/// One range per run of consecutive waiting jobs in `/jobs/all` (from the first of the
/// run up to the next job that is not waiting), in batches of at most [`GET_BATCH`]
/// ranges and [`VALUES_PER_BATCH`] jobs (a job value is ~6 KB: bounded memory). Waiting
/// jobs come in runs (a resource's later versions wait on its earlier one), and one
/// range of a run costs etcd far less than a get per job. The ranges are read at the
/// revision the keys were listed at, so they hold exactly the run.
fn waiting_runs(nodes: &[(&str, Node)]) -> Vec<Vec<Range>> {
    let all = QueueDir::All.prefix();
    let mut batches: Vec<Vec<Range>> = vec![Vec::new()];
    let mut values = 0;
    let mut i = 0;
    while i < nodes.len() {
        if !nodes[i].1.waiting {
            i += 1;
            continue;
        }
        let start = i;
        let full = |n: usize, ranges: usize| n >= VALUES_PER_BATCH || ranges >= GET_BATCH;
        if full(values, batches.last().map_or(0, Vec::len)) {
            batches.push(Vec::new());
            values = 0;
        }
        while i < nodes.len() && nodes[i].1.waiting && values < VALUES_PER_BATCH {
            i += 1;
            values += 1;
        }
        let mut r = Range::prefix(&all).from(QueueDir::All.key(nodes[start].0));
        if let Some((next, _)) = nodes.get(i) {
            r = r.before(QueueDir::All.key(next));
        }
        batches.last_mut().expect("a batch").push(r);
    }
    batches.retain(|b| !b.is_empty());
    batches
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
