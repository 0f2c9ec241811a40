//! Logins and PIN changes under a retry counter that locks, as on real tokens.
//!
//! A PIN check that the target answers with CKR_PIN_INCORRECT costs one try; CKR_OK gives
//! them all back; with no tries left the check is refused with CKR_PIN_LOCKED before it
//! reaches the target, so even the right PIN no longer works. Only the SO can give the user
//! PIN its tries back (C_InitPIN); only C_InitToken gives both back.

use cryptoki_sys::*;

use crate::module::{
    guard, raw_token_info, serial_of, serial_of_slot, session_token, state_error, target, Module,
};
use crate::retry::Who;
use crate::slots::refuse_slot;

/// C_Login: counted against the user PIN (CKU_USER, CKU_CONTEXT_SPECIFIC) or the SO PIN.
pub(crate) unsafe extern "C" fn login(
    session: CK_SESSION_HANDLE,
    user_type: CK_USER_TYPE,
    pin: *mut CK_UTF8CHAR,
    pin_len: CK_ULONG,
) -> CK_RV {
    guard("C_Login", |m| {
        // A PIN pad: no PIN comes with the call; the one "typed on the keypad" goes on.
        let mut typed = m.config.pin_pad.clone().unwrap_or_default().into_bytes();
        let (pin, pin_len) = match (&m.config.pin_pad, pin.is_null()) {
            (Some(_), true) => (typed.as_mut_ptr(), typed.len() as CK_ULONG),
            _ => (pin, pin_len),
        };
        let forward = || target!(m, C_Login(session, user_type, pin, pin_len));
        let who = match user_type {
            CKU_SO => Who::So,
            CKU_USER | CKU_CONTEXT_SPECIFIC => Who::User,
            _ => return forward(),
        };
        match session_token(m, session) {
            Some((serial, _)) => counted(m, &serial, who, forward),
            None => forward(),
        }
    })
}

/// C_SetPIN: the old PIN is checked like a login of whoever the session belongs to (the SO in
/// an R/W SO session, else the user).
pub(crate) unsafe extern "C" fn set_pin(
    session: CK_SESSION_HANDLE,
    old_pin: *mut CK_UTF8CHAR,
    old_len: CK_ULONG,
    new_pin: *mut CK_UTF8CHAR,
    new_len: CK_ULONG,
) -> CK_RV {
    guard("C_SetPIN", |m| {
        if m.config.write_protected {
            return CKR_TOKEN_WRITE_PROTECTED;
        }
        let forward = || {
            refuse_pin_len(m, new_pin, new_len).unwrap_or_else(|| {
                target!(m, C_SetPIN(session, old_pin, old_len, new_pin, new_len))
            })
        };
        match session_token(m, session) {
            Some((serial, state)) => {
                let who = if state == CKS_RW_SO_FUNCTIONS {
                    Who::So
                } else {
                    Who::User
                };
                let rv = counted(m, &serial, who, forward);
                if rv == CKR_OK && who == Who::User && m.config.user_pin_to_be_changed {
                    mark_user_pin_changed(m, &serial);
                }
                rv
            }
            None => forward(),
        }
    })
}

/// C_InitPIN: the SO sets a new user PIN, which unlocks it.
pub(crate) unsafe extern "C" fn init_pin(
    session: CK_SESSION_HANDLE,
    pin: *mut CK_UTF8CHAR,
    pin_len: CK_ULONG,
) -> CK_RV {
    guard("C_InitPIN", |m| {
        if m.config.write_protected {
            return CKR_TOKEN_WRITE_PROTECTED;
        }
        if let Some(rv) = refuse_pin_len(m, pin, pin_len) {
            return rv;
        }
        let rv = target!(m, C_InitPIN(session, pin, pin_len));
        if rv != CKR_OK {
            return rv;
        }
        let rv = match session_token(m, session)
            .map(|(serial, _)| m.retries.reset(&serial, Who::User))
        {
            Some(Err(e)) => state_error(m, e),
            _ => rv,
        };
        if m.config.abort_after_init_pin {
            // The process dies here, as if killed right after the token took the new PIN.
            eprintln!("p11-fault: aborting the process after C_InitPIN");
            std::process::abort();
        }
        rv
    })
}

/// C_InitToken: on an initialised token the SO PIN is checked (and counted) first; success
/// gives both PINs all their tries back.
pub(crate) unsafe extern "C" fn init_token(
    slot: CK_SLOT_ID,
    so_pin: *mut CK_UTF8CHAR,
    so_pin_len: CK_ULONG,
    label: *mut CK_UTF8CHAR,
) -> CK_RV {
    guard("C_InitToken", |m| {
        if let Some(rv) = refuse_slot(m) {
            return rv;
        }
        if m.config.write_protected {
            return CKR_TOKEN_WRITE_PROTECTED;
        }
        let forward = || target!(m, C_InitToken(slot, so_pin, so_pin_len, label));
        let before = raw_token_info(m, slot)
            .filter(|info| info.flags & CKF_TOKEN_INITIALIZED != 0)
            .map(|info| serial_of(&info));
        let rv = match &before {
            // Re-initialising: the existing SO PIN is checked, so it counts.
            Some(serial) => counted(m, serial, Who::So, forward),
            // A new token: its SO PIN is new, so the length rule applies.
            None => refuse_pin_len(m, so_pin, so_pin_len).unwrap_or_else(forward),
        };
        if rv != CKR_OK {
            return rv;
        }
        // SoftHSM2 keeps the serial on re-initialisation and makes a new one for a new token
        // (which starts with all its tries); reset whichever we can name.
        let after = serial_of_slot(m, slot);
        for serial in before.iter().chain(after.iter()) {
            for who in [Who::User, Who::So] {
                if let Err(e) = m.retries.reset(serial, who) {
                    return state_error(m, e);
                }
            }
        }
        rv
    })
}

/// Runs the PIN check `call` for `who` on the token with `serial` under its retry counter.
fn counted(m: &Module, serial: &[u8], who: Who, call: impl FnOnce() -> CK_RV) -> CK_RV {
    // Check, call and count as one step, so that racing threads cannot both use a last try.
    let _one_at_a_time = m.pin_lock.lock().unwrap_or_else(|e| e.into_inner());
    match m.retries.left(serial) {
        Err(e) => return state_error(m, e),
        Ok(left) if left.of(who) == 0 => return CKR_PIN_LOCKED,
        Ok(_) => {}
    }
    let rv = call();
    let stored = match rv {
        CKR_PIN_INCORRECT => m.retries.miss(serial, who),
        CKR_OK => m.retries.reset(serial, who),
        _ => return rv,
    };
    match stored {
        Ok(_) => rv,
        Err(e) => state_error(m, e),
    }
}

/// CKR_PIN_LEN_RANGE for a new PIN outside `P11FAULT_PIN_LEN` (a null PIN means a PIN pad,
/// which is not ours to judge).
fn refuse_pin_len(m: &Module, pin: *const CK_UTF8CHAR, len: CK_ULONG) -> Option<CK_RV> {
    let (min, max) = m.config.pin_len?;
    (!pin.is_null() && (len < min || len > max)).then_some(CKR_PIN_LEN_RANGE)
}

/// The file that remembers that the user PIN of `serial` was changed
/// (`P11FAULT_USER_PIN_TO_BE_CHANGED`), next to the retry state.
fn changed_marker(m: &Module, serial: &[u8]) -> Option<std::path::PathBuf> {
    let state = m.config.state.as_ref()?;
    let name = format!("user-pin-changed-{}", String::from_utf8_lossy(serial));
    Some(state.with_file_name(name))
}

/// Has the user changed the factory PIN of `serial`?
pub(crate) fn user_pin_changed(m: &Module, serial: &[u8]) -> bool {
    changed_marker(m, serial).is_some_and(|p| p.exists())
}

fn mark_user_pin_changed(m: &Module, serial: &[u8]) {
    if let Some(p) = changed_marker(m, serial) {
        let _ = std::fs::write(p, b"changed\n");
    }
}
