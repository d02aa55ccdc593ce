//! `esi replay jobs`: bulk replay by selector (verdict, stage, stuck, the job that
//! blocks them, ids from a file or stdin). The plan is built at one revision and shown
//! by `--dry-run`; the write asks with the count, needs `--reason` (and `--yes` without a
//! terminal), writes one guarded transaction per job with its audit record, and stops
//! cleanly on Ctrl-C between two transactions.

use std::io::Read;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crate::cli::commands::jobs::StageArg;
use crate::cli::context::Context;
use crate::cli::outcome::Outcome;
use crate::cli::{progress, safety};
use crate::error::{EsiError, Result};
use crate::exit;
use crate::model::agreement::Code;
use crate::protocol::audit::Auditor;
use crate::protocol::bulk::{self, execute, BulkPlan, Progress, RunOptions, Selector};
use crate::query::check::{fleet, Scope};
use crate::render::bulk::{plan_table, summary_text};

#[derive(Debug, clap::Args)]
pub struct JobsArgs {
    /// Resource ids or job ids, one per line, from FILE (- for stdin)
    #[arg(value_name = "FILE")]
    pub ids: Option<PathBuf>,
    /// Only resources of these types (repeat, or comma-separated)
    #[arg(long = "type", value_name = "TYPE", value_delimiter = ',')]
    pub types: Vec<String>,
    /// Resources with these verdicts (comma-separated, e.g. failed,stuck)
    #[arg(long, value_delimiter = ',', value_parser = parse_code)]
    pub verdict: Vec<Code>,
    /// Only resources whose latest job has this action
    #[arg(long)]
    pub action: Option<String>,
    /// Resources with a job in flight at these stages
    #[arg(long, value_enum, value_delimiter = ',')]
    pub stage: Vec<StageArg>,
    /// Resources with a stuck job in flight (it is replaced)
    #[arg(long)]
    pub stuck: bool,
    /// Resources with a waiting job that this job holds up (directly or not)
    #[arg(long, value_name = "JOB_ID")]
    pub blocked_by: Option<String>,
    /// Print the plan (table, or -o json) and write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Why (required for a bulk write): kept in every job's audit record
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
    /// Wait while more than N jobs are ready or working
    #[arg(long, value_name = "N")]
    pub max_in_flight: Option<i64>,
}

pub fn parse_code(s: &str) -> std::result::Result<Code, String> {
    Code::parse(s).ok_or_else(|| format!("unknown verdict `{s}` (`esi ls --help` lists them)"))
}

pub fn read_ids(path: &std::path::Path) -> Result<Vec<String>> {
    let text = if path.as_os_str() == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s)?;
        s
    } else {
        let bytes = crate::files::read_regular(path, "ids file", crate::files::MAX_CONFIG_BYTES)?;
        String::from_utf8(bytes).map_err(|_| {
            EsiError::InvalidData(format!(
                "{}: not UTF-8 text (one id per line)",
                path.display()
            ))
        })?
    };
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect())
}

/// A bulk write needs a reason (and a store that keeps writes); a dry run needs neither.
pub fn require_reason(ctx: &Context, dry_run: bool, reason: Option<&str>) -> Result<()> {
    if dry_run {
        return Ok(());
    }
    ctx.refuse_offline("writes")?;
    if reason.is_none_or(|r| r.trim().is_empty()) {
        return Err(EsiError::Usage(
            "a bulk write needs --reason TEXT (kept in every job's audit record); --dry-run shows the plan without one".into(),
        ));
    }
    Ok(())
}

pub async fn run(ctx: &Context, a: JobsArgs) -> Result<Outcome> {
    let mut types = Vec::new();
    for t in &a.types {
        types.push(ctx.registry.resolve(t)?.id.clone());
    }
    require_reason(ctx, a.dry_run, a.reason.as_deref())?;
    let sel = Selector {
        types: types.clone(),
        verdicts: a.verdict.clone(),
        action: a.action.clone(),
        stages: a.stage.iter().map(|s| s.stage()).collect(),
        stuck: a.stuck,
        blocked_by: a.blocked_by.clone(),
        ids: match &a.ids {
            Some(p) => read_ids(p)?,
            None => vec![],
        },
    };
    // Dependencies of the new jobs may be jobs of any type: the whole queue is read.
    let scope = Scope {
        whole_queue: true,
        cluster: false,
    };
    let f = fleet(ctx.store(), &ctx.registry, &types, scope).await?;
    let plan = bulk::plan(ctx.store(), &ctx.registry, &f, &sel).await?;
    for id in bulk::unknown_ids(&f, &sel) {
        ctx.warn(&format!(
            "{id}: no such resource at revision {}; skipped",
            f.revision
        ));
    }
    write_bulk(ctx, &plan, a.dry_run, a.reason.as_deref(), a.max_in_flight).await
}

/// The write half of a bulk replay or enqueue: a dry run prints the plan; otherwise ask
/// with the count ("Replay 137 jobs (port 120, vnf_instance 17)?"), write one guarded
/// transaction per job with its audit record (one batch id), stop cleanly on Ctrl-C.
pub async fn write_bulk(
    ctx: &Context,
    plan: &BulkPlan,
    dry_run: bool,
    reason: Option<&str>,
    max_in_flight: Option<i64>,
) -> Result<Outcome> {
    if dry_run {
        ctx.out.emit(plan, plan_table)?;
        return Ok(Outcome::OK);
    }
    let n = plan.writes();
    if n == 0 {
        ctx.out.emit(plan, plan_table)?;
        ctx.note(&format!(
            "nothing to {}: every selected resource was skipped (see above)",
            plan.kind
        ));
        return Ok(Outcome::OK);
    }
    let verb = match plan.kind {
        "enqueue" => "Enqueue",
        _ => "Replay",
    };
    let question = format!("{verb} {n} jobs ({})?", plan.per_type());
    let what = format!(
        "bulk {} of {n} jobs planned at revision {} ({} skipped); reason: {}",
        plan.kind,
        plan.revision,
        plan.items.len() - n,
        reason.unwrap_or_default()
    );
    safety::confirm_asking(ctx, &what, "", Some(&question))?;
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    let watcher = tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            flag.store(true, Ordering::Relaxed);
        }
    });
    let auditor = Auditor {
        reason: reason.map(String::from),
        batch: Some(uuid::Uuid::new_v4().to_string()),
        ..ctx.audit.clone()
    };
    let doing = match plan.kind {
        "enqueue" => "enqueueing",
        _ => "replaying",
    };
    let bar = progress::counter(ctx.quiet, n as u64, doing, "jobs");
    let said_throttle = AtomicBool::new(false);
    let on = |p: Progress| match p {
        Progress::Done(..) => bar.inc(1),
        Progress::Throttled(now) => {
            if !said_throttle.swap(true, Ordering::Relaxed) {
                bar.suspend(|| {
                    ctx.note(&format!(
                        "{now} jobs ready or working > --max-in-flight: waiting"
                    ))
                });
            }
        }
    };
    let opts = RunOptions {
        max_in_flight,
        stop: &stop,
    };
    let summary = execute(ctx.store(), plan, &auditor, opts, &on).await;
    bar.finish_and_clear();
    watcher.abort();
    let summary = summary?;
    ctx.out.emit(&summary, summary_text)?;
    Ok(Outcome(if summary.complete() {
        exit::OK
    } else {
        exit::PARTIAL
    }))
}
