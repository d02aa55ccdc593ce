//! What a bulk plan reads besides the fleet, each in one pass for every resource at
//! once: the job each resource replays (a stuck job's value, else the resource's latest
//! job from ONE history walk of `/jobs/all/`), and the in-flight jobs that reference
//! each resource (ONE paged scan of `/jobs/all` values, prefiltered by id bytes).

use std::collections::{BTreeSet, HashMap, HashSet};

use serde_json::Value;

use crate::error::{EsiError, Result};
use crate::model::job::{JobId, JobValue};
use crate::model::keys::QueueDir;
use crate::model::registry::Registry;
use crate::model::wire::python_json;
use crate::protocol::reverse::{self, Scan};
use crate::query::check::{Brief, Fleet};
use crate::store::keyhistory::history_where;
use crate::store::{Range, Store};

type Key = (String, String);

/// Resource → in-flight job ids whose params reference it.
pub type Reverse = HashMap<Key, Vec<String>>;

const GET_BATCH: usize = 128;
const PAGE: i64 = 5000;

fn key_of(v: &Brief) -> Key {
    (v.rtype.clone(), v.id.clone())
}

fn decode(key: &str, bytes: &[u8]) -> Result<JobValue> {
    let v: Value = serde_json::from_slice(bytes)
        .map_err(|e| EsiError::InvalidData(format!("{key}: not JSON: {e}")))?;
    JobValue::from_value(&v).map_err(|e| EsiError::InvalidData(format!("{key}: {e}")))
}

/// The job each resource replays: its stuck job, else its latest job in history.
pub async fn find(
    store: &dyn Store,
    fleet: &Fleet,
    pending: &[(&Brief, Option<String>)],
) -> Result<HashMap<Key, (String, JobValue)>> {
    let mut out = HashMap::new();
    let stuck: Vec<(Key, &str)> = pending
        .iter()
        .filter_map(|(v, s)| s.as_deref().map(|s| (key_of(v), s)))
        .collect();
    for chunk in stuck.chunks(GET_BATCH) {
        let ranges: Vec<Range> = chunk
            .iter()
            .map(|(_, j)| Range::key(QueueDir::All.key(j)))
            .collect();
        let (_, res) = store.ranges(&ranges, Some(fleet.revision)).await?;
        for ((k, j), r) in chunk.iter().zip(res) {
            if let Some(kv) = r.kvs.first() {
                out.insert(k.clone(), (j.to_string(), decode(&kv.key, &kv.value)?));
            }
        }
    }
    let rest: Vec<&Brief> = pending
        .iter()
        .filter(|(_, s)| s.is_none())
        .map(|(v, _)| *v)
        .collect();
    if rest.is_empty() {
        return Ok(out);
    }
    // Every job of a resource was put after its config was created.
    let from = rest
        .iter()
        .filter_map(|v| v.config_create)
        .min()
        .unwrap_or(1);
    let wanted: HashSet<Key> = rest.iter().map(|v| key_of(v)).collect();
    let keep = |k: &str| {
        QueueDir::All
            .id_of(k)
            .and_then(JobId::parse)
            .is_some_and(|j| wanted.contains(&(j.resource_type, j.resource_id)))
    };
    let h = history_where(
        store,
        &QueueDir::All.prefix(),
        true,
        from,
        fleet.revision,
        &keep,
    )
    .await?;
    let mut latest: HashMap<Key, (i64, String, Vec<u8>)> = HashMap::new();
    for (k, kv) in h.puts {
        let Some(j) = QueueDir::All.id_of(&k).and_then(JobId::parse) else {
            continue;
        };
        let key = (j.resource_type.clone(), j.resource_id.clone());
        if latest
            .get(&key)
            .is_none_or(|(r, _, _)| kv.mod_revision > *r)
        {
            latest.insert(key, (kv.mod_revision, j.to_string(), kv.value));
        }
    }
    for (key, (_, id, bytes)) in latest {
        let value = decode(&QueueDir::All.key(&id), &bytes)?;
        out.insert(key, (id, value));
    }
    Ok(out)
}

/// In-flight jobs whose params reference one of the pending resources: one paged scan
/// of `/jobs/all` values at the fleet's revision, only values holding one of the ids
/// parsed.
pub async fn reverse_references(
    store: &dyn Store,
    reg: &Registry,
    fleet: &Fleet,
    pending: &[(&Brief, Option<String>)],
) -> Result<Reverse> {
    let mut out: Reverse = HashMap::new();
    if pending.is_empty() || fleet.queue.nodes.is_empty() {
        return Ok(out);
    }
    let wanted: HashSet<Key> = pending.iter().map(|(v, _)| key_of(v)).collect();
    // Each id as Python (ensure_ascii) and serde would write it.
    let mut needles: Vec<String> = Vec::new();
    for (_, id) in &wanted {
        needles.push(regex::escape(id));
        let py = python_json(&Value::String(id.clone()));
        let escaped = &py[1..py.len() - 1];
        if escaped != id {
            needles.push(regex::escape(escaped));
        }
    }
    let re = regex::bytes::Regex::new(&needles.join("|")).map_err(|e| EsiError::Other(e.into()))?;
    let types: BTreeSet<&str> = wanted.iter().map(|(t, _)| t.as_str()).collect();
    let types: Vec<&str> = types.into_iter().collect();
    let rev = fleet.revision;
    reverse::for_each_page_of(store, reg, rev, &types, Scan::Pruned, PAGE, |kvs| {
        for kv in kvs {
            if !re.is_match(&kv.value) {
                continue;
            }
            let Ok(job) = decode(&kv.key, &kv.value) else {
                continue;
            };
            let id = QueueDir::All.id_of(&kv.key).unwrap_or_default().to_string();
            for r in job.referenced() {
                if wanted.contains(&r) {
                    out.entry(r).or_default().push(id.clone());
                }
            }
        }
        Ok(())
    })
    .await?;
    Ok(out)
}
