//! Rendering: every human view, apart from the data. Commands hand plain serialisable
//! data to the [`Printer`] (printer.rs), which writes the human view (one file per view
//! here) or JSON, JSONL or YAML into any writer. Human messages go to stderr (style.rs).

pub mod audit;
pub mod bulk;
pub mod check;
pub mod config;
pub mod diff;
pub mod enqueue;
pub mod escape;
pub mod history;
pub mod job;
pub mod jobs;
pub mod metrics;
pub mod printer;
pub mod resource;
pub mod style;
pub mod top;
pub mod types;
pub mod watch;

pub use crate::model::text::short;
pub use printer::*;
pub use style::*;

#[cfg(test)]
mod tests;
