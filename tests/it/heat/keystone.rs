//! A real Keystone v3 for the heat tests: Debian's python3-keystone (sqlite, fernet
//! tokens, `keystone-manage bootstrap`), served by `keystone_server.py` on a free
//! loopback port with its state in a temp dir, stopped on drop. Its request log (the
//! server's stderr) says which token requests esi made.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::harness::{block_on, free_port};

/// Debian's interpreter: a pyenv/venv `python3` on PATH would not see dist-packages.
const PYTHON: &str = "/usr/bin/python3";
const SERVER: &str = include_str!("keystone_server.py");
/// The admin password (bootstrap): it must never appear in a log.
pub const ADMIN_PASSWORD: &str = "ks-admin-7d2e91c4";

pub struct Keystone {
    child: Option<Child>,
    dir: tempfile::TempDir,
    port: u16,
}

fn id_of(flag: &str) -> String {
    let out = Command::new("id").arg(flag).output().expect("id");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

impl Keystone {
    /// Start Keystone with tokens that live `token_secs`; fails (never skips) when
    /// Debian's Keystone is not installed.
    pub fn start(token_secs: u32) -> Keystone {
        assert!(
            Path::new("/usr/lib/python3/dist-packages/keystone").is_dir(),
            "OpenStack Keystone is not installed: run scripts/setup.sh --test (Debian package \
             python3-keystone)"
        );
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().display().to_string();
        let conf = format!(
            "[DEFAULT]\nlog_file = {d}/keystone.log\nuse_stderr = false\n\
             [database]\nconnection = sqlite:///{d}/keystone.db?check_same_thread=false\n\
             [identity]\npassword_hash_rounds = 4\n\
             [token]\nprovider = fernet\nexpiration = {token_secs}\n\
             [fernet_tokens]\nkey_repository = {d}/fernet-keys\n\
             [fernet_receipts]\nkey_repository = {d}/fernet-receipts\n\
             [credential]\nkey_repository = {d}/credential-keys\n\
             [cache]\nenabled = false\n\
             [oslo_policy]\npolicy_file = {d}/policy.yaml\n"
        );
        std::fs::write(dir.path().join("keystone.conf"), conf).unwrap();
        let port = free_port();
        let out = std::fs::File::create(dir.path().join("server.out")).unwrap();
        let child = Command::new(PYTHON)
            .arg("-c")
            .arg(SERVER)
            .env("KS_CONF", dir.path().join("keystone.conf"))
            .env("KS_PORT", port.to_string())
            .env("KS_PASSWORD", ADMIN_PASSWORD)
            .env("KS_USER", id_of("-un"))
            .env("KS_GROUP", id_of("-gn"))
            .env_remove("PYTHONPATH")
            .stdin(Stdio::null())
            .stdout(out.try_clone().unwrap())
            .stderr(out)
            .spawn()
            .expect("start Keystone");
        let mut k = Keystone {
            child: Some(child),
            dir,
            port,
        };
        k.wait_ready();
        k
    }

    fn wait_ready(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(90);
        loop {
            if self.out().contains("READY") && self.call("GET", "", None, None).is_ok() {
                return;
            }
            if let Some(Ok(Some(st))) = self.child.as_mut().map(|c| c.try_wait()) {
                panic!("Keystone exited ({st}):\n{}", self.out());
            }
            assert!(
                Instant::now() < deadline,
                "Keystone not ready after 90s:\n{}",
                self.out()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/v3", self.port)
    }

    /// The server's output: its `READY` line and one line per request.
    pub fn out(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("server.out")).unwrap_or_default()
    }

    /// Token requests served so far (`POST /v3/auth/tokens`).
    pub fn token_requests(&self) -> usize {
        self.out()
            .lines()
            .filter(|l| l.contains("\"POST /v3/auth/tokens"))
            .count()
    }

    /// One request → (status, X-Subject-Token, JSON body).
    fn call(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Result<(u16, Option<String>, Value), String> {
        let url = format!("{}{path}", self.url());
        block_on(async {
            let c = reqwest::Client::builder()
                .timeout(Duration::from_secs(30))
                .build()
                .unwrap();
            let mut r = c.request(method.parse().unwrap(), &url);
            if let Some(t) = token {
                r = r.header("X-Auth-Token", t);
            }
            if let Some(b) = body {
                r = r.json(&b);
            }
            let r = r.send().await.map_err(|e| e.to_string())?;
            let status = r.status().as_u16();
            let subject = r
                .headers()
                .get("X-Subject-Token")
                .and_then(|v| v.to_str().ok())
                .map(str::to_string);
            let text = r.text().await.map_err(|e| e.to_string())?;
            Ok((
                status,
                subject,
                serde_json::from_str(&text).unwrap_or(Value::Null),
            ))
        })
    }

    #[track_caller]
    fn expect(&self, method: &str, path: &str, token: &str, body: Value) -> Value {
        let (code, _, v) = self
            .call(method, path, Some(token), Some(body))
            .unwrap_or_else(|e| panic!("Keystone {method} {path}: {e}"));
        assert_eq!(code, 201, "Keystone {method} {path}: {v}");
        v
    }

    /// A token of admin scoped to project admin, and the admin user's id.
    pub fn admin_token(&self) -> (String, String) {
        let body = json!({"auth": {
            "identity": {"methods": ["password"], "password": {"user": {
                "name": "admin", "domain": {"id": "default"}, "password": ADMIN_PASSWORD}}},
            "scope": {"project": {"name": "admin", "domain": {"id": "default"}}}}});
        let (code, token, v) = self.call("POST", "/auth/tokens", None, Some(body)).unwrap();
        assert_eq!(code, 201, "{v}");
        let user = v["token"]["user"]["id"].as_str().unwrap().to_string();
        (token.expect("X-Subject-Token"), user)
    }

    /// An `orchestration` service whose public endpoint in RegionOne is `url`.
    pub fn register_heat(&self, token: &str, url: &str) {
        let s = self.expect(
            "POST",
            "/services",
            token,
            json!({"service": {"type": "orchestration", "name": "heat"}}),
        );
        let sid = s["service"]["id"].as_str().unwrap();
        self.expect(
            "POST",
            "/endpoints",
            token,
            json!({"endpoint": {"service_id": sid, "interface": "public",
                                 "region_id": "RegionOne", "url": url}}),
        );
    }

    /// A new application credential of `user` → (id, secret).
    pub fn app_credential(&self, token: &str, user: &str) -> (String, String) {
        let v = self.expect(
            "POST",
            &format!("/users/{user}/application_credentials"),
            token,
            json!({"application_credential": {"name": "esi-tests"}}),
        );
        let c = &v["application_credential"];
        (
            c["id"].as_str().unwrap().to_string(),
            c["secret"].as_str().unwrap().to_string(),
        )
    }
}

impl Drop for Keystone {
    fn drop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}
