//! `esi completions <shell>`: print the completion script of one shell. With the
//! `dynamic-completion` feature, `COMPLETE=<shell> esi` also completes resource types,
//! ids, job ids and contexts from the live cluster (`cli::candidates`).

use crate::cli::completions::script;
use crate::cli::outcome::Outcome;
use crate::error::Result;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Install (static: subcommands, flags, fixed values):
  esi completions bash > ~/.local/share/bash-completion/completions/esi
  esi completions zsh > \"${fpath[1]}/_esi\"
  esi completions fish > ~/.config/fish/completions/esi.fish
  esi completions powershell >> $PROFILE
  esi completions elvish >> ~/.config/elvish/rc.elv

Dynamic completion is built in (unless built with --no-default-features): resource types,
ids and job ids complete from the cluster (keys-only reads, 300ms limit):
  source <(COMPLETE=bash esi)        # bash; COMPLETE=zsh|fish|elvish|powershell likewise

Examples:
  esi completions bash | head
  esi completions zsh > completions/_esi")]
pub struct Args {
    /// Shell to generate for
    pub shell: clap_complete::Shell,
}

/// `cmd` is the whole clap definition, handed in by the dispatcher.
pub fn run(a: Args, cmd: clap::Command) -> Result<Outcome> {
    crate::render::write_stdout(&script(a.shell, cmd))?;
    Ok(Outcome::OK)
}
