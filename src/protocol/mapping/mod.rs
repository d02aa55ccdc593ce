//! The `parameter_mappings` mini-language (spec §5), template selection (§5.2) and job
//! params construction (§2.5).
//!
//! Decisions on points the spec leaves open (each documented where it is implemented):
//! * `A` stringifies parts like the legacy Python `str()`: strings verbatim, numbers as their
//!   JSON text, `true`/`false` → `True`/`False`, `null` → `None`; arrays/objects as compact JSON.
//! * A broken reference (hop id absent/null/not a string, or referenced config missing) is an
//!   error naming the hop, except under `ignore_missing` on `{field, path}` (§5.4.8/§5.4.9).
//!   `M` and the last hop of `{output_key, path}` only need an id; the config is not loaded.
//! * `for_field` naming an absent/null field iterates over nothing; any other non-list is an
//!   error. An iteration's type comes from the shape of `for_mapping` (`{output_key}` or `M`
//!   → `list`, else `value`), so empty lists get a stable type.
//! * Object forms dispatch on the first known key (§5.4 priority); other keys are ignored as
//!   the legacy engine did. Objects with no known key, and non-string/non-object mappings,
//!   are rejected.
//! * `regexp` uses Python `re.match` semantics: anchored at the start only.

mod eval;
mod hops;
mod params;
mod types;

pub use params::{build_params, eval, select_template};
pub use types::{Broken, Ctx, Evaluated, MappingError, Param, ParamType, Resolver, ResourceRef};

#[cfg(test)]
mod tests;
