//! The mapping language's data: the resolver it reads other configs through, references,
//! params, the evaluation context and result, and its errors.

use serde::{Deserialize, Serialize};
use serde_json::Value;

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
    pub(super) fn value(value: Value) -> Self {
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
pub(super) fn show(v: &Value) -> String {
    let s = v.to_string();
    match s.char_indices().nth(200) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s,
    }
}

pub(super) fn malformed(form: &'static str, m: &Value, reason: impl Into<String>) -> MappingError {
    MappingError::Malformed {
        form,
        mapping: show(m),
        reason: reason.into(),
    }
}

/// `cfg[field]`, null when absent or when `cfg` is not an object (§5.4.6: non-object
/// elements behave as `{}` for field reads).
pub(super) fn field(cfg: &Value, name: &str) -> Value {
    cfg.get(name).cloned().unwrap_or(Value::Null)
}
