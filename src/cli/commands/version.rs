//! `esi version`: esi's version, and the etcd server's when it answers within a short
//! probe (a version check must not wait out the normal dial timeout).

use std::time::Duration;

use serde::Serialize;

use crate::cli::args::GlobalArgs;
use crate::cli::outcome::Outcome;
use crate::cli::profile;
use crate::error::Result;
use crate::render::{self, Printer};
use crate::store::etcd::EtcdStore;
use crate::store::Store;

const PROBE: Duration = Duration::from_secs(1);

#[derive(Debug, clap::Args)]
#[command(after_help = "\
The etcd version is null when the server does not answer within 1s (exit status stays 0).

Examples:
  esi version
  esi version -o json          # {\"esi\": \"0.1.0\", \"etcd\": \"3.4.23\", \"features\": [...]}
  esi --context prod version")]
pub struct Args {}

#[derive(Debug, Serialize)]
pub struct VersionDoc {
    pub esi: &'static str,
    pub etcd: Option<String>,
    /// Cargo features this binary was built with (e.g. `dynamic-completion`).
    pub features: Vec<&'static str>,
}

/// The optional features compiled in.
fn features() -> Vec<&'static str> {
    let mut f = Vec::new();
    if cfg!(feature = "dynamic-completion") {
        f.push("dynamic-completion");
    }
    f
}

pub async fn run(g: &GlobalArgs, _a: Args) -> Result<Outcome> {
    let color = render::init_color(g.color);
    let settings = profile::settings(g)?;
    let (etcd, detail) = if g.store.is_some() {
        (None, "offline store (--store)".to_string())
    } else {
        let mut cfg = settings.etcd.clone();
        cfg.dial_timeout = cfg.dial_timeout.min(PROBE);
        cfg.command_timeout = cfg.command_timeout.min(PROBE);
        let endpoints = crate::model::redact::redact_text(&cfg.endpoints.join(","));
        let probe = async {
            let store = EtcdStore::connect(cfg).await?;
            store.probe().await
        };
        match tokio::time::timeout(PROBE * 2, probe).await {
            Ok(Ok(st)) => (st.server_version, endpoints),
            Ok(Err(e)) => (None, format!("unreachable: {e}")),
            Err(_) => (None, format!("{endpoints} did not answer within {PROBE:?}")),
        }
    };
    let doc = VersionDoc {
        esi: env!("CARGO_PKG_VERSION"),
        etcd,
        features: features(),
    };
    let out = Printer::new(settings.output, color);
    out.emit(&doc, |d| {
        let features = if d.features.is_empty() {
            "none".to_string()
        } else {
            d.features.join(", ")
        };
        format!(
            "esi  {} (features: {features})\netcd {} ({detail})\n",
            d.esi,
            d.etcd.as_deref().unwrap_or("unknown")
        )
    })?;
    Ok(Outcome::OK)
}
