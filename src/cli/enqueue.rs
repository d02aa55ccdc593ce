//! `esi enqueue <action> <type> <id>`: build a job from the resource's current config
//! exactly as the job manager would, and queue it with one guarded transaction.
//! The write path (dry run, confirmation, txn, report) is shared with `esi replay`.

use colored::Colorize;
use serde::Serialize;
use serde_json::Value;

use crate::cli::{safety, Context, Outcome};
use crate::engine::job::{self as builder, BuildOptions, Workability};
use crate::engine::queue::{self, Guards, TxnView};
use crate::error::{EsiError, Result};
use crate::model::keys::QueueDir;
use crate::model::redact;
use crate::render::{self, OutputFormat};
use crate::sample::python_json;
use crate::store::Range;

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
    pub rtype: String,
    /// Resource id
    pub id: String,
    /// Print what would be written (-o json: the exact /jobs/all value; table: the txn)
    #[arg(long)]
    pub dry_run: bool,
    /// Enqueue even when the resource already has an active job at this version
    #[arg(long)]
    pub force: bool,
    /// Carry each param's resources once instead of the legacy doubled list (L ++ L)
    /// of modify/logical_delete jobs
    #[arg(long)]
    pub canonical_resources: bool,
}

/// Everything a queue write needs; built by `enqueue` and `replay`.
pub struct WritePlan {
    /// "enqueue modify port <id> v3" / "replay <source id>": for messages.
    pub what: String,
    pub job_id: String,
    pub handler: String,
    /// The job object, dependency included.
    pub job: Value,
    pub dependencies: Vec<String>,
    /// The revision everything was read at.
    pub read_revision: i64,
    pub guards: Guards,
    /// Job ids the guards allow to exist (the replayed job).
    pub allowed: Vec<String>,
    pub dry_run: bool,
}

/// `-o json` after a real write.
#[derive(Debug, Serialize)]
pub struct Written {
    pub job_id: String,
    pub revision: i64,
    pub stage: QueueDir,
    pub keys: Vec<String>,
}

/// `--dry-run -o table|yaml`: what would be sent.
#[derive(Debug, Serialize)]
pub struct DryRun {
    pub job_id: String,
    pub stage: QueueDir,
    pub dependencies: Vec<String>,
    pub read_revision: i64,
    pub txn: TxnView,
    pub value: Value,
}

pub async fn run(ctx: &Context, a: Args) -> Result<Outcome> {
    let t = ctx.registry.resolve(&a.rtype)?;
    let store = ctx.store();
    let mut p = builder::prepare(store, &ctx.registry, t, &a.id).await?;
    let action = a.action.name();
    if let Workability::NotWorkable(why) = &p.workability {
        return Err(EsiError::Refused(format!(
            "{} {} is not workable: {why}; the job manager writes READ_COMPLETE state for it instead of a job",
            t.id, a.id
        )));
    }
    if action != p.action {
        let needs = if action == "logical_delete" {
            " (logical_delete needs marked_for_deletion: true)"
        } else {
            ""
        };
        return Err(EsiError::Refused(format!(
            "{} {} v{}: the system would choose `{}` ({}), not `{action}`{needs}; run `esi enqueue {} {} {}`",
            t.id, a.id, p.config.version, p.action, p.action_reason, p.action, t.id, a.id
        )));
    }
    let version = p.config.version;
    let version_prefixes = queue::version_job_prefixes(&ctx.registry, &t.id, &a.id, version);
    let ranges: Vec<Range> = version_prefixes
        .iter()
        .map(|k| Range::prefix(k).keys_only())
        .collect();
    let (_, res) = store.ranges(&ranges, Some(p.revision)).await?;
    let active: Vec<String> = res
        .iter()
        .flat_map(|r| &r.kvs)
        .filter_map(|kv| QueueDir::All.id_of(&kv.key).map(String::from))
        .collect();
    if !active.is_empty() {
        if !a.force {
            return Err(EsiError::Refused(format!(
                "{} {} already has an active job at v{version}: {}; --force enqueues another (it will wait for it)",
                t.id,
                a.id,
                active.join(", ")
            )));
        }
        ctx.warn(&format!(
            "--force: {} already has an active job at v{version}: {}",
            a.id,
            active.join(", ")
        ));
    }
    let mut built = p
        .build(
            action,
            BuildOptions {
                canonical_resources: a.canonical_resources,
            },
        )
        .await?;
    let deps = queue::dependencies(
        store,
        &ctx.registry,
        p.revision,
        &t.id,
        &a.id,
        &built.referenced(),
        &[],
    )
    .await?;
    builder::set_dependency(&mut built.job, &deps);
    // Without --force the txn also guards "still no job at this version" atomically.
    let mut guards = Guards {
        config_key: p.config.key.clone(),
        config_mod_revision: p.config.mod_revision,
        ..Default::default()
    };
    if !a.force {
        guards.compares = version_prefixes
            .iter()
            .map(|k| queue::absent_prefix(k))
            .collect();
        guards.prefixes = version_prefixes;
    }
    let plan = WritePlan {
        what: format!("enqueue {action} {} {} v{version}", t.id, a.id),
        job_id: built.job_id.to_string(),
        handler: built.handler.clone(),
        job: built.job,
        dependencies: deps,
        read_revision: p.revision,
        guards,
        allowed: vec![],
        dry_run: a.dry_run,
    };
    write(ctx, plan).await
}

/// Dry run, or confirm → one guarded txn → report.
pub async fn write(ctx: &Context, plan: WritePlan) -> Result<Outcome> {
    let (value, text) = builder::stored_value(&plan.handler, &plan.job, 0);
    let e = queue::enqueue_txn(
        &plan.job_id,
        &plan.handler,
        text,
        !plan.dependencies.is_empty(),
        plan.guards.clone(),
    );
    if plan.dry_run {
        let mut shown = value;
        if !ctx.show_secrets {
            redact::redact(&mut shown);
        }
        return match ctx.out.format {
            // Exactly the bytes that would be stored (Python json.dumps style).
            OutputFormat::Json | OutputFormat::Jsonl => {
                render::write_stdout(format!("{}\n", python_json(&shown)).as_bytes())?;
                Ok(Outcome::OK)
            }
            _ => {
                let d = DryRun {
                    job_id: plan.job_id.clone(),
                    stage: e.stage,
                    dependencies: plan.dependencies.clone(),
                    read_revision: plan.read_revision,
                    txn: queue::describe(&e.txn),
                    value: shown,
                };
                ctx.out.emit(&d, |d| dry_run_table(d, &plan.what))?;
                Ok(Outcome::OK)
            }
        };
    }
    let view = queue::describe(&e.txn);
    let summary = format!(
        "{} as {} (stage {}), one transaction read at revision {}:\n  if   {}\n  then {}",
        plan.what,
        plan.job_id,
        e.stage.name(),
        plan.read_revision,
        view.compares.join("\n       "),
        view.success.join("\n       ")
    );
    safety::confirm_write(ctx, &summary)?;
    let revision = queue::submit(ctx.store(), &e, &plan.allowed).await?;
    let w = Written {
        job_id: plan.job_id.clone(),
        revision,
        stage: e.stage,
        keys: vec![e.all_key.clone(), e.stage_key.clone()],
    };
    ctx.out.emit(&w, |w| {
        format!(
            "{} {}\n  stage     {}\n  revision  {}  (esi show --rev {} for before)\n  keys      {}\n",
            "enqueued".green().bold(),
            w.job_id,
            w.stage.name(),
            w.revision,
            w.revision - 1,
            w.keys.join(", ")
        )
    })?;
    Ok(Outcome::OK)
}

fn dry_run_table(d: &DryRun, what: &str) -> String {
    let mut o = format!("{} {what}\n", "dry run:".bold());
    o.push_str(&format!("job id      {}\n", d.job_id));
    o.push_str(&format!("stage       {}\n", d.stage.name()));
    o.push_str(&format!("read at     revision {}\n", d.read_revision));
    if d.dependencies.is_empty() {
        o.push_str("depends on  -\n");
    } else {
        o.push_str(&format!(
            "depends on  {}\n",
            d.dependencies.join("\n            ")
        ));
    }
    o.push_str(&format!("{}\n", "transaction".bold()));
    o.push_str("  if\n");
    for c in &d.txn.compares {
        o.push_str(&format!("    {c}\n"));
    }
    o.push_str("  then\n");
    for s in &d.txn.success {
        o.push_str(&format!("    {s}\n"));
    }
    o.push_str("  else (read back, to say which compare failed)\n");
    for s in &d.txn.failure {
        o.push_str(&format!("    {s}\n"));
    }
    o.push_str(&format!(
        "{}\n",
        "nothing written (--dry-run); -o json prints the /jobs/all value".dimmed()
    ));
    o
}
