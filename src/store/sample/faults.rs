//! The second bundled sample (`--store sample-faults`): the deployment with the two
//! faults the runbook cookbook finds — the service port's last job failed, and the
//! service network has a leftover `/jobs/ready` key — so every recipe can be practised
//! offline, and the cookbook's test runs on exactly this data.

use serde_json::Value;

use super::{populate, SampleInfo, PORT_SERVICE};
use crate::error::{EsiError, Result};
use crate::store::{Op, Range, Store, Txn};

/// The leftover stage key (a job id with no `/jobs/all` entry).
pub const LEFTOVER: &str =
    "/jobs/ready/modify:heat_worker:network:4a8f2c6e-71d3-4b95-a0e8-3c5d9f1b7e42:1:x7k2q";

/// The sample, then the two faults in one more revision.
pub async fn populate_faults(store: &dyn Store) -> Result<SampleInfo> {
    let info = populate(store).await?;
    let key = format!("/state/v2.0/ports/{PORT_SERVICE}");
    let (_, r) = store.range(&Range::key(&key), None).await?;
    let kv = r
        .kvs
        .first()
        .ok_or_else(|| EsiError::InvalidData(format!("sample: {key} is missing")))?;
    let mut state: Value = serde_json::from_slice(&kv.value)
        .map_err(|e| EsiError::InvalidData(format!("sample: {key}: {e}")))?;
    state["error"] = "heat: stack port_23464cbc CREATE_FAILED: quota exceeded".into();
    state["state"]["worker_state"] = "CREATE_FAILED".into();
    state["state"]["orchestration_state"] = "CREATE_FAILED".into();
    store
        .txn(Txn {
            success: vec![
                Op::put(key, state.to_string()),
                Op::put(LEFTOVER, "heat_worker"),
            ],
            ..Default::default()
        })
        .await?;
    Ok(info)
}
