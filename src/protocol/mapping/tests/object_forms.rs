//! The object forms of a mapping: constant, version, field (+path, hops, ignore_missing),
//! output_key, for_field/for_mapping and if_mapping, spec §5.
use serde_json::json;

use super::*;

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
