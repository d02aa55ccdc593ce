//! The manager's side of the queue (spec §3.1, §3.3, §3.6): an in-memory model of the
//! five directories kept current from one ordered watch of `/jobs/`, and the writes it
//! triggers — clean up finished jobs, promote waiting jobs whose dependencies are gone,
//! re-queue a job whose worker vanished (retry + 1, at most `max_retries` times, then
//! fail it as `on_failure: fail` says).
//!
//! The model only decides what to try; every write is a txn guarded by the keys it
//! relies on, so a stale model can cause a lost txn, never a wrong write.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use serde_json::Value;
use tokio::time::Instant;
use tracing::{debug, warn};

use crate::engine::heat::StackAction;
use crate::error::Result;
use crate::model::job::{JobId, JobValue};
use crate::model::keys::{Family, QueueDir};
use crate::model::registry::Registry;
use crate::protocol::build::stored_value;
use crate::protocol::records;
use crate::store::{for_each_page, guarded, Compare, EventKind, Kv, Op, Range, Store, WatchEvent};

/// What the manager knows of a `/jobs/all` entry.
#[derive(Debug, Clone)]
pub struct AllEntry {
    pub mod_revision: i64,
    pub handler: String,
    pub retry: i64,
    pub deps: Vec<String>,
    /// Resources the job's params reference (for the reverse dependency clause).
    pub refs: Vec<(String, String)>,
}

impl AllEntry {
    fn from_kv(kv: &Kv) -> AllEntry {
        let parsed = serde_json::from_slice::<Value>(&kv.value)
            .ok()
            .and_then(|v| JobValue::from_value(&v).ok());
        match parsed {
            Some(j) => AllEntry {
                mod_revision: kv.mod_revision,
                deps: j.dependency(),
                refs: j.referenced(),
                retry: j.retry,
                handler: j.handler,
            },
            None => AllEntry {
                mod_revision: kv.mod_revision,
                handler: "heat_worker".into(),
                retry: 0,
                deps: vec![],
                refs: vec![],
            },
        }
    }
}

#[derive(Debug, Default)]
pub struct QueueModel {
    pub all: HashMap<String, AllEntry>,
    /// Waiting key → its create revision (the promotion txn requires the same key).
    pub waiting: HashMap<String, i64>,
    pub ready: HashSet<String>,
    pub working: HashSet<String>,
    pub finished: HashSet<String>,
    /// Dependency id → jobs that list it.
    dependents: HashMap<String, HashSet<String>>,
    /// Jobs seen in /jobs/all with no stage key, and since when (lost-worker detection).
    unqueued_since: HashMap<String, Instant>,
}

/// What a batch of events (one revision) asks for.
#[derive(Debug, Default, PartialEq)]
pub struct Triggers {
    /// `/jobs/finished/<id>` appeared.
    pub finished: Vec<String>,
    /// `/jobs/working/<id>` vanished without the job finishing.
    pub lost: Vec<String>,
    /// Waiting jobs that may be promotable now.
    pub promote: Vec<String>,
    /// Jobs removed from `/jobs/all`.
    pub removed: Vec<String>,
}

impl QueueModel {
    /// Load the five directories at one revision (values only for `/jobs/all`).
    pub async fn load(store: &dyn Store) -> Result<(i64, QueueModel)> {
        // Each page goes into the model as it arrives: only the small per-job entries
        // are kept, never the whole queue's values.
        let mut m = QueueModel::default();
        let rev = for_each_page(
            store,
            Range::prefix(QueueDir::All.prefix()),
            crate::protocol::enqueue::SCAN_PAGE,
            None,
            |page| {
                page.iter().for_each(|kv| m.put(kv));
                Ok(())
            },
        )
        .await?;
        for dir in [
            QueueDir::Waiting,
            QueueDir::Ready,
            QueueDir::Working,
            QueueDir::Finished,
        ] {
            for_each_page(
                store,
                Range::prefix(dir.prefix()).keys_only(),
                5000,
                Some(rev),
                |page| {
                    page.iter().for_each(|kv| m.put(kv));
                    Ok(())
                },
            )
            .await?;
        }
        Ok((rev, m))
    }

    /// Record a write of our own before its watch event arrives (the event, when it
    /// comes, writes the same entry again).
    pub fn record(&mut self, kv: &Kv) {
        self.put(kv);
    }

    /// Undo a [`QueueModel::record`] whose write did not happen.
    pub fn forget(&mut self, key: &str) {
        self.delete(key);
    }

    /// Spec §2.6 against the in-flight jobs held here, in the order of
    /// [`super::queue::dependencies`] (forward, reverse, same resource; key order within
    /// each), without reading every `/jobs/all` value from etcd for every new job.
    pub fn dependencies(
        &self,
        reg: &Registry,
        rtype: &str,
        id: &str,
        referenced: &[(String, String)],
        exclude: &[String],
    ) -> Vec<String> {
        let mut deps: Vec<String> = Vec::new();
        let mut add = |job: &String| {
            if !exclude.contains(job) && !deps.contains(job) {
                deps.push(job.clone());
            }
        };
        let of_resource = |t: &str, i: &str| -> Vec<&String> {
            let mut out = Vec::new();
            for p in JobId::resource_prefixes(reg.handlers(), t, i) {
                let mut v: Vec<&String> = self.all.keys().filter(|k| k.starts_with(&p)).collect();
                v.sort();
                out.extend(v);
            }
            out
        };
        for (t, i) in referenced.iter().filter(|(t, i)| !(t == rtype && i == id)) {
            of_resource(t, i).into_iter().for_each(&mut add);
        }
        let mut reverse: Vec<&String> = self
            .all
            .iter()
            .filter(|(_, e)| e.refs.iter().any(|(t, i)| t == rtype && i == id))
            .map(|(k, _)| k)
            .collect();
        reverse.sort();
        reverse.into_iter().for_each(&mut add);
        of_resource(rtype, id).into_iter().for_each(&mut add);
        deps
    }

    fn put(&mut self, kv: &Kv) {
        let Some((dir, id)) = QueueDir::parse_key(&kv.key) else {
            return;
        };
        let id = id.to_string();
        match dir {
            QueueDir::All => {
                let e = AllEntry::from_kv(kv);
                for d in &e.deps {
                    self.dependents
                        .entry(d.clone())
                        .or_default()
                        .insert(id.clone());
                }
                self.all.insert(id, e);
            }
            QueueDir::Waiting => {
                self.waiting.insert(id, kv.create_revision);
            }
            QueueDir::Ready => {
                self.ready.insert(id);
            }
            QueueDir::Working => {
                self.working.insert(id);
            }
            QueueDir::Finished => {
                self.finished.insert(id);
            }
        }
    }

    fn delete(&mut self, key: &str) {
        let Some((dir, id)) = QueueDir::parse_key(key) else {
            return;
        };
        match dir {
            QueueDir::All => {
                if let Some(e) = self.all.remove(id) {
                    for d in &e.deps {
                        if let Some(s) = self.dependents.get_mut(d) {
                            s.remove(id);
                            if s.is_empty() {
                                self.dependents.remove(d);
                            }
                        }
                    }
                }
                self.unqueued_since.remove(id);
            }
            QueueDir::Waiting => {
                self.waiting.remove(id);
            }
            QueueDir::Ready => {
                self.ready.remove(id);
            }
            QueueDir::Working => {
                self.working.remove(id);
            }
            QueueDir::Finished => {
                self.finished.remove(id);
            }
        }
    }

    fn staged(&self, id: &str) -> bool {
        self.waiting.contains_key(id)
            || self.ready.contains(id)
            || self.working.contains(id)
            || self.finished.contains(id)
    }

    /// Apply the events of one revision, then say what they call for (a txn's events are
    /// applied together: finished + working-delete of one job is a finish, not a loss).
    pub fn apply(&mut self, events: &[WatchEvent]) -> Triggers {
        let mut t = Triggers::default();
        let mut vanished = Vec::new();
        for ev in events {
            let Some((dir, id)) = QueueDir::parse_key(&ev.kv.key) else {
                continue;
            };
            let id = id.to_string();
            match ev.kind {
                EventKind::Put => {
                    self.put(&ev.kv);
                    match dir {
                        QueueDir::Finished => t.finished.push(id),
                        QueueDir::Waiting => t.promote.push(id),
                        _ => {}
                    }
                }
                EventKind::Delete => {
                    self.delete(&ev.kv.key);
                    match dir {
                        QueueDir::Working => vanished.push(id),
                        QueueDir::All => t.removed.push(id),
                        _ => {}
                    }
                }
            }
        }
        for id in &t.removed {
            if let Some(ds) = self.dependents.get(id) {
                t.promote.extend(ds.iter().cloned());
            }
        }
        t.lost = vanished
            .into_iter()
            .filter(|id| self.all.contains_key(id) && !self.staged(id))
            .collect();
        t
    }

    /// The job's dependencies if it is waiting and none of them is in flight any more.
    pub fn promotable(&self, id: &str) -> Option<(&AllEntry, i64)> {
        let cr = *self.waiting.get(id)?;
        let e = self.all.get(id)?;
        e.deps
            .iter()
            .all(|d| !self.all.contains_key(d))
            .then_some((e, cr))
    }

    /// Jobs in `/jobs/all` without any stage key for at least `grace` (their worker
    /// vanished while this manager was not watching, or a non-atomic writer stalled).
    pub fn stale_unqueued(&mut self, grace: Duration) -> Vec<String> {
        let now = Instant::now();
        let unqueued: Vec<String> = self
            .all
            .keys()
            .filter(|id| !self.staged(id))
            .cloned()
            .collect();
        self.unqueued_since.retain(|id, _| unqueued.contains(id));
        let mut out = Vec::new();
        for id in unqueued {
            let since = *self.unqueued_since.entry(id.clone()).or_insert(now);
            if now.duration_since(since) >= grace {
                out.push(id);
            }
        }
        out
    }
}

/// The queue writes of the manager.
pub struct Scheduler<'a> {
    pub store: &'a dyn Store,
    pub reg: &'a Registry,
    pub max_retries: i64,
}

impl Scheduler<'_> {
    /// The workers finished: remove the jobs (spec §3.2 steps 16 and 18), several in
    /// one txn — unconditional deletes of jobs that are done, so a batch changes only
    /// how many revisions they take.
    pub async fn finish(&self, ids: &[String]) -> Result<()> {
        let ops = ids
            .iter()
            .flat_map(|id| {
                [
                    Op::delete(QueueDir::All.key(id)),
                    Op::delete(QueueDir::Finished.key(id)),
                ]
            })
            .collect();
        guarded(self.store, vec![], ops).await?;
        debug!(jobs = %ids.join(", "), "finished");
        Ok(())
    }

    /// waiting → ready, if every dependency is still gone and the job still waits.
    pub async fn promote(&self, id: &str, e: &AllEntry, waiting_cr: i64) -> Result<bool> {
        let mut compares: Vec<Compare> = e
            .deps
            .iter()
            .map(|d| Compare::Absent(QueueDir::All.key(d)))
            .collect();
        compares.push(Compare::CreateRevision(
            QueueDir::Waiting.key(id),
            waiting_cr,
        ));
        compares.push(Compare::Absent(QueueDir::Ready.key(id)));
        let ops = vec![
            Op::put(QueueDir::Ready.key(id), e.handler.clone()),
            Op::delete(QueueDir::Waiting.key(id)),
        ];
        let written = guarded(self.store, compares, ops).await?.is_some();
        if written {
            debug!(job = %id, "promoted to ready");
        }
        Ok(written)
    }

    /// The job's worker vanished: ready again with retry + 1, or failed past the limit.
    pub async fn requeue(&self, id: &str) -> Result<()> {
        let all = QueueDir::All.key(id);
        let (_, res) = self.store.range(&Range::key(&all), None).await?;
        let Some(kv) = res.kvs.first() else {
            return Ok(());
        };
        let Some(job) = serde_json::from_slice::<Value>(&kv.value)
            .ok()
            .and_then(|v| JobValue::from_value(&v).ok())
        else {
            warn!(job = %id, "cannot re-queue: {all} is not a readable job");
            return Ok(());
        };
        let mut compares = vec![Compare::ModRevision(all.clone(), kv.mod_revision)];
        for d in [
            QueueDir::Working,
            QueueDir::Finished,
            QueueDir::Ready,
            QueueDir::Waiting,
        ] {
            compares.push(Compare::Absent(d.key(id)));
        }
        if job.retry >= self.max_retries {
            return self.abandon(id, &job, compares).await;
        }
        let (_, text) = stored_value(&job.handler, &job.job, job.retry + 1);
        let ops = vec![
            Op::put(&all, text),
            Op::put(QueueDir::Ready.key(id), job.handler.clone()),
        ];
        let written = guarded(self.store, compares, ops).await?.is_some();
        if written {
            warn!(job = %id, "its worker went away: re-queued (retry {})", job.retry + 1);
        }
        Ok(())
    }

    /// `on_failure: fail`: write the failure into the resource's state and drop the job
    /// (dependents are then promoted like after any finished job).
    async fn abandon(&self, id: &str, job: &JobValue, compares: Vec<Compare>) -> Result<()> {
        let error = format!(
            "job {id} was abandoned: its worker went away {} times (--max-retries {})",
            job.retry + 1,
            self.max_retries
        );
        let mut ops = vec![Op::delete(QueueDir::All.key(id))];
        if let Some(jid) = JobId::parse(id) {
            if let Some(t) = self.reg.get(&jid.resource_type) {
                let action =
                    StackAction::for_job_action(&jid.action).unwrap_or(StackAction::Create);
                ops.push(Op::put(
                    Family::State.key(t, &jid.resource_id),
                    records::abandoned_state(action, jid.version, &error),
                ));
                ops.push(Op::delete(Family::JobState.key(t, &jid.resource_id)));
            }
        }
        let written = guarded(self.store, compares, ops).await?.is_some();
        if written {
            warn!(job = %id, "{error}");
        }
        Ok(())
    }
}

#[cfg(test)]
#[path = "queue_tests.rs"]
mod tests;
