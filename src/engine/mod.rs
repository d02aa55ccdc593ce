//! The engine: the `parameter_mappings` language (spec §5), job construction and the
//! queue protocol (spec §2–3).

pub mod job;
pub mod listing;
pub mod mapping;
pub mod queue;
