//! `esi get <key>`: any raw key, decoded as its family.

use serde::Serialize;
use serde_json::Value;

use crate::cli::context::Context;
use crate::cli::outcome::Outcome;
use crate::error::{EsiError, Result};
use crate::model::decode::{decode, Shape};
use crate::model::keys::{classify, KeyKind};
use crate::model::redact;
use crate::render;
use crate::store::Range;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  esi get /config/v2.0/ports/ddc14be4-3480-4e97-a978-817b18f9904c
  esi get /jobs/all/ --prefix -o jsonl
  esi get /state/v2.0/ports/ddc14be4-3480-4e97-a978-817b18f9904c --rev 120")]
pub struct Args {
    /// The etcd key, e.g. /state/v2.0/ports/<id>
    #[arg(value_name = "KEY", value_parser = crate::cli::values::key)]
    pub etcd_key: String,
    /// Every key under this prefix
    #[arg(long)]
    pub prefix: bool,
    /// Read at this etcd revision
    #[arg(long, visible_alias = "revision", value_parser = crate::cli::values::revision)]
    pub rev: Option<i64>,
    /// Print the stored value bytes only, one value a line, no header (like `etcdctl get
    /// --print-value-only`; secrets redacted unless --show-secrets); with -o json, the
    /// stored text as the value
    #[arg(long)]
    pub raw: bool,
    /// At most this many keys with --prefix (0 = all)
    #[arg(long, default_value_t = 0)]
    pub limit: i64,
}

#[derive(Debug, Serialize)]
pub struct GotKey {
    pub key: String,
    /// What the key is: config, state, job, ... (from its grammar).
    pub family: String,
    pub create_revision: i64,
    pub mod_revision: i64,
    pub version: i64,
    pub lease: i64,
    pub value: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raw: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

fn family_name(k: &KeyKind) -> String {
    match k {
        KeyKind::Resource { family, .. } => family.name().into(),
        KeyKind::Job { dir, .. } => format!("jobs/{}", dir.name()),
        KeyKind::JobManagerId => "job_manager_id".into(),
        KeyKind::WorkflowRequest => "workflow_request".into(),
        KeyKind::GohanWatchIndex => "gohan_watch_index".into(),
        KeyKind::Other => "other".into(),
    }
}

pub async fn run(ctx: &Context, a: Args) -> Result<Outcome> {
    let mut range = if a.prefix {
        Range::prefix(&a.etcd_key)
    } else {
        Range::key(&a.etcd_key)
    };
    if a.limit > 0 {
        range = range.limit(a.limit);
    }
    let (_, res) = ctx.store().range(&range, a.rev).await?;
    if res.kvs.is_empty() {
        return Err(EsiError::NotFound(format!(
            "key {}{} not found",
            a.etcd_key,
            if a.prefix { "*" } else { "" }
        )));
    }
    if a.raw && !ctx.out.format.is_machine() {
        let mut out = Vec::new();
        for kv in &res.kvs {
            if ctx.show_secrets {
                out.extend_from_slice(&kv.value);
            } else {
                out.extend_from_slice(raw_redacted(ctx, kv).as_bytes());
            }
            out.push(b'\n');
        }
        ctx.out.write(&out)?;
        return Ok(Outcome::OK);
    }
    let mut items = Vec::with_capacity(res.kvs.len());
    for kv in res.kvs {
        let kind = classify(&ctx.registry, &kv.key);
        let mut item = if a.raw {
            GotKey {
                key: kv.key.clone(),
                family: family_name(&kind),
                create_revision: kv.create_revision,
                mod_revision: kv.mod_revision,
                version: kv.version,
                lease: kv.lease,
                value: Some(Value::String(if ctx.show_secrets {
                    kv.value_str().into_owned()
                } else {
                    raw_redacted(ctx, &kv)
                })),
                raw: None,
                warnings: vec![],
            }
        } else {
            let d = decode(Shape::of(&kind), &kv.key, &kv.value);
            GotKey {
                key: kv.key.clone(),
                family: family_name(&kind),
                create_revision: kv.create_revision,
                mod_revision: kv.mod_revision,
                version: kv.version,
                lease: kv.lease,
                value: d.value,
                raw: d.raw,
                warnings: d.warnings,
            }
        };
        for w in &item.warnings {
            ctx.warn(w);
        }
        if !ctx.show_secrets {
            if let Some(v) = item.value.as_mut() {
                redact::redact(v);
            }
            if let Some(r) = item.raw.as_mut() {
                *r = redact::redact_text(r);
            }
        }
        items.push(item);
    }
    if a.prefix {
        ctx.out
            .emit_list(&items, |items| items.iter().map(human).collect())?;
    } else {
        ctx.out.emit(&items[0], human)?;
    }
    Ok(Outcome::OK)
}

/// The stored text with its secrets hidden, including those only the decoded value
/// names (a secret heat output inside the double-encoded state).
fn raw_redacted(ctx: &Context, kv: &crate::store::Kv) -> String {
    let kind = classify(&ctx.registry, &kv.key);
    let d = decode(Shape::of(&kind), &kv.key, &kv.value);
    redact::redact_raw(&kv.value_str(), d.value.as_ref())
}

fn human(k: &GotKey) -> String {
    use colored::Colorize;
    let head = format!(
        "{}  {}\n",
        k.key.bold(),
        format!(
            "[{}] mod rev {}, created rev {}, key version {}{}",
            k.family,
            k.mod_revision,
            k.create_revision,
            k.version,
            if k.lease != 0 {
                format!(", lease {:x}", k.lease)
            } else {
                String::new()
            }
        )
        .dimmed()
    );
    let body = match (&k.value, &k.raw) {
        (_, Some(raw)) => raw.clone(),
        (Some(Value::String(s)), None) => s.clone(),
        (Some(v), None) => render::to_json_pretty(v).unwrap_or_default(),
        (None, None) => String::new(),
    };
    format!("{head}{body}\n")
}
