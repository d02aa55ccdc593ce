//! What a waiting resource ultimately waits for (`esi show`): follow its job's pending
//! dependencies, one point read each, to the job that waits on nothing, and say why that
//! one does not finish (stuck, not yet taken, running, or its resource FAILED).

use serde::Serialize;

use crate::error::Result;
use crate::model::agreement::Code;
use crate::model::job::{dependency_of, JobId};
use crate::model::keys::QueueDir;
use crate::model::registry::Registry;
use crate::model::resource::{ResourceView, Stage};
use crate::query::resource::read_resource;
use crate::store::{Range, Store};

/// Deepest chain followed (a longer one is reported where it stops).
const MAX_HOPS: usize = 32;

#[derive(Debug, Clone, Serialize)]
pub struct WaitsFor {
    pub job: String,
    pub stage: Stage,
    pub why: String,
    /// Jobs between the resource's own job and `job`.
    pub hops: usize,
}

/// The job the resource's waiting job ultimately waits for; `None` when it has no
/// waiting job with a pending dependency.
pub async fn waits_for(
    store: &dyn Store,
    reg: &Registry,
    v: &ResourceView,
) -> Result<Option<WaitsFor>> {
    let Some(first) = v
        .jobs
        .iter()
        .find(|j| j.stage == Stage::Waiting)
        .and_then(|j| j.pending_dependencies.first())
    else {
        return Ok(None);
    };
    let mut at = first.clone();
    let mut hops = 0;
    loop {
        let mut ranges: Vec<Range> = vec![Range::key(QueueDir::All.key(&at))];
        ranges.extend(
            QueueDir::ALL[1..]
                .iter()
                .map(|d| Range::key(d.key(&at)).keys_only()),
        );
        let (_, res) = store.ranges(&ranges, Some(v.revision)).await?;
        let dirs: Vec<QueueDir> = QueueDir::ALL
            .iter()
            .zip(&res)
            .filter(|(_, r)| !r.kvs.is_empty())
            .map(|(d, _)| *d)
            .collect();
        let stage = Stage::classify(&dirs);
        let next = res[0]
            .kvs
            .first()
            .and_then(|kv| serde_json::from_slice::<serde_json::Value>(&kv.value).ok())
            .and_then(|val| val.get(1).map(dependency_of))
            .unwrap_or_default();
        if stage == Stage::Waiting && hops < MAX_HOPS && !next.is_empty() {
            // The first dependency still in flight, if any (all looked up in one txn).
            let ranges: Vec<Range> = next
                .iter()
                .map(|d| Range::key(QueueDir::All.key(d)).keys_only())
                .collect();
            let (_, found) = store.ranges(&ranges, Some(v.revision)).await?;
            let pending = next
                .into_iter()
                .zip(found)
                .find(|(_, r)| !r.kvs.is_empty())
                .map(|(d, _)| d);
            if let Some(d) = pending {
                at = d;
                hops += 1;
                continue;
            }
        }
        let why = why(store, reg, &at, stage, v.revision).await?;
        return Ok(Some(WaitsFor {
            job: at,
            stage,
            why,
            hops,
        }));
    }
}

async fn why(
    store: &dyn Store,
    reg: &Registry,
    job: &str,
    stage: Stage,
    rev: i64,
) -> Result<String> {
    let mut why = match stage {
        Stage::Unqueued => {
            "STUCK: in /jobs/all with no stage key: no worker will take it".to_string()
        }
        Stage::Waiting => {
            "STUCK: waiting, but every dependency is finished: promotion was missed".into()
        }
        Stage::Ready => "is ready, not yet taken by a worker".into(),
        Stage::Working => "is being worked on".into(),
        Stage::Finished => "has finished; the job manager has not removed it yet".into(),
        Stage::Orphaned => "is gone (only a stage key is left)".into(),
    };
    if let Some(j) = JobId::parse(job) {
        if let Some(t) = reg.get(&j.resource_type) {
            let rv = read_resource(store, reg, t, &j.resource_id, Some(rev)).await?;
            if rv.verdict.code == Code::Failed {
                why = format!("{why}; its resource {}", rv.verdict.text);
            }
        }
    }
    Ok(why)
}
