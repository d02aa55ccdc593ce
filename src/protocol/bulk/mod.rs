//! Bulk replay (`esi replay jobs`): select resources by verdict, stage, stuckness, the
//! job that blocks them or a list of ids; plan, at ONE revision, which job each gets
//! (its latest job again, under a new id, dependencies recomputed) and which are
//! skipped and why; then write each as the same single guarded transaction as one
//! `esi replay` (with its audit record inside), so every job is all or nothing and a
//! rerun does only the rest. Bulk enqueue (`enqueue`) plans fresh jobs the same way.

pub mod enqueue;
mod run;
mod sources;

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;
use serde_json::Value;

use crate::error::{EsiError, Result};
use crate::model::agreement::Code;
use crate::model::job::{resource_job_prefixes, JobId, JobValue};
use crate::model::keys::{Family, QueueDir};
use crate::model::registry::Registry;
use crate::model::resource::Stage;
use crate::protocol::build as builder;
use crate::protocol::enqueue::{absent_prefix_except, Guards};
use crate::protocol::plan::WritePlan;
use crate::query::check::{Brief, Fleet};
use crate::store::Store;

pub use run::{execute, Progress, RunOptions, Summary};

/// Which resources to replay; every criterion given must hold (AND).
#[derive(Debug, Clone, Default)]
pub struct Selector {
    pub types: Vec<String>,
    pub verdicts: Vec<Code>,
    /// The job replayed must have this action.
    pub action: Option<String>,
    /// The resource has a job in flight at one of these stages.
    pub stages: Vec<Stage>,
    /// The resource has a stuck job in flight.
    pub stuck: bool,
    /// The resource has a waiting job that this job holds up.
    pub blocked_by: Option<String>,
    /// Resource ids or job ids (from a file or stdin).
    pub ids: Vec<String>,
}

impl Selector {
    fn is_empty(&self) -> bool {
        self.verdicts.is_empty()
            && self.action.is_none()
            && self.stages.is_empty()
            && !self.stuck
            && self.blocked_by.is_none()
            && self.ids.is_empty()
    }
}

/// One resource of the plan (`--dry-run -o json`: docs/json-output.md).
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub resource_type: String,
    pub resource_id: String,
    pub verdict: Code,
    /// `replay`, `enqueue` or `skip`.
    pub decision: &'static str,
    /// Why (the skip reason, or what the replay replaces).
    pub reason: String,
    /// The job replayed.
    pub source: Option<String>,
    /// The new job's id.
    pub job_id: Option<String>,
    pub stage: Option<QueueDir>,
    pub dependencies: Vec<String>,
    #[serde(skip)]
    pub write: Option<WritePlan>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BulkPlan {
    /// `replay` or `enqueue`.
    pub kind: &'static str,
    pub revision: i64,
    pub items: Vec<Item>,
}

impl BulkPlan {
    pub fn writes(&self) -> usize {
        self.items.iter().filter(|i| i.write.is_some()).count()
    }

    /// "port 120, vnf_instance 17": the writes per type, for the prompt.
    pub fn per_type(&self) -> String {
        let mut m: BTreeMap<&str, usize> = BTreeMap::new();
        for i in self.items.iter().filter(|i| i.write.is_some()) {
            *m.entry(&i.resource_type).or_default() += 1;
        }
        m.iter()
            .map(|(t, n)| format!("{t} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The resources the selector picks, in (type, id) order.
fn select<'a>(fleet: &'a Fleet, sel: &Selector) -> Result<Vec<&'a Brief>> {
    if sel.is_empty() {
        return Err(EsiError::Usage(
            "give what to replay: --verdict, --stage, --stuck, --blocked-by, --action, or ids (a file, or - for stdin)".into(),
        ));
    }
    let jobs = fleet.jobs_by_resource();
    let blocked: Option<HashSet<(String, String)>> = sel.blocked_by.as_ref().map(|j| {
        fleet
            .blocked_by(j)
            .iter()
            .filter_map(|w| fleet.queue.nodes.get(w).map(|n| n.resource.clone()))
            .collect()
    });
    let ids: HashSet<&str> = sel.ids.iter().map(|s| resource_id_of(s)).collect();
    let picked = fleet
        .views
        .iter()
        .filter(|v| {
            let (t, id) = (v.rtype.as_str(), v.id.as_str());
            let mine = jobs.get(&(t, id)).cloned().unwrap_or_default();
            (sel.types.is_empty() || sel.types.iter().any(|x| x == t))
                && (sel.verdicts.is_empty() || sel.verdicts.contains(&v.code))
                && (sel.ids.is_empty() || ids.contains(id))
                && (sel.stages.is_empty()
                    || mine
                        .iter()
                        .any(|j| sel.stages.contains(&fleet.queue.stage(j))))
                && (!sel.stuck || mine.iter().any(|j| fleet.stuck.contains_key(*j)))
                && blocked
                    .as_ref()
                    .is_none_or(|b| b.contains(&(t.to_string(), id.to_string())))
        })
        .collect();
    Ok(picked)
}

/// A given id as a resource id: a job id names its resource's (4th field).
fn resource_id_of(s: &str) -> &str {
    match JobId::parse(s) {
        Some(_) => s.split(':').nth(3).unwrap_or(s),
        None => s,
    }
}

/// Ids given that name no resource of the fleet (said as warnings).
pub fn unknown_ids(fleet: &Fleet, sel: &Selector) -> Vec<String> {
    let known: HashSet<&str> = fleet.views.iter().map(|v| v.id.as_str()).collect();
    sel.ids
        .iter()
        .filter(|s| !known.contains(resource_id_of(s)))
        .cloned()
        .collect()
}

/// Plan the bulk replay at the fleet's revision.
pub async fn plan(
    store: &dyn Store,
    reg: &Registry,
    fleet: &Fleet,
    sel: &Selector,
) -> Result<BulkPlan> {
    let picked = select(fleet, sel)?;
    let jobs = fleet.jobs_by_resource();
    let mut items: Vec<Item> = Vec::new();
    // First the skips that need no job value; the rest need their source found.
    let mut pending: Vec<(&Brief, Option<String>)> = Vec::new();
    for v in picked {
        let key = (v.rtype.as_str(), v.id.as_str());
        let mine = jobs.get(&key).cloned().unwrap_or_default();
        let running: Vec<&str> = mine
            .iter()
            .copied()
            .filter(|j| !fleet.stuck.contains_key(*j))
            .collect();
        if !v.config_present {
            items.push(skip(
                v,
                "its /config is gone: nothing to replay against".into(),
            ));
        } else if !running.is_empty() {
            items.push(skip(
                v,
                format!("already in flight: {}", running.join(", ")),
            ));
        } else {
            pending.push((v, mine.first().map(|s| s.to_string())));
        }
    }
    let found = sources::find(store, fleet, &pending).await?;
    let ctx = Planning {
        reg,
        fleet,
        by_resource: fleet.jobs_by_resource(),
        reverse: sources::reverse_references(store, reg, fleet, &pending).await?,
    };
    for (v, stuck) in pending {
        let key = (v.rtype.clone(), v.id.clone());
        let Some((source, value)) = found.get(&key) else {
            items.push(skip(
                v,
                "no job in flight and none in history: `esi enqueue` builds one".into(),
            ));
            continue;
        };
        let item = plan_one(&ctx, v, source, value, stuck.as_deref());
        items.push(match (item, &sel.action) {
            (Ok(i), Some(a)) if !source.starts_with(&format!("{a}:")) => skip(
                v,
                format!(
                    "its latest job {} is not a {a}",
                    i.source.unwrap_or_default()
                ),
            ),
            (Ok(i), _) => i,
            (Err(e), _) => skip(v, e.to_string()),
        });
    }
    items.sort_by(|a, b| {
        (&a.resource_type, &a.resource_id).cmp(&(&b.resource_type, &b.resource_id))
    });
    Ok(BulkPlan {
        kind: "replay",
        revision: fleet.revision,
        items,
    })
}

/// In-flight job ids of each resource.
type ByResource<'a> = HashMap<(&'a str, &'a str), Vec<&'a str>>;

/// What planning one item needs, read once for all.
struct Planning<'a> {
    reg: &'a Registry,
    fleet: &'a Fleet,
    by_resource: ByResource<'a>,
    reverse: sources::Reverse,
}

fn skip(v: &Brief, reason: String) -> Item {
    Item {
        resource_type: v.rtype.clone(),
        resource_id: v.id.clone(),
        verdict: v.code,
        decision: "skip",
        reason,
        source: None,
        job_id: None,
        stage: None,
        dependencies: vec![],
        write: None,
    }
}

/// The dependencies of a copy (spec §2.6) from what the fleet read: in-flight jobs of
/// what it references (forward), and in-flight jobs that reference it (reverse); never
/// the jobs in `not`.
fn dependencies(
    by_resource: &ByResource,
    (rtype, id): (&str, &str),
    referenced: &[(String, String)],
    not: [Option<&str>; 2],
    reverse: &sources::Reverse,
) -> Vec<String> {
    let mut deps: Vec<String> = Vec::new();
    let mut add = |j: &str| {
        if !not.contains(&Some(j)) && !deps.iter().any(|d| d == j) {
            deps.push(j.to_string());
        }
    };
    for (rt, ri) in referenced {
        if (rt.as_str(), ri.as_str()) == (rtype, id) {
            continue;
        }
        for j in by_resource
            .get(&(rt.as_str(), ri.as_str()))
            .into_iter()
            .flatten()
        {
            add(j);
        }
    }
    for j in reverse
        .get(&(rtype.to_string(), id.to_string()))
        .into_iter()
        .flatten()
    {
        add(j);
    }
    deps
}

/// The copy of `source` for one resource: new id, dependencies from the fleet (forward:
/// in-flight jobs of what it references; reverse: in-flight jobs that reference it), and
/// the guards of a single replay.
fn plan_one(
    ctx: &Planning,
    v: &Brief,
    source: &str,
    value: &JobValue,
    stuck: Option<&str>,
) -> Result<Item> {
    let (reg, fleet) = (ctx.reg, ctx.fleet);
    let t = reg.resolve(&v.rtype)?;
    let (Some(version), Some(config_mod)) = (v.config_version, v.config_mod) else {
        return Err(EsiError::InvalidData(format!(
            "{} has no readable version: nothing to replay against",
            v.config_key
        )));
    };
    let sid =
        JobId::parse(source).ok_or_else(|| EsiError::InvalidData(format!("job id {source}")))?;
    if version != sid.version {
        return Err(EsiError::Refused(format!(
            "stale: the config is at v{version} but its latest job {source} was built from v{} (enqueue instead)",
            sid.version
        )));
    }
    let mut new_id = sid.clone();
    while new_id.suffix == sid.suffix {
        new_id.suffix = JobId::random_suffix();
    }
    let new_id = new_id.to_string();
    let deps = dependencies(
        &ctx.by_resource,
        (&t.id, &v.id),
        &value.referenced(),
        [Some(source), stuck],
        &ctx.reverse,
    );
    let mut job: Value = value.job.clone();
    if let Some(m) = job.as_object_mut() {
        m.insert("id".into(), Value::String(new_id.clone()));
    }
    builder::set_dependency(&mut job, &deps);
    let prefixes = resource_job_prefixes(reg, &t.id, &v.id);
    let except = QueueDir::All.key(stuck.unwrap_or(""));
    let guards = Guards {
        config_key: Family::Config.key(t, &v.id),
        config_mod_revision: config_mod,
        compares: prefixes
            .iter()
            .flat_map(|p| absent_prefix_except(p, &except))
            .collect(),
        prefixes,
    };
    let write = WritePlan {
        what: format!("bulk-replay {source}"),
        job_id: new_id.clone(),
        handler: value.handler.clone(),
        job,
        dependencies: deps.clone(),
        read_revision: fleet.revision,
        guards,
        allowed: stuck.map(String::from).into_iter().collect(),
        dry_run: false,
    };
    let stage = if deps.is_empty() {
        QueueDir::Ready
    } else {
        QueueDir::Waiting
    };
    Ok(Item {
        resource_type: t.id.clone(),
        resource_id: v.id.clone(),
        verdict: v.code,
        decision: "replay",
        reason: match stuck {
            Some(s) => format!(
                "replaces stuck job {s}: {}",
                fleet.stuck.get(s).cloned().unwrap_or_default()
            ),
            None => v.text.clone(),
        },
        source: Some(source.to_string()),
        job_id: Some(new_id),
        stage: Some(stage),
        dependencies: deps,
        write: Some(write),
    })
}
