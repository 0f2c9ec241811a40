//! Per-user state: the choices a person makes with `tokens select` and `certs select`, kept in
//! `$XDG_STATE_HOME/tokenward/state.toml` (`~/.local/state/tokenward/state.toml`), never in
//! the configuration file an administrator wrote. A choice here wins over the configuration's
//! default; `--token` and `--cert` win over both.
//!
//! ```toml
//! token = "4a1975e215fdd985"        # tokens select
//! [tokens."4a1975e215fdd985"]
//! default_cert = "f4eea7b5…"        # certs select: the SHA-256 fingerprint
//! default_cert_id = "01"            # and its CKA_ID: where a command looks for it first
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::config::{locked, read_if_there, save_toml, TokenSettings};
use crate::error::{Error, Result};

/// The per-user state.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct State {
    /// The token `tokens select` chose (a serial, or a URI when serials repeat).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// Choices per token, keyed by serial number.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub tokens: BTreeMap<String, TokenSettings>,
}

impl State {
    /// Where the state file is: the XDG state directory.
    pub fn path() -> Option<PathBuf> {
        crate::files::state_dir().map(|d| d.join("state.toml"))
    }

    /// Load the file; a missing one is an empty state.
    ///
    /// # Errors
    /// The file cannot be read or is not a state file (the message names the line).
    pub fn load(path: &Path) -> Result<State> {
        let Some(text) = read_if_there(path)? else {
            return Ok(State::default());
        };
        toml::from_str(&text).map_err(|e| Error::StateInvalid {
            path: path.to_path_buf(),
            reason: crate::config::with_line(&text, &e),
        })
    }

    /// The default certificate chosen for the token with this serial.
    pub fn default_cert(&self, serial: &str) -> Option<&str> {
        self.tokens.get(serial)?.default_cert.as_deref()
    }

    /// Load, change and save `path` under a lock (two commands at once keep both changes).
    ///
    /// # Errors
    /// The lock, the file.
    pub fn update(path: &Path, change: impl FnOnce(&mut State)) -> Result<()> {
        locked(path, || {
            let mut state = State::load(path)?;
            change(&mut state);
            save_toml(&state, path, "the state file")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_round_trip_and_unknown_keys_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tokenward/state.toml");
        State::update(&path, |s| {
            s.tokens.entry("42".into()).or_default().default_cert = Some("ab".repeat(32))
        })
        .unwrap();
        State::update(&path, |s| s.token = Some("42".into())).unwrap();
        let state = State::load(&path).unwrap();
        assert_eq!(state.default_cert("42"), Some("ab".repeat(32).as_str()));
        assert_eq!(state.token.as_deref(), Some("42"));
        std::fs::write(&path, "token = \"1\"\nmodule = \"/x.so\"\n").unwrap();
        let err = State::load(&path).unwrap_err().to_string();
        assert!(err.contains("line 2") && err.contains("module"), "{err}");
    }
}
