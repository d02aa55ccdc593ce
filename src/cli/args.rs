//! The global flags every subcommand takes (connection, output, safety): a type of its
//! own so that the context, the profile resolution and the commands can share it without
//! importing the dispatcher.

use std::path::PathBuf;
use std::time::Duration;

use clap::Args;

use crate::render::{ColorChoice, OutputFormat};

/// Variables whose bad value clap would blame on the flag (`--output`): checked first, so
/// the error names the variable that holds the mistake.
pub fn check_env() -> Result<(), String> {
    use clap::ValueEnum;
    let check = |var: &str, ok: &dyn Fn(&str) -> bool, expected: &str| match std::env::var(var) {
        Ok(v) if !ok(&v) => Err(format!("{var}={v}: expected {expected}")),
        _ => Ok(()),
    };
    check(
        "ESI_OUTPUT",
        &|v| OutputFormat::from_str(v, true).is_ok(),
        "table, json, jsonl or yaml",
    )?;
    check(
        "ESI_COLOR",
        &|v| ColorChoice::from_str(v, true).is_ok(),
        "auto, always or never",
    )
}

#[derive(Debug, Args, Clone)]
pub struct GlobalArgs {
    /// etcd endpoints, comma-separated [default: http://127.0.0.1:2379]
    #[arg(
        long,
        global = true,
        hide_short_help = true,
        env = "ESI_ENDPOINTS",
        value_delimiter = ',',
        help_heading = "Connection"
    )]
    pub endpoints: Vec<String>,
    /// Verify the server with this CA bundle (PEM)
    #[arg(
        long,
        global = true,
        hide_short_help = true,
        env = "ESI_CACERT",
        help_heading = "Connection"
    )]
    pub cacert: Option<PathBuf>,
    /// Client certificate (PEM), with --key
    #[arg(
        long,
        global = true,
        hide_short_help = true,
        env = "ESI_CERT",
        help_heading = "Connection"
    )]
    pub cert: Option<PathBuf>,
    /// Client private key (PEM), with --cert
    #[arg(
        long,
        global = true,
        hide_short_help = true,
        env = "ESI_KEY",
        help_heading = "Connection"
    )]
    pub key: Option<PathBuf>,
    /// Username[:password] for etcd authentication
    #[arg(
        long,
        global = true,
        hide_short_help = true,
        env = "ESI_USER",
        help_heading = "Connection"
    )]
    pub user: Option<String>,
    /// Password for --user (when not given as user:password)
    #[arg(
        long,
        global = true,
        hide_short_help = true,
        env = "ESI_PASSWORD",
        hide_env_values = true,
        help_heading = "Connection"
    )]
    pub password: Option<String>,
    /// Dial timeout [default: 2s]
    #[arg(long, global = true, hide_short_help = true, env = "ESI_DIAL_TIMEOUT", value_parser = humantime::parse_duration, help_heading = "Connection")]
    pub dial_timeout: Option<Duration>,
    /// Timeout of each request [default: 5s]
    #[arg(long, global = true, hide_short_help = true, env = "ESI_COMMAND_TIMEOUT", value_parser = humantime::parse_duration, help_heading = "Connection")]
    pub command_timeout: Option<Duration>,
    /// Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml,
    /// else ~/.config/esi/config.toml) instead of its current-context
    #[arg(
        long,
        global = true,
        hide_short_help = true,
        env = "ESI_CONTEXT",
        value_name = "NAME",
        help_heading = "Connection"
    )]
    pub context: Option<String>,
    /// Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or
    /// a member's member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w
    /// json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample,
    /// `sample-faults` the same with the cookbook's faults (a failed port, a leftover key)
    #[arg(
        long,
        global = true,
        hide_short_help = true,
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
        hide_short_help = true,
        env = "ESI_OUTPUT",
        value_enum,
        help_heading = "Output"
    )]
    pub output: Option<OutputFormat>,
    /// When to colour output (NO_COLOR is honoured)
    #[arg(
        long,
        global = true,
        hide_short_help = true,
        env = "ESI_COLOR",
        value_enum,
        default_value_t,
        help_heading = "Output"
    )]
    pub color: ColorChoice,
    /// Show passwords, tokens and keys instead of <redacted>
    #[arg(long, global = true, hide_short_help = true, help_heading = "Output")]
    pub show_secrets: bool,
    /// More log output on stderr (-v info, -vv debug); RUST_LOG overrides
    #[arg(short, long, global = true, hide_short_help = true, action = clap::ArgAction::Count, help_heading = "Output")]
    pub verbose: u8,
    /// Only errors on stderr
    #[arg(
        short,
        long,
        global = true,
        hide_short_help = true,
        help_heading = "Output"
    )]
    pub quiet: bool,

    /// Extra resource types (a JSON schema file merged over the built-in table)
    #[arg(
        long,
        global = true,
        hide_short_help = true,
        env = "ESI_SCHEMA",
        value_name = "FILE"
    )]
    pub schema: Option<PathBuf>,
    /// Refuse every write (also set by a context's read_only = true, which no flag undoes)
    #[arg(
        long,
        global = true, hide_short_help = true,
        env = "ESI_READ_ONLY",
        value_parser = clap::builder::BoolishValueParser::new(),
        help_heading = "Safety"
    )]
    pub read_only: bool,
    /// Answer yes to confirmations (required for writes without a terminal; a context with
    /// confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)
    #[arg(
        short = 'y',
        long,
        global = true,
        hide_short_help = true,
        help_heading = "Safety"
    )]
    pub yes: bool,
    /// Who the audit record of a write names (default: user@host)
    #[arg(
        long,
        global = true,
        hide_short_help = true,
        env = "ESI_ACTOR",
        value_name = "NAME",
        help_heading = "Safety"
    )]
    pub actor: Option<String>,
    /// Where audit records go (default /esi-audit/, or the context's audit_prefix)
    #[arg(
        long,
        global = true,
        hide_short_help = true,
        env = "ESI_AUDIT_PREFIX",
        value_name = "PREFIX",
        help_heading = "Safety"
    )]
    pub audit_prefix: Option<String>,
    /// Write no audit record (for clusters that must not get extra keys; also a
    /// context's audit = false)
    #[arg(
        long,
        global = true, hide_short_help = true,
        env = "ESI_NO_AUDIT",
        value_parser = clap::builder::BoolishValueParser::new(),
        help_heading = "Safety"
    )]
    pub no_audit: bool,
}
