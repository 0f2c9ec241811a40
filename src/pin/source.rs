//! Where a PIN comes from: a file, an environment variable, standard input, a `pin-source`
//! in a token URI, or a hidden prompt. Never a command-line value.

use std::io::{BufRead, IsTerminal, Read};
use std::path::{Path, PathBuf};

use zeroize::{Zeroize, Zeroizing};

use super::Pin;
use crate::error::{Error, Result};

/// Which secret is being asked for; names the flags in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretKind {
    /// The user PIN (`--pin-*`).
    UserPin,
    /// A new PIN (`--new-pin-*`).
    NewPin,
    /// The security officer PIN (`--so-pin-*`).
    SoPin,
    /// A password protecting a file (`--password-*`).
    Password,
    /// The recovery key from the recovery mail (`--recovery-key-*`).
    RecoveryKey,
}

impl SecretKind {
    /// The flag prefix, e.g. `pin` for `--pin-file`.
    pub fn flag(self) -> &'static str {
        match self {
            SecretKind::UserPin => "pin",
            SecretKind::NewPin => "new-pin",
            SecretKind::SoPin => "so-pin",
            SecretKind::Password => "password",
            SecretKind::RecoveryKey => "recovery-key",
        }
    }

    /// Words for prompts and messages.
    pub fn noun(self) -> &'static str {
        match self {
            SecretKind::UserPin => "PIN",
            SecretKind::NewPin => "new PIN",
            SecretKind::SoPin => "SO PIN",
            SecretKind::Password => "password",
            SecretKind::RecoveryKey => "recovery key",
        }
    }
}

/// Where to read one secret from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PinSource {
    /// A file holding the secret; exactly one trailing newline is stripped.
    File(PathBuf),
    /// An environment variable.
    Env(String),
    /// One line of standard input.
    Stdin,
    /// A hidden prompt on the terminal.
    Prompt,
}

impl PinSource {
    /// Choose the source from the three flags of one kind; at most one may be given.
    pub fn from_flags(
        kind: SecretKind,
        file: Option<&Path>,
        env: Option<&str>,
        stdin: bool,
    ) -> Result<Self> {
        let given = usize::from(file.is_some()) + usize::from(env.is_some()) + usize::from(stdin);
        if given > 1 {
            return Err(Error::Usage(format!(
                "give the {} only one way: --{f}-file, --{f}-env or --{f}-stdin",
                kind.noun(),
                f = kind.flag()
            )));
        }
        Ok(match (file, env, stdin) {
            (Some(f), _, _) => PinSource::File(f.to_path_buf()),
            (_, Some(v), _) => PinSource::Env(v.to_string()),
            (_, _, true) => PinSource::Stdin,
            _ => PinSource::Prompt,
        })
    }

    /// The source named by a URI's `pin-source` (a path or a `file:` URI).
    pub fn from_uri_value(value: &str) -> Self {
        let path = value
            .strip_prefix("file://")
            .or_else(|| value.strip_prefix("file:"));
        PinSource::File(PathBuf::from(path.unwrap_or(value)))
    }

    /// Read the secret. An empty secret is an error everywhere.
    pub fn read(&self, kind: SecretKind) -> Result<Pin> {
        let noun = kind.noun();
        let pin = match self {
            PinSource::File(path) => read_file(path, noun)?,
            PinSource::Env(var) => match std::env::var(var) {
                Ok(value) => Pin::new(value),
                Err(std::env::VarError::NotPresent) => {
                    return Err(Error::Secret(format!(
                        "the environment variable {var} named for the {noun} is not set"
                    )))
                }
                Err(std::env::VarError::NotUnicode(mut raw)) => {
                    raw.zeroize_os();
                    return Err(Error::Secret(format!(
                        "the environment variable {var} holds bytes that are not text; the {noun} must be text"
                    )));
                }
            },
            PinSource::Stdin => read_stdin_line(noun)?,
            PinSource::Prompt => prompt(kind, &format!("{}: ", capitalise(noun)))?,
        };
        if pin.is_empty() {
            return Err(Error::Secret(format!(
                "the {noun} from {} is empty",
                self.describe()
            )));
        }
        Ok(pin)
    }

    /// Where the secret came from, for messages (never the secret itself).
    pub fn describe(&self) -> String {
        match self {
            PinSource::File(p) => format!("file {}", p.display()),
            PinSource::Env(v) => format!("variable {v}"),
            PinSource::Stdin => "standard input".into(),
            PinSource::Prompt => "the prompt".into(),
        }
    }
}

/// Ask on the terminal with echo off; fail at once when there is no terminal.
pub fn prompt(kind: SecretKind, text: &str) -> Result<Pin> {
    if !std::io::stdin().is_terminal() && !std::io::stderr().is_terminal() {
        return Err(no_terminal(kind));
    }
    match rpassword::prompt_password(text) {
        Ok(value) => Ok(Pin::new(value)),
        Err(_) => Err(no_terminal(kind)),
    }
}

fn no_terminal(kind: SecretKind) -> Error {
    Error::Secret(format!(
        "the {noun} is needed but there is no terminal to ask on; give it with --{f}-file FILE, --{f}-env VARIABLE or --{f}-stdin",
        noun = kind.noun(),
        f = kind.flag()
    ))
}

fn read_file(path: &Path, noun: &str) -> Result<Pin> {
    let mut file = std::fs::File::open(path).map_err(|source| Error::Io {
        action: "read",
        path: path.to_path_buf(),
        source,
    })?;
    let mut bytes = Zeroizing::new(Vec::new());
    file.read_to_end(&mut bytes).map_err(|source| Error::Io {
        action: "read",
        path: path.to_path_buf(),
        source,
    })?;
    if bytes.last() == Some(&b'\n') {
        bytes.pop();
        if bytes.last() == Some(&b'\r') {
            bytes.pop();
        }
    }
    let text = std::str::from_utf8(&bytes).map_err(|_| {
        Error::Secret(format!(
            "the {noun} file {} does not hold text; save it as UTF-8",
            path.display()
        ))
    })?;
    Ok(Pin::new(text.to_string()))
}

fn read_stdin_line(noun: &str) -> Result<Pin> {
    let mut line = Zeroizing::new(String::new());
    let read = std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| Error::Secret(format!("cannot read the {noun} from standard input: {e}")))?;
    if read == 0 {
        return Err(Error::Secret(format!(
            "standard input ended before the {noun} was given"
        )));
    }
    let trimmed = line.strip_suffix('\n').unwrap_or(&line);
    let trimmed = trimmed.strip_suffix('\r').unwrap_or(trimmed);
    Ok(Pin::new(trimmed.to_string()))
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

trait ZeroizeOs {
    fn zeroize_os(&mut self);
}

impl ZeroizeOs for std::ffi::OsString {
    fn zeroize_os(&mut self) {
        let mut bytes = std::mem::take(self).into_encoded_bytes();
        bytes.zeroize();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_source_strips_exactly_one_newline() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pin");
        std::fs::write(&path, "abcd1234\n\n").unwrap();
        let pin = PinSource::File(path.clone())
            .read(SecretKind::UserPin)
            .unwrap();
        assert_eq!(pin.expose(), "abcd1234\n");
        std::fs::write(&path, "abcd1234\r\n").unwrap();
        let pin = PinSource::File(path.clone())
            .read(SecretKind::UserPin)
            .unwrap();
        assert_eq!(pin.expose(), "abcd1234");
        std::fs::write(&path, "\n").unwrap();
        let err = PinSource::File(path).read(SecretKind::UserPin).unwrap_err();
        assert!(err.to_string().contains("is empty"), "{err}");
    }

    #[test]
    fn two_sources_for_one_secret_is_a_usage_error() {
        let err = PinSource::from_flags(SecretKind::SoPin, Some(Path::new("f")), Some("V"), false)
            .unwrap_err();
        assert!(err.to_string().contains("--so-pin-file"), "{err}");
    }

    #[test]
    fn uri_pin_source_accepts_paths_and_file_uris() {
        assert_eq!(
            PinSource::from_uri_value("file:///etc/pin"),
            PinSource::File("/etc/pin".into())
        );
        assert_eq!(
            PinSource::from_uri_value("/etc/pin"),
            PinSource::File("/etc/pin".into())
        );
    }
}
