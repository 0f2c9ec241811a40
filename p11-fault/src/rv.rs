//! CK_RV values by name, so that tests can write `P11FAULT_INIT_RV=CKR_GENERAL_ERROR`.

use cryptoki_sys::*;

use crate::config::parse_u64;

/// The return values a fault is likely to be configured with.
const NAMES: &[(&str, CK_RV)] = &[
    ("CKR_OK", CKR_OK),
    ("CKR_CANCEL", CKR_CANCEL),
    ("CKR_HOST_MEMORY", CKR_HOST_MEMORY),
    ("CKR_SLOT_ID_INVALID", CKR_SLOT_ID_INVALID),
    ("CKR_GENERAL_ERROR", CKR_GENERAL_ERROR),
    ("CKR_FUNCTION_FAILED", CKR_FUNCTION_FAILED),
    ("CKR_ARGUMENTS_BAD", CKR_ARGUMENTS_BAD),
    ("CKR_CANT_LOCK", CKR_CANT_LOCK),
    ("CKR_DEVICE_ERROR", CKR_DEVICE_ERROR),
    ("CKR_DEVICE_MEMORY", CKR_DEVICE_MEMORY),
    ("CKR_DEVICE_REMOVED", CKR_DEVICE_REMOVED),
    ("CKR_FUNCTION_CANCELED", CKR_FUNCTION_CANCELED),
    ("CKR_FUNCTION_NOT_SUPPORTED", CKR_FUNCTION_NOT_SUPPORTED),
    ("CKR_KEY_HANDLE_INVALID", CKR_KEY_HANDLE_INVALID),
    (
        "CKR_OPERATION_NOT_INITIALIZED",
        CKR_OPERATION_NOT_INITIALIZED,
    ),
    ("CKR_PIN_INCORRECT", CKR_PIN_INCORRECT),
    ("CKR_PIN_LOCKED", CKR_PIN_LOCKED),
    ("CKR_PIN_EXPIRED", CKR_PIN_EXPIRED),
    ("CKR_SESSION_CLOSED", CKR_SESSION_CLOSED),
    ("CKR_SESSION_HANDLE_INVALID", CKR_SESSION_HANDLE_INVALID),
    ("CKR_TOKEN_NOT_PRESENT", CKR_TOKEN_NOT_PRESENT),
    ("CKR_TOKEN_NOT_RECOGNIZED", CKR_TOKEN_NOT_RECOGNIZED),
    ("CKR_TOKEN_WRITE_PROTECTED", CKR_TOKEN_WRITE_PROTECTED),
    ("CKR_USER_NOT_LOGGED_IN", CKR_USER_NOT_LOGGED_IN),
    ("CKR_CRYPTOKI_NOT_INITIALIZED", CKR_CRYPTOKI_NOT_INITIALIZED),
    (
        "CKR_CRYPTOKI_ALREADY_INITIALIZED",
        CKR_CRYPTOKI_ALREADY_INITIALIZED,
    ),
];

/// A CK_RV as hex (`0x5`), decimal (`5`) or one of the names above (`CKR_GENERAL_ERROR`).
pub fn parse(v: &str) -> Option<CK_RV> {
    NAMES
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(v))
        .map(|&(_, rv)| rv)
        .or_else(|| CK_RV::try_from(parse_u64(v)?).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_numbers_and_hex() {
        assert_eq!(parse("CKR_GENERAL_ERROR"), Some(CKR_GENERAL_ERROR));
        assert_eq!(parse("ckr_device_removed"), Some(CKR_DEVICE_REMOVED));
        assert_eq!(parse("0x30"), Some(CKR_DEVICE_ERROR));
        assert_eq!(parse("48"), Some(CKR_DEVICE_ERROR));
        assert_eq!(parse("CKR_NOT_A_THING"), None);
    }
}
