//! `esi show <type> <id>`: every family of one resource at one revision, and a verdict.

use crate::cli::context::Context;
use crate::cli::outcome::Outcome;
use crate::error::{EsiError, Result};
use crate::query::resource as query;
use crate::render::resource as view;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  esi show port ddc14be4-3480-4e97-a978-817b18f9904c
  esi show vnf_instance 398d65ba-0060-456e-b415-5bc954450717 -o json
  esi show port ddc14be4-3480-4e97-a978-817b18f9904c --rev 1234   # as it was then
  esi --store sample show port db3bff62-cf93-48ce-8d6b-cfb2f7fd7dfc")]
pub struct Args {
    /// Resource type (schema id or plural), e.g. port, vnf_instance
    #[arg(value_name = "TYPE")]
    pub rtype: String,
    /// Resource id
    #[arg(value_parser = crate::cli::values::id)]
    pub id: String,
    /// Read at this etcd revision (repeatable view); default: latest
    #[arg(long, visible_alias = "revision", value_parser = crate::cli::values::revision)]
    pub rev: Option<i64>,
}

pub async fn run(ctx: &Context, a: Args) -> Result<Outcome> {
    let t = ctx.registry.resolve(&a.rtype)?;
    let mut v = query::read_resource(ctx.store(), &ctx.registry, t, &a.id, a.rev).await?;
    if v.is_empty() {
        // Not an id: perhaps a unique prefix of one (only then a second read).
        let id = ctx.resource_id(t, &a.id, a.rev).await?;
        if id != a.id {
            v = query::read_resource(ctx.store(), &ctx.registry, t, &id, a.rev).await?;
        }
    }
    if v.is_empty() {
        let hint = crate::query::ids::closest_id(ctx.store(), t, &a.id, a.rev).await?;
        let mut e = query::require_found(&v).expect_err("empty view");
        if let (Some(near), EsiError::NotFound(msg)) = (hint, &mut e) {
            msg.push_str(&format!(" (did you mean `{near}`?)"));
        }
        return Err(e);
    }
    for w in v.warnings() {
        ctx.warn(&w);
    }
    if !ctx.show_secrets {
        v.redact();
    }
    ctx.out.emit(&v, |v| view::show(v, &ctx.registry))?;
    Ok(Outcome::OK)
}
