//! Every write goes through here: `--read-only` refuses, a terminal asks, a script
//! needs `--yes`.

use crate::cli::Context;
use crate::error::{EsiError, Result};

/// Ask before writing. `what` lists what will be written (keys, action, version).
pub fn confirm_write(ctx: &Context, what: &str) -> Result<()> {
    if ctx.read_only {
        return Err(EsiError::Refused(format!(
            "read-only mode (--read-only / ESI_READ_ONLY): not writing\n{what}"
        )));
    }
    if ctx.yes {
        return Ok(());
    }
    if !ctx.interactive() {
        return Err(EsiError::Refused(format!(
            "no terminal to confirm this write; re-run with --yes to write:\n{what}"
        )));
    }
    eprintln!("{what}");
    let ok = dialoguer::Confirm::new()
        .with_prompt(format!("Write this to {}?", ctx.store().describe()))
        .default(false)
        .interact()
        .map_err(|e| EsiError::Refused(format!("confirmation failed: {e}")))?;
    if ok {
        Ok(())
    } else {
        Err(EsiError::Refused(
            "declined at the prompt; nothing written".into(),
        ))
    }
}
