//! The command line: the clap definition ([`Cli`], [`Command`]) and the dispatch to
//! `commands/` (one file per subcommand: Args + run). Support shared by commands lives
//! beside it: global flags (`args`), the per-run context, profiles, the write gate
//! (`safety`, `write`), progress, completions. `main` only parses and maps the outcome
//! to an exit code.

pub mod args;
pub mod candidates;
pub mod commands;
pub mod completions;
pub mod context;
pub mod outcome;
pub mod profile;
pub mod progress;
pub mod safety;
pub mod signals;
pub mod tui;
pub mod values;
pub mod write;

use clap::{Parser, Subcommand};

use crate::error::Result;
use args::GlobalArgs;
use commands::{
    audit, check, config, demo, diff, engine, enqueue, exporter, get, history, job, jobs, ls,
    replay, show, snapshot, top, types, version, watch,
};
use context::Context;
use outcome::Outcome;

const AFTER_HELP: &str = "\
Connection flags follow etcdctl's names; each reads ESI_* then ETCDCTL_* from the
environment (e.g. ESI_ENDPOINTS, then ETCDCTL_ENDPOINTS), then the selected context of
the config file (--context / ESI_CONTEXT, else its current-context; see `esi config`).

Global options (connection, output, safety) work with every command; `esi --help` lists
them (`-h` leaves them out).

Exit codes: 0 ok · 1 differs / watch failure · 2 usage · 3 not found · 4 etcd unreachable
or timeout · 5 write refused · 6 revision compacted · 7 watch timeout · 8 conflict ·
9 invalid data · 10 other error · 11/12 check warns/fails · 13 bulk write partial ·
130 interrupted (see docs/exit-codes.md).";

#[derive(Debug, Parser)]
#[command(
    name = "esi",
    version,
    about = "Operator CLI for ESI: one view of a resource across every etcd key family",
    after_help = AFTER_HELP,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// One view of a resource across all six key families, with a verdict
    Show(show::Args),
    /// One row per resource of a type
    #[command(alias = "list")]
    Ls(ls::Args),
    /// Any key, decoded as its family
    Get(get::Args),
    /// Save etcd to an offline snapshot, or load a snapshot into etcd
    #[command(subcommand)]
    Snapshot(snapshot::Command),
    /// Timeline of every change of a resource, from etcd history
    History(history::Args),
    /// Diff two versions of a family, or config vs job, state vs stack (exit 1 = differs)
    Diff(diff::Args),
    /// Follow a resource (or the job queue) live; wait for a condition
    Watch(watch::Args),
    /// List jobs across the queue stages (worker, retry, unfinished dependencies, stuck)
    Jobs(jobs::Args),
    /// One job: params, dependencies, staleness (finished jobs from history)
    #[command(subcommand)]
    Job(job::Command),
    /// Build a job from a resource's config, as the job manager would, and queue it
    Enqueue(enqueue::Args),
    /// Queue an existing job again under a new id
    #[command(subcommand)]
    Replay(replay::Command),
    /// Check the whole fleet at one revision: verdicts, queue, root causes, engine, etcd
    Check(check::Args),
    /// A live terminal dashboard of the fleet: queue, jobs in flight, failures, engine
    Top(top::Args),
    /// Serve the live fleet view as Prometheus metrics (/metrics, /healthz)
    Exporter(exporter::Args),
    /// The audit trail: who wrote what, when and why (every esi write records itself)
    Audit(audit::Args),
    /// Run the processing engine: job manager and/or worker with a simulated Heat
    #[command(subcommand)]
    Engine(engine::Command),
    /// The whole flow on the bundled sample, in-process (no server): engine, watch, show
    Demo(demo::Args),
    /// Print shell completions
    Completions(commands::completions::Args),
    /// Contexts of the config file: view, switch, list; the effective settings
    #[command(subcommand)]
    Config(config::Command),
    /// Every resource type: plural, key prefix, monitoring field, heat template
    Types(types::Args),
    /// Print esi's version and the etcd server's (when reachable)
    Version(version::Args),
}

impl Command {
    /// Commands that handle SIGINT/SIGTERM themselves (graceful shutdown) instead of
    /// being interrupted by `main`.
    pub fn handles_signals(&self) -> bool {
        matches!(
            self,
            Command::Engine(_)
                | Command::Replay(replay::Command::Jobs(_))
                | Command::Top(_)
                | Command::Exporter(_)
        )
    }

    /// Commands that run many tasks at once for long (the engine's manager and worker
    /// slots) get a multi-threaded runtime; every other command is a few requests in
    /// sequence, where one thread starts faster and wakes no other.
    pub fn wants_threads(&self) -> bool {
        matches!(
            self,
            Command::Engine(_) | Command::Demo(_) | Command::Exporter(_)
        )
    }
}

/// Run a parsed command line.
pub async fn run(cli: Cli) -> Result<Outcome> {
    let g = cli.global;
    match cli.command {
        Command::Completions(a) => {
            commands::completions::run(a, <Cli as clap::CommandFactory>::command())
        }
        Command::Engine(c) => engine::run(&Context::build(&g).await?, c).await,
        Command::Demo(a) => demo::run(&g, a).await,
        Command::Config(c) => config::run(&g, c),
        Command::Version(a) => version::run(&g, a).await,
        Command::Types(a) => types::run(&g, a),
        Command::Show(a) => show::run(&Context::build_for_read(&g).await?, a).await,
        Command::Ls(a) => ls::run(&Context::build_for_read(&g).await?, a).await,
        Command::Get(a) => get::run(&Context::build_for_read(&g).await?, a).await,
        Command::Snapshot(c) => snapshot::run(&g, c).await,
        Command::History(a) => history::run(&Context::build_for_read(&g).await?, a).await,
        Command::Diff(a) => diff::run(&Context::build(&g).await?, a).await,
        Command::Watch(a) => watch::run(&Context::build(&g).await?, a).await,
        Command::Jobs(a) => jobs::run(&Context::build(&g).await?, a).await,
        Command::Job(c) => job::run(&Context::build(&g).await?, c).await,
        Command::Enqueue(a) => enqueue::run(&Context::build(&g).await?, a).await,
        Command::Replay(c) => replay::run(&Context::build(&g).await?, c).await,
        Command::Check(a) => check::run(&Context::build(&g).await?, a).await,
        Command::Top(a) => top::run(&Context::build(&g).await?, a).await,
        Command::Exporter(a) => exporter::run(&Context::build(&g).await?, a).await,
        Command::Audit(a) => audit::run(&Context::build_for_read(&g).await?, a).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
