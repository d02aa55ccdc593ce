//! A key set's history rebuilt from point reads at past revisions, instead of a watch
//! from an old revision (which makes etcd 3.4 read every revision of the whole store
//! since then). etcd keeps its key index in memory, so a read at a past revision is
//! cheap, and reads at many revisions travel in one txn.
//!
//! What is read, in rounds of one batched call each:
//! * every spec at `to` and at `from`: the generations (key, create revision) alive there;
//! * each generation back through its versions: the key at `mod_revision - 1` is the
//!   previous put, down to version 1 (exact: a version counts the puts of a generation);
//! * each generation's delete, by bisection between the last revision it was seen alive
//!   and the first it was seen gone (exact: a generation never comes back);
//! * every spec again at each revision where an event was found (and just before each
//!   delete), until no new generation appears: a key created or deleted with, or alive
//!   across, another event of the set is found this way.
//!
//! What it cannot see: a generation that lives entirely between two events of the set
//! and touches none (e.g. a job enqueued and removed by hand while nothing else of its
//! resource changed). Callers that must have everything use the watch walk
//! (`follow::collect`). A compacted revision ends the point walk (`None`): the watch walk
//! reports compaction exactly.

use std::collections::{BTreeMap, BTreeSet};

use crate::error::{EsiError, Result};
use crate::store::follow::{History, Spec};
use crate::store::{EventKind, Kv, Range, Store, WatchEvent};

/// Rounds before giving up (each is one batched read; a 20-version history needs ~40).
const MAX_ROUNDS: usize = 400;
/// Revisions probed with every spec, at most (beyond it the watch is the cheaper walk).
const MAX_PROBES: usize = 4000;

#[derive(Debug, Default)]
struct Gen {
    /// version → the put.
    puts: BTreeMap<i64, Kv>,
    /// Highest revision it was seen alive at.
    seen: i64,
}

/// Everything read so far: the generations, and which were alive at each read.
#[derive(Debug, Default)]
struct Seen {
    gens: BTreeMap<(String, i64), Gen>,
    /// Probe revision → key → the generations (create revisions) of every spec alive there.
    probes: BTreeMap<i64, BTreeMap<String, Vec<i64>>>,
    /// Key → revision → the generation (create revision) alive there, if any.
    points: BTreeMap<String, BTreeMap<i64, Option<i64>>>,
}

impl Seen {
    fn record(&mut self, kv: Kv, at: i64) {
        let g = self
            .gens
            .entry((kv.key.clone(), kv.create_revision))
            .or_default();
        g.seen = g.seen.max(at);
        g.puts.entry(kv.version).or_insert(kv);
    }

    /// The lowest revision above `seen` at which a read found the generation gone (a
    /// generation never comes back, so its delete lies in `(seen, gone]`). `None`: no
    /// read found it gone (alive at `to`).
    fn gone(&self, key: &str, create: i64, seen: i64) -> Option<i64> {
        // The first read after `seen` is nearly always the one: this is a short scan.
        let probe = self
            .probes
            .range(seen + 1..)
            .find(|(_, alive)| !alive.get(key).is_some_and(|c| c.contains(&create)))
            .map(|(r, _)| *r);
        let point = self.points.get(key).and_then(|m| {
            m.range(seen + 1..)
                .find(|(_, c)| **c != Some(create))
                .map(|(r, _)| *r)
        });
        match (probe, point) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}

enum Read {
    /// Every spec at a revision.
    Probe(i64),
    /// One key at a revision, on behalf of a generation.
    Point(String, i64),
}

/// Every change of `specs` with revision in `[from, to]`, or `None` when the point walk
/// cannot answer (a compacted revision, or more reads than a watch would cost).
pub async fn collect(
    store: &dyn Store,
    specs: &[Spec],
    from: i64,
    to: i64,
) -> Result<Option<History>> {
    let from = from.max(1);
    let mut seen = Seen::default();
    // Just before `from` too: a key deleted at `from` is alive only there.
    let mut todo: Vec<Read> = vec![Read::Probe(to), Read::Probe(from), Read::Probe(from - 1)];
    todo.retain(|r| !matches!(r, Read::Probe(0)));
    let mut ranges = 0;
    for round in 0..MAX_ROUNDS {
        if todo.is_empty() {
            let points: usize = seen.points.values().map(BTreeMap::len).sum();
            tracing::debug!(
                round,
                probes = seen.probes.len(),
                points,
                ranges,
                "point walk done"
            );
            return Ok(Some(history(specs, &seen, from, to)));
        }
        if seen.probes.len() > MAX_PROBES {
            return Ok(None);
        }
        let mut reads: Vec<(Range, i64)> = Vec::new();
        for r in &todo {
            match r {
                Read::Probe(at) => reads.extend(specs.iter().map(|s| (spec_range(s), *at))),
                Read::Point(k, at) => reads.push((Range::key(k), *at)),
            }
        }
        ranges += reads.len();
        tracing::trace!(round, reads = reads.len(), "point walk round");
        let res = match store.ranges_at(&reads).await {
            Ok(r) => r,
            Err(EsiError::Compacted { .. }) => return Ok(None),
            Err(e) => return Err(e),
        };
        let mut res = res.into_iter();
        for r in std::mem::take(&mut todo) {
            match r {
                Read::Probe(at) => {
                    let mut alive: BTreeMap<String, Vec<i64>> = BTreeMap::new();
                    for _ in specs {
                        for kv in res.next().map(|x| x.kvs).unwrap_or_default() {
                            alive
                                .entry(kv.key.clone())
                                .or_default()
                                .push(kv.create_revision);
                            seen.record(kv, at);
                        }
                    }
                    seen.probes.insert(at, alive);
                }
                Read::Point(k, at) => {
                    let kv = res.next().and_then(|x| x.kvs.into_iter().next());
                    let create = kv.as_ref().map(|kv| kv.create_revision);
                    seen.points.entry(k).or_default().insert(at, create);
                    if let Some(kv) = kv {
                        seen.record(kv, at);
                    }
                }
            }
        }
        todo = next_reads(&seen, from);
    }
    Ok(None)
}

/// A probe reads values too: each kv seen is a put of its generation.
fn spec_range(s: &Spec) -> Range {
    match s.prefix {
        true => Range::prefix(&s.key),
        false => Range::key(&s.key),
    }
}

/// What to read next: missing versions, unfinished delete searches, and probes at every
/// event revision (and just before each create and delete) not probed yet.
fn next_reads(seen: &Seen, from: i64) -> Vec<Read> {
    let mut out = Vec::new();
    let mut probes: BTreeSet<i64> = BTreeSet::new();
    for ((key, create), g) in &seen.gens {
        // A version whose predecessor is unknown: the key just before it.
        for (v, kv) in &g.puts {
            if *v > 1 && !g.puts.contains_key(&(v - 1)) && kv.mod_revision >= from {
                out.push(Read::Point(key.clone(), kv.mod_revision - 1));
            }
            probes.insert(kv.mod_revision);
        }
        probes.insert(*create);
        probes.insert(create - 1);
        if let Some(gone) = seen.gone(key, *create, g.seen) {
            if gone == g.seen + 1 {
                // The delete is `gone`; the last put is the one alive just before it.
                probes.insert(gone);
                probes.insert(g.seen);
            } else {
                out.push(Read::Point(key.clone(), g.seen + (gone - g.seen) / 2));
            }
        }
    }
    out.extend(
        probes
            .into_iter()
            .filter(|p| *p >= from - 1 && *p > 0 && !seen.probes.contains_key(p))
            .map(Read::Probe),
    );
    out
}

/// The events in `[from, to]`, ordered as the watch walk orders them: by revision, then
/// spec, then key.
fn history(specs: &[Spec], seen: &Seen, from: i64, to: i64) -> History {
    let mut all: Vec<(i64, usize, String, WatchEvent)> = Vec::new();
    let spec_of = |k: &str| specs.iter().position(|s| s.matches(k)).unwrap_or(0);
    for ((key, create), g) in &seen.gens {
        let i = spec_of(key);
        let mut prev: Option<&Kv> = None;
        for kv in g.puts.values() {
            if kv.mod_revision >= from && kv.mod_revision <= to {
                let ev = WatchEvent {
                    kind: EventKind::Put,
                    kv: kv.clone(),
                    prev: prev.cloned(),
                };
                all.push((kv.mod_revision, i, key.clone(), ev));
            }
            prev = Some(kv);
        }
        if let (Some(d), Some(last)) = (seen.gone(key, *create, g.seen), prev) {
            if d >= from && d <= to {
                let kv = Kv {
                    key: key.clone(),
                    mod_revision: d,
                    ..Default::default()
                };
                let ev = WatchEvent {
                    kind: EventKind::Delete,
                    kv,
                    prev: Some(last.clone()),
                };
                all.push((d, i, key.clone(), ev));
            }
        }
    }
    all.sort_by(|a, b| (a.0, a.1, &a.2).cmp(&(b.0, b.1, &b.2)));
    History {
        events: all.into_iter().map(|(r, _, _, e)| (r, e)).collect(),
        compact_revision: None,
        revision: to,
    }
}
