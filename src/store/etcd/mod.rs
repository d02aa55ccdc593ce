//! etcd v3 through `etcd-client`, with etcdctl's connection flags, and the failover a
//! cluster needs: one client per endpoint, each request sent to the endpoint that
//! answered last and, when that one cannot be used, to the next (reads always; writes only
//! when the request never left), so a command works while any member answers.

mod cluster;
mod convert;
mod errors;
mod replay;
mod watch;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use async_trait::async_trait;
use etcd_client::{
    Certificate, Client, ConnectOptions, Identity, TlsOptions, Txn as ETxn, TxnOp, WatchOptions,
    WatchStream, Watcher,
};
use tokio::sync::OnceCell;

use super::{ClusterInfo, Range, RangeResult, Store, StoreStatus, Txn, TxnResult, WatchHandle};
use crate::error::{EsiError, Result};
use convert::{get_options, get_results, header_rev, to_compare, to_kv, to_op};
use errors::{in_election, is_endpoint_failure, map_err, never_sent, unreachable};

/// Connection settings, named after etcdctl's flags.
#[derive(Debug, Clone, Default)]
pub struct EtcdConfig {
    pub endpoints: Vec<String>,
    pub cacert: Option<std::path::PathBuf>,
    pub cert: Option<std::path::PathBuf>,
    pub key: Option<std::path::PathBuf>,
    /// `user` or `user:password`.
    pub user: Option<String>,
    pub password: Option<String>,
    pub dial_timeout: Duration,
    pub command_timeout: Duration,
}

pub struct EtcdStore {
    cfg: EtcdConfig,
    opts: ConnectOptions,
    /// One client per endpoint, connected on first use: a dead endpoint costs one failed
    /// attempt, not the command.
    clients: Vec<OnceCell<Client>>,
    /// The endpoint that answered last: requests start there.
    current: AtomicUsize,
}

/// Responses can be large (a txn reading every port config): lift tonic's 4 MiB default.
const MAX_MESSAGE: usize = 512 * 1024 * 1024;
/// etcd's default cap on the operations of one txn (`--max-txn-ops`).
const MAX_TXN_OPS: usize = 128;

/// How one pass over the endpoints ended without a value.
enum Pass {
    /// An answer to give the caller (a refusal, a compaction, an unknown outcome).
    Answer(EsiError),
    /// Every endpoint failed; what each said.
    AllFailed(Vec<(String, EsiError)>),
}

/// May a failed request be sent to another endpoint?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Retry {
    /// A read: always.
    Always,
    /// A write: only when it never reached a server (an unknown outcome is the caller's
    /// to resolve by reading, never to resend blindly).
    IfNeverSent,
}

impl EtcdStore {
    /// Check the settings and prepare one client per endpoint; nothing is sent yet
    /// (call `probe` before work).
    pub async fn connect(cfg: EtcdConfig) -> Result<EtcdStore> {
        let mut opts = ConnectOptions::new()
            .with_connect_timeout(cfg.dial_timeout)
            .with_timeout(cfg.command_timeout)
            .with_keep_alive(
                Duration::from_secs(10),
                cfg.dial_timeout.max(Duration::from_secs(3)),
            );
        if cfg.cacert.is_some() || cfg.cert.is_some() {
            let mut tls = TlsOptions::new();
            if let Some(ca) = &cfg.cacert {
                tls = tls.ca_certificate(Certificate::from_pem(read(ca, "--cacert")?));
            }
            match (&cfg.cert, &cfg.key) {
                (Some(c), Some(k)) => {
                    tls = tls.identity(Identity::from_pem(read(c, "--cert")?, read(k, "--key")?))
                }
                (None, None) => {}
                _ => {
                    return Err(EsiError::Usage(
                        "--cert and --key must be given together".into(),
                    ))
                }
            }
            opts = opts.with_tls(tls);
        }
        if let Some(user) = &cfg.user {
            let (name, pw) = match (user.split_once(':'), &cfg.password) {
                (_, Some(pw)) => (user.as_str(), pw.as_str()),
                (Some((n, p)), None) => (n, p),
                (None, None) => {
                    return Err(EsiError::Usage(format!(
                        "--user `{user}` needs a password: use --user name:password or --password"
                    )))
                }
            };
            opts = opts.with_user(name, pw);
        }
        Ok(EtcdStore {
            clients: cfg.endpoints.iter().map(|_| OnceCell::new()).collect(),
            current: AtomicUsize::new(0),
            opts,
            cfg,
        })
    }

    fn all(&self) -> String {
        self.cfg.endpoints.join(",")
    }

    /// The client of endpoint `i`, connecting (and authenticating) on first use.
    async fn client_at(&self, i: usize) -> Result<Client> {
        let ep = &self.cfg.endpoints[i];
        self.clients[i]
            .get_or_try_init(|| async {
                tracing::debug!(endpoint = %ep, "connecting");
                let connect = Client::connect([ep.as_str()], Some(self.opts.clone()));
                tokio::time::timeout(
                    self.cfg.dial_timeout.max(Duration::from_millis(100)),
                    connect,
                )
                .await
                .map_err(|_| unreachable(ep, "dial timeout"))?
                .map_err(|e| map_err(ep, e))
            })
            .await
            .cloned()
    }

    /// Send one request, starting at the endpoint that answered last and moving on to the
    /// next while an endpoint cannot be used (as `retry` allows). When all fail: one error
    /// naming every endpoint and what each said.
    async fn call<T, F, Fut>(&self, what: &str, retry: Retry, f: F) -> Result<T>
    where
        F: Fn(Client) -> Fut,
        Fut: std::future::Future<Output = std::result::Result<T, etcd_client::Error>>,
    {
        // During an election every live member may answer "leader changed" or "no
        // leader" for a moment: a read waits it out (within --command-timeout) rather
        // than fail a command the cluster can answer a second later.
        let deadline = std::time::Instant::now() + self.cfg.command_timeout;
        let mut pause = Duration::from_millis(100);
        loop {
            let failures = match self.pass(what, retry, &f).await {
                Ok(v) => return Ok(v),
                Err(Pass::Answer(e)) => return Err(e),
                Err(Pass::AllFailed(failures)) => failures,
            };
            let electing = retry == Retry::Always && failures.iter().any(|(_, e)| in_election(e));
            if !electing || std::time::Instant::now() + pause >= deadline {
                return Err(all_failed(&self.all(), failures));
            }
            tracing::debug!(
                request = what,
                ?pause,
                "no member has a leader yet; asking again"
            );
            tokio::time::sleep(pause).await;
            pause = (pause * 2).min(Duration::from_secs(1));
        }
    }

    /// One request through each endpoint in turn, from the current one.
    async fn pass<T, F, Fut>(&self, what: &str, retry: Retry, f: &F) -> std::result::Result<T, Pass>
    where
        F: Fn(Client) -> Fut,
        Fut: std::future::Future<Output = std::result::Result<T, etcd_client::Error>>,
    {
        let n = self.clients.len();
        let start = self.current.load(Ordering::Relaxed);
        let mut failures = Vec::new();
        for k in 0..n {
            let i = (start + k) % n;
            let ep = &self.cfg.endpoints[i];
            let attempt = match self.client_at(i).await {
                Ok(c) => self.timed(what, ep, f(c)).await,
                Err(e) => Err(e),
            };
            if attempt.as_ref().is_err_and(is_endpoint_failure) {
                // Whatever happens to this request, the next one starts elsewhere.
                let _ = self.current.compare_exchange(
                    i,
                    (i + 1) % n,
                    Ordering::Relaxed,
                    Ordering::Relaxed,
                );
            }
            match attempt {
                Err(e) if is_endpoint_failure(&e) && (retry == Retry::Always || never_sent(&e)) => {
                    tracing::debug!(endpoint = %ep, request = what, error = %e, "trying the next endpoint");
                    failures.push((ep.clone(), e));
                }
                Err(e) if is_endpoint_failure(&e) => {
                    // A write that may have been applied: never resent from here.
                    return Err(Pass::Answer(EsiError::OutcomeUnknown(format!(
                        "{what} sent to {ep}: {e}"
                    ))));
                }
                Err(e) => return Err(Pass::Answer(e)),
                Ok(v) => {
                    self.current.store(i, Ordering::Relaxed);
                    return Ok(v);
                }
            }
        }
        Err(Pass::AllFailed(failures))
    }

    async fn timed<T, F>(&self, what: &str, endpoint: &str, f: F) -> Result<T>
    where
        F: std::future::Future<Output = std::result::Result<T, etcd_client::Error>>,
    {
        let start = std::time::Instant::now();
        let r = tokio::time::timeout(self.cfg.command_timeout, f).await;
        tracing::debug!(request = what, endpoint, elapsed = ?start.elapsed(), "etcd");
        match r {
            Err(_) => Err(EsiError::Timeout(format!(
                "{what} against {endpoint} took longer than {:?} (--command-timeout)",
                self.cfg.command_timeout
            ))),
            Ok(r) => r.map_err(|e| map_err(endpoint, e)),
        }
    }
}

/// Every endpoint failed: one error that says what each said (one endpoint: its own).
fn all_failed(all: &str, mut failures: Vec<(String, EsiError)>) -> EsiError {
    if failures.len() == 1 {
        let (ep, e) = failures.pop().expect("one");
        return match e {
            EsiError::Timeout(d) => unreachable(&ep, d),
            other => other,
        };
    }
    // Endpoints that failed alike are named together: the cause is said once.
    let mut by_cause: Vec<(String, Vec<String>)> = Vec::new();
    for (ep, e) in &failures {
        let cause = match e {
            EsiError::Unreachable { detail, .. } => detail.clone(),
            other => other.to_string(),
        };
        match by_cause.iter_mut().find(|(c, _)| *c == cause) {
            Some((_, eps)) => eps.push(ep.clone()),
            None => by_cause.push((cause, vec![ep.clone()])),
        }
    }
    let detail = by_cause
        .iter()
        .map(|(cause, eps)| format!("{}: {cause}", eps.join(", ")))
        .collect::<Vec<_>>()
        .join("; ");
    unreachable(all, format!("no endpoint answered ({detail})"))
}

impl EtcdStore {
    /// The endpoint that answered last (for error messages).
    fn endpoint(&self) -> String {
        self.cfg.endpoints[self.current.load(Ordering::Relaxed)].clone()
    }

    /// A new watch stream with its first watch.
    async fn open_watch(&self, key: Vec<u8>, opts: WatchOptions) -> Result<(Watcher, WatchStream)> {
        self.call("watch", Retry::Always, |c| {
            let (key, opts) = (key.clone(), opts.clone());
            async move {
                c.watch_client()
                    .max_decoding_message_size(MAX_MESSAGE)
                    .watch(key, Some(opts))
                    .await
            }
        })
        .await
    }

    /// One txn of gets, each at its own revision (`None`: the head). Returns the txn's
    /// header revision and one result per get, in order. At most `MAX_TXN_OPS` reads.
    async fn gets(&self, reads: &[(&Range, Option<i64>)]) -> Result<(i64, Vec<RangeResult>)> {
        let ops: Vec<TxnOp> = reads
            .iter()
            .map(|(r, rev)| {
                let (k, o) = get_options(r, *rev);
                TxnOp::get(k, Some(o))
            })
            .collect();
        let txn = ETxn::new().and_then(ops);
        let got = self
            .call("txn", Retry::Always, |c| {
                let txn = txn.clone();
                async move {
                    c.kv_client()
                        .max_decoding_message_size(MAX_MESSAGE)
                        .txn(txn)
                        .await
                }
            })
            .await;
        let resp = match got {
            Ok(r) => r,
            Err(e) => {
                // The error names the lowest revision asked for: the one a compaction hits.
                let lowest = reads.iter().filter_map(|(_, r)| *r).min();
                return Err(self.read_error(e, lowest).await);
            }
        };
        let out = get_results(&resp);
        Ok((header_rev(resp.header()), out))
    }

    /// A read error at `rev` made exact: etcd's messages name neither the compaction
    /// point nor the head, so they are read here (only on this error path).
    async fn read_error(&self, e: EsiError, rev: Option<i64>) -> EsiError {
        let requested = rev.unwrap_or(0);
        match e {
            EsiError::Compacted { .. } => EsiError::Compacted {
                requested,
                compact_revision: self.compaction_point().await.unwrap_or(0),
            },
            EsiError::FutureRevision { .. } => match self.probe().await {
                Ok(st) => EsiError::FutureRevision {
                    requested,
                    head: st.revision,
                },
                Err(e) => e,
            },
            other => other,
        }
    }

    /// The oldest revision etcd can still read: etcd has no request for it, so a binary
    /// search with count-only reads of an empty range (about log2(head) round trips).
    pub async fn compaction_point(&self) -> Result<i64> {
        let head = self.probe().await?.revision;
        let (mut lo, mut hi) = (1, head.max(1));
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let (key, opts) = get_options(&Range::key("\0").count_only(), Some(mid));
            let got = self
                .call("get", Retry::Always, |mut c| {
                    let (key, opts) = (key.clone(), opts.clone());
                    async move { c.get(key, Some(opts)).await }
                })
                .await;
            match got {
                Ok(_) => hi = mid,
                Err(EsiError::Compacted { .. }) => lo = mid + 1,
                Err(e) => return Err(e),
            }
        }
        Ok(hi)
    }
}

fn read(path: &std::path::Path, flag: &str) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| EsiError::Usage(format!("{flag} {}: {e}", path.display())))
}

#[async_trait]
impl Store for EtcdStore {
    fn describe(&self) -> String {
        format!("etcd at {}", crate::model::redact::redact_text(&self.all()))
    }

    async fn probe(&self) -> Result<StoreStatus> {
        let st = self
            .call(
                "status",
                Retry::Always,
                |mut c| async move { c.status().await },
            )
            .await
            .map_err(|e| match e {
                EsiError::Timeout(d) => unreachable(&self.all(), d),
                other => other,
            })?;
        Ok(StoreStatus {
            revision: header_rev(st.header()),
            compact_revision: None,
            server_version: Some(st.version().to_string()),
            endpoint: self.all(),
        })
    }

    async fn range(&self, range: &Range, rev: Option<i64>) -> Result<(i64, RangeResult)> {
        let (key, opts) = get_options(range, rev);
        let got = self
            .call("get", Retry::Always, |c| {
                let (key, opts) = (key.clone(), opts.clone());
                async move {
                    c.kv_client()
                        .max_decoding_message_size(MAX_MESSAGE)
                        .get(key, Some(opts))
                        .await
                }
            })
            .await;
        let resp = match got {
            Ok(r) => r,
            Err(e) => return Err(self.read_error(e, rev).await),
        };
        let r = RangeResult {
            kvs: resp.kvs().iter().map(to_kv).collect(),
            count: resp.count(),
            more: resp.more(),
        };
        let at = rev.filter(|r| *r > 0).unwrap_or(header_rev(resp.header()));
        Ok((at, r))
    }

    async fn ranges(&self, ranges: &[Range], rev: Option<i64>) -> Result<(i64, Vec<RangeResult>)> {
        // One txn of gets: etcd serves it at one revision in one round trip. etcd caps a
        // txn at 128 ops (--max-txn-ops); later chunks read at the first chunk's revision.
        let mut at = rev.filter(|r| *r > 0);
        let mut out = Vec::with_capacity(ranges.len());
        for chunk in ranges.chunks(MAX_TXN_OPS) {
            let reads: Vec<(&Range, Option<i64>)> = chunk.iter().map(|r| (r, at)).collect();
            let (header, got) = self.gets(&reads).await?;
            at.get_or_insert(header);
            out.extend(got);
        }
        Ok((at.unwrap_or(0), out))
    }

    async fn ranges_at(&self, reads: &[(Range, i64)]) -> Result<Vec<RangeResult>> {
        // etcd serves each get of a txn at the revision it carries, so the chunks are
        // independent and travel concurrently.
        let chunks = reads.chunks(MAX_TXN_OPS).map(|chunk| {
            let reads: Vec<(&Range, Option<i64>)> =
                chunk.iter().map(|(r, rev)| (r, Some(*rev))).collect();
            async move { self.gets(&reads).await.map(|(_, got)| got) }
        });
        let got = futures_util::future::try_join_all(chunks).await?;
        Ok(got.into_iter().flatten().collect())
    }

    async fn txn(&self, txn: Txn) -> Result<TxnResult> {
        let t = ETxn::new()
            .when(txn.compares.iter().map(to_compare).collect::<Vec<_>>())
            .and_then(txn.success.iter().map(to_op).collect::<Vec<_>>())
            .or_else(txn.failure.iter().map(to_op).collect::<Vec<_>>());
        let resp = self
            .call("txn", Retry::IfNeverSent, |c| {
                let t = t.clone();
                async move {
                    c.kv_client()
                        .max_decoding_message_size(MAX_MESSAGE)
                        .txn(t)
                        .await
                }
            })
            .await?;
        let ranges = get_results(&resp);
        Ok(TxnResult {
            succeeded: resp.succeeded(),
            revision: header_rev(resp.header()),
            ranges,
        })
    }

    async fn watch(&self, key: &str, prefix: bool, start_rev: i64) -> Result<WatchHandle> {
        let mut opts = WatchOptions::new().with_prev_key().with_progress_notify();
        if prefix {
            opts = opts.with_prefix();
        }
        if start_rev > 0 {
            opts = opts.with_start_revision(start_rev);
        }
        let key = crate::model::keytext::to_bytes(key).into_owned();
        let (watcher, stream) = self.open_watch(key, opts).await?;
        Ok(watch::forward(watcher, stream, self.endpoint()))
    }

    async fn replay(
        &self,
        specs: &[(String, bool)],
        from: i64,
        to: i64,
        sink: &mut super::Sink<'_>,
    ) -> Result<bool> {
        let open = |key, opts| -> replay::Opening<'_> { Box::pin(self.open_watch(key, opts)) };
        let n = self.clients.len();
        let mut restarts = n - 1;
        loop {
            let i = self.current.load(Ordering::Relaxed);
            match replay::replay(&open, &self.endpoint(), specs, from, to, sink).await {
                Err(e) if restarts > 0 && is_endpoint_failure(&e) => {
                    // The stream broke: from the start again, starting at the next member.
                    tracing::debug!(error = %e, "replay restarted");
                    restarts -= 1;
                    let _ = self.current.compare_exchange(
                        i,
                        (i + 1) % n,
                        Ordering::Relaxed,
                        Ordering::Relaxed,
                    );
                    sink(super::Replayed::Restart)?;
                }
                r => return r.map(|()| true),
            }
        }
    }

    async fn lease_grant(&self, ttl: Duration) -> Result<i64> {
        let ttl = ttl.as_secs().max(1) as i64;
        let r = self
            .call("lease grant", Retry::IfNeverSent, |mut c| async move {
                c.lease_grant(ttl, None).await
            })
            .await?;
        Ok(r.id())
    }

    async fn lease_keep_alive(&self, lease: i64) -> Result<()> {
        // One keep-alive round trip: open the stream, send, read the answer.
        let r = self
            .call("lease keep-alive", Retry::Always, |mut c| async move {
                let (mut keeper, mut stream) = c.lease_keep_alive(lease).await?;
                keeper.keep_alive().await?;
                stream.message().await
            })
            .await?;
        match r {
            Some(r) if r.ttl() > 0 => Ok(()),
            _ => Err(EsiError::NotFound(format!("lease {lease:x} has expired"))),
        }
    }

    async fn lease_revoke(&self, lease: i64) -> Result<()> {
        self.call("lease revoke", Retry::Always, |mut c| async move {
            c.lease_revoke(lease).await
        })
        .await
        .map(|_| ())
    }

    async fn lease_ttl(&self, lease: i64) -> Result<Option<i64>> {
        let r = self
            .call("lease ttl", Retry::Always, |mut c| async move {
                c.lease_time_to_live(lease, None).await
            })
            .await?;
        Ok((r.ttl() >= 0).then_some(r.ttl()))
    }

    async fn cluster(&self) -> Result<Option<ClusterInfo>> {
        self.cluster_info().await.map(Some)
    }

    async fn compact(&self, rev: i64) -> Result<()> {
        self.call("compact", Retry::IfNeverSent, |mut c| async move {
            let opts = etcd_client::CompactionOptions::new().with_physical();
            c.compact(rev, Some(opts)).await
        })
        .await
        .map(|_| ())
    }
}
