//! `jobs`, `job show`, `enqueue` and `replay` against a real etcd: the three seed flows
//! reproduced param for param, queue stages, history, refusals, the single guarded
//! transaction under concurrency, and that refused or failed writes write nothing.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::harness::put_all;
use crate::harness::{block_on, Etcd, Run};
use crate::show::config;
use esi::store::{Op, Range, Store, Txn};

const PORT: &str = "ddc14be4-3480-4e97-a978-817b18f9904c";
const PORT_DEL: &str = "db3bff62-cf93-48ce-8d6b-cfb2f7fd7dfc";
const VNF: &str = "398d65ba-0060-456e-b415-5bc954450717";
const NET: &str = "168c1535-9001-49c7-bb05-21844570a83c";

// The seeds' config bodies (decoded) and recorded params, sorted by name.
const PORT_BODY: &str = r#"{"ese_logical_port_id":null,"allowed_address_pairs":[],"device_owner":"compute:nova","fake_delete":true,"fixed_ips":[{"subnet_id":"707847d0-89d9-4b98-93a2-8b376709c5f3","ip_address":"100.64.193.3"}],"id":"ddc14be4-3480-4e97-a978-817b18f9904c","security_groups":[],"binding:vif_type":"vrouter","mac_address":"fa:16:3e:cf:b0:c4","status":"PENDING_UPDATE","description":"","tags":{},"segmentation_id":0,"device_id":"47531b14-72e9-439d-8949-fd941457ecde","name":"load_balancer-management-port","admin_state_up":true,"network_id":"168c1535-9001-49c7-bb05-21844570a83c","tenant_id":"fe3a4a1a72c04479bb6c19c2c0ccba4c","managed_by_service":false,"attached":true,"operational_state":"NO_STATE","orchestration_state":"UPDATE_IN_PROGRESS","segmentation_type":"flat"}"#;
const PORT_PARAMS: &str = r#"[{"resources":[],"type":"value","value":true,"param":"admin_state_up"},{"resources":[],"type":"value","value":"compute:nova","param":"device_owner"},{"resources":[],"type":"value","value":"13","param":"heat_timeout"},{"resources":[],"type":"value","value":true,"param":"jinja_attached"},{"resources":[],"type":"value","value":"compute:nova","param":"jinja_device_owner"},{"resources":[],"type":"value","value":[{"subnet_id":"707847d0-89d9-4b98-93a2-8b376709c5f3","ip_address":"100.64.193.3"}],"param":"jinja_fixed_ips"},{"resources":[],"type":"value","value":null,"param":"jinja_force_dependency_cfg"},{"resources":[],"type":"value","value":null,"param":"jinja_force_dependency_gw_interface"},{"resources":[{"resource_type":"subnet","resource_id":"707847d0-89d9-4b98-93a2-8b376709c5f3"},{"resource_type":"subnet","resource_id":"707847d0-89d9-4b98-93a2-8b376709c5f3"}],"type":"list","value":[{"param":"jinja_subnets","type":"output_key","value":{"output_key":"id","resource_type":"subnet","resource_id":"707847d0-89d9-4b98-93a2-8b376709c5f3"},"resources":[]}],"param":"jinja_subnets"},{"resources":[],"type":"value","value":"ddc14be4-3480-4e97-a978-817b18f9904c","param":"name"},{"resources":[],"type":"value","value":[],"param":"security_groups"},{"resources":[],"type":"value","value":"fe3a4a1a72c04479bb6c19c2c0ccba4c","param":"tenant_id"},{"resources":[],"type":"value","value":"ddc14be4-3480-4e97-a978-817b18f9904c","param":"uuid"},{"resources":[],"type":"value","value":3,"param":"version"},{"resources":[],"type":"value","value":"47531b14-72e9-439d-8949-fd941457ecde","param":"virtual_machine"},{"resources":[],"type":"value","value":[],"param":"virtual_machine_interface_allowed_address_pairs"},{"resources":[],"type":"value","value":"fa:16:3e:cf:b0:c4","param":"virtual_machine_interface_mac_address"},{"resources":[{"resource_type":"network","resource_id":"168c1535-9001-49c7-bb05-21844570a83c"},{"resource_type":"network","resource_id":"168c1535-9001-49c7-bb05-21844570a83c"}],"type":"output_key","value":{"output_key":"id","resource_type":"network","resource_id":"168c1535-9001-49c7-bb05-21844570a83c"},"param":"virtual_network"}]"#;
const VNF_BODY: &str = r#"{"status":"PENDING_UPDATE","user_data_format":"RAW","user_data_parameters":{"management_ip":"","management_mask":"","management_gateway":""},"description":null,"availability_zone":"nova","tenant_id":"fe3a4a1a72c04479bb6c19c2c0ccba4c","vnf_template_id":"f2123d79-e953-4b61-8aee-a217bee284af","vnf_plan_id":"043fed11-ce3d-48fb-aa8d-13aad5804d83","networks":[{"port":"ddc14be4-3480-4e97-a978-817b18f9904c"},{"port":"23464cbc-d910-430a-93f7-3776ea07f992"},{"port":"a7e5822c-5c04-4c5f-a5ac-b0e0ad50159f"}],"reboot":"","name":"load_balancer-b311c470-d878-4fea-8466-a4393938f2d4","management_ip":"100.64.193.3","orchestration_state":"UPDATE_IN_PROGRESS","owner_tenant_id":"fe3a4a1a72c04479bb6c19c2c0ccba4c","user_data":"","operational_state":"INIT","id":"398d65ba-0060-456e-b415-5bc954450717","config_drive":false}"#;
const VNF_PARAMS: &str = r#"[{"resources":[],"type":"value","value":"nova","param":"availability_zone"},{"resources":[],"type":"value","value":false,"param":"config_drive"},{"resources":[{"resource_type":"vnf_plan","resource_id":"043fed11-ce3d-48fb-aa8d-13aad5804d83"},{"resource_type":"vnf_plan","resource_id":"043fed11-ce3d-48fb-aa8d-13aad5804d83"}],"type":"value","value":"m1.xlarge","param":"flavor"},{"resources":[],"type":"value","value":"398d65ba-0060-456e-b415-5bc954450717","param":"gohan_id"},{"resources":[],"type":"value","value":"18","param":"heat_timeout"},{"resources":[{"resource_type":"vnf_template","resource_id":"f2123d79-e953-4b61-8aee-a217bee284af"},{"resource_type":"vnf_template","resource_id":"f2123d79-e953-4b61-8aee-a217bee284af"}],"type":"value","value":"NSVPX-KVM-10.5-57.7_nc","param":"image"},{"resources":[],"type":"value","value":"load_balancer-b311c470-d878-4fea-8466-a4393938f2d4","param":"name"},{"resources":[],"type":"value","value":[{"port":"ddc14be4-3480-4e97-a978-817b18f9904c"},{"port":"23464cbc-d910-430a-93f7-3776ea07f992"},{"port":"a7e5822c-5c04-4c5f-a5ac-b0e0ad50159f"}],"param":"networks"},{"resources":[],"type":"value","value":"","param":"reboot"},{"resources":[],"type":"value","value":"fe3a4a1a72c04479bb6c19c2c0ccba4c","param":"tenant_id"},{"resources":[],"type":"value","value":"","param":"user_data"},{"resources":[],"type":"value","value":"RAW","param":"user_data_format"},{"resources":[],"type":"value","value":2,"param":"version"}]"#;
const PORT_DEL_BODY: &str = r#"{"ese_logical_port_id":null,"allowed_address_pairs":[],"device_owner":"compute:nova","fake_delete":false,"fixed_ips":[{"subnet_id":"6f5f33d6-2cfe-47c1-a91a-3f3d44972b1a","ip_address":"10.121.232.3"}],"id":"db3bff62-cf93-48ce-8d6b-cfb2f7fd7dfc","security_groups":[],"binding:vif_type":"vrouter","mac_address":"fa:16:3e:90:8a:94","status":"PENDING_DELETE","description":"","tags":{},"segmentation_id":0,"device_id":"47531b14-72e9-439d-8949-fd941457ecde","name":"load_balancer-user-port","admin_state_up":false,"network_id":"ce9a7a92-d11a-4fc6-8ae7-18061b62c98f","tenant_id":"fe3a4a1a72c04479bb6c19c2c0ccba4c","managed_by_service":false,"attached":true,"operational_state":"INIT","orchestration_state":"DELETE_IN_PROGRESS","segmentation_type":"flat"}"#;
const PORT_DEL_PARAMS: &str = r#"[{"resources":[],"type":"value","value":false,"param":"admin_state_up"},{"resources":[],"type":"value","value":"compute:nova","param":"device_owner"},{"resources":[],"type":"value","value":"13","param":"heat_timeout"},{"resources":[],"type":"value","value":true,"param":"jinja_attached"},{"resources":[],"type":"value","value":"compute:nova","param":"jinja_device_owner"},{"resources":[],"type":"value","value":[{"subnet_id":"6f5f33d6-2cfe-47c1-a91a-3f3d44972b1a","ip_address":"10.121.232.3"}],"param":"jinja_fixed_ips"},{"resources":[],"type":"value","value":null,"param":"jinja_force_dependency_cfg"},{"resources":[],"type":"value","value":null,"param":"jinja_force_dependency_gw_interface"},{"resources":[{"resource_type":"subnet","resource_id":"6f5f33d6-2cfe-47c1-a91a-3f3d44972b1a"},{"resource_type":"subnet","resource_id":"6f5f33d6-2cfe-47c1-a91a-3f3d44972b1a"}],"type":"list","value":[{"param":"jinja_subnets","type":"output_key","value":{"output_key":"id","resource_type":"subnet","resource_id":"6f5f33d6-2cfe-47c1-a91a-3f3d44972b1a"},"resources":[]}],"param":"jinja_subnets"},{"resources":[],"type":"value","value":"db3bff62-cf93-48ce-8d6b-cfb2f7fd7dfc","param":"name"},{"resources":[],"type":"value","value":[],"param":"security_groups"},{"resources":[],"type":"value","value":"fe3a4a1a72c04479bb6c19c2c0ccba4c","param":"tenant_id"},{"resources":[],"type":"value","value":"db3bff62-cf93-48ce-8d6b-cfb2f7fd7dfc","param":"uuid"},{"resources":[],"type":"value","value":4,"param":"version"},{"resources":[],"type":"value","value":"47531b14-72e9-439d-8949-fd941457ecde","param":"virtual_machine"},{"resources":[],"type":"value","value":[],"param":"virtual_machine_interface_allowed_address_pairs"},{"resources":[],"type":"value","value":"fa:16:3e:90:8a:94","param":"virtual_machine_interface_mac_address"},{"resources":[{"resource_type":"network","resource_id":"ce9a7a92-d11a-4fc6-8ae7-18061b62c98f"},{"resource_type":"network","resource_id":"ce9a7a92-d11a-4fc6-8ae7-18061b62c98f"}],"type":"output_key","value":{"output_key":"id","resource_type":"network","resource_id":"ce9a7a92-d11a-4fc6-8ae7-18061b62c98f"},"param":"virtual_network"}]"#;

fn parse(s: &str) -> Value {
    serde_json::from_str(s).unwrap()
}

fn state(v: i64) -> String {
    json!({"error": "", "state": {"heat_outputs": "[]", "orchestration_state": "UPDATE_COMPLETE", "worker_state": "MODIFY_COMPLETED"}, "version": v}).to_string()
}

/// The bundled heat templates (the port and vnf_instance ones must match the seeds),
/// the three seed resources at the seeds' versions with a /state each, and the
/// vnf_template / vnf_plan the vnf_instance mappings read.
fn seed(etcd: &Etcd) -> i64 {
    let store = block_on(etcd.store());
    let mut kvs: Vec<(String, String)> = esi::store::sample::templates()
        .into_iter()
        .map(|(id, rec)| {
            (
                format!("/config/v2.0/heat_templates/{id}"),
                esi::model::wire::encode_config(&rec),
            )
        })
        .collect();
    kvs.extend([
        (format!("/config/v2.0/ports/{PORT}"), config(parse(PORT_BODY), 3, false)),
        (format!("/state/v2.0/ports/{PORT}"), state(2)),
        (format!("/config/v2.0/vnf_instances/{VNF}"), config(parse(VNF_BODY), 2, false)),
        (format!("/state/v2.0/vnf_instances/{VNF}"), state(1)),
        (format!("/config/v2.0/ports/{PORT_DEL}"), config(parse(PORT_DEL_BODY), 4, true)),
        (format!("/state/v2.0/ports/{PORT_DEL}"), state(3)),
        ("/config/v2.0/vnf_templates/f2123d79-e953-4b61-8aee-a217bee284af".into(), config(json!({"id": "f2123d79-e953-4b61-8aee-a217bee284af", "image": "NSVPX-KVM-10.5-57.7_nc"}), 1, false)),
        ("/config/v2.0/vnf_plans/043fed11-ce3d-48fb-aa8d-13aad5804d83".into(), config(json!({"id": "043fed11-ce3d-48fb-aa8d-13aad5804d83", "flavor": "m1.xlarge"}), 1, false)),
    ]);
    let refs: Vec<(&str, String)> = kvs.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    put_all(store.as_ref(), &refs)
}

fn revision(etcd: &Etcd) -> i64 {
    let store = block_on(etcd.store());
    block_on(async { store.range(&Range::key("/"), None).await.unwrap().0 })
}

fn keys(etcd: &Etcd, prefix: &str) -> Vec<String> {
    let store = block_on(etcd.store());
    block_on(async {
        store
            .range(&Range::prefix(prefix).keys_only(), None)
            .await
            .unwrap()
            .1
            .kvs
            .into_iter()
            .map(|kv| kv.key)
            .collect()
    })
}

fn by_name(params: &Value) -> BTreeMap<String, Value> {
    params
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["param"].as_str().unwrap().to_string(), p.clone()))
        .collect()
}

#[track_caller]
fn assert_seed_job(
    out: &Run,
    action: &str,
    rtype: &str,
    id: &str,
    version: i64,
    body: &str,
    params: &str,
) {
    let prefix =
        format!("[\"heat_worker\", {{\"id\": \"{action}:heat_worker:{rtype}:{id}:{version}:");
    assert!(
        out.stdout.starts_with(&prefix),
        "stored text is Python json.dumps style:\n{}",
        out.stdout
    );
    let v = out.json();
    assert_eq!(v[0], json!("heat_worker"));
    assert_eq!(v[2], json!(0));
    let job = &v[1];
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
    let suffix = job["id"].as_str().unwrap().rsplit(':').next().unwrap();
    assert!(
        suffix.len() == 5
            && suffix
                .chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase()),
        "{suffix}"
    );
    assert_eq!(job["job_name"], json!(format!("{rtype}:{id}:{version}")));
    assert_eq!(
        (&job["action"], &job["handler"], &job["resource_type"]),
        (&json!(action), &json!("heat_worker"), &json!(rtype))
    );
    assert_eq!(
        (&job["resource_id"], &job["version"]),
        (&json!(id), &json!(version))
    );
    assert_eq!(job["resource_input"], parse(body));
    assert_eq!(job["dependency"], json!([]));
    assert_eq!(
        (&job["is_first"], &job["is_last"], &job["on_failure"]),
        (&json!(true), &json!(true), &json!("fail"))
    );
    let (got, want) = (by_name(&job["params"]), by_name(&parse(params)));
    assert_eq!(
        got.keys().collect::<Vec<_>>(),
        want.keys().collect::<Vec<_>>()
    );
    for (name, w) in &want {
        let g = &got[name];
        assert_eq!(
            (&g["type"], &g["value"], &g["resources"]),
            (&w["type"], &w["value"], &w["resources"]),
            "param {name}"
        );
    }
}

#[test]
fn seed_flows_reproduce_the_recorded_jobs_param_for_param() {
    let etcd = Etcd::start();
    seed(&etcd);
    let before = revision(&etcd);
    let run = |a: &str, t: &str, id: &str| {
        etcd.esi()
            .args(["enqueue", a, t, id, "--dry-run", "-o", "json"])
            .run()
            .ok()
    };
    assert_seed_job(
        &run("modify", "port", PORT),
        "modify",
        "port",
        PORT,
        3,
        PORT_BODY,
        PORT_PARAMS,
    );
    assert_seed_job(
        &run("modify", "vnf_instance", VNF),
        "modify",
        "vnf_instance",
        VNF,
        2,
        VNF_BODY,
        VNF_PARAMS,
    );
    assert_seed_job(
        &run("logical_delete", "port", PORT_DEL),
        "logical_delete",
        "port",
        PORT_DEL,
        4,
        PORT_DEL_BODY,
        PORT_DEL_PARAMS,
    );
    assert_eq!(revision(&etcd), before, "a dry run writes nothing");

    // --canonical-resources: each reference once
    let v = etcd
        .esi()
        .args([
            "enqueue",
            "modify",
            "port",
            PORT,
            "--dry-run",
            "-o",
            "json",
            "--canonical-resources",
        ])
        .run()
        .ok()
        .json();
    let p = by_name(&v[1]["params"]);
    assert_eq!(
        p["virtual_network"]["resources"],
        json!([{"resource_type": "network", "resource_id": NET}])
    );
    // the table form shows the transaction
    let t = etcd
        .esi()
        .args(["enqueue", "modify", "port", PORT, "--dry-run"])
        .run()
        .ok()
        .stdout;
    assert!(
        t.contains(&format!("mod_revision(/config/v2.0/ports/{PORT})")),
        "{t}"
    );
    assert!(
        t.contains(&format!(
            "put /jobs/ready/modify:heat_worker:port:{PORT}:3:"
        )),
        "{t}"
    );
}

#[test]
fn enqueue_then_jobs_and_job_show_see_it() {
    let etcd = Etcd::start();
    seed(&etcd);
    let store = block_on(etcd.store());
    // an in-flight job of the network the port references, held by a worker
    let net_job = format!("create:heat_worker:network:{NET}:1:aaaaa");
    block_on(async {
        let lease = store
            .lease_grant(std::time::Duration::from_secs(60))
            .await
            .unwrap();
        let v =
            json!(["heat_worker", {"id": net_job, "params": [], "dependency": []}, 0]).to_string();
        let ops = vec![
            Op::put(format!("/jobs/all/{net_job}"), v),
            Op::put_with_lease(format!("/jobs/working/{net_job}"), "7d1c0e7e-uuid", lease),
        ];
        store
            .txn(Txn {
                success: ops,
                ..Default::default()
            })
            .await
            .unwrap();
    });
    let before = revision(&etcd);
    let w = etcd
        .esi()
        .args(["enqueue", "modify", "port", PORT, "--yes", "-o", "json"])
        .run()
        .ok()
        .json();
    let job_id = w["job_id"].as_str().unwrap().to_string();
    assert!(
        job_id.starts_with(&format!("modify:heat_worker:port:{PORT}:3:")),
        "{w}"
    );
    assert_eq!(w["stage"], json!("waiting"));
    let rev = w["revision"].as_i64().unwrap();
    assert_eq!(rev, before + 1, "one transaction");
    assert_eq!(
        w["keys"],
        json!([
            format!("/jobs/all/{job_id}"),
            format!("/jobs/waiting/{job_id}")
        ])
    );
    // before/after the write
    etcd.esi()
        .args([
            "get",
            &format!("/jobs/all/{job_id}"),
            "--rev",
            &(rev - 1).to_string(),
        ])
        .run()
        .code(3);
    let stored = etcd
        .esi()
        .args(["get", &format!("/jobs/all/{job_id}"), "--raw", "-o", "json"])
        .run()
        .ok()
        .json();
    assert!(stored["value"]
        .as_str()
        .unwrap()
        .starts_with(&format!("[\"heat_worker\", {{\"id\": \"{job_id}\"")));

    let rows = etcd.esi().args(["jobs", "-o", "json"]).run().ok().json();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    let mine = rows.iter().find(|r| r["id"] == json!(job_id)).unwrap();
    assert_eq!(
        (&mine["stage"], &mine["retry"]),
        (&json!("waiting"), &json!(0))
    );
    assert_eq!(mine["pending_dependencies"], json!([net_job]));
    let net = rows.iter().find(|r| r["id"] == json!(net_job)).unwrap();
    assert_eq!(
        (&net["stage"], &net["worker"]),
        (&json!("working"), &json!("7d1c0e7e-uuid"))
    );
    assert!(
        (1..=60).contains(&net["lease_ttl"].as_i64().unwrap()),
        "{net}"
    );
    let lines = etcd
        .esi()
        .args([
            "jobs", "--type", "ports", "--stage", "waiting", "-o", "jsonl",
        ])
        .run()
        .ok()
        .jsonl();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["id"], json!(job_id));
    let c = etcd
        .esi()
        .args(["jobs", "--count", "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(
        (&c["all"], &c["waiting"], &c["working"]),
        (&json!(2), &json!(1), &json!(1))
    );
    let table = etcd.esi().args(["jobs"]).run().ok().stdout;
    assert!(table.contains("network:168c1535 v1"), "{table}");

    let s = etcd
        .esi()
        .args(["job", "show", &job_id, "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(
        (&s["stage"], &s["source"], &s["retry"]),
        (&json!("waiting"), &json!("queue"), &json!(0))
    );
    assert_eq!(
        s["dependencies"],
        json!([{"id": net_job, "stage": "working"}])
    );
    assert_eq!(s["staleness"]["status"], json!("current"));
    let vn = s["params"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["param"] == json!("virtual_network"))
        .unwrap();
    assert_eq!(vn["display"], json!(format!("id@network/{NET}")));
    assert_eq!(
        vn["resources"],
        json!([{"resource_type": "network", "resource_id": NET, "count": 2}])
    );
    let table = etcd.esi().args(["job", "show", &job_id]).run().ok().stdout;
    assert!(table.contains(&format!("network/{NET} ×2")), "{table}");

    // the config moves on: the job is stale, with a diff
    put_all(
        store.as_ref(),
        &[(
            &format!("/config/v2.0/ports/{PORT}"),
            config(json!({"id": PORT, "name": "renamed"}), 4, false),
        )],
    );
    let s = etcd
        .esi()
        .args(["job", "show", &job_id, "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(s["staleness"]["status"], json!("stale"));
    assert!(
        s["staleness"]["changed_fields"]
            .as_array()
            .unwrap()
            .contains(&json!("~name")),
        "{}",
        s["staleness"]
    );
    assert!(
        s["staleness"]["diff"]
            .as_str()
            .unwrap()
            .contains("+  \"name\": \"renamed\""),
        "{}",
        s["staleness"]
    );
}

/// The worker and job manager finishing a job (spec §3.2 steps 14–18).
fn finish(store: &dyn Store, job_id: &str) {
    block_on(async {
        let put = vec![Op::put(format!("/jobs/finished/{job_id}"), "")];
        store
            .txn(Txn {
                success: put,
                ..Default::default()
            })
            .await
            .unwrap();
        let dels = ["ready", "waiting", "working", "all", "finished"]
            .iter()
            .map(|d| Op::delete(format!("/jobs/{d}/{job_id}")))
            .collect();
        store
            .txn(Txn {
                success: dels,
                ..Default::default()
            })
            .await
            .unwrap();
    });
}

fn enqueue(etcd: &Etcd, action: &str, rtype: &str, id: &str) -> String {
    let w = etcd
        .esi()
        .args(["enqueue", action, rtype, id, "--yes", "-o", "json"])
        .run()
        .ok()
        .json();
    w["job_id"].as_str().unwrap().to_string()
}

#[test]
fn replay_of_a_finished_job_found_in_history() {
    let etcd = Etcd::start();
    seed(&etcd);
    let store = block_on(etcd.store());
    let job_id = enqueue(&etcd, "modify", "port", PORT);
    let original = etcd
        .esi()
        .args(["get", &format!("/jobs/all/{job_id}"), "-o", "json"])
        .run()
        .ok()
        .json()["value"]
        .clone();
    finish(store.as_ref(), &job_id);
    let s = etcd
        .esi()
        .args(["job", "show", &job_id, "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(
        (&s["stage"], &s["source"]),
        (&json!("finished"), &json!("history"))
    );
    assert!(s["deleted_revision"].as_i64().unwrap() > s["put_revision"].as_i64().unwrap());
    assert_eq!(s["value"], original);
    assert!(etcd
        .esi()
        .args(["job", "show", &job_id])
        .run()
        .ok()
        .stdout
        .contains("gone from /jobs/all at revision"));

    let dry = etcd
        .esi()
        .args(["replay", "job", &job_id, "--dry-run", "-o", "json"])
        .run()
        .ok()
        .json();
    let new_id = dry[1]["id"].as_str().unwrap().to_string();
    assert_ne!(new_id, job_id);
    assert_eq!(
        new_id.rsplit_once(':').unwrap().0,
        job_id.rsplit_once(':').unwrap().0
    );
    let mut expect = original.clone();
    expect[1]["id"] = json!(new_id);
    assert_eq!(dry, expect, "same job object, new id, retry 0");

    let w = etcd
        .esi()
        .args(["replay", "job", &job_id, "--yes", "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(w["stage"], json!("ready"));
    let rows = etcd.esi().args(["jobs", "-o", "json"]).run().ok().json();
    assert_eq!(rows.as_array().unwrap().len(), 1);
    assert_eq!(rows[0]["id"], w["job_id"]);
    // --latest picks the one in flight now, which can still run: refused
    let e = etcd
        .esi()
        .args(["replay", "job", "--latest", "port", PORT, "--dry-run"])
        .run()
        .code(5);
    assert!(e.stderr.contains("in flight (ready)"), "{}", e.stderr);
    let dry = etcd
        .esi()
        .args([
            "replay",
            "job",
            &job_id,
            "--dry-run",
            "--force",
            "-o",
            "json",
        ])
        .run()
        .ok()
        .json();
    assert_eq!(
        dry[1]["dependency"],
        json!([w["job_id"]]),
        "a forced replay waits for the job in flight"
    );
    // a job that never existed
    let e = etcd
        .esi()
        .args([
            "replay",
            "job",
            &format!("modify:heat_worker:port:{PORT}:3:nope0"),
        ])
        .run()
        .code(3);
    assert!(e.stderr.contains("not found"), "{}", e.stderr);
}

#[test]
fn stale_duplicate_and_unfit_actions_are_refused() {
    let etcd = Etcd::start();
    seed(&etcd);
    let store = block_on(etcd.store());
    let first = enqueue(&etcd, "modify", "port", PORT);
    let before = revision(&etcd);
    let e = etcd
        .esi()
        .args(["enqueue", "modify", "port", PORT, "--yes"])
        .run()
        .code(5);
    assert!(
        e.stderr.contains("already has an active job at v3") && e.stderr.contains(&first),
        "{}",
        e.stderr
    );
    let e = etcd
        .esi()
        .args(["replay", "job", &first, "--yes"])
        .run()
        .code(5);
    assert!(
        e.stderr.contains("another job") || e.stderr.contains("in flight"),
        "{}",
        e.stderr
    );
    let e = etcd
        .esi()
        .args(["enqueue", "create", "port", PORT, "--yes", "--force"])
        .run()
        .code(5);
    assert!(
        e.stderr.contains("would choose `modify`"),
        "--force does not override the action: {}",
        e.stderr
    );
    let e = etcd
        .esi()
        .args(["enqueue", "logical_delete", "port", PORT, "--yes"])
        .run()
        .code(5);
    assert!(e.stderr.contains("marked_for_deletion"), "{}", e.stderr);
    let e = etcd
        .esi()
        .args(["enqueue", "modify", "port", PORT_DEL, "--yes"])
        .run()
        .code(5);
    assert!(
        e.stderr.contains("would choose `logical_delete`"),
        "{}",
        e.stderr
    );
    assert_eq!(revision(&etcd), before, "refusals write nothing");

    // forced duplicate: queued behind the first
    let w = etcd
        .esi()
        .args([
            "enqueue", "modify", "port", PORT, "--yes", "--force", "-o", "json",
        ])
        .run()
        .ok()
        .json();
    assert_eq!(w["stage"], json!("waiting"));

    // not workable: a DHCP port has no template
    let dhcp = "0c0c0c0c-0000-4000-8000-000000000001";
    put_all(
        store.as_ref(),
        &[(
            &format!("/config/v2.0/ports/{dhcp}"),
            config(
                json!({"id": dhcp, "device_owner": "network:dhcp"}),
                1,
                false,
            ),
        )],
    );
    let e = etcd
        .esi()
        .args(["enqueue", "create", "port", dhcp, "--yes", "--force"])
        .run()
        .code(5);
    assert!(
        e.stderr.contains("not workable") && e.stderr.contains("null"),
        "{}",
        e.stderr
    );

    // stale replay: the config moved past the job's version
    let vnf_job = enqueue(&etcd, "modify", "vnf_instance", VNF);
    finish(store.as_ref(), &vnf_job);
    put_all(
        store.as_ref(),
        &[(
            &format!("/config/v2.0/vnf_instances/{VNF}"),
            config(parse(VNF_BODY), 3, false),
        )],
    );
    let e = etcd
        .esi()
        .args(["replay", "job", &vnf_job, "--yes"])
        .run()
        .code(5);
    assert!(
        e.stderr.contains("stale") && e.stderr.contains("v3"),
        "{}",
        e.stderr
    );
    let w = etcd
        .esi()
        .args(["replay", "job", &vnf_job, "--yes", "--force", "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(w["stage"], json!("ready"));
}

#[test]
fn two_concurrent_replays_exactly_one_succeeds() {
    let etcd = Etcd::start();
    seed(&etcd);
    let store = block_on(etcd.store());
    let job_id = enqueue(&etcd, "modify", "port", PORT);
    finish(store.as_ref(), &job_id);
    let prefix = format!("/jobs/all/modify:heat_worker:port:{PORT}:");
    for round in 0..3 {
        let spawn = || {
            etcd.esi()
                .args(["replay", "job", &job_id, "--yes"])
                .command()
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn(), spawn());
        let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
        let mut codes = vec![a.status.code().unwrap(), b.status.code().unwrap()];
        codes.sort();
        assert!(
            codes[0] == 0 && (codes[1] == 5 || codes[1] == 8),
            "round {round}: {codes:?}\n{}\n{}",
            String::from_utf8_lossy(&a.stderr),
            String::from_utf8_lossy(&b.stderr)
        );
        let in_flight = keys(&etcd, &prefix);
        assert_eq!(in_flight.len(), 1, "exactly one new job: {in_flight:?}");
        finish(
            store.as_ref(),
            in_flight[0].trim_start_matches("/jobs/all/"),
        );
    }
}

#[test]
fn writes_without_a_terminal_need_yes_and_write_nothing() {
    let etcd = Etcd::start();
    seed(&etcd);
    let before = revision(&etcd);
    let e = etcd
        .esi()
        .args(["enqueue", "modify", "port", PORT])
        .run()
        .code(5);
    assert!(
        e.stderr.contains("--yes")
            && e.stderr
                .contains(&format!("/jobs/all/modify:heat_worker:port:{PORT}:3:")),
        "{}",
        e.stderr
    );
    let e = etcd
        .esi()
        .args(["--read-only", "enqueue", "modify", "port", PORT, "--yes"])
        .run()
        .code(5);
    assert!(e.stderr.contains("read-only"), "{}", e.stderr);
    assert_eq!(revision(&etcd), before);
    assert!(keys(&etcd, "/jobs/").is_empty());
}

#[test]
fn malformed_template_or_config_is_invalid_data_naming_the_key() {
    let etcd = Etcd::start();
    seed(&etcd);
    let store = block_on(etcd.store());
    put_all(
        store.as_ref(),
        &[(
            "/config/v2.0/heat_templates/port",
            r#"{"body":"{\"handler\":\"heat_worker\",\"parameter_mappings\":","version":1}"#.into(),
        )],
    );
    let before = revision(&etcd);
    let e = etcd
        .esi()
        .args(["enqueue", "modify", "port", PORT, "--yes"])
        .run()
        .code(9);
    assert!(
        e.stderr.contains("/config/v2.0/heat_templates/port"),
        "{}",
        e.stderr
    );
    // a mapping error names the template and the param
    put_all(
        store.as_ref(),
        &[(
            "/config/v2.0/heat_templates/port",
            config(
                json!({"handler": "heat_worker", "id": "port", "parameter_mappings": {"x": {"bogus": 1}}}),
                1,
                false,
            ),
        )],
    );
    let e = etcd
        .esi()
        .args(["enqueue", "modify", "port", PORT, "--yes"])
        .run()
        .code(9);
    assert!(
        e.stderr.contains("/config/v2.0/heat_templates/port") && e.stderr.contains("`x`"),
        "{}",
        e.stderr
    );
    put_all(
        store.as_ref(),
        &[(
            &format!("/config/v2.0/vnf_instances/{VNF}"),
            r#"{"body":"{\"id\":","version":2}"#.into(),
        )],
    );
    let e = etcd
        .esi()
        .args(["enqueue", "modify", "vnf_instance", VNF, "--yes"])
        .run()
        .code(9);
    assert!(
        e.stderr
            .contains(&format!("/config/v2.0/vnf_instances/{VNF}")),
        "{}",
        e.stderr
    );
    assert_eq!(revision(&etcd), before + 2, "only the two fixture writes");
    assert!(keys(&etcd, "/jobs/").is_empty());
}

#[test]
fn the_sample_deployment_history_has_the_recorded_jobs() {
    let etcd = Etcd::start();
    let store = block_on(etcd.store());
    block_on(esi::store::sample::populate(store.as_ref())).unwrap();
    // the sample left the logical_delete of db3bff62 ready
    let rows = etcd
        .esi()
        .args(["jobs", "--type", "port", "-o", "json"])
        .run()
        .ok()
        .json();
    let ready: Vec<&Value> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["stage"] == json!("ready"))
        .collect();
    assert!(
        ready
            .iter()
            .any(|r| r["resource_id"] == json!(PORT_DEL) && r["action"] == json!("logical_delete")),
        "{rows}"
    );
    let e = etcd
        .esi()
        .args(["enqueue", "logical_delete", "port", PORT_DEL, "--dry-run"])
        .run()
        .code(5);
    assert!(
        e.stderr.contains("already has an active job at v4"),
        "{}",
        e.stderr
    );
    // the most recent job of the modified port is found in its keys' history
    let dry = etcd
        .esi()
        .args([
            "replay",
            "job",
            "--latest",
            "port",
            PORT,
            "--dry-run",
            "-o",
            "json",
        ])
        .run()
        .ok()
        .json();
    assert_eq!(dry[1]["version"], json!(3));
    assert_eq!(dry[1]["action"], json!("modify"));
    assert_eq!(
        dry[1]["id"].as_str().unwrap().rsplit_once(':').unwrap().0,
        format!("modify:heat_worker:port:{PORT}:3")
    );
    let src = etcd
        .esi()
        .args([
            "job",
            "show",
            &format!("modify:heat_worker:port:{PORT}:3:28byp"),
            "-o",
            "json",
        ])
        .run()
        .ok()
        .json();
    assert_eq!(
        (&src["source"], &src["stage"]),
        (&json!("history"), &json!("finished"))
    );
    assert_eq!(src["staleness"]["status"], json!("current"));
}
