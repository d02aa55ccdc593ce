//! The batch write against the embedded store: independent new jobs land in one txn;
//! when one job's compare loses, the others are written alone and the queue model holds
//! exactly what was written.

use std::sync::Arc;

use serde_json::json;

use super::Pending;
use crate::engine::manager::queue::QueueModel;
use crate::engine::manager::reconcile::{Fetched, Reconciler};
use crate::engine::manager::{ManagerConfig, Master};
use crate::model::keys::{Family, QueueDir};
use crate::model::registry::{Registry, ResourceType};
use crate::model::wire::encode_config;
use crate::store::embedded::EmbeddedStore;
use crate::store::sample::{self, NETWORKS, SUBNETS, TENANT};
use crate::store::{testing, Kv, Range, Store};

const PORTS: [&str; 3] = [
    "b0000000-0000-4000-8000-000000000001",
    "b0000000-0000-4000-8000-000000000002",
    "b0000000-0000-4000-8000-000000000003",
];

fn port(id: &str, version: i64) -> String {
    let body = json!({"id": id, "name": "batch", "network_id": NETWORKS[0], "tenant_id": TENANT,
        "device_owner": "compute:nova", "device_id": "47531b14-72e9-439d-8949-fd941457ecde",
        "attached": true, "fixed_ips": [{"subnet_id": SUBNETS[0], "ip_address": "100.64.193.9"}],
        "mac_address": "fa:16:3e:00:00:09", "allowed_address_pairs": [], "security_groups": [],
        "admin_state_up": true, "status": "PENDING_CREATE"});
    encode_config(&json!({"body": body, "marked_for_deletion": false, "version": version}))
}

/// The batch ports' `/jobs/all` keys and their stage keys.
async fn queued(store: &dyn Store) -> (Vec<Kv>, Vec<String>) {
    let (_, all) = store
        .range(&Range::prefix(QueueDir::All.prefix()), None)
        .await
        .unwrap();
    let (_, ready) = store
        .range(&Range::prefix(QueueDir::Ready.prefix()).keys_only(), None)
        .await
        .unwrap();
    let ours = |k: &str| k.contains(":port:b0000000-");
    (
        all.kvs.into_iter().filter(|kv| ours(&kv.key)).collect(),
        ready
            .kvs
            .into_iter()
            .map(|kv| kv.key)
            .filter(|k| ours(k))
            .collect(),
    )
}

/// A master over the sample with three new port configs, and their jobs prepared into
/// one batch.
async fn prepared<'k>(
    store: &Arc<dyn Store>,
    reg: &Arc<Registry>,
    cfg: &'k ManagerConfig,
    t: &'k ResourceType,
) -> (Master<'k>, Vec<Pending<'k>>) {
    sample::populate(store.as_ref()).await.unwrap();
    let configs: Vec<(String, String)> = PORTS
        .iter()
        .map(|p| (Family::Config.key(t, p), port(p, 1)))
        .collect();
    testing::put(store.as_ref(), &configs).await;
    let mut m = Master::new(store.clone(), reg.clone(), cfg);
    m.model = QueueModel::load(store.as_ref()).await.unwrap().1;
    let mut batch = Vec::new();
    for p in PORTS {
        let fetcher = Reconciler {
            store: store.as_ref(),
            reg,
            build: cfg.build,
            workflow_request: cfg.workflow_request,
            inflight: None,
        };
        let Ok(Fetched::Job(j)) = fetcher.fetch(t, p).await else {
            panic!("port {p} builds a job");
        };
        m.add_job(&mut batch, t, p, *j).await;
    }
    assert_eq!(batch.len(), 3, "three independent jobs, one batch");
    (m, batch)
}

#[tokio::test]
async fn independent_new_jobs_land_in_one_txn() {
    let store: Arc<dyn Store> = Arc::new(EmbeddedStore::new());
    let reg = Arc::new(Registry::builtin());
    let cfg = ManagerConfig::default();
    let t = reg.get("port").unwrap().clone();
    let (mut m, batch) = prepared(&store, &reg, &cfg, &t).await;
    m.write_batch(batch).await;
    let (all, ready) = queued(store.as_ref()).await;
    assert_eq!((all.len(), ready.len()), (3, 3), "{all:?}");
    let revs: Vec<i64> = all.iter().map(|kv| kv.create_revision).collect();
    assert!(revs.iter().all(|r| *r == revs[0]), "one revision: {revs:?}");
    for kv in &all {
        let id = QueueDir::All.id_of(&kv.key).unwrap();
        assert!(m.model.all.contains_key(id) && m.model.ready.contains(id));
    }
    let (_, wf) = store
        .range(&Range::key(crate::model::keys::WORKFLOW_KEY), None)
        .await
        .unwrap();
    assert!(
        wf.kvs.is_empty(),
        "the workflow request is deleted in the txn"
    );
}

#[tokio::test]
async fn a_lost_compare_writes_the_others_alone_and_the_model_holds_only_what_was_written() {
    let store: Arc<dyn Store> = Arc::new(EmbeddedStore::new());
    let reg = Arc::new(Registry::builtin());
    let cfg = ManagerConfig::default();
    let t = reg.get("port").unwrap().clone();
    let (mut m, batch) = prepared(&store, &reg, &cfg, &t).await;
    let tentative: Vec<String> = batch.iter().map(|p| p.q.job_id.clone()).collect();
    // The second port's config changes after it was read: its compare loses.
    testing::put(
        store.as_ref(),
        &[(Family::Config.key(&t, PORTS[1]), port(PORTS[1], 2))],
    )
    .await;
    m.write_batch(batch).await;
    let (all, ready) = queued(store.as_ref()).await;
    let ids: Vec<&str> = all
        .iter()
        .map(|kv| QueueDir::All.id_of(&kv.key).unwrap())
        .collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert!(ids.iter().all(|id| !id.contains(PORTS[1])), "{ids:?}");
    assert_eq!(ready.len(), 2, "each written job has its stage key");
    assert_ne!(
        all[0].create_revision, all[1].create_revision,
        "written alone"
    );
    for id in &tentative {
        let written = ids.contains(&id.as_str());
        assert_eq!(m.model.all.contains_key(id), written, "model entry of {id}");
        assert_eq!(m.model.ready.contains(id), written, "model stage of {id}");
    }
}
