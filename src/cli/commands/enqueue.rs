//! `esi enqueue <action> <type> <id>`: build a job from the resource's current config
//! exactly as the job manager would, and queue it with one guarded transaction.
//! The write path (dry run, confirmation, txn, report) is shared with `esi replay`.

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
#[command(after_help = "\
The action must be the one the system would choose (spec 2.4): logical_delete when the
config is marked_for_deletion, create when there is no /state key, else modify.

Examples:
  esi enqueue modify port ddc14be4-3480-4e97-a978-817b18f9904c --dry-run -o json
  esi enqueue modify port ddc14be4-3480-4e97-a978-817b18f9904c --dry-run   # the txn
  esi enqueue logical_delete port db3bff62-cf93-48ce-8d6b-cfb2f7fd7dfc --yes
  esi enqueue modify vnf_instance 398d65ba-0060-456e-b415-5bc954450717 --force --yes")]
pub struct Args {
    /// create, modify or logical_delete
    #[arg(value_enum)]
    pub action: Action,
    /// Resource type (schema id or plural), e.g. port, vnf_instance
    #[arg(value_name = "TYPE")]
    pub rtype: String,
    /// Resource id
    #[arg(value_parser = crate::cli::values::id)]
    pub id: String,
    /// Print what would be written (-o json: the exact /jobs/all value; table: the txn)
    #[arg(long)]
    pub dry_run: bool,
    /// Use this job id suffix instead of a random one, so that a --dry-run shows the id
    /// the write will use (letters and digits, at most 16)
    #[arg(long, value_parser = crate::cli::values::suffix)]
    pub suffix: Option<String>,
    /// Why: kept in the write's audit record (`esi audit`)
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
    /// Enqueue even when the resource already has an active job at this version
    #[arg(long)]
    pub force: bool,
    /// Carry each param's resources once instead of the legacy doubled list (L ++ L)
    /// of modify/logical_delete jobs
    #[arg(long)]
    pub canonical_resources: bool,
}

pub async fn run(ctx: &Context, a: Args) -> Result<Outcome> {
    let t = ctx.registry.resolve(&a.rtype)?;
    let id = ctx.resource_id(t, &a.id, None).await?;
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
