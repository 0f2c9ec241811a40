//! The operations: one function per command, each taking the [`Workspace`], a typed request
//! and, where a person has to answer, an [`Ask`]. Each returns a typed result that serialises
//! to the command's JSON (`docs/json.md`, `docs/schemas/`); the command line only renders it.
//!
//! Every operation checks its input before the token is touched, and writes its security
//! events to the audit log itself.

pub mod certs;
pub mod doctor;
pub mod keys;
pub mod mechanisms;
pub mod pin;
pub mod provision;
pub mod readers;
pub mod recovery;
pub mod schema;
pub mod setup;
pub mod sign;
pub mod tokens;

use std::path::Path;

use serde::Serialize;

use crate::error::{InputError, Result};
use crate::pin::{Pin, PinSource, SecretKind};
use crate::token::pin::PinUser;
use crate::token::TokenRef;
#[allow(unused_imports)]
use crate::Workspace;

/// The token a result is about.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema, PartialEq, Eq)]
pub struct TokenSummary {
    /// CKA_LABEL of the token, trimmed.
    pub label: String,
    /// Its serial number, trimmed.
    pub serial: String,
    /// Its PKCS#11 URI (by serial).
    pub uri: String,
}

impl TokenSummary {
    /// The summary of `token`.
    pub fn of(token: &TokenRef) -> Self {
        TokenSummary {
            label: token.report.label.clone(),
            serial: token.report.serial.clone(),
            uri: token.report.uri.clone(),
        }
    }
}

/// What an operation is about to destroy, for the caller to confirm.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Destruction {
    /// A certificate (its key stays).
    Certificate {
        /// Its common name (or label).
        name: String,
        /// The token's label.
        token: String,
    },
    /// A key pair, and with `with_cert` its certificate.
    Key {
        /// The key's label.
        label: String,
        /// The token's label.
        token: String,
        /// The certificate's label, if one goes with it.
        cert: Option<String>,
        /// The certificate stays although there is one.
        cert_stays: bool,
    },
    /// PIN recovery on a token.
    Recovery {
        /// The token's label.
        token: String,
    },
}

/// How an operation asks the person (or script) in front of it for secrets and
/// confirmations. The command line answers from its flags, standard input or a hidden
/// prompt; a program answers however it likes.
pub trait Ask {
    /// The current PIN of `who` for `token`.
    ///
    /// # Errors
    /// The source cannot be read, or the person cancelled.
    fn pin(&self, who: PinUser, token: &TokenRef) -> Result<Pin>;

    /// A new PIN for `who`; `rule` says what it must be like and checks it with the token's
    /// limits (a prompt asks again when it fails).
    ///
    /// # Errors
    /// The source cannot be read, the entries differ, or the rule is broken.
    fn new_pin(&self, who: PinUser, token: &TokenRef, rule: &pin::NewPinRule) -> Result<Pin>;

    /// The password of the input file `file` (PKCS#12 or encrypted key); a prompt names it.
    ///
    /// # Errors
    /// The source cannot be read.
    fn file_password(&self, file: &Path) -> Result<Pin>;

    /// A new password for an exported key; `check` applies the length rule.
    ///
    /// # Errors
    /// The source cannot be read, the entries differ, or `check` fails.
    fn new_password(&self, check: &dyn Fn(&Pin) -> Result<()>) -> Result<Pin>;

    /// Confirm that `what` may be destroyed.
    ///
    /// # Errors
    /// Not confirmed, or nobody to ask.
    fn confirm(&self, what: &Destruction) -> Result<()>;

    /// May a PIN be sent when the token says one try is left (a wrong one then locks it)?
    /// No, unless the person said so (`--final-try`).
    fn final_try(&self) -> bool {
        false
    }

    /// May a login PIN with non-Latin letters be sent as typed (`--pin-as-typed`)? No: such a
    /// PIN is usually typed on the wrong keyboard layout, and sending it costs a try.
    fn pin_as_typed(&self) -> bool {
        false
    }

    /// The token's reader has a PIN pad: the person is about to type the PIN of `who` on its
    /// keypad (tell them so; nothing is asked here).
    fn on_pin_pad(&self, _who: PinUser, _token: &TokenRef) {}

    /// Should changes to the token (generating, importing, deleting) be made in an SO session?
    /// Some tokens allow them only there (OpenSC's OpenPGP card: the admin PIN). Yes when the
    /// person gave the SO PIN for this (`--so-pin-*`).
    fn writes_as_so(&self) -> bool {
        false
    }
}

/// An [`Ask`] that reads each secret from a [`PinSource`] (a file, a variable, standard
/// input, or a hidden prompt that asks a new secret twice) and confirms destruction only when
/// told to. The command line builds one from its flags; a program can too.
#[derive(Debug, Clone)]
pub struct Sources {
    /// The current user PIN.
    pub user: PinSource,
    /// The current SO PIN.
    pub so: PinSource,
    /// A new user PIN.
    pub new_user: PinSource,
    /// A new SO PIN.
    pub new_so: PinSource,
    /// An input file's password.
    pub password: PinSource,
    /// A new export password.
    pub new_password: PinSource,
    /// Destruction is confirmed in advance (`--yes`).
    pub confirmed: bool,
    /// A PIN may be sent on its final try (`--final-try`).
    pub final_try: bool,
    /// A login PIN with non-Latin letters may be sent as typed (`--pin-as-typed`).
    pub as_typed: bool,
}

impl Default for Sources {
    fn default() -> Self {
        Sources {
            user: PinSource::Prompt,
            so: PinSource::Prompt,
            new_user: PinSource::Prompt,
            new_so: PinSource::Prompt,
            password: PinSource::Prompt,
            new_password: PinSource::Prompt,
            confirmed: false,
            final_try: false,
            as_typed: false,
        }
    }
}

impl Ask for Sources {
    fn pin(&self, who: PinUser, token: &TokenRef) -> Result<Pin> {
        let (label, serial) = (token.report.label.as_str(), token.report.serial.as_str());
        match who {
            PinUser::User if token.report.flags.user_pin_to_be_changed => self.user.read_prompting(
                SecretKind::UserPin,
                &crate::fl!("prompt-factory-pin", token = label, serial = serial),
            ),
            PinUser::User => self.user.read_prompting(
                SecretKind::UserPin,
                &crate::fl!("prompt-user-pin", token = label, serial = serial),
            ),
            PinUser::So => self.so.read_prompting(
                SecretKind::SoPin,
                &crate::fl!("prompt-so-pin", token = label, serial = serial),
            ),
        }
    }

    fn new_pin(&self, who: PinUser, _token: &TokenRef, rule: &pin::NewPinRule) -> Result<Pin> {
        let check = |p: &Pin| rule.check(p);
        match who {
            PinUser::User => crate::pin::read_new_prompting(
                SecretKind::NewPin,
                &self.new_user,
                &check,
                &crate::pin::NewPrompts {
                    first: crate::fl!("prompt-new-user-pin", rule = rule.words.as_str()),
                    again: crate::fl!("prompt-repeat-user-pin"),
                },
            ),
            PinUser::So => crate::pin::read_new_prompting(
                SecretKind::SoPin,
                &self.new_so,
                &check,
                &crate::pin::NewPrompts {
                    first: crate::fl!("prompt-new-so-pin", rule = rule.words.as_str()),
                    again: crate::fl!("prompt-repeat-so-pin"),
                },
            ),
        }
    }

    fn file_password(&self, file: &Path) -> Result<Pin> {
        let name = file.file_name().unwrap_or(file.as_os_str());
        let text = crate::fl!("prompt-password-of", file = name.to_string_lossy());
        self.password.read_prompting(SecretKind::Password, &text)
    }

    fn new_password(&self, check: &dyn Fn(&Pin) -> Result<()>) -> Result<Pin> {
        crate::pin::read_new(SecretKind::Password, &self.new_password, check)
    }

    fn final_try(&self) -> bool {
        self.final_try
    }

    fn writes_as_so(&self) -> bool {
        self.so != PinSource::Prompt
    }

    fn pin_as_typed(&self) -> bool {
        self.as_typed
    }

    fn confirm(&self, _what: &Destruction) -> Result<()> {
        if self.confirmed {
            Ok(())
        } else {
            Err(InputError::NoTerminalToConfirm.into())
        }
    }
}
