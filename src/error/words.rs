//! Errors in the person's language: [`Error::problem`] and [`Error::advice`] take their words
//! from the catalogue (`i18n/`). The `Display` and [`Error::hint`] words stay English: they are
//! what the JSON error, logs and bug reports carry, whatever the language. In English both
//! give the same text (a test holds them together); an error the catalogue does not cover yet
//! falls back to the English words.

use super::{catalogue, one_card, Error, PcscError, RecoveryError, SecretError};
use crate::fl;
use crate::pin::{CharKind, PolicyViolation, SecretKind};
use crate::token::pin::{PinUser, RetryState, TriesReported};

impl Error {
    /// What happened, in the person's language (the `Display` words in English).
    pub fn problem(&self) -> String {
        use Error::*;
        match self {
            NoModule { searched } => fl!("err-no-module", searched = (*searched)),
            ModuleMissing { path } => {
                fl!("err-module-missing", path = path.display().to_string())
            }
            NoToken => fl!("err-no-token"),
            CardNotRecognised { reader } => {
                fl!("err-card-not-recognised", reader = format!("{reader:?}"))
            }
            CardHeld { reader, .. } => fl!("err-card-held", reader = format!("{reader:?}")),
            TokenNotFound {
                selector,
                default: true,
                ..
            } => fl!(
                "err-default-token-absent",
                selector = format!("{selector:?}")
            ),
            TokenNotFound { selector, .. } => {
                fl!("err-token-not-found", selector = format!("{selector:?}"))
            }
            AmbiguousToken {
                selector,
                candidates,
            } => {
                let given = if selector.is_some() { "yes" } else { "no" };
                let selector = selector
                    .as_deref()
                    .map(|s| format!("{s:?}"))
                    .unwrap_or_default();
                if one_card(candidates) {
                    fl!(
                        "err-ambiguous-one-card",
                        given = given,
                        selector = selector,
                        count = candidates.len(),
                        serial = candidates[0].serial.as_str()
                    )
                } else {
                    fl!(
                        "err-ambiguous-token",
                        given = given,
                        selector = selector,
                        count = candidates.len()
                    )
                }
            }
            WrongPin { who, before, after } => {
                if after.silent() && (after.reported != TriesReported::All || before == after) {
                    fl!("err-wrong-pin-silent", who = who.id())
                } else {
                    fl!(
                        "err-wrong-pin",
                        who = who.id(),
                        before = before.words(),
                        after = after.words()
                    )
                }
            }
            PinLocked { who } => fl!("err-pin-locked", who = who.id()),
            FinalTry { who } => fl!("err-final-try", who = who.id()),
            Mismatch(kind) => fl!("err-mismatch", kind = kind.flag()),
            Policy { who, violation } => {
                fl!("err-policy", violation = violation_words(*who, violation))
            }
            WrongPassword(what) => fl!(
                "err-wrong-password",
                what = if *what == "key file" { "key" } else { "p12" }
            ),
            TokenRemoved { rv } => fl!(
                "err-token-removed",
                rv = rv.map(super::ckr::name).unwrap_or_else(|| "none".into())
            ),
            ObjectNotFound {
                what,
                selector,
                candidates,
            } => {
                let what = object_arg(what);
                let selector = format!("{selector:?}");
                if candidates.is_empty() {
                    fl!(
                        "err-object-not-found-none",
                        what = what,
                        selector = selector
                    )
                } else {
                    fl!("err-object-not-found", what = what, selector = selector)
                }
            }
            AmbiguousObject {
                what,
                selector,
                candidates,
            } => fl!(
                "err-ambiguous-object",
                what = object_arg(what),
                count = candidates.len(),
                selector = selector
                    .as_deref()
                    .map(|s| format!(" {s:?}"))
                    .unwrap_or_default()
            ),
            WriteProtected => fl!("err-write-protected"),
            Cancelled => fl!("cancelled"),
            // In English the operating system's own words stay, as in the JSON.
            Io {
                action,
                path,
                source,
            } if crate::i18n::current_language() != "en" => fl!(
                "err-io",
                action = (*action),
                path = path.display().to_string(),
                reason = io_words(source)
            ),
            Input(e) => catalogue::problem(e),
            Request(e) => catalogue::problem(e),
            Key(e) => catalogue::problem(e),
            Uri(e) => catalogue::problem(e),
            ObjectExists(e) => catalogue::problem(e),
            NotEnrolled(e) => catalogue::problem(e),
            Internal(e) => catalogue::problem(e),
            Setup(e) => catalogue::problem(e),
            Provision(e) => catalogue::problem(e),
            InManifest { file, line, cause } => fl!(
                "err-in-manifest",
                file = file.display().to_string(),
                line = (*line),
                cause = cause.problem()
            ),
            Recovery(RecoveryError::NotStoredAfterMail { cause }) => fl!(
                "err-recovery-not-stored-after-mail",
                cause = cause.problem()
            ),
            Recovery(e) => catalogue::problem(e),
            Verification(e) => fl!("err-verification", detail = catalogue::problem(e)),
            IdentityNotProven(e) => {
                fl!("err-sign-in-not-proven", detail = catalogue::problem(e))
            }
            RecoveryKeyMistyped(e) => {
                fl!("err-mistyped-recovery-key", detail = catalogue::problem(e))
            }
            RecoveryKeyWrong => fl!("err-wrong-recovery-key"),
            ModuleNotPkcs11 { path, reason } => fl!(
                "err-module-not-pkcs11",
                path = path.display().to_string(),
                reason = reason.as_str()
            ),
            ModuleInit { path, rv } => fl!(
                "err-module-init",
                path = path.display().to_string(),
                rv = super::ckr::name(*rv)
            ),
            NeedsSoPin { what } => fl!(
                "err-needs-so-pin",
                what = (*what),
                what_id = catalogue::id_of(what)
            ),
            NeedsModuleSetting { what, setting, .. } => fl!(
                "err-needs-module-setting",
                what = (*what),
                what_id = catalogue::id_of(what),
                setting = (*setting)
            ),
            Pkcs11 { function, rv } => fl!(
                "err-pkcs11",
                headline = super::ckr::localized(*rv, Some(*function)).0,
                rv = super::ckr::name(*rv),
                function = format!("{function:?}")
            ),
            Cryptoki(e) => fl!("err-cryptoki", detail = e.to_string()),
            PasswordTooShort { length, .. } => fl!("err-password-too-short", length = (*length)),
            MechanismUnsupported { wanted, supported } => fl!(
                "err-mechanism-unsupported",
                wanted = wanted.as_str(),
                supported = if supported.is_empty() {
                    "none".to_string()
                } else {
                    supported.join(", ")
                }
            ),
            KeyMismatch { subject } => fl!("err-cert-key-mismatch", subject = subject.as_str()),
            NotExtractable { label } => fl!("err-not-extractable", label = label.as_str()),
            RolledBack {
                cause,
                written,
                removed,
            } => fl!(
                "err-rolled-back",
                cause = cause.problem(),
                how = match (*written, *removed) {
                    (0, _) => "nothing",
                    (w, r) if w == r => "all",
                    _ => "some",
                },
                written = (*written),
                removed = (*removed)
            ),
            BatchStopped {
                cause,
                signed,
                skipped,
                failed,
                not_started,
            } => fl!(
                "err-batch-stopped",
                cause = cause.problem(),
                signed = (*signed),
                skipped = (*skipped),
                failed = (*failed),
                not_started = (*not_started)
            ),
            SignInDenied => fl!("err-sign-in-denied"),
            SignInTimeout(seconds) => fl!("err-sign-in-timeout", seconds = (*seconds)),
            Network { what, detail } => fl!(
                "err-network",
                what = what.as_str(),
                detail = detail.as_str()
            ),
            MailFailed { detail, .. } => fl!("err-mail-failed", detail = detail.as_str()),
            NoConfigLocation => fl!("err-no-config-location"),
            ConfigInvalid { reason } => fl!("err-config-invalid", reason = reason.as_str()),
            StateInvalid { path, reason } => fl!(
                "err-state-invalid",
                path = path.display().to_string(),
                reason = reason.as_str()
            ),
            Secret(SecretError::VariableNotText { secret, variable }) => fl!(
                "err-variable-not-text",
                kind = secret.flag(),
                variable = variable.as_str()
            ),
            Secret(SecretError::Empty { secret, origin }) => fl!(
                "err-secret-empty",
                kind = secret.flag(),
                source = origin.words()
            ),
            Secret(SecretError::StdinFailed { secret, reason }) => fl!(
                "err-stdin-failed",
                kind = secret.flag(),
                reason = reason.as_str()
            ),
            Secret(SecretError::SeveralSources { secret }) => {
                fl!("err-several-sources", kind = secret.flag())
            }
            Secret(SecretError::VariableNotSet { secret, variable }) => fl!(
                "err-variable-not-set",
                kind = secret.flag(),
                variable = variable.as_str()
            ),
            Secret(SecretError::FileNotText { secret, path }) => fl!(
                "err-secret-file-not-text",
                kind = secret.flag(),
                path = path.display().to_string()
            ),
            Secret(SecretError::StdinEnded { secret }) => {
                fl!("err-stdin-ended", kind = secret.flag())
            }
            Pcsc(PcscError::NotInstalled) => fl!("err-pcsc-not-installed"),
            Pcsc(PcscError::NotRunning) => fl!("err-pcsc-not-running"),
            Pcsc(PcscError::Failed { detail }) => {
                fl!("err-pcsc-failed", detail = detail.as_str())
            }
            Secret(SecretError::NoTerminal { secret }) => {
                fl!("err-no-terminal", kind = secret.flag())
            }
            Secret(SecretError::NonLatinLogin {
                secret,
                what,
                position,
            }) => fl!(
                "err-non-latin-login",
                kind = secret.flag(),
                letter = letter_arg(what),
                position = (*position)
            ),
            _ => self.to_string(),
        }
    }

    /// [`Error::problem`] and [`Error::advice`] in one paragraph, for a line on the terminal.
    pub fn localized_message(&self) -> String {
        match self.advice() {
            Some(advice) => format!("{}. {}", self.problem(), super::capitalise_first(&advice)),
            None => self.problem(),
        }
    }

    /// What to do about it, in the person's language ([`Error::hint`] in English).
    pub fn advice(&self) -> Option<String> {
        use Error::*;
        Some(match self {
            NoModule { .. } => fl!("hint-no-module"),
            ModuleMissing { .. } => fl!("hint-module-missing"),
            NoToken => fl!("hint-no-token"),
            CardNotRecognised { .. } => fl!("hint-card-not-recognised"),
            CardHeld { holder: None, .. } => fl!("hint-card-held"),
            TokenNotFound { default: true, .. } => fl!("hint-default-token-absent"),
            TokenNotFound { .. } => fl!("hint-token-not-found"),
            AmbiguousToken { candidates, .. } if one_card(candidates) => fl!(
                "hint-ambiguous-one-card",
                label = format!("{:?}", candidates[0].label)
            ),
            AmbiguousToken { .. } => fl!("hint-ambiguous-token"),
            AmbiguousObject {
                what, candidates, ..
            } => fl!(
                "hint-ambiguous-object",
                what = object_arg(what),
                example = super::object_example(candidates)
            ),
            ObjectNotFound {
                what, candidates, ..
            } if !candidates.is_empty() => fl!(
                "hint-object-not-found",
                what = object_arg(what),
                example = super::object_example(candidates)
            ),
            WrongPin { who, after, .. } => return wrong_pin_advice(*who, after),
            PinLocked { who: PinUser::User } => fl!("advice-user-locked"),
            PinLocked { who: PinUser::So } => fl!("hint-so-pin-locked"),
            FinalTry { .. } => fl!("hint-final-try"),
            WrongPassword(_) => fl!("hint-wrong-password"),
            TokenRemoved { .. } => fl!("hint-token-removed"),
            WriteProtected => fl!("hint-write-protected"),
            Input(e) => return catalogue::advice(e),
            Request(e) => return catalogue::advice(e),
            Key(e) => return catalogue::advice(e),
            Uri(e) => return catalogue::advice(e),
            ObjectExists(e) => return catalogue::advice(e),
            NotEnrolled(e) => return catalogue::advice(e),
            Internal(e) => return catalogue::advice(e),
            Setup(super::SetupError::Blocked { fix_words, .. }) => return fix_words.clone(),
            Setup(e) => return catalogue::advice(e),
            Provision(e) => return catalogue::advice(e),
            InManifest { cause, .. } => return cause.advice(),
            Recovery(e) => return catalogue::advice(e),
            Verification(e) => return catalogue::advice(e),
            IdentityNotProven(e) => return catalogue::advice(e),
            RecoveryKeyMistyped(e) => return catalogue::advice(e),
            ModuleNotPkcs11 { .. } => fl!("hint-module-not-pkcs11"),
            ModuleInit { rv, .. } => super::ckr::localized(*rv, None).1,
            Pkcs11 { function, rv } => super::ckr::localized(*rv, Some(*function)).1,
            NeedsSoPin { .. } => fl!("hint-needs-so-pin"),
            NeedsModuleSetting { place, .. } => fl!("hint-needs-module-setting", place = (*place)),
            PasswordTooShort { min, .. } => fl!("hint-password-too-short", min = (*min)),
            KeyMismatch { .. } => fl!("hint-cert-key-mismatch"),
            NotExtractable { label } => fl!("hint-not-extractable", label = label.as_str()),
            RolledBack { cause, .. } | BatchStopped { cause, .. } => return cause.advice(),
            SignInDenied => fl!("hint-sign-in-denied"),
            SignInTimeout(_) => fl!("hint-sign-in-timeout"),
            MailFailed {
                status,
                nothing_stored,
                ..
            } => fl!(
                "hint-mail-failed",
                nothing_stored = if *nothing_stored { "yes" } else { "no" },
                status = match status {
                    Some(401 | 403) => "denied",
                    Some(429) => "limited",
                    Some(500..=599) | None => "down",
                    Some(_) => "refused",
                }
            ),
            NoConfigLocation => fl!("hint-no-config-location"),
            StateInvalid { path, .. } => {
                fl!("hint-state-invalid", path = path.display().to_string())
            }
            Secret(SecretError::FileNotText { .. }) => fl!("hint-secret-file-not-text"),
            Pcsc(PcscError::NotInstalled) => fl!("hint-pcsc-not-installed"),
            Pcsc(e) => {
                let systemd = super::pcsc::start_command().contains("systemctl");
                let start = fl!(
                    "hint-pcsc-start",
                    systemd = if systemd { "yes" } else { "no" }
                );
                match e {
                    PcscError::NotRunning => start,
                    _ => fl!("hint-pcsc-restart", start = start),
                }
            }
            Secret(SecretError::NoTerminal { secret }) => {
                fl!("hint-no-terminal", kind = secret.flag())
            }
            Secret(SecretError::NonLatinLogin { .. }) => fl!("hint-non-latin-login"),
            _ => return self.hint(),
        })
    }
}

/// What the operating system said, in the person's language where the catalogue has it.
fn io_words(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => fl!("io-not-found"),
        PermissionDenied => fl!("io-permission-denied"),
        AlreadyExists => fl!("io-already-exists"),
        IsADirectory => fl!("io-is-a-directory"),
        StorageFull => fl!("io-storage-full"),
        _ => e.to_string(),
    }
}

fn object_arg(what: &str) -> &'static str {
    if what == "certificate" {
        "certificate"
    } else {
        "key"
    }
}

fn letter_arg(what: &str) -> &'static str {
    if what.contains("Cyrillic") {
        "cyrillic"
    } else if what.contains("accent") {
        "accented"
    } else {
        "other"
    }
}

/// A broken PIN rule in words, naming the new PIN of `who`.
pub fn violation_words(who: PinUser, violation: &PolicyViolation) -> String {
    let who = who.id();
    let by = |token: bool| if token { "token" } else { "policy" };
    match violation {
        PolicyViolation::TooShort { min, got, token } => fl!(
            "policy-too-short",
            who = who,
            got = (*got),
            min = (*min),
            by = by(*token)
        ),
        PolicyViolation::TooLong { max, got, token } => fl!(
            "policy-too-long",
            who = who,
            got = (*got),
            max = (*max),
            by = by(*token)
        ),
        PolicyViolation::BadCharacter { position, kind } => fl!(
            "policy-bad-character",
            who = who,
            position = (*position),
            kind = char_kind_arg(*kind)
        ),
        PolicyViolation::NoLetter => fl!("policy-no-letter", who = who),
        PolicyViolation::NoDigit => fl!("policy-no-digit", who = who),
        PolicyViolation::NoUpper => fl!("policy-no-upper", who = who),
        PolicyViolation::NoLower => fl!("policy-no-lower", who = who),
    }
}

fn char_kind_arg(kind: CharKind) -> &'static str {
    match kind {
        CharKind::Cyrillic => "cyrillic",
        CharKind::Accented => "accented",
        CharKind::Space => "space",
        CharKind::Symbol => "symbol",
        CharKind::OtherLetter => "other-letter",
        CharKind::OtherDigit => "other-digit",
        CharKind::Control => "control",
        CharKind::Letter => "letter",
    }
}

fn wrong_pin_advice(who: PinUser, after: &RetryState) -> Option<String> {
    let advice = if after.silent() && after.reported != TriesReported::All {
        Some(fl!("advice-tries-unknown", who = who.id()))
    } else {
        match (who, after.locked, after.final_try) {
            (PinUser::User, true, _) => Some(fl!("advice-user-locked")),
            (PinUser::So, true, _) => Some(fl!("advice-so-locked")),
            (_, _, true) => Some(fl!("advice-final-try")),
            _ => None,
        }
    };
    match advice {
        advice if after.locked => advice,
        Some(advice) => Some(format!("{advice}; {}", fl!("hint-layout"))),
        None => Some(fl!("hint-layout")),
    }
}

impl RetryState {
    /// The state in the person's language ([`RetryState::describe`] in English).
    pub fn words(&self) -> String {
        if self.locked {
            fl!("pin-state-locked")
        } else if self.final_try {
            fl!("pin-state-final-try")
        } else if self.count_low {
            fl!("pin-state-count-low")
        } else {
            match self.reported {
                TriesReported::All => fl!("pin-state-no-wrong"),
                TriesReported::FinalTryOnly => fl!("pin-state-final-only"),
                TriesReported::Nothing => fl!("pin-state-not-reported"),
            }
        }
    }
}

impl SecretKind {
    /// The secret's name in the person's language ([`SecretKind::noun`] in English).
    pub fn words(self) -> String {
        fl!("secret-noun", kind = self.flag())
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Candidate, InputError};
    use super::*;

    fn candidate(label: &str, serial: &str) -> Candidate {
        Candidate {
            label: label.into(),
            serial: serial.into(),
            uri: format!("pkcs11:token={label}"),
        }
    }

    /// In English the catalogue says exactly what the `Display` and `hint` words say.
    #[test]
    fn in_english_the_catalogue_and_the_json_words_agree() {
        let state = |locked, final_try, count_low, reported| RetryState {
            count_low,
            final_try,
            locked,
            to_be_changed: false,
            tries_left: None,
            reported,
        };
        let fresh = state(false, false, false, TriesReported::All);
        let mut errors = vec![
            Error::NoModule { searched: 4 },
            Error::ModuleMissing {
                path: "/no/such.so".into(),
            },
            Error::NoToken,
            Error::CardNotRecognised {
                reader: "Virtual PCD 00 00".into(),
            },
            Error::CardHeld {
                reader: "r".into(),
                holder: None,
            },
            Error::TokenNotFound {
                selector: "x".into(),
                candidates: vec![],
                default: false,
            },
            Error::TokenNotFound {
                selector: "x".into(),
                candidates: vec![],
                default: true,
            },
            Error::AmbiguousToken {
                selector: None,
                candidates: vec![candidate("a", "1"), candidate("b", "2")],
            },
            Error::AmbiguousToken {
                selector: Some("a".into()),
                candidates: vec![candidate("a", "1"), candidate("a2", "1")],
            },
            Error::PinLocked { who: PinUser::User },
            Error::PinLocked { who: PinUser::So },
            Error::FinalTry { who: PinUser::So },
            Error::WrongPassword("key file"),
            Error::WrongPassword("PKCS#12 file"),
            Error::TokenRemoved { rv: None },
            Error::ObjectNotFound {
                what: "certificate",
                selector: "a1".into(),
                candidates: vec![],
            },
            Error::AmbiguousObject {
                what: "private key",
                selector: Some("k".into()),
                candidates: vec![],
            },
            Error::WriteProtected,
            Error::Cancelled,
            InputError::FileExists {
                path: "a.p7s".into(),
            }
            .into(),
            InputError::NoSuchFolder { path: "d/a".into() }.into(),
            InputError::NotARegularFile {
                path: "/dev/zero".into(),
            }
            .into(),
            InputError::NoTerminalToConfirm.into(),
            InputError::NotConfirmed.into(),
            SecretError::SeveralSources {
                secret: SecretKind::NewPin,
            }
            .into(),
            SecretError::VariableNotSet {
                secret: SecretKind::UserPin,
                variable: "PIN".into(),
            }
            .into(),
            SecretError::FileNotText {
                secret: SecretKind::Password,
                path: "p.txt".into(),
            }
            .into(),
            SecretError::StdinEnded {
                secret: SecretKind::SoPin,
            }
            .into(),
            Error::Io {
                action: "read",
                path: "/no/such".into(),
                source: std::io::Error::from(std::io::ErrorKind::NotFound),
            },
            PcscError::NotInstalled.into(),
            PcscError::NotRunning.into(),
            Error::ModuleNotPkcs11 {
                path: "/x.so".into(),
                reason: "no C_GetFunctionList".into(),
            },
            Error::ModuleInit {
                path: "/x.so".into(),
                rv: cryptoki::error::RvError::GeneralError,
            },
            Error::NeedsSoPin {
                what: "deleting keys",
            },
            Error::NeedsModuleSetting {
                what: "setting the user PIN with the SO PIN",
                setting: "a = b",
                place: "add it",
            },
            Error::Pkcs11 {
                function: cryptoki::context::Function::Sign,
                rv: cryptoki::error::RvError::PinIncorrect,
            },
            Error::Pkcs11 {
                function: cryptoki::context::Function::Login,
                rv: cryptoki::error::RvError::DeviceMemory,
            },
            Error::PasswordTooShort { length: 3, min: 8 },
            Error::MechanismUnsupported {
                wanted: "RSA-PSS".into(),
                supported: vec![],
            },
            Error::MechanismUnsupported {
                wanted: "RSA-PSS".into(),
                supported: vec!["ECDSA".into(), "RSA".into()],
            },
            Error::KeyMismatch {
                subject: "Ivanov".into(),
            },
            Error::NotExtractable { label: "k".into() },
            Error::SignInDenied,
            Error::SignInTimeout(300),
            Error::Network {
                what: "sending the mail".into(),
                detail: "refused".into(),
            },
            Error::NoConfigLocation,
            Error::ConfigInvalid {
                reason: "bad".into(),
            },
            Error::StateInvalid {
                path: "/home/a/.local/state/tokenward/state.toml".into(),
                reason: "line 2: invalid type".into(),
            },
            Error::RecoveryKeyWrong,
            Error::RecoveryKeyMistyped(crate::error::KeyTypo::Checksum),
            Error::RecoveryKeyMistyped(crate::error::KeyTypo::Length {
                expected: 32,
                got: 30,
            }),
            Error::Verification(crate::error::VerifyError::NoSigner),
            Error::IdentityNotProven(crate::error::IdentityFailure::WrongAccount {
                email: "a@x".into(),
                expected: "b@x".into(),
                enrolled: true,
            }),
            Error::IdentityNotProven(crate::error::IdentityFailure::ProviderRefused {
                error: "access_denied".into(),
                description: None,
            }),
            Error::IdentityNotProven(crate::error::IdentityFailure::ProviderRefused {
                error: "access_denied".into(),
                description: Some("no".into()),
            }),
            crate::error::RecoveryError::BlobDamaged { reason: None }.into(),
            crate::error::RecoveryError::BlobDamaged {
                reason: Some("short".into()),
            }
            .into(),
            crate::error::RecoveryError::NotStoredAfterMail {
                cause: Box::new(Error::WriteProtected),
            }
            .into(),
            SecretError::VariableNotText {
                secret: SecretKind::UserPin,
                variable: "PIN".into(),
            }
            .into(),
            SecretError::Empty {
                secret: SecretKind::SoPin,
                origin: crate::pin::PinSource::File("so.pin".into()),
            }
            .into(),
            SecretError::Empty {
                secret: SecretKind::Password,
                origin: crate::pin::PinSource::Stdin,
            }
            .into(),
            SecretError::StdinFailed {
                secret: SecretKind::Password,
                reason: "broken pipe".into(),
            }
            .into(),
            PcscError::Failed {
                detail: "SCardEstablishContext".into(),
            }
            .into(),
            SecretError::NoTerminal {
                secret: SecretKind::SoPin,
            }
            .into(),
            SecretError::NonLatinLogin {
                secret: SecretKind::UserPin,
                what: "a Cyrillic letter",
                position: 3,
            }
            .into(),
        ];
        for kind in [
            SecretKind::UserPin,
            SecretKind::NewPin,
            SecretKind::SoPin,
            SecretKind::Password,
            SecretKind::RecoveryKey,
        ] {
            errors.push(Error::Mismatch(kind));
        }
        for who in [PinUser::User, PinUser::So] {
            for after in [
                fresh,
                state(false, true, true, TriesReported::All),
                state(true, false, false, TriesReported::All),
                state(false, false, true, TriesReported::All),
                state(false, false, false, TriesReported::Nothing),
                state(false, false, false, TriesReported::FinalTryOnly),
            ] {
                errors.push(Error::WrongPin {
                    who,
                    before: fresh,
                    after,
                });
            }
            for violation in [
                PolicyViolation::TooShort {
                    min: 8,
                    got: 5,
                    token: false,
                },
                PolicyViolation::TooLong {
                    max: 8,
                    got: 9,
                    token: true,
                },
                PolicyViolation::NoLetter,
                PolicyViolation::NoDigit,
                PolicyViolation::NoUpper,
                PolicyViolation::NoLower,
            ]
            .into_iter()
            .chain(
                [
                    CharKind::Cyrillic,
                    CharKind::Accented,
                    CharKind::Space,
                    CharKind::Symbol,
                    CharKind::OtherLetter,
                    CharKind::OtherDigit,
                    CharKind::Control,
                    CharKind::Letter,
                ]
                .map(|kind| PolicyViolation::BadCharacter { position: 2, kind }),
            ) {
                errors.push(Error::Policy { who, violation });
            }
        }
        for (written, removed) in [(0, 0), (2, 2), (2, 1)] {
            errors.push(Error::RolledBack {
                cause: Box::new(Error::WriteProtected),
                written,
                removed,
            });
        }
        errors.push(Error::BatchStopped {
            cause: Box::new(Error::NoToken),
            signed: 3,
            skipped: 1,
            failed: 1,
            not_started: 5,
        });
        for (status, nothing_stored) in [
            (Some(401), true),
            (Some(429), false),
            (None, false),
            (Some(400), true),
        ] {
            errors.push(Error::MailFailed {
                detail: "HTTP".into(),
                status,
                nothing_stored,
            });
        }
        for e in &errors {
            assert_eq!(e.problem(), e.to_string(), "{e:?}");
            assert_eq!(e.advice(), e.hint(), "{e:?}");
        }
    }
}
