//! `esi engine run --backend heat` against a real OpenStack Heat (Debian's heat-all,
//! started by the harness), a real Keystone (Debian's python3-keystone) for the auth path,
//! and a real etcd: `cargo test --test it heat` runs this module.

mod auth;
mod flow;
pub mod harness;
pub mod keystone;
pub mod worker;
