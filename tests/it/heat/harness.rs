//! A real OpenStack Heat for the tests: Debian's `heat-all` (python3-heat, heat-api,
//! heat-engine) as one process on a free loopback port, with a temp dir holding its
//! heat.conf, a sqlite database, lock and log files; the in-process `fake://` message
//! transport and the `noauth` paste flavor (no Keystone, no RabbitMQ, no MySQL — how
//! TripleO's "ephemeral Heat" ran). Killed on drop. Plus Heat API helpers for checks.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::harness::{block_on, free_port};

const HEAT_ALL: &str = "/usr/bin/heat-all";
const HEAT_MANAGE: &str = "/usr/bin/heat-manage";

pub struct Heat {
    child: Option<Child>,
    pub dir: tempfile::TempDir,
    pub port: u16,
}

/// The legacy (non-convergence) engine: Heat 19's convergence engine on sqlite loses a
/// `resource_properties_data` row on an in-place resource update (the stack then stays
/// UPDATE_IN_PROGRESS; sqlite does not enforce the foreign key that would catch it).
fn config(dir: &Path, port: u16) -> String {
    let d = dir.display();
    format!(
        "[DEFAULT]\n\
         transport_url = fake://\n\
         num_engine_workers = 1\n\
         convergence_engine = false\n\
         log_file = {d}/heat.log\n\
         state_path = {d}/state\n\
         keystone_backend = heat.engine.clients.os.keystone.fake_keystoneclient.FakeKeystoneClient\n\
         deferred_auth_method = password\n\
         [heat_all]\n\
         enabled_services = api,engine\n\
         [heat_api]\n\
         workers = 1\n\
         bind_host = 127.0.0.1\n\
         bind_port = {port}\n\
         [database]\n\
         connection = sqlite:///{d}/heat.sqlite\n\
         [paste_deploy]\n\
         flavor = noauth\n\
         api_paste_config = /etc/heat/api-paste.ini\n\
         [oslo_concurrency]\n\
         lock_path = {d}/lock\n"
    )
}

/// An empty, migrated Heat database, made once (`heat-manage db_sync` takes seconds)
/// and copied for each Heat; kept beside the test build, keyed by the installed Heat.
fn pristine_db() -> PathBuf {
    static DB: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    DB.get_or_init(|| {
        let stamp = std::fs::metadata("/usr/lib/python3/dist-packages/heat")
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_secs());
        let db = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("heat-{stamp}.sqlite"));
        if db.is_file() {
            return db;
        }
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("heat.conf"), config(tmp.path(), 1)).unwrap();
        let out = Command::new(HEAT_MANAGE)
            .arg("--config-file")
            .arg(tmp.path().join("heat.conf"))
            .arg("db_sync")
            .output()
            .expect("run heat-manage");
        assert!(
            out.status.success(),
            "heat-manage db_sync failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let part = db.with_extension(format!("part{}", std::process::id()));
        std::fs::copy(tmp.path().join("heat.sqlite"), &part).unwrap();
        std::fs::rename(&part, &db).unwrap();
        db
    })
    .clone()
}

impl Heat {
    /// Start Heat; fails (never skips) when Debian's Heat is not installed.
    pub fn start() -> Heat {
        assert!(
            Path::new(HEAT_ALL).is_file() && Path::new(HEAT_MANAGE).is_file(),
            "OpenStack Heat is not installed ({HEAT_ALL}): run scripts/setup.sh --test \
             (Debian packages python3-heat heat-api heat-engine)"
        );
        let dir = tempfile::tempdir().unwrap();
        for sub in ["state", "lock"] {
            std::fs::create_dir(dir.path().join(sub)).unwrap();
        }
        std::fs::copy(pristine_db(), dir.path().join("heat.sqlite")).unwrap();
        let port = free_port();
        std::fs::write(dir.path().join("heat.conf"), config(dir.path(), port)).unwrap();
        let mut h = Heat {
            child: None,
            dir,
            port,
        };
        h.spawn();
        h
    }

    /// The endpoint for `--heat-url` without a project: each stack goes to its
    /// resource's tenant.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/v1", self.port)
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("heat.log")).unwrap_or_default()
    }

    fn spawn(&mut self) {
        let out = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.dir.path().join("heat-all.out"))
            .unwrap();
        let child = Command::new(HEAT_ALL)
            .arg("--config-file")
            .arg(self.dir.path().join("heat.conf"))
            .env_remove("PYTHONPATH")
            .stdin(Stdio::null())
            .stdout(out.try_clone().unwrap())
            .stderr(out)
            .spawn()
            .expect("start heat-all");
        self.child = Some(child);
        self.wait_ready();
    }

    /// Ready = listing stacks answers 200: the API is up and the engine takes RPCs.
    fn wait_ready(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(90);
        loop {
            if let Ok((200, _)) = self.try_get("admin", "stacks") {
                return;
            }
            if let Some(Ok(Some(st))) = self.child.as_mut().map(|c| c.try_wait()) {
                panic!(
                    "heat-all exited ({st}):\n{}\n{}",
                    std::fs::read_to_string(self.dir.path().join("heat-all.out"))
                        .unwrap_or_default(),
                    self.log()
                );
            }
            assert!(
                Instant::now() < deadline,
                "Heat not ready after 90s; log:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// SIGKILL Heat (its database stays).
    pub fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// Start again on the same database and port.
    pub fn restart(&mut self) {
        self.kill();
        self.spawn();
    }

    fn try_get(&self, tenant: &str, path: &str) -> Result<(u16, Value), String> {
        let url = format!("http://127.0.0.1:{}/v1/{tenant}/{path}", self.port);
        block_on(async {
            let c = reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .timeout(Duration::from_secs(30))
                .build()
                .unwrap();
            let r = c
                .get(&url)
                .header("X-Auth-Project", tenant)
                .send()
                .await
                .map_err(|e| e.to_string())?;
            let status = r.status().as_u16();
            let text = r.text().await.map_err(|e| e.to_string())?;
            Ok((status, serde_json::from_str(&text).unwrap_or(Value::Null)))
        })
    }

    /// `GET /v1/<tenant>/<path>` → (status, JSON body).
    pub fn get(&self, tenant: &str, path: &str) -> (u16, Value) {
        self.try_get(tenant, path)
            .unwrap_or_else(|e| panic!("Heat GET {path}: {e}"))
    }

    /// Every stack of this name the tenant ever had (deleted ones too).
    pub fn stacks_named(&self, tenant: &str, name: &str) -> Vec<Value> {
        let (code, body) = self.get(
            tenant,
            &format!("stacks?show_deleted=True&stack_name={name}"),
        );
        assert_eq!(code, 200, "{body}");
        body["stacks"].as_array().cloned().unwrap_or_default()
    }

    /// The live stack of this name, with its outputs; None when Heat has none.
    pub fn stack(&self, tenant: &str, name: &str) -> Option<Value> {
        let live: Vec<Value> = self
            .stacks_named(tenant, name)
            .into_iter()
            .filter(|s| s["stack_status"] != "DELETE_COMPLETE")
            .collect();
        let s = live.first()?;
        let (code, body) = self.get(tenant, &format!("stacks/{name}/{}", s["id"].as_str()?));
        assert_eq!(code, 200, "{body}");
        Some(body["stack"].clone())
    }
}

impl Drop for Heat {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A stack's outputs as key → value.
pub fn outputs(stack: &Value) -> std::collections::BTreeMap<String, Value> {
    stack["outputs"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|o| {
            (
                o["output_key"].as_str().unwrap_or_default().to_string(),
                o["output_value"].clone(),
            )
        })
        .collect()
}
