//! `esi top`: a live terminal dashboard of the fleet (the loop is in `cli::tui`, the
//! screen in `render::top`, the live view in `query::live`).

use crate::cli::context::Context;
use crate::cli::outcome::Outcome;
use crate::error::Result;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
One read of the whole fleet at one revision, then the watch keeps the screen current
(redrawn at most 10 times a second). Shows the queue per type (waiting, ready, working,
finished, unqueued, orphaned, finished in the last minute, verdicts), the jobs in
flight newest first (worker and lease TTL, or what a waiting job waits on), the latest
failures, who holds the job manager election, and when the watch reconnected or had
to read again after a compaction.

Keys: ↑/↓ j/k select · Enter show the resource · r replay the job (asks; honours
--read-only and the context's write policy; audited) · / filter by type or id ·
? help · q/Esc quit. Needs a terminal (exit 2 without one); honours NO_COLOR.

Examples:
  esi top
  esi --context prod --read-only top")]
pub struct Args {}

pub async fn run(ctx: &Context, _a: Args) -> Result<Outcome> {
    crate::cli::tui::run(ctx).await
}
