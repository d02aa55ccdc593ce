//! A job's full view (`esi job show`): header, params (references and the resources they
//! consulted), dependencies with their current stage, and whether it is stale against
//! the resource's current config. A finished job is found in its key's history.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use crate::error::{EsiError, Result};
use crate::model::job::{JobId, JobValue};
use crate::model::keys::{Family, QueueDir};
use crate::model::redact;
use crate::model::registry::Registry;
use crate::model::resource::{JobEntry, KeyMeta, Stage};
use crate::model::text::short;
use crate::query::locate::{locate, not_found, Located};
use crate::render::diff::unified;
use crate::store::{Range, Store};

/// Version of the `job show -o json` document (docs/json-output.md).
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Serialize)]
pub struct JobShow {
    pub schema_version: u32,
    /// The revision the queue and the config were read at.
    pub revision: i64,
    pub id: String,
    pub action: String,
    pub handler: String,
    pub resource_type: String,
    pub resource_id: String,
    pub version: i64,
    pub stage: Stage,
    /// `queue` (in /jobs/all) or `history` (finished: its last value from the key's history).
    pub source: &'static str,
    /// From history: revision of the last put of /jobs/all/<id>, and of its delete.
    pub put_revision: Option<i64>,
    pub deleted_revision: Option<i64>,
    /// History before this revision was compacted (the search may have missed older puts).
    pub compacted_before: Option<i64>,
    pub worker: Option<String>,
    pub lease_ttl: Option<i64>,
    pub retry: Option<i64>,
    pub job_name: Option<String>,
    pub on_failure: Option<Value>,
    pub is_first: Option<Value>,
    pub is_last: Option<Value>,
    pub keys: BTreeMap<&'static str, KeyMeta>,
    pub params: Vec<ParamView>,
    pub dependencies: Vec<DependencyView>,
    pub staleness: Staleness,
    /// The stored `[handler, job, retry]` (secrets redacted).
    pub value: Option<Value>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct ParamView {
    pub param: String,
    #[serde(rename = "type")]
    pub ptype: String,
    pub value: Value,
    /// One line: the value, or `output_key@type/id` for references.
    pub display: String,
    /// Consulted resources, de-duplicated in first-seen order, with how often each
    /// appears (stored modify jobs carry the list twice).
    pub resources: Vec<ResourceCount>,
}

#[derive(Debug, Serialize)]
pub struct ResourceCount {
    pub resource_type: String,
    pub resource_id: String,
    pub count: usize,
}

#[derive(Debug, Serialize)]
pub struct DependencyView {
    pub id: String,
    /// Its stage now; `gone` = in no directory (finished and cleaned up).
    pub stage: String,
}

#[derive(Debug, Serialize)]
pub struct Staleness {
    /// `current`, `stale` or `config_missing`.
    pub status: &'static str,
    pub reason: String,
    pub config_key: String,
    pub config_version: Option<i64>,
    pub job_version: i64,
    /// resource_input equals the current config body (structurally).
    pub input_matches: Option<bool>,
    /// Top-level fields that differ: `+added`, `-removed`, `~changed`.
    pub changed_fields: Vec<String>,
    /// Unified diff of job resource_input → current config body (pretty JSON, sorted keys).
    pub diff: Option<String>,
}

/// One job as `esi job show` presents it, at `rev` (latest if None): located in the queue
/// or its key's history, with its params, the current stage of each dependency and its
/// staleness against the resource's config; secrets redacted unless `redact_secrets` is
/// false.
pub async fn job_view(
    store: &dyn Store,
    reg: &Registry,
    job_id: &str,
    rev: Option<i64>,
    redact_secrets: bool,
) -> Result<JobShow> {
    let parsed = JobId::parse(job_id).ok_or_else(|| {
        EsiError::Usage(format!(
            "`{job_id}` is not a job id (<action>:<handler>:<type>:<id>:<version>:<suffix>)"
        ))
    })?;
    let t = reg.resolve(&parsed.resource_type)?;
    let config_key = Family::Config.key(t, &parsed.resource_id);
    // Jobs of a resource exist only after its config: start the history search there.
    let (_, cfg) = store
        .range(&Range::key(&config_key).keys_only(), rev)
        .await?;
    let hint = cfg.kvs.first().map(|kv| kv.create_revision);
    let loc = locate(store, job_id, rev, hint).await?;
    if loc.value.is_none() && loc.raw.is_none() && loc.entry.keys.is_empty() {
        return Err(not_found(&loc));
    }
    let mut v = assemble(
        store,
        &loc,
        &parsed,
        &config_key,
        rev.is_some(),
        redact_secrets,
    )
    .await?;
    if redact_secrets {
        if let Some(val) = v.value.as_mut() {
            redact::redact(val);
        }
        for p in &mut v.params {
            let mut one = serde_json::json!({"param": p.param, "value": p.value});
            redact::redact(&mut one);
            if one["value"] != p.value {
                p.value = one["value"].take();
                p.display = short(&p.value);
            }
        }
    }
    Ok(v)
}

async fn assemble(
    store: &dyn Store,
    loc: &Located,
    id: &JobId,
    config_key: &str,
    pinned: bool,
    redact_secrets: bool,
) -> Result<JobShow> {
    let job = loc
        .value
        .as_ref()
        .and_then(|v| JobValue::from_value(v).ok());
    let obj = job.as_ref().map(|j| &j.job);
    let field = |k: &str| obj.and_then(|o| o.get(k)).cloned();
    let e: &JobEntry = &loc.entry;
    let mut warnings = loc.warnings.clone();
    if loc.value.is_none() {
        warnings.push(format!(
            "no readable value for /jobs/all/{}: params and staleness unknown",
            loc.job_id
        ));
    }
    let stage = if loc.in_queue {
        e.stage
    } else if e.keys.is_empty() {
        Stage::Finished
    } else {
        e.stage
    };
    let mut lease_ttl = None;
    // A TTL is "now": not asked for when reading an old revision.
    if let (Some(lease), false) = (e.lease, pinned) {
        lease_ttl = store.lease_ttl(lease).await?;
    }
    let params = obj
        .and_then(|o| o.get("params"))
        .and_then(Value::as_array)
        .map(|ps| ps.iter().map(param_view).collect())
        .unwrap_or_default();
    let deps = job.as_ref().map(|j| j.dependency()).unwrap_or_default();
    let dependencies = dependency_stages(store, &deps, loc.revision).await?;
    let staleness = staleness(
        store,
        redact_secrets,
        config_key,
        id.version,
        field("resource_input"),
        loc.revision,
    )
    .await?;
    Ok(JobShow {
        schema_version: SCHEMA_VERSION,
        revision: loc.revision,
        id: loc.job_id.clone(),
        action: id.action.clone(),
        handler: job
            .as_ref()
            .map(|j| j.handler.clone())
            .unwrap_or_else(|| id.handler.clone()),
        resource_type: id.resource_type.clone(),
        resource_id: id.resource_id.clone(),
        version: id.version,
        stage,
        source: if loc.in_queue { "queue" } else { "history" },
        put_revision: loc.put_revision,
        deleted_revision: loc.deleted_revision,
        compacted_before: loc.compacted_before,
        worker: e.worker.clone(),
        lease_ttl,
        retry: job.as_ref().map(|j| j.retry),
        job_name: field("job_name").and_then(|v| v.as_str().map(String::from)),
        on_failure: field("on_failure"),
        is_first: field("is_first"),
        is_last: field("is_last"),
        keys: e.keys.clone(),
        params,
        dependencies,
        staleness,
        value: loc.value.clone(),
        warnings,
    })
}

fn resource_counts(resources: Option<&Value>) -> Vec<ResourceCount> {
    let mut out: Vec<ResourceCount> = Vec::new();
    for r in resources.and_then(Value::as_array).into_iter().flatten() {
        let t = r.get("resource_type").map(short).unwrap_or_default();
        let i = r.get("resource_id").map(short).unwrap_or_default();
        match out
            .iter_mut()
            .find(|c| c.resource_type == t && c.resource_id == i)
        {
            Some(c) => c.count += 1,
            None => out.push(ResourceCount {
                resource_type: t,
                resource_id: i,
                count: 1,
            }),
        }
    }
    out
}

/// `id@subnet/707847d0-…` for an output_key value.
fn reference(v: &Value) -> String {
    format!(
        "{}@{}/{}",
        v.get("output_key").map(short).unwrap_or_default(),
        v.get("resource_type").map(short).unwrap_or_default(),
        v.get("resource_id").map(short).unwrap_or_default()
    )
}

fn param_view(p: &Value) -> ParamView {
    let ptype = p.get("type").map(short).unwrap_or_default();
    let value = p.get("value").cloned().unwrap_or(Value::Null);
    let display = match ptype.as_str() {
        "output_key" => reference(&value),
        "list" => {
            let items: Vec<String> = value
                .as_array()
                .into_iter()
                .flatten()
                .map(|i| match i.get("type").and_then(Value::as_str) {
                    Some("output_key") => reference(i.get("value").unwrap_or(&Value::Null)),
                    _ => short(i.get("value").unwrap_or(i)),
                })
                .collect();
            format!("[{}]", items.join(", "))
        }
        _ => short(&value),
    };
    ParamView {
        param: p.get("param").map(short).unwrap_or_default(),
        ptype,
        value,
        display,
        resources: resource_counts(p.get("resources")),
    }
}

async fn dependency_stages(
    store: &dyn Store,
    deps: &[String],
    rev: i64,
) -> Result<Vec<DependencyView>> {
    if deps.is_empty() {
        return Ok(vec![]);
    }
    let ranges: Vec<Range> = deps
        .iter()
        .flat_map(|d| {
            QueueDir::ALL
                .iter()
                .map(move |dir| Range::key(dir.key(d)).keys_only())
        })
        .collect();
    let (_, res) = store.ranges(&ranges, Some(rev)).await?;
    let n = QueueDir::ALL.len();
    Ok(deps
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let kvs = QueueDir::ALL
                .iter()
                .enumerate()
                .flat_map(|(j, dir)| res[i * n + j].kvs.iter().map(move |kv| (*dir, kv.clone())));
            let stage = JobEntry::group(kvs)
                .into_iter()
                .next()
                .map(|e| e.stage.name().to_string())
                .unwrap_or_else(|| "gone".into());
            DependencyView {
                id: d.clone(),
                stage,
            }
        })
        .collect())
}

async fn staleness(
    store: &dyn Store,
    redact_secrets: bool,
    config_key: &str,
    job_version: i64,
    input: Option<Value>,
    rev: i64,
) -> Result<Staleness> {
    let (_, res) = store.range(&Range::key(config_key), Some(rev)).await?;
    let mut s = Staleness {
        status: "current",
        reason: String::new(),
        config_key: config_key.to_string(),
        config_version: None,
        job_version,
        input_matches: None,
        changed_fields: vec![],
        diff: None,
    };
    let Some(kv) = res.kvs.first() else {
        s.status = "config_missing";
        s.reason = format!("{config_key} does not exist (resource deleted)");
        return Ok(s);
    };
    let d = crate::model::decode::decode(
        crate::model::decode::Shape::Family(Family::Config),
        &kv.key,
        &kv.value,
    );
    let body = d.value.as_ref().and_then(|v| v.get("body")).cloned();
    s.config_version = d.value.as_ref().and_then(crate::model::decode::version_of);
    if let (Some(input), Some(body)) = (input, body) {
        let (mut a, mut b) = (input, body);
        if redact_secrets {
            redact::redact(&mut a);
            redact::redact(&mut b);
        }
        s.input_matches = Some(a == b);
        if a != b {
            s.changed_fields = changed_fields(&a, &b);
            s.diff = Some(unified(
                &a,
                &b,
                "job resource_input",
                "current config body",
                2,
            ));
        }
    }
    let moved = s.config_version.is_some_and(|v| v != job_version);
    if moved || s.input_matches == Some(false) {
        s.status = "stale";
        s.reason = match s.config_version {
            Some(v) if v != job_version => {
                format!("config is at v{v}, the job was built from v{job_version}")
            }
            _ => "resource_input differs from the current config body".into(),
        };
    } else {
        s.reason = format!("config is at v{job_version} and resource_input matches its body");
    }
    Ok(s)
}

fn changed_fields(a: &Value, b: &Value) -> Vec<String> {
    let (Some(a), Some(b)) = (a.as_object(), b.as_object()) else {
        return vec!["~(whole value)".into()];
    };
    let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter_map(|k| match (a.get(k), b.get(k)) {
            (None, Some(_)) => Some(format!("+{k}")),
            (Some(_), None) => Some(format!("-{k}")),
            (Some(x), Some(y)) if x != y => Some(format!("~{k}")),
            _ => None,
        })
        .collect()
}
