//! The command line: what was typed (clap structs), one module per subcommand, each
//! with its `Args` and `run`. `main` only parses and maps the outcome to an exit code.

pub mod candidates;
pub mod completions;
pub mod config;
pub mod context;
pub mod demo;
pub mod diff;
pub mod engine;
pub mod enqueue;
pub mod get;
pub mod history;
pub mod job;
pub mod jobs;
pub mod ls;
pub mod progress;
pub mod replay;
pub mod safety;
pub mod show;
pub mod snapshot;
pub mod version;
pub mod watch;

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};

use crate::error::Result;
use crate::render::{ColorChoice, OutputFormat};

pub use context::Context;

const AFTER_HELP: &str = "\
Connection flags follow etcdctl's names; each reads ESI_* then ETCDCTL_* from the
environment (e.g. ESI_ENDPOINTS, then ETCDCTL_ENDPOINTS), then the selected context of
the config file (--context / ESI_CONTEXT, else its current-context; see `esi config`).

Exit codes: 0 ok · 1 differs / watch failure · 2 usage · 3 not found · 4 etcd unreachable
or timeout · 5 write refused · 6 revision compacted · 7 watch timeout · 8 conflict ·
9 invalid data · 10 other error · 130 interrupted (see docs/exit-codes.md).";

#[derive(Debug, Parser)]
#[command(
    name = "esi",
    version,
    about = "Operator CLI for ESI: one view of a resource across every etcd key family",
    propagate_version = true,
    after_help = AFTER_HELP,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args, Clone)]
pub struct GlobalArgs {
    /// etcd endpoints, comma-separated [default: http://127.0.0.1:2379]
    #[arg(
        long,
        global = true,
        env = "ESI_ENDPOINTS",
        value_delimiter = ',',
        help_heading = "Connection"
    )]
    pub endpoints: Vec<String>,
    /// Verify the server with this CA bundle (PEM)
    #[arg(long, global = true, env = "ESI_CACERT", help_heading = "Connection")]
    pub cacert: Option<PathBuf>,
    /// Client certificate (PEM), with --key
    #[arg(long, global = true, env = "ESI_CERT", help_heading = "Connection")]
    pub cert: Option<PathBuf>,
    /// Client private key (PEM), with --cert
    #[arg(long, global = true, env = "ESI_KEY", help_heading = "Connection")]
    pub key: Option<PathBuf>,
    /// Username[:password] for etcd authentication
    #[arg(long, global = true, env = "ESI_USER", help_heading = "Connection")]
    pub user: Option<String>,
    /// Password for --user (when not given as user:password)
    #[arg(
        long,
        global = true,
        env = "ESI_PASSWORD",
        hide_env_values = true,
        help_heading = "Connection"
    )]
    pub password: Option<String>,
    /// Dial timeout [default: 2s]
    #[arg(long, global = true, env = "ESI_DIAL_TIMEOUT", value_parser = humantime::parse_duration, help_heading = "Connection")]
    pub dial_timeout: Option<Duration>,
    /// Timeout of each request [default: 5s]
    #[arg(long, global = true, env = "ESI_COMMAND_TIMEOUT", value_parser = humantime::parse_duration, help_heading = "Connection")]
    pub command_timeout: Option<Duration>,
    /// Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml,
    /// else ~/.config/esi/config.toml) instead of its current-context
    #[arg(
        long,
        global = true,
        env = "ESI_CONTEXT",
        value_name = "NAME",
        help_heading = "Connection"
    )]
    pub context: Option<String>,
    /// Read an offline snapshot instead of etcd (esi snapshot, `etcdctl get -w json`, or a
    /// zlib v2 dump); `sample` is the bundled load-balancer sample
    #[arg(
        long,
        global = true,
        env = "ESI_STORE",
        value_name = "FILE",
        help_heading = "Connection"
    )]
    pub store: Option<String>,

    /// Output format
    #[arg(
        short = 'o',
        long,
        global = true,
        env = "ESI_OUTPUT",
        value_enum,
        help_heading = "Output"
    )]
    pub output: Option<OutputFormat>,
    /// When to colour output (NO_COLOR is honoured)
    #[arg(
        long,
        global = true,
        env = "ESI_COLOR",
        value_enum,
        default_value_t,
        help_heading = "Output"
    )]
    pub color: ColorChoice,
    /// Show passwords, tokens and keys instead of <redacted>
    #[arg(long, global = true, help_heading = "Output")]
    pub show_secrets: bool,
    /// More log output on stderr (-v info, -vv debug); RUST_LOG overrides
    #[arg(short, long, global = true, action = clap::ArgAction::Count, help_heading = "Output")]
    pub verbose: u8,
    /// Only errors on stderr
    #[arg(short, long, global = true, help_heading = "Output")]
    pub quiet: bool,

    /// Extra resource types (a JSON schema file merged over the built-in table)
    #[arg(long, global = true, env = "ESI_SCHEMA", value_name = "FILE")]
    pub schema: Option<PathBuf>,
    /// Refuse every write (also set by a context's read_only = true, which no flag undoes)
    #[arg(long, global = true, env = "ESI_READ_ONLY", help_heading = "Safety")]
    pub read_only: bool,
    /// Answer yes to confirmations (required for writes without a terminal; a context with
    /// confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)
    #[arg(short = 'y', long, global = true, help_heading = "Safety")]
    pub yes: bool,
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
    /// Run the processing engine: job manager and/or worker with a simulated Heat
    #[command(subcommand)]
    Engine(engine::Command),
    /// The whole flow on the bundled sample, in-process (no server): engine, watch, show
    Demo(demo::Args),
    /// Print shell completions
    Completions(completions::Args),
    /// Contexts of the config file: view, switch, list; the effective settings
    #[command(subcommand)]
    Config(config::Command),
    /// Print esi's version and the etcd server's (when reachable)
    Version(version::Args),
}

impl Command {
    /// Commands that handle SIGINT/SIGTERM themselves (graceful shutdown) instead of
    /// being interrupted by `main`.
    pub fn handles_signals(&self) -> bool {
        matches!(self, Command::Engine(_))
    }

    /// Commands that run many tasks at once for long (the engine's manager and worker
    /// slots) get a multi-threaded runtime; every other command is a few requests in
    /// sequence, where one thread starts faster and wakes no other.
    pub fn wants_threads(&self) -> bool {
        matches!(self, Command::Engine(_) | Command::Demo(_))
    }
}

/// What a command reports besides its output: the exit code to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome(pub i32);

impl Outcome {
    pub const OK: Outcome = Outcome(crate::exit::OK);
}

/// Run a parsed command line.
pub async fn run(cli: Cli) -> Result<Outcome> {
    let g = cli.global;
    match cli.command {
        Command::Completions(a) => completions::run(a),
        Command::Engine(c) => engine::run(&Context::build(&g).await?, c).await,
        Command::Demo(a) => demo::run(&g, a).await,
        Command::Config(c) => config::run(&g, c),
        Command::Version(a) => version::run(&g, a).await,
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
