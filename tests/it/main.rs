//! Integration tests: the real `esi` binary against a real etcd, all in one test binary
//! (link time matters).

mod harness;
mod show;
mod snapshots;
mod timeline;
