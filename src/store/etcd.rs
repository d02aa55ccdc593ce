//! etcd v3 through `etcd-client`, with etcdctl's connection flags.

use std::time::Duration;

use async_trait::async_trait;
use etcd_client::{
    Certificate, Client, Compare as EC, CompareOp, ConnectOptions, DeleteOptions, EventType,
    GetOptions, Identity, KeyValue, TlsOptions, Txn as ETxn, TxnOp, TxnOpResponse, WatchOptions,
};
use tokio::sync::mpsc;

use super::{
    Compare, EventKind, Kv, Op, Range, RangeResult, RangeSpec, Store, StoreStatus, Txn, TxnResult,
    WatchEvent, WatchHandle, WatchMessage,
};
use crate::error::{EsiError, Result};

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
    client: Client,
    cfg: EtcdConfig,
}

/// Responses can be large (a txn reading every port config): lift tonic's 4 MiB default.
const MAX_MESSAGE: usize = 512 * 1024 * 1024;

impl EtcdStore {
    /// Build the client. etcd-client connects lazily, so this only fails on bad settings
    /// (or on authentication, which does talk to the server); call `probe` before work.
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
        let endpoints = cfg.endpoints.clone();
        tracing::debug!(?endpoints, "connecting");
        let connect = Client::connect(endpoints, Some(opts));
        let client =
            tokio::time::timeout(cfg.dial_timeout.max(Duration::from_millis(100)), connect)
                .await
                .map_err(|_| unreachable(&cfg, "dial timeout"))?
                .map_err(|e| map_err(&cfg, e))?;
        Ok(EtcdStore { client, cfg })
    }

    fn kv(&self) -> etcd_client::KvClient {
        self.client
            .kv_client()
            .max_decoding_message_size(MAX_MESSAGE)
    }

    async fn timed<T, F>(&self, what: &str, f: F) -> Result<T>
    where
        F: std::future::Future<Output = std::result::Result<T, etcd_client::Error>>,
    {
        let start = std::time::Instant::now();
        let r = tokio::time::timeout(self.cfg.command_timeout, f).await;
        tracing::debug!(request = what, elapsed = ?start.elapsed(), "etcd");
        match r {
            Err(_) => Err(EsiError::Timeout(format!(
                "{what} against {} took longer than {:?} (--command-timeout)",
                self.cfg.endpoints.join(","),
                self.cfg.command_timeout
            ))),
            Ok(r) => r.map_err(|e| map_err(&self.cfg, e)),
        }
    }
}

impl EtcdStore {
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
            match self.timed("get", self.kv().get(key, Some(opts))).await {
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

fn unreachable(cfg: &EtcdConfig, detail: impl Into<String>) -> EsiError {
    EsiError::Unreachable {
        endpoints: cfg.endpoints.join(","),
        detail: detail.into(),
    }
}

fn map_err(cfg: &EtcdConfig, e: etcd_client::Error) -> EsiError {
    use etcd_client::Error as E;
    use tonic::Code;
    match &e {
        E::GRpcStatus(s) => {
            let msg = s.message();
            if msg.contains("required revision is a future revision") {
                // The caller knows the requested revision; the head is read then.
                return EsiError::FutureRevision {
                    requested: 0,
                    head: 0,
                };
            }
            if msg.contains("required revision has been compacted") {
                // The caller knows the requested revision and fills it in.
                return EsiError::Compacted {
                    requested: 0,
                    compact_revision: 0,
                };
            }
            match s.code() {
                Code::Unavailable => unreachable(cfg, msg.to_string()),
                // tonic reports a connection torn down during the TLS handshake (e.g. the
                // server wants a client certificate we did not send) as Cancelled.
                Code::Cancelled => unreachable(
                    cfg,
                    format!("{msg} (connection closed; check TLS settings: --cacert/--cert/--key)"),
                ),
                Code::DeadlineExceeded => EsiError::Timeout(msg.to_string()),
                Code::Unauthenticated | Code::PermissionDenied => {
                    EsiError::Refused(format!("etcd authentication: {msg}"))
                }
                _ if [
                    "authentication failed",
                    "user name is empty",
                    "permission denied",
                    "invalid auth token",
                ]
                .iter()
                .any(|m| msg.contains(m)) =>
                {
                    EsiError::Refused(format!("etcd authentication: {msg}"))
                }
                Code::Unknown if msg.contains("transport") || msg.contains("connect") => {
                    unreachable(cfg, msg.to_string())
                }
                _ => EsiError::Store(msg.to_string()),
            }
        }
        E::TransportError(_) | E::IoError(_) => unreachable(cfg, e.to_string()),
        _ => EsiError::Store(e.to_string()),
    }
}

fn to_kv(kv: &KeyValue) -> Kv {
    Kv {
        key: String::from_utf8_lossy(kv.key()).into_owned(),
        value: kv.value().to_vec(),
        create_revision: kv.create_revision(),
        mod_revision: kv.mod_revision(),
        version: kv.version(),
        lease: kv.lease(),
    }
}

fn get_options(r: &Range, rev: Option<i64>) -> (Vec<u8>, GetOptions) {
    let mut o = GetOptions::new();
    let mut key = r.key.as_bytes().to_vec();
    if r.prefix {
        let end = Range::prefix_end(r.key.as_bytes());
        // `[0]` is etcd's "to the end of the keyspace".
        o = o.with_range(match &r.before {
            Some(b) if end == [0] || b.as_bytes() < end.as_slice() => b.as_bytes().to_vec(),
            _ => end,
        });
        if let Some(after) = &r.after {
            key = after.as_bytes().to_vec();
            key.push(0);
        }
    }
    if r.limit > 0 {
        o = o.with_limit(r.limit);
    }
    if r.keys_only {
        o = o.with_keys_only();
    }
    if r.count_only {
        o = o.with_count_only();
    }
    if let Some(rev) = rev.filter(|r| *r > 0) {
        o = o.with_revision(rev);
    }
    (key, o)
}

fn spec_options(r: &RangeSpec) -> (Vec<u8>, GetOptions) {
    let range = Range {
        key: r.key.clone(),
        prefix: r.prefix,
        keys_only: r.keys_only,
        ..Default::default()
    };
    get_options(&range, None)
}

fn to_op(op: &Op) -> TxnOp {
    match op {
        Op::Put { key, value, lease } => {
            let opts = (*lease != 0).then(|| etcd_client::PutOptions::new().with_lease(*lease));
            TxnOp::put(key.as_bytes(), value.clone(), opts)
        }
        Op::Delete { key, prefix } => {
            let opts = prefix.then(|| DeleteOptions::new().with_prefix());
            TxnOp::delete(key.as_bytes(), opts)
        }
        Op::Get(spec) => {
            let (k, o) = spec_options(spec);
            TxnOp::get(k, Some(o))
        }
    }
}

fn to_compare(c: &Compare) -> EC {
    match c {
        Compare::Absent(k) => EC::create_revision(k.as_bytes(), CompareOp::Equal, 0),
        Compare::AbsentRange(k, end) => {
            EC::create_revision(k.as_bytes(), CompareOp::Equal, 0).with_range(end.clone())
        }
        Compare::CreateRevision(k, r) => EC::create_revision(k.as_bytes(), CompareOp::Equal, *r),
        Compare::ModRevision(k, r) => EC::mod_revision(k.as_bytes(), CompareOp::Equal, *r),
        Compare::Version(k, v) => EC::version(k.as_bytes(), CompareOp::Equal, *v),
        Compare::Value(k, v) => EC::value(k.as_bytes(), CompareOp::Equal, v.clone()),
    }
}

fn header_rev(h: Option<&etcd_client::ResponseHeader>) -> i64 {
    h.map(|h| h.revision()).unwrap_or(0)
}

#[async_trait]
impl Store for EtcdStore {
    fn describe(&self) -> String {
        format!("etcd at {}", self.cfg.endpoints.join(","))
    }

    async fn probe(&self) -> Result<StoreStatus> {
        let mut c = self.client.clone();
        let st = self
            .timed("status", c.status())
            .await
            .map_err(|e| match e {
                EsiError::Timeout(d) => unreachable(&self.cfg, d),
                other => other,
            })?;
        Ok(StoreStatus {
            revision: header_rev(st.header()),
            compact_revision: None,
            server_version: Some(st.version().to_string()),
            endpoint: self.cfg.endpoints.join(","),
        })
    }

    async fn range(&self, range: &Range, rev: Option<i64>) -> Result<(i64, RangeResult)> {
        let (key, opts) = get_options(range, rev);
        let mut kv = self.kv();
        let resp = match self.timed("get", kv.get(key, Some(opts))).await {
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
        for chunk in ranges.chunks(128) {
            let ops: Vec<TxnOp> = chunk
                .iter()
                .map(|r| {
                    let (k, o) = get_options(r, at);
                    TxnOp::get(k, Some(o))
                })
                .collect();
            let mut kv = self.kv();
            let resp = match self.timed("txn", kv.txn(ETxn::new().and_then(ops))).await {
                Ok(r) => r,
                Err(e) => return Err(self.read_error(e, at).await),
            };
            at.get_or_insert(header_rev(resp.header()));
            for op in resp.op_responses() {
                if let TxnOpResponse::Get(g) = op {
                    out.push(RangeResult {
                        kvs: g.kvs().iter().map(to_kv).collect(),
                        count: g.count(),
                        more: g.more(),
                    });
                }
            }
        }
        Ok((at.unwrap_or(0), out))
    }

    async fn txn(&self, txn: Txn) -> Result<TxnResult> {
        let t = ETxn::new()
            .when(txn.compares.iter().map(to_compare).collect::<Vec<_>>())
            .and_then(txn.success.iter().map(to_op).collect::<Vec<_>>())
            .or_else(txn.failure.iter().map(to_op).collect::<Vec<_>>());
        let mut kv = self.kv();
        let resp = self.timed("txn", kv.txn(t)).await?;
        let ranges = resp
            .op_responses()
            .into_iter()
            .filter_map(|op| match op {
                TxnOpResponse::Get(g) => Some(RangeResult {
                    kvs: g.kvs().iter().map(to_kv).collect(),
                    count: g.count(),
                    more: g.more(),
                }),
                _ => None,
            })
            .collect();
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
        let mut wc = self
            .client
            .watch_client()
            .max_decoding_message_size(MAX_MESSAGE);
        let (mut watcher, mut stream) = self
            .timed("watch", wc.watch(key.as_bytes().to_vec(), Some(opts)))
            .await?;
        let (tx, rx) = mpsc::channel(1024);
        let (ptx, mut prx) = mpsc::channel::<()>(4);
        let cfg = self.cfg.clone();
        tokio::spawn(async move {
            // A dropped progress sender makes `recv` ready forever: stop polling it then,
            // or this loop spins.
            let mut progress_open = true;
            loop {
                tokio::select! {
                    // The consumer is gone: cancel (dropping the stream ends the watch).
                    _ = tx.closed() => return,
                    req = prx.recv(), if progress_open => match req {
                        None => progress_open = false,
                        Some(()) => {
                            if watcher.request_progress().await.is_err() {
                                let _ = tx.send(Err(unreachable(&cfg, "watch stream broken"))).await;
                                return;
                            }
                        }
                    },
                    msg = stream.message() => {
                        let msg = match msg {
                            Ok(Some(m)) => m,
                            Ok(None) => {
                                let _ = tx.send(Err(unreachable(&cfg, "watch stream closed by server"))).await;
                                return;
                            }
                            Err(e) => {
                                let _ = tx.send(Err(map_err(&cfg, e))).await;
                                return;
                            }
                        };
                        if msg.compact_revision() > 0 {
                            let _ = tx.send(Ok(WatchMessage::Compacted { compact_revision: msg.compact_revision() })).await;
                            return;
                        }
                        if msg.canceled() {
                            let _ = tx.send(Err(EsiError::Store(format!("watch canceled: {}", msg.cancel_reason())))).await;
                            return;
                        }
                        let revision = header_rev(msg.header());
                        let out = if msg.events().is_empty() {
                            if msg.created() { continue; }
                            WatchMessage::Progress { revision }
                        } else {
                            // Split by mod revision: one response may carry several revisions.
                            let mut batches: Vec<(i64, Vec<WatchEvent>)> = Vec::new();
                            for ev in msg.events() {
                                let Some(kv) = ev.kv() else { continue };
                                let kind = match ev.event_type() { EventType::Put => EventKind::Put, EventType::Delete => EventKind::Delete };
                                let we = WatchEvent { kind, kv: to_kv(kv), prev: ev.prev_kv().map(to_kv) };
                                let r = we.kv.mod_revision;
                                match batches.last_mut() {
                                    Some((br, evs)) if *br == r => evs.push(we),
                                    _ => batches.push((r, vec![we])),
                                }
                            }
                            let last = batches.last().map(|(r, _)| *r).unwrap_or(0);
                            for (r, events) in batches {
                                if tx.send(Ok(WatchMessage::Events { revision: r, events })).await.is_err() {
                                    return;
                                }
                            }
                            // A catch-up batch carries the store revision it synced to:
                            // nothing more at or below it will come for this watch.
                            if revision > last && tx.send(Ok(WatchMessage::Progress { revision })).await.is_err() {
                                return;
                            }
                            continue;
                        };
                        if tx.send(Ok(out)).await.is_err() {
                            return;
                        }
                    }
                }
            }
        });
        Ok(WatchHandle {
            rx,
            progress: Some(ptx),
        })
    }

    async fn lease_grant(&self, ttl: Duration) -> Result<i64> {
        let mut c = self.client.clone();
        let r = self
            .timed(
                "lease grant",
                c.lease_grant(ttl.as_secs().max(1) as i64, None),
            )
            .await?;
        Ok(r.id())
    }

    async fn lease_keep_alive(&self, lease: i64) -> Result<()> {
        let mut c = self.client.clone();
        let (mut keeper, mut stream) = self
            .timed("lease keep-alive", c.lease_keep_alive(lease))
            .await?;
        self.timed("lease keep-alive", keeper.keep_alive()).await?;
        match self.timed("lease keep-alive", stream.message()).await? {
            Some(r) if r.ttl() > 0 => Ok(()),
            _ => Err(EsiError::NotFound(format!("lease {lease:x} has expired"))),
        }
    }

    async fn lease_revoke(&self, lease: i64) -> Result<()> {
        let mut c = self.client.clone();
        self.timed("lease revoke", c.lease_revoke(lease))
            .await
            .map(|_| ())
    }

    async fn lease_ttl(&self, lease: i64) -> Result<Option<i64>> {
        let mut c = self.client.clone();
        let r = self
            .timed("lease ttl", c.lease_time_to_live(lease, None))
            .await?;
        Ok((r.ttl() >= 0).then_some(r.ttl()))
    }

    async fn compact(&self, rev: i64) -> Result<()> {
        let mut c = self.client.clone();
        let opts = etcd_client::CompactionOptions::new().with_physical();
        self.timed("compact", c.compact(rev, Some(opts)))
            .await
            .map(|_| ())
    }
}
