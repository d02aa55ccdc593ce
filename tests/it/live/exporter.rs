//! `esi exporter` scraped by a real Prometheus: the values follow writes (a job queued,
//! a job finishing, a failure), the example alert rules load and pass `promtool check
//! rules`, and `/healthz` and the metric contract hold on a direct scrape.

use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

use super::{encode, eventually, http_get, Killed};
use crate::engine::{sample_etcd, Engine};
use crate::harness::{free_port, Etcd};

const NETWORK: &str = "168c1535-9001-49c7-bb05-21844570a83c";

fn rules_file() -> String {
    format!("{}/docs/alerts.yml", env!("CARGO_MANIFEST_DIR"))
}

fn binary(name: &str) -> String {
    let p = format!("/usr/bin/{name}");
    assert!(
        Path::new(&p).exists(),
        "{p} is missing: run scripts/setup.sh --test (installs Debian's prometheus)"
    );
    p
}

/// `esi exporter` on a free port; its address once /healthz answers.
fn exporter(etcd: &Etcd) -> (Killed, String) {
    let addr = format!("127.0.0.1:{}", free_port());
    let child = etcd
        .esi()
        .args(["exporter", "--listen", &addr, "--interval", "100ms"])
        .command()
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start esi exporter");
    let k = Killed(child);
    eventually("the exporter's /healthz", 20, || {
        match http_get(&addr, "/healthz") {
            Some((200, b)) => (Some(()), b),
            other => (None, format!("{other:?}")),
        }
    });
    (k, addr)
}

/// A Prometheus scraping `target` every 250 ms with the example rules, in a temp dir.
struct Prometheus {
    _child: Killed,
    addr: String,
    _dir: tempfile::TempDir,
}

impl Prometheus {
    fn start(target: &str) -> Prometheus {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("prometheus.yml");
        std::fs::write(
            &config,
            format!(
                "global:\n  scrape_interval: 250ms\n  evaluation_interval: 250ms\nrule_files: [\"{}\"]\nscrape_configs:\n  - job_name: esi\n    static_configs:\n      - targets: [\"{target}\"]\n",
                rules_file()
            ),
        )
        .unwrap();
        let addr = format!("127.0.0.1:{}", free_port());
        let child = Command::new(binary("prometheus"))
            .arg(format!("--config.file={}", config.display()))
            .arg(format!(
                "--storage.tsdb.path={}",
                dir.path().join("data").display()
            ))
            .arg(format!("--web.listen-address={addr}"))
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(dir.path().join("prometheus.log")).unwrap())
            .spawn()
            .expect("start prometheus");
        let p = Prometheus {
            _child: Killed(child),
            addr,
            _dir: dir,
        };
        eventually("prometheus to be ready", 30, || {
            match http_get(&p.addr, "/-/ready") {
                Some((200, b)) => (Some(()), b),
                other => (None, format!("{other:?}")),
            }
        });
        p
    }

    fn api(&self, path: &str) -> Value {
        let (code, body) = http_get(&self.addr, path).expect("prometheus answers");
        assert_eq!(code, 200, "{path}: {body}");
        serde_json::from_str(&body).unwrap()
    }

    /// The value of an instant query that yields one sample, if it does.
    fn value(&self, q: &str) -> (Option<f64>, String) {
        let v = self.api(&format!("/api/v1/query?query={}", encode(q)));
        let n = v["data"]["result"][0]["value"][1]
            .as_str()
            .and_then(|s| s.parse().ok());
        (n, v.to_string())
    }

    /// Wait until the query's value satisfies `ok`.
    #[track_caller]
    fn wait(&self, q: &str, ok: impl Fn(f64) -> bool) -> f64 {
        eventually(q, 30, || {
            let (v, seen) = self.value(q);
            (v.filter(|v| ok(*v)), seen)
        })
    }
}

#[test]
fn prometheus_sees_the_queue_follow_writes_and_loads_the_alert_rules() {
    let (etcd, _store) = sample_etcd();
    let (_exporter, addr) = exporter(&etcd);
    let prom = Prometheus::start(&addr);
    // The sample's one job: a logical_delete of a port, ready.
    let ready = r#"sum(esi_jobs{stage="ready"})"#;
    prom.wait(ready, |v| v == 1.0);
    prom.wait("esi_job_manager_up", |v| v == 0.0);
    prom.wait(r#"esi_resources{type="network",verdict="in_sync"}"#, |v| {
        v == 3.0
    });

    // A job queued by esi itself.
    etcd.esi()
        .args(["enqueue", "modify", "network", NETWORK, "--yes"])
        .run()
        .ok();
    prom.wait(ready, |v| v == 2.0);
    prom.wait(r#"esi_resources{type="network",verdict="pending"}"#, |v| {
        v == 1.0
    });

    // The engine takes both: the port's finishes, the network's fails.
    let engine = Engine::start(&etcd, &["--sim-fail", "network"]);
    prom.wait(r#"sum(esi_jobs_finished_total{type="port"})"#, |v| v >= 1.0);
    prom.wait(r#"esi_resources{type="network",verdict="failed"}"#, |v| {
        v == 1.0
    });
    prom.wait("esi_job_manager_up", |v| v == 1.0);
    prom.wait(r#"sum(esi_jobs{stage="ready"}) or vector(0)"#, |v| v == 0.0);
    drop(engine);

    // The example rules are loaded and evaluated by this Prometheus.
    let rules = prom.api("/api/v1/rules");
    let names: Vec<&str> = rules["data"]["groups"][0]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"EsiNoJobManager") && names.len() == 7,
        "{rules}"
    );
    for r in rules["data"]["groups"][0]["rules"].as_array().unwrap() {
        assert_eq!(
            r["health"], "ok",
            "rule {} did not evaluate: {r}",
            r["name"]
        );
    }
    let check = Command::new(binary("promtool"))
        .args(["check", "rules", &rules_file()])
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

#[test]
fn a_direct_scrape_keeps_the_documented_contract() {
    let (etcd, _store) = sample_etcd();
    let (_exporter, addr) = exporter(&etcd);
    let (code, text) = http_get(&addr, "/metrics").unwrap();
    assert_eq!(code, 200);
    let docs =
        std::fs::read_to_string(format!("{}/docs/metrics.md", env!("CARGO_MANIFEST_DIR"))).unwrap();
    // Every family served is documented, and the scrape ends as OpenMetrics requires.
    for line in text.lines().filter(|l| l.starts_with("# TYPE ")) {
        let name = line.split_whitespace().nth(2).unwrap();
        let counter = line.ends_with(" counter");
        let shown = if counter {
            format!("`{name}_total`")
        } else {
            format!("`{name}`")
        };
        assert!(
            docs.contains(&shown),
            "{shown} is served but not in docs/metrics.md"
        );
    }
    assert!(text.ends_with("# EOF\n"));
    assert!(text.contains("esi_exporter_metrics_version 1"), "{text}");
    assert!(
        text.contains(r#"esi_jobs{stage="ready",type="port",action="logical_delete"} 1"#),
        "{text}"
    );
    // A second exporter on the same address: a usage error naming --listen.
    let busy = etcd
        .esi()
        .args(["exporter", "--listen", &addr])
        .run()
        .code(2);
    assert!(busy.stderr.contains("--listen"), "{}", busy.stderr);
}
