//! Generated files committed to the repository (completions/, docs/man/, docs/*.md):
//! each test regenerates them from the code and compares. `ESI_UPDATE_GENERATED=1 cargo
//! test --test it` rewrites them instead.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub fn repo_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn updating() -> bool {
    std::env::var_os("ESI_UPDATE_GENERATED").is_some_and(|v| !v.is_empty() && v != "0")
}

const HOW: &str = "regenerate with: ESI_UPDATE_GENERATED=1 cargo test --test it generated_";

/// Compare (or with ESI_UPDATE_GENERATED=1, write) one generated file.
#[track_caller]
pub fn check_file(rel: &str, want: &[u8]) {
    let path = repo_path(rel);
    if updating() {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).unwrap();
        }
        if std::fs::read(&path).ok().as_deref() != Some(want) {
            std::fs::write(&path, want).unwrap();
            eprintln!("updated {rel}");
        }
        return;
    }
    let have = std::fs::read(&path).unwrap_or_default();
    if have != want {
        let have = String::from_utf8_lossy(&have);
        let want = String::from_utf8_lossy(want);
        let first = have
            .lines()
            .zip(want.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(have.lines().count().min(want.lines().count()));
        panic!(
            "{rel} is out of date with the code (first difference at line {}):\n  committed: {:?}\n  generated: {:?}\n{HOW}",
            first + 1,
            have.lines().nth(first).unwrap_or("<end of file>"),
            want.lines().nth(first).unwrap_or("<end of file>"),
        );
    }
}

/// A directory of generated files: every file compared, stale extra files reported (or
/// removed when updating).
#[track_caller]
pub fn check_dir(rel_dir: &str, files: &BTreeMap<String, Vec<u8>>) {
    for (name, bytes) in files {
        check_file(&format!("{rel_dir}/{name}"), bytes);
    }
    let dir = repo_path(rel_dir);
    let stale: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| {
                    let name = p.file_name().unwrap().to_string_lossy().into_owned();
                    !files.contains_key(&name)
                })
                .collect()
        })
        .unwrap_or_default();
    if updating() {
        for p in &stale {
            std::fs::remove_file(p).unwrap();
            eprintln!("removed {}", p.display());
        }
    } else {
        assert!(
            stale.is_empty(),
            "{rel_dir} has files the code no longer generates: {stale:?}\n{HOW}"
        );
    }
}
