//! The shapes the sample's records take: keys, job params, the status words of a job's
//! action, and the sample's small lookups.

use serde_json::{json, Value};

/// Plural of the types the sample uses (spec Appendix A; never derived by appending "s").
pub(super) fn plural(t: &str) -> &'static str {
    match t {
        "tenant" => "tenants",
        "vnf_template" => "vnf_templates",
        "vnf_plan" => "vnf_plans",
        "load_balancer_plan" => "load_balancer_plans",
        "load_balancer_conf" => "load_balancer_confs",
        "network" => "networks",
        "subnet" => "subnets",
        "port" => "ports",
        "vnf_instance" => "vnf_instances",
        "load_balancer" => "load_balancers",
        other => panic!("sample: no plural for {other}"),
    }
}

pub(super) fn key(family: &str, t: &str, id: &str) -> String {
    let prefix = if t == "tenant" {
        "/common/v1.0"
    } else {
        "/v2.0"
    };
    format!("{family}{prefix}/{}/{id}", plural(t))
}

/// Resources consulted by a mapping: (type, id), in traversal order.
pub(super) type Refs = Vec<(String, String)>;

/// A job param (spec §2.5).
pub(super) fn param(name: &str, ptype: &str, value: Value, refs: Refs) -> Value {
    let resources: Vec<Value> = refs
        .iter()
        .map(|(t, id)| json!({"resource_type": t, "resource_id": id}))
        .collect();
    json!({"param": name, "type": ptype, "value": value, "resources": resources})
}

pub(super) fn output_key(key: &str, t: &str, id: &str) -> Value {
    json!({"output_key": key, "resource_type": t, "resource_id": id})
}

pub(super) fn str_of<'a>(body: &'a Value, field: &str) -> &'a str {
    body.get(field).and_then(Value::as_str).unwrap_or_default()
}

/// A port has a monitoring target when the template's guard
/// `jinja_device_owner and jinja_attached` holds.
pub(super) fn port_monitored(body: &Value) -> bool {
    !str_of(body, "device_owner").is_empty() && body.get("attached") == Some(&Value::Bool(true))
}

/// The word in Gohan's and Heat's statuses, the stack's reason and the worker state a
/// job of `action` ends with (spec §4.2).
pub(super) fn verbs(action: &str) -> (&'static str, &'static str, &'static str) {
    match action {
        "create" => (
            "CREATE",
            "Stack CREATE completed successfully",
            "CREATE_COMPLETED",
        ),
        "modify" => ("UPDATE", "Stack successfully updated", "MODIFY_COMPLETED"),
        _ => ("DELETE", "", "DELETE_COMPLETED"),
    }
}
