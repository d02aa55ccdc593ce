//! `esi exporter --listen ADDR`: serve the live fleet view as Prometheus metrics
//! (`/metrics`, OpenMetrics text; `/healthz`) until SIGINT/SIGTERM. Metric names and
//! labels are a contract: docs/metrics.md.

use std::sync::Arc;
use std::time::Duration;

use crate::cli::context::Context;
use crate::cli::outcome::Outcome;
use crate::engine::exporter::{serve, ExporterConfig};
use crate::error::{EsiError, Result};

#[derive(Debug, clap::Args)]
#[command(after_help = "\
One read of the whole fleet at start, then one watch keeps the metrics current (a full
read again only after a compaction gap); a scrape encodes the last snapshot and never
reads etcd. Metrics (docs/metrics.md): esi_jobs{stage,type,action}, esi_resources{type,
verdict}, esi_jobs_blocked{type}, esi_jobs_finished_total{type},
esi_working_jobs_lease_expired, esi_job_manager_up, esi_watch_reconnects_total,
esi_watch_gaps_total, esi_store_revision, process_*. Example alert rules:
docs/alerts.yml. /healthz answers 503 while the watch is reconnecting.

Examples:
  esi exporter --listen 127.0.0.1:9750
  curl -s localhost:9750/metrics | grep '^esi_jobs{'")]
pub struct Args {
    /// Address to serve /metrics and /healthz on
    #[arg(long, default_value = "127.0.0.1:9750", value_name = "ADDR")]
    pub listen: String,
    /// How often the metrics are recomputed from the events applied
    #[arg(long, default_value = "500ms", value_parser = humantime::parse_duration)]
    pub interval: Duration,
}

pub async fn run(ctx: &Context, a: Args) -> Result<Outcome> {
    let listener = tokio::net::TcpListener::bind(&a.listen)
        .await
        .map_err(|e| EsiError::Usage(format!("--listen {}: cannot listen there: {e}", a.listen)))?;
    if let Ok(addr) = listener.local_addr() {
        ctx.note(&format!("serving http://{addr}/metrics"));
    }
    let cfg = ExporterConfig {
        interval: a.interval.max(Duration::from_millis(50)),
    };
    let reg = Arc::new(ctx.registry.clone());
    serve(
        ctx.store.clone(),
        reg,
        listener,
        cfg,
        crate::cli::signals::terminated(),
    )
    .await?;
    Ok(Outcome::OK)
}
