//! A secret (PIN, password, recovery key) that could not be obtained from where it was said
//! to be. The secret itself is never part of the error.

use std::path::PathBuf;

use crate::pin::SecretKind;

/// Why a secret could not be read.
#[derive(Debug, thiserror::Error, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum SecretError {
    /// More than one source for one secret.
    #[error("give the {} only one way: --{f}-file, --{f}-env or --{f}-stdin", secret.noun(), f = secret.flag())]
    SeveralSources {
        /// Which secret.
        secret: SecretKind,
    },
    /// The named variable is not set.
    #[error("the environment variable {variable} named for the {} is not set", secret.noun())]
    VariableNotSet {
        /// Which secret.
        secret: SecretKind,
        /// The variable's name.
        variable: String,
    },
    /// The variable is not text.
    #[error("the environment variable {variable} holds bytes that are not text; the {} must be text", secret.noun())]
    VariableNotText {
        /// Which secret.
        secret: SecretKind,
        /// The variable's name.
        variable: String,
    },
    /// The secret is empty.
    #[error("the {} from {} is empty", secret.noun(), origin.describe())]
    Empty {
        /// Which secret.
        secret: SecretKind,
        /// Where it was read from.
        origin: crate::pin::PinSource,
    },
    /// A prompt is needed and there is no terminal.
    #[error("the {} is needed but there is no terminal to ask on", secret.noun())]
    NoTerminal {
        /// Which secret.
        secret: SecretKind,
    },
    /// The file is not UTF-8.
    #[error("the {} file {} does not hold text", secret.noun(), path.display())]
    FileNotText {
        /// Which secret.
        secret: SecretKind,
        /// The file.
        path: PathBuf,
    },
    /// Standard input failed.
    #[error("cannot read the {} from standard input: {reason}", secret.noun())]
    StdinFailed {
        /// Which secret.
        secret: SecretKind,
        /// The operating system's words.
        reason: String,
    },
    /// A login PIN with letters that are not Latin: the keyboard is probably on another
    /// layout. It was not sent, so no try was used.
    #[error("the {} holds {what} (character {position}): the keyboard is probably on the Russian or another non-Latin layout. Nothing was sent to the token and no try was used", secret.noun())]
    NonLatinLogin {
        /// Which secret.
        secret: SecretKind,
        /// What kind of letter, in words ("a Cyrillic letter").
        what: &'static str,
        /// 1-based position of the first one.
        position: usize,
    },
    /// Standard input ended first.
    #[error("standard input ended before the {} was given", secret.noun())]
    StdinEnded {
        /// Which secret.
        secret: SecretKind,
    },
}

impl SecretError {
    /// What to do about it.
    pub fn hint(&self) -> Option<String> {
        match self {
            SecretError::NoTerminal { secret } => Some(format!(
                "give it with --{f}-file FILE, --{f}-env VARIABLE or --{f}-stdin",
                f = secret.flag()
            )),
            SecretError::FileNotText { .. } => Some("save it as UTF-8".into()),
            SecretError::NonLatinLogin { .. } => Some("switch the keyboard to the English (Latin) layout and type the PIN again; if the PIN really holds such letters (set by another program), add --pin-as-typed".into()),
            _ => None,
        }
    }
}
