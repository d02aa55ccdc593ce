//! `esi diff <type> <id>`: diff two versions of one family, or config against the job
//! or state against the stack. Exit 0 = identical, 1 = differs, >1 = error (kubectl's
//! contract).

use crate::cli::context::Context;
use crate::cli::outcome::Outcome;
use crate::error::Result;
use crate::exit;
use crate::query::versions::{against_job, against_stack, compare, versions};
use crate::render::diff::human;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Against {
    /// Config body vs the newest job's resource_input
    Job,
    /// State heat_outputs vs the heat_stacks outputs
    Stack,
}

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  esi diff port ddc14be4-3480-4e97-a978-817b18f9904c              # config: previous vs current
  esi diff port ddc14be4-3480-4e97-a978-817b18f9904c --from 1 --to 3
  esi diff port ddc14be4-3480-4e97-a978-817b18f9904c --family state --from rev:120
  esi diff port ddc14be4-3480-4e97-a978-817b18f9904c --against job  # is the job stale?
  esi diff vnf_instance 398d65ba-0060-456e-b415-5bc954450717 --against stack

Exit status: 0 identical, 1 different, >1 error.")]
pub struct Args {
    /// Resource type (schema id or plural), e.g. port, vnf_instance
    #[arg(value_name = "TYPE")]
    pub rtype: String,
    /// Resource id
    #[arg(value_parser = crate::cli::values::id)]
    pub id: String,
    /// Family to diff
    #[arg(long, default_value = "config")]
    pub family: String,
    /// Older side: an ESI version number (etcd key version for families without one) or rev:N
    #[arg(long)]
    pub from: Option<String>,
    /// Newer side (default: current)
    #[arg(long)]
    pub to: Option<String>,
    /// Compare across families instead of across versions
    #[arg(long, value_enum, conflicts_with_all = ["from", "to"])]
    pub against: Option<Against>,
    /// Do not hide bookkeeping fields (status, orchestration_state, version counters)
    #[arg(long)]
    pub show_all: bool,
}

pub async fn run(ctx: &Context, a: Args) -> Result<Outcome> {
    let t = ctx.registry.resolve(&a.rtype)?;
    let id = ctx.resource_id(t, &a.id, None).await?;
    let (from, to, family) = match a.against {
        Some(Against::Job) => against_job(ctx.store(), &ctx.registry, t, &id).await?,
        Some(Against::Stack) => against_stack(ctx.store(), &ctx.registry, t, &id).await?,
        None => {
            let sel = (a.from.as_deref(), a.to.as_deref());
            versions(&ctx.store, t, &id, &a.family, sel, &|m| ctx.warn(m)).await?
        }
    };
    let doc = compare(t, &id, family, from, to, a.show_all, !ctx.show_secrets);
    ctx.out.emit(&doc, human)?;
    Ok(Outcome(if doc.identical {
        exit::OK
    } else {
        exit::DIFFERS
    }))
}
