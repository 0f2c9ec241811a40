//! A program on a real pseudo-terminal (util-linux `script`), driven like a person at the
//! keyboard: wait until a prompt is on the screen, then type the answer. Typing before the
//! prompt would be discarded by tokenward (it throws away what was typed during slow work),
//! so every answer waits for its question.

use std::io::{Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::Run;

/// How long a question may take to appear (module start-up on a loaded 2-core machine).
pub const QUESTION_WAIT: Duration = Duration::from_secs(60);

/// A running program on a pseudo-terminal. Killed on drop if still running.
pub struct Terminal {
    child: Child,
    keys: Option<ChildStdin>,
    screen: Arc<Mutex<Vec<u8>>>,
    reader: Option<JoinHandle<()>>,
    /// How far [`Terminal::expect`] has read the screen.
    seen: usize,
}

impl Terminal {
    /// Run `shell_command` (one line for `sh -c`) on a new pseudo-terminal, with `command`'s
    /// environment and directory (its program and arguments are replaced). Standard output
    /// and standard error both go to the terminal.
    pub fn start(mut command: Command, shell_command: &str) -> Self {
        // `timeout` bounds a program that never asks what the test expects.
        let mut child = command
            .args(["180", "script", "-qefc", shell_command, "/dev/null"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("timeout and script (coreutils, util-linux) are installed");
        let keys = child.stdin.take();
        let mut out = child.stdout.take().expect("piped");
        let screen = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&screen);
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = out.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Terminal {
            child,
            keys,
            screen,
            reader: Some(reader),
            seen: 0,
        }
    }

    /// Everything on the screen so far.
    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.screen.lock().unwrap()).into_owned()
    }

    /// Wait until `text` appears on the screen after what earlier calls saw; panics with the
    /// screen after [`QUESTION_WAIT`] or when the program ends first.
    pub fn expect(&mut self, text: &str) {
        let deadline = Instant::now() + QUESTION_WAIT;
        loop {
            {
                let screen = self.screen.lock().unwrap();
                let rest =
                    String::from_utf8_lossy(&screen[self.seen.min(screen.len())..]).into_owned();
                if let Some(at) = rest.find(text) {
                    // Count in bytes of the lossy text: the screen is UTF-8 here.
                    self.seen += at + text.len();
                    return;
                }
            }
            let ended = self.child.try_wait().ok().flatten().is_some();
            if ended || Instant::now() > deadline {
                // The reader may still be draining the last output.
                std::thread::sleep(Duration::from_millis(200));
                let screen = self.screen();
                if screen[self.seen.min(screen.len())..].contains(text) {
                    continue;
                }
                panic!(
                    "{text:?} did not appear ({}); the screen:\n{screen}",
                    if ended {
                        "the program ended"
                    } else {
                        "timed out"
                    }
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Type these bytes (a line ends with `\n`; Ctrl-C is `\x03`).
    pub fn send(&mut self, keys: &str) {
        let stdin = self.keys.as_mut().expect("the keyboard is still connected");
        stdin.write_all(keys.as_bytes()).unwrap();
        stdin.flush().unwrap();
    }

    /// Wait for `question`, then type `answer` and Enter.
    pub fn answer(&mut self, question: &str, answer: &str) {
        self.expect(question);
        self.send(&format!("{answer}\n"));
    }

    /// Wait for the program to end; the screen is the [`Run`]'s standard output.
    pub fn finish(mut self) -> Run {
        let status = self.child.wait().expect("wait for script");
        drop(self.keys.take());
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        Run {
            code: status.code().unwrap_or(-1),
            stdout: self.screen(),
            stderr: String::new(),
        }
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
