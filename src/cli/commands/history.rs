//! `esi history <type> <id>`: one merged timeline of every family of a resource, from
//! etcd history (a watch from an old revision replays every change, deletes included).

use crate::cli::context::Context;
use crate::cli::outcome::Outcome;
use crate::error::{EsiError, Result};
use crate::model::keys::Family;
use crate::query::history::{history, Walk};
use crate::render::history::human;
use crate::render::OutputFormat;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  esi history port ddc14be4-3480-4e97-a978-817b18f9904c
  esi history port ddc14be4-3480-4e97-a978-817b18f9904c --family config --family state
  esi history vnf_instance 398d65ba-0060-456e-b415-5bc954450717 --since 1200 -o jsonl")]
pub struct Args {
    /// Resource type (schema id or plural)
    #[arg(value_name = "TYPE")]
    pub rtype: String,
    /// Resource id
    #[arg(value_parser = crate::cli::values::id)]
    pub id: String,
    /// Only these families (config, worker_config, heat_stack, job_state, state,
    /// monitoring, jobs); repeatable
    #[arg(long, value_delimiter = ',')]
    pub family: Vec<String>,
    /// Start at this revision. Default: the resource's creation (the oldest create
    /// revision of its live keys), or as far back as etcd keeps when none is live.
    /// `--since 1` walks everything etcd retains (etcd replays every revision in between)
    #[arg(long, value_parser = crate::cli::values::revision)]
    pub since: Option<i64>,
    /// Replay every revision since the start (a watch) instead of reading the resource's
    /// keys at past revisions. Slower on a busy store, but it also sees a key that came
    /// and went while nothing else of the resource changed (docs/history.md)
    #[arg(long)]
    pub exhaustive: bool,
}

pub fn parse_families(names: &[String]) -> Result<(Vec<Family>, bool)> {
    let mut fams = Vec::new();
    let mut jobs = names.is_empty();
    for n in names {
        if n == "jobs" || n == "job" {
            jobs = true;
        } else {
            fams.push(Family::parse(n).ok_or_else(|| {
                EsiError::Usage(format!(
                    "--family {n}: expected one of config, worker_config, heat_stack, job_state, state, monitoring, jobs"
                ))
            })?);
        }
    }
    if !names.is_empty() && fams.is_empty() && jobs {
        // only jobs: no family keys
        return Ok((vec![], true));
    }
    Ok((fams, jobs))
}

pub async fn run(ctx: &Context, a: Args) -> Result<Outcome> {
    let t = ctx.registry.resolve(&a.rtype)?;
    let (fams, jobs) = parse_families(&a.family)?;
    let walk = Walk {
        families: &fams,
        jobs,
        jobs_only: !a.family.is_empty() && fams.is_empty(),
        since: a.since,
        redact: !ctx.show_secrets,
        exhaustive: a.exhaustive,
    };
    let id = ctx.resource_id(t, &a.id, None).await?;
    let doc = history(ctx.store.clone(), &ctx.registry, t, &id, walk).await?;
    if let Some(c) = doc.compact_revision {
        ctx.warn(&format!(
            "history before revision {c} was compacted; the timeline starts there"
        ));
    }
    if let (Some(c), true) = (doc.compact_revision, doc.events.is_empty()) {
        // Typical of `etcdctl get -w json` and v2 dumps, which hold no history at all.
        ctx.note(&format!(
            "no change after revision {c}, where the retained history starts: `esi show {} {}` has the values as they are",
            t.id, id
        ));
    }
    if ctx.out.format == OutputFormat::Jsonl {
        ctx.out.emit_list(&doc.events, |_| String::new())?;
    } else {
        ctx.out.emit(&doc, human)?;
    }
    Ok(Outcome::OK)
}
