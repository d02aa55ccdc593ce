//! Signals for the long-running views (`exporter`, `top`): one future that resolves at
//! SIGINT or SIGTERM, so they stop cleanly (terminal restored, server drained).

/// Resolves at the first SIGINT or SIGTERM (never, if the handlers cannot be set).
pub async fn terminated() {
    use tokio::signal::unix::{signal, SignalKind};
    let (Ok(mut int), Ok(mut term)) = (
        signal(SignalKind::interrupt()),
        signal(SignalKind::terminate()),
    ) else {
        return std::future::pending().await;
    };
    tokio::select! {
        _ = int.recv() => {}
        _ = term.recv() => {}
    }
}
