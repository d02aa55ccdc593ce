//! docs/cookbook.md, executed: every ```sh block carries a `<!-- cookbook:test … -->`
//! marker (exit=N, stdout="…", stderr="…", stdin="…", repeatable) or
//! `<!-- cookbook:skip reason="…" -->`; tested blocks run in order, with bash -e -o
//! pipefail, `esi` on PATH and ESI_ENDPOINTS at a real etcd holding the sample plus two
//! faults (see the top of the cookbook).

use std::io::Write;
use std::process::{Command, Stdio};

use crate::generated::repo_path;
use crate::harness::{block_on, Etcd};

#[derive(Debug, Default)]
struct Block {
    line: usize,
    skip: bool,
    exit: i32,
    stdout: Vec<String>,
    stderr: Vec<String>,
    stdin: String,
    code: String,
}

/// `key="value with \"quotes\""` or `key=value` pairs.
fn attrs(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        let key: String =
            std::iter::from_fn(|| chars.next_if(|c| *c != '=' && !c.is_whitespace())).collect();
        if key.is_empty() || chars.next() != Some('=') {
            return out;
        }
        let mut val = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => val.extend(chars.next()),
                    '"' => break,
                    c => val.push(c),
                }
            }
        } else {
            val.extend(std::iter::from_fn(|| chars.next_if(|c| !c.is_whitespace())));
        }
        out.push((key, val));
    }
}

fn parse(md: &str) -> Vec<Block> {
    let lines: Vec<&str> = md.lines().collect();
    let mut blocks = Vec::new();
    let mut pending: Option<Block> = None;
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i].trim();
        if let Some(rest) = l.strip_prefix("<!-- cookbook:") {
            let rest = rest.trim_end_matches("-->").trim();
            let (verb, args) = rest.split_once(' ').unwrap_or((rest, ""));
            let mut b = Block {
                line: i + 1,
                skip: verb == "skip",
                ..Default::default()
            };
            assert!(
                verb == "test" || verb == "skip",
                "cookbook.md:{}: unknown marker {verb}",
                i + 1
            );
            for (k, v) in attrs(args) {
                match k.as_str() {
                    "exit" => b.exit = v.parse().expect("exit=N"),
                    "stdout" => b.stdout.push(v),
                    "stderr" => b.stderr.push(v),
                    "stdin" => b.stdin = v + "\n",
                    "reason" => {}
                    other => panic!("cookbook.md:{}: unknown attribute {other}", i + 1),
                }
            }
            pending = Some(b);
        } else if l.starts_with("```sh") {
            let mut b = pending.take().unwrap_or_else(|| {
                panic!(
                    "cookbook.md:{}: ```sh block without a cookbook:test/skip marker",
                    i + 1
                )
            });
            i += 1;
            while i < lines.len() && !lines[i].starts_with("```") {
                b.code.push_str(lines[i]);
                b.code.push('\n');
                i += 1;
            }
            blocks.push(b);
        } else if !l.is_empty() {
            assert!(
                pending.is_none(),
                "cookbook.md:{}: a marker must be followed by a ```sh block",
                i + 1
            );
        }
        i += 1;
    }
    blocks
}

/// The sample with the two faults the cookbook's recipes find (`--store sample-faults`).
fn load(etcd: &Etcd) {
    let store = block_on(etcd.store());
    block_on(esi::store::sample::populate_faults(store.as_ref())).unwrap();
}

#[test]
fn cookbook_examples_run_against_a_real_etcd() {
    let md = std::fs::read_to_string(repo_path("docs/cookbook.md")).unwrap();
    let blocks = parse(&md);
    assert!(blocks.iter().filter(|b| !b.skip).count() >= 8, "{blocks:?}");
    let etcd = Etcd::start();
    load(&etcd);
    let dir = tempfile::tempdir().unwrap();
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_esi"))
        .parent()
        .unwrap()
        .to_path_buf();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut failures = Vec::new();
    for b in blocks.iter().filter(|b| !b.skip) {
        let mut cmd = Command::new("bash");
        cmd.args(["-e", "-o", "pipefail", "-c", &b.code])
            .current_dir(dir.path());
        for (k, _) in std::env::vars() {
            if k.starts_with("ESI_")
                || k.starts_with("ETCDCTL_")
                || k == "NO_COLOR"
                || k == "RUST_LOG"
            {
                cmd.env_remove(k);
            }
        }
        cmd.env("PATH", &path)
            .env("ESI_ENDPOINTS", &etcd.endpoint)
            .env("ESI_COLOR", "never")
            .env("ESI_CONFIG", dir.path().join("no-config.toml"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("bash");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(b.stdin.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        let (code, stdout, stderr) = (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        );
        let mut why = Vec::new();
        if code != b.exit {
            why.push(format!("exit {code}, the doc says {}", b.exit));
        }
        why.extend(
            b.stdout
                .iter()
                .filter(|s| !stdout.contains(s.as_str()))
                .map(|s| format!("stdout lacks {s:?}")),
        );
        why.extend(
            b.stderr
                .iter()
                .filter(|s| !stderr.contains(s.as_str()))
                .map(|s| format!("stderr lacks {s:?}")),
        );
        if !why.is_empty() {
            failures.push(format!(
                "docs/cookbook.md:{}: {}\n--- code\n{}--- stdout\n{stdout}--- stderr\n{stderr}",
                b.line,
                why.join("; "),
                b.code
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn marker_attributes_parse() {
    let a = attrs(r#"exit=7 stdout="a \"b\" c" stdin=1"#);
    assert_eq!(
        a,
        [
            ("exit".into(), "7".into()),
            ("stdout".into(), "a \"b\" c".into()),
            ("stdin".into(), "1".into())
        ]
    );
}
