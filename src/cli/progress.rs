//! Progress bars for long operations: on stderr, only when stderr is a terminal and not
//! `-q`, so pipes, scripts and machine output never see them.
//!
//! The store layer knows nothing of progress; [`Counting`] wraps a [`Store`] and advances
//! the bar by the keys each page read or transaction carries.

use std::io::IsTerminal;
use std::time::Duration;

use async_trait::async_trait;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::error::Result;
use crate::store::{Op, Range, RangeResult, Store, StoreStatus, Txn, TxnResult, WatchHandle};

/// A bar (known total) or spinner (unknown), hidden when it should not be drawn.
pub fn bar(quiet: bool, total: Option<u64>, msg: &str) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let pb = match total {
        Some(n) => ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr()).with_style(
            ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} keys ({elapsed})")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        ),
        None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()).with_style(
            ProgressStyle::with_template("{spinner} {msg} {pos} keys ({elapsed})")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    pb.set_message(msg.to_string());
    pb.enable_steady_tick(Duration::from_millis(120));
    pb
}

/// A bar counting items of `unit` (e.g. "jobs"), hidden when it should not be drawn.
pub fn counter(quiet: bool, total: u64, msg: &str, unit: &str) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr()).with_style(
        ProgressStyle::with_template(&format!(
            "{{msg}} [{{bar:30}}] {{pos}}/{{len}} {unit} ({{elapsed}})"
        ))
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    pb.set_message(msg.to_string());
    pb.enable_steady_tick(Duration::from_millis(120));
    pb
}

/// A store that counts keys read (non-count-only ranges) and written (txn puts/deletes).
pub struct Counting<'a> {
    pub inner: &'a dyn Store,
    pub bar: ProgressBar,
}

#[async_trait]
impl Store for Counting<'_> {
    fn describe(&self) -> String {
        self.inner.describe()
    }
    async fn probe(&self) -> Result<StoreStatus> {
        self.inner.probe().await
    }
    async fn range(&self, range: &Range, rev: Option<i64>) -> Result<(i64, RangeResult)> {
        let r = self.inner.range(range, rev).await?;
        if !range.count_only {
            self.bar.inc(r.1.kvs.len() as u64);
        }
        Ok(r)
    }
    async fn ranges(&self, ranges: &[Range], rev: Option<i64>) -> Result<(i64, Vec<RangeResult>)> {
        self.inner.ranges(ranges, rev).await
    }
    async fn ranges_at(&self, reads: &[(Range, i64)]) -> Result<Vec<RangeResult>> {
        self.inner.ranges_at(reads).await
    }
    async fn txn(&self, txn: Txn) -> Result<TxnResult> {
        let n = txn
            .success
            .iter()
            .filter(|op| matches!(op, Op::Put { .. } | Op::Delete { .. }))
            .count();
        let r = self.inner.txn(txn).await?;
        self.bar.inc(n as u64);
        Ok(r)
    }
    async fn watch(&self, key: &str, prefix: bool, start_rev: i64) -> Result<WatchHandle> {
        self.inner.watch(key, prefix, start_rev).await
    }
    async fn replay(
        &self,
        specs: &[(String, bool)],
        from: i64,
        to: i64,
        sink: &mut crate::store::Sink<'_>,
    ) -> Result<bool> {
        self.inner.replay(specs, from, to, sink).await
    }
    async fn lease_grant(&self, ttl: Duration) -> Result<i64> {
        self.inner.lease_grant(ttl).await
    }
    async fn lease_keep_alive(&self, lease: i64) -> Result<()> {
        self.inner.lease_keep_alive(lease).await
    }
    async fn lease_revoke(&self, lease: i64) -> Result<()> {
        self.inner.lease_revoke(lease).await
    }
    async fn lease_ttl(&self, lease: i64) -> Result<Option<i64>> {
        self.inner.lease_ttl(lease).await
    }
    async fn compact(&self, rev: i64) -> Result<()> {
        self.inner.compact(rev).await
    }
    fn progress_is_ordered(&self) -> bool {
        self.inner.progress_is_ordered()
    }
}
