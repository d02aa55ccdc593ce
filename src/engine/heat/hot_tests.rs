//! The HOT evaluator on the bundled templates and hand-written documents.

use serde_json::{json, Map, Value};

use super::*;
use crate::engine::worker::stack::render;

fn template_file(id: &str) -> String {
    crate::store::sample::templates()
        .into_iter()
        .find(|(t, _)| t == id)
        .and_then(|(_, rec)| rec["body"]["template_file"].as_str().map(String::from))
        .expect("bundled template")
}

fn obj(v: Value) -> Map<String, Value> {
    v.as_object().cloned().unwrap()
}

const PORT: &str = "ddc14be4-3480-4e97-a978-817b18f9904c";
const NET: &str = "168c1535-9001-49c7-bb05-21844570a83c";

fn port_params() -> Map<String, Value> {
    obj(json!({
        "admin_state_up": true, "device_owner": "compute:nova", "name": PORT, "security_groups": [],
        "tenant_id": "fe3a4a1a72c04479bb6c19c2c0ccba4c", "uuid": PORT, "version": 3,
        "virtual_machine": "47531b14-72e9-439d-8949-fd941457ecde",
        "virtual_machine_interface_allowed_address_pairs": [],
        "virtual_machine_interface_mac_address": "fa:16:3e:cf:b0:c4", "virtual_network": NET,
    }))
}

fn port_jinja(attached: bool) -> Map<String, Value> {
    obj(json!({
        "jinja_attached": attached, "jinja_device_owner": "compute:nova",
        "jinja_fixed_ips": [{"subnet_id": "707847d0-89d9-4b98-93a2-8b376709c5f3", "ip_address": "100.64.193.3"}],
        "jinja_subnets": ["5a7c…subnet-stack-id"], "jinja_force_dependency_cfg": null, "jinja_force_dependency_gw_interface": null,
    }))
}

fn output<'a>(ev: &'a Evaluated, key: &str) -> &'a Value {
    &ev.outputs
        .iter()
        .find(|o| o.key == key)
        .unwrap_or_else(|| panic!("no output {key}"))
        .value
}

#[test]
fn port_outputs_have_the_recorded_shapes() {
    let hot = render(&template_file("port"), &port_jinja(true)).unwrap();
    let ev = evaluate(&format!("port_{PORT}"), "t", &hot, &port_params()).unwrap();
    let keys: Vec<&str> = ev.outputs.iter().map(|o| o.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "fq_name",
            "allowed_address_pairs",
            "mac_address",
            "virtual_network",
            "id",
            "monitoring_target_id",
            "monitoring_link"
        ]
    );
    // The VMI's uuid property fixes its id; fq_name and the network list follow (seed 001).
    assert_eq!(output(&ev, "id"), &json!(PORT));
    assert_eq!(
        output(&ev, "fq_name"),
        &json!(format!("default-domain:admin:{PORT}"))
    );
    assert_eq!(
        output(&ev, "virtual_network"),
        &json!([["default-domain", "admin", NET]])
    );
    assert_eq!(output(&ev, "mac_address"), &json!(["fa:16:3e:cf:b0:c4"]));
    assert_eq!(
        output(&ev, "allowed_address_pairs"),
        &json!({"allowed_address_pair": []})
    );
    let target = output(&ev, "monitoring_target_id")
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        output(&ev, "monitoring_link"),
        &json!(format!("http://collector-agents-se:7070/targets/{target}"))
    );
    assert_eq!(ev.outputs[0].description, "Fully Qualified Name of the VMI");
    assert_eq!(
        ev.targets,
        vec![MonitoringTarget {
            resource_type: "ports".into(),
            resource_id: PORT.into(),
            field_name: "vmi".into(),
            version: Some(3)
        }]
    );
    // Deterministic: the same stack evaluates the same way.
    let again = evaluate(&format!("port_{PORT}"), "t", &hot, &port_params()).unwrap();
    assert_eq!(again.outputs, ev.outputs);
}

#[test]
fn an_unattached_port_has_no_monitoring_target() {
    let hot = render(&template_file("port"), &port_jinja(false)).unwrap();
    let ev = evaluate("port_x", "t", &hot, &port_params()).unwrap();
    assert!(ev.targets.is_empty());
    assert!(ev.outputs.iter().all(|o| !o.key.starts_with("monitoring_")));
    // The instance IP resource is rendered from the jinja loop and uses str_replace.
    assert!(ev.resources.iter().any(|(n, _)| n == "instance_ip_0"));
}

#[test]
fn list_join_str_replace_and_missing_parameters() {
    let hot = render(&template_file("load_balancer"), &Map::new()).unwrap();
    let params = obj(
        json!({"management_ip": "100.64.193.3", "gohan_id": "lb1", "tenant_id": "t", "version": 1}),
    );
    let ev = evaluate("load_balancer_lb1", "t", &hot, &params).unwrap();
    assert_eq!(ev.targets[0].field_name, "load_balancer");
    let doc = "heat_template_version: 2013-05-23\nparameters:\n  a: {type: string}\nresources:\n  r:\n    type: X\n    properties:\n      j: {list_join: ['_', [LB, {get_param: a}], [z]]}\n      s: {str_replace: {template: 'x%v%y', params: {'%v%': {get_param: a}}}}\noutputs:\n  j: {value: {get_attr: [r, j]}}\n  s: {value: {get_attr: [r, s]}}\n  n: {value: {get_param: OS::stack_name}}\n";
    let ev = evaluate("st", "t", doc, &obj(json!({"a": "q"}))).unwrap();
    assert_eq!(output(&ev, "j"), &json!("LB_q_z"));
    assert_eq!(output(&ev, "s"), &json!("xqy"));
    assert_eq!(output(&ev, "n"), &json!("st"));
    assert!(evaluate("st", "t", doc, &Map::new())
        .unwrap_err()
        .contains("(a) was not provided"));
    assert!(evaluate("st", "t", doc, &obj(json!({"a": "q", "b": 1})))
        .unwrap_err()
        .contains("(b) was not defined"));
    assert!(evaluate(
        "st",
        "t",
        "resources: {r: {type: X, properties: {p: {get_file: x}}}}",
        &Map::new()
    )
    .unwrap_err()
    .contains("get_file"));
}

#[test]
fn ids_are_uuid_shaped_and_stable() {
    let a = uuid_of("port_x/vmi_monitor");
    assert_eq!(a, uuid_of("port_x/vmi_monitor"));
    assert_ne!(a, uuid_of("port_y/vmi_monitor"));
    assert_eq!(a.len(), 36);
    assert_eq!(&a[14..15], "4");
}
