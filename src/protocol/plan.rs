//! Queue write plans: everything one guarded enqueue transaction needs (the job, its
//! dependencies, the guards), built at one revision by `enqueue_plan` here or by
//! `super::replay`; the documents a write reports; and the transaction a plan becomes.

use serde::Serialize;
use serde_json::Value;

use crate::error::{EsiError, Result};
use crate::model::job::version_job_prefixes;
use crate::model::keys::QueueDir;
use crate::model::registry::{Registry, ResourceType};
use crate::protocol::build::{self as builder, BuildOptions, Workability};
use crate::protocol::enqueue::{
    absent_prefix, dependencies, enqueue_txn, EnqueueTxn, Guards, TxnView,
};
use crate::store::{Range, Store};

/// Something a plan wants said on stderr while it is built.
pub enum Notice<'a> {
    Note(&'a str),
    Warn(&'a str),
}

/// Where a plan's notices go (the CLI prints them in order).
pub type Notify<'a> = &'a dyn Fn(Notice);

/// Everything a queue write needs; built by `enqueue` and `replay`.
#[derive(Debug, Clone)]
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

impl WritePlan {
    /// The stored `/jobs/all` value (decoded, and as the bytes written) and the txn.
    pub fn txn(&self) -> (Value, EnqueueTxn) {
        let (value, text) = builder::stored_value(&self.handler, &self.job, 0);
        let e = enqueue_txn(
            &self.job_id,
            &self.handler,
            text,
            !self.dependencies.is_empty(),
            self.guards.clone(),
        );
        (value, e)
    }
}

/// `-o json` after a real write.
#[derive(Debug, Serialize)]
pub struct Written {
    pub job_id: String,
    pub revision: i64,
    pub stage: QueueDir,
    pub keys: Vec<String>,
    /// The audit record written in the same transaction (null: auditing off).
    pub audit: Option<String>,
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

/// What `esi enqueue` asks for.
pub struct EnqueueRequest<'a> {
    pub action: &'a str,
    pub id: &'a str,
    pub force: bool,
    pub canonical_resources: bool,
    pub dry_run: bool,
    /// The job id's suffix instead of a random one: a dry run then shows the very id the
    /// write will use.
    pub suffix: Option<&'a str>,
}

/// Build the job the job manager would build for the resource's current config, with
/// its dependencies and guards, at one revision: the plan of one `esi enqueue`.
pub async fn enqueue_plan(
    store: &dyn Store,
    reg: &Registry,
    t: &ResourceType,
    a: EnqueueRequest<'_>,
    notify: Notify<'_>,
) -> Result<WritePlan> {
    let mut p = builder::prepare(store, reg, t, a.id).await?;
    let action = a.action;
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
    let version_prefixes = version_job_prefixes(reg, &t.id, a.id, version);
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
        notify(Notice::Warn(&format!(
            "--force: {} already has an active job at v{version}: {}",
            a.id,
            active.join(", ")
        )));
    }
    let mut built = p
        .build(
            action,
            BuildOptions {
                canonical_resources: a.canonical_resources,
            },
        )
        .await?;
    fix_suffix(&mut built, a.suffix);
    let deps = dependencies(
        store,
        reg,
        p.revision,
        &t.id,
        a.id,
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
        guards.compares = version_prefixes.iter().map(|k| absent_prefix(k)).collect();
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
    Ok(plan)
}

/// The job id with the given suffix instead of its random one (in the job object too).
fn fix_suffix(built: &mut builder::Built, suffix: Option<&str>) {
    if let Some(sfx) = suffix {
        built.job_id.suffix = sfx.to_string();
        if let Some(m) = built.job.as_object_mut() {
            m.insert("id".into(), Value::String(built.job_id.to_string()));
        }
    }
}
