//! Fleet operations against a real etcd: `esi check` on a store with every class of
//! problem planted and on a healthy one; root causes through a three-level dependency
//! chain; bulk replay end to end with the engine (Heat made to fail, bulk replay, the
//! engine completes every resource); dry run, prompt and `--yes` rules, a rerun that
//! is a no-op; 100 SIGKILLs during bulk replays leave no half-written job and no write
//! without its audit record; two racing bulk replays replay each resource once; audit
//! listing filters.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::engine::{
    config, get, key, keys, network_body, queue_empty, sample_etcd, state_at, wait_for, Engine,
};
use crate::harness::{block_on, put_all, Etcd};
use esi::store::{Range, Store};

fn net(i: usize) -> String {
    format!("a0000000-0000-4000-8000-{i:012}")
}

fn revision(store: &Arc<dyn Store>) -> i64 {
    block_on(store.range(&Range::key("/").count_only(), None))
        .unwrap()
        .0
}

/// `n` networks whose create failed (config v1, the job put then removed from the
/// queue, a failed state), as the engine leaves them after a Heat outage.
fn failed_networks(store: &Arc<dyn Store>, n: usize) -> Vec<String> {
    // The sample's own pending job would not be the test's (nor have an audit record).
    crate::harness::delete_all(store.as_ref(), &keys(store, "/jobs/"));
    let ids: Vec<String> = (0..n).map(net).collect();
    let cfg: Vec<(String, String)> = ids
        .iter()
        .map(|id| {
            (
                key("/config", "network", id),
                config(network_body(id), 1, false),
            )
        })
        .collect();
    put_all(store.as_ref(), &cfg);
    let jobs: Vec<(String, String)> = ids
        .iter()
        .map(|id| {
            let jid = format!("create:heat_worker:network:{id}:1:fa11d");
            let job = json!(["heat_worker", {"id": jid, "action": "create", "dependency": [], "params": [],
                "resource_type": "network", "resource_id": id, "version": 1, "template_id": "network"}, 0]);
            (format!("/jobs/all/{jid}"), job.to_string())
        })
        .collect();
    put_all(store.as_ref(), &jobs);
    let gone: Vec<&String> = jobs.iter().map(|(k, _)| k).collect();
    crate::harness::delete_all(store.as_ref(), &gone);
    let states: Vec<(String, String)> = ids
        .iter()
        .map(|id| {
            let st = json!({"error": "quota exceeded for networks", "version": 1,
                "state": {"heat_outputs": "[]", "orchestration_state": "CREATE_FAILED", "worker_state": "CREATE_FAILED"}});
            (key("/state", "network", id), st.to_string())
        })
        .collect();
    put_all(store.as_ref(), &states);
    ids
}

fn check_of(etcd: &Etcd) -> (i32, Value) {
    let out = etcd.esi().args(["check", "-o", "json"]).run();
    let code = out.code;
    (code, out.json())
}

fn named<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no check {name}: {report}"))
}

#[test]
fn check_finds_every_planted_problem_and_the_root_cause_chain() {
    let (etcd, store) = sample_etcd();
    let (n, s, p) = (
        net(1),
        "b0000000-0000-4000-8000-000000000001",
        "c0000000-0000-4000-8000-000000000001",
    );
    let job = |a: &str, t: &str, id: &str, v: i64, sfx: &str| {
        format!("{a}:heat_worker:{t}:{id}:{v}:{sfx}")
    };
    let nj = job("create", "network", &n, 1, "aaaaa");
    let sj = job("create", "subnet", s, 1, "bbbbb");
    let pj = job("create", "port", p, 1, "ccccc");
    let dup = job("create", "port", p, 1, "ddddd");
    let gone = job(
        "modify",
        "port",
        "f0000000-0000-4000-8000-00000000dead",
        2,
        "eeeee",
    );
    let value = |id: &str, deps: &[&str], refs: &[(&str, &str)]| {
        let res: Vec<Value> = refs
            .iter()
            .map(|(t, i)| json!({"resource_type": t, "resource_id": i}))
            .collect();
        json!(["heat_worker", {"id": id, "dependency": deps, "params": [{"param": "x", "resources": res}]}, 0]).to_string()
    };
    let failed = net(2);
    put_all(
        store.as_ref(),
        &[
            (key("/config", "network", &n), config(network_body(&n), 1, false)),
            (key("/config", "network", &failed), config(network_body(&failed), 1, false)),
            (key("/state", "network", &failed), json!({"error": "quota exceeded", "version": 1, "state": {"heat_outputs": "[]", "orchestration_state": "CREATE_FAILED", "worker_state": "CREATE_FAILED"}}).to_string()),
            // The network's job is only in /jobs/all: nothing runs it, and the subnet's
            // job waits for it, and the port's for the subnet's.
            (format!("/jobs/all/{nj}"), value(&nj, &[], &[])),
            (format!("/jobs/all/{sj}"), value(&sj, &[&nj], &[("network", &n)])),
            (format!("/jobs/waiting/{sj}"), "heat_worker".into()),
            (format!("/jobs/all/{pj}"), value(&pj, &[&sj], &[("subnet", s), ("network", &failed)])),
            (format!("/jobs/waiting/{pj}"), "heat_worker".into()),
            (format!("/jobs/all/{dup}"), value(&dup, &[], &[])),
            (format!("/jobs/ready/{dup}"), "heat_worker".into()),
            (format!("/jobs/all/{gone}"), value(&gone, &[], &[])),
            (format!("/jobs/ready/{gone}"), "heat_worker".into()),
            ("/jobs/ready/create:heat_worker:port:0ddba11:1:zzzzz".into(), "heat_worker".into()),
        ],
    );
    let before = revision(&store);
    let (code, r) = check_of(&etcd);
    assert_eq!(code, 12, "failures exit 12: {r}");
    assert_eq!(r["schema"], 1);
    assert_eq!(r["status"], "FAIL");
    assert_eq!(r["revision"], before, "one pinned revision, and the latest");
    let offenders = |name: &str| named(&r, name)["offenders"].clone();
    assert_eq!(offenders("queue.unqueued"), json!([nj]));
    assert_eq!(named(&r, "queue.unqueued")["status"], "FAIL");
    assert_eq!(
        offenders("queue.leftover_stage_keys"),
        json!(["create:heat_worker:port:0ddba11:1:zzzzz"])
    );
    assert_eq!(
        offenders("queue.dead_dependencies"),
        json!([sj]),
        "the subnet waits on the unqueued job"
    );
    assert_eq!(
        offenders("queue.duplicates"),
        json!([format!("port:{p}:1 (2)")])
    );
    let gone_jobs = offenders("queue.config_gone");
    assert!(
        gone_jobs.as_array().unwrap().contains(&json!(gone)),
        "{gone_jobs}"
    );
    assert_eq!(named(&r, "resources.network")["status"], "FAIL");
    assert!(offenders("resources.network")
        .as_array()
        .unwrap()
        .contains(&json!(failed)));
    assert!(named(&r, "resources.network")["hint"]
        .as_str()
        .unwrap()
        .contains("esi replay jobs --type network --verdict failed"));
    // Root causes: the unqueued network job holds up the subnet's and (through it) the
    // port's job; the failed network holds up the port's job, which references it.
    let roots = r["root_causes"].as_array().unwrap();
    let of = |id: &str| {
        roots
            .iter()
            .find(|x| x["resource_id"] == id)
            .unwrap_or_else(|| panic!("{id}: {roots:?}"))
    };
    assert_eq!(of(&n)["job"], nj);
    assert_eq!(of(&n)["blocks"], 2);
    assert_eq!(of(&n)["blocked"], json!([pj, sj]));
    assert!(of(&n)["why"]
        .as_str()
        .unwrap()
        .starts_with("STUCK: in /jobs/all with no stage key"));
    assert_eq!(of(&failed)["blocks"], 1);
    assert!(of(&failed)["why"]
        .as_str()
        .unwrap()
        .contains("quota exceeded"));
    assert_eq!(named(&r, "etcd.members")["status"], "OK");
    assert!(r["etcd"]["endpoints"][0]["db_size"].as_i64().unwrap() > 0);
    // The table says the same, with the command that goes further.
    let t = etcd.esi().args(["check"]).run();
    assert_eq!(t.code, 12);
    assert!(
        t.stdout
            .contains(&format!("esi check at revision {before}")),
        "{}",
        t.stdout
    );
    assert!(t.stdout.contains("FAIL  queue.unqueued"), "{}", t.stdout);
    assert!(
        t.stdout.contains(&format!(
            "{nj}  STUCK: in /jobs/all with no stage key: no worker will take it  blocks 2 jobs"
        )),
        "{}",
        t.stdout
    );
    // The blocked port names the job it ultimately waits for, and why that one is stuck.
    let shown = etcd
        .esi()
        .args(["show", "port", p, "-o", "json"])
        .run()
        .json();
    assert_eq!(shown["waits_for"]["job"], nj, "{shown}");
    assert!(
        shown["waits_for"]["why"]
            .as_str()
            .unwrap()
            .contains("no stage key"),
        "{shown}"
    );
    let human = etcd.esi().args(["show", "port", p]).run();
    assert!(
        human.stdout.contains("waits for create network"),
        "{}",
        human.stdout
    );
    assert_eq!(revision(&store), before, "check and show write nothing");
}

#[test]
fn check_of_a_healthy_fleet_exits_0() {
    let etcd = Etcd::start();
    let store = block_on(etcd.store());
    block_on(esi::store::sample::populate(store.as_ref())).unwrap();
    // The sample has a port with failing monitoring and a pending job: let the engine
    // finish, then clear the monitoring fault.
    let engine = Engine::start(&etcd, &[]);
    wait_for("the queue to empty", 60, &[&engine], || {
        queue_empty(&store).then_some(())
    });
    drop(engine);
    let mons = keys(&store, "/monitoring/");
    let healthy: Vec<(String, String)> = mons
        .iter()
        .map(|k| {
            let mut v = get(&store, k).unwrap();
            for (f, s) in v.as_object_mut().into_iter().flatten() {
                if f != "version" {
                    *s = json!("UP");
                }
            }
            (k.clone(), v.to_string())
        })
        .collect();
    put_all(store.as_ref(), &healthy);
    let (code, r) = check_of(&etcd);
    assert_eq!(code, 0, "{}", serde_json::to_string_pretty(&r).unwrap());
    assert_eq!(r["status"], "OK");
    assert!(r["root_causes"].as_array().unwrap().is_empty());
}

#[test]
fn bulk_replay_after_a_heat_outage_completes_every_resource_once() {
    let (etcd, store) = sample_etcd();
    let ids: Vec<String> = (10..16).map(net).collect();
    let faults: Vec<(String, String)> = ids
        .iter()
        .map(|id| (format!("/esi-sim/fail/network/{id}"), "heat is down".into()))
        .collect();
    put_all(store.as_ref(), &faults);
    let engine = Engine::start(&etcd, &[]);
    let e = [&engine];
    let cfg: Vec<(String, String)> = ids
        .iter()
        .map(|id| {
            (
                key("/config", "network", id),
                config(network_body(id), 1, false),
            )
        })
        .collect();
    put_all(store.as_ref(), &cfg);
    for id in &ids {
        wait_for("the failed state", 60, &e, || {
            state_at(&store, "network", id, 1, "CREATE_FAILED")
        });
    }
    wait_for("the queue to empty", 30, &e, || {
        queue_empty(&store).then_some(())
    });
    let (code, r) = check_of(&etcd);
    assert_eq!(code, 12);
    assert_eq!(named(&r, "resources.network")["count"], ids.len());

    let sel = ["replay", "jobs", "--type", "network", "--verdict", "failed"];
    let before = revision(&store);
    let plan = etcd
        .esi()
        .args(sel)
        .args(["--dry-run", "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(plan["revision"], before);
    let items = plan["items"].as_array().unwrap();
    assert_eq!(items.len(), ids.len());
    assert!(
        items
            .iter()
            .all(|i| i["decision"] == "replay" && i["stage"] == "ready"),
        "{plan}"
    );
    assert_eq!(revision(&store), before, "a dry run writes nothing");
    let no_reason = etcd.esi().args(sel).args(["--yes"]).run().code(2);
    assert!(
        no_reason.stderr.contains("--reason"),
        "{}",
        no_reason.stderr
    );
    let no_yes = etcd
        .esi()
        .args(sel)
        .args(["--reason", "heat is back"])
        .run()
        .code(5);
    assert!(no_yes.stderr.contains("--yes"), "{}", no_yes.stderr);
    assert_eq!(revision(&store), before, "refusals write nothing");

    crate::harness::delete_all(
        store.as_ref(),
        &faults.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>(),
    );
    let done = etcd
        .esi()
        .args(sel)
        .args([
            "--reason",
            "heat is back",
            "--yes",
            "--actor",
            "oncall",
            "-o",
            "json",
        ])
        .run()
        .ok()
        .json();
    assert_eq!(done["written"], ids.len(), "{done}");
    // A rerun right away: every resource has its job in flight, or is done.
    let again = etcd
        .esi()
        .args([
            "replay",
            "jobs",
            "--type",
            "network",
            "--verdict",
            "failed,pending,working",
            "--reason",
            "rerun",
            "--yes",
            "-o",
            "json",
        ])
        .run();
    assert_eq!(again.code, 0, "{}", again.stderr);
    for id in &ids {
        wait_for("the replay to complete", 60, &e, || {
            state_at(&store, "network", id, 1, "CREATE_COMPLETED")
        });
    }
    wait_for("the queue to empty", 30, &e, || {
        queue_empty(&store).then_some(())
    });
    let recs = etcd
        .esi()
        .args([
            "audit",
            "--kind",
            "bulk-replay",
            "--actor",
            "oncall",
            "-o",
            "json",
        ])
        .run()
        .ok()
        .json();
    let recs = recs.as_array().unwrap();
    assert_eq!(recs.len(), ids.len(), "one record per job");
    let batches: BTreeSet<&str> = recs.iter().map(|r| r["batch"].as_str().unwrap()).collect();
    assert_eq!(batches.len(), 1, "one batch id for the run");
    assert!(recs
        .iter()
        .all(|r| r["reason"] == "heat is back" && r["keys"].as_array().unwrap().len() == 2));
    let jobs: BTreeSet<&str> = recs.iter().map(|r| r["job_id"].as_str().unwrap()).collect();
    let written: BTreeSet<&str> = done["jobs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| j.as_str().unwrap())
        .collect();
    assert_eq!(jobs, written, "the records name the jobs written");
    let shown = etcd
        .esi()
        .args(["show", "network", &ids[0], "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(shown["verdict"]["code"], "in_sync", "{shown}");
    assert_eq!(
        shown["audit"][0]["reason"], "heat is back",
        "show lists the record: {shown}"
    );
}

/// Every job in the queue has its stage key and its audit record, and every audit
/// record of the run names a job that was written.
fn assert_whole(store: &Arc<dyn Store>, cleared: &BTreeSet<String>) {
    // One read at one revision: a killed client's last txn may still be applied by etcd
    // after the kill, between two separate reads.
    let prefixes = [
        "/jobs/all/",
        "/jobs/ready/",
        "/jobs/waiting/",
        "/esi-audit/",
    ];
    let ranges: Vec<Range> = prefixes.iter().map(|p| Range::prefix(*p)).collect();
    let (_, res) = block_on(store.ranges(&ranges, None)).unwrap();
    let ids = |i: usize| -> BTreeSet<String> {
        res[i]
            .kvs
            .iter()
            .map(|kv| kv.key[prefixes[i].len()..].to_string())
            .collect()
    };
    let all = ids(0);
    let staged: BTreeSet<String> = ids(1).into_iter().chain(ids(2)).collect();
    assert_eq!(
        all, staged,
        "no job without its stage key, no stage key without its job"
    );
    let recorded: BTreeSet<String> = res[3]
        .kvs
        .iter()
        .map(|kv| {
            serde_json::from_slice::<Value>(&kv.value).unwrap()["job_id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .filter(|j| !cleared.contains(j))
        .collect();
    assert_eq!(
        recorded, all,
        "every write with its record, every record with its write"
    );
}

/// Remove the queue (as if the engine had run every job and it had failed again).
fn clear(store: &Arc<dyn Store>, cleared: &mut BTreeSet<String>) {
    for k in keys(store, "/jobs/all/") {
        cleared.insert(k["/jobs/all/".len()..].to_string());
    }
    crate::harness::delete_all(store.as_ref(), &keys(store, "/jobs/"));
}

#[test]
fn a_hundred_sigkills_leave_no_half_written_job_and_a_rerun_finishes() {
    let (etcd, store) = sample_etcd();
    let ids = failed_networks(&store, 60);
    let args = [
        "replay",
        "jobs",
        "--type",
        "network",
        "--verdict",
        "failed",
        "--reason",
        "kill test",
        "--yes",
    ];
    // One whole run, timed: kills land anywhere from start-up to the last write.
    let mut cleared = BTreeSet::new();
    let t0 = Instant::now();
    etcd.esi().args(args).run().ok();
    let span = (t0.elapsed().as_millis() as u64).max(50);
    assert_whole(&store, &cleared);
    clear(&store, &mut cleared);
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    // Rounds killed while writing: some of the remaining jobs written, not all.
    let mut mid_write = 0;
    for round in 0..100 {
        let before = keys(&store, "/jobs/all/").len();
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        let mut child = etcd
            .esi()
            .args(args)
            .command()
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Start-up and the plan take most of a run; the writes come last.
        std::thread::sleep(Duration::from_millis(span * 2 / 5 + rng % (span * 7 / 10)));
        let _ = child.kill();
        let _ = child.wait();
        assert_whole(&store, &cleared);
        let after = keys(&store, "/jobs/all/").len();
        if after > before && after < ids.len() {
            mid_write += 1;
        }
        // Done, or left half-done every tenth round for the next to finish.
        if after == ids.len() || round % 10 == 9 {
            clear(&store, &mut cleared);
        }
    }
    eprintln!("a whole run takes {span} ms; {mid_write} of 100 bulk replays were killed between two of their transactions");
    assert!(
        mid_write >= 5,
        "the kills land mid-run often enough: {mid_write}"
    );
    let out = etcd.esi().args(args).args(["-o", "json"]).run().ok().json();
    assert!(out["written"].as_u64().unwrap() <= ids.len() as u64);
    assert_whole(&store, &cleared);
    for id in &ids {
        let mine: Vec<String> = keys(&store, "/jobs/all/")
            .into_iter()
            .filter(|k| k.contains(id.as_str()))
            .collect();
        assert_eq!(
            mine.len(),
            1,
            "{id}: exactly one job after the rerun: {mine:?}"
        );
    }
}

#[test]
fn two_racing_bulk_replays_replay_each_resource_once() {
    let (etcd, store) = sample_etcd();
    let ids = failed_networks(&store, 30);
    let args = [
        "replay",
        "jobs",
        "--type",
        "network",
        "--verdict",
        "failed",
        "--reason",
        "race",
        "--yes",
        "-o",
        "json",
    ];
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| etcd.esi().args(args).run());
        let b = s.spawn(|| etcd.esi().args(args).run());
        (a.join().unwrap(), b.join().unwrap())
    });
    let (a, b) = (a.ok().json(), b.ok().json());
    assert_eq!(
        a["written"].as_u64().unwrap() + b["written"].as_u64().unwrap(),
        ids.len() as u64,
        "{a} {b}"
    );
    for id in &ids {
        let mine = keys(&store, "/jobs/all/")
            .into_iter()
            .filter(|k| k.contains(id.as_str()))
            .count();
        assert_eq!(mine, 1, "{id}");
    }
    assert_whole(&store, &BTreeSet::new());
}

#[test]
fn audit_lists_records_by_actor_resource_kind_time_and_revision() {
    let (etcd, store) = sample_etcd();
    let ids = failed_networks(&store, 2);
    let start = revision(&store);
    etcd.esi()
        .args([
            "--actor", "alice", "replay", "job", "--latest", "network", &ids[0], "--yes",
            "--reason", "first",
        ])
        .run()
        .ok();
    let mid = revision(&store);
    etcd.esi()
        .args([
            "--actor", "bob", "replay", "job", "--latest", "network", &ids[1], "--yes",
        ])
        .run()
        .ok();
    let list = |extra: &[&str]| -> Vec<Value> {
        etcd.esi()
            .args(["audit", "-o", "json"])
            .args(extra)
            .run()
            .ok()
            .json()
            .as_array()
            .unwrap()
            .clone()
    };
    assert_eq!(list(&[]).len(), 2);
    let alice = list(&["--actor", "alice"]);
    assert_eq!(alice.len(), 1);
    assert_eq!(alice[0]["reason"], "first");
    assert_eq!(alice[0]["kind"], "replay");
    assert_eq!(alice[0]["resources"], json!([["network", ids[0]]]));
    assert!(alice[0]["command"]
        .as_str()
        .unwrap()
        .contains("replay job --latest network"));
    assert_eq!(list(&["--resource", "network", &ids[1]])[0]["actor"], "bob");
    assert_eq!(list(&["--rev", &(mid + 1).to_string()]).len(), 1);
    assert_eq!(list(&["--rev", &start.to_string()]).len(), 2);
    assert_eq!(list(&["--since", "1h"]).len(), 2);
    assert_eq!(list(&["--kind", "bulk-replay"]).len(), 0);
    // Off: no record, and the write still happens.
    let before = keys(&store, "/esi-audit/").len();
    crate::harness::delete_all(store.as_ref(), &keys(&store, "/jobs/"));
    etcd.esi()
        .args([
            "--no-audit",
            "replay",
            "job",
            "--latest",
            "network",
            &ids[0],
            "--yes",
        ])
        .run()
        .ok();
    assert_eq!(keys(&store, "/esi-audit/").len(), before);
    assert_eq!(keys(&store, "/jobs/all/").len(), 1);
}

#[test]
fn a_bulk_replay_of_one_type_waits_for_in_flight_jobs_of_other_types() {
    let (etcd, store) = sample_etcd();
    crate::harness::delete_all(store.as_ref(), &keys(&store, "/jobs/"));
    let (port, network) = ("c0000000-0000-4000-8000-0000000000aa", net(7));
    let old = format!("create:heat_worker:port:{port}:1:fa11d");
    let netjob = format!("create:heat_worker:network:{network}:1:nnnnn");
    let job = |id: &str, refs: Value| {
        json!(["heat_worker", {"id": id, "dependency": [], "params": [{"param": "virtual_network", "resources": refs}]}, 0]).to_string()
    };
    put_all(
        store.as_ref(),
        &[
            (
                key("/config", "port", port),
                config(json!({"id": port, "network_id": network}), 1, false),
            ),
            (
                format!("/jobs/all/{old}"),
                job(
                    &old,
                    json!([{"resource_type": "network", "resource_id": network}]),
                ),
            ),
        ],
    );
    crate::harness::delete_all(store.as_ref(), &[format!("/jobs/all/{old}")]);
    put_all(
        store.as_ref(),
        &[
            (key("/state", "port", port), json!({"error": "network not ready", "version": 1, "state": {"heat_outputs": "[]", "orchestration_state": "CREATE_FAILED", "worker_state": "CREATE_FAILED"}}).to_string()),
            (key("/config", "network", &network), config(network_body(&network), 1, false)),
            (format!("/jobs/all/{netjob}"), job(&netjob, json!([]))),
            (format!("/jobs/ready/{netjob}"), "heat_worker".into()),
        ],
    );
    let plan = etcd
        .esi()
        .args([
            "replay",
            "jobs",
            "--type",
            "port",
            "--verdict",
            "failed",
            "--dry-run",
            "-o",
            "json",
        ])
        .run()
        .ok()
        .json();
    let item = &plan["items"][0];
    assert_eq!(item["decision"], "replay", "{plan}");
    assert_eq!(
        item["dependencies"],
        json!([netjob]),
        "the network's job in flight comes first: {plan}"
    );
    assert_eq!(item["stage"], "waiting");
}

#[test]
fn the_faults_sample_holds_what_the_cookbook_finds_offline() {
    let failed = crate::harness::Esi::new()
        .args([
            "--store",
            "sample-faults",
            "ls",
            "port",
            "--verdict",
            "failed",
            "-o",
            "json",
        ])
        .run()
        .ok()
        .json();
    assert_eq!(
        failed[0]["id"],
        esi::store::sample::PORT_SERVICE,
        "{failed}"
    );
    let stuck = crate::harness::Esi::new()
        .args(["--store", "sample-faults", "jobs", "--stuck", "-o", "json"])
        .run()
        .ok()
        .json();
    assert!(
        esi::store::sample::LEFTOVER.ends_with(stuck[0]["id"].as_str().unwrap()),
        "{stuck}"
    );
    let check = crate::harness::Esi::new()
        .args(["--store", "sample-faults", "check"])
        .run();
    assert_eq!(check.code, 12, "{}", check.stdout);
    // The plain sample has neither.
    let plain = crate::harness::Esi::new()
        .args([
            "--store",
            "sample",
            "ls",
            "port",
            "--verdict",
            "failed",
            "-o",
            "json",
        ])
        .run()
        .ok()
        .json();
    assert_eq!(plain, json!([]));
}
