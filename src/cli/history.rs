//! `esi history <type> <id>`: one merged timeline of every family of a resource, from
//! etcd history (a watch from an old revision replays every change, deletes included).

use serde::Serialize;

use crate::cli::{Context, Outcome};
use crate::error::{EsiError, Result};
use crate::follow;
use crate::model::keys::Family;
use crate::model::registry::ResourceType;
use crate::model::timeline::{self, Entry};
use crate::query;
use crate::render::{self, cell, table, table_string};
use crate::store::Range;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  esi history port ddc14be4-3480-4e97-a978-817b18f9904c
  esi history port ddc14be4-3480-4e97-a978-817b18f9904c --family config --family state
  esi history vnf_instance 398d65ba-0060-456e-b415-5bc954450717 --since 1200 -o jsonl")]
pub struct Args {
    /// Resource type (schema id or plural)
    pub rtype: String,
    /// Resource id
    pub id: String,
    /// Only these families (config, worker_config, heat_stack, job_state, state,
    /// monitoring, jobs); repeatable
    #[arg(long, value_delimiter = ',')]
    pub family: Vec<String>,
    /// Start at this revision. Default: the resource's creation (the oldest create
    /// revision of its live keys), or as far back as etcd keeps when none is live.
    /// `--since 1` walks everything etcd retains (etcd replays every revision in between)
    #[arg(long)]
    pub since: Option<i64>,
}

#[derive(Debug, Serialize)]
pub struct HistoryDoc {
    pub resource: Ident,
    /// First revision covered.
    pub from: i64,
    /// Revision the walk stopped at (the store revision when it started).
    pub to: i64,
    /// History before this revision was compacted (null if nothing was lost).
    pub compact_revision: Option<i64>,
    pub events: Vec<Entry>,
}

#[derive(Debug, Serialize)]
pub struct Ident {
    #[serde(rename = "type")]
    pub rtype: String,
    pub id: String,
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
    let mut specs = query::resource_specs(&ctx.registry, t, &a.id, &fams, jobs);
    if !a.family.is_empty() && fams.is_empty() {
        specs.retain(|s| s.prefix);
    }
    let to = ctx.store().probe().await?.revision;
    let since = match a.since {
        Some(r) => r,
        None => creation(ctx, t, &a.id, to).await?,
    };
    let h = follow::collect(ctx.store.clone(), specs, since, to).await?;
    let events: Vec<Entry> = h
        .events
        .iter()
        .map(|(rev, ev)| timeline::entry(&ctx.registry, *rev, ev, !ctx.show_secrets))
        .collect();
    if let Some(c) = h.compact_revision {
        ctx.warn(&format!(
            "history before revision {c} was compacted; the timeline starts there"
        ));
    }
    if events.is_empty() && since <= 1 && h.compact_revision.is_none() {
        return Err(EsiError::NotFound(format!(
            "{} {} has no history (no key ever written)",
            t.id, a.id
        )));
    }
    let doc = HistoryDoc {
        resource: Ident {
            rtype: t.id.clone(),
            id: a.id.clone(),
        },
        from: h.compact_revision.unwrap_or(since).max(since),
        to,
        compact_revision: h.compact_revision,
        events,
    };
    if ctx.out.format == render::OutputFormat::Jsonl {
        ctx.out.emit_list(&doc.events, |_| String::new())?;
    } else {
        ctx.out.emit(&doc, human)?;
    }
    Ok(Outcome::OK)
}

/// Where a resource's history starts: the oldest create revision among its live keys at
/// `to`, queued jobs included (its config comes first in every flow, spec §3.2). A watch
/// replays every revision from its start, so starting there instead of at 1 is what
/// keeps a history walk fast on a busy cluster. Nothing live (a deleted resource): from
/// the beginning.
async fn creation(ctx: &Context, t: &ResourceType, id: &str, to: i64) -> Result<i64> {
    let ranges: Vec<Range> = query::resource_specs(&ctx.registry, t, id, &Family::ALL, true)
        .iter()
        .map(follow::Spec::range)
        .collect();
    let (_, res) = ctx.store().ranges(&ranges, Some(to)).await?;
    Ok(res
        .iter()
        .flat_map(|r| r.kvs.iter().map(|kv| kv.create_revision))
        .min()
        .unwrap_or(1))
}

fn human(d: &HistoryDoc) -> String {
    let mut t = table(&["REV", "FAMILY", "EVENT", "VERSION", "SUMMARY"]);
    for e in &d.events {
        t.add_row(vec![
            comfy_table::Cell::new(e.revision),
            comfy_table::Cell::new(&e.family),
            comfy_table::Cell::new(format!("{:?}", e.event).to_lowercase()),
            comfy_table::Cell::new(e.version.map(|v| format!("v{v}")).unwrap_or("-".into())),
            cell(&e.summary),
        ]);
    }
    let mut s = String::new();
    if let Some(c) = d.compact_revision {
        s.push_str(&format!("(history before revision {c} was compacted)\n"));
    }
    s + &table_string(&t)
}
