//! The layout rules of docs/architecture.md, checked on the source tree so they stay true:
//! every file opens with a `//!` comment, no file over 600 lines and no function over 100
//! outside tests, no import circle between files, `model/` imports nothing of the rest,
//! and commands import `crate::engine` only where they run the daemon.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const MAX_FILE_LINES: usize = 600;
const MAX_FN_LINES: usize = 100;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Test files are exempt from the size rules (long tables of cases read best whole).
fn is_test_file(rel: &str) -> bool {
    rel.ends_with("_tests.rs") || rel.ends_with("/tests.rs") || rel.contains("/tests/")
}

fn files() -> Vec<(String, String)> {
    let mut paths = Vec::new();
    rust_files(&src(), &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(src())
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// The text before the first inline `#[cfg(test)] mod tests {` block.
fn non_test(text: &str) -> &str {
    match text.find("#[cfg(test)]\nmod tests {") {
        Some(i) => &text[..i],
        None => text,
    }
}

/// A line with string and char literals and `//` comments blanked, for brace counting.
fn code_of(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                while let Some(d) = chars.next() {
                    match d {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
                out.push_str("\"\"");
            }
            '\'' => {
                // A char literal ('x', '\n', '{') or a lifetime ('a): skip a literal only.
                let rest: String = chars.clone().take(4).collect();
                let len = if rest.starts_with('\\') {
                    rest.find('\'').map(|i| i + 1)
                } else if rest.chars().nth(1) == Some('\'') {
                    Some(2)
                } else {
                    None
                };
                if let Some(n) = len {
                    for _ in 0..n {
                        chars.next();
                    }
                }
                out.push(' ');
            }
            '/' if chars.peek() == Some(&'/') => break,
            _ => out.push(c),
        }
    }
    out
}

/// (name, first line, length) of every function with a body.
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim_start();
        let t = t
            .strip_prefix("pub(crate) ")
            .or(t.strip_prefix("pub(super) "))
            .unwrap_or(t);
        let t = t.strip_prefix("pub ").unwrap_or(t);
        let t = t.strip_prefix("async ").unwrap_or(t);
        let Some(rest) = t.strip_prefix("fn ") else {
            continue;
        };
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let (mut depth, mut started) = (0i32, false);
        for (j, l2) in lines.iter().enumerate().skip(i) {
            let code = code_of(l2);
            if !started && code.trim_end().ends_with(';') {
                break;
            }
            for c in code.chars() {
                match c {
                    '{' => {
                        depth += 1;
                        started = true;
                    }
                    '}' => depth -= 1,
                    _ => {}
                }
            }
            if started && depth == 0 {
                out.push((name.clone(), i + 1, j - i + 1));
                break;
            }
        }
    }
    out
}

#[test]
fn every_file_opens_with_a_doc_comment() {
    let missing: Vec<String> = files()
        .into_iter()
        .filter(|(_, t)| !t.trim_start().starts_with("//!"))
        .map(|(f, _)| f)
        .collect();
    assert!(
        missing.is_empty(),
        "files without a //! comment: {missing:?}"
    );
}

#[test]
fn no_file_or_function_is_too_long() {
    let mut long = Vec::new();
    for (f, text) in files().into_iter().filter(|(f, _)| !is_test_file(f)) {
        let code = non_test(&text);
        let n = code.lines().count();
        if n > MAX_FILE_LINES {
            long.push(format!("{f}: {n} lines"));
        }
        for (name, at, len) in functions(code) {
            if len > MAX_FN_LINES {
                long.push(format!("{f}:{at} fn {name}: {len} lines"));
            }
        }
    }
    assert!(
        long.is_empty(),
        "over the limits ({MAX_FILE_LINES} lines a file, {MAX_FN_LINES} a function): {long:#?}"
    );
}

/// The module path of a file: `model/verdict.rs` → [model, verdict].
fn module_of(rel: &str) -> Vec<String> {
    let mut p: Vec<String> = rel
        .trim_end_matches(".rs")
        .split('/')
        .map(String::from)
        .collect();
    if p.last()
        .is_some_and(|l| l == "mod" || l == "lib" || l == "main")
    {
        p.pop();
    }
    p
}

/// Which files each file imports: `crate::a::b::…` and `super::…` paths (outside comments
/// and tests), resolved to the deepest module file; `use child::…` in a `mod.rs`.
fn import_graph() -> BTreeMap<String, BTreeSet<String>> {
    let files: Vec<(String, String)> = files()
        .into_iter()
        .filter(|(f, _)| !is_test_file(f))
        .collect();
    let by_module: BTreeMap<Vec<String>, String> = files
        .iter()
        .map(|(f, _)| (module_of(f), f.clone()))
        .collect();
    let resolve = |parts: &[String]| -> Option<String> {
        (1..=parts.len())
            .rev()
            .find_map(|n| by_module.get(&parts[..n]).cloned())
    };
    let path_re = regex::Regex::new(r"\b(crate|super)((?:::[a-z_][a-z0-9_]*)+)").unwrap();
    let child_re = regex::Regex::new(r"(?m)^\s*(?:pub )?use ([a-z_][a-z0-9_]*)::").unwrap();
    let mut graph = BTreeMap::new();
    for (f, text) in &files {
        let code: String = non_test(text).lines().map(|l| code_of(l) + "\n").collect();
        let me = module_of(f);
        let is_mod = f.ends_with("mod.rs") || f == "lib.rs";
        let mut deps = BTreeSet::new();
        for c in path_re.captures_iter(&code) {
            let rest: Vec<String> = c[2]
                .trim_start_matches("::")
                .split("::")
                .map(String::from)
                .collect();
            let mut parts = if &c[1] == "crate" {
                vec![]
            } else {
                // `super` is the parent module, for a mod.rs and a plain file alike.
                me[..me.len().saturating_sub(1)].to_vec()
            };
            parts.extend(rest);
            if let Some(t) = resolve(&parts) {
                deps.insert(t);
            }
        }
        if is_mod {
            for c in child_re.captures_iter(&code) {
                let mut parts = me.clone();
                parts.push(c[1].to_string());
                if by_module.contains_key(&parts) {
                    deps.insert(by_module[&parts].clone());
                }
            }
        }
        deps.remove(f);
        graph.insert(f.clone(), deps);
    }
    graph
}

#[test]
fn no_import_circles_between_files() {
    let graph = import_graph();
    // Every file reachable from `f` that also reaches back to it is in a circle with it.
    let reach = |from: &String| -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.clone()];
        while let Some(n) = todo.pop() {
            for d in graph.get(&n).into_iter().flatten() {
                if seen.insert(d.clone()) {
                    todo.push(d.clone());
                }
            }
        }
        seen
    };
    let circles: Vec<String> = graph
        .keys()
        .filter(|f| reach(f).contains(*f))
        .cloned()
        .collect();
    assert!(
        circles.is_empty(),
        "files in an import circle: {circles:#?}"
    );
}

#[test]
fn layers_import_only_what_is_above_them() {
    let graph = import_graph();
    let mut wrong = Vec::new();
    for (f, deps) in &graph {
        for d in deps {
            let bad = (f.starts_with("model/")
                && [
                    "store/",
                    "query/",
                    "protocol/",
                    "engine/",
                    "render/",
                    "cli/",
                ]
                .iter()
                .any(|l| d.starts_with(l)))
                || (f.starts_with("cli/commands/")
                    && d.starts_with("engine/")
                    // The daemons' own commands: the engine, the demo running it, the exporter.
                    && ![
                        "cli/commands/engine.rs",
                        "cli/commands/demo.rs",
                        "cli/commands/exporter.rs",
                    ]
                    .contains(&f.as_str()));
            if bad {
                wrong.push(format!("{f} imports {d}"));
            }
        }
    }
    assert!(wrong.is_empty(), "imports against the layering: {wrong:#?}");
}

#[test]
fn the_checks_see_real_functions_and_imports() {
    // Guard the checks themselves: they must find what is known to be there.
    let verdict = std::fs::read_to_string(src().join("model/verdict.rs")).unwrap();
    let fns = functions(&verdict);
    assert!(fns.iter().any(|(n, _, len)| n == "compute" && *len > 5));
    let graph = import_graph();
    assert!(graph["model/verdict.rs"].contains("model/resource.rs"));
    assert!(graph["cli/commands/show.rs"].contains("cli/context.rs"));
    assert_eq!(code_of(r#"let c = '{'; "}" // {"#), "let c =  ; \"\" ");
}
