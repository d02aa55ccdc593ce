//! The I/O of the live view: the pinned first read, the one ordered watch that keeps it
//! current (resuming after a dropped connection, resyncing after a compaction gap), and
//! the lease TTLs of the working jobs' leases (a TTL is "now"; etcd has no watch on
//! leases, so the few distinct leases are asked again every few seconds).

use std::collections::HashSet;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use crate::error::Result;
use crate::model::keys::{Family, QueueDir, JOB_MANAGER_KEY};
use crate::model::registry::Registry;
use crate::query::check::read::nodes_of;
use crate::query::check::Ttls;
use tokio::sync::mpsc;

use crate::store::follow::{Follower, Item, Liveness, Spec};
use crate::store::{Range, Store};

use super::Live;

/// The families a live view keeps (as `ls` lists them: not `/esi-worker/config`).
const FAMILIES: [Family; 5] = [
    Family::Config,
    Family::HeatStack,
    Family::JobState,
    Family::State,
    Family::Monitoring,
];

/// How often the lease TTLs are asked again.
pub const TTL_EVERY: Duration = Duration::from_secs(3);

/// Every key the live view follows.
pub fn specs() -> Vec<Spec> {
    let mut v: Vec<Spec> = FAMILIES
        .iter()
        .map(|f| Spec::prefix(format!("{}/", f.root())))
        .collect();
    v.push(Spec::prefix("/jobs/"));
    v.push(Spec::key(JOB_MANAGER_KEY));
    v
}

/// Read everything the live view keeps at one revision (the latest).
pub async fn load(store: &dyn Store, reg: Arc<Registry>) -> Result<Live> {
    use futures_util::stream::{self, StreamExt};
    let (rev, _) = store.range(&Range::key("/").count_only(), None).await?;
    let mut live = Live::new(reg, rev);
    let now = Instant::now();
    // The queue keys-only (working with its small values), the families with values;
    // each response applied as it arrives so only one is held at a time.
    let mut ranges: Vec<Range> = QueueDir::ALL
        .iter()
        .map(|d| match d {
            QueueDir::Working => Range::prefix(d.prefix()),
            _ => Range::prefix(d.prefix()).keys_only(),
        })
        .collect();
    ranges.extend(
        FAMILIES
            .iter()
            .map(|f| Range::prefix(format!("{}/", f.root()))),
    );
    ranges.push(Range::key(JOB_MANAGER_KEY));
    let mut reads = stream::iter(ranges)
        .map(|r| async move { store.range(&r, Some(rev)).await.map(|(_, r)| r.kvs) })
        .buffer_unordered(4);
    while let Some(kvs) = reads.next().await {
        for kv in kvs? {
            live.apply_key(&kv.key, Some(&kv), now);
        }
    }
    // The waiting jobs' values, for their dependencies (as `esi check` reads them).
    let mut unreadable = Vec::new();
    let nodes = nodes_of(store, rev, &live.queue.dirs, &mut unreadable).await?;
    for (id, n) in &nodes {
        for d in &n.pending {
            live.dependents
                .entry(d.clone())
                .or_default()
                .push(id.clone());
        }
    }
    live.queue.nodes = nodes;
    live.queue.unreadable = unreadable;
    live.settle();
    // What was finished before the view started is not a recent finish.
    live.finishes.clear();
    live.finished_total.clear();
    Ok(live)
}

/// What happened to the live view in one step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Events of this revision applied.
    Applied(i64),
    /// The watch dropped; it resumes from this revision (nothing is lost).
    Reconnecting { from: i64, error: String },
    /// History was compacted past the resume point: the view was read again.
    Resynced { from: i64, compact_revision: i64 },
}

/// A line for an operator: when something happened to the watch.
#[derive(Debug, Clone)]
pub struct WatchNote {
    pub at: SystemTime,
    pub text: String,
}

/// The live view, kept current from the items of its watch (see [`Reflector::start`]).
pub struct Reflector {
    store: Arc<dyn Store>,
    pub live: Live,
    pub ttl: Ttls,
    ttl_at: Option<Instant>,
    pub reconnects: u64,
    pub gaps: u64,
    pub last_note: Option<WatchNote>,
}

/// The watch's items, from a follower in its own task (so a caller's loop can select
/// over it, its ticks and its input without borrowing the view).
pub type Items = mpsc::Receiver<Result<Item>>;

impl Reflector {
    /// The pinned read, then a watch from the revision after it.
    pub async fn start(
        store: Arc<dyn Store>,
        reg: Arc<Registry>,
        liveness: Liveness,
    ) -> Result<(Reflector, Items)> {
        let live = load(store.as_ref(), reg).await?;
        let mut follower = Follower::new(store.clone(), specs(), live.revision + 1, liveness);
        let (tx, rx) = mpsc::channel(1024);
        tokio::spawn(async move {
            loop {
                let item = follower.next().await;
                let stop = item.is_err();
                if tx.send(item).await.is_err() || stop {
                    return;
                }
            }
        });
        let mut r = Reflector {
            store,
            live,
            ttl: Ttls::new(),
            ttl_at: None,
            reconnects: 0,
            gaps: 0,
            last_note: None,
        };
        r.refresh_ttls().await?;
        Ok((r, rx))
    }

    /// Apply one item of the watch.
    pub async fn handle(&mut self, item: Item) -> Result<Step> {
        match item {
            // After a resync the watch replays from the compaction horizon: what the
            // new read already holds is skipped.
            Item::Events { revision, .. } if revision <= self.live.revision => {
                Ok(Step::Applied(self.live.revision))
            }
            Item::Events { revision, events } => {
                self.live.apply(revision, &events, Instant::now());
                Ok(Step::Applied(revision))
            }
            Item::Reconnecting { from, error } => {
                self.reconnects += 1;
                self.note(format!("watch reconnecting from revision {from}: {error}"));
                Ok(Step::Reconnecting { from, error })
            }
            Item::Gap {
                from,
                compact_revision,
            } => {
                self.gaps += 1;
                let reg = self.live.shared_registry();
                let mut fresh = load(self.store.as_ref(), reg).await?;
                // A counter goes on across a resync; the finishes in the gap are unseen.
                fresh.finished_total = std::mem::take(&mut self.live.finished_total);
                fresh.finishes = std::mem::take(&mut self.live.finishes);
                self.live = fresh;
                self.note(format!(
                    "history compacted at {compact_revision} while resuming from {from}: read again at revision {}",
                    self.live.revision
                ));
                Ok(Step::Resynced {
                    from,
                    compact_revision,
                })
            }
        }
    }

    fn note(&mut self, text: String) {
        self.last_note = Some(WatchNote {
            at: SystemTime::now(),
            text,
        });
    }

    /// Ask the TTL of every lease in use when the last answers are [`TTL_EVERY`] old;
    /// true when they were asked.
    pub async fn refresh_ttls_if_due(&mut self) -> Result<bool> {
        if self.ttl_at.is_some_and(|t| t.elapsed() < TTL_EVERY) {
            return Ok(false);
        }
        self.refresh_ttls().await.map(|_| true)
    }

    pub async fn refresh_ttls(&mut self) -> Result<()> {
        use futures_util::stream::{self, StreamExt, TryStreamExt};
        let mut leases: HashSet<i64> = self.live.queue.working.values().map(|(_, l)| *l).collect();
        if let Some(kv) = &self.live.manager {
            leases.insert(kv.lease);
        }
        leases.remove(&0);
        let store = self.store.as_ref();
        self.ttl = stream::iter(leases)
            .map(|lease| async move {
                Ok::<_, crate::error::EsiError>((lease, store.lease_ttl(lease).await?))
            })
            .buffer_unordered(16)
            .try_collect()
            .await?;
        self.ttl_at = Some(Instant::now());
        Ok(())
    }

    /// Seconds left on a lease, counted down since it was asked.
    pub fn ttl_left(&self, lease: i64) -> Option<i64> {
        let t = self.ttl.get(&lease).copied().flatten()?;
        let gone = self.ttl_at.map_or(0, |a| a.elapsed().as_secs() as i64);
        Some((t - gone).max(0))
    }
}
