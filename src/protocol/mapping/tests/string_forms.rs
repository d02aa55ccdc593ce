//! The string forms of a mapping: P, C, V, M, F, O and A (with `&`), spec §5.
use serde_json::json;

use super::*;

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
