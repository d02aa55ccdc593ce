//! A backup served without loading its values: the embedded MVCC store holds every key
//! and revision (so reads, `--rev`, history, watches and compaction keep their exact
//! semantics) with empty values, and each value a read returns is read from its page in
//! the file. Opening a large backup then costs one pass over its pages and memory for
//! its keys, not for its values.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use tokio::sync::mpsc;

use super::bbolt::{Bolt, Place};
use crate::error::{EsiError, Result};
use crate::model::keytext;
use crate::store::embedded::EmbeddedStore;
use crate::store::{
    Kv, Range, RangeResult, Store, StoreStatus, Txn, TxnResult, WatchHandle, WatchMessage,
};

/// Where one value is: a byte range of a page, or the bytes (a bucket inline in its
/// parent, only in tiny files).
#[derive(Debug, Clone)]
pub enum Loc {
    Page { page: u64, at: usize, len: usize },
    Bytes(Vec<u8>),
}

impl Loc {
    /// The value at `value` (start, len) inside the KeyValue `kv`, which lies at `place`.
    pub fn of(place: Place, kv: &[u8], value: (usize, usize)) -> Loc {
        if place.page == 0 {
            return Loc::Bytes(kv[value.0..value.0 + value.1].to_vec());
        }
        Loc::Page {
            page: place.page,
            at: place.at + value.0,
            len: value.1,
        }
    }
}

/// Mod revision → (key, where its value is).
pub type Locs = HashMap<i64, Vec<(String, Loc)>>;

fn varint(b: &[u8], at: &mut usize) -> std::result::Result<u64, String> {
    let mut v: u64 = 0;
    for shift in (0..64).step_by(7) {
        let byte = *b.get(*at).ok_or("truncated varint")?;
        *at += 1;
        v |= ((byte & 0x7f) as u64) << shift;
        if byte & 0x80 == 0 {
            return Ok(v);
        }
    }
    Err("varint longer than 10 bytes".into())
}

/// An `mvccpb.KeyValue` without copying its value: the kv (empty value) and where the
/// value lies in `b` (start, len). Field numbers as in etcd's kv.proto.
pub fn skim(b: &[u8]) -> std::result::Result<(Kv, (usize, usize)), String> {
    let mut kv = Kv::default();
    let mut value = (0, 0);
    let mut at = 0;
    while at < b.len() {
        let tag = varint(b, &mut at)?;
        let (field, wire) = (tag >> 3, tag & 7);
        match wire {
            0 => {
                let v = varint(b, &mut at)? as i64;
                match field {
                    2 => kv.create_revision = v,
                    3 => kv.mod_revision = v,
                    4 => kv.version = v,
                    6 => kv.lease = v,
                    _ => {}
                }
            }
            2 => {
                let len = varint(b, &mut at)? as usize;
                let end = at
                    .checked_add(len)
                    .filter(|e| *e <= b.len())
                    .ok_or("field runs past the end")?;
                match field {
                    1 => kv.key = keytext::from_bytes(&b[at..end]).into_owned(),
                    5 => value = (at, len),
                    _ => {}
                }
                at = end;
            }
            1 => at += 8,
            5 => at += 4,
            w => return Err(format!("wire type {w}")),
        }
    }
    if at > b.len() {
        return Err("field runs past the end".into());
    }
    Ok((kv, value))
}

struct Inner {
    index: EmbeddedStore,
    db: Bolt,
    locs: Locs,
}

impl Inner {
    fn value(&self, kv: &Kv) -> Result<Vec<u8>> {
        let loc = self
            .locs
            .get(&kv.mod_revision)
            .and_then(|v| v.iter().find(|(k, _)| *k == kv.key))
            .map(|(_, l)| l);
        match loc {
            None => Ok(Vec::new()),
            Some(Loc::Bytes(b)) => Ok(b.clone()),
            Some(Loc::Page { page, at, len }) => {
                let buf = self.db.page(*page).map_err(EsiError::InvalidData)?;
                buf.get(*at..*at + *len).map(<[u8]>::to_vec).ok_or_else(|| {
                    EsiError::InvalidData(format!(
                        "page {page}: the value of {} lies outside it",
                        kv.key
                    ))
                })
            }
        }
    }

    fn fill(&self, kvs: &mut [Kv]) -> Result<()> {
        for kv in kvs {
            kv.value = self.value(kv)?;
        }
        Ok(())
    }
}

/// An etcd backup behind the [`Store`] trait, read-only.
pub struct BackupStore {
    inner: Arc<Inner>,
}

impl BackupStore {
    pub fn new(index: EmbeddedStore, db: Bolt, locs: Locs) -> BackupStore {
        BackupStore {
            inner: Arc::new(Inner { index, db, locs }),
        }
    }
}

fn read_only() -> EsiError {
    EsiError::Refused("an etcd backup is read-only".into())
}

#[async_trait]
impl Store for BackupStore {
    fn describe(&self) -> String {
        self.inner.index.describe()
    }
    async fn probe(&self) -> Result<StoreStatus> {
        self.inner.index.probe().await
    }
    async fn range(&self, range: &Range, rev: Option<i64>) -> Result<(i64, RangeResult)> {
        let (r, mut res) = self.inner.index.range(range, rev).await?;
        if !range.keys_only && !range.count_only {
            self.inner.fill(&mut res.kvs)?;
        }
        Ok((r, res))
    }
    async fn ranges(&self, ranges: &[Range], rev: Option<i64>) -> Result<(i64, Vec<RangeResult>)> {
        let (r, mut res) = self.inner.index.ranges(ranges, rev).await?;
        for (range, got) in ranges.iter().zip(res.iter_mut()) {
            if !range.keys_only && !range.count_only {
                self.inner.fill(&mut got.kvs)?;
            }
        }
        Ok((r, res))
    }
    async fn txn(&self, _txn: Txn) -> Result<TxnResult> {
        Err(read_only())
    }
    async fn watch(&self, key: &str, prefix: bool, start_rev: i64) -> Result<WatchHandle> {
        let mut h = self.inner.index.watch(key, prefix, start_rev).await?;
        let progress = h.progress.take();
        let (tx, rx) = mpsc::channel(64);
        let inner = self.inner.clone();
        // The history comes from the index; its values from the file, on the way out.
        tokio::spawn(async move {
            while let Some(m) = h.rx.recv().await {
                let m = m.and_then(|m| match m {
                    WatchMessage::Events {
                        revision,
                        mut events,
                    } => {
                        for e in &mut events {
                            e.kv.value = inner.value(&e.kv)?;
                            if let Some(p) = e.prev.as_mut() {
                                p.value = inner.value(p)?;
                            }
                        }
                        Ok(WatchMessage::Events { revision, events })
                    }
                    other => Ok(other),
                });
                if tx.send(m).await.is_err() {
                    return;
                }
            }
        });
        Ok(WatchHandle { rx, progress })
    }
    async fn lease_grant(&self, _ttl: Duration) -> Result<i64> {
        Err(read_only())
    }
    async fn lease_keep_alive(&self, _lease: i64) -> Result<()> {
        Err(read_only())
    }
    async fn lease_revoke(&self, _lease: i64) -> Result<()> {
        Err(read_only())
    }
    async fn lease_ttl(&self, lease: i64) -> Result<Option<i64>> {
        self.inner.index.lease_ttl(lease).await
    }
    async fn compact(&self, _rev: i64) -> Result<()> {
        Err(read_only())
    }
    fn progress_is_ordered(&self) -> bool {
        self.inner.index.progress_is_ordered()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skim_reads_the_fields_and_finds_the_value() {
        use prost::Message;
        let pb = etcd_client::proto::PbKeyValue {
            key: b"/config/v2.0/ports/p".to_vec(),
            create_revision: 5,
            mod_revision: 9,
            version: 2,
            value: br#"{"version": 3}"#.to_vec(),
            lease: 7,
        };
        let bytes = pb.encode_to_vec();
        let (kv, (at, len)) = skim(&bytes).unwrap();
        assert_eq!(kv.key, "/config/v2.0/ports/p");
        assert_eq!(
            (kv.create_revision, kv.mod_revision, kv.version, kv.lease),
            (5, 9, 2, 7)
        );
        assert_eq!(&bytes[at..at + len], pb.value.as_slice());
        assert!(
            skim(&bytes[..bytes.len() - 3]).is_err(),
            "a cut value is an error"
        );
        assert!(skim(&[0xff; 12]).is_err());
    }
}
