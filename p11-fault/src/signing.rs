//! Signing faults: a token that stops signing (pulled out, broken) and sessions that vanish.

use std::ptr;
use std::sync::atomic::Ordering;

use cryptoki_sys::*;

use crate::module::{guard, target, Module};

/// Largest signature we sign into a scratch buffer to end an operation (RSA 16384 is 2 KiB).
const MAX_SCRATCH: CK_ULONG = 64 * 1024;

/// C_SignInit: every `P11FAULT_SESSION_INVALID_EVERY`th call finds its session gone. The
/// session is really closed in the target, so the handle stays invalid; if it was the
/// application's last session, the login goes with it, as on a real token.
pub(crate) unsafe extern "C" fn sign_init(
    session: CK_SESSION_HANDLE,
    mechanism: *mut CK_MECHANISM,
    key: CK_OBJECT_HANDLE,
) -> CK_RV {
    guard("C_SignInit", |m| {
        if let Some(every) = m.config.session_invalid_every {
            if (m.sign_inits.fetch_add(1, Ordering::SeqCst) + 1) % every == 0 {
                target!(m, C_CloseSession(session));
                return CKR_SESSION_HANDLE_INVALID;
            }
        }
        target!(m, C_SignInit(session, mechanism, key))
    })
}

/// C_Sign: after `P11FAULT_SIGN_FAIL_AFTER` signatures, every call fails with
/// `P11FAULT_SIGN_FAIL_RV` (and, as any failed C_Sign, ends the signing operation).
pub(crate) unsafe extern "C" fn sign(
    session: CK_SESSION_HANDLE,
    data: *mut CK_BYTE,
    data_len: CK_ULONG,
    signature: *mut CK_BYTE,
    signature_len: *mut CK_ULONG,
) -> CK_RV {
    guard("C_Sign", |m| {
        if let (Some(ms), false) = (m.config.sign_delay_ms, signature.is_null()) {
            std::thread::sleep(std::time::Duration::from_millis(ms));
        }
        let forward = || target!(m, C_Sign(session, data, data_len, signature, signature_len));
        let Some(allowed) = m.config.sign_fail_after else {
            return forward();
        };
        // Held across the call, so that threads racing cannot sign more than allowed.
        let mut done = m.signs.lock().unwrap_or_else(|e| e.into_inner());
        let failed_before = m.sign_failed_once.load(Ordering::SeqCst);
        if *done >= allowed && !(m.config.sign_fail_once && failed_before) {
            end_operation(m, session, data, data_len);
            if m.config.sign_fail_once {
                // A reset: this session is gone for good; a new one works again.
                m.sign_failed_once.store(true, Ordering::SeqCst);
                target!(m, C_CloseSession(session));
            }
            return m.config.sign_fail_rv;
        }
        let rv = forward();
        // A call with no buffer only asks for the length; it is not a signature.
        if rv == CKR_OK && !signature.is_null() {
            *done += 1;
        }
        rv
    })
}

/// Ends the target's active signing operation by finishing it into a scratch buffer, so that
/// the session is left as PKCS#11 says a failed C_Sign leaves it: with no active operation.
fn end_operation(m: &Module, session: CK_SESSION_HANDLE, data: *mut CK_BYTE, data_len: CK_ULONG) {
    let mut len: CK_ULONG = 0;
    if target!(
        m,
        C_Sign(session, data, data_len, ptr::null_mut(), &mut len)
    ) != CKR_OK
        || len > MAX_SCRATCH
    {
        return;
    }
    let mut scratch = vec![0u8; len as usize];
    target!(
        m,
        C_Sign(session, data, data_len, scratch.as_mut_ptr(), &mut len)
    );
}
