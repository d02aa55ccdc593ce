//! `esi engine run --backend heat` against a real OpenStack Heat (Debian's heat-all,
//! started by the harness) and a real etcd: `cargo test --test it heat` runs this module.

mod flow;
pub mod harness;
pub mod worker;
