//! The history of one key or prefix up to a revision, from a watch: the last put of each
//! key and the deletes after it. Used to find jobs that have left the queue.

use std::collections::BTreeMap;

use crate::error::Result;
use crate::store::follow::{replay_one, Spec};
use crate::store::{EventKind, Kv, Replayed, Store, WatchEvent};

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

/// Replay the history of a key or prefix from `from` up to `upto` and keep the last put
/// of every key (`follow::replay_one`: etcd's exact replay, or an ordered watch). A
/// compacted start is retried from the compaction revision (and reported).
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
    // etcd writes nothing at revision 1: an empty store has no history.
    if upto <= 1 {
        return Ok(h);
    }
    let spec = Spec {
        key: key.to_string(),
        prefix,
    };
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
    replay_one(store, &spec, from, upto, &mut sink).await?;
    Ok(h)
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
