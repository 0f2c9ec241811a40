//! Object-creating and -changing functions: a write-protected token and a full one.
//!
//! Write protection refuses only what would change the token (token objects, CKA_TOKEN
//! TRUE); session objects live in the session and are still allowed, as on a real read-only
//! token. A full token refuses every new object.

use std::ffi::c_void;
use std::sync::atomic::Ordering;

use cryptoki_sys::*;

use crate::module::{guard, target, Module};

/// C_CreateObject: write protection, a full token, and `P11FAULT_CREATE_FAIL_AFTER`.
pub(crate) unsafe extern "C" fn create_object(
    session: CK_SESSION_HANDLE,
    template: *mut CK_ATTRIBUTE,
    count: CK_ULONG,
    object: *mut CK_OBJECT_HANDLE,
) -> CK_RV {
    guard("C_CreateObject", |m| {
        // SAFETY: the caller's template, valid for `count` attributes by its contract.
        let token = unsafe { token_attribute(template, count) }.unwrap_or(false);
        if let Some(rv) = refuse_new_object(m, token) {
            return rv;
        }
        if let Some(allowed) = m.config.create_fail_after {
            if m.creates.fetch_add(1, Ordering::SeqCst) >= allowed {
                return CKR_DEVICE_MEMORY;
            }
        }
        let rv = target!(m, C_CreateObject(session, template, count, object));
        if rv == CKR_OK {
            if let Some(n) = m.config.abort_after_create {
                if m.created_ok.fetch_add(1, Ordering::SeqCst) + 1 == n {
                    // The process dies here, as if killed between this write and its next step.
                    eprintln!("p11-fault: aborting the process after C_CreateObject #{n}");
                    std::process::abort();
                }
            }
        }
        rv
    })
}

/// C_CopyObject: as C_CreateObject (the copy is a token object unless the template says
/// otherwise and the original is one).
pub(crate) unsafe extern "C" fn copy_object(
    session: CK_SESSION_HANDLE,
    original: CK_OBJECT_HANDLE,
    template: *mut CK_ATTRIBUTE,
    count: CK_ULONG,
    object: *mut CK_OBJECT_HANDLE,
) -> CK_RV {
    guard("C_CopyObject", |m| {
        // SAFETY: the caller's template, valid for `count` attributes by its contract.
        let token = unsafe { token_attribute(template, count) }
            .unwrap_or_else(|| is_token_object(m, session, original));
        refuse_new_object(m, token)
            .unwrap_or_else(|| target!(m, C_CopyObject(session, original, template, count, object)))
    })
}

/// C_DestroyObject: a token object cannot go from a write-protected token.
pub(crate) unsafe extern "C" fn destroy_object(
    session: CK_SESSION_HANDLE,
    object: CK_OBJECT_HANDLE,
) -> CK_RV {
    guard("C_DestroyObject", |m| {
        if m.config.write_protected && is_token_object(m, session, object) {
            return CKR_TOKEN_WRITE_PROTECTED;
        }
        if let Some(n) = m.config.abort_before_destroy {
            if m.destroys.fetch_add(1, Ordering::SeqCst) + 1 == n {
                // The process dies here, as if killed just before this removal.
                eprintln!("p11-fault: aborting the process before C_DestroyObject #{n}");
                std::process::abort();
            }
        }
        target!(m, C_DestroyObject(session, object))
    })
}

/// C_SetAttributeValue: a token object cannot change on a write-protected token.
pub(crate) unsafe extern "C" fn set_attribute_value(
    session: CK_SESSION_HANDLE,
    object: CK_OBJECT_HANDLE,
    template: *mut CK_ATTRIBUTE,
    count: CK_ULONG,
) -> CK_RV {
    guard("C_SetAttributeValue", |m| {
        if m.config.write_protected
            // SAFETY: the caller's template, valid for `count` attributes by its contract.
            && (unsafe { token_attribute(template, count) } == Some(true)
                || is_token_object(m, session, object))
        {
            return CKR_TOKEN_WRITE_PROTECTED;
        }
        target!(m, C_SetAttributeValue(session, object, template, count))
    })
}

/// C_GenerateKey: write protection and a full token.
pub(crate) unsafe extern "C" fn generate_key(
    session: CK_SESSION_HANDLE,
    mechanism: *mut CK_MECHANISM,
    template: *mut CK_ATTRIBUTE,
    count: CK_ULONG,
    key: *mut CK_OBJECT_HANDLE,
) -> CK_RV {
    guard("C_GenerateKey", |m| {
        // SAFETY: the caller's template, valid for `count` attributes by its contract.
        let token = unsafe { token_attribute(template, count) }.unwrap_or(false);
        refuse_new_object(m, token)
            .unwrap_or_else(|| target!(m, C_GenerateKey(session, mechanism, template, count, key)))
    })
}

/// C_GenerateKeyPair: write protection (either key on the token), a full token, and
/// `P11FAULT_GENERATE_FAIL_NTH`.
#[allow(clippy::too_many_arguments)]
pub(crate) unsafe extern "C" fn generate_key_pair(
    session: CK_SESSION_HANDLE,
    mechanism: *mut CK_MECHANISM,
    public_template: *mut CK_ATTRIBUTE,
    public_count: CK_ULONG,
    private_template: *mut CK_ATTRIBUTE,
    private_count: CK_ULONG,
    public_key: *mut CK_OBJECT_HANDLE,
    private_key: *mut CK_OBJECT_HANDLE,
) -> CK_RV {
    guard("C_GenerateKeyPair", |m| {
        // SAFETY: `mechanism` is null or valid for reading, by the caller's contract.
        if let Some(mech) = unsafe { mechanism.as_ref() } {
            if m.config.hide_mechanisms.contains(&mech.mechanism) {
                return CKR_MECHANISM_INVALID;
            }
        }
        // SAFETY: the caller's templates, each valid for its count by its contract.
        let token = unsafe {
            token_attribute(public_template, public_count) == Some(true)
                || token_attribute(private_template, private_count) == Some(true)
        };
        if let Some(rv) = refuse_new_object(m, token) {
            return rv;
        }
        if let Some(ms) = m.config.generate_delay_ms {
            std::thread::sleep(std::time::Duration::from_millis(ms));
        }
        if let Some(nth) = m.config.generate_fail_nth {
            if m.generates.fetch_add(1, Ordering::SeqCst) + 1 == nth {
                return m.config.generate_fail_rv;
            }
        }
        {
            target!(
                m,
                C_GenerateKeyPair(
                    session,
                    mechanism,
                    public_template,
                    public_count,
                    private_template,
                    private_count,
                    public_key,
                    private_key,
                )
            )
        }
    })
}

/// C_UnwrapKey: write protection and a full token.
#[allow(clippy::too_many_arguments)]
pub(crate) unsafe extern "C" fn unwrap_key(
    session: CK_SESSION_HANDLE,
    mechanism: *mut CK_MECHANISM,
    unwrapping_key: CK_OBJECT_HANDLE,
    wrapped: *mut CK_BYTE,
    wrapped_len: CK_ULONG,
    template: *mut CK_ATTRIBUTE,
    count: CK_ULONG,
    key: *mut CK_OBJECT_HANDLE,
) -> CK_RV {
    guard("C_UnwrapKey", |m| {
        // SAFETY: the caller's template, valid for `count` attributes by its contract.
        let token = unsafe { token_attribute(template, count) }.unwrap_or(false);
        refuse_new_object(m, token).unwrap_or_else(|| {
            target!(
                m,
                C_UnwrapKey(
                    session,
                    mechanism,
                    unwrapping_key,
                    wrapped,
                    wrapped_len,
                    template,
                    count,
                    key,
                )
            )
        })
    })
}

/// C_DeriveKey: write protection and a full token.
pub(crate) unsafe extern "C" fn derive_key(
    session: CK_SESSION_HANDLE,
    mechanism: *mut CK_MECHANISM,
    base_key: CK_OBJECT_HANDLE,
    template: *mut CK_ATTRIBUTE,
    count: CK_ULONG,
    key: *mut CK_OBJECT_HANDLE,
) -> CK_RV {
    guard("C_DeriveKey", |m| {
        // SAFETY: the caller's template, valid for `count` attributes by its contract.
        let token = unsafe { token_attribute(template, count) }.unwrap_or(false);
        refuse_new_object(m, token).unwrap_or_else(|| {
            target!(
                m,
                C_DeriveKey(session, mechanism, base_key, template, count, key)
            )
        })
    })
}

/// What a call making a new object (a token object if `token`) returns instead of
/// forwarding.
fn refuse_new_object(m: &Module, token: bool) -> Option<CK_RV> {
    if m.config.write_protected && token {
        Some(CKR_TOKEN_WRITE_PROTECTED)
    } else if m.config.device_memory {
        Some(CKR_DEVICE_MEMORY)
    } else {
        None
    }
}

/// The CKA_TOKEN value a template asks for, if it names one.
///
/// # Safety
///
/// `template` is null or valid for reading `count` attributes, each of whose `pValue` is
/// null or valid for reading `ulValueLen` bytes (the caller's PKCS#11 contract).
unsafe fn token_attribute(template: *const CK_ATTRIBUTE, count: CK_ULONG) -> Option<bool> {
    if template.is_null() {
        return None;
    }
    // SAFETY: non-null and valid for `count` attributes (this function's contract).
    let attributes = unsafe { std::slice::from_raw_parts(template, count as usize) };
    attributes
        .iter()
        .rev() // the last occurrence wins, should a template repeat one
        .find(|a| a.type_ == CKA_TOKEN && !a.pValue.is_null() && a.ulValueLen >= 1)
        // SAFETY: non-null and valid for at least one byte.
        .map(|a| unsafe { *(a.pValue as *const CK_BBOOL) } != CK_FALSE)
}

/// Whether `object` is a token object, as far as the target will say (false when it cannot:
/// the forwarded call then reports the real problem).
fn is_token_object(m: &Module, session: CK_SESSION_HANDLE, object: CK_OBJECT_HANDLE) -> bool {
    let mut value: CK_BBOOL = CK_FALSE;
    let mut attribute = CK_ATTRIBUTE {
        type_: CKA_TOKEN,
        pValue: (&mut value as *mut CK_BBOOL).cast::<c_void>(),
        ulValueLen: 1,
    };
    target!(m, C_GetAttributeValue(session, object, &mut attribute, 1)) == CKR_OK
        && value != CK_FALSE
}
