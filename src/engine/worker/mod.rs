//! The worker role (spec §3.2 steps 6–17, §3.6): N job slots; ready jobs are learnt from
//! a live follower of `/jobs/ready/` (plus a periodic re-list), reserved in one txn
//! (create `/jobs/working/<id>` with the reservation's own lease if absent, delete the
//! ready key, read the job — losing the txn means another worker took it), kept alive
//! every TTL/3 while they run, and executed by [`super::execute`].
//!
//! Shutdown: stop reserving; let running jobs finish for up to `drain_timeout` (or until
//! an abort), then release the rest so that the manager re-queues them.

pub mod execute;
pub mod stack;

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{mpsc, Semaphore};
use tokio::task::JoinSet;
use tokio::time::Instant;
use tracing::{debug, info, warn};

use crate::engine::heat::Orchestrator;
use crate::engine::shutdown::Shutdown;
use crate::error::{EsiError, Result};
use crate::model::job::{JobRef, JobValue};
use crate::model::keys::{Family, QueueDir};
use crate::model::registry::Registry;
use crate::store::follow::{Follower, Item, Liveness, Spec};
use crate::store::{for_each_page, Compare, EventKind, Op, Range, RangeSpec, Store, Txn};
use execute::{Done, Running};

#[derive(Debug, Clone)]
pub struct WorkerConfig {
    /// Concurrent jobs (the legacy heat worker had 8).
    pub slots: usize,
    /// TTL of each reservation's lease (legacy: 60 s).
    pub lease_ttl: Duration,
    /// The handler this worker serves (`heat_worker`).
    pub handler: String,
    /// How long running jobs may take to finish after a shutdown request.
    pub drain_timeout: Duration,
    /// Re-list `/jobs/ready/` this often (catches what a failed reservation skipped).
    pub rescan: Duration,
}

impl Default for WorkerConfig {
    fn default() -> Self {
        WorkerConfig {
            slots: 8,
            lease_ttl: Duration::from_secs(60),
            handler: "heat_worker".into(),
            drain_timeout: Duration::from_secs(30),
            rescan: Duration::from_secs(5),
        }
    }
}

/// A ready key seen: the job id and the key's create revision (the reservation txn
/// requires the very same ready key).
#[derive(Debug, Clone, Default)]
struct Tally {
    completed: usize,
    failed: usize,
    lost: usize,
    released: usize,
}

#[derive(Debug, Clone)]
struct Candidate {
    id: String,
    create_revision: i64,
}

struct Shared {
    store: Arc<dyn Store>,
    reg: Arc<Registry>,
    orch: Arc<dyn Orchestrator>,
    cfg: WorkerConfig,
    running: Mutex<HashMap<String, Arc<Running>>>,
    /// A granted lease not used by a lost reservation, reused while fresh.
    spare: Mutex<Option<(i64, Instant)>>,
    /// What became of the jobs this worker took, for the summary at shutdown.
    tally: Mutex<Tally>,
}

pub async fn run(
    store: Arc<dyn Store>,
    reg: Arc<Registry>,
    orch: Arc<dyn Orchestrator>,
    cfg: WorkerConfig,
    mut shutdown: Shutdown,
) -> Result<()> {
    let slots = cfg.slots.max(1);
    info!(
        "worker: {slots} job slots, handler {}, lease TTL {:?}, backend {}",
        cfg.handler,
        cfg.lease_ttl,
        orch.name()
    );
    let sh = Arc::new(Shared {
        store,
        reg,
        orch,
        cfg,
        running: Mutex::new(HashMap::new()),
        spare: Mutex::new(None),
        tally: Mutex::new(Tally::default()),
    });
    let (tx, mut rx) = mpsc::unbounded_channel::<Candidate>();
    let feeder = tokio::spawn(feed(sh.clone(), tx, shutdown.clone()));
    let sem = Arc::new(Semaphore::new(slots));
    let mut jobs: JoinSet<()> = JoinSet::new();
    let mut queue: VecDeque<Candidate> = VecDeque::new();
    let mut queued: HashSet<String> = HashSet::new();
    fn push(c: Candidate, queue: &mut VecDeque<Candidate>, queued: &mut HashSet<String>) {
        if queued.insert(c.id.clone()) {
            queue.push_back(c);
        }
    }
    'dispatch: loop {
        while let Some(Ok(())) = jobs.try_join_next() {}
        let permit = tokio::select! {
            biased;
            _ = shutdown.requested() => break 'dispatch,
            p = sem.clone().acquire_owned() => p.expect("the semaphore is never closed"),
        };
        while let Ok(c) = rx.try_recv() {
            push(c, &mut queue, &mut queued);
        }
        let cand = loop {
            if let Some(c) = queue.pop_front() {
                break c;
            }
            tokio::select! {
                biased;
                _ = shutdown.requested() => break 'dispatch,
                c = rx.recv() => match c {
                    Some(c) => push(c, &mut queue, &mut queued),
                    None => break 'dispatch,
                },
            }
        };
        match reserve(&sh, &cand).await {
            Ok(Some(r)) => {
                let sh = sh.clone();
                jobs.spawn(async move {
                    run_job(sh, r).await;
                    drop(permit);
                });
            }
            Ok(None) => {}
            Err(e) => {
                warn!(job = %cand.id, "reserving: {e}");
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
        }
        // Forget it either way: a re-list or a new ready key brings it back if needed.
        queued.remove(&cand.id);
    }
    feeder.abort();
    drain(&sh, &mut jobs, &mut shutdown).await;
    let t = sh.tally.lock().expect("tally").clone();
    info!(
        "worker stopped: {} jobs completed, {} failed, {} lost to another worker, {} released back to ready",
        t.completed, t.failed, t.lost, t.released
    );
    Ok(())
}

/// Wait for running jobs; release those still running at the deadline or on abort.
async fn drain(sh: &Arc<Shared>, jobs: &mut JoinSet<()>, shutdown: &mut Shutdown) {
    // Reap what has finished: only jobs still running are waited for, and named.
    while let Some(Ok(())) = jobs.try_join_next() {}
    let running: Vec<String> = sh
        .running
        .lock()
        .expect("running")
        .keys()
        .cloned()
        .collect();
    if jobs.is_empty() || running.is_empty() {
        return;
    }
    info!(
        "worker: waiting up to {:?} for {} running job(s): {}",
        sh.cfg.drain_timeout,
        running.len(),
        running.join(", ")
    );
    let deadline = tokio::time::sleep(sh.cfg.drain_timeout);
    tokio::pin!(deadline);
    loop {
        tokio::select! {
            j = jobs.join_next() => if j.is_none() { return },
            _ = &mut deadline => break,
            _ = shutdown.aborted() => break,
        }
    }
    let running: Vec<Arc<Running>> = sh
        .running
        .lock()
        .expect("running")
        .values()
        .cloned()
        .collect();
    for r in running {
        info!(job = %r.job_id, "releasing the job back to ready (shutdown)");
        execute::release(sh.store.as_ref(), &sh.reg, &r, true).await;
        sh.tally.lock().expect("tally").released += 1;
    }
    jobs.abort_all();
    while jobs.join_next().await.is_some() {}
}

/// Feed ready job ids: a listing, then a live follower, re-listed every `rescan`.
async fn feed(sh: Arc<Shared>, tx: mpsc::UnboundedSender<Candidate>, mut shutdown: Shutdown) {
    let prefix = QueueDir::Ready.prefix();
    let handler = sh.cfg.handler.as_bytes().to_vec();
    let send_list = |store: Arc<dyn Store>,
                     tx: mpsc::UnboundedSender<Candidate>,
                     handler: Vec<u8>,
                     prefix: String| async move {
        for_each_page(store.as_ref(), Range::prefix(&prefix), 1000, None, |kvs| {
            for kv in kvs.into_iter().filter(|kv| kv.value == handler) {
                let id = kv.key[prefix.len()..].to_string();
                let _ = tx.send(Candidate {
                    id,
                    create_revision: kv.create_revision,
                });
            }
            Ok(())
        })
        .await
    };
    let start = loop {
        match send_list(
            sh.store.clone(),
            tx.clone(),
            handler.clone(),
            prefix.clone(),
        )
        .await
        {
            Ok(rev) => break rev,
            Err(e) => {
                warn!("listing ready jobs: {e}");
                tokio::select! {
                    _ = shutdown.requested() => return,
                    _ = tokio::time::sleep(Duration::from_secs(1)) => {}
                }
            }
        }
    };
    let mut f = Follower::new(
        sh.store.clone(),
        vec![Spec::prefix(&prefix)],
        start + 1,
        Liveness::default(),
    );
    let mut tick = tokio::time::interval(sh.cfg.rescan);
    tick.reset();
    loop {
        tokio::select! {
            _ = shutdown.requested() => return,
            _ = tick.tick() => {
                if let Err(e) = send_list(sh.store.clone(), tx.clone(), handler.clone(), prefix.clone()).await {
                    debug!("re-listing ready jobs: {e}");
                }
            }
            item = f.next() => match item {
                Ok(Item::Events { events, .. }) => {
                    for ev in events.into_iter().filter(|e| e.kind == EventKind::Put && e.kv.value == handler) {
                        let id = ev.kv.key[prefix.len()..].to_string();
                        if tx.send(Candidate { id, create_revision: ev.kv.create_revision }).is_err() {
                            return;
                        }
                    }
                }
                Ok(Item::Gap { compact_revision, .. }) => {
                    // Missed ready keys are found by the next re-list.
                    f.reset(compact_revision);
                }
                Ok(Item::Reconnecting { error, .. }) => warn!("ready-job watch: {error}; resuming"),
                Err(e) => {
                    warn!("ready-job watch: {e}");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            },
        }
    }
}

impl Shared {
    async fn lease(&self) -> Result<i64> {
        let spare = self.spare.lock().expect("spare").take();
        match spare {
            Some((l, at)) if at.elapsed() < self.cfg.lease_ttl / 3 => Ok(l),
            Some((l, _)) => {
                execute::revoke(self.store.as_ref(), l).await;
                self.store.lease_grant(self.cfg.lease_ttl).await
            }
            None => self.store.lease_grant(self.cfg.lease_ttl).await,
        }
    }
}

/// The reservation txn. Ok(None) when the job was taken by another worker (or is gone).
async fn reserve(sh: &Arc<Shared>, c: &Candidate) -> Result<Option<Arc<Running>>> {
    let lease = sh.lease().await?;
    let granted = Instant::now();
    let uuid = uuid::Uuid::new_v4().to_string();
    let working = QueueDir::Working.key(&c.id);
    let ready = QueueDir::Ready.key(&c.id);
    let all = QueueDir::All.key(&c.id);
    // The job_state put of the job's start (spec §3.2 step 9) rides in the reservation:
    // the key follows from the job id, and no component acts between the two.
    let job_state = JobRef::parse(&c.id).and_then(|j| {
        let t = sh.reg.get(j.resource_type)?;
        Some(Family::JobState.key(t, j.resource_id))
    });
    let txn = Txn {
        compares: vec![
            Compare::Absent(working.clone()),
            Compare::CreateRevision(ready.clone(), c.create_revision),
        ],
        success: vec![
            Op::put_with_lease(working.clone(), uuid.clone().into_bytes(), lease),
            Op::delete(ready),
            Op::Get(RangeSpec {
                key: all.clone(),
                ..Default::default()
            }),
        ]
        .into_iter()
        .chain(job_state.iter().map(|k| Op::put(k, "{}")))
        .collect(),
        failure: vec![],
    };
    let res = match sh.store.txn(txn).await {
        Ok(r) => r,
        Err(e) => {
            execute::revoke(sh.store.as_ref(), lease).await;
            return Err(e);
        }
    };
    if !res.succeeded {
        *sh.spare.lock().expect("spare") = Some((lease, granted));
        return Ok(None);
    }
    let value = res
        .ranges
        .first()
        .and_then(|g| g.kvs.first())
        .map(|kv| kv.value.clone());
    let job = value
        .and_then(|v| serde_json::from_slice(&v).ok())
        .and_then(|v| JobValue::from_value(&v).ok());
    let Some(job) = job else {
        warn!(job = %c.id, "ready key without a readable {all}: dropping the reservation");
        let r = Arc::new(Running {
            job_id: c.id.clone(),
            uuid,
            lease,
            job: JobValue {
                handler: String::new(),
                job: serde_json::Value::Null,
                retry: 0,
            },
            job_state: job_state.map(|k| (k, res.revision)),
            lost: false.into(),
        });
        execute::release(sh.store.as_ref(), &sh.reg, &r, false).await;
        return Ok(None);
    };
    debug!(job = %c.id, reservation = %uuid, "reserved");
    let r = Arc::new(Running {
        job_id: c.id.clone(),
        uuid,
        lease,
        job,
        job_state: job_state.map(|k| (k, res.revision)),
        lost: false.into(),
    });
    sh.running
        .lock()
        .expect("running")
        .insert(c.id.clone(), r.clone());
    Ok(Some(r))
}

async fn run_job(sh: Arc<Shared>, r: Arc<Running>) {
    let keeper = tokio::spawn(keep_alive(sh.store.clone(), r.clone(), sh.cfg.lease_ttl));
    let started = Instant::now();
    let res = execute::execute(sh.store.as_ref(), &sh.reg, sh.orch.as_ref(), &r).await;
    keeper.abort();
    // One line per job: what it was (action, type, id, version) and how it ended.
    let took = started.elapsed();
    let tally = |f: fn(&mut Tally) -> &mut usize| *f(&mut sh.tally.lock().expect("tally")) += 1;
    match res {
        Ok(Done::Completed) => {
            tally(|t| &mut t.completed);
            info!("job {} completed in {took:.1?}", r.job_id)
        }
        Ok(Done::Failed(why)) => {
            tally(|t| &mut t.failed);
            warn!("job {} failed after {took:.1?}: {why}", r.job_id)
        }
        Ok(Done::Lost) => {
            tally(|t| &mut t.lost);
            warn!(
                "job {}: the reservation was lost; another worker will run it",
                r.job_id
            )
        }
        Err(e) => {
            warn!("job {}: {e}; releasing it for another attempt", r.job_id);
            execute::release(sh.store.as_ref(), &sh.reg, &r, false).await;
            tally(|t| &mut t.released);
        }
    }
    sh.running.lock().expect("running").remove(&r.job_id);
}

/// Refresh the reservation's lease every TTL/3; an expired lease marks the job lost.
async fn keep_alive(store: Arc<dyn Store>, r: Arc<Running>, ttl: Duration) {
    let every = (ttl / 3).max(Duration::from_millis(100));
    loop {
        tokio::time::sleep(every).await;
        match store.lease_keep_alive(r.lease).await {
            Ok(()) => {}
            Err(EsiError::NotFound(_)) => {
                warn!(job = %r.job_id, "the reservation's lease expired");
                r.lost.store(true, Ordering::SeqCst);
                return;
            }
            Err(e) => debug!(job = %r.job_id, "lease keep-alive: {e}"),
        }
    }
}
