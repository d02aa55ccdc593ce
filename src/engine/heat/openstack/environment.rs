//! Heat environments for the stacks the backend creates: `--heat-environment FILE`
//! (repeatable, every stack) and a heat template record's `environment` field (that
//! template's stacks), merged in that order the way `openstack stack create -e` merges
//! files: maps key by key, anything else replaced. This is how a lab maps vendor types
//! (`OS::ContrailV2::…`) onto resources its Heat has; provider templates named in a
//! file's `resource_registry` are sent along in the request's `files`.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::error::{EsiError, Result};

/// The sections Heat accepts in an environment.
const SECTIONS: &[&str] = &[
    "parameters",
    "parameter_defaults",
    "resource_registry",
    "encrypted_param_names",
    "event_sinks",
    "parameter_merge_strategies",
];

/// An environment and the provider templates it names.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Environment {
    pub env: Map<String, Value>,
    /// `files` of the stack request: provider template name → its text.
    pub files: Map<String, Value>,
}

impl Environment {
    pub fn is_empty(&self) -> bool {
        self.env.is_empty() && self.files.is_empty()
    }

    /// Merge `other` over this one.
    pub fn layer(&mut self, other: &Environment) {
        let mut base = Value::Object(std::mem::take(&mut self.env));
        merge(&mut base, &Value::Object(other.env.clone()));
        if let Value::Object(m) = base {
            self.env = m;
        }
        for (k, v) in &other.files {
            self.files.insert(k.clone(), v.clone());
        }
    }
}

fn merge(base: &mut Value, over: &Value) {
    match (base, over) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                match b.get_mut(k) {
                    Some(slot) => merge(slot, v),
                    None => {
                        b.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (b, o) => *b = o.clone(),
    }
}

/// Parse an environment document (YAML or JSON text, or an object); `origin` names it
/// in errors.
pub fn parse(doc: &Value, origin: &str) -> Result<Map<String, Value>> {
    let v = match doc {
        Value::String(text) => serde_yaml_ng::from_str::<Value>(text)
            .map_err(|e| EsiError::InvalidData(format!("{origin}: not YAML: {e}")))?,
        other => other.clone(),
    };
    let map = match v {
        Value::Object(m) => m,
        Value::Null => Map::new(),
        _ => {
            return Err(EsiError::InvalidData(format!(
                "{origin}: an environment is a mapping of sections ({})",
                SECTIONS.join(", ")
            )))
        }
    };
    if let Some(bad) = map.keys().find(|k| !SECTIONS.contains(&k.as_str())) {
        return Err(EsiError::InvalidData(format!(
            "{origin}: unknown environment section `{bad}` (expected {})",
            SECTIONS.join(", ")
        )));
    }
    Ok(map)
}

/// Load `--heat-environment FILE`: its sections, and each provider template its
/// `resource_registry` names by a path relative to the file.
pub fn load_file(path: &Path) -> Result<Environment> {
    let origin = format!("--heat-environment {}", path.display());
    let text =
        std::fs::read_to_string(path).map_err(|e| EsiError::Usage(format!("{origin}: {e}")))?;
    let env = parse(&Value::String(text), &origin).map_err(|e| EsiError::Usage(e.to_string()))?;
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut files = Map::new();
    let mut names = Vec::new();
    if let Some(Value::Object(reg)) = env.get("resource_registry") {
        collect_paths(reg, &mut names);
    }
    for name in names {
        let p: PathBuf = dir.join(&name);
        if p.is_file() {
            let t = std::fs::read_to_string(&p)
                .map_err(|e| EsiError::Usage(format!("{origin}: {}: {e}", p.display())))?;
            files.insert(name, Value::String(t));
        }
    }
    Ok(Environment { env, files })
}

/// Registry values that look like template files (`vmi.yaml`), not type names.
fn collect_paths(reg: &Map<String, Value>, out: &mut Vec<String>) {
    let is_path = |s: &str| {
        !s.contains("::")
            && [".yaml", ".yml", ".template"]
                .iter()
                .any(|x| s.ends_with(x))
    };
    for v in reg.values() {
        match v {
            Value::String(s) if is_path(s) => out.push(s.clone()),
            Value::Object(m) => collect_paths(m, out),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn files_then_record_merge_key_by_key() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("vmi.yaml"),
            "heat_template_version: 2018-08-31\n",
        )
        .unwrap();
        let f = dir.path().join("lab.yaml");
        std::fs::write(
            &f,
            "resource_registry:\n  OS::ContrailV2::VirtualMachineInterface: vmi.yaml\n  \
             OS::ContrailV2::InstanceIp: OS::Heat::None\nparameter_defaults:\n  a: 1\n  b: 2\n",
        )
        .unwrap();
        let mut env = load_file(&f).unwrap();
        assert_eq!(
            env.files.keys().collect::<Vec<_>>(),
            vec!["vmi.yaml"],
            "the provider template goes along"
        );
        let record = parse(
            &json!({"parameter_defaults": {"b": 3}, "resource_registry": {"ESI::X": "OS::Heat::Value"}}),
            "record",
        )
        .unwrap();
        env.layer(&Environment {
            env: record,
            files: Map::new(),
        });
        assert_eq!(env.env["parameter_defaults"], json!({"a": 1, "b": 3}));
        assert_eq!(
            env.env["resource_registry"]["OS::ContrailV2::InstanceIp"],
            "OS::Heat::None"
        );
        assert_eq!(env.env["resource_registry"]["ESI::X"], "OS::Heat::Value");
    }

    #[test]
    fn unknown_sections_are_refused_with_their_origin() {
        let e = parse(&json!("resource_registy: {}"), "template port").unwrap_err();
        assert!(
            e.to_string()
                .contains("template port: unknown environment section `resource_registy`"),
            "{e}"
        );
        assert!(parse(&json!("[1]"), "x").is_err());
        assert!(parse(&Value::Null, "x").unwrap().is_empty());
    }
}
