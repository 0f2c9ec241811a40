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
    let mut key = [0u8; 1];
    if tty.file.read(&mut key).ok() != Some(1) || key[0] != b'[' {
        return;
    }
    while tty.file.read(&mut key).ok() == Some(1) {
        if (0x40..=0x7e).contains(&key[0]) {
            return;
        }
    }
}
