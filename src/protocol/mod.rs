//! Every build and write shared by the CLI and the daemon (spec §2–5): the
//! `parameter_mappings` language (`mapping`), building a job from a config (`build`), the
//! dependencies and the single guarded enqueue transaction (`enqueue`), and the records
//! a worker writes (`records`), the audit record each write carries (`audit`), and bulk
//! replay plans (`bulk`).

pub mod audit;
pub mod build;
pub mod bulk;
pub mod enqueue;
pub mod mapping;
pub mod plan;
pub mod records;
pub mod replay;
pub mod reverse;
#[cfg(test)]
mod reverse_tests;
