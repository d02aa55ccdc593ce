//! Template selection per type, and whole templates against the recorded seed jobs.
use serde_json::json;

use super::*;

fn port_template_path() -> Value {
    json!({"if_mapping": {"regexp": [{"field": "device_owner"}, {"constant": "network:dhcp|network:empty"}]},
           "then_mapping": {"constant": null}, "else_mapping": {"constant": "port"}})
}

#[test]
fn template_selection() {
    let r = Mem::default();
    let sel = |tp: Option<&Value>, cfg: Value, t: &str| {
        select_template(
            tp,
            &Ctx {
                cfg: &cfg,
                rtype: t,
                version: 1,
                resolver: &r,
            },
        )
    };
    let tp = port_template_path();
    assert_eq!(
        sel(Some(&tp), json!({"device_owner": "network:dhcp"}), "port").unwrap(),
        None
    );
    assert_eq!(
        sel(Some(&tp), json!({"device_owner": "network:empty"}), "port").unwrap(),
        None
    );
    for owner in ["compute:nova", "", "physical_port", "network:gw_interface"] {
        assert_eq!(
            sel(Some(&tp), json!({"device_owner": owner}), "port")
                .unwrap()
                .as_deref(),
            Some("port")
        );
    }
    assert_eq!(sel(None, json!({}), "tenant").unwrap(), None);
    assert_eq!(
        sel(Some(&json!("Cfirewall_config")), json!({}), "firewall")
            .unwrap()
            .as_deref(),
        Some("firewall_config")
    );
    let dev = json!("ACese_device_&Pexisting");
    assert_eq!(
        sel(Some(&dev), json!({"existing": "new"}), "ese_device")
            .unwrap()
            .as_deref(),
        Some("ese_device_new")
    );
    assert_eq!(
        sel(Some(&dev), json!({"existing": "existing"}), "ese_device")
            .unwrap()
            .as_deref(),
        Some("ese_device_existing")
    );
    let e = sel(Some(&json!({"constant": 1})), json!({}), "x")
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("template_path of `x`"), "{e}");
}

/// parameter_mappings of the recorded `port` heat template.
fn port_mappings() -> Map<String, Value> {
    let cfgw = json!({"if_mapping": {"equal": [{"field": "device_owner"}, {"constant": "network:common_function_gateway"}]},
                      "then_mapping": {"field": "id", "ignore_missing": true, "path": [{"id": "device_id", "type": "common_function_gateway"}]},
                      "else_mapping": {"constant": null}});
    let gwif = json!({"if_mapping": {"equal": [{"field": "device_owner"}, {"constant": "network:gw_interface"}]},
                      "then_mapping": {"field": "id", "path": [{"id": "device_id", "type": "gw_interface"}]},
                      "else_mapping": {"constant": null}});
    let v = json!({
        "admin_state_up": "Padmin_state_up", "device_owner": "Pdevice_owner", "heat_timeout": "C13",
        "jinja_attached": "Pattached", "jinja_device_owner": "Pdevice_owner", "jinja_fixed_ips": "Pfixed_ips",
        "jinja_force_dependency_cfg": cfgw, "jinja_force_dependency_gw_interface": gwif,
        "jinja_subnets": {"for_field": "fixed_ips", "for_mapping": {"output_key": "id", "path": [{"id": "subnet_id", "type": "subnet"}]}},
        "name": "Pid", "security_groups": "Psecurity_groups", "tenant_id": "Ptenant_id", "uuid": "Pid",
        "version": "Vauto_filled", "virtual_machine": "Pdevice_id",
        "virtual_machine_interface_allowed_address_pairs": "Pallowed_address_pairs",
        "virtual_machine_interface_mac_address": "Pmac_address", "virtual_network": "Mnetwork:network_id:id"
    });
    v.as_object().unwrap().clone()
}

const PORT: &str = "ddc14be4-3480-4e97-a978-817b18f9904c";
const NET: &str = "168c1535-9001-49c7-bb05-21844570a83c";
const SUBNET: &str = "707847d0-89d9-4b98-93a2-8b376709c5f3";
const VM: &str = "47531b14-72e9-439d-8949-fd941457ecde";
const TENANT: &str = "fe3a4a1a72c04479bb6c19c2c0ccba4c";

fn port_v3() -> Value {
    json!({"ese_logical_port_id": null, "allowed_address_pairs": [], "device_owner": "compute:nova", "fake_delete": true,
           "fixed_ips": [{"subnet_id": SUBNET, "ip_address": "100.64.193.3"}], "id": PORT, "security_groups": [],
           "mac_address": "fa:16:3e:cf:b0:c4", "status": "PENDING_UPDATE", "device_id": VM,
           "name": "load_balancer-management-port", "admin_state_up": true, "network_id": NET,
           "tenant_id": TENANT, "attached": true, "segmentation_type": "flat"})
}

#[test]
fn port_modify_v3_params_match_the_recorded_job() {
    let r = Mem::default();
    let cfg = port_v3();
    let ctx = Ctx {
        cfg: &cfg,
        rtype: "port",
        version: 3,
        resolver: &r,
    };
    let params = build_params("port", &port_mappings(), &ctx, true).unwrap();
    let v = |name: &str, value: Value| json!({"param": name, "type": "value", "value": value, "resources": []});
    let net = json!({"resource_type": "network", "resource_id": NET});
    let sub = json!({"resource_type": "subnet", "resource_id": SUBNET});
    let expected = json!([
        v("admin_state_up", json!(true)),
        v("device_owner", json!("compute:nova")),
        v("heat_timeout", json!("13")),
        v("jinja_attached", json!(true)),
        v("jinja_device_owner", json!("compute:nova")),
        v("jinja_fixed_ips", json!([{"subnet_id": SUBNET, "ip_address": "100.64.193.3"}])),
        v("jinja_force_dependency_cfg", Value::Null),
        v("jinja_force_dependency_gw_interface", Value::Null),
        {"param": "jinja_subnets", "type": "list",
         "value": [{"param": "jinja_subnets", "type": "output_key",
                    "value": {"output_key": "id", "resource_type": "subnet", "resource_id": SUBNET}, "resources": []}],
         "resources": [sub, sub]},
        v("name", json!(PORT)),
        v("security_groups", json!([])),
        v("tenant_id", json!(TENANT)),
        v("uuid", json!(PORT)),
        v("version", json!(3)),
        v("virtual_machine", json!(VM)),
        v("virtual_machine_interface_allowed_address_pairs", json!([])),
        v("virtual_machine_interface_mac_address", json!("fa:16:3e:cf:b0:c4")),
        {"param": "virtual_network", "type": "output_key",
         "value": {"output_key": "id", "resource_type": "network", "resource_id": NET}, "resources": [net, net]},
    ]);
    assert_eq!(serde_json::to_value(&params).unwrap(), expected);
    // Field order as stored in jobs.
    let text = serde_json::to_string(&params[0]).unwrap();
    assert_eq!(
        text,
        r#"{"param":"admin_state_up","type":"value","value":true,"resources":[]}"#
    );
    // Round trip through the stored form.
    let back: Vec<Param> = serde_json::from_value(expected).unwrap();
    assert_eq!(back, params);
    // create carries L once
    let created = build_params("port", &port_mappings(), &ctx, false).unwrap();
    let vn = created
        .iter()
        .find(|p| p.param == "virtual_network")
        .unwrap();
    assert_eq!(vn.resources, vec![rr("network", NET)]);
}

#[test]
fn port_common_function_gateway_ignore_missing_then_present() {
    let mut cfg = port_v3();
    cfg["device_owner"] = json!("network:common_function_gateway");
    cfg["device_id"] = json!("f649736d");
    let find = |ps: Vec<Param>| {
        ps.into_iter()
            .find(|p| p.param == "jinja_force_dependency_cfg")
            .unwrap()
    };
    let r = Mem::default();
    let p = find(
        build_params(
            "port",
            &port_mappings(),
            &Ctx {
                cfg: &cfg,
                rtype: "port",
                version: 1,
                resolver: &r,
            },
            false,
        )
        .unwrap(),
    );
    assert_eq!((p.value, p.resources), (json!(""), vec![]));
    let r = r.with(
        "common_function_gateway",
        "f649736d",
        json!({"id": "f649736d"}),
    );
    let p = find(
        build_params(
            "port",
            &port_mappings(),
            &Ctx {
                cfg: &cfg,
                rtype: "port",
                version: 2,
                resolver: &r,
            },
            true,
        )
        .unwrap(),
    );
    assert_eq!(p.value, json!("f649736d"));
    assert_eq!(
        p.resources,
        vec![rr("common_function_gateway", "f649736d"); 2]
    );
}

#[test]
fn port_gw_interface_broken_reference_names_template_and_param() {
    let mut cfg = port_v3();
    cfg["device_owner"] = json!("network:gw_interface");
    cfg["device_id"] = json!("3dbcfce5");
    let r = Mem::default();
    let e = build_params(
        "port",
        &port_mappings(),
        &Ctx {
            cfg: &cfg,
            rtype: "port",
            version: 1,
            resolver: &r,
        },
        false,
    )
    .unwrap_err();
    let s = e.to_string();
    assert!(
        s.starts_with("template `port`, param `jinja_force_dependency_gw_interface` (mapping {"),
        "{s}"
    );
    assert!(
        s.contains("hop `gw_interface+device_id`")
            && s.contains("config gw_interface 3dbcfce5 does not exist"),
        "{s}"
    );
    let mut cfg = port_v3();
    cfg.as_object_mut().unwrap().remove("network_id");
    let s = build_params(
        "port",
        &port_mappings(),
        &Ctx {
            cfg: &cfg,
            rtype: "port",
            version: 1,
            resolver: &r,
        },
        false,
    )
    .unwrap_err()
    .to_string();
    assert!(
        s.starts_with(
            "template `port`, param `virtual_network` (mapping \"Mnetwork:network_id:id\")"
        ),
        "{s}"
    );
}

#[test]
fn vnf_instance_modify_v2_params_match_the_recorded_job() {
    let plan = "043fed11-ce3d-48fb-aa8d-13aad5804d83";
    let tpl = "f2123d79-e953-4b61-8aee-a217bee284af";
    let id = "398d65ba-0060-456e-b415-5bc954450717";
    let r = Mem::default()
        .with("vnf_plan", plan, json!({"id": plan, "flavor": "m1.xlarge"}))
        .with(
            "vnf_template",
            tpl,
            json!({"id": tpl, "image": "NSVPX-KVM-10.5-57.7_nc"}),
        );
    let networks = json!([{"port": PORT}, {"port": "23464cbc-d910-430a-93f7-3776ea07f992"}]);
    let cfg = json!({"status": "PENDING_UPDATE", "user_data_format": "RAW", "description": null, "availability_zone": "nova",
                     "tenant_id": TENANT, "vnf_template_id": tpl, "vnf_plan_id": plan, "networks": networks, "reboot": "",
                     "name": "load_balancer-b311c470", "user_data": "", "id": id, "config_drive": false});
    let mappings = json!({"availability_zone": "Pavailability_zone", "config_drive": "Pconfig_drive",
                          "flavor": "Fvnf_plan+vnf_plan_id:flavor", "gohan_id": "Pid", "heat_timeout": "C18",
                          "image": "Fvnf_template+vnf_template_id:image", "name": "Pname", "networks": "Pnetworks",
                          "reboot": "Preboot", "tenant_id": "Ptenant_id", "user_data": "Puser_data",
                          "user_data_format": "Puser_data_format", "version": "Vauto_filled"});
    let ctx = Ctx {
        cfg: &cfg,
        rtype: "vnf_instance",
        version: 2,
        resolver: &r,
    };
    let params = build_params("vnf_instance", mappings.as_object().unwrap(), &ctx, true).unwrap();
    let v = |name: &str, value: Value| json!({"param": name, "type": "value", "value": value, "resources": []});
    let pl = json!({"resource_type": "vnf_plan", "resource_id": plan});
    let tp = json!({"resource_type": "vnf_template", "resource_id": tpl});
    let expected = json!([
        v("availability_zone", json!("nova")),
        v("config_drive", json!(false)),
        {"param": "flavor", "type": "value", "value": "m1.xlarge", "resources": [pl, pl]},
        v("gohan_id", json!(id)),
        v("heat_timeout", json!("18")),
        {"param": "image", "type": "value", "value": "NSVPX-KVM-10.5-57.7_nc", "resources": [tp, tp]},
        v("name", json!("load_balancer-b311c470")),
        v("networks", networks),
        v("reboot", json!("")),
        v("tenant_id", json!(TENANT)),
        v("user_data", json!("")),
        v("user_data_format", json!("RAW")),
        v("version", json!(2)),
    ]);
    assert_eq!(serde_json::to_value(&params).unwrap(), expected);
}

#[test]
fn doubling_repeats_the_whole_list() {
    let r = Mem::default()
        .with("ese_physical_port", "a", json!({"ese_device_id": "b"}))
        .with("ese_device", "b", json!({"ip": "x"}));
    let mut m = Map::new();
    m.insert(
        "ip".into(),
        json!("Fese_physical_port+pp:ese_device+ese_device_id:ip"),
    );
    let cfg = json!({"pp": "a"});
    let ps = build_params(
        "t",
        &m,
        &Ctx {
            cfg: &cfg,
            rtype: "ese_logical_port",
            version: 1,
            resolver: &r,
        },
        true,
    )
    .unwrap();
    let (a, b) = (rr("ese_physical_port", "a"), rr("ese_device", "b"));
    assert_eq!(ps[0].resources, vec![a.clone(), b.clone(), a, b]);
}
