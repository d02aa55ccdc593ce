//! The engine on a cluster: the job manager on one member, a standby manager on another,
//! a worker on the third; leader kills mid-run and the manager's member killed → every
//! job created once (a job re-queued after its worker lost etcd keeps its id) and
//! finished once, and the election key moves to the standby.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use super::Cluster;
use crate::engine::{job_id_of, puts, state_at, wait_for, Engine};
use crate::harness::block_on;

fn manager_id(store: &std::sync::Arc<dyn esi::store::Store>) -> Option<String> {
    crate::engine::raw(store, "/job_manager_id")
}

/// Create `key` once, retrying through elections (the guard makes a retry harmless).
fn create_retrying(store: &dyn esi::store::Store, key: &str, value: &str) {
    use esi::store::{Compare, Op, Txn};
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let txn = Txn {
            compares: vec![Compare::Absent(key.to_string())],
            success: vec![Op::put(key, value)],
            failure: vec![],
        };
        match block_on(store.txn(txn)) {
            Ok(_) => return,
            Err(e) if Instant::now() < deadline => {
                eprintln!("{key}: {e}; again");
                std::thread::sleep(Duration::from_millis(200));
            }
            Err(e) => panic!("{key}: {e}"),
        }
    }
}

#[test]
fn the_engine_runs_every_job_once_through_leader_kills_and_a_manager_failover() {
    let mut cluster = Cluster::start();
    let eps = cluster.endpoints();
    let member: Vec<String> = eps.split(',').map(str::to_string).collect();
    let store = block_on(crate::harness::store_at(&eps));
    let nets = super::writes::seed_networks(&cluster, 0);
    assert!(nets.is_empty());
    let start = block_on(store.probe()).unwrap().revision;
    let manager = |ep: &str, id: &str| {
        Engine::start_at(
            ep,
            &[
                "--role",
                "manager",
                "--manager-id",
                id,
                "--manager-ttl",
                "4s",
            ],
        )
    };
    let first = manager(&member[0], "manager-on-m1");
    wait_for("the first manager elected", 30, &[&first], || {
        (manager_id(&store).as_deref() == Some("manager-on-m1")).then_some(())
    });
    let standby = manager(&member[2], "manager-on-m3");
    // Its own member first, the others to fail over to.
    let worker_eps = format!("{},{},{}", member[1], member[2], member[0]);
    let worker = Engine::start_at(
        &worker_eps,
        &["--role", "worker", "--slots", "4", "--sim-latency", "200ms"],
    );
    let engines = [&first, &standby, &worker];

    let nets: Vec<String> = (0..30)
        .map(|i| format!("0e0e0e0e-0000-4000-8000-{i:012}"))
        .collect();
    let started = Instant::now();
    let mut kills = 0;
    std::thread::scope(|s| {
        let writer = s.spawn(|| {
            for n in &nets {
                let key = crate::engine::key("/config", "network", n);
                let value = crate::engine::config(crate::engine::network_body(n), 1, false);
                create_retrying(store.as_ref(), &key, &value);
                std::thread::sleep(Duration::from_millis(150));
            }
        });
        // Two leader kills while configs arrive and jobs run.
        while kills < 2 {
            std::thread::sleep(Duration::from_millis(1200));
            if cluster.bounce_leader(Duration::from_millis(800)) {
                kills += 1;
            }
        }
        writer.join().unwrap();
    });
    // The elected manager's member dies: its lease runs out and the other takes over.
    let elected = manager_id(&store).expect("a manager");
    let (dead, other) = if elected == "manager-on-m1" {
        (0, "manager-on-m3")
    } else {
        (2, "manager-on-m1")
    };
    cluster.kill(dead);
    wait_for("the other manager elected", 30, &engines, || {
        (manager_id(&store).as_deref() == Some(other)).then_some(())
    });
    let took = started.elapsed();
    for n in &nets {
        wait_for("every network created", 90, &engines, || {
            state_at(&store, "network", n, 1, "CREATE_COMPLETED")
        });
    }
    wait_for("the queue to empty", 30, &engines, || {
        crate::engine::queue_empty(&store).then_some(())
    });
    cluster.restart(dead);

    // Distinct job ids per network: a job re-queued after its worker lost etcd is the
    // same job (its /jobs/all value is rewritten with retry + 1), not a second one.
    let mut jobs: BTreeMap<String, std::collections::BTreeSet<String>> = BTreeMap::new();
    let mut requeues = 0;
    for (_, k, _) in puts(&store, "/jobs/all/", start) {
        let job = job_id_of(&k);
        let net = job.split(':').nth(3).unwrap_or_default().to_string();
        requeues += usize::from(!jobs.entry(net.clone()).or_default().insert(job));
    }
    let created: BTreeMap<String, usize> = jobs.iter().map(|(n, j)| (n.clone(), j.len())).collect();
    let mut finished: BTreeMap<String, usize> = BTreeMap::new();
    for (_, k, _) in puts(&store, "/jobs/finished/", start) {
        *finished.entry(job_id_of(&k)).or_default() += 1;
    }
    eprintln!(
        "{kills} leader kills and the manager's member killed; {} networks, {} jobs created, {requeues} re-queued, {} finished, in {took:?}",
        nets.len(),
        created.values().sum::<usize>(),
        finished.values().sum::<usize>()
    );
    let dups: Vec<&String> = nets
        .iter()
        .filter(|n| created.get(*n) != Some(&1))
        .collect();
    if !dups.is_empty() {
        let jobs: Vec<_> = puts(&store, "/jobs/", start)
            .into_iter()
            .filter(|(_, k, _)| dups.iter().any(|d| k.contains(d.as_str())))
            .collect();
        let elections = puts(&store, "/job_manager_id", start);
        eprintln!("jobs of {dups:?}: {jobs:#?}\nelections: {elections:?}");
        for (name, e) in [
            ("first", &first),
            ("standby", &standby),
            ("worker", &worker),
        ] {
            let log = e.log();
            let lines: Vec<&str> = log
                .lines()
                .filter(|l| {
                    dups.iter().any(|d| l.contains(d.as_str()))
                        || l.contains("elect")
                        || l.contains("manager")
                })
                .collect();
            eprintln!("--- {name}:\n{}", lines.join("\n"));
        }
    }
    for n in &nets {
        assert_eq!(
            created.get(n),
            Some(&1),
            "{n}: one job created: {created:?}"
        );
    }
    assert_eq!(finished.len(), nets.len(), "{finished:?}");
    assert!(
        finished.values().all(|c| *c == 1),
        "each job finished once: {finished:?}"
    );
}
