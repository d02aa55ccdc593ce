//! `esi jobs`: every job across the queue stages, with worker, retry and unfinished
//! dependencies; `--stuck` for what cannot make progress; `--count` for stage counts.

use crate::cli::context::Context;
use crate::cli::outcome::Outcome;
use crate::error::{EsiError, Result};
use crate::model::keys::ACTIONS;
use crate::model::resource::Stage;
use crate::query::jobs::{self as listing, Filter, JobRow};
use crate::render::jobs::{counts_table, jobs_table, json_items, table_cells};
use crate::render::OutputFormat;

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
    pub fn stage(self) -> Stage {
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
    #[arg(long, value_parser = crate::cli::values::id)]
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
    #[arg(long, visible_alias = "revision", value_parser = crate::cli::values::revision)]
    pub rev: Option<i64>,
}

pub async fn run(ctx: &Context, a: Args) -> Result<Outcome> {
    let rtype = match &a.rtype {
        // A mistyped filter is a usage error, like an unknown --action or --stage.
        Some(t) => Some(
            ctx.registry
                .resolve(t)
                .map_err(|e| EsiError::Usage(format!("--type: {e}")))?
                .id
                .clone(),
        ),
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
        let c = crate::query::counts::count(ctx.store(), &ctx.registry, &f, a.rev).await?;
        ctx.out.emit(&c, counts_table)?;
        return Ok(Outcome::OK);
    }
    // JSON and JSONL are written as pages arrive (bounded memory with 100k jobs); the
    // table keeps one short line of text per job to size its columns.
    let format = ctx.out.format;
    let mut cells: Vec<[String; 7]> = Vec::new();
    let mut yaml: Vec<JobRow> = Vec::new();
    let mut n = 0usize;
    let revision = listing::list(ctx.store(), &ctx.registry, &f, a.rev, |batch| {
        for w in batch.iter().flat_map(|r| &r.warnings) {
            ctx.warn(w);
        }
        let first = n == 0;
        n += batch.len();
        match format {
            OutputFormat::Jsonl => ctx.out.emit_list(&batch, |_| String::new()),
            OutputFormat::Json => ctx.out.write(json_items(&batch, first)?.as_bytes()),
            OutputFormat::Yaml => {
                yaml.extend(batch);
                Ok(())
            }
            OutputFormat::Table | OutputFormat::Wide => {
                cells.extend(batch.iter().map(table_cells));
                Ok(())
            }
        }
    })
    .await?;
    match format {
        OutputFormat::Jsonl => {}
        OutputFormat::Json => ctx.out.write(if n == 0 { b"[]\n" } else { b"\n]\n" })?,
        OutputFormat::Yaml => ctx.out.emit_list(&yaml, |_| String::new())?,
        OutputFormat::Table | OutputFormat::Wide if n == 0 => {
            ctx.note(&format!("no jobs at revision {revision}"))
        }
        OutputFormat::Table | OutputFormat::Wide => {
            cells.sort();
            ctx.out.write_human(&jobs_table(&cells))?;
            ctx.note(&format!("{n} job(s) at revision {revision}"));
        }
    }
    Ok(Outcome::OK)
}
