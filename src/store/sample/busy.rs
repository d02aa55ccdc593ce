//! A generated busy history: several ports taken through job cycles by the queue
//! protocol's writers (spec §3.2–3.5), their steps interleaved with each other and with
//! unrelated writes: releases and re-reservations, failures and replays of the same
//! version, logical deletes followed by the resource's removal and re-creation under
//! the same id, monitoring put and deleted. Deterministic for a seed. The history
//! walks are checked against each other on it.

use serde_json::json;

use crate::error::Result;
use crate::model::keys::{Family, QueueDir};
use crate::model::registry::Registry;
use crate::store::testing::Lcg;
use crate::store::{Op, Store, Txn};

/// One port's progress through its cycles.
struct Port {
    id: String,
    version: i64,
    step: u8,
    job: String,
    retry: i64,
    deleting: bool,
    failed: bool,
    jobs: u32,
}

/// Write the busy history of `ports` ports over about `steps` txns; their ids.
pub async fn populate_busy(
    store: &dyn Store,
    seed: u64,
    ports: usize,
    steps: usize,
) -> Result<Vec<String>> {
    let reg = Registry::builtin();
    let t = reg.get("port").expect("port is a builtin type").clone();
    let key = |f: Family, id: &str| f.key(&t, id);
    let mut rng = Lcg(seed);
    let mut ps: Vec<Port> = (0..ports)
        .map(|i| Port {
            id: format!("0000000{i}-busy-4000-8000-{seed:012}"),
            version: 0,
            step: 0,
            job: String::new(),
            retry: 0,
            deleting: false,
            failed: false,
            jobs: 0,
        })
        .collect();
    for n in 0..steps {
        let p = &mut ps[rng.below(ports as u64) as usize];
        let mut ops: Vec<Op> = Vec::new();
        if p.step < 5 {
            queue_step(p, &mut rng, n, &key, &mut ops);
        } else {
            work_step(p, &mut rng, n, &key, &mut ops);
        }
        // Unrelated traffic between the steps.
        for k in 0..rng.below(3) {
            ops.push(Op::put(
                format!("/config/v2.0/networks/noise-{}", (n + k as usize) % 7),
                format!("{n}"),
            ));
        }
        store
            .txn(Txn {
                compares: vec![],
                success: ops,
                failure: vec![],
            })
            .await?;
    }
    Ok(ps.into_iter().map(|p| p.id).collect())
}

/// A `/jobs/all` value as the job manager writes it: `[handler, job, retry]`.
fn job_value(job: &str, retry: i64) -> String {
    json!(["heat_worker", {"id": job, "params": [], "dependency": []}, retry]).to_string()
}

fn queue_step(
    p: &mut Port,
    rng: &mut Lcg,
    n: usize,
    key: &dyn Fn(Family, &str) -> String,
    ops: &mut Vec<Op>,
) {
    let id = p.id.clone();
    match p.step {
        0 => {
            // Gohan: a new config version (after some versions, a logical delete).
            p.version += 1;
            p.deleting = p.version > 2 && rng.chance(25);
            let body =
                json!({"id": id, "name": format!("p{n}"), "network_id": "net-1"}).to_string();
            let cfg =
                json!({"body": body, "marked_for_deletion": p.deleting, "version": p.version});
            ops.push(Op::put(key(Family::Config, &id), cfg.to_string()));
            p.step = 1;
        }
        1 => {
            let copy = json!({"body": {"id": id}, "deleted": p.deleting, "version": p.version});
            ops.push(Op::put(key(Family::WorkerConfig, &id), copy.to_string()));
            p.step = 2;
        }
        2 => {
            // JM: the job and its ready key (together, or the ready key a step later).
            let action = match (p.deleting, p.version) {
                (true, _) => "logical_delete",
                (false, 1) => "create",
                _ => "modify",
            };
            p.jobs += 1;
            p.job = format!("{action}:heat_worker:port:{id}:{}:{:05}", p.version, p.jobs);
            p.retry = 0;
            ops.push(Op::put(QueueDir::All.key(&p.job), job_value(&p.job, 0)));
            if rng.chance(50) {
                ops.push(Op::put(QueueDir::Ready.key(&p.job), "heat_worker"));
                p.step = 4;
            } else {
                p.step = 3;
            }
        }
        3 => {
            ops.push(Op::put(QueueDir::Ready.key(&p.job), "heat_worker"));
            p.step = 4;
        }
        4 => {
            // HW: reserve (the job_state start in the same txn or the next).
            ops.push(Op::put(QueueDir::Working.key(&p.job), format!("uuid-{n}")));
            ops.push(Op::delete(QueueDir::Ready.key(&p.job)));
            ops.push(Op::put(key(Family::JobState, &id), "{}"));
            p.step = 5;
        }
        _ => {}
    }
}

fn work_step(
    p: &mut Port,
    rng: &mut Lcg,
    n: usize,
    key: &dyn Fn(Family, &str) -> String,
    ops: &mut Vec<Op>,
) {
    let id = p.id.clone();
    let all = QueueDir::All.key(&p.job);
    match p.step {
        5 if rng.chance(15) => {
            // Released: retry + 1, back to ready.
            p.retry += 1;
            ops.push(Op::put(all.clone(), job_value(&p.job, p.retry)));
            ops.push(Op::delete(QueueDir::Working.key(&p.job)));
            ops.push(Op::delete(key(Family::JobState, &id)));
            ops.push(Op::put(QueueDir::Ready.key(&p.job), "heat_worker"));
            p.step = 4;
        }
        5 => {
            p.failed = !p.deleting && rng.chance(25);
            let status = match (p.deleting, p.failed) {
                (true, _) => "DELETE_COMPLETE",
                (false, true) => "CREATE_FAILED",
                _ => "CREATE_COMPLETE",
            };
            let stack =
                json!({"stack_id": format!("s-{id}"), "stack_status": status, "output": []});
            ops.push(Op::put(key(Family::HeatStack, &id), stack.to_string()));
            let js = json!({"heat_outputs": [], "orchestration_state": status});
            ops.push(Op::put(key(Family::JobState, &id), js.to_string()));
            p.step = 6;
        }
        6 => {
            let ws = if p.failed { "FAILED" } else { "COMPLETED" };
            let st = json!({"error": if p.failed { "boom" } else { "" }, "state": {"worker_state": ws}, "version": p.version});
            ops.push(Op::put(key(Family::State, &id), st.to_string()));
            if !p.deleting && rng.chance(50) {
                ops.push(Op::put(
                    key(Family::Monitoring, &id),
                    json!({"vmi": {"status": n}}).to_string(),
                ));
            }
            p.step = 7;
        }
        7 => {
            ops.push(Op::put(QueueDir::Finished.key(&p.job), ""));
            ops.push(Op::delete(QueueDir::Working.key(&p.job)));
            p.step = 8;
        }
        8 => {
            ops.push(Op::delete(all.clone()));
            ops.push(Op::delete(key(Family::JobState, &id)));
            p.step = 9;
        }
        9 => {
            ops.push(Op::delete(QueueDir::Finished.key(&p.job)));
            // A failure is replayed (a new job of the same version) half of the time.
            p.step = if p.failed && rng.chance(50) {
                2
            } else if p.deleting {
                10
            } else {
                0
            };
        }
        _ => {
            // Gohan and the JM remove the deleted resource; it comes back later.
            for f in [
                Family::Config,
                Family::State,
                Family::WorkerConfig,
                Family::HeatStack,
                Family::Monitoring,
            ] {
                ops.push(Op::delete(key(f, &id)));
            }
            p.version = 0;
            p.step = 0;
        }
    }
}
