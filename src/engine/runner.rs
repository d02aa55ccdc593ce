//! Running the engine: the manager and/or worker roles on one store, until shut down,
//! with the orchestration backend chosen by `--backend` (sim or OpenStack Heat).
//!
//! Shutdown levels are in [`super::shutdown`].

use std::sync::Arc;

use tokio::sync::watch;
use tokio::task::JoinSet;
use tracing::error;

use crate::engine::heat::openstack::{HeatBackend, HeatConfig};
use crate::engine::heat::sim::{self, SimConfig, SimHeat};
use crate::engine::heat::Orchestrator;
use crate::engine::manager::{self, ManagerConfig};
use crate::engine::shutdown::{until_true, Shutdown, ShutdownHandle};
use crate::engine::worker::{self, WorkerConfig};
use crate::error::{EsiError, Result};
use crate::model::registry::Registry;
use crate::store::Store;

/// After the worker stopped: time for the manager to see its last finished jobs.
const MANAGER_GRACE: std::time::Duration = std::time::Duration::from_millis(300);

/// Which roles run, and how.
#[derive(Debug, Clone, Default)]
pub struct EngineConfig {
    pub manager: Option<ManagerConfig>,
    pub worker: Option<WorkerConfig>,
    pub sim: SimConfig,
}

/// The worker's orchestration backend (`--backend`).
#[derive(Debug, Clone, Default)]
pub enum Backend {
    /// The simulated Heat, configured by [`EngineConfig::sim`].
    #[default]
    Sim,
    /// OpenStack Heat's REST API.
    Heat(HeatConfig),
}

/// Run the configured roles with the simulated Heat (the demo and in-process tests).
pub async fn run(
    store: Arc<dyn Store>,
    reg: Arc<Registry>,
    cfg: EngineConfig,
    shutdown: Shutdown,
) -> Result<()> {
    run_with(store, reg, cfg, Backend::Sim, shutdown).await
}

/// Run the configured roles until shut down; the first role error ends the run (the
/// others are then drained). On a drain with both roles, the worker stops first and the
/// manager a moment after, so that it still cleans up the jobs the worker finished.
pub async fn run_with(
    store: Arc<dyn Store>,
    reg: Arc<Registry>,
    cfg: EngineConfig,
    backend: Backend,
    shutdown: Shutdown,
) -> Result<()> {
    // A backend that cannot be set up (credentials, environment files) is a usage
    // error before anything runs.
    let orch: Option<Arc<dyn Orchestrator>> = match (&cfg.worker, &backend) {
        (None, _) => None,
        (Some(_), Backend::Sim) => Some(Arc::new(SimHeat::new(
            store.clone(),
            reg.clone(),
            cfg.sim.clone(),
        ))),
        (Some(_), Backend::Heat(h)) => {
            Some(Arc::new(HeatBackend::new(store.clone(), reg.clone(), h)?))
        }
    };
    let mut tasks: JoinSet<(&'static str, Result<()>)> = JoinSet::new();
    let (worker_handle, worker_shutdown) = ShutdownHandle::new();
    let (manager_handle, manager_shutdown) = ShutdownHandle::new();
    let (worker_done_tx, mut worker_done) = watch::channel(cfg.worker.is_none());
    let (failed_tx, mut failed) = watch::channel(false);
    let forward = {
        let mut outer = shutdown.clone();
        tokio::spawn(async move {
            tokio::select! {
                _ = outer.requested() => {}
                _ = until_true(&mut failed) => {}
            }
            worker_handle.drain();
            tokio::select! {
                _ = until_true(&mut worker_done) => tokio::time::sleep(MANAGER_GRACE).await,
                _ = outer.aborted() => {}
            }
            manager_handle.drain();
            outer.aborted().await;
            worker_handle.abort();
            manager_handle.abort();
        })
    };
    if let Some(m) = cfg.manager.clone() {
        let (s, r, sh) = (store.clone(), reg.clone(), manager_shutdown.clone());
        tasks.spawn(async move { ("manager", manager::run(s, r, m, sh).await) });
    }
    if let (Some(w), Some(orch)) = (cfg.worker.clone(), orch) {
        let (s, r, sh) = (store.clone(), reg.clone(), worker_shutdown.clone());
        tasks.spawn(async move {
            let res = worker::run(s, r, orch, w, sh).await;
            let _ = worker_done_tx.send(true);
            ("worker", res)
        });
        // With a real Heat, the real collector agents write /monitoring.
        if matches!(backend, Backend::Sim) {
            let (s, r, sh) = (store.clone(), reg.clone(), worker_shutdown.clone());
            tasks.spawn(async move { ("sim collector", sim::run_collector(s, r, sh).await) });
        }
    }
    let mut first_err: Option<EsiError> = None;
    while let Some(joined) = tasks.join_next().await {
        let (role, r) = joined.map_err(|e| EsiError::Other(e.into()))?;
        if let Err(e) = r {
            error!("{role} stopped: {e}");
            let _ = failed_tx.send(true);
            first_err.get_or_insert(e);
        }
    }
    forward.abort();
    match first_err {
        Some(e) => Err(e),
        None => Ok(()),
    }
}
