//! Job construction from a resource's current config, as the job manager does it (spec
//! §2.3–2.5, §5.6): template selection, template record, params, action, job object.
//!
//! Everything is read at ONE etcd revision: the first read fixes it and every later read
//! (referenced configs, the template) uses it, so a job is built from one consistent
//! snapshot and the write can be guarded by the config's mod revision.
//!
//! The mapping engine is synchronous (`Resolver::load`), the store is async: a caching
//! resolver answers from what has been fetched and records misses; the misses are
//! fetched (at the same revision) and the evaluation re-run until nothing is missing.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};

use serde_json::{Map, Value};

use crate::error::{EsiError, Result};
use crate::model::decode::{decode, Shape};
use crate::model::job::JobId;
use crate::model::keys::Family;
use crate::model::registry::{Registry, ResourceType};
use crate::model::wire::python_json;
use crate::protocol::mapping::{build_params, select_template, Ctx, MappingError, Param, Resolver};
use crate::store::{Kv, Range, Store};

/// Re-evaluation rounds before giving up: each round resolves one more hop of every
/// chain, and the longest recorded chain has 3 hops.
const MAX_ROUNDS: usize = 16;

/// Options of job construction.
#[derive(Debug, Clone, Copy, Default)]
pub struct BuildOptions {
    /// Emit each param's `resources` once (`L`) instead of the legacy `L ++ L` of
    /// modify/logical_delete jobs (spec §2.5, Appendix D.1).
    pub canonical_resources: bool,
}

/// A `/config` record decoded strictly: a job can only be built from a usable one.
#[derive(Debug, Clone)]
pub struct ConfigRecord {
    pub key: String,
    pub create_revision: i64,
    pub mod_revision: i64,
    pub version: i64,
    pub marked_for_deletion: bool,
    /// The decoded `body` (becomes the job's `resource_input`).
    pub body: Value,
}

impl ConfigRecord {
    /// Decode a config kv; anything that would make a wrong job is `InvalidData` naming the key.
    pub fn from_kv(kv: &Kv) -> Result<ConfigRecord> {
        let key = &kv.key;
        let d = decode(Shape::Family(Family::Config), key, &kv.value);
        let bad = |why: String| {
            EsiError::InvalidData(format!("config {key} cannot be used to build a job: {why}"))
        };
        let Some(v) = d.value else {
            return Err(bad(d.warnings.join("; ")));
        };
        let body = match v.get("body") {
            Some(b @ Value::Object(_)) => b.clone(),
            Some(Value::String(_)) => {
                return Err(bad("`body` is a string but not valid JSON".into()))
            }
            Some(other) => {
                return Err(bad(format!(
                    "`body` is not a JSON object but {}",
                    kind(other)
                )))
            }
            None => return Err(bad("`body` is missing".into())),
        };
        let version = match v.get("version") {
            Some(x) => x
                .as_i64()
                .ok_or_else(|| bad(format!("`version` is not an integer: {x}")))?,
            None => return Err(bad("`version` is missing".into())),
        };
        let marked_for_deletion = match v.get("marked_for_deletion") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(x) => return Err(bad(format!("`marked_for_deletion` is not a boolean: {x}"))),
        };
        Ok(ConfigRecord {
            key: key.clone(),
            create_revision: kv.create_revision,
            mod_revision: kv.mod_revision,
            version,
            marked_for_deletion,
            body,
        })
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A heat template record (spec §1.4), decoded strictly.
#[derive(Debug, Clone)]
pub struct Template {
    pub key: String,
    pub id: String,
    pub handler: String,
    pub mappings: Map<String, Value>,
}

impl Template {
    pub fn from_kv(id: &str, kv: &Kv) -> Result<Template> {
        let key = &kv.key;
        let bad =
            |why: String| EsiError::InvalidData(format!("template {key} is malformed: {why}"));
        let d = decode(Shape::Family(Family::Config), key, &kv.value);
        let Some(v) = d.value else {
            return Err(bad(d.warnings.join("; ")));
        };
        let body = match v.get("body") {
            Some(Value::Object(b)) => b,
            Some(Value::String(_)) => {
                return Err(bad("`body` is a string but not valid JSON".into()))
            }
            Some(other) => {
                return Err(bad(format!(
                    "`body` is not a JSON object but {}",
                    kind(other)
                )))
            }
            None => return Err(bad("`body` is missing".into())),
        };
        let mappings = match body.get("parameter_mappings") {
            Some(Value::Object(m)) => m.clone(),
            Some(other) => {
                return Err(bad(format!(
                    "`parameter_mappings` is not an object but {}",
                    kind(other)
                )))
            }
            None => return Err(bad("`parameter_mappings` is missing".into())),
        };
        let handler = match body.get("handler") {
            Some(Value::String(h)) if !h.is_empty() => h.clone(),
            Some(other) => {
                return Err(bad(format!("`handler` is not a non-empty string: {other}")))
            }
            None => return Err(bad("`handler` is missing".into())),
        };
        Ok(Template {
            key: key.clone(),
            id: id.to_string(),
            handler,
            mappings,
        })
    }
}

/// `/config/v2.0/heat_templates/<id>` (from the registry, so a user schema can move it).
pub fn template_key(reg: &Registry, id: &str) -> String {
    match reg.get("heat_template") {
        Some(t) => Family::Config.key(t, id),
        None => format!("/config/v2.0/heat_templates/{id}"),
    }
}

/// Spec §2.4: marked_for_deletion → logical_delete; no /state key → create; else modify.
/// Returns the action and why, for refusals that must say which action fits.
pub fn choose_action(
    marked_for_deletion: bool,
    state_present: bool,
) -> (&'static str, &'static str) {
    if marked_for_deletion {
        ("logical_delete", "the config is marked_for_deletion")
    } else if !state_present {
        ("create", "no /state key exists yet")
    } else {
        (
            "modify",
            "a /state key exists and the config is not marked_for_deletion",
        )
    }
}

// ---------------------------------------------------------------- store-backed resolver

/// Configs fetched so far, by (type, id); `None` = does not exist (or unknown type).
#[derive(Default)]
struct ConfigCache {
    map: HashMap<(String, String), Option<ConfigRecord>>,
}

struct CachingResolver<'a> {
    reg: &'a Registry,
    cache: &'a ConfigCache,
    misses: RefCell<BTreeSet<(String, String)>>,
}

impl Resolver for CachingResolver<'_> {
    fn load(&self, rtype: &str, id: &str) -> Option<Value> {
        match self.cache.map.get(&(rtype.to_string(), id.to_string())) {
            Some(rec) => rec.as_ref().map(|r| r.body.clone()),
            None => {
                self.misses
                    .borrow_mut()
                    .insert((rtype.to_string(), id.to_string()));
                None
            }
        }
    }
    fn relation(&self, rtype: &str, field: &str) -> Option<String> {
        self.reg.relation(rtype, field).map(String::from)
    }
}

/// A simple map-backed resolver (tests, offline evaluation).
pub struct MapResolver<'a> {
    pub reg: &'a Registry,
    pub configs: HashMap<(String, String), Value>,
}

impl Resolver for MapResolver<'_> {
    fn load(&self, rtype: &str, id: &str) -> Option<Value> {
        self.configs
            .get(&(rtype.to_string(), id.to_string()))
            .cloned()
    }
    fn relation(&self, rtype: &str, field: &str) -> Option<String> {
        self.reg.relation(rtype, field).map(String::from)
    }
}

// ---------------------------------------------------------------- preparation

/// Whether the resource can have a job, and from which template.
#[derive(Debug, Clone)]
pub enum Workability {
    Workable(Template),
    /// Why not (no template_path, it evaluated to null, or no template record).
    NotWorkable(String),
}

/// What the job manager would decide for a resource at one revision; `build` turns it
/// into a job.
pub struct Prepared<'s> {
    store: &'s dyn Store,
    reg: &'s Registry,
    cache: ConfigCache,
    /// The revision every read was made at.
    pub revision: i64,
    pub rtype: String,
    pub id: String,
    pub config: ConfigRecord,
    pub state_present: bool,
    /// The action the system would choose, and why.
    pub action: &'static str,
    pub action_reason: &'static str,
    pub workability: Workability,
}

/// A built job: its id, params and the job object (with an empty dependency list until
/// the queue computes it).
#[derive(Debug, Clone)]
pub struct Built {
    pub job_id: JobId,
    pub handler: String,
    pub template_id: String,
    pub params: Vec<Param>,
    pub job: Value,
}

impl Built {
    /// Every resource the params consulted, de-duplicated, in first-seen order.
    pub fn referenced(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for r in self.params.iter().flat_map(|p| &p.resources) {
            let pair = (r.resource_type.clone(), r.resource_id.clone());
            if !out.contains(&pair) {
                out.push(pair);
            }
        }
        out
    }
}

/// Read a resource's config and state and decide its template and action, all at one
/// revision (the latest). NotFound when the config does not exist.
pub async fn prepare<'s>(
    store: &'s dyn Store,
    reg: &'s Registry,
    t: &ResourceType,
    id: &str,
) -> Result<Prepared<'s>> {
    let config_key = Family::Config.key(t, id);
    let state_key = Family::State.key(t, id);
    let (revision, res) = store
        .ranges(
            &[Range::key(&config_key), Range::key(&state_key).keys_only()],
            None,
        )
        .await?;
    let Some(kv) = res.first().and_then(|r| r.kvs.first()) else {
        return Err(EsiError::NotFound(format!(
            "{} {id} has no config ({config_key} does not exist at revision {revision})",
            t.id
        )));
    };
    let config = ConfigRecord::from_kv(kv)?;
    let state_present = res.get(1).is_some_and(|r| !r.kvs.is_empty());
    prepare_from(store, reg, t, id, revision, config, state_present).await
}

/// [`prepare`] from a config (and whether a state exists) already read at `revision`.
pub async fn prepare_from<'s>(
    store: &'s dyn Store,
    reg: &'s Registry,
    t: &ResourceType,
    id: &str,
    revision: i64,
    config: ConfigRecord,
    state_present: bool,
) -> Result<Prepared<'s>> {
    let (action, action_reason) = choose_action(config.marked_for_deletion, state_present);
    let mut cache = ConfigCache::default();
    cache
        .map
        .insert((t.id.clone(), id.to_string()), Some(config.clone()));
    let mut p = Prepared {
        store,
        reg,
        cache,
        revision,
        rtype: t.id.clone(),
        id: id.to_string(),
        config,
        state_present,
        action,
        action_reason,
        workability: Workability::NotWorkable(String::new()),
    };
    p.workability = p.select(t).await?;
    Ok(p)
}

fn mapping_error(context: &str, e: MappingError) -> EsiError {
    EsiError::InvalidData(format!("{context}: {e}"))
}

impl Prepared<'_> {
    /// Evaluate `f` against the cache, fetching what it misses, until nothing is missing.
    async fn eval<T>(
        &mut self,
        f: impl Fn(&dyn Resolver) -> Result<T, MappingError>,
    ) -> Result<Result<T, MappingError>> {
        for _ in 0..MAX_ROUNDS {
            let (out, misses) = {
                let r = CachingResolver {
                    reg: self.reg,
                    cache: &self.cache,
                    misses: RefCell::new(BTreeSet::new()),
                };
                let out = f(&r);
                (out, r.misses.into_inner())
            };
            if misses.is_empty() {
                return Ok(out);
            }
            self.fetch(misses).await?;
        }
        Err(EsiError::InvalidData(format!(
            "mappings of {} {} still reference unread configs after {MAX_ROUNDS} rounds (a reference cycle?)",
            self.rtype, self.id
        )))
    }

    /// Fetch configs at the prepared revision, in one txn of gets.
    async fn fetch(&mut self, misses: BTreeSet<(String, String)>) -> Result<()> {
        let mut wanted = Vec::new();
        for (rtype, id) in misses {
            match self.reg.get(&rtype) {
                Some(t) => wanted.push(((rtype, id.clone()), Family::Config.key(t, &id))),
                // Unknown type: behaves as a missing config (the mapping reports the hop).
                None => {
                    self.cache.map.insert((rtype, id), None);
                }
            }
        }
        let ranges: Vec<Range> = wanted.iter().map(|(_, k)| Range::key(k)).collect();
        let (_, res) = self.store.ranges(&ranges, Some(self.revision)).await?;
        for ((pair, _), r) in wanted.into_iter().zip(res) {
            let rec = match r.kvs.first() {
                Some(kv) => Some(ConfigRecord::from_kv(kv)?),
                None => None,
            };
            self.cache.map.insert(pair, rec);
        }
        Ok(())
    }

    async fn select(&mut self, t: &ResourceType) -> Result<Workability> {
        let Some(tp) = t.template_path.clone() else {
            return Ok(Workability::NotWorkable(format!(
                "type {} has no template_path (non-workable type)",
                t.id
            )));
        };
        let body = self.config.body.clone();
        let (rtype, version) = (self.rtype.clone(), self.config.version);
        let chosen = self
            .eval(|r| {
                select_template(
                    Some(&tp),
                    &Ctx {
                        cfg: &body,
                        rtype: &rtype,
                        version,
                        resolver: r,
                    },
                )
            })
            .await?
            .map_err(|e| {
                mapping_error(
                    &format!("cannot select the template of {} {}", self.rtype, self.id),
                    e,
                )
            })?;
        let Some(tid) = chosen else {
            return Ok(Workability::NotWorkable(format!(
                "the template_path of {} evaluates to null for this config (mapping {tp})",
                t.id
            )));
        };
        let key = template_key(self.reg, &tid);
        let (_, res) = self
            .store
            .range(&Range::key(&key), Some(self.revision))
            .await?;
        match res.kvs.first() {
            Some(kv) => Ok(Workability::Workable(Template::from_kv(&tid, kv)?)),
            None => Ok(Workability::NotWorkable(format!(
                "template {tid} selected, but {key} does not exist"
            ))),
        }
    }

    /// Build the job for `action` (normally `self.action`) from the selected template.
    pub async fn build(&mut self, action: &str, opts: BuildOptions) -> Result<Built> {
        let Workability::Workable(tpl) = &self.workability else {
            return Err(EsiError::Refused(format!(
                "{} {} is not workable",
                self.rtype, self.id
            )));
        };
        let tpl = tpl.clone();
        let body = self.config.body.clone();
        let (rtype, version) = (self.rtype.clone(), self.config.version);
        let double = !opts.canonical_resources && action != "create";
        let params = self
            .eval(|r| {
                build_params(
                    &tpl.id,
                    &tpl.mappings,
                    &Ctx {
                        cfg: &body,
                        rtype: &rtype,
                        version,
                        resolver: r,
                    },
                    double,
                )
            })
            .await?
            .map_err(|e| {
                mapping_error(
                    &format!(
                        "cannot build the params of {} {} from {}",
                        self.rtype, self.id, tpl.key
                    ),
                    e,
                )
            })?;
        let job_id = JobId {
            action: action.to_string(),
            handler: tpl.handler.clone(),
            resource_type: self.rtype.clone(),
            resource_id: self.id.clone(),
            version,
            suffix: JobId::random_suffix(),
        };
        let job = job_object(&job_id, &body, &params, &[]);
        Ok(Built {
            job_id,
            handler: tpl.handler.clone(),
            template_id: tpl.id.clone(),
            params,
            job,
        })
    }

    /// Keys read to build the job, with their mod revisions (for messages).
    pub fn consulted(&self) -> Vec<(String, i64)> {
        let mut v: Vec<(String, i64)> = self
            .cache
            .map
            .values()
            .flatten()
            .map(|r| (r.key.clone(), r.mod_revision))
            .collect();
        v.sort();
        v
    }
}

/// The job object in the field order of spec §2.3.
pub fn job_object(
    id: &JobId,
    resource_input: &Value,
    params: &[Param],
    dependency: &[String],
) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), Value::String(id.to_string()));
    m.insert("job_name".into(), Value::String(id.job_name()));
    m.insert("action".into(), Value::String(id.action.clone()));
    m.insert("handler".into(), Value::String(id.handler.clone()));
    m.insert(
        "resource_type".into(),
        Value::String(id.resource_type.clone()),
    );
    m.insert("resource_id".into(), Value::String(id.resource_id.clone()));
    m.insert("version".into(), Value::from(id.version));
    m.insert("resource_input".into(), resource_input.clone());
    m.insert(
        "params".into(),
        serde_json::to_value(params).expect("params serialise"),
    );
    m.insert("dependency".into(), Value::from(dependency.to_vec()));
    m.insert("is_first".into(), Value::Bool(true));
    m.insert("is_last".into(), Value::Bool(true));
    m.insert("on_failure".into(), Value::String("fail".into()));
    Value::Object(m)
}

/// Replace a job object's `dependency` (in place, keeping the field order).
pub fn set_dependency(job: &mut Value, deps: &[String]) {
    if let Some(m) = job.as_object_mut() {
        m.insert("dependency".into(), Value::from(deps.to_vec()));
    }
}

/// The `/jobs/all/<id>` value `[handler, job, retry]`, and its stored text (Python style,
/// like the job manager's).
pub fn stored_value(handler: &str, job: &Value, retry: i64) -> (Value, String) {
    let v = Value::Array(vec![
        Value::String(handler.to_string()),
        job.clone(),
        Value::from(retry),
    ]);
    let text = python_json(&v);
    (v, text)
}

#[cfg(test)]
#[path = "build_tests.rs"]
mod tests;
