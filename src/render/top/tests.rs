//! Snapshots of `esi top`'s screen, drawn into ratatui's test backend at 80×24.

use ratatui::backend::TestBackend;
use ratatui::Terminal;

use super::model::{FailLine, JobLine, QueueRow, TopView};
use super::{draw, job_rows, Mode, Ui};

fn sample() -> TopView {
    TopView {
        target: "etcd http://127.0.0.1:2379".into(),
        revision: 4211,
        queue: vec![
            QueueRow {
                rtype: "network".into(),
                stages: [0, 1, 0, 0, 0, 0],
                finished_last_minute: 2,
                verdicts: "failed 1, in_sync 4".into(),
            },
            QueueRow {
                rtype: "port".into(),
                stages: [3, 1, 2, 0, 0, 0],
                finished_last_minute: 17,
                verdicts: "pending 4, working 2, in_sync 120".into(),
            },
        ],
        jobs: vec![
            JobLine {
                id: "modify:heat_worker:port:ddc14be4-3480:3:ab12c".into(),
                stage: "working".into(),
                action: "modify".into(),
                rtype: "port".into(),
                rid: "ddc14be4-3480-4e97-a978-817b18f9904c".into(),
                version: 3,
                detail: "6f1c2a9e ttl 8s".into(),
            },
            JobLine {
                id: "create:heat_worker:port:aa:1:x".into(),
                stage: "waiting".into(),
                action: "create".into(),
                rtype: "port".into(),
                rid: "aa01".into(),
                version: 1,
                detail: "on network:168c0000 v1".into(),
            },
        ],
        jobs_from: 0,
        jobs_total: 2,
        failures: vec![FailLine {
            rtype: "network".into(),
            rid: "168c0000-1111".into(),
            worker_state: "CREATE_FAILED".into(),
            reason: "quota exceeded".into(),
        }],
        manager: "manager 0b5e2c1d-7a1 ttl 9s".into(),
        stuck: 0,
        blocked: 1,
        note: None,
    }
}

fn screen(v: &TopView, ui: &Ui) -> String {
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| draw(f, v, ui)).unwrap();
    let buf = t.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let line: String = (0..buf.area.width)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Compare with the stored snapshot; ESI_UPDATE_GENERATED=1 rewrites it.
fn snapshot(name: &str, got: &str) {
    let path = format!(
        "{}/src/render/top/snapshots/{name}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    if std::env::var_os("ESI_UPDATE_GENERATED").is_some() {
        std::fs::create_dir_all(std::path::Path::new(&path).parent().unwrap()).unwrap();
        std::fs::write(&path, got).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        got, want,
        "screen {name} differs from {path} (ESI_UPDATE_GENERATED=1 rewrites it)"
    );
}

#[test]
fn dashboard_fits_80_by_24() {
    let s = screen(&sample(), &Ui::default());
    for want in [
        "esi top",
        "rev 4211",
        "manager 0b5e2c1d-7a1 ttl 9s",
        "port",
        "pending 4, working 2",
        "ddc14be4 ",
        "6f1c2a9e ttl 8s",
        "on network:168c0000 v1",
        "CREATE_FAILED quota exceeded",
        "watch: live",
        "q quit",
    ] {
        assert!(s.contains(want), "missing {want:?} in\n{s}");
    }
    snapshot("dashboard", &s);
}

#[test]
fn the_selection_is_marked_without_colour() {
    let ui = Ui {
        selected: 1,
        ..Default::default()
    };
    let s = screen(&sample(), &ui);
    let marked: Vec<&str> = s.lines().filter(|l| l.starts_with("> ")).collect();
    assert_eq!(marked.len(), 1, "{s}");
    assert!(marked[0].contains("waiting"), "{s}");
}

#[test]
fn help_confirm_and_filter_are_drawn() {
    let help = screen(
        &sample(),
        &Ui {
            mode: Mode::Help,
            ..Default::default()
        },
    );
    assert!(help.contains("replay the selected job"), "{help}");
    snapshot("help", &help);
    let ask = Ui {
        mode: Mode::Confirm {
            job: "modify:heat_worker:port:ddc14be4-3480:3:ab12c".into(),
        },
        ..Default::default()
    };
    let s = screen(&sample(), &ask);
    assert!(
        s.contains("y: replay") && s.contains("ddc14be4-3480:3:ab12c"),
        "{s}"
    );
    let typing = Ui {
        mode: Mode::Filter,
        filter: "net".into(),
        ..Default::default()
    };
    assert!(screen(&sample(), &typing).contains("/net_"));
}

#[test]
fn a_watch_note_replaces_live() {
    let mut v = sample();
    v.note = Some("2026-12-02T10:00:00Z watch reconnecting from revision 4212".into());
    assert!(screen(&v, &Ui::default()).contains("watch: 2026-12-02T10:00:00Z watch reconnecting"));
}

#[test]
fn job_rows_fill_the_rest_of_the_screen() {
    // 24 lines, 2 types: header 1, queue 4, list title+head 2, failures 5, 2 lines.
    assert_eq!(job_rows(24, 2), 10);
    assert_eq!(job_rows(5, 2), 1);
}
