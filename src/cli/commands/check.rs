//! `esi check`: the fleet at one pinned revision — resources by verdict, queue health,
//! root causes, engine and etcd — each check OK, WARN or FAIL with its offenders and the
//! command that goes further. Exit 0 all OK, 11 warnings only, 12 failures.

use crate::cli::context::Context;
use crate::cli::outcome::Outcome;
use crate::error::Result;
use crate::exit;
use crate::query::check::{check, CheckOptions, Status};
use crate::render::check::report;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Everything is read at one revision (printed first). Checks: resources.<type> (verdict
codes), queue.stages, queue.unqueued, queue.leftover_stage_keys, queue.expired_leases,
queue.dead_dependencies, queue.duplicates, queue.config_gone, root_causes (every stuck
job or failed resource with the waiting jobs it holds up, transitively), engine.manager,
engine.workers, etcd.members, etcd.db_size, etcd.alarms, etcd.history.

Exit codes: 0 all OK · 11 warnings only · 12 at least one FAIL.

Examples:
  esi check
  esi check --type port --type network
  esi check -o json | jq -r '.root_causes[] | select(.blocks > 10) | .resource_id'
  esi check -o json | jq -r '.checks[] | select(.name == \"resources.port\") | .offenders[]' | esi replay jobs - --dry-run")]
pub struct Args {
    /// Only these resource types (repeat; default: all)
    #[arg(long = "type", value_name = "TYPE")]
    pub types: Vec<String>,
    /// Failed resources of one type up to N are a warning, more a failure
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub max_failed: usize,
    /// Stale resources of one type up to N are a warning, more a failure
    #[arg(long, default_value_t = 100, value_name = "N")]
    pub max_stale: usize,
    /// etcd's backend quota in bytes (etcd's --quota-backend-bytes)
    #[arg(long, default_value_t = 2 * 1024 * 1024 * 1024, value_name = "BYTES")]
    pub db_quota: i64,
    /// db size (percent of the quota) from which etcd.db_size warns
    #[arg(long, default_value_t = 80.0, value_name = "PCT")]
    pub db_warn: f64,
    /// db size (percent of the quota) from which etcd.db_size fails
    #[arg(long, default_value_t = 95.0, value_name = "PCT")]
    pub db_fail: f64,
    /// Offenders listed per check
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub show: usize,
}

pub async fn run(ctx: &Context, a: Args) -> Result<Outcome> {
    let mut types = Vec::new();
    for t in &a.types {
        types.push(ctx.registry.resolve(t)?.id.clone());
    }
    let o = CheckOptions {
        types,
        max_failed: a.max_failed,
        max_stale: a.max_stale,
        db_quota: a.db_quota,
        db_warn_pct: a.db_warn,
        db_fail_pct: a.db_fail,
        show: a.show,
    };
    let r = check(ctx.store(), &ctx.registry, &o).await?;
    ctx.out.emit(&r, report)?;
    Ok(Outcome(match r.status {
        Status::Ok => exit::OK,
        Status::Warn => exit::CHECK_WARN,
        Status::Fail => exit::CHECK_FAIL,
    }))
}
