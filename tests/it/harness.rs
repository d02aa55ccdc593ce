//! Test harness: a real etcd (the Debian `etcd` binary) on free loopback ports with a
//! temp data dir, stopped on drop; and a runner for the real `esi` binary.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use esi::store::etcd::{EtcdConfig, EtcdStore};
use esi::store::{Op, Store, Txn};

pub fn etcd_binary() -> PathBuf {
    std::env::var_os("ESI_TEST_ETCD")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("etcd"))
}

/// `etcdctl` (v3 API, next to the etcd binary) against `endpoint`.
pub fn etcdctl(endpoint: &str) -> Command {
    let mut c = Command::new(etcd_binary().with_file_name("etcdctl"));
    c.env("ETCDCTL_API", "3").args(["--endpoints", endpoint]);
    c
}

/// Run an etcdctl command; its stdout, or a failure with its stderr.
pub fn etcdctl_ok(mut c: Command) -> Vec<u8> {
    let out = c.output().expect("run etcdctl");
    assert!(
        out.status.success(),
        "etcdctl: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// `etcdctl snapshot save FILE`: an etcd backup of the member at `endpoint`.
pub fn etcd_backup(endpoint: &str, file: &Path) {
    let mut c = etcdctl(endpoint);
    c.args(["snapshot", "save"]).arg(file);
    etcdctl_ok(c);
}

/// A loopback port free now and never handed out before in this test process: the
/// kernel may give the same ephemeral port to two binds in a row once the first
/// listener is closed (CI saw etcd's client and peer URLs collide that way).
pub fn free_port() -> u16 {
    static GIVEN: std::sync::Mutex<Vec<u16>> = std::sync::Mutex::new(Vec::new());
    let mut given = GIVEN.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        if !given.contains(&port) {
            given.push(port);
            return port;
        }
    }
}

pub struct Etcd {
    child: Option<Child>,
    pub dir: tempfile::TempDir,
    pub endpoint: String,
    client_port: u16,
    peer_port: u16,
    extra: Vec<String>,
    scheme: &'static str,
}

impl Etcd {
    pub fn start() -> Etcd {
        Etcd::start_with(&[], "http")
    }

    /// `extra`: more etcd flags (TLS, auth); `scheme`: http or https for client URLs.
    pub fn start_with(extra: &[&str], scheme: &'static str) -> Etcd {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut e = Etcd {
            child: None,
            endpoint: String::new(),
            client_port: free_port(),
            peer_port: free_port(),
            dir,
            extra: extra.iter().map(|s| s.to_string()).collect(),
            scheme,
        };
        e.endpoint = format!("{}://127.0.0.1:{}", scheme, e.client_port);
        e.spawn();
        e
    }

    fn log_path(&self) -> PathBuf {
        self.dir.path().join("etcd.log")
    }

    fn spawn(&mut self) {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.log_path())
            .unwrap();
        let start_len = std::fs::metadata(self.log_path())
            .map(|m| m.len())
            .unwrap_or(0);
        let client = format!("{}://127.0.0.1:{}", self.scheme, self.client_port);
        let peer = format!("http://127.0.0.1:{}", self.peer_port);
        let child = Command::new(etcd_binary())
            .arg("--name=esi-test")
            .arg(format!(
                "--data-dir={}",
                self.dir.path().join("data").display()
            ))
            .arg(format!("--listen-client-urls={client}"))
            .arg(format!("--advertise-client-urls={client}"))
            .arg(format!("--listen-peer-urls={peer}"))
            .arg(format!("--initial-advertise-peer-urls={peer}"))
            .arg(format!("--initial-cluster=esi-test={peer}"))
            .arg("--logger=zap")
            .arg("--log-outputs=stderr")
            .args(&self.extra)
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("start etcd (is etcd-server installed? set ESI_TEST_ETCD)");
        self.child = Some(child);
        self.wait_ready(start_len);
    }

    fn wait_ready(&mut self, from: u64) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok(f) = std::fs::File::open(self.log_path()) {
                let mut r = BufReader::new(f);
                std::io::Seek::seek(&mut r, std::io::SeekFrom::Start(from)).unwrap();
                if r.lines().map_while(Result::ok).any(|l| {
                    l.contains("serving client traffic")
                        || l.contains("ready to serve client requests")
                }) {
                    return;
                }
            }
            if let Some(c) = self.child.as_mut() {
                if let Ok(Some(st)) = c.try_wait() {
                    panic!(
                        "etcd exited ({st}); log:\n{}",
                        std::fs::read_to_string(self.log_path()).unwrap_or_default()
                    );
                }
            }
            assert!(Instant::now() < deadline, "etcd not ready after 30s");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// SIGKILL etcd (the data dir stays).
    pub fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// Start again on the same data dir and ports.
    pub fn restart(&mut self) {
        self.kill();
        self.spawn();
    }

    /// A library-level client (for writing fixtures).
    pub async fn store(&self) -> Arc<dyn Store> {
        store_at(&self.endpoint).await
    }

    pub fn esi(&self) -> Esi {
        Esi::new().args(["--endpoints", &self.endpoint])
    }
}

impl Drop for Etcd {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A `esi` invocation of the real binary, with a clean environment.
pub struct Esi {
    cmd: Command,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }
    pub fn jsonl(&self) -> Vec<serde_json::Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSONL line {l}: {e}")))
            .collect()
    }
    #[track_caller]
    pub fn ok(self) -> Run {
        assert_eq!(
            self.code, 0,
            "exit {}\nstdout:\n{}\nstderr:\n{}",
            self.code, self.stdout, self.stderr
        );
        self
    }
    #[track_caller]
    pub fn code(self, code: i32) -> Run {
        assert_eq!(
            self.code, code,
            "expected exit {code}, got {}\nstdout:\n{}\nstderr:\n{}",
            self.code, self.stdout, self.stderr
        );
        self
    }
}

impl Esi {
    pub fn new() -> Esi {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_esi"));
        for (k, _) in std::env::vars() {
            if k.starts_with("ESI_")
                || k.starts_with("ETCDCTL_")
                || k == "NO_COLOR"
                || k == "RUST_LOG"
            {
                cmd.env_remove(k);
            }
        }
        cmd.env("ESI_COLOR", "never");
        // Never the developer's own contexts (~/.config/esi/config.toml): a missing file is
        // an empty configuration. Profile tests set ESI_CONFIG themselves.
        cmd.env("ESI_CONFIG", "/nonexistent/esi-test/config.toml");
        cmd.stdin(Stdio::null());
        Esi { cmd }
    }

    pub fn args<I, S>(mut self, args: I) -> Esi
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        self.cmd.args(args);
        self
    }

    pub fn env(mut self, k: &str, v: &str) -> Esi {
        self.cmd.env(k, v);
        self
    }

    pub fn run(mut self) -> Run {
        let Output {
            status,
            stdout,
            stderr,
        } = self.cmd.output().expect("run esi");
        Run {
            code: status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
        }
    }

    pub fn command(self) -> Command {
        self.cmd
    }
}

/// Run a future on the shared test runtime (integration tests are plain #[test]s; etcd
/// clients keep background tasks, so they must live on a runtime that outlives them).
pub fn block_on<F: std::future::Future>(f: F) -> F::Output {
    static RT: std::sync::OnceLock<tokio::runtime::Runtime> = std::sync::OnceLock::new();
    RT.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap()
    })
    .block_on(f)
}

/// Put every (key, value) in one txn; the revision it wrote at. The one write helper of
/// the integration tests.
pub fn put_all<K: AsRef<str>>(store: &dyn Store, kvs: &[(K, String)]) -> i64 {
    let ops = kvs
        .iter()
        .map(|(k, v)| Op::put(k.as_ref(), v.as_bytes().to_vec()))
        .collect();
    block_on(store.txn(Txn {
        success: ops,
        ..Default::default()
    }))
    .unwrap()
    .revision
}

/// Delete every key in one txn; the revision it wrote at.
pub fn delete_all<K: AsRef<str>>(store: &dyn Store, keys: &[K]) -> i64 {
    let ops = keys.iter().map(|k| Op::delete(k.as_ref())).collect();
    block_on(store.txn(Txn {
        success: ops,
        ..Default::default()
    }))
    .unwrap()
    .revision
}

/// A store client of esi's own over comma-separated `endpoints`.
pub async fn store_at(endpoints: &str) -> Arc<dyn Store> {
    Arc::new(
        EtcdStore::connect(EtcdConfig {
            endpoints: endpoints.split(',').map(String::from).collect(),
            dial_timeout: Duration::from_secs(2),
            command_timeout: Duration::from_secs(10),
            ..Default::default()
        })
        .await
        .expect("connect to test etcd"),
    )
}
