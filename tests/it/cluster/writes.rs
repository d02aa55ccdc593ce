//! Writes on a cluster: enqueues whose member hangs or dies mid-request are settled by
//! reading, never retried blindly: each job written exactly once.

use std::time::Duration;

use super::Cluster;
use crate::harness::block_on;

/// Network configs that each get a `create` job from `esi enqueue`.
pub(super) fn seed_networks(cluster: &Cluster, n: usize) -> Vec<String> {
    let ids: Vec<String> = (0..n)
        .map(|i| format!("0000{i:04}-3480-4e97-a978-817b18f9904c"))
        .collect();
    let store = block_on(crate::harness::store_at(&cluster.endpoints()));
    let templates = esi::store::sample::templates()
        .into_iter()
        .map(|(id, rec)| {
            (
                format!("/config/v2.0/heat_templates/{id}"),
                esi::model::wire::encode_config(&rec),
            )
        });
    let kvs: Vec<(String, String)> = templates
        .chain(ids.iter().map(|id| {
            (
                format!("/config/v2.0/networks/{id}"),
                crate::show::config(serde_json::json!({"id": id}), 1, false),
            )
        }))
        .collect();
    crate::harness::put_all(store.as_ref(), &kvs);
    ids
}

/// `esi enqueue create network <id>` over every endpoint, with short timeouts.
fn enqueue_network(eps: &str, id: &str) -> crate::harness::Run {
    super::esi_at(eps, "2s")
        .args(["enqueue", "create", "network", id, "--yes", "-o", "json"])
        .run()
}

/// Every `/jobs/all` key, and the stage keys, read after the test.
fn jobs_of(eps: &str, id: &str) -> (Vec<String>, usize) {
    block_on(async {
        let eps: Vec<&str> = eps.split(',').collect();
        let mut c = etcd_client::Client::connect(eps, None).await.unwrap();
        let keys = |r: etcd_client::GetResponse| -> Vec<String> {
            r.kvs()
                .iter()
                .map(|kv| kv.key_str().unwrap().to_string())
                .filter(|k| k.contains(id))
                .collect()
        };
        let opts = || {
            Some(
                etcd_client::GetOptions::new()
                    .with_prefix()
                    .with_keys_only(),
            )
        };
        let all = keys(c.get("/jobs/all/", opts()).await.unwrap());
        let stages = keys(c.get("/jobs/ready/", opts()).await.unwrap()).len()
            + keys(c.get("/jobs/waiting/", opts()).await.unwrap()).len();
        (all, stages)
    })
}

#[test]
fn an_enqueue_whose_member_hangs_is_settled_by_reading_and_written_once() {
    use esi::protocol::enqueue::{enqueue_txn, submit, Guards};
    use esi::store::etcd::{EtcdConfig, EtcdStore};
    use esi::store::{Range, Store};
    let mut cluster = Cluster::start();
    let ids = seed_networks(&cluster, 1);
    let eps = cluster.endpoints();
    let config_key = format!("/config/v2.0/networks/{}", ids[0]);
    let job = format!("network-{}-create-v1-0123456789", ids[0]);
    let (r, e) = block_on(async {
        let store = EtcdStore::connect(EtcdConfig {
            endpoints: eps.split(',').map(String::from).collect(),
            dial_timeout: Duration::from_millis(500),
            command_timeout: Duration::from_secs(2),
            ..Default::default()
        })
        .await
        .unwrap();
        // A read answered by the first endpoint: the txn starts there too.
        let (_, got) = store.range(&Range::key(&config_key), None).await.unwrap();
        let e = enqueue_txn(
            &job,
            "network",
            r#"["network", {}, 0]"#.into(),
            false,
            Guards {
                config_key: config_key.clone(),
                config_mod_revision: got.kvs[0].mod_revision,
                ..Default::default()
            },
        );
        // That member takes the txn and hangs: the outcome is unknown to esi, which
        // reads it back through the others and sends it again, guarded.
        cluster.pause(0, false);
        let r = submit(&store, &e, &[]).await;
        cluster.pause(0, true);
        (r, e)
    });
    let revision = r.expect("settled by reading");
    // The hung member may now deliver the first request too: it must lose.
    std::thread::sleep(Duration::from_secs(3));
    let (all, stages) = jobs_of(&eps, &ids[0]);
    assert_eq!(all, vec![e.all_key.clone()], "one job, the one reported");
    assert_eq!(stages, 1, "and one stage key");
    let kv = block_on(async {
        let eps: Vec<&str> = eps.split(',').collect();
        let mut c = etcd_client::Client::connect(eps, None).await.unwrap();
        c.get(e.all_key.as_str(), None).await.unwrap().kvs()[0].clone()
    });
    assert_eq!(
        kv.create_revision(),
        revision,
        "the revision reported is the write's"
    );
    assert_eq!(kv.version(), 1, "written once");
}

#[test]
fn enqueues_through_leader_kills_write_every_job_once() {
    let mut cluster = Cluster::start();
    let ids = seed_networks(&cluster, 30);
    let eps = cluster.endpoints();
    let mut kills = 0;
    let results = std::thread::scope(|s| {
        let enqueues = s.spawn(|| {
            ids.iter()
                .map(|id| {
                    let o = enqueue_network(&eps, id);
                    std::thread::sleep(Duration::from_millis(100));
                    o
                })
                .collect::<Vec<_>>()
        });
        while !enqueues.is_finished() {
            std::thread::sleep(Duration::from_millis(600));
            if cluster.bounce_leader(Duration::from_millis(700)) {
                kills += 1;
            }
        }
        enqueues.join().unwrap()
    });
    let written = results.iter().filter(|o| o.code == 0).count();
    eprintln!(
        "{kills} leader kills, {written}/{} enqueues written",
        ids.len()
    );
    assert!(
        kills >= 5,
        "the leader was killed during the enqueues: {kills}"
    );
    assert!(
        written * 2 >= ids.len(),
        "most enqueues ride out an election: {written}"
    );
    for (id, out) in ids.iter().zip(results) {
        let (all, stages) = jobs_of(&eps, id);
        match out.code {
            0 => {
                let job = out.json()["job_id"].as_str().unwrap().to_string();
                assert_eq!(
                    all,
                    vec![format!("/jobs/all/{job}")],
                    "{id}: {}",
                    out.stderr
                );
                assert_eq!(stages, 1, "{id}");
            }
            // Nothing could be settled within the tries: said so, and at most one job.
            4 => assert!(
                all.len() <= 1 && out.stderr.contains("etcd"),
                "{id}: {all:?} {}",
                out.stderr
            ),
            c => panic!("{id}: exit {c}: {}", out.stderr),
        }
    }
}
