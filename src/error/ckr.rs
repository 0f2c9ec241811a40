//! PKCS#11 return codes in plain words.
//!
//! Every `CKR_…` a user can meet is turned into a headline ("wrong PIN"), a sentence that says
//! what to do next, and the documented exit code. The words are in the catalogue (`ckr-ID`,
//! `ckr-ID-fix`), English and the person's language alike.

use cryptoki::context::Function;
use cryptoki::error::RvError;

use super::ExitCode;
use crate::i18n::{Catalogue, ENGLISH, LANGUAGE_LOADER};

/// The spec's name for a return code, e.g. `CKR_PIN_INCORRECT`.
pub fn name(rv: RvError) -> String {
    // cryptoki's variant names are the spec names in CamelCase without the prefix.
    let camel = format!("{rv:?}");
    let mut out = String::from("CKR");
    for (i, ch) in camel.chars().enumerate() {
        if ch.is_ascii_uppercase() || (ch.is_ascii_digit() && i > 0 && !prev_digit(&camel, i)) {
            out.push('_');
        }
        out.push(ch.to_ascii_uppercase());
    }
    out
}

fn prev_digit(s: &str, i: usize) -> bool {
    s.as_bytes()
        .get(i.wrapping_sub(1))
        .is_some_and(u8::is_ascii_digit)
}

/// The catalogue id of what `rv` means (`ckr-ID` is the headline, `ckr-ID-fix` what to do).
fn id(rv: RvError) -> &'static str {
    use RvError::*;
    match rv {
        PinIncorrect => "pin-incorrect",
        PinLocked => "pin-locked",
        PinExpired => "pin-expired",
        PinInvalid | PinLenRange => "pin-invalid",
        UserNotLoggedIn => "user-not-logged-in",
        UserAlreadyLoggedIn | UserAnotherAlreadyLoggedIn => "user-already-logged-in",
        UserPinNotInitialized => "user-pin-not-initialized",
        UserTypeInvalid => "user-type-invalid",
        TokenNotPresent | DeviceRemoved => "token-not-present",
        TokenNotRecognized => "token-not-recognized",
        TokenWriteProtected => "token-write-protected",
        DeviceMemory => "device-memory",
        DeviceError => "device-error",
        SessionHandleInvalid | SessionClosed => "session-handle-invalid",
        SessionReadOnlyExists => "session-read-only-exists",
        SessionCount => "session-count",
        SlotIdInvalid => "slot-id-invalid",
        MechanismInvalid | MechanismParamInvalid => "mechanism-invalid",
        KeyTypeInconsistent | KeyFunctionNotPermitted => "key-type-inconsistent",
        AttributeSensitive => "attribute-sensitive",
        AttributeReadOnly | ActionProhibited => "attribute-read-only",
        TemplateIncomplete
        | TemplateInconsistent
        | AttributeValueInvalid
        | AttributeTypeInvalid => "template-incomplete",
        CryptokiNotInitialized => "cryptoki-not-initialized",
        FunctionNotSupported => "function-not-supported",
        ArgumentsBad => "arguments-bad",
        _ => "failed",
    }
}

/// The headline of `rv` in English ("wrong PIN").
pub fn headline(rv: RvError) -> String {
    words(&ENGLISH, id(rv), "")
}

/// What to do about `rv`, in English.
pub fn explain(rv: RvError) -> String {
    words(&ENGLISH, id(rv), "-fix")
}

/// Whether `function` handles PINs: only there are the PIN return codes about a PIN. OpenSC
/// answers C_CreateObject and C_DestroyObject on an OpenPGP card with CKR_PIN_LEN_RANGE when it
/// needs the admin PIN (docs/module-quirks.md).
pub fn pin_function(function: Function) -> bool {
    matches!(
        function,
        Function::Login | Function::SetPIN | Function::InitPIN | Function::InitToken
    )
}

/// A PIN return code from a function that does not take a PIN.
fn misplaced_pin_code(rv: RvError, function: Function) -> bool {
    use RvError::*;
    matches!(rv, PinIncorrect | PinInvalid | PinLenRange | PinExpired) && !pin_function(function)
}

/// The id of what `rv` means as the answer of `function` (a PIN code where no PIN was sent
/// means something else).
fn id_in(rv: RvError, function: Function) -> &'static str {
    if misplaced_pin_code(rv, function) {
        "misplaced-pin"
    } else {
        id(rv)
    }
}

fn words(loader: &Catalogue, id: &str, suffix: &str) -> String {
    loader.get(&format!("ckr-{id}{suffix}"))
}

/// [`headline`], for the function that returned it.
pub fn headline_in(rv: RvError, function: Function) -> String {
    words(&ENGLISH, id_in(rv, function), "")
}

/// [`explain`], for the function that returned it.
pub fn explain_in(rv: RvError, function: Function) -> String {
    words(&ENGLISH, id_in(rv, function), "-fix")
}

/// [`headline_in`] and [`explain_in`] in the person's language; `function` is `None` for the
/// module's start-up.
pub fn localized(rv: RvError, function: Option<Function>) -> (String, String) {
    let id = function.map_or_else(|| id(rv), |f| id_in(rv, f));
    (
        words(&LANGUAGE_LOADER, id, ""),
        words(&LANGUAGE_LOADER, id, "-fix"),
    )
}

/// [`exit_code`], for the function that returned it: PIN codes mean a PIN problem only where a
/// PIN was sent.
pub fn exit_code_in(rv: RvError, function: Function) -> ExitCode {
    if misplaced_pin_code(rv, function) {
        ExitCode::Failure
    } else {
        exit_code(rv)
    }
}

/// The exit code for a failed PKCS#11 call.
pub fn exit_code(rv: RvError) -> ExitCode {
    use RvError::*;
    match rv {
        PinIncorrect => ExitCode::WrongPin,
        PinLocked => ExitCode::PinLocked,
        PinInvalid | PinLenRange => ExitCode::Policy,
        TokenNotPresent | DeviceRemoved | TokenNotRecognized | SlotIdInvalid => ExitCode::NoToken,
        _ => ExitCode::Failure,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_spec() {
        assert_eq!(name(RvError::PinIncorrect), "CKR_PIN_INCORRECT");
        assert_eq!(name(RvError::GeneralError), "CKR_GENERAL_ERROR");
        assert_eq!(
            name(RvError::TokenWriteProtected),
            "CKR_TOKEN_WRITE_PROTECTED"
        );
    }

    #[test]
    fn pin_codes_have_their_own_exit_codes() {
        assert_eq!(exit_code(RvError::PinIncorrect), ExitCode::WrongPin);
        assert_eq!(exit_code(RvError::PinLocked), ExitCode::PinLocked);
        assert_eq!(exit_code(RvError::PinLenRange), ExitCode::Policy);
        assert_eq!(exit_code(RvError::TokenNotPresent), ExitCode::NoToken);
        // Where no PIN was sent, a PIN code is not a PIN problem.
        assert_eq!(
            exit_code_in(RvError::PinLenRange, Function::SetPIN),
            ExitCode::Policy
        );
        assert_eq!(
            exit_code_in(RvError::PinLenRange, Function::CreateObject),
            ExitCode::Failure
        );
        assert!(explain_in(RvError::PinLenRange, Function::DestroyObject).contains("SO"));
        assert_eq!(exit_code(RvError::DeviceError), ExitCode::Failure);
    }
}
