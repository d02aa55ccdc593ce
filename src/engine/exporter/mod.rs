//! `esi exporter`: the live fleet view as Prometheus metrics. One pinned read, then the
//! watch keeps the view current (a full read again only after a compaction gap); every
//! `interval` the metrics snapshot is made from it, and `/metrics` encodes the last
//! snapshot (a scrape never reads etcd). `/healthz` says whether the watch is live.

pub mod process;
pub mod serve;

pub use serve::{serve, ExporterConfig, DERIVE_EVERY};
