//! PKCS#11 return codes in plain words.
//!
//! Every `CKR_…` a user can meet is turned into a headline ("wrong PIN"), a sentence that says
//! what to do next, and the documented exit code. This is the one place that text lives.

use cryptoki::context::Function;
use cryptoki::error::RvError;

use super::ExitCode;

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

/// A short headline for the failure.
pub fn headline(rv: RvError) -> &'static str {
    use RvError::*;
    match rv {
        PinIncorrect => "wrong PIN",
        PinLocked => "PIN locked",
        PinExpired => "PIN expired",
        PinInvalid | PinLenRange => "PIN not accepted by the token",
        UserNotLoggedIn => "not logged in",
        UserAlreadyLoggedIn | UserAnotherAlreadyLoggedIn => "already logged in",
        UserPinNotInitialized => "user PIN not set",
        UserTypeInvalid => "login type not supported",
        TokenNotPresent | DeviceRemoved => "no token in the reader",
        TokenNotRecognized => "token not recognised",
        TokenWriteProtected => "token is write-protected",
        DeviceMemory => "token is full",
        DeviceError => "token device error",
        SessionHandleInvalid | SessionClosed => "session lost",
        SessionReadOnlyExists => "another program has the token open",
        SessionCount => "too many sessions",
        SlotIdInvalid => "slot disappeared",
        MechanismInvalid | MechanismParamInvalid => "operation not supported by the token",
        KeyTypeInconsistent | KeyFunctionNotPermitted => "key cannot be used for this",
        AttributeSensitive => "value is protected by the token",
        AttributeReadOnly | ActionProhibited => "the token does not allow this change",
        TemplateIncomplete
        | TemplateInconsistent
        | AttributeValueInvalid
        | AttributeTypeInvalid => "the token refused the object",
        CryptokiNotInitialized => "module not initialised",
        FunctionNotSupported => "not supported by this token",
        _ => "token operation failed",
    }
}

/// What the user should do next.
pub fn explain(rv: RvError) -> &'static str {
    use RvError::*;
    match rv {
        PinIncorrect => "check the PIN and try again; each wrong attempt brings the token closer to locking (`tokenward pin status` shows the tries left)",
        PinLocked => "too many wrong attempts; ask your administrator to run `tokenward pin unblock` with the SO PIN",
        PinExpired => "change the PIN with `tokenward pin change`",
        PinInvalid | PinLenRange => "the token rejected the new PIN's characters or length; `tokenward tokens` shows the token's minimum and maximum PIN length",
        UserNotLoggedIn => "this needs a login; give the PIN with --pin-file, --pin-env or --pin-stdin, or at the prompt",
        UserAlreadyLoggedIn | UserAnotherAlreadyLoggedIn => "close other programs that use the token and try again",
        UserPinNotInitialized => "the token has no user PIN yet; an administrator sets it with `tokenward pin unblock` (SO PIN) or `tokenward token init`",
        UserTypeInvalid => "this token does not support that kind of login",
        TokenNotPresent | DeviceRemoved => "plug the token in (or insert the card) and try again",
        TokenNotRecognized => "the reader sees a card but no driver understands it; check that the right PKCS#11 module is installed (`tokenward modules` lists the modules found)",
        TokenWriteProtected => "nothing can be changed on it; check for a write-protect switch or ask the token's issuer",
        DeviceMemory => "there is no room left on the token; delete objects you no longer need",
        DeviceError => "unplug the token, plug it in again and retry; if it keeps failing the token may be damaged",
        SessionHandleInvalid | SessionClosed => "the token was reset or unplugged during the operation; try again",
        SessionReadOnlyExists => "close other programs that use the token (browsers, signing tools) and try again",
        SessionCount => "close other programs that use the token and try again",
        SlotIdInvalid => "the reader or token was unplugged; plug it in and try again",
        MechanismInvalid | MechanismParamInvalid => "the token does not offer this algorithm; choose another key type or mechanism",
        KeyTypeInconsistent | KeyFunctionNotPermitted => "choose a key that allows this operation",
        AttributeSensitive => "the token does not let this value leave it",
        AttributeReadOnly | ActionProhibited => "the token's policy forbids this change",
        TemplateIncomplete | TemplateInconsistent | AttributeValueInvalid
        | AttributeTypeInvalid => "the token does not accept this kind of object; see docs/module-quirks.md",
        CryptokiNotInitialized => "this is a bug in tokenward; please report it",
        FunctionNotSupported => "the token's module does not implement this function",
        ArgumentsBad => "the token refused the values it was given (some tokens allow only certain key ids or sizes); repeating the same request will not help: see docs/module-quirks.md for this token",
        _ => "if it happens again, unplug the token, plug it in again and check what `tokenward tokens` shows",
    }
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

/// [`headline`], for the function that returned it.
pub fn headline_in(rv: RvError, function: Function) -> &'static str {
    if misplaced_pin_code(rv, function) {
        "the token refused the operation"
    } else {
        headline(rv)
    }
}

/// [`explain`], for the function that returned it.
pub fn explain_in(rv: RvError, function: Function) -> &'static str {
    if misplaced_pin_code(rv, function) {
        "the token answered with a PIN error although no PIN was sent; such tokens usually need the SO (admin) PIN for this: give it with --so-pin-file, --so-pin-env or --so-pin-stdin (see docs/module-quirks.md)"
    } else {
        explain(rv)
    }
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
