//! `esi replay job <job-id>` / `esi replay job --latest <type> <id>`: queue an existing
//! job again (in flight, or finished and found in history) under a new id suffix with
//! retry 0: same job object, dependencies recomputed, same single guarded transaction.

use crate::cli::context::Context;
use crate::cli::outcome::Outcome;
use crate::cli::write::write;
use crate::error::{EsiError, Result};
use crate::protocol::plan::Notice;
use crate::protocol::replay::{replay_plan, ReplayOptions, Source};

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
    /// Replay many resources' latest jobs at once, chosen by verdict, stage, stuckness,
    /// blocker or ids (one guarded transaction and audit record each)
    #[command(after_help = "\
The plan is built at one revision: each selected resource gets its latest job again
(a stuck job in flight is replaced), or is skipped and says why (a job already in
flight, stale, config gone, no job). Every criterion given must hold.

A write asks \"Replay N jobs (port 120, …)?\" on a terminal, needs --yes without one,
and always needs --reason. Each job is one guarded transaction with its audit record:
all or nothing. Ctrl-C stops after the transaction in progress; a rerun of the same
command skips what is already in flight and does the rest.

Exit codes: 0 everything planned written (or skipped as in flight) · 13 partial run.

Examples:
  esi replay jobs --verdict failed --type port --dry-run
  esi replay jobs --stuck --reason 'worker crash 02:10' --yes
  esi replay jobs --blocked-by create:heat_worker:network:168c…:1:ab3de --dry-run -o json
  esi check -o json | jq -r '.root_causes[].resource_id' | esi replay jobs - --reason heat-outage --yes")]
    Jobs(super::replay_jobs::JobsArgs),
}

#[derive(Debug, clap::Args)]
pub struct JobArgs {
    /// The job to replay
    #[arg(required_unless_present = "latest", value_parser = crate::cli::values::id)]
    pub job_id: Option<String>,
    /// Replay the resource's most recent job instead (in flight, else from history)
    #[arg(long, num_args = 2, value_names = ["TYPE", "ID"], conflicts_with = "job_id")]
    pub latest: Option<Vec<String>>,
    /// Print what would be written (-o json: the exact /jobs/all value; table: the txn)
    #[arg(long)]
    pub dry_run: bool,
    /// Use this suffix for the new job id instead of a random one, so that a --dry-run
    /// shows the id the write will use (letters and digits, at most 16)
    #[arg(long, value_parser = crate::cli::values::suffix)]
    pub suffix: Option<String>,
    /// Why: kept in the write's audit record (`esi audit`)
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
    /// Replay even when stale or another job of the resource is in flight
    #[arg(long)]
    pub force: bool,
}

pub async fn run(ctx: &Context, c: Command) -> Result<Outcome> {
    match c {
        Command::Job(a) => replay(ctx, a).await,
        Command::Jobs(a) => super::replay_jobs::run(ctx, a).await,
    }
}

async fn replay(ctx: &Context, a: JobArgs) -> Result<Outcome> {
    let latest_id = match &a.latest {
        Some(l) => Some(
            ctx.resource_id(ctx.registry.resolve(&l[0])?, &l[1], None)
                .await?,
        ),
        None => None,
    };
    let source = match (&a.job_id, &a.latest, &latest_id) {
        (Some(id), _, _) => Source::Job(id),
        (None, Some(l), Some(id)) => Source::Latest { rtype: &l[0], id },
        _ => {
            return Err(EsiError::Usage(
                "give a job id or --latest <type> <id>".into(),
            ))
        }
    };
    let notify = |n: Notice<'_>| ctx.notice(n);
    let opts = ReplayOptions {
        force: a.force,
        dry_run: a.dry_run,
        suffix: a.suffix.as_deref(),
    };
    let plan = replay_plan(ctx.store(), &ctx.registry, source, opts, &notify).await?;
    write(ctx, plan, a.reason.as_deref()).await
}
