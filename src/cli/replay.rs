//! `esi replay job <job-id>` / `esi replay job --latest <type> <id>`: queue an existing
//! job again (in flight, or finished and found in history) under a new id suffix with
//! retry 0: same job object, dependencies recomputed, same single guarded transaction.

use serde_json::Value;

use crate::cli::enqueue::{self, WritePlan};
use crate::cli::{Context, Outcome};
use crate::engine::job::{self as builder, ConfigRecord};
use crate::engine::queue::{self, Guards};
use crate::error::{EsiError, Result};
use crate::model::job::{JobId, JobValue};
use crate::model::keys::{Family, QueueDir};
use crate::model::resource::Stage;
use crate::query;
use crate::store::Range;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Queue an existing job again under a new id (retry 0, dependencies recomputed)
    #[command(after_help = "\
Refused when the resource's config has moved past the job's version (stale), when
another job of the resource is in flight, or when the job itself is in flight and can
still run; --force overrides these (the copy then waits for the jobs in flight). A stuck
job (unqueued, or waiting with every dependency finished) is replayed without --force.

Examples:
  esi replay job modify:heat_worker:port:ddc14be4-3480-4e97-a978-817b18f9904c:3:28byp --dry-run
  esi replay job --latest port ddc14be4-3480-4e97-a978-817b18f9904c --yes
  esi replay job <job-id> --dry-run -o json      # the /jobs/all value")]
    Job(JobArgs),
}

#[derive(Debug, clap::Args)]
pub struct JobArgs {
    /// The job to replay
    #[arg(required_unless_present = "latest")]
    pub job_id: Option<String>,
    /// Replay the resource's most recent job instead (in flight, else from history)
    #[arg(long, num_args = 2, value_names = ["TYPE", "ID"], conflicts_with = "job_id")]
    pub latest: Option<Vec<String>>,
    /// Print what would be written (-o json: the exact /jobs/all value; table: the txn)
    #[arg(long)]
    pub dry_run: bool,
    /// Replay even when stale or another job of the resource is in flight
    #[arg(long)]
    pub force: bool,
}

pub async fn run(ctx: &Context, c: Command) -> Result<Outcome> {
    match c {
        Command::Job(a) => replay(ctx, a).await,
    }
}

async fn replay(ctx: &Context, a: JobArgs) -> Result<Outcome> {
    let store = ctx.store();
    let source = match (&a.job_id, &a.latest) {
        (Some(id), _) => id.clone(),
        (None, Some(l)) => {
            let t = ctx.registry.resolve(&l[0])?;
            let hint = config_create_revision(ctx, &Family::Config.key(t, &l[1])).await?;
            queue::latest_job_of(store, &ctx.registry, &t.id, &l[1], hint)
                .await?
                .ok_or_else(|| {
                    EsiError::NotFound(format!(
                        "{} {} has no job in flight and none in its history",
                        t.id, l[1]
                    ))
                })?
        }
        (None, None) => {
            return Err(EsiError::Usage(
                "give a job id or --latest <type> <id>".into(),
            ))
        }
    };
    let sid = JobId::parse(&source).ok_or_else(|| {
        EsiError::Usage(format!(
            "`{source}` is not a job id (<action>:<handler>:<type>:<id>:<version>:<suffix>)"
        ))
    })?;
    let t = ctx.registry.resolve(&sid.resource_type)?;
    let config_key = Family::Config.key(t, &sid.resource_id);
    let hint = config_create_revision(ctx, &config_key).await?;
    let loc = queue::locate(store, &source, None, hint).await?;
    let all_key = QueueDir::All.key(&source);
    let Some(value) = loc.value.clone() else {
        if let Some(raw) = &loc.raw {
            return Err(EsiError::InvalidData(format!(
                "{all_key}: the stored job cannot be decoded: {}",
                first_line(raw)
            )));
        }
        return Err(queue::not_found(&loc));
    };
    let src = JobValue::from_value(&value)
        .map_err(|e| EsiError::InvalidData(format!("{all_key}: {e}")))?;
    if !loc.in_queue {
        let at = loc
            .put_revision
            .map(|r| format!(" (last put at revision {r})"))
            .unwrap_or_default();
        ctx.note(&format!(
            "{source} is no longer in /jobs/all: replaying its value from history{at}"
        ));
    }
    // An in-flight source that can still run is not replaced: a copy would run twice.
    // A stuck one (unqueued, or waiting with every dependency gone) is what replay is for.
    let mut entry = loc.entry.clone();
    query::enrich_jobs(store, std::slice::from_mut(&mut entry), loc.revision, false).await?;
    let stuck = entry.stage == Stage::Unqueued
        || (entry.stage == Stage::Waiting && entry.pending_dependencies.is_empty());
    let runnable = loc.in_queue && !stuck && entry.stage != Stage::Finished;

    // The resource now: config and every in-flight job, at one revision.
    let prefixes = queue::resource_job_prefixes(&ctx.registry, &t.id, &sid.resource_id);
    let mut ranges = vec![Range::key(&config_key)];
    ranges.extend(prefixes.iter().map(|p| Range::prefix(p).keys_only()));
    let (revision, res) = store.ranges(&ranges, None).await?;
    let Some(cfg_kv) = res[0].kvs.first() else {
        return Err(EsiError::Refused(format!(
            "{config_key} no longer exists: {} {} is gone, there is nothing to replay against",
            t.id, sid.resource_id
        )));
    };
    let config = ConfigRecord::from_kv(cfg_kv)?;
    let others: Vec<String> = res[1..]
        .iter()
        .flat_map(|r| &r.kvs)
        .filter_map(|kv| QueueDir::All.id_of(&kv.key).map(String::from))
        .filter(|id| *id != source)
        .collect();
    let mut refusals = Vec::new();
    if config.version != sid.version {
        refusals.push(format!(
            "stale: the config is at v{} but the job was built from v{} (enqueue a new job: esi enqueue <action> {} {})",
            config.version, sid.version, t.id, sid.resource_id
        ));
    }
    if !others.is_empty() {
        refusals.push(format!(
            "another job of {} {} is in flight: {}",
            t.id,
            sid.resource_id,
            others.join(", ")
        ));
    }
    if runnable {
        refusals.push(format!(
            "the job is in flight ({}) and will run; a copy would wait for it",
            entry.stage.name()
        ));
    }
    if !refusals.is_empty() {
        if !a.force {
            return Err(EsiError::Refused(format!(
                "not replaying {source}: {}; --force overrides",
                refusals.join("; ")
            )));
        }
        for r in &refusals {
            ctx.warn(&format!("--force: {r}"));
        }
    }

    let mut new_id = sid.clone();
    while new_id.suffix == sid.suffix {
        new_id.suffix = JobId::random_suffix();
    }
    let new_id = new_id.to_string();
    // A runnable source (forced) stays a dependency; a stuck or finished one does not.
    let exclude = if runnable {
        vec![]
    } else {
        vec![source.clone()]
    };
    let deps = queue::dependencies(
        store,
        &ctx.registry,
        revision,
        &t.id,
        &sid.resource_id,
        &src.referenced(),
        &exclude,
    )
    .await?;
    let mut job = src.job.clone();
    if let Some(m) = job.as_object_mut() {
        m.insert("id".into(), Value::String(new_id.clone()));
    }
    builder::set_dependency(&mut job, &deps);
    let mut guards = Guards {
        config_key: config_key.clone(),
        config_mod_revision: config.mod_revision,
        ..Default::default()
    };
    if !a.force {
        // Atomically: still no job of the resource in flight (except the stuck one being
        // replayed), so two concurrent replays cannot both get in.
        guards.compares = prefixes
            .iter()
            .flat_map(|p| queue::absent_prefix_except(p, &all_key))
            .collect();
        guards.prefixes = prefixes;
    }
    let plan = WritePlan {
        what: format!(
            "replay {source} (v{}, config v{})",
            sid.version, config.version
        ),
        job_id: new_id,
        handler: src.handler.clone(),
        job,
        dependencies: deps,
        read_revision: revision,
        guards,
        allowed: vec![source.clone()],
        dry_run: a.dry_run,
    };
    enqueue::write(ctx, plan).await
}

async fn config_create_revision(ctx: &Context, key: &str) -> Result<Option<i64>> {
    let (_, res) = ctx
        .store()
        .range(&Range::key(key).keys_only(), None)
        .await?;
    Ok(res.kvs.first().map(|kv| kv.create_revision))
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("").chars().take(120).collect()
}
