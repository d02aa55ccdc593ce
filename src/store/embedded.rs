//! An in-memory MVCC store with etcd v3 semantics: one global revision bumped once per
//! writing txn, per-key create/mod revision and version, history until compaction,
//! leases that expire on a tokio timer, and watches that replay history then go live.
//!
//! It backs offline snapshots and tests, so every behaviour the commands rely on must
//! match etcd (including the corner cases: reads at the compact revision succeed, a
//! delete of a missing key does not bump the revision, a txn may not put a key twice).

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::ops::Bound;
use std::sync::{Arc, Mutex, MutexGuard, Weak};
use std::time::Duration;

use async_trait::async_trait;
use tokio::sync::mpsc;
use tokio::time::Instant;

use crate::error::{EsiError, Result};
use crate::store::{
    Compare, EventKind, Kv, Op, Range, RangeResult, Store, StoreStatus, Txn, TxnResult, WatchEvent,
    WatchHandle, WatchMessage,
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
    // Same words as etcd ("mvcc: required revision is a future revision") for matching.
    EsiError::Store(format!(
        "mvcc: required revision is a future revision (requested {requested}, current {current})"
    ))
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

    /// A store whose state at `revision` is `base` (each kv keeps its create/mod revision
    /// and version) with no older history; reads below `compact_revision` are compacted.
    /// Errors (as `InvalidData`) on inconsistent metadata or duplicate keys.
    pub fn from_state(
        revision: i64,
        compact_revision: i64,
        base: Vec<Kv>,
    ) -> Result<EmbeddedStore> {
        let bad = |m: String| Err(EsiError::InvalidData(m));
        if revision < 1 || compact_revision < 0 || compact_revision > revision {
            return bad(format!(
                "revision {revision} / compact revision {compact_revision} are inconsistent"
            ));
        }
        let mut keys = BTreeMap::new();
        for kv in base {
            let k = &kv.key;
            if kv.mod_revision < 1 || kv.mod_revision > revision {
                return bad(format!(
                    "key {k}: mod_revision {} is outside 1..={revision}",
                    kv.mod_revision
                ));
            }
            if kv.create_revision < 1 || kv.create_revision > kv.mod_revision {
                return bad(format!(
                    "key {k}: create_revision {} is outside 1..={}",
                    kv.create_revision, kv.mod_revision
                ));
            }
            if kv.version < 1 {
                return bad(format!(
                    "key {k}: version {} (a live key has version >= 1)",
                    kv.version
                ));
            }
            if keys.contains_key(k) {
                return bad(format!("key {k} appears twice"));
            }
            keys.insert(
                kv.key.clone(),
                vec![Rec {
                    rev: kv.mod_revision,
                    kv: Some(kv),
                }],
            );
        }
        Ok(Self::with_inner(revision, compact_revision, keys))
    }

    /// Name used by `describe()` (e.g. the snapshot file it was loaded from).
    pub fn set_name(&self, name: impl Into<String>) {
        lock(&self.inner).name = name.into();
    }

    pub fn revision(&self) -> i64 {
        lock(&self.inner).rev
    }

    pub fn compact_revision(&self) -> i64 {
        lock(&self.inner).compact
    }

    /// Re-apply recorded changes with their original revision (snapshot loading).
    /// `revision` must be above the current one. Put kvs must carry the create revision
    /// and version that follow from the key's history (checked, so a corrupt snapshot is
    /// reported instead of silently diverging); their lease id is kept as metadata only.
    /// On error the store is partly updated and should be discarded.
    pub fn replay_revision(&self, revision: i64, changes: Vec<(EventKind, Kv)>) -> Result<()> {
        let mut g = lock(&self.inner);
        if revision <= g.rev {
            return Err(EsiError::InvalidData(format!(
                "revision {revision} is not after revision {}",
                g.rev
            )));
        }
        let mut events = Vec::with_capacity(changes.len());
        for (kind, kv) in changes {
            let prev = g.latest(&kv.key).cloned();
            match kind {
                EventKind::Put => {
                    let want_create = prev.as_ref().map_or(revision, |p| p.create_revision);
                    let want_version = prev.as_ref().map_or(1, |p| p.version + 1);
                    if kv.mod_revision != revision
                        || kv.create_revision != want_create
                        || kv.version != want_version
                    {
                        return Err(EsiError::InvalidData(format!(
                            "key {}: put at revision {revision} has create_revision {}, \
                             mod_revision {}, version {}; its history implies {want_create}, \
                             {revision}, {want_version}",
                            kv.key, kv.create_revision, kv.mod_revision, kv.version
                        )));
                    }
                    g.keys.entry(kv.key.clone()).or_default().push(Rec {
                        rev: revision,
                        kv: Some(kv.clone()),
                    });
                    events.push(WatchEvent { kind, kv, prev });
                }
                EventKind::Delete => {
                    if prev.is_none() {
                        return Err(EsiError::InvalidData(format!(
                            "key {}: deleted at revision {revision} but it does not exist then",
                            kv.key
                        )));
                    }
                    events.push(g.delete_kv(revision, &kv.key));
                }
            }
        }
        g.rev = revision;
        if !events.is_empty() {
            g.commit(revision, events);
        }
        Ok(())
    }

    /// Move the revision forward without changes (writes outside a snapshot's prefix).
    pub fn advance_to(&self, revision: i64) -> Result<()> {
        let mut g = lock(&self.inner);
        if revision < g.rev {
            return Err(EsiError::InvalidData(format!(
                "revision {revision} is before revision {}",
                g.rev
            )));
        }
        g.rev = revision;
        Ok(())
    }

    /// The state at the oldest readable revision plus every later change.
    pub fn export(&self) -> Export {
        let g = lock(&self.inner);
        let base_revision = g.compact.max(1);
        let base = g
            .keys
            .keys()
            .filter_map(|k| g.get_at(k, base_revision).cloned())
            .collect();
        let events = g
            .log
            .iter()
            .filter(|(r, _)| *r > base_revision)
            .cloned()
            .collect();
        Export {
            revision: g.rev,
            compact_revision: g.compact,
            base_revision,
            base,
            events,
        }
    }
}

impl Inner {
    fn latest(&self, key: &str) -> Option<&Kv> {
        self.keys.get(key)?.last()?.kv.as_ref()
    }

    fn get_at(&self, key: &str, rev: i64) -> Option<&Kv> {
        let recs = self.keys.get(key)?;
        let i = recs.partition_point(|r| r.rev <= rev);
        if i == 0 {
            None
        } else {
            recs[i - 1].kv.as_ref()
        }
    }

    /// etcd's rule: a revision <= 0 means latest; below the compact revision is gone.
    fn read_rev(&self, rev: Option<i64>) -> Result<i64> {
        match rev {
            None => Ok(self.rev),
            Some(r) if r <= 0 => Ok(self.rev),
            Some(r) if r > self.rev => Err(future_rev(r, self.rev)),
            Some(r) if r < self.compact => Err(EsiError::Compacted {
                requested: r,
                compact_revision: self.compact,
            }),
            Some(r) => Ok(r),
        }
    }

    /// Keys (with any history) a range may cover, in bytewise order.
    fn candidate_keys<'a>(&'a self, range: &'a Range) -> Box<dyn Iterator<Item = &'a String> + 'a> {
        if range.prefix {
            let start = match &range.after {
                Some(a) if a.as_str() >= range.key.as_str() => Bound::Excluded(a.as_str()),
                _ => Bound::Included(range.key.as_str()),
            };
            Box::new(
                self.keys
                    .range::<str, _>((start, Bound::Unbounded))
                    .map(|(k, _)| k)
                    .take_while(move |k| k.starts_with(range.key.as_str()))
                    .take_while(move |k| {
                        range
                            .before
                            .as_ref()
                            .is_none_or(|b| k.as_str() < b.as_str())
                    }),
            )
        } else {
            let skip = range.after.as_ref().is_some_and(|a| range.key <= *a);
            Box::new(
                self.keys
                    .get_key_value(range.key.as_str())
                    .map(|(k, _)| k)
                    .filter(move |_| !skip)
                    .into_iter(),
            )
        }
    }

    fn range_at(&self, range: &Range, rev: i64) -> RangeResult {
        let mut res = RangeResult::default();
        for key in self.candidate_keys(range) {
            let Some(kv) = self.get_at(key, rev) else {
                continue;
            };
            res.count += 1;
            if range.count_only || (range.limit > 0 && res.kvs.len() as i64 >= range.limit) {
                continue;
            }
            let mut kv = kv.clone();
            if range.keys_only {
                kv.value.clear();
            }
            res.kvs.push(kv);
        }
        res.more = !range.count_only && range.limit > 0 && res.count > range.limit;
        res
    }

    fn lease_alive(&self, id: i64) -> bool {
        self.leases
            .get(&id)
            .is_some_and(|l| l.deadline > Instant::now())
    }

    fn compare_ok(&self, c: &Compare) -> bool {
        // etcd compares a missing key as a zero kv, except for values, which always fail.
        let num = |k: &str, f: fn(&Kv) -> i64| self.latest(k).map_or(0, f);
        match c {
            Compare::Absent(k) => self.latest(k).is_none(),
            Compare::AbsentRange(k, end) => !self
                .keys
                .range::<str, _>((Bound::Included(k.as_str()), Bound::Unbounded))
                .take_while(|(key, _)| key.as_bytes() < end.as_slice())
                .any(|(key, _)| self.latest(key).is_some()),
            Compare::CreateRevision(k, v) => num(k, |kv| kv.create_revision) == *v,
            Compare::ModRevision(k, v) => num(k, |kv| kv.mod_revision) == *v,
            Compare::Version(k, v) => num(k, |kv| kv.version) == *v,
            Compare::Value(k, v) => self.latest(k).is_some_and(|kv| kv.value == *v),
        }
    }

    /// Reject what etcd rejects before anything is applied, so a txn is all or nothing.
    fn validate_ops(&self, ops: &[Op]) -> Result<()> {
        let mut puts = BTreeSet::new();
        for op in ops {
            if let Op::Put { key, lease, .. } = op {
                if !puts.insert(key.as_str()) {
                    return Err(EsiError::Store(format!(
                        "duplicate key given in txn request: {key}"
                    )));
                }
                if *lease != 0 && !self.lease_alive(*lease) {
                    return Err(EsiError::Store(format!(
                        "requested lease {lease:x} not found"
                    )));
                }
            }
        }
        for op in ops {
            if let Op::Delete { key, prefix } = op {
                if let Some(p) = puts.iter().find(|p| key_matches(key, *prefix, p)) {
                    return Err(EsiError::Store(format!(
                        "duplicate key given in txn request: {p}"
                    )));
                }
            }
        }
        Ok(())
    }

    fn apply_ops(&mut self, ops: &[Op]) -> Vec<RangeResult> {
        // Writes of this txn are recorded at rev+1 as they go, so a Get after a Put in the
        // same txn sees it (as on etcd).
        let rev = self.rev + 1;
        let mut events = Vec::new();
        let mut ranges = Vec::new();
        for op in ops {
            match op {
                Op::Put { key, value, lease } => {
                    events.push(self.put_kv(rev, key, value.clone(), *lease))
                }
                Op::Delete { key, prefix } => {
                    let live: Vec<String> = self
                        .candidate_keys(&Range {
                            key: key.clone(),
                            prefix: *prefix,
                            ..Default::default()
                        })
                        .filter(|k| self.latest(k).is_some())
                        .cloned()
                        .collect();
                    for k in live {
                        events.push(self.delete_kv(rev, &k));
                    }
                }
                Op::Get(spec) => {
                    let r = Range {
                        key: spec.key.clone(),
                        prefix: spec.prefix,
                        keys_only: spec.keys_only,
                        ..Default::default()
                    };
                    ranges.push(self.range_at(&r, rev));
                }
            }
        }
        if !events.is_empty() {
            self.rev = rev;
            self.commit(rev, events);
        }
        ranges
    }

    fn detach(&mut self, key: &str, lease: i64) {
        if let Some(l) = self.leases.get_mut(&lease) {
            l.keys.remove(key);
        }
    }

    fn put_kv(&mut self, rev: i64, key: &str, value: Vec<u8>, lease: i64) -> WatchEvent {
        let prev = self.latest(key).cloned();
        let kv = Kv {
            key: key.to_string(),
            value,
            create_revision: prev.as_ref().map_or(rev, |p| p.create_revision),
            mod_revision: rev,
            version: prev.as_ref().map_or(1, |p| p.version + 1),
            lease,
        };
        if let Some(p) = &prev {
            self.detach(key, p.lease);
        }
        if let Some(l) = self.leases.get_mut(&lease) {
            l.keys.insert(key.to_string());
        }
        self.keys.entry(key.to_string()).or_default().push(Rec {
            rev,
            kv: Some(kv.clone()),
        });
        WatchEvent {
            kind: EventKind::Put,
            kv,
            prev,
        }
    }

    fn delete_kv(&mut self, rev: i64, key: &str) -> WatchEvent {
        let prev = self.latest(key).cloned();
        if let Some(p) = &prev {
            self.detach(key, p.lease);
        }
        self.keys
            .entry(key.to_string())
            .or_default()
            .push(Rec { rev, kv: None });
        let kv = Kv {
            key: key.to_string(),
            value: Vec::new(),
            create_revision: 0,
            mod_revision: rev,
            version: 0,
            lease: 0,
        };
        WatchEvent {
            kind: EventKind::Delete,
            kv,
            prev,
        }
    }

    /// Record one revision's events and hand them to the watchers (under the lock, so
    /// every watcher sees revisions in order and never misses one).
    fn commit(&mut self, rev: i64, events: Vec<WatchEvent>) {
        self.watchers.retain(|w| {
            if rev < w.start {
                return !w.tx.is_closed();
            }
            let mine: Vec<WatchEvent> = events
                .iter()
                .filter(|e| w.wants(&e.kv.key))
                .cloned()
                .collect();
            if mine.is_empty() {
                return !w.tx.is_closed();
            }
            w.tx.send(WatchMessage::Events {
                revision: rev,
                events: mine,
            })
            .is_ok()
        });
        self.log.push_back((rev, events));
    }

    /// Delete every key attached to the lease in one revision (etcd's revoke/expiry).
    fn revoke(&mut self, id: i64) -> bool {
        let Some(lease) = self.leases.remove(&id) else {
            return false;
        };
        let rev = self.rev + 1;
        let events: Vec<WatchEvent> = lease
            .keys
            .iter()
            .filter(|k| self.latest(k).is_some_and(|kv| kv.lease == id))
            .cloned()
            .collect::<Vec<_>>()
            .into_iter()
            .map(|k| self.delete_kv(rev, &k))
            .collect();
        if !events.is_empty() {
            self.rev = rev;
            self.commit(rev, events);
        }
        true
    }

    fn compact(&mut self, rev: i64) -> Result<()> {
        if rev > self.rev {
            return Err(future_rev(rev, self.rev));
        }
        if rev <= self.compact {
            return Err(EsiError::Compacted {
                requested: rev,
                compact_revision: self.compact,
            });
        }
        // Keep, per key, the newest entry at or below `rev` (unless it is a tombstone)
        // and everything after it.
        self.keys.retain(|_, recs| {
            let i = recs.partition_point(|r| r.rev <= rev);
            if i > 0 {
                recs.drain(..i - 1);
                if recs[0].kv.is_none() {
                    recs.remove(0);
                }
            }
            !recs.is_empty()
        });
        while self.log.front().is_some_and(|(r, _)| *r <= rev) {
            self.log.pop_front();
        }
        self.compact = rev;
        Ok(())
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
        // Like etcd, the header carries the current revision even for historical reads.
        Ok((g.rev, g.range_at(range, at)))
    }

    async fn ranges(&self, ranges: &[Range], rev: Option<i64>) -> Result<(i64, Vec<RangeResult>)> {
        let g = lock(&self.inner);
        let at = g.read_rev(rev)?;
        Ok((g.rev, ranges.iter().map(|r| g.range_at(r, at)).collect()))
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
#[path = "embedded_tests.rs"]
mod tests;
