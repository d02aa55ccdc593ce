//! Integration tests: the real `esi` binary against a real etcd, all in one test binary
//! (link time matters).

mod answers;
mod backup;
mod bulk_enqueue;
mod cluster;
mod completions;
mod config;
mod cookbook;
mod docs;
mod endpoints;
mod engine;
mod fleet;
mod generated;
mod harness;
mod heat;
mod hostile;
mod jobs;
mod keybytes;
mod layout;
mod live;
mod polish;
mod props;
mod secrets;
mod show;
mod snapshots;
mod timeline;
