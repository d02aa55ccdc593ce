//! One reserved job, start to finish, in the recorded write order (spec §3.2 steps 9–17):
//! job_state `{}` → stack operation → heat_stacks → job_state (CAS) → state →
//! finished + working released → lease revoked → job_state removed (CAD).
//!
//! Every write of the worker is guarded by `value(/jobs/working/<id>) == reservation`:
//! a worker whose lease expired (and whose job was re-queued to another worker) can no
//! longer write anything — the v3 form of the legacy compare-and-swap refresh.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use serde_json::{Map, Value};
use tracing::{debug, warn};

use crate::engine::heat::{Orchestrator, StackAction, StackOutcome, StackRequest};
use crate::engine::worker::stack::{self, JobError, JobFields};
use crate::error::{EsiError, Result};
use crate::model::job::JobValue;
use crate::model::keys::{Family, QueueDir};
use crate::model::registry::Registry;
use crate::protocol::records;
use crate::store::{guarded, Compare, Op, Store};

/// A job this worker holds.
pub struct Running {
    pub job_id: String,
    /// The reservation UUID stored in `/jobs/working/<id>`.
    pub uuid: String,
    pub lease: i64,
    pub job: JobValue,
    /// `/esi-worker/job_state/…` as the reservation txn put it (`{}`), with that txn's
    /// revision; `None` when the job id named no known resource type.
    pub job_state: Option<(String, i64)>,
    /// Set when the reservation is gone (lease expired, or released at shutdown): the
    /// job must not write anything more.
    pub lost: AtomicBool,
}

impl Running {
    pub fn working_key(&self) -> String {
        QueueDir::Working.key(&self.job_id)
    }
    fn guard(&self) -> Compare {
        Compare::Value(self.working_key(), self.uuid.clone().into_bytes())
    }
    pub fn is_lost(&self) -> bool {
        self.lost.load(Ordering::SeqCst)
    }
}

/// How a job ended for this worker.
#[derive(Debug, Clone, PartialEq)]
pub enum Done {
    Completed,
    /// The stack operation failed (or the job could not be run); recorded in state.
    Failed(String),
    /// The reservation was lost midway; another worker will run the job.
    Lost,
}

struct Keys {
    job_state: String,
    heat_stack: String,
    state: String,
}

/// A request for a job that could not be prepared: enough to write its failure.
fn bare_request(f: &JobFields, action: StackAction) -> StackRequest {
    StackRequest {
        action,
        job_id: f.id.clone(),
        resource_type: f.resource_type.clone(),
        resource_id: f.resource_id.clone(),
        version: f.version,
        stack_name: format!("{}_{}", f.resource_type, f.resource_id),
        tenant_id: f.tenant_id(),
        template_id: String::new(),
        template: String::new(),
        params: Map::new(),
        timeout_mins: None,
    }
}

/// Run one reserved job. `Err` = etcd or the backend could not be used: the caller
/// releases the job so that it is re-queued.
pub async fn execute(
    store: &dyn Store,
    reg: &Registry,
    orch: &dyn Orchestrator,
    r: &Running,
) -> Result<Done> {
    let (f, t) = match JobFields::from_job(&r.job) {
        Ok(f) => match reg.get(&f.resource_type) {
            Some(t) => (f, t),
            None => {
                return finish_unrunnable(
                    store,
                    r,
                    format!("unknown resource type {}", f.resource_type),
                )
                .await
            }
        },
        Err(e) => return finish_unrunnable(store, r, e.to_string()).await,
    };
    let keys = Keys {
        job_state: Family::JobState.key(t, &f.resource_id),
        heat_stack: Family::HeatStack.key(t, &f.resource_id),
        state: Family::State.key(t, &f.resource_id),
    };
    let Some(js_rev) = started(store, r, &keys.job_state).await? else {
        return Ok(Done::Lost);
    };

    let action = StackAction::for_job_action(&f.action).unwrap_or(StackAction::Create);
    let (req, outcome, previous) = match stack::prepare(store, reg, &r.job).await {
        Ok(p) => {
            debug!(job = %r.job_id, stack = %p.request.stack_name, "applying through {}", orch.name());
            let outcome = orch.apply(&p.request).await?;
            (p.request, outcome, p.previous_outputs)
        }
        Err(JobError::Infra(e)) => return Err(e),
        Err(JobError::Job(msg)) => {
            let req = bare_request(&f, action);
            let outcome = StackOutcome::failed(action, msg);
            (req, outcome, Value::Array(vec![]))
        }
    };
    if r.is_lost() {
        return Ok(Done::Lost);
    }
    let outputs = records::final_outputs(&req, &outcome, &previous);
    let stack_rec = records::heat_stack(&req, &outcome, &outputs);
    let done_js = records::job_state_done(&outcome, &outputs);
    // The stack record and the job_state compareAndSwap (spec §3.2 steps 10-11) in one
    // txn: both are the worker's, written back to back, and no other component reads
    // one in between; a reader sees both or neither.
    let js_cas = vec![
        r.guard(),
        Compare::ModRevision(keys.job_state.clone(), js_rev),
    ];
    let ops = vec![
        Op::put(&keys.heat_stack, stack_rec),
        Op::put(&keys.job_state, done_js),
    ];
    let Some(js_rev) = guarded(store, js_cas, ops).await? else {
        return Ok(Done::Lost);
    };
    let state = records::state(&req, &outcome, &outputs);
    if guarded(store, vec![r.guard()], vec![Op::put(&keys.state, state)])
        .await?
        .is_none()
    {
        return Ok(Done::Lost);
    }
    if let Err(e) = orch.after_state(&req, &outcome).await {
        warn!(job = %r.job_id, "after the state was written: {e}");
    }
    // The finish and the compareAndDelete of the internal process state (spec §3.2
    // steps 14, 15 and 17) in one txn: the manager acts on /jobs/finished only, the
    // recorded order of the three varied between jobs, and a job_state left behind by
    // a finished job would read as a worker that died mid-job.
    let js_gone = (
        Compare::ModRevision(keys.job_state.clone(), js_rev),
        Op::delete(&keys.job_state),
    );
    if !finish(store, r, Some(js_gone)).await? {
        // The reservation was lost meanwhile: the job is another worker's now.
        return Ok(Done::Lost);
    }
    Ok(if outcome.failed {
        Done::Failed(outcome.reason)
    } else {
        Done::Completed
    })
}

/// The mod revision of the job's `{}` job_state at its start (spec §3.2 step 9): put by
/// the reservation txn itself, or — when the job's value names another resource than its
/// id — put now for that resource (the reservation's removed). `None`: reservation lost.
async fn started(store: &dyn Store, r: &Running, job_state: &str) -> Result<Option<i64>> {
    match &r.job_state {
        Some((k, rev)) if k == job_state => Ok(Some(*rev)),
        other => {
            let mut ops = vec![Op::put(job_state, "{}")];
            ops.extend(other.iter().map(|(k, _)| Op::delete(k)));
            guarded(store, vec![r.guard()], ops).await
        }
    }
}

/// Create `/jobs/finished/<id>` and release `/jobs/working/<id>` in one guarded txn
/// (with `also`, a compare and an op of the same txn), then revoke the reservation's
/// lease.
async fn finish(store: &dyn Store, r: &Running, also: Option<(Compare, Op)>) -> Result<bool> {
    let finished = QueueDir::Finished.key(&r.job_id);
    let compares = vec![r.guard(), Compare::Absent(finished.clone())];
    let ops = vec![Op::put(finished, ""), Op::delete(r.working_key())];
    let mut ok = false;
    if let Some((c, op)) = also {
        let (mut cs, mut os) = (compares.clone(), ops.clone());
        cs.push(c);
        os.push(op);
        ok = guarded(store, cs, os).await?.is_some();
    }
    // Without `also` when its compare lost: the finish does not depend on it.
    if !ok {
        ok = guarded(store, compares, ops).await?.is_some();
    }
    revoke(store, r.lease).await;
    Ok(ok)
}

/// A job that cannot even be read (no resource type, malformed): nothing can be written
/// for its resource, so it only leaves the queue.
async fn finish_unrunnable(store: &dyn Store, r: &Running, why: String) -> Result<Done> {
    warn!(job = %r.job_id, "cannot run the job: {why}; marking it finished without a state");
    // The job_state the reservation put goes with the finish (compareAndDelete).
    let js_gone = r
        .job_state
        .as_ref()
        .map(|(k, rev)| (Compare::ModRevision(k.clone(), *rev), Op::delete(k)));
    if !finish(store, r, js_gone).await? {
        return Ok(Done::Lost);
    }
    Ok(Done::Failed(why))
}

pub async fn revoke(store: &dyn Store, lease: i64) {
    match store.lease_revoke(lease).await {
        Ok(()) | Err(EsiError::NotFound(_)) => {}
        Err(e) => warn!("revoking lease {lease:x}: {e}"),
    }
}

/// Give a job back (shutdown, or an error midway): drop the working key (guarded) and
/// the half-written job_state, so that the manager re-queues it at once.
///
/// `to_ready`: put the job straight back into `/jobs/ready` in the same txn (a shutdown
/// is not the job's fault, so its retry count stays). Otherwise the manager sees a
/// working key gone without a finish and re-queues it with retry + 1.
pub async fn release(store: &dyn Store, reg: &Registry, r: &Arc<Running>, to_ready: bool) {
    r.lost.store(true, Ordering::SeqCst);
    let mut ops = vec![Op::delete(r.working_key())];
    if to_ready && !r.job.handler.is_empty() {
        ops.push(Op::put(
            QueueDir::Ready.key(&r.job_id),
            r.job.handler.clone(),
        ));
    }
    let mut job_states: Vec<String> = r.job_state.iter().map(|(k, _)| k.clone()).collect();
    if let Ok(f) = JobFields::from_job(&r.job) {
        if let Some(t) = reg.get(&f.resource_type) {
            job_states.push(Family::JobState.key(t, &f.resource_id));
        }
    }
    // One key at most once in a txn (etcd refuses duplicates).
    job_states.dedup();
    ops.extend(job_states.iter().map(Op::delete));
    if let Err(e) = guarded(store, vec![r.guard()], ops).await {
        warn!(job = %r.job_id, "releasing the job: {e} (its lease will expire)");
    }
    revoke(store, r.lease).await;
}
