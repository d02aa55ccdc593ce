//! Unit tests for the mapping language. Fixtures are modeled on spec §5 examples and the
//! recorded seed jobs (ids kept recognisable, configs trimmed to what the mappings read).

use std::collections::HashMap;

use serde_json::json;

use super::*;

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

#[test]
fn p_form_reads_field_or_null() {
    let cfg = json!({"id": "b761b0cd", "admin_state_up": true, "n": 0});
    let r = Mem::default();
    assert_eq!(
        ok(json!("Pid"), &cfg, "network", &r),
        (Val, json!("b761b0cd"), vec![])
    );
    assert_eq!(
        ok(json!("Padmin_state_up"), &cfg, "network", &r).1,
        json!(true)
    );
    assert_eq!(ok(json!("Pmissing"), &cfg, "network", &r).1, Value::Null);
}

#[test]
fn c_form_is_always_a_string() {
    let r = Mem::default();
    let cfg = json!({});
    assert_eq!(
        ok(json!("C13"), &cfg, "port", &r),
        (Val, json!("13"), vec![])
    );
    assert_eq!(ok(json!("CFalse"), &cfg, "port", &r).1, json!("False"));
    let ipam = "default-domain:default-project:default-network-ipam";
    assert_eq!(
        ok(json!(format!("C{ipam}")), &cfg, "subnet", &r).1,
        json!(ipam)
    );
    assert_eq!(ok(json!("C"), &cfg, "subnet", &r).1, json!(""));
}

#[test]
fn v_form_and_version_object_give_the_integer_version() {
    let r = Mem::default();
    assert_eq!(
        ok(json!("Vauto_filled"), &json!({}), "port", &r),
        (Val, json!(2), vec![])
    );
    assert_eq!(
        ok(
            json!({"version": "auto_filled"}),
            &json!({}),
            "load_balancer",
            &r
        ),
        (Val, json!(2), vec![])
    );
}

#[test]
fn m_form_gives_output_key_without_loading() {
    let r = Mem::default(); // network config absent: M only needs the id
    let cfg = json!({"network_id": "168c1535"});
    let (t, v, res) = ok(json!("Mnetwork:network_id:id"), &cfg, "port", &r);
    assert_eq!(t, OutputKey);
    assert_eq!(
        v,
        json!({"output_key": "id", "resource_type": "network", "resource_id": "168c1535"})
    );
    assert_eq!(
        serde_json::to_string(&v).unwrap(),
        r#"{"output_key":"id","resource_type":"network","resource_id":"168c1535"}"#
    );
    assert_eq!(res, vec![rr("network", "168c1535")]);
    let e = ev(
        json!("Mnetwork:network_id:id"),
        &json!({"network_id": null}),
        "port",
        &r,
    )
    .unwrap_err();
    assert!(e.to_string().contains("network+network_id"), "{e}");
    assert!(matches!(
        ev(json!("Mnetwork:id"), &cfg, "port", &r),
        Err(MappingError::Param { .. })
    ));
}

fn ese_world() -> Mem {
    Mem::default()
        .with(
            "ese_physical_port",
            "0915a040",
            json!({"ese_device_id": "61a05e50"}),
        )
        .with(
            "ese_device",
            "61a05e50",
            json!({"management_ip_address": "10.161.0.33"}),
        )
        .with(
            "vpn_gateway",
            "b1da850c",
            json!({"connected_vpn_interface": "07d4f1fc"}),
        )
        .with("vpn_interface", "07d4f1fc", json!({"id": "07d4f1fc"}))
}

#[test]
fn f_form_follows_hops() {
    let r = ese_world();
    let cfg = json!({"ese_physical_port_id": "0915a040"});
    let m = json!(
        "Fese_physical_port+ese_physical_port_id:ese_device+ese_device_id:management_ip_address"
    );
    assert_eq!(
        ok(m, &cfg, "ese_logical_port", &r),
        (
            Val,
            json!("10.161.0.33"),
            vec![
                rr("ese_physical_port", "0915a040"),
                rr("ese_device", "61a05e50")
            ]
        )
    );
    let m = json!("Fvpn_gateway+vpn_gw_id:vpn_interface+connected_vpn_interface:id");
    assert_eq!(
        ok(m, &json!({"vpn_gw_id": "b1da850c"}), "gw_interface", &r),
        (
            Val,
            json!("07d4f1fc"),
            vec![
                rr("vpn_gateway", "b1da850c"),
                rr("vpn_interface", "07d4f1fc")
            ]
        )
    );
}

#[test]
fn f_form_broken_reference_names_the_hop() {
    let r = ese_world();
    let m = json!(
        "Fese_physical_port+ese_physical_port_id:ese_device+ese_device_id:management_ip_address"
    );
    let e = ev(
        m.clone(),
        &json!({"ese_physical_port_id": "nope"}),
        "ese_logical_port",
        &r,
    )
    .unwrap_err();
    let s = e.to_string();
    assert!(
        s.contains("hop `ese_physical_port+ese_physical_port_id`") && s.contains("does not exist"),
        "{s}"
    );
    let e = ev(m, &json!({}), "ese_logical_port", &r)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("ese_physical_port+ese_physical_port_id") && e.contains("absent or null"),
        "{e}"
    );
    assert!(ev(json!("Fnohop"), &json!({}), "x", &r).is_err());
    assert!(ev(json!("Fa+b"), &json!({}), "x", &r).is_err());
}

#[test]
fn o_form_reads_nested_key() {
    let cfg = json!({"primary": {"bgp_peer_ip": "192.168.8.1", "ip_address": "192.168.8.2/30"}});
    let r = Mem::default();
    assert_eq!(
        ok(json!("Oprimary:bgp_peer_ip"), &cfg, "vpn_interface", &r),
        (Val, json!("192.168.8.1"), vec![])
    );
    assert_eq!(
        ok(json!("Oprimary:ip_address"), &cfg, "vpn_interface", &r).1,
        json!("192.168.8.2/30")
    );
    assert_eq!(
        ok(json!("Osecondary:ip_address"), &cfg, "vpn_interface", &r).1,
        Value::Null
    );
}

#[test]
fn a_form_concatenates_parts_and_resources() {
    let r = Mem::default()
        .with(
            "qos_option",
            "0e6b35d9",
            json!({"incoming_policer_name": "10M-GA-UP-INET"}),
        )
        .with(
            "internet_gateway",
            "f6e8c695",
            json!({"vrf_name": "vrf_gw_1025"}),
        );
    let cfg = json!({"vrf_name": "vrf_gw_1025", "qos_option_id": "0e6b35d9", "internet_gw_id": "f6e8c695",
                     "n": 7, "b": false, "z": null});
    assert_eq!(
        ok(json!("APvrf_name&C_IN"), &cfg, "internet_gateway", &r),
        (Val, json!("vrf_gw_1025_IN"), vec![])
    );
    assert_eq!(
        ok(
            json!("ACFILTER_&Fqos_option+qos_option_id:incoming_policer_name"),
            &cfg,
            "internet_gateway",
            &r
        ),
        (
            Val,
            json!("FILTER_10M-GA-UP-INET"),
            vec![rr("qos_option", "0e6b35d9")]
        )
    );
    assert_eq!(
        ok(
            json!("AFinternet_gateway+internet_gw_id:vrf_name&C_prefix"),
            &cfg,
            "public_ip",
            &r
        ),
        (
            Val,
            json!("vrf_gw_1025_prefix"),
            vec![rr("internet_gateway", "f6e8c695")]
        )
    );
    // Python str(): numbers as text, True/False, None.
    assert_eq!(
        ok(json!("APn&C-&Pb&C-&Pz&C-&Pabsent"), &cfg, "x", &r).1,
        json!("7-False-None-None")
    );
    assert!(ev(json!("APn&Vx"), &cfg, "x", &r).is_err());
}

#[test]
fn constant_is_returned_unchanged() {
    let r = Mem::default();
    for c in [
        json!(3),
        json!("3"),
        Value::Null,
        json!(false),
        json!([]),
        json!({"a": 1}),
    ] {
        assert_eq!(
            ok(
                json!({"constant": c.clone()}),
                &json!({}),
                "firewall_interface",
                &r
            ),
            (Val, c, vec![])
        );
    }
}

#[test]
fn field_without_path() {
    let r = Mem::default();
    let cfg = json!({"admin_username": "user-admin"});
    assert_eq!(
        ok(json!({"field": "admin_username"}), &cfg, "firewall", &r),
        (Val, json!("user-admin"), vec![])
    );
    assert_eq!(
        ok(
            json!({"field": "default_gateway"}),
            &cfg,
            "load_balancer_conf",
            &r
        )
        .1,
        Value::Null
    );
}

fn lb_world() -> Mem {
    Mem::default()
        .rel(
            "load_balancer_interface",
            "load_balancer_id",
            "load_balancer",
        )
        .rel("load_balancer", "vnf_instance_id", "vnf_instance")
        .rel("load_balancer_conf", "vnf_instance_id", "vnf_instance")
        .rel(
            "load_balancer_conf",
            "load_balancer_plan_id",
            "load_balancer_plan",
        )
        .with(
            "load_balancer",
            "b311c470",
            json!({"vnf_instance_id": "398d65ba"}),
        )
        .with(
            "vnf_instance",
            "398d65ba",
            json!({"management_ip": "100.64.193.3"}),
        )
}

#[test]
fn field_path_with_relation_hops() {
    let r = lb_world();
    let m = json!({"field": "management_ip", "path": ["load_balancer_id", "vnf_instance_id"]});
    assert_eq!(
        ok(
            m,
            &json!({"load_balancer_id": "b311c470"}),
            "load_balancer_interface",
            &r
        ),
        (
            Val,
            json!("100.64.193.3"),
            vec![
                rr("load_balancer", "b311c470"),
                rr("vnf_instance", "398d65ba")
            ]
        )
    );
    let e = ev(
        json!({"field": "x", "path": ["nope_id"]}),
        &json!({"nope_id": "1"}),
        "load_balancer",
        &r,
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .contains("no relation for field `nope_id` of resource type `load_balancer`"),
        "{e}"
    );
}

#[test]
fn field_path_with_object_hop() {
    let r = Mem::default().with("network", "afa0d9d6", json!({"id": "afa0d9d6"}));
    let m = json!({"field": "id", "path": [{"id": "network_id", "type": "network"}]});
    assert_eq!(
        ok(m, &json!({"network_id": "afa0d9d6"}), "gw_interface", &r),
        (Val, json!("afa0d9d6"), vec![rr("network", "afa0d9d6")])
    );
}

#[test]
fn field_path_broken_reference_is_an_error_naming_the_hop() {
    let r = lb_world();
    let m = json!({"field": "management_ip", "path": ["load_balancer_id", "vnf_instance_id"]});
    let e = ev(
        m,
        &json!({"load_balancer_id": "gone"}),
        "load_balancer_interface",
        &r,
    )
    .unwrap_err()
    .to_string();
    assert!(e.starts_with("param `p`"), "{e}");
    assert!(
        e.contains("hop `load_balancer_id → load_balancer`")
            && e.contains("config load_balancer gone does not exist"),
        "{e}"
    );
}

#[test]
fn ignore_missing_three_cases() {
    let r = Mem::default().with("subnet", "cf9356ae", json!({"id": "cf9356ae"}));
    let m = |id: &str, t: &str| json!({"field": "id", "ignore_missing": true, "path": [{"id": id, "type": t}]});
    // hop id null
    assert_eq!(
        ok(
            m("public_ip_id", "public_ip"),
            &json!({"public_ip_id": null}),
            "gw_interface",
            &r
        ),
        (Val, json!(""), vec![])
    );
    // referenced config does not exist (yet)
    let cfg = json!({"device_id": "f649736d"});
    assert_eq!(
        ok(m("device_id", "common_function_gateway"), &cfg, "port", &r),
        (Val, json!(""), vec![])
    );
    // target exists
    assert_eq!(
        ok(
            m("subnet_id", "subnet"),
            &json!({"subnet_id": "cf9356ae"}),
            "common_function_gateway",
            &r
        ),
        (Val, json!("cf9356ae"), vec![rr("subnet", "cf9356ae")])
    );
    // ignore_missing does not hide schema errors
    let bad = json!({"field": "id", "ignore_missing": true, "path": ["nope"]});
    assert!(ev(bad, &json!({"nope": "x"}), "port", &r).is_err());
}

#[test]
fn output_key_path_loads_intermediate_hops_only() {
    let r = lb_world().rel(
        "load_balancer_syslog_server",
        "load_balancer_id",
        "load_balancer",
    );
    // vnf_instance 398d65ba is loaded by nobody: drop it to prove the last hop is not loaded.
    let mut r2 = lb_world().rel(
        "load_balancer_syslog_server",
        "load_balancer_id",
        "load_balancer",
    );
    r2.configs
        .remove(&("vnf_instance".to_string(), "398d65ba".to_string()));
    let m = json!({"output_key": "server_id", "path": ["vnf_instance_id"]});
    let (t, v, res) = ok(
        m,
        &json!({"vnf_instance_id": "398d65ba"}),
        "load_balancer_conf",
        &r2,
    );
    assert_eq!(t, OutputKey);
    assert_eq!(
        v,
        json!({"output_key": "server_id", "resource_type": "vnf_instance", "resource_id": "398d65ba"})
    );
    assert_eq!(res, vec![rr("vnf_instance", "398d65ba")]);
    let m = json!({"output_key": "server_id", "path": ["load_balancer_id", "vnf_instance_id"]});
    assert_eq!(
        ok(
            m.clone(),
            &json!({"load_balancer_id": "b311c470"}),
            "load_balancer_syslog_server",
            &r
        )
        .2,
        vec![
            rr("load_balancer", "b311c470"),
            rr("vnf_instance", "398d65ba")
        ]
    );
    let e = ev(
        m,
        &json!({"load_balancer_id": "gone"}),
        "load_balancer_syslog_server",
        &r,
    )
    .unwrap_err();
    assert!(
        e.to_string().contains("load_balancer_id → load_balancer"),
        "{e}"
    );
}

#[test]
fn for_field_output_key_gives_list() {
    let r = Mem::default();
    let cfg = json!({"fixed_ips": [{"subnet_id": "707847d0", "ip_address": "100.64.193.3"}, {"subnet_id": "707847d0"}]});
    let m = json!({"for_field": "fixed_ips", "for_mapping": {"output_key": "id", "path": [{"id": "subnet_id", "type": "subnet"}]}});
    let e = eval(
        &m,
        "jinja_subnets",
        &Ctx {
            cfg: &cfg,
            rtype: "port",
            version: 1,
            resolver: &r,
        },
    )
    .unwrap();
    assert_eq!(e.ptype, List);
    let item = json!({"param": "jinja_subnets", "type": "output_key",
                      "value": {"output_key": "id", "resource_type": "subnet", "resource_id": "707847d0"}, "resources": []});
    assert_eq!(e.value, json!([item.clone(), item]));
    assert_eq!(
        e.resources,
        vec![rr("subnet", "707847d0"), rr("subnet", "707847d0")]
    );
}

#[test]
fn for_field_over_ids_uses_the_element_itself() {
    let r = Mem::default();
    let m = json!({"for_field": "port_ids", "for_mapping": {"output_key": "id", "path": [{"id": "", "type": "port"}]}});
    let (t, v, res) = ok(
        m,
        &json!({"port_ids": ["3a04e6ed"]}),
        "ese_logical_port",
        &r,
    );
    assert_eq!(t, List);
    assert_eq!(
        v[0]["value"],
        json!({"output_key": "id", "resource_type": "port", "resource_id": "3a04e6ed"})
    );
    assert_eq!(res, vec![rr("port", "3a04e6ed")]);
    // non-object element reads fields as from {}
    let m = json!({"for_field": "ids", "for_mapping": {"field": "x"}});
    assert_eq!(
        ok(m, &json!({"ids": ["a", 1]}), "x", &r).1,
        json!([null, null])
    );
}

#[test]
fn for_field_value_and_mapping_source() {
    let r = Mem::default()
        .rel(
            "common_function_gateway",
            "common_function_pool_id",
            "common_function_pool",
        )
        .with(
            "common_function",
            "637aa51a",
            json!({"common_function_number": 1}),
        )
        .with(
            "common_function",
            "b7ff279d",
            json!({"common_function_number": 2}),
        )
        .with(
            "common_function_pool",
            "2d4a700d",
            json!({"vrrp_config": [{"vrid": 41}, {"vrid": 42}]}),
        );
    let cfg = json!({"common_functions": [{"common_function_id": "637aa51a"}, {"common_function_id": "b7ff279d"}],
                     "common_function_pool_id": "2d4a700d", "empty": []});
    let m = json!({"for_field": "common_functions",
                   "for_mapping": {"field": "common_function_number", "path": [{"id": "common_function_id", "type": "common_function"}]}});
    assert_eq!(
        ok(m, &cfg, "common_function_gateway", &r),
        (
            Val,
            json!([1, 2]),
            vec![
                rr("common_function", "637aa51a"),
                rr("common_function", "b7ff279d")
            ]
        )
    );
    let m = json!({"for_field": {"field": "vrrp_config", "path": ["common_function_pool_id"]}, "for_mapping": {"field": "vrid"}});
    assert_eq!(
        ok(m, &cfg, "common_function_gateway", &r),
        (
            Val,
            json!([41, 42]),
            vec![rr("common_function_pool", "2d4a700d")]
        )
    );
    // empty lists: type from the shape of for_mapping
    let m = json!({"for_field": "empty", "for_mapping": {"output_key": "id", "path": [{"id": "", "type": "port"}]}});
    assert_eq!(ok(m, &cfg, "x", &r), (List, json!([]), vec![]));
    let m = json!({"for_field": "absent", "for_mapping": {"field": "vrid"}});
    assert_eq!(ok(m, &cfg, "x", &r), (Val, json!([]), vec![]));
    let m = json!({"for_field": "common_function_pool_id", "for_mapping": {"field": "vrid"}});
    assert!(
        matches!(ev(m, &cfg, "x", &r).unwrap_err(), MappingError::Param { cause, .. } if matches!(*cause, MappingError::NotAList { .. }))
    );
}

#[test]
fn if_equal_picks_branch_and_ignores_operand_resources() {
    let r = Mem::default().with("gw_interface", "3dbcfce5", json!({"id": "3dbcfce5"}));
    let m = json!({"if_mapping": {"equal": [{"field": "device_owner"}, {"constant": "network:gw_interface"}]},
                   "then_mapping": {"field": "id", "path": [{"id": "device_id", "type": "gw_interface"}]},
                   "else_mapping": {"constant": null}});
    let gw = json!({"device_owner": "network:gw_interface", "device_id": "3dbcfce5"});
    assert_eq!(
        ok(m.clone(), &gw, "port", &r),
        (Val, json!("3dbcfce5"), vec![rr("gw_interface", "3dbcfce5")])
    );
    let nova = json!({"device_owner": "compute:nova", "device_id": "47531b14"});
    assert_eq!(ok(m, &nova, "port", &r), (Val, Value::Null, vec![]));
    // operand with references contributes none
    let r = r.with("network", "n1", json!({"name": "x"}));
    let m = json!({"if_mapping": {"equal": ["Fnetwork+network_id:name", {"constant": "x"}]},
                   "then_mapping": {"constant": 1}, "else_mapping": {"constant": 2}});
    assert_eq!(
        ok(m, &json!({"network_id": "n1"}), "port", &r),
        (Val, json!(1), vec![])
    );
}

#[test]
fn if_regexp_is_anchored_at_start_only() {
    let r = Mem::default();
    let m = |re: &str| {
        json!({"if_mapping": {"regexp": [{"field": "s"}, {"constant": re}]},
                              "then_mapping": {"constant": true}, "else_mapping": {"constant": false}})
    };
    let t = |re: &str, s: Value| ok(m(re), &json!({"s": s}), "port", &r).1;
    assert_eq!(
        t("network:dhcp|network:empty", json!("network:dhcp")),
        json!(true)
    );
    assert_eq!(
        t("network:dhcp|network:empty", json!("network:empty")),
        json!(true)
    );
    assert_eq!(
        t("network:dhcp|network:empty", json!("network:dhcp_x")),
        json!(true)
    ); // not anchored at end
    assert_eq!(
        t("network:dhcp|network:empty", json!("xnetwork:dhcp")),
        json!(false)
    ); // anchored at start
    assert_eq!(t("network:dhcp", Value::Null), json!(false));
    assert_eq!(t("1", json!(1)), json!(false));
    let e = ev(m("("), &json!({"s": "a"}), "port", &r)
        .unwrap_err()
        .to_string();
    assert!(e.contains("bad regexp \"(\""), "{e}");
}

#[test]
fn unknown_forms_are_rejected_naming_the_param() {
    let r = Mem::default();
    for m in [
        json!({"foo": 1}),
        json!("Zabc"),
        json!(""),
        json!(5),
        Value::Null,
        json!(["Pid"]),
    ] {
        let e = eval(
            &m,
            "heat_timeout",
            &Ctx {
                cfg: &json!({}),
                rtype: "port",
                version: 1,
                resolver: &r,
            },
        )
        .unwrap_err();
        assert!(e.to_string().starts_with("param `heat_timeout`"), "{e}");
    }
    let e = ev(json!({"for_field": "x"}), &json!({}), "port", &r)
        .unwrap_err()
        .to_string();
    assert!(e.contains("`for_mapping` is missing"), "{e}");
    // priority: constant wins over field
    assert_eq!(
        ok(
            json!({"field": "a", "constant": 9}),
            &json!({"a": 1}),
            "x",
            &r
        )
        .1,
        json!(9)
    );
}

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
