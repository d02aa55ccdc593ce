//! Writing a bulk plan: one guarded transaction per job (its audit record inside), in
//! plan order, throttled by `--max-in-flight`, stopping between two transactions when
//! asked (SIGINT). A guard that lost because another job of the resource is now in
//! flight is a skip (a racing run or the job manager got there first), never a second
//! job.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use serde::Serialize;

use crate::error::{EsiError, Result};
use crate::model::keys::QueueDir;
use crate::protocol::audit::Auditor;
use crate::protocol::enqueue::submit;
use crate::store::{Range, Store};

use super::BulkPlan;

pub struct RunOptions<'a> {
    /// Wait while ready + working jobs exceed this.
    pub max_in_flight: Option<i64>,
    /// Set (by SIGINT) to stop after the transaction in progress.
    pub stop: &'a AtomicBool,
}

/// What the CLI is told as the run goes.
pub enum Progress<'a> {
    /// One item settled: (resource type, id, what happened).
    Done(&'a str, &'a str, &'a str),
    /// Waiting for the queue to drain below --max-in-flight (ready + working now).
    Throttled(i64),
}

/// What a run did (`-o json`: docs/json-output.md).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// `replay` or `enqueue`, as the plan.
    pub kind: &'static str,
    pub revision: i64,
    pub planned: usize,
    pub written: usize,
    /// Skipped at plan time (in flight, stale, config gone, no job).
    pub skipped: usize,
    /// Guard lost: another job of the resource got in flight meanwhile.
    pub raced: usize,
    /// Guard lost otherwise (the config changed since the plan): not written.
    pub changed: usize,
    pub not_started: usize,
    pub interrupted: bool,
    /// The error that stopped the run, if one did.
    pub error: Option<String>,
    pub jobs: Vec<String>,
}

impl Summary {
    /// Everything planned was written, or skipped because a job is in flight.
    pub fn complete(&self) -> bool {
        !self.interrupted && self.error.is_none() && self.changed == 0 && self.not_started == 0
    }
}

async fn in_flight(store: &dyn Store) -> Result<i64> {
    let ranges = [
        Range::prefix(QueueDir::Ready.prefix()).count_only(),
        Range::prefix(QueueDir::Working.prefix()).count_only(),
    ];
    let (_, r) = store.ranges(&ranges, None).await?;
    Ok(r.iter().map(|x| x.count).sum())
}

/// Write every planned job; see the module doc.
pub async fn execute(
    store: &dyn Store,
    plan: &BulkPlan,
    auditor: &Auditor,
    o: RunOptions<'_>,
    progress: &dyn Fn(Progress),
) -> Result<Summary> {
    let mut s = Summary {
        kind: plan.kind,
        revision: plan.revision,
        planned: plan.writes(),
        skipped: plan.items.len() - plan.writes(),
        ..Default::default()
    };
    let writes: Vec<_> = plan
        .items
        .iter()
        .filter_map(|i| i.write.as_ref().map(|w| (i, w)))
        .collect();
    for (n, (item, w)) in writes.iter().enumerate() {
        if let Some(max) = o.max_in_flight {
            loop {
                let now = in_flight(store).await?;
                if now <= max || o.stop.load(Ordering::Relaxed) {
                    break;
                }
                progress(Progress::Throttled(now));
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
        }
        if o.stop.load(Ordering::Relaxed) {
            s.interrupted = true;
            s.not_started = writes.len() - n;
            break;
        }
        let (_, mut e) = w.txn();
        let kind = w.what.split(' ').next().unwrap_or("bulk-replay");
        auditor.attach(&mut e.txn, kind, Some(&w.job_id));
        let (t, id) = (item.resource_type.as_str(), item.resource_id.as_str());
        match submit(store, &e, &w.allowed).await {
            Ok(_) => {
                s.written += 1;
                s.jobs.push(w.job_id.clone());
                progress(Progress::Done(t, id, "written"));
            }
            Err(EsiError::Conflict(why)) if why.contains("another job") => {
                s.raced += 1;
                progress(Progress::Done(
                    t,
                    id,
                    "skipped: another job is now in flight",
                ));
            }
            Err(EsiError::Conflict(why)) => {
                s.changed += 1;
                progress(Progress::Done(t, id, &format!("not written: {why}")));
            }
            Err(e) => {
                s.error = Some(format!("{t} {id}: {e}"));
                s.not_started = writes.len() - n - 1;
                break;
            }
        }
    }
    Ok(s)
}
