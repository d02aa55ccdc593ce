//! `esi check`: the whole fleet at ONE pinned revision — resources per type by verdict,
//! the queue's health, root causes (what each stuck job or failed resource holds up),
//! the engine (election holder, workers) and the etcd cluster — as a versioned report
//! (docs/json-output.md). Keys-only and count-only reads wherever values are not needed.

mod cluster;
pub(crate) mod queue;
pub(crate) mod read;
mod report;

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

use crate::error::Result;
use crate::model::agreement::Code;
use crate::model::job::{JobId, JobRef};
use crate::model::keys::{QueueDir, ACTIONS};
use crate::model::registry::{Registry, ResourceType};
use crate::model::resource::{ResourceView, Stage};
use crate::model::roots::{blocked, Root};
use crate::query::resource::{assemble, read_listed};
use crate::store::{ClusterInfo, Kv, Range, Store};

pub use queue::Queue;
pub use report::{Check, CheckOptions, Status, Ttls};

/// Types whose families are read ahead of the one being summed up.
const PREFETCH: usize = 2;

/// Version of the report's shape.
pub const SCHEMA: u32 = 1;

/// A stuck job or failed resource and every waiting job it holds up.
#[derive(Debug, Clone, Serialize)]
pub struct RootCause {
    pub resource_type: String,
    pub resource_id: String,
    /// The stuck job (null for a failed resource).
    pub job: Option<String>,
    pub why: String,
    /// Waiting jobs held up, directly or through others.
    pub blocks: usize,
    pub blocked: Vec<String>,
    pub hint: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    pub schema: u32,
    /// Every read was made at this revision.
    pub revision: i64,
    /// The worst status of all checks.
    pub status: Status,
    pub checks: Vec<Check>,
    pub root_causes: Vec<RootCause>,
    /// type → verdict code → resources.
    pub resources: BTreeMap<String, BTreeMap<String, usize>>,
    pub engine: cluster::Engine,
    /// Null for an offline store.
    pub etcd: Option<ClusterInfo>,
}

/// What a fleet pass keeps of each resource: its verdict and its config's identity.
#[derive(Debug, Clone)]
pub struct Brief {
    pub rtype: String,
    pub id: String,
    pub code: Code,
    /// The verdict's one line.
    pub text: String,
    pub config_key: String,
    pub config_present: bool,
    pub config_create: Option<i64>,
    pub config_mod: Option<i64>,
    /// The ESI version of the config.
    pub config_version: Option<i64>,
}

impl Brief {
    pub fn of(v: &ResourceView) -> Brief {
        Brief {
            rtype: v.resource.rtype.clone(),
            id: v.resource.id.clone(),
            code: v.verdict.code,
            text: v.verdict.text.clone(),
            config_key: v.config.key.clone(),
            config_present: v.config.present,
            config_create: v.config.create_revision,
            config_mod: v.config.mod_revision,
            config_version: v.verdict.config_version,
        }
    }
}

/// Everything one pass reads, at one revision: the base of `esi check` and of bulk
/// replay plans.
pub struct Fleet {
    pub revision: i64,
    pub views: Vec<Brief>,
    pub queue: Queue,
    /// Stuck job id → why.
    pub stuck: BTreeMap<String, String>,
    pub engine: cluster::Engine,
    pub etcd: Option<ClusterInfo>,
}

impl Fleet {
    /// In-flight job ids of each resource.
    pub fn jobs_by_resource(&self) -> HashMap<(&str, &str), Vec<&str>> {
        let mut m: HashMap<(&str, &str), Vec<&str>> = HashMap::new();
        for (id, n) in &self.queue.nodes {
            m.entry((n.resource.0.as_str(), n.resource.1.as_str()))
                .or_default()
                .push(id.as_str());
        }
        m
    }

    /// Waiting jobs that `job` holds up, directly or through others.
    pub fn blocked_by(&self, job: &str) -> Vec<String> {
        let root = Root::Job {
            id: job.to_string(),
            why: String::new(),
        };
        blocked(&self.queue.nodes, &[root])
            .pop()
            .unwrap_or_default()
    }
}

/// What a fleet pass reads besides the resources of its types.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scope {
    /// The whole queue, not only the jobs of the types: a plan's dependencies may be
    /// jobs of any type.
    pub whole_queue: bool,
    /// The etcd cluster's members and status.
    pub cluster: bool,
}

/// Read the fleet (resources of `types`, or all; the queue; the engine; the cluster as
/// `scope` says) at the latest revision.
pub async fn fleet(
    store: &dyn Store,
    reg: &Registry,
    types: &[String],
    scope: Scope,
) -> Result<Fleet> {
    let cluster = scope.cluster;
    let (revision, _) = store.range(&Range::key("/").count_only(), None).await?;
    let types: Vec<_> = reg
        .iter()
        .filter(|t| types.is_empty() || types.contains(&t.id))
        .collect();
    let wanted: HashSet<&str> = types.iter().map(|t| t.id.as_str()).collect();
    let in_scope = |t: &str| scope.whole_queue || wanted.contains(t);
    // The queue and the first types' families at once; each type's views are then
    // assembled from its families and its stage keys (read once, with the queue) and
    // summed up at once, while the next types are read: full views (and the families
    // they come from) are the biggest thing a pass would hold, so only two types' are
    // held at a time.
    use futures_util::stream::{self, StreamExt};
    let mut families = stream::iter(types.iter().copied())
        .map(|t| async move { read_listed(store, t, revision).await.map(|f| (t, f)) })
        .buffered(PREFETCH);
    let etcd = async {
        if cluster {
            store.cluster().await
        } else {
            Ok(None)
        }
    };
    let first = async {
        let mut got = Vec::with_capacity(PREFETCH);
        for _ in 0..PREFETCH {
            match families.next().await {
                Some(f) => got.push(f),
                None => break,
            }
        }
        got
    };
    let (first, q, etcd) = tokio::join!(first, read::read(store, reg, revision, &in_scope), etcd);
    let queue = q?;
    let mut by_type = stage_ids(reg, &queue);
    let mut views = Vec::new();
    let mut add = |(t, fams): (&ResourceType, _)| {
        let st = stage_kvs(&queue, by_type.remove(t.id.as_str()).unwrap_or_default());
        views.extend(assemble(reg, t, revision, fams, st).map(|v| Brief::of(&v)));
    };
    for f in first {
        add(f?);
    }
    while let Some(f) = families.next().await {
        add(f?);
    }
    let (engine, ttl) = cluster::engine(store, &queue, revision).await?;
    let stuck = queue::stuck(&queue, &ttl);
    Ok(Fleet {
        revision,
        views,
        queue,
        stuck,
        engine,
        etcd: etcd?,
    })
}

/// Each type's job ids with stage keys, as a listing of the type finds them: jobs of
/// registered handlers and actions.
fn stage_ids<'q>(reg: &Registry, q: &'q Queue) -> HashMap<&'q str, Vec<&'q str>> {
    let mut m: HashMap<&str, Vec<&str>> = HashMap::new();
    for (id, dirs) in &q.dirs {
        let Some(j) = JobRef::parse(id) else { continue };
        let listed = ACTIONS.contains(&j.action) && reg.handlers().iter().any(|h| h == j.handler);
        if listed && dirs.iter().any(|d| *d != QueueDir::All) {
            m.entry(j.resource_type).or_default().push(id);
        }
    }
    m
}

/// The stage keys of `ids` as a keys-only listing returns them, rebuilt from the queue
/// (working with its reservation and lease) rather than kept from the read: a brief
/// needs no key revisions, and holding 100k key-values would double the pass's memory.
fn stage_kvs(q: &Queue, ids: Vec<&str>) -> Vec<(QueueDir, Kv)> {
    let mut out = Vec::new();
    for id in ids {
        for dir in q.dirs[id].iter().filter(|d| **d != QueueDir::All) {
            let mut kv = Kv {
                key: dir.key(id),
                ..Default::default()
            };
            if *dir == QueueDir::Working {
                if let Some((uuid, lease)) = q.working.get(id) {
                    kv.value = uuid.clone().into_bytes();
                    kv.lease = *lease;
                }
            }
            out.push((*dir, kv));
        }
    }
    out
}

/// Run every check at one revision.
pub async fn check(store: &dyn Store, reg: &Registry, o: &CheckOptions) -> Result<CheckReport> {
    let scope = Scope {
        whole_queue: false,
        cluster: true,
    };
    let f = fleet(store, reg, &o.types, scope).await?;
    let mut checks = resource_checks(&f.views, o);
    checks.extend(queue::checks(&f.queue, &f.stuck, o.show));
    checks.push(config_gone(&f.queue, &f.views, o.show));
    let root_causes = root_causes(&f.queue, &f.stuck, &f.views, o.show);
    checks.push(roots_check(&root_causes, o.show));
    checks.extend(cluster::engine_checks(&f.engine, &f.queue));
    checks.extend(cluster::etcd_checks(f.etcd.as_ref(), o));
    let status = checks.iter().map(|c| c.status).max().unwrap_or(Status::Ok);
    let mut resources: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for v in &f.views {
        *resources
            .entry(v.rtype.clone())
            .or_default()
            .entry(v.code.name())
            .or_default() += 1;
    }
    Ok(CheckReport {
        schema: SCHEMA,
        revision: f.revision,
        status,
        checks,
        root_causes,
        resources,
        engine: f.engine,
        etcd: f.etcd,
    })
}

/// One check per type that has resources: its verdict codes, and the worst of them.
fn resource_checks(views: &[Brief], o: &CheckOptions) -> Vec<Check> {
    let mut by_type: BTreeMap<&str, Vec<&Brief>> = BTreeMap::new();
    for v in views {
        by_type.entry(&v.rtype).or_default().push(v);
    }
    by_type
        .into_iter()
        .map(|(t, vs)| {
            let mut codes: BTreeMap<Code, Vec<&str>> = BTreeMap::new();
            for v in &vs {
                codes.entry(v.code).or_default().push(&v.id);
            }
            let n = |c: Code| codes.get(&c).map_or(0, Vec::len);
            let hard = [Code::Stuck, Code::Unreadable, Code::Inconsistent];
            let soft = [Code::Degraded, Code::Orphaned];
            let status = if n(Code::Failed) > o.max_failed
                || n(Code::Stale) > o.max_stale
                || hard.iter().any(|c| n(*c) > 0)
            {
                Status::Fail
            } else if n(Code::Failed) + n(Code::Stale) > 0 || soft.iter().any(|c| n(*c) > 0) {
                Status::Warn
            } else {
                Status::Ok
            };
            let summary = codes
                .iter()
                .map(|(c, ids)| format!("{} {}", c.name(), ids.len()))
                .collect::<Vec<_>>()
                .join(", ");
            // Offenders: the worst codes first.
            let order = [
                Code::Failed,
                Code::Stuck,
                Code::Unreadable,
                Code::Inconsistent,
                Code::Stale,
                Code::Degraded,
                Code::Orphaned,
            ];
            let worst = order.iter().find(|c| n(**c) > 0);
            let problems: Vec<&str> = order
                .iter()
                .flat_map(|c| codes.get(c).into_iter().flatten().copied())
                .collect();
            let hint = worst.map(|c| match c {
                Code::Failed | Code::Stuck => format!(
                    "esi replay jobs --type {t} --verdict {} --dry-run",
                    c.name()
                ),
                _ => format!("esi ls {t} --verdict {}", c.name()),
            });
            Check {
                name: format!("resources.{t}"),
                status,
                count: problems.len(),
                summary: format!("{} resources: {summary}", vs.len()),
                offenders: problems
                    .iter()
                    .take(o.show)
                    .map(|s| s.to_string())
                    .collect(),
                hint,
            }
        })
        .collect()
}

/// Jobs in flight for resources whose /config is gone.
fn config_gone(q: &Queue, views: &[Brief], show: usize) -> Check {
    let with_config: HashSet<(&str, &str)> = views
        .iter()
        .filter(|v| v.config_present)
        .map(|v| (v.rtype.as_str(), v.id.as_str()))
        .collect();
    let gone: Vec<String> = q
        .nodes
        .iter()
        .filter(|(_, n)| !with_config.contains(&(n.resource.0.as_str(), n.resource.1.as_str())))
        .map(|(id, _)| id.clone())
        .collect();
    Check::found(
        "queue.config_gone",
        Status::Warn,
        gone,
        show,
        "jobs in flight whose resource's /config is gone",
    )
    .hint("esi show <type> <id>")
}

/// Stuck jobs and failed resources, each with the waiting jobs it holds up (most first).
fn root_causes(
    q: &Queue,
    stuck: &BTreeMap<String, String>,
    views: &[Brief],
    show: usize,
) -> Vec<RootCause> {
    let mut roots: Vec<Root> = stuck
        .iter()
        .filter(|(id, _)| q.stage(id) != Stage::Orphaned)
        .map(|(id, why)| Root::Job {
            id: id.clone(),
            why: why.clone(),
        })
        .collect();
    roots.extend(
        views
            .iter()
            .filter(|v| v.code == Code::Failed)
            .map(|v| Root::Resource {
                rtype: v.rtype.clone(),
                id: v.id.clone(),
                why: v.text.clone(),
            }),
    );
    let held = blocked(&q.nodes, &roots);
    let mut out: Vec<RootCause> = roots
        .into_iter()
        .zip(held)
        .map(|(r, b)| {
            let (rtype, rid, job, why) = match r {
                Root::Job { id, why } => {
                    let j = JobId::parse(&id);
                    let (t, i) = j
                        .map(|j| (j.resource_type, j.resource_id))
                        .unwrap_or_default();
                    (t, i, Some(id), format!("STUCK: {why}"))
                }
                Root::Resource { rtype, id, why } => (rtype, id, None, why),
            };
            let hint = match &job {
                Some(j) => format!("esi replay job {j} --dry-run"),
                None => format!("esi replay job --latest {rtype} {rid} --dry-run"),
            };
            RootCause {
                blocks: b.len(),
                blocked: b.into_iter().take(show).collect(),
                resource_type: rtype,
                resource_id: rid,
                job,
                why,
                hint,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.blocks
            .cmp(&a.blocks)
            .then(a.resource_id.cmp(&b.resource_id))
    });
    out
}

fn roots_check(roots: &[RootCause], show: usize) -> Check {
    let blocked: usize = roots.iter().map(|r| r.blocks).sum();
    let items: Vec<String> = roots
        .iter()
        .map(|r| format!("{} {} blocks {}", r.resource_type, r.resource_id, r.blocks))
        .collect();
    let mut c = Check::found(
        "root_causes",
        Status::Fail,
        items,
        show,
        "stuck jobs or failed resources",
    );
    if !roots.is_empty() {
        c.summary = format!("{} (holding up {blocked} waiting jobs)", c.summary);
    }
    c.hint("esi replay jobs --blocked-by <job-id> --dry-run")
}
