//! The keyspace itself: reads at a revision, txn compares, validation then application
//! of ops (one revision per writing txn), lease detachment, watch delivery, compaction.

use std::collections::BTreeSet;
use std::ops::Bound;

use tokio::time::Instant;

use super::{future_rev, key_matches, Inner, Rec};
use crate::error::{EsiError, Result};
use crate::store::{Compare, EventKind, Kv, Op, Range, RangeResult, WatchEvent, WatchMessage};

impl Inner {
    pub(super) fn latest(&self, key: &str) -> Option<&Kv> {
        self.keys.get(key)?.last()?.kv.as_ref()
    }

    pub(super) fn get_at(&self, key: &str, rev: i64) -> Option<&Kv> {
        let recs = self.keys.get(key)?;
        let i = recs.partition_point(|r| r.rev <= rev);
        if i == 0 {
            None
        } else {
            recs[i - 1].kv.as_ref()
        }
    }

    /// etcd's rule: a revision <= 0 means latest; below the compact revision is gone.
    pub(super) fn read_rev(&self, rev: Option<i64>) -> Result<i64> {
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
    pub(super) fn candidate_keys<'a>(
        &'a self,
        range: &'a Range,
    ) -> Box<dyn Iterator<Item = &'a String> + 'a> {
        if range.prefix {
            let from = range
                .from
                .as_deref()
                .filter(|f| *f > range.key.as_str())
                .unwrap_or(range.key.as_str());
            let start = match &range.after {
                Some(a) if a.as_str() >= from => Bound::Excluded(a.as_str()),
                _ => Bound::Included(from),
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

    pub(super) fn range_at(&self, range: &Range, rev: i64) -> RangeResult {
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

    pub(super) fn lease_alive(&self, id: i64) -> bool {
        self.leases
            .get(&id)
            .is_some_and(|l| l.deadline > Instant::now())
    }

    pub(super) fn compare_ok(&self, c: &Compare) -> bool {
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
    pub(super) fn validate_ops(&self, ops: &[Op]) -> Result<()> {
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

    pub(super) fn apply_ops(&mut self, ops: &[Op]) -> Vec<RangeResult> {
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

    pub(super) fn detach(&mut self, key: &str, lease: i64) {
        if let Some(l) = self.leases.get_mut(&lease) {
            l.keys.remove(key);
        }
    }

    pub(super) fn put_kv(&mut self, rev: i64, key: &str, value: Vec<u8>, lease: i64) -> WatchEvent {
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

    pub(super) fn delete_kv(&mut self, rev: i64, key: &str) -> WatchEvent {
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
    pub(super) fn commit(&mut self, rev: i64, events: Vec<WatchEvent>) {
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
    pub(super) fn revoke(&mut self, id: i64) -> bool {
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

    pub(super) fn compact(&mut self, rev: i64) -> Result<()> {
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
