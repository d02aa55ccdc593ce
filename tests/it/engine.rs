//! `esi engine run` against a real etcd, as child processes of the test: jobs made from
//! config writes alone (create → modify → logical_delete → Gohan's removal), records in
//! the seeds' shapes, dependency ordering, exclusive reservations with two workers, a
//! killed worker's job re-queued, manager failover, failure injection then replay, the
//! retry limit and graceful shutdown. Every wait polls with a deadline.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::{Child, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::harness::{block_on, delete_all, put_all, Etcd};
use esi::model::wire::encode_config;
use esi::store::sample::{NETWORKS, SUBNETS, TENANT, VNF_PLAN, VNF_TEMPLATE};
use esi::store::{EventKind, Op, Range, Store, Txn};

// Resources the tests create next to the bundled sample.
const PORT: &str = "5e0b1c2d-3f4a-4b5c-8d6e-7f8091a2b3c4";
const VNF: &str = "6a1b2c3d-4e5f-4a6b-9c7d-8e9fa0b1c2d3";

/// An `esi engine run` child process; killed (SIGKILL) when dropped.
pub(crate) struct Engine {
    child: Option<Child>,
    log: PathBuf,
    _dir: tempfile::TempDir,
}

impl Engine {
    pub(crate) fn start(etcd: &Etcd, args: &[&str]) -> Engine {
        Engine::start_at(&etcd.endpoint, args)
    }

    /// An engine on these endpoints (e.g. some members of a cluster).
    pub(crate) fn start_at(endpoints: &str, args: &[&str]) -> Engine {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("engine.log");
        let mut cmd = crate::harness::Esi::new()
            .args(["--endpoints", endpoints])
            .args(["-vv", "engine", "run"])
            .args(args)
            .command();
        cmd.env("RUST_LOG", "esi=debug")
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap());
        let child = cmd.spawn().expect("start esi engine run");
        Engine {
            child: Some(child),
            log,
            _dir: dir,
        }
    }

    pub(crate) fn pid(&self) -> u32 {
        self.child.as_ref().expect("running").id()
    }

    pub(crate) fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    pub(crate) fn kill9(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// SIGTERM, then the exit code (within `within`).
    pub(crate) fn terminate(&mut self, within: Duration) -> i32 {
        let pid = self.pid().to_string();
        assert!(std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success());
        let mut c = self.child.take().unwrap();
        let deadline = Instant::now() + within;
        loop {
            if let Some(st) = c.try_wait().unwrap() {
                return st.code().unwrap_or(-1);
            }
            if Instant::now() > deadline {
                let _ = c.kill();
                panic!(
                    "esi engine did not exit within {within:?} of SIGTERM; log:\n{}",
                    self.log()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Engine {
    fn drop(&mut self) {
        self.kill9();
    }
}

/// Poll `f` until it returns Some, or fail after `secs` with the engines' logs.
#[track_caller]
pub(crate) fn wait_for<T>(
    what: &str,
    secs: u64,
    engines: &[&Engine],
    mut f: impl FnMut() -> Option<T>,
) -> T {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        if let Some(v) = f() {
            return v;
        }
        if Instant::now() > deadline {
            let logs: Vec<String> = engines.iter().map(|e| e.log()).collect();
            panic!(
                "timed out after {secs}s waiting for {what}; engine logs:\n{}",
                logs.join("\n-----\n")
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

pub(crate) fn raw(store: &Arc<dyn Store>, key: &str) -> Option<String> {
    let (_, r) = block_on(store.range(&Range::key(key), None)).unwrap();
    r.kvs.first().map(|kv| kv.value_str().into_owned())
}

pub(crate) fn get(store: &Arc<dyn Store>, key: &str) -> Option<Value> {
    raw(store, key).map(|s| serde_json::from_str(&s).unwrap_or_else(|e| panic!("{key}: {e}: {s}")))
}

pub(crate) fn keys(store: &Arc<dyn Store>, prefix: &str) -> Vec<String> {
    let (_, r) = block_on(store.range(&Range::prefix(prefix).keys_only(), None)).unwrap();
    r.kvs.into_iter().map(|kv| kv.key).collect()
}

/// Drop the sample's pending job, so that a slow worker only ever gets the test's job.
fn clear_queue(store: &Arc<dyn Store>) {
    let ops = vec![Op::Delete {
        key: "/jobs/".into(),
        prefix: true,
    }];
    block_on(store.txn(Txn {
        success: ops,
        ..Default::default()
    }))
    .unwrap();
}

fn plural(t: &str) -> &'static str {
    match t {
        "port" => "ports",
        "network" => "networks",
        "vnf_instance" => "vnf_instances",
        _ => panic!("{t}"),
    }
}

pub(crate) fn key(family: &str, t: &str, id: &str) -> String {
    format!("{family}/v2.0/{}/{id}", plural(t))
}

/// A config record as Gohan writes it (Go-compact, body double-encoded).
pub(crate) fn config(body: Value, version: i64, marked: bool) -> String {
    encode_config(&json!({"body": body, "marked_for_deletion": marked, "version": version}))
}

fn port_body(id: &str, network: &str, subnet: Option<&str>, admin_up: bool) -> Value {
    let fixed_ips = match subnet {
        Some(s) => json!([{"subnet_id": s, "ip_address": "100.64.193.9"}]),
        None => json!([]),
    };
    json!({"id": id, "name": "engine-test-port", "network_id": network, "tenant_id": TENANT, "device_owner": "compute:nova",
           "device_id": "47531b14-72e9-439d-8949-fd941457ecde", "attached": true, "fixed_ips": fixed_ips,
           "mac_address": "fa:16:3e:00:00:09", "allowed_address_pairs": [], "security_groups": [], "admin_state_up": admin_up,
           "status": "PENDING_CREATE", "orchestration_state": "CREATE_IN_PROGRESS"})
}

fn vnf_body(id: &str, name: &str) -> Value {
    json!({"id": id, "name": name, "tenant_id": TENANT, "vnf_template_id": VNF_TEMPLATE, "vnf_plan_id": VNF_PLAN,
           "networks": [{"port": PORT}], "availability_zone": "nova", "user_data": "", "user_data_format": "RAW",
           "reboot": "", "config_drive": false, "description": null})
}

pub(crate) fn network_body(id: &str) -> Value {
    json!({"id": id, "name": format!("net-{id}"), "admin_state_up": true, "tenant_id": TENANT, "shared": false, "subnets": []})
}

/// A fresh etcd with the bundled sample (templates, networks, subnets, vnf plan/template).
pub(crate) fn sample_etcd() -> (Etcd, Arc<dyn Store>) {
    let etcd = Etcd::start();
    let store = block_on(etcd.store());
    block_on(esi::store::sample::populate(store.as_ref())).expect("populate sample");
    (etcd, store)
}

/// The state's worker_state and version, once it is at `version`.
pub(crate) fn state_at(
    store: &Arc<dyn Store>,
    t: &str,
    id: &str,
    version: i64,
    worker_state: &str,
) -> Option<Value> {
    let st = get(store, &key("/state", t, id))?;
    (st["version"] == version && st["state"]["worker_state"] == worker_state).then_some(st)
}

pub(crate) fn queue_empty(store: &Arc<dyn Store>) -> bool {
    keys(store, "/jobs/").is_empty()
}

/// Every put under a prefix from `from` to now: (revision, key, value).
pub(crate) fn puts(store: &Arc<dyn Store>, prefix: &str, from: i64) -> Vec<(i64, String, String)> {
    let to = block_on(store.probe()).unwrap().revision;
    let h = block_on(esi::store::follow::collect(
        store.clone(),
        vec![esi::store::follow::Spec::prefix(prefix)],
        from,
        to,
    ))
    .unwrap();
    h.events
        .into_iter()
        .filter(|(_, e)| e.kind == EventKind::Put)
        .map(|(r, e)| (r, e.kv.key.clone(), e.kv.value_str().into_owned()))
        .collect()
}

pub(crate) fn job_id_of(key: &str) -> String {
    key.splitn(4, '/').nth(3).unwrap().to_string()
}

fn output_map(list: &Value) -> BTreeMap<String, Value> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|o| {
            let keys: BTreeSet<&str> = o.as_object().unwrap().keys().map(String::as_str).collect();
            assert_eq!(
                keys,
                BTreeSet::from(["description", "output_key", "output_value"]),
                "output entry {o}"
            );
            (
                o["output_key"].as_str().unwrap().to_string(),
                o["output_value"].clone(),
            )
        })
        .collect()
}

/// heat_stacks, job_state, state and the esi-worker copy of a completed job, in the
/// seeds' shapes.
#[track_caller]
fn assert_records(
    store: &Arc<dyn Store>,
    t: &str,
    id: &str,
    version: i64,
    verb: &str,
    worker: &str,
) {
    let stack = get(store, &key("/esi-worker/heat_stacks", t, id)).expect("heat_stacks record");
    let fields: BTreeSet<&str> = stack
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        fields,
        BTreeSet::from([
            "id",
            "output",
            "stack_id",
            "stack_status",
            "status_reason",
            "tenant_id"
        ])
    );
    assert_eq!(stack["id"], format!("{t}:{id}"));
    assert_eq!(stack["tenant_id"], TENANT);
    assert_eq!(stack["stack_status"], format!("{verb}_COMPLETE"));
    let state_raw = raw(store, &key("/state", t, id)).unwrap();
    assert!(
        state_raw.contains(r#""error": """#),
        "Python separators: {state_raw}"
    );
    let state: Value = serde_json::from_str(&state_raw).unwrap();
    assert_eq!(state["version"], version);
    assert_eq!(state["error"], "");
    assert_eq!(state["state"]["worker_state"], worker);
    assert_eq!(
        state["state"]["orchestration_state"],
        format!("{verb}_COMPLETE")
    );
    let encoded = state["state"]["heat_outputs"]
        .as_str()
        .expect("heat_outputs is a JSON string");
    let outputs: Value = serde_json::from_str(encoded).unwrap();
    assert_eq!(
        output_map(&outputs),
        output_map(&stack["output"]),
        "state outputs = stack outputs"
    );
    if verb == "DELETE" {
        assert_eq!(stack["stack_id"], "");
        assert_eq!(stack["status_reason"], "");
        assert_eq!(stack["output"], json!([]));
        assert_eq!(encoded, "[]");
    } else {
        assert_eq!(stack["stack_id"], format!("{t}_{id}"));
        let reason = if verb == "CREATE" {
            "Stack CREATE completed successfully"
        } else {
            "Stack successfully updated"
        };
        assert_eq!(stack["status_reason"], reason);
        assert!(!output_map(&stack["output"]).is_empty());
    }
    let copy = get(store, &key("/esi-worker/config", t, id)).expect("esi-worker copy");
    assert!(copy["body"].is_object(), "esi-worker copy body is decoded");
    assert_eq!(copy["version"], version);
    assert_eq!(copy["deleted"], verb == "DELETE");
    assert!(
        raw(store, &key("/esi-worker/job_state", t, id)).is_none(),
        "job_state is removed after the job"
    );
}

/// The /jobs/all values put for a resource since `from` (job id → value).
fn jobs_of(store: &Arc<dyn Store>, t: &str, id: &str, from: i64) -> Vec<(String, Value)> {
    puts(store, "/jobs/all/", from)
        .into_iter()
        .filter(|(_, k, _)| k.contains(&format!(":{t}:{id}:")))
        .map(|(_, k, v)| (job_id_of(&k), serde_json::from_str(&v).unwrap()))
        .collect()
}

#[test]
fn engine_creates_modifies_and_deletes_from_config_writes() {
    let (etcd, store) = sample_etcd();
    let start = block_on(store.probe()).unwrap().revision;
    let engine = Engine::start(&etcd, &["--sim-latency", "50ms"]);
    let e = [&engine];

    // create: a port on the sample's network/subnet and a vnf instance on it.
    put_all(
        store.as_ref(),
        &[
            (
                key("/config", "port", PORT),
                config(
                    port_body(PORT, NETWORKS[0], Some(SUBNETS[0]), true),
                    1,
                    false,
                ),
            ),
            (
                key("/config", "vnf_instance", VNF),
                config(vnf_body(VNF, "lb-vm"), 1, false),
            ),
        ],
    );
    wait_for("port v1 created", 30, &e, || {
        state_at(&store, "port", PORT, 1, "CREATE_COMPLETED")
    });
    wait_for("vnf v1 created", 30, &e, || {
        state_at(&store, "vnf_instance", VNF, 1, "CREATE_COMPLETED")
    });
    wait_for("the queue to empty", 30, &e, || {
        queue_empty(&store).then_some(())
    });
    assert_records(&store, "port", PORT, 1, "CREATE", "CREATE_COMPLETED");
    assert_records(&store, "vnf_instance", VNF, 1, "CREATE", "CREATE_COMPLETED");
    let stack = get(&store, &key("/esi-worker/heat_stacks", "port", PORT)).unwrap();
    let out = output_map(&stack["output"]);
    assert_eq!(out["id"], json!(PORT));
    assert_eq!(
        out["fq_name"],
        json!(format!("default-domain:admin:{PORT}"))
    );
    assert!(out.contains_key("monitoring_target_id") && out.contains_key("monitoring_link"));
    // The network output the port referenced, as the network's stack has it.
    let net_stack = get(
        &store,
        &key("/esi-worker/heat_stacks", "network", NETWORKS[0]),
    )
    .unwrap();
    let net_id = output_map(&net_stack["output"])["id"].clone();
    assert_eq!(
        out["virtual_network"],
        json!([["default-domain", "admin", net_id]])
    );
    // The collector's records: Go-compact, sorted keys.
    let mon = wait_for("monitoring", 10, &e, || {
        raw(&store, &key("/monitoring", "port", PORT))
    });
    assert_eq!(mon, r#"{"version":1,"vmi":"UP"}"#);
    assert_eq!(
        raw(&store, &key("/monitoring", "vnf_instance", VNF)).unwrap(),
        r#"{"server":"UP","version":1}"#
    );
    // The stored jobs: [handler, job, 0], create carries each resource once.
    let jobs = jobs_of(&store, "port", PORT, start);
    assert_eq!(jobs.len(), 1);
    let (id, v) = &jobs[0];
    assert!(
        id.starts_with(&format!("create:heat_worker:port:{PORT}:1:")),
        "{id}"
    );
    assert_eq!(
        (v[0].clone(), v[2].clone()),
        (json!("heat_worker"), json!(0))
    );
    assert_eq!(v[1]["job_name"], format!("port:{PORT}:1"));
    assert_eq!(v[1]["dependency"], json!([]));
    let vn = v[1]["params"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["param"] == "virtual_network")
        .unwrap();
    assert_eq!(
        vn["resources"],
        json!([{"resource_type": "network", "resource_id": NETWORKS[0]}])
    );
    let shown = etcd
        .esi()
        .args(["show", "port", PORT, "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(shown["verdict"]["code"], "in_sync", "{shown}");

    // A monitoring status injected through the simulated collector.
    put_all(
        store.as_ref(),
        &[(format!("/esi-sim/monitoring/port/{PORT}"), "FAIL".into())],
    );
    wait_for("vmi FAIL", 10, &e, || {
        (raw(&store, &key("/monitoring", "port", PORT))? == r#"{"version":1,"vmi":"FAIL"}"#)
            .then_some(())
    });
    let shown = etcd
        .esi()
        .args(["show", "port", PORT, "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(shown["verdict"]["code"], "degraded", "{shown}");
    delete_all(
        store.as_ref(),
        &[format!("/esi-sim/monitoring/port/{PORT}")],
    );
    wait_for("vmi UP again", 10, &e, || {
        (raw(&store, &key("/monitoring", "port", PORT))? == r#"{"version":1,"vmi":"UP"}"#)
            .then_some(())
    });

    // modify
    let before_modify = block_on(store.probe()).unwrap().revision;
    put_all(
        store.as_ref(),
        &[
            (
                key("/config", "port", PORT),
                config(
                    port_body(PORT, NETWORKS[0], Some(SUBNETS[0]), false),
                    2,
                    false,
                ),
            ),
            (
                key("/config", "vnf_instance", VNF),
                config(vnf_body(VNF, "lb-vm-renamed"), 2, false),
            ),
        ],
    );
    wait_for("port v2 modified", 30, &e, || {
        state_at(&store, "port", PORT, 2, "MODIFY_COMPLETED")
    });
    wait_for("vnf v2 modified", 30, &e, || {
        state_at(&store, "vnf_instance", VNF, 2, "MODIFY_COMPLETED")
    });
    wait_for("the queue to empty", 30, &e, || {
        queue_empty(&store).then_some(())
    });
    assert_records(&store, "port", PORT, 2, "UPDATE", "MODIFY_COMPLETED");
    assert_records(&store, "vnf_instance", VNF, 2, "UPDATE", "MODIFY_COMPLETED");
    assert_eq!(
        raw(&store, &key("/monitoring", "port", PORT)).unwrap(),
        r#"{"version":2,"vmi":"UP"}"#
    );
    let jobs = jobs_of(&store, "vnf_instance", VNF, before_modify);
    let (id, v) = &jobs[0];
    assert!(
        id.starts_with(&format!("modify:heat_worker:vnf_instance:{VNF}:2:")),
        "{id}"
    );
    let flavor = v[1]["params"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["param"] == "flavor")
        .unwrap();
    assert_eq!(flavor["value"], "m1.xlarge");
    // Legacy L ++ L for modify (spec §2.5).
    assert_eq!(flavor["resources"].as_array().unwrap().len(), 2);

    // logical delete
    put_all(
        store.as_ref(),
        &[
            (
                key("/config", "port", PORT),
                config(
                    port_body(PORT, NETWORKS[0], Some(SUBNETS[0]), false),
                    3,
                    true,
                ),
            ),
            (
                key("/config", "vnf_instance", VNF),
                config(vnf_body(VNF, "lb-vm-renamed"), 3, true),
            ),
        ],
    );
    wait_for("port v3 deleted", 30, &e, || {
        state_at(&store, "port", PORT, 3, "DELETE_COMPLETED")
    });
    wait_for("vnf v3 deleted", 30, &e, || {
        state_at(&store, "vnf_instance", VNF, 3, "DELETE_COMPLETED")
    });
    wait_for("the queue to empty", 30, &e, || {
        queue_empty(&store).then_some(())
    });
    assert_records(&store, "port", PORT, 3, "DELETE", "DELETE_COMPLETED");
    assert_records(&store, "vnf_instance", VNF, 3, "DELETE", "DELETE_COMPLETED");
    assert!(
        raw(&store, &key("/monitoring", "port", PORT)).is_none(),
        "monitoring target removed"
    );
    assert!(raw(&store, &key("/monitoring", "vnf_instance", VNF)).is_none());

    // Gohan removes config and state: the manager removes its copy and the stack record.
    delete_all(
        store.as_ref(),
        &[
            key("/config", "port", PORT),
            key("/state", "port", PORT),
            key("/config", "vnf_instance", VNF),
            key("/state", "vnf_instance", VNF),
        ],
    );
    for (t, id) in [("port", PORT), ("vnf_instance", VNF)] {
        wait_for("esi-worker clean-up", 30, &e, || {
            (raw(&store, &key("/esi-worker/config", t, id)).is_none()
                && raw(&store, &key("/esi-worker/heat_stacks", t, id)).is_none())
            .then_some(())
        });
    }
    etcd.esi().args(["show", "port", PORT]).run().code(3);
}

#[test]
fn engine_runs_jobs_queued_with_enqueue_and_replay() {
    let (etcd, store) = sample_etcd();
    let engine = Engine::start(&etcd, &[]);
    let e = [&engine];
    let port = esi::store::sample::PORT_SERVICE;
    // The sample's pending logical_delete runs first, then the queue is empty.
    wait_for("the sample's queue to drain", 30, &e, || {
        queue_empty(&store).then_some(())
    });
    let before = block_on(store.probe()).unwrap().revision;
    etcd.esi()
        .args(["enqueue", "modify", "port", port, "--yes"])
        .run()
        .ok();
    wait_for("modify by enqueue", 30, &e, || {
        state_at(&store, "port", port, 1, "MODIFY_COMPLETED")
    });
    wait_for("the queue to empty", 30, &e, || {
        queue_empty(&store).then_some(())
    });
    assert_records(&store, "port", port, 1, "UPDATE", "MODIFY_COMPLETED");
    let state_rev = |s: &Arc<dyn Store>| {
        block_on(s.range(&Range::key(key("/state", "port", port)), None))
            .unwrap()
            .1
            .kvs[0]
            .mod_revision
    };
    let after_enqueue = state_rev(&store);
    etcd.esi()
        .args(["replay", "job", "--latest", "port", port, "--yes"])
        .run()
        .ok();
    wait_for("the replayed job to run", 30, &e, || {
        (state_rev(&store) > after_enqueue && queue_empty(&store)).then_some(())
    });
    let ran: BTreeSet<String> = puts(&store, "/jobs/finished/", before)
        .into_iter()
        .map(|(_, k, _)| job_id_of(&k))
        .collect();
    assert_eq!(ran.len(), 2, "{ran:?}");
}

#[test]
fn a_port_job_waits_for_its_networks_job() {
    let (etcd, store) = sample_etcd();
    let engine = Engine::start(&etcd, &["--sim-latency", "1500ms"]);
    let e = [&engine];
    wait_for("the sample's queue to drain", 30, &e, || {
        queue_empty(&store).then_some(())
    });
    let start = block_on(store.probe()).unwrap().revision;
    let net = "7b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b";
    put_all(
        store.as_ref(),
        &[(
            key("/config", "network", net),
            config(network_body(net), 1, false),
        )],
    );
    let net_job = wait_for("the network job", 10, &e, || {
        keys(&store, "/jobs/all/")
            .into_iter()
            .find(|k| k.contains(net))
    });
    put_all(
        store.as_ref(),
        &[(
            key("/config", "port", PORT),
            config(port_body(PORT, net, None, true), 1, false),
        )],
    );
    wait_for("port created", 30, &e, || {
        state_at(&store, "port", PORT, 1, "CREATE_COMPLETED")
    });
    wait_for("the queue to empty", 30, &e, || {
        queue_empty(&store).then_some(())
    });

    let jobs = jobs_of(&store, "port", PORT, start);
    assert_eq!(
        jobs[0].1[1]["dependency"],
        json!([job_id_of(&net_job)]),
        "the port job depends on the network job"
    );
    let rev_of = |prefix: &str, what: &str| {
        puts(&store, prefix, start)
            .into_iter()
            .find(|(_, k, _)| k.contains(what))
            .map(|(r, _, _)| r)
            .unwrap_or_else(|| panic!("no put under {prefix} for {what}"))
    };
    let waiting = rev_of("/jobs/waiting/", PORT);
    let net_finished = rev_of("/jobs/finished/", net);
    let port_ready = rev_of("/jobs/ready/", PORT);
    assert!(
        waiting < net_finished && net_finished < port_ready,
        "waiting {waiting} < network finished {net_finished} < port ready {port_ready}"
    );
    // The port used the network stack's id output.
    let stack = get(&store, &key("/esi-worker/heat_stacks", "port", PORT)).unwrap();
    assert_eq!(
        output_map(&stack["output"])["virtual_network"],
        json!([["default-domain", "admin", net]])
    );
}

#[test]
fn two_workers_never_run_the_same_job() {
    let (etcd, store) = sample_etcd();
    let manager = Engine::start(&etcd, &["--role", "manager"]);
    let w1 = Engine::start(&etcd, &["--role", "worker", "--slots", "4"]);
    let w2 = Engine::start(&etcd, &["--role", "worker", "--slots", "4"]);
    let e = [&manager, &w1, &w2];
    wait_for("the sample's queue to drain", 30, &e, || {
        queue_empty(&store).then_some(())
    });
    let start = block_on(store.probe()).unwrap().revision;
    let nets: Vec<String> = (0..24)
        .map(|i| format!("0c0c0c0c-0000-4000-8000-{i:012}"))
        .collect();
    let kvs: Vec<(String, String)> = nets
        .iter()
        .map(|n| {
            (
                key("/config", "network", n),
                config(network_body(n), 1, false),
            )
        })
        .collect();
    put_all(store.as_ref(), &kvs);
    for n in &nets {
        wait_for("every network created", 60, &e, || {
            state_at(&store, "network", n, 1, "CREATE_COMPLETED")
        });
    }
    wait_for("the queue to empty", 30, &e, || {
        queue_empty(&store).then_some(())
    });
    let mut reservations: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (_, k, uuid) in puts(&store, "/jobs/working/", start) {
        reservations.entry(job_id_of(&k)).or_default().push(uuid);
    }
    assert_eq!(reservations.len(), 24);
    for (job, r) in &reservations {
        assert_eq!(r.len(), 1, "{job} was reserved {} times: {r:?}", r.len());
    }
    let finished = puts(&store, "/jobs/finished/", start);
    assert_eq!(finished.len(), 24);
}

#[test]
fn a_killed_workers_job_is_requeued_and_completed_by_another() {
    let (etcd, store) = sample_etcd();
    clear_queue(&store);
    let manager = Engine::start(&etcd, &["--role", "manager"]);
    let mut slow = Engine::start(
        &etcd,
        &[
            "--role",
            "worker",
            "--sim-latency",
            "120s",
            "--lease-ttl",
            "3s",
        ],
    );
    let start = block_on(store.probe()).unwrap().revision;
    let net = "8c3d4e5f-6071-4829-9bac-1d2e3f4a5b6c";
    put_all(
        store.as_ref(),
        &[(
            key("/config", "network", net),
            config(network_body(net), 1, false),
        )],
    );
    let working = wait_for("the slow worker to reserve", 15, &[&manager, &slow], || {
        keys(&store, "/jobs/working/")
            .into_iter()
            .find(|k| k.contains(net))
    });
    slow.kill9();
    let fast = Engine::start(&etcd, &["--role", "worker", "--lease-ttl", "3s"]);
    let e = [&manager, &fast];
    wait_for("the job to complete on the other worker", 30, &e, || {
        state_at(&store, "network", net, 1, "CREATE_COMPLETED")
    });
    wait_for("the queue to empty", 30, &e, || {
        queue_empty(&store).then_some(())
    });
    let job = job_id_of(&working);
    let retries: Vec<i64> = puts(&store, "/jobs/all/", start)
        .into_iter()
        .filter(|(_, k, _)| job_id_of(k) == job)
        .map(|(_, _, v)| {
            serde_json::from_str::<Value>(&v).unwrap()[2]
                .as_i64()
                .unwrap()
        })
        .collect();
    assert_eq!(retries, vec![0, 1], "enqueued, then re-queued once");
    let uuids: Vec<String> = puts(&store, "/jobs/working/", start)
        .into_iter()
        .filter(|(_, k, _)| job_id_of(k) == job)
        .map(|(_, _, v)| v)
        .collect();
    assert_eq!(uuids.len(), 2);
    assert_ne!(uuids[0], uuids[1]);
    assert!(raw(&store, &key("/esi-worker/job_state", "network", net)).is_none());
    assert!(
        manager.log().contains("re-queued (retry 1)"),
        "{}",
        manager.log()
    );
}

#[test]
fn a_job_that_keeps_losing_its_worker_fails_after_max_retries() {
    let (etcd, store) = sample_etcd();
    clear_queue(&store);
    let manager = Engine::start(&etcd, &["--role", "manager", "--max-retries", "0"]);
    let mut slow = Engine::start(
        &etcd,
        &[
            "--role",
            "worker",
            "--sim-latency",
            "120s",
            "--lease-ttl",
            "2s",
        ],
    );
    let net = "9d4e5f60-7182-4930-8cbd-2e3f4a5b6c7d";
    put_all(
        store.as_ref(),
        &[(
            key("/config", "network", net),
            config(network_body(net), 1, false),
        )],
    );
    wait_for("the reservation", 15, &[&manager, &slow], || {
        keys(&store, "/jobs/working/")
            .into_iter()
            .find(|k| k.contains(net))
    });
    slow.kill9();
    let st = wait_for("the failed state", 30, &[&manager], || {
        state_at(&store, "network", net, 1, "CREATE_FAILED")
    });
    assert!(
        st["error"].as_str().unwrap().contains("--max-retries 0"),
        "{st}"
    );
    wait_for("the queue to empty", 30, &[&manager], || {
        queue_empty(&store).then_some(())
    });
    assert!(raw(&store, &key("/esi-worker/job_state", "network", net)).is_none());
    let shown = etcd
        .esi()
        .args(["show", "network", net, "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(shown["verdict"]["code"], "failed", "{shown}");
}

#[test]
fn the_standby_manager_takes_over_when_the_master_dies() {
    let (etcd, store) = sample_etcd();
    let (id_a, id_b) = (
        "aaaaaaaa-0000-4000-8000-00000000000a",
        "bbbbbbbb-0000-4000-8000-00000000000b",
    );
    let mut a = Engine::start(
        &etcd,
        &[
            "--role",
            "manager",
            "--manager-ttl",
            "3s",
            "--manager-id",
            id_a,
        ],
    );
    let mut b = Engine::start(
        &etcd,
        &[
            "--role",
            "manager",
            "--manager-ttl",
            "3s",
            "--manager-id",
            id_b,
        ],
    );
    let worker = Engine::start(&etcd, &["--role", "worker"]);
    let master = wait_for("a master", 15, &[&a, &b], || raw(&store, "/job_manager_id"));
    assert!(master == id_a || master == id_b, "{master}");
    let (dead, survivor, survivor_id) = if master == id_a {
        (&mut a, &b, id_b)
    } else {
        (&mut b, &a, id_a)
    };
    dead.kill9();
    let net = "ae5f6071-8293-4a41-8dce-3f4a5b6c7d8e";
    put_all(
        store.as_ref(),
        &[(
            key("/config", "network", net),
            config(network_body(net), 1, false),
        )],
    );
    let e = [survivor, &worker];
    wait_for("the standby to take /job_manager_id", 20, &e, || {
        (raw(&store, "/job_manager_id")? == survivor_id).then_some(())
    });
    wait_for("the new config to be processed", 30, &e, || {
        state_at(&store, "network", net, 1, "CREATE_COMPLETED")
    });
    assert!(
        survivor.log().contains("I am a master"),
        "{}",
        survivor.log()
    );
}

#[test]
fn an_injected_failure_is_reported_and_a_replay_completes_once_cleared() {
    let (etcd, store) = sample_etcd();
    let engine = Engine::start(&etcd, &[]);
    let e = [&engine];
    let net = "bf607182-93a4-4b52-8edf-4a5b6c7d8e9f";
    let fault = format!("/esi-sim/fail/network/{net}");
    put_all(
        store.as_ref(),
        &[(fault.clone(), "quota exceeded for networks".into())],
    );
    put_all(
        store.as_ref(),
        &[(
            key("/config", "network", net),
            config(network_body(net), 1, false),
        )],
    );
    let st = wait_for("the failed state", 30, &e, || {
        state_at(&store, "network", net, 1, "CREATE_FAILED")
    });
    assert_eq!(st["state"]["orchestration_state"], "CREATE_FAILED");
    assert!(
        st["error"]
            .as_str()
            .unwrap()
            .contains("quota exceeded for networks"),
        "{st}"
    );
    let stack = get(&store, &key("/esi-worker/heat_stacks", "network", net)).unwrap();
    assert_eq!(stack["stack_status"], "CREATE_FAILED");
    wait_for("the queue to empty", 30, &e, || {
        queue_empty(&store).then_some(())
    });
    let shown = etcd
        .esi()
        .args(["show", "network", net, "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(shown["verdict"]["code"], "failed", "{shown}");

    delete_all(store.as_ref(), &[fault]);
    etcd.esi()
        .args(["replay", "job", "--latest", "network", net, "--yes"])
        .run()
        .ok();
    wait_for("the replay to complete", 30, &e, || {
        state_at(&store, "network", net, 1, "CREATE_COMPLETED")
    });
    wait_for("the queue to empty", 30, &e, || {
        queue_empty(&store).then_some(())
    });
    assert_eq!(
        get(&store, &key("/state", "network", net)).unwrap()["error"],
        ""
    );
    let shown = etcd
        .esi()
        .args(["show", "network", net, "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(shown["verdict"]["code"], "in_sync", "{shown}");
}

#[test]
fn sigterm_lets_the_running_job_finish_and_exits_0() {
    let (_etcd, store, mut engine) = sample_drained_by(&["--sim-latency", "2s"]);
    let net = "c0718293-a4b5-4c63-8e0f-5b6c7d8e9fa0";
    reserve_new_network(&store, &engine, net);
    let code = engine.terminate(Duration::from_secs(20));
    assert_eq!(code, 0, "{}", engine.log());
    assert!(
        state_at(&store, "network", net, 1, "CREATE_COMPLETED").is_some(),
        "the running job finished before exit"
    );
    assert!(
        raw(&store, "/job_manager_id").is_none(),
        "the manager resigned"
    );
}

#[test]
fn a_job_still_running_at_the_drain_deadline_goes_back_to_ready_without_a_retry() {
    let (etcd, store, mut engine) = sample_drained_by(&["--sim-latency", "2s"]);
    engine.terminate(Duration::from_secs(20));
    // A slow stack and a short drain: the job cannot finish before the deadline.
    let mut engine = Engine::start(&etcd, &["--sim-latency", "30s", "--drain-timeout", "300ms"]);
    let net = "c0718293-a4b5-4c63-8e0f-5b6c7d8e9fa1";
    let working = reserve_new_network(&store, &engine, net);
    let id = working.trim_start_matches("/jobs/working/").to_string();
    assert_eq!(
        engine.terminate(Duration::from_secs(20)),
        0,
        "{}",
        engine.log()
    );
    assert!(raw(&store, &working).is_none(), "reservation released");
    assert_eq!(
        raw(&store, &format!("/jobs/ready/{id}")).as_deref(),
        Some("heat_worker"),
        "back in ready: {}",
        engine.log()
    );
    let all = get(&store, &format!("/jobs/all/{id}")).expect("still queued");
    assert_eq!(all[2], json!(0), "a shutdown is not a retry");
    assert!(
        raw(&store, &key("/esi-worker/job_state", "network", net)).is_none(),
        "its job_state is cleared"
    );
}

/// Write a new network's config and wait until `engine` reserves its job; returns the
/// `/jobs/working/<id>` key.
fn reserve_new_network(store: &Arc<dyn Store>, engine: &Engine, net: &str) -> String {
    put_all(
        store.as_ref(),
        &[(
            key("/config", "network", net),
            config(network_body(net), 1, false),
        )],
    );
    wait_for("the reservation", 15, &[engine], || {
        keys(store, "/jobs/working/")
            .into_iter()
            .find(|k| k.contains(net))
    })
}

/// The bundled sample in etcd and an engine that has run its pending jobs.
fn sample_drained_by(args: &[&str]) -> (Etcd, Arc<dyn Store>, Engine) {
    let (etcd, store) = sample_etcd();
    let engine = Engine::start(&etcd, args);
    wait_for("the sample's queue to drain", 30, &[&engine], || {
        queue_empty(&store).then_some(())
    });
    (etcd, store, engine)
}

#[test]
fn the_engine_says_one_line_per_job_and_a_summary_plain_when_not_on_a_terminal() {
    let (etcd, store) = sample_etcd();
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("engine.log");
    let mut cmd = etcd.esi().args(["engine", "run"]).command();
    cmd.env_remove("RUST_LOG")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap());
    let mut child = cmd.spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !queue_empty(&store) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    let pid = child.id().to_string();
    std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    assert!(child.wait().unwrap().success());
    let text = std::fs::read_to_string(&log).unwrap();
    let jobs: Vec<&str> = text
        .lines()
        .filter(|l| l.contains(" job ") && l.contains("completed in"))
        .collect();
    assert_eq!(
        jobs.len(),
        1,
        "the sample's one pending job, in one line: {text}"
    );
    assert!(
        jobs[0].contains("logical_delete:heat_worker:port:db3bff62"),
        "it names the job and so the resource: {text}"
    );
    assert!(
        !text.contains("promoted to ready") && !text.contains("queued ("),
        "no per-job manager chatter by default: {text}"
    );
    assert!(
        text.contains("worker stopped: 1 jobs completed, 0 failed"),
        "{text}"
    );
    assert!(
        !text.contains('\x1b'),
        "no escape codes into a file: {text:?}"
    );
}
