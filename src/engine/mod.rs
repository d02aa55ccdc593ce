//! The daemon: the job manager (election, reconcile, its queue mirror), the worker
//! (reserve, execute, stack request) and the orchestration backends (`heat`: the trait,
//! the simulated Heat and its HOT evaluator), run together by `runner` until `shutdown`; and the metrics exporter (`exporter`).
//! What the daemon shares with the CLI (building and writing jobs) is in `protocol`.

pub mod exporter;
pub mod heat;
pub mod manager;
pub mod runner;
pub mod shutdown;
pub mod worker;
