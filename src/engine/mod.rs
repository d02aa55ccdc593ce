//! The engine: the `parameter_mappings` language (spec §5), job construction and the
//! queue protocol (spec §2–3).

pub mod mapping;
pub mod job;
pub mod pyjson;
pub mod queue;
pub mod listing;
