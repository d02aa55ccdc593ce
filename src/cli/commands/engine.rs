//! `esi engine run`: the processing engine — the job manager and/or a worker with the
//! simulated Heat or an OpenStack Heat — against the selected etcd, until SIGINT/SIGTERM
//! (docs/engine.md).

use std::sync::Arc;
use std::time::Duration;

use crate::cli::context::Context;
use crate::cli::outcome::Outcome;
use crate::engine::heat::openstack::cloud::{CloudArgs, Secret};
use crate::engine::heat::openstack::HeatConfig;
use crate::engine::heat::sim::{FailSpec, SimConfig};
use crate::engine::manager::ManagerConfig;
use crate::engine::runner::{self, EngineConfig};
use crate::engine::shutdown::{Shutdown, ShutdownHandle};
use crate::engine::worker::WorkerConfig;
use crate::error::{EsiError, Result};
use crate::protocol::build::BuildOptions;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Run the job manager and/or a worker (simulated or OpenStack Heat) until SIGINT/SIGTERM
    Run(RunArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Role {
    /// Job manager only: config changes → jobs, promotion, clean-up, re-queue
    Manager,
    /// Worker only: reserve ready jobs and run them through the backend
    Worker,
    /// Both in one process
    Both,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Backend {
    /// In-process simulated Heat (no OpenStack): outputs computed from the template
    Sim,
    /// OpenStack Heat's REST API (Keystone auth, or --heat-url with a token)
    Heat,
}

#[derive(Debug, clap::Args)]
#[command(after_help = "\
The manager holds /job_manager_id with a lease (one active manager per cluster; others
stand by). The worker reserves /jobs/ready jobs with a lease per job. SIGINT/SIGTERM:
stop taking work, let running jobs finish (--drain-timeout), release the rest, exit 0; a
second signal releases running jobs at once.

Simulated Heat (--backend sim): see docs/engine.md. Faults: --sim-fail TYPE[:ID], or put
/esi-sim/fail/<type>/<id> (value = error text) and delete it to clear. Monitoring status:
put /esi-sim/monitoring/<type>/<id> = FAIL.

OpenStack Heat (--backend heat): credentials from --os-cloud (clouds.yaml), else the OS_*
variables (OS_AUTH_URL, OS_USERNAME, OS_PASSWORD, OS_PROJECT_NAME, … or
OS_APPLICATION_CREDENTIAL_ID/SECRET), else --heat-url with --os-token (noauth labs).
Failed stacks are job failures (state *_FAILED with Heat's reason); Heat unreachable, 5xx
or 401 after a token renewal release the job for another attempt.

Examples:
  esi engine run --endpoints http://127.0.0.1:2379 -v
  esi engine run --role worker --slots 4 --sim-latency 2s
  esi engine run --role manager --manager-ttl 10s
  esi engine run --backend heat --os-cloud lab --heat-environment lab-env.yaml
  esi engine run --backend heat --heat-url http://127.0.0.1:8004/v1 --os-token x
  etcdctl put /esi-sim/fail/port/ddc14be4-3480-4e97-a978-817b18f9904c 'quota exceeded'")]
pub struct RunArgs {
    /// Which roles this process runs
    #[arg(long, value_enum, default_value_t = Role::Both)]
    pub role: Role,
    /// Concurrent jobs of the worker
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..))]
    pub slots: u16,
    /// TTL of each job reservation's lease (/jobs/working/<id>)
    #[arg(long, default_value = "60s", value_parser = humantime::parse_duration)]
    pub lease_ttl: Duration,
    /// TTL of the manager election lease (/job_manager_id)
    #[arg(long, default_value = "65s", value_parser = humantime::parse_duration)]
    pub manager_ttl: Duration,
    /// This manager's id (the value of /job_manager_id) [default: a random UUID]
    #[arg(long, value_name = "ID")]
    pub manager_id: Option<String>,
    /// Re-queues of a job whose worker went away before the job is failed
    #[arg(long, default_value_t = 3)]
    pub max_retries: i64,
    /// How long running jobs may take to finish after SIGINT/SIGTERM before they are released
    #[arg(long, default_value = "30s", value_parser = humantime::parse_duration)]
    pub drain_timeout: Duration,
    /// Orchestration backend
    #[arg(long, value_enum, default_value_t = Backend::Sim)]
    pub backend: Backend,
    /// Simulated duration of every stack operation
    #[arg(long, default_value = "0s", value_parser = humantime::parse_duration)]
    pub sim_latency: Duration,
    /// Make stack operations of this type (or of one resource) fail (repeatable)
    #[arg(long = "sim-fail", value_name = "TYPE[:ID]")]
    pub sim_fail: Vec<FailSpec>,
    /// Heat: the cloud of clouds.yaml to use [default: $OS_CLOUD]
    #[arg(long, value_name = "NAME")]
    pub os_cloud: Option<String>,
    /// Heat: the orchestration endpoint, instead of the catalog's (…/v1/<project>; a URL
    /// without the project gets each resource's tenant) [default: $HEAT_URL]
    #[arg(long, value_name = "URL")]
    pub heat_url: Option<String>,
    /// Heat: a token to use as is (with --heat-url) or to exchange with Keystone
    /// [default: $OS_TOKEN]
    #[arg(long, value_name = "TOKEN")]
    pub os_token: Option<String>,
    /// Heat: the catalog interface: public, internal, admin [default: $OS_INTERFACE, else
    /// the cloud's, else public]
    #[arg(long, value_name = "INTERFACE")]
    pub os_interface: Option<String>,
    /// Heat: the catalog region [default: $OS_REGION_NAME, else the cloud's]
    #[arg(long, value_name = "REGION")]
    pub os_region_name: Option<String>,
    /// Heat: CA bundle (PEM) for Keystone and Heat over TLS [default: $OS_CACERT, else the
    /// cloud's]
    #[arg(long, value_name = "FILE")]
    pub os_cacert: Option<std::path::PathBuf>,
    /// Heat: an environment (resource_registry, parameter_defaults) for every stack;
    /// repeatable, merged in order, under a template record's own `environment`
    #[arg(long = "heat-environment", value_name = "FILE")]
    pub heat_environment: Vec<std::path::PathBuf>,
    /// Heat: longest interval between two status polls of a stack (polls start at 100ms)
    #[arg(long, default_value = "1s", value_parser = humantime::parse_duration)]
    pub heat_poll_interval: Duration,
    /// Heat: how long a job waits for an unreachable Heat before it is released again
    #[arg(long, default_value = "5m", value_parser = humantime::parse_duration)]
    pub heat_wait: Duration,
    /// Carry each param's resources once instead of the legacy doubled list (L ++ L) of
    /// modify/logical_delete jobs
    #[arg(long)]
    pub canonical_resources: bool,
    /// Do not write /worker-workflow-jobs around each enqueue (a legacy manager detail)
    #[arg(long)]
    pub no_workflow_request: bool,
    /// How often the manager re-checks the queue for work events may have missed
    #[arg(long, default_value = "5s", value_parser = humantime::parse_duration, hide = true)]
    pub sweep_interval: Duration,
}

impl RunArgs {
    pub fn engine_config(&self) -> EngineConfig {
        let manager = matches!(self.role, Role::Manager | Role::Both).then(|| ManagerConfig {
            id: self
                .manager_id
                .clone()
                .unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
            ttl: self.manager_ttl,
            max_retries: self.max_retries,
            sweep: self.sweep_interval,
            build: BuildOptions {
                canonical_resources: self.canonical_resources,
            },
            workflow_request: !self.no_workflow_request,
        });
        let worker = matches!(self.role, Role::Worker | Role::Both).then(|| WorkerConfig {
            slots: self.slots as usize,
            lease_ttl: self.lease_ttl,
            drain_timeout: self.drain_timeout,
            ..Default::default()
        });
        EngineConfig {
            manager,
            worker,
            sim: SimConfig {
                latency: self.sim_latency,
                fail: self.sim_fail.clone(),
            },
        }
    }
}

impl RunArgs {
    pub fn backend(&self) -> runner::Backend {
        match self.backend {
            Backend::Sim => runner::Backend::Sim,
            Backend::Heat => runner::Backend::Heat(HeatConfig {
                cloud: CloudArgs {
                    cloud: self.os_cloud.clone().filter(|c| !c.is_empty()),
                    heat_url: self.heat_url.clone().filter(|u| !u.is_empty()),
                    token: self.os_token.clone().map(Secret::new),
                    interface: self.os_interface.clone().filter(|i| !i.is_empty()),
                    region: self.os_region_name.clone().filter(|r| !r.is_empty()),
                    cacert: self.os_cacert.clone(),
                },
                environment_files: self.heat_environment.clone(),
                poll_interval: self.heat_poll_interval,
                wait: self.heat_wait,
            }),
        }
    }
}

pub async fn run(ctx: &Context, c: Command) -> Result<Outcome> {
    match c {
        Command::Run(a) => run_engine(ctx, a).await,
    }
}

async fn run_engine(ctx: &Context, a: RunArgs) -> Result<Outcome> {
    if ctx.read_only {
        return Err(EsiError::Refused(
            "the engine writes jobs and states; it cannot run read-only".into(),
        ));
    }
    ctx.refuse_offline("the engine's writes")?;
    let cfg = a.engine_config();
    let (handle, shutdown) = ShutdownHandle::new();
    let signals = tokio::spawn(on_signals(handle));
    let roles = match a.role {
        Role::Manager => "job manager",
        Role::Worker => "worker",
        Role::Both => "job manager + worker",
    };
    ctx.note(&format!(
        "esi engine: {roles} on {} (Ctrl-C to stop)",
        ctx.store().describe()
    ));
    let r = runner::run_with(
        ctx.store.clone(),
        Arc::new(ctx.registry.clone()),
        cfg,
        a.backend(),
        shutdown,
    )
    .await;
    signals.abort();
    r.map(|()| Outcome::OK)
}

/// First SIGINT/SIGTERM: drain; second: abort (release running jobs now).
async fn on_signals(handle: ShutdownHandle) {
    use tokio::signal::unix::{signal, SignalKind};
    let (Ok(mut int), Ok(mut term)) = (
        signal(SignalKind::interrupt()),
        signal(SignalKind::terminate()),
    ) else {
        return;
    };
    for n in 0..2 {
        tokio::select! {
            _ = int.recv() => {}
            _ = term.recv() => {}
        }
        if n == 0 {
            tracing::warn!(
                "shutting down: no new jobs; running jobs finish (signal again to release them)"
            );
            handle.drain();
        } else {
            tracing::warn!("releasing running jobs");
            handle.abort();
        }
    }
}

/// Run the engine in-process (the demo and tests): returns the handle that stops it.
pub fn spawn_in_process(
    store: Arc<dyn crate::store::Store>,
    registry: Arc<crate::model::registry::Registry>,
    cfg: EngineConfig,
) -> (ShutdownHandle, tokio::task::JoinHandle<Result<()>>) {
    let (handle, shutdown): (ShutdownHandle, Shutdown) = ShutdownHandle::new();
    let task = tokio::spawn(runner::run(store, registry, cfg, shutdown));
    (handle, task)
}
