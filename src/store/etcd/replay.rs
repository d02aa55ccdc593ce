//! History of several keys/prefixes read from etcd in one watch stream, with an end that
//! does not depend on timing.
//!
//! etcd 3.4 replays a watch started in the past in catch-up passes (every 100 ms): one
//! pass reads every revision since the oldest start and pushes, for each watcher that has
//! events, one response onto the channel its *stream* shares with its other watchers
//! (nothing at all for a watcher without events). The stream sends that channel in order.
//! So a watcher created on the same stream after a pass has happened is answered after
//! everything that pass pushed. Here: every spec is a watcher of one stream; a sentinel
//! watcher on all keys from `to` fires when its pass happens; each time a sentinel fires,
//! the next one is created. The second sentinel was created after the pass that answered
//! every spec, so once it fires, and no spec's last answer was cut at etcd's
//! 1,000-revision batch limit (the rest comes in later passes), every spec's events up
//! to `to` have arrived. (A progress request does not help: etcd
//! 3.4 answers it at once, ahead of the catch-up.)
//!
//! Assumes what etcd 3.4 does: at most 512 watchers catch up per pass
//! (`maxWatchersPerSync`); a member with more catching up at once could delay a spec past
//! a sentinel.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use etcd_client::{WatchOptions, WatchResponse, WatchStream, Watcher};

use super::convert::to_event;
use super::errors::{map_err, unreachable};
use crate::error::{EsiError, Result};
use crate::store::{Replayed, Sink, WatchEvent};

/// etcd's `watchBatchMaxRevs`: a catch-up answer holding this many revisions may continue.
const BATCH_MAX_REVS: usize = 1000;
/// The whole replay, at most.
const DEADLINE: Duration = Duration::from_secs(120);

/// A new watch stream being opened (with its first watch), through the store's failover.
pub type Opening<'a> = Pin<Box<dyn Future<Output = Result<(Watcher, WatchStream)>> + Send + 'a>>;
/// Opens a watch stream: the key and options of its first watch.
pub type Open<'a> = dyn Fn(Vec<u8>, WatchOptions) -> Opening<'a> + Sync + 'a;

/// Who a created watch id belongs to.
#[derive(Clone, Copy)]
enum Role {
    Spec(usize),
    Sentinel,
}

/// Every event of each `(key, prefix)` spec with revision in `[from, to]`, to `sink`.
pub async fn replay(
    open: &Open<'_>,
    endpoint: &str,
    specs: &[(String, bool)],
    from: i64,
    to: i64,
    sink: &mut Sink<'_>,
) -> Result<()> {
    let mut start = from.max(1);
    // etcd writes nothing at revision 1: no history, and no event for a sentinel there.
    if to <= 1 {
        return Ok(());
    }
    while !specs.is_empty() && to >= start {
        match tokio::time::timeout(DEADLINE, pass(open, endpoint, specs, start, to, sink)).await {
            Err(_) => {
                return Err(EsiError::Timeout(format!(
                    "history of {} did not reach revision {to}",
                    specs[0].0
                )))
            }
            Ok(Err(e)) => return Err(e),
            Ok(Ok(None)) => return Ok(()),
            // History before `c` is gone: start again there, and say so.
            Ok(Ok(Some(c))) => {
                sink(Replayed::Compacted(c))?;
                start = c.max(start + 1);
            }
        }
    }
    Ok(())
}

fn spec_options(prefix: bool, start: i64) -> WatchOptions {
    let opts = WatchOptions::new()
        .with_prev_key()
        .with_start_revision(start);
    match prefix {
        true => opts.with_prefix(),
        false => opts,
    }
}

fn key_bytes(k: &str) -> Vec<u8> {
    crate::model::keytext::to_bytes(k).into_owned()
}

/// One stream over all specs; `Some(compact revision)` when `start` was compacted.
async fn pass(
    open: &Open<'_>,
    endpoint: &str,
    specs: &[(String, bool)],
    start: i64,
    to: i64,
    sink: &mut Sink<'_>,
) -> Result<Option<i64>> {
    let (mut watcher, mut stream) =
        open(key_bytes(&specs[0].0), spec_options(specs[0].1, start)).await?;
    let broken = |e| map_err(endpoint, e);
    for (k, p) in &specs[1..] {
        watcher
            .watch(key_bytes(k), Some(spec_options(*p, start)))
            .await
            .map_err(broken)?;
    }
    // Created answers come back in the order of the requests (the first one was read
    // by `watch` itself).
    let mut pending: std::collections::VecDeque<Role> = (1..specs.len()).map(Role::Spec).collect();
    let sentinel = || WatchOptions::new().with_prefix().with_start_revision(to);
    watcher
        .watch(key_bytes(""), Some(sentinel()))
        .await
        .map_err(broken)?;
    pending.push_back(Role::Sentinel);
    let mut roles: std::collections::HashMap<i64, Role> =
        [(watcher.watch_id(), Role::Spec(0))].into();
    let mut fired = 0usize;
    let mut capped = vec![false; specs.len()];
    loop {
        let msg = match stream.message().await.map_err(broken)? {
            Some(m) => m,
            None => return Err(unreachable(endpoint, "watch stream closed by server")),
        };
        tracing::trace!(
            id = msg.watch_id(),
            created = msg.created(),
            canceled = msg.canceled(),
            events = msg.events().len(),
            "replay answer"
        );
        if msg.compact_revision() > 0 {
            return Ok(Some(msg.compact_revision()));
        }
        if msg.created() {
            let role = pending.pop_front().unwrap_or(Role::Sentinel);
            roles.insert(msg.watch_id(), role);
        }
        if msg.canceled() && msg.created() {
            return Err(EsiError::Store(format!(
                "watch canceled: {}",
                msg.cancel_reason()
            )));
        }
        if msg.events().is_empty() {
            continue;
        }
        match roles.get(&msg.watch_id()) {
            Some(Role::Spec(i)) => {
                capped[*i] = revisions(&msg) >= BATCH_MAX_REVS;
                for (revision, event) in events(&msg).filter(|(r, _)| *r <= to) {
                    sink(Replayed::Event {
                        spec: *i,
                        revision,
                        event,
                    })?;
                }
            }
            Some(Role::Sentinel) => {
                // Each sentinel answers once; later live writes are not wanted.
                let _ = watcher.cancel_by_id(msg.watch_id()).await;
                roles.remove(&msg.watch_id());
                fired += 1;
                if fired >= 2 && !capped.iter().any(|c| *c) {
                    return Ok(None);
                }
                watcher
                    .watch(key_bytes(""), Some(sentinel()))
                    .await
                    .map_err(broken)?;
                pending.push_back(Role::Sentinel);
            }
            // A canceled sentinel's last live answer.
            None => {}
        }
    }
}

/// Distinct revisions in one answer.
fn revisions(msg: &WatchResponse) -> usize {
    let mut n = 0;
    let mut last = None;
    for ev in msg.events() {
        let r = ev.kv().map(|kv| kv.mod_revision());
        if r != last {
            n += 1;
            last = r;
        }
    }
    n
}

fn events(msg: &WatchResponse) -> impl Iterator<Item = (i64, WatchEvent)> + '_ {
    msg.events()
        .iter()
        .filter_map(to_event)
        .map(|we| (we.kv.mod_revision, we))
}
