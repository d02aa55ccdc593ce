//! etcd-client errors in esi's terms: which mean "this endpoint cannot be used" (try the
//! next), which are answers (compacted, future revision, refused), and what to tell the
//! operator to do about a connection that fails.

use crate::error::EsiError;

/// The endpoint (or endpoints) named, and what went wrong.
pub fn unreachable(endpoints: &str, detail: impl Into<String>) -> EsiError {
    // `http://user:password@host` is how some write their endpoints: never echo it.
    EsiError::Unreachable {
        endpoints: crate::model::redact::redact_text(endpoints),
        detail: crate::model::redact::redact_text(&detail.into()),
    }
}

/// What a connection failure means, in words that say what to do.
fn connection_detail(msg: &str) -> String {
    let m = msg.to_ascii_lowercase();
    if m.contains("h2 protocol error")
        || m.contains("frame with invalid size")
        || m.contains("http2 error")
    {
        return format!(
            "not an etcd endpoint: it does not speak etcd's gRPC ({msg}); check --endpoints / ESI_ENDPOINTS"
        );
    }
    if m.contains("connection refused") || m.contains("tcp connect error") {
        return "connection refused: nothing listens there (check --endpoints / ESI_ENDPOINTS, or use --store sample to work offline)".into();
    }
    msg.to_string()
}

/// Map one request's error through `endpoint`.
pub fn map_err(endpoint: &str, e: etcd_client::Error) -> EsiError {
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
            if msg.contains("h2 protocol error") || msg.contains("http2 error") {
                return unreachable(endpoint, connection_detail(msg));
            }
            if msg.contains("required revision has been compacted") {
                // The caller knows the requested revision and fills it in.
                return EsiError::Compacted {
                    requested: 0,
                    compact_revision: 0,
                };
            }
            match s.code() {
                Code::Unavailable => unreachable(endpoint, connection_detail(msg)),
                // tonic reports a connection torn down during the TLS handshake (e.g. the
                // server wants a client certificate we did not send) as Cancelled.
                Code::Cancelled => unreachable(
                    endpoint,
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
                Code::Unknown
                    if msg.contains("transport")
                        || msg.contains("connect")
                        || msg.contains("h2 protocol") =>
                {
                    unreachable(endpoint, connection_detail(msg))
                }
                // A member without a leader (an election, or cut off from the quorum):
                // another member may answer.
                _ if msg.contains("no leader") || msg.contains("leader changed") => {
                    unreachable(endpoint, msg.to_string())
                }
                _ => EsiError::Store(msg.to_string()),
            }
        }
        E::TransportError(_) | E::IoError(_) => {
            unreachable(endpoint, connection_detail(&e.to_string()))
        }
        _ => EsiError::Store(e.to_string()),
    }
}

/// This endpoint cannot be used now; another may.
pub fn is_endpoint_failure(e: &EsiError) -> bool {
    matches!(e, EsiError::Unreachable { .. } | EsiError::Timeout(_))
}

/// A member that answered but has no leader now (an election, or cut off from the
/// quorum): the same request may succeed a moment later.
pub fn in_election(e: &EsiError) -> bool {
    matches!(e, EsiError::Unreachable { detail, .. }
        if detail.contains("leader changed") || detail.contains("no leader"))
}

/// The request never reached the server (nothing listens, or the connection could not
/// be made): even a write is safe to send elsewhere.
pub fn never_sent(e: &EsiError) -> bool {
    match e {
        EsiError::Unreachable { detail, .. } => {
            detail.starts_with("connection refused")
                || detail.starts_with("not an etcd endpoint")
                || detail.contains("dial timeout")
        }
        _ => false,
    }
}
