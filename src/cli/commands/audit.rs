//! `esi audit`: the records every esi write puts in its own transaction (who, when, why,
//! the command line, the keys), filtered by time, revision, actor, resource or kind.

use crate::cli::context::Context;
use crate::cli::outcome::Outcome;
use crate::error::{EsiError, Result};
use crate::query::audit::{list, AuditFilter};
use crate::render::audit::table_view;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Every enqueue, replay, bulk replay and snapshot load puts one record under the audit
prefix (default /esi-audit/; --audit-prefix, or a context's audit_prefix) in the same
etcd transaction as its write: there is no write without its record. --no-audit (or a
context's audit = false) writes none.

Examples:
  esi audit --since 2h
  esi audit --resource port ddc14be4-3480-4e97-a978-817b18f9904c
  esi audit --actor ops@bastion -o json | jq -r '.[].command'")]
pub struct Args {
    /// Records of the last DURATION (e.g. 30m, 2h, 1d)
    #[arg(long, value_name = "DURATION", value_parser = humantime::parse_duration)]
    pub since: Option<std::time::Duration>,
    /// Records written at or after this etcd revision
    #[arg(long, visible_alias = "revision", value_parser = crate::cli::values::revision)]
    pub rev: Option<i64>,
    /// Records of this actor (as written: --actor, or user@host)
    #[arg(long)]
    pub actor: Option<String>,
    /// Records that concern this resource
    #[arg(long, num_args = 2, value_names = ["TYPE", "ID"])]
    pub resource: Option<Vec<String>>,
    /// Only these kinds: enqueue, replay, bulk-replay, snapshot-load (comma-separated)
    #[arg(long, value_delimiter = ',')]
    pub kind: Vec<String>,
}

pub async fn run(ctx: &Context, a: Args) -> Result<Outcome> {
    let Some(prefix) = ctx.audit.prefix.as_deref() else {
        return Err(EsiError::Usage(
            "auditing is off (--no-audit, ESI_NO_AUDIT or the context's audit = false): there is no prefix to read".into(),
        ));
    };
    let resource = match &a.resource {
        Some(r) => {
            let t = ctx.registry.resolve(&r[0])?;
            Some((t.id.clone(), r[1].clone()))
        }
        None => None,
    };
    let since = a.since.map(|d| {
        let t = std::time::SystemTime::now()
            .checked_sub(d)
            .unwrap_or(std::time::UNIX_EPOCH);
        humantime::format_rfc3339_nanos(t).to_string()
    });
    let f = AuditFilter {
        since,
        from_revision: a.rev,
        actor: a.actor,
        resource,
        kinds: a.kind,
    };
    let (_, entries, warnings) = list(ctx.store(), prefix, &f).await?;
    for w in &warnings {
        ctx.warn(w);
    }
    ctx.out.emit_list(&entries, table_view)?;
    Ok(Outcome::OK)
}
