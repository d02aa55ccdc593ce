//! Where the reverse clause of §2.6 looks (in-flight jobs whose params reference a new
//! job's resource), without reading every `/jobs/all` value: job keys carry their type
//! (`<action>:<handler>:<type>:…`), and only the types that can reference the target
//! (`model::reach`: the relations table and the type names every template spells out)
//! are read. Keys under no registered `<action>:<handler>:<type>:` prefix (another
//! handler, an unknown type or action) are counted first, and read whenever any exist,
//! so the scan misses nothing the full scan would see.

use std::collections::BTreeSet;

use crate::error::{EsiError, Result};
use crate::model::decode::{decode, Shape};
use crate::model::keys::{Family, QueueDir, ACTIONS};
use crate::model::reach::{named_types, referrers, Referrers};
use crate::model::registry::Registry;
use crate::protocol::build::template_key;
use crate::store::{for_each_page, Kv, Range, Store};

/// How the reverse clause reads `/jobs/all`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scan {
    /// Only the jobs of types that can reference a target (and any unregistered keys).
    Pruned,
    /// Every value (the reference the pruned scan is tested against).
    Full,
}

/// Run `f` over every page of `/jobs/all` that the reverse clause for `targets` (resource
/// types) must look at, at revision `rev`, in key order; pages are `page` keys at most.
pub async fn for_each_page_of<F>(
    store: &dyn Store,
    reg: &Registry,
    rev: i64,
    targets: &[&str],
    scan: Scan,
    page: i64,
    mut f: F,
) -> Result<()>
where
    F: FnMut(Vec<Kv>) -> Result<()>,
{
    let ranges = match scan {
        Scan::Full => None,
        Scan::Pruned => pruned_ranges(store, reg, rev, targets).await?,
    };
    let ranges = ranges.unwrap_or_else(|| vec![Range::prefix(QueueDir::All.prefix())]);
    for r in ranges {
        for_each_page(store, r, page, Some(rev), &mut f).await?;
    }
    Ok(())
}

/// The ranges of `/jobs/all` to read, or `None` when every job can matter (a template
/// names a type upstream of a target, or a template cannot be read).
async fn pruned_ranges(
    store: &dyn Store,
    reg: &Registry,
    rev: i64,
    targets: &[&str],
) -> Result<Option<Vec<Range>>> {
    let Some(named) = template_types(store, reg, rev).await? else {
        return Ok(None);
    };
    let Referrers::Types(types) = referrers(reg, &named, targets) else {
        return Ok(None);
    };
    let all = QueueDir::All.prefix();
    let prefix = |a: &str, h: &str, t: &str| format!("{all}{a}:{h}:{t}:");
    let mut out: Vec<Range> = Vec::new();
    for a in ACTIONS {
        for h in reg.handlers() {
            for t in &types {
                out.push(Range::prefix(prefix(a, h, t)));
            }
        }
    }
    // Everything outside the registered prefixes, as the gaps between them.
    let mut known: Vec<String> = Vec::new();
    for a in ACTIONS {
        for h in reg.handlers() {
            known.extend(reg.iter().map(|t| prefix(a, h, &t.id)));
        }
    }
    known.sort();
    let mut gaps: Vec<Range> = Vec::new();
    let mut start = all.to_string();
    for p in &known {
        if start < *p {
            gaps.push(Range::prefix(&all).from(start.clone()).before(p.clone()));
        }
        start = end_of(p);
    }
    gaps.push(Range::prefix(&all).from(start));
    let counted: Vec<Range> = gaps.iter().cloned().map(|g| g.count_only()).collect();
    let (_, res) = store.ranges(&counted, Some(rev)).await?;
    for (g, r) in gaps.into_iter().zip(res) {
        if r.count > 0 {
            out.push(g);
        }
    }
    // Disjoint ranges in key order: the scan finds jobs in the full scan's order.
    out.sort_by(|a, b| start_of(a).cmp(start_of(b)));
    Ok(Some(out))
}

fn start_of(r: &Range) -> &str {
    r.from.as_deref().unwrap_or(&r.key)
}

/// The exclusive end of a prefix, as a key string (prefixes here are ASCII).
fn end_of(p: &str) -> String {
    String::from_utf8(Range::prefix_end(p.as_bytes())).unwrap_or_else(|_| p.to_string())
}

/// Every type name the template records at `rev` spell out, their earlier versions
/// included (an in-flight job may have been built from one). `None` if a record cannot
/// be decoded or an earlier version is compacted away: then nothing can be pruned.
async fn template_types(
    store: &dyn Store,
    reg: &Registry,
    rev: i64,
) -> Result<Option<BTreeSet<String>>> {
    let prefix = template_key(reg, "");
    let mut named = BTreeSet::new();
    let mut older: Vec<Kv> = Vec::new();
    let mut ok = true;
    for_each_page(store, Range::prefix(&prefix), 500, Some(rev), |kvs| {
        for kv in kvs {
            ok &= name_types_of(&kv, &mut named);
            if kv.version > 1 {
                older.push(kv);
            }
        }
        Ok(())
    })
    .await?;
    // Walk each edited template back through its versions, one txn per step.
    while ok && !older.is_empty() {
        let reads: Vec<(Range, i64)> = older
            .iter()
            .map(|kv| (Range::key(&kv.key), kv.mod_revision - 1))
            .collect();
        let res = match store.ranges_at(&reads).await {
            Ok(res) => res,
            Err(EsiError::Compacted { .. }) => return Ok(None),
            Err(e) => return Err(e),
        };
        let mut next = Vec::new();
        for kv in res.into_iter().flat_map(|r| r.kvs) {
            ok &= name_types_of(&kv, &mut named);
            if kv.version > 1 {
                next.push(kv);
            }
        }
        older = next;
    }
    Ok(ok.then_some(named))
}

fn name_types_of(kv: &Kv, named: &mut BTreeSet<String>) -> bool {
    match decode(Shape::Family(Family::Config), &kv.key, &kv.value).value {
        Some(v) => {
            named_types(&v, named);
            true
        }
        None => false,
    }
}
