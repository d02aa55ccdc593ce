//! A 3-member loopback etcd cluster (temporary data dirs, free ports, stopped after) that
//! can find its leader, SIGKILL, SIGSTOP and restart a member; and the watch through ten
//! leader kills with writes in every outage: every applied write reported once, in order
//! (the truth is etcd's own history of the key, read after the test), through a member
//! that hangs, and through a quorum loss. Reads, writes and the engine on the cluster
//! are in the submodules.

mod engine;
mod reads;
mod writes;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::harness::{block_on, etcd_binary, free_port, Esi};

struct Member {
    name: String,
    client: String,
    peer: String,
    dir: tempfile::TempDir,
    child: Option<Child>,
}

pub struct Cluster {
    members: Vec<Member>,
    initial: String,
}

impl Cluster {
    pub fn start() -> Cluster {
        let members: Vec<Member> = (1..=3)
            .map(|i| Member {
                name: format!("m{i}"),
                client: format!("http://127.0.0.1:{}", free_port()),
                peer: format!("http://127.0.0.1:{}", free_port()),
                dir: tempfile::tempdir().unwrap(),
                child: None,
            })
            .collect();
        let initial = members
            .iter()
            .map(|m| format!("{}={}", m.name, m.peer))
            .collect::<Vec<_>>()
            .join(",");
        let mut c = Cluster { members, initial };
        for i in 0..3 {
            c.spawn(i);
        }
        c.wait_healthy(Duration::from_secs(60));
        c
    }

    pub fn endpoints(&self) -> String {
        self.members
            .iter()
            .map(|m| m.client.clone())
            .collect::<Vec<_>>()
            .join(",")
    }

    fn spawn(&mut self, i: usize) {
        let initial = self.initial.clone();
        let m = &mut self.members[i];
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(m.dir.path().join("etcd.log"))
            .unwrap();
        let child = Command::new(etcd_binary())
            .arg(format!("--name={}", m.name))
            .arg(format!(
                "--data-dir={}",
                m.dir.path().join("data").display()
            ))
            .arg(format!("--listen-client-urls={}", m.client))
            .arg(format!("--advertise-client-urls={}", m.client))
            .arg(format!("--listen-peer-urls={}", m.peer))
            .arg(format!("--initial-advertise-peer-urls={}", m.peer))
            .arg(format!("--initial-cluster={initial}"))
            .arg("--initial-cluster-token=esi-test-cluster")
            .arg("--initial-cluster-state=new")
            .arg("--heartbeat-interval=100")
            .arg("--election-timeout=1000")
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("start etcd member");
        m.child = Some(child);
    }

    /// A leader, and (within 10 s of it) every running member answering status and
    /// knowing the leader: a member still starting refuses connections, and a test that
    /// then stops another member would leave no quorum.
    pub fn wait_healthy(&self, within: Duration) {
        let deadline = Instant::now() + within;
        // Once there is a leader, the other members get a bounded while to answer too.
        let mut led_since: Option<Instant> = None;
        while Instant::now() < deadline {
            if self.leader().is_some() {
                let since = *led_since.get_or_insert_with(Instant::now);
                let mut running =
                    (0..self.members.len()).filter(|&i| self.members[i].child.is_some());
                let all_know = running.all(|i| self.status(i).is_some_and(|(_, l)| l != 0));
                if all_know || since.elapsed() > Duration::from_secs(10) {
                    return;
                }
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("the cluster has no leader after {within:?}");
    }

    /// A running member's (own id, leader id) from its status, if it answers in time.
    fn status(&self, i: usize) -> Option<(u64, u64)> {
        let m = &self.members[i];
        m.child.as_ref()?;
        block_on(async {
            let mut c = etcd_client::Client::connect([m.client.as_str()], None)
                .await
                .ok()?;
            let st = tokio::time::timeout(Duration::from_millis(500), c.status())
                .await
                .ok()?
                .ok()?;
            Some((st.header().map(|h| h.member_id()).unwrap_or(0), st.leader()))
        })
    }

    /// The index of the member that is leader, asked of every running member.
    pub fn leader(&self) -> Option<usize> {
        (0..self.members.len()).find(|&i| {
            self.status(i)
                .is_some_and(|(me, leader)| leader != 0 && leader == me)
        })
    }

    pub fn kill(&mut self, i: usize) {
        if let Some(mut c) = self.members[i].child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// SIGSTOP (`false`) or SIGCONT (`true`) a member: a partition whose connections hang
    /// instead of closing.
    pub fn pause(&mut self, i: usize, resume: bool) {
        let pid = self.members[i]
            .child
            .as_ref()
            .expect("running")
            .id()
            .to_string();
        let sig = if resume { "-CONT" } else { "-STOP" };
        assert!(Command::new("kill")
            .args([sig, &pid])
            .status()
            .unwrap()
            .success());
    }

    /// Start a killed member again from its data dir (it rejoins).
    pub fn restart(&mut self, i: usize) {
        self.spawn(i);
    }

    /// SIGKILL the leader, leave it down for `down`, restart it and wait for a leader
    /// again. False when there was no leader to kill.
    pub fn bounce_leader(&mut self, down: Duration) -> bool {
        let Some(leader) = self.leader() else {
            return false;
        };
        self.kill(leader);
        std::thread::sleep(down);
        self.restart(leader);
        self.wait_healthy(Duration::from_secs(30));
        true
    }
}

/// `esi` over `eps` with a short dial timeout and this command timeout: a dead member
/// costs little, an election fits in the timeout.
pub fn esi_at(eps: &str, command_timeout: &str) -> Esi {
    Esi::new().args([
        "--endpoints",
        eps,
        "--dial-timeout",
        "500ms",
        "--command-timeout",
        command_timeout,
    ])
}

impl Drop for Cluster {
    fn drop(&mut self) {
        for i in 0..self.members.len() {
            self.kill(i);
        }
    }
}

/// Put through the first member that answers within a short bound.
async fn put_any(endpoints: &str, key: &str, value: &str) {
    for ep in endpoints.split(',') {
        let put = async {
            let mut c = etcd_client::Client::connect([ep], None).await.ok()?;
            c.put(key, value, None).await.ok()
        };
        if let Ok(Some(_)) = tokio::time::timeout(Duration::from_millis(700), put).await {
            return;
        }
    }
}

/// Every put revision of `key` in etcd's own history (after the test).
fn history_of(endpoints: &str, key: &str) -> Vec<i64> {
    block_on(async {
        let eps: Vec<&str> = endpoints.split(',').collect();
        let mut c = etcd_client::Client::connect(eps, None).await.unwrap();
        let opts = etcd_client::WatchOptions::new().with_start_revision(1);
        let (_w, mut stream) = c.watch(key, Some(opts)).await.unwrap();
        let mut revs = Vec::new();
        // The replay comes in a few responses; silence means it is over.
        while let Ok(Ok(Some(msg))) =
            tokio::time::timeout(Duration::from_secs(2), stream.message()).await
        {
            revs.extend(
                msg.events()
                    .iter()
                    .filter_map(|e| e.kv())
                    .map(|kv| kv.mod_revision()),
            );
        }
        revs
    })
}

/// `esi watch … -o jsonl` over every endpoint, its lines on a channel, and the revision
/// of its snapshot (what it must report comes after).
fn spawn_watch(eps: &str, port: &str) -> (Child, mpsc::Receiver<Value>, i64) {
    let mut cmd = esi_at(eps, "2s")
        .args([
            "watch",
            "port",
            port,
            "-o",
            "jsonl",
            "--progress-interval",
            "1s",
        ])
        .command();
    cmd.stdout(Stdio::piped()).stderr(Stdio::null());
    let mut watch = cmd.spawn().unwrap();
    let out = watch.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel::<Value>();
    std::thread::spawn(move || {
        for l in BufReader::new(out).lines().map_while(Result::ok) {
            let _ = tx.send(serde_json::from_str(&l).expect("JSONL"));
        }
    });
    let snap = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("the snapshot line");
    assert_eq!(snap["type"], "snapshot", "{snap}");
    let from = snap["revision"].as_i64().unwrap();
    (watch, rx, from)
}

/// A writer putting `key` 20 times a second through any live member, each try bounded
/// (an outcome unknown during an election is fine: the truth is etcd's history).
fn start_writer(eps: &str, key: &str) -> (Arc<AtomicBool>, std::thread::JoinHandle<()>) {
    let writing = Arc::new(AtomicBool::new(true));
    let (w, key, eps) = (writing.clone(), key.to_string(), eps.to_string());
    let handle = std::thread::spawn(move || {
        let mut n = 0;
        while w.load(Ordering::Relaxed) {
            n += 1;
            let v = format!(r#"{{"error":"","state":{{}},"version":{n}}}"#);
            block_on(put_any(&eps, &key, &v));
            std::thread::sleep(Duration::from_millis(50));
        }
    });
    (writing, handle)
}

/// Stop the writer, then compare what the watch reported with etcd's history.
fn check_every_write_once(
    eps: &str,
    key: &str,
    writer: (Arc<AtomicBool>, std::thread::JoinHandle<()>),
    mut watch: Child,
    rx: mpsc::Receiver<Value>,
    from: i64,
    at_least: usize,
) {
    std::thread::sleep(Duration::from_secs(2));
    writer.0.store(false, Ordering::Relaxed);
    writer.1.join().unwrap();
    let truth: Vec<i64> = history_of(eps, key)
        .into_iter()
        .filter(|r| *r > from)
        .collect();
    assert!(
        truth.len() >= at_least,
        "writes were applied: {}",
        truth.len()
    );
    let last = *truth.last().unwrap();
    let mut seen: Vec<i64> = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    while seen.last() != Some(&last) && Instant::now() < deadline {
        if let Ok(l) = rx.recv_timeout(Duration::from_secs(1)) {
            if l["type"] == "event" && l["family"] == "state" {
                seen.push(l["revision"].as_i64().unwrap());
            }
        }
    }
    let _ = watch.kill();
    let _ = watch.wait();
    assert_eq!(seen, truth, "every applied write once, in revision order");
}

fn seeded(cluster: &Cluster) -> (String, String) {
    let eps = cluster.endpoints();
    let port = crate::show::PORT;
    let store = block_on(crate::harness::store_at(&eps));
    crate::harness::put_all(
        store.as_ref(),
        &[(
            format!("/config/v2.0/ports/{port}"),
            crate::show::config(serde_json::json!({"id": port}), 1, false),
        )],
    );
    (eps, format!("/state/v2.0/ports/{port}"))
}

#[test]
fn watch_reports_every_write_once_in_order_through_ten_leader_kills() {
    let mut cluster = Cluster::start();
    let (eps, key) = seeded(&cluster);
    let (watch, rx, from) = spawn_watch(&eps, crate::show::PORT);
    let writer = start_writer(&eps, &key);
    for _ in 0..10 {
        std::thread::sleep(Duration::from_millis(1500));
        assert!(
            cluster.bounce_leader(Duration::from_millis(1000)),
            "a leader between kills"
        );
    }
    check_every_write_once(&eps, &key, writer, watch, rx, from, 100);
}

#[test]
fn watch_notices_a_member_that_hangs_and_moves_on() {
    let mut cluster = Cluster::start();
    let (eps, key) = seeded(&cluster);
    // The watch is on the first endpoint: stop that member (its connection hangs, it
    // does not close), write through the others, then let it go.
    let (watch, rx, from) = spawn_watch(&eps, crate::show::PORT);
    let writer = start_writer(&eps, &key);
    std::thread::sleep(Duration::from_secs(1));
    cluster.pause(0, false);
    std::thread::sleep(Duration::from_secs(8));
    cluster.pause(0, true);
    check_every_write_once(&eps, &key, writer, watch, rx, from, 20);
}

#[test]
fn a_watch_without_quorum_says_so_and_ends_at_its_timeout() {
    let mut cluster = Cluster::start();
    let (eps, _key) = seeded(&cluster);
    // Two of three members gone: the one left cannot serve linearizable reads or
    // watches that need a leader.
    cluster.kill(1);
    cluster.kill(2);
    let started = Instant::now();
    let out = esi_at(&eps, "2s")
        .args([
            "watch",
            "port",
            crate::show::PORT,
            "--until",
            "in-sync",
            "--timeout",
            "6s",
        ])
        .run();
    let took = started.elapsed();
    assert_eq!(out.code, 4, "etcd could not serve it: {}", out.stderr);
    assert!(
        took >= Duration::from_secs(6),
        "it waits for etcd until its timeout: {took:?}"
    );
    assert!(took < Duration::from_secs(30), "and ends near it: {took:?}");
    assert_eq!(
        out.stderr.matches("the watch waits for etcd").count(),
        1,
        "said once: {}",
        out.stderr
    );
    eprintln!(
        "quorum lost: exit {} after {took:?}: {}",
        out.code,
        out.stderr.trim()
    );
    assert!(
        out.stderr.contains("no quorum?"),
        "a clear message: {}",
        out.stderr
    );
}

#[test]
fn a_watch_rides_out_a_quorum_loss_and_sees_the_write_after_it() {
    let mut cluster = Cluster::start();
    let (eps, key) = seeded(&cluster);
    cluster.kill(1);
    cluster.kill(2);
    let mut cmd = esi_at(&eps, "2s")
        .args([
            "watch",
            "port",
            crate::show::PORT,
            "--until",
            "complete",
            "--timeout",
            "60s",
            "-o",
            "jsonl",
        ])
        .command();
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let child = cmd.spawn().unwrap();
    std::thread::sleep(Duration::from_secs(4));
    cluster.restart(1);
    cluster.restart(2);
    cluster.wait_healthy(Duration::from_secs(30));
    block_on(put_any(
        &eps,
        &key,
        &crate::show::state(
            1,
            "CREATE_COMPLETED",
            "CREATE_COMPLETE",
            serde_json::json!([]),
            "",
        ),
    ));
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(0),
        "the condition is reached once the cluster is back: {stderr}"
    );
    assert!(stderr.contains("the watch waits for etcd"), "{stderr}");
}
