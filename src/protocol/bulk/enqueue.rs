//! Bulk enqueue (`esi enqueue <action> <type> --verdict …|--ids FILE`): for each selected
//! resource, a fresh job built from its config exactly as one `esi enqueue` builds it,
//! every read at the fleet's ONE revision (config, state, the configs the mappings
//! consult); dependencies from the fleet as bulk replay finds them. Skipped, with the
//! reason: config gone, a job already in flight, not workable, or an action the system
//! would not choose. Each write is the single enqueue's guarded transaction.

use crate::error::{EsiError, Result};
use crate::model::job::version_job_prefixes;
use crate::model::keys::{Family, QueueDir};
use crate::model::registry::Registry;
use crate::protocol::build::{self as builder, BuildOptions, ConfigRecord, Workability};
use crate::protocol::enqueue::{absent_prefix, Guards};
use crate::protocol::plan::WritePlan;
use crate::query::check::{Brief, Fleet};
use crate::store::{Range, Store};

use super::{dependencies, select, skip, sources, BulkPlan, Item, Selector};

/// Plan a bulk enqueue of `action` at the fleet's revision.
pub async fn plan_enqueue(
    store: &dyn Store,
    reg: &Registry,
    fleet: &Fleet,
    sel: &Selector,
    action: &str,
    opts: BuildOptions,
) -> Result<BulkPlan> {
    let picked = select(fleet, sel)?;
    let by_resource = fleet.jobs_by_resource();
    let mut items = Vec::new();
    let mut pending: Vec<(&Brief, Option<String>)> = Vec::new();
    for v in picked {
        let mine = by_resource
            .get(&(v.rtype.as_str(), v.id.as_str()))
            .cloned()
            .unwrap_or_default();
        if !v.config_present {
            items.push(skip(v, "its /config is gone: nothing to build from".into()));
        } else if !mine.is_empty() {
            // A stuck one included: `esi replay jobs --stuck` replaces those.
            items.push(skip(v, format!("already in flight: {}", mine.join(", "))));
        } else {
            pending.push((v, None));
        }
    }
    let reverse = sources::reverse_references(store, reg, fleet, &pending).await?;
    for (v, _) in pending {
        let item = match enqueue_one(store, reg, fleet, v, action, opts, &reverse).await {
            Ok(i) => i,
            Err(e) => skip(v, e.to_string()),
        };
        items.push(item);
    }
    items.sort_by(|a, b| {
        (&a.resource_type, &a.resource_id).cmp(&(&b.resource_type, &b.resource_id))
    });
    Ok(BulkPlan {
        kind: "enqueue",
        revision: fleet.revision,
        items,
    })
}

async fn enqueue_one(
    store: &dyn Store,
    reg: &Registry,
    fleet: &Fleet,
    v: &Brief,
    action: &str,
    opts: BuildOptions,
    reverse: &sources::Reverse,
) -> Result<Item> {
    let t = reg.resolve(&v.rtype)?;
    let rev = fleet.revision;
    let state_key = Family::State.key(t, &v.id);
    let ranges = [
        Range::key(&v.config_key),
        Range::key(&state_key).keys_only(),
    ];
    let (_, res) = store.ranges(&ranges, Some(rev)).await?;
    let kv = res
        .first()
        .and_then(|r| r.kvs.first())
        .ok_or_else(|| EsiError::NotFound(format!("{} is gone", v.config_key)))?;
    let config = ConfigRecord::from_kv(kv)?;
    let state_present = res.get(1).is_some_and(|r| !r.kvs.is_empty());
    let mut p = builder::prepare_from(store, reg, t, &v.id, rev, config, state_present).await?;
    if let Workability::NotWorkable(why) = &p.workability {
        return Err(EsiError::Refused(format!("not workable: {why}")));
    }
    if p.action != action {
        return Err(EsiError::Refused(format!(
            "the system would choose `{}` ({}), not `{action}`",
            p.action, p.action_reason
        )));
    }
    let version = p.config.version;
    let mut built = p.build(action, opts).await?;
    let deps = dependencies(
        &fleet.jobs_by_resource(),
        (&t.id, &v.id),
        &built.referenced(),
        [None, None],
        reverse,
    );
    builder::set_dependency(&mut built.job, &deps);
    let prefixes = version_job_prefixes(reg, &t.id, &v.id, version);
    let guards = Guards {
        config_key: p.config.key.clone(),
        config_mod_revision: p.config.mod_revision,
        compares: prefixes.iter().map(|k| absent_prefix(k)).collect(),
        prefixes,
    };
    let job_id = built.job_id.to_string();
    let stage = if deps.is_empty() {
        QueueDir::Ready
    } else {
        QueueDir::Waiting
    };
    let write = WritePlan {
        what: format!("bulk-enqueue {action} {} {} v{version}", t.id, v.id),
        job_id: job_id.clone(),
        handler: built.handler.clone(),
        job: built.job,
        dependencies: deps.clone(),
        read_revision: rev,
        guards,
        allowed: vec![],
        dry_run: false,
    };
    Ok(Item {
        resource_type: t.id.clone(),
        resource_id: v.id.clone(),
        verdict: v.code,
        decision: "enqueue",
        reason: v.text.clone(),
        source: None,
        job_id: Some(job_id),
        stage: Some(stage),
        dependencies: deps,
        write: Some(write),
    })
}
