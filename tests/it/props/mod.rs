//! Property tests over every decoder and every input esi reads: arbitrary bytes and
//! structure-aware mutations of real-shaped values. The rule everywhere: no panic, every
//! error names its key or file, and decode → encode round trips where an encoder exists.
//!
//! Each property runs a fixed number of cases: `ESI_FUZZ_CASES` per property (CI uses
//! the default, 256), divided by the property's weight (the slow ones, which write files
//! or walk a store, run fewer). `ESI_FUZZ_SEED` fixes the random stream, so a failure
//! printed by `scripts/fuzz.sh` reproduces exactly. `ESI_FUZZ_REPORT` names a file each
//! property appends `name cases failures` to, for the script's total.

mod gen;
mod inputs;
mod values;

use std::io::Write;

use proptest::strategy::Strategy;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok())
}

/// Run `test` on `cases / weight` values of `strategy`; panic with the (shrunk) failing
/// input and the command that reproduces it.
pub fn check<S: Strategy>(
    name: &str,
    weight: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S::Value: std::fmt::Debug,
{
    let per = env_u64("ESI_FUZZ_CASES").unwrap_or(256);
    let cases = (per / u64::from(weight)).clamp(1, u64::from(u32::MAX)) as u32;
    let seed = env_u64("ESI_FUZZ_SEED").unwrap_or_else(|| {
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        t.as_nanos() as u64 ^ u64::from(std::process::id())
    });
    let mut seed_bytes = [0u8; 32];
    seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
    seed_bytes[8..16].copy_from_slice(&crc(name).to_le_bytes());
    let mut config = Config::with_cases(cases);
    config.failure_persistence = None;
    config.max_shrink_iters = 4096;
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes);
    let mut runner = TestRunner::new_with_rng(config, rng);
    let result = runner.run(&strategy, test);
    report(name, cases, result.is_err());
    if let Err(e) = result {
        panic!(
            "property {name} failed: {e}\nreproduce: ESI_FUZZ_SEED={seed} ESI_FUZZ_CASES={per} \
             cargo test --release --test it props:: -- {name}"
        );
    }
}

/// A name's own stream, so properties do not share one (FNV-1a).
fn crc(name: &str) -> u64 {
    name.bytes().fold(0xcbf29ce484222325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100000001b3)
    })
}

fn report(name: &str, cases: u32, failed: bool) {
    let Ok(path) = std::env::var("ESI_FUZZ_REPORT") else {
        return;
    };
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .expect("ESI_FUZZ_REPORT is writable");
    // One short write per line: appends from parallel tests do not interleave.
    f.write_all(format!("{name} {cases} {}\n", u8::from(failed)).as_bytes())
        .expect("report line written");
}

/// `prop_assert!` for a condition with a message built only on failure.
pub fn ensure(ok: bool, why: impl FnOnce() -> String) -> Result<(), TestCaseError> {
    if ok {
        Ok(())
    } else {
        Err(TestCaseError::fail(why()))
    }
}
