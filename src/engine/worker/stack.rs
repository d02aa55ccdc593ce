//! Turning a job into a stack request, as the heat worker does (spec §4.1): resolve the
//! template id again from `resource_input`, load `template_file`, resolve `output_key`
//! params from the referenced resources' heat_stacks outputs, split the params
//! (`jinja_*` → Jinja2 context, `heat_timeout` → timeout, the rest → stack parameters)
//! and render the template with minijinja.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};

use serde_json::{Map, Value};

use crate::engine::heat::{StackAction, StackRequest};
use crate::error::EsiError;
use crate::model::decode::{decode, Shape};
use crate::model::job::JobValue;
use crate::model::keys::Family;
use crate::model::registry::Registry;
use crate::protocol::build::template_key;
use crate::protocol::mapping::{select_template, Ctx, Resolver};
use crate::store::{Range, Store};

/// Rounds of "evaluate, fetch what was missing" for template selection (each round
/// resolves one more hop; the recorded template paths have at most one).
const MAX_ROUNDS: usize = 8;

/// Why a job could not be turned into a stack operation.
#[derive(Debug)]
pub enum JobError {
    /// The job cannot run as stored (bad template, unresolvable output): reported as
    /// the job's failure in its state.
    Job(String),
    /// etcd could not be used: the job is released and re-queued.
    Infra(EsiError),
}

impl From<EsiError> for JobError {
    fn from(e: EsiError) -> JobError {
        if e.is_transient() || matches!(e, EsiError::Io(_)) {
            JobError::Infra(e)
        } else {
            JobError::Job(e.to_string())
        }
    }
}

impl std::fmt::Display for JobError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            JobError::Job(m) => f.write_str(m),
            JobError::Infra(e) => write!(f, "{e}"),
        }
    }
}

fn job_err(msg: impl Into<String>) -> JobError {
    JobError::Job(msg.into())
}

/// The fields of a stored job the worker needs.
#[derive(Debug, Clone)]
pub struct JobFields {
    pub id: String,
    pub action: String,
    pub resource_type: String,
    pub resource_id: String,
    pub version: i64,
    pub resource_input: Value,
    pub params: Vec<Value>,
}

impl JobFields {
    pub fn from_job(job: &JobValue) -> Result<JobFields, JobError> {
        let s = |k: &str| {
            job.field_str(k)
                .map(String::from)
                .ok_or_else(|| job_err(format!("the job has no `{k}` string")))
        };
        Ok(JobFields {
            id: s("id")?,
            action: s("action")?,
            resource_type: s("resource_type")?,
            resource_id: s("resource_id")?,
            version: job
                .job
                .get("version")
                .and_then(Value::as_i64)
                .ok_or_else(|| job_err("the job has no integer `version`"))?,
            resource_input: job
                .job
                .get("resource_input")
                .cloned()
                .unwrap_or(Value::Object(Map::new())),
            params: job
                .job
                .get("params")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default(),
        })
    }

    pub fn tenant_id(&self) -> String {
        self.resource_input
            .get("tenant_id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    }
}

/// A job ready for the orchestrator.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub request: StackRequest,
    /// The resource's heat_stacks outputs before the job (kept when an update fails).
    pub previous_outputs: Value,
}

/// Answers from configs fetched so far and records what it was asked for and lacked.
struct MissResolver<'a> {
    reg: &'a Registry,
    cache: &'a HashMap<(String, String), Option<Value>>,
    misses: RefCell<BTreeSet<(String, String)>>,
}

impl Resolver for MissResolver<'_> {
    fn load(&self, rtype: &str, id: &str) -> Option<Value> {
        let k = (rtype.to_string(), id.to_string());
        match self.cache.get(&k) {
            Some(v) => v.clone(),
            None => {
                self.misses.borrow_mut().insert(k);
                None
            }
        }
    }
    fn relation(&self, rtype: &str, field: &str) -> Option<String> {
        self.reg.relation(rtype, field).map(String::from)
    }
}

/// The template id of the job's resource, from its `resource_input` (spec §5.2).
async fn template_id(store: &dyn Store, reg: &Registry, f: &JobFields) -> Result<String, JobError> {
    let t = reg
        .get(&f.resource_type)
        .ok_or_else(|| job_err(format!("unknown resource type {}", f.resource_type)))?;
    let mut cache: HashMap<(String, String), Option<Value>> = HashMap::new();
    for _ in 0..MAX_ROUNDS {
        let (out, misses) = {
            let r = MissResolver {
                reg,
                cache: &cache,
                misses: RefCell::new(BTreeSet::new()),
            };
            let ctx = Ctx {
                cfg: &f.resource_input,
                rtype: &f.resource_type,
                version: f.version,
                resolver: &r,
            };
            let out = select_template(t.template_path.as_ref(), &ctx).map_err(|e| e.to_string());
            (out, r.misses.into_inner())
        };
        if misses.is_empty() {
            return match out {
                Ok(Some(id)) => Ok(id),
                Ok(None) => Err(job_err(format!(
                    "{} {} is not workable (no template for it)",
                    f.resource_type, f.resource_id
                ))),
                Err(e) => Err(job_err(format!("cannot select the template: {e}"))),
            };
        }
        let wanted: Vec<((String, String), Option<String>)> = misses
            .into_iter()
            .map(|(rt, id)| {
                let key = reg.get(&rt).map(|t| Family::Config.key(t, &id));
                ((rt, id), key)
            })
            .collect();
        let ranges: Vec<Range> = wanted
            .iter()
            .filter_map(|(_, k)| k.as_ref().map(Range::key))
            .collect();
        let (_, res) = store.ranges(&ranges, None).await?;
        let mut res = res.into_iter();
        for (pair, key) in wanted {
            let body = match key {
                Some(k) => res
                    .next()
                    .and_then(|r| r.kvs.into_iter().next())
                    .and_then(|kv| {
                        decode(Shape::Family(Family::Config), &k, &kv.value)
                            .value
                            .and_then(|v| v.get("body").cloned())
                    }),
                None => None,
            };
            cache.insert(pair, body);
        }
    }
    Err(job_err(
        "template selection still references unread configs (a reference cycle?)",
    ))
}

/// `(type, id)` of every `output_key` param value (inner items of `list` params too).
fn output_refs(params: &[Value]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut add = |v: &Value| {
        if let (Some(t), Some(i)) = (
            v.get("resource_type").and_then(Value::as_str),
            v.get("resource_id").and_then(Value::as_str),
        ) {
            let pair = (t.to_string(), i.to_string());
            if !out.contains(&pair) {
                out.push(pair);
            }
        }
    };
    for p in params {
        match p.get("type").and_then(Value::as_str) {
            Some("output_key") => add(p.get("value").unwrap_or(&Value::Null)),
            Some("list") => {
                for inner in p
                    .get("value")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    add(inner.get("value").unwrap_or(&Value::Null));
                }
            }
            _ => {}
        }
    }
    out
}

type Stacks = HashMap<(String, String), Value>;

/// The `output_value` of `{output_key, resource_type, resource_id}` in the stacks read.
fn lookup(stacks: &Stacks, v: &Value) -> Result<Value, String> {
    let s = |k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let (key, t, id) = (s("output_key"), s("resource_type"), s("resource_id"));
    let Some(stack) = stacks.get(&(t.clone(), id.clone())) else {
        return Err(format!(
            "{t} {id} has no heat stack record (output `{key}` wanted)"
        ));
    };
    let outputs = stack
        .get("output")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    outputs
        .iter()
        .find(|o| o.get("output_key").and_then(Value::as_str) == Some(key.as_str()))
        .map(|o| o.get("output_value").cloned().unwrap_or(Value::Null))
        .ok_or_else(|| format!("the heat stack of {t} {id} has no output `{key}`"))
}

/// Resolve one param to its value (spec §2.5 table). `lenient`: unresolvable outputs
/// become null (a delete must not fail because a referenced stack is already gone).
fn resolve(p: &Value, stacks: &Stacks, lenient: bool) -> Result<Value, String> {
    let name = p.get("param").and_then(Value::as_str).unwrap_or("?");
    let v = p.get("value").cloned().unwrap_or(Value::Null);
    let one = |v: &Value| match lookup(stacks, v) {
        Ok(x) => Ok(x),
        Err(_) if lenient => Ok(Value::Null),
        Err(e) => Err(format!("cannot resolve param {name}: {e}")),
    };
    match p.get("type").and_then(Value::as_str) {
        Some("output_key") => one(&v),
        Some("list") => v
            .as_array()
            .into_iter()
            .flatten()
            .map(|inner| one(inner.get("value").unwrap_or(&Value::Null)))
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array),
        _ => Ok(v),
    }
}

fn timeout_mins(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f.ceil() as i64)),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// Render a Jinja2 `template_file` with the `jinja_*` params.
pub fn render(template_file: &str, ctx: &Map<String, Value>) -> Result<String, String> {
    let env = minijinja::Environment::new();
    env.render_str(template_file, ctx).map_err(|e| {
        let mut msg = format!("cannot render the template: {e}");
        let mut src = std::error::Error::source(&e);
        while let Some(s) = src {
            msg.push_str(&format!(": {s}"));
            src = s.source();
        }
        msg
    })
}

/// Everything the worker does before calling the orchestrator (reads at the latest
/// revision: the referenced stacks' outputs are those of finished jobs).
pub async fn prepare(
    store: &dyn Store,
    reg: &Registry,
    job: &JobValue,
) -> Result<Prepared, JobError> {
    let f = JobFields::from_job(job)?;
    let action = StackAction::for_job_action(&f.action)
        .ok_or_else(|| job_err(format!("unknown job action `{}`", f.action)))?;
    let lenient = action == StackAction::Delete;
    let t = reg
        .get(&f.resource_type)
        .ok_or_else(|| job_err(format!("unknown resource type {}", f.resource_type)))?;
    let tid = template_id(store, reg, &f).await?;
    let tkey = template_key(reg, &tid);
    let refs = output_refs(&f.params);
    let mut ranges = vec![
        Range::key(&tkey),
        Range::key(Family::HeatStack.key(t, &f.resource_id)),
    ];
    let mut ref_keys = Vec::new();
    for (rt, id) in &refs {
        if let Some(rtt) = reg.get(rt) {
            ranges.push(Range::key(Family::HeatStack.key(rtt, id)));
            ref_keys.push((rt.clone(), id.clone()));
        }
    }
    let (_, res) = store.ranges(&ranges, None).await?;
    let mut res = res.into_iter();
    let tpl_kv = res.next().and_then(|r| r.kvs.into_iter().next());
    let own = res.next().and_then(|r| r.kvs.into_iter().next());
    let mut stacks = Stacks::new();
    for (pair, r) in ref_keys.into_iter().zip(res) {
        if let Some(v) = r
            .kvs
            .first()
            .and_then(|kv| serde_json::from_slice::<Value>(&kv.value).ok())
        {
            stacks.insert(pair, v);
        }
    }
    let previous_outputs = own
        .and_then(|kv| serde_json::from_slice::<Value>(&kv.value).ok())
        .and_then(|v| v.get("output").cloned())
        .unwrap_or(Value::Array(vec![]));

    let template_file = match &tpl_kv {
        None => Err(format!(
            "template {tid} selected, but {tkey} does not exist"
        )),
        Some(kv) => decode(Shape::Family(Family::Config), &tkey, &kv.value)
            .value
            .and_then(|v| {
                v.pointer("/body/template_file")
                    .and_then(Value::as_str)
                    .map(String::from)
            })
            .ok_or_else(|| format!("{tkey} has no template_file")),
    };
    let mut jinja = Map::new();
    let mut params = Map::new();
    let mut timeout = None;
    for p in &f.params {
        let name = p
            .get("param")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let v = resolve(p, &stacks, lenient).map_err(JobError::Job)?;
        if name.starts_with("jinja_") {
            jinja.insert(name, v);
        } else if name == "heat_timeout" {
            timeout = timeout_mins(&v);
        } else {
            params.insert(name, v);
        }
    }
    // A delete needs no template: a broken one must not keep the stack alive.
    let template = match template_file.and_then(|tf| render(&tf, &jinja)) {
        Ok(t) => t,
        Err(_) if lenient => String::new(),
        Err(e) => return Err(JobError::Job(e)),
    };
    let request = StackRequest {
        action,
        job_id: f.id.clone(),
        resource_type: f.resource_type.clone(),
        resource_id: f.resource_id.clone(),
        version: f.version,
        stack_name: format!("{}_{}", f.resource_type, f.resource_id),
        tenant_id: f.tenant_id(),
        template_id: tid,
        template,
        params,
        timeout_mins: timeout,
    };
    Ok(Prepared {
        request,
        previous_outputs,
    })
}
