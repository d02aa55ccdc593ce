//! The ESI data model: key families, the resource-type registry, value decoding, job
//! ids and values, the resource view and its verdict, watch conditions, timelines,
//! secret redaction and the wire encoders. Pure: no I/O, and no dependency on the rest
//! of the crate (its key-value and event types are its own, in `kv`).

pub mod agreement;
pub mod audit;
pub mod cond;
pub mod cycles;
pub mod decode;
pub mod job;
pub mod jsondiff;
pub mod keys;
pub mod keytext;
pub mod kv;
pub mod reach;
pub mod redact;
pub mod registry;
pub mod resource;
pub mod roots;
pub mod stack;
pub mod suggest;
pub mod text;
pub mod timeline;
pub mod verdict;
pub mod wire;
