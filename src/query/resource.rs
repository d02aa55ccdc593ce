//! Read-side queries: compose store calls into model views. One place that knows which
//! keys to read for a resource, so `show`, `ls`, `watch` and the engine agree.

use std::collections::{BTreeMap, BTreeSet};

use crate::error::{EsiError, Result};
use crate::model::job::JobId;
use crate::model::keys::{Family, QueueDir};
use crate::model::registry::{Registry, ResourceType};
use crate::model::resource::{JobEntry, ResourceView, Stage};
use crate::store::{Kv, Range, RangeResult, Store};

/// The ranges that hold everything about one resource: 6 family keys, then, for every
/// queue directory, one prefix per (action, handler) — job keys start with
/// `<action>:<handler>:<type>:<id>:`, so no queue scan is needed.
fn resource_ranges(reg: &Registry, t: &ResourceType, id: &str) -> (Vec<Range>, Vec<QueueDir>) {
    let mut ranges: Vec<Range> = Family::ALL
        .iter()
        .map(|f| Range::key(f.key(t, id)))
        .collect();
    let mut dirs = Vec::new();
    for dir in QueueDir::ALL {
        for p in JobId::resource_prefixes(reg.handlers(), &t.id, id) {
            ranges.push(Range::prefix(format!("{}{}", dir.prefix(), p)));
            dirs.push(dir);
        }
    }
    (ranges, dirs)
}

/// Read one resource at one revision (`None` = latest) in one round trip, then fill in
/// lease TTLs and pending dependencies (extra reads only when there are such jobs).
pub async fn read_resource(
    store: &dyn Store,
    reg: &Registry,
    t: &ResourceType,
    id: &str,
    rev: Option<i64>,
) -> Result<ResourceView> {
    let (ranges, dirs) = resource_ranges(reg, t, id);
    let (revision, results) = store.ranges(&ranges, rev).await?;
    let mut results = results.into_iter();
    let families: Vec<Option<Kv>> = (0..6)
        .map(|_| results.next().and_then(|r| r.kvs.into_iter().next()))
        .collect();
    let job_kvs: Vec<(QueueDir, Kv)> = dirs
        .into_iter()
        .zip(results)
        .flat_map(|(d, r)| r.kvs.into_iter().map(move |kv| (d, kv)))
        .collect();
    let mut jobs = JobEntry::group(job_kvs);
    enrich_jobs(store, &mut jobs, revision, rev.is_none()).await?;
    let families: [Option<Kv>; 6] = families.try_into().expect("six families");
    Ok(ResourceView::assemble(t, id, revision, families, jobs))
}

/// Lease TTL of working jobs (only when `latest`: a TTL is "now") and which dependencies
/// are still in `/jobs/all` at `revision` (the view's, so the view stays consistent).
pub async fn enrich_jobs(
    store: &dyn Store,
    jobs: &mut [JobEntry],
    revision: i64,
    latest: bool,
) -> Result<()> {
    if latest {
        for j in jobs.iter_mut().filter(|j| j.stage == Stage::Working) {
            if let Some(lease) = j.lease {
                j.lease_ttl = store.lease_ttl(lease).await?;
            }
        }
    }
    let deps: BTreeSet<String> = jobs
        .iter()
        .flat_map(|j| j.dependency.iter().cloned())
        .collect();
    if deps.is_empty() {
        return Ok(());
    }
    let ranges: Vec<Range> = deps
        .iter()
        .map(|d| Range::key(QueueDir::All.key(d)).keys_only())
        .collect();
    let (_, res) = store.ranges(&ranges, Some(revision)).await?;
    let present: BTreeSet<&String> = deps
        .iter()
        .zip(res.iter())
        .filter(|(_, r)| !r.kvs.is_empty())
        .map(|(d, _)| d)
        .collect();
    for j in jobs.iter_mut() {
        j.pending_dependencies = j
            .dependency
            .iter()
            .filter(|d| present.contains(d))
            .cloned()
            .collect();
    }
    Ok(())
}

/// Every resource of a type at one revision: one prefix range per family plus keys-only
/// ranges of the queue stage directories, all concurrent (not N×6 gets). The views
/// come one at a time from [`Listing::views`], so a listing never holds them all.
///
/// Left out on purpose, because a listing does not show them and they dominate the cost
/// with a large queue: `/esi-worker/config` values and the `/jobs/all` keys (jobs are
/// placed by their stage keys; `esi jobs --stuck` finds jobs without one).
pub async fn list_resources(
    store: &dyn Store,
    reg: &Registry,
    t: &ResourceType,
    rev: Option<i64>,
) -> Result<Listing> {
    use futures_util::stream::{self, StreamExt, TryStreamExt};
    let mut stage_ranges = Vec::new();
    for dir in [
        QueueDir::Waiting,
        QueueDir::Ready,
        QueueDir::Working,
        QueueDir::Finished,
    ] {
        for p in JobId::type_prefixes(reg.handlers(), &t.id) {
            let r = Range::prefix(format!("{}{}", dir.prefix(), p)).keys_only();
            stage_ranges.push((dir, r));
        }
    }
    // Pin one revision, then read the families and the queue concurrently at it: etcd
    // serves concurrent ranges on several cores, where one txn runs on one.
    let revision = match rev {
        Some(r) => r,
        None => store.range(&Range::key("/").count_only(), None).await?.0,
    };
    let stages = stream::iter(stage_ranges)
        .map(|(dir, r)| async move {
            let (_, got) = store.range(&r, Some(revision)).await?;
            Ok::<_, EsiError>(got.kvs.into_iter().map(move |kv| (dir, kv)))
        })
        .buffered(4)
        .try_fold(Vec::new(), |mut all, kvs| async move {
            all.extend(kvs);
            Ok(all)
        });
    let (families, stages) = tokio::join!(read_listed(store, t, revision), stages);
    Ok(Listing {
        revision,
        families: families?,
        stages: stages?,
    })
}

/// What [`list_resources`] read of a type.
pub struct Listing {
    pub revision: i64,
    families: Vec<RangeResult>,
    stages: Vec<(QueueDir, Kv)>,
}

impl Listing {
    /// The type's views, one at a time, in id order.
    pub fn views<'a>(
        self,
        reg: &Registry,
        t: &'a ResourceType,
    ) -> impl Iterator<Item = ResourceView> + 'a {
        assemble(reg, t, self.revision, self.families, self.stages)
    }
}

/// The families a listing shows, in this order.
pub const LISTED: [Family; 5] = [
    Family::Config,
    Family::HeatStack,
    Family::JobState,
    Family::State,
    Family::Monitoring,
];

/// The [`LISTED`] families of a type at `revision`: one range each, concurrently.
pub async fn read_listed(
    store: &dyn Store,
    t: &ResourceType,
    revision: i64,
) -> Result<Vec<RangeResult>> {
    let at = Some(revision);
    let r: Vec<Range> = LISTED
        .iter()
        .map(|f| Range::prefix(f.type_prefix(t)))
        .collect();
    let (a, b, c, d, e) = tokio::join!(
        store.range(&r[0], at),
        store.range(&r[1], at),
        store.range(&r[2], at),
        store.range(&r[3], at),
        store.range(&r[4], at),
    );
    Ok(vec![a?.1, b?.1, c?.1, d?.1, e?.1])
}

/// A type's views from its [`LISTED`] family ranges and its stage keys (keys-only; each
/// job assumed to have its `/jobs/all` entry, which a listing does not read). Stage
/// keys are placed under the resource id their job id names; a caller passes only
/// this type's jobs of registered handlers and actions.
pub fn assemble<'a>(
    reg: &Registry,
    t: &'a ResourceType,
    revision: i64,
    families: Vec<RangeResult>,
    stages: Vec<(QueueDir, Kv)>,
) -> impl Iterator<Item = ResourceView> + 'a {
    let mut per_id: BTreeMap<String, [Option<Kv>; 6]> = BTreeMap::new();
    // An id with a `/` is this type's own, unless another type's keys live beneath it.
    let nested = reg
        .iter()
        .any(|o| o.prefix.starts_with(&format!("{}/", t.prefix)));
    for (f, r) in LISTED.into_iter().zip(families) {
        let slot = Family::ALL.iter().position(|x| *x == f).expect("family");
        let prefix = f.type_prefix(t);
        for kv in r.kvs {
            let Some(id) = kv.key.strip_prefix(&prefix).map(String::from) else {
                continue;
            };
            if nested && id.contains('/') {
                continue;
            }
            per_id.entry(id).or_default()[slot] = Some(kv);
        }
    }
    let mut jobs_by_id: BTreeMap<String, Vec<(QueueDir, Kv)>> = BTreeMap::new();
    for (dir, kv) in stages {
        let job = kv.key.strip_prefix(&dir.prefix()).and_then(JobId::parse);
        if let Some(j) = job {
            per_id.entry(j.resource_id.clone()).or_default();
            jobs_by_id.entry(j.resource_id).or_default().push((dir, kv));
        }
    }
    // One view at a time: a fleet pass keeps only a brief of each.
    per_id.into_iter().map(move |(id, fams)| {
        // Stage keys alone: /jobs/all was not read, so do not call them orphans.
        let jobs = JobEntry::group_stages(jobs_by_id.remove(&id).unwrap_or_default());
        ResourceView::assemble(t, &id, revision, fams, jobs)
    })
}

/// Resolve "not found" for a resource view into the documented error.
pub fn require_found(view: &ResourceView) -> Result<()> {
    if view.is_empty() {
        return Err(EsiError::NotFound(format!(
            "{} {} not found: no key under any family at revision {}",
            view.resource.rtype, view.resource.id, view.revision
        )));
    }
    Ok(())
}

/// Watch specs for every key of a resource: the family keys (optionally only some) and,
/// unless excluded, its job keys in every queue directory.
pub fn resource_specs(
    reg: &Registry,
    t: &ResourceType,
    id: &str,
    families: &[Family],
    jobs: bool,
) -> Vec<crate::store::follow::Spec> {
    use crate::store::follow::Spec;
    let mut specs: Vec<Spec> = Family::ALL
        .iter()
        .filter(|f| families.is_empty() || families.contains(f))
        .map(|f| Spec::key(f.key(t, id)))
        .collect();
    if jobs {
        for dir in QueueDir::ALL {
            for p in JobId::resource_prefixes(reg.handlers(), &t.id, id) {
                specs.push(Spec::prefix(format!("{}{}", dir.prefix(), p)));
            }
        }
    }
    specs
}
