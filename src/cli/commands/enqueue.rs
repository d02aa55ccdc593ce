//! `esi enqueue <action> <type> <id>`: build a job from the resource's current config
//! exactly as the job manager would, and queue it with one guarded transaction.
//! The write path (dry run, confirmation, txn, report) is shared with `esi replay`.
//! Without an id, in bulk: `--verdict` and/or `--ids FILE` select resources of the type,
//! planned at one revision and written like `esi replay jobs` (count prompt, --reason).

use crate::cli::context::Context;
use crate::cli::outcome::Outcome;
use crate::cli::write::write;
use crate::error::Result;
use crate::protocol::plan::{enqueue_plan, EnqueueRequest, Notice};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum Action {
    Create,
    Modify,
    LogicalDelete,
}

impl Action {
    pub fn name(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Modify => "modify",
            Action::LogicalDelete => "logical_delete",
        }
    }
}

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("bulk").args(["verdict", "ids"]).multiple(true)))]
#[command(after_help = "\
The action must be the one the system would choose (spec 2.4): logical_delete when the
config is marked_for_deletion, create when there is no /state key, else modify.

Examples:
  esi enqueue modify port ddc14be4-3480-4e97-a978-817b18f9904c --dry-run -o json
  esi enqueue modify port ddc14be4-3480-4e97-a978-817b18f9904c --dry-run   # the txn
  esi enqueue logical_delete port db3bff62-cf93-48ce-8d6b-cfb2f7fd7dfc --yes
  esi enqueue modify vnf_instance 398d65ba-0060-456e-b415-5bc954450717 --force --yes

In bulk (no ID): every resource of TYPE with one of the --verdict codes and/or listed in
--ids FILE (- for stdin; resource or job ids, one per line) gets the job the system
would build from its config, all planned at one revision. Skipped, with the reason:
config gone, a job already in flight (esi replay jobs --stuck replaces stuck ones), not
workable, or an action the system would not choose. A write asks \"Enqueue N jobs
(port N)?\" on a terminal, needs --yes without one, and always needs --reason; one
guarded transaction and audit record per job. Exit 13 for a partial run.

  esi enqueue modify port --verdict stale --dry-run
  esi enqueue modify port --verdict stale --reason 'config sync after outage' --yes
  esi check -o json | jq -r '…' | esi enqueue modify network --ids - --reason r --yes")]
pub struct Args {
    /// create, modify or logical_delete
    #[arg(value_enum)]
    pub action: Action,
    /// Resource type (schema id or plural), e.g. port, vnf_instance
    #[arg(value_name = "TYPE")]
    pub rtype: String,
    /// Resource id (leave out for a bulk enqueue by --verdict / --ids)
    #[arg(value_parser = crate::cli::values::id, required_unless_present_any = ["verdict", "ids"])]
    pub id: Option<String>,
    /// Bulk: resources of TYPE with these verdicts (comma-separated, e.g. stale,failed)
    #[arg(long, value_delimiter = ',', value_parser = super::replay_jobs::parse_code, conflicts_with = "id")]
    pub verdict: Vec<crate::model::agreement::Code>,
    /// Bulk: resource or job ids, one per line, from FILE (- for stdin)
    #[arg(long, value_name = "FILE", conflicts_with = "id")]
    pub ids: Option<std::path::PathBuf>,
    /// Bulk: wait while more than N jobs are ready or working
    #[arg(long, value_name = "N", requires = "bulk")]
    pub max_in_flight: Option<i64>,
    /// Print what would be written (-o json: the exact /jobs/all value; table: the txn)
    #[arg(long)]
    pub dry_run: bool,
    /// Use this job id suffix instead of a random one, so that a --dry-run shows the id
    /// the write will use (letters and digits, at most 16)
    #[arg(long, value_parser = crate::cli::values::suffix, requires = "id")]
    pub suffix: Option<String>,
    /// Why: kept in the write's audit record (`esi audit`)
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
    /// Enqueue even when the resource already has an active job at this version
    #[arg(long, requires = "id")]
    pub force: bool,
    /// Carry each param's resources once instead of the legacy doubled list (L ++ L)
    /// of modify/logical_delete jobs
    #[arg(long)]
    pub canonical_resources: bool,
}

pub async fn run(ctx: &Context, a: Args) -> Result<Outcome> {
    let t = ctx.registry.resolve(&a.rtype)?;
    let Some(given) = &a.id else {
        return bulk(ctx, &t.id, a).await;
    };
    let id = ctx.resource_id(t, given, None).await?;
    let req = EnqueueRequest {
        action: a.action.name(),
        id: &id,
        force: a.force,
        canonical_resources: a.canonical_resources,
        dry_run: a.dry_run,
        suffix: a.suffix.as_deref(),
    };
    let plan = enqueue_plan(ctx.store(), &ctx.registry, t, req, &|n: Notice<'_>| {
        ctx.notice(n)
    })
    .await?;
    write(ctx, plan, a.reason.as_deref()).await
}

/// `esi enqueue <action> <type> --verdict …|--ids FILE`.
async fn bulk(ctx: &Context, rtype: &str, a: Args) -> Result<Outcome> {
    use super::replay_jobs::{read_ids, require_reason, write_bulk};
    use crate::protocol::build::BuildOptions;
    use crate::protocol::bulk::enqueue::plan_enqueue;
    use crate::protocol::bulk::{unknown_ids, Selector};
    use crate::query::check::{fleet, Scope};
    require_reason(ctx, a.dry_run, a.reason.as_deref())?;
    let sel = Selector {
        types: vec![rtype.to_string()],
        verdicts: a.verdict.clone(),
        ids: match &a.ids {
            Some(p) => read_ids(p)?,
            None => vec![],
        },
        ..Default::default()
    };
    // The new jobs' dependencies may be jobs of any type: the whole queue is read.
    let scope = Scope {
        whole_queue: true,
        cluster: false,
    };
    let types = [rtype.to_string()];
    let f = fleet(ctx.store(), &ctx.registry, &types, scope).await?;
    let opts = BuildOptions {
        canonical_resources: a.canonical_resources,
    };
    let plan = plan_enqueue(ctx.store(), &ctx.registry, &f, &sel, a.action.name(), opts).await?;
    for id in unknown_ids(&f, &sel) {
        ctx.warn(&format!(
            "{id}: no {rtype} at revision {}; skipped",
            f.revision
        ));
    }
    write_bulk(ctx, &plan, a.dry_run, a.reason.as_deref(), a.max_in_flight).await
}
