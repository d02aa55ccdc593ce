//! etcd's own backups as an offline store: the file `etcdctl snapshot save` writes (a
//! bbolt backend with a sha256 trailer) or a member's `member/snap/db`. The `key` bucket
//! maps each revision (8-byte big-endian main, `_`, 8-byte sub; a trailing `t` marks a
//! delete) to an `mvccpb.KeyValue`; the `meta` bucket holds the compaction marks. Every
//! revision the file still has is replayed into the embedded MVCC store with its own
//! numbers, so reads, `--rev`, history and compaction answer as the live etcd did; for
//! `--store` without their values, which are read from the file when a read returns
//! them (`lazy`).

mod bbolt;
mod lazy;

use std::collections::BTreeMap;
use std::fs::File;
use std::io::Read;
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::sync::Arc;

use prost::Message;

use crate::error::{EsiError, Result};
use crate::model::keytext;
use crate::store::embedded::EmbeddedStore;
use crate::store::{EventKind, Kv, Store};

pub use bbolt::looks_like;

/// What `etcdctl snapshot save` appends: the sha256 of everything before it.
const TRAILER: u64 = 32;

/// One entry of the `key` bucket.
struct Entry {
    main: i64,
    tombstone: bool,
    kv: Kv,
}

/// Is the file at `path` a bbolt file (by its first page)?
pub fn is_backup(path: &Path) -> bool {
    // Only a regular file is opened: opening a FIFO would block (the reader of every
    // other format refuses those with a clear error).
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let mut head = [0u8; 32];
    File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|_| looks_like(&head))
}

/// Open a backup's bbolt file (size limit, meta pages) and run `f` on it while its
/// trailer, when it has one, is checked on another thread (hashing a large file takes
/// as long as indexing it). A trailer that does not match is the error, whatever `f`
/// found.
fn with_checked<T: Send>(
    path: &Path,
    max: u64,
    f: impl FnOnce(bbolt::Bolt) -> Result<T> + Send,
) -> Result<T> {
    let name = path.display().to_string();
    let bad = |m: String| EsiError::InvalidData(format!("{name}: {m}"));
    let file = File::open(path).map_err(|e| bad(e.to_string()))?;
    let len = file.metadata().map_err(|e| bad(e.to_string()))?.len();
    if len > max {
        return Err(bad(format!(
            "{len} bytes is more than the {max}-byte limit (ESI_MAX_INPUT_BYTES)"
        )));
    }
    // The page size is known once a meta page is read; a trailer is what is left over.
    let probe = bbolt::Bolt::open(file.try_clone().map_err(|e| bad(e.to_string()))?, len)
        .map_err(|e| bad(format!("not a usable etcd backend: {e}")))?;
    let (body, trailer) = match len % probe.page_size() {
        0 => (len, false),
        TRAILER => (len - TRAILER, true),
        extra => {
            return Err(bad(format!(
                "{extra} bytes after the last whole page: truncated or not a backup (an etcdctl snapshot has a 32-byte sha256 trailer)"
            )))
        }
    };
    let db = bbolt::Bolt::open(file.try_clone().map_err(|e| bad(e.to_string()))?, body)
        .map_err(|e| bad(format!("not a usable etcd backend: {e}")))?;
    let (done, verified) = std::thread::scope(|s| {
        let check = s.spawn(|| {
            if trailer {
                verify_trailer(&file, len)
            } else {
                Ok(())
            }
        });
        let done = f(db);
        (done, check.join())
    });
    verified
        .map_err(|_| bad("the trailer check failed".into()))?
        .map_err(bad)?;
    done
}

/// Load a backup whole into the embedded store (for `snapshot load`, which writes every
/// value anyway).
pub fn load(path: &Path, max: u64) -> Result<EmbeddedStore> {
    let name = path.display().to_string();
    let bad = |m: String| EsiError::InvalidData(format!("{name}: {m}"));
    let store = with_checked(path, max, |db| {
        let compact = compaction_point(&db).map_err(&bad)?;
        let (entries, _) = entries(&db, false).map_err(&bad)?;
        build(entries, compact).map_err(|e| bad(e.to_string()))
    })?;
    store.set_name(format!("etcd backup {name}"));
    Ok(store)
}

/// Open a backup for reading (`--store`): keys and revisions indexed at once, values
/// read from the file when a read returns them.
pub fn open(path: &Path, max: u64) -> Result<Arc<dyn Store>> {
    let name = path.display().to_string();
    let bad = |m: String| EsiError::InvalidData(format!("{name}: {m}"));
    let store = with_checked(path, max, |db| {
        let compact = compaction_point(&db).map_err(&bad)?;
        let (entries, locs) = entries(&db, true).map_err(&bad)?;
        let index = build(entries, compact).map_err(|e| bad(e.to_string()))?;
        index.set_name(format!("etcd backup {name}"));
        Ok(lazy::BackupStore::new(index, db, locs))
    })?;
    Ok(Arc::new(store))
}

/// The last 32 bytes are the sha256 of the rest (read in blocks, never whole).
fn verify_trailer(file: &File, len: u64) -> std::result::Result<(), String> {
    let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
    let mut buf = vec![0u8; 1 << 20];
    let mut at = 0;
    while at < len - TRAILER {
        let n = ((len - TRAILER - at) as usize).min(buf.len());
        file.read_exact_at(&mut buf[..n], at)
            .map_err(|e| e.to_string())?;
        ctx.update(&buf[..n]);
        at += n as u64;
    }
    let mut want = [0u8; 32];
    file.read_exact_at(&mut want, len - TRAILER)
        .map_err(|e| e.to_string())?;
    if ctx.finish().as_ref() != want {
        return Err("its sha256 trailer does not match its contents: the file is corrupt (or was changed after `etcdctl snapshot save`)".into());
    }
    Ok(())
}

/// A revision key: (main, tombstone).
fn revision(key: &[u8]) -> Option<(i64, bool)> {
    let tomb = match key.len() {
        17 => false,
        18 if key[17] == b't' => true,
        _ => return None,
    };
    if key[8] != b'_' {
        return None;
    }
    let main = i64::from_be_bytes(key[..8].try_into().ok()?);
    Some((main, tomb))
}

/// The compaction point from the `meta` bucket: the scheduled mark when it is ahead of
/// the finished one (a compaction cut short may have removed revisions below it).
fn compaction_point(db: &bbolt::Bolt) -> std::result::Result<i64, String> {
    let mut finished = 0;
    let mut scheduled = 0;
    let found = db.each(b"meta", &mut |k, v, _| {
        let rev = || revision(v).map(|r| r.0).unwrap_or(0);
        match k {
            b"finishedCompactRev" => finished = rev(),
            b"scheduledCompactRev" => scheduled = rev(),
            _ => {}
        }
        Ok(())
    })?;
    if !found {
        return Err("a bbolt file without etcd's `meta` bucket: not an etcd backend".into());
    }
    Ok(finished.max(scheduled))
}

/// Every entry of the `key` bucket; with `lazy`, values are left empty and where they
/// lie is returned instead (by mod revision, then key).
fn entries(db: &bbolt::Bolt, lazy: bool) -> std::result::Result<(Vec<Entry>, lazy::Locs), String> {
    let mut out = Vec::new();
    let mut locs = lazy::Locs::new();
    let found = db.each(b"key", &mut |k, v, place| {
        let (main, tombstone) =
            revision(k).ok_or_else(|| format!("`key` bucket entry {k:02x?} is not a revision"))?;
        let kv = if lazy {
            let (kv, value) = lazy::skim(v)
                .map_err(|e| format!("revision {main}: not an mvccpb.KeyValue: {e}"))?;
            if !tombstone {
                locs.entry(main)
                    .or_default()
                    .push((kv.key.clone(), lazy::Loc::of(place, v, value)));
            }
            kv
        } else {
            let pb = etcd_client::proto::PbKeyValue::decode(v)
                .map_err(|e| format!("revision {main}: not an mvccpb.KeyValue: {e}"))?;
            Kv {
                key: keytext::from_bytes(&pb.key).into_owned(),
                value: pb.value,
                create_revision: pb.create_revision,
                mod_revision: pb.mod_revision,
                version: pb.version,
                lease: pb.lease,
            }
        };
        let kv = Kv {
            mod_revision: if tombstone { main } else { kv.mod_revision },
            ..kv
        };
        out.push(Entry {
            main,
            tombstone,
            kv,
        });
        Ok(())
    })?;
    if !found {
        return Err("a bbolt file without etcd's `key` bucket: not an etcd backend".into());
    }
    Ok((out, locs))
}

/// The state at the compaction point, then every later revision in order.
fn build(entries: Vec<Entry>, compact: i64) -> Result<EmbeddedStore> {
    let mut base: BTreeMap<String, Kv> = BTreeMap::new();
    let mut later: BTreeMap<i64, Vec<(EventKind, Kv)>> = BTreeMap::new();
    for e in entries {
        if e.main <= compact {
            if e.tombstone {
                base.remove(&e.kv.key);
            } else {
                base.insert(e.kv.key.clone(), e.kv);
            }
        } else {
            let kind = if e.tombstone {
                EventKind::Delete
            } else {
                EventKind::Put
            };
            later.entry(e.main).or_default().push((kind, e.kv));
        }
    }
    let store = EmbeddedStore::from_state(compact.max(1), compact, base.into_values().collect())?;
    for (rev, changes) in later {
        store.replay_revision(rev, changes)?;
    }
    Ok(store)
}
