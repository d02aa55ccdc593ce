//! The bundled sample: the deployment it writes and the templates it renders.

use std::collections::HashMap;

use serde_json::{json, Value};

use super::*;
use crate::protocol::mapping::{build_params, Ctx, Resolver};
use crate::store::embedded::EmbeddedStore;
use crate::store::{Kv, Range, WatchMessage};

#[test]
fn encode_config_sorts_keys_and_escapes_html() {
    let rec = json!({"version": 2, "marked_for_deletion": false,
                     "body": {"z": 1, "a": "x & <y>", "m": {"b": true, "a": null}}});
    let raw = encode_config(&rec);
    assert_eq!(
        raw,
        r#"{"body":"{\"a\":\"x \\u0026 \\u003cy\\u003e\",\"m\":{\"a\":null,\"b\":true},\"z\":1}","marked_for_deletion":false,"version":2}"#
    );
    let outer: Value = serde_json::from_str(&raw).unwrap();
    let body: Value = serde_json::from_str(outer["body"].as_str().unwrap()).unwrap();
    assert_eq!(body, rec["body"]);
}

#[test]
fn encode_state_writes_heat_outputs_as_a_python_string() {
    let outputs = json!([{"output_value": ["a", 1], "description": "d", "output_key": "k"}]);
    let rec = json!({"error": "", "state": {"heat_outputs": outputs, "worker_state": "CREATE_COMPLETED"}, "version": 1});
    let raw = encode_state(&rec);
    assert_eq!(
        raw,
        r#"{"error": "", "state": {"heat_outputs": "[{\"output_value\": [\"a\", 1], \"description\": \"d\", \"output_key\": \"k\"}]", "worker_state": "CREATE_COMPLETED"}, "version": 1}"#
    );
    let back: Value = serde_json::from_str(&raw).unwrap();
    let inner: Value =
        serde_json::from_str(back["state"]["heat_outputs"].as_str().unwrap()).unwrap();
    assert_eq!(inner, outputs);
    // Non-workable states have no outputs and stay as they are.
    let plain = json!({"error": "", "state": {"worker_state": "READ_COMPLETE"}, "version": 1});
    assert_eq!(
        encode_state(&plain),
        r#"{"error": "", "state": {"worker_state": "READ_COMPLETE"}, "version": 1}"#
    );
}

#[test]
fn python_json_matches_json_dumps() {
    let v = json!({"b": [1, "é\n\"𝄞"], "a": {}, "c": [], "d": null, "e": 1.5});
    assert_eq!(
        python_json(&v),
        r#"{"b": [1, "\u00e9\n\"\ud834\udd1e"], "a": {}, "c": [], "d": null, "e": 1.5}"#
    );
}

fn render(template: &Value, ctx: Value) -> serde_yaml_ng::Value {
    let text = template["body"]["template_file"].as_str().unwrap();
    let out = minijinja::Environment::new()
        .render_str(text, ctx)
        .expect("template renders");
    serde_yaml_ng::from_str(&out).unwrap_or_else(|e| panic!("invalid YAML ({e}):\n{out}"))
}

fn keys(v: &serde_yaml_ng::Value, section: &str) -> Vec<String> {
    let map = v[section]
        .as_mapping()
        .unwrap_or_else(|| panic!("no {section}"));
    map.keys()
        .map(|k| k.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn templates_render_to_hot_yaml() {
    let all: HashMap<String, Value> = templates().into_iter().collect();
    assert_eq!(all.len(), 5);
    let port_ctx = |attached: bool| {
        json!({"jinja_device_owner": "compute:nova", "jinja_attached": attached,
               "jinja_fixed_ips": [{"subnet_id": SUBNETS[0], "ip_address": "100.64.193.3"},
                                   {"subnet_id": SUBNETS[1], "ip_address": "10.121.232.3"}],
               "jinja_subnets": ["c4e9a0b2-6d17-4f3c-9a85-0b7e2d6f1c93", "e81b5d3a-2c70-4e9f-b6d4-9a3f0c7e2b15"]})
    };
    // (template, context, output keys, monitoring target (resource_type, field_name))
    type Case<'a> = (&'a str, Value, &'a [&'a str], Option<(&'a str, &'a str)>);
    let expect: [Case; 6] = [
        (
            "port",
            port_ctx(true),
            &[
                "fq_name",
                "allowed_address_pairs",
                "mac_address",
                "virtual_network",
                "id",
                "monitoring_target_id",
                "monitoring_link",
            ],
            Some(("ports", "vmi")),
        ),
        (
            "port",
            port_ctx(false),
            &[
                "fq_name",
                "allowed_address_pairs",
                "mac_address",
                "virtual_network",
                "id",
            ],
            None,
        ),
        (
            "vnf_instance",
            json!({}),
            &["server_id", "monitoring_target_id", "monitoring_link"],
            Some(("vnf_instances", "server")),
        ),
        (
            "network",
            json!({}),
            &["id", "name", "fq_name", "route_targets"],
            None,
        ),
        (
            "subnet",
            json!({}),
            &[
                "id",
                "name",
                "network_id",
                "ip_prefix",
                "default_gateway",
                "ipam",
            ],
            None,
        ),
        (
            "load_balancer",
            json!({"jinja_force_dependency": LB_CONF}),
            &["monitoring_target_id", "monitoring_link"],
            Some(("load_balancers", "load_balancer")),
        ),
    ];
    for (id, ctx, outputs, monitor) in expect {
        let rec = &all[id];
        assert_eq!(rec["body"]["id"], id);
        assert_eq!(rec["body"]["handler"], "heat_worker");
        assert_eq!(
            (rec["version"].clone(), rec["marked_for_deletion"].clone()),
            (json!(1), json!(false))
        );
        let hot = render(rec, ctx);
        assert_eq!(keys(&hot, "outputs"), outputs.to_vec(), "{id}");
        // Every stack parameter the job manager sends must be declared (Heat rejects others).
        let declared = keys(&hot, "parameters");
        for name in rec["body"]["parameter_mappings"]
            .as_object()
            .unwrap()
            .keys()
        {
            if !name.starts_with("jinja_") && name != "heat_timeout" {
                assert!(
                    declared.contains(name),
                    "{id}: parameter {name} not declared"
                );
            }
        }
        let monitors: Vec<_> = hot["resources"]
            .as_mapping()
            .unwrap()
            .values()
            .filter(|r| r["type"].as_str() == Some("ESI::Monitoring::MonitoringTarget"))
            .map(|r| {
                (
                    r["properties"]["resource_type"].as_str().unwrap(),
                    r["properties"]["field_name"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(monitors, monitor.into_iter().collect::<Vec<_>>(), "{id}");
    }
    let port = render(&all["port"], port_ctx(true));
    assert_eq!(
        port["resources"]["instance_ip_1"]["properties"]["subnet_id"],
        "e81b5d3a-2c70-4e9f-b6d4-9a3f0c7e2b15"
    );
}

async fn get(store: &EmbeddedStore, key: &str) -> Option<Kv> {
    store
        .range(&Range::key(key), None)
        .await
        .unwrap()
        .1
        .kvs
        .into_iter()
        .next()
}

async fn json_at(store: &EmbeddedStore, key: &str) -> Value {
    let kv = get(store, key)
        .await
        .unwrap_or_else(|| panic!("{key} missing"));
    serde_json::from_slice(&kv.value).unwrap()
}

async fn count(store: &EmbeddedStore, prefix: &str) -> usize {
    store
        .range(&Range::prefix(prefix), None)
        .await
        .unwrap()
        .1
        .kvs
        .len()
}

/// `/config/...` bodies are double-encoded.
fn decode_config(kv: &Kv) -> Value {
    let mut v: Value = serde_json::from_slice(&kv.value).unwrap();
    v["body"] = serde_json::from_str(v["body"].as_str().unwrap()).unwrap();
    v
}

#[tokio::test]
async fn populate_writes_the_deployment() {
    let store = EmbeddedStore::new();
    let info = populate(&store).await.unwrap();
    assert_eq!(info.deleting_port, PORT_USER);
    assert_eq!(info.modified_port, PORT_MGMT);
    assert_eq!(info.ports.len(), 3);
    assert_eq!(count(&store, "/config/v2.0/heat_templates/").await, 5);
    let mut named = vec![
        ("vnf_instance", &info.vnf_instance),
        ("load_balancer", &info.load_balancer),
    ];
    named.extend(info.ports.iter().map(|id| ("port", id)));
    named.extend(info.networks.iter().map(|id| ("network", id)));
    named.extend(info.subnets.iter().map(|id| ("subnet", id)));
    for (t, id) in named {
        assert!(
            get(&store, &key("/config", t, id)).await.is_some(),
            "{t} {id}"
        );
    }

    // The port being deleted: config v4 marked, state still v3, job ready and untaken.
    let cfg = decode_config(
        &get(&store, &format!("/config/v2.0/ports/{PORT_USER}"))
            .await
            .unwrap(),
    );
    assert_eq!(
        (cfg["version"].clone(), cfg["marked_for_deletion"].clone()),
        (json!(4), json!(true))
    );
    assert_eq!(cfg["body"]["status"], "PENDING_DELETE");
    assert_eq!(
        json_at(&store, &format!("/state/v2.0/ports/{PORT_USER}")).await["version"],
        3
    );
    let copy = json_at(
        &store,
        &format!("/esi-worker/config/v2.0/ports/{PORT_USER}"),
    )
    .await;
    assert_eq!(
        (copy["deleted"].clone(), copy["version"].clone()),
        (json!(true), json!(4))
    );
    let job_id = format!("logical_delete:heat_worker:port:{PORT_USER}:4:ajjld");
    let all = store
        .range(&Range::prefix("/jobs/all/"), None)
        .await
        .unwrap()
        .1
        .kvs;
    assert_eq!(
        all.iter().map(|kv| kv.key.clone()).collect::<Vec<_>>(),
        vec![format!("/jobs/all/{job_id}")]
    );
    assert_eq!(
        get(&store, &format!("/jobs/ready/{job_id}"))
            .await
            .unwrap()
            .value,
        b"heat_worker"
    );
    for dir in [
        "/jobs/working/",
        "/jobs/waiting/",
        "/jobs/finished/",
        "/esi-worker/job_state/",
        "/worker-workflow-jobs",
    ] {
        assert_eq!(count(&store, dir).await, 0, "{dir}");
    }
    let job: Value = serde_json::from_slice(&all[0].value).unwrap();
    assert_eq!(
        (job[0].clone(), job[2].clone()),
        (json!("heat_worker"), json!(0))
    );
    let job = &job[1];
    assert_eq!(job["resource_input"], cfg["body"]);
    assert_eq!(job["params"].as_array().unwrap().len(), 18);
    let param = |name: &str| {
        job["params"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["param"] == name)
            .unwrap()
            .clone()
    };
    let net = json!({"resource_type": "network", "resource_id": NETWORKS[1]});
    assert_eq!(param("virtual_network")["resources"], json!([net, net]));
    let subnets = param("jinja_subnets");
    assert_eq!(subnets["type"], "list");
    assert_eq!(
        subnets["value"][0]["value"],
        json!({"output_key": "id", "resource_type": "subnet", "resource_id": SUBNETS[1]})
    );
    assert_eq!(subnets["resources"].as_array().unwrap().len(), 2);

    // Monitoring as the collectors write it (Go compact, sorted keys).
    let mon = |p: &str, id: &str| format!("/monitoring/v2.0/{p}/{id}");
    assert_eq!(
        get(&store, &mon("ports", PORT_MGMT)).await.unwrap().value,
        br#"{"version":3,"vmi":"FAIL"}"#
    );
    assert_eq!(
        get(&store, &mon("vnf_instances", VNF_INSTANCE))
            .await
            .unwrap()
            .value,
        br#"{"server":"UP","version":2}"#
    );
    assert_eq!(
        get(&store, &mon("load_balancers", LOAD_BALANCER))
            .await
            .unwrap()
            .value,
        br#"{"load_balancer":"UP","version":1}"#
    );
    assert!(
        get(&store, &mon("ports", PORT_SERVICE)).await.is_none(),
        "unattached port has no monitor"
    );

    // State: Python style with encoded outputs; the seed 001 outputs of the management port.
    let raw = get(&store, &format!("/state/v2.0/ports/{PORT_MGMT}"))
        .await
        .unwrap();
    assert!(raw
        .value_str()
        .starts_with(r#"{"error": "", "state": {"heat_outputs": "[{\"output_value\": "#));
    let state: Value = serde_json::from_slice(&raw.value).unwrap();
    assert_eq!(state["version"], 3);
    assert_eq!(state["state"]["worker_state"], "MODIFY_COMPLETED");
    let outputs: Value =
        serde_json::from_str(state["state"]["heat_outputs"].as_str().unwrap()).unwrap();
    assert_eq!(outputs.as_array().unwrap().len(), 7);
    let stack = json_at(
        &store,
        &format!("/esi-worker/heat_stacks/v2.0/ports/{PORT_SERVICE}"),
    )
    .await;
    assert_eq!(stack["stack_id"], format!("port_{PORT_SERVICE}"));
    assert_eq!(stack["id"], format!("port:{PORT_SERVICE}"));
    assert_eq!(
        stack["status_reason"],
        "Stack CREATE completed successfully"
    );
    assert_eq!(stack["output"].as_array().unwrap().len(), 5);

    // Everything else is in sync: every workable or non-workable config has its state.
    for kv in store
        .range(&Range::prefix("/config/"), None)
        .await
        .unwrap()
        .1
        .kvs
    {
        if kv.key.starts_with("/config/v2.0/heat_templates/") {
            continue;
        }
        let cfg = decode_config(&kv);
        let state = json_at(&store, &kv.key.replacen("/config/", "/state/", 1)).await;
        let copy = json_at(
            &store,
            &kv.key.replacen("/config/", "/esi-worker/config/", 1),
        )
        .await;
        assert_eq!(copy["version"], cfg["version"], "{}", kv.key);
        if !kv.key.ends_with(PORT_USER) {
            assert_eq!(state["version"], cfg["version"], "{}", kv.key);
        }
    }
    assert!(
        get(&store, &format!("/config/common/v1.0/tenants/{TENANT}"))
            .await
            .is_some()
    );
    let lb = get(
        &store,
        &format!("/config/v2.0/load_balancers/{LOAD_BALANCER}"),
    )
    .await
    .unwrap();
    assert!(
        lb.value_str().contains(r"\\u0026 its \\u003cVIP\\u003e"),
        "Go HTML escaping in the body"
    );

    // Deterministic: a second run writes the very same keys, values and revisions.
    let again = EmbeddedStore::new();
    populate(&again).await.unwrap();
    let dump = |s: EmbeddedStore| async move { s.range(&Range::prefix("/"), None).await.unwrap() };
    let (a, b) = (dump(store.clone()).await, dump(again).await);
    assert_eq!(a.0, b.0);
    assert_eq!(a.1.kvs, b.1.kvs);
    // A store that already holds the sample is refused before anything is written.
    let rev = store.range(&Range::key("/"), None).await.unwrap().0;
    assert!(matches!(populate(&store).await, Err(EsiError::Conflict(_))));
    assert_eq!(store.range(&Range::key("/"), None).await.unwrap().0, rev);
}

/// Configs at one revision, for the engine's resolver.
struct Snapshot(HashMap<(String, String), Value>);

impl Resolver for Snapshot {
    fn load(&self, rtype: &str, id: &str) -> Option<Value> {
        self.0.get(&(rtype.to_string(), id.to_string())).cloned()
    }
    fn relation(&self, rtype: &str, field: &str) -> Option<String> {
        match (rtype, field) {
            ("load_balancer", "load_balancer_conf_id") => Some("load_balancer_conf".into()),
            ("load_balancer", "vnf_instance_id") => Some("vnf_instance".into()),
            _ => None,
        }
    }
}

/// Every job the sample ever queued has exactly the params the mapping engine computes from
/// the bundled templates and the configs of that moment.
#[tokio::test]
async fn jobs_agree_with_the_mapping_engine() {
    let store = EmbeddedStore::new();
    populate(&store).await.unwrap();
    let types = [
        "tenant",
        "vnf_template",
        "vnf_plan",
        "load_balancer_plan",
        "load_balancer_conf",
        "network",
        "subnet",
        "port",
        "vnf_instance",
        "load_balancer",
    ];
    let by_plural: HashMap<&str, &str> = types.iter().map(|t| (plural(t), *t)).collect();
    let mappings: HashMap<String, Value> = templates()
        .into_iter()
        .map(|(id, rec)| (id, rec["body"]["parameter_mappings"].clone()))
        .collect();

    let mut watch = store.watch("/jobs/all/", true, 1).await.unwrap();
    let (mut seen, mut done) = (0, false);
    while !done {
        let msg = tokio::time::timeout(Duration::from_secs(5), watch.rx.recv())
            .await
            .unwrap()
            .unwrap()
            .unwrap();
        let WatchMessage::Events { revision, events } = msg else {
            continue;
        };
        for ev in events
            .into_iter()
            .filter(|e| e.kind == crate::store::EventKind::Put)
        {
            let job = serde_json::from_slice::<Value>(&ev.kv.value).unwrap()[1].clone();
            let configs = store
                .range(&Range::prefix("/config/v2.0/"), Some(revision))
                .await
                .unwrap()
                .1
                .kvs;
            let snap = Snapshot(
                configs
                    .iter()
                    .filter_map(|kv| {
                        let rest = kv.key.strip_prefix("/config/v2.0/")?;
                        let (p, id) = rest.split_once('/')?;
                        Some((
                            (by_plural.get(p)?.to_string(), id.to_string()),
                            decode_config(kv)["body"].clone(),
                        ))
                    })
                    .collect(),
            );
            let t = job["resource_type"].as_str().unwrap();
            let ctx = Ctx {
                cfg: &job["resource_input"],
                rtype: t,
                version: job["version"].as_i64().unwrap(),
                resolver: &snap,
            };
            let expected = build_params(
                t,
                mappings[t].as_object().unwrap(),
                &ctx,
                job["action"] != "create",
            )
            .unwrap();
            let mut got = job["params"].as_array().unwrap().clone();
            got.sort_by_key(|p| p["param"].as_str().unwrap().to_string());
            assert_eq!(
                Value::Array(got),
                serde_json::to_value(&expected).unwrap(),
                "{}",
                job["id"]
            );
            seen += 1;
            done = job["action"] == "logical_delete";
        }
    }
    assert_eq!(seen, 17);
}
