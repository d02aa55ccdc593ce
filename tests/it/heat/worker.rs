//! `esi engine run --backend heat` as a child process of a test, pointed at the test's
//! Heat with a noauth token (or through Keystone with a clouds.yaml), in an environment without the developer's `OS_*` variables
//! (an `OS_CLOUD` of theirs must not send the tests to a real cloud). Killed on drop.

use std::path::PathBuf;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::harness::{Esi, Etcd};
use crate::heat::harness::Heat;

/// The token the tests give the worker: it must never appear in a log.
pub const TOKEN: &str = "lab-token-8c41f7e2d9";

pub struct Worker {
    child: Option<Child>,
    log: PathBuf,
    _dir: tempfile::TempDir,
}

impl Worker {
    /// An engine with these roles and flags; with a worker role it talks to `heat`.
    pub fn start(etcd: &Etcd, heat: &Heat, args: &[&str]) -> Worker {
        let url = heat.url();
        let backend = ["--heat-url", url.as_str(), "--os-token", TOKEN];
        Worker::spawn(etcd, &backend, None, args)
    }

    /// A worker that finds Keystone, its token and Heat through cloud `name` of the
    /// clouds.yaml file `clouds` (`OS_CLIENT_CONFIG_FILE`).
    pub fn start_cloud(etcd: &Etcd, clouds: &std::path::Path, name: &str, args: &[&str]) -> Worker {
        Worker::spawn(etcd, &["--os-cloud", name], Some(clouds), args)
    }

    fn spawn(
        etcd: &Etcd,
        backend: &[&str],
        clouds: Option<&std::path::Path>,
        args: &[&str],
    ) -> Worker {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("engine.log");
        let mut cmd = Esi::new()
            .args(["--endpoints", &etcd.endpoint, "-vv", "engine", "run"])
            .args(["--backend", "heat"])
            .args(backend)
            .args(["--heat-poll-interval", "200ms"])
            .args(args)
            .command();
        for (k, _) in std::env::vars() {
            if k.starts_with("OS_") || k == "HEAT_URL" {
                cmd.env_remove(k);
            }
        }
        if let Some(f) = clouds {
            cmd.env("OS_CLIENT_CONFIG_FILE", f);
        }
        cmd.env("RUST_LOG", "esi=debug")
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap());
        let child = cmd.spawn().expect("start esi engine run");
        Worker {
            child: Some(child),
            log,
            _dir: dir,
        }
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    pub fn kill9(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.kill9();
    }
}

/// Poll `f` until it returns Some, or fail after `secs` with the engines' and Heat's logs.
#[track_caller]
pub fn wait<T>(
    what: &str,
    secs: u64,
    heat: &Heat,
    workers: &[&Worker],
    mut f: impl FnMut() -> Option<T>,
) -> T {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        if let Some(v) = f() {
            return v;
        }
        if Instant::now() > deadline {
            let logs: Vec<String> = workers.iter().map(|w| w.log()).collect();
            let heat_log = heat.log();
            // Heat's own messages, not its request lines.
            let tail: Vec<&str> = heat_log
                .lines()
                .filter(|l| !l.contains("eventlet.wsgi") && !l.contains("Processing request"))
                .rev()
                .take(40)
                .collect();
            panic!(
                "timed out after {secs}s waiting for {what}; engine logs:\n{}\n----- heat log (last lines):\n{}",
                logs.join("\n-----\n"),
                tail.into_iter().rev().collect::<Vec<_>>().join("\n")
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}
