//! `esi diff <type> <id>`: diff two versions of one family, or config against the job
//! or state against the stack. Exit 0 = identical, 1 = differs, >1 = error (kubectl's
//! contract).

use colored::Colorize;
use serde::Serialize;
use serde_json::Value;

use crate::cli::{Context, Outcome};
use crate::engine::queue;
use crate::error::{EsiError, Result};
use crate::exit;
use crate::follow::{self, Spec};
use crate::model::decode::{decode, Shape};
use crate::model::job::JobValue;
use crate::model::jsondiff::{self, Change};
use crate::model::keys::Family;
use crate::model::redact;
use crate::query;
use crate::store::EventKind;

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
    pub rtype: String,
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

#[derive(Debug, Clone, Serialize)]
pub struct Side {
    pub label: String,
    pub revision: Option<i64>,
    pub version: Option<i64>,
    #[serde(skip)]
    pub value: Value,
}

#[derive(Debug, Serialize)]
pub struct DiffDoc {
    pub resource: crate::cli::history::Ident,
    pub family: String,
    pub from: Side,
    pub to: Side,
    pub identical: bool,
    pub changes: Vec<Change>,
    /// Paths that differ only in redacted (secret) values: listed, never shown.
    pub redacted_changes: Vec<String>,
    #[serde(skip)]
    pub text: String,
}

/// One stored version of a key, from history.
struct Version {
    revision: i64,
    key_version: i64,
    value: Option<Value>,
}

pub async fn run(ctx: &Context, a: Args) -> Result<Outcome> {
    let t = ctx.registry.resolve(&a.rtype)?;
    let (mut from, mut to, family) = match a.against {
        Some(Against::Job) => against_job(ctx, t, &a.id).await?,
        Some(Against::Stack) => against_stack(ctx, t, &a.id).await?,
        None => versions(ctx, t, &a).await?,
    };
    if !a.show_all {
        jsondiff::strip_noise(&mut from.value);
        jsondiff::strip_noise(&mut to.value);
    }
    // Compared before redaction, so a changed secret still makes the versions differ
    // (exit 1); its path is reported, its values are not.
    let raw_paths: Vec<String> = jsondiff::diff(&from.value, &to.value)
        .into_iter()
        .map(|c| c.path)
        .collect();
    if !ctx.show_secrets {
        redact::redact(&mut from.value);
        redact::redact(&mut to.value);
    }
    let (fa, fb) = (
        jsondiff::canonical(&from.value),
        jsondiff::canonical(&to.value),
    );
    let changes = jsondiff::diff(&fa, &fb);
    let redacted_changes: Vec<String> = raw_paths
        .into_iter()
        .filter(|p| !changes.iter().any(|c| c.path == *p))
        .collect();
    let text = unified(&fa, &fb, &from.label, &to.label);
    let doc = DiffDoc {
        resource: crate::cli::history::Ident {
            rtype: t.id.clone(),
            id: a.id.clone(),
        },
        family,
        identical: changes.is_empty() && redacted_changes.is_empty(),
        changes,
        redacted_changes,
        from,
        to,
        text,
    };
    ctx.out.emit(&doc, |d| {
        if d.identical {
            return format!("identical: {} and {}\n", d.from.label, d.to.label);
        }
        let mut out = d.text.clone();
        if !d.redacted_changes.is_empty() {
            out.push_str(&format!(
                "secret values differ (redacted; --show-secrets to see them): {}\n",
                d.redacted_changes.join(", ")
            ));
        }
        out
    })?;
    Ok(Outcome(if doc.identical {
        exit::OK
    } else {
        exit::DIFFERS
    }))
}

fn unified(a: &Value, b: &Value, la: &str, lb: &str) -> String {
    let ta = serde_json::to_string_pretty(a).unwrap_or_default() + "\n";
    let tb = serde_json::to_string_pretty(b).unwrap_or_default() + "\n";
    let d = similar::TextDiff::from_lines(&ta, &tb);
    let raw = d
        .unified_diff()
        .context_radius(3)
        .header(la, lb)
        .to_string();
    raw.lines()
        .map(|l| {
            let s = if l.starts_with("+++") || l.starts_with("---") {
                l.bold().to_string()
            } else if l.starts_with('+') {
                l.green().to_string()
            } else if l.starts_with('-') {
                l.red().to_string()
            } else if l.starts_with("@@") {
                l.cyan().to_string()
            } else {
                l.to_string()
            };
            s + "\n"
        })
        .collect()
}

async fn history_of(ctx: &Context, key: &str, shape: Shape) -> Result<(Vec<Version>, Option<i64>)> {
    let to = ctx.store().probe().await?.revision;
    let h = follow::collect(ctx.store.clone(), vec![Spec::key(key)], 1, to).await?;
    if let Some(c) = h.compact_revision {
        ctx.warn(&format!(
            "history of {key} before revision {c} was compacted"
        ));
    }
    let vs = h
        .events
        .into_iter()
        .map(|(rev, ev)| Version {
            revision: rev,
            key_version: ev.kv.version,
            value: (ev.kind == EventKind::Put)
                .then(|| decode(shape, key, &ev.kv.value).value)
                .flatten(),
        })
        .collect();
    Ok((vs, h.compact_revision))
}

fn esi_version(v: &Option<Value>) -> Option<i64> {
    v.as_ref()
        .and_then(|v| v.get("version"))
        .and_then(Value::as_i64)
}

fn pick(vs: &[Version], spec: &str, key: &str) -> Result<Side> {
    let not_found =
        || EsiError::NotFound(format!("{key}: no version {spec} in the available history"));
    if let Some(r) = spec.strip_prefix("rev:") {
        let r: i64 = r
            .parse()
            .map_err(|_| EsiError::Usage(format!("bad revision `{spec}` (expected rev:N)")))?;
        let v = vs
            .iter()
            .rev()
            .find(|v| v.revision <= r)
            .ok_or_else(not_found)?;
        return Ok(Side {
            label: format!("{key} @ rev {r}"),
            revision: Some(v.revision),
            version: esi_version(&v.value),
            value: v.value.clone().unwrap_or(Value::Null),
        });
    }
    let n: i64 = spec
        .parse()
        .map_err(|_| EsiError::Usage(format!("bad version `{spec}` (expected N or rev:N)")))?;
    let has_esi = vs.iter().any(|v| esi_version(&v.value).is_some());
    let v = vs
        .iter()
        .rev()
        .filter(|v| v.value.is_some())
        .find(|v| {
            if has_esi {
                esi_version(&v.value) == Some(n)
            } else {
                v.key_version == n
            }
        })
        .ok_or_else(not_found)?;
    Ok(Side {
        label: format!("{key} v{n} (rev {})", v.revision),
        revision: Some(v.revision),
        version: esi_version(&v.value),
        value: v.value.clone().unwrap_or(Value::Null),
    })
}

async fn versions(
    ctx: &Context,
    t: &crate::model::registry::ResourceType,
    a: &Args,
) -> Result<(Side, Side, String)> {
    let fam = Family::parse(&a.family)
        .ok_or_else(|| EsiError::Usage(format!("--family {}: unknown family", a.family)))?;
    let key = fam.key(t, &a.id);
    let (vs, _) = history_of(ctx, &key, Shape::Family(fam)).await?;
    let puts: Vec<&Version> = vs.iter().filter(|v| v.value.is_some()).collect();
    if puts.is_empty() {
        return Err(EsiError::NotFound(format!(
            "{key}: no stored version in the available history"
        )));
    }
    let to = match &a.to {
        Some(s) => pick(&vs, s, &key)?,
        None => {
            let last = vs.last().expect("non-empty");
            let v = last
                .value
                .clone()
                .ok_or_else(|| EsiError::NotFound(format!("{key} is deleted; give --to")))?;
            Side {
                label: format!("{key} current (rev {})", last.revision),
                revision: Some(last.revision),
                version: esi_version(&last.value),
                value: v,
            }
        }
    };
    let from = match &a.from {
        Some(s) => pick(&vs, s, &key)?,
        None => {
            // The previous version: an older ESI version where the family has one, else the previous put.
            let prev = match to.version {
                Some(tv) => puts
                    .iter()
                    .rev()
                    .find(|v| esi_version(&v.value).is_some_and(|x| x < tv)),
                None => puts.iter().rev().find(|v| Some(v.revision) < to.revision),
            }
            .ok_or_else(|| {
                EsiError::NotFound(format!(
                    "{key}: no previous version in the available history"
                ))
            })?;
            let label = match esi_version(&prev.value) {
                Some(n) => format!("{key} v{n} (rev {})", prev.revision),
                None => format!("{key} @ rev {}", prev.revision),
            };
            Side {
                label,
                revision: Some(prev.revision),
                version: esi_version(&prev.value),
                value: prev.value.clone().unwrap_or(Value::Null),
            }
        }
    };
    Ok((from, to, fam.name().to_string()))
}

async fn against_job(
    ctx: &Context,
    t: &crate::model::registry::ResourceType,
    id: &str,
) -> Result<(Side, Side, String)> {
    let view = query::read_resource(ctx.store(), &ctx.registry, t, id, None).await?;
    query::require_found(&view)?;
    let body = view.config.get(&["body"]).cloned().ok_or_else(|| {
        EsiError::NotFound(format!("{} has no readable config body", view.config.key))
    })?;
    let from = Side {
        label: format!(
            "{} body v{}",
            view.config.key,
            view.config.esi_version().unwrap_or(0)
        ),
        revision: view.config.mod_revision,
        version: view.config.esi_version(),
        value: body,
    };
    // The newest job in the queue, else the last one found in the job keys' history.
    let mut job: Option<(String, i64, Value)> = view
        .jobs
        .iter()
        .filter_map(|j| {
            j.job_value().map(|v| {
                (
                    j.id.clone(),
                    j.keys.get("all").map(|k| k.mod_revision).unwrap_or(0),
                    v.job,
                )
            })
        })
        .max_by_key(|(_, rev, _)| *rev);
    if job.is_none() {
        // Not in flight: the last job put in its job keys' history, searched from the
        // config's creation.
        let hint = view.config.create_revision;
        if let Some(jid) = queue::latest_job_of(ctx.store(), &ctx.registry, &t.id, id, hint).await?
        {
            let loc = queue::locate(ctx.store(), &jid, None, hint).await?;
            job = loc
                .value
                .as_ref()
                .and_then(|v| JobValue::from_value(v).ok())
                .map(|v| (jid, loc.put_revision.unwrap_or(loc.revision), v.job));
        }
    }
    let (job_id, rev, j) = job.ok_or_else(|| {
        EsiError::NotFound(format!("no job found for {} {id} (queue or history)", t.id))
    })?;
    let to = Side {
        label: format!("job {job_id} resource_input"),
        revision: Some(rev),
        version: j.get("version").and_then(Value::as_i64),
        value: j.get("resource_input").cloned().unwrap_or(Value::Null),
    };
    Ok((from, to, "config~job".into()))
}

fn outputs_map(v: Option<&Value>) -> Value {
    let mut m = serde_json::Map::new();
    for o in v.and_then(Value::as_array).into_iter().flatten() {
        if let Some(k) = o.get("output_key").and_then(Value::as_str) {
            m.insert(
                k.to_string(),
                o.get("output_value").cloned().unwrap_or(Value::Null),
            );
        }
    }
    Value::Object(m)
}

async fn against_stack(
    ctx: &Context,
    t: &crate::model::registry::ResourceType,
    id: &str,
) -> Result<(Side, Side, String)> {
    let view = query::read_resource(ctx.store(), &ctx.registry, t, id, None).await?;
    query::require_found(&view)?;
    if !view.state.present || !view.heat_stack.present {
        return Err(EsiError::NotFound(format!(
            "{} {id}: --against stack needs both /state and heat_stacks records",
            t.id
        )));
    }
    let from = Side {
        label: format!("{} heat_outputs", view.state.key),
        revision: view.state.mod_revision,
        version: view.state.esi_version(),
        value: outputs_map(view.state.get(&["state", "heat_outputs"])),
    };
    let to = Side {
        label: format!("{} output", view.heat_stack.key),
        revision: view.heat_stack.mod_revision,
        version: None,
        value: outputs_map(view.heat_stack.get(&["output"])),
    };
    Ok((from, to, "state~heat_stack".into()))
}
