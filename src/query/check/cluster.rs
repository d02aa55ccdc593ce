//! The engine and the etcd cluster as `esi check` sees them: who holds the job manager
//! election key and for how long, the workers (one reservation lease each) and the jobs
//! each holds; members, leader, db size against the quota, alarms, history kept.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::error::Result;
use crate::model::keys::JOB_MANAGER_KEY;
use crate::model::resource::Stage;
use crate::store::{ClusterInfo, Range, Store};

use super::queue::Queue;
use super::report::{Check, CheckOptions, Status, Ttls};

#[derive(Debug, Clone, Default, Serialize)]
pub struct Engine {
    /// The value of `/job_manager_id` (the active manager), if any.
    pub manager: Option<String>,
    /// Seconds left on the manager's lease (null: no lease, or not read).
    pub manager_ttl: Option<i64>,
    pub workers: Vec<Worker>,
}

/// A worker as the queue shows it: the lease its reservations are put with.
#[derive(Debug, Clone, Serialize)]
pub struct Worker {
    /// Hex lease id (0: reservations without a lease).
    pub lease: String,
    /// Seconds left; null: expired (its worker is gone).
    pub ttl: Option<i64>,
    pub jobs: usize,
}

/// Read the election key and every lease the working jobs use, at `rev` for keys and
/// now for TTLs (a TTL is always "now").
pub async fn engine(store: &dyn Store, q: &Queue, rev: i64) -> Result<(Engine, Ttls)> {
    use futures_util::stream::{self, StreamExt, TryStreamExt};
    let (_, r) = store.range(&Range::key(JOB_MANAGER_KEY), Some(rev)).await?;
    let mgr = r.kvs.first();
    let mut per_lease: BTreeMap<i64, usize> = BTreeMap::new();
    for (_, lease) in q.working.values() {
        *per_lease.entry(*lease).or_default() += 1;
    }
    let mut leases: Vec<i64> = per_lease.keys().copied().filter(|l| *l != 0).collect();
    if let Some(l) = mgr.map(|kv| kv.lease).filter(|l| *l != 0) {
        leases.push(l);
    }
    let ttl: Ttls = stream::iter(leases)
        .map(|lease| async move {
            Ok::<_, crate::error::EsiError>((lease, store.lease_ttl(lease).await?))
        })
        .buffer_unordered(32)
        .try_collect()
        .await?;
    let engine = Engine {
        manager: mgr.map(|kv| kv.value_str().into_owned()),
        manager_ttl: mgr.and_then(|kv| ttl.get(&kv.lease).copied().flatten()),
        workers: per_lease
            .into_iter()
            .map(|(lease, jobs)| Worker {
                lease: format!("{lease:x}"),
                ttl: if lease == 0 {
                    None
                } else {
                    ttl.get(&lease).copied().flatten()
                },
                jobs,
            })
            .collect(),
    };
    Ok((engine, ttl))
}

pub fn engine_checks(e: &Engine, q: &Queue) -> Vec<Check> {
    let in_flight = q.nodes.len();
    let manager = match (&e.manager, e.manager_ttl) {
        (Some(m), Some(t)) => Check::new(
            "engine.manager",
            Status::Ok,
            1,
            format!("{m} holds {JOB_MANAGER_KEY} (lease {t}s left)"),
        ),
        (Some(m), None) => Check::new(
            "engine.manager",
            Status::Ok,
            1,
            format!("{m} holds {JOB_MANAGER_KEY}"),
        ),
        (None, _) => {
            let status = if in_flight > 0 {
                Status::Warn
            } else {
                Status::Ok
            };
            let mut c = Check::new(
                "engine.manager",
                status,
                0,
                format!("no job manager holds {JOB_MANAGER_KEY} ({in_flight} jobs in flight)"),
            );
            c.hint = (status != Status::Ok).then(|| "esi engine run --role manager".to_string());
            c
        }
    };
    let ready = q
        .dirs
        .keys()
        .filter(|id| q.stage(id) == Stage::Ready)
        .count();
    let live: Vec<&Worker> = e.workers.iter().filter(|w| w.ttl.is_some()).collect();
    let summary = if e.workers.is_empty() {
        format!("no job is reserved ({ready} ready)")
    } else {
        e.workers
            .iter()
            .map(|w| match w.ttl {
                Some(t) => format!("lease {} holds {} ({t}s left)", w.lease, w.jobs),
                None => format!("lease {} holds {} (expired)", w.lease, w.jobs),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let status = if live.is_empty() && ready > 0 {
        Status::Warn
    } else {
        Status::Ok
    };
    vec![
        manager,
        Check::new("engine.workers", status, live.len(), summary),
    ]
}

pub fn etcd_checks(c: Option<&ClusterInfo>, o: &CheckOptions) -> Vec<Check> {
    let Some(c) = c else {
        return vec![Check::new(
            "etcd",
            Status::Ok,
            0,
            "an offline store: no cluster to check".into(),
        )];
    };
    let up: Vec<_> = c.endpoints.iter().filter(|e| e.error.is_none()).collect();
    let down: Vec<String> = c
        .endpoints
        .iter()
        .filter_map(|e| e.error.as_ref().map(|w| format!("{}: {w}", e.endpoint)))
        .collect();
    let leader = up.iter().find_map(|e| e.leader.clone());
    let leader_name = leader.as_ref().map(|l| {
        c.members
            .iter()
            .find(|m| &m.id == l)
            .map(|m| format!("{} ({l})", m.name))
            .unwrap_or_else(|| l.clone())
    });
    let status = match (&leader, down.is_empty()) {
        (None, _) => Status::Fail,
        (Some(_), false) => Status::Warn,
        _ => Status::Ok,
    };
    let mut members = Check::new(
        "etcd.members",
        status,
        c.members.len(),
        format!(
            "{} members, {} of {} endpoints answer, leader {}",
            c.members.len(),
            up.len(),
            c.endpoints.len(),
            leader_name.unwrap_or_else(|| "none".into())
        ),
    );
    members.offenders = down;
    let db = up.iter().filter_map(|e| e.db_size).max().unwrap_or(0);
    let pct = 100.0 * db as f64 / o.db_quota.max(1) as f64;
    let db_status = if pct >= o.db_fail_pct {
        Status::Fail
    } else if pct >= o.db_warn_pct {
        Status::Warn
    } else {
        Status::Ok
    };
    let mut db_check = Check::new(
        "etcd.db_size",
        db_status,
        db as usize,
        format!("{} of the {} quota ({pct:.1}%)", mib(db), mib(o.db_quota)),
    );
    if db_status != Status::Ok {
        db_check.hint = Some("etcdctl defrag; and compact: etcdctl compact <revision>".into());
    }
    let alarms = Check::found(
        "etcd.alarms",
        Status::Fail,
        c.alarms.clone(),
        10,
        "alarms raised",
    );
    let history = Check::new(
        "etcd.history",
        Status::Ok,
        0,
        format!(
            "history kept since revision {} (compaction point)",
            c.compact_revision
        ),
    );
    vec![members, db_check, alarms, history]
}

fn mib(b: i64) -> String {
    format!("{:.1} MiB", b as f64 / (1024.0 * 1024.0))
}
