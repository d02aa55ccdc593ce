//! `esi jobs`: every job across the queue stages, with worker, retry and unfinished
//! dependencies; `--stuck` for what cannot make progress; `--count` for stage counts.

use crate::cli::{Context, Outcome};
use crate::engine::listing::{self, Counts, Filter, JobRow};
use crate::error::{EsiError, Result};
use crate::model::job::JobId;
use crate::model::keys::ACTIONS;
use crate::model::resource::Stage;
use colored::Colorize;

use crate::render::{self, table, table_string, OutputFormat};

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
            OutputFormat::Json => json_items(&batch, first),
            OutputFormat::Yaml => {
                yaml.extend(batch);
                Ok(())
            }
            OutputFormat::Table => {
                cells.extend(batch.iter().map(table_cells));
                Ok(())
            }
        }
    })
    .await?;
    match format {
        OutputFormat::Jsonl => {}
        OutputFormat::Json => render::write_stdout(if n == 0 { b"[]\n" } else { b"\n]\n" })?,
        OutputFormat::Yaml => ctx.out.emit_list(&yaml, |_| String::new())?,
        OutputFormat::Table if n == 0 => ctx.note(&format!("no jobs at revision {revision}")),
        OutputFormat::Table => {
            cells.sort();
            render::write_stdout(jobs_table(&cells).as_bytes())?;
            ctx.note(&format!("{n} job(s) at revision {revision}"));
        }
    }
    Ok(Outcome::OK)
}

/// A page of a JSON array, formatted like serde's pretty printer (two-space indent).
fn json_items(batch: &[JobRow], first: bool) -> Result<()> {
    let mut buf = String::new();
    for (i, r) in batch.iter().enumerate() {
        buf.push_str(if first && i == 0 { "[\n" } else { ",\n" });
        let item = render::to_json_pretty(r)?;
        let lines: Vec<String> = item.lines().map(|l| format!("  {l}")).collect();
        buf.push_str(&lines.join("\n"));
    }
    render::write_stdout(buf.as_bytes())
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

const HEADER: [&str; 7] = [
    "ID",
    "STAGE",
    "RETRY",
    "WORKER",
    "TTL",
    "WAITING ON",
    "NOTE",
];

fn table_cells(r: &JobRow) -> [String; 7] {
    let dash = || "-".to_string();
    let worker = r
        .worker
        .as_deref()
        .map(|w| w.chars().take(8).collect())
        .unwrap_or_else(dash);
    let waiting = if r.pending_dependencies.is_empty() {
        dash()
    } else {
        r.pending_dependencies
            .iter()
            .map(|d| short_job(d))
            .collect::<Vec<_>>()
            .join(", ")
    };
    [
        r.id.clone(),
        r.stage.name().to_string(),
        r.retry.map(|x| x.to_string()).unwrap_or_else(dash),
        worker,
        r.lease_ttl.map(|s| format!("{s}s")).unwrap_or_else(dash),
        waiting,
        r.stuck
            .as_ref()
            .map(|s| format!("STUCK: {s}"))
            .unwrap_or_default(),
    ]
}

/// A plain aligned table (comfy-table needs ~4 KB per row: too much for 100k jobs),
/// coloured like `render::cell` for the stage and stuck notes.
fn jobs_table(rows: &[[String; 7]]) -> String {
    let mut width = HEADER.map(|h| h.len());
    for r in rows {
        for (w, c) in width.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: [&str; 7], header: bool| {
        let mut out = String::new();
        for (i, c) in cells.iter().enumerate() {
            let last = i == cells.len() - 1;
            let pad = if last {
                String::new()
            } else {
                " ".repeat(width[i] - c.chars().count() + 2)
            };
            let text = if header {
                c.bold().to_string()
            } else if i == 1 {
                match *c {
                    "ready" | "waiting" | "working" => c.yellow().to_string(),
                    "unqueued" | "orphaned" => c.red().to_string(),
                    _ => c.to_string(),
                }
            } else if last && !c.is_empty() {
                c.red().to_string()
            } else {
                c.to_string()
            };
            out.push_str(&text);
            out.push_str(&pad);
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
        out
    };
    let mut o = line(HEADER, true);
    for r in rows {
        o.push_str(&line(
            [&r[0], &r[1], &r[2], &r[3], &r[4], &r[5], &r[6]],
            false,
        ));
    }
    o
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
