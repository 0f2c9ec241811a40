//! The audit log: security events as JSON lines, appended and flushed to disk (fsync) one by
//! one, in `$XDG_STATE_HOME/tokenward/audit.log` unless `--audit-log` or the config says
//! otherwise. Entries name the token by serial and label; they never hold a secret.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, Result};

/// A security event's name (stable snake_case in the log).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EventKind {
    /// The user PIN was changed by its owner.
    PinChanged,
    /// The SO PIN was changed.
    SoPinChanged,
    /// The SO set a new user PIN (unblock).
    PinUnblocked,
    /// The token was initialised.
    TokenInitialized,
    /// A login failed (wrong PIN, locked).
    LoginFailed,
    /// A key or certificate left the token.
    KeyExported,
    /// A key pair was generated on the token.
    KeyGenerated,
    /// A key (with its certificate) was imported onto the token.
    KeyImported,
    /// A key was deleted from the token.
    KeyDeleted,
    /// A certificate was put on the token.
    CertImported,
    /// A certificate was removed from the token.
    CertDeleted,
    /// A certificate was written to a file.
    CertExported,
    /// A recovery path was enrolled.
    RecoveryEnrolled,
    /// Recovery was used to reset the PIN.
    RecoveryUsed,
    /// A recovery path was revoked.
    RecoveryRevoked,
}

/// How the event ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// It worked.
    Success,
    /// It failed.
    Failure,
}

/// One line of the audit log.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// UTC time, RFC 3339.
    pub time: String,
    /// What happened.
    pub event: EventKind,
    /// Token serial.
    pub token_serial: String,
    /// Token label.
    pub token_label: String,
    /// Success or failure.
    pub outcome: Outcome,
    /// More words (never a secret): the error kind, the object, the user type.
    pub detail: Option<String>,
}

/// The audit log file.
#[derive(Debug, Clone)]
pub struct AuditLog {
    path: PathBuf,
}

impl AuditLog {
    /// The log at `explicit`, else the XDG state directory's `tokenward/audit.log`.
    pub fn new(explicit: Option<&Path>) -> Option<Self> {
        let path = explicit
            .map(Path::to_path_buf)
            .or_else(|| crate::files::state_dir().map(|d| d.join("audit.log")))?;
        Some(AuditLog { path })
    }

    /// Where the log is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Append one event and flush it to disk.
    ///
    /// # Errors
    /// The log file cannot be created, written or synced.
    pub fn record(
        &self,
        event: EventKind,
        serial: &str,
        label: &str,
        outcome: Outcome,
        detail: Option<String>,
    ) -> Result<()> {
        let entry = Entry {
            time: now_rfc3339(),
            event,
            token_serial: serial.to_string(),
            token_label: label.to_string(),
            outcome,
            detail,
        };
        let mut line = serde_json::to_vec(&entry).expect("audit entries serialise");
        line.push(b'\n');
        let io = |source| Error::Io {
            action: "write the audit log",
            path: self.path.clone(),
            source,
        };
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        let mut options = OpenOptions::new();
        options.create(true).append(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&self.path).map_err(io)?;
        file.write_all(&line).map_err(io)?;
        file.sync_all().map_err(io)
    }
}

fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_json_lines_appended() {
        let dir = tempfile::tempdir().unwrap();
        let log = AuditLog::new(Some(&dir.path().join("a/audit.log"))).unwrap();
        log.record(EventKind::PinChanged, "42", "Acct", Outcome::Success, None)
            .unwrap();
        log.record(
            EventKind::LoginFailed,
            "42",
            "Acct",
            Outcome::Failure,
            Some("CKR_PIN_INCORRECT".into()),
        )
        .unwrap();
        let text = std::fs::read_to_string(log.path()).unwrap();
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["event"], "pin_changed");
        assert_eq!(lines[1]["outcome"], "failure");
        assert_eq!(lines[1]["token_serial"], "42");
        assert!(lines[0]["time"].as_str().unwrap().ends_with('Z'));
    }
}
