//! The heat backend against a real etcd and a real Heat: a port's create → modify →
//! logical_delete with the stacks really created, updated and deleted (checked through
//! Heat's API) and their outputs in heat_stacks, job_state and state; a failing stack →
//! FAILED with Heat's reason → replay once the fault is cleared; a worker SIGKILLed after
//! its create request → the retried job adopts the stack; Heat killed mid-job → the job
//! is released and completes once Heat is back.
//!
//! The lab template maps the port's vendor type onto `OS::Heat::TestResource` through
//! environments: the template record's `environment` and a `--heat-environment` file.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde_json::{json, Value};

use crate::engine::{config, get, job_id_of, key, puts, queue_empty, raw, sample_etcd, state_at};
use crate::harness::{block_on, put_all, Etcd};
use crate::heat::harness::{outputs, Heat};
use crate::heat::worker::{wait, Worker, TOKEN};
use esi::model::wire::encode_config;
use esi::store::sample::{NETWORKS, SUBNETS, TENANT};
use esi::store::Store;

pub(super) const PORT: &str = "3f1e2d4c-5b6a-4978-8c9d-0a1b2c3d4e5f";

/// The lab's port template: the recorded port's parameters, its VMI as a vendor type
/// the environment maps onto TestResource (`wait_secs`, `fail` set by the test).
fn lab_template(wait_secs: u32, fail: bool) -> String {
    format!(
        r#"heat_template_version: 2018-08-31
description: Lab port (the VMI mapped onto OS::Heat::TestResource)
parameters:
  uuid: {{type: string}}
  name: {{type: string}}
  security_groups: {{type: json, default: []}}
  virtual_machine_interface_allowed_address_pairs: {{type: json}}
  virtual_machine_interface_mac_address: {{type: string, default: "fe:ff:ff:ff:ff:ff"}}
  virtual_network: {{type: string}}
  virtual_machine: {{type: string, default: ""}}
  device_owner: {{type: string, default: ""}}
  admin_state_up: {{type: boolean, default: true}}
  tenant_id: {{type: string}}
  version: {{type: number}}
  lab_zone: {{type: string}}
resources:
  virtual_machine_interface:
    type: OS::ContrailV2::VirtualMachineInterface
    properties:
      value: {{list_join: [":", ["default-domain", "admin", {{get_param: uuid}}]]}}
      wait_secs: {wait_secs}
      fail: {fail}
  admin_state:
    type: OS::Heat::Value
    properties:
      type: boolean
      value: {{get_param: admin_state_up}}
{{% for fixed_ip in jinja_fixed_ips %}}
  instance_ip_{{{{ loop.index0 }}}}:
    type: OS::ContrailV2::InstanceIp
{{% endfor %}}
outputs:
  fq_name:
    description: Fully Qualified Name of the VMI
    value: {{get_attr: [virtual_machine_interface, output]}}
  id:
    description: A unique id for the virtual machine interface.
    value: {{get_param: uuid}}
  virtual_network:
    description: Virtual network.
    value: {{get_param: virtual_network}}
  admin_state_up:
    description: Administrative state.
    value: {{get_attr: [admin_state, value]}}
  zone:
    description: From the lab environment's parameter_defaults.
    value: {{get_param: lab_zone}}
"#
    )
}

/// Replace the sample's port template record with the lab's (same mappings).
fn put_lab_template(store: &Arc<dyn Store>, wait_secs: u32, fail: bool) {
    let (_, mut rec) = esi::store::sample::templates()
        .into_iter()
        .find(|(id, _)| id == "port")
        .expect("the sample's port template");
    rec["body"]["template_file"] = json!(lab_template(wait_secs, fail));
    rec["body"]["environment"] = json!({"resource_registry":
        {"OS::ContrailV2::VirtualMachineInterface": "OS::Heat::TestResource"}});
    put_all(
        store.as_ref(),
        &[("/config/v2.0/heat_templates/port", encode_config(&rec))],
    );
}

/// The `--heat-environment` file: the other vendor type, and a parameter default.
pub(super) fn lab_environment(dir: &std::path::Path) -> String {
    let f = dir.join("lab-env.yaml");
    std::fs::write(
        &f,
        "resource_registry:\n  OS::ContrailV2::InstanceIp: OS::Heat::None\n\
         parameter_defaults:\n  lab_zone: lab-a\n",
    )
    .unwrap();
    f.display().to_string()
}

fn port_body(admin_up: bool) -> Value {
    json!({"id": PORT, "name": "heat-test-port", "network_id": NETWORKS[0], "tenant_id": TENANT,
           "device_owner": "compute:nova", "device_id": "47531b14-72e9-439d-8949-fd941457ecde",
           "attached": true, "fixed_ips": [{"subnet_id": SUBNETS[0], "ip_address": "100.64.193.9"}],
           "mac_address": "fa:16:3e:00:00:0a", "allowed_address_pairs": [], "security_groups": [],
           "admin_state_up": admin_up, "status": "PENDING_CREATE"})
}

pub(super) fn put_port(store: &Arc<dyn Store>, version: i64, admin_up: bool, marked: bool) {
    put_all(
        store.as_ref(),
        &[(
            key("/config", "port", PORT),
            config(port_body(admin_up), version, marked),
        )],
    );
}

pub(super) fn stack_name() -> String {
    format!("port_{PORT}")
}

pub(super) struct Lab {
    pub(super) etcd: Etcd,
    pub(super) store: Arc<dyn Store>,
    pub(super) heat: Heat,
    pub(super) env_dir: tempfile::TempDir,
}

pub(super) fn lab(wait_secs: u32, fail: bool) -> Lab {
    let heat = Heat::start();
    let (etcd, store) = sample_etcd();
    put_lab_template(&store, wait_secs, fail);
    Lab {
        etcd,
        store,
        heat,
        env_dir: tempfile::tempdir().unwrap(),
    }
}

impl Lab {
    fn worker(&self, extra: &[&str]) -> Worker {
        let env = lab_environment(self.env_dir.path());
        let mut args = vec!["--heat-environment", env.as_str()];
        args.extend_from_slice(extra);
        Worker::start(&self.etcd, &self.heat, &args)
    }
}

fn output_map(list: &Value) -> BTreeMap<String, Value> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["output_key"].as_str().unwrap().to_string(),
                o["output_value"].clone(),
            )
        })
        .collect()
}

/// heat_stacks, state and job_state agree with the stack Heat has.
#[track_caller]
fn assert_records_match_heat(lab: &Lab, version: i64, worker_state: &str, reason: &str) {
    let store = &lab.store;
    let stack = lab
        .heat
        .stack(TENANT, &stack_name())
        .expect("the stack in Heat");
    let rec = get(store, &key("/esi-worker/heat_stacks", "port", PORT)).unwrap();
    assert_eq!(rec["id"], format!("port:{PORT}"));
    assert_eq!(rec["stack_id"], stack_name());
    assert_eq!(rec["tenant_id"], TENANT);
    assert_eq!(rec["status_reason"], reason);
    assert_eq!(
        output_map(&rec["output"]),
        outputs(&stack),
        "heat_stacks = Heat's outputs"
    );
    let st = get(store, &key("/state", "port", PORT)).unwrap();
    assert_eq!(st["version"], version);
    assert_eq!(st["error"], "");
    assert_eq!(st["state"]["worker_state"], worker_state);
    let encoded: Value =
        serde_json::from_str(st["state"]["heat_outputs"].as_str().unwrap()).unwrap();
    assert_eq!(
        output_map(&encoded),
        outputs(&stack),
        "state = Heat's outputs"
    );
    assert!(
        raw(store, &key("/esi-worker/job_state", "port", PORT)).is_none(),
        "job_state is removed after the job"
    );
}

#[test]
fn a_port_is_created_updated_and_deleted_in_heat() {
    let lab = lab(0, false);
    let w = lab.worker(&[]);
    let (heat, store) = (&lab.heat, &lab.store);

    put_port(store, 1, true, false);
    wait("port v1 created", 90, heat, &[&w], || {
        state_at(store, "port", PORT, 1, "CREATE_COMPLETED")
    });
    let stack = heat.stack(TENANT, &stack_name()).expect("created in Heat");
    assert_eq!(stack["stack_status"], "CREATE_COMPLETE");
    assert_eq!(stack["timeout_mins"], 13, "heat_timeout C13");
    assert_eq!(stack["disable_rollback"], true);
    let out = outputs(&stack);
    assert_eq!(out["fq_name"], format!("default-domain:admin:{PORT}"));
    assert_eq!(
        out["zone"], "lab-a",
        "parameter_defaults of --heat-environment"
    );
    assert_eq!(out["admin_state_up"], true);
    // The network stack's `id` output, resolved by the worker.
    let net = get(
        store,
        &key("/esi-worker/heat_stacks", "network", NETWORKS[0]),
    )
    .unwrap();
    assert_eq!(out["virtual_network"], output_map(&net["output"])["id"]);
    assert_records_match_heat(
        &lab,
        1,
        "CREATE_COMPLETED",
        "Stack CREATE completed successfully",
    );
    let first_id = stack["id"].clone();

    put_port(store, 2, false, false);
    wait("port v2 modified", 90, heat, &[&w], || {
        state_at(store, "port", PORT, 2, "MODIFY_COMPLETED")
    });
    let stack = heat.stack(TENANT, &stack_name()).unwrap();
    assert_eq!(stack["stack_status"], "UPDATE_COMPLETE");
    assert_eq!(stack["id"], first_id, "updated in place, not recreated");
    assert_eq!(outputs(&stack)["admin_state_up"], false);
    assert_records_match_heat(&lab, 2, "MODIFY_COMPLETED", "Stack successfully updated");

    put_port(store, 3, false, true);
    wait("port v3 deleted", 90, heat, &[&w], || {
        state_at(store, "port", PORT, 3, "DELETE_COMPLETED")
    });
    assert!(
        heat.stack(TENANT, &stack_name()).is_none(),
        "gone from Heat"
    );
    let all = heat.stacks_named(TENANT, &stack_name());
    assert_eq!(all.len(), 1, "one stack in the port's whole life: {all:?}");
    assert_eq!(all[0]["stack_status"], "DELETE_COMPLETE");
    let rec = get(store, &key("/esi-worker/heat_stacks", "port", PORT)).unwrap();
    assert_eq!(
        (rec["stack_id"].clone(), rec["output"].clone()),
        (json!(""), json!([]))
    );
    wait("the queue to empty", 30, heat, &[&w], || {
        queue_empty(store).then_some(())
    });
    let log = w.log();
    assert!(
        log.contains("heat: POST stacks") && log.contains("heat: PUT stacks/"),
        "{log}"
    );
    assert!(!log.contains(TOKEN), "the token is never logged");
}

#[test]
fn a_failed_stack_reports_heats_reason_and_a_replay_completes_once_fixed() {
    let lab = lab(0, true);
    let w = lab.worker(&[]);
    let (heat, store) = (&lab.heat, &lab.store);
    put_port(store, 1, true, false);
    let st = wait("the failed create", 90, heat, &[&w], || {
        state_at(store, "port", PORT, 1, "CREATE_FAILED")
    });
    let stack = heat
        .stack(TENANT, &stack_name())
        .expect("the failed stack in Heat");
    assert_eq!(stack["stack_status"], "CREATE_FAILED");
    let reason = stack["stack_status_reason"].as_str().unwrap();
    assert!(reason.contains("Test Resource failed"), "{reason}");
    assert_eq!(
        st["error"], reason,
        "state carries Heat's stack_status_reason"
    );
    assert_eq!(st["state"]["orchestration_state"], "CREATE_FAILED");
    let rec = get(store, &key("/esi-worker/heat_stacks", "port", PORT)).unwrap();
    assert_eq!(rec["stack_status"], "CREATE_FAILED");
    assert_eq!(rec["status_reason"], reason);
    wait("the queue to empty", 30, heat, &[&w], || {
        queue_empty(store).then_some(())
    });

    put_lab_template(store, 0, false);
    lab.etcd
        .esi()
        .args(["replay", "job", "--latest", "port", PORT, "--yes"])
        .run()
        .ok();
    wait("the replay to complete", 90, heat, &[&w], || {
        state_at(store, "port", PORT, 1, "CREATE_COMPLETED")
    });
    assert_records_match_heat(
        &lab,
        1,
        "CREATE_COMPLETED",
        "Stack CREATE completed successfully",
    );
    let all = heat.stacks_named(TENANT, &stack_name());
    assert_eq!(
        all.len(),
        1,
        "the failed stack was updated, not duplicated: {all:?}"
    );
    assert_eq!(all[0]["stack_status"], "UPDATE_COMPLETE");
}

/// The /jobs/all retry counts of the port's job since `from`.
fn retries(store: &Arc<dyn Store>, from: i64) -> Vec<i64> {
    puts(store, "/jobs/all/", from)
        .into_iter()
        .filter(|(_, k, _)| job_id_of(k).contains(PORT))
        .map(|(_, _, v)| {
            serde_json::from_str::<Value>(&v).unwrap()[2]
                .as_i64()
                .unwrap()
        })
        .collect()
}

#[test]
fn a_worker_killed_after_its_create_request_leaves_one_stack() {
    let lab = lab(4, false);
    let (heat, store) = (&lab.heat, &lab.store);
    let manager = lab.worker(&["--role", "manager"]);
    let mut first = lab.worker(&["--role", "worker", "--lease-ttl", "3s"]);
    let from = block_on(store.probe()).unwrap().revision;
    put_port(store, 1, true, false);
    wait(
        "the create request to reach Heat",
        60,
        heat,
        &[&manager, &first],
        || (!heat.stacks_named(TENANT, &stack_name()).is_empty()).then_some(()),
    );
    first.kill9();
    let second = lab.worker(&["--role", "worker", "--lease-ttl", "3s"]);
    wait(
        "the retried job to complete",
        90,
        heat,
        &[&manager, &second],
        || state_at(store, "port", PORT, 1, "CREATE_COMPLETED"),
    );
    let all = heat.stacks_named(TENANT, &stack_name());
    assert_eq!(all.len(), 1, "adopted, not created twice: {all:?}");
    assert_records_match_heat(
        &lab,
        1,
        "CREATE_COMPLETED",
        "Stack CREATE completed successfully",
    );
    assert_eq!(
        retries(store, from),
        vec![0, 1],
        "enqueued, then re-queued once"
    );
    let log = second.log();
    assert!(
        log.contains("heat: PUT stacks/") && !log.contains("heat: POST stacks"),
        "{log}"
    );
}

#[test]
fn heat_killed_mid_job_releases_it_and_it_completes_once_heat_is_back() {
    let mut lab = lab(3, false);
    let w = lab.worker(&["--heat-wait", "120s"]);
    let from = block_on(lab.store.probe()).unwrap().revision;
    put_port(&lab.store, 1, true, false);
    wait("the stack to be in progress", 60, &lab.heat, &[&w], || {
        let s = lab.heat.stacks_named(TENANT, &stack_name());
        (s.first()?["stack_status"] == "CREATE_IN_PROGRESS").then_some(())
    });
    lab.heat.kill();
    wait("the job to be released", 30, &lab.heat, &[&w], || {
        w.log()
            .contains("releasing it for another attempt")
            .then_some(())
    });
    // The failed request is named: method and URL.
    let log = w.log();
    let request = format!(
        "Heat GET http://127.0.0.1:{}/v1/{TENANT}/stacks/",
        lab.heat.port
    );
    assert!(log.contains(&request), "{log}");
    lab.heat.restart();
    let (heat, store) = (&lab.heat, &lab.store);
    wait(
        "the job to complete once Heat is back",
        120,
        heat,
        &[&w],
        || state_at(store, "port", PORT, 1, "CREATE_COMPLETED"),
    );
    assert_eq!(heat.stacks_named(TENANT, &stack_name()).len(), 1);
    assert_records_match_heat(
        &lab,
        1,
        "CREATE_COMPLETED",
        "Stack CREATE completed successfully",
    );
    assert_eq!(
        retries(store, from),
        vec![0, 1],
        "released once, re-queued once"
    );
    assert!(w.log().contains("heat: usable again"), "{}", w.log());
    assert!(!w.log().contains(TOKEN), "the token is never logged");
}
