//! `esi jobs`: every job across the queue stages, with worker, retry and unfinished
//! dependencies; `--stuck` for what cannot make progress; `--count` for stage counts.

use crate::cli::{Context, Outcome};
use crate::engine::listing::{self, Counts, Filter, JobRow};
use crate::error::{EsiError, Result};
use crate::model::job::JobId;
use crate::model::keys::ACTIONS;
use crate::model::resource::Stage;
use crate::render::{cell, table, table_string, OutputFormat};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StageArg {
    Waiting,
    Ready,
    Working,
    Finished,
    /// In /jobs/all with no stage key
    Unqueued,
    /// A stage key with no /jobs/all entry
    Orphaned,
}

impl StageArg {
    fn stage(self) -> Stage {
        match self {
            StageArg::Waiting => Stage::Waiting,
            StageArg::Ready => Stage::Ready,
            StageArg::Working => Stage::Working,
            StageArg::Finished => Stage::Finished,
            StageArg::Unqueued => Stage::Unqueued,
            StageArg::Orphaned => Stage::Orphaned,
        }
    }
}

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Stuck: unqueued (in /jobs/all only), orphaned (stage key without /jobs/all), or waiting
on dependencies that can never finish (all gone but not promoted, an unqueued dependency,
itself).

Examples:
  esi jobs
  esi jobs --stage working,waiting
  esi jobs --type port --id ddc14be4-3480-4e97-a978-817b18f9904c
  esi jobs --stuck -o jsonl | jq -r .id
  esi jobs --count")]
pub struct Args {
    /// Only jobs of this resource type (schema id or plural)
    #[arg(long = "type", value_name = "TYPE")]
    pub rtype: Option<String>,
    /// Only jobs of this resource id
    #[arg(long)]
    pub id: Option<String>,
    /// Only this action: create, modify, logical_delete, delete
    #[arg(long)]
    pub action: Option<String>,
    /// Only these stages (comma-separated)
    #[arg(long, value_enum, value_delimiter = ',')]
    pub stage: Vec<StageArg>,
    /// Only jobs that cannot make progress
    #[arg(long)]
    pub stuck: bool,
    /// Key counts per queue directory, without transferring values
    #[arg(long, conflicts_with_all = ["stage", "stuck"])]
    pub count: bool,
    /// Read at this etcd revision
    #[arg(long)]
    pub rev: Option<i64>,
}

pub async fn run(ctx: &Context, a: Args) -> Result<Outcome> {
    let rtype = match &a.rtype {
        Some(t) => Some(ctx.registry.resolve(t)?.id.clone()),
        None => None,
    };
    if let Some(act) = &a.action {
        if !ACTIONS.contains(&act.as_str()) {
            return Err(EsiError::Usage(format!(
                "unknown action `{act}` (expected one of {})",
                ACTIONS.join(", ")
            )));
        }
    }
    let f = Filter {
        action: a.action.clone(),
        rtype,
        id: a.id.clone(),
        stages: a.stage.iter().map(|s| s.stage()).collect(),
        stuck: a.stuck,
    };
    if a.count {
        let c = listing::count(ctx.store(), &ctx.registry, &f, a.rev).await?;
        ctx.out.emit(&c, counts_table)?;
        return Ok(Outcome::OK);
    }
    let stream = ctx.out.format == OutputFormat::Jsonl;
    let mut rows: Vec<JobRow> = Vec::new();
    let mut n = 0usize;
    let revision = listing::list(ctx.store(), &ctx.registry, &f, a.rev, |batch| {
        n += batch.len();
        for w in batch.iter().flat_map(|r| &r.warnings) {
            ctx.warn(w);
        }
        if stream {
            // One line per job as soon as its page is read: bounded memory.
            ctx.out.emit_list(&batch, |_| String::new())
        } else {
            rows.extend(batch);
            Ok(())
        }
    })
    .await?;
    if stream {
        return Ok(Outcome::OK);
    }
    rows.sort_by(|a, b| a.id.cmp(&b.id));
    if rows.is_empty() && !ctx.out.format.is_machine() {
        ctx.note(&format!("no jobs at revision {revision}"));
        return Ok(Outcome::OK);
    }
    ctx.out.emit_list(&rows, jobs_table)?;
    if !ctx.out.format.is_machine() {
        ctx.note(&format!("{n} job(s) at revision {revision}"));
    }
    Ok(Outcome::OK)
}

/// `port:ddc14be4 v3` for a job id (dependency lists stay readable).
pub fn short_job(id: &str) -> String {
    match JobId::parse(id) {
        Some(j) => format!(
            "{}:{} v{}",
            j.resource_type,
            j.resource_id.chars().take(8).collect::<String>(),
            j.version
        ),
        None => id.to_string(),
    }
}

fn jobs_table(rows: &[JobRow]) -> String {
    let mut t = table(&[
        "ID",
        "STAGE",
        "RETRY",
        "WORKER",
        "TTL",
        "WAITING ON",
        "NOTE",
    ]);
    for r in rows {
        let worker = r
            .worker
            .as_deref()
            .map(|w| w.chars().take(8).collect::<String>())
            .unwrap_or_else(|| "-".into());
        let ttl = r
            .lease_ttl
            .map(|s| format!("{s}s"))
            .unwrap_or_else(|| "-".into());
        let waiting = if r.pending_dependencies.is_empty() {
            "-".to_string()
        } else {
            r.pending_dependencies
                .iter()
                .map(|d| short_job(d))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let note = r
            .stuck
            .as_ref()
            .map(|s| format!("STUCK: {s}"))
            .unwrap_or_default();
        t.add_row(vec![
            comfy_table::Cell::new(&r.id),
            cell(r.stage.name()),
            comfy_table::Cell::new(r.retry.map(|x| x.to_string()).unwrap_or_else(|| "-".into())),
            comfy_table::Cell::new(worker),
            comfy_table::Cell::new(ttl),
            comfy_table::Cell::new(waiting),
            cell(&note),
        ]);
    }
    table_string(&t)
}

fn counts_table(c: &Counts) -> String {
    let mut t = table(&["DIRECTORY", "KEYS"]);
    for (name, n) in [
        ("all", c.all),
        ("waiting", c.waiting),
        ("ready", c.ready),
        ("working", c.working),
        ("finished", c.finished),
    ] {
        t.add_row(vec![format!("/jobs/{name}/"), n.to_string()]);
    }
    format!(
        "{}at revision {} (key counts; a job is in /jobs/all and one stage directory)\n",
        table_string(&t),
        c.revision
    )
}
