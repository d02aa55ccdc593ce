//! The history of one key or prefix up to a revision, from a watch: the last put of each
//! key and the deletes after it. Used to find jobs that have left the queue.

use std::collections::BTreeMap;
use std::time::Duration;

use crate::error::{EsiError, Result};
use crate::store::{EventKind, Kv, Replayed, Store, WatchEvent, WatchMessage};

/// How long a history search may take before it is reported as a timeout.
const HISTORY_TIMEOUT: Duration = Duration::from_secs(120);
/// After the barrier watch has delivered: how long the history watch may still trail.
const HISTORY_GRACE: Duration = Duration::from_millis(200);

/// What a key's (or prefix's) history holds up to a revision.
#[derive(Debug, Default)]
pub struct History {
    /// The last put of each key (with its revision as `mod_revision`).
    pub puts: BTreeMap<String, Kv>,
    /// Keys deleted after their last put → the delete revision.
    pub deleted: BTreeMap<String, i64>,
    /// Set when history before this revision was compacted away.
    pub compacted_before: Option<i64>,
}

/// Replay the history of a key or prefix from `from` up to `upto` with a watch; keep the
/// last put of every key. A compacted start is retried from compact_revision + 1 (and
/// reported).
///
/// etcd replays exactly (`store::etcd::replay`). For other stores: when has the watch
/// delivered everything up to `upto`? etcd 3.4 answers a progress
/// request at once, before a catching-up watcher has sent its history, and sends
/// nothing at all for a key without events. So a second watch serves as a barrier: it
/// watches every key from `upto`, where an event is known to exist (the revision was
/// read from a header). etcd catches both watchers up in the same pass (or the history
/// one first), so once the barrier has delivered, so has the history watch; a short
/// grace period covers the two streams arriving out of order.
pub async fn history(
    store: &dyn Store,
    key: &str,
    prefix: bool,
    from: i64,
    upto: i64,
) -> Result<History> {
    history_where(store, key, prefix, from, upto, &|_| true).await
}

/// [`history`], keeping only the keys `keep` accepts (a prefix's history can be the
/// whole queue's: memory stays bounded by what the caller wants).
pub async fn history_where(
    store: &dyn Store,
    key: &str,
    prefix: bool,
    from: i64,
    upto: i64,
    keep: &(dyn Fn(&str) -> bool + Sync),
) -> Result<History> {
    let mut h = History::default();
    // etcd writes nothing at revision 1: an empty store has no history (and no event
    // at `upto` for the barrier below to wait for).
    if upto <= 1 {
        return Ok(h);
    }
    if let Some(h) = replayed(store, key, prefix, from, upto, keep).await? {
        return Ok(h);
    }
    let mut start = from.max(1);
    let deadline = tokio::time::Instant::now() + HISTORY_TIMEOUT;
    'watch: loop {
        let mut w = store.watch(key, prefix, start).await?;
        let mut barrier = Some(store.watch("", true, upto).await?);
        // Until the barrier fires: the deadline; after: the grace period.
        let mut until = deadline;
        let mut barrier_fired = false;
        loop {
            let barrier_msg = async {
                match barrier.as_mut() {
                    Some(b) => b.rx.recv().await,
                    None => std::future::pending().await,
                }
            };
            tokio::select! {
                m = w.rx.recv() => match m {
                    None => return Err(EsiError::Store(format!("watch of {key} ended before revision {upto}"))),
                    Some(Err(e)) => return Err(e),
                    Some(Ok(WatchMessage::Compacted { compact_revision })) if h.puts.is_empty() && h.deleted.is_empty() => {
                        h.compacted_before = Some(compact_revision);
                        start = compact_revision + 1;
                        continue 'watch;
                    }
                    Some(Ok(WatchMessage::Compacted { compact_revision })) => {
                        return Err(EsiError::Compacted { requested: start, compact_revision });
                    }
                    Some(Ok(WatchMessage::Events { revision, events })) => {
                        if revision > upto {
                            break 'watch;
                        }
                        for ev in events {
                            apply(&mut h, revision, ev, keep);
                        }
                        if revision == upto {
                            break 'watch;
                        }
                    }
                    Some(Ok(WatchMessage::Progress { .. })) => {}
                },
                b = barrier_msg => {
                    // Any answer of the barrier (events at `upto`, or an error such as a
                    // compacted `upto`) ends the wait for it; then only the grace period.
                    if !matches!(b, Some(Ok(WatchMessage::Progress { .. }))) {
                        barrier = None;
                        if !barrier_fired {
                            barrier_fired = true;
                            until = tokio::time::Instant::now() + HISTORY_GRACE;
                        }
                    }
                }
                _ = tokio::time::sleep_until(until) => {
                    if barrier_fired {
                        break 'watch;
                    }
                    return Err(EsiError::Timeout(format!("reading the history of {key} up to revision {upto}")));
                }
            }
        }
    }
    Ok(h)
}

/// [`history_where`] from a store that replays history exactly (etcd: one stream ended
/// by sentinels); `None` for a store that does not.
async fn replayed(
    store: &dyn Store,
    key: &str,
    prefix: bool,
    from: i64,
    upto: i64,
    keep: &(dyn Fn(&str) -> bool + Sync),
) -> Result<Option<History>> {
    let mut h = History::default();
    let mut sink = |r: Replayed| {
        match r {
            Replayed::Event {
                revision, event, ..
            } => apply(&mut h, revision, event, keep),
            Replayed::Compacted(c) => {
                h = History {
                    compacted_before: Some(c),
                    ..Default::default()
                }
            }
            Replayed::Restart => {
                h = History {
                    compacted_before: h.compacted_before,
                    ..Default::default()
                }
            }
        }
        Ok(())
    };
    let replays = store
        .replay(&[(key.to_string(), prefix)], from, upto, &mut sink)
        .await?;
    Ok(replays.then_some(h))
}

/// One event (of `revision`) into the history, if `keep` wants its key.
fn apply(h: &mut History, revision: i64, ev: WatchEvent, keep: &(dyn Fn(&str) -> bool + Sync)) {
    if !keep(&ev.kv.key) {
        return;
    }
    match ev.kind {
        EventKind::Put => {
            h.deleted.remove(&ev.kv.key);
            h.puts.insert(ev.kv.key.clone(), ev.kv);
        }
        EventKind::Delete => {
            h.deleted.insert(ev.kv.key.clone(), revision);
        }
    }
}
