//! Every write goes through here: read-only mode refuses, a terminal asks, a script
//! needs `--yes`; a context's `confirm` policy tightens or relaxes that
//! ([`crate::cli::profile::write_gate`] holds the table).

use crate::cli::context::Context;
use crate::cli::profile::{self, Confirm, Gate};
use crate::error::{EsiError, Result};

/// Ask before writing. `what` says in one line what will be written; `detail` (the
/// transaction) is shown with -v, and always in a refusal.
pub fn confirm_write(ctx: &Context, what: &str, detail: &str) -> Result<()> {
    confirm_asking(ctx, what, detail, None)
}

/// [`confirm_write`] with the question asked at the prompt (default: "Write this to
/// <target>?").
pub fn confirm_asking(
    ctx: &Context,
    what: &str,
    detail: &str,
    question: Option<&str>,
) -> Result<()> {
    ctx.refuse_offline("writes")?;
    let always_ok = std::env::var(profile::CONFIRM_ALWAYS_OK).ok();
    let gate = profile::write_gate(
        ctx.read_only,
        ctx.confirm,
        ctx.context.as_deref(),
        ctx.yes,
        ctx.interactive(),
        always_ok.as_deref(),
    );
    match gate {
        Gate::Write => Ok(()),
        Gate::Refuse(why) => Err(EsiError::Refused(format!("{why}\n{what}:\n{detail}"))),
        Gate::Prompt => {
            // Shown even with -q: it is what the operator is asked to confirm.
            crate::render::note(what);
            if ctx.verbose > 0 && !detail.is_empty() {
                crate::render::note(detail);
            }
            if ctx.yes && ctx.confirm == Confirm::Always {
                ctx.note(&format!(
                    "context `{}` has confirm = \"always\": --yes alone does not skip this prompt",
                    ctx.context.as_deref().unwrap_or_default()
                ));
            }
            let target = match &ctx.context {
                Some(c) => format!("{} (context {c})", ctx.store().describe()),
                None => ctx.store().describe(),
            };
            let prompt = match question {
                Some(q) => format!("{q} (into {target})"),
                None => format!("Write this to {target}?"),
            };
            let ok = dialoguer::Confirm::new()
                .with_prompt(prompt)
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
    }
}
