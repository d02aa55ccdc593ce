//! The OpenStack Heat backend (`esi engine run --backend heat`): where credentials come
//! from (`cloud`: clouds.yaml, `OS_*`, `--heat-url`), Keystone tokens and the catalog
//! (`auth`), Heat's REST calls (`client`), Heat environments (`environment`) and the
//! [`Orchestrator`](super::Orchestrator) that drives a stack per job (`backend`).

pub mod auth;
pub mod backend;
pub mod client;
pub mod cloud;
pub mod environment;

pub use backend::{HeatBackend, HeatConfig};
