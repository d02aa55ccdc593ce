//! The `parameter_mappings` mini-language (spec §5), template selection (§5.2) and job
//! params construction (§2.5).
//!
//! Decisions on points the spec leaves open (each documented where it is implemented):
//! * `A` stringifies parts like the legacy Python `str()`: strings verbatim, numbers as their
//!   JSON text, `true`/`false` → `True`/`False`, `null` → `None`; arrays/objects as compact JSON.
//! * A broken reference (hop id absent/null/not a string, or referenced config missing) is an
//!   error naming the hop, except under `ignore_missing` on `{field, path}` (§5.4.8/§5.4.9).
//!   `M` and the last hop of `{output_key, path}` only need an id; the config is not loaded.
//! * `for_field` naming an absent/null field iterates over nothing; any other non-list is an
//!   error. An iteration's type comes from the shape of `for_mapping` (`{output_key}` or `M`
//!   → `list`, else `value`), so empty lists get a stable type.
//! * Object forms dispatch on the first known key (§5.4 priority); other keys are ignored as
//!   the legacy engine did. Objects with no known key, and non-string/non-object mappings,
//!   are rejected.
//! * `regexp` uses Python `re.match` semantics: anchored at the start only.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Access to other resources' configs and to the relations table.
pub trait Resolver {
    /// Decoded `body` of the latest /config of (rtype, id); None when the config does not exist.
    fn load(&self, rtype: &str, id: &str) -> Option<Value>;
    /// relations[rtype][field] from the schema (Appendix B): target resource type.
    fn relation(&self, rtype: &str, field: &str) -> Option<String>;
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Hash, PartialOrd, Ord)]
pub struct ResourceRef {
    pub resource_type: String,
    pub resource_id: String,
}

impl ResourceRef {
    pub fn new(resource_type: impl Into<String>, resource_id: impl Into<String>) -> Self {
        Self {
            resource_type: resource_type.into(),
            resource_id: resource_id.into(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParamType {
    Value,
    OutputKey,
    List,
}

/// A job param object exactly as stored in a job (§2.5). Field order: param, type, value, resources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Param {
    pub param: String,
    #[serde(rename = "type")]
    pub ptype: ParamType,
    pub value: Value,
    pub resources: Vec<ResourceRef>,
}

/// Evaluation context: the current object, its resource type (for relation lookups), the
/// config version and access to other configs.
pub struct Ctx<'a> {
    pub cfg: &'a Value,
    pub rtype: &'a str,
    pub version: i64,
    pub resolver: &'a dyn Resolver,
}

/// Result triple of one mapping (§5.1).
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluated {
    pub ptype: ParamType,
    pub value: Value,
    pub resources: Vec<ResourceRef>,
}

impl Evaluated {
    fn value(value: Value) -> Self {
        Self {
            ptype: ParamType::Value,
            value,
            resources: Vec::new(),
        }
    }

    pub fn into_param(self, name: &str) -> Param {
        Param {
            param: name.to_string(),
            ptype: self.ptype,
            value: self.value,
            resources: self.resources,
        }
    }
}

/// What is wrong with a reference.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Broken {
    #[error("the id is absent or null")]
    IdAbsent,
    #[error("the id {0} is not a string")]
    IdNotString(String),
    #[error("config {0} {1} does not exist")]
    ConfigMissing(String, String),
}

/// Errors carry their context in the message (no `source` chain) so that `{:#}`-style
/// reporters do not print the cause twice.
#[derive(Debug, thiserror::Error)]
pub enum MappingError {
    #[error("unknown mapping form {mapping}")]
    UnknownForm { mapping: String },
    #[error("malformed {form} mapping {mapping}: {reason}")]
    Malformed {
        form: &'static str,
        mapping: String,
        reason: String,
    },
    #[error("broken reference at hop `{hop}` ({resource_type}): {problem}")]
    BrokenReference {
        hop: String,
        resource_type: String,
        problem: Broken,
    },
    #[error("no relation for field `{field}` of resource type `{rtype}` (path hop)")]
    UnknownRelation { rtype: String, field: String },
    #[error("bad regexp {pattern:?}: {error}")]
    BadRegexp { pattern: String, error: String },
    #[error("for_field {for_field} is not a list but {found}")]
    NotAList { for_field: String, found: String },
    #[error("template id evaluated to {value}, expected a string or null")]
    BadTemplateId { value: String },
    #[error("param `{param}` (mapping {mapping}): {cause}")]
    Param {
        param: String,
        mapping: String,
        cause: Box<MappingError>,
    },
    #[error("template `{template}`, param `{param}` (mapping {mapping}): {cause}")]
    Template {
        template: String,
        param: String,
        mapping: String,
        cause: Box<MappingError>,
    },
    #[error("template_path of `{rtype}` (mapping {mapping}): {cause}")]
    TemplatePath {
        rtype: String,
        mapping: String,
        cause: Box<MappingError>,
    },
}

/// Compact JSON of a mapping for error messages, bounded so a huge mapping stays readable.
fn show(v: &Value) -> String {
    let s = v.to_string();
    match s.char_indices().nth(200) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s,
    }
}

fn malformed(form: &'static str, m: &Value, reason: impl Into<String>) -> MappingError {
    MappingError::Malformed {
        form,
        mapping: show(m),
        reason: reason.into(),
    }
}

/// `cfg[field]`, null when absent or when `cfg` is not an object (§5.4.6: non-object
/// elements behave as `{}` for field reads).
fn field(cfg: &Value, name: &str) -> Value {
    cfg.get(name).cloned().unwrap_or(Value::Null)
}

/// Evaluate one mapping; errors name the param and the mapping.
pub fn eval(mapping: &Value, param_name: &str, ctx: &Ctx) -> Result<Evaluated, MappingError> {
    eval_inner(mapping, param_name, ctx).map_err(|e| MappingError::Param {
        param: param_name.to_string(),
        mapping: show(mapping),
        cause: Box::new(e),
    })
}

/// §5.2: evaluate a type's template_path (None = the type has no template_path) → Ok(None) when
/// non-workable (no template_path, or it evaluates to null), else the template id.
pub fn select_template(
    template_path: Option<&Value>,
    ctx: &Ctx,
) -> Result<Option<String>, MappingError> {
    let Some(tp) = template_path else {
        return Ok(None);
    };
    let wrap = |e| MappingError::TemplatePath {
        rtype: ctx.rtype.to_string(),
        mapping: show(tp),
        cause: Box::new(e),
    };
    match eval_inner(tp, "template_path", ctx).map_err(wrap)?.value {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s)),
        other => Err(wrap(MappingError::BadTemplateId {
            value: show(&other),
        })),
    }
}

/// Evaluate every entry of a template's parameter_mappings into params, sorted by name.
/// `double_resources` reproduces the legacy `L ++ L` of modify/logical_delete jobs (§2.5).
pub fn build_params(
    template_id: &str,
    mappings: &Map<String, Value>,
    ctx: &Ctx,
    double_resources: bool,
) -> Result<Vec<Param>, MappingError> {
    let mut names: Vec<&String> = mappings.keys().collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let m = &mappings[name.as_str()];
            let mut p = eval_inner(m, name, ctx)
                .map_err(|e| MappingError::Template {
                    template: template_id.to_string(),
                    param: name.clone(),
                    mapping: show(m),
                    cause: Box::new(e),
                })?
                .into_param(name);
            if double_resources {
                p.resources.extend_from_within(..);
            }
            Ok(p)
        })
        .collect()
}

fn eval_inner(m: &Value, name: &str, ctx: &Ctx) -> Result<Evaluated, MappingError> {
    match m {
        Value::String(s) => eval_str(s, m, ctx),
        Value::Object(o) => eval_obj(o, m, name, ctx),
        _ => Err(MappingError::UnknownForm { mapping: show(m) }),
    }
}

// ---------------------------------------------------------------- string forms (§5.3)

fn eval_str(s: &str, m: &Value, ctx: &Ctx) -> Result<Evaluated, MappingError> {
    let mut chars = s.chars();
    let (Some(form), arg) = (chars.next(), chars.as_str()) else {
        return Err(MappingError::UnknownForm { mapping: show(m) });
    };
    match form {
        'P' | 'C' | 'F' => eval_part(form, arg, m, ctx),
        'V' => Ok(Evaluated::value(Value::from(ctx.version))),
        'O' => {
            let (f, key) = arg
                .split_once(':')
                .ok_or_else(|| malformed("O", m, "expected `Ofield:key`"))?;
            Ok(Evaluated::value(field(&field(ctx.cfg, f), key)))
        }
        'M' => {
            let parts: Vec<&str> = arg.split(':').collect();
            let [t, f, key] = parts[..] else {
                return Err(malformed("M", m, "expected `Mtype:field:output_key`"));
            };
            if t.is_empty() || f.is_empty() || key.is_empty() {
                return Err(malformed("M", m, "empty type, field or output_key"));
            }
            // Only the id is needed: the worker resolves the output from the stack (§5.3).
            let id = hop_id(ctx.cfg, f).map_err(|problem| MappingError::BrokenReference {
                hop: format!("{t}+{f}"),
                resource_type: t.to_string(),
                problem,
            })?;
            let r = ResourceRef::new(t, id);
            Ok(output_key(key, r.clone(), vec![r]))
        }
        'A' => {
            let mut out = String::new();
            let mut resources = Vec::new();
            // No escaping exists: every `&` separates parts (§5.3).
            for part in arg.split('&') {
                let mut pc = part.chars();
                let r = match pc.next() {
                    Some(f @ ('P' | 'C' | 'F')) => eval_part(f, pc.as_str(), m, ctx)?,
                    _ => {
                        return Err(malformed(
                            "A",
                            m,
                            format!("part {part:?} is not a P, C or F form"),
                        ))
                    }
                };
                out.push_str(&py_str(&r.value));
                resources.extend(r.resources);
            }
            Ok(Evaluated {
                ptype: ParamType::Value,
                value: Value::String(out),
                resources,
            })
        }
        _ => Err(MappingError::UnknownForm { mapping: show(m) }),
    }
}

/// The forms allowed both standalone and as `A` parts.
fn eval_part(form: char, arg: &str, m: &Value, ctx: &Ctx) -> Result<Evaluated, MappingError> {
    match form {
        'P' => Ok(Evaluated::value(field(ctx.cfg, arg))),
        // The literal stays a string even when it looks like a number (`C13` → "13").
        'C' => Ok(Evaluated::value(Value::String(arg.to_string()))),
        _ => {
            let segs: Vec<&str> = arg.split(':').collect();
            let Some((last, hops)) = segs
                .split_last()
                .filter(|(l, h)| !h.is_empty() && !l.is_empty())
            else {
                return Err(malformed(
                    "F",
                    m,
                    "expected `Ftype+field{:type+field}:final_field`",
                ));
            };
            let hops = hops
                .iter()
                .map(|h| match h.split_once('+') {
                    Some((t, f)) if !t.is_empty() && !f.is_empty() => Ok(Hop::Explicit {
                        id: f.to_string(),
                        rtype: t.to_string(),
                    }),
                    _ => Err(malformed("F", m, format!("hop {h:?} is not `type+field`"))),
                })
                .collect::<Result<Vec<_>, _>>()?;
            let w = walk(&hops, ctx, true)?;
            Ok(Evaluated {
                ptype: ParamType::Value,
                value: field(&w.cur, last),
                resources: w.resources,
            })
        }
    }
}

/// Python `str()` of a value, as the legacy engine concatenated `A` parts.
fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Null => "None".into(),
        // Numbers print as their JSON text (Python agrees for ints and usual floats);
        // arrays/objects as compact JSON (Python's repr differs; never observed).
        other => other.to_string(),
    }
}

fn output_key(key: &str, r: ResourceRef, resources: Vec<ResourceRef>) -> Evaluated {
    let mut value = Map::new();
    value.insert("output_key".into(), Value::String(key.to_string()));
    value.insert("resource_type".into(), Value::String(r.resource_type));
    value.insert("resource_id".into(), Value::String(r.resource_id));
    Evaluated {
        ptype: ParamType::OutputKey,
        value: Value::Object(value),
        resources,
    }
}

// ---------------------------------------------------------------- hops

enum Hop {
    /// String path hop: target type from the relations table of the current type.
    Relation(String),
    /// `{"id": field, "type": T}` or an `F` hop `T+field`; `id == ""` = the current value.
    Explicit { id: String, rtype: String },
}

fn parse_path(m: &Value, path: Option<&Value>) -> Result<Vec<Hop>, MappingError> {
    let Some(Value::Array(path)) = path else {
        return Err(malformed("path", m, "`path` must be a list of hops"));
    };
    path.iter()
        .map(|h| match h {
            Value::String(s) => Ok(Hop::Relation(s.clone())),
            Value::Object(o) => match (o.get("id"), o.get("type")) {
                (Some(Value::String(id)), Some(Value::String(t))) => Ok(Hop::Explicit {
                    id: id.clone(),
                    rtype: t.clone(),
                }),
                _ => Err(malformed(
                    "path",
                    m,
                    format!("hop {} needs string `id` and `type`", show(h)),
                )),
            },
            _ => Err(malformed(
                "path",
                m,
                format!("hop {} is neither a name nor an object", show(h)),
            )),
        })
        .collect()
}

/// The id a hop follows: `cur[name]`, or `cur` itself for `""`.
fn hop_id(cur: &Value, name: &str) -> Result<String, Broken> {
    let v = if name.is_empty() {
        Some(cur)
    } else {
        cur.get(name)
    };
    match v {
        Some(Value::String(s)) => Ok(s.clone()),
        None | Some(Value::Null) => Err(Broken::IdAbsent),
        Some(other) => Err(Broken::IdNotString(show(other))),
    }
}

struct Walked<'a> {
    /// The last loaded config (or the start object when the last hop was not loaded).
    cur: Cow<'a, Value>,
    resources: Vec<ResourceRef>,
}

/// Follow `hops` from `ctx.cfg`, recording one reference per hop. The last config is loaded
/// only when `load_last` (an output_key path needs just the last id).
fn walk<'a>(hops: &[Hop], ctx: &Ctx<'a>, load_last: bool) -> Result<Walked<'a>, MappingError> {
    let mut cur: Cow<'a, Value> = Cow::Borrowed(ctx.cfg);
    let mut cur_type = ctx.rtype.to_string();
    let mut resources = Vec::with_capacity(hops.len());
    for (i, hop) in hops.iter().enumerate() {
        let (field_name, rtype, label) = match hop {
            Hop::Relation(f) => {
                let t = ctx.resolver.relation(&cur_type, f).ok_or_else(|| {
                    MappingError::UnknownRelation {
                        rtype: cur_type.clone(),
                        field: f.clone(),
                    }
                })?;
                (f.as_str(), t.clone(), format!("{f} → {t}"))
            }
            Hop::Explicit { id, rtype } => (id.as_str(), rtype.clone(), format!("{rtype}+{id}")),
        };
        let broken = |problem| MappingError::BrokenReference {
            hop: label.clone(),
            resource_type: rtype.clone(),
            problem,
        };
        let id = hop_id(&cur, field_name).map_err(broken)?;
        resources.push(ResourceRef::new(rtype.clone(), id.clone()));
        if load_last || i + 1 < hops.len() {
            let loaded = ctx
                .resolver
                .load(&rtype, &id)
                .ok_or_else(|| broken(Broken::ConfigMissing(rtype.clone(), id)))?;
            cur = Cow::Owned(loaded);
        }
        cur_type = rtype;
    }
    Ok(Walked { cur, resources })
}

// ---------------------------------------------------------------- object forms (§5.4)

/// The form an object mapping dispatches to, in the §5.4 priority order.
fn dispatch_key(o: &Map<String, Value>) -> Option<&'static str> {
    [
        "constant",
        "version",
        "if_mapping",
        "for_field",
        "output_key",
        "field",
    ]
    .into_iter()
    .find(|k| o.contains_key(*k))
}

/// Whether a mapping yields `output_key` items (decides `list` vs `value` for for_field).
fn yields_output_key(m: &Value) -> bool {
    match m {
        Value::Object(o) => dispatch_key(o) == Some("output_key"),
        Value::String(s) => s.starts_with('M'),
        _ => false,
    }
}

fn eval_obj(
    o: &Map<String, Value>,
    m: &Value,
    name: &str,
    ctx: &Ctx,
) -> Result<Evaluated, MappingError> {
    match dispatch_key(o) {
        // Returned unchanged: `{"constant": 3}` stays a number, unlike `C3`.
        Some("constant") => Ok(Evaluated::value(o["constant"].clone())),
        Some("version") => Ok(Evaluated::value(Value::from(ctx.version))),
        Some("if_mapping") => eval_if(o, m, name, ctx),
        Some("for_field") => eval_for(o, m, name, ctx),
        Some("output_key") => {
            let Value::String(key) = &o["output_key"] else {
                return Err(malformed("output_key", m, "`output_key` must be a string"));
            };
            let hops = parse_path(m, o.get("path"))?;
            if hops.is_empty() {
                return Err(malformed("output_key", m, "`path` must not be empty"));
            }
            let w = walk(&hops, ctx, false)?;
            let last = w.resources.last().cloned().expect("non-empty path");
            Ok(output_key(key, last, w.resources))
        }
        Some("field") => {
            let Value::String(f) = &o["field"] else {
                return Err(malformed("field", m, "`field` must be a string"));
            };
            if !o.contains_key("path") {
                return Ok(Evaluated::value(field(ctx.cfg, f)));
            }
            let hops = parse_path(m, o.get("path"))?;
            match walk(&hops, ctx, true) {
                Ok(w) => Ok(Evaluated {
                    ptype: ParamType::Value,
                    value: field(&w.cur, f),
                    resources: w.resources,
                }),
                // §5.4.8: an empty string, not null, and no references.
                Err(MappingError::BrokenReference { .. })
                    if o.get("ignore_missing") == Some(&Value::Bool(true)) =>
                {
                    Ok(Evaluated::value(Value::String(String::new())))
                }
                Err(e) => Err(e),
            }
        }
        _ => Err(MappingError::UnknownForm { mapping: show(m) }),
    }
}

fn eval_if(
    o: &Map<String, Value>,
    m: &Value,
    name: &str,
    ctx: &Ctx,
) -> Result<Evaluated, MappingError> {
    let cond = o["if_mapping"]
        .as_object()
        .ok_or_else(|| malformed("if_mapping", m, "`if_mapping` must be an object"))?;
    let (op, operands) = ["equal", "regexp"]
        .into_iter()
        .find_map(|op| cond.get(op).map(|v| (op, v)))
        .ok_or_else(|| malformed("if_mapping", m, "condition must be `equal` or `regexp`"))?;
    let [a, b] = operands.as_array().map(Vec::as_slice).unwrap_or_default() else {
        return Err(malformed(
            "if_mapping",
            m,
            format!("`{op}` needs exactly two operands"),
        ));
    };
    // Operands contribute values only, never resources (§5.4.7).
    let a = eval_inner(a, name, ctx)?.value;
    let b = eval_inner(b, name, ctx)?.value;
    let holds = if op == "equal" {
        a == b
    } else {
        let Value::String(pattern) = &b else {
            return Err(MappingError::BadRegexp {
                pattern: show(&b),
                error: "pattern is not a string".into(),
            });
        };
        // Python re.match: anchored at the start only.
        let re =
            regex::Regex::new(&format!("^(?:{pattern})")).map_err(|e| MappingError::BadRegexp {
                pattern: pattern.clone(),
                error: e.to_string(),
            })?;
        a.as_str().is_some_and(|s| re.is_match(s))
    };
    let branch = if holds {
        "then_mapping"
    } else {
        "else_mapping"
    };
    let chosen = o
        .get(branch)
        .ok_or_else(|| malformed("if_mapping", m, format!("`{branch}` is missing")))?;
    eval_inner(chosen, name, ctx)
}

fn eval_for(
    o: &Map<String, Value>,
    m: &Value,
    name: &str,
    ctx: &Ctx,
) -> Result<Evaluated, MappingError> {
    let inner = o
        .get("for_mapping")
        .ok_or_else(|| malformed("for_field", m, "`for_mapping` is missing"))?;
    let (list, mut resources) = match &o["for_field"] {
        Value::String(f) => (field(ctx.cfg, f), Vec::new()),
        fm @ Value::Object(_) => {
            let r = eval_inner(fm, name, ctx)?;
            (r.value, r.resources)
        }
        _ => {
            return Err(malformed(
                "for_field",
                m,
                "`for_field` must be a field name or a mapping",
            ))
        }
    };
    let items = match list {
        // Nothing to iterate: an absent/null list behaves as empty.
        Value::Null => Vec::new(),
        Value::Array(a) => a,
        other => {
            return Err(MappingError::NotAList {
                for_field: show(&o["for_field"]),
                found: show(&other),
            })
        }
    };
    let as_list = yields_output_key(inner);
    let mut values = Vec::with_capacity(items.len());
    for e in &items {
        // The element is the new cfg; field reads on a non-object yield null (as on `{}`),
        // while `{"id": ""}` hops see the element itself.
        let ectx = Ctx {
            cfg: e,
            rtype: ctx.rtype,
            version: ctx.version,
            resolver: ctx.resolver,
        };
        let r = eval_inner(inner, name, &ectx)?;
        resources.extend(r.resources);
        values.push(if as_list {
            let item = Param {
                param: name.to_string(),
                ptype: r.ptype,
                value: r.value,
                resources: Vec::new(),
            };
            serde_json::to_value(item).expect("param serializes")
        } else {
            r.value
        });
    }
    let ptype = if as_list {
        ParamType::List
    } else {
        ParamType::Value
    };
    Ok(Evaluated {
        ptype,
        value: Value::Array(values),
        resources,
    })
}

#[cfg(test)]
#[path = "mapping_tests/mod.rs"]
mod tests;
