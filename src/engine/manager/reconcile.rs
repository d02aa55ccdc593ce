//! The manager's side of configs (spec §2.4, §3.2 steps 2–7, §3.4, §3.5, §5.6): turn a
//! changed `/config` into a job (or a READ_COMPLETE state for a non-workable resource),
//! keep `/esi-worker/config` current, and clean up after Gohan removed a logically
//! deleted resource. On becoming master, `/config` is compared with `/esi-worker/config`
//! to find what changed while no manager was watching.
//!
//! Jobs are built with the job builder ([`super::job`]) and queued with the guarded
//! enqueue txn ([`super::queue`]), extended by the `/esi-worker/config` write: the copy,
//! `/jobs/all` and the stage key land in one transaction, so a manager dying midway
//! leaves either nothing (the resync redoes it) or everything.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Value};
use tracing::{debug, info, warn};

use crate::engine::manager::queue::QueueModel;
use crate::error::{EsiError, Result};
use crate::model::decode::{decode, Shape};
use crate::model::job::resource_job_prefixes;
use crate::model::jsondiff::canonical;
use crate::model::keys::{classify, Family, KeyKind, QueueDir, WORKFLOW_KEY};
use crate::model::registry::{Registry, ResourceType};
use crate::model::wire::python_json;
use crate::protocol::build::{self as builder, BuildOptions, ConfigRecord, Prepared, Workability};
use crate::protocol::enqueue::{self as queue, Guards};
use crate::protocol::records;
use crate::store::{for_each_page, guarded, Compare, Kv, Op, Range, Store};

/// What happened to one resource.
#[derive(Debug, Clone, PartialEq)]
pub enum Reconciled {
    /// `/esi-worker/config` already reflects the config.
    Unchanged,
    Job {
        id: String,
        waiting: bool,
        /// The queue keys written (`/jobs/all/<id>` and its stage key), at their revision.
        written: Vec<Kv>,
    },
    ReadComplete,
    /// Gohan removed the config after a logical delete: esi-worker records removed.
    CleanedUp,
    /// The config is gone but a job of the resource is still in flight: retry after it.
    Deferred,
    /// Nothing written, and why.
    Skipped(String),
}

pub struct Reconciler<'a> {
    pub store: &'a dyn Store,
    pub reg: &'a Registry,
    pub build: BuildOptions,
    pub workflow_request: bool,
    /// The manager's live copy of the queue: dependencies are computed from it rather
    /// than by scanning every `/jobs/all` value per job (the system's job manager also
    /// keeps in-flight jobs in memory). `None`: read the queue from the store.
    pub inflight: Option<&'a QueueModel>,
}

/// What [`Reconciler::fetch`] read and decided; [`Reconciler::apply`] writes it.
pub enum Fetched<'s> {
    /// Nothing to write.
    Done(Reconciled),
    /// The config is gone.
    Gone {
        copy: Option<Copy>,
        has_stack: bool,
    },
    NotWorkable(Box<NotWorkable<'s>>),
    /// A job built, to be queued.
    Job(Box<ToQueue>),
}

pub struct NotWorkable<'s> {
    p: Prepared<'s>,
    why: String,
    copy_guard: Compare,
    copy_value: String,
}

/// A built job and the guards of its enqueue.
pub struct ToQueue {
    built: builder::Built,
    action: &'static str,
    revision: i64,
    config_key: String,
    config_mod_revision: i64,
    copy_guard: Compare,
    copy_value: String,
}

/// A job with its dependencies set and its enqueue txn built, not yet written.
pub struct Queueable {
    pub job_id: String,
    pub deps: Vec<String>,
    handler: String,
    action: &'static str,
    job: Value,
    pub e: queue::EnqueueTxn,
}

impl Queueable {
    /// The queue keys it writes (`/jobs/all/<id>` and its stage key) as of `rev`.
    pub fn written(&self, rev: i64) -> Vec<Kv> {
        let kv = |key: &str, value: &[u8]| Kv {
            key: key.to_string(),
            value: value.to_vec(),
            create_revision: rev,
            mod_revision: rev,
            version: 1,
            lease: 0,
        };
        vec![
            kv(&self.e.all_key, self.e.value_text.as_bytes()),
            kv(&self.e.stage_key, self.handler.as_bytes()),
        ]
    }

    /// Its two queue keys (what [`QueueModel::forget`] takes back when it was not written).
    pub fn keys(&self) -> [String; 2] {
        [self.e.all_key.clone(), self.e.stage_key.clone()]
    }

    /// What writing it at `rev` did.
    pub fn queued(&self, rev: i64) -> Reconciled {
        let deps = &self.deps;
        debug!(job = %self.job_id, "queued ({})", if deps.is_empty() { "ready".to_string() } else { format!("waiting for {}", deps.join(", ")) });
        Reconciled::Job {
            id: self.job_id.clone(),
            waiting: !deps.is_empty(),
            written: self.written(rev),
        }
    }
}

/// The manager's copy, decoded: (version, deleted, body, mod revision).
pub struct Copy {
    version: Option<i64>,
    deleted: bool,
    body: Value,
    mod_revision: i64,
}

impl Copy {
    fn from_kv(kv: &Kv) -> Copy {
        let v: Value = serde_json::from_slice(&kv.value).unwrap_or(Value::Null);
        Copy {
            version: v.get("version").and_then(Value::as_i64),
            deleted: v.get("deleted").and_then(Value::as_bool).unwrap_or(false),
            body: v.get("body").cloned().unwrap_or(Value::Null),
            mod_revision: kv.mod_revision,
        }
    }
    /// Whether this copy already reflects the config.
    fn reflects(&self, c: &ConfigRecord) -> bool {
        self.version == Some(c.version)
            && self.deleted == c.marked_for_deletion
            && self.body == c.body
    }
}

/// Types whose configs never become jobs or states (templates, Gohan metaschemas).
fn ignored(t: &ResourceType) -> bool {
    t.id == "heat_template" || t.metaschema
}

/// `/config/<prefix>/<id>` → (type, id) of a resource the manager handles.
pub fn resource_of<'r>(reg: &'r Registry, key: &str) -> Option<(&'r ResourceType, String)> {
    match classify(reg, key) {
        KeyKind::Resource {
            family: Family::Config,
            rtype,
            id,
        } => reg.get(&rtype).filter(|t| !ignored(t)).map(|t| (t, id)),
        _ => None,
    }
}

impl Reconciler<'_> {
    /// Bring one resource's esi-worker side in line with its config.
    pub async fn resource(&self, t: &ResourceType, id: &str) -> Result<Reconciled> {
        let f = self.fetch(t, id).await?;
        self.apply(t, id, f).await
    }

    /// Everything the decision and the job need, read (the job built, its dependencies
    /// not yet: they come from the queue at [`Reconciler::apply`]). Reads only, so the
    /// manager fetches several resources at once.
    pub async fn fetch<'s>(&'s self, t: &ResourceType, id: &str) -> Result<Fetched<'s>> {
        let (ck, wk, hk) = (
            Family::Config.key(t, id),
            Family::WorkerConfig.key(t, id),
            Family::HeatStack.key(t, id),
        );
        // Everything the decision and the job builder need from this resource, at once.
        let (revision, res) = self
            .store
            .ranges(
                &[
                    Range::key(&ck),
                    Range::key(&wk),
                    Range::key(&hk).keys_only(),
                    Range::key(Family::State.key(t, id)).keys_only(),
                ],
                None,
            )
            .await?;
        let config = res[0].kvs.first();
        let copy = res[1].kvs.first().map(Copy::from_kv);
        let has_stack = !res[2].kvs.is_empty();
        let state_present = !res[3].kvs.is_empty();
        let Some(config) = config else {
            return Ok(Fetched::Gone { copy, has_stack });
        };
        let rec = match ConfigRecord::from_kv(config) {
            Ok(r) => r,
            Err(e) => return Ok(Fetched::Done(Reconciled::Skipped(e.to_string()))),
        };
        if copy.as_ref().is_some_and(|c| c.reflects(&rec)) {
            return Ok(Fetched::Done(Reconciled::Unchanged));
        }
        let copy_guard = match &copy {
            Some(c) => Compare::ModRevision(wk.clone(), c.mod_revision),
            None => Compare::Absent(wk.clone()),
        };
        let mut p =
            match builder::prepare_from(self.store, self.reg, t, id, revision, rec, state_present)
                .await
            {
                Ok(p) => p,
                Err(e) => return Ok(Fetched::Done(Reconciled::Skipped(e.to_string()))),
            };
        let copy_value = records::worker_config(
            &p.config.body,
            p.config.marked_for_deletion,
            p.config.version,
        );
        if let Workability::NotWorkable(why) = &p.workability {
            let why = why.clone();
            return Ok(Fetched::NotWorkable(Box::new(NotWorkable {
                p,
                why,
                copy_guard,
                copy_value,
            })));
        }
        let action = p.action;
        let built = match p.build(action, self.build).await {
            Ok(b) => b,
            Err(e) => return Ok(Fetched::Done(Reconciled::Skipped(e.to_string()))),
        };
        Ok(Fetched::Job(Box::new(ToQueue {
            built,
            action,
            revision: p.revision,
            config_key: p.config.key.clone(),
            config_mod_revision: p.config.mod_revision,
            copy_guard,
            copy_value,
        })))
    }

    /// Write what [`Reconciler::fetch`] decided.
    pub async fn apply(&self, t: &ResourceType, id: &str, f: Fetched<'_>) -> Result<Reconciled> {
        match f {
            Fetched::Done(r) => Ok(r),
            Fetched::Gone { copy, has_stack } => self.config_gone(t, id, copy, has_stack).await,
            Fetched::NotWorkable(n) => {
                let NotWorkable {
                    p,
                    why,
                    copy_guard,
                    copy_value,
                } = *n;
                self.read_complete(t, id, &p, &why, copy_guard, copy_value)
                    .await
            }
            Fetched::Job(j) => self.queue_job(t, id, *j).await,
        }
    }

    /// Not workable: READ_COMPLETE state and the copy, guarded like a job would be.
    async fn read_complete(
        &self,
        t: &ResourceType,
        id: &str,
        p: &Prepared<'_>,
        why: &str,
        copy_guard: Compare,
        copy_value: String,
    ) -> Result<Reconciled> {
        let (ck, wk) = (Family::Config.key(t, id), Family::WorkerConfig.key(t, id));
        debug!(
            "{} {id} v{} is not workable ({why}): READ_COMPLETE",
            t.id, p.config.version
        );
        let compares = vec![
            Compare::ModRevision(ck.clone(), p.config.mod_revision),
            copy_guard,
        ];
        let ops = vec![
            Op::put(
                Family::State.key(t, id),
                records::read_complete(p.config.version),
            ),
            Op::put(&wk, copy_value),
        ];
        let written = guarded(self.store, compares, ops).await?.is_some();
        Ok(if written {
            Reconciled::ReadComplete
        } else {
            Reconciled::Skipped("config changed while being read".into())
        })
    }

    /// Queue the built job (dependencies from the queue mirror when there is one) in one
    /// txn with the copy.
    pub async fn queue_job(
        &self,
        t: &ResourceType,
        id: &str,
        mut j: ToQueue,
    ) -> Result<Reconciled> {
        let q = self.prepare_job(t, id, &mut j).await?;
        self.write_job(q).await
    }

    /// Set the job's dependencies (from the queue mirror when there is one) and build its
    /// enqueue txn, the copy's put first. Writes nothing.
    pub async fn prepare_job(
        &self,
        t: &ResourceType,
        id: &str,
        j: &mut ToQueue,
    ) -> Result<Queueable> {
        let built = &mut j.built;
        let deps = match self.inflight {
            Some(m) => m.dependencies(self.reg, &t.id, id, &built.referenced(), &[]),
            None => {
                queue::dependencies(
                    self.store,
                    self.reg,
                    j.revision,
                    &t.id,
                    id,
                    &built.referenced(),
                    &[],
                )
                .await?
            }
        };
        builder::set_dependency(&mut built.job, &deps);
        let job_id = built.job_id.to_string();
        let (_, text) = builder::stored_value(&built.handler, &built.job, 0);
        let guards = Guards {
            config_key: j.config_key.clone(),
            config_mod_revision: j.config_mod_revision,
            compares: vec![j.copy_guard.clone()],
            prefixes: vec![],
        };
        let mut e = queue::enqueue_txn(&job_id, &built.handler, text, !deps.is_empty(), guards);
        e.txn.success.insert(
            0,
            Op::put(Family::WorkerConfig.key(t, id), j.copy_value.clone()),
        );
        Ok(Queueable {
            job_id,
            deps,
            handler: built.handler.clone(),
            action: j.action,
            job: built.job.clone(),
            e,
        })
    }

    /// Write one prepared job: the workflow request, then its guarded txn.
    pub async fn write_job(&self, mut q: Queueable) -> Result<Reconciled> {
        if self.workflow_request {
            self.put_workflow(&q).await?;
            // The request goes in the txn that queues its job (spec §3.2 steps 5 and 7):
            // it is the manager's own scratch key, which no other component reads.
            q.e.txn.success.push(Op::delete(WORKFLOW_KEY));
        }
        let submitted = queue::submit(self.store, &q.e, &[]).await;
        if self.workflow_request && submitted.is_err() {
            guarded(self.store, vec![], vec![Op::delete(WORKFLOW_KEY)]).await?;
        }
        match submitted {
            Ok(rev) => Ok(q.queued(rev)),
            Err(EsiError::Conflict(m)) => Ok(Reconciled::Skipped(m)),
            Err(e) => Err(e),
        }
    }

    /// `/worker-workflow-jobs` (spec §2.7): the request, with the dependencies' jobs.
    pub async fn put_workflow(&self, q: &Queueable) -> Result<()> {
        let (action, job, deps) = (q.action, &q.job, &q.deps);
        let mut dep_jobs = Vec::new();
        if !deps.is_empty() {
            let ranges: Vec<Range> = deps
                .iter()
                .map(|d| Range::key(QueueDir::All.key(d)))
                .collect();
            let (_, res) = self.store.ranges(&ranges, None).await?;
            for kv in res.iter().flat_map(|r| &r.kvs) {
                if let Some(j) = decode(Shape::JobAll, &kv.key, &kv.value)
                    .value
                    .and_then(|v| v.get(1).cloned())
                {
                    dep_jobs.push(j);
                }
            }
        }
        let mut request_job = job.clone();
        if let Some(m) = request_job.as_object_mut() {
            m.remove("id");
            m.remove("dependency");
        }
        let request =
            canonical(&json!({"action": action, "dependencies": dep_jobs, "jobs": [request_job]}));
        guarded(
            self.store,
            vec![],
            vec![Op::put(WORKFLOW_KEY, python_json(&request))],
        )
        .await?;
        Ok(())
    }

    /// The config is gone. After a completed logical delete (copy `deleted`), or for a
    /// resource that never had a stack, remove the esi-worker records; a workable
    /// resource removed without a logical delete is left alone (never observed, D.2).
    async fn config_gone(
        &self,
        t: &ResourceType,
        id: &str,
        copy: Option<Copy>,
        has_stack: bool,
    ) -> Result<Reconciled> {
        let Some(copy) = copy else {
            if has_stack {
                return Ok(Reconciled::Skipped(
                    "no config and no esi-worker copy, but a heat_stacks record".into(),
                ));
            }
            return Ok(Reconciled::Unchanged);
        };
        if !copy.deleted && has_stack {
            return Ok(Reconciled::Skipped(format!(
                "the config of {} {id} was removed without a logical delete; its stack record is kept",
                t.id
            )));
        }
        let prefixes = resource_job_prefixes(self.reg, &t.id, id);
        let ranges: Vec<Range> = prefixes
            .iter()
            .map(|p| Range::prefix(p).keys_only())
            .collect();
        let (_, res) = self.store.ranges(&ranges, None).await?;
        if res.iter().any(|r| !r.kvs.is_empty()) {
            return Ok(Reconciled::Deferred);
        }
        let wk = Family::WorkerConfig.key(t, id);
        let compares = vec![
            Compare::ModRevision(wk.clone(), copy.mod_revision),
            Compare::Absent(Family::Config.key(t, id)),
        ];
        let ops = vec![Op::delete(&wk), Op::delete(Family::HeatStack.key(t, id))];
        let written = guarded(self.store, compares, ops).await?.is_some();
        if written {
            info!("Gohan cleaned up config for logically deleted resource {} {id}: esi-worker records removed", t.id);
            Ok(Reconciled::CleanedUp)
        } else {
            Ok(Reconciled::Skipped("changed during cleanup".into()))
        }
    }

    /// Resources whose config and esi-worker copy disagree at `rev` (spec §1.5: "Current
    /// resources" vs "Etcd resources"), in key order.
    pub async fn resync(&self, rev: i64) -> Result<Vec<(String, String)>> {
        let mut configs: BTreeMap<(String, String), (i64, bool, Value)> = BTreeMap::new();
        for_each_page(
            self.store,
            Range::prefix("/config/"),
            500,
            Some(rev),
            |kvs| {
                for kv in kvs {
                    let Some((t, id)) = resource_of(self.reg, &kv.key) else {
                        continue;
                    };
                    let pair = (t.id.clone(), id);
                    match ConfigRecord::from_kv(&kv) {
                        Ok(r) => configs.insert(pair, (r.version, r.marked_for_deletion, r.body)),
                        // Undecodable: reconcile reports it (once) instead of silently skipping.
                        Err(_) => configs.insert(pair, (-1, false, Value::Null)),
                    };
                }
                Ok(())
            },
        )
        .await?;
        let mut differing: BTreeSet<(String, String)> = BTreeSet::new();
        let mut seen: BTreeSet<(String, String)> = BTreeSet::new();
        for_each_page(
            self.store,
            Range::prefix(format!("{}/", Family::WorkerConfig.root())),
            500,
            Some(rev),
            |kvs| {
                for kv in kvs {
                    let KeyKind::Resource {
                        family: Family::WorkerConfig,
                        rtype,
                        id,
                    } = classify(self.reg, &kv.key)
                    else {
                        continue;
                    };
                    let pair = (rtype, id);
                    let c = Copy::from_kv(&kv);
                    match configs.get(&pair) {
                        Some((v, marked, body))
                            if c.version == Some(*v) && c.deleted == *marked && c.body == *body => {
                        }
                        _ => {
                            differing.insert(pair.clone());
                        }
                    }
                    seen.insert(pair);
                }
                Ok(())
            },
        )
        .await?;
        for pair in configs.keys() {
            if !seen.contains(pair) {
                differing.insert(pair.clone());
            }
        }
        if !differing.is_empty() {
            info!(
                "resync: {} resource(s) changed while no manager was watching",
                differing.len()
            );
        }
        if differing.iter().any(|(t, _)| self.reg.get(t).is_none()) {
            warn!("resync: esi-worker copies of unknown types are ignored");
        }
        Ok(differing
            .into_iter()
            .filter(|(t, _)| self.reg.get(t).is_some_and(|t| !ignored(t)))
            .collect())
    }
}
