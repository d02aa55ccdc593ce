//! Offline snapshots: esi's own history-preserving JSON format, `etcdctl get -w json`
//! output, and legacy zlib-compressed v2 dumps. Each loads into an [`EmbeddedStore`] so
//! every read-only command works on a file exactly as on the live cluster.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::Path;
use std::time::Duration;

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{EsiError, Result};
use crate::model::keytext;
use crate::store::embedded::EmbeddedStore;
use crate::store::{
    for_each_page, EventKind, Kv, Op, Range, Store, Txn, WatchEvent, WatchHandle, WatchMessage,
};

pub const FORMAT: &str = "esi-snapshot";
pub const FORMAT_VERSION: u32 = 1;

/// etcd's default `--max-txn-ops` is 128; stay below it.
const TXN_OPS: usize = 100;
/// How long `save` waits for a watch to answer before giving up.
const WATCH_IDLE_LIMIT: Duration = Duration::from_secs(60);

const ACCEPTED: &str = "accepted formats: an esi snapshot (`esi snapshot save`), an etcd backup \
     (`etcdctl snapshot save`, or a member's member/snap/db), the output of \
     `etcdctl get --prefix \"\" -w json`, or a zlib-compressed v2 JSON dump";

/// esi's snapshot: the state at `compact_revision` plus every change up to `revision`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub format: String,
    pub format_version: u32,
    pub revision: i64,
    pub compact_revision: i64,
    #[serde(default)]
    pub base: Vec<SnapshotKv>,
    #[serde(default)]
    pub events: Vec<SnapshotEvent>,
}

/// A kv in JSON: text as a string, anything else as base64 under `*_b64`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SnapshotKv {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_b64: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_b64: Option<String>,
    #[serde(default)]
    pub create_revision: i64,
    #[serde(default)]
    pub mod_revision: i64,
    #[serde(default)]
    pub version: i64,
    #[serde(default)]
    pub lease: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SnapshotEvent {
    pub revision: i64,
    #[serde(rename = "type")]
    pub kind: EventKind,
    #[serde(flatten)]
    pub kv: SnapshotKv,
}

impl SnapshotKv {
    pub fn from_kv(kv: &Kv) -> SnapshotKv {
        let (value, value_b64) = match std::str::from_utf8(&kv.value) {
            Ok(s) => (Some(s.to_string()), None),
            Err(_) => (None, Some(B64.encode(&kv.value))),
        };
        // A key that is not UTF-8 is kept exact, as base64 of its bytes.
        let (key, key_b64) = if keytext::is_plain(&kv.key) {
            (Some(kv.key.clone()), None)
        } else {
            (None, Some(B64.encode(keytext::to_bytes(&kv.key))))
        };
        SnapshotKv {
            key,
            key_b64,
            value,
            value_b64,
            create_revision: kv.create_revision,
            mod_revision: kv.mod_revision,
            version: kv.version,
            lease: kv.lease,
        }
    }

    /// `at` names the entry in messages, e.g. `base[3]`.
    pub fn to_kv(&self, at: &str) -> std::result::Result<Kv, String> {
        let key = match (&self.key, &self.key_b64) {
            (Some(k), _) => keytext::from_bytes(k.as_bytes()).into_owned(),
            (None, Some(b)) => {
                let bytes = B64
                    .decode(b)
                    .map_err(|_| format!("{at}.key_b64 is not valid base64"))?;
                keytext::from_bytes(&bytes).into_owned()
            }
            (None, None) => return Err(format!("{at} has no key")),
        };
        let value = match (&self.value, &self.value_b64) {
            (Some(v), _) => v.clone().into_bytes(),
            (None, Some(b)) => B64
                .decode(b)
                .map_err(|_| format!("{at}.value_b64 is not valid base64"))?,
            (None, None) => Vec::new(),
        };
        Ok(Kv {
            key,
            value,
            create_revision: self.create_revision,
            mod_revision: self.mod_revision,
            version: self.version,
            lease: self.lease,
        })
    }
}

impl Snapshot {
    pub fn write_to(&self, mut w: impl Write) -> Result<()> {
        serde_json::to_writer_pretty(&mut w, self).map_err(|e| match e.io_error_kind() {
            // A closed pipe (`snapshot save - | head`) stays an io error: main is quiet on it.
            Some(kind) => EsiError::Io(kind.into()),
            None => EsiError::Other(e.into()),
        })?;
        w.write_all(b"\n")?;
        w.flush()?;
        Ok(())
    }

    /// Load into a store with the same revisions, versions and history.
    pub fn into_store(self, name: &str) -> Result<EmbeddedStore> {
        let bad = |m: String| EsiError::InvalidData(format!("{name}: {m}"));
        if self.format != FORMAT {
            return Err(bad(format!(
                "format is {:?}, expected {FORMAT:?}",
                self.format
            )));
        }
        if self.format_version != FORMAT_VERSION {
            return Err(bad(format!(
                "format_version {} is not supported (this esi reads {FORMAT_VERSION})",
                self.format_version
            )));
        }
        let (r, c) = (self.revision, self.compact_revision);
        if r < 1 || c < 0 || c > r {
            return Err(bad(format!(
                "revision {r} and compact_revision {c} are inconsistent"
            )));
        }
        let base = self
            .base
            .iter()
            .enumerate()
            .map(|(i, kv)| kv.to_kv(&format!("base[{i}]")))
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(bad)?;
        // An uncompacted etcd reports C = 1 (nothing is ever written at revision 1); keep
        // such a store uncompacted so a watch from revision 1 still replays everything.
        let compact = if c <= 1 { 0 } else { c };
        let store =
            EmbeddedStore::from_state(c.max(1), compact, base).map_err(|e| bad(e.to_string()))?;

        let mut group: Vec<(EventKind, Kv)> = Vec::new();
        let mut group_rev = 0;
        for (i, ev) in self.events.iter().enumerate() {
            let at = format!("events[{i}]");
            if ev.revision <= c.max(1) || ev.revision > r {
                return Err(bad(format!(
                    "{at}.revision {} is outside {}..={r}",
                    ev.revision,
                    c.max(1) + 1
                )));
            }
            if ev.revision < group_rev {
                return Err(bad(format!("{at}.revision {} goes backwards", ev.revision)));
            }
            if ev.revision != group_rev && !group.is_empty() {
                store
                    .replay_revision(group_rev, std::mem::take(&mut group))
                    .map_err(|e| bad(format!("{at}: {e}")))?;
            }
            group_rev = ev.revision;
            group.push((ev.kind, ev.kv.to_kv(&at).map_err(bad)?));
        }
        if !group.is_empty() {
            store
                .replay_revision(group_rev, group)
                .map_err(|e| bad(e.to_string()))?;
        }
        store.advance_to(r).map_err(|e| bad(e.to_string()))?;
        store.set_name(format!("snapshot {name}"));
        Ok(store)
    }
}

/// Snapshot every key under `prefix` of any store (normally a live etcd) with all the
/// history it still has.
pub async fn save(store: &dyn Store, prefix: &str) -> Result<Snapshot> {
    let compact = compact_revision(store, prefix).await?;
    // Read R after C so that R >= C even if a compaction runs meanwhile.
    let (revision, _) = store
        .range(&Range::prefix(prefix).count_only(), None)
        .await?;
    let mut base = Vec::new();
    for_each_page(store, Range::prefix(prefix), 1000, Some(compact), |kvs| {
        base.extend(kvs.iter().map(SnapshotKv::from_kv));
        Ok(())
    })
    .await?;
    // The history walk shared with `esi history` (it knows etcd 3.4's catch-up timing).
    let spec = crate::store::follow::Spec::prefix(prefix);
    let (walked, cut) =
        crate::store::follow::collect_one(store, &spec, compact + 1, revision).await?;
    if let Some(c) = cut {
        return Err(EsiError::Compacted {
            requested: compact + 1,
            compact_revision: c,
        });
    }
    let events: Vec<SnapshotEvent> = walked
        .iter()
        .map(|(rev, e)| SnapshotEvent {
            revision: *rev,
            kind: e.kind,
            kv: event_kv(e),
        })
        .collect();
    Ok(Snapshot {
        format: FORMAT.to_string(),
        format_version: FORMAT_VERSION,
        revision,
        compact_revision: compact,
        base,
        events,
    })
}

fn event_kv(e: &WatchEvent) -> SnapshotKv {
    match e.kind {
        EventKind::Put => SnapshotKv::from_kv(&e.kv),
        // A delete carries no value; leave it out rather than write "".
        EventKind::Delete => SnapshotKv {
            value: None,
            value_b64: None,
            ..SnapshotKv::from_kv(&e.kv)
        },
    }
}

/// The oldest revision still readable: a watch from revision 1 answers `Compacted` with
/// it, or anything else when nothing was ever compacted (then C = 1).
async fn compact_revision(store: &dyn Store, prefix: &str) -> Result<i64> {
    let mut watch = store.watch(prefix, true, 1).await?;
    Ok(match next_message(&mut watch).await? {
        WatchMessage::Compacted { compact_revision } => compact_revision.max(1),
        WatchMessage::Events { .. } | WatchMessage::Progress { .. } => 1,
    })
}

/// The next watch message, asking for progress notifications while the watch is quiet
/// (a prefix without recent writes would otherwise never tell us it caught up).
async fn next_message(watch: &mut WatchHandle) -> Result<WatchMessage> {
    let started = tokio::time::Instant::now();
    if let Some(p) = &watch.progress {
        let _ = p.try_send(());
    }
    loop {
        match tokio::time::timeout(Duration::from_millis(500), watch.rx.recv()).await {
            Ok(Some(m)) => return m,
            Ok(None) => return Err(EsiError::Store("the watch ended unexpectedly".to_string())),
            Err(_) if started.elapsed() >= WATCH_IDLE_LIMIT => {
                return Err(EsiError::Timeout(
                    "the watch gave no answer while reading history".to_string(),
                ))
            }
            Err(_) => {
                if let Some(p) = &watch.progress {
                    let _ = p.try_send(());
                }
            }
        }
    }
}

/// Load a snapshot file of any supported format.
pub fn load_file(path: &Path) -> Result<EmbeddedStore> {
    // An etcd backup is read page by page, not whole.
    if crate::store::backup::is_backup(path) {
        return crate::store::backup::load(path, crate::files::max_input_bytes()?);
    }
    let name = path.display().to_string();
    let bytes = crate::files::read_regular(path, "--store", crate::files::max_input_bytes()?)?;
    load_bytes(&bytes, &name)
}

/// Detect the format of `bytes` and load it; `name` is used in messages.
pub fn load_bytes(bytes: &[u8], name: &str) -> Result<EmbeddedStore> {
    let bad = |m: String| EsiError::InvalidData(format!("{name}: {m}"));
    if bytes.len() >= 2 && bytes[0] == 0x78 && matches!(bytes[1], 0x01 | 0x5e | 0x9c | 0xda) {
        return load_v2(bytes, name);
    }
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if first != Some(&b'{') {
        return Err(bad(format!("not a snapshot ({ACCEPTED})")));
    }
    let doc: Value =
        serde_json::from_slice(bytes).map_err(|e| bad(format!("not valid JSON: {e}")))?;
    let obj = doc
        .as_object()
        .ok_or_else(|| bad(format!("not a snapshot ({ACCEPTED})")))?;
    if let Some(format) = obj.get("format") {
        if format.as_str() != Some(FORMAT) {
            return Err(bad(format!("unknown format {format} ({ACCEPTED})")));
        }
        let snap: Snapshot =
            serde_json::from_value(doc).map_err(|e| bad(format!("malformed esi snapshot: {e}")))?;
        return snap.into_store(name);
    }
    if obj.contains_key("kvs") || obj.contains_key("header") {
        return load_etcdctl(obj, name);
    }
    Err(bad(format!("not a snapshot ({ACCEPTED})")))
}

/// etcdctl prints int64 as JSON numbers; accept numeric strings too (protojson style).
fn int_field(
    obj: &serde_json::Map<String, Value>,
    field: &str,
    at: &str,
) -> std::result::Result<i64, String> {
    match obj.get(field) {
        None | Some(Value::Null) => Ok(0),
        Some(Value::Number(n)) => n
            .as_i64()
            .ok_or_else(|| format!("{at}.{field} is not a 64-bit integer")),
        Some(Value::String(s)) => s
            .parse()
            .map_err(|_| format!("{at}.{field} is not an integer")),
        Some(_) => Err(format!("{at}.{field} is not an integer")),
    }
}

fn b64_field(
    obj: &serde_json::Map<String, Value>,
    field: &str,
    at: &str,
) -> std::result::Result<Option<Vec<u8>>, String> {
    match obj.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => B64
            .decode(s)
            .map(Some)
            .map_err(|_| format!("{at}.{field} is not valid base64")),
        Some(_) => Err(format!("{at}.{field} is not a base64 string")),
    }
}

/// `etcdctl get --prefix "" -w json`: the state at the header revision, no history.
fn load_etcdctl(obj: &serde_json::Map<String, Value>, name: &str) -> Result<EmbeddedStore> {
    let bad = |m: String| EsiError::InvalidData(format!("{name}: {m}"));
    let mut kvs = Vec::new();
    match obj.get("kvs") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let at = format!("kvs[{i}]");
                let o = item
                    .as_object()
                    .ok_or_else(|| bad(format!("{at} is not an object")))?;
                let key = b64_field(o, "key", &at)
                    .map_err(bad)?
                    .ok_or_else(|| bad(format!("{at}.key is missing")))?;
                let key = keytext::from_bytes(&key).into_owned();
                kvs.push(Kv {
                    key,
                    value: b64_field(o, "value", &at).map_err(bad)?.unwrap_or_default(),
                    create_revision: int_field(o, "create_revision", &at).map_err(bad)?,
                    mod_revision: int_field(o, "mod_revision", &at).map_err(bad)?,
                    version: int_field(o, "version", &at).map_err(bad)?,
                    lease: int_field(o, "lease", &at).map_err(bad)?,
                });
            }
        }
        Some(_) => return Err(bad("kvs is not an array".to_string())),
    }
    let revision = match obj.get("header") {
        Some(Value::Object(h)) => int_field(h, "revision", "header").map_err(bad)?,
        None | Some(Value::Null) => 0,
        Some(_) => return Err(bad("header is not an object".to_string())),
    };
    // Without a header, the newest kv is the best estimate of the revision.
    let revision = if revision > 0 {
        revision
    } else {
        kvs.iter()
            .map(|kv| kv.mod_revision)
            .max()
            .unwrap_or(1)
            .max(1)
    };
    let store =
        EmbeddedStore::from_state(revision, revision, kvs).map_err(|e| bad(e.to_string()))?;
    store.set_name(format!("etcdctl dump {name}"));
    Ok(store)
}

/// Legacy v2 dump: zlib JSON tree; directories are objects, leaves are values.
fn load_v2(bytes: &[u8], name: &str) -> Result<EmbeddedStore> {
    let bad = |m: String| EsiError::InvalidData(format!("{name}: {m}"));
    let mut json = Vec::new();
    // A small file may expand enormously: never past the input limit.
    let max = crate::files::max_input_bytes()?;
    flate2::read::ZlibDecoder::new(bytes)
        .take(max + 1)
        .read_to_end(&mut json)
        .map_err(|e| bad(format!("not a valid zlib stream: {e}")))?;
    if json.len() as u64 > max {
        return Err(crate::files::too_big(
            "--store",
            &format!("{name} (expanded)"),
            max,
        ));
    }
    let tree: Value = serde_json::from_slice(&json)
        .map_err(|e| bad(format!("v2 dump is not valid JSON: {e}")))?;
    let Value::Object(root) = tree else {
        return Err(bad("v2 dump is not a JSON object tree".to_string()));
    };
    let mut leaves = BTreeMap::new();
    walk_v2("", &root, &mut leaves).map_err(bad)?;
    // Revisions in sorted key order from 2 (etcd writes nothing at revision 1).
    let kvs: Vec<Kv> = leaves
        .into_iter()
        .zip(2..)
        .map(|((key, value), rev)| Kv {
            key,
            value,
            create_revision: rev,
            mod_revision: rev,
            version: 1,
            lease: 0,
        })
        .collect();
    let revision = 1 + kvs.len() as i64;
    let store =
        EmbeddedStore::from_state(revision, revision, kvs).map_err(|e| bad(e.to_string()))?;
    store.set_name(format!("v2 dump {name}"));
    Ok(store)
}

fn walk_v2(
    dir: &str,
    obj: &serde_json::Map<String, Value>,
    out: &mut BTreeMap<String, Vec<u8>>,
) -> std::result::Result<(), String> {
    for (seg, v) in obj {
        // Some dumps store segments with their leading "/"; never produce "//".
        let key = format!("{dir}/{}", seg.trim_start_matches('/'));
        let value = match v {
            Value::Object(child) => {
                walk_v2(&key, child, out)?;
                continue;
            }
            Value::String(s) => s.clone().into_bytes(),
            other => other.to_string().into_bytes(),
        };
        let text = keytext::from_bytes(key.as_bytes()).into_owned();
        if out.insert(text, value).is_some() {
            return Err(format!("key {key} appears twice in the v2 tree"));
        }
    }
    Ok(())
}

/// Write a snapshot into `target`. With `replay_history`, the base and then each
/// recorded revision are applied in order (one txn per revision, split only beyond the
/// txn size limit), so per-key history is reproduced under new revision numbers;
/// otherwise only the latest state is written. Leases are not carried over (their ids
/// mean nothing on another cluster). `audit` turns the keys to be written into the op
/// of an audit record, which goes into the first transaction. Returns (distinct keys
/// written, final revision).
pub async fn restore(
    snapshot_store: &EmbeddedStore,
    target: &dyn Store,
    replay_history: bool,
    audit: &dyn Fn(&[String]) -> Option<Op>,
) -> Result<(usize, i64)> {
    let mut written = std::collections::BTreeSet::new();
    let mut batches: Vec<Vec<Op>> = Vec::new();
    let put = |kv: &Kv| Op::put(kv.key.clone(), kv.value.clone());
    if replay_history {
        let export = snapshot_store.export();
        batches.extend(
            export
                .base
                .chunks(TXN_OPS)
                .map(|c| c.iter().map(put).collect()),
        );
        for (_, events) in &export.events {
            let ops: Vec<Op> = events
                .iter()
                .map(|e| match e.kind {
                    EventKind::Put => put(&e.kv),
                    EventKind::Delete => Op::delete(e.kv.key.clone()),
                })
                .collect();
            batches.extend(ops.chunks(TXN_OPS).map(|c| c.to_vec()));
        }
    } else {
        let (_, latest) = snapshot_store.range(&Range::prefix(""), None).await?;
        batches.extend(
            latest
                .kvs
                .chunks(TXN_OPS)
                .map(|c| c.iter().map(put).collect()),
        );
    }
    for op in batches.iter().flatten() {
        if let Op::Put { key, .. } = op {
            written.insert(key.clone());
        }
    }
    let keys: Vec<String> = written.iter().cloned().collect();
    if let Some(op) = audit(&keys) {
        match batches.first_mut() {
            Some(first) => first.push(op),
            None => batches.push(vec![op]),
        }
    }
    let mut revision = None;
    for ops in batches {
        let res = target
            .txn(Txn {
                compares: vec![],
                success: ops,
                failure: vec![],
            })
            .await?;
        revision = Some(res.revision);
    }
    let revision = match revision {
        Some(r) => r,
        None => target.range(&Range::prefix("").count_only(), None).await?.0,
    };
    Ok((written.len(), revision))
}

#[cfg(test)]
#[path = "snapshot_tests.rs"]
mod tests;
