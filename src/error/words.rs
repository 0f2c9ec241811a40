//! Errors in the person's language: [`Error::problem`] and [`Error::advice`] take their words
//! from the catalogue (`i18n/`). The `Display` and [`Error::hint`] words stay English: they are
//! what the JSON error, logs and bug reports carry, whatever the language. In English both
//! give the same text (a test holds them together); an error the catalogue does not cover yet
//! falls back to the English words.

use super::{one_card, Error, InputError, PcscError, SecretError};
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
            Input(InputError::FileExists { path }) => {
                fl!("err-file-exists", path = path.display().to_string())
            }
            Input(InputError::NoSuchFolder { path }) => {
                fl!("err-no-such-folder", path = path.display().to_string())
            }
            Input(InputError::NotARegularFile { path }) => {
                fl!("err-not-a-regular-file", path = path.display().to_string())
            }
            Input(InputError::NoTerminalToConfirm) => fl!("err-no-terminal-to-confirm"),
            Input(InputError::NotConfirmed) => fl!("err-not-confirmed"),
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
            TokenNotFound { .. } => fl!("hint-token-not-found"),
            AmbiguousToken { candidates, .. } if one_card(candidates) => fl!(
                "hint-ambiguous-one-card",
                label = format!("{:?}", candidates[0].label)
            ),
            AmbiguousToken { .. } => fl!("hint-ambiguous-token"),
            AmbiguousObject { .. } => fl!("hint-ambiguous-object"),
            ObjectNotFound { candidates, .. } if !candidates.is_empty() => {
                fl!("hint-object-not-found")
            }
            WrongPin { who, after, .. } => return wrong_pin_advice(*who, after),
            PinLocked { who: PinUser::User } => fl!("advice-user-locked"),
            PinLocked { who: PinUser::So } => fl!("hint-so-pin-locked"),
            FinalTry { .. } => fl!("hint-final-try"),
            WrongPassword(_) => fl!("hint-wrong-password"),
            TokenRemoved { .. } => fl!("hint-token-removed"),
            WriteProtected => fl!("hint-write-protected"),
            Input(InputError::FileExists { .. }) => fl!("hint-file-exists"),
            Input(InputError::NoSuchFolder { .. }) => fl!("hint-no-such-folder"),
            Input(InputError::NotARegularFile { .. }) => fl!("hint-not-a-regular-file"),
            Input(InputError::NoTerminalToConfirm) => fl!("hint-no-terminal-to-confirm"),
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
    use super::super::Candidate;
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
        for e in &errors {
            assert_eq!(e.problem(), e.to_string(), "{e:?}");
            assert_eq!(e.advice(), e.hint(), "{e:?}");
        }
    }
}
