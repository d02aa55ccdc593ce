//! Reads on a cluster: show, ls, jobs, history and diff with a member down and while an
//! election is under way give the answers they gave on the healthy cluster; with every
//! member down, one error that names them all.

use std::time::Duration;

use serde_json::Value;

use super::Cluster;
use crate::harness::{block_on, Esi};

/// The reads an operator runs in an incident, each with its expected exit code (diff of
/// a changed config exits 1).
fn reads(port: &str) -> Vec<(Vec<String>, i32)> {
    let v = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    vec![
        (v(&["show", "port", port, "-o", "json"]), 0),
        (v(&["ls", "port", "-o", "json"]), 0),
        (v(&["jobs", "-o", "json"]), 0),
        (v(&["history", "port", port, "-o", "json"]), 0),
        (v(&["diff", "port", port, "--from", "1", "-o", "json"]), 1),
    ]
}

/// Seconds left on leases move while the test runs; everything else must be equal.
fn steady(mut v: Value) -> Value {
    match &mut v {
        Value::Object(o) => {
            o.remove("lease_ttl");
            for x in o.values_mut() {
                *x = steady(x.take());
            }
        }
        Value::Array(a) => {
            for x in a.iter_mut() {
                *x = steady(x.take());
            }
        }
        _ => {}
    }
    v
}

/// Long enough for an election under a loaded CI machine.
fn esi(eps: &str) -> Esi {
    super::esi_at(eps, "10s")
}

fn answers(eps: &str, port: &str) -> Vec<Value> {
    reads(port)
        .into_iter()
        .map(|(args, code)| {
            let r = esi(eps).args(&args).run();
            assert_eq!(r.code, code, "{args:?}: {}", r.stderr);
            steady(r.json())
        })
        .collect()
}

#[test]
fn reads_answer_the_same_with_a_member_down_and_during_elections() {
    let mut cluster = Cluster::start();
    let eps = cluster.endpoints();
    let store = block_on(crate::harness::store_at(&eps));
    let info = block_on(esi::store::sample::populate(store.as_ref())).unwrap();
    let port = info.modified_port.clone();
    let healthy = answers(&eps, &port);

    // The first endpoint of the list is down: every read moves on to the next.
    cluster.kill(0);
    assert_eq!(answers(&eps, &port), healthy, "with the first member down");
    cluster.restart(0);
    cluster.wait_healthy(Duration::from_secs(30));

    // The leader dies just before each read: the read waits out the election or asks
    // a follower, and answers as before.
    let mut elections = 0;
    for (args, code) in reads(&port) {
        let leader = cluster.leader().expect("a leader");
        cluster.kill(leader);
        elections += 1;
        let r = esi(&eps).args(&args).run();
        assert_eq!(r.code, code, "{args:?} during an election: {}", r.stderr);
        let i = reads(&port).iter().position(|(a, _)| *a == args).unwrap();
        assert_eq!(steady(r.json()), healthy[i], "{args:?} during an election");
        cluster.restart(leader);
        cluster.wait_healthy(Duration::from_secs(30));
    }
    eprintln!("{elections} reads, each right after a leader kill, all answered as healthy");

    // Every member down: one error naming each endpoint, exit 4.
    for i in 0..3 {
        cluster.kill(i);
    }
    for (args, _) in reads(&port) {
        let r = esi(&eps).args(&args).run().code(4);
        for ep in eps.split(',') {
            assert!(r.stderr.contains(ep), "{args:?} names {ep}: {}", r.stderr);
        }
        assert_eq!(r.stderr.trim().lines().count(), 1, "{args:?}: {}", r.stderr);
    }
}

#[test]
fn a_history_replay_whose_member_dies_mid_way_starts_again_elsewhere() {
    let mut cluster = Cluster::start();
    let eps = cluster.endpoints();
    let store = block_on(crate::harness::store_at(&eps));
    let info = block_on(esi::store::sample::populate(store.as_ref())).unwrap();
    let port = info.modified_port.clone();
    // Bulk after the resource's creation: the replay's catch-up has to read it, which
    // keeps its stream open long enough to lose its member.
    for t in 0..30 {
        let kvs: Vec<(String, String)> = (0..100)
            .map(|k| (format!("/noise/{t}/{k}"), "x".repeat(8192)))
            .collect();
        crate::harness::put_all(store.as_ref(), &kvs);
    }
    let args = ["history", "port", &port, "--exhaustive", "-o", "json"];
    let healthy = esi(&eps).args(args).run();
    assert_eq!(healthy.code, 0, "{}", healthy.stderr);

    // The replay streams from the first endpoint; that member dies under it.
    let child = esi(&eps)
        .args(args)
        .command()
        .env("RUST_LOG", "esi=debug")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(150));
    cluster.kill(0);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let got: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        steady(got),
        steady(healthy.json()),
        "the same history after losing the member"
    );
    eprintln!("restarted mid-way: {}", stderr.contains("replay restarted"));
}
