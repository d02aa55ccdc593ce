//! The store: etcd v3 and an embedded in-memory MVCC store behind one trait.
//!
//! The trait speaks etcd's vocabulary (revisions, ranges, txns with compares, leases,
//! watches from a start revision) so that every command works the same on both.

pub mod backup;
pub mod embedded;
pub mod etcd;
pub mod follow;
pub mod keyhistory;
pub mod points;
pub mod sample;
pub mod snapshot;
pub mod split;
#[cfg(test)]
pub mod testing;

use std::time::Duration;

use async_trait::async_trait;
use serde::Serialize;
use tokio::sync::mpsc;

use crate::error::{EsiError, Result};
pub use crate::model::kv::{EventKind, Kv, WatchEvent};

/// A range request: one key, or every key with a prefix.
#[derive(Debug, Clone, Default)]
pub struct Range {
    pub key: String,
    pub prefix: bool,
    /// Start after this key (exclusive) within the prefix: used for paging.
    pub after: Option<String>,
    /// Start at this key (inclusive) within the prefix: one piece of a split read.
    pub from: Option<String>,
    /// Stop before this key (exclusive) within the prefix. Bounding a page's range, rather
    /// than only limiting it, keeps etcd 3.4 from walking its index to the prefix end for
    /// every page (which makes plain limit paging quadratic).
    pub before: Option<String>,
    pub limit: i64,
    pub keys_only: bool,
    pub count_only: bool,
}

impl Range {
    pub fn key(key: impl Into<String>) -> Range {
        Range {
            key: key.into(),
            ..Default::default()
        }
    }
    pub fn prefix(prefix: impl Into<String>) -> Range {
        Range {
            key: prefix.into(),
            prefix: true,
            ..Default::default()
        }
    }
    pub fn keys_only(mut self) -> Range {
        self.keys_only = true;
        self
    }
    pub fn count_only(mut self) -> Range {
        self.count_only = true;
        self
    }
    pub fn limit(mut self, n: i64) -> Range {
        self.limit = n;
        self
    }
    pub fn before(mut self, key: impl Into<String>) -> Range {
        self.before = Some(key.into());
        self
    }
    pub fn after(mut self, key: impl Into<String>) -> Range {
        self.after = Some(key.into());
        self
    }
    pub fn from(mut self, key: impl Into<String>) -> Range {
        self.from = Some(key.into());
        self
    }
    /// The exclusive end key of a prefix range (etcd's "prefix + 1").
    pub fn prefix_end(prefix: &[u8]) -> Vec<u8> {
        let mut end = prefix.to_vec();
        while let Some(last) = end.pop() {
            if last < 0xff {
                end.push(last + 1);
                return end;
            }
        }
        vec![0]
    }
}

#[derive(Debug, Clone, Default)]
pub struct RangeResult {
    pub kvs: Vec<Kv>,
    /// Total number of keys in the range (not just those returned).
    pub count: i64,
    pub more: bool,
}

/// A compare of a transaction guard.
#[derive(Debug, Clone, PartialEq)]
pub enum Compare {
    /// `create_revision(key) == 0` ⇔ the key does not exist.
    Absent(String),
    /// No key exists in `[key, end)` (etcd: a create_revision == 0 compare with a range
    /// end). Lets one txn guard "no other job of this resource is in flight".
    AbsentRange(String, Vec<u8>),
    CreateRevision(String, i64),
    ModRevision(String, i64),
    Version(String, i64),
    Value(String, Vec<u8>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    Put {
        key: String,
        value: Vec<u8>,
        lease: i64,
    },
    Delete {
        key: String,
        prefix: bool,
    },
    Get(RangeSpec),
}

/// A range inside a txn (kept separate from [`Range`] to keep `Op` comparable).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RangeSpec {
    pub key: String,
    pub prefix: bool,
    pub keys_only: bool,
}

impl Op {
    pub fn put(key: impl Into<String>, value: impl Into<Vec<u8>>) -> Op {
        Op::Put {
            key: key.into(),
            value: value.into(),
            lease: 0,
        }
    }
    pub fn put_with_lease(key: impl Into<String>, value: impl Into<Vec<u8>>, lease: i64) -> Op {
        Op::Put {
            key: key.into(),
            value: value.into(),
            lease,
        }
    }
    pub fn delete(key: impl Into<String>) -> Op {
        Op::Delete {
            key: key.into(),
            prefix: false,
        }
    }
    pub fn key(&self) -> &str {
        match self {
            Op::Put { key, .. } | Op::Delete { key, .. } => key,
            Op::Get(r) => &r.key,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Txn {
    pub compares: Vec<Compare>,
    pub success: Vec<Op>,
    pub failure: Vec<Op>,
}

#[derive(Debug, Clone, Default)]
pub struct TxnResult {
    pub succeeded: bool,
    /// Store revision after the txn (the write's revision when it wrote).
    pub revision: i64,
    /// One entry per `Get` op of the branch that ran, in order.
    pub ranges: Vec<RangeResult>,
}

/// What a watch delivers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WatchMessage {
    /// Events of one revision (etcd groups a txn's events in one response).
    Events {
        revision: i64,
        events: Vec<WatchEvent>,
    },
    /// No events, but the store has reached `revision` (progress notify).
    Progress { revision: i64 },
    /// The requested start revision was compacted; history before `compact_revision`
    /// is gone. The watch has ended.
    Compacted { compact_revision: i64 },
}

/// What [`Store::replay`] delivers.
#[derive(Debug, Clone)]
pub enum Replayed {
    /// An event of `specs[spec]`, in revision order per spec.
    Event {
        spec: usize,
        revision: i64,
        event: WatchEvent,
    },
    /// History before this revision is compacted: what was delivered is void, and
    /// delivery starts again there.
    Compacted(i64),
    /// The member went away mid-replay: what was delivered is void, and delivery starts
    /// again (through another member).
    Restart,
}

/// The receiver of a replay; an error stops it.
pub type Sink<'a> = dyn FnMut(Replayed) -> Result<()> + Send + 'a;

/// A live watch; dropping it cancels the watch.
pub struct WatchHandle {
    pub rx: mpsc::Receiver<Result<WatchMessage>>,
    /// Ask the server for a progress notification (etcd `RequestProgress`).
    pub progress: Option<mpsc::Sender<()>>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct StoreStatus {
    pub revision: i64,
    pub compact_revision: Option<i64>,
    pub server_version: Option<String>,
    pub endpoint: String,
}

/// The cluster behind a store (etcd only), for `esi check`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ClusterInfo {
    pub members: Vec<MemberInfo>,
    /// One per configured endpoint, reachable or not.
    pub endpoints: Vec<EndpointStatus>,
    pub alarms: Vec<String>,
    pub compact_revision: i64,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct MemberInfo {
    /// Hex, as etcdctl prints it.
    pub id: String,
    pub name: String,
    pub client_urls: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct EndpointStatus {
    pub endpoint: String,
    pub member_id: Option<String>,
    pub leader: Option<String>,
    pub version: Option<String>,
    pub db_size: Option<i64>,
    pub db_size_in_use: Option<i64>,
    pub raft_term: Option<u64>,
    /// What the member itself reports wrong.
    pub errors: Vec<String>,
    /// Why it could not be asked.
    pub error: Option<String>,
}

/// Everything esi needs from etcd. `rev` of `None` (or 0) means "latest".
#[async_trait]
pub trait Store: Send + Sync {
    /// Describe where the data comes from (for messages).
    fn describe(&self) -> String;

    /// Check that the store answers; etcd errors become "cannot reach etcd at …".
    async fn probe(&self) -> Result<StoreStatus>;

    /// One range at one revision. Returns the revision the read was served at (`rev` when
    /// given, else the store's current revision) with the result. A revision beyond the
    /// head is [`EsiError::FutureRevision`], one below the compaction point
    /// [`EsiError::Compacted`] with the real compaction revision.
    async fn range(&self, range: &Range, rev: Option<i64>) -> Result<(i64, RangeResult)>;

    /// Several ranges read at ONE revision in one round trip (a txn of gets on etcd); the
    /// revision returned as for [`Store::range`].
    async fn ranges(&self, ranges: &[Range], rev: Option<i64>) -> Result<(i64, Vec<RangeResult>)>;

    /// Ranges each at its own revision (point reads into the past), in as few round trips
    /// as the store allows (etcd: a txn of gets, each carrying its revision).
    async fn ranges_at(&self, reads: &[(Range, i64)]) -> Result<Vec<RangeResult>> {
        let mut out = Vec::with_capacity(reads.len());
        for (r, rev) in reads {
            out.push(self.range(r, Some(*rev)).await?.1);
        }
        Ok(out)
    }

    /// A guarded transaction.
    async fn txn(&self, txn: Txn) -> Result<TxnResult>;

    /// Watch a key or prefix from `start_rev` (0 = from now).
    async fn watch(&self, key: &str, prefix: bool, start_rev: i64) -> Result<WatchHandle>;

    /// Every event of each `(key, prefix)` with revision in `[from, to]`, read from
    /// history with an end that does not depend on timing, to `sink`.
    /// `false`: this store does not offer it (the caller watches each spec and ends on
    /// progress), and nothing was delivered.
    async fn replay(
        &self,
        _specs: &[(String, bool)],
        _from: i64,
        _to: i64,
        _sink: &mut Sink<'_>,
    ) -> Result<bool> {
        Ok(false)
    }

    async fn lease_grant(&self, ttl: Duration) -> Result<i64>;
    async fn lease_keep_alive(&self, lease: i64) -> Result<()>;
    async fn lease_revoke(&self, lease: i64) -> Result<()>;
    /// Remaining TTL in seconds, `None` if the lease does not exist (expired).
    async fn lease_ttl(&self, lease: i64) -> Result<Option<i64>>;

    async fn compact(&self, rev: i64) -> Result<()>;

    /// Members, endpoint status, alarms: `None` for a store that is not a cluster.
    async fn cluster(&self) -> Result<Option<ClusterInfo>> {
        Ok(None)
    }

    /// Whether a progress notification is ordered after every replayed event. etcd 3.4
    /// answers a progress request at once, even while a watch started in the past is
    /// still catching up (its catch-up runs every 100 ms), so history walks wait for one
    /// catch-up period before trusting progress.
    fn progress_is_ordered(&self) -> bool {
        false
    }
}

/// One guarded write: `Some(revision)` when every compare held and `ops` were applied,
/// `None` when a compare lost (nothing written). No compares: an unconditional write.
pub async fn guarded(
    store: &dyn Store,
    compares: Vec<Compare>,
    ops: Vec<Op>,
) -> Result<Option<i64>> {
    let r = store
        .txn(Txn {
            compares,
            success: ops,
            failure: vec![],
        })
        .await?;
    Ok(r.succeeded.then_some(r.revision))
}

/// Read every key of a range in pages of `page` keys (bounded memory for 100k jobs).
/// `f` is called once per page; all pages are read at the revision of the first.
pub async fn for_each_page<F>(
    store: &dyn Store,
    mut range: Range,
    page: i64,
    rev: Option<i64>,
    mut f: F,
) -> Result<i64>
where
    F: FnMut(Vec<Kv>) -> Result<()>,
{
    range.limit = page;
    let mut at = rev;
    loop {
        let (r, res) = store.range(&range, at).await?;
        at.get_or_insert(r);
        let last = res.kvs.last().map(|kv| kv.key.clone());
        let more = res.more;
        f(res.kvs)?;
        match (more, last) {
            (true, Some(last)) => range.after = Some(last),
            _ => return Ok(at.unwrap_or(r)),
        }
    }
}

/// The one rule for a revision argument: it must exist in the store already.
pub fn check_revision(requested: i64, head: i64) -> Result<()> {
    if requested > head {
        return Err(EsiError::FutureRevision { requested, head });
    }
    Ok(())
}
