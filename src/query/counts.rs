//! Stage-directory counts (`esi jobs --count`): count-only ranges where the filter maps
//! onto key prefixes, keys-only pages where ids must be matched client side.

use serde::Serialize;

use crate::error::Result;
use crate::model::keys::QueueDir;
use crate::model::registry::Registry;
use crate::query::jobs::{matches, prefixes, Filter, KEY_PAGE};
use crate::store::{for_each_page, Range, Store};

/// Key counts per directory (`esi jobs --count`), from count-only ranges.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    pub revision: i64,
    pub all: i64,
    pub waiting: i64,
    pub ready: i64,
    pub working: i64,
    pub finished: i64,
}

/// Stage-directory counts without transferring values.
pub async fn count(
    store: &dyn Store,
    reg: &Registry,
    f: &Filter,
    rev: Option<i64>,
) -> Result<Counts> {
    let (pfx, exact) = prefixes(reg, f);
    let mut c = Counts::default();
    fn slot(c: &mut Counts, dir: QueueDir) -> &mut i64 {
        match dir {
            QueueDir::All => &mut c.all,
            QueueDir::Waiting => &mut c.waiting,
            QueueDir::Ready => &mut c.ready,
            QueueDir::Working => &mut c.working,
            QueueDir::Finished => &mut c.finished,
        }
    }
    if exact {
        // Every directory × prefix as a count-only range, in one round trip.
        let ranges: Vec<Range> = QueueDir::ALL
            .iter()
            .flat_map(|d| {
                pfx.iter()
                    .map(move |p| Range::prefix(format!("{}{p}", d.prefix())).count_only())
            })
            .collect();
        let (r, res) = store.ranges(&ranges, rev).await?;
        for (i, res) in res.iter().enumerate() {
            *slot(&mut c, QueueDir::ALL[i / pfx.len()]) += res.count;
        }
        c.revision = r;
        return Ok(c);
    }
    // Ids must be matched client side: keys-only pages.
    let mut at = rev;
    for dir in QueueDir::ALL {
        for p in &pfx {
            let range = Range::prefix(format!("{}{p}", dir.prefix())).keys_only();
            let mut n = 0;
            let r = for_each_page(store, range, KEY_PAGE, at, |kvs| {
                n += kvs
                    .iter()
                    .filter(|kv| matches(f, dir.id_of(&kv.key).unwrap_or_default()))
                    .count() as i64;
                Ok(())
            })
            .await?;
            at.get_or_insert(r);
            *slot(&mut c, dir) += n;
        }
    }
    c.revision = at.unwrap_or(0);
    Ok(c)
}
