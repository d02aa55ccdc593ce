//! `esi ls <type>`: one row per resource, read with one range per family.

use crate::cli::context::Context;
use crate::cli::outcome::Outcome;
use crate::error::{EsiError, Result};
use crate::model::verdict::Code;
use crate::query::resource as query;
use crate::render::resource::{self as view, LsRow};

#[derive(Debug, clap::Args)]
#[command(after_help = "\
The JOB and VERDICT columns place jobs by their queue stage keys; /jobs/all is not read
(it dominates the cost with a large queue), so a job without a stage key or a stage key
without a job shows here as its stage — `esi show` and `esi jobs --stuck` tell them apart.

Examples:
  esi ls port
  esi ls port --verdict stale,failed      # what needs attention
  esi ls vnf_instance -o jsonl | jq -r 'select(.verdict != \"in_sync\") | .id'")]
pub struct Args {
    /// Resource type (schema id or plural); `esi types` lists them
    #[arg(value_name = "TYPE")]
    pub rtype: Option<String>,
    /// Read at this etcd revision
    #[arg(long, visible_alias = "revision", value_parser = crate::cli::values::revision)]
    pub rev: Option<i64>,
    /// Only rows with these verdict codes (comma-separated, e.g. stale,failed)
    #[arg(long, value_delimiter = ',', value_parser = parse_code)]
    pub verdict: Vec<Code>,
}

pub async fn run(ctx: &Context, a: Args) -> Result<Outcome> {
    let Some(rtype) = &a.rtype else {
        return Err(EsiError::Usage(
            "esi ls needs a resource type, e.g. `esi ls port` (`esi types` lists them)".into(),
        ));
    };
    let t = ctx.registry.resolve(rtype)?;
    let listing = query::list_resources(ctx.store(), &ctx.registry, t, a.rev).await?;
    // Each view becomes its row at once: rows are small, views are not.
    let rows: Vec<LsRow> = listing
        .views(&ctx.registry, t)
        .filter(|v| a.verdict.is_empty() || a.verdict.contains(&v.verdict.code))
        .map(|v| LsRow::from_view(&v, &ctx.registry))
        .collect();
    if rows.is_empty() && !ctx.out.format.is_machine() {
        ctx.note(&format!("no {} found", t.plural));
        return Ok(Outcome::OK);
    }
    ctx.out.emit_list(&rows, view::ls)?;
    Ok(Outcome::OK)
}

/// A verdict code as it appears in JSON (`in_sync`, `stale`, ...); an unknown one is a
/// usage error listing the valid codes.
fn parse_code(s: &str) -> std::result::Result<Code, String> {
    Code::parse(s).ok_or_else(|| {
        let all: Vec<String> = Code::ALL
            .iter()
            .map(|c| format!("`{}`", c.name()))
            .collect();
        format!("unknown verdict `{s}`, expected one of {}", all.join(", "))
    })
}
