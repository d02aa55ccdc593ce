//! Unit tests of the queue model and the scheduler's transactions.

use super::*;
use crate::store::Txn;

fn kv(key: &str, value: &str, rev: i64) -> Kv {
    Kv {
        key: key.into(),
        value: value.as_bytes().to_vec(),
        create_revision: rev,
        mod_revision: rev,
        version: 1,
        lease: 0,
    }
}
fn put(key: &str, value: &str, rev: i64) -> WatchEvent {
    WatchEvent {
        kind: EventKind::Put,
        kv: kv(key, value, rev),
        prev: None,
    }
}
fn del(key: &str, rev: i64) -> WatchEvent {
    WatchEvent {
        kind: EventKind::Delete,
        kv: kv(key, "", rev),
        prev: None,
    }
}
fn job(deps: &[&str]) -> String {
    serde_json::json!(["heat_worker", {"id": "x", "dependency": deps}, 0]).to_string()
}

#[test]
fn finish_in_one_txn_is_not_a_loss_but_a_vanished_lease_is() {
    let mut m = QueueModel::default();
    m.apply(&[
        put("/jobs/all/a", &job(&[]), 2),
        put("/jobs/ready/a", "heat_worker", 2),
    ]);
    m.apply(&[put("/jobs/working/a", "uuid", 3), del("/jobs/ready/a", 3)]);
    let t = m.apply(&[put("/jobs/finished/a", "", 4), del("/jobs/working/a", 4)]);
    assert_eq!(t.finished, vec!["a"]);
    assert!(t.lost.is_empty());

    m.apply(&[
        put("/jobs/all/b", &job(&[]), 5),
        put("/jobs/ready/b", "heat_worker", 5),
    ]);
    m.apply(&[put("/jobs/working/b", "uuid", 6), del("/jobs/ready/b", 6)]);
    let t = m.apply(&[del("/jobs/working/b", 7)]);
    assert_eq!(t.lost, vec!["b"]);
}

#[test]
fn removal_of_the_last_dependency_makes_a_waiting_job_promotable() {
    let mut m = QueueModel::default();
    m.apply(&[
        put("/jobs/all/n", &job(&[]), 2),
        put("/jobs/ready/n", "heat_worker", 2),
    ]);
    m.apply(&[
        put("/jobs/all/s", &job(&[]), 3),
        put("/jobs/ready/s", "heat_worker", 3),
    ]);
    let t = m.apply(&[
        put("/jobs/all/p", &job(&["n", "s"]), 4),
        put("/jobs/waiting/p", "heat_worker", 4),
    ]);
    assert_eq!(t.promote, vec!["p"]);
    assert!(m.promotable("p").is_none());
    let t = m.apply(&[del("/jobs/all/n", 5)]);
    assert_eq!(t.promote, vec!["p"]);
    assert!(m.promotable("p").is_none(), "s is still in flight");
    m.apply(&[del("/jobs/ready/s", 6)]);
    m.apply(&[del("/jobs/all/s", 7)]);
    let (e, cr) = m.promotable("p").expect("promotable");
    assert_eq!((e.deps.len(), cr), (2, 4));
}

#[test]
fn unqueued_jobs_are_reported_after_the_grace() {
    let mut m = QueueModel::default();
    m.apply(&[put("/jobs/all/a", &job(&[]), 2)]);
    assert!(m.stale_unqueued(Duration::from_secs(3600)).is_empty());
    assert_eq!(m.stale_unqueued(Duration::ZERO), vec!["a"]);
    m.apply(&[put("/jobs/ready/a", "heat_worker", 3)]);
    assert!(m.stale_unqueued(Duration::ZERO).is_empty());
}

/// The in-memory §2.6 computation agrees with the store scan, order included.
#[tokio::test]
async fn dependencies_in_memory_match_the_store_scan() {
    use crate::store::embedded::EmbeddedStore;
    let reg = Registry::builtin();
    let refs = |pairs: &[(&str, &str)]| -> Vec<serde_json::Value> {
        pairs
            .iter()
            .map(|(t, i)| serde_json::json!({"resource_type": t, "resource_id": i}))
            .collect()
    };
    let job_with = |id: &str, r: &[(&str, &str)]| {
        serde_json::json!(["heat_worker", {"id": id, "dependency": [],
            "params": [{"param": "p", "type": "value", "value": 1, "resources": refs(r)}]}, 0])
        .to_string()
    };
    let jobs = [
        ("create:heat_worker:network:n1:1:aaaaa", job_with("n", &[])),
        ("modify:heat_worker:network:n1:2:bbbbb", job_with("n2", &[])),
        (
            "create:heat_worker:subnet:s1:1:ccccc",
            job_with("s", &[("network", "n1")]),
        ),
        (
            "create:heat_worker:port:p1:1:ddddd",
            job_with("p", &[("network", "n1"), ("subnet", "s1")]),
        ),
        (
            "create:heat_worker:port:p2:1:eeeee",
            job_with("q", &[("network", "n9")]),
        ),
        ("modify:heat_worker:port:p1:2:fffff", job_with("p2", &[])),
    ];
    let store = EmbeddedStore::new();
    let mut m = QueueModel::default();
    let mut ops = Vec::new();
    for (id, v) in &jobs {
        ops.push(Op::put(QueueDir::All.key(id), v.clone()));
        m.record(&kv(&QueueDir::All.key(id), v, 2));
    }
    let rev = store
        .txn(Txn {
            success: ops,
            ..Default::default()
        })
        .await
        .unwrap()
        .revision;
    type Case<'a> = (&'a str, &'a str, Vec<(String, String)>);
    let cases: [Case; 3] = [
        // a port referencing the network and subnet: forward + its own jobs
        (
            "port",
            "p1",
            vec![
                ("network".into(), "n1".into()),
                ("subnet".into(), "s1".into()),
            ],
        ),
        // the network: reverse (subnet and port jobs reference it) + its own jobs
        ("network", "n1", vec![]),
        ("vnf_instance", "v1", vec![("port".into(), "p2".into())]),
    ];
    for (t, i, referenced) in cases {
        let scanned =
            crate::protocol::enqueue::dependencies(&store, &reg, rev, t, i, &referenced, &[])
                .await
                .unwrap();
        let held = m.dependencies(&reg, t, i, &referenced, &[]);
        assert_eq!(held, scanned, "{t} {i}");
        assert!(!held.is_empty(), "{t} {i}");
    }
    let excluded = ["modify:heat_worker:port:p1:2:fffff".to_string()];
    let held = m.dependencies(&reg, "port", "p1", &[], &excluded);
    assert_eq!(held, vec!["create:heat_worker:port:p1:1:ddddd"]);
}
