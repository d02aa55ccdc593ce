//! A resource's timeline (`esi history`): every family of it merged from etcd history,
//! rebuilt from point reads at past revisions (`store::points`), or from a watch that
//! replays every change since the start (`--exhaustive`, and wherever the point walk
//! cannot answer).

use std::sync::Arc;

use serde::Serialize;

use crate::error::{EsiError, Result};
use crate::model::keys::Family;
use crate::model::registry::{Registry, ResourceType};
use crate::model::timeline::{self, Entry};
use crate::query::resource::resource_specs;
use crate::store::{follow, points};
use crate::store::{Range, Store};

#[derive(Debug, Serialize)]
pub struct HistoryDoc {
    pub resource: Ident,
    /// First revision covered.
    pub from: i64,
    /// Revision the walk stopped at (the store revision when it started).
    pub to: i64,
    /// History before this revision was compacted (null if nothing was lost).
    pub compact_revision: Option<i64>,
    pub events: Vec<Entry>,
}

#[derive(Debug, Serialize)]
pub struct Ident {
    #[serde(rename = "type")]
    pub rtype: String,
    pub id: String,
}

/// What to walk: which families (and the job keys or not), from where.
pub struct Walk<'a> {
    pub families: &'a [Family],
    pub jobs: bool,
    /// Only the job keys (`--family jobs` alone).
    pub jobs_only: bool,
    /// Start revision; default: the resource's creation.
    pub since: Option<i64>,
    pub redact: bool,
    /// The watch walk only (see [`points`]).
    pub exhaustive: bool,
}

/// The timeline of one resource up to the store's current revision.
pub async fn history(
    store: Arc<dyn Store>,
    reg: &Registry,
    t: &ResourceType,
    id: &str,
    w: Walk<'_>,
) -> Result<HistoryDoc> {
    let mut specs = resource_specs(reg, t, id, w.families, w.jobs);
    if w.jobs_only {
        specs.retain(|s| s.prefix);
    }
    let to = store.probe().await?.revision;
    if let Some(r) = w.since {
        crate::store::check_revision(r, to)?;
    }
    let born = creation(store.as_ref(), reg, t, id, to).await?;
    let since = w.since.or(born).unwrap_or(1);
    // Point reads walk back from the keys alive now, so they cover the resource's current
    // life; before it (a deleted resource, `--since` below its creation), or where they
    // cannot answer (compaction), the watch walk replays every revision.
    let walk_points = !w.exhaustive && born.is_some_and(|b| since >= b);
    let pointed = match walk_points {
        false => None,
        true => points::collect(store.as_ref(), &specs, since, to).await?,
    };
    let h = match pointed {
        Some(h) => h,
        None => follow::collect(store, specs, since, to).await?,
    };
    let events: Vec<Entry> = h
        .events
        .iter()
        .map(|(rev, ev)| timeline::entry(reg, *rev, ev, w.redact))
        .collect();
    if events.is_empty() && since <= 1 && h.compact_revision.is_none() {
        return Err(EsiError::NotFound(format!(
            "{} {id} has no history (no key ever written)",
            t.id
        )));
    }
    Ok(HistoryDoc {
        resource: Ident {
            rtype: t.id.clone(),
            id: id.to_string(),
        },
        from: h.compact_revision.unwrap_or(since).max(since),
        to,
        compact_revision: h.compact_revision,
        events,
    })
}

/// Where a resource's history starts: the oldest create revision among its live keys at
/// `to`, queued jobs included (its config comes first in every flow, spec §3.2). A watch
/// replays every revision from its start, so starting there instead of at 1 is what
/// keeps a history walk fast on a busy cluster. Nothing live (a deleted resource): `None`,
/// from the beginning.
async fn creation(
    store: &dyn Store,
    reg: &Registry,
    t: &ResourceType,
    id: &str,
    to: i64,
) -> Result<Option<i64>> {
    let ranges: Vec<Range> = resource_specs(reg, t, id, &Family::ALL, true)
        .iter()
        .map(follow::Spec::range)
        .collect();
    let (_, res) = store.ranges(&ranges, Some(to)).await?;
    Ok(res
        .iter()
        .flat_map(|r| r.kvs.iter().map(|kv| kv.create_revision))
        .min())
}
