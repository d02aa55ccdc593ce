//! New jobs of one manager batch written in one transaction. Each job's compares and
//! writes are those of its own enqueue txn (job id new, config unchanged, copy unchanged),
//! so the combined txn writes exactly what the single txns would have written, one after
//! the other, had every one of them succeeded; when any compare loses, nothing is
//! written and each job is queued on its own (with its own explanation). A batch never
//! holds a job that depends on another job of the batch: such a job starts the next
//! batch, so its dependencies are computed against jobs that were really written.

use tracing::debug;

use super::reconcile::{Queueable, Reconciled, ToQueue};
use super::Master;
use crate::error::EsiError;
use crate::model::keys::WORKFLOW_KEY;
use crate::model::registry::ResourceType;
use crate::protocol::enqueue as queue;
use crate::store::{Op, Txn};

/// A job prepared for the batch (recorded in the queue model meanwhile).
pub(super) struct Pending<'k> {
    pub t: &'k ResourceType,
    pub id: &'k str,
    pub j: ToQueue,
    pub q: Queueable,
}

impl Master<'_> {
    /// Prepare one job into `batch`; a job that depends on one of the batch flushes it
    /// first and is prepared again against what was written.
    pub(super) async fn add_job<'k>(
        &mut self,
        batch: &mut Vec<Pending<'k>>,
        t: &'k ResourceType,
        id: &'k str,
        mut j: ToQueue,
    ) {
        let mut q = match self.reconciler().prepare_job(t, id, &mut j).await {
            Ok(q) => q,
            Err(e) => return self.settle(t.id.clone(), id.to_string(), Err(e)).await,
        };
        if q.deps
            .iter()
            .any(|d| batch.iter().any(|p| p.q.job_id == *d))
        {
            self.write_batch(std::mem::take(batch)).await;
            q = match self.reconciler().prepare_job(t, id, &mut j).await {
                Ok(q) => q,
                Err(e) => return self.settle(t.id.clone(), id.to_string(), Err(e)).await,
            };
        }
        // In the model at once: the next job of the batch may depend on it.
        for kv in q.written(0) {
            self.model.record(&kv);
        }
        batch.push(Pending { t, id, j, q });
    }

    /// Write the batch: one txn for all of it, or each job alone when that one lost.
    pub(super) async fn write_batch(&mut self, mut batch: Vec<Pending<'_>>) {
        if batch.len() <= 1 {
            // A batch of one is a single job, written as prepared.
            if let Some(p) = batch.pop() {
                let keys = p.q.keys();
                let r = self.reconciler().write_job(p.q).await;
                self.settle_one(p.t, p.id, &keys, r).await;
            }
            return;
        }
        let wf = self.cfg.workflow_request;
        let mut txn = Txn::default();
        let mut requests_written = true;
        for p in &batch {
            if wf && requests_written {
                requests_written = self.reconciler().put_workflow(&p.q).await.is_ok();
            }
            txn.compares.extend(p.q.e.txn.compares.iter().cloned());
            txn.success.extend(p.q.e.txn.success.iter().cloned());
        }
        if wf {
            txn.success.push(Op::delete(WORKFLOW_KEY));
        }
        let r = if requests_written {
            Some(self.store.txn(txn).await)
        } else {
            None
        };
        match r {
            Some(Ok(r)) if r.succeeded => {
                debug!(
                    "{} jobs queued in one txn at revision {}",
                    batch.len(),
                    r.revision
                );
                for p in batch {
                    let done = p.q.queued(r.revision);
                    self.settle(p.t.id.clone(), p.id.to_string(), Ok(done))
                        .await;
                }
            }
            // Applied or not: settled job by job by reading, as a single enqueue is.
            Some(Err(EsiError::OutcomeUnknown(why))) => {
                for p in batch {
                    let r =
                        match queue::resolve_unknown(self.store.as_ref(), &p.q.e, &[], why.clone())
                            .await
                        {
                            Ok(rev) => Ok(p.q.queued(rev)),
                            Err(EsiError::Conflict(m)) => Ok(Reconciled::Skipped(m)),
                            Err(e) => Err(e),
                        };
                    self.settle_one(p.t, p.id, &p.q.keys(), r).await;
                }
            }
            _ => {
                for p in &batch {
                    for k in p.q.keys() {
                        self.model.forget(&k);
                    }
                }
                for p in batch {
                    let r = self.reconciler().queue_job(p.t, p.id, p.j).await;
                    let (t, id) = (p.t.id.clone(), p.id.to_string());
                    self.settle(t, id, r).await;
                }
            }
        }
    }

    /// Settle one job's write; a job not written leaves the queue model again.
    async fn settle_one(
        &mut self,
        t: &ResourceType,
        id: &str,
        keys: &[String; 2],
        r: crate::error::Result<Reconciled>,
    ) {
        if !matches!(r, Ok(Reconciled::Job { .. })) {
            for k in keys {
                self.model.forget(k);
            }
        }
        self.settle(t.id.clone(), id.to_string(), r).await;
    }
}

#[cfg(test)]
#[path = "batch_tests.rs"]
mod tests;
