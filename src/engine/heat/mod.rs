//! Orchestration backends: what turns a rendered Heat template into a stack (spec §4.1).
//!
//! The worker prepares a [`StackRequest`] (stack name, rendered HOT document, stack
//! parameters, timeout) and hands it to an [`Orchestrator`]; the outcome (status, reason,
//! outputs) is what it writes into heat_stacks, job_state and state. Two backends: the
//! simulated Heat (`sim`, evaluating templates with `hot`) and OpenStack Heat's REST API
//! (`openstack`, `--backend heat`).

pub mod hot;
pub mod openstack;
pub mod sim;

use async_trait::async_trait;

use crate::error::Result;
pub use crate::model::stack::{StackAction, StackOutcome, StackOutput, StackRequest};

/// A stack backend. `apply` returns `Ok` with a failed outcome for a stack that failed
/// (it is reported in the resource's state), and `Err` only when the backend itself
/// could not be used (the job is then released and re-queued).
#[async_trait]
pub trait Orchestrator: Send + Sync {
    fn name(&self) -> &'static str;

    async fn apply(&self, req: &StackRequest) -> Result<StackOutcome>;

    /// Called once the job's state is written. In a real deployment the collector agents
    /// react to the stack's monitoring targets on their own; a simulation does it here.
    async fn after_state(&self, _req: &StackRequest, _outcome: &StackOutcome) -> Result<()> {
        Ok(())
    }
}
