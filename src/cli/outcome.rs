//! What a command reports besides its output: the exit code to use.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome(pub i32);

impl Outcome {
    pub const OK: Outcome = Outcome(crate::exit::OK);
}
