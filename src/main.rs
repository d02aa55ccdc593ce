//! Thin entry point: parse, run, map the typed outcome or error to an exit code.

use clap::Parser;
use esi::cli::{self, Cli};
use esi::error::EsiError;
use esi::{exit, render};

/// Fleet passes allocate a million small strings: mimalloc is faster than glibc's malloc
/// at that and returns memory instead of fragmenting it (see Cargo.toml).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn init_tracing(verbose: u8, quiet: bool, color: render::ColorChoice, engine: bool) {
    use std::io::IsTerminal;
    use tracing_subscriber::EnvFilter;
    let default = match (quiet, verbose) {
        (true, _) => "error",
        // The engine says one line per job (and its summary) by default.
        (false, 0) if engine => "warn,esi::engine=info",
        (false, 0) => "warn",
        (false, 1) => "esi=info",
        (false, _) => "esi=debug",
    };
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default));
    // No escape codes into a log file or pipe, nor with --color never / NO_COLOR.
    let ansi = match color {
        render::ColorChoice::Always => true,
        render::ColorChoice::Never => false,
        render::ColorChoice::Auto => {
            std::io::stderr().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(ansi)
        .with_writer(std::io::stderr)
        .try_init();
}

fn main() {
    // `COMPLETE=<shell> esi -- …` is a completion request from the shell: answer, exit.
    #[cfg(feature = "dynamic-completion")]
    cli::candidates::complete_env();
    if let Err(msg) = cli::args::check_env() {
        eprintln!("error: {msg}");
        std::process::exit(exit::USAGE);
    }
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            // --help and --version print to stdout and succeed; usage errors exit 2.
            let _ = e.print();
            std::process::exit(if e.use_stderr() {
                exit::USAGE
            } else {
                exit::OK
            });
        }
    };
    let engine = matches!(cli.command, cli::Command::Engine(_));
    init_tracing(
        cli.global.verbose,
        cli.global.quiet,
        cli.global.color,
        engine,
    );
    let mut rt = if cli.command.wants_threads() {
        let mut b = tokio::runtime::Builder::new_multi_thread();
        b.worker_threads(2);
        b
    } else {
        tokio::runtime::Builder::new_current_thread()
    };
    let rt = rt.enable_all().build().expect("tokio runtime");
    let own_signals = cli.command.handles_signals();
    let code = rt.block_on(async {
        tokio::select! {
            r = cli::run(cli) => match r {
                Ok(outcome) => outcome.0,
                Err(EsiError::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => exit::OK,
                Err(e) => {
                    render::error(&e);
                    e.exit_code()
                }
            },
            _ = tokio::signal::ctrl_c(), if !own_signals => exit::INTERRUPTED,
        }
    });
    rt.shutdown_timeout(std::time::Duration::from_millis(100));
    std::process::exit(code);
}
