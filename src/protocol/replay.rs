//! Replaying a job (`esi replay job`): queue an existing job again (in flight, or
//! finished and found in history) under a new id suffix with retry 0 — the same job
//! object, dependencies recomputed — as a [`WritePlan`] for the same single guarded
//! transaction as an enqueue. Planning refuses what would run a job twice.

use serde_json::Value;

use crate::error::{EsiError, Result};
use crate::model::job::{resource_job_prefixes, JobId, JobValue};
use crate::model::keys::{Family, QueueDir};
use crate::model::registry::{Registry, ResourceType};
use crate::model::resource::Stage;
use crate::protocol::build::{self as builder, ConfigRecord};
use crate::protocol::enqueue::{absent_prefix_except, dependencies, Guards};
use crate::protocol::plan::{Notice, Notify, WritePlan};
use crate::query::locate::{latest_job_of, locate, not_found};
use crate::query::resource::enrich_jobs;
use crate::store::{Range, Store};

/// Which job to replay.
pub enum Source<'a> {
    Job(&'a str),
    /// The resource's most recent job (in flight, else from history).
    Latest {
        rtype: &'a str,
        id: &'a str,
    },
}

/// How to replay.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReplayOptions<'a> {
    /// Replay even when stale or another job of the resource is in flight.
    pub force: bool,
    pub dry_run: bool,
    /// The new id's suffix instead of a random one (must differ from the source's).
    pub suffix: Option<&'a str>,
}

/// The job being replayed, as found.
struct Found {
    id: String,
    parsed: JobId,
    value: JobValue,
    /// It is in the queue and can still run (a copy would run it twice).
    runnable: bool,
    stage: Stage,
}

/// The resource now: its config and the other jobs in flight, at one revision.
struct Now {
    revision: i64,
    config: ConfigRecord,
    config_key: String,
    prefixes: Vec<String>,
    others: Vec<String>,
}

/// Plan a replay; `force` overrides the refusals (stale, another job in flight, the
/// source still runnable), which are then said as warnings.
pub async fn replay_plan(
    store: &dyn Store,
    reg: &Registry,
    source: Source<'_>,
    opts: ReplayOptions<'_>,
    notify: Notify<'_>,
) -> Result<WritePlan> {
    let ReplayOptions {
        force,
        dry_run,
        suffix,
    } = opts;
    let source = resolve(store, reg, source).await?;
    let found = find(store, reg, &source, notify).await?;
    let t = reg.resolve(&found.parsed.resource_type)?;
    let now = resource_now(store, reg, t, &found).await?;
    let refusals = refusals(t, &found, &now);
    if !refusals.is_empty() {
        if !force {
            return Err(EsiError::Refused(format!(
                "not replaying {}: {}; --force overrides",
                found.id,
                refusals.join("; ")
            )));
        }
        for r in &refusals {
            notify(Notice::Warn(&format!("--force: {r}")));
        }
    }
    if suffix.is_some_and(|s| s == found.parsed.suffix) {
        return Err(EsiError::Usage(format!(
            "--suffix {}: the replayed job already has it; a copy needs a suffix of its own",
            found.parsed.suffix
        )));
    }
    build(store, reg, t, found, now, (force, dry_run, suffix)).await
}

/// The job id to replay.
async fn resolve(store: &dyn Store, reg: &Registry, source: Source<'_>) -> Result<String> {
    match source {
        Source::Job(id) => Ok(id.to_string()),
        Source::Latest { rtype, id } => {
            let t = reg.resolve(rtype)?;
            let hint = create_revision(store, &Family::Config.key(t, id)).await?;
            latest_job_of(store, reg, &t.id, id, hint)
                .await?
                .ok_or_else(|| {
                    EsiError::NotFound(format!(
                        "{} {id} has no job in flight and none in its history",
                        t.id
                    ))
                })
        }
    }
}

/// Locate the source in the queue or its history, decode it, and tell whether it can
/// still run.
async fn find(
    store: &dyn Store,
    reg: &Registry,
    source: &str,
    notify: Notify<'_>,
) -> Result<Found> {
    let parsed = JobId::parse(source).ok_or_else(|| {
        EsiError::Usage(format!(
            "`{source}` is not a job id (<action>:<handler>:<type>:<id>:<version>:<suffix>)"
        ))
    })?;
    let t = reg.resolve(&parsed.resource_type)?;
    let hint = create_revision(store, &Family::Config.key(t, &parsed.resource_id)).await?;
    let loc = locate(store, source, None, hint).await?;
    let all_key = QueueDir::All.key(source);
    let Some(value) = loc.value.clone() else {
        if let Some(raw) = &loc.raw {
            return Err(EsiError::InvalidData(format!(
                "{all_key}: the stored job cannot be decoded: {}",
                first_line(raw)
            )));
        }
        return Err(not_found(&loc));
    };
    let value = JobValue::from_value(&value)
        .map_err(|e| EsiError::InvalidData(format!("{all_key}: {e}")))?;
    if !loc.in_queue {
        let at = loc
            .put_revision
            .map(|r| format!(" (last put at revision {r})"))
            .unwrap_or_default();
        notify(Notice::Note(&format!(
            "{source} is no longer in /jobs/all: replaying its value from history{at}"
        )));
    }
    // An in-flight source that can still run is not replaced: a copy would run twice.
    // A stuck one (unqueued, or waiting with every dependency gone) is what replay is for.
    let mut entry = loc.entry.clone();
    enrich_jobs(store, std::slice::from_mut(&mut entry), loc.revision, false).await?;
    let stuck = entry.stage == Stage::Unqueued
        || (entry.stage == Stage::Waiting && entry.pending_dependencies.is_empty());
    Ok(Found {
        id: source.to_string(),
        parsed,
        value,
        runnable: loc.in_queue && !stuck && entry.stage != Stage::Finished,
        stage: entry.stage,
    })
}

async fn resource_now(
    store: &dyn Store,
    reg: &Registry,
    t: &ResourceType,
    found: &Found,
) -> Result<Now> {
    let rid = &found.parsed.resource_id;
    let config_key = Family::Config.key(t, rid);
    let prefixes = resource_job_prefixes(reg, &t.id, rid);
    let mut ranges = vec![Range::key(&config_key)];
    ranges.extend(prefixes.iter().map(|p| Range::prefix(p).keys_only()));
    let (revision, res) = store.ranges(&ranges, None).await?;
    let Some(cfg_kv) = res[0].kvs.first() else {
        return Err(EsiError::Refused(format!(
            "{config_key} no longer exists: {} {rid} is gone, there is nothing to replay against",
            t.id
        )));
    };
    let config = ConfigRecord::from_kv(cfg_kv)?;
    let others = res[1..]
        .iter()
        .flat_map(|r| &r.kvs)
        .filter_map(|kv| QueueDir::All.id_of(&kv.key).map(String::from))
        .filter(|id| *id != found.id)
        .collect();
    Ok(Now {
        revision,
        config,
        config_key,
        prefixes,
        others,
    })
}

/// Why a replay would be wrong now (empty: it is not).
fn refusals(t: &ResourceType, found: &Found, now: &Now) -> Vec<String> {
    let sid = &found.parsed;
    let mut out = Vec::new();
    if now.config.version != sid.version {
        out.push(format!(
            "stale: the config is at v{} but the job was built from v{} (enqueue a new job: esi enqueue <action> {} {})",
            now.config.version, sid.version, t.id, sid.resource_id
        ));
    }
    if !now.others.is_empty() {
        out.push(format!(
            "another job of {} {} is in flight: {}",
            t.id,
            sid.resource_id,
            now.others.join(", ")
        ));
    }
    if found.runnable {
        out.push(format!(
            "the job is in flight ({}) and will run; a copy would wait for it",
            found.stage.name()
        ));
    }
    out
}

/// The copy under a new suffix, its dependencies and guards.
async fn build(
    store: &dyn Store,
    reg: &Registry,
    t: &ResourceType,
    found: Found,
    now: Now,
    (force, dry_run, suffix): (bool, bool, Option<&str>),
) -> Result<WritePlan> {
    let sid = &found.parsed;
    let mut new_id = sid.clone();
    match suffix {
        Some(s) => new_id.suffix = s.to_string(),
        None => {
            while new_id.suffix == sid.suffix {
                new_id.suffix = JobId::random_suffix();
            }
        }
    }
    let new_id = new_id.to_string();
    // A runnable source (forced) stays a dependency; a stuck or finished one does not.
    let exclude = if found.runnable {
        vec![]
    } else {
        vec![found.id.clone()]
    };
    let deps = dependencies(
        store,
        reg,
        now.revision,
        &t.id,
        &sid.resource_id,
        &found.value.referenced(),
        &exclude,
    )
    .await?;
    let mut job = found.value.job.clone();
    if let Some(m) = job.as_object_mut() {
        m.insert("id".into(), Value::String(new_id.clone()));
    }
    builder::set_dependency(&mut job, &deps);
    let mut guards = Guards {
        config_key: now.config_key.clone(),
        config_mod_revision: now.config.mod_revision,
        ..Default::default()
    };
    if !force {
        // Atomically: still no job of the resource in flight (except the stuck one being
        // replayed), so two concurrent replays cannot both get in.
        let all_key = QueueDir::All.key(&found.id);
        guards.compares = now
            .prefixes
            .iter()
            .flat_map(|p| absent_prefix_except(p, &all_key))
            .collect();
        guards.prefixes = now.prefixes;
    }
    Ok(WritePlan {
        what: format!(
            "replay {} (v{}, config v{})",
            found.id, sid.version, now.config.version
        ),
        job_id: new_id,
        handler: found.value.handler.clone(),
        job,
        dependencies: deps,
        read_revision: now.revision,
        guards,
        allowed: vec![found.id.clone()],
        dry_run,
    })
}

async fn create_revision(store: &dyn Store, key: &str) -> Result<Option<i64>> {
    let (_, res) = store.range(&Range::key(key).keys_only(), None).await?;
    Ok(res.kvs.first().map(|kv| kv.create_revision))
}

/// The start of a raw value for an error message, secrets redacted first.
fn first_line(s: &str) -> String {
    let s = crate::model::redact::redact_text(s);
    s.lines().next().unwrap_or("").chars().take(120).collect()
}
