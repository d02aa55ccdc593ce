//! `sim`: a simulated Heat, and the collector agents that go with it. Nothing is created
//! anywhere; the stack's outputs are computed from the rendered HOT document
//! ([`super::hot`]), and monitoring targets get a `/monitoring` record.
//!
//! Knobs (all documented in docs/engine.md):
//! * latency: every stack operation takes `--sim-latency`;
//! * faults: `--sim-fail <type>[:<id>]`, or a key `/esi-sim/fail/<type>/<id>` (one
//!   resource) or `/esi-sim/fail/<type>` (every resource of the type), read after the
//!   latency; its value, if any, is the error text. Delete the key to clear the fault;
//! * monitoring: after the state is written, each `ESI::Monitoring::MonitoringTarget`
//!   gets `{"<field_name>":"UP","version":<v>}`; a key `/esi-sim/monitoring/<type>/<id>`
//!   overrides the status (e.g. `FAIL`, or a JSON object for vrrp targets) — at once for
//!   an existing record, through the collector task; deleting it goes back to `UP`.

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use serde_json::Value;
use tracing::{debug, warn};

use crate::engine::heat::hot::{self, MonitoringTarget};
use crate::engine::heat::{Orchestrator, StackAction, StackOutcome, StackRequest};
use crate::engine::shutdown::Shutdown;
use crate::error::{EsiError, Result};
use crate::model::keys::Family;
use crate::model::registry::Registry;
use crate::protocol::records;
use crate::store::follow::{Follower, Item, Liveness, Spec};
use crate::store::{guarded, Compare, EventKind, Op, Range, Store};

pub const FAIL_PREFIX: &str = "/esi-sim/fail/";
pub const MONITORING_PREFIX: &str = "/esi-sim/monitoring/";

/// `--sim-fail <type>[:<id>]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailSpec {
    pub rtype: String,
    pub id: Option<String>,
}

impl std::str::FromStr for FailSpec {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<FailSpec, String> {
        let (t, id) = match s.split_once(':') {
            Some((t, id)) => (t, Some(id.to_string()).filter(|i| !i.is_empty())),
            None => (s, None),
        };
        if t.is_empty() {
            return Err("expected <type>[:<id>]".into());
        }
        Ok(FailSpec {
            rtype: t.to_string(),
            id,
        })
    }
}

#[derive(Debug, Clone, Default)]
pub struct SimConfig {
    pub latency: Duration,
    pub fail: Vec<FailSpec>,
}

pub struct SimHeat {
    store: Arc<dyn Store>,
    reg: Arc<Registry>,
    cfg: SimConfig,
    /// Monitoring targets of each stack applied and not yet through `after_state`:
    /// the HOT document is evaluated once per job, not twice (perf: YAML parsing was the
    /// largest CPU cost of a simulated job).
    targets: std::sync::Mutex<std::collections::HashMap<String, Vec<MonitoringTarget>>>,
}

impl SimHeat {
    pub fn new(store: Arc<dyn Store>, reg: Arc<Registry>, cfg: SimConfig) -> SimHeat {
        SimHeat {
            store,
            reg,
            cfg,
            targets: Default::default(),
        }
    }

    /// The injected fault for a resource, if any: its error text.
    async fn fault(&self, rtype: &str, id: &str) -> Result<Option<String>> {
        let statically = self
            .cfg
            .fail
            .iter()
            .any(|f| f.rtype == rtype && f.id.as_deref().is_none_or(|i| i == id));
        let ranges = [
            Range::key(format!("{FAIL_PREFIX}{rtype}/{id}")),
            Range::key(format!("{FAIL_PREFIX}{rtype}")),
        ];
        let (_, res) = self.store.ranges(&ranges, None).await?;
        let text = res
            .iter()
            .find_map(|r| r.kvs.first())
            .map(|kv| kv.value_str().trim().to_string());
        Ok(match (text, statically) {
            (Some(t), _) if !t.is_empty() => Some(t),
            (Some(_), _) => Some(format!(
                "simulated failure injected by {FAIL_PREFIX}{rtype}[/{id}]"
            )),
            (None, true) => Some("simulated failure injected by --sim-fail".into()),
            (None, false) => None,
        })
    }

    fn monitoring_key(&self, plural_or_type: &str, id: &str) -> String {
        match self.reg.resolve(plural_or_type) {
            Ok(t) => Family::Monitoring.key(t, id),
            Err(_) => format!("/monitoring/v2.0/{plural_or_type}/{id}"),
        }
    }

    /// Every target's `/monitoring` record: the status overrides read in one call, the
    /// records written in one txn (one revision for the collector's pass).
    async fn write_targets(&self, req: &StackRequest, targets: &[MonitoringTarget]) -> Result<()> {
        let targets: Vec<&MonitoringTarget> = targets
            .iter()
            .filter(|t| !t.resource_id.is_empty() && !t.field_name.is_empty())
            .collect();
        if targets.is_empty() {
            return Ok(());
        }
        let ranges: Vec<Range> = targets
            .iter()
            .map(|t| {
                Range::key(format!(
                    "{MONITORING_PREFIX}{}/{}",
                    req.resource_type, t.resource_id
                ))
            })
            .collect();
        let (_, overrides) = self.store.ranges(&ranges, None).await?;
        let mut ops = Vec::new();
        for (target, o) in targets.iter().zip(overrides) {
            let status = o.kvs.first().map(|kv| status_value(&kv.value));
            let version = target.version.unwrap_or(req.version);
            let value = records::monitoring(
                &target.field_name,
                &status.unwrap_or_else(|| Value::String("UP".into())),
                version,
            );
            let key = self.monitoring_key(&target.resource_type, &target.resource_id);
            ops.push(Op::put(key, value));
        }
        guarded(self.store.as_ref(), vec![], ops).await?;
        Ok(())
    }
}

/// A status override's value: JSON if it parses, else text.
fn status_value(raw: &[u8]) -> Value {
    serde_json::from_slice::<Value>(raw)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(raw).trim().to_string()))
}

#[async_trait]
impl Orchestrator for SimHeat {
    fn name(&self) -> &'static str {
        "sim"
    }

    async fn apply(&self, req: &StackRequest) -> Result<StackOutcome> {
        let word = req.action.heat_word();
        if let Some(mins) = req.timeout_mins.filter(|m| *m > 0) {
            if self.cfg.latency > Duration::from_secs(mins as u64 * 60) {
                tokio::time::sleep(Duration::from_secs(mins as u64 * 60)).await;
                return Ok(StackOutcome::failed(
                    req.action,
                    format!("{word} timed out after {mins} min (simulated latency)"),
                ));
            }
        }
        if !self.cfg.latency.is_zero() {
            tokio::time::sleep(self.cfg.latency).await;
        }
        if let Some(why) = self.fault(&req.resource_type, &req.resource_id).await? {
            debug!(stack = %req.stack_name, "sim: injected failure: {why}");
            return Ok(StackOutcome::failed(
                req.action,
                format!("Resource {word} failed: {why}"),
            ));
        }
        if req.action == StackAction::Delete {
            // The collector removes the target's record when the stack goes (spec §3.5).
            if let Some(t) = self.reg.get(&req.resource_type) {
                let key = Family::Monitoring.key(t, &req.resource_id);
                guarded(self.store.as_ref(), vec![], vec![Op::delete(key)]).await?;
            }
            return Ok(StackOutcome::complete(req.action, vec![]));
        }
        match hot::evaluate(&req.stack_name, &req.tenant_id, &req.template, &req.params) {
            Ok(ev) => {
                let mut kept = self.targets.lock().unwrap_or_else(|e| e.into_inner());
                kept.insert(req.stack_name.clone(), ev.targets);
                Ok(StackOutcome::complete(req.action, ev.outputs))
            }
            Err(e) => Ok(StackOutcome::failed(
                req.action,
                format!("Resource {word} failed: {e}"),
            )),
        }
    }

    async fn after_state(&self, req: &StackRequest, outcome: &StackOutcome) -> Result<()> {
        if outcome.failed || req.action == StackAction::Delete {
            return Ok(());
        }
        let kept = {
            let mut kept = self.targets.lock().unwrap_or_else(|e| e.into_inner());
            kept.remove(&req.stack_name)
        };
        let targets = match kept {
            Some(t) => t,
            None => {
                hot::evaluate(&req.stack_name, &req.tenant_id, &req.template, &req.params)
                    .map_err(EsiError::InvalidData)?
                    .targets
            }
        };
        self.write_targets(req, &targets).await
    }
}

/// The collector side of status overrides: when `/esi-sim/monitoring/<type>/<id>` is put
/// or deleted, rewrite the resource's existing monitoring record (same version).
pub async fn run_collector(
    store: Arc<dyn Store>,
    reg: Arc<Registry>,
    mut shutdown: Shutdown,
) -> Result<()> {
    let start = store.probe().await?.revision + 1;
    let mut f = Follower::new(
        store.clone(),
        vec![Spec::prefix(MONITORING_PREFIX)],
        start,
        Liveness::default(),
    );
    loop {
        let item = tokio::select! {
            _ = shutdown.requested() => return Ok(()),
            i = f.next() => i?,
        };
        let Item::Events { events, .. } = item else {
            continue;
        };
        for ev in events {
            let Some((rtype, id)) = ev
                .kv
                .key
                .strip_prefix(MONITORING_PREFIX)
                .and_then(|r| r.split_once('/'))
            else {
                continue;
            };
            let status = match ev.kind {
                EventKind::Put => status_value(&ev.kv.value),
                EventKind::Delete => Value::String("UP".into()),
            };
            let Ok(t) = reg.resolve(rtype) else {
                warn!("sim collector: unknown resource type in {}", ev.kv.key);
                continue;
            };
            if let Err(e) = restatus(store.as_ref(), &Family::Monitoring.key(t, id), &status).await
            {
                warn!("sim collector: {e}");
            }
        }
    }
}

async fn restatus(store: &dyn Store, key: &str, status: &Value) -> Result<()> {
    let (_, res) = store.range(&Range::key(key), None).await?;
    let Some(kv) = res.kvs.first() else {
        return Ok(());
    };
    let Ok(Value::Object(m)) = serde_json::from_slice::<Value>(&kv.value) else {
        return Ok(());
    };
    let version = m.get("version").and_then(Value::as_i64).unwrap_or(0);
    let Some(field) = m.keys().find(|k| *k != "version").cloned() else {
        return Ok(());
    };
    if m.get(&field) == Some(status) {
        return Ok(());
    }
    let value = records::monitoring(&field, status, version);
    // Guarded: a stack delete that removed the record meanwhile wins.
    guarded(
        store,
        vec![Compare::ModRevision(key.to_string(), kv.mod_revision)],
        vec![Op::put(key, value)],
    )
    .await?;
    Ok(())
}
