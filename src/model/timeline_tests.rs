//! Timeline entries: one change of one key → family, versions and a one-line summary;
//! secrets hidden when asked.

use serde_json::{json, Value};

use super::*;
use crate::model::keys::Family;
use crate::model::kv::Kv;
use crate::model::redact::REDACTED;
use crate::model::wire::{encode_config, encode_state, python_json};

const PORT: &str = "ddc14be4-3480-4e97-a978-817b18f9904c";
const JOB: &str = "modify:heat_worker:port:ddc14be4-3480-4e97-a978-817b18f9904c:4:abcde";

fn key(f: Family) -> String {
    format!("{}/v2.0/ports/{PORT}", f.root())
}

fn kv(key: &str, value: &str, rev: i64, version: i64) -> Kv {
    Kv {
        key: key.to_string(),
        value: value.as_bytes().to_vec(),
        create_revision: rev - version + 1,
        mod_revision: rev,
        version,
        lease: 0,
    }
}

/// A put at revision `rev` (etcd key version `version`), with its previous value.
fn put(key: &str, value: &str, rev: i64, version: i64, prev: Option<&str>) -> WatchEvent {
    WatchEvent {
        kind: EventKind::Put,
        kv: kv(key, value, rev, version),
        prev: prev.map(|p| kv(key, p, rev - 1, version - 1)),
    }
}

/// A delete at revision `rev`: empty value, version 0, the previous value.
fn delete(key: &str, rev: i64, prev: Option<&str>) -> WatchEvent {
    WatchEvent {
        kind: EventKind::Delete,
        kv: Kv {
            key: key.to_string(),
            value: vec![],
            create_revision: 0,
            mod_revision: rev,
            version: 0,
            lease: 0,
        },
        prev: prev.map(|p| kv(key, p, rev - 1, 1)),
    }
}

fn config(body: Value, v: i64, marked: bool) -> String {
    encode_config(&json!({"body": body, "marked_for_deletion": marked, "version": v}))
}

fn body(admin_state_up: bool) -> Value {
    json!({"admin_state_up": admin_state_up, "id": PORT, "name": "mgmt",
           "status": "ACTIVE", "orchestration_state": "UPDATE_COMPLETE"})
}

fn state(v: i64, ws: &str, error: &str) -> String {
    encode_state(&json!({"error": error,
        "state": {"heat_outputs": [], "orchestration_state": "UPDATE_COMPLETE", "worker_state": ws},
        "version": v}))
}

#[test]
fn config_created() {
    let reg = Registry::builtin();
    let k = key(Family::Config);
    let e = entry(
        &reg,
        10,
        &put(&k, &config(body(true), 1, false), 10, 1, None),
        true,
    );
    assert_eq!(e.revision, 10);
    assert_eq!(e.family, "config");
    assert_eq!(e.key, k);
    assert_eq!(e.event, EventKind::Put);
    assert_eq!(e.version, Some(1));
    assert_eq!(e.key_version, 1);
    // A creation lists no field changes, even though every field is new.
    assert_eq!(e.summary, "config v1 created");
    // The value is decoded: the body is an object, not a string.
    let v = e.value.unwrap();
    assert_eq!(v["body"]["id"], json!(PORT));
    assert_eq!(v["version"], json!(1));
}

#[test]
fn config_version_change_lists_changed_body_fields() {
    let reg = Registry::builtin();
    let k = key(Family::Config);
    let mut new_body = body(false);
    new_body["description"] = json!("user port");
    new_body["status"] = json!("PENDING_UPDATE"); // bookkeeping: not listed
    new_body["orchestration_state"] = json!("UPDATE_IN_PROGRESS"); // bookkeeping
    new_body.as_object_mut().unwrap().remove("name");
    let ev = put(
        &k,
        &config(new_body, 4, false),
        20,
        4,
        Some(&config(body(true), 3, false)),
    );
    let e = entry(&reg, 20, &ev, true);
    assert_eq!(e.version, Some(4));
    assert_eq!(e.key_version, 4);
    // Encoded with sorted keys: changes follow the new body's key order, removals last.
    assert_eq!(
        e.summary,
        "config v3 → v4: admin_state_up true→false, +description, -name"
    );
}

#[test]
fn config_delete_request_and_unchanged_body() {
    let reg = Registry::builtin();
    let k = key(Family::Config);
    let ev = put(
        &k,
        &config(body(true), 5, true),
        30,
        5,
        Some(&config(body(true), 4, false)),
    );
    assert_eq!(
        entry(&reg, 30, &ev, true).summary,
        "config v4 → v5 (delete requested)"
    );
    let ev = put(
        &k,
        &config(body(false), 5, true),
        30,
        5,
        Some(&config(body(true), 4, false)),
    );
    assert_eq!(
        entry(&reg, 30, &ev, true).summary,
        "config v4 → v5: admin_state_up true→false (delete requested)"
    );
}

#[test]
fn field_changes_added_removed_changed_and_capped() {
    let old = json!({"a": 1, "b": "x", "gone": true, "status": "ACTIVE"});
    let new = json!({"a": 2, "b": "x", "c": null, "status": "ERROR"});
    assert_eq!(
        field_changes(Some(&old), Some(&new), 10),
        vec!["a 1→2", "+c", "-gone"]
    );
    // Nothing before: everything is added; nothing after: everything removed.
    assert_eq!(
        field_changes(None, Some(&json!({"x": 1, "y": 2})), 10),
        vec!["+x", "+y"]
    );
    assert_eq!(field_changes(Some(&json!({"x": 1})), None, 10), vec!["-x"]);
    // Over the cap: the first `max`, then how many more.
    let new = json!({"p": 1, "q": 2, "r": 3, "s": 4, "t": 5});
    assert_eq!(
        field_changes(None, Some(&new), 3),
        vec!["+p", "+q", "+r", "+2 more"]
    );
    // Long values are cut at 39 characters and an ellipsis.
    let long = "x".repeat(50);
    let changes = field_changes(Some(&json!({"k": "short"})), Some(&json!({"k": long})), 3);
    assert_eq!(changes, vec![format!("k short→{}…", "x".repeat(39))]);
    // Strings are shown unquoted, other values as JSON.
    let changes = field_changes(
        Some(&json!({"k": "a", "n": [1]})),
        Some(&json!({"k": "b", "n": [1, 2]})),
        3,
    );
    assert_eq!(changes, vec!["k a→b", "n [1]→[1,2]"]);
}

#[test]
fn state_put_shows_worker_state_and_error() {
    let reg = Registry::builtin();
    let k = key(Family::State);
    let e = entry(
        &reg,
        40,
        &put(&k, &state(3, "MODIFY_COMPLETED", ""), 40, 3, None),
        true,
    );
    assert_eq!(e.family, "state");
    assert_eq!(e.version, Some(3));
    assert_eq!(e.summary, "state MODIFY_COMPLETED v3");
    // heat_outputs is decoded from its string form.
    assert_eq!(e.value.unwrap()["state"]["heat_outputs"], json!([]));

    let e = entry(
        &reg,
        41,
        &put(
            &k,
            &state(4, "MODIFY_FAILED", "Stack timed out"),
            41,
            4,
            None,
        ),
        true,
    );
    assert_eq!(e.summary, "state MODIFY_FAILED v4: error Stack timed out");
}

#[test]
fn other_family_puts() {
    let reg = Registry::builtin();
    let sum = |f: Family, value: &str, prev: Option<&str>| {
        entry(&reg, 50, &put(&key(f), value, 50, 2, prev), true).summary
    };
    let copy = python_json(&json!({"body": body(true), "deleted": true, "version": 4}));
    assert_eq!(
        sum(Family::WorkerConfig, &copy, None),
        "esi-worker config v4 (deleted)"
    );
    let stack = python_json(&json!({"stack_status": "UPDATE_COMPLETE",
        "status_reason": "Stack successfully updated", "output": []}));
    assert_eq!(
        sum(Family::HeatStack, &stack, None),
        "heat stack UPDATE_COMPLETE (Stack successfully updated)"
    );
    let stack =
        python_json(&json!({"stack_status": "DELETE_COMPLETE", "status_reason": "", "output": []}));
    assert_eq!(
        sum(Family::HeatStack, &stack, None),
        "heat stack DELETE_COMPLETE"
    );
    assert_eq!(
        sum(Family::JobState, "{}", None),
        "job_state {} (job started)"
    );
    let done = python_json(&json!({"heat_outputs": [], "orchestration_state": "UPDATE_COMPLETE"}));
    assert_eq!(
        sum(Family::JobState, &done, Some("{}")),
        "job_state UPDATE_COMPLETE"
    );
    assert_eq!(
        sum(
            Family::Monitoring,
            r#"{"version":3,"vmi":"FAIL"}"#,
            Some(r#"{"version":3,"vmi":"UP"}"#)
        ),
        "monitoring vmi UP→FAIL (v3)"
    );
    assert_eq!(
        sum(Family::Monitoring, r#"{"version":2,"vmi":"UP"}"#, None),
        "monitoring vmi=UP (v2)"
    );
}

#[test]
fn deletes() {
    let reg = Registry::builtin();
    let e = entry(
        &reg,
        60,
        &delete(&key(Family::Config), 60, Some(&config(body(true), 4, true))),
        true,
    );
    assert_eq!(e.family, "config");
    assert_eq!(e.event, EventKind::Delete);
    assert_eq!(e.summary, "config deleted");
    // The version comes from the previous value; nothing is left after the delete.
    assert_eq!(e.version, Some(4));
    assert_eq!(e.key_version, 0);
    assert!(e.value.is_none());

    let sum = |f: Family| entry(&reg, 61, &delete(&key(f), 61, None), true).summary;
    assert_eq!(sum(Family::JobState), "job_state removed (job done)");
    assert_eq!(sum(Family::Monitoring), "monitoring target removed");
    assert_eq!(sum(Family::State), "state deleted");
    assert_eq!(sum(Family::HeatStack), "heat_stack deleted");
    assert_eq!(sum(Family::WorkerConfig), "worker_config deleted");
}

#[test]
fn job_keys_in_every_queue_directory() {
    let reg = Registry::builtin();
    let job_value = |retry: i64| {
        python_json(&json!(["heat_worker", {"id": JOB, "params": [], "dependency": []}, retry]))
    };
    let worker = "7d1c0e7e-5b0a-4c59-9d0e-1f2a3b4c5d6e";
    let cases: Vec<(QueueDir, Option<String>, String)> = vec![
        (
            QueueDir::All,
            Some(job_value(0)),
            "job modify v4 created".into(),
        ),
        (
            QueueDir::All,
            Some(job_value(2)),
            "job modify v4 re-queued (retry 2)".into(),
        ),
        (
            QueueDir::All,
            None,
            "job modify v4 removed (finished)".into(),
        ),
        (
            QueueDir::Waiting,
            Some("heat_worker".into()),
            "job modify v4 waiting for dependencies".into(),
        ),
        (QueueDir::Waiting, None, "job modify v4 left waiting".into()),
        (
            QueueDir::Ready,
            Some("heat_worker".into()),
            "job modify v4 ready".into(),
        ),
        (QueueDir::Ready, None, "job modify v4 left ready".into()),
        (
            QueueDir::Working,
            Some(worker.into()),
            format!("job modify v4 reserved by worker {worker}"),
        ),
        (
            QueueDir::Working,
            None,
            "job modify v4 released by its worker".into(),
        ),
        (
            QueueDir::Finished,
            Some(String::new()),
            "job modify v4 finished".into(),
        ),
        (
            QueueDir::Finished,
            None,
            "job modify v4 left finished".into(),
        ),
    ];
    for (dir, value, want) in cases {
        let k = dir.key(JOB);
        let ev = match &value {
            Some(v) => put(&k, v, 70, 1, None),
            None => delete(&k, 70, Some("x")),
        };
        let e = entry(&reg, 70, &ev, true);
        assert_eq!(e.family, format!("jobs/{}", dir.name()), "{k}");
        assert_eq!(e.summary, want, "{k} {value:?}");
        assert_eq!(e.key, k);
    }
    // A job id that does not parse is shown whole.
    let e = entry(
        &reg,
        71,
        &put(&QueueDir::Ready.key("garbage"), "heat_worker", 71, 1, None),
        true,
    );
    assert_eq!(e.summary, "job garbage ready");
}

#[test]
fn other_keys() {
    let reg = Registry::builtin();
    let e = entry(
        &reg,
        80,
        &put("/job_manager_id", "mgr-1", 80, 1, None),
        true,
    );
    assert_eq!(e.family, "other");
    assert_eq!(e.summary, "put");
    assert_eq!(e.value, Some(json!("mgr-1")));
    let e = entry(&reg, 81, &delete("/nothing/here", 81, None), true);
    assert_eq!(e.family, "other");
    assert_eq!(e.summary, "delete");
}

#[test]
fn secrets_are_redacted_only_when_asked() {
    let reg = Registry::builtin();
    let k = key(Family::Config);
    let with_pw = |pw: &str| {
        let mut b = body(true);
        b["admin_password"] = json!(pw);
        b
    };
    let ev = put(
        &k,
        &config(with_pw("n3w-s3cret"), 2, false),
        90,
        2,
        Some(&config(with_pw("0ld-s3cret"), 1, false)),
    );

    let hidden = entry(&reg, 90, &ev, true);
    // Both sides are hidden before summarising: the change is not visible at all.
    assert_eq!(hidden.summary, "config v1 → v2");
    assert!(!hidden.summary.contains("s3cret"));
    let v = hidden.value.unwrap();
    assert_eq!(v["body"]["admin_password"], json!(REDACTED));
    assert_eq!(v["body"]["name"], json!("mgmt"));
    assert!(!v.to_string().contains("s3cret"));

    let shown = entry(&reg, 90, &ev, false);
    assert_eq!(
        shown.summary,
        "config v1 → v2: admin_password 0ld-s3cret→n3w-s3cret"
    );
    assert_eq!(
        shown.value.unwrap()["body"]["admin_password"],
        json!("n3w-s3cret")
    );

    // A created record: the value is redacted too.
    let created = entry(
        &reg,
        91,
        &put(&k, &config(with_pw("n3w-s3cret"), 1, false), 91, 1, None),
        true,
    );
    assert_eq!(
        created.value.unwrap()["body"]["admin_password"],
        json!(REDACTED)
    );
}
