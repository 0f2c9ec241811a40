//! Questions on the terminal, asked on `/dev/tty` key by key.
//!
//! The terminal is switched before the question is printed (so a fast typist's answer is never
//! echoed), what was typed before the question (during slow work such as module discovery) is
//! thrown away, and Ctrl-C or Ctrl-D cancel the question with the terminal restored — whatever
//! shell started tokenward, since no signal is involved: the terminal's own signal keys are off
//! while tokenward reads, and the state it found is put back when the question ends, however it
//! ends.

use std::fs::File;
use std::io::{Read, Write};

use rustix::termios::{self, LocalModes, OptionalActions, SpecialCodeIndex, Termios};
use zeroize::Zeroizing;

use crate::error::{Error, Result};

/// Whether the answer is shown as it is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Echo {
    /// A secret: nothing is shown.
    Hidden,
    /// An ordinary answer ("yes", a label).
    Shown,
}

/// The terminal of this process, when it has one.
struct Tty {
    file: File,
    saved: Termios,
}

impl Tty {
    /// Open `/dev/tty` and switch it to key-by-key reading without echo or signal keys,
    /// discarding what was typed before.
    fn open() -> Option<Self> {
        let file = File::options()
            .read(true)
            .write(true)
            .open("/dev/tty")
            .ok()?;
        let saved = termios::tcgetattr(&file).ok()?;
        let mut raw = saved.clone();
        raw.local_modes.remove(
            LocalModes::ECHO
                | LocalModes::ECHONL
                | LocalModes::ICANON
                | LocalModes::ISIG
                | LocalModes::IEXTEN,
        );
        raw.special_codes[SpecialCodeIndex::VMIN] = 1;
        raw.special_codes[SpecialCodeIndex::VTIME] = 0;
        // TCSAFLUSH: what was typed before the question is dropped, unread.
        termios::tcsetattr(&file, OptionalActions::Flush, &raw).ok()?;
        Some(Tty { file, saved })
    }
}

impl Drop for Tty {
    fn drop(&mut self) {
        let _ = termios::tcsetattr(&self.file, OptionalActions::Now, &self.saved);
    }
}

/// Ask `question` on the terminal and read one line. `Ok(None)` when there is no terminal.
///
/// # Errors
/// [`Error::Cancelled`] on Ctrl-C, Ctrl-\ or Ctrl-D (the terminal is restored first); an
/// answer that is not UTF-8 text.
pub fn ask(question: &str, echo: Echo) -> Result<Option<Zeroizing<String>>> {
    let Some(mut tty) = Tty::open() else {
        return Ok(None);
    };
    let _ = tty.file.write_all(question.as_bytes());
    let _ = tty.file.flush();
    let answer = read_line(&mut tty, echo);
    let _ = tty.file.write_all(b"\n");
    let bytes = answer?;
    match std::str::from_utf8(&bytes) {
        Ok(text) => Ok(Some(Zeroizing::new(text.to_string()))),
        Err(_) => Err(crate::error::InputError::AnswerUnreadable {
            reason: "the answer is not UTF-8 text".into(),
        }
        .into()),
    }
}

/// Ctrl-C, Ctrl-D, Ctrl-\.
const CANCEL_KEYS: [u8; 3] = [0x03, 0x04, 0x1c];
const ERASE_KEYS: [u8; 2] = [0x7f, 0x08];
const KILL_LINE: u8 = 0x15;
const ESCAPE: u8 = 0x1b;

fn read_line(tty: &mut Tty, echo: Echo) -> Result<Zeroizing<Vec<u8>>> {
    let mut line = Zeroizing::new(Vec::with_capacity(64));
    let mut key = [0u8; 1];
    loop {
        match tty.file.read(&mut key) {
            Ok(1) => {}
            // The terminal went away (hang-up): nothing more can be typed.
            _ => return Err(Error::Cancelled),
        }
        let k = key[0];
        key[0] = 0;
        match k {
            b'\r' | b'\n' => return Ok(line),
            k if CANCEL_KEYS.contains(&k) => return Err(Error::Cancelled),
            k if ERASE_KEYS.contains(&k) => {
                // Drop one character (its UTF-8 continuation bytes with it).
                while let Some(b) = line.pop() {
                    if b & 0xC0 != 0x80 {
                        break;
                    }
                }
                if echo == Echo::Shown {
                    let _ = tty.file.write_all(b"\x08 \x08");
                }
            }
            KILL_LINE => {
                if echo == Echo::Shown {
                    let shown = String::from_utf8_lossy(&line).chars().count();
                    let _ = tty.file.write_all("\x08 \x08".repeat(shown).as_bytes());
                }
                line.clear();
            }
            ESCAPE => skip_escape_sequence(tty),
            k if k < 0x20 => {}
            k => {
                line.push(k);
                if echo == Echo::Shown {
                    let _ = tty.file.write_all(&[k]);
                }
            }
        }
    }
}

/// An arrow or function key sends ESC [ … letter: none of it is part of the answer.
fn skip_escape_sequence(tty: &mut Tty) {
    let _ = escape_final(tty, b"[");
}

/// One of `items`, chosen with the arrow keys (or its number) and Enter, starting at `start`.
/// Each item is one line, cut to the terminal's width; `hint` says how to choose. `Ok(None)`
/// when there is no terminal.
///
/// # Errors
/// [`Error::Cancelled`] on Ctrl-C, Ctrl-\ or Ctrl-D (the terminal is restored first).
pub fn choose(question: &str, items: &[String], hint: &str, start: usize) -> Result<Option<usize>> {
    Ok(pick(question, items, hint, start, None)?.map(|(at, _)| at))
}

/// Some of `items`, marked with the space bar (or their numbers) and confirmed with Enter;
/// `marked` are marked at first. `Ok(None)` when there is no terminal.
///
/// # Errors
/// [`Error::Cancelled`] on Ctrl-C, Ctrl-\ or Ctrl-D (the terminal is restored first).
pub fn choose_many(
    question: &str,
    items: &[String],
    hint: &str,
    marked: &[bool],
) -> Result<Option<Vec<usize>>> {
    let marks = items
        .iter()
        .enumerate()
        .map(|(i, _)| marked.get(i) == Some(&true))
        .collect();
    Ok(
        pick(question, items, hint, 0, Some(marks))?.map(|(_, marks)| {
            marks
                .iter()
                .enumerate()
                .filter(|(_, m)| **m)
                .map(|(i, _)| i)
                .collect()
        }),
    )
}

/// The picker behind [`choose`] and [`choose_many`] (`marks` for the second): where it ended
/// and what is marked.
fn pick(
    question: &str,
    items: &[String],
    hint: &str,
    start: usize,
    mut marks: Option<Vec<bool>>,
) -> Result<Option<(usize, Vec<bool>)>> {
    if items.is_empty() {
        return Ok(None);
    }
    let Some(mut tty) = Tty::open() else {
        return Ok(None);
    };
    let width = termios::tcgetwinsize(&tty.file)
        .map(|w| usize::from(w.ws_col))
        .ok()
        .filter(|w| *w > 20)
        .unwrap_or(80);
    let mut selected = start.min(items.len() - 1);
    let draw = |tty: &mut Tty, selected: usize, marks: &Option<Vec<bool>>, first: bool| {
        let mut out = String::new();
        if first {
            out.push_str(question);
            out.push('\n');
        } else {
            // Back to the first item's line, and everything below it cleared.
            out.push_str(&format!("\x1b[{}A\r\x1b[J", items.len() + 1));
        }
        for (i, item) in items.iter().enumerate() {
            let pointer = if i == selected { "›" } else { " " };
            let mark = match marks {
                Some(m) if m[i] => "[x] ",
                Some(_) => "[ ] ",
                None => "",
            };
            let line = format!("{pointer} {mark}{}. {item}", i + 1);
            out.extend(line.chars().take(width - 1));
            out.push('\n');
        }
        out.push_str(&format!("  {hint}\n"));
        let _ = tty.file.write_all(out.as_bytes());
        let _ = tty.file.flush();
    };
    draw(&mut tty, selected, &marks, true);
    let mut key = [0u8; 1];
    loop {
        match tty.file.read(&mut key) {
            Ok(1) => {}
            _ => return Err(Error::Cancelled),
        }
        let up = |s: usize| s.checked_sub(1).unwrap_or(items.len() - 1);
        let down = |s: usize| (s + 1) % items.len();
        match key[0] {
            b'\r' | b'\n' => break,
            k if CANCEL_KEYS.contains(&k) => return Err(Error::Cancelled),
            ESCAPE => match arrow(&mut tty) {
                Some(b'A') => selected = up(selected),
                Some(b'B') => selected = down(selected),
                _ => continue,
            },
            b'k' => selected = up(selected),
            b'j' => selected = down(selected),
            b' ' => match marks.as_mut() {
                Some(m) => m[selected] = !m[selected],
                None => continue,
            },
            k @ b'1'..=b'9' if usize::from(k - b'0') <= items.len() => {
                selected = usize::from(k - b'0') - 1;
                if let Some(m) = marks.as_mut() {
                    m[selected] = !m[selected];
                }
            }
            _ => continue,
        }
        draw(&mut tty, selected, &marks, false);
    }
    // What was chosen stays on the screen.
    let chosen: Vec<String> = match &marks {
        Some(m) => items
            .iter()
            .zip(m)
            .filter(|(_, m)| **m)
            .map(|(i, _)| i.clone())
            .collect(),
        None => vec![items[selected].clone()],
    };
    let line: String = chosen.join(", ").chars().take(width - 3).collect();
    let _ = tty
        .file
        .write_all(format!("\x1b[{}A\r\x1b[J  {line}\n", items.len() + 1).as_bytes());
    Ok(Some((selected, marks.unwrap_or_default())))
}

/// The letter of an arrow key's ESC [ sequence (`A` up, `B` down), after its ESC (ESC O in
/// a terminal's application mode too).
fn arrow(tty: &mut Tty) -> Option<u8> {
    escape_final(tty, b"[O")
}

/// The final byte of an escape sequence whose ESC was read, when its second byte is one of
/// `introducers`; the bytes between are read and dropped.
fn escape_final(tty: &mut Tty, introducers: &[u8]) -> Option<u8> {
    let mut key = [0u8; 1];
    if tty.file.read(&mut key).ok() != Some(1) || !introducers.contains(&key[0]) {
        return None;
    }
    while tty.file.read(&mut key).ok() == Some(1) {
        if (0x40..=0x7e).contains(&key[0]) {
            return Some(key[0]);
        }
    }
    None
}

/// Wait up to `timeout` for a key on the terminal, with the terminal's signal keys off so that
/// Ctrl-C is a key. `Ok(false)` when the time passed (or there is no terminal to wait on: then
/// it sleeps), `Ok(true)` for any other key.
///
/// # Errors
/// [`Error::Cancelled`] on Ctrl-C, Ctrl-\ or Ctrl-D.
pub fn wait_for_key(timeout: std::time::Duration) -> Result<bool> {
    let Some(mut tty) = Tty::open() else {
        std::thread::sleep(timeout);
        return Ok(false);
    };
    let mut fds = [rustix::event::PollFd::new(
        &tty.file,
        rustix::event::PollFlags::IN,
    )];
    let wait = rustix::event::Timespec {
        tv_sec: i64::try_from(timeout.as_secs()).unwrap_or(i64::MAX),
        tv_nsec: i64::from(timeout.subsec_nanos()),
    };
    let ready = rustix::event::poll(&mut fds, Some(&wait)).unwrap_or(0);
    if ready == 0 {
        return Ok(false);
    }
    let mut key = [0u8; 1];
    match tty.file.read(&mut key) {
        Ok(1) if !CANCEL_KEYS.contains(&key[0]) => Ok(true),
        _ => Err(Error::Cancelled),
    }
}
