//! `esi job show <job-id>`: one job — header, params (references and the resources they
//! consulted), dependencies with their current stage, and whether it is stale against
//! the resource's current config. A finished job is found in its key's history.

use crate::cli::context::Context;
use crate::cli::outcome::Outcome;
use crate::error::Result;
use crate::query::job::job_view;
use crate::render::job::human;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// One job: header, params, dependencies, staleness (finished jobs from history)
    #[command(after_help = "\
Examples:
  esi job show modify:heat_worker:port:ddc14be4-3480-4e97-a978-817b18f9904c:3:28byp
  esi job show <job-id> -o json | jq .staleness
  esi job show <job-id> --rev 1234        # as it was then")]
    Show(ShowArgs),
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The job id: <action>:<handler>:<type>:<id>:<version>:<suffix>
    #[arg(value_parser = crate::cli::values::id)]
    pub job_id: String,
    /// Read at this etcd revision; default: latest
    #[arg(long, visible_alias = "revision", value_parser = crate::cli::values::revision)]
    pub rev: Option<i64>,
}

pub async fn run(ctx: &Context, c: Command) -> Result<Outcome> {
    match c {
        Command::Show(a) => show(ctx, a).await,
    }
}

async fn show(ctx: &Context, a: ShowArgs) -> Result<Outcome> {
    let v = job_view(
        ctx.store(),
        &ctx.registry,
        &a.job_id,
        a.rev,
        !ctx.show_secrets,
    )
    .await?;
    for w in &v.warnings {
        ctx.warn(w);
    }
    ctx.out.emit(&v, human)?;
    Ok(Outcome::OK)
}
