//! Wrong answers that must stay fixed: writes to an offline store, watches of empty or
//! never-existing ids, reads that ignore or mislabel their revision, compaction and
//! future revisions, `get --raw`, and how a watch reports a timeout or a lost etcd.

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::Duration;

use serde_json::{json, Value};

use crate::harness::{block_on, delete_all, put_all, Esi, Etcd};
use crate::show::{config, PORT};
use crate::timeline::cycle;

const SAMPLE_PORT: &str = "ddc14be4-3480-4e97-a978-817b18f9904c";

fn sample() -> Esi {
    Esi::new().args(["--store", "sample"])
}

#[test]
fn writes_to_an_offline_store_are_refused_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let snap = dir.path().join("x.snap");
    sample()
        .args(["snapshot", "save", snap.to_str().unwrap()])
        .run()
        .ok();
    let before = std::fs::read(&snap).unwrap();
    let store = snap.to_str().unwrap();
    let r = Esi::new()
        .args([
            "--store",
            store,
            "replay",
            "job",
            "--latest",
            "port",
            SAMPLE_PORT,
            "--yes",
        ])
        .run()
        .code(5);
    assert!(r.stderr.contains("offline snapshot"), "{}", r.stderr);
    assert!(
        r.stdout.is_empty(),
        "nothing reported as enqueued: {}",
        r.stdout
    );
    // The same through ESI_STORE, the variable an operator forgets is exported.
    let r = Esi::new()
        .env("ESI_STORE", store)
        .args(["enqueue", "modify", "port", SAMPLE_PORT, "--force", "--yes"])
        .run()
        .code(5);
    assert!(r.stderr.contains("ESI_STORE"), "{}", r.stderr);
    Esi::new()
        .args(["--store", store, "engine", "run", "--role", "worker"])
        .run()
        .code(5);
    assert_eq!(
        std::fs::read(&snap).unwrap(),
        before,
        "the file is unchanged"
    );
    // A dry run is still a read: it works offline.
    Esi::new()
        .args([
            "--store",
            store,
            "replay",
            "job",
            "--latest",
            "port",
            SAMPLE_PORT,
            "--dry-run",
        ])
        .run()
        .ok();
}

#[test]
fn watch_rejects_an_empty_id_and_does_not_call_a_never_existing_resource_deleted() {
    let etcd = Etcd::start();
    let store = block_on(etcd.store());
    etcd.esi()
        .args(["watch", "port", "", "--until", "deleted"])
        .run()
        .code(2);
    // Never existed: a warning naming it, then it is waited for (a typo ends at the
    // timeout, not with "reached")...
    let r = etcd
        .esi()
        .args([
            "watch",
            "port",
            "never-there",
            "--until",
            "deleted",
            "--timeout",
            "2s",
        ])
        .run()
        .code(7);
    assert!(
        r.stderr.contains("port never-there does not exist"),
        "{}",
        r.stderr
    );
    // ...and --must-exist fails at once.
    etcd.esi()
        .args(["watch", "port", "never-there", "--must-exist"])
        .run()
        .code(3);
    // Created, then deleted before the watch starts: deleted holds at once.
    let key = format!("/config/v2.0/ports/{PORT}");
    put_all(
        store.as_ref(),
        &[(key.as_str(), config(json!({"id": PORT}), 1, false))],
    );
    delete_all(store.as_ref(), &[key.as_str()]);
    etcd.esi()
        .args([
            "watch",
            "port",
            PORT,
            "--until",
            "deleted",
            "--timeout",
            "10s",
        ])
        .run()
        .ok();
}

#[test]
fn watch_waits_for_a_resource_that_does_not_exist_yet() {
    let etcd = Etcd::start();
    let store = block_on(etcd.store());
    let mut cmd = etcd
        .esi()
        .args([
            "watch",
            "port",
            PORT,
            "--until",
            "complete",
            "--timeout",
            "30s",
            "-o",
            "jsonl",
        ])
        .command();
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    err.read_line(&mut line).unwrap();
    assert!(line.contains("waiting for it to appear"), "{line}");
    cycle(store.as_ref(), 1, "create");
    let status = child.wait().unwrap();
    let out: Vec<Value> = BufReader::new(child.stdout.take().unwrap())
        .lines()
        .map(|l| serde_json::from_str(&l.unwrap()).unwrap())
        .collect();
    assert_eq!(status.code(), Some(0), "{out:?}");
    assert_eq!(out.last().unwrap()["outcome"], json!("reached"));
}

#[test]
fn jobs_at_a_past_revision_show_the_queue_as_it_was() {
    let etcd = Etcd::start();
    let store = block_on(etcd.store());
    let job = format!("create:heat_worker:port:{PORT}:1:aaaaa");
    let value = json!(["heat_worker", {"id": job, "action": "create", "version": 1, "dependency": [], "params": []}, 0]).to_string();
    let ready = put_all(
        store.as_ref(),
        &[
            (format!("/jobs/all/{job}"), value),
            (format!("/jobs/ready/{job}"), "heat_worker".to_string()),
        ],
    );
    delete_all(store.as_ref(), &[format!("/jobs/ready/{job}")]);
    put_all(
        store.as_ref(),
        &[(format!("/jobs/waiting/{job}"), "heat_worker".to_string())],
    );
    let then = etcd
        .esi()
        .args(["jobs", "--rev", &ready.to_string(), "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(then[0]["stage"], json!("ready"), "{then}");
    let r = etcd
        .esi()
        .args(["jobs", "--rev", &ready.to_string()])
        .run()
        .ok();
    assert!(
        r.stderr.contains(&format!("at revision {ready}")),
        "{}",
        r.stderr
    );
    let now = etcd.esi().args(["jobs", "-o", "json"]).run().ok().json();
    assert_eq!(now[0]["stage"], json!("waiting"));
}

#[test]
fn offline_reads_at_a_revision_say_that_revision() {
    let v = sample()
        .args(["show", "port", SAMPLE_PORT, "--rev", "150", "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(v["revision"], json!(150));
    assert_eq!(v["config"]["value"]["version"], json!(1));
    let r = sample()
        .args(["show", "port", SAMPLE_PORT, "--rev", "5"])
        .run()
        .code(3);
    assert!(r.stderr.contains("at revision 5"), "{}", r.stderr);
}

#[test]
fn compaction_is_reported_with_its_real_revision_and_exit_code() {
    let etcd = Etcd::start();
    let store = block_on(etcd.store());
    let first = cycle(store.as_ref(), 1, "create");
    let compact_at = cycle(store.as_ref(), 2, "modify");
    cycle(store.as_ref(), 3, "modify");
    block_on(store.compact(compact_at)).unwrap();
    let r = etcd
        .esi()
        .args(["show", "port", PORT, "--rev", &first.to_string()])
        .run()
        .code(6);
    assert!(
        r.stderr
            .contains(&format!("oldest available: {compact_at}")),
        "{}",
        r.stderr
    );
    let r = etcd
        .esi()
        .args(["diff", "port", PORT, "--from", "1"])
        .run()
        .code(6);
    assert!(r.stderr.contains("compacted"), "{}", r.stderr);
    // What is still kept diffs as usual (v3 is the current version: identical).
    etcd.esi()
        .args(["diff", "port", PORT, "--from", "v3"])
        .run()
        .ok();
}

#[test]
fn a_revision_beyond_the_head_is_one_usage_error_everywhere() {
    let etcd = Etcd::start();
    let store = block_on(etcd.store());
    let head = cycle(store.as_ref(), 1, "create");
    let future = (head + 1000).to_string();
    let message = format!("revision {future} is in the future: the store is at revision {head}");
    for args in [
        vec!["ls", "port", "--rev", &future],
        vec!["show", "port", PORT, "--rev", &future],
        vec!["jobs", "--rev", &future],
        vec!["diff", "port", PORT, "--from", &format!("rev:{future}")],
        vec!["watch", "port", PORT, "--rev", &future],
        vec!["history", "port", PORT, "--since", &future],
        vec!["get", "/config/", "--prefix", "--rev", &future],
    ] {
        let r = etcd.esi().args(&args).run();
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(&message), "{args:?}: {}", r.stderr);
    }
    // 0 and negatives are not "latest".
    for rev in ["--rev=0", "--rev=-1"] {
        let r = etcd.esi().args(["show", "port", PORT, rev]).run().code(2);
        assert!(r.stderr.contains("revisions start at 1"), "{}", r.stderr);
    }
}

#[test]
fn get_raw_prints_only_the_stored_bytes() {
    let r = sample()
        .args(["get", &format!("/config/v2.0/ports/{SAMPLE_PORT}"), "--raw"])
        .run()
        .ok();
    let v: Value = serde_json::from_str(r.stdout.trim_end()).expect("stdout is the JSON value");
    assert_eq!(v["version"], json!(3));
    assert_eq!(r.stdout.lines().count(), 1);
}

#[test]
fn a_watch_timeout_says_what_timed_out_and_a_lost_etcd_is_unreachable() {
    let mut etcd = Etcd::start();
    let store = block_on(etcd.store());
    let at = cycle(store.as_ref(), 1, "create");
    let r = etcd
        .esi()
        .args(["watch", "port", PORT, "--timeout", "1s"])
        .run()
        .code(7);
    assert!(
        r.stdout
            .contains(&format!("watch: timeout at revision {at}")),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("until :"), "{}", r.stdout);
    // etcd goes away during the watch: the unreachable code, and how far it got.
    let mut cmd = etcd
        .esi()
        .args([
            "watch",
            "port",
            PORT,
            "--until",
            "version=5",
            "--timeout",
            "4s",
        ])
        .args(["--progress-interval", "1s"])
        .command();
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let child = cmd.spawn().unwrap();
    std::thread::sleep(Duration::from_millis(800));
    etcd.kill();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(
        stderr.contains(&format!("last revision seen: {at}")),
        "{stderr}"
    );
}

#[test]
fn jobs_stuck_reports_a_dependency_cycle() {
    let etcd = Etcd::start();
    let store = block_on(etcd.store());
    let a = format!("modify:heat_worker:port:{PORT}:2:aaaaa");
    let b = "modify:heat_worker:network:168c1535-9001-49c7-bb05-21844570a83c:2:bbbbb".to_string();
    let c = "modify:heat_worker:subnet:707847d0-0000-0000-0000-000000000000:2:ccccc".to_string();
    let job = |id: &str, deps: &[&str]| {
        json!(["heat_worker", {"id": id, "action": "modify", "version": 2, "dependency": deps, "params": []}, 0])
            .to_string()
    };
    put_all(
        store.as_ref(),
        &[
            (format!("/jobs/all/{a}"), job(&a, &[&b])),
            (format!("/jobs/waiting/{a}"), "heat_worker".to_string()),
            (format!("/jobs/all/{b}"), job(&b, &[&a])),
            (format!("/jobs/waiting/{b}"), "heat_worker".to_string()),
            // Waits on the cycle, is not on it: not reported as a cycle member.
            (format!("/jobs/all/{c}"), job(&c, &[&a])),
            (format!("/jobs/waiting/{c}"), "heat_worker".to_string()),
        ],
    );
    let v = etcd
        .esi()
        .args(["jobs", "--stuck", "-o", "json"])
        .run()
        .ok()
        .json();
    let stuck: Vec<(&str, &str)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["id"].as_str().unwrap(), r["stuck"].as_str().unwrap()))
        .collect();
    assert_eq!(stuck.len(), 2, "{v}");
    for (id, why) in stuck {
        assert!(id == a || id == b, "{id}");
        assert!(
            why.contains("dependency cycle among 2 waiting jobs"),
            "{why}"
        );
    }
}
