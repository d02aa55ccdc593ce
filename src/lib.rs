//! `esi`: an operator CLI for ESI, a job-processing system whose whole state lives in etcd.
//!
//! Layers, from the data up (docs/architecture.md); each imports only those above it:
//! - [`model`]: pure data and rules — key families, registry, decoding, jobs, verdict,
//!   watch conditions, timeline, redaction, wire encoders; no I/O;
//! - [`store`]: etcd and the embedded MVCC store behind one trait, snapshot formats, the
//!   history walk and the live follower, the bundled sample;
//! - [`query`]: every read composition of store calls into model views;
//! - [`protocol`]: every build and write shared by the CLI and the daemon;
//! - [`engine`]: the daemon — manager, worker, orchestration backends;
//! - [`render`]: every human view and the Printer, over any writer;
//! - [`cli`]: the clap definition, the per-run context, one file per subcommand.

pub mod cli;
pub mod engine;
pub mod error;
pub mod exit;
pub mod files;
pub mod model;
pub mod protocol;
pub mod query;
pub mod render;
pub mod store;
