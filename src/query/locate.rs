//! Finding a job: its keys in every queue directory at a revision, and once it has left
//! `/jobs/all`, its last value from the key's history; a resource's latest job.

use serde_json::Value;

use crate::error::{EsiError, Result};
use crate::model::decode::{decode, Shape};
use crate::model::job::{resource_job_prefixes, JobId};
use crate::model::keys::QueueDir;
use crate::model::registry::Registry;
use crate::model::resource::{JobEntry, Stage};
use crate::store::keyhistory::history;
use crate::store::{Kv, Range, Store};

/// A job found in the queue or in history.
#[derive(Debug)]
pub struct Located {
    pub job_id: String,
    /// The revision the queue was read at.
    pub revision: i64,
    /// Stage keys at that revision (the `/jobs/all` value decoded when present).
    pub entry: JobEntry,
    /// The decoded `[handler, job, retry]`, from the queue or from history.
    pub value: Option<Value>,
    pub raw: Option<String>,
    pub warnings: Vec<String>,
    /// Found in `/jobs/all` at `revision`.
    pub in_queue: bool,
    /// When found in history: the revision of its last put and of its delete.
    pub put_revision: Option<i64>,
    pub deleted_revision: Option<i64>,
    pub compacted_before: Option<i64>,
}

/// Find a job: its keys in every directory at `rev` (latest if None); when it is no
/// longer in `/jobs/all`, its last value from the key's history. `hint_from`: a revision
/// before which the job cannot have existed (its resource's config create revision).
pub async fn locate(
    store: &dyn Store,
    job_id: &str,
    rev: Option<i64>,
    hint_from: Option<i64>,
) -> Result<Located> {
    let ranges: Vec<Range> = QueueDir::ALL
        .iter()
        .map(|d| Range::key(d.key(job_id)))
        .collect();
    let (revision, res) = store.ranges(&ranges, rev).await?;
    let kvs: Vec<(QueueDir, Kv)> = QueueDir::ALL
        .iter()
        .zip(res)
        .flat_map(|(d, r)| r.kvs.into_iter().map(move |kv| (*d, kv)))
        .collect();
    let entry = JobEntry::group(kvs)
        .into_iter()
        .next()
        .unwrap_or_else(|| empty_entry(job_id));
    let mut loc = Located {
        job_id: job_id.to_string(),
        revision,
        value: entry.value.clone(),
        raw: entry.raw.clone(),
        warnings: entry.warnings.clone(),
        in_queue: entry.keys.contains_key("all"),
        entry,
        put_revision: None,
        deleted_revision: None,
        compacted_before: None,
    };
    if loc.in_queue {
        return Ok(loc);
    }
    let key = QueueDir::All.key(job_id);
    let mut h = history(store, &key, false, hint_from.unwrap_or(1), revision).await?;
    if h.puts.is_empty() && hint_from.is_some_and(|f| f > 1) {
        h = history(store, &key, false, 1, revision).await?;
    }
    loc.compacted_before = h.compacted_before;
    if let Some(kv) = h.puts.remove(&key) {
        let d = decode(Shape::JobAll, &key, &kv.value);
        loc.value = d.value;
        loc.raw = d.raw;
        loc.warnings.extend(d.warnings);
        loc.put_revision = Some(kv.mod_revision);
        loc.deleted_revision = h.deleted.get(&key).copied();
    }
    Ok(loc)
}

/// The entry of a job with no key in any directory (gone, or never existed).
fn empty_entry(job_id: &str) -> JobEntry {
    let p = JobId::parse(job_id);
    let field = |f: fn(&JobId) -> String| p.as_ref().map(f).unwrap_or_default();
    JobEntry {
        id: job_id.to_string(),
        stage: Stage::Finished,
        action: field(|j| j.action.clone()),
        handler: field(|j| j.handler.clone()),
        resource_type: field(|j| j.resource_type.clone()),
        resource_id: field(|j| j.resource_id.clone()),
        version: p.as_ref().map(|j| j.version).unwrap_or(0),
        retry: None,
        worker: None,
        lease: None,
        lease_ttl: None,
        dependency: vec![],
        pending_dependencies: vec![],
        keys: Default::default(),
        value: None,
        raw: None,
        warnings: vec![],
    }
}

/// Not found anywhere: the error, mentioning compaction when history was incomplete.
pub fn not_found(loc: &Located) -> EsiError {
    let mut msg = format!(
        "job {} not found: not in /jobs/* at revision {} and no put of {} in its history",
        loc.job_id,
        loc.revision,
        QueueDir::All.key(&loc.job_id)
    );
    if let Some(c) = loc.compacted_before {
        msg.push_str(&format!(" (history before revision {c} was compacted)"));
    }
    EsiError::NotFound(msg)
}

/// The resource's most recent job: in flight (highest version, then latest write), else
/// the last one put in the history of its job keys.
pub async fn latest_job_of(
    store: &dyn Store,
    reg: &Registry,
    rtype: &str,
    id: &str,
    hint_from: Option<i64>,
) -> Result<Option<String>> {
    let prefixes = resource_job_prefixes(reg, rtype, id);
    let ranges: Vec<Range> = prefixes
        .iter()
        .map(|p| Range::prefix(p).keys_only())
        .collect();
    let (revision, res) = store.ranges(&ranges, None).await?;
    let inflight = res
        .iter()
        .flat_map(|r| &r.kvs)
        .filter_map(|kv| {
            JobId::parse(QueueDir::All.id_of(&kv.key).unwrap_or_default())
                .map(|j| (j.version, kv.mod_revision, j.to_string()))
        })
        .max();
    if let Some((_, _, job)) = inflight {
        return Ok(Some(job));
    }
    let mut best: Option<(i64, String)> = None;
    for p in &prefixes {
        let h = history(store, p, true, hint_from.unwrap_or(1), revision).await?;
        for (k, kv) in h.puts {
            if best.as_ref().is_none_or(|(r, _)| kv.mod_revision > *r) {
                best = Some((
                    kv.mod_revision,
                    QueueDir::All.id_of(&k).unwrap_or_default().to_string(),
                ));
            }
        }
    }
    Ok(best.map(|(_, j)| j))
}
