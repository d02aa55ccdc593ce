//! Process exit codes: the contract runbook scripts rely on (documented in
//! docs/exit-codes.md; keep both in step).

/// Success; for `watch --until`, the condition was reached; for `diff`, no difference.
pub const OK: i32 = 0;
/// `diff`: the versions differ. `watch --until`: a failure predicate was reached.
pub const DIFFERS: i32 = 1;
/// Bad command line: unknown flag, bad value, unknown subcommand.
pub const USAGE: i32 = 2;
/// The resource, key, job or resource type does not exist.
pub const NOT_FOUND: i32 = 3;
/// etcd unreachable, a request timed out, or a write's outcome stayed unknown.
pub const UNREACHABLE: i32 = 4;
/// A write was refused: read-only mode, no `--yes` without a terminal, declined at the
/// prompt, or the action does not fit the resource (stale, duplicate, not workable).
pub const REFUSED: i32 = 5;
/// The requested revision has been compacted away.
pub const COMPACTED: i32 = 6;
/// `watch --until` / `--timeout`: the deadline passed first.
pub const TIMEOUT: i32 = 7;
/// A guarded transaction lost: the job id exists or the config changed since it was read.
pub const CONFLICT: i32 = 8;
/// Stored data or an input file cannot be used (malformed template, config, snapshot).
pub const INVALID_DATA: i32 = 9;
/// Any other failure.
pub const FAILURE: i32 = 10;
/// `esi check`: warnings, and no failure.
pub const CHECK_WARN: i32 = 11;
/// `esi check`: at least one check failed.
pub const CHECK_FAIL: i32 = 12;
/// A bulk write stopped before its end (interrupted, or some jobs lost their guard):
/// the summary says what was done, skipped and not started; a rerun does the rest.
pub const PARTIAL: i32 = 13;
/// Interrupted by Ctrl-C / SIGINT (128 + 2, the shell convention).
pub const INTERRUPTED: i32 = 130;

/// (code, name, meaning) for docs and `esi --help`.
pub const TABLE: &[(i32, &str, &str)] = &[
    (
        OK,
        "OK",
        "success; watch condition reached; diff found no difference",
    ),
    (
        DIFFERS,
        "DIFFERS",
        "diff: versions differ; watch --until: failure predicate reached",
    ),
    (
        USAGE,
        "USAGE",
        "bad command line or setting: also a revision beyond the store's head or below 1, an ambiguous id prefix",
    ),
    (
        NOT_FOUND,
        "NOT_FOUND",
        "resource, key, job or type not found",
    ),
    (
        UNREACHABLE,
        "UNREACHABLE",
        "no etcd endpoint answers, or a request timed out (a watch whose --timeout expires while etcd is unreachable too); for a write whose server failed mid-request: its outcome could not be read back (the message says how to check)",
    ),
    (
        REFUSED,
        "REFUSED",
        "write refused (read-only, offline store, no --yes, declined, stale, duplicate, not workable, target holds ESI keys)",
    ),
    (
        COMPACTED,
        "COMPACTED",
        "requested revision (or version) is older than the history etcd keeps",
    ),
    (
        TIMEOUT,
        "TIMEOUT",
        "watch --timeout expired before the condition",
    ),
    (
        CONFLICT,
        "CONFLICT",
        "guarded transaction lost (job exists / config changed)",
    ),
    (
        INVALID_DATA,
        "INVALID_DATA",
        "stored data or input file unusable",
    ),
    (FAILURE, "FAILURE", "any other error"),
    (
        CHECK_WARN,
        "CHECK_WARN",
        "esi check: some checks warn, none fails",
    ),
    (CHECK_FAIL, "CHECK_FAIL", "esi check: at least one check fails"),
    (
        PARTIAL,
        "PARTIAL",
        "bulk replay stopped before its end (interrupted, or jobs lost their guard); the summary says done / skipped / not started, and a rerun does the rest",
    ),
    (INTERRUPTED, "INTERRUPTED", "interrupted (Ctrl-C)"),
];
