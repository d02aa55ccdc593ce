//! An in-memory MVCC store with etcd v3 semantics: one global revision bumped once per
//! writing txn, per-key create/mod revision and version, history until compaction,
//! leases that expire on a tokio timer, and watches that replay history then go live.
//!
//! It backs offline snapshots and tests, so every behaviour the commands rely on must
//! match etcd (including the corner cases: reads at the compact revision succeed, a
//! delete of a missing key does not bump the revision, a txn may not put a key twice).

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard, Weak};
use std::time::Duration;

use async_trait::async_trait;
use tokio::sync::mpsc;
use tokio::time::Instant;

mod export;
mod mvcc;

use crate::error::{EsiError, Result};
use crate::store::{
    Kv, Range, RangeResult, Store, StoreStatus, Txn, TxnResult, WatchEvent, WatchHandle,
    WatchMessage,
};

/// Capacity of a watch handle's channel; the store side is unbounded so that a slow
/// reader never blocks writers (the store lock is never held across an await).
const WATCH_BUFFER: usize = 256;

/// A cheap-to-clone handle on one shared in-memory store.
#[derive(Clone)]
pub struct EmbeddedStore {
    inner: Arc<Mutex<Inner>>,
}

/// Everything a snapshot or a restore needs: the state at the oldest readable revision
/// and every change after it.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    pub revision: i64,
    pub compact_revision: i64,
    /// Every key as of `base_revision`.
    pub base_revision: i64,
    pub base: Vec<Kv>,
    /// Changes after `base_revision`, grouped per revision, in the order applied.
    pub events: Vec<(i64, Vec<WatchEvent>)>,
}

/// One entry of a key's history; `kv: None` is a tombstone (the key was deleted at `rev`).
struct Rec {
    rev: i64,
    kv: Option<Kv>,
}

struct LeaseState {
    ttl: Duration,
    deadline: Instant,
    keys: BTreeSet<String>,
}

struct Watcher {
    id: u64,
    key: String,
    prefix: bool,
    /// Events below this revision are not for this watcher (a watch may start in the future).
    start: i64,
    tx: mpsc::UnboundedSender<WatchMessage>,
}

impl Watcher {
    fn wants(&self, key: &str) -> bool {
        key_matches(&self.key, self.prefix, key)
    }
}

fn key_matches(pattern: &str, prefix: bool, key: &str) -> bool {
    if prefix {
        key.starts_with(pattern)
    } else {
        key == pattern
    }
}

struct Inner {
    name: String,
    rev: i64,
    /// 0 = never compacted.
    compact: i64,
    keys: BTreeMap<String, Vec<Rec>>,
    /// Every event after the compact revision, for watch replay (etcd keeps this order).
    log: VecDeque<(i64, Vec<WatchEvent>)>,
    leases: HashMap<i64, LeaseState>,
    next_lease: i64,
    watchers: Vec<Watcher>,
    next_watcher: u64,
}

fn lock(m: &Mutex<Inner>) -> MutexGuard<'_, Inner> {
    // A panic elsewhere must not make the store unusable; the data stays consistent
    // because every mutation is validated before it starts.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn future_rev(requested: i64, current: i64) -> EsiError {
    EsiError::FutureRevision {
        requested,
        head: current,
    }
}

fn lease_not_found(id: i64) -> EsiError {
    EsiError::NotFound(format!("requested lease {id:x} not found"))
}

impl Default for EmbeddedStore {
    fn default() -> Self {
        Self::new()
    }
}

impl EmbeddedStore {
    /// An empty store at revision 1, like a fresh etcd.
    pub fn new() -> EmbeddedStore {
        Self::with_inner(1, 0, BTreeMap::new())
    }

    fn with_inner(rev: i64, compact: i64, keys: BTreeMap<String, Vec<Rec>>) -> EmbeddedStore {
        // Lease ids start at a random point so callers cannot come to rely on them.
        let next_lease = 1 + (rand::random::<u32>() as i64);
        EmbeddedStore {
            inner: Arc::new(Mutex::new(Inner {
                name: "embedded store".to_string(),
                rev,
                compact,
                keys,
                log: VecDeque::new(),
                leases: HashMap::new(),
                next_lease,
                watchers: Vec::new(),
                next_watcher: 0,
            })),
        }
    }
}

/// Sleep until the lease's deadline; keep-alives move the deadline, so re-check.
fn spawn_expiry(weak: Weak<Mutex<Inner>>, id: i64, mut deadline: Instant) {
    tokio::spawn(async move {
        loop {
            tokio::time::sleep_until(deadline).await;
            let Some(inner) = weak.upgrade() else { return };
            let mut g = lock(&inner);
            match g.leases.get(&id) {
                None => return,
                Some(l) if l.deadline > Instant::now() => deadline = l.deadline,
                Some(_) => {
                    g.revoke(id);
                    return;
                }
            }
        }
    });
}

/// Queue a progress reply behind every event already queued for this watcher.
fn request_progress(weak: &Weak<Mutex<Inner>>, id: u64) {
    if let Some(inner) = weak.upgrade() {
        let g = lock(&inner);
        if let Some(w) = g.watchers.iter().find(|w| w.id == id) {
            let _ = w.tx.send(WatchMessage::Progress { revision: g.rev });
        }
    }
}

fn remove_watcher(weak: &Weak<Mutex<Inner>>, id: u64) {
    if let Some(inner) = weak.upgrade() {
        lock(&inner).watchers.retain(|w| w.id != id);
    }
}

async fn forward(
    weak: Weak<Mutex<Inner>>,
    id: u64,
    mut queue: mpsc::UnboundedReceiver<WatchMessage>,
    mut progress: mpsc::Receiver<()>,
    out: mpsc::Sender<Result<WatchMessage>>,
) {
    let mut progress_open = true;
    loop {
        tokio::select! {
            // The caller dropped the handle: stop now, not at the next event.
            _ = out.closed() => break,
            m = queue.recv() => match m {
                Some(m) => {
                    if out.send(Ok(m)).await.is_err() {
                        break;
                    }
                }
                None => break, // the store is gone
            },
            p = progress.recv(), if progress_open => match p {
                Some(()) => request_progress(&weak, id),
                None => progress_open = false,
            },
        }
    }
    remove_watcher(&weak, id);
}

#[async_trait]
impl Store for EmbeddedStore {
    fn describe(&self) -> String {
        lock(&self.inner).name.clone()
    }

    async fn probe(&self) -> Result<StoreStatus> {
        let g = lock(&self.inner);
        Ok(StoreStatus {
            revision: g.rev,
            compact_revision: Some(g.compact),
            server_version: None,
            endpoint: g.name.clone(),
        })
    }

    async fn range(&self, range: &Range, rev: Option<i64>) -> Result<(i64, RangeResult)> {
        let g = lock(&self.inner);
        let at = g.read_rev(rev)?;
        Ok((at, g.range_at(range, at)))
    }

    async fn ranges(&self, ranges: &[Range], rev: Option<i64>) -> Result<(i64, Vec<RangeResult>)> {
        let g = lock(&self.inner);
        let at = g.read_rev(rev)?;
        Ok((at, ranges.iter().map(|r| g.range_at(r, at)).collect()))
    }

    async fn txn(&self, txn: Txn) -> Result<TxnResult> {
        let mut g = lock(&self.inner);
        let succeeded = txn.compares.iter().all(|c| g.compare_ok(c));
        let ops = if succeeded {
            &txn.success
        } else {
            &txn.failure
        };
        g.validate_ops(ops)?;
        let ranges = g.apply_ops(ops);
        Ok(TxnResult {
            succeeded,
            revision: g.rev,
            ranges,
        })
    }

    fn progress_is_ordered(&self) -> bool {
        // Replay is queued before the watcher can be asked anything.
        true
    }

    async fn watch(&self, key: &str, prefix: bool, start_rev: i64) -> Result<WatchHandle> {
        let (out_tx, out_rx) = mpsc::channel(WATCH_BUFFER);
        let (queue_tx, queue_rx) = mpsc::unbounded_channel();
        let (progress_tx, progress_rx) = mpsc::channel(8);
        let id = {
            let mut g = lock(&self.inner);
            if start_rev > 0 && start_rev <= g.compact {
                let _ = out_tx.try_send(Ok(WatchMessage::Compacted {
                    compact_revision: g.compact,
                }));
                return Ok(WatchHandle {
                    rx: out_rx,
                    progress: None,
                });
            }
            let start = if start_rev > 0 { start_rev } else { g.rev + 1 };
            // Replay under the lock, then register: no live event can slip in between.
            let from = g.log.partition_point(|(r, _)| *r < start);
            for (rev, events) in g.log.range(from..) {
                let mine: Vec<WatchEvent> = events
                    .iter()
                    .filter(|e| key_matches(key, prefix, &e.kv.key))
                    .cloned()
                    .collect();
                if !mine.is_empty() {
                    let _ = queue_tx.send(WatchMessage::Events {
                        revision: *rev,
                        events: mine,
                    });
                }
            }
            let id = g.next_watcher;
            g.next_watcher += 1;
            g.watchers.push(Watcher {
                id,
                key: key.to_string(),
                prefix,
                start,
                tx: queue_tx,
            });
            id
        };
        tokio::spawn(forward(
            Arc::downgrade(&self.inner),
            id,
            queue_rx,
            progress_rx,
            out_tx,
        ));
        Ok(WatchHandle {
            rx: out_rx,
            progress: Some(progress_tx),
        })
    }

    async fn lease_grant(&self, ttl: Duration) -> Result<i64> {
        // etcd turns a zero TTL into its minimum; one second is ours.
        let ttl = if ttl.is_zero() {
            Duration::from_secs(1)
        } else {
            ttl
        };
        let deadline = Instant::now() + ttl;
        let id = {
            let mut g = lock(&self.inner);
            let id = g.next_lease;
            g.next_lease += 1;
            g.leases.insert(
                id,
                LeaseState {
                    ttl,
                    deadline,
                    keys: BTreeSet::new(),
                },
            );
            id
        };
        spawn_expiry(Arc::downgrade(&self.inner), id, deadline);
        Ok(id)
    }

    async fn lease_keep_alive(&self, lease: i64) -> Result<()> {
        let mut g = lock(&self.inner);
        let now = Instant::now();
        match g.leases.get_mut(&lease) {
            Some(l) if l.deadline > now => {
                l.deadline = now + l.ttl;
                Ok(())
            }
            Some(_) => {
                // Expired but the timer has not fired yet: expire it now.
                g.revoke(lease);
                Err(lease_not_found(lease))
            }
            None => Err(lease_not_found(lease)),
        }
    }

    async fn lease_revoke(&self, lease: i64) -> Result<()> {
        if lock(&self.inner).revoke(lease) {
            Ok(())
        } else {
            Err(lease_not_found(lease))
        }
    }

    async fn lease_ttl(&self, lease: i64) -> Result<Option<i64>> {
        let mut g = lock(&self.inner);
        let now = Instant::now();
        match g.leases.get(&lease) {
            Some(l) if l.deadline > now => {
                let left = (l.deadline - now).as_secs_f64().ceil() as i64;
                Ok(Some(left))
            }
            Some(_) => {
                g.revoke(lease);
                Ok(None)
            }
            None => Ok(None),
        }
    }

    async fn compact(&self, rev: i64) -> Result<()> {
        lock(&self.inner).compact(rev)
    }
}

#[cfg(test)]
mod tests;
