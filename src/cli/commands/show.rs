//! `esi show <type> <id>`: every family of one resource at one revision, and a verdict.

use crate::cli::context::Context;
use crate::cli::outcome::Outcome;
use crate::error::{EsiError, Result};
use crate::model::job::JobId;
use crate::model::resource::ResourceView;
use crate::query::audit::{of_resource, AuditEntry};
use crate::query::blocking::{waits_for, WaitsFor};
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
    let waits_for = waits_for(ctx.store(), &ctx.registry, &v).await?;
    let audit = match (&ctx.audit.prefix, a.rev) {
        // Records are read at the latest revision: none for a view of the past.
        (Some(p), None) => of_resource(ctx.store(), p, &t.id, &v.resource.id, AUDIT_SHOWN).await?,
        _ => vec![],
    };
    let shown = Shown {
        view: &v,
        waits_for,
        audit,
    };
    ctx.out.emit(&shown, |s| {
        let mut o = view::show(s.view, &ctx.registry);
        if let Some(w) = &s.waits_for {
            o.push_str(&waiting_line(w));
        }
        if !s.audit.is_empty() {
            o.push_str("\nAudit (latest writes by esi)\n");
            o.push_str(&crate::render::audit::show_lines(&s.audit));
        }
        o
    })?;
    Ok(Outcome::OK)
}

/// Audit records `esi show` lists.
const AUDIT_SHOWN: usize = 5;

/// `-o json` of `esi show`: the resource view, what it ultimately waits for, and the
/// last audit records that touched it (docs/json-output.md).
#[derive(serde::Serialize)]
struct Shown<'a> {
    #[serde(flatten)]
    view: &'a ResourceView,
    #[serde(skip_serializing_if = "Option::is_none")]
    waits_for: Option<WaitsFor>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    audit: Vec<AuditEntry>,
}

fn waiting_line(w: &WaitsFor) -> String {
    let what = match JobId::parse(&w.job) {
        Some(j) => format!(
            "{} {} {} v{}",
            j.action,
            j.resource_type,
            j.resource_id.chars().take(8).collect::<String>() + "…",
            j.version
        ),
        None => w.job.clone(),
    };
    format!("\nPENDING: waits for {what} ({}), which {}\n", w.job, w.why)
}
