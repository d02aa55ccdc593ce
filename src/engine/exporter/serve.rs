//! The exporter's server: the live view fed by its watch, a snapshot every interval,
//! `/metrics` and `/healthz` over axum.

use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use tokio::net::TcpListener;

use crate::error::{EsiError, Result};
use crate::model::registry::Registry;
use crate::query::live::reflect::{Reflector, Step};
use crate::render::metrics::{encode, snapshot, MetricsSnapshot, CONTENT_TYPE};

use super::process;
use crate::store::follow::Liveness;
use crate::store::{Range, Store};

/// How often the whole-queue numbers (stuck, blocked, expired leases) are derived: they
/// walk every job in flight (about 0.2 s at 100k), so not at every snapshot.
pub const DERIVE_EVERY: Duration = Duration::from_secs(5);

#[derive(Debug, Clone, Copy)]
pub struct ExporterConfig {
    /// How often the snapshot is made from the applied events.
    pub interval: Duration,
}

struct Shared {
    snap: RwLock<MetricsSnapshot>,
    healthy: AtomicBool,
}

async fn metrics(State(s): State<Arc<Shared>>) -> impl IntoResponse {
    let snap = s.snap.read().expect("snapshot lock").clone();
    let text = encode(&snap, process::read().as_ref());
    ([(header::CONTENT_TYPE, CONTENT_TYPE)], text)
}

async fn healthz(State(s): State<Arc<Shared>>) -> impl IntoResponse {
    let rev = s.snap.read().expect("snapshot lock").revision;
    if s.healthy.load(Ordering::Relaxed) {
        (StatusCode::OK, format!("ok: watching at revision {rev}\n"))
    } else {
        let msg = format!("watch reconnecting (view at revision {rev})\n");
        (StatusCode::SERVICE_UNAVAILABLE, msg)
    }
}

/// Serve until `stop` resolves. The listener is bound by the caller (so a busy address
/// is reported before anything is read).
pub async fn serve(
    store: Arc<dyn Store>,
    reg: Arc<Registry>,
    listener: TcpListener,
    cfg: ExporterConfig,
    stop: impl Future<Output = ()>,
) -> Result<()> {
    let (mut refl, mut items) = Reflector::start(store.clone(), reg, Liveness::default()).await?;
    let mut derived = refl.live.derive(&refl.ttl);
    let mut derived_at = Instant::now();
    let shared = Arc::new(Shared {
        snap: RwLock::new(snapshot(&refl, &derived)),
        healthy: AtomicBool::new(true),
    });
    let app = Router::new()
        .route("/metrics", get(metrics))
        .route("/healthz", get(healthz))
        .with_state(shared.clone());
    let (done_tx, done_rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = done_rx.await;
            })
            .await
    });
    let mut tick = tokio::time::interval(cfg.interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut dirty = false;
    tokio::pin!(stop);
    let result = loop {
        tokio::select! {
            item = items.recv() => {
                let Some(item) = item else {
                    break Err(EsiError::Store("the watch ended".into()));
                };
                match refl.handle(item?).await? {
                    Step::Reconnecting { .. } => shared.healthy.store(false, Ordering::Relaxed),
                    _ => shared.healthy.store(true, Ordering::Relaxed),
                }
                dirty = true;
            }
            _ = tick.tick() => {
                if !shared.healthy.load(Ordering::Relaxed) {
                    // Idle after a reconnect: no event says the watch is back, a read does.
                    let back = store.range(&Range::key("/").count_only(), None).await.is_ok();
                    shared.healthy.store(back, Ordering::Relaxed);
                }
                let refreshed = match refl.refresh_ttls_if_due().await {
                    Ok(r) => r,
                    Err(_) => {
                        shared.healthy.store(false, Ordering::Relaxed);
                        false
                    }
                };
                if refreshed || dirty {
                    let t = Instant::now();
                    if derived_at.elapsed() >= DERIVE_EVERY {
                        derived = refl.live.derive(&refl.ttl);
                        derived_at = Instant::now();
                    }
                    let snap = snapshot(&refl, &derived);
                    tracing::debug!(took = ?t.elapsed(), revision = snap.revision, "metrics snapshot");
                    *shared.snap.write().expect("snapshot lock") = snap;
                    dirty = false;
                }
            }
            _ = &mut stop => break Ok(()),
        }
    };
    let _ = done_tx.send(());
    let _ = server.await;
    result
}
