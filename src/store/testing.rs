//! Test helpers shared by the unit tests: write keys through any [`Store`] in one txn.

use crate::store::{Op, Store, Txn};

/// Put every (key, value) in one txn; the revision it wrote at.
pub async fn put(s: &dyn Store, kvs: &[(String, String)]) -> i64 {
    write(
        s,
        kvs.iter()
            .map(|(k, v)| Op::put(k.clone(), v.clone()))
            .collect(),
    )
    .await
}

/// Delete every key in one txn; the revision it wrote at.
pub async fn del(s: &dyn Store, keys: &[String]) -> i64 {
    write(s, keys.iter().map(|k| Op::delete(k.clone())).collect()).await
}

/// Run `ops` as one unconditional txn; the revision after it.
pub async fn write(s: &dyn Store, ops: Vec<Op>) -> i64 {
    let r = s
        .txn(Txn {
            compares: vec![],
            success: ops,
            failure: vec![],
        })
        .await
        .expect("test txn");
    assert!(r.succeeded, "an unconditional txn succeeds");
    r.revision
}
