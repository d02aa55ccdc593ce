//! `--backend heat`: the [`Orchestrator`] over a real OpenStack Heat. Per job: look the
//! stack `<type>_<id>` up by name (so that a retried job adopts what an earlier attempt
//! created: a create of an existing stack updates it, a delete of a missing one is done),
//! then create (`POST`), update (`PUT`) or delete it, and poll its status with backoff
//! until `*_COMPLETE` / `*_FAILED` or the timeout. Outcomes use the job action's words,
//! as the recorded worker wrote them; Heat's own status and reason go to the log.
//!
//! After a backend error (the job is released), later jobs first wait — holding their
//! reservation — until Heat answers again (at most `--heat-wait`), so that an outage
//! costs each job one retry rather than all of them.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use serde_json::{json, Map, Value};
use tracing::{debug, info, warn};

use crate::engine::heat::openstack::auth::Session;
use crate::engine::heat::openstack::client::{http_client, HeatApi, Stack, StackRef};
use crate::engine::heat::openstack::cloud::{self, CloudArgs};
use crate::engine::heat::openstack::environment::{self, Environment};
use crate::engine::heat::{Orchestrator, StackAction, StackOutcome, StackRequest};
use crate::error::Result;
use crate::model::decode::{decode, Shape};
use crate::model::keys::Family;
use crate::model::registry::Registry;
use crate::protocol::build::template_key;
use crate::store::{Range, Store};

/// Heat's own default stack timeout (`stack_action_timeout`), for jobs without one.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(3600);
/// How long after Heat's timeout the worker still waits for Heat to report it.
const TIMEOUT_GRACE: Duration = Duration::from_secs(120);
const FIRST_POLL: Duration = Duration::from_millis(100);
/// A stack still settled in another action this long after a request was accepted:
/// Heat did not start the operation (it switches the action within milliseconds).
const NOT_STARTED: Duration = Duration::from_secs(5);
/// Longest pause between attempts while Heat keeps failing.
const MAX_PAUSE: Duration = Duration::from_secs(30);
/// Requests per job that Heat refuses as conflicting (409) or accepts without starting.
const ATTEMPTS: usize = 3;

/// The backend's settings (flags of `esi engine run`).
#[derive(Debug, Clone)]
pub struct HeatConfig {
    pub cloud: CloudArgs,
    /// `--heat-environment FILE`, merged in order under every stack.
    pub environment_files: Vec<std::path::PathBuf>,
    /// Longest interval between two status polls (they start at 100 ms and double).
    pub poll_interval: Duration,
    /// How long a job waits for an unreachable Heat before it is released again.
    pub wait: Duration,
}

impl Default for HeatConfig {
    fn default() -> Self {
        HeatConfig {
            cloud: CloudArgs::default(),
            environment_files: Vec::new(),
            poll_interval: Duration::from_secs(1),
            wait: Duration::from_secs(300),
        }
    }
}

pub struct HeatBackend {
    api: HeatApi,
    store: Arc<dyn Store>,
    reg: Arc<Registry>,
    env: Environment,
    poll: Duration,
    wait: Duration,
    /// Heat's recent failures (None: the last job's calls went through).
    down: Mutex<Option<Health>>,
}

/// Heat failing: since when, the last error, how many in a row.
#[derive(Debug, Clone, Copy)]
struct Health {
    since: Instant,
    last: Instant,
    errors: u32,
}

/// How a stack Heat would not act on (409: in progress) settled.
enum Settled {
    Gone,
    Done,
    TimedOut(String),
}

/// What `POST /stacks` gave.
enum Created {
    New(StackRef),
    /// The name was taken meanwhile (another attempt of the job): that stack.
    Taken(StackRef),
}

impl HeatBackend {
    /// Resolve credentials (flags, `OS_*`, clouds.yaml) and load the environment files.
    pub fn new(store: Arc<dyn Store>, reg: Arc<Registry>, cfg: &HeatConfig) -> Result<Self> {
        let env_var = |k: &str| std::env::var(k).ok();
        let cloud = cloud::resolve(&cfg.cloud, &env_var)?;
        let http = http_client(cloud.cacert.as_deref(), cloud.verify)?;
        let mut env = Environment::default();
        for f in &cfg.environment_files {
            env.layer(&environment::load_file(f)?);
        }
        info!("heat backend: credentials from {}", cloud.source);
        Ok(HeatBackend {
            api: HeatApi::new(http.clone(), Session::new(http, cloud)),
            store,
            reg,
            env,
            poll: cfg.poll_interval.max(Duration::from_millis(10)),
            wait: cfg.wait,
            down: Mutex::new(None),
        })
    }

    /// Before a job: if Heat failed recently, space the attempts (1 s after the last
    /// error, doubling up to 30 s: a request that failed with a 5xx may fail again while
    /// Heat still answers) and wait until Heat answers at all (at most `--heat-wait`).
    async fn wait_usable(&self) -> Result<()> {
        let Some(h) = *self.down.lock().expect("down") else {
            return Ok(());
        };
        let pause = Duration::from_secs(1 << (h.errors.clamp(1, 6) - 1)).min(MAX_PAUSE);
        tokio::time::sleep_until((h.last + pause).into()).await;
        let mut delay = Duration::from_millis(250);
        loop {
            match self.api.ping().await {
                Ok(()) => return Ok(()),
                Err(e) if h.since.elapsed() >= self.wait => return Err(e),
                Err(e) => debug!("heat: still unusable: {e}"),
            }
            tokio::time::sleep(delay).await;
            delay = (delay * 2).min(Duration::from_secs(5));
        }
    }

    /// Record how a job's Heat calls went.
    fn note(&self, ok: bool) {
        let mut down = self.down.lock().expect("down");
        match (ok, down.as_mut()) {
            (true, Some(h)) => {
                info!("heat: usable again after {:.1?}", h.since.elapsed());
                *down = None;
            }
            (true, None) => {}
            (false, Some(h)) => {
                h.errors += 1;
                h.last = Instant::now();
            }
            (false, None) => {
                let now = Instant::now();
                *down = Some(Health {
                    since: now,
                    last: now,
                    errors: 1,
                });
            }
        }
    }

    /// The environment of a job's stack: the files', then its template record's.
    /// `Ok(Err)`: the record's environment is malformed (the job's failure).
    async fn environment(&self, req: &StackRequest) -> Result<Result<Environment, String>> {
        let mut env = self.env.clone();
        if req.template_id.is_empty() {
            return Ok(Ok(env));
        }
        let key = template_key(&self.reg, &req.template_id);
        let (_, res) = self.store.range(&Range::key(&key), None).await?;
        let record_env = res.kvs.first().and_then(|kv| {
            decode(Shape::Family(Family::Config), &key, &kv.value)
                .value
                .and_then(|v| v.pointer("/body/environment").cloned())
        });
        if let Some(doc) = record_env {
            match environment::parse(&doc, &format!("{key} `environment`")) {
                Ok(m) => env.layer(&Environment {
                    env: m,
                    files: Map::new(),
                }),
                Err(e) => return Ok(Err(e.to_string())),
            }
        }
        Ok(Ok(env))
    }

    fn deadline(&self, req: &StackRequest) -> Instant {
        let t = req
            .timeout_mins
            .filter(|m| *m > 0)
            .map_or(DEFAULT_TIMEOUT, |m| Duration::from_secs(m as u64 * 60));
        Instant::now() + t + TIMEOUT_GRACE
    }

    /// Poll until `done` says the stack is settled; `None` when it is gone.
    async fn poll_until(
        &self,
        tenant: &str,
        s: &StackRef,
        deadline: Instant,
        done: impl Fn(&Stack) -> bool,
    ) -> Result<std::result::Result<Option<Stack>, Stack>> {
        let mut delay = FIRST_POLL.min(self.poll);
        loop {
            let Some(st) = self.api.show(tenant, s, false).await? else {
                return Ok(Ok(None));
            };
            if done(&st) {
                return Ok(Ok(Some(st)));
            }
            if Instant::now() >= deadline {
                return Ok(Err(st));
            }
            debug!(stack = %s.name, "heat: {}", st.status);
            tokio::time::sleep(delay).await;
            delay = (delay * 2).min(self.poll);
        }
    }

    /// Wait out an operation in progress on a stack.
    async fn settle(&self, tenant: &str, s: &StackRef, deadline: Instant) -> Result<Settled> {
        info!(stack = %s.name, "heat: awaiting the operation in progress");
        let r = self
            .poll_until(tenant, s, deadline, |st| !st.in_progress())
            .await?;
        Ok(match r {
            Ok(None) => Settled::Gone,
            Ok(Some(st)) if st.status == "DELETE_COMPLETE" => Settled::Gone,
            Ok(Some(_)) => Settled::Done,
            Err(st) => Settled::TimedOut(format!(
                "stack {} is still {} after the job's timeout",
                s.name, st.status
            )),
        })
    }

    /// Poll an operation this job asked for until Heat reports its end. `None`: Heat
    /// accepted the request but never started it (the stack stayed settled in another
    /// action, as when the request raced Heat's own start-up clean-up): ask again.
    async fn outcome(
        &self,
        req: &StackRequest,
        s: &StackRef,
        op: StackAction,
        deadline: Instant,
    ) -> Result<Option<StackOutcome>> {
        let word = op.heat_word();
        let issued = Instant::now();
        let settled = |st: &Stack| {
            !st.in_progress() && (st.action_state().0 == word || issued.elapsed() > NOT_STARTED)
        };
        let st = match self
            .poll_until(&req.tenant_id, s, deadline, settled)
            .await?
        {
            Ok(None) if op == StackAction::Delete => {
                return Ok(Some(StackOutcome::complete(req.action, vec![])))
            }
            Ok(None) => {
                let why = format!("stack {} disappeared during its {word}", s.name);
                return Ok(Some(StackOutcome::failed(req.action, why)));
            }
            Ok(Some(st)) => st,
            Err(st) => {
                let why = format!(
                    "{word} did not finish in time: Heat still reports {}",
                    st.status
                );
                return Ok(Some(StackOutcome::failed(req.action, why)));
            }
        };
        info!(stack = %s.name, "heat: {}: {}", st.status, st.reason);
        if st.action_state().0 != word {
            return Ok(None);
        }
        if st.action_state().1 == "FAILED" {
            return Ok(Some(StackOutcome::failed(req.action, st.reason)));
        }
        if op == StackAction::Delete {
            return Ok(Some(StackOutcome::complete(req.action, vec![])));
        }
        self.completed(req, s).await.map(Some)
    }

    /// A complete stack's outcome, with its outputs resolved.
    async fn completed(&self, req: &StackRequest, s: &StackRef) -> Result<StackOutcome> {
        match self.api.show(&req.tenant_id, s, true).await? {
            Some(st) => Ok(StackOutcome::complete(req.action, st.outputs)),
            None => Ok(StackOutcome::failed(
                req.action,
                format!("stack {} disappeared before its outputs were read", s.name),
            )),
        }
    }

    async fn delete(
        &self,
        req: &StackRequest,
        found: Option<StackRef>,
        deadline: Instant,
    ) -> Result<StackOutcome> {
        let tenant = req.tenant_id.as_str();
        let Some(s) = found else {
            debug!(stack = %req.stack_name, "heat: no such stack: deleted already");
            return Ok(StackOutcome::complete(req.action, vec![]));
        };
        for _ in 0..ATTEMPTS {
            info!(stack = %s.name, "heat: DELETE stacks/{}/{}", s.name, s.id);
            match self.api.delete(tenant, &s).await? {
                Ok(()) => {
                    if let Some(o) = self.outcome(req, &s, StackAction::Delete, deadline).await? {
                        return Ok(o);
                    }
                }
                Err(why) if !why.starts_with("conflict") => {
                    return Ok(StackOutcome::failed(req.action, why))
                }
                Err(_) => {}
            }
            // Refused (409) or not started: ask again once the stack is settled.
            match self.settle(tenant, &s, deadline).await? {
                Settled::Done => {}
                Settled::Gone => return Ok(StackOutcome::complete(req.action, vec![])),
                Settled::TimedOut(why) => return Ok(StackOutcome::failed(req.action, why)),
            }
        }
        Err(gave_up("DELETE", &s.name))
    }

    /// Create or update: the job's whole desired stack. A stack found by name (an earlier
    /// attempt's, or one left in progress by a Heat engine that died) is updated at once:
    /// a convergence Heat supersedes an operation in progress; an engine that refuses
    /// (409) is awaited first.
    async fn converge(
        &self,
        req: &StackRequest,
        found: Option<StackRef>,
        deadline: Instant,
    ) -> Result<StackOutcome> {
        let tenant = req.tenant_id.as_str();
        let env = match self.environment(req).await? {
            Ok(e) => e,
            Err(why) => return Ok(StackOutcome::failed(req.action, why)),
        };
        let body = stack_body(req, &env);
        let mut existing = found;
        for _ in 0..ATTEMPTS {
            let (s, asked) = match existing.take() {
                Some(s) => {
                    info!(stack = %s.name, "heat: PUT stacks/{}/{}", s.name, s.id);
                    match self.api.update(tenant, &s, &body).await? {
                        Ok(()) => (s, Some(StackAction::Update)),
                        Err(why) if why.starts_with("conflict") => (s, None),
                        Err(why) => return Ok(StackOutcome::failed(req.action, why)),
                    }
                }
                None => match self.create(req, &body).await? {
                    Ok(Created::New(s)) => (s, Some(StackAction::Create)),
                    Ok(Created::Taken(s)) => (s, None),
                    Err(why) => return Ok(StackOutcome::failed(req.action, why)),
                },
            };
            if let Some(op) = asked {
                if let Some(o) = self.outcome(req, &s, op, deadline).await? {
                    return Ok(o);
                }
            }
            // Refused (409) or not started: ask again once the stack is settled.
            match self.settle(tenant, &s, deadline).await? {
                Settled::Done => existing = Some(s),
                Settled::Gone => existing = None,
                Settled::TimedOut(why) => return Ok(StackOutcome::failed(req.action, why)),
            }
        }
        Err(gave_up("PUT", &req.stack_name))
    }

    /// `POST /stacks`; a name taken meanwhile (409) gives the stack that took it.
    async fn create(
        &self,
        req: &StackRequest,
        body: &Value,
    ) -> Result<std::result::Result<Created, String>> {
        let tenant = req.tenant_id.as_str();
        let mut create = body.clone();
        create["stack_name"] = json!(req.stack_name);
        info!(stack = %req.stack_name, "heat: POST stacks (tenant {tenant})");
        Ok(match self.api.create(tenant, &create).await? {
            Ok(s) => Ok(Created::New(s)),
            Err(why) if why.starts_with("conflict") => {
                match self.api.find(tenant, &req.stack_name).await? {
                    Some(s) => Ok(Created::Taken(s)),
                    None => Err(why),
                }
            }
            Err(why) => Err(why),
        })
    }
}

/// Heat kept accepting and not doing: a backend fault (the job is released).
fn gave_up(op: &str, stack: &str) -> crate::error::EsiError {
    crate::error::EsiError::Other(anyhow::anyhow!(
        "Heat {op} of stack {stack}: refused or not started {ATTEMPTS} times"
    ))
}

/// The body of a create or update: the rendered template as Heat parses it (YAML
/// text), every stack parameter, the timeout, rollback off (as the recorded worker).
pub fn stack_body(req: &StackRequest, env: &Environment) -> Value {
    let mut b = json!({
        "template": req.template,
        "parameters": Value::Object(req.params.clone()),
        "disable_rollback": true,
    });
    if let Some(m) = req.timeout_mins.filter(|m| *m > 0) {
        b["timeout_mins"] = json!(m);
    }
    if !env.env.is_empty() {
        b["environment"] = Value::Object(env.env.clone());
    }
    if !env.files.is_empty() {
        b["files"] = Value::Object(env.files.clone());
    }
    b
}

#[async_trait]
impl Orchestrator for HeatBackend {
    fn name(&self) -> &'static str {
        "heat"
    }

    async fn apply(&self, req: &StackRequest) -> Result<StackOutcome> {
        self.wait_usable().await?;
        let deadline = self.deadline(req);
        let r = async {
            let found = self.api.find(&req.tenant_id, &req.stack_name).await?;
            match req.action {
                StackAction::Delete => self.delete(req, found, deadline).await,
                _ => self.converge(req, found, deadline).await,
            }
        }
        .await;
        if let Err(e) = &r {
            warn!(stack = %req.stack_name, "heat: {e}");
        }
        self.note(r.is_ok());
        r
    }
}
