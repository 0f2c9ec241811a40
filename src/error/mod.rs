//! The library's error type and the exit codes the command line maps it to.
//!
//! Every variant says what happened and what to do next in words a non-expert can act on;
//! the PKCS#11 return code is kept (see [`Error::Pkcs11`]) so scripts and bug reports still
//! get the exact `CKR_…` name. No variant ever carries a PIN or other secret.

use std::path::PathBuf;

use cryptoki::context::Function;
use cryptoki::error::RvError;

pub(crate) mod catalogue;
pub mod ckr;
mod input;
mod internal;
mod key;
mod pcsc;
mod provision;
mod recovery;
mod request;
mod secret;
mod setup;
mod verify;
mod words;

pub use words::violation_words;

pub use input::InputError;
pub use internal::Internal;
pub use key::KeyError;
pub use pcsc::{start_command as pcscd_start_command, PcscError};
pub use provision::ProvisionError;
pub use recovery::{IdentityFailure, KeyTypo, NotEnrolled, RecoveryError};
pub use request::RequestError;
pub use secret::SecretError;
pub use setup::SetupError;
pub use verify::VerifyError;

use self::ckr as rv;
use crate::pin::{PolicyViolation, SecretKind};
use crate::token::pin::{PinUser, RetryState, TriesReported};
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
    /// The person cancelled a question (Ctrl-C); nothing was changed.
    Cancelled = 130,
}

/// One token offered to the user when a selector was missing or ambiguous.
#[derive(Debug, Clone, serde::Serialize, schemars::JsonSchema)]
pub struct Candidate {
    /// Token label, trimmed.
    pub label: String,
    /// Token serial number, trimmed.
    pub serial: String,
    /// The token's PKCS#11 URI.
    pub uri: String,
}

/// One object offered to the user when an object selector was missing or ambiguous.
#[derive(Debug, Clone, serde::Serialize, schemars::JsonSchema)]
pub struct ObjectCandidate {
    /// CKA_LABEL.
    pub label: String,
    /// CKA_ID in hex.
    pub id: String,
    /// What it is, in English words (stable in JSON; people read [`ObjectCandidate::words`]).
    pub detail: String,
    /// The object's URI.
    pub uri: String,
    /// What it is, for the words in the person's language.
    #[serde(skip)]
    #[schemars(skip)]
    pub kind: CandidateKind,
}

/// What a candidate object is.
#[derive(Debug, Clone, Default)]
pub enum CandidateKind {
    /// A certificate, by its subject's common name and the start of its fingerprint.
    Certificate {
        /// The common name.
        name: String,
        /// The first 16 hex digits of its SHA-256.
        fingerprint: String,
    },
    /// A certificate that does not parse.
    UnreadableCertificate,
    /// A private key.
    PrivateKey,
    /// A public key.
    PublicKey,
    /// Only the detail's words are known.
    #[default]
    Other,
}

impl ObjectCandidate {
    /// What it is, in the person's language.
    pub fn words(&self) -> String {
        match &self.kind {
            CandidateKind::Certificate { name, fingerprint } => crate::fl!(
                "candidate-certificate",
                name = name.as_str(),
                fingerprint = fingerprint.as_str()
            ),
            CandidateKind::UnreadableCertificate => crate::fl!("candidate-unreadable-certificate"),
            CandidateKind::PrivateKey => crate::fl!("candidate-private-key"),
            CandidateKind::PublicKey => crate::fl!("candidate-public-key"),
            CandidateKind::Other => self.detail.clone(),
        }
    }
}

/// The JSON a command prints on standard output when it fails with `--json`.
#[derive(Debug, Clone, serde::Serialize, schemars::JsonSchema)]
pub struct ErrorDocument {
    /// The failure.
    pub error: ErrorBody,
}

/// The failure in an [`ErrorDocument`].
#[derive(Debug, Clone, serde::Serialize, schemars::JsonSchema)]
pub struct ErrorBody {
    /// A stable snake_case name of the kind of failure (docs/exit-codes.md).
    pub kind: String,
    /// A finer stable snake_case reason within the kind, or `null`.
    pub reason: Option<String>,
    /// The process exit code.
    pub exit_code: u8,
    /// The PKCS#11 return code (`CKR_…`), when a PKCS#11 call failed.
    pub ckr: Option<String>,
    /// What happened, in words.
    pub message: String,
    /// What to do about it, in words, or `null`.
    pub hint: Option<String>,
    /// The tokens or objects a selector could have meant, or `null`.
    pub candidates: Option<CandidateList>,
}

/// The candidates of an [`ErrorBody`].
#[derive(Debug, Clone, serde::Serialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum CandidateList {
    /// Tokens.
    Tokens(Vec<Candidate>),
    /// Objects on a token.
    Objects(Vec<ObjectCandidate>),
}

impl ErrorDocument {
    /// A command line that could not be parsed (`kind` `usage`).
    pub fn usage(reason: &str, message: String) -> Self {
        ErrorDocument {
            error: ErrorBody {
                kind: "usage".into(),
                reason: Some(reason.into()),
                exit_code: ExitCode::Usage as u8,
                ckr: None,
                message,
                hint: Some("run the command with --help to see its options".into()),
                candidates: None,
            },
        }
    }
}

/// What a selector could have meant.
#[derive(Debug, Clone, Copy, serde::Serialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum Candidates<'a> {
    /// Tokens.
    Tokens(&'a [Candidate]),
    /// Objects on a token.
    Objects(&'a [ObjectCandidate]),
}

/// Everything that can go wrong in tokenward.
///
/// Each error has a stable [`Error::kind`] (and, for the families below, a finer
/// [`Error::reason`]), a *problem* (its `Display`) and, apart from it, a *hint* that says what
/// to do ([`Error::hint`]), so that both can be rendered and translated separately.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Discovery found no PKCS#11 module at all.
    #[error("no PKCS#11 module found (looked in {searched} places)")]
    NoModule {
        /// How many places were searched.
        searched: usize,
    },

    /// The module file does not exist.
    #[error("PKCS#11 module {} does not exist", path.display())]
    ModuleMissing {
        /// The path given.
        path: PathBuf,
    },

    /// The file exists but is not a loadable PKCS#11 library.
    #[error("{} is not a PKCS#11 library ({reason})", path.display())]
    ModuleNotPkcs11 {
        /// The path given.
        path: PathBuf,
        /// Why loading failed, from the dynamic loader.
        reason: String,
    },

    /// C_Initialize failed.
    #[error("PKCS#11 module {} failed to start (C_Initialize returned {})", path.display(), rv::name(*rv))]
    ModuleInit {
        /// The module path.
        path: PathBuf,
        /// The return code.
        rv: RvError,
    },

    /// No token is present in any slot.
    #[error("no token found")]
    NoToken,

    /// A card is in a reader, but no PKCS#11 module found on this computer recognises it.
    #[error(
        "a card is in the reader {reader:?}, but no PKCS#11 module on this computer recognises it"
    )]
    CardNotRecognised {
        /// The reader's name.
        reader: String,
    },

    /// The token allows this change only in an SO (admin) session: it refused it after a good
    /// user login.
    #[error("this token allows {what} only with the SO PIN (on an OpenPGP card: the admin PIN)")]
    NeedsSoPin {
        /// What was refused ("generating keys").
        what: &'static str,
    },

    /// The module refuses this unless one of its own settings is changed.
    #[error("the token's module refuses {what} unless its configuration says `{setting}`")]
    NeedsModuleSetting {
        /// What was refused ("setting the user PIN with the SO PIN").
        what: &'static str,
        /// The setting, as written in the module's configuration file.
        setting: &'static str,
        /// Where that setting goes, in words.
        place: &'static str,
    },

    /// Another program holds the card exclusively.
    #[error("another program holds the card in the reader {reader:?}, so tokenward cannot use it")]
    CardHeld {
        /// The reader's name.
        reader: String,
        /// The program that probably holds it and how to make it let go, when one is running.
        holder: Option<crate::readers::holders::Holder>,
    },

    /// The smart-card service could not be used.
    #[error(transparent)]
    Pcsc(#[from] PcscError),

    /// A token selector matched no token.
    #[error("{}", if *default {
        format!("the default token {selector:?} is not plugged in")
    } else {
        format!("no token matches {selector:?}")
    })]
    TokenNotFound {
        /// What the user typed, or the default chosen earlier.
        selector: String,
        /// The tokens that are present.
        candidates: Vec<Candidate>,
        /// The selector is the default (`tokens select`, or the configuration's `token`), not
        /// `--token`.
        default: bool,
    },

    /// More than one token matched (or no selector was given and several are present).
    #[error("{}", ambiguous_words(selector.as_deref(), candidates))]
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
    #[error("{} ({} in C_{function:?})", rv::headline_in(*rv, *function), rv::name(*rv))]
    Pkcs11 {
        /// The PKCS#11 function that failed.
        function: Function,
        /// Its return code.
        rv: RvError,
    },

    /// The PKCS#11 wrapper failed outside a PKCS#11 call.
    #[error("PKCS#11 library error: {0}")]
    Cryptoki(#[source] cryptoki::error::Error),

    /// A secret (PIN, password) could not be obtained.
    #[error(transparent)]
    Secret(#[from] SecretError),

    /// Reading or writing a file failed.
    #[error("cannot {action} {}: {source}", path.display())]
    Io {
        /// What we were doing ("read", "write", …).
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },

    /// Bad input: a file, a flag, an answer.
    #[error(transparent)]
    Input(#[from] InputError),

    /// A certificate request that cannot be built as asked.
    #[error(transparent)]
    Request(#[from] RequestError),

    /// A key that cannot be used as asked.
    #[error(transparent)]
    Key(#[from] KeyError),

    /// A new PIN breaks the PIN policy (checked before the token is touched).
    #[error("{}; nothing was changed on the token", violation.describe(match who {
        PinUser::User => "the new user PIN",
        PinUser::So => "the new SO PIN",
    }))]
    Policy {
        /// Whose new PIN.
        who: PinUser,
        /// The rule it broke.
        violation: PolicyViolation,
    },

    /// A wrong PIN, with the retry state before and after the attempt.
    #[error("{}", wrong_pin_words(*who, before, after))]
    WrongPin {
        /// Whose PIN.
        who: PinUser,
        /// State before the attempt.
        before: RetryState,
        /// State after the attempt.
        after: RetryState,
    },

    /// The PIN is locked; it was not sent.
    #[error("the {} is locked after too many wrong attempts, so it was not sent", who.noun())]
    PinLocked {
        /// Whose PIN.
        who: PinUser,
    },

    /// The PIN is at its final try and the caller did not confirm; it was not sent.
    #[error("the {} has one try left: a wrong one now locks it, so it was not sent", who.noun())]
    FinalTry {
        /// Whose PIN.
        who: PinUser,
    },

    /// The two entries of a new secret differed.
    #[error("the two entries of the {} did not match; nothing was changed", .0.noun())]
    Mismatch(SecretKind),

    /// An object selector matched nothing.
    #[error("no {what} matches {selector:?}{}", if candidates.is_empty() { format!("; the token holds no {what}") } else { String::new() })]
    ObjectNotFound {
        /// "certificate", "private key", …
        what: &'static str,
        /// What the user typed (empty: nothing typed).
        selector: String,
        /// The objects of that kind on the token.
        candidates: Vec<ObjectCandidate>,
    },

    /// An object selector matched several objects (or none was given and several exist).
    #[error("{} {what}s match{}",
        candidates.len(),
        selector.as_deref().map(|s| format!(" {s:?}")).unwrap_or_default())]
    AmbiguousObject {
        /// "certificate", "private key", …
        what: &'static str,
        /// What the user typed, if anything.
        selector: Option<String>,
        /// The matching objects.
        candidates: Vec<ObjectCandidate>,
    },

    /// A password (of a PKCS#12 or key file) was wrong.
    #[error("wrong password for the {0}: it could not be opened")]
    WrongPassword(&'static str),

    /// A new password is too short.
    #[error("the password is too short ({length} characters)")]
    PasswordTooShort {
        /// Its length in characters.
        length: usize,
        /// The least accepted.
        min: usize,
    },

    /// The token lacks a mechanism the operation needs.
    #[error("this token cannot do {wanted}; it offers: {}", if supported.is_empty() { "none of the kinds tokenward uses".to_string() } else { supported.join(", ") })]
    MechanismUnsupported {
        /// What was asked for.
        wanted: String,
        /// What the token offers instead.
        supported: Vec<String>,
    },

    /// An object with that label, id or key is already on the token.
    #[error(transparent)]
    ObjectExists(Existing),

    /// A certificate does not belong to the key it comes with.
    #[error(
        "the certificate \"{subject}\" does not belong to this key (their public keys differ)"
    )]
    KeyMismatch {
        /// The certificate's common name.
        subject: String,
    },

    /// The private key may not leave the token.
    #[error("the private key \"{label}\" cannot leave the token: the token marks it not extractable, which is how it protects the key")]
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

    /// A batch stopped at a failure (or Ctrl-C) after some files were signed.
    #[error("{cause}. {signed} signed, {skipped} skipped, {failed} failed, {not_started} not started; every signature written is complete, the other files have none")]
    BatchStopped {
        /// What failed.
        cause: Box<Error>,
        /// Files signed before it stopped.
        signed: usize,
        /// Files whose valid signature was kept (`--skip-existing`).
        skipped: usize,
        /// Files whose signing failed.
        failed: usize,
        /// Files not started.
        not_started: usize,
    },

    /// A signature or certificate did not verify.
    #[error("verification failed: {0}")]
    Verification(#[from] VerifyError),

    /// The token went away in the middle of the work.
    #[error("the token was removed (or stopped answering) while tokenward was using it ({})", rv.map(rv::name).unwrap_or_else(|| "its key is no longer visible".into()))]
    TokenRemoved {
        /// The return code that said so, if one did.
        rv: Option<RvError>,
    },

    /// The sign-in did not prove the account.
    #[error("the sign-in did not prove the account: {0}")]
    IdentityNotProven(#[from] IdentityFailure),

    /// The user declined the sign-in or the permissions.
    #[error("the sign-in was cancelled or the permissions were declined in the browser; nothing was changed")]
    SignInDenied,

    /// Nobody completed the sign-in in time.
    #[error("the sign-in was not completed within {0} seconds; nothing was changed")]
    SignInTimeout(u64),

    /// A network request failed.
    #[error("network error: {what}: {detail}")]
    Network {
        /// What was being fetched.
        what: String,
        /// The client's words.
        detail: String,
    },

    /// The recovery mail could not be sent.
    #[error("the recovery mail could not be sent: {detail}")]
    MailFailed {
        /// What the mail service or the client said, as a clause.
        detail: String,
        /// The mail service's HTTP status, when it answered.
        status: Option<u16>,
        /// Whether anything was stored on the token before (enrolment stores nothing first).
        nothing_stored: bool,
    },

    /// The recovery key was mistyped (checksum).
    #[error("that recovery key is mistyped: {0}. Nothing was tried")]
    RecoveryKeyMistyped(#[from] KeyTypo),

    /// The recovery key does not open the blob.
    #[error("that recovery key does not open this token's recovery data: it is not the key from the latest recovery mail for this token. Nothing was changed")]
    RecoveryKeyWrong,

    /// No recovery set up (or none for this token).
    #[error(transparent)]
    NotEnrolled(#[from] NotEnrolled),

    /// Recovery cannot go on.
    #[error(transparent)]
    Recovery(#[from] RecoveryError),

    /// No configuration location is known (no home directory) and none was given.
    #[error("no configuration directory is known")]
    NoConfigLocation,

    /// The configuration's settings are invalid.
    #[error("the configuration is not valid: {reason}")]
    ConfigInvalid {
        /// What is wrong, with the file and line where known.
        reason: String,
    },

    /// tokenward's own state file (the person's choices: default token and certificate) does
    /// not parse.
    #[error("the file where tokenward keeps your choices is not valid: {}: {reason}", path.display())]
    StateInvalid {
        /// The state file.
        path: PathBuf,
        /// What is wrong, with the line.
        reason: String,
    },

    /// The token is write-protected.
    #[error("the token is write-protected: nothing can be changed on it")]
    WriteProtected,

    /// Something failed that is not the user's doing.
    #[error(transparent)]
    Internal(#[from] Internal),

    /// A guided setup stopped.
    #[error(transparent)]
    Setup(#[from] SetupError),

    /// A provisioning manifest, or one token of it, was refused.
    #[error(transparent)]
    Provision(#[from] ProvisionError),

    /// Something at a line of a provisioning manifest is wrong.
    #[error("{}, line {line}: {cause}", file.display())]
    InManifest {
        /// The manifest.
        file: PathBuf,
        /// The line.
        line: usize,
        /// What is wrong there.
        cause: Box<Error>,
    },

    /// The person cancelled a question on the terminal (Ctrl-C, Ctrl-D); nothing was changed.
    #[error("cancelled; nothing was changed")]
    Cancelled,
}

/// What is already on the token.
#[derive(Debug, thiserror::Error, strum::IntoStaticStr, serde::Serialize, strum::VariantNames)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum Existing {
    /// An object with this label.
    Label {
        /// The label.
        label: String,
    },
    /// An object with this id.
    Id {
        /// The id in hex.
        id: String,
    },
    /// The same key.
    Key {
        /// Its label there.
        label: String,
        /// Its id there.
        id: String,
    },
}

catalogue::catalogued!(Existing, "existing");

fn rolled_back_words(written: usize, removed: usize) -> String {
    match (written, removed) {
        (0, _) => "Nothing had been written to the token".into(),
        (w, r) if w == r => format!("The {w} object(s) written before the failure were removed again: the token is as it was"),
        (w, r) => format!("Only {r} of the {w} object(s) written before the failure could be removed again: check the token with `tokenward objects --login`"),
    }
}

impl Error {
    /// The exit code the command line uses for this error.
    pub fn exit_code(&self) -> ExitCode {
        use Error::*;
        match self {
            NoModule { .. }
            | ModuleMissing { .. }
            | ModuleNotPkcs11 { .. }
            | ModuleInit { .. }
            | NoToken
            | CardNotRecognised { .. }
            | CardHeld { .. }
            | Pcsc(_)
            | TokenNotFound { .. }
            | TokenRemoved { .. } => ExitCode::NoToken,
            AmbiguousToken { .. }
            | Uri(_)
            | Input(_)
            | Request(_)
            | Key(_)
            | Secret(_)
            | FinalTry { .. }
            | Mismatch(_)
            | ObjectNotFound { .. }
            | AmbiguousObject { .. }
            | MechanismUnsupported { .. }
            | NeedsSoPin { .. }
            | NeedsModuleSetting { .. }
            | ObjectExists(_)
            | KeyMismatch { .. }
            | NotExtractable { .. }
            | PasswordTooShort { .. }
            | SignInDenied
            | RecoveryKeyMistyped(_)
            | NotEnrolled(_)
            | NoConfigLocation
            | ConfigInvalid { .. }
            | StateInvalid { .. } => ExitCode::Usage,
            Io { action, .. } if *action == "read" => ExitCode::Usage,
            Io { .. } => ExitCode::Failure,
            WrongPassword(_) | RecoveryKeyWrong | WrongPin { .. } => ExitCode::WrongPin,
            Verification(_) | IdentityNotProven(_) => ExitCode::Verification,
            Recovery(RecoveryError::StaleSoPin | RecoveryError::SoPinDoubtful) => {
                ExitCode::WrongPin
            }
            Recovery(_) => ExitCode::Usage,
            RolledBack { cause, .. } | BatchStopped { cause, .. } => cause.exit_code(),
            Cancelled => ExitCode::Cancelled,
            Policy { .. } => ExitCode::Policy,
            PinLocked { .. } => ExitCode::PinLocked,
            Pkcs11 { rv, function } => rv::exit_code_in(*rv, *function),
            Cryptoki(_)
            | SignInTimeout(_)
            | Network { .. }
            | MailFailed { .. }
            | WriteProtected
            | Internal(_) => ExitCode::Failure,
            Setup(_) => ExitCode::Failure,
            Provision(e) => e.exit_code(),
            InManifest { cause, .. } => cause.exit_code(),
        }
    }

    /// A stable snake_case name for this kind of error, used in `--json` output.
    pub fn kind(&self) -> &'static str {
        use Error::*;
        match self {
            NoModule { .. } => "no_module",
            ModuleMissing { .. } => "module_missing",
            ModuleNotPkcs11 { .. } => "module_not_pkcs11",
            ModuleInit { .. } => "module_init_failed",
            NoToken => "no_token",
            CardNotRecognised { .. } => "card_not_recognised",
            CardHeld { .. } => "card_held",
            NeedsSoPin { .. } => "so_pin_needed",
            NeedsModuleSetting { .. } => "module_setting_needed",
            Pcsc(_) => "pcsc",
            TokenNotFound { .. } => "token_not_found",
            AmbiguousToken { .. } => "ambiguous_token",
            Uri(_) => "bad_uri",
            Pkcs11 { .. } => "pkcs11",
            Cryptoki(_) => "pkcs11_library",
            Secret(_) => "secret_input",
            Io { .. } => "io",
            Input(_) => "bad_input",
            Request(_) => "bad_request",
            Key(_) => "key_unusable",
            Policy { .. } => "pin_policy",
            WrongPin { .. } => "wrong_pin",
            PinLocked { .. } => "pin_locked",
            FinalTry { .. } => "final_try_needs_confirmation",
            Mismatch(_) => "entries_differ",
            WriteProtected => "write_protected",
            ObjectNotFound { .. } => "object_not_found",
            AmbiguousObject { .. } => "ambiguous_object",
            WrongPassword(_) => "wrong_password",
            PasswordTooShort { .. } => "password_too_short",
            Verification(_) => "verification_failed",
            IdentityNotProven(_) => "identity_not_proven",
            SignInDenied => "sign_in_denied",
            SignInTimeout(_) => "sign_in_timeout",
            Network { .. } => "network",
            MailFailed { .. } => "mail_failed",
            RecoveryKeyMistyped(_) => "recovery_key_mistyped",
            RecoveryKeyWrong => "recovery_key_wrong",
            NotEnrolled(_) => "not_enrolled",
            Recovery(_) => "recovery",
            TokenRemoved { .. } => "token_removed",
            MechanismUnsupported { .. } => "mechanism_unsupported",
            ObjectExists(_) => "object_exists",
            KeyMismatch { .. } => "key_mismatch",
            NotExtractable { .. } => "key_not_extractable",
            NoConfigLocation => "no_config_location",
            ConfigInvalid { .. } => "config_invalid",
            StateInvalid { .. } => "state_invalid",
            Internal(_) => "internal",
            Setup(_) => "setup",
            Provision(_) => "provision",
            InManifest { cause, .. } => cause.kind(),
            Cancelled => "cancelled",
            RolledBack { cause, .. } | BatchStopped { cause, .. } => cause.kind(),
        }
    }

    /// The finer, stable snake_case reason within a [`Error::kind`] family (`bad_input`,
    /// `verification_failed`, …); `None` where the kind says it all.
    pub fn reason(&self) -> Option<&'static str> {
        use Error::*;
        match self {
            Input(e) => Some(e.into()),
            Request(e) => Some(e.into()),
            Key(e) => Some(e.into()),
            Secret(e) => Some(e.into()),
            Verification(e) => Some(e.into()),
            IdentityNotProven(e) => Some(e.into()),
            RecoveryKeyMistyped(e) => Some(e.into()),
            NotEnrolled(e) => Some(e.into()),
            Recovery(e) => Some(e.into()),
            ObjectExists(e) => Some(e.into()),
            Internal(e) => Some(e.into()),
            Setup(e) => Some(e.into()),
            Provision(e) => Some(e.into()),
            InManifest { cause, .. } => cause.reason(),
            Pcsc(e) => Some(e.into()),
            Uri(e) => Some(e.into()),
            RolledBack { cause, .. } | BatchStopped { cause, .. } => cause.reason(),
            _ => None,
        }
    }

    /// What to do about it, apart from the problem, so both can be shown (and translated)
    /// separately. `None` where the problem says it all.
    pub fn hint(&self) -> Option<String> {
        use Error::*;
        Some(match self {
            NoModule { .. } => "install your token's driver, or name its module with --module PATH or the TOKENWARD_MODULE variable".into(),
            ModuleMissing { .. } => "check the path, or run `tokenward modules` to see the modules found on this computer".into(),
            ModuleNotPkcs11 { .. } => "point --module at the vendor's PKCS#11 .so/.dll/.dylib file".into(),
            TokenNotFound { default: true, .. } => "plug in that token, or make one of the tokens present the default with `tokenward tokens select`, or name one with --token".into(),
            TokenNotFound { .. } => "choose one of the tokens present with --token and its label or serial (the first characters of the serial do), or make one the default with `tokenward tokens select`".into(),
            CardNotRecognised { .. } => "install the driver (PKCS#11 module) of the card's issuer, or name it with --module PATH; `tokenward doctor` shows what the computer sees".into(),
            Pcsc(e) => return e.hint(),
            NeedsModuleSetting { place, .. } => format!("nothing was changed on the token; {place} (docs/module-quirks.md)"),
            NeedsSoPin { .. } => "nothing was changed on the token; give the SO PIN with --so-pin-file FILE, --so-pin-env VARIABLE or --so-pin-stdin".into(),
            CardHeld { holder, .. } => crate::readers::holders::release_hint(holder.as_ref()),
            NoToken => "plug in your token or insert the card, then run the command again (`tokenward tokens` shows what the computer sees)".into(),
            AmbiguousToken { candidates, .. } if one_card(candidates) => {
                format!("choose one by its label, for example --token {:?}", candidates[0].label)
            }
            AmbiguousToken { .. } => "choose one with --token and its label or serial (the first characters of the serial do), or make one the default with `tokenward tokens select`".into(),
            AmbiguousObject { what, candidates, .. } => object_hint("name one", what, candidates),
            ObjectNotFound { what, candidates, .. } if !candidates.is_empty() => object_hint("name one of these", what, candidates),
            WrongPin { who, after, .. } => return wrong_pin_hint(*who, after),
            PinLocked { who } => return locked_hint(*who),
            FinalTry { .. } => "if you are sure of it, run the command again with --final-try".into(),
            WrongPassword(_) => "check the password (and its keyboard layout); nothing was changed on the token".into(),
            PasswordTooShort { min, .. } => format!("use at least {min} characters"),
            ObjectExists(e) => return e.hint(),
            Uri(e) => return e.hint(),
            KeyMismatch { .. } => "check that you picked the right pair of files. Nothing was imported".into(),
            NotExtractable { label } => format!("to use the key in another program, let that program use it on the token: `tokenward export-config --for openssl|gnutls|nss|java|ssh --key {label:?}`"),
            TokenRemoved { .. } => "plug it in again and repeat the command".into(),
            SignInDenied => "run the command again and allow tokenward to send mail from your account".into(),
            SignInTimeout(_) => "run the command again and finish the sign-in in the browser (the time allowed is recovery.sign_in_timeout_seconds)".into(),
            MailFailed { status, nothing_stored, .. } => {
                let what = match status {
                    Some(401 | 403) => "sign in again and allow tokenward to send mail from your account",
                    Some(429) => "the mail service limits how much is sent; run the command again in an hour",
                    Some(500..=599) | None => "run the command again once the mail service answers",
                    Some(_) => "the mail service will not take this message; ask your administrator",
                };
                if *nothing_stored {
                    format!("nothing was stored on the token, so no recovery key exists; {what}")
                } else {
                    what.to_string()
                }
            }
            RecoveryKeyMistyped(e) => return e.hint(),
            NotEnrolled(e) => return e.hint(),
            NoConfigLocation => "give --config FILE".into(),
            StateInvalid { path, .. } => format!(
                "it is tokenward's own file: correct that line, or remove {} (the default token \
                 and certificate are then forgotten: choose them again with `tokenward tokens \
                 select` and `tokenward certs select`)",
                path.display()
            ),
            WriteProtected => "check for a write-protect switch, or ask the token's issuer".into(),
            Input(e) => return e.hint(),
            Request(e) => return e.hint(),
            Key(e) => return e.hint(),
            Secret(e) => return e.hint(),
            Verification(e) => return e.hint(),
            IdentityNotProven(e) => return e.hint(),
            Recovery(e) => return e.hint(),
            Internal(e) => return e.hint(),
            Setup(SetupError::Blocked { fix, .. }) => return fix.clone(),
            Setup(e) => return e.hint(),
            Provision(e) => return e.hint(),
            InManifest { cause, .. } => return cause.hint(),
            RolledBack { cause, .. } | BatchStopped { cause, .. } => return cause.hint(),
            Pkcs11 { rv, function } => rv::explain_in(*rv, *function),
            ModuleInit { rv, .. } => rv::explain(*rv),
            _ => return None,
        })
    }

    /// The problem and the hint in one paragraph, for logs and for programs that show one
    /// string.
    pub fn message(&self) -> String {
        match self.hint() {
            Some(hint) => format!("{self}. {}", capitalise_first(&hint)),
            None => self.to_string(),
        }
    }

    /// The `CKR_…` name when this error came from a PKCS#11 call.
    pub fn ckr(&self) -> Option<String> {
        match self {
            Error::Pkcs11 { rv, .. } | Error::ModuleInit { rv, .. } => Some(rv::name(*rv)),
            Error::TokenRemoved { rv: Some(rv) } => Some(rv::name(*rv)),
            Error::WrongPin { .. } => Some("CKR_PIN_INCORRECT".into()),
            Error::RolledBack { cause, .. }
            | Error::BatchStopped { cause, .. }
            | Error::InManifest { cause, .. } => cause.ckr(),
            _ => None,
        }
    }

    /// The tokens or objects offered when a selector matched none or several (the
    /// `candidates` array of the JSON error; the command line lists them under the error).
    pub fn candidates(&self) -> Option<Candidates<'_>> {
        match self {
            Error::TokenNotFound { candidates, .. } | Error::AmbiguousToken { candidates, .. } => {
                Some(Candidates::Tokens(candidates))
            }
            Error::ObjectNotFound { candidates, .. }
            | Error::AmbiguousObject { candidates, .. }
                if !candidates.is_empty() =>
            {
                Some(Candidates::Objects(candidates))
            }
            Error::RolledBack { cause, .. } | Error::BatchStopped { cause, .. } => {
                cause.candidates()
            }
            _ => None,
        }
    }

    /// The JSON document of this error.
    pub fn document(&self) -> ErrorDocument {
        ErrorDocument {
            error: ErrorBody {
                kind: self.kind().into(),
                reason: self.reason().map(str::to_string),
                exit_code: self.exit_code() as u8,
                ckr: self.ckr(),
                message: self.to_string(),
                hint: self.hint(),
                candidates: self.candidates().map(|c| match c {
                    Candidates::Tokens(t) => CandidateList::Tokens(t.to_vec()),
                    Candidates::Objects(o) => CandidateList::Objects(o.to_vec()),
                }),
            },
        }
    }

    /// Build an error from a failed cryptoki call.
    pub fn from_cryptoki(err: cryptoki::error::Error) -> Self {
        match err {
            cryptoki::error::Error::Pkcs11(rv, function) => Error::Pkcs11 { function, rv },
            other => Error::Cryptoki(other),
        }
    }
}

fn capitalise_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// How to name one of these objects: by its ID with the flag of its kind (a certificate can
/// also become the default).
fn object_hint(lead: &str, what: &str, candidates: &[ObjectCandidate]) -> String {
    let example = object_example(candidates);
    if what == "certificate" {
        format!("{lead} by its ID, for example --cert {example}, or make it the default with `tokenward certs select {example}`")
    } else {
        format!("{lead} by its ID, for example --key {example}")
    }
}

/// The selector the hint offers as an example: the first candidate's ID, else its label.
pub(crate) fn object_example(candidates: &[ObjectCandidate]) -> String {
    match candidates.first() {
        Some(c) if !c.id.is_empty() => c.id.clone(),
        Some(c) => crate::text::shell_word(&c.label),
        None => "ID".into(),
    }
}

/// Several candidates that are one card its module shows as several tokens (one serial).
fn one_card(candidates: &[Candidate]) -> bool {
    candidates.len() > 1 && candidates.iter().all(|c| c.serial == candidates[0].serial)
}

fn ambiguous_words(selector: Option<&str>, candidates: &[Candidate]) -> String {
    let matched = selector.map(|s| format!(" {s:?}")).unwrap_or_default();
    if one_card(candidates) {
        format!(
            "{} tokens match{matched}: one card (serial {}) that its module shows as {} tokens",
            candidates.len(),
            candidates[0].serial,
            candidates.len()
        )
    } else {
        format!("{} tokens match{matched}", candidates.len())
    }
}

fn wrong_pin_words(who: PinUser, before: &RetryState, after: &RetryState) -> String {
    let noun = who.noun();
    if after.silent() && (after.reported != TriesReported::All || before == after) {
        format!("wrong {noun}: the token refused it. The token does not report how many tries are left, so a few more wrong entries may lock it")
    } else {
        format!(
            "wrong {noun}: the token refused it. Before this attempt: {}; now: {}",
            before.describe(),
            after.describe()
        )
    }
}

fn wrong_pin_hint(who: PinUser, after: &RetryState) -> Option<String> {
    let layout = "check the keyboard layout (Latin letters) and Caps Lock";
    match wrong_pin_advice(who, after) {
        advice if after.locked => advice,
        Some(advice) => Some(format!("{advice}; {layout}")),
        None => Some(layout.to_string()),
    }
}

fn wrong_pin_advice(who: PinUser, after: &RetryState) -> Option<String> {
    if after.silent() && after.reported != TriesReported::All {
        return Some(format!(
            "check the {} before you try again; nothing tells how many tries are left (with OpenSC, `pkcs15-tool --list-pins` shows them)",
            who.noun()
        ));
    }
    match (who, after.locked, after.final_try) {
        (PinUser::User, true, _) => Some("ask your administrator to run `tokenward pin unblock` with the SO PIN".into()),
        (PinUser::So, true, _) => Some("the SO PIN is locked: only re-initialising the token (which destroys its keys) or the token's issuer can help".into()),
        (_, _, true) => Some("check the PIN carefully before trying again: one more mistake locks it".into()),
        _ => None,
    }
}

fn locked_hint(who: PinUser) -> Option<String> {
    Some(match who {
        PinUser::User => "ask your administrator to run `tokenward pin unblock` with the SO PIN".into(),
        PinUser::So => "only re-initialising the token (which destroys its keys) or the token's issuer can help".into(),
    })
}

impl Error {
    /// A refusal that, after a good user login, means the token wants the SO PIN for `what`:
    /// CKR_USER_NOT_LOGGED_IN, or a PIN code from a function that takes no PIN
    /// (docs/module-quirks.md: OpenSC's OpenPGP card).
    pub fn needing_so_pin(self, logged_in_as: PinUser, what: &'static str) -> Self {
        if let Error::RolledBack {
            cause,
            written,
            removed,
        } = self
        {
            return Error::RolledBack {
                cause: Box::new(cause.needing_so_pin(logged_in_as, what)),
                written,
                removed,
            };
        }
        match (&self, logged_in_as) {
            (Error::Pkcs11 { rv, function }, PinUser::User)
                if *rv == RvError::UserNotLoggedIn
                    || (matches!(rv, RvError::PinLenRange | RvError::PinInvalid)
                        && !rv::pin_function(*function)) =>
            {
                Error::NeedsSoPin { what }
            }
            _ => self,
        }
    }
}

impl From<cryptoki::error::Error> for Error {
    fn from(err: cryptoki::error::Error) -> Self {
        Error::from_cryptoki(err)
    }
}
