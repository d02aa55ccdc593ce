//! history, diff and watch against a real etcd: a port through create → modify (twice)
//! → logical_delete, compaction, diff exit codes, and watch delivery guarantees.

use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::{json, Value};

use crate::harness::put_all;
use crate::harness::{block_on, Etcd};
use crate::show::{config, state, NET, PORT};
use esi::store::{Op, Store, Txn};

fn body(v: i64) -> Value {
    json!({"id": PORT, "name": "mgmt", "network_id": NET, "admin_state_up": v != 2,
           "status": if v == 1 { "PENDING_CREATE" } else { "PENDING_UPDATE" }, "description": format!("rev {v}")})
}

/// A command's `-o json` document, the command having succeeded.
fn json_of(etcd: &Etcd, args: &[&str]) -> Value {
    etcd.esi().args(args).run().ok().json()
}

fn outputs() -> Value {
    json!([{"output_value": "f68d0924", "description": "id", "output_key": "id"}])
}

/// One full job cycle for version `v` in protocol order (spec §3.2), each step one txn.
pub fn cycle(store: &dyn Store, v: i64, action: &str) -> i64 {
    let job_id = format!("{action}:heat_worker:port:{PORT}:{v}:j{v:04}");
    let marked = action == "logical_delete";
    let cfg_key = format!("/config/v2.0/ports/{PORT}");
    let job = json!(["heat_worker", {"id": job_id, "action": action, "version": v, "resource_input": body(v), "dependency": [], "params": []}, 0]).to_string();
    let (ws, os) = match action {
        "create" => ("CREATE_COMPLETED", "CREATE_COMPLETE"),
        "modify" => ("MODIFY_COMPLETED", "UPDATE_COMPLETE"),
        _ => ("DELETE_COMPLETED", "DELETE_COMPLETE"),
    };
    let steps: Vec<Vec<Op>> = vec![
        vec![Op::put(cfg_key.clone(), config(body(v), v, marked))],
        vec![Op::put(format!("/esi-worker/config/v2.0/ports/{PORT}"), json!({"body": body(v), "deleted": marked, "version": v}).to_string())],
        vec![Op::put(format!("/jobs/all/{job_id}"), job), Op::put(format!("/jobs/ready/{job_id}"), "heat_worker")],
        vec![Op::put(format!("/jobs/working/{job_id}"), "11111111-2222-4333-8444-555555555555"), Op::delete(format!("/jobs/ready/{job_id}"))],
        vec![Op::put(format!("/esi-worker/job_state/v2.0/ports/{PORT}"), "{}")],
        vec![Op::put(format!("/esi-worker/heat_stacks/v2.0/ports/{PORT}"), json!({"id": format!("port:{PORT}"), "stack_status": os, "status_reason": "", "output": if marked { json!([]) } else { outputs() }}).to_string())],
        vec![Op::put(format!("/state/v2.0/ports/{PORT}"), state(v, ws, os, if marked { json!([]) } else { outputs() }, ""))],
        vec![Op::put(format!("/jobs/finished/{job_id}"), "")],
        vec![Op::delete(format!("/jobs/working/{job_id}")), Op::delete(format!("/jobs/all/{job_id}")), Op::delete(format!("/esi-worker/job_state/v2.0/ports/{PORT}")), Op::delete(format!("/jobs/finished/{job_id}"))],
    ];
    let mut rev = 0;
    block_on(async {
        for ops in steps {
            rev = store
                .txn(Txn {
                    success: ops,
                    ..Default::default()
                })
                .await
                .unwrap()
                .revision;
        }
        if !marked {
            rev = store
                .txn(Txn {
                    success: vec![Op::put(
                        format!("/monitoring/v2.0/ports/{PORT}"),
                        format!(r#"{{"version":{v},"vmi":"UP"}}"#),
                    )],
                    ..Default::default()
                })
                .await
                .unwrap()
                .revision;
        } else {
            rev = store
                .txn(Txn {
                    success: vec![Op::delete(format!("/monitoring/v2.0/ports/{PORT}"))],
                    ..Default::default()
                })
                .await
                .unwrap()
                .revision;
        }
    });
    rev
}

#[test]
fn history_walks_every_family_in_order_and_stops_at_compaction() {
    let etcd = Etcd::start();
    let store = block_on(etcd.store());
    // Unrelated writes first: the walk starts at the resource's creation, not at 1.
    let before = put_all(store.as_ref(), &[("/other/key", "x".to_string())]);
    cycle(store.as_ref(), 1, "create");
    let mid = cycle(store.as_ref(), 2, "modify");
    cycle(store.as_ref(), 3, "modify");
    let end = cycle(store.as_ref(), 4, "logical_delete");

    let doc = etcd
        .esi()
        .args(["history", "port", PORT, "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(doc["compact_revision"], Value::Null);
    assert_eq!(doc["to"], json!(end));
    let events = doc["events"].as_array().unwrap();
    // 4 cycles × (9 steps with 13 keys touched) + monitoring each
    let revs: Vec<i64> = events
        .iter()
        .map(|e| e["revision"].as_i64().unwrap())
        .collect();
    assert!(
        revs.windows(2).all(|w| w[0] <= w[1]),
        "not in revision order"
    );
    let summaries: Vec<&str> = events
        .iter()
        .map(|e| e["summary"].as_str().unwrap())
        .collect();
    assert_eq!(summaries[0], "config v1 created");
    assert_eq!(doc["from"], json!(before + 1), "starts at the creation");
    let all = etcd
        .esi()
        .args(["history", "port", PORT, "-o", "json", "--since", "1"])
        .run()
        .ok()
        .json();
    assert_eq!(all["from"], json!(1));
    assert_eq!(
        all["events"], doc["events"],
        "nothing of the resource before it"
    );
    // The watch walk (one stream, ended by sentinels, not by a timer) reads the same,
    // including the job keys of which nothing is alive at the end.
    let watched = json_of(
        &etcd,
        &["history", "port", PORT, "-o", "json", "--exhaustive"],
    );
    assert_eq!(watched["events"], doc["events"], "both walks agree");
    assert!(
        summaries.contains(&"config v1 → v2: admin_state_up true→false, description rev 1→rev 2"),
        "{summaries:#?}"
    );
    assert!(summaries.contains(&"state MODIFY_COMPLETED v3"));
    assert!(
        summaries.contains(&"config v3 → v4: description rev 3→rev 4 (delete requested)"),
        "{summaries:#?}"
    );
    assert!(summaries
        .contains(&"job modify v2 reserved by worker 11111111-2222-4333-8444-555555555555"));
    assert!(summaries.contains(&"monitoring target removed"));
    assert_eq!(
        events
            .iter()
            .filter(|e| e["family"] == json!("jobs/all") && e["event"] == json!("delete"))
            .count(),
        4
    );

    // only some families
    let doc = etcd
        .esi()
        .args([
            "history",
            "port",
            PORT,
            "--family",
            "config,state",
            "-o",
            "json",
        ])
        .run()
        .ok()
        .json();
    let fams: std::collections::BTreeSet<String> = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["family"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        fams,
        ["config", "state"].iter().map(|s| s.to_string()).collect()
    );
    assert_eq!(doc["events"].as_array().unwrap().len(), 8);

    // compaction in the middle: the walk says where the horizon is
    block_on(store.compact(mid)).unwrap();
    let out = etcd
        .esi()
        .args(["history", "port", PORT, "--family", "config", "-o", "json"])
        .run()
        .ok();
    let doc = out.json();
    assert_eq!(doc["compact_revision"], json!(mid));
    let vs: Vec<i64> = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["version"].as_i64().unwrap())
        .collect();
    assert_eq!(vs, vec![3, 4]);
    assert!(
        out.stderr
            .contains(&format!("history before revision {mid} was compacted")),
        "{}",
        out.stderr
    );
    let watched = json_of(
        &etcd,
        &[
            "history",
            "port",
            PORT,
            "--family",
            "config",
            "-o",
            "json",
            "--exhaustive",
        ],
    );
    assert_eq!(watched["compact_revision"], json!(mid));
    assert_eq!(watched["events"], doc["events"]);
}

#[test]
fn diff_versions_and_against_job_with_exit_codes() {
    let etcd = Etcd::start();
    let store = block_on(etcd.store());
    cycle(store.as_ref(), 1, "create");
    cycle(store.as_ref(), 2, "modify");
    cycle(store.as_ref(), 3, "modify");

    // previous vs current: differs (exit 1), status bookkeeping hidden
    let r = etcd
        .esi()
        .args(["diff", "port", PORT, "-o", "json"])
        .run()
        .code(1);
    let d = r.json();
    assert_eq!(d["from"]["version"], json!(2));
    assert_eq!(d["to"]["version"], json!(3));
    let paths: Vec<&str> = d["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, vec!["/body/admin_state_up", "/body/description"]);
    assert_eq!(
        d["changes"][0],
        json!({"path": "/body/admin_state_up", "op": "changed", "from": false, "to": true})
    );
    // v1 vs v3: the same admin_state_up, different description
    let d = etcd
        .esi()
        .args([
            "diff", "port", PORT, "--from", "1", "--to", "3", "-o", "json",
        ])
        .run()
        .code(1)
        .json();
    assert_eq!(d["changes"].as_array().unwrap().len(), 1);
    // --show-all reveals status bookkeeping
    let d = etcd
        .esi()
        .args([
            "diff",
            "port",
            PORT,
            "--from",
            "1",
            "--to",
            "3",
            "--show-all",
            "-o",
            "json",
        ])
        .run()
        .code(1)
        .json();
    assert!(d["changes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["path"] == json!("/body/status")));
    // identical: exit 0
    let r = etcd
        .esi()
        .args(["diff", "port", PORT, "--from", "3", "--to", "3"])
        .run()
        .code(0);
    assert!(r.stdout.starts_with("identical"), "{}", r.stdout);
    // text diff
    let r = etcd.esi().args(["diff", "port", PORT]).run().code(1);
    assert!(
        r.stdout.contains("-    \"admin_state_up\": false,")
            && r.stdout.contains("+    \"admin_state_up\": true,"),
        "{}",
        r.stdout
    );
    // state family by revision
    etcd.esi()
        .args(["diff", "port", PORT, "--family", "state", "--from", "1"])
        .run()
        .code(1);
    // errors are >1
    etcd.esi()
        .args(["diff", "port", PORT, "--from", "9"])
        .run()
        .code(3);
    etcd.esi()
        .args(["diff", "port", PORT, "--from", "x"])
        .run()
        .code(2);

    // --against job: the last job (from history) was built from v3: identical
    etcd.esi()
        .args(["diff", "port", PORT, "--against", "job"])
        .run()
        .code(0);
    // config moves to v4 without a job: the newest job is stale
    put_all(
        store.as_ref(),
        &[(
            &format!("/config/v2.0/ports/{PORT}"),
            config(
                json!({"id": PORT, "name": "renamed", "network_id": NET, "admin_state_up": true, "status": "PENDING_UPDATE", "description": "rev 3"}),
                4,
                false,
            ),
        )],
    );
    let d = etcd
        .esi()
        .args(["diff", "port", PORT, "--against", "job", "-o", "json"])
        .run()
        .code(1)
        .json();
    assert_eq!(
        d["changes"],
        json!([{"path": "/name", "op": "changed", "from": "renamed", "to": "mgmt"}])
    );
    // --against stack: outputs agree
    etcd.esi()
        .args(["diff", "port", PORT, "--against", "stack"])
        .run()
        .code(0);
}

/// Spawn `esi watch ... -o jsonl` and collect its lines on a channel.
fn spawn_watch(etcd: &Etcd, args: &[&str]) -> (Child, mpsc::Receiver<Value>) {
    let mut cmd = etcd
        .esi()
        .args(["watch"])
        .args(args)
        .args(["-o", "jsonl", "--progress-interval", "1s"])
        .command();
    cmd.stdout(Stdio::piped()).stderr(Stdio::null());
    let mut child = cmd.spawn().unwrap();
    let out = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            let _ = tx.send(serde_json::from_str::<Value>(&line).expect("JSONL"));
        }
    });
    (child, rx)
}

fn recv(rx: &mpsc::Receiver<Value>) -> Value {
    rx.recv_timeout(Duration::from_secs(20))
        .expect("watch line in time")
}

#[test]
fn watch_prints_every_event_once_in_order_across_an_etcd_restart() {
    let mut etcd = Etcd::start();
    let store = block_on(etcd.store());
    cycle(store.as_ref(), 1, "create");
    let (mut child, rx) = spawn_watch(&etcd, &["port", PORT]);
    let snap = recv(&rx);
    assert_eq!(snap["type"], json!("snapshot"));
    assert_eq!(snap["verdict"]["code"], json!("in_sync"));
    let start = snap["revision"].as_i64().unwrap();

    let end = cycle(store.as_ref(), 2, "modify");
    let mut seen: Vec<i64> = Vec::new();
    while seen.last().copied() != Some(end) {
        let l = recv(&rx);
        assert_eq!(l["type"], json!("event"), "{l}");
        seen.push(l["revision"].as_i64().unwrap());
    }
    // kill etcd; restart on the same data; write right away (before the watch is back)
    etcd.kill();
    std::thread::sleep(Duration::from_millis(1500));
    etcd.restart();
    let store = block_on(etcd.store());
    let end2 = cycle(store.as_ref(), 3, "modify");
    while seen.last().copied() != Some(end2) {
        let l = recv(&rx);
        if l["type"] == json!("reconnecting") {
            continue;
        }
        assert_eq!(l["type"], json!("event"), "{l}");
        seen.push(l["revision"].as_i64().unwrap());
    }
    let _ = child.kill();
    // every revision once, in order; none missing (13 keys per cycle minus grouped txns)
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    let distinct: std::collections::BTreeSet<i64> = seen.iter().copied().collect();
    let expected: Vec<i64> = (start + 1..=end2).collect();
    assert_eq!(
        distinct.into_iter().collect::<Vec<_>>(),
        expected,
        "a revision was missed"
    );
    // every event printed exactly once: 15 key changes per cycle
    assert_eq!(seen.len(), 2 * 15, "{seen:?}");
}

#[test]
fn watch_until_success_failure_timeout_and_already_true() {
    let etcd = Etcd::start();
    let store = block_on(etcd.store());
    cycle(store.as_ref(), 1, "create");
    // already true: exits 0 at once
    let r = etcd
        .esi()
        .args(["watch", "port", PORT, "--until", "complete", "-o", "jsonl"])
        .run()
        .code(0);
    let lines = r.jsonl();
    assert_eq!(lines.last().unwrap()["outcome"], json!("reached"));
    assert_eq!(lines.last().unwrap()["condition"], json!("complete"));
    assert_eq!(lines.len(), 2);
    // timeout: exit 7
    let r = etcd
        .esi()
        .args([
            "watch",
            "port",
            PORT,
            "--until",
            "version=2",
            "--timeout",
            "1s",
            "-o",
            "jsonl",
        ])
        .run()
        .code(7);
    assert_eq!(r.jsonl().last().unwrap()["outcome"], json!("timeout"));
    assert_eq!(r.jsonl().last().unwrap()["condition"], json!("version=2"));
    // success while watching
    let (mut child, rx) = spawn_watch(
        &etcd,
        &["port", PORT, "--until", "version=2", "--timeout", "60s"],
    );
    assert_eq!(recv(&rx)["type"], json!("snapshot"));
    cycle(store.as_ref(), 2, "modify");
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
    let lines: Vec<Value> = rx.try_iter().collect();
    assert_eq!(lines.last().unwrap()["type"], json!("result"));
    // The condition as typed, whichever way the watch ended.
    assert_eq!(lines.last().unwrap()["condition"], json!("version=2"));
    // failure ends early with exit 1
    let (mut child, rx) = spawn_watch(
        &etcd,
        &["port", PORT, "--until", "version=3", "--timeout", "60s"],
    );
    assert_eq!(recv(&rx)["type"], json!("snapshot"));
    put_all(
        store.as_ref(),
        &[(
            &format!("/config/v2.0/ports/{PORT}"),
            config(body(3), 3, false),
        )],
    );
    put_all(
        store.as_ref(),
        &[(
            &format!("/state/v2.0/ports/{PORT}"),
            state(3, "MODIFY_FAILED", "UPDATE_FAILED", json!([]), "boom"),
        )],
    );
    assert_eq!(child.wait().unwrap().code(), Some(1));
    // deleted: a resource that never existed is not "deleted" (answers.rs has the rest)
    etcd.esi()
        .args([
            "watch",
            "port",
            "never-there",
            "--until",
            "deleted",
            "--must-exist",
        ])
        .run()
        .code(3);
    etcd.esi()
        .args(["watch", "port", PORT, "--until", "bogus"])
        .run()
        .code(2);
}

#[test]
fn watch_reports_a_compaction_gap_and_resyncs() {
    let etcd = Etcd::start();
    let store = block_on(etcd.store());
    let first = cycle(store.as_ref(), 1, "create");
    let end = cycle(store.as_ref(), 2, "modify");
    block_on(store.compact(end)).unwrap();
    // resume a watch from a revision that has been compacted away
    let (mut child, rx) = spawn_watch(&etcd, &["port", PORT, "--rev", &first.to_string()]);
    let lines: Vec<Value> = (0..3).map(|_| recv(&rx)).collect();
    let _ = child.kill();
    assert_eq!(lines[0]["type"], json!("snapshot"), "{lines:?}");
    assert_eq!(
        lines[1],
        json!({"type": "gap", "from": first, "compact_revision": end})
    );
    assert_eq!(lines[2]["type"], json!("snapshot"));
    assert_eq!(lines[2]["state_version"], json!(2));
    assert_eq!(lines[2]["revision"], json!(end));
}
