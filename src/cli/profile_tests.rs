//! Profiles: precedence of flags, ESI_*, ETCDCTL_*, the context and defaults; the config file.

use super::*;
use clap::Parser;

fn globals(args: &[&str]) -> GlobalArgs {
    let mut argv = vec!["esi"];
    argv.extend_from_slice(args);
    argv.extend_from_slice(&["completions", "bash"]);
    crate::cli::Cli::try_parse_from(argv).unwrap().global
}

const FILE: &str = r#"
# operators' contexts
current-context = "staging"

[contexts.staging]
endpoints = ["http://stg-1:2379", "http://stg-2:2379"]
user = "ops:hunter2"
output = "json"
dial_timeout = "1s"

[contexts.prod]
endpoints = ["https://prod:2379"]
cacert = "/etc/esi/ca.pem"
password = "s3cret"
user = "root"
read_only = true
confirm = "always"
"#;

fn file() -> ConfigFile {
    ConfigFile::parse(FILE, Path::new("config.toml")).unwrap()
}

fn no_env(_: &str) -> Option<String> {
    None
}

#[test]
fn current_context_applies_when_nothing_else_is_given() {
    let s = resolve(&globals(&[]), &file(), None, &no_env).unwrap();
    assert_eq!(s.context.as_deref(), Some("staging"));
    assert_eq!(s.etcd.endpoints, ["http://stg-1:2379", "http://stg-2:2379"]);
    assert_eq!(s.output, OutputFormat::Json);
    assert_eq!(s.etcd.dial_timeout, Duration::from_secs(1));
    assert_eq!(s.etcd.command_timeout, DEFAULT_COMMAND_TIMEOUT);
    assert_eq!(s.sources["endpoints"], Source::Context("staging".into()));
    assert_eq!(s.sources["command_timeout"], Source::Default);
    assert!(!s.read_only);
    assert_eq!(s.confirm, Confirm::Tty);
}

#[test]
fn flag_beats_etcdctl_beats_context_beats_default() {
    let env = |k: &str| (k == "ETCDCTL_ENDPOINTS").then(|| "http://etcdctl:2379".to_string());
    let f = file();
    let s = resolve(
        &globals(&["--endpoints", "http://flag:2379"]),
        &f,
        None,
        &env,
    )
    .unwrap();
    assert_eq!(s.etcd.endpoints, ["http://flag:2379"]);
    assert!(s.shadowed.is_empty());
    let s = resolve(&globals(&[]), &f, None, &env).unwrap();
    assert_eq!(s.etcd.endpoints, ["http://etcdctl:2379"]);
    assert_eq!(s.shadowed, ["ETCDCTL_ENDPOINTS"]);
    let s = resolve(&globals(&["--context", "prod"]), &f, None, &no_env).unwrap();
    assert_eq!(s.etcd.endpoints, ["https://prod:2379"]);
    let s = resolve(&globals(&[]), &ConfigFile::default(), None, &no_env).unwrap();
    assert_eq!(s.etcd.endpoints, [DEFAULT_ENDPOINT]);
    assert_eq!(s.context, None);
}

#[test]
fn read_only_is_sticky_and_confirm_comes_from_the_context() {
    let s = resolve(
        &globals(&["--context", "prod", "-o", "yaml"]),
        &file(),
        None,
        &no_env,
    )
    .unwrap();
    assert!(s.read_only);
    assert_eq!(s.confirm, Confirm::Always);
    assert_eq!(s.output, OutputFormat::Yaml);
    assert_eq!(s.etcd.cacert.as_deref(), Some(Path::new("/etc/esi/ca.pem")));
    let s = resolve(&globals(&["--read-only"]), &file(), None, &no_env).unwrap();
    assert!(s.read_only);
}

#[test]
fn unknown_context_is_a_usage_error_with_a_suggestion() {
    let e = resolve(&globals(&["--context", "prd"]), &file(), None, &no_env).unwrap_err();
    assert_eq!(e.exit_code(), crate::exit::USAGE);
    assert!(e.to_string().contains("did you mean `prod`"), "{e}");
}

#[test]
fn typos_and_bad_values_in_the_file_are_invalid_data() {
    for bad in [
        "[contexts.p]\nreadonly = true\n",
        "[contexts.p]\nconfirm = \"sometimes\"\n",
        "[contexts.p]\noutput = \"xml\"\n",
        "[contexts.p]\ndial_timeout = \"soon\"\n",
        "current-context = [",
    ] {
        let e = ConfigFile::parse(bad, Path::new("c.toml")).unwrap_err();
        assert_eq!(e.exit_code(), crate::exit::INVALID_DATA, "{bad}: {e}");
    }
}

#[test]
fn redaction_hides_both_password_forms() {
    let f = file();
    let p = f.contexts["prod"].redacted();
    assert_eq!(p.password.as_deref(), Some(REDACTED));
    assert_eq!(p.user.as_deref(), Some("root"));
    let s = f.contexts["staging"].redacted();
    assert_eq!(s.user.as_deref(), Some("ops:<redacted>"));
}

#[test]
fn set_current_context_keeps_comments_and_other_keys() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("esi").join("config.toml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, FILE).unwrap();
    set_current_context(&path, "prod").unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("# operators' contexts"));
    assert!(text.contains("current-context = \"prod\""));
    assert_eq!(text.matches("current-context").count(), 1);
    assert_eq!(ConfigFile::load(&path).unwrap().contexts.len(), 2);
    let e = set_current_context(&path, "nope").unwrap_err();
    assert_eq!(e.exit_code(), crate::exit::USAGE);

    // No current-context line yet: one is added at the top.
    let path2 = dir.path().join("c2.toml");
    std::fs::write(&path2, "[contexts.a]\nendpoints = [\"http://a:2379\"]\n").unwrap();
    set_current_context(&path2, "a").unwrap();
    assert_eq!(
        ConfigFile::load(&path2).unwrap().current_context.as_deref(),
        Some("a")
    );
}

#[test]
fn write_gate_table() {
    use Gate::*;
    let g = |ro, c, yes, tty, ok: Option<&str>| write_gate(ro, c, Some("prod"), yes, tty, ok);
    assert!(matches!(
        g(true, Confirm::Never, true, true, None),
        Refuse(_)
    ));
    assert_eq!(g(false, Confirm::Never, false, false, None), Write);
    assert_eq!(g(false, Confirm::Tty, true, false, None), Write);
    assert_eq!(g(false, Confirm::Tty, false, true, None), Prompt);
    assert!(matches!(
        g(false, Confirm::Tty, false, false, None),
        Refuse(_)
    ));
    // always: --yes alone is never enough
    assert_eq!(g(false, Confirm::Always, true, true, None), Prompt);
    assert!(matches!(
        g(false, Confirm::Always, true, false, None),
        Refuse(_)
    ));
    assert!(matches!(
        g(false, Confirm::Always, true, false, Some("1")),
        Refuse(_)
    ));
    assert!(matches!(
        g(false, Confirm::Always, false, false, Some("prod")),
        Refuse(_)
    ));
    assert_eq!(g(false, Confirm::Always, true, false, Some("prod")), Write);
    assert_eq!(g(false, Confirm::Always, true, true, Some("prod")), Write);
}
