//! Listing the queue (`esi jobs`): every job id across `/jobs/{all,waiting,ready,working,
//! finished}`, its stage, worker, retry count and unfinished dependencies.
//!
//! Bounded for 100k jobs (~450 MB of values): stage directories are read keys-only
//! (working with values: a reservation UUID each), `/jobs/all` keys-only first for stage
//! membership and "is this dependency still in flight", then `/jobs/all` values page by
//! page, rows handed to the caller per page (so JSONL streams). All reads are paged and
//! made at one revision. Filters on action/type/id narrow the ranges by key prefix.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::model::decode::{decode, Shape};
use crate::model::job::{JobId, JobValue};
use crate::model::keys::{QueueDir, ACTIONS};
use crate::model::registry::Registry;
use crate::model::resource::Stage;
use crate::store::{for_each_page, Kv, Range, Store};

/// Keys per page for keys-only reads (small) and value reads (~4.5 KB per job).
pub const KEY_PAGE: i64 = 20000;
pub const VALUE_PAGE: i64 = 500;
/// Keys per batch when fetching the values of a filtered subset.
const GET_BATCH: usize = 128;

#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub action: Option<String>,
    pub rtype: Option<String>,
    pub id: Option<String>,
    /// Empty = every stage.
    pub stages: Vec<Stage>,
    pub stuck: bool,
}

/// One row of `esi jobs` (documented in docs/json-output.md).
#[derive(Debug, Clone, Serialize)]
pub struct JobRow {
    pub id: String,
    pub action: String,
    pub handler: String,
    pub resource_type: String,
    pub resource_id: String,
    pub version: i64,
    pub stage: Stage,
    /// Reservation UUID in `/jobs/working/<id>`.
    pub worker: Option<String>,
    /// Seconds left on the working lease (null at an old revision, or expired).
    pub lease_ttl: Option<i64>,
    pub retry: Option<i64>,
    pub dependency: Vec<String>,
    /// Dependencies still in `/jobs/all` (not finished).
    pub pending_dependencies: Vec<String>,
    /// Why the job cannot make progress, when it cannot.
    pub stuck: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// Key prefixes (after `/jobs/<dir>/`) that cover the filter, and whether every key under
/// them matches it (else ids are also filtered client-side).
pub fn prefixes(reg: &Registry, f: &Filter) -> (Vec<String>, bool) {
    let id_part = |p: String| match &f.id {
        Some(id) => format!("{p}{id}:"),
        None => p,
    };
    match (&f.action, &f.rtype) {
        (None, None) => (vec![String::new()], f.id.is_none()),
        (Some(a), None) => (vec![format!("{a}:")], f.id.is_none()),
        (a, Some(t)) => {
            let actions: Vec<&str> = match a {
                Some(a) => vec![a.as_str()],
                None => ACTIONS.to_vec(),
            };
            let mut v = Vec::new();
            for a in actions {
                for h in reg.handlers() {
                    v.push(id_part(format!("{a}:{h}:{t}:")));
                }
            }
            (v, true)
        }
    }
}

pub fn matches(f: &Filter, id: &str) -> bool {
    let Some(j) = JobId::parse(id) else {
        // Unparseable ids only match an unfiltered listing.
        return f.action.is_none() && f.rtype.is_none() && f.id.is_none();
    };
    f.action.as_ref().is_none_or(|a| *a == j.action)
        && f.rtype.as_ref().is_none_or(|t| *t == j.resource_type)
        && f.id.as_ref().is_none_or(|i| *i == j.resource_id)
}

fn bit(d: QueueDir) -> u8 {
    1 << (d as u8)
}

const STAGE_BITS: u8 = !(1 << (QueueDir::All as u8));

fn dirs_of(bits: u8) -> Vec<QueueDir> {
    QueueDir::ALL
        .into_iter()
        .filter(|d| bits & bit(*d) != 0)
        .collect()
}

/// Which directories hold each id, at one revision, from keys-only reads.
struct Membership {
    revision: i64,
    /// Every id under the filter's prefixes (all of them when `complete`).
    bits: HashMap<String, u8>,
    /// Working: reservation UUID and lease.
    working: HashMap<String, (String, i64)>,
    /// The prefixes cover the whole queue: an id missing from `bits` is in no directory.
    complete: bool,
    /// Ids outside the prefixes (dependencies), looked up on demand.
    extra: HashMap<String, u8>,
}

impl Membership {
    fn bits_of(&self, id: &str) -> u8 {
        self.bits
            .get(id)
            .or_else(|| self.extra.get(id))
            .copied()
            .unwrap_or(0)
    }

    fn stage(&self, id: &str) -> Stage {
        Stage::classify(&dirs_of(self.bits_of(id)))
    }

    fn in_all(&self, id: &str) -> bool {
        self.bits_of(id) & bit(QueueDir::All) != 0
    }

    /// Look up dependency ids outside the read prefixes: five keys-only gets each, in
    /// one txn per batch.
    async fn resolve(&mut self, store: &dyn Store, ids: Vec<String>) -> Result<()> {
        if self.complete {
            return Ok(());
        }
        let mut unknown: Vec<String> = ids
            .into_iter()
            .filter(|d| !self.bits.contains_key(d) && !self.extra.contains_key(d))
            .collect();
        unknown.sort();
        unknown.dedup();
        for chunk in unknown.chunks(GET_BATCH / QueueDir::ALL.len()) {
            let ranges: Vec<Range> = chunk
                .iter()
                .flat_map(|id| {
                    QueueDir::ALL
                        .iter()
                        .map(move |d| Range::key(d.key(id)).keys_only())
                })
                .collect();
            let (_, res) = store.ranges(&ranges, Some(self.revision)).await?;
            for (i, id) in chunk.iter().enumerate() {
                let mut b = 0;
                for (j, d) in QueueDir::ALL.iter().enumerate() {
                    if res
                        .get(i * QueueDir::ALL.len() + j)
                        .is_some_and(|r| !r.kvs.is_empty())
                    {
                        b |= bit(*d);
                    }
                }
                self.extra.insert(id.clone(), b);
            }
        }
        Ok(())
    }
}

async fn membership(
    store: &dyn Store,
    reg: &Registry,
    f: &Filter,
    rev: Option<i64>,
) -> Result<Membership> {
    let (pfx, _) = prefixes(reg, f);
    // Fix the revision first: every later read is made at it.
    let (revision, _) = store
        .range(&Range::prefix(QueueDir::All.prefix()).count_only(), rev)
        .await?;
    let mut m = Membership {
        revision,
        bits: HashMap::new(),
        working: HashMap::new(),
        complete: pfx.iter().any(String::is_empty),
        extra: HashMap::new(),
    };
    for dir in QueueDir::ALL {
        for p in &pfx {
            let mut range = Range::prefix(format!("{}{p}", dir.prefix()));
            if dir != QueueDir::Working {
                range = range.keys_only();
            }
            for_each_page(store, range, KEY_PAGE, Some(revision), |kvs| {
                for kv in &kvs {
                    let id = dir.id_of(&kv.key).unwrap_or_default();
                    *m.bits.entry(id.to_string()).or_default() |= bit(dir);
                    if dir == QueueDir::Working {
                        m.working
                            .insert(id.to_string(), (kv.value_str().into_owned(), kv.lease));
                    }
                }
                Ok(())
            })
            .await?;
        }
    }
    Ok(m)
}

/// Why a job cannot make progress (spec §3.3, §3.7), if it cannot.
fn stuck_reason(
    m: &Membership,
    id: &str,
    stage: Stage,
    deps: &[String],
    pending: &[String],
) -> Option<String> {
    match stage {
        Stage::Unqueued => Some("in /jobs/all with no stage key: no worker will take it".into()),
        Stage::Orphaned => Some("stage key without a /jobs/all entry (leftover)".into()),
        Stage::Waiting => {
            if deps.iter().any(|d| d == id) {
                return Some("depends on itself".into());
            }
            if pending.is_empty() {
                return Some(if deps.is_empty() {
                    "waiting with no dependencies: promotion was missed".into()
                } else {
                    "waiting, but every dependency is finished: promotion was missed".into()
                });
            }
            // A dependency only in /jobs/all is never taken, so it never finishes.
            let dead: Vec<&str> = pending
                .iter()
                .filter(|d| m.bits_of(d) & STAGE_BITS == 0)
                .map(String::as_str)
                .collect();
            (!dead.is_empty()).then(|| {
                format!(
                    "depends on unqueued job(s) that never run: {}",
                    dead.join(", ")
                )
            })
        }
        _ => None,
    }
}

/// What a `/jobs/all` value contributes to a row.
struct Parsed {
    retry: Option<i64>,
    dependency: Vec<String>,
    warnings: Vec<String>,
}

/// Only what a row needs from `[handler, job, retry]`; everything else is skipped
/// unparsed (a full `Value` of 100k jobs costs seconds of CPU).
#[derive(Deserialize)]
struct Slim(#[allow(dead_code)] String, SlimJob, i64);

#[derive(Deserialize)]
struct SlimJob {
    #[serde(default)]
    dependency: Vec<String>,
}

fn parse(kv: Option<&Kv>) -> Parsed {
    let mut p = Parsed {
        retry: None,
        dependency: vec![],
        warnings: vec![],
    };
    let Some(kv) = kv else { return p };
    if let Ok(Slim(_, job, retry)) = serde_json::from_slice::<Slim>(&kv.value) {
        p.retry = Some(retry);
        p.dependency = job.dependency;
        return p;
    }
    // Not the usual shape: the full decoder says what is wrong (and keeps what it can).
    let d = decode(Shape::JobAll, &kv.key, &kv.value);
    p.warnings = d.warnings;
    if let Some(j) = d.value.as_ref().and_then(|v| JobValue::from_value(v).ok()) {
        p.retry = Some(j.retry);
        p.dependency = j.dependency();
    }
    p
}

fn row(m: &Membership, id: &str, parsed: Parsed, ttl: &HashMap<i64, Option<i64>>) -> JobRow {
    let p = JobId::parse(id);
    let stage = m.stage(id);
    let mut r = JobRow {
        id: id.to_string(),
        action: p.as_ref().map(|j| j.action.clone()).unwrap_or_default(),
        handler: p.as_ref().map(|j| j.handler.clone()).unwrap_or_default(),
        resource_type: p
            .as_ref()
            .map(|j| j.resource_type.clone())
            .unwrap_or_default(),
        resource_id: p
            .as_ref()
            .map(|j| j.resource_id.clone())
            .unwrap_or_default(),
        version: p.as_ref().map(|j| j.version).unwrap_or(0),
        stage,
        worker: None,
        lease_ttl: None,
        retry: parsed.retry,
        pending_dependencies: parsed
            .dependency
            .iter()
            .filter(|d| m.in_all(d))
            .cloned()
            .collect(),
        dependency: parsed.dependency,
        stuck: None,
        warnings: parsed.warnings,
    };
    if p.is_none() {
        r.warnings.push(format!(
            "job id `{id}` does not follow <action>:<handler>:<type>:<id>:<version>:<suffix>"
        ));
    }
    if let Some((uuid, lease)) = m.working.get(id) {
        r.worker = Some(uuid.clone());
        r.lease_ttl = ttl.get(lease).copied().flatten();
    }
    r.stuck = stuck_reason(m, id, stage, &r.dependency, &r.pending_dependencies);
    r
}

fn wanted(f: &Filter, m: &Membership, id: &str) -> bool {
    let stage = m.stage(id);
    let by_stage = f.stages.is_empty() || f.stages.contains(&stage);
    // Stuck-by-dependency is only possible while waiting; decided once values are read.
    let maybe_stuck =
        !f.stuck || matches!(stage, Stage::Unqueued | Stage::Orphaned | Stage::Waiting);
    by_stage && maybe_stuck && matches(f, id)
}

/// Turn one batch of `/jobs/all` kvs (or absent values) into rows.
async fn rows(
    store: &dyn Store,
    m: &mut Membership,
    f: &Filter,
    batch: Vec<(String, Option<Kv>)>,
    ttl: &HashMap<i64, Option<i64>>,
) -> Result<Vec<JobRow>> {
    let parsed: Vec<(String, Parsed)> = batch
        .into_iter()
        .map(|(id, kv)| (id, parse(kv.as_ref())))
        .collect();
    m.resolve(
        store,
        parsed
            .iter()
            .flat_map(|(_, p)| p.dependency.iter().cloned())
            .collect(),
    )
    .await?;
    Ok(parsed
        .into_iter()
        .map(|(id, p)| row(m, &id, p, ttl))
        .filter(|r| !f.stuck || r.stuck.is_some() || r.stage == Stage::Waiting)
        .collect())
}

/// Ranges covering `ids` (sorted, each under one of `pfx`) in pages of about
/// [`VALUE_PAGE`] keys: per prefix, `(previous page's last id, next page's first id)`.
fn value_pages(pfx: &[String], ids: &[String]) -> Vec<Range> {
    let mut pages = Vec::new();
    for p in pfx {
        let mine: Vec<&String> = ids.iter().filter(|id| id.starts_with(p.as_str())).collect();
        let chunks: Vec<&[&String]> = mine.chunks(VALUE_PAGE as usize).collect();
        for i in 0..chunks.len() {
            let mut r = Range::prefix(QueueDir::All.key(p));
            if i > 0 {
                r = r.after(QueueDir::All.key(chunks[i - 1][chunks[i - 1].len() - 1]));
            }
            if let Some(next) = chunks.get(i + 1) {
                r = r.before(QueueDir::All.key(next[0]));
            }
            pages.push(r);
        }
    }
    pages
}

/// The TTL left of every working job's lease, one request per lease (etcd has no batch
/// form), many in flight at once.
async fn lease_ttls(
    store: &dyn Store,
    m: &Membership,
    f: &Filter,
) -> Result<HashMap<i64, Option<i64>>> {
    use futures_util::stream::{self, StreamExt, TryStreamExt};
    let leases: HashSet<i64> = m
        .working
        .iter()
        .filter(|(id, (_, lease))| *lease != 0 && wanted(f, m, id))
        .map(|(_, (_, lease))| *lease)
        .collect();
    stream::iter(leases)
        .map(|lease| async move {
            Ok::<_, crate::error::EsiError>((lease, store.lease_ttl(lease).await?))
        })
        .buffer_unordered(64)
        .try_collect()
        .await
}

/// What every page of one listing is read with.
struct Pass<'a> {
    store: &'a dyn Store,
    f: &'a Filter,
    at: Option<i64>,
    ttl: &'a HashMap<i64, Option<i64>>,
}

/// Most keys are wanted: read the prefixes' values a page at a time. Each page is bounded
/// by keys known from the keys-only pass (no limit paging, which etcd 3.4 serves in
/// quadratic time), and the next page is requested while this one is turned into rows,
/// so etcd and esi work at the same time.
async fn all_pages(
    c: &Pass<'_>,
    m: &mut Membership,
    pages: &[Range],
    in_all: Vec<String>,
    emit: &mut dyn FnMut(Vec<JobRow>) -> Result<()>,
) -> Result<()> {
    let wanted_set: HashSet<String> = in_all.into_iter().collect();
    let mut prefetched = None;
    for (i, range) in pages.iter().enumerate() {
        let res = match prefetched.take() {
            Some(r) => r,
            None => c.store.range(range, c.at).await,
        }?
        .1;
        let work = async {
            // Let the connection task send the next page's request first (on a
            // one-thread runtime it would otherwise wait for this page's work).
            tokio::task::yield_now().await;
            let batch: Vec<(String, Option<Kv>)> = res
                .kvs
                .into_iter()
                .filter(|kv| wanted_set.contains(QueueDir::All.id_of(&kv.key).unwrap_or_default()))
                .map(|kv| {
                    (
                        QueueDir::All.id_of(&kv.key).unwrap_or_default().to_string(),
                        Some(kv),
                    )
                })
                .collect();
            emit(rows(c.store, m, c.f, batch, c.ttl).await?)
        };
        match pages.get(i + 1) {
            Some(next) => {
                let (r, w) = tokio::join!(c.store.range(next, c.at), work);
                w?;
                prefetched = Some(r);
            }
            None => work.await?,
        }
    }
    Ok(())
}

/// List jobs, handing rows to `sink` a batch at a time (ids in key order per prefix;
/// orphaned stage keys last). Returns the revision read.
pub async fn list(
    store: &dyn Store,
    reg: &Registry,
    f: &Filter,
    rev: Option<i64>,
    mut sink: impl FnMut(Vec<JobRow>) -> Result<()>,
) -> Result<i64> {
    // With --stuck: waiting jobs not stuck on their own are kept, to find the ones that
    // wait on each other once every page is read.
    let mut waiting: Vec<JobRow> = Vec::new();
    let mut emit = |rows: Vec<JobRow>| -> Result<()> {
        if !f.stuck {
            return sink(rows);
        }
        let (stuck, rest): (Vec<JobRow>, Vec<JobRow>) =
            rows.into_iter().partition(|r| r.stuck.is_some());
        waiting.extend(
            rest.into_iter()
                .filter(|r| r.stage == Stage::Waiting && !r.pending_dependencies.is_empty()),
        );
        sink(stuck)
    };
    let mut m = membership(store, reg, f, rev).await?;
    let at = Some(m.revision);
    // A TTL is "now": only meaningful when reading the latest revision.
    let ttl = if rev.is_none() {
        lease_ttls(store, &m, f).await?
    } else {
        HashMap::new()
    };
    let mut in_all: Vec<String> = m
        .bits
        .iter()
        .filter(|(id, b)| *b & bit(QueueDir::All) != 0 && wanted(f, &m, id))
        .map(|(id, _)| id.clone())
        .collect();
    in_all.sort();
    let total_in_all = m
        .bits
        .values()
        .filter(|b| *b & bit(QueueDir::All) != 0)
        .count();
    if in_all.len() * 2 >= total_in_all && in_all.len() > GET_BATCH {
        let (pfx, _) = prefixes(reg, f);
        let pages = value_pages(&pfx, &in_all);
        let ctx = Pass {
            store,
            f,
            at,
            ttl: &ttl,
        };
        all_pages(&ctx, &mut m, &pages, in_all, &mut emit).await?;
    } else {
        // A filtered subset: fetch just those values, in batches of gets at one revision.
        for chunk in in_all.chunks(GET_BATCH) {
            let ranges: Vec<Range> = chunk
                .iter()
                .map(|id| Range::key(QueueDir::All.key(id)))
                .collect();
            let (_, res) = store.ranges(&ranges, at).await?;
            let batch = chunk
                .iter()
                .cloned()
                .zip(res.into_iter().map(|r| r.kvs.into_iter().next()))
                .collect();
            emit(rows(store, &mut m, f, batch, &ttl).await?)?;
        }
    }
    let mut orphans: Vec<String> = m
        .bits
        .iter()
        .filter(|(id, b)| *b & bit(QueueDir::All) == 0 && wanted(f, &m, id))
        .map(|(id, _)| id.clone())
        .collect();
    orphans.sort();
    if !orphans.is_empty() {
        let batch = orphans.into_iter().map(|id| (id, None)).collect();
        emit(rows(store, &mut m, f, batch, &ttl).await?)?;
    }
    let pairs: Vec<(&str, &[String])> = waiting
        .iter()
        .map(|r| (r.id.as_str(), r.pending_dependencies.as_slice()))
        .collect();
    let marks = crate::model::cycles::on_cycles(&pairs);
    let cyclic: Vec<JobRow> = waiting
        .into_iter()
        .enumerate()
        .filter_map(|(i, mut r)| {
            r.stuck = Some(marks.get(&i)?.clone());
            Some(r)
        })
        .collect();
    if !cyclic.is_empty() {
        sink(cyclic)?;
    }
    Ok(m.revision)
}

#[cfg(test)]
#[path = "jobs_tests.rs"]
mod tests;
