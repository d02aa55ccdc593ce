//! Test helpers shared by the unit tests: write keys through any [`Store`] in one txn,
//! and a small deterministic generator for generated datasets.

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

/// A small deterministic generator (a generated test must not depend on a seed's luck,
/// nor pull in a random-number crate): Knuth's MMIX LCG, high bits.
pub struct Lcg(pub u64);

impl Lcg {
    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }

    /// An index in `0..n`.
    pub fn index(&mut self, n: usize) -> usize {
        self.below(n as u64) as usize
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}
