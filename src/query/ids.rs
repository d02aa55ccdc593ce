//! Resource ids as operators type them: a unique prefix (6 characters or more) of an id
//! stands for it, as in git and docker; an ambiguous one lists the candidates. Ids are
//! looked up among the type's `/config` keys, keys-only.

use crate::error::{EsiError, Result};
use crate::model::keys::Family;
use crate::model::registry::ResourceType;
use crate::store::{Range, Store};

/// Shortest prefix taken as one: shorter, it is an id as typed.
pub const MIN_PREFIX: usize = 6;
/// Candidates named in an ambiguity error.
const SHOWN: i64 = 10;

/// What an id argument resolved to.
#[derive(Debug, PartialEq)]
pub enum Resolved {
    /// The id as typed: it exists, or nothing starts with it (the caller says not found,
    /// or a watch waits for it).
    AsTyped,
    /// The one id starting with the prefix.
    Prefix(String),
}

/// Resolve `input` for type `t` at `rev` (latest if None).
pub async fn resolve_id(
    store: &dyn Store,
    t: &ResourceType,
    input: &str,
    rev: Option<i64>,
) -> Result<Resolved> {
    if input.len() < MIN_PREFIX {
        return Ok(Resolved::AsTyped);
    }
    let dir = Family::Config.type_prefix(t);
    let range = Range::prefix(format!("{dir}{input}"))
        .keys_only()
        .limit(SHOWN + 1);
    let (_, res) = store.range(&range, rev).await?;
    let ids: Vec<&str> = res
        .kvs
        .iter()
        .filter_map(|kv| kv.key.strip_prefix(&dir))
        .collect();
    if ids.is_empty() || ids.contains(&input) {
        return Ok(Resolved::AsTyped);
    }
    if let [one] = ids.as_slice() {
        return Ok(Resolved::Prefix(one.to_string()));
    }
    let more = if res.more || res.count > SHOWN {
        format!(" (and {} more)", res.count - SHOWN)
    } else {
        String::new()
    };
    Err(EsiError::Usage(format!(
        "`{input}` is ambiguous: {} {} ids start with it: {}{more}",
        res.count,
        t.id,
        ids.iter()
            .take(SHOWN as usize)
            .copied()
            .collect::<Vec<_>>()
            .join(", ")
    )))
}

/// Most ids read to look for a near miss.
const NEAR_SCAN: i64 = 20_000;

/// The id of type `t` closest to `input` (edit distance ≤ 2), for a "did you mean" after
/// a miss; ids are read keys-only.
pub async fn closest_id(
    store: &dyn Store,
    t: &ResourceType,
    input: &str,
    rev: Option<i64>,
) -> Result<Option<String>> {
    let dir = Family::Config.type_prefix(t);
    let range = Range::prefix(&dir).keys_only().limit(NEAR_SCAN);
    let (_, res) = store.range(&range, rev).await?;
    let ids = res.kvs.iter().filter_map(|kv| kv.key.strip_prefix(&dir));
    Ok(crate::model::suggest::closest(input, ids).map(String::from))
}
