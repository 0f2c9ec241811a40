//! Where a PIN comes from: a file, an environment variable, standard input, a `pin-source`
//! in a token URI, or a hidden prompt. Never a command-line value.

use std::io::{BufRead, IsTerminal, Read};
use std::path::{Path, PathBuf};

use zeroize::{Zeroize, Zeroizing};

use super::Pin;
use crate::error::{Error, Result, SecretError};

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
    ///
    /// # Errors
    /// More than one source for one secret.
    pub fn from_flags(
        kind: SecretKind,
        file: Option<&Path>,
        env: Option<&str>,
        stdin: bool,
    ) -> Result<Self> {
        let given = usize::from(file.is_some()) + usize::from(env.is_some()) + usize::from(stdin);
        if given > 1 {
            return Err(SecretError::SeveralSources { secret: kind }.into());
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
    ///
    /// # Errors
    /// The source cannot be read, is not text, or gives an empty secret.
    pub fn read(&self, kind: SecretKind) -> Result<Pin> {
        let pin = match self {
            PinSource::File(path) => read_file(path, kind)?,
            PinSource::Env(var) => match std::env::var(var) {
                Ok(value) => Pin::new(value),
                Err(std::env::VarError::NotPresent) => {
                    return Err(SecretError::VariableNotSet {
                        secret: kind,
                        variable: var.clone(),
                    }
                    .into())
                }
                Err(std::env::VarError::NotUnicode(mut raw)) => {
                    raw.zeroize_os();
                    return Err(SecretError::VariableNotText {
                        secret: kind,
                        variable: var.clone(),
                    }
                    .into());
                }
            },
            PinSource::Stdin => read_stdin_line(kind)?,
            PinSource::Prompt => prompt(kind, &format!("{} ", generic_prompt(kind)))?,
        };
        self.not_empty(kind, pin)
    }

    /// A secret read from this source, refused when empty.
    fn not_empty(&self, kind: SecretKind, pin: Pin) -> Result<Pin> {
        if pin.is_empty() {
            return Err(SecretError::Empty {
                secret: kind,
                origin: self.clone(),
            }
            .into());
        }
        Ok(pin)
    }

    /// [`PinSource::read`], with `text` as the prompt's words when it is a prompt.
    ///
    /// # Errors
    /// As [`PinSource::read`].
    pub fn read_prompting(&self, kind: SecretKind, text: &str) -> Result<Pin> {
        match self {
            PinSource::Prompt => self.not_empty(kind, prompt(kind, &format!("{text} "))?),
            other => other.read(kind),
        }
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

    /// [`PinSource::describe`] in the person's language.
    pub fn words(&self) -> String {
        let (kind, name) = match self {
            PinSource::File(p) => ("file", p.display().to_string()),
            PinSource::Env(v) => ("variable", v.clone()),
            PinSource::Stdin => ("stdin", String::new()),
            PinSource::Prompt => ("prompt", String::new()),
        };
        crate::fl!("secret-source", kind = kind, name = name)
    }
}

/// How many times a prompt asks for a new secret before giving up.
pub const NEW_SECRET_TRIES: usize = 3;

/// Read a new secret from `source` and apply `check`. A prompt asks twice and asks again on
/// a mismatch or a failed check, up to [`NEW_SECRET_TRIES`] times; other sources give it once.
///
/// # Errors
/// The source's; [`Error::Mismatch`] or `check`'s error after the last try.
pub fn read_new(
    kind: SecretKind,
    source: &PinSource,
    check: &dyn Fn(&Pin) -> Result<()>,
) -> Result<Pin> {
    let prompts = NewPrompts {
        first: crate::fl!("prompt-new-password"),
        again: crate::fl!("prompt-repeat-password"),
    };
    read_new_prompting(kind, source, check, &prompts)
}

/// The two questions a prompt asks for a new secret.
#[derive(Debug, Clone)]
pub struct NewPrompts {
    /// The first ("New user PIN (at least 8 Latin letters and digits):").
    pub first: String,
    /// The second ("Repeat the new user PIN:").
    pub again: String,
}

/// [`read_new`] with these questions.
///
/// # Errors
/// As [`read_new`].
pub fn read_new_prompting(
    kind: SecretKind,
    source: &PinSource,
    check: &dyn Fn(&Pin) -> Result<()>,
    prompts: &NewPrompts,
) -> Result<Pin> {
    if *source != PinSource::Prompt {
        let pin = source.read(kind)?;
        check(&pin)?;
        return Ok(pin);
    }
    let mut last = Error::Mismatch(kind);
    for _ in 0..NEW_SECRET_TRIES {
        let first = prompt(kind, &format!("{} ", prompts.first))?;
        if let Err(e) = check(&first) {
            eprintln!("tokenward: {}", e.localized_message());
            last = e;
            continue;
        }
        let second = prompt(kind, &format!("{} ", prompts.again))?;
        if first == second {
            return Ok(first);
        }
        eprintln!("tokenward: {}", crate::fl!("entries-differ"));
        last = Error::Mismatch(kind);
    }
    eprintln!("tokenward: {}", crate::fl!("new-secret-gave-up"));
    Err(last)
}

/// The words of a prompt that knows only the kind of secret.
fn generic_prompt(kind: SecretKind) -> String {
    match kind {
        SecretKind::UserPin | SecretKind::NewPin => crate::fl!("prompt-pin"),
        SecretKind::SoPin => crate::fl!("prompt-generic-so-pin"),
        SecretKind::Password => crate::fl!("prompt-password"),
        SecretKind::RecoveryKey => crate::fl!("prompt-recovery-key"),
    }
}

/// Ask on the terminal with echo off; fail at once when there is no terminal.
///
/// # Errors
/// No terminal to ask on.
pub fn prompt(kind: SecretKind, text: &str) -> Result<Pin> {
    if !std::io::stdin().is_terminal() && !std::io::stderr().is_terminal() {
        return Err(no_terminal(kind));
    }
    match crate::terminal::ask(text, crate::terminal::Echo::Hidden)? {
        Some(value) => Ok(Pin::new(value.to_string())),
        None => Err(no_terminal(kind)),
    }
}

fn no_terminal(kind: SecretKind) -> Error {
    SecretError::NoTerminal { secret: kind }.into()
}

/// The longest secret file read (a PIN, a password, a recovery key is far shorter).
pub const MAX_SECRET_FILE: u64 = 4096;

fn read_file(path: &Path, kind: SecretKind) -> Result<Pin> {
    let io = |source| Error::Io {
        action: "read",
        path: path.to_path_buf(),
        source,
    };
    let file = crate::files::open_regular(path)?;
    let mut bytes = Zeroizing::new(Vec::with_capacity(MAX_SECRET_FILE as usize + 1));
    file.take(MAX_SECRET_FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_SECRET_FILE {
        return Err(crate::error::InputError::FileTooLarge {
            path: path.to_path_buf(),
            max: MAX_SECRET_FILE,
        }
        .into());
    }
    if bytes.last() == Some(&b'\n') {
        bytes.pop();
        if bytes.last() == Some(&b'\r') {
            bytes.pop();
        }
    }
    let text = std::str::from_utf8(&bytes).map_err(|_| SecretError::FileNotText {
        secret: kind,
        path: path.to_path_buf(),
    })?;
    // Said before the secret is used: a blank line or trailing spaces become part of it.
    if text.ends_with(char::is_whitespace) || text.starts_with(char::is_whitespace) {
        eprintln!(
            "tokenward: {}",
            crate::fl!(
                "secret-file-blanks",
                file = path.display().to_string(),
                what = kind.flag()
            )
        );
    }
    Ok(Pin::new(text.to_string()))
}

fn read_stdin_line(kind: SecretKind) -> Result<Pin> {
    // Typed on the terminal, the answer would be echoed: ask with a hidden prompt instead.
    if std::io::stdin().is_terminal() {
        return prompt(kind, &format!("{} ", generic_prompt(kind)));
    }
    let mut line = Zeroizing::new(String::new());
    let read =
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| SecretError::StdinFailed {
                secret: kind,
                reason: e.to_string(),
            })?;
    if read == 0 {
        return Err(SecretError::StdinEnded { secret: kind }.into());
    }
    let trimmed = line.strip_suffix('\n').unwrap_or(&line);
    let trimmed = trimmed.strip_suffix('\r').unwrap_or(trimmed);
    Ok(Pin::new(trimmed.to_string()))
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
