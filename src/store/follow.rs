//! Following keys through etcd history and live.
//!
//! History (`collect`): every key/prefix replayed from an old revision up to a target
//! revision (a watch replays every change, deletes included), merged and sorted by
//! revision afterwards: etcd's replay ends on sentinels (`store::etcd::replay`), other
//! stores' on progress. A compacted start is retried from the compaction horizon, which
//! is reported.
//!
//! Live (`Follower`): ONE watch over a range that covers every key of interest, filtered
//! client side, so events arrive in revision order without merging. It resumes from the
//! last delivered revision after a dropped connection or an etcd restart, detects a dead
//! connection with progress requests and a deadline, and turns a compaction into an
//! explicit gap.

use std::sync::Arc;
use std::time::Duration;

use tokio::time::{timeout, Instant};

use crate::error::{EsiError, Result};
use crate::store::{Range, Replayed, Sink, Store, WatchEvent, WatchHandle, WatchMessage};

/// One watched key or prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    pub key: String,
    pub prefix: bool,
}

impl Spec {
    pub fn key(k: impl Into<String>) -> Spec {
        Spec {
            key: k.into(),
            prefix: false,
        }
    }
    pub fn prefix(k: impl Into<String>) -> Spec {
        Spec {
            key: k.into(),
            prefix: true,
        }
    }
    /// The keys-only range covering this spec.
    pub fn range(&self) -> Range {
        match self.prefix {
            true => Range::prefix(&self.key).keys_only(),
            false => Range::key(&self.key).keys_only(),
        }
    }
    pub fn matches(&self, key: &str) -> bool {
        if self.prefix {
            key.starts_with(&self.key)
        } else {
            key == self.key
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct History {
    /// (revision, event), sorted by revision then by spec order.
    pub events: Vec<(i64, WatchEvent)>,
    /// Set when history before this revision was compacted away.
    pub compact_revision: Option<i64>,
    /// The revision the walk stopped at.
    pub revision: i64,
}

/// Every change of `specs` with revision in `[from, to]`.
pub async fn collect(
    store: Arc<dyn Store>,
    specs: Vec<Spec>,
    from: i64,
    to: i64,
) -> Result<History> {
    let mut out = History {
        revision: to,
        ..Default::default()
    };
    let mut all: Vec<(i64, usize, usize, WatchEvent)> = Vec::new();
    let pairs: Vec<(String, bool)> = specs.iter().map(|s| (s.key.clone(), s.prefix)).collect();
    let mut sink = |r: Replayed| {
        match r {
            Replayed::Event {
                spec,
                revision,
                event,
            } => all.push((revision, spec, all.len(), event)),
            Replayed::Compacted(c) => {
                all.clear();
                out.compact_revision = Some(c);
            }
            Replayed::Restart => all.clear(),
        }
        Ok(())
    };
    if !store.replay(&pairs, from, to, &mut sink).await? {
        // A store whose progress is ordered after replay: one watch per spec.
        let mut tasks = Vec::new();
        for (i, spec) in specs.into_iter().enumerate() {
            let store = store.clone();
            tasks.push(tokio::spawn(async move {
                (i, collect_one(store.as_ref(), &spec, from, to).await)
            }));
        }
        for t in tasks {
            let (i, r) = t.await.map_err(|e| EsiError::Other(e.into()))?;
            let (events, compact) = r?;
            if let Some(c) = compact {
                out.compact_revision = Some(out.compact_revision.map_or(c, |o: i64| o.max(c)));
            }
            for (rev, ev) in events {
                all.push((rev, i, all.len(), ev));
            }
        }
    }
    all.sort_by_key(|(rev, i, n, _)| (*rev, *i, *n));
    out.events = all.into_iter().map(|(rev, _, _, ev)| (rev, ev)).collect();
    Ok(out)
}

/// Events of one spec, and the compact revision if history was cut.
pub type OneResult = (Vec<(i64, WatchEvent)>, Option<i64>);

/// Every change of one key/prefix with revision in `[from, to]`.
pub async fn collect_one(store: &dyn Store, spec: &Spec, from: i64, to: i64) -> Result<OneResult> {
    let mut events = Vec::new();
    let mut compacted = None;
    let mut sink = |r: Replayed| {
        match r {
            Replayed::Event {
                revision, event, ..
            } => events.push((revision, event)),
            Replayed::Compacted(c) => {
                events.clear();
                compacted = Some(c);
            }
            Replayed::Restart => events.clear(),
        }
        Ok(())
    };
    replay_one(store, spec, from, to, &mut sink).await?;
    Ok((events, compacted))
}

/// Every change of one key/prefix with revision in `[from, to]`, to `sink`: the store's
/// replay where it has one (etcd: see `store::etcd::replay`), else a watch ended by
/// progress.
pub async fn replay_one(
    store: &dyn Store,
    spec: &Spec,
    from: i64,
    to: i64,
    sink: &mut Sink<'_>,
) -> Result<()> {
    let pair = [(spec.key.clone(), spec.prefix)];
    if store.replay(&pair, from, to, sink).await? {
        return Ok(());
    }
    walk(store, spec, from, to, sink).await
}

/// One spec's history from a watch on a store whose progress answer is ordered after
/// the watch's replay (the embedded store): a progress at or past `to` ends it.
async fn walk(
    store: &dyn Store,
    spec: &Spec,
    from: i64,
    to: i64,
    sink: &mut Sink<'_>,
) -> Result<()> {
    let mut start = from.max(1);
    if to < start {
        return Ok(());
    }
    if !store.progress_is_ordered() {
        return Err(EsiError::Store(format!(
            "{} can neither replay history nor order progress after it",
            store.describe()
        )));
    }
    'open: loop {
        let mut h = store.watch(&spec.key, spec.prefix, start).await?;
        request_progress(&h);
        loop {
            let msg = match timeout(Duration::from_secs(120), h.rx.recv()).await {
                Err(_) => {
                    return Err(EsiError::Timeout(format!(
                        "history of {} did not reach revision {to}",
                        spec.key
                    )))
                }
                Ok(None) => {
                    return Err(EsiError::Store(format!(
                        "watch on {} ended early",
                        spec.key
                    )))
                }
                Ok(Some(m)) => m?,
            };
            match msg {
                WatchMessage::Compacted { compact_revision } => {
                    sink(Replayed::Compacted(compact_revision))?;
                    // Never the same start twice: a store that refuses its compaction
                    // revision itself would loop here for ever.
                    start = compact_revision.max(start + 1);
                    continue 'open;
                }
                WatchMessage::Events { revision, events } => {
                    if revision > to {
                        return Ok(());
                    }
                    for event in events {
                        sink(Replayed::Event {
                            spec: 0,
                            revision,
                            event,
                        })?;
                    }
                    if revision == to {
                        return Ok(());
                    }
                }
                WatchMessage::Progress { revision } if revision >= to => return Ok(()),
                WatchMessage::Progress { .. } => {}
            }
        }
    }
}

fn request_progress(h: &WatchHandle) {
    if let Some(p) = &h.progress {
        let _ = p.try_send(());
    }
}

/// What a live follower delivers.
#[derive(Debug, Clone)]
pub enum Item {
    /// The matching events of one revision.
    Events {
        revision: i64,
        events: Vec<WatchEvent>,
    },
    /// History was compacted while we were away: events in `[from, compact_revision)`
    /// can no longer be read. The caller should re-read the current state.
    Gap { from: i64, compact_revision: i64 },
    /// The connection dropped or went silent; resuming from `from` (nothing is lost).
    Reconnecting { from: i64, error: String },
}

#[derive(Debug, Clone, Copy)]
pub struct Liveness {
    /// Ask for progress after this much silence.
    pub idle: Duration,
    /// Declare the connection dead if nothing arrives this long after asking.
    pub deadline: Duration,
}

impl Default for Liveness {
    fn default() -> Self {
        Liveness {
            idle: Duration::from_secs(10),
            deadline: Duration::from_secs(5),
        }
    }
}

/// One ordered live stream over a covering range, filtered to `specs`.
pub struct Follower {
    store: Arc<dyn Store>,
    cover: Spec,
    specs: Vec<Spec>,
    handle: Option<WatchHandle>,
    /// The next revision to deliver: resume point after a reconnect.
    pub next: i64,
    liveness: Liveness,
    last_heard: Instant,
    asked: bool,
    reconnect_reported: bool,
}

impl Follower {
    pub fn new(
        store: Arc<dyn Store>,
        specs: Vec<Spec>,
        start: i64,
        liveness: Liveness,
    ) -> Follower {
        let cover = covering(&specs);
        Follower {
            store,
            cover,
            specs,
            handle: None,
            next: start,
            liveness,
            last_heard: Instant::now(),
            asked: false,
            reconnect_reported: false,
        }
    }

    /// Resume from a new revision (after re-reading the state following a gap).
    pub fn reset(&mut self, next: i64) {
        self.handle = None;
        self.next = next;
    }

    pub async fn next(&mut self) -> Result<Item> {
        loop {
            if self.handle.is_none() {
                match self
                    .store
                    .watch(&self.cover.key, self.cover.prefix, self.next)
                    .await
                {
                    Ok(h) => {
                        self.handle = Some(h);
                        self.last_heard = Instant::now();
                        self.asked = false;
                    }
                    Err(e) => {
                        if let Some(item) = self.dropped(e).await? {
                            return Ok(item);
                        }
                        continue;
                    }
                }
            }
            let wait = if self.asked {
                self.liveness.deadline
            } else {
                self.liveness.idle
            };
            let left = wait.saturating_sub(self.last_heard.elapsed());
            let h = self.handle.as_mut().expect("open");
            match timeout(left, h.rx.recv()).await {
                Err(_) if !self.asked => {
                    request_progress(h);
                    self.asked = true;
                    self.last_heard = Instant::now();
                }
                Err(_) => {
                    let e = EsiError::Timeout("no answer to a watch progress request".into());
                    if let Some(item) = self.dropped(e).await? {
                        return Ok(item);
                    }
                }
                Ok(None) => {
                    let e = EsiError::Store("watch stream closed".into());
                    if let Some(item) = self.dropped(e).await? {
                        return Ok(item);
                    }
                }
                Ok(Some(Err(e))) => {
                    if let Some(item) = self.dropped(e).await? {
                        return Ok(item);
                    }
                }
                Ok(Some(Ok(m))) => {
                    self.last_heard = Instant::now();
                    self.asked = false;
                    self.reconnect_reported = false;
                    match m {
                        // Liveness only: an etcd 3.4 progress answer is not ordered after a
                        // catch-up, so it must not move the resume point.
                        WatchMessage::Progress { .. } => {}
                        WatchMessage::Compacted { compact_revision } => {
                            let from = self.next;
                            self.handle = None;
                            self.next = compact_revision;
                            return Ok(Item::Gap {
                                from,
                                compact_revision,
                            });
                        }
                        WatchMessage::Events { revision, events } => {
                            if revision < self.next {
                                continue; // delivered before a reconnect: never repeat
                            }
                            self.next = revision + 1;
                            let mine: Vec<WatchEvent> = events
                                .into_iter()
                                .filter(|e| self.specs.iter().any(|s| s.matches(&e.kv.key)))
                                .collect();
                            if !mine.is_empty() {
                                return Ok(Item::Events {
                                    revision,
                                    events: mine,
                                });
                            }
                        }
                    }
                }
            }
        }
    }

    /// A broken or silent connection: drop the watch and retry from `next`.
    async fn dropped(&mut self, e: EsiError) -> Result<Option<Item>> {
        match e {
            EsiError::Unreachable { .. } | EsiError::Timeout(_) | EsiError::Store(_) => {
                self.handle = None;
                self.asked = false;
                self.last_heard = Instant::now();
                if !self.reconnect_reported {
                    self.reconnect_reported = true;
                    return Ok(Some(Item::Reconnecting {
                        from: self.next,
                        error: e.to_string(),
                    }));
                }
                tokio::time::sleep(Duration::from_millis(250)).await;
                Ok(None)
            }
            other => Err(other),
        }
    }
}

/// The smallest single key/prefix covering every spec: their common prefix.
fn covering(specs: &[Spec]) -> Spec {
    if let [one] = specs {
        return one.clone();
    }
    let mut common: &str = specs.first().map(|s| s.key.as_str()).unwrap_or("/");
    for s in specs.iter().skip(1) {
        let n = common
            .bytes()
            .zip(s.key.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        common = &common[..n];
    }
    Spec::prefix(if common.is_empty() {
        "/".to_string()
    } else {
        common.to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covering_prefix() {
        let c = covering(&[
            Spec::key("/config/v2.0/ports/a"),
            Spec::key("/state/v2.0/ports/a"),
        ]);
        assert_eq!(c, Spec::prefix("/"));
        let c = covering(&[Spec::prefix("/jobs/all/"), Spec::prefix("/jobs/ready/")]);
        assert_eq!(c, Spec::prefix("/jobs/"));
        let c = covering(&[Spec::key("/x")]);
        assert_eq!(c, Spec::key("/x"));
    }
}
