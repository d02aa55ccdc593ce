//! A small evaluator of Heat HOT documents for the simulated backend: parameters (with
//! defaults), resources with deterministic physical ids, and the intrinsic functions the
//! ESI templates use (`get_param`, `get_resource`, `get_attr`, `str_replace`,
//! `list_join`). It computes what Heat would report: the outputs and the monitoring
//! targets. It creates nothing; attribute values are plausible, deterministic stand-ins.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};

use serde_json::{json, Map, Value};

use crate::engine::heat::StackOutput;

/// The Heat resource type whose instances register with a collector (spec §6).
pub const MONITORING_TARGET: &str = "ESI::Monitoring::MonitoringTarget";

/// A monitoring target as the collector agent would receive it.
#[derive(Debug, Clone, PartialEq)]
pub struct MonitoringTarget {
    /// The plural, e.g. `ports`.
    pub resource_type: String,
    pub resource_id: String,
    pub field_name: String,
    pub version: Option<i64>,
}

#[derive(Debug, Clone, Default)]
pub struct Evaluated {
    pub outputs: Vec<StackOutput>,
    pub targets: Vec<MonitoringTarget>,
    /// Resource name → physical id.
    pub resources: Vec<(String, String)>,
}

/// A deterministic UUID-shaped id (v4 layout) from a text: two FNV-1a hashes.
pub fn uuid_of(text: &str) -> String {
    let fnv = |seed: u64| {
        let mut h: u64 = seed;
        for b in text.as_bytes() {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        // splitmix finaliser: spread the low-entropy FNV state over every bit.
        h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        h ^ (h >> 31)
    };
    let (a, b) = (fnv(0xcbf2_9ce4_8422_2325), fnv(0x84222325_cbf29ce4));
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        0x8000 | ((b >> 48) & 0x3fff),
        b & 0xffff_ffff_ffff
    )
}

/// Functions of later HOT versions (or CFN) that these templates do not use: reported,
/// not silently passed through as data.
const UNSUPPORTED: [&str; 12] = [
    "get_file",
    "repeat",
    "digest",
    "str_split",
    "map_merge",
    "map_replace",
    "yaql",
    "if",
    "equals",
    "resource_facade",
    "Fn::Select",
    "Fn::Join",
];

struct Stack<'a> {
    name: &'a str,
    tenant: &'a str,
    params: Map<String, Value>,
    resources: Map<String, Value>,
    ids: HashMap<String, String>,
    /// Evaluated properties per resource (memo) and the ones being evaluated (cycles).
    props: RefCell<HashMap<String, Value>>,
    visiting: RefCell<BTreeSet<String>>,
}

/// Every declared parameter's value: given, else its default; a given parameter the
/// template does not declare is an error, as in Heat.
fn bind_params(
    decls: &Map<String, Value>,
    given: &Map<String, Value>,
) -> Result<Map<String, Value>, String> {
    for name in given.keys() {
        if !decls.contains_key(name) {
            return Err(format!(
                "The Parameter ({name}) was not defined in template."
            ));
        }
    }
    let mut params = Map::new();
    for (name, decl) in decls {
        let v = match (given.get(name), decl.get("default")) {
            (Some(v), _) => v.clone(),
            (None, Some(d)) => d.clone(),
            (None, None) => return Err(format!("The Parameter ({name}) was not provided.")),
        };
        params.insert(name.clone(), v);
    }
    Ok(params)
}

/// A monitoring target resource's properties.
fn monitoring_target(props: &Value) -> MonitoringTarget {
    let s = |k: &str| {
        props
            .get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let version = match props.get("version") {
        Some(Value::Number(n)) => n.as_i64(),
        Some(Value::String(s)) => s.parse().ok(),
        _ => None,
    };
    MonitoringTarget {
        resource_type: s("resource_type"),
        resource_id: s("resource_id"),
        field_name: s("field_name"),
        version,
    }
}

/// Evaluate a rendered HOT document with the given stack parameters.
pub fn evaluate(
    stack_name: &str,
    tenant: &str,
    template: &str,
    given: &Map<String, Value>,
) -> Result<Evaluated, String> {
    let doc: Value = serde_yaml_ng::from_str(template)
        .map_err(|e| format!("the rendered template is not valid YAML: {e}"))?;
    let Some(doc) = doc.as_object() else {
        return Err("the rendered template is not a YAML mapping".into());
    };
    let decls = doc
        .get("parameters")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let params = bind_params(&decls, given)?;
    let resources = doc
        .get("resources")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let mut stack = Stack {
        name: stack_name,
        tenant,
        params,
        resources,
        ids: HashMap::new(),
        props: RefCell::new(HashMap::new()),
        visiting: RefCell::new(BTreeSet::new()),
    };
    // Physical ids first (get_resource needs them): a Contrail-style `uuid` property
    // fixes the id, as it does for networks; otherwise a hash of stack and resource name.
    let mut ids = HashMap::new();
    for (rname, r) in &stack.resources {
        let fixed = r
            .pointer("/properties/uuid")
            .and_then(|u| stack.eval(u).ok())
            .and_then(|u| u.as_str().filter(|s| !s.is_empty()).map(String::from));
        ids.insert(
            rname.clone(),
            fixed.unwrap_or_else(|| uuid_of(&format!("{stack_name}/{rname}"))),
        );
    }
    stack.ids = ids;

    let mut out = Evaluated::default();
    for (rname, r) in &stack.resources {
        let props = stack.properties(rname)?;
        out.resources
            .push((rname.clone(), stack.ids[rname].clone()));
        if r.get("type").and_then(Value::as_str) == Some(MONITORING_TARGET) {
            out.targets.push(monitoring_target(&props));
        }
    }
    for (key, o) in doc
        .get("outputs")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let value = match o.get("value") {
            Some(v) => stack.eval(v).map_err(|e| format!("output {key}: {e}"))?,
            None => Value::Null,
        };
        let description = o
            .get("description")
            .and_then(Value::as_str)
            .unwrap_or("No description given")
            .to_string();
        out.outputs.push(StackOutput {
            key: key.clone(),
            value,
            description,
        });
    }
    Ok(out)
}

impl Stack<'_> {
    fn properties(&self, rname: &str) -> Result<Value, String> {
        if let Some(p) = self.props.borrow().get(rname) {
            return Ok(p.clone());
        }
        if !self.visiting.borrow_mut().insert(rname.to_string()) {
            return Err(format!("circular reference through resource {rname}"));
        }
        let raw = self
            .resources
            .get(rname)
            .and_then(|r| r.get("properties"))
            .cloned()
            .unwrap_or(json!({}));
        let v = self
            .eval(&raw)
            .map_err(|e| format!("resource {rname}: {e}"));
        self.visiting.borrow_mut().remove(rname);
        let v = v?;
        self.props.borrow_mut().insert(rname.to_string(), v.clone());
        Ok(v)
    }

    fn eval(&self, v: &Value) -> Result<Value, String> {
        match v {
            Value::Array(a) => a
                .iter()
                .map(|x| self.eval(x))
                .collect::<Result<Vec<_>, _>>()
                .map(Value::Array),
            Value::Object(m) if m.len() == 1 => {
                let (f, arg) = m.iter().next().expect("one entry");
                match f.as_str() {
                    "get_param" => self.get_param(arg),
                    "get_resource" => {
                        let name = arg.as_str().ok_or("get_resource takes a resource name")?;
                        self.ids
                            .get(name)
                            .map(|id| Value::String(id.clone()))
                            .ok_or_else(|| format!("get_resource: no resource {name}"))
                    }
                    "get_attr" => self.get_attr(arg),
                    "str_replace" => self.str_replace(arg),
                    "list_join" => self.list_join(arg),
                    f if UNSUPPORTED.contains(&f) => Err(format!(
                        "the simulated Heat does not support the function {f}"
                    )),
                    _ => Ok(Value::Object(Map::from_iter([(
                        f.clone(),
                        self.eval(arg)?,
                    )]))),
                }
            }
            Value::Object(m) => {
                let mut out = Map::new();
                for (k, x) in m {
                    out.insert(k.clone(), self.eval(x)?);
                }
                Ok(Value::Object(out))
            }
            other => Ok(other.clone()),
        }
    }

    fn get_param(&self, arg: &Value) -> Result<Value, String> {
        let (name, path) = match arg {
            Value::String(s) => (s.as_str(), &[][..]),
            Value::Array(a) if !a.is_empty() => (
                a[0].as_str()
                    .ok_or("get_param: the name must be a string")?,
                &a[1..],
            ),
            _ => return Err("get_param takes a name or [name, path…]".into()),
        };
        let base = match name {
            "OS::stack_name" => Value::String(self.name.to_string()),
            "OS::stack_id" => Value::String(uuid_of(self.name)),
            "OS::project_id" => Value::String(self.tenant.to_string()),
            _ => self
                .params
                .get(name)
                .cloned()
                .ok_or_else(|| format!("get_param: the parameter {name} is not declared"))?,
        };
        walk(base, path, &|x| self.eval(x))
    }

    fn get_attr(&self, arg: &Value) -> Result<Value, String> {
        let a = arg
            .as_array()
            .filter(|a| a.len() >= 2)
            .ok_or("get_attr takes [resource, attribute, path…]")?;
        let a: Vec<Value> = a.iter().map(|x| self.eval(x)).collect::<Result<_, _>>()?;
        let (Some(rname), Some(attr)) = (a[0].as_str(), a[1].as_str()) else {
            return Err("get_attr: resource and attribute must be strings".into());
        };
        let id = self
            .ids
            .get(rname)
            .ok_or_else(|| format!("get_attr: no resource {rname}"))?
            .clone();
        let props = self.properties(rname)?;
        let value = attribute(rname, &id, attr, &props);
        walk(value, &a[2..], &|x| Ok(x.clone()))
    }

    fn str_replace(&self, arg: &Value) -> Result<Value, String> {
        let template = self.eval(arg.get("template").ok_or("str_replace needs a template")?)?;
        let mut text = template
            .as_str()
            .ok_or("str_replace: the template must be a string")?
            .to_string();
        if let Some(params) = arg.get("params").and_then(Value::as_object) {
            for (k, v) in params {
                text = text.replace(k.as_str(), &plain(&self.eval(v)?));
            }
        }
        Ok(Value::String(text))
    }

    fn list_join(&self, arg: &Value) -> Result<Value, String> {
        let a = arg
            .as_array()
            .filter(|a| !a.is_empty())
            .ok_or("list_join takes [delimiter, list…]")?;
        let delim = plain(&self.eval(&a[0])?);
        let mut items = Vec::new();
        for l in &a[1..] {
            match self.eval(l)? {
                Value::Array(xs) => items.extend(xs.iter().map(plain)),
                other => return Err(format!("list_join: {other} is not a list")),
            }
        }
        Ok(Value::String(items.join(&delim)))
    }
}

/// Index into a value by a get_param / get_attr path (keys or list indices).
fn walk(
    mut v: Value,
    path: &[Value],
    eval: &dyn Fn(&Value) -> Result<Value, String>,
) -> Result<Value, String> {
    for p in path {
        let p = eval(p)?;
        v = match (&v, &p) {
            (Value::Object(m), Value::String(k)) => m.get(k).cloned().unwrap_or(Value::Null),
            (Value::Array(a), Value::Number(n)) => n
                .as_u64()
                .and_then(|i| a.get(i as usize))
                .cloned()
                .unwrap_or(Value::Null),
            (Value::Array(a), Value::String(s)) => s
                .parse::<usize>()
                .ok()
                .and_then(|i| a.get(i))
                .cloned()
                .unwrap_or(Value::Null),
            _ => Value::Null,
        };
    }
    Ok(v)
}

/// A value as text inside a string (Heat: strings as is, the rest as JSON).
fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// What `get_attr` reports: a few Contrail-shaped attributes (as recorded in the seeds),
/// else the property of the same name, else null.
fn attribute(rname: &str, id: &str, attr: &str, props: &Value) -> Value {
    let prop = props.get(attr).cloned();
    match attr {
        "fq_name" => Value::String(format!("default-domain:admin:{id}")),
        "name" => prop.unwrap_or_else(|| Value::String(rname.to_string())),
        "link" => Value::String(format!("http://collector-agents-se:7070/targets/{id}")),
        "show" => {
            let mut m = props.as_object().cloned().unwrap_or_default();
            m.insert("id".into(), Value::String(id.to_string()));
            Value::Object(m)
        }
        "virtual_networks" => {
            let nets = prop.and_then(|p| p.as_array().cloned()).unwrap_or_default();
            Value::Array(
                nets.iter()
                    .map(|n| json!(["default-domain", "admin", plain(n)]))
                    .collect(),
            )
        }
        "virtual_machine_interface_allowed_address_pairs" => match prop {
            Some(Value::Object(m)) => Value::Object(m),
            Some(Value::Array(a)) => json!({ "allowed_address_pair": a }),
            _ => json!({ "allowed_address_pair": [] }),
        },
        _ => prop.unwrap_or(Value::Null),
    }
}

#[cfg(test)]
#[path = "hot_tests.rs"]
mod tests;
