//! Reading the audit trail (`esi audit`, and the last records of a resource in
//! `esi show`): records under the audit prefix, paged, filtered; a record that cannot be
//! decoded is kept as a warning with its key, never dropped silently.

use serde::Serialize;

use crate::error::Result;
use crate::model::audit::AuditRecord;
use crate::store::{for_each_page, Range, Store};

/// Keys per page (records are ~0.5 KB).
const PAGE: i64 = 2000;

#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Records at or after this time (RFC 3339, compared as written: UTC, fixed width).
    pub since: Option<String>,
    /// Records written at or after this revision.
    pub from_revision: Option<i64>,
    pub actor: Option<String>,
    pub resource: Option<(String, String)>,
    /// Only these kinds (empty: all).
    pub kinds: Vec<String>,
}

/// One record with where it is (`-o json`: docs/json-output.md).
#[derive(Debug, Clone, Serialize)]
pub struct AuditEntry {
    pub key: String,
    pub revision: i64,
    #[serde(flatten)]
    pub record: AuditRecord,
}

/// Every record under `prefix` that passes `f`, oldest first, and warnings for those
/// that cannot be read. Reads the latest revision (returned).
pub async fn list(
    store: &dyn Store,
    prefix: &str,
    f: &AuditFilter,
) -> Result<(i64, Vec<AuditEntry>, Vec<String>)> {
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    // A resource id is a substring of every record that concerns it: skip the others
    // unparsed.
    let needle = f.resource.as_ref().map(|(_, id)| id.as_bytes().to_vec());
    let mut range = Range::prefix(prefix);
    if let Some(since) = &f.since {
        // Keys start with the record's time: begin the range there.
        range = range.after(format!("{prefix}{since}"));
    }
    let rev = for_each_page(store, range, PAGE, None, |kvs| {
        for kv in kvs {
            if f.from_revision.is_some_and(|r| kv.mod_revision < r) {
                continue;
            }
            if let Some(n) = &needle {
                if !kv.value.windows(n.len()).any(|w| w == n.as_slice()) {
                    continue;
                }
            }
            let record: AuditRecord = match serde_json::from_slice(&kv.value) {
                Ok(r) => r,
                Err(e) => {
                    warnings.push(format!("{}: not an audit record ({e}); skipped", kv.key));
                    continue;
                }
            };
            if !passes(f, &record) {
                continue;
            }
            out.push(AuditEntry {
                key: kv.key,
                revision: kv.mod_revision,
                record,
            });
        }
        Ok(())
    })
    .await?;
    Ok((rev, out, warnings))
}

fn passes(f: &AuditFilter, r: &AuditRecord) -> bool {
    f.since
        .as_ref()
        .is_none_or(|s| r.time.as_str() >= s.as_str())
        && f.actor.as_ref().is_none_or(|a| &r.actor == a)
        && f.resource.as_ref().is_none_or(|(t, i)| r.touches(t, i))
        && (f.kinds.is_empty() || f.kinds.contains(&r.kind))
}

/// The last `n` records that touched one resource (for `esi show`).
pub async fn of_resource(
    store: &dyn Store,
    prefix: &str,
    rtype: &str,
    id: &str,
    n: usize,
) -> Result<Vec<AuditEntry>> {
    let f = AuditFilter {
        resource: Some((rtype.to_string(), id.to_string())),
        ..Default::default()
    };
    let (_, mut all, _) = list(store, prefix, &f).await?;
    let skip = all.len().saturating_sub(n);
    Ok(all.split_off(skip))
}
