//! The live fleet views against real servers: `esi exporter` scraped by a real
//! Prometheus (Debian's, started here on a free loopback port), and `esi top` in a real
//! terminal (tmux). Helpers: a child process killed on drop, and a plain HTTP GET.

mod exporter;
mod top;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Child;
use std::time::{Duration, Instant};

/// A child process killed (and reaped) when dropped.
pub(crate) struct Killed(pub Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// GET `path` from `addr` (HTTP/1.0, so the server closes): status and body; None when
/// nothing listens yet.
pub(crate) fn http_get(addr: &str, path: &str) -> Option<(u16, String)> {
    let mut s = TcpStream::connect(addr).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    write!(s, "GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").ok()?;
    let mut text = String::new();
    s.read_to_string(&mut text).ok()?;
    let (head, body) = text.split_once("\r\n\r\n")?;
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    Some((status, body.to_string()))
}

/// Percent-encode a query parameter.
pub(crate) fn encode(q: &str) -> String {
    q.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Poll until `f` gives Some, or panic after `secs` saying what was awaited and the last
/// thing seen.
#[track_caller]
pub(crate) fn eventually<T>(
    what: &str,
    secs: u64,
    mut f: impl FnMut() -> (Option<T>, String),
) -> T {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        let (v, seen) = f();
        if let Some(v) = v {
            return v;
        }
        if Instant::now() > deadline {
            panic!("timed out after {secs}s waiting for {what}; last seen:\n{seen}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}
