//! The queue protocol from esi's side (spec §2.6, §3): dependencies of a new job and the
//! single guarded enqueue transaction. Finding a job is a read: `query::locate`.

use serde::Serialize;
use serde_json::Value;

use crate::error::{EsiError, Result};
use crate::model::job::resource_job_prefixes;
use crate::model::job::JobValue;
use crate::model::keys::QueueDir;
use crate::model::registry::Registry;
use crate::model::wire::python_json;
use crate::protocol::reverse::{self, Scan};
use crate::store::{Compare, Op, Range, RangeSpec, Store, Txn, TxnResult};

/// Keys per page when scanning `/jobs/all` values (~4.5 KB each: ~2 MB per page).
/// Large pages: etcd 3.4 walks its index to the end of the range for every limited page,
/// so few big pages cost far less than many small ones (~30 MB each with 6 KB jobs).
pub const SCAN_PAGE: i64 = 5000;

/// "No key under `prefix`" as one compare.
pub fn absent_prefix(prefix: &str) -> Compare {
    Compare::AbsentRange(prefix.to_string(), Range::prefix_end(prefix.as_bytes()))
}

/// "No key under `prefix` except `except`": the two ranges around it.
pub fn absent_prefix_except(prefix: &str, except: &str) -> Vec<Compare> {
    if !except.starts_with(prefix) {
        return vec![absent_prefix(prefix)];
    }
    vec![
        Compare::AbsentRange(prefix.to_string(), except.as_bytes().to_vec()),
        Compare::AbsentRange(format!("{except}\0"), Range::prefix_end(prefix.as_bytes())),
    ]
}

// ---------------------------------------------------------------- dependencies (§2.6)

/// Dependencies of a new job N for resource (rtype, id) at revision `rev`:
/// * forward: in-flight jobs of every resource N's params reference (key prefixes);
/// * reverse: in-flight jobs whose params reference (rtype, id) — a paged scan of
///   `/jobs/all` values, each page prefiltered by a substring search for the id before
///   any JSON is parsed;
/// * same resource: in-flight jobs of (rtype, id) itself. The spec leaves same-resource
///   ordering open (§2.6); waiting on them serialises jobs of one resource, and the job
///   manager's promotion rule (all dependency ids gone from /jobs/all) handles it.
///
/// `exclude`: job ids never to depend on (the job being replayed). Order: discovery
/// order (forward, reverse, same resource), no duplicates.
pub async fn dependencies(
    store: &dyn Store,
    reg: &Registry,
    rev: i64,
    rtype: &str,
    id: &str,
    referenced: &[(String, String)],
    exclude: &[String],
) -> Result<Vec<String>> {
    let mut deps: Vec<String> = Vec::new();
    let add = |deps: &mut Vec<String>, job: &str| {
        if !exclude.iter().any(|e| e == job) && !deps.iter().any(|d| d == job) {
            deps.push(job.to_string());
        }
    };
    let forward: Vec<Range> = referenced
        .iter()
        .filter(|(t, i)| !(t == rtype && i == id))
        .flat_map(|(t, i)| resource_job_prefixes(reg, t, i))
        .map(|p| Range::prefix(p).keys_only())
        .collect();
    if !forward.is_empty() {
        let (_, res) = store.ranges(&forward, Some(rev)).await?;
        for kv in res.iter().flat_map(|r| &r.kvs) {
            add(&mut deps, QueueDir::All.id_of(&kv.key).unwrap_or_default());
        }
    }
    for job in reverse_references(store, reg, rev, rtype, id, Scan::Pruned).await? {
        add(&mut deps, &job);
    }
    let own: Vec<Range> = resource_job_prefixes(reg, rtype, id)
        .into_iter()
        .map(|p| Range::prefix(p).keys_only())
        .collect();
    let (_, res) = store.ranges(&own, Some(rev)).await?;
    for kv in res.iter().flat_map(|r| &r.kvs) {
        add(&mut deps, QueueDir::All.id_of(&kv.key).unwrap_or_default());
    }
    Ok(deps)
}

/// In-flight jobs whose params reference (rtype, id), in key order of the ranges read
/// (`Scan::Pruned` reads only the types that can reference `rtype`: `protocol::reverse`).
pub async fn reverse_references(
    store: &dyn Store,
    reg: &Registry,
    rev: i64,
    rtype: &str,
    id: &str,
    scan: Scan,
) -> Result<Vec<String>> {
    // The id as the job manager (Python, ensure_ascii) and as Go/serde would write it.
    let py = python_json(&Value::String(id.to_string()));
    let mut needles = vec![id.to_string()];
    let escaped = py[1..py.len() - 1].to_string();
    if escaped != id {
        needles.push(escaped);
    }
    let pattern = needles
        .iter()
        .map(|n| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|");
    let re = regex::bytes::Regex::new(&pattern).map_err(|e| EsiError::Other(e.into()))?;
    let mut out = Vec::new();
    reverse::for_each_page_of(store, reg, rev, &[rtype], scan, SCAN_PAGE, |kvs| {
        for kv in kvs {
            if !re.is_match(&kv.value) {
                continue;
            }
            let Ok(v) = serde_json::from_slice::<Value>(&kv.value) else {
                continue;
            };
            let Ok(job) = JobValue::from_value(&v) else {
                continue;
            };
            if job.referenced().iter().any(|(t, i)| t == rtype && i == id) {
                out.push(QueueDir::All.id_of(&kv.key).unwrap_or_default().to_string());
            }
        }
        Ok(())
    })
    .await?;
    Ok(out)
}

// ---------------------------------------------------------------- the enqueue txn

/// One guarded enqueue: put `/jobs/all/<id>` and `/jobs/{ready|waiting}/<id>`.
#[derive(Debug, Clone)]
pub struct EnqueueTxn {
    pub job_id: String,
    pub stage: QueueDir,
    pub all_key: String,
    pub stage_key: String,
    /// The stored text of `[handler, job, retry]`.
    pub value_text: String,
    pub config_key: String,
    pub config_mod_revision: i64,
    /// Prefixes whose keys, if any, are "another job in flight" (for the conflict message).
    pub guarded_prefixes: Vec<String>,
    pub txn: Txn,
}

/// The guards of an enqueue besides "the job id is new".
#[derive(Debug, Clone, Default)]
pub struct Guards {
    /// The config the job was built from and its mod revision when read.
    pub config_key: String,
    pub config_mod_revision: i64,
    /// Extra compares (no other job in flight, as the caller decides).
    pub compares: Vec<Compare>,
    /// Prefixes read back on failure to name the job that got in the way.
    pub prefixes: Vec<String>,
}

/// Build the transaction. Compares: the job id is new, the config is unchanged since it
/// was read, and the extra guards. On failure the txn reads back what the compares
/// looked at, to say which one lost.
pub fn enqueue_txn(
    job_id: &str,
    handler: &str,
    value_text: String,
    waiting: bool,
    guards: Guards,
) -> EnqueueTxn {
    let stage = if waiting {
        QueueDir::Waiting
    } else {
        QueueDir::Ready
    };
    let all_key = QueueDir::All.key(job_id);
    let stage_key = stage.key(job_id);
    let Guards {
        config_key,
        config_mod_revision,
        compares: extra,
        prefixes,
    } = guards;
    let mut compares = vec![
        Compare::Absent(all_key.clone()),
        Compare::ModRevision(config_key.clone(), config_mod_revision),
    ];
    compares.extend(extra);
    let mut failure = vec![
        Op::Get(RangeSpec {
            key: all_key.clone(),
            prefix: false,
            keys_only: true,
        }),
        Op::Get(RangeSpec {
            key: config_key.clone(),
            prefix: false,
            keys_only: true,
        }),
    ];
    failure.extend(prefixes.iter().map(|p| {
        Op::Get(RangeSpec {
            key: p.clone(),
            prefix: true,
            keys_only: true,
        })
    }));
    let txn = Txn {
        compares,
        success: vec![
            Op::put(all_key.clone(), value_text.clone().into_bytes()),
            Op::put(stage_key.clone(), handler.as_bytes().to_vec()),
        ],
        failure,
    };
    EnqueueTxn {
        job_id: job_id.to_string(),
        stage,
        all_key,
        stage_key,
        value_text,
        config_key,
        config_mod_revision,
        guarded_prefixes: prefixes,
        txn,
    }
}

/// Send the txn; a lost compare is a `Conflict` that says which. Returns the revision
/// of the write.
pub async fn submit(store: &dyn Store, e: &EnqueueTxn, allowed: &[String]) -> Result<i64> {
    let r = match store.txn(e.txn.clone()).await {
        Err(EsiError::OutcomeUnknown(why)) => return resolve_unknown(store, e, allowed, why).await,
        r => r?,
    };
    explain(e, allowed, r)
}

/// Tries to settle a write whose outcome is unknown (its server failed mid-request).
const RESOLVE_TRIES: u32 = 12;

/// A txn whose server failed mid-request is settled by reading, never resent blindly:
/// the job id is new and random, so `/jobs/all/<id>` holding the bytes sent means it
/// was applied; absent (read linearizably, so an entry the old leader had not committed
/// can no longer be) means it was not, and the same guarded txn is sent again — its
/// "id absent" compare keeps that at most once.
pub async fn resolve_unknown(
    store: &dyn Store,
    e: &EnqueueTxn,
    allowed: &[String],
    first: String,
) -> Result<i64> {
    let mut last = first;
    for attempt in 0..RESOLVE_TRIES {
        if attempt == 0 {
            tracing::warn!(
                "{last}: the write's outcome is unknown; reading job {} back",
                e.job_id
            );
        } else {
            tracing::info!(job = %e.job_id, attempt, why = %last, "still unknown");
        }
        tokio::time::sleep(std::time::Duration::from_millis(250 << attempt.min(3))).await;
        let read = store.range(&Range::key(&e.all_key), None).await;
        match read.map(|(_, r)| r.kvs.into_iter().next()) {
            Ok(Some(kv)) if kv.value == e.value_text.as_bytes() => return Ok(kv.create_revision),
            Ok(Some(_)) => {
                return Err(EsiError::Conflict(format!(
                    "job id {} exists with another value: not written by this command",
                    e.job_id
                )))
            }
            Ok(None) => match store.txn(e.txn.clone()).await {
                // The first request arrived after all (a member that hung, then went
                // on): the next read tells whose job holds the id.
                Ok(r) if !r.succeeded && r.ranges.first().is_some_and(|g| !g.kvs.is_empty()) => {
                    last = format!("job id {} appeared meanwhile", e.job_id)
                }
                Ok(r) => return explain(e, allowed, r),
                Err(err) if err.is_transient() => last = err.to_string(),
                Err(err) => return Err(err),
            },
            Err(err) if err.is_transient() => last = err.to_string(),
            Err(err) => return Err(err),
        }
    }
    Err(EsiError::OutcomeUnknown(format!(
        "{last}; whether job {} was written is not known: `esi job show {}` tells",
        e.job_id, e.job_id
    )))
}

/// A txn's answer as the write's revision, or the conflict that says which guard lost.
fn explain(e: &EnqueueTxn, allowed: &[String], r: TxnResult) -> Result<i64> {
    if r.succeeded {
        return Ok(r.revision);
    }
    let mut why = Vec::new();
    if r.ranges.first().is_some_and(|g| !g.kvs.is_empty()) {
        why.push(format!("job id {} already exists", e.job_id));
    }
    match r.ranges.get(1).and_then(|g| g.kvs.first()) {
        None => why.push(format!(
            "config {} was deleted since it was read",
            e.config_key
        )),
        Some(kv) if kv.mod_revision != e.config_mod_revision => why.push(format!(
            "config {} changed since it was read (mod revision {} → {})",
            e.config_key, e.config_mod_revision, kv.mod_revision
        )),
        _ => {}
    }
    let others: Vec<String> = r
        .ranges
        .iter()
        .skip(2)
        .flat_map(|g| &g.kvs)
        .map(|kv| QueueDir::All.id_of(&kv.key).unwrap_or_default().to_string())
        .filter(|id| !allowed.contains(id))
        .collect();
    if !others.is_empty() {
        why.push(format!(
            "another job of the resource is now in flight: {}",
            others.join(", ")
        ));
    }
    if why.is_empty() {
        why.push("a guard of the transaction failed".into());
    }
    Err(EsiError::Conflict(format!(
        "nothing written at revision {}: {}",
        r.revision,
        why.join("; ")
    )))
}

/// The transaction in words (for `--dry-run -o table` and confirmations).
#[derive(Debug, Clone, Serialize)]
pub struct TxnView {
    pub compares: Vec<String>,
    pub success: Vec<String>,
    pub failure: Vec<String>,
}

pub fn describe(txn: &Txn) -> TxnView {
    let cmp = |c: &Compare| match c {
        Compare::Absent(k) => format!("create_revision({k}) == 0   (key absent)"),
        Compare::AbsentRange(k, end) => {
            if Range::prefix_end(k.as_bytes()) == *end {
                format!("create_revision({k}*) == 0   (no key with this prefix)")
            } else if let Some(except) = k.strip_suffix('\0') {
                format!("create_revision(keys after {except} in its prefix) == 0   (no other key)")
            } else {
                format!(
                    "create_revision({k}* before {}) == 0   (no other key)",
                    String::from_utf8_lossy(end)
                )
            }
        }
        Compare::CreateRevision(k, r) => format!("create_revision({k}) == {r}"),
        Compare::ModRevision(k, r) => format!("mod_revision({k}) == {r}   (unchanged since read)"),
        Compare::Version(k, v) => format!("version({k}) == {v}"),
        Compare::Value(k, v) => format!("value({k}) == {:?}", String::from_utf8_lossy(v)),
    };
    let op = |o: &Op| match o {
        Op::Put { key, value, .. } if value.len() > 60 => {
            format!("put {key}  ({} bytes)", value.len())
        }
        Op::Put { key, value, .. } => format!("put {key} = {:?}", String::from_utf8_lossy(value)),
        Op::Delete { key, prefix } => format!("delete {key}{}", if *prefix { "*" } else { "" }),
        Op::Get(r) => format!(
            "get {}{}{}",
            r.key,
            if r.prefix { "*" } else { "" },
            if r.keys_only { " (keys only)" } else { "" }
        ),
    };
    TxnView {
        compares: txn.compares.iter().map(cmp).collect(),
        success: txn.success.iter().map(op).collect(),
        failure: txn.failure.iter().map(op).collect(),
    }
}

#[cfg(test)]
#[path = "enqueue_tests.rs"]
mod tests;
