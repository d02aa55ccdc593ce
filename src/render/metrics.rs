//! The exporter's metrics (docs/metrics.md, a versioned contract): a plain snapshot of
//! the live view, made after each applied batch, and its OpenMetrics text, encoded by
//! prometheus-client at each scrape from that snapshot (so a label that disappears from
//! the fleet disappears from the scrape; no stale series are left behind).

use std::collections::BTreeMap;
use std::fmt;

use prometheus_client::collector::Collector;
use prometheus_client::encoding::{DescriptorEncoder, EncodeMetric};
use prometheus_client::metrics::counter::ConstCounter;
use prometheus_client::metrics::gauge::ConstGauge;
use prometheus_client::metrics::MetricType;
use prometheus_client::registry::Registry;

use crate::query::live::derive::Derived;
use crate::query::live::reflect::Reflector;

/// Version of the metric names and labels (docs/metrics.md). Bump on breaking change.
pub const METRICS_VERSION: u32 = 1;

/// The content type of `/metrics`.
pub const CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

/// Every number the exporter serves, as plain data.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MetricsSnapshot {
    /// (stage, type, action) → jobs.
    pub jobs: BTreeMap<(String, String, String), i64>,
    /// (type, verdict) → resources.
    pub resources: BTreeMap<(String, String), i64>,
    pub lease_expired: i64,
    /// type → waiting jobs held up by a stuck job or failed resource.
    pub blocked: BTreeMap<String, i64>,
    /// type → jobs seen reaching the finished stage since the exporter started.
    pub finished: BTreeMap<String, u64>,
    pub manager_up: bool,
    pub reconnects: u64,
    pub gaps: u64,
    pub revision: i64,
}

/// The process's own numbers (Prometheus's standard `process_*` set).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProcessStats {
    pub cpu_seconds: f64,
    pub resident_bytes: i64,
    pub virtual_bytes: i64,
    pub start_time_seconds: f64,
    pub open_fds: i64,
    pub max_fds: i64,
}

/// The snapshot of a live view now, with its whole-queue numbers as last derived.
pub fn snapshot(r: &Reflector, d: &Derived) -> MetricsSnapshot {
    let mut jobs = BTreeMap::new();
    for ((stage, t, a), n) in r.live.stage_counts() {
        jobs.insert((stage.name().to_string(), t.clone(), a.clone()), *n);
    }
    let resources = r
        .live
        .verdict_counts()
        .iter()
        .map(|((t, c), n)| ((t.clone(), c.name()), *n))
        .collect();
    let manager_up = match &r.live.manager {
        None => false,
        Some(kv) if kv.lease == 0 => true,
        Some(kv) => r.ttl.get(&kv.lease).copied().flatten().is_some(),
    };
    MetricsSnapshot {
        jobs,
        resources,
        lease_expired: d.lease_expired as i64,
        blocked: d
            .blocked
            .iter()
            .map(|(t, n)| (t.clone(), *n as i64))
            .collect(),
        finished: r.live.finished_total().clone(),
        manager_up,
        reconnects: r.reconnects,
        gaps: r.gaps,
        revision: r.live.revision,
    }
}

/// The OpenMetrics text of a snapshot (and of the process, when given).
pub fn encode(s: &MetricsSnapshot, p: Option<&ProcessStats>) -> String {
    let mut reg = Registry::default();
    reg.register_collector(Box::new(Fleet(s.clone())));
    if let Some(p) = p {
        reg.register_collector(Box::new(Process(p.clone())));
    }
    let mut out = String::new();
    prometheus_client::encoding::text::encode(&mut out, &reg).expect("writing to a String");
    out
}

#[derive(Debug)]
struct Fleet(MetricsSnapshot);

#[derive(Debug)]
struct Process(ProcessStats);

fn gauge(e: &mut DescriptorEncoder, name: &str, help: &str, v: i64) -> fmt::Result {
    let g = ConstGauge::new(v);
    g.encode(e.encode_descriptor(name, help, None, MetricType::Gauge)?)
}

fn counter(e: &mut DescriptorEncoder, name: &str, help: &str, v: u64) -> fmt::Result {
    let c = ConstCounter::new(v);
    c.encode(e.encode_descriptor(name, help, None, MetricType::Counter)?)
}

impl Collector for Fleet {
    fn encode(&self, mut e: DescriptorEncoder) -> fmt::Result {
        let s = &self.0;
        {
            let mut m = e.encode_descriptor(
                "esi_jobs",
                "Jobs in the queue by stage, resource type and action",
                None,
                MetricType::Gauge,
            )?;
            for ((stage, t, a), n) in &s.jobs {
                let l = [
                    ("stage", stage.as_str()),
                    ("type", t.as_str()),
                    ("action", a.as_str()),
                ];
                ConstGauge::new(*n).encode(m.encode_family(&l)?)?;
            }
        }
        {
            let mut m = e.encode_descriptor(
                "esi_resources",
                "Resources by type and verdict code (as in -o json)",
                None,
                MetricType::Gauge,
            )?;
            for ((t, v), n) in &s.resources {
                let l = [("type", t.as_str()), ("verdict", v.as_str())];
                ConstGauge::new(*n).encode(m.encode_family(&l)?)?;
            }
        }
        {
            let mut m = e.encode_descriptor(
                "esi_jobs_blocked",
                "Waiting jobs held up, directly or transitively, by a stuck job or a failed resource",
                None,
                MetricType::Gauge,
            )?;
            for (t, n) in &s.blocked {
                ConstGauge::new(*n).encode(m.encode_family(&[("type", t.as_str())])?)?;
            }
        }
        {
            let mut m = e.encode_descriptor(
                "esi_jobs_finished",
                "Jobs seen reaching the finished stage since the exporter started",
                None,
                MetricType::Counter,
            )?;
            for (t, n) in &s.finished {
                ConstCounter::new(*n).encode(m.encode_family(&[("type", t.as_str())])?)?;
            }
        }
        gauge(
            &mut e,
            "esi_working_jobs_lease_expired",
            "Working jobs whose reservation lease has expired (their worker is gone)",
            s.lease_expired,
        )?;
        gauge(
            &mut e,
            "esi_job_manager_up",
            "1 when the job manager election key is held on a live lease",
            i64::from(s.manager_up),
        )?;
        counter(
            &mut e,
            "esi_watch_reconnects",
            "Times the watch lost its connection and resumed",
            s.reconnects,
        )?;
        counter(
            &mut e,
            "esi_watch_gaps",
            "Times history was compacted past the watch's resume point (the view was read again)",
            s.gaps,
        )?;
        gauge(
            &mut e,
            "esi_store_revision",
            "The etcd revision the exporter's view has applied",
            s.revision,
        )?;
        gauge(
            &mut e,
            "esi_exporter_metrics_version",
            "Version of these metric names and labels (docs/metrics.md)",
            i64::from(METRICS_VERSION),
        )
    }
}

impl Collector for Process {
    fn encode(&self, mut e: DescriptorEncoder) -> fmt::Result {
        let p = &self.0;
        let c = ConstCounter::new(p.cpu_seconds);
        c.encode(e.encode_descriptor(
            "process_cpu_seconds",
            "Total user and system CPU time spent in seconds",
            None,
            MetricType::Counter,
        )?)?;
        gauge(
            &mut e,
            "process_resident_memory_bytes",
            "Resident memory size in bytes",
            p.resident_bytes,
        )?;
        gauge(
            &mut e,
            "process_virtual_memory_bytes",
            "Virtual memory size in bytes",
            p.virtual_bytes,
        )?;
        let g = ConstGauge::new(p.start_time_seconds);
        g.encode(e.encode_descriptor(
            "process_start_time_seconds",
            "Start time of the process since the Unix epoch in seconds",
            None,
            MetricType::Gauge,
        )?)?;
        gauge(
            &mut e,
            "process_open_fds",
            "Number of open file descriptors",
            p.open_fds,
        )?;
        gauge(
            &mut e,
            "process_max_fds",
            "Maximum number of open file descriptors",
            p.max_fds,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_names_every_series_and_ends_with_eof() {
        let mut s = MetricsSnapshot::default();
        s.jobs
            .insert(("ready".into(), "port".into(), "create".into()), 3);
        s.resources.insert(("port".into(), "failed".into()), 2);
        s.blocked.insert("port".into(), 4);
        s.finished.insert("port".into(), 7);
        s.manager_up = true;
        s.revision = 42;
        let t = encode(&s, Some(&ProcessStats::default()));
        for line in [
            "esi_jobs{stage=\"ready\",type=\"port\",action=\"create\"} 3",
            "esi_resources{type=\"port\",verdict=\"failed\"} 2",
            "esi_jobs_blocked{type=\"port\"} 4",
            "esi_jobs_finished_total{type=\"port\"} 7",
            "esi_working_jobs_lease_expired 0",
            "esi_job_manager_up 1",
            "esi_watch_reconnects_total 0",
            "esi_watch_gaps_total 0",
            "esi_store_revision 42",
            "# TYPE process_cpu_seconds counter",
            "process_open_fds 0",
        ] {
            assert!(t.lines().any(|l| l == line), "missing {line:?} in\n{t}");
        }
        assert!(t.ends_with("# EOF\n"), "{t}");
    }
}
