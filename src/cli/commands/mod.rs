//! One file per subcommand: its clap `Args` and a `run` that calls one query or protocol
//! function and hands the result to `render`.

pub mod audit;
pub mod check;
pub mod completions;
pub mod config;
pub mod demo;
pub mod diff;
pub mod engine;
pub mod enqueue;
pub mod exporter;
pub mod get;
pub mod history;
pub mod job;
pub mod jobs;
pub mod ls;
pub mod replay;
pub mod replay_jobs;
pub mod show;
pub mod snapshot;
pub mod top;
pub mod types;
pub mod version;
pub mod watch;
