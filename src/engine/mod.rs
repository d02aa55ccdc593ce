//! The engine: the `parameter_mappings` language (spec §5), job construction and the
//! queue protocol (spec §2–3).

pub mod election;
pub mod execute;
pub mod hot;
pub mod job;
pub mod jobqueue;
pub mod listing;
pub mod manager;
pub mod mapping;
pub mod orchestrate;
pub mod queue;
pub mod reconcile;
pub mod records;
pub mod runner;
pub mod sim;
pub mod stack;
pub mod worker;
