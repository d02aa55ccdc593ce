//! `esi`: an operator CLI for ESI, a job-processing system whose whole state lives in etcd.
//!
//! Layers, from the data up:
//! - [`model`]: key families, the type registry, decoding, jobs, the agreement verdict;
//! - [`store`]: etcd and the embedded MVCC store behind one trait, snapshot formats;
//! - [`query`]: read-side compositions of store calls into model views;
//! - [`engine`]: the mapping language, the queue protocol and the worker;
//! - [`render`]: tables, JSON/YAML, colours — kept apart from the data;
//! - [`cli`]: one module per subcommand, each with its `Args` and `run`.

pub mod cli;
pub mod engine;
pub mod error;
pub mod exit;
pub mod follow;
pub mod model;
pub mod profile;
pub mod query;
pub mod render;
pub mod sample;
pub mod store;
