//! The manager role: one active job manager per cluster (election on `/job_manager_id`),
//! a single reactor loop like the legacy one (spec §3.6) fed by two ordered followers —
//! `/jobs/` (queue model: finished clean-up, promotion, lost workers) and `/config/`
//! (jobs from config changes) — plus a periodic sweep that retries whatever a lost txn
//! or a transient error left undone.
//!
//! On becoming master: load the queue and resync `/config` against `/esi-worker/config`
//! at one revision, then follow both prefixes from the next revision (nothing between is
//! lost). A compaction gap in either follower ends the term; the next term re-reads.

mod batch;
pub mod election;
pub mod queue;
pub mod reconcile;

use std::collections::{HashSet, VecDeque};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;
use tracing::{debug, info, warn};

use crate::engine::manager::queue::{QueueModel, Scheduler, Triggers};
use crate::engine::manager::reconcile::{resource_of, Fetched, Reconciled, Reconciler};
use crate::engine::shutdown::{until_true, Shutdown};
use crate::error::{EsiError, Result};
use crate::model::job::JobId;
use crate::model::registry::{Registry, ResourceType};
use crate::protocol::build::BuildOptions;
use crate::store::follow::{Follower, Item, Liveness, Spec};
use crate::store::{Store, WatchEvent};
use election::MANAGER_KEY;

/// Resources whose reads (and job builds) run at once; their writes stay in order.
const FETCH_AHEAD: usize = 16;
/// Finished jobs removed per txn (two deletes each, under etcd's 128 ops per txn).
const FINISH_BATCH: usize = 64;

#[derive(Debug, Clone)]
pub struct ManagerConfig {
    /// This manager's id (the value of `/job_manager_id` while master).
    pub id: String,
    /// TTL of the election lease (legacy: 65 s).
    pub ttl: Duration,
    /// Re-queues of a job whose worker vanished before it is failed.
    pub max_retries: i64,
    pub sweep: Duration,
    pub build: BuildOptions,
    /// Write `/worker-workflow-jobs` around each enqueue, as the legacy manager did.
    pub workflow_request: bool,
}

impl Default for ManagerConfig {
    fn default() -> Self {
        ManagerConfig {
            id: uuid::Uuid::new_v4().to_string(),
            ttl: Duration::from_secs(65),
            max_retries: 3,
            sweep: Duration::from_secs(5),
            build: BuildOptions::default(),
            workflow_request: true,
        }
    }
}

pub async fn run(
    store: Arc<dyn Store>,
    reg: Arc<Registry>,
    cfg: ManagerConfig,
    mut shutdown: Shutdown,
) -> Result<()> {
    info!("job manager {} campaigning for {MANAGER_KEY}", cfg.id);
    loop {
        let Some(term) =
            election::campaign(store.clone(), MANAGER_KEY, &cfg.id, cfg.ttl, &mut shutdown).await?
        else {
            return Ok(());
        };
        info!("job manager {}: I am a master", cfg.id);
        let mut lost = term.lost.clone();
        let r = Master::new(store.clone(), reg.clone(), &cfg)
            .run(&mut shutdown, &mut lost)
            .await;
        term.resign(store.as_ref()).await;
        match r {
            Ok(()) if shutdown.is_requested() => {
                info!("job manager {} stopped", cfg.id);
                return Ok(());
            }
            Ok(()) => warn!("job manager {} lost mastership; campaigning again", cfg.id),
            Err(e) => {
                warn!("job manager {}: {e}; stepping down", cfg.id);
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        }
    }
}

/// A follower in its own task, so that the reactor loop selects over channels.
fn forward(
    store: Arc<dyn Store>,
    prefix: &str,
    start: i64,
) -> (JoinHandle<()>, mpsc::Receiver<Result<Item>>) {
    let (tx, rx) = mpsc::channel(1024);
    let mut f = Follower::new(
        store,
        vec![Spec::prefix(prefix)],
        start,
        Liveness::default(),
    );
    let h = tokio::spawn(async move {
        loop {
            let item = f.next().await;
            let stop = item.is_err();
            if tx.send(item).await.is_err() || stop {
                return;
            }
        }
    });
    (h, rx)
}

struct Master<'a> {
    store: Arc<dyn Store>,
    reg: Arc<Registry>,
    cfg: &'a ManagerConfig,
    model: QueueModel,
    /// Resources to reconcile, in arrival order, without duplicates.
    pending: VecDeque<(String, String)>,
    pending_set: HashSet<(String, String)>,
    /// Configs gone while a job of theirs was in flight: reconciled when it leaves.
    deferred: HashSet<(String, String)>,
}

impl<'a> Master<'a> {
    fn new(store: Arc<dyn Store>, reg: Arc<Registry>, cfg: &'a ManagerConfig) -> Master<'a> {
        Master {
            store,
            reg,
            cfg,
            model: QueueModel::default(),
            pending: VecDeque::new(),
            pending_set: HashSet::new(),
            deferred: HashSet::new(),
        }
    }

    fn scheduler(&self) -> Scheduler<'_> {
        Scheduler {
            store: self.store.as_ref(),
            reg: &self.reg,
            max_retries: self.cfg.max_retries,
        }
    }

    fn reconciler(&self) -> Reconciler<'_> {
        Reconciler {
            store: self.store.as_ref(),
            reg: &self.reg,
            build: self.cfg.build,
            workflow_request: self.cfg.workflow_request,
            inflight: Some(&self.model),
        }
    }

    fn enqueue(&mut self, pair: (String, String)) {
        if self.pending_set.insert(pair.clone()) {
            self.pending.push_back(pair);
        }
    }

    async fn run(
        &mut self,
        shutdown: &mut Shutdown,
        lost: &mut watch::Receiver<bool>,
    ) -> Result<()> {
        let (rev, model) = QueueModel::load(self.store.as_ref()).await?;
        self.model = model;
        for pair in self.reconciler().resync(rev).await? {
            self.enqueue(pair);
        }
        let (jobs_task, mut jobs) = forward(self.store.clone(), "/jobs/", rev + 1);
        let (cfg_task, mut configs) = forward(self.store.clone(), "/config/", rev + 1);
        let r = self.react(shutdown, lost, &mut jobs, &mut configs).await;
        jobs_task.abort();
        cfg_task.abort();
        r
    }

    async fn react(
        &mut self,
        shutdown: &mut Shutdown,
        lost: &mut watch::Receiver<bool>,
        jobs: &mut mpsc::Receiver<Result<Item>>,
        configs: &mut mpsc::Receiver<Result<Item>>,
    ) -> Result<()> {
        let mut sweep = tokio::time::interval(self.cfg.sweep);
        loop {
            // Queue events first (they free workers), then config events, then the backlog.
            tokio::select! {
                biased;
                _ = shutdown.requested() => return Ok(()),
                _ = until_true(lost) => return Ok(()),
                item = jobs.recv() => match item.ok_or_else(|| EsiError::Store("job watch ended".into()))?? {
                    Item::Events { events, .. } => self.on_jobs(&events).await,
                    Item::Gap { compact_revision, .. } => return Err(gap("/jobs/", compact_revision)),
                    Item::Reconnecting { error, .. } => warn!("job queue watch: {error}; resuming"),
                },
                item = configs.recv() => match item.ok_or_else(|| EsiError::Store("config watch ended".into()))?? {
                    Item::Events { events, .. } => {
                        for ev in events {
                            if let Some((t, id)) = resource_of(&self.reg, &ev.kv.key) {
                                let pair = (t.id.clone(), id);
                                self.enqueue(pair);
                            }
                        }
                    }
                    Item::Gap { compact_revision, .. } => return Err(gap("/config/", compact_revision)),
                    Item::Reconnecting { error, .. } => warn!("config watch: {error}; resuming"),
                },
                _ = sweep.tick() => self.sweep().await,
                _ = std::future::ready(()), if !self.pending.is_empty() => {
                    let n = self.pending.len().min(FETCH_AHEAD);
                    let batch: Vec<(String, String)> = self.pending.drain(..n).collect();
                    for pair in &batch {
                        self.pending_set.remove(pair);
                    }
                    self.reconcile(batch).await?;
                }
            }
        }
    }

    /// Reconcile a batch of resources: their reads (and job builds) concurrently, then
    /// their writes in order, each job's dependencies taken from the queue model as the
    /// jobs before it left it — exactly as if they were reconciled one at a time, without
    /// one resource's round trips waiting for the other's. The new jobs go in one txn
    /// ([`batch`]).
    async fn reconcile(&mut self, batch: Vec<(String, String)>) -> Result<()> {
        let (store, reg) = (self.store.clone(), self.reg.clone());
        let fetcher = Reconciler {
            store: store.as_ref(),
            reg: &reg,
            build: self.cfg.build,
            workflow_request: self.cfg.workflow_request,
            inflight: None,
        };
        let known: Vec<(ResourceType, String)> = batch
            .into_iter()
            .filter_map(|(rtype, id)| reg.get(&rtype).cloned().map(|t| (t, id)))
            .collect();
        let fetched =
            futures_util::future::join_all(known.iter().map(|(t, id)| fetcher.fetch(t, id))).await;
        let mut jobs = Vec::new();
        for ((t, id), f) in known.iter().zip(fetched) {
            let r = match f {
                Ok(Fetched::Job(j)) => {
                    self.add_job(&mut jobs, t, id, *j).await;
                    continue;
                }
                Ok(f) => self.reconciler().apply(t, id, f).await,
                Err(e) => Err(e),
            };
            self.settle(t.id.clone(), id.clone(), r).await;
        }
        self.write_batch(jobs).await;
        Ok(())
    }

    async fn settle(&mut self, rtype: String, id: String, r: Result<Reconciled>) {
        match r {
            Ok(Reconciled::Deferred) => {
                debug!("{rtype} {id}: config gone, a job is still in flight; cleanup deferred");
                self.deferred.insert((rtype, id));
            }
            Ok(Reconciled::Skipped(why)) => warn!("{rtype} {id}: nothing done: {why}"),
            // In the model at once: the next job built may depend on this one, and its
            // watch event may not have arrived yet.
            Ok(Reconciled::Job { written, .. }) => {
                for kv in &written {
                    self.model.record(kv);
                }
            }
            Ok(other) => debug!("{rtype} {id}: {other:?}"),
            // etcd trouble: try again after the other work (the sweep also retries).
            Err(e) if e.is_transient() => {
                warn!("{rtype} {id}: {e}; will retry");
                tokio::time::sleep(Duration::from_millis(500)).await;
                self.enqueue((rtype, id));
            }
            Err(e) => warn!("{rtype} {id}: {e}"),
        }
    }

    async fn on_jobs(&mut self, events: &[WatchEvent]) {
        let t = self.model.apply(events);
        self.act(t).await;
    }

    async fn act(&mut self, t: Triggers) {
        for ids in t.finished.chunks(FINISH_BATCH) {
            if let Err(e) = self.scheduler().finish(ids).await {
                warn!(jobs = %ids.join(", "), "removing the finished jobs: {e}");
            }
        }
        for id in &t.lost {
            if let Err(e) = self.scheduler().requeue(id).await {
                warn!(job = %id, "re-queueing: {e}");
            }
        }
        let mut seen = HashSet::new();
        for id in t.promote.iter().filter(|id| seen.insert(*id)) {
            self.try_promote(id).await;
        }
        for id in &t.removed {
            if let Some(j) = JobId::parse(id) {
                let pair = (j.resource_type, j.resource_id);
                if self.deferred.remove(&pair) {
                    self.enqueue(pair);
                }
            }
        }
    }

    async fn try_promote(&self, id: &str) {
        let Some((e, cr)) = self.model.promotable(id) else {
            return;
        };
        let e = e.clone();
        if let Err(err) = self.scheduler().promote(id, &e, cr).await {
            warn!(job = %id, "promoting: {err}");
        }
    }

    /// Retry what events may have left undone: finished jobs still listed, promotable
    /// waiting jobs, jobs without any stage key for a whole sweep period.
    async fn sweep(&mut self) {
        let stale = self.model.stale_unqueued(self.cfg.sweep);
        let t = Triggers {
            finished: self.model.finished.iter().cloned().collect(),
            lost: stale,
            promote: self.model.waiting.keys().cloned().collect(),
            removed: vec![],
        };
        if !t.finished.is_empty() || !t.lost.is_empty() {
            debug!(
                "sweep: {} finished, {} without a stage",
                t.finished.len(),
                t.lost.len()
            );
        }
        self.act(t).await;
        let deferred: Vec<(String, String)> = self.deferred.drain().collect();
        for pair in deferred {
            self.enqueue(pair);
        }
    }
}

fn gap(prefix: &str, compact_revision: i64) -> EsiError {
    EsiError::Store(format!("the {prefix} watch was compacted past (revision {compact_revision}); re-reading from scratch"))
}
