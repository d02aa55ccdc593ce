//! `show`, `ls`, `get` against a real etcd: verdicts, JSON contract, malformed values,
//! not-found, revisions and compaction, redaction, exit codes.

use serde_json::{json, Value};

use crate::harness::{block_on, put_all, Esi, Etcd};
use esi::store::{Op, Txn};

pub const PORT: &str = "ddc14be4-3480-4e97-a978-817b18f9904c";
pub const NET: &str = "168c1535-9001-49c7-bb05-21844570a83c";

/// Go-compact config with the body double-encoded, as Gohan writes it.
pub fn config(body: Value, version: i64, marked: bool) -> String {
    json!({"body": body.to_string(), "marked_for_deletion": marked, "version": version}).to_string()
}

pub fn state(version: i64, worker_state: &str, orch: &str, outputs: Value, error: &str) -> String {
    json!({"error": error, "state": {"heat_outputs": outputs.to_string(), "orchestration_state": orch, "worker_state": worker_state}, "version": version}).to_string()
}

fn port_body(v: i64) -> Value {
    json!({"id": PORT, "name": "load_balancer-management-port", "network_id": NET,
           "device_owner": "compute:nova", "admin_state_up": v % 2 == 1, "tenant_id": "fe3a4a1a72c04479bb6c19c2c0ccba4c"})
}

fn outputs() -> Value {
    json!([{"output_value": "f68d0924-ef20-4c1b-ac45-0e6b879af5e7", "description": "A unique id for the virtual machine interface.", "output_key": "id"}])
}

fn stack(status: &str, reason: &str) -> String {
    json!({"id": format!("port:{PORT}"), "stack_id": format!("port_{PORT}"), "tenant_id": "fe3a4a1a72c04479bb6c19c2c0ccba4c",
           "stack_status": status, "status_reason": reason,
           "output": [{"description": "A unique id for the virtual machine interface.", "output_key": "id", "output_value": "f68d0924-ef20-4c1b-ac45-0e6b879af5e7"}]}).to_string()
}

/// Port in sync at v3 with monitoring FAIL (seed 001 end state).
fn write_port_v3(etcd: &Etcd) -> i64 {
    let store = block_on(etcd.store());
    put_all(
        store.as_ref(),
        &[
            (
                &format!("/config/v2.0/ports/{PORT}"),
                config(port_body(3), 3, false),
            ),
            (
                &format!("/esi-worker/heat_stacks/v2.0/ports/{PORT}"),
                stack("UPDATE_COMPLETE", "Stack successfully updated"),
            ),
            (
                &format!("/state/v2.0/ports/{PORT}"),
                state(3, "MODIFY_COMPLETED", "UPDATE_COMPLETE", outputs(), ""),
            ),
            (
                &format!("/monitoring/v2.0/ports/{PORT}"),
                r#"{"version":3,"vmi":"FAIL"}"#.into(),
            ),
        ],
    )
}

#[test]
fn show_decodes_every_family_and_explains_the_verdict() {
    let etcd = Etcd::start();
    let rev = write_port_v3(&etcd);
    let out = etcd
        .esi()
        .args(["show", "port", PORT, "-o", "json"])
        .run()
        .ok();
    let v = out.json();
    assert_eq!(v["schema_version"], json!(1));
    assert_eq!(
        v["resource"],
        json!({"type": "port", "id": PORT, "plural": "ports", "prefix": "/v2.0/ports"})
    );
    assert_eq!(v["revision"], json!(rev));
    // body and heat_outputs are decoded, not strings
    assert_eq!(v["config"]["value"]["body"]["network_id"], json!(NET));
    assert_eq!(v["config"]["version"], json!(1));
    assert_eq!(v["config"]["mod_revision"], json!(rev));
    assert_eq!(
        v["state"]["value"]["state"]["heat_outputs"][0]["output_key"],
        json!("id")
    );
    assert_eq!(v["job_state"]["present"], json!(false));
    assert_eq!(v["job_state"]["value"], Value::Null);
    assert_eq!(v["verdict"]["code"], json!("degraded"));
    assert_eq!(v["verdict"]["text"], json!("DEGRADED: monitoring vmi=FAIL"));
    assert_eq!(v["jobs"], json!([]));

    let table = etcd.esi().args(["show", "port", PORT]).run().ok().stdout;
    assert!(
        table.contains("verdict: DEGRADED: monitoring vmi=FAIL"),
        "{table}"
    );
    assert!(
        table.contains(&format!("/state/v2.0/ports/{PORT}")),
        "{table}"
    );
    assert!(table.contains("MODIFY_COMPLETED"), "{table}");
    assert!(
        table.contains("f68d0924-ef20-4c1b-ac45-0e6b879af5e7"),
        "{table}"
    );
    assert!(table.contains("(absent)"), "job_state absent: {table}");

    // monitoring back UP → in sync
    let store = block_on(etcd.store());
    put_all(
        store.as_ref(),
        &[(
            &format!("/monitoring/v2.0/ports/{PORT}"),
            r#"{"version":3,"vmi":"UP"}"#.into(),
        )],
    );
    let v = etcd
        .esi()
        .args(["show", "ports", PORT, "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(v["verdict"]["text"], json!("IN SYNC (v3)"));
}

#[test]
fn verdicts_follow_the_queue() {
    let etcd = Etcd::start();
    write_port_v3(&etcd);
    let store = block_on(etcd.store());
    let job_id = format!("modify:heat_worker:port:{PORT}:4:abcde");
    let job = json!(["heat_worker", {"id": job_id, "action": "modify", "version": 4, "dependency": [], "params": []}, 0]).to_string();
    put_all(
        store.as_ref(),
        &[(
            &format!("/config/v2.0/ports/{PORT}"),
            config(port_body(4), 4, false),
        )],
    );
    let v = etcd
        .esi()
        .args(["show", "port", PORT, "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(v["verdict"]["code"], json!("stale"));
    assert_eq!(
        v["verdict"]["text"],
        json!("STALE: state v3 < config v4, no job queued")
    );

    put_all(
        store.as_ref(),
        &[
            (&format!("/jobs/all/{job_id}"), job.clone()),
            (&format!("/jobs/ready/{job_id}"), "heat_worker".into()),
        ],
    );
    let v = etcd
        .esi()
        .args(["show", "port", PORT, "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(
        v["verdict"]["text"],
        json!("PENDING: modify v4 is ready, not yet reserved")
    );
    assert_eq!(v["jobs"][0]["stage"], json!("ready"));
    assert_eq!(v["jobs"][0]["retry"], json!(0));

    // reserved by a worker holding a lease
    block_on(async {
        let lease = store
            .lease_grant(std::time::Duration::from_secs(60))
            .await
            .unwrap();
        store
            .txn(Txn {
                success: vec![
                    Op::put_with_lease(
                        format!("/jobs/working/{job_id}"),
                        b"7d1c0e7e-0000-4000-8000-000000000001".to_vec(),
                        lease,
                    ),
                    Op::delete(format!("/jobs/ready/{job_id}")),
                ],
                ..Default::default()
            })
            .await
            .unwrap();
    });
    let v = etcd
        .esi()
        .args(["show", "port", PORT, "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(v["verdict"]["code"], json!("working"));
    let text = v["verdict"]["text"].as_str().unwrap();
    assert!(
        text.starts_with(
            "WORKING: modify v4 on worker 7d1c0e7e-0000-4000-8000-000000000001, lease "
        ),
        "{text}"
    );
    let ttl = v["jobs"][0]["lease_ttl"].as_i64().unwrap();
    assert!((1..=60).contains(&ttl), "{ttl}");

    // the worker failed
    put_all(
        store.as_ref(),
        &[
            (&format!("/jobs/finished/{job_id}"), String::new()),
            (
                &format!("/state/v2.0/ports/{PORT}"),
                state(
                    4,
                    "MODIFY_FAILED",
                    "UPDATE_FAILED",
                    json!([]),
                    "Resource UPDATE failed: timeout",
                ),
            ),
        ],
    );
    block_on(async {
        store
            .txn(Txn {
                success: vec![
                    Op::delete(format!("/jobs/all/{job_id}")),
                    Op::delete(format!("/jobs/working/{job_id}")),
                    Op::delete(format!("/jobs/finished/{job_id}")),
                ],
                ..Default::default()
            })
            .await
            .unwrap();
    });
    let v = etcd
        .esi()
        .args(["show", "port", PORT, "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(
        v["verdict"]["text"],
        json!("FAILED: Resource UPDATE failed: timeout")
    );
    let table = etcd.esi().args(["show", "port", PORT]).run().ok().stdout;
    assert!(table.contains("Resource UPDATE failed: timeout"));
}

#[test]
fn malformed_values_are_shown_raw_with_a_warning() {
    let etcd = Etcd::start();
    let store = block_on(etcd.store());
    put_all(
        store.as_ref(),
        &[
            (
                &format!("/config/v2.0/ports/{PORT}"),
                r#"{"body":"{\"id\":\"trunc"#.into(),
            ),
            (
                &format!("/esi-worker/config/v2.0/ports/{PORT}"),
                "not json at all".into(),
            ),
            (
                &format!("/esi-worker/heat_stacks/v2.0/ports/{PORT}"),
                "[1,2,3]".into(),
            ),
            (
                &format!("/esi-worker/job_state/v2.0/ports/{PORT}"),
                "{".into(),
            ),
            (
                &format!("/state/v2.0/ports/{PORT}"),
                r#"{"error":"","state":{"heat_outputs":"[oops"},"version":3}"#.into(),
            ),
            (&format!("/monitoring/v2.0/ports/{PORT}"), "\"UP\"".into()),
            (
                &format!("/jobs/all/modify:heat_worker:port:{PORT}:3:zzzzz"),
                r#"["heat_worker"]"#.into(),
            ),
        ],
    );
    let out = etcd
        .esi()
        .args(["show", "port", PORT, "-o", "json"])
        .run()
        .ok();
    let v = out.json();
    assert_eq!(v["config"]["raw"], json!(r#"{"body":"{\"id\":\"trunc"#));
    assert_eq!(v["config"]["value"], Value::Null);
    assert_eq!(v["worker_config"]["raw"], json!("not json at all"));
    assert_eq!(v["heat_stack"]["raw"], json!("[1,2,3]"));
    assert_eq!(v["monitoring"]["raw"], json!("\"UP\""));
    assert_eq!(v["state"]["value"]["state"]["heat_outputs"], json!("[oops"));
    assert_eq!(v["jobs"][0]["raw"], json!(r#"["heat_worker"]"#));
    assert_eq!(v["verdict"]["code"], json!("unreadable"));
    for key in [
        "/config/v2.0/ports/",
        "/esi-worker/config/v2.0/ports/",
        "/esi-worker/heat_stacks/v2.0/ports/",
        "/esi-worker/job_state/v2.0/ports/",
        "/monitoring/v2.0/ports/",
        "/jobs/all/modify",
    ] {
        assert!(
            out.stderr.contains(&format!("warning: {key}")),
            "no warning for {key}: {}",
            out.stderr
        );
    }
    assert!(
        out.stderr
            .contains("state.heat_outputs is a string but not valid JSON"),
        "{}",
        out.stderr
    );
    // the human view shows the raw text too, and does not panic
    let t = etcd.esi().args(["show", "port", PORT]).run().ok();
    assert!(t.stdout.contains("raw: not json at all"), "{}", t.stdout);
}

#[test]
fn not_found_unknown_type_and_unreachable_have_their_exit_codes() {
    let etcd = Etcd::start();
    let r = etcd.esi().args(["show", "port", "nope"]).run().code(3);
    assert!(r.stderr.contains("port nope not found"), "{}", r.stderr);
    let r = etcd.esi().args(["show", "prot", "x"]).run().code(3);
    assert!(
        r.stderr
            .contains("unknown resource type `prot` (did you mean `port`?)"),
        "{}",
        r.stderr
    );
    let r = etcd
        .esi()
        .args(["get", "/config/v2.0/ports/nope"])
        .run()
        .code(3);
    assert!(r.stderr.contains("/config/v2.0/ports/nope not found"));
    // Every read path, probed or not, reports an unreachable cluster the same way.
    for cmd in [
        &["show", "port", "x"][..],
        &["ls", "port"],
        &["get", "/config/v2.0/ports/x"],
        &["jobs"],
        &["history", "port", "x"],
    ] {
        let r = Esi::new()
            .args([
                "--endpoints",
                "http://127.0.0.1:1",
                "--dial-timeout",
                "300ms",
            ])
            .args(cmd)
            .run()
            .code(4);
        assert!(
            r.stderr.contains("cannot reach etcd at http://127.0.0.1:1"),
            "{cmd:?}: {}",
            r.stderr
        );
    }
    Esi::new().args(["show"]).run().code(2);
    let r = Esi::new()
        .args(["ls", "port", "--verdict", "stail"])
        .run()
        .code(2);
    assert!(
        r.stderr.contains("expected one of `in_sync`"),
        "{}",
        r.stderr
    );
    Esi::new()
        .args(["--output", "xml", "ls", "port"])
        .run()
        .code(2);
}

#[test]
fn old_and_compacted_revisions() {
    let etcd = Etcd::start();
    let store = block_on(etcd.store());
    let key = format!("/config/v2.0/ports/{PORT}");
    let r1 = put_all(store.as_ref(), &[(&key, config(port_body(1), 1, false))]);
    let r2 = put_all(store.as_ref(), &[(&key, config(port_body(2), 2, false))]);
    let v = etcd
        .esi()
        .args(["show", "port", PORT, "-o", "json", "--rev", &r1.to_string()])
        .run()
        .ok()
        .json();
    assert_eq!(v["revision"], json!(r1));
    assert_eq!(v["config"]["value"]["version"], json!(1));
    let v = etcd
        .esi()
        .args(["show", "port", PORT, "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(v["config"]["value"]["version"], json!(2));
    block_on(store.compact(r2)).unwrap();
    let r = etcd
        .esi()
        .args(["show", "port", PORT, "--rev", &r1.to_string()])
        .run()
        .code(6);
    assert!(
        r.stderr
            .contains(&format!("revision {r1} has been compacted")),
        "{}",
        r.stderr
    );
    let r = etcd
        .esi()
        .args(["get", &key, "--rev", &r1.to_string()])
        .run()
        .code(6);
    assert!(r.stderr.contains("compacted"), "{}", r.stderr);
}

#[test]
fn secrets_are_redacted_unless_asked() {
    let etcd = Etcd::start();
    let store = block_on(etcd.store());
    let mut body = port_body(1);
    body["admin_password"] = json!("hunter2");
    body["user_data_parameters"] = json!({"api_token": "tok-123"});
    let key = format!("/config/v2.0/ports/{PORT}");
    put_all(store.as_ref(), &[(&key, config(body.clone(), 1, false))]);
    // A second version (history summaries name changed fields) and a job carrying the
    // secret in its resource_input and a param.
    body["admin_password"] = json!("hunter2-v2");
    let job = format!("modify:heat_worker:port:{PORT}:2:sssss");
    let job_value = json!(["heat_worker", {"id": job, "resource_input": body,
        "params": [{"param": "admin_password", "type": "value", "value": "hunter2-v2", "resources": []}]}, 0]);
    put_all(
        store.as_ref(),
        &[
            (&key, config(body, 2, false)),
            (&format!("/jobs/all/{job}"), job_value.to_string()),
            (&format!("/jobs/ready/{job}"), "heat_worker".into()),
        ],
    );
    for args in [
        vec!["show", "port", PORT, "-o", "json"],
        vec!["show", "port", PORT],
        vec!["get", &key],
        vec!["get", &key, "--raw"],
        vec!["show", "port", PORT, "-o", "yaml"],
        vec!["history", "port", PORT],
        vec!["history", "port", PORT, "-o", "json"],
        vec!["job", "show", &job, "-o", "json"],
        vec!["diff", "port", PORT],
    ] {
        let out = etcd.esi().args(&args).run();
        assert!(out.code <= 1, "{args:?}: {}", out.stderr);
        assert!(
            !out.stdout.contains("hunter2") && !out.stdout.contains("tok-123"),
            "{args:?} leaked:\n{}",
            out.stdout
        );
        // The history table and the diff name changed fields only: with both sides
        // redacted the password change is not a visible change at all.
        let summary_only = args[0] == "diff" || (args[0] == "history" && args.len() == 3);
        assert!(
            summary_only || out.stdout.contains("<redacted>"),
            "{args:?}:\n{}",
            out.stdout
        );
    }
    // Only the secret changed between v1 and v2: still a difference, named, not shown.
    let d = etcd
        .esi()
        .args(["diff", "port", PORT, "-o", "json"])
        .run()
        .code(1)
        .json();
    assert_eq!(d["identical"], json!(false));
    assert_eq!(d["changes"], json!([]));
    assert_eq!(d["redacted_changes"], json!(["/body/admin_password"]));
    // A live watch of the queue, replayed from the start.
    let out = etcd
        .esi()
        .args([
            "watch",
            "jobs",
            "--rev",
            "1",
            "--timeout",
            "1s",
            "-o",
            "jsonl",
        ])
        .run()
        .code(7);
    assert!(out.stdout.contains(&job), "{}", out.stdout);
    assert!(
        !out.stdout.contains("hunter2"),
        "watch jobs leaked:\n{}",
        out.stdout
    );
    let out = etcd
        .esi()
        .args(["--show-secrets", "show", "port", PORT, "-o", "json"])
        .run()
        .ok();
    assert_eq!(
        out.json()["config"]["value"]["body"]["admin_password"],
        json!("hunter2-v2")
    );
}

#[test]
fn ls_one_row_per_resource_and_get_decodes_by_family() {
    let etcd = Etcd::start();
    write_port_v3(&etcd);
    let store = block_on(etcd.store());
    let other = "23464cbc-d910-430a-93f7-3776ea07f992";
    put_all(
        store.as_ref(),
        &[
            (
                &format!("/config/v2.0/ports/{other}"),
                config(json!({"id": other, "name": "p2"}), 1, false),
            ),
            (
                &format!("/jobs/all/create:heat_worker:port:{other}:1:aaaaa"),
                json!(["heat_worker", {"id": "x"}, 0]).to_string(),
            ),
            (
                &format!("/jobs/waiting/create:heat_worker:port:{other}:1:aaaaa"),
                "heat_worker".into(),
            ),
            (
                &format!("/config/v2.0/networks/{NET}"),
                config(json!({"id": NET}), 1, false),
            ),
        ],
    );
    let rows = etcd
        .esi()
        .args(["ls", "port", "-o", "json"])
        .run()
        .ok()
        .json();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    let p2 = rows.iter().find(|r| r["id"] == json!(other)).unwrap();
    assert_eq!(p2["job"], json!("waiting create v1"));
    assert_eq!(p2["verdict"], json!("pending"));
    let p1 = rows.iter().find(|r| r["id"] == json!(PORT)).unwrap();
    assert_eq!(p1["monitoring"], json!("vmi=FAIL"));
    assert_eq!(p1["state_version"], json!(3));
    let table = etcd.esi().args(["ls", "ports"]).run().ok().stdout;
    assert!(table.lines().next().unwrap().starts_with("ID"), "{table}");
    assert_eq!(table.lines().count(), 3, "{table}");
    let jsonl = etcd
        .esi()
        .args(["ls", "port", "-o", "jsonl", "--verdict", "pending"])
        .run()
        .ok()
        .jsonl();
    assert_eq!(jsonl.len(), 1);

    let g = etcd
        .esi()
        .args(["get", &format!("/state/v2.0/ports/{PORT}"), "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(g["family"], json!("state"));
    assert_eq!(
        g["value"]["state"]["heat_outputs"][0]["output_key"],
        json!("id")
    );
    let g = etcd
        .esi()
        .args(["get", "/jobs/", "--prefix", "-o", "jsonl"])
        .run()
        .ok()
        .jsonl();
    assert_eq!(g.len(), 2);
    assert_eq!(g[0]["family"], json!("jobs/all"));
    assert_eq!(g[1]["value"], json!("heat_worker"));
}

#[test]
fn broken_pipe_is_not_an_error() {
    let etcd = Etcd::start();
    write_port_v3(&etcd);
    let mut cmd = etcd.esi().args(["get", "/", "--prefix"]).command();
    cmd.stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
