//! Unit tests for the mapping language. Fixtures are modeled on spec §5 examples and the
//! recorded seed jobs (ids kept recognisable, configs trimmed to what the mappings read).
//! Shared here: an in-memory resolver and evaluation helpers.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::*;

mod object_forms;
mod string_forms;
mod templates;

#[derive(Default)]
struct Mem {
    configs: HashMap<(String, String), Value>,
    relations: HashMap<(String, String), String>,
}

impl Mem {
    fn with(mut self, t: &str, id: &str, body: Value) -> Self {
        self.configs.insert((t.into(), id.into()), body);
        self
    }
    fn rel(mut self, t: &str, f: &str, target: &str) -> Self {
        self.relations.insert((t.into(), f.into()), target.into());
        self
    }
}

impl Resolver for Mem {
    fn load(&self, rtype: &str, id: &str) -> Option<Value> {
        self.configs
            .get(&(rtype.to_string(), id.to_string()))
            .cloned()
    }
    fn relation(&self, rtype: &str, field: &str) -> Option<String> {
        self.relations
            .get(&(rtype.to_string(), field.to_string()))
            .cloned()
    }
}

fn ev(m: Value, cfg: &Value, rtype: &str, r: &Mem) -> Result<Evaluated, MappingError> {
    eval(
        &m,
        "p",
        &Ctx {
            cfg,
            rtype,
            version: 2,
            resolver: r,
        },
    )
}

fn ok(m: Value, cfg: &Value, rtype: &str, r: &Mem) -> (ParamType, Value, Vec<ResourceRef>) {
    let e = ev(m, cfg, rtype, r).unwrap();
    (e.ptype, e.value, e.resources)
}

fn rr(t: &str, id: &str) -> ResourceRef {
    ResourceRef::new(t, id)
}

use ParamType::{List, OutputKey, Value as Val};
