//! Snapshot support: a store built from recorded state and changes (each keeping its
//! original revisions), and the export of one.

use std::collections::BTreeMap;

use super::{lock, EmbeddedStore, Export, Rec};
use crate::error::{EsiError, Result};
use crate::store::{EventKind, Kv, WatchEvent};

impl EmbeddedStore {
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
