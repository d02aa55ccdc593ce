//! `esi top`'s screen: pure drawing of a [`model::TopView`] and the UI state into a
//! ratatui frame (so tests draw into ratatui's test backend). Fits 80×24: header,
//! queue per type, in-flight jobs (the rest of the height), latest failures, the watch
//! event line and the keys. Without colour (NO_COLOR) nothing is styled.

pub mod model;

#[cfg(test)]
mod tests;

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Clear, Paragraph, Row, Table, Wrap};
use ratatui::Frame;

use model::{TopView, STAGES};

/// What the screen is doing besides the dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Normal,
    /// Typing the `/` filter.
    Filter,
    Help,
    /// A resource's `show` view, scrolled by `scroll` lines.
    Show {
        title: String,
        text: String,
        scroll: u16,
    },
    /// Asking whether to replay this job.
    Confirm {
        job: String,
    },
}

#[derive(Debug, Clone, Default)]
pub struct Ui {
    pub mode: Mode,
    /// Index of the selected job among the matching ones.
    pub selected: usize,
    pub filter: String,
    /// A message for the status line (a replay written, a refusal).
    pub status: Option<String>,
    pub color: bool,
}

impl Ui {
    fn style(&self, s: Style) -> Style {
        if self.color {
            s
        } else {
            Style::default()
        }
    }
}

/// Rows the job list has on a screen of this height (the layout below).
pub fn job_rows(height: u16, queue_rows: usize) -> usize {
    // Header, queue, the list's title and column lines, failures, event and key lines.
    let fixed = 1 + queue_height(queue_rows) + 2 + FAIL_HEIGHT + 2;
    usize::from(height.saturating_sub(fixed)).max(1)
}

const FAIL_HEIGHT: u16 = 5;

fn queue_height(rows: usize) -> u16 {
    // The title and column lines, and at most 6 types (the busiest: see `model::build`).
    (rows.clamp(1, 6) + 2) as u16
}

pub fn draw(f: &mut Frame, v: &TopView, ui: &Ui) {
    let [head, queue, jobs, fails, note, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(queue_height(v.queue.len())),
        Constraint::Min(4),
        Constraint::Length(FAIL_HEIGHT),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(f.area());
    header(f, head, v, ui);
    queue_table(f, queue, v, ui);
    job_table(f, jobs, v, ui);
    failures(f, fails, v, ui);
    let line = match (&ui.status, &v.note) {
        (Some(s), _) => s.clone(),
        (None, Some(n)) => format!("watch: {n}"),
        (None, None) => "watch: live".into(),
    };
    f.render_widget(Paragraph::new(line), note);
    f.render_widget(Paragraph::new(key_line(ui)), keys);
    match &ui.mode {
        Mode::Help => popup(f, "help", HELP, 0, ui),
        Mode::Show {
            title,
            text,
            scroll,
        } => popup(f, title, text, *scroll, ui),
        Mode::Confirm { job } => {
            let text = format!(
                "Replay job\n  {job}\nunder a new id (retry 0, dependencies recomputed)?\n\n  y: replay   n / Esc: cancel"
            );
            popup(f, "replay", &text, 0, ui)
        }
        _ => {}
    }
}

fn header(f: &mut Frame, area: Rect, v: &TopView, ui: &Ui) {
    let bold = ui.style(Style::default().add_modifier(Modifier::BOLD));
    let line = Line::from(vec![
        Span::styled("esi top", bold),
        // What matters first: a narrow terminal cuts the target, not the numbers.
        Span::raw(format!(
            "  rev {}  stuck {}  blocked {}  {}  {}",
            v.revision, v.stuck, v.blocked, v.manager, v.target
        )),
    ]);
    f.render_widget(Paragraph::new(line), area);
}

fn queue_table(f: &mut Frame, area: Rect, v: &TopView, ui: &Ui) {
    let head = Row::new([
        "TYPE", "WAIT", "READY", "WORK", "FIN", "UNQ", "ORPH", "FIN/m", "VERDICTS",
    ])
    .style(ui.style(Style::default().add_modifier(Modifier::BOLD)));
    let rows = v.queue.iter().map(|q| {
        let mut cells = vec![Cell::from(q.rtype.clone())];
        cells.extend(q.stages.iter().map(|n| Cell::from(n.to_string())));
        cells.push(Cell::from(q.finished_last_minute.to_string()));
        let bad = q.verdicts.contains("failed") || q.verdicts.contains("stuck");
        let style = if bad {
            ui.style(Style::default().fg(Color::Red))
        } else {
            Style::default()
        };
        cells.push(Cell::from(q.verdicts.clone()).style(style));
        Row::new(cells)
    });
    let widths = [
        Constraint::Length(14),
        Constraint::Length(6),
        Constraint::Length(6),
        Constraint::Length(6),
        Constraint::Length(6),
        Constraint::Length(4),
        Constraint::Length(4),
        Constraint::Length(5),
        Constraint::Min(10),
    ];
    debug_assert_eq!(widths.len(), STAGES.len() + 3);
    let t = Table::new(rows, widths)
        .header(head)
        .block(Block::default().borders(Borders::TOP).title(" queue "));
    f.render_widget(t, area);
}

fn job_table(f: &mut Frame, area: Rect, v: &TopView, ui: &Ui) {
    let title = match (ui.filter.is_empty(), ui.mode == Mode::Filter) {
        (_, true) => format!(" jobs in flight  /{}_ ", ui.filter),
        (true, false) => format!(" jobs in flight: {} (newest first) ", v.jobs_total),
        (false, false) => format!(" jobs in flight: {} matching /{} ", v.jobs_total, ui.filter),
    };
    let head = Row::new([
        "STAGE",
        "ACTION",
        "TYPE",
        "ID",
        "VER",
        "WORKER / WAITING ON",
    ])
    .style(ui.style(Style::default().add_modifier(Modifier::BOLD)));
    let sel = ui.style(Style::default().add_modifier(Modifier::REVERSED));
    let rows = v.jobs.iter().enumerate().map(|(i, j)| {
        let id: String = j.rid.chars().take(8).collect();
        let row = Row::new([
            j.stage.clone(),
            j.action.clone(),
            j.rtype.clone(),
            id,
            format!("v{}", j.version),
            j.detail.clone(),
        ]);
        if v.jobs_from + i == ui.selected {
            row.style(sel)
        } else {
            row
        }
    });
    let widths = [
        Constraint::Length(9),
        Constraint::Length(14),
        Constraint::Length(12),
        Constraint::Length(8),
        Constraint::Length(4),
        Constraint::Min(10),
    ];
    let t = Table::new(rows, widths)
        .header(head)
        // Without colour the selection is still visible: a marker, not only a style.
        .highlight_symbol("> ")
        .block(Block::default().borders(Borders::TOP).title(title));
    let mut state = ratatui::widgets::TableState::default();
    state.select(
        ui.selected
            .checked_sub(v.jobs_from)
            .filter(|i| *i < v.jobs.len()),
    );
    f.render_stateful_widget(t, area, &mut state);
}

fn failures(f: &mut Frame, area: Rect, v: &TopView, ui: &Ui) {
    let red = ui.style(Style::default().fg(Color::Red));
    let lines: Vec<Line> = if v.failures.is_empty() {
        vec![Line::from("none")]
    } else {
        v.failures
            .iter()
            .map(|x| {
                let id: String = x.rid.chars().take(12).collect();
                Line::from(vec![
                    Span::styled(format!("{} {id} ", x.rtype), red),
                    Span::raw(format!("{} {}", x.worker_state, x.reason)),
                ])
            })
            .collect()
    };
    let p = Paragraph::new(lines).block(
        Block::default()
            .borders(Borders::TOP)
            .title(" latest failures "),
    );
    f.render_widget(p, area);
}

fn key_line(ui: &Ui) -> String {
    match ui.mode {
        Mode::Filter => "type a type or part of an id · Enter apply · Esc clear".into(),
        Mode::Show { .. } => "↑/↓ scroll · Esc back · q quit".into(),
        Mode::Confirm { .. } => "y replay · n/Esc cancel".into(),
        _ => "↑/↓ j/k select · Enter show · r replay · / filter · ? help · q quit".into(),
    }
}

const HELP: &str = "\
↑ ↓  j k      select a job (PgUp/PgDn, g/G: page, top, bottom)
Enter         the selected job's resource, as `esi show` has it
r             replay the selected job (asks first; honours
              --read-only and the context's write policy; audited)
/             filter by type or a piece of the id (Esc clears)
?             this help
q  Esc        quit (the terminal is restored)

The view starts from one read at one revision and then follows
the watch; the bottom line says when it reconnected or had to
read again after a compaction.";

fn popup(f: &mut Frame, title: &str, text: &str, scroll: u16, ui: &Ui) {
    let area = f.area();
    let w = area.width.saturating_sub(4).max(10);
    let h = area.height.saturating_sub(4).max(5);
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    f.render_widget(Clear, r);
    let p = Paragraph::new(text.to_string())
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(format!(" {title} "))
                .border_style(ui.style(Style::default().fg(Color::Cyan))),
        );
    f.render_widget(p, r);
}
