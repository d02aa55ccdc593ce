//! Shutdown of the engine's tasks, in two levels: *drain* (stop taking work, let running
//! jobs finish) and *abort* (release running jobs now: the manager re-queues them).

use tokio::sync::watch;

const RUN: u8 = 0;
const DRAIN: u8 = 1;
const ABORT: u8 = 2;

/// The sending side: owned by whoever decides to stop (signal handler, demo, test).
pub struct ShutdownHandle {
    tx: watch::Sender<u8>,
}

/// The receiving side, cloned into every task.
#[derive(Clone)]
pub struct Shutdown {
    rx: watch::Receiver<u8>,
}

impl ShutdownHandle {
    pub fn new() -> (ShutdownHandle, Shutdown) {
        let (tx, rx) = watch::channel(RUN);
        (ShutdownHandle { tx }, Shutdown { rx })
    }
    /// Stop taking work; running jobs finish.
    pub fn drain(&self) {
        self.tx.send_modify(|v| *v = (*v).max(DRAIN));
    }
    /// Release running jobs now.
    pub fn abort(&self) {
        self.tx.send_modify(|v| *v = (*v).max(ABORT));
    }
}

impl Shutdown {
    pub fn is_requested(&self) -> bool {
        *self.rx.borrow() >= DRAIN
    }
    pub fn is_aborted(&self) -> bool {
        *self.rx.borrow() >= ABORT
    }
    async fn at_least(&mut self, level: u8) {
        // A dropped handle can never ask for anything again: treat it as a request.
        let _ = self.rx.wait_for(|v| *v >= level).await;
    }
    /// Resolves once a drain (or abort) is requested.
    pub async fn requested(&mut self) {
        self.at_least(DRAIN).await
    }
    pub async fn aborted(&mut self) {
        self.at_least(ABORT).await
    }
}

/// Resolves once the flag is true (or its sender is gone). Not `wait_for`: its guard
/// would make the future `!Send`.
pub async fn until_true(rx: &mut watch::Receiver<bool>) {
    loop {
        if *rx.borrow_and_update() {
            return;
        }
        if rx.changed().await.is_err() {
            return;
        }
    }
}
