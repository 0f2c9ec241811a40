//! PIN retry counters, the thing SoftHSM2 does not have.
//!
//! Each CLI run under test is a new process, so the counters live in a small text file
//! (`P11FAULT_STATE`) shared by every process that loads the module, keyed by token serial.
//! Writers take an exclusive `flock` on `<state>.lock` and replace the file by rename, so
//! readers never see a half-written file and concurrent processes never lose a decrement.
//!
//! File format, one token per line (`#` starts a comment):
//! `<serial> <user tries left> <SO tries left>`, where the serial is the token's serial with
//! trailing blanks removed and every byte outside `A-Z a-z 0-9 . _ -` written as `%XX`.

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// Whose PIN a login or PIN change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    /// The normal user (CKU_USER, and CKU_CONTEXT_SPECIFIC which re-enters the user PIN).
    User,
    /// The security officer (CKU_SO).
    So,
}

/// Tries left before each PIN locks; 0 means locked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Left {
    /// User PIN tries left.
    pub user: u32,
    /// SO PIN tries left.
    pub so: u32,
}

impl Left {
    /// Tries left for `who`.
    pub fn of(&self, who: Who) -> u32 {
        match who {
            Who::User => self.user,
            Who::So => self.so,
        }
    }

    fn slot(&mut self, who: Who) -> &mut u32 {
        match who {
            Who::User => &mut self.user,
            Who::So => &mut self.so,
        }
    }
}

/// The counters of every token this module has seen.
#[derive(Debug)]
pub struct RetryStore {
    path: Option<PathBuf>,
    max: Left,
    /// Without a file, the counters themselves; with a file, only serialises this process's
    /// threads (the flock serialises processes).
    memory: Mutex<HashMap<Vec<u8>, Left>>,
}

impl RetryStore {
    /// A store in `path` (or in memory when `None`) where each PIN has `max` tries.
    pub fn new(path: Option<PathBuf>, max: Left) -> Self {
        RetryStore {
            path,
            max,
            memory: Mutex::new(HashMap::new()),
        }
    }

    /// Tries each PIN has after a successful login.
    pub fn max(&self) -> Left {
        self.max
    }

    /// Tries left on the token with this serial (the maximum for a token never seen).
    pub fn left(&self, serial: &[u8]) -> io::Result<Left> {
        let memory = self.lock_memory();
        let map = match &self.path {
            Some(path) => read(path)?,
            None => memory.clone(),
        };
        Ok(self.clamped(map.get(serial).copied()))
    }

    /// One wrong PIN for `who`: one try fewer (never below 0).
    pub fn miss(&self, serial: &[u8], who: Who) -> io::Result<Left> {
        self.update(serial, |left| {
            let n = left.slot(who);
            *n = n.saturating_sub(1);
        })
    }

    /// A correct PIN (or a new one set) for `who`: all tries back.
    pub fn reset(&self, serial: &[u8], who: Who) -> io::Result<Left> {
        let max = self.max.of(who);
        self.update(serial, |left| *left.slot(who) = max)
    }

    /// Applies `change` to the token's counters and stores the result.
    fn update(&self, serial: &[u8], change: impl FnOnce(&mut Left)) -> io::Result<Left> {
        let mut memory = self.lock_memory();
        let Some(path) = &self.path else {
            let mut left = self.clamped(memory.get(serial).copied());
            change(&mut left);
            memory.insert(serial.to_vec(), left);
            return Ok(left);
        };
        let _flock = FileLock::exclusive(&lock_path(path))?;
        let mut map = read(path)?;
        let mut left = self.clamped(map.get(serial).copied());
        change(&mut left);
        map.insert(serial.to_vec(), left);
        write(path, &map)?;
        Ok(left)
    }

    fn clamped(&self, stored: Option<Left>) -> Left {
        let left = stored.unwrap_or(self.max);
        Left {
            user: left.user.min(self.max.user),
            so: left.so.min(self.max.so),
        }
    }

    fn lock_memory(&self) -> MutexGuard<'_, HashMap<Vec<u8>, Left>> {
        self.memory.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".lock");
    name.into()
}

fn read(path: &Path) -> io::Result<HashMap<Vec<u8>, Left>> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(HashMap::new()),
        Err(e) => return Err(e),
    };
    let mut map = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = || {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "{}:{}: expected `<serial> <user tries> <SO tries>`",
                    path.display(),
                    n + 1
                ),
            )
        };
        let mut fields = line.split_whitespace();
        let (Some(serial), Some(user), Some(so), None) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            return Err(bad());
        };
        let serial = unescape(serial).ok_or_else(bad)?;
        let user = user.parse().map_err(|_| bad())?;
        let so = so.parse().map_err(|_| bad())?;
        map.insert(serial, Left { user, so });
    }
    Ok(map)
}

fn write(path: &Path, map: &HashMap<Vec<u8>, Left>) -> io::Result<()> {
    let mut lines: Vec<String> = map
        .iter()
        .map(|(serial, left)| format!("{} {} {}\n", escape(serial), left.user, left.so))
        .collect();
    lines.sort();
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".tmp.{}", std::process::id()));
    let tmp = PathBuf::from(tmp);
    let mut file = File::create(&tmp)?;
    file.write_all(b"# p11-fault PIN retry state: <serial> <user tries left> <SO tries left>\n")?;
    file.write_all(lines.concat().as_bytes())?;
    drop(file);
    fs::rename(&tmp, path)
}

fn escape(serial: &[u8]) -> String {
    let mut out = String::with_capacity(serial.len());
    for &b in serial {
        if b.is_ascii_alphanumeric() || b"._-".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    if out.is_empty() {
        // An empty serial still needs a field of its own.
        out.push('%');
    }
    out
}

fn unescape(field: &str) -> Option<Vec<u8>> {
    if field == "%" {
        return Some(Vec::new());
    }
    let bytes = field.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = field.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

/// An exclusive `flock` held until dropped (closing the file releases it).
struct FileLock(File);

impl FileLock {
    fn exclusive(path: &Path) -> io::Result<Self> {
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(path)?;
        loop {
            // SAFETY: flock on a file descriptor we own and keep open for the call.
            let rc = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) };
            if rc == 0 {
                return Ok(FileLock(file));
            }
            let err = io::Error::last_os_error();
            if err.kind() != io::ErrorKind::Interrupted {
                return Err(err);
            }
        }
    }
}

impl Drop for FileLock {
    fn drop(&mut self) {
        // Closing the descriptor would release the lock too; unlocking first is explicit.
        // SAFETY: the descriptor is still open (the File is dropped after this).
        unsafe { libc::flock(self.0.as_raw_fd(), libc::LOCK_UN) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAX: Left = Left { user: 3, so: 2 };

    fn check_counting(store: &RetryStore) {
        let serial = b"3058cf7bf56aec08";
        assert_eq!(store.left(serial).unwrap(), MAX);
        assert_eq!(
            store.miss(serial, Who::User).unwrap(),
            Left { user: 2, so: 2 }
        );
        assert_eq!(
            store.miss(serial, Who::So).unwrap(),
            Left { user: 2, so: 1 }
        );
        store.miss(serial, Who::User).unwrap();
        store.miss(serial, Who::User).unwrap();
        assert_eq!(
            store.miss(serial, Who::User).unwrap().user,
            0,
            "never below 0"
        );
        assert_eq!(store.left(b"other").unwrap(), MAX, "counters are per token");
        assert_eq!(
            store.reset(serial, Who::User).unwrap(),
            Left { user: 3, so: 1 }
        );
        assert_eq!(store.left(serial).unwrap(), Left { user: 3, so: 1 });
    }

    #[test]
    fn counts_in_memory() {
        check_counting(&RetryStore::new(None, MAX));
    }

    #[test]
    fn counts_in_a_file_shared_by_stores() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state");
        check_counting(&RetryStore::new(Some(path.clone()), MAX));
        // A second store (another process) sees what the first wrote.
        let again = RetryStore::new(Some(path), MAX);
        assert_eq!(
            again.left(b"3058cf7bf56aec08").unwrap(),
            Left { user: 3, so: 1 }
        );
    }

    #[test]
    fn a_lower_maximum_clamps_stored_counters() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state");
        RetryStore::new(Some(path.clone()), Left { user: 10, so: 10 })
            .miss(b"s", Who::User)
            .unwrap();
        assert_eq!(
            RetryStore::new(Some(path), MAX).left(b"s").unwrap(),
            MAX,
            "9 tries left is clamped to the new maximum"
        );
    }

    #[test]
    fn serials_round_trip_through_the_file_format() {
        for serial in [&b""[..], b"plain-1.2_3", b"with space", b"%\xff\n"] {
            assert_eq!(unescape(&escape(serial)).as_deref(), Some(serial));
            assert!(!escape(serial).contains(char::is_whitespace));
        }
    }

    #[test]
    fn a_damaged_file_is_an_error_not_a_reset() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state");
        fs::write(&path, "serial 1\n").unwrap();
        let err = RetryStore::new(Some(path), MAX)
            .left(b"serial")
            .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidData);
    }
}
