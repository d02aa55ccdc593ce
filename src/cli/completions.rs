//! `esi completions <shell>`: completion scripts generated from the clap definition.

use clap::CommandFactory;

use crate::cli::{Cli, Outcome};
use crate::error::Result;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Shell to generate for
    pub shell: clap_complete::Shell,
}

pub fn run(a: Args) -> Result<Outcome> {
    let mut buf = Vec::new();
    clap_complete::generate(a.shell, &mut Cli::command(), "esi", &mut buf);
    crate::render::write_stdout(&buf)?;
    Ok(Outcome::OK)
}
