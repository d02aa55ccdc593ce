//! Master election through a lease-held key (spec §3.6, `/job_manager_id`): whoever
//! creates the key (create-if-absent txn with a lease) is master while it keeps the lease
//! alive; the others retry. Losing the lease, or finding another value in the key, ends
//! the term.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;
use tokio::time::Instant;
use tracing::{info, warn};

use crate::engine::shutdown::Shutdown;
use crate::error::{EsiError, Result};
use crate::store::{Compare, Op, Range, RangeSpec, Store, Txn};

pub use crate::model::keys::JOB_MANAGER_KEY as MANAGER_KEY;

/// A won election: the lease that holds the key, and a flag that turns true when the
/// term is over (lease lost or key taken).
pub struct Term {
    pub lease: i64,
    pub lost: watch::Receiver<bool>,
    keeper: tokio::task::JoinHandle<()>,
}

impl Term {
    /// Step down: stop refreshing and revoke the lease (the key goes with it).
    pub async fn resign(self, store: &dyn Store) {
        self.keeper.abort();
        if let Err(e) = store.lease_revoke(self.lease).await {
            warn!("revoking the election lease: {e}");
        }
    }
}

/// How often a candidate looks again at a held key.
fn retry_every(ttl: Duration) -> Duration {
    (ttl / 4).clamp(Duration::from_millis(200), Duration::from_secs(2))
}

/// Campaign until elected (Some) or shut down (None).
pub async fn campaign(
    store: Arc<dyn Store>,
    key: &str,
    id: &str,
    ttl: Duration,
    shutdown: &mut Shutdown,
) -> Result<Option<Term>> {
    let mut reported = false;
    loop {
        if shutdown.is_requested() {
            return Ok(None);
        }
        match try_once(store.as_ref(), key, id, ttl).await {
            Ok(Ok(lease)) => {
                let (tx, lost) = watch::channel(false);
                let keeper = tokio::spawn(keep(
                    store.clone(),
                    key.to_string(),
                    id.to_string(),
                    lease,
                    ttl,
                    tx,
                ));
                return Ok(Some(Term {
                    lease,
                    lost,
                    keeper,
                }));
            }
            Ok(Err(holder)) => {
                if !reported {
                    info!("{key} is held by {holder}; standing by");
                    reported = true;
                }
            }
            Err(e) if e.is_transient() => {
                warn!("election: {e}")
            }
            Err(e) => return Err(e),
        }
        tokio::select! {
            _ = shutdown.requested() => return Ok(None),
            _ = tokio::time::sleep(retry_every(ttl)) => {}
        }
    }
}

/// One attempt: Ok(lease) when elected, Err(holder) when someone holds the key.
async fn try_once(
    store: &dyn Store,
    key: &str,
    id: &str,
    ttl: Duration,
) -> Result<std::result::Result<i64, String>> {
    let (_, held) = store.range(&Range::key(key), None).await?;
    if let Some(kv) = held.kvs.first() {
        return Ok(Err(kv.value_str().into_owned()));
    }
    let lease = store.lease_grant(ttl).await?;
    let r = store
        .txn(Txn {
            compares: vec![Compare::Absent(key.to_string())],
            success: vec![Op::put_with_lease(key, id.as_bytes().to_vec(), lease)],
            failure: vec![Op::Get(RangeSpec {
                key: key.to_string(),
                ..Default::default()
            })],
        })
        .await?;
    if r.succeeded {
        return Ok(Ok(lease));
    }
    let _ = store.lease_revoke(lease).await;
    let holder = r
        .ranges
        .first()
        .and_then(|g| g.kvs.first())
        .map(|kv| kv.value_str().into_owned())
        .unwrap_or_default();
    Ok(Err(holder))
}

/// Refresh the lease every ttl/3 and check the key still holds our id; signal `lost`
/// when the lease expired, the key changed, or no refresh got through for a whole TTL.
async fn keep(
    store: Arc<dyn Store>,
    key: String,
    id: String,
    lease: i64,
    ttl: Duration,
    lost: watch::Sender<bool>,
) {
    let every = (ttl / 3).max(Duration::from_millis(100));
    let mut last_ok = Instant::now();
    loop {
        tokio::time::sleep(every).await;
        let alive = async {
            store.lease_keep_alive(lease).await?;
            let (_, r) = store.range(&Range::key(&key), None).await?;
            Ok::<bool, EsiError>(
                r.kvs
                    .first()
                    .is_some_and(|kv| kv.value == id.as_bytes() && kv.lease == lease),
            )
        };
        match alive.await {
            Ok(true) => last_ok = Instant::now(),
            Ok(false) => {
                warn!("{key} no longer holds this manager's id: stepping down");
                let _ = lost.send(true);
                return;
            }
            Err(EsiError::NotFound(_)) => {
                warn!("the election lease expired: stepping down");
                let _ = lost.send(true);
                return;
            }
            Err(e) => {
                warn!("refreshing the election lease: {e}");
                if last_ok.elapsed() >= ttl {
                    let _ = lost.send(true);
                    return;
                }
            }
        }
    }
}
