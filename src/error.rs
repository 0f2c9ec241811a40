//! The library's error type and the exit codes the command line maps it to.
//!
//! Every variant says what happened and what to do next in words a non-expert can act on;
//! the PKCS#11 return code is kept (see [`Error::Pkcs11`]) so scripts and bug reports still
//! get the exact `CKR_…` name. No variant ever carries a PIN or other secret.

use std::path::PathBuf;

use cryptoki::context::Function;
use cryptoki::error::RvError;

use crate::pin::PolicyViolation;
use crate::token::pin::{PinUser, RetryState};
use crate::token::rv;
use crate::uri::UriError;

/// Result alias used across the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The documented process exit codes (see `docs/exit-codes.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum ExitCode {
    /// Success.
    Success = 0,
    /// General failure.
    Failure = 1,
    /// Usage error or bad input.
    Usage = 2,
    /// No token, no module, or the selected token is not there.
    NoToken = 3,
    /// Wrong PIN.
    WrongPin = 4,
    /// PIN locked.
    PinLocked = 5,
    /// PIN policy violation.
    Policy = 6,
    /// A signature or certificate did not verify.
    Verification = 7,
}

/// One token offered to the user when a selector was missing or ambiguous.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Candidate {
    /// Token label, trimmed.
    pub label: String,
    /// Token serial number, trimmed.
    pub serial: String,
    /// The token's PKCS#11 URI.
    pub uri: String,
}

/// One object offered to the user when an object selector was missing or ambiguous.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ObjectCandidate {
    /// CKA_LABEL.
    pub label: String,
    /// CKA_ID in hex.
    pub id: String,
    /// What it is, in words.
    pub detail: String,
    /// The object's URI.
    pub uri: String,
}

/// Everything that can go wrong in tokenward.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Discovery found no PKCS#11 module at all.
    #[error(
        "no PKCS#11 module found (looked in {} places); install your token's driver, or name \
         its module with --module PATH or the TOKENWARD_MODULE variable",
        searched
    )]
    NoModule {
        /// How many places were searched.
        searched: usize,
    },

    /// The module file does not exist.
    #[error("PKCS#11 module {path} does not exist; check the path, or run `tokenward modules` to see the modules found on this computer")]
    ModuleMissing {
        /// The path given.
        path: PathBuf,
    },

    /// The file exists but is not a loadable PKCS#11 library.
    #[error("{path} is not a PKCS#11 library ({reason}); point --module at the vendor's PKCS#11 .so/.dll/.dylib file")]
    ModuleNotPkcs11 {
        /// The path given.
        path: PathBuf,
        /// Why loading failed, from the dynamic loader.
        reason: String,
    },

    /// C_Initialize failed.
    #[error("PKCS#11 module {path} failed to start (C_Initialize returned {}): {}", rv::name(*rv), rv::explain(*rv))]
    ModuleInit {
        /// The module path.
        path: PathBuf,
        /// The return code.
        rv: RvError,
    },

    /// No token is present in any slot.
    #[error("no token found: plug in your token or insert the card, then try again (`tokenward doctor` explains what the computer sees)")]
    NoToken,

    /// A token selector matched no token.
    #[error(
        "no token matches {selector:?}; the tokens present are:{}",
        list_candidates(candidates)
    )]
    TokenNotFound {
        /// What the user typed.
        selector: String,
        /// The tokens that are present.
        candidates: Vec<Candidate>,
    },

    /// More than one token matched (or no selector was given and several are present).
    #[error("{} tokens match{}; choose one with --token followed by its URI, label or serial:{}",
        candidates.len(),
        selector.as_deref().map(|s| format!(" {s:?}")).unwrap_or_default(),
        list_candidates(candidates))]
    AmbiguousToken {
        /// What the user typed, if anything.
        selector: Option<String>,
        /// The matching tokens.
        candidates: Vec<Candidate>,
    },

    /// A PKCS#11 URI could not be parsed.
    #[error(transparent)]
    Uri(#[from] UriError),

    /// A PKCS#11 call failed.
    #[error("{}: {} ({} in C_{function:?})", rv::headline(*rv), rv::explain(*rv), rv::name(*rv))]
    Pkcs11 {
        /// The PKCS#11 function that failed.
        function: Function,
        /// Its return code.
        rv: RvError,
    },

    /// The PKCS#11 wrapper failed outside a PKCS#11 call.
    #[error("PKCS#11 library error: {0}")]
    Cryptoki(String),

    /// A secret (PIN, password) could not be obtained.
    #[error("{0}")]
    Secret(String),

    /// Reading or writing a file failed.
    #[error("cannot {action} {path}: {source}")]
    Io {
        /// What we were doing ("read", "write", …).
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },

    /// Bad input from the user, with the message that says what to fix.
    #[error("{0}")]
    Usage(String),

    /// A new PIN breaks the PIN policy (checked before the token is touched).
    #[error("{0}; nothing was changed on the token")]
    Policy(PolicyViolation),

    /// A wrong PIN, with the retry state before and after the attempt.
    #[error("wrong {}: the token refused it. Before this attempt: {}; now: {}{}",
        who.noun(), before.describe(), after.describe(), wrong_pin_hint(*who, after))]
    WrongPin {
        /// Whose PIN.
        who: PinUser,
        /// State before the attempt.
        before: RetryState,
        /// State after the attempt.
        after: RetryState,
    },

    /// The PIN is locked; it was not sent.
    #[error("{}", locked_message(*who))]
    PinLocked {
        /// Whose PIN.
        who: PinUser,
    },

    /// The PIN is at its final try and the caller did not confirm; it was not sent.
    #[error("the {} has one try left: a wrong one now locks it, so it was not sent. If you are sure of it, run the command again with --final-try", who.noun())]
    FinalTry {
        /// Whose PIN.
        who: PinUser,
    },

    /// The two entries of a new secret differed.
    #[error("the two entries of the {0} did not match; nothing was changed")]
    Mismatch(&'static str),

    /// An object selector matched nothing.
    #[error("no {what} matches {selector:?}{}", list_objects(candidates, what))]
    ObjectNotFound {
        /// "certificate", "private key", …
        what: &'static str,
        /// What the user typed (empty: nothing typed).
        selector: String,
        /// The objects of that kind on the token.
        candidates: Vec<ObjectCandidate>,
    },

    /// An object selector matched several objects (or none was given and several exist).
    #[error("{} {what}s match{}; choose one with its URI, label, id (hex) or fingerprint prefix:{}",
        candidates.len(),
        selector.as_deref().map(|s| format!(" {s:?}")).unwrap_or_default(),
        list_objects(candidates, what))]
    AmbiguousObject {
        /// "certificate", "private key", …
        what: &'static str,
        /// What the user typed, if anything.
        selector: Option<String>,
        /// The matching objects.
        candidates: Vec<ObjectCandidate>,
    },

    /// A password (of a PKCS#12 or key file) was wrong.
    #[error("wrong password for the {0}: it could not be opened. Check the password (and its keyboard layout) and try again; nothing was changed on the token")]
    WrongPassword(&'static str),

    /// The token lacks a mechanism the operation needs.
    #[error("this token cannot do {wanted}; it offers: {}", if supported.is_empty() { "none of the kinds tokenward uses".to_string() } else { supported.join(", ") })]
    MechanismUnsupported {
        /// What was asked for.
        wanted: String,
        /// What the token offers instead.
        supported: Vec<String>,
    },

    /// An object with that label, id or key is already on the token.
    #[error("{0}")]
    ObjectExists(String),

    /// A key and a certificate do not belong together.
    #[error("{0}")]
    KeyMismatch(String),

    /// The private key may not leave the token.
    #[error("the private key \"{label}\" cannot leave the token: the token marks it not extractable, which is how it protects the key. To use the key in another program, let that program use it on the token: `tokenward export-config --for openssl|gnutls|nss|java|ssh --key {label:?}`")]
    NotExtractable {
        /// The key's label.
        label: String,
    },

    /// A step failed after some objects were written; they were removed again.
    #[error("{cause}. {}", rolled_back_words(*written, *removed))]
    RolledBack {
        /// What failed.
        cause: Box<Error>,
        /// Objects written before the failure.
        written: usize,
        /// Objects removed again.
        removed: usize,
    },

    /// A signature or certificate did not verify; the message says what was checked.
    #[error("verification failed: {0}")]
    Verification(String),

    /// The token went away in the middle of the work.
    #[error("the token was removed (or stopped answering) while tokenward was using it ({0}); plug it in again and repeat the command")]
    TokenRemoved(String),

    /// The sign-in did not prove the account (state, ID token, email, scope).
    #[error("the sign-in did not prove the account: {0}")]
    IdentityNotProven(String),

    /// The user declined the sign-in or the permissions.
    #[error("the sign-in was cancelled or the permissions were declined in the browser; nothing was changed. Run the command again and allow tokenward to send mail from your account")]
    SignInDenied,

    /// Nobody completed the sign-in in time.
    #[error("the sign-in was not completed within {0} seconds; nothing was changed. Run the command again and finish the sign-in in the browser (the time allowed is recovery.sign_in_timeout_seconds)")]
    SignInTimeout(u64),

    /// A network request failed.
    #[error("network error: {0}")]
    Network(String),

    /// The recovery mail could not be sent.
    #[error("the recovery mail could not be sent: {0}")]
    MailFailed(String),

    /// The recovery key was mistyped (checksum).
    #[error("that recovery key is mistyped: {0}. Nothing was tried")]
    RecoveryKeyMistyped(String),

    /// The recovery key does not open the blob.
    #[error("that recovery key does not open this token's recovery data: it is not the key from the latest recovery mail for this token. Nothing was changed")]
    RecoveryKeyWrong,

    /// No recovery set up (or none for this token).
    #[error("{0}")]
    NotEnrolled(String),

    /// The token is write-protected.
    #[error("the token is write-protected: nothing can be changed on it (check for a write-protect switch, or ask the token's issuer)")]
    WriteProtected,
}

fn rolled_back_words(written: usize, removed: usize) -> String {
    match (written, removed) {
        (0, _) => "Nothing had been written to the token".into(),
        (w, r) if w == r => format!("The {w} object(s) written before the failure were removed again: the token is as it was"),
        (w, r) => format!("Only {r} of the {w} object(s) written before the failure could be removed again: check the token with `tokenward objects --login`"),
    }
}

fn list_objects(candidates: &[ObjectCandidate], what: &str) -> String {
    if candidates.is_empty() {
        return format!("; the token holds no {what}");
    }
    let mut out = String::from("; on the token:");
    for c in candidates {
        out.push_str(&format!(
            "\n  {:<24} id {:<10} {}\n      {}",
            c.label, c.id, c.detail, c.uri
        ));
    }
    out
}

fn wrong_pin_hint(who: PinUser, after: &RetryState) -> &'static str {
    match (who, after.locked, after.final_try) {
        (PinUser::User, true, _) => ". Ask your administrator to run `tokenward pin unblock` with the SO PIN",
        (PinUser::So, true, _) => ". The SO PIN is locked: only re-initialising the token (which destroys its keys) or the token's issuer can help",
        (_, _, true) => ". Check the PIN carefully before trying again: one more mistake locks it",
        _ => "",
    }
}

fn locked_message(who: PinUser) -> &'static str {
    match who {
        PinUser::User => "the PIN is locked after too many wrong attempts, so it was not sent. Ask your administrator to run `tokenward pin unblock` with the SO PIN",
        PinUser::So => "the SO PIN is locked after too many wrong attempts, so it was not sent. Only re-initialising the token (which destroys its keys) or the token's issuer can help",
    }
}

fn list_candidates(candidates: &[Candidate]) -> String {
    candidates
        .iter()
        .map(|c| format!("\n  {:<32} serial {:<16} {}", c.label, c.serial, c.uri))
        .collect()
}

impl Error {
    /// The exit code the command line uses for this error.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Error::NoModule { .. }
            | Error::ModuleMissing { .. }
            | Error::ModuleNotPkcs11 { .. }
            | Error::ModuleInit { .. }
            | Error::NoToken
            | Error::TokenNotFound { .. } => ExitCode::NoToken,
            Error::AmbiguousToken { .. }
            | Error::Uri(_)
            | Error::Usage(_)
            | Error::Secret(_)
            | Error::FinalTry { .. }
            | Error::Mismatch(_)
            | Error::ObjectNotFound { .. }
            | Error::AmbiguousObject { .. }
            | Error::MechanismUnsupported { .. }
            | Error::ObjectExists(_)
            | Error::KeyMismatch(_)
            | Error::NotExtractable { .. } => ExitCode::Usage,
            Error::WrongPassword(_) => ExitCode::WrongPin,
            Error::Verification(_) | Error::IdentityNotProven(_) => ExitCode::Verification,
            Error::SignInDenied | Error::RecoveryKeyMistyped(_) | Error::NotEnrolled(_) => {
                ExitCode::Usage
            }
            Error::RecoveryKeyWrong => ExitCode::WrongPin,
            Error::TokenRemoved(_) => ExitCode::NoToken,
            Error::RolledBack { cause, .. } => cause.exit_code(),
            Error::Policy(_) => ExitCode::Policy,
            Error::WrongPin { .. } => ExitCode::WrongPin,
            Error::PinLocked { .. } => ExitCode::PinLocked,
            Error::Io { action, .. } if *action == "read" => ExitCode::Usage,
            Error::Pkcs11 { rv, .. } => rv::exit_code(*rv),
            _ => ExitCode::Failure,
        }
    }

    /// A stable snake_case name for this kind of error, used in `--json` output.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::NoModule { .. } => "no_module",
            Error::ModuleMissing { .. } => "module_missing",
            Error::ModuleNotPkcs11 { .. } => "module_not_pkcs11",
            Error::ModuleInit { .. } => "module_init_failed",
            Error::NoToken => "no_token",
            Error::TokenNotFound { .. } => "token_not_found",
            Error::AmbiguousToken { .. } => "ambiguous_token",
            Error::Uri(_) => "bad_uri",
            Error::Pkcs11 { .. } => "pkcs11",
            Error::Cryptoki(_) => "pkcs11_library",
            Error::Secret(_) => "secret_input",
            Error::Io { .. } => "io",
            Error::Usage(_) => "usage",
            Error::Policy(_) => "pin_policy",
            Error::WrongPin { .. } => "wrong_pin",
            Error::PinLocked { .. } => "pin_locked",
            Error::FinalTry { .. } => "final_try_needs_confirmation",
            Error::Mismatch(_) => "entries_differ",
            Error::WriteProtected => "write_protected",
            Error::ObjectNotFound { .. } => "object_not_found",
            Error::AmbiguousObject { .. } => "ambiguous_object",
            Error::WrongPassword(_) => "wrong_password",
            Error::Verification(_) => "verification_failed",
            Error::IdentityNotProven(_) => "identity_not_proven",
            Error::SignInDenied => "sign_in_denied",
            Error::SignInTimeout(_) => "sign_in_timeout",
            Error::Network(_) => "network",
            Error::MailFailed(_) => "mail_failed",
            Error::RecoveryKeyMistyped(_) => "recovery_key_mistyped",
            Error::RecoveryKeyWrong => "recovery_key_wrong",
            Error::NotEnrolled(_) => "not_enrolled",
            Error::TokenRemoved(_) => "token_removed",
            Error::MechanismUnsupported { .. } => "mechanism_unsupported",
            Error::ObjectExists(_) => "object_exists",
            Error::KeyMismatch(_) => "key_mismatch",
            Error::NotExtractable { .. } => "key_not_extractable",
            Error::RolledBack { cause, .. } => cause.kind(),
        }
    }

    /// The `CKR_…` name when this error came from a PKCS#11 call.
    pub fn ckr(&self) -> Option<String> {
        match self {
            Error::Pkcs11 { rv, .. } | Error::ModuleInit { rv, .. } => Some(rv::name(*rv)),
            Error::WrongPin { .. } => Some("CKR_PIN_INCORRECT".into()),
            Error::RolledBack { cause, .. } => cause.ckr(),
            _ => None,
        }
    }

    /// Build an error from a failed cryptoki call.
    pub fn from_cryptoki(err: cryptoki::error::Error) -> Self {
        match err {
            cryptoki::error::Error::Pkcs11(rv, function) => Error::Pkcs11 { function, rv },
            other => Error::Cryptoki(other.to_string()),
        }
    }
}

impl From<cryptoki::error::Error> for Error {
    fn from(err: cryptoki::error::Error) -> Self {
        Error::from_cryptoki(err)
    }
}
