//! Resource-type registry: singular → plural/prefix, relations, template selection and
//! monitoring field. Shipped as data (`data/schema.json`, spec Appendix A/B/§5.2/§6) and
//! extensible by a user schema file with the same shape, merged over the built-in table.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{EsiError, Result};

const BUILTIN: &str = include_str!("../../data/schema.json");

/// One resource type. Field names follow Gohan's schema metadata.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ResourceType {
    #[serde(skip)]
    pub id: String,
    #[serde(default)]
    pub singular: String,
    pub plural: String,
    /// Includes the API version segment, e.g. `/v2.0/ports`, `/common/v1.0/tenants`.
    pub prefix: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// A §5 mapping that resolves to the heat template id, or absent (non-workable).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_path: Option<Value>,
    /// field name → target resource type (Appendix B), used by string path hops.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub relations: BTreeMap<String, String>,
    /// The key collectors write in `/monitoring` (§6), e.g. `vmi` for ports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monitoring_field: Option<String>,
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub two_step_deletion: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub metaschema: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

impl ResourceType {
    /// Whether ESI writes a `/state` for this type's configs. Appendix A marks the types
    /// that get none ("no state_versioning"; a tenant still gets READ_COMPLETE).
    pub fn has_state(&self) -> bool {
        let notes = self.notes.as_deref().unwrap_or_default();
        !notes.contains("no state_versioning") || notes.contains("still gets READ_COMPLETE")
    }
}

fn yes() -> bool {
    true
}
fn is_true(b: &bool) -> bool {
    *b
}

#[derive(Debug, Deserialize)]
struct SchemaFile {
    #[serde(default)]
    handlers: Vec<String>,
    #[serde(default)]
    types: BTreeMap<String, ResourceType>,
    /// More field names to treat as secret (substrings, like the built-in words).
    #[serde(default)]
    secret_names: Vec<String>,
}

/// All known resource types, looked up by schema id or by plural.
#[derive(Debug, Clone)]
pub struct Registry {
    types: BTreeMap<String, ResourceType>,
    handlers: Vec<String>,
}

impl Registry {
    /// The built-in table of the recorded release (75 schemas).
    pub fn builtin() -> Registry {
        let file: SchemaFile =
            serde_json::from_str(BUILTIN).expect("built-in data/schema.json is valid");
        let mut reg = Registry {
            types: BTreeMap::new(),
            handlers: file.handlers,
        };
        reg.merge(file.types);
        reg
    }

    /// Built-in table plus the types of a user schema file (same JSON shape; a type
    /// present in both is replaced by the user's definition).
    pub fn with_user_file(path: Option<&Path>) -> Result<Registry> {
        let mut reg = Registry::builtin();
        if let Some(path) = path {
            let bytes =
                crate::files::read_regular(path, "--schema", crate::files::MAX_CONFIG_BYTES)?;
            let text = String::from_utf8(bytes).map_err(|_| {
                EsiError::Usage(format!("schema file {} is not UTF-8 text", path.display()))
            })?;
            let file: SchemaFile = serde_json::from_str(&text).map_err(|e| {
                EsiError::Usage(format!("schema file {} is not valid: {e}", path.display()))
            })?;
            if !file.secret_names.is_empty() {
                super::redact::extend(file.secret_names);
            }
            for h in file.handlers {
                if !reg.handlers.contains(&h) {
                    reg.handlers.push(h);
                }
            }
            reg.merge(file.types);
        }
        Ok(reg)
    }

    fn merge(&mut self, types: BTreeMap<String, ResourceType>) {
        for (id, mut t) in types {
            t.id = id.clone();
            if t.singular.is_empty() {
                t.singular = id.clone();
            }
            self.types.insert(id, t);
        }
    }

    /// Job handlers to probe when looking for a resource's jobs (`heat_worker`).
    pub fn handlers(&self) -> &[String] {
        &self.handlers
    }

    pub fn get(&self, id: &str) -> Option<&ResourceType> {
        self.types.get(id)
    }

    /// Look a type up by schema id, singular or plural (`port`, `ports`).
    pub fn resolve(&self, name: &str) -> Result<&ResourceType> {
        if let Some(t) = self.types.get(name) {
            return Ok(t);
        }
        if let Some(t) = self
            .types
            .values()
            .find(|t| t.plural == name || t.singular == name)
        {
            return Ok(t);
        }
        let hint = crate::model::suggest::closest(name, self.types.keys().map(String::as_str))
            .map(|s| format!(" (did you mean `{s}`?)"))
            .unwrap_or_default();
        Err(EsiError::UnknownType(name.to_string(), hint))
    }

    /// The type whose prefix is exactly `prefix` (e.g. `/v2.0/ports`).
    pub fn by_prefix(&self, prefix: &str) -> Option<&ResourceType> {
        self.types.values().find(|t| t.prefix == prefix)
    }

    pub fn iter(&self) -> impl Iterator<Item = &ResourceType> {
        self.types.values()
    }

    pub fn relation(&self, rtype: &str, field: &str) -> Option<&str> {
        self.types
            .get(rtype)?
            .relations
            .get(field)
            .map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn irregular_plurals_come_from_the_table() {
        let r = Registry::builtin();
        assert_eq!(
            r.get("reserve_address").unwrap().plural,
            "reserve_addresses"
        );
        assert_eq!(r.get("policy").unwrap().plural, "policies");
        assert_eq!(
            r.get("monitoring_history").unwrap().plural,
            "monitoring_histories"
        );
        assert_eq!(r.get("worker_data").unwrap().plural, "worker_datas");
        assert_eq!(r.get("tenant").unwrap().prefix, "/common/v1.0/tenants");
        assert_eq!(r.get("billing_usage").unwrap().prefix, "/common/v1.0/usage");
        assert_eq!(r.get("security_group").unwrap().plural, "security-groups");
        assert_eq!(r.iter().count(), 75);
    }

    #[test]
    fn resolve_accepts_plural_and_suggests() {
        let r = Registry::builtin();
        assert_eq!(r.resolve("ports").unwrap().id, "port");
        let err = r.resolve("prot").unwrap_err().to_string();
        assert!(err.contains("did you mean `port`"), "{err}");
    }

    #[test]
    fn relations_and_monitoring_fields() {
        let r = Registry::builtin();
        assert_eq!(r.relation("port", "network_id"), Some("network"));
        assert_eq!(
            r.relation("load_balancer", "vnf_instance_id"),
            Some("vnf_instance")
        );
        assert_eq!(
            r.get("port").unwrap().monitoring_field.as_deref(),
            Some("vmi")
        );
        assert_eq!(
            r.get("vnf_instance").unwrap().monitoring_field.as_deref(),
            Some("server")
        );
        assert!(r
            .get("firewall_plan")
            .map(|t| !t.two_step_deletion)
            .unwrap());
    }

    #[test]
    fn user_file_extends_the_table() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.json");
        std::fs::write(
            &p,
            r#"{"types":{"widget":{"plural":"widgetries","prefix":"/v9/widgetries","template_path":"Cwidget"}}}"#,
        )
        .unwrap();
        let r = Registry::with_user_file(Some(&p)).unwrap();
        assert_eq!(r.resolve("widget").unwrap().plural, "widgetries");
        assert_eq!(r.resolve("widgetries").unwrap().id, "widget");
        assert!(r.get("port").is_some());
    }
}
