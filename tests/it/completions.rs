//! Shell completions: the committed scripts match the clap definition and load in bash;
//! the completion candidates (types, ids, job ids) come from a real etcd.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::process::Command;

use esi::cli::candidates::{self, Kind};
use esi::cli::completions::{script, FILES};
use esi::model::registry::Registry;

use crate::generated::{check_dir, repo_path};
use crate::harness::{block_on, Etcd};

#[test]
fn generated_completions_match_the_code() {
    let files: BTreeMap<String, Vec<u8>> = FILES
        .iter()
        .map(|(shell, name)| {
            (
                name.to_string(),
                script(*shell, <esi::cli::Cli as clap::CommandFactory>::command()),
            )
        })
        .collect();
    check_dir("completions", &files);
}

/// Source the committed bash script and ask it to complete like bash would.
fn bash_complete(line: &str) -> Vec<String> {
    let words: Vec<&str> = line.split(' ').collect();
    let script = format!(
        "source {}; complete -p esi >/dev/null || exit 9; COMP_WORDS=({}); COMP_CWORD={}; \
         COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}; _esi esi '{}' '{}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        repo_path("completions/esi.bash").display(),
        words.iter().map(|w| format!("'{w}'")).collect::<Vec<_>>().join(" "),
        words.len() - 1,
        words[words.len() - 1],
        words[words.len().saturating_sub(2)],
    );
    let out = Command::new("bash")
        .arg("-c")
        .arg(&script)
        .output()
        .expect("bash");
    assert!(
        out.status.success(),
        "bash completion failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn bash_completion_loads_and_completes_subcommands_and_flags() {
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "source {} && complete -p esi",
            repo_path("completions/esi.bash").display()
        ))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("esi"));

    let subs = bash_complete("esi sh");
    assert!(subs.contains(&"show".to_string()), "{subs:?}");
    // Subcommands first: flags are offered once a `-` is typed.
    let top = bash_complete("esi ");
    assert!(
        top.contains(&"check".to_string()) && top.contains(&"replay".to_string()),
        "{top:?}"
    );
    assert!(top.iter().all(|w| !w.starts_with('-')), "{top:?}");
    let dashed = bash_complete("esi --st");
    assert_eq!(dashed, vec!["--store".to_string()]);
    let snap = bash_complete("esi snapshot ");
    assert!(
        snap.contains(&"save".to_string()) && snap.contains(&"load".to_string()),
        "{snap:?}"
    );
    let flags = bash_complete("esi show --con");
    assert!(flags.contains(&"--context".to_string()), "{flags:?}");
    let shells = bash_complete("esi completions ");
    for s in ["bash", "zsh", "fish", "powershell", "elvish"] {
        assert!(shells.contains(&s.to_string()), "{shells:?}");
    }
}

#[test]
fn other_shells_parse_their_script_when_installed() {
    // Syntax checks only where the shell exists on this machine (bash is always there).
    for (shell, file, args) in [
        ("zsh", "_esi", vec!["-n"]),
        ("fish", "esi.fish", vec!["--no-execute"]),
    ] {
        if Command::new(shell).arg("--version").output().is_err() {
            continue;
        }
        let mut cmd = Command::new(shell);
        cmd.args(&args)
            .arg(repo_path(&format!("completions/{file}")));
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{shell}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

fn sample_etcd() -> Etcd {
    let etcd = Etcd::start();
    block_on(async {
        let store = etcd.store().await;
        esi::store::sample::populate(store.as_ref()).await.unwrap();
    });
    etcd
}

#[test]
fn completion_candidates_come_from_etcd() {
    let etcd = sample_etcd();
    let reg = Registry::builtin();
    block_on(async {
        let store = etcd.store().await;
        let ids = candidates::complete_ids(store.as_ref(), &reg, "port", "d")
            .await
            .unwrap();
        assert_eq!(
            ids,
            [esi::store::sample::PORT_USER, esi::store::sample::PORT_MGMT]
        );
        let ids = candidates::complete_ids(store.as_ref(), &reg, "ports", "")
            .await
            .unwrap();
        assert_eq!(ids.len(), 3);
        let ids = candidates::complete_ids(store.as_ref(), &reg, "vnf_instance", "x")
            .await
            .unwrap();
        assert!(ids.is_empty());
        let jobs = candidates::complete_job_ids(store.as_ref(), "logical_delete:")
            .await
            .unwrap();
        assert_eq!(jobs.len(), 1, "{jobs:?}");
        assert!(jobs[0].contains(esi::store::sample::PORT_USER));
    });

    // The whole path a shell takes: parse the line, connect with its flags, read.
    let words = |s: &str| -> Vec<OsString> { s.split(' ').map(OsString::from).collect() };
    let ep = &etcd.endpoint;
    let got = candidates::candidates(
        Kind::Id,
        &words(&format!("esi --endpoints {ep} show port dd")),
        0,
        "dd",
    );
    assert_eq!(got, [esi::store::sample::PORT_MGMT]);
    let got = candidates::candidates(
        Kind::Latest,
        &words(&format!(
            "esi --endpoints {ep} replay job --latest vnf_instance "
        )),
        1,
        "",
    );
    assert_eq!(got, [esi::store::sample::VNF_INSTANCE]);
    let got = candidates::candidates(
        Kind::JobId,
        &words(&format!("esi --endpoints {ep} job show ")),
        0,
        "",
    );
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn completion_against_a_stopped_etcd_is_silent_and_quick() {
    let mut etcd = Etcd::start();
    let ep = etcd.endpoint.clone();
    etcd.kill();
    let started = std::time::Instant::now();
    let line: Vec<OsString> = format!("esi --endpoints {ep} show port ")
        .split(' ')
        .map(OsString::from)
        .collect();
    assert!(candidates::candidates(Kind::Id, &line, 0, "").is_empty());
    assert!(
        started.elapsed() < std::time::Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}

/// `COMPLETE=bash esi -- <words>`: what the registered bash function runs on <TAB>.
#[cfg(feature = "dynamic-completion")]
mod dynamic {
    use super::*;
    use crate::harness::Esi;

    fn complete(etcd: &Etcd, words: &[&str]) -> Vec<String> {
        let index = words.len() - 1;
        let run = Esi::new()
            .env("COMPLETE", "bash")
            .env("_CLAP_COMPLETE_INDEX", &index.to_string())
            .env("ESI_ENDPOINTS", &etcd.endpoint)
            .args(["--"])
            .args(words)
            .run()
            .ok();
        // With an empty word clap also offers the flags; keep the values.
        run.stdout
            .lines()
            .map(String::from)
            .filter(|l| !l.is_empty() && !l.starts_with('-'))
            .collect()
    }

    #[test]
    fn dynamic_completion_of_ids_types_and_jobs() {
        let etcd = sample_etcd();
        let ids = complete(&etcd, &["esi", "show", "port", "dd"]);
        assert_eq!(ids, [esi::store::sample::PORT_MGMT]);
        let ids = complete(&etcd, &["esi", "history", "vnf_instance", ""]);
        assert_eq!(ids, [esi::store::sample::VNF_INSTANCE]);
        let types = complete(&etcd, &["esi", "ls", "load_balancer_p"]);
        assert_eq!(types, ["load_balancer_plan"]);
        let jobs = complete(&etcd, &["esi", "replay", "job", "logical"]);
        assert_eq!(jobs.len(), 1, "{jobs:?}");
        let jobs = complete(&etcd, &["esi", "job", "show", "logical"]);
        assert_eq!(jobs.len(), 1, "{jobs:?}");
        let latest = complete(&etcd, &["esi", "replay", "job", "--latest", "port", "23"]);
        assert_eq!(latest, [esi::store::sample::PORT_SERVICE]);
        // The registration script names the binary.
        let reg = Esi::new().env("COMPLETE", "bash").run().ok();
        assert!(reg.stdout.contains("complete -o"), "{}", reg.stdout);
    }
}
