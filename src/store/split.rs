//! One large prefix read as consecutive sub-ranges read concurrently. etcd serves a
//! range on one goroutine, so `/jobs/all` read whole keeps one core of the member busy
//! while the others idle; cut into pieces, the member reads them in parallel.

use futures_util::stream::{self, StreamExt};

use crate::error::Result;
use crate::store::{Kv, Range, Store};

/// Pieces of `prefix` cut at every `cut` (a key inside the prefix). The pieces are
/// consecutive and together cover the whole prefix, so every key is read exactly once
/// whatever the cuts: they only decide how evenly the work is spread.
pub fn pieces(prefix: &str, cuts: impl IntoIterator<Item = String>, keys_only: bool) -> Vec<Range> {
    let mut cuts: Vec<String> = cuts
        .into_iter()
        .filter(|c| c.starts_with(prefix) && c.len() > prefix.len())
        .collect();
    cuts.sort();
    cuts.dedup();
    let base = |from: Option<&String>| {
        let mut r = Range::prefix(prefix);
        r.keys_only = keys_only;
        r.from = from.cloned();
        r
    };
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start: Option<&String> = None;
    for cut in &cuts {
        out.push(base(start).before(cut.clone()));
        start = Some(cut);
    }
    out.push(base(start));
    out
}

/// Read `pieces` at `rev`, `concurrency` at a time; `f` gets each piece's key-values as
/// it arrives (in no particular order), so only a few pieces are held at once.
pub async fn read<F>(
    store: &dyn Store,
    pieces: Vec<Range>,
    rev: i64,
    concurrency: usize,
    mut f: F,
) -> Result<()>
where
    F: FnMut(Vec<Kv>),
{
    let mut s = stream::iter(pieces)
        .map(|r| async move { store.range(&r, Some(rev)).await })
        .buffer_unordered(concurrency);
    while let Some(got) = s.next().await {
        f(got?.1.kvs);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::embedded::EmbeddedStore;
    use crate::store::Op;

    #[tokio::test]
    async fn pieces_cover_every_key_once() {
        let store = EmbeddedStore::new();
        let keys = [
            "/j/a:h:t:0x",
            "/j/a:h:t:4",
            "/j/a:h:t:",
            "/j/a:h:t:zz",
            "/j/a:h:u:1",
            "/j/b",
            "/j/",
            "/j/a:h:t:c0",
            "/j/~",
        ];
        let ops = keys.iter().map(|k| Op::put(*k, "v")).collect();
        let put = |success| crate::store::Txn {
            compares: vec![],
            success,
            failure: vec![],
        };
        store.txn(put(ops)).await.unwrap();
        let rev = store
            .txn(put(vec![Op::put("/k", "x")]))
            .await
            .unwrap()
            .revision;
        let cuts = [
            "/j/a:h:t:",
            "/j/a:h:t:4",
            "/j/a:h:t:c",
            "/j/a:h:u:",
            "/other/",
            "/j/",
        ];
        let p = pieces("/j/", cuts.map(String::from), true);
        assert_eq!(p.len(), 5);
        let mut got = Vec::new();
        read(&store, p, rev, 3, |kvs| {
            got.extend(kvs.into_iter().map(|kv| kv.key))
        })
        .await
        .unwrap();
        got.sort();
        let mut want: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
        want.sort();
        assert_eq!(got, want);
    }
}
