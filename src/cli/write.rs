//! The write path shared by `esi enqueue` and `esi replay`: a dry run shows the plan;
//! otherwise confirm (the write gate), one guarded transaction, and the report.

use crate::cli::context::Context;
use crate::cli::outcome::Outcome;
use crate::cli::safety;
use crate::error::Result;
use crate::model::redact;
use crate::model::wire::python_json;
use crate::protocol::audit::Auditor;
use crate::protocol::enqueue::{describe, submit};
use crate::protocol::plan::{DryRun, WritePlan, Written};
use crate::render::enqueue::{dry_run_table, written};
use crate::render::OutputFormat;

/// Dry run, or confirm → one guarded txn (its audit record inside) → report.
pub async fn write(ctx: &Context, plan: WritePlan, reason: Option<&str>) -> Result<Outcome> {
    let (value, mut e) = plan.txn();
    let auditor = Auditor {
        reason: reason.map(String::from),
        ..ctx.audit.clone()
    };
    let kind = plan.what.split(' ').next().unwrap_or("write");
    // Attached here too so that the dry run and the confirmation show the audit put.
    auditor.attach(&mut e.txn, kind, Some(&plan.job_id));
    if plan.dry_run {
        let mut shown = value;
        if !ctx.show_secrets {
            redact::redact(&mut shown);
        }
        return match ctx.out.format {
            // Exactly the bytes that would be stored (Python json.dumps style).
            OutputFormat::Json | OutputFormat::Jsonl => {
                ctx.out
                    .write(format!("{}\n", python_json(&shown)).as_bytes())?;
                Ok(Outcome::OK)
            }
            _ => {
                let d = DryRun {
                    job_id: plan.job_id.clone(),
                    stage: e.stage,
                    dependencies: plan.dependencies.clone(),
                    read_revision: plan.read_revision,
                    txn: describe(&e.txn),
                    value: shown,
                };
                ctx.out.emit(&d, |d| dry_run_table(d, &plan.what))?;
                Ok(Outcome::OK)
            }
        };
    }
    let view = describe(&e.txn);
    // One line to confirm; the transaction itself with -v, and in a refusal.
    let summary = format!(
        "{} as {} (stage {}), one transaction read at revision {}",
        plan.what,
        plan.job_id,
        e.stage.name(),
        plan.read_revision,
    );
    let txn = format!(
        "  if   {}\n  then {}",
        view.compares.join("\n       "),
        view.success.join("\n       ")
    );
    safety::confirm_write(ctx, &summary, &txn)?;
    let w = commit(ctx, &plan, reason).await?;
    ctx.out.emit(&w, written)?;
    Ok(Outcome::OK)
}

/// The plan's one guarded transaction with its audit record, once the write gate has
/// let it through (`esi top` asks inside its own screen).
pub async fn commit(ctx: &Context, plan: &WritePlan, reason: Option<&str>) -> Result<Written> {
    let (_, mut e) = plan.txn();
    let auditor = Auditor {
        reason: reason.map(String::from),
        ..ctx.audit.clone()
    };
    let kind = plan.what.split(' ').next().unwrap_or("write");
    let audit = auditor.attach(&mut e.txn, kind, Some(&plan.job_id));
    let revision = submit(ctx.store(), &e, &plan.allowed).await?;
    Ok(Written {
        job_id: plan.job_id.clone(),
        revision,
        stage: e.stage,
        keys: vec![e.all_key.clone(), e.stage_key.clone()],
        audit,
    })
}
