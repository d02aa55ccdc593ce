//! `esi top`'s keys: one key press and the UI state in, the new state and what the loop
//! must do out (pure, so every key is unit-tested without a terminal).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::render::top::{Mode, Ui};

/// What the loop does after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    None,
    Quit,
    /// Open the `show` view of the selected job's resource.
    Show,
    /// Ask to replay the selected job.
    AskReplay,
    /// The operator confirmed: replay this job.
    Replay(String),
}

/// Apply a key. `total` is how many jobs match the filter, `page` the rows on screen.
pub fn on_key(ui: &mut Ui, k: KeyEvent, total: usize, page: usize) -> Action {
    if k.modifiers.contains(KeyModifiers::CONTROL) && k.code == KeyCode::Char('c') {
        return Action::Quit;
    }
    match ui.mode.clone() {
        Mode::Filter => {
            match k.code {
                KeyCode::Enter => ui.mode = Mode::Normal,
                KeyCode::Esc => {
                    ui.filter.clear();
                    ui.mode = Mode::Normal;
                }
                KeyCode::Backspace => {
                    ui.filter.pop();
                }
                KeyCode::Char(c) => ui.filter.push(c),
                _ => {}
            }
            ui.selected = 0;
            Action::None
        }
        Mode::Help => {
            match k.code {
                KeyCode::Char('q') => return Action::Quit,
                _ => ui.mode = Mode::Normal,
            }
            Action::None
        }
        Mode::Show {
            title,
            text,
            scroll,
        } => {
            let scroll = match k.code {
                KeyCode::Char('q') => return Action::Quit,
                KeyCode::Esc | KeyCode::Enter | KeyCode::Left => {
                    ui.mode = Mode::Normal;
                    return Action::None;
                }
                KeyCode::Up | KeyCode::Char('k') => scroll.saturating_sub(1),
                KeyCode::Down | KeyCode::Char('j') => scroll.saturating_add(1),
                KeyCode::PageUp => scroll.saturating_sub(page as u16),
                KeyCode::PageDown | KeyCode::Char(' ') => scroll.saturating_add(page as u16),
                _ => scroll,
            };
            ui.mode = Mode::Show {
                title,
                text,
                scroll,
            };
            Action::None
        }
        Mode::Confirm { job } => {
            ui.mode = Mode::Normal;
            match k.code {
                KeyCode::Char('y') | KeyCode::Char('Y') => Action::Replay(job),
                _ => {
                    ui.status = Some("replay cancelled; nothing written".into());
                    Action::None
                }
            }
        }
        Mode::Normal => normal(ui, k, total, page),
    }
}

fn normal(ui: &mut Ui, k: KeyEvent, total: usize, page: usize) -> Action {
    let last = total.saturating_sub(1);
    match k.code {
        KeyCode::Char('q') | KeyCode::Esc => return Action::Quit,
        KeyCode::Up | KeyCode::Char('k') => ui.selected = ui.selected.saturating_sub(1),
        KeyCode::Down | KeyCode::Char('j') => ui.selected = (ui.selected + 1).min(last),
        KeyCode::PageUp => ui.selected = ui.selected.saturating_sub(page),
        KeyCode::PageDown => ui.selected = (ui.selected + page).min(last),
        KeyCode::Home | KeyCode::Char('g') => ui.selected = 0,
        KeyCode::End | KeyCode::Char('G') => ui.selected = last,
        KeyCode::Char('/') => {
            ui.mode = Mode::Filter;
            ui.filter.clear();
        }
        KeyCode::Char('?') => ui.mode = Mode::Help,
        KeyCode::Enter if total > 0 => return Action::Show,
        KeyCode::Char('r') if total > 0 => return Action::AskReplay,
        _ => {}
    }
    Action::None
}

/// Keep the selection inside the list and the window around it: the first row shown.
pub fn window_start(selected: usize, current: usize, rows: usize) -> usize {
    if selected < current {
        selected
    } else if selected >= current + rows {
        selected + 1 - rows
    } else {
        current
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: KeyCode) -> KeyEvent {
        KeyEvent::new(c, KeyModifiers::NONE)
    }

    #[test]
    fn moving_stays_inside_the_list() {
        let mut ui = Ui::default();
        assert_eq!(on_key(&mut ui, key(KeyCode::Up), 3, 10), Action::None);
        assert_eq!(ui.selected, 0);
        for _ in 0..5 {
            on_key(&mut ui, key(KeyCode::Char('j')), 3, 10);
        }
        assert_eq!(ui.selected, 2);
        on_key(&mut ui, key(KeyCode::Char('g')), 3, 10);
        assert_eq!(ui.selected, 0);
        on_key(&mut ui, key(KeyCode::End), 3, 10);
        assert_eq!(ui.selected, 2);
    }

    #[test]
    fn filter_is_typed_then_applied_or_cleared() {
        let mut ui = Ui {
            selected: 4,
            ..Default::default()
        };
        on_key(&mut ui, key(KeyCode::Char('/')), 9, 10);
        for c in "port".chars() {
            on_key(&mut ui, key(KeyCode::Char(c)), 9, 10);
        }
        assert_eq!((ui.filter.as_str(), ui.selected), ("port", 0));
        // While typing, q is a letter, not quit.
        assert_eq!(
            on_key(&mut ui, key(KeyCode::Char('q')), 9, 10),
            Action::None
        );
        on_key(&mut ui, key(KeyCode::Backspace), 9, 10);
        on_key(&mut ui, key(KeyCode::Enter), 9, 10);
        assert_eq!((ui.filter.as_str(), &ui.mode), ("port", &Mode::Normal));
        on_key(&mut ui, key(KeyCode::Char('/')), 9, 10);
        on_key(&mut ui, key(KeyCode::Esc), 9, 10);
        assert_eq!(ui.filter, "");
    }

    #[test]
    fn replay_needs_a_yes() {
        let mut ui = Ui::default();
        assert_eq!(
            on_key(&mut ui, key(KeyCode::Char('r')), 0, 10),
            Action::None
        );
        assert_eq!(
            on_key(&mut ui, key(KeyCode::Char('r')), 1, 10),
            Action::AskReplay
        );
        ui.mode = Mode::Confirm { job: "j1".into() };
        assert_eq!(
            on_key(&mut ui, key(KeyCode::Char('n')), 1, 10),
            Action::None
        );
        assert!(ui.status.as_deref().unwrap().contains("nothing written"));
        ui.mode = Mode::Confirm { job: "j1".into() };
        assert_eq!(
            on_key(&mut ui, key(KeyCode::Char('y')), 1, 10),
            Action::Replay("j1".into())
        );
    }

    #[test]
    fn quit_keys_and_back_out_of_views() {
        let mut ui = Ui::default();
        assert_eq!(
            on_key(&mut ui, key(KeyCode::Char('q')), 0, 10),
            Action::Quit
        );
        assert_eq!(on_key(&mut ui, key(KeyCode::Esc), 0, 10), Action::Quit);
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        ui.mode = Mode::Filter;
        assert_eq!(on_key(&mut ui, ctrl_c, 0, 10), Action::Quit);
        ui.mode = Mode::Show {
            title: "t".into(),
            text: "x".into(),
            scroll: 0,
        };
        on_key(&mut ui, key(KeyCode::Down), 0, 10);
        assert!(matches!(ui.mode, Mode::Show { scroll: 1, .. }));
        on_key(&mut ui, key(KeyCode::Esc), 0, 10);
        assert_eq!(ui.mode, Mode::Normal);
    }

    #[test]
    fn the_window_follows_the_selection() {
        assert_eq!(window_start(0, 0, 5), 0);
        assert_eq!(window_start(7, 0, 5), 3);
        assert_eq!(window_start(2, 3, 5), 2);
        assert_eq!(window_start(4, 3, 5), 3);
    }
}
