//! `esi completions <shell>`: completion scripts generated from the clap definition
//! (committed under completions/, kept in step by a test). With the
//! `dynamic-completion` feature, `COMPLETE=<shell> esi` also completes resource types,
//! ids, job ids and contexts from the live cluster (see [`complete_env`]).

use clap::CommandFactory;

use crate::cli::{Cli, Outcome};
use crate::error::Result;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Install (static: subcommands, flags, fixed values):
  esi completions bash > ~/.local/share/bash-completion/completions/esi
  esi completions zsh > \"${fpath[1]}/_esi\"
  esi completions fish > ~/.config/fish/completions/esi.fish
  esi completions powershell >> $PROFILE
  esi completions elvish >> ~/.config/elvish/rc.elv

Built with --features dynamic-completion, resource types, ids and job ids complete from
the cluster (keys-only reads, 300ms limit):
  source <(COMPLETE=bash esi)        # bash; COMPLETE=zsh|fish|elvish|powershell likewise

Examples:
  esi completions bash | head
  esi completions zsh > completions/_esi")]
pub struct Args {
    /// Shell to generate for
    pub shell: clap_complete::Shell,
}

/// The script for one shell, exactly as committed under completions/.
pub fn script(shell: clap_complete::Shell) -> Vec<u8> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "esi", &mut buf);
    buf
}

/// The committed file name of each shell's script.
pub const FILES: [(clap_complete::Shell, &str); 5] = [
    (clap_complete::Shell::Bash, "esi.bash"),
    (clap_complete::Shell::Zsh, "_esi"),
    (clap_complete::Shell::Fish, "esi.fish"),
    (clap_complete::Shell::PowerShell, "_esi.ps1"),
    (clap_complete::Shell::Elvish, "esi.elv"),
];

pub fn run(a: Args) -> Result<Outcome> {
    crate::render::write_stdout(&script(a.shell))?;
    Ok(Outcome::OK)
}

/// Answer a `COMPLETE=<shell> esi -- <words>` request and exit; return at once on a
/// normal run. Call first thing in `main`, before anything writes to stdout.
#[cfg(feature = "dynamic-completion")]
pub fn complete_env() {
    clap_complete::CompleteEnv::with_factory(dynamic::command).complete();
}

#[cfg(feature = "dynamic-completion")]
mod dynamic {
    use std::ffi::OsStr;

    use clap::CommandFactory;
    use clap_complete::engine::{ArgValueCompleter, CompletionCandidate, ValueCompleter};

    use crate::cli::candidates::{self, Kind};
    use crate::cli::Cli;

    struct Completer(Kind);

    impl ValueCompleter for Completer {
        fn complete(&self, current: &OsStr) -> Vec<CompletionCandidate> {
            self.complete_at(0, current)
        }
        fn complete_at(&self, index: usize, current: &OsStr) -> Vec<CompletionCandidate> {
            let Some(current) = current.to_str() else {
                return Vec::new();
            };
            let words = candidates::words_from_args(std::env::args_os());
            candidates::candidates(self.0, &words, index, current)
                .into_iter()
                .map(CompletionCandidate::new)
                .collect()
        }
    }

    /// Which candidates an argument gets, by its id: the subcommands name their
    /// arguments consistently, so new commands are covered without touching this table.
    fn kind(cmd: &str, arg: &str) -> Option<Kind> {
        Some(match (cmd, arg) {
            ("watch", "target") => Kind::WatchTarget,
            (_, "rtype") => Kind::Type,
            (_, "id") => Kind::Id,
            (_, "latest") => Kind::Latest,
            (_, "job_id") => Kind::JobId,
            (_, "context") | ("use-context", "name") => Kind::Context,
            _ => return None,
        })
    }

    fn augment(cmd: clap::Command) -> clap::Command {
        let name = cmd.get_name().to_string();
        let ids: Vec<String> = cmd
            .get_arguments()
            .map(|a| a.get_id().to_string())
            .collect();
        let mut cmd = cmd;
        for id in ids {
            if let Some(k) = kind(&name, &id) {
                cmd = cmd.mut_arg(&id, |a| a.add(ArgValueCompleter::new(Completer(k))));
            }
        }
        cmd.mut_subcommands(augment)
    }

    /// The clap definition with completers attached. Only completion sees them, so the
    /// committed static scripts and the docs are the same with or without the feature.
    pub fn command() -> clap::Command {
        augment(Cli::command())
    }
}
