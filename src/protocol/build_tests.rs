//! Unit tests of job construction against the embedded store, with inline fixtures
//! modelled on the seeds (port modify v3, vnf_instance modify v2, port logical_delete v4).

use serde_json::{json, Value};

use super::*;
use crate::store::embedded::EmbeddedStore;
use crate::store::testing::put;

const PORT: &str = "ddc14be4-3480-4e97-a978-817b18f9904c";
const NET: &str = "168c1535-9001-49c7-bb05-21844570a83c";
const SUBNET: &str = "707847d0-89d9-4b98-93a2-8b376709c5f3";
const VNF: &str = "398d65ba-0060-456e-b415-5bc954450717";
const VNF_TEMPLATE: &str = "f2123d79-e953-4b61-8aee-a217bee284af";
const VNF_PLAN: &str = "043fed11-ce3d-48fb-aa8d-13aad5804d83";

fn config(body: Value, version: i64, marked: bool) -> String {
    json!({"body": body.to_string(), "marked_for_deletion": marked, "version": version}).to_string()
}

fn template(id: &str, mappings: Value) -> String {
    config(
        json!({"handler": "heat_worker", "id": id, "parameter_mappings": mappings, "template_file": "", "watch": []}),
        1,
        false,
    )
}

fn port_mappings() -> Value {
    json!({
        "admin_state_up": "Padmin_state_up", "device_owner": "Pdevice_owner", "heat_timeout": "C13",
        "jinja_attached": "Pattached", "jinja_device_owner": "Pdevice_owner", "jinja_fixed_ips": "Pfixed_ips",
        "jinja_force_dependency_cfg": {"if_mapping": {"equal": [{"field": "device_owner"}, {"constant": "network:common_function_gateway"}]},
            "then_mapping": {"field": "id", "ignore_missing": true, "path": [{"id": "device_id", "type": "common_function_gateway"}]},
            "else_mapping": {"constant": null}},
        "jinja_force_dependency_gw_interface": {"if_mapping": {"equal": [{"field": "device_owner"}, {"constant": "network:gw_interface"}]},
            "then_mapping": {"field": "id", "path": [{"id": "device_id", "type": "gw_interface"}]},
            "else_mapping": {"constant": null}},
        "jinja_subnets": {"for_field": "fixed_ips", "for_mapping": {"output_key": "id", "path": [{"id": "subnet_id", "type": "subnet"}]}},
        "name": "Pid", "security_groups": "Psecurity_groups", "tenant_id": "Ptenant_id", "uuid": "Pid",
        "version": "Vauto_filled", "virtual_machine": "Pdevice_id",
        "virtual_machine_interface_allowed_address_pairs": "Pallowed_address_pairs",
        "virtual_machine_interface_mac_address": "Pmac_address", "virtual_network": "Mnetwork:network_id:id"
    })
}

fn port_body(owner: &str) -> Value {
    json!({"id": PORT, "name": "load_balancer-management-port", "network_id": NET, "device_owner": owner,
           "device_id": "47531b14-72e9-439d-8949-fd941457ecde", "admin_state_up": true, "attached": true,
           "fixed_ips": [{"subnet_id": SUBNET, "ip_address": "100.64.193.3"}], "allowed_address_pairs": [],
           "security_groups": [], "mac_address": "fa:16:3e:cf:b0:c4", "tenant_id": "fe3a4a1a72c04479bb6c19c2c0ccba4c"})
}

fn port_key() -> String {
    format!("/config/v2.0/ports/{PORT}")
}

async fn port_store(owner: &str, state: bool, marked: bool) -> EmbeddedStore {
    let s = EmbeddedStore::new();
    let mut kvs = vec![
        (port_key(), config(port_body(owner), 3, marked)),
        (
            "/config/v2.0/heat_templates/port".to_string(),
            template("port", port_mappings()),
        ),
    ];
    if state {
        kvs.push((
            format!("/state/v2.0/ports/{PORT}"),
            r#"{"error": "", "state": {}, "version": 2}"#.into(),
        ));
    }
    put(&s, &kvs).await;
    s
}

fn param<'a>(b: &'a Built, name: &str) -> &'a Param {
    b.params
        .iter()
        .find(|p| p.param == name)
        .unwrap_or_else(|| panic!("no param {name}"))
}

fn refs(p: &Param) -> Vec<(&str, &str)> {
    p.resources
        .iter()
        .map(|r| (r.resource_type.as_str(), r.resource_id.as_str()))
        .collect()
}

#[tokio::test]
async fn modify_port_reproduces_the_seed_with_doubled_resources() {
    let s = port_store("compute:nova", true, false).await;
    let reg = Registry::builtin();
    let mut p = prepare(&s, &reg, reg.get("port").unwrap(), PORT)
        .await
        .unwrap();
    assert_eq!(p.action, "modify");
    assert!(matches!(&p.workability, Workability::Workable(t) if t.id == "port"));
    let b = p.build("modify", BuildOptions::default()).await.unwrap();
    assert_eq!(b.params.len(), 18);
    assert_eq!(
        refs(param(&b, "virtual_network")),
        vec![("network", NET), ("network", NET)]
    );
    assert_eq!(
        param(&b, "virtual_network").value,
        json!({"output_key": "id", "resource_type": "network", "resource_id": NET})
    );
    let subnets = param(&b, "jinja_subnets");
    assert_eq!(serde_json::to_value(subnets.ptype).unwrap(), json!("list"));
    assert_eq!(refs(subnets), vec![("subnet", SUBNET), ("subnet", SUBNET)]);
    assert_eq!(
        subnets.value,
        json!([{"param": "jinja_subnets", "type": "output_key", "value": {"output_key": "id", "resource_type": "subnet", "resource_id": SUBNET}, "resources": []}])
    );
    assert_eq!(param(&b, "heat_timeout").value, json!("13"));
    assert_eq!(param(&b, "version").value, json!(3));
    assert_eq!(param(&b, "jinja_force_dependency_cfg").value, Value::Null);
    assert_eq!(
        param(&b, "jinja_force_dependency_gw_interface").value,
        Value::Null
    );
    let mut referenced = b.referenced();
    referenced.sort();
    assert_eq!(
        referenced,
        vec![
            ("network".to_string(), NET.to_string()),
            ("subnet".to_string(), SUBNET.to_string())
        ]
    );
    assert_eq!(
        b.job_id.to_string().rsplit_once(':').unwrap().0,
        format!("modify:heat_worker:port:{PORT}:3")
    );
    assert_eq!(b.job["resource_input"], port_body("compute:nova"));
}

#[tokio::test]
async fn create_and_canonical_carry_resources_once() {
    let reg = Registry::builtin();
    let s = port_store("compute:nova", false, false).await;
    let mut p = prepare(&s, &reg, reg.get("port").unwrap(), PORT)
        .await
        .unwrap();
    assert_eq!(
        (p.action, p.action_reason),
        ("create", "no /state key exists yet")
    );
    let b = p.build("create", BuildOptions::default()).await.unwrap();
    assert_eq!(refs(param(&b, "virtual_network")), vec![("network", NET)]);

    let s = port_store("compute:nova", true, false).await;
    let mut p = prepare(&s, &reg, reg.get("port").unwrap(), PORT)
        .await
        .unwrap();
    let b = p
        .build(
            "modify",
            BuildOptions {
                canonical_resources: true,
            },
        )
        .await
        .unwrap();
    assert_eq!(refs(param(&b, "virtual_network")), vec![("network", NET)]);
}

#[tokio::test]
async fn marked_for_deletion_chooses_logical_delete() {
    let reg = Registry::builtin();
    let s = port_store("compute:nova", true, true).await;
    let mut p = prepare(&s, &reg, reg.get("port").unwrap(), PORT)
        .await
        .unwrap();
    assert_eq!(p.action, "logical_delete");
    let b = p
        .build("logical_delete", BuildOptions::default())
        .await
        .unwrap();
    assert_eq!(b.job["action"], json!("logical_delete"));
    assert_eq!(refs(param(&b, "jinja_subnets")).len(), 2);
}

#[tokio::test]
async fn referenced_configs_are_fetched_at_the_same_revision() {
    let reg = Registry::builtin();
    let s = EmbeddedStore::new();
    let mappings = json!({"availability_zone": "Pavailability_zone", "config_drive": "Pconfig_drive",
        "flavor": "Fvnf_plan+vnf_plan_id:flavor", "gohan_id": "Pid", "heat_timeout": "C18",
        "image": "Fvnf_template+vnf_template_id:image", "name": "Pname", "networks": "Pnetworks",
        "reboot": "Preboot", "tenant_id": "Ptenant_id", "user_data": "Puser_data",
        "user_data_format": "Puser_data_format", "version": "Vauto_filled"});
    let body = json!({"id": VNF, "name": "lb", "vnf_plan_id": VNF_PLAN, "vnf_template_id": VNF_TEMPLATE,
        "availability_zone": "nova", "config_drive": false, "networks": [{"port": PORT}], "reboot": "",
        "tenant_id": "t", "user_data": "", "user_data_format": "RAW"});
    put(
        &s,
        &[
            (
                format!("/config/v2.0/vnf_instances/{VNF}"),
                config(body.clone(), 2, false),
            ),
            (
                format!("/state/v2.0/vnf_instances/{VNF}"),
                r#"{"version": 1}"#.into(),
            ),
            (
                "/config/v2.0/heat_templates/vnf_instance".into(),
                template("vnf_instance", mappings),
            ),
            (
                format!("/config/v2.0/vnf_templates/{VNF_TEMPLATE}"),
                config(
                    json!({"id": VNF_TEMPLATE, "image": "NSVPX-KVM-10.5-57.7_nc"}),
                    1,
                    false,
                ),
            ),
            (
                format!("/config/v2.0/vnf_plans/{VNF_PLAN}"),
                config(json!({"id": VNF_PLAN, "flavor": "m1.xlarge"}), 1, false),
            ),
        ],
    )
    .await;
    let mut p = prepare(&s, &reg, reg.get("vnf_instance").unwrap(), VNF)
        .await
        .unwrap();
    // A later change must not leak into the job: everything is read at the prepared revision.
    put(
        &s,
        &[(
            format!("/config/v2.0/vnf_plans/{VNF_PLAN}"),
            config(json!({"id": VNF_PLAN, "flavor": "m1.huge"}), 2, false),
        )],
    )
    .await;
    let b = p.build("modify", BuildOptions::default()).await.unwrap();
    assert_eq!(param(&b, "image").value, json!("NSVPX-KVM-10.5-57.7_nc"));
    assert_eq!(
        refs(param(&b, "image")),
        vec![
            ("vnf_template", VNF_TEMPLATE),
            ("vnf_template", VNF_TEMPLATE)
        ]
    );
    assert_eq!(param(&b, "flavor").value, json!("m1.xlarge"));
    assert_eq!(param(&b, "heat_timeout").value, json!("18"));
    assert_eq!(param(&b, "version").value, json!(2));
    assert!(p.consulted().iter().any(|(k, _)| k.ends_with(VNF_PLAN)));
}

#[tokio::test]
async fn a_broken_reference_names_the_template_param_and_hop() {
    let reg = Registry::builtin();
    let s = EmbeddedStore::new();
    let body = json!({"id": VNF, "vnf_plan_id": VNF_PLAN});
    put(
        &s,
        &[
            (
                format!("/config/v2.0/vnf_instances/{VNF}"),
                config(body, 1, false),
            ),
            (
                "/config/v2.0/heat_templates/vnf_instance".into(),
                template(
                    "vnf_instance",
                    json!({"flavor": "Fvnf_plan+vnf_plan_id:flavor"}),
                ),
            ),
        ],
    )
    .await;
    let mut p = prepare(&s, &reg, reg.get("vnf_instance").unwrap(), VNF)
        .await
        .unwrap();
    let e = p
        .build("create", BuildOptions::default())
        .await
        .unwrap_err();
    let msg = e.to_string();
    assert!(matches!(e, EsiError::InvalidData(_)), "{msg}");
    assert!(
        msg.contains("/config/v2.0/heat_templates/vnf_instance")
            && msg.contains("flavor")
            && msg.contains("vnf_plan+vnf_plan_id"),
        "{msg}"
    );
}

#[tokio::test]
async fn non_workable_resources_say_why() {
    let reg = Registry::builtin();
    let s = port_store("network:dhcp", true, false).await;
    let p = prepare(&s, &reg, reg.get("port").unwrap(), PORT)
        .await
        .unwrap();
    assert!(
        matches!(&p.workability, Workability::NotWorkable(w) if w.contains("evaluates to null"))
    );

    let s = EmbeddedStore::new();
    put(
        &s,
        &[(
            "/config/common/v1.0/tenants/t1".into(),
            config(json!({"id": "t1"}), 1, false),
        )],
    )
    .await;
    let p = prepare(&s, &reg, reg.get("tenant").unwrap(), "t1")
        .await
        .unwrap();
    assert!(
        matches!(&p.workability, Workability::NotWorkable(w) if w.contains("no template_path"))
    );

    let s = EmbeddedStore::new();
    put(
        &s,
        &[(port_key(), config(port_body("compute:nova"), 1, false))],
    )
    .await;
    let p = prepare(&s, &reg, reg.get("port").unwrap(), PORT)
        .await
        .unwrap();
    assert!(
        matches!(&p.workability, Workability::NotWorkable(w) if w.contains("/config/v2.0/heat_templates/port does not exist"))
    );

    let e = prepare(&EmbeddedStore::new(), &reg, reg.get("port").unwrap(), PORT)
        .await
        .err()
        .unwrap();
    assert!(matches!(e, EsiError::NotFound(_)), "{e}");
}

#[tokio::test]
async fn malformed_template_or_config_is_invalid_data_naming_the_key() {
    let reg = Registry::builtin();
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "/config/v2.0/heat_templates/port",
            r#"{"body":"{not json","version":1}"#.into(),
            "template /config/v2.0/heat_templates/port is malformed",
        ),
        (
            "/config/v2.0/heat_templates/port",
            config(json!({"handler": "heat_worker"}), 1, false),
            "`parameter_mappings` is missing",
        ),
        (
            "/config/v2.0/heat_templates/port",
            config(json!({"parameter_mappings": {}}), 1, false),
            "`handler` is missing",
        ),
    ];
    for (key, value, want) in cases {
        let s = port_store("compute:nova", true, false).await;
        put(&s, &[(key.to_string(), value)]).await;
        let e = prepare(&s, &reg, reg.get("port").unwrap(), PORT)
            .await
            .err()
            .expect("error");
        assert!(matches!(e, EsiError::InvalidData(_)), "{e}");
        assert!(e.to_string().contains(want), "{e}");
    }
    for bad in [
        r#"{"body":"{trunc","version":3}"#,
        r#"{"body":"{}"}"#,
        r#"[1]"#,
    ] {
        let s = port_store("compute:nova", true, false).await;
        put(&s, &[(port_key(), bad.to_string())]).await;
        let e = prepare(&s, &reg, reg.get("port").unwrap(), PORT)
            .await
            .err()
            .expect("error");
        assert!(matches!(e, EsiError::InvalidData(_)), "{e}");
        assert!(e.to_string().contains(&port_key()), "{e}");
    }
}

#[test]
fn job_object_field_order_and_stored_text() {
    let id = JobId::parse(&format!("modify:heat_worker:port:{PORT}:3:28byp")).unwrap();
    let job = job_object(&id, &json!({"id": PORT}), &[], &["x".to_string()]);
    let keys: Vec<&str> = job
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "id",
            "job_name",
            "action",
            "handler",
            "resource_type",
            "resource_id",
            "version",
            "resource_input",
            "params",
            "dependency",
            "is_first",
            "is_last",
            "on_failure"
        ]
    );
    let (v, text) = stored_value("heat_worker", &job, 0);
    assert_eq!(v[2], json!(0));
    assert!(text.starts_with(&format!(r#"["heat_worker", {{"id": "modify:heat_worker:port:{PORT}:3:28byp", "job_name": "port:{PORT}:3", "#)), "{text}");
    assert!(
        text.ends_with(
            r#""dependency": ["x"], "is_first": true, "is_last": true, "on_failure": "fail"}, 0]"#
        ),
        "{text}"
    );
    let mut job = job;
    set_dependency(&mut job, &[]);
    assert_eq!(job["dependency"], json!([]));
    assert_eq!(
        job.as_object().unwrap().keys().nth(9).map(String::as_str),
        Some("dependency")
    );
}

#[test]
fn action_rule() {
    assert_eq!(choose_action(true, true).0, "logical_delete");
    assert_eq!(choose_action(true, false).0, "logical_delete");
    assert_eq!(choose_action(false, false).0, "create");
    assert_eq!(choose_action(false, true).0, "modify");
}
