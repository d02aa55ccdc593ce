//! The watch stream of one etcd watch, turned into ordered [`WatchMessage`]s by a task
//! of its own: events split by revision, progress answers, compaction, and the end of
//! the stream reported as an error for the follower to resume from.

use etcd_client::{WatchStream, Watcher};
use tokio::sync::mpsc;

use super::convert::{header_rev, to_event};
use super::errors::{map_err, unreachable};
use crate::error::EsiError;
use crate::store::{WatchEvent, WatchHandle, WatchMessage};

/// Forward `stream` (watching through `endpoint`) to a [`WatchHandle`].
pub fn forward(mut watcher: Watcher, mut stream: WatchStream, endpoint: String) -> WatchHandle {
    let (tx, rx) = mpsc::channel(1024);
    let (ptx, mut prx) = mpsc::channel::<()>(4);
    tokio::spawn(async move {
        // A dropped progress sender makes `recv` ready forever: stop polling it then,
        // or this loop spins.
        let mut progress_open = true;
        loop {
            tokio::select! {
                // The consumer is gone: cancel (dropping the stream ends the watch).
                _ = tx.closed() => return,
                req = prx.recv(), if progress_open => match req {
                    None => progress_open = false,
                    Some(()) => {
                        if watcher.request_progress().await.is_err() {
                            let _ = tx.send(Err(unreachable(&endpoint, "watch stream broken"))).await;
                            return;
                        }
                    }
                },
                msg = stream.message() => {
                    let msg = match msg {
                        Ok(Some(m)) => m,
                        Ok(None) => {
                            let _ = tx.send(Err(unreachable(&endpoint, "watch stream closed by server"))).await;
                            return;
                        }
                        Err(e) => {
                            let _ = tx.send(Err(map_err(&endpoint, e))).await;
                            return;
                        }
                    };
                    if msg.compact_revision() > 0 {
                        let _ = tx.send(Ok(WatchMessage::Compacted { compact_revision: msg.compact_revision() })).await;
                        return;
                    }
                    if msg.canceled() {
                        let _ = tx.send(Err(EsiError::Store(format!("watch canceled: {}", msg.cancel_reason())))).await;
                        return;
                    }
                    let revision = header_rev(msg.header());
                    let out = if msg.events().is_empty() {
                        if msg.created() { continue; }
                        WatchMessage::Progress { revision }
                    } else {
                        // Split by mod revision: one response may carry several revisions.
                        let mut batches: Vec<(i64, Vec<WatchEvent>)> = Vec::new();
                        for ev in msg.events() {
                            let Some(we) = to_event(ev) else { continue };
                            let r = we.kv.mod_revision;
                            match batches.last_mut() {
                                Some((br, evs)) if *br == r => evs.push(we),
                                _ => batches.push((r, vec![we])),
                            }
                        }
                        let last = batches.last().map(|(r, _)| *r).unwrap_or(0);
                        for (r, events) in batches {
                            if tx.send(Ok(WatchMessage::Events { revision: r, events })).await.is_err() {
                                return;
                            }
                        }
                        // A catch-up batch carries the store revision it synced to:
                        // nothing more at or below it will come for this watch.
                        if revision > last && tx.send(Ok(WatchMessage::Progress { revision })).await.is_err() {
                            return;
                        }
                        continue;
                    };
                    if tx.send(Ok(out)).await.is_err() {
                        return;
                    }
                }
            }
        }
    });
    WatchHandle {
        rx,
        progress: Some(ptx),
    }
}
