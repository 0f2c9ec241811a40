//! Library, slot and token functions: C_Initialize failing, no slots, no token, write
//! protection, and the token flags that show the retry counters and PIN length.

use std::ffi::c_void;
use std::ptr;

use cryptoki_sys::*;

use crate::module::{guard, serial_of, state_error, target, Module};
use crate::retry::Left;

/// C_Initialize: `P11FAULT_INIT_RV` instead of initialising the target; after
/// `P11FAULT_INIT_DELAY_MS`.
pub(crate) unsafe extern "C" fn initialize(args: *mut c_void) -> CK_RV {
    guard("C_Initialize", |m| {
        if let Some(ms) = m.config.init_delay_ms {
            std::thread::sleep(std::time::Duration::from_millis(ms));
        }
        match m.config.init_rv {
            Some(rv) => rv,
            None => target!(m, C_Initialize(args)),
        }
    })
}

/// C_GetSlotList: none with `P11FAULT_NO_SLOTS`; none with a token with
/// `P11FAULT_TOKEN_ABSENT`.
pub(crate) unsafe extern "C" fn slot_list(
    token_present: CK_BBOOL,
    list: *mut CK_SLOT_ID,
    count: *mut CK_ULONG,
) -> CK_RV {
    guard("C_GetSlotList", |m| {
        let none = m.config.no_slots || (m.config.token_absent && token_present != CK_FALSE);
        if !none {
            return target!(m, C_GetSlotList(token_present, list, count));
        }
        if count.is_null() {
            return CKR_ARGUMENTS_BAD;
        }
        // Still ask the target, so that an uninitialised library says so.
        let mut n: CK_ULONG = 0;
        let rv = target!(m, C_GetSlotList(token_present, ptr::null_mut(), &mut n));
        if rv == CKR_OK {
            // SAFETY: non-null, and valid for writing by the caller's contract.
            unsafe { *count = 0 };
        }
        rv
    })
}

/// C_GetSlotInfo: no such slot with `P11FAULT_NO_SLOTS`; an empty removable slot with
/// `P11FAULT_TOKEN_ABSENT`.
pub(crate) unsafe extern "C" fn slot_info(slot: CK_SLOT_ID, info: *mut CK_SLOT_INFO) -> CK_RV {
    guard("C_GetSlotInfo", |m| {
        if m.config.no_slots {
            return CKR_SLOT_ID_INVALID;
        }
        let rv = target!(m, C_GetSlotInfo(slot, info));
        if rv == CKR_OK && m.config.token_absent && !info.is_null() {
            // SAFETY: non-null, valid by the caller's contract, just filled by the target.
            let info = unsafe { &mut *info };
            // A slot without CKF_REMOVABLE_DEVICE always has a token (PKCS#11 2.40 §3.2).
            info.flags = (info.flags & !CKF_TOKEN_PRESENT) | CKF_REMOVABLE_DEVICE;
        }
        rv
    })
}

/// C_GetTokenInfo: the retry counters replace SoftHSM2's PIN flags, plus write protection,
/// PIN length and a full token when configured.
pub(crate) unsafe extern "C" fn token_info(slot: CK_SLOT_ID, info: *mut CK_TOKEN_INFO) -> CK_RV {
    guard("C_GetTokenInfo", |m| {
        if let Some(rv) = refuse_slot(m) {
            return rv;
        }
        let rv = target!(m, C_GetTokenInfo(slot, info));
        if rv != CKR_OK || info.is_null() {
            return rv;
        }
        // SAFETY: non-null, valid by the caller's contract, just filled by the target.
        let info = unsafe { &mut *info };
        let left = match m.retries.left(&serial_of(info)) {
            Ok(left) => left,
            Err(e) => return state_error(m, e),
        };
        info.flags = pin_flags(info.flags, left, m.retries.max());
        if m.config.write_protected {
            info.flags |= CKF_WRITE_PROTECTED;
        }
        if m.config.pin_pad.is_some() {
            info.flags |= CKF_PROTECTED_AUTHENTICATION_PATH;
        }
        if m.config.user_pin_to_be_changed && !crate::pin::user_pin_changed(m, &serial_of(info)) {
            info.flags |= CKF_USER_PIN_TO_BE_CHANGED;
        }
        if let Some((min, max)) = m.config.pin_len {
            info.ulMinPinLen = min;
            info.ulMaxPinLen = max;
        }
        if m.config.device_memory {
            info.ulFreePublicMemory = 0;
            info.ulFreePrivateMemory = 0;
        }
        CKR_OK
    })
}

/// C_GetMechanismList: refused for a missing slot or token.
pub(crate) unsafe extern "C" fn mechanism_list(
    slot: CK_SLOT_ID,
    list: *mut CK_MECHANISM_TYPE,
    count: *mut CK_ULONG,
) -> CK_RV {
    guard("C_GetMechanismList", |m| {
        if let Some(rv) = refuse_slot(m) {
            return rv;
        }
        if m.config.hide_mechanisms.is_empty() {
            return target!(m, C_GetMechanismList(slot, list, count));
        }
        // Read the whole list, drop the hidden ones, then answer as C_GetMechanismList does.
        let mut n: CK_ULONG = 0;
        let rv = target!(m, C_GetMechanismList(slot, ptr::null_mut(), &mut n));
        if rv != CKR_OK {
            return rv;
        }
        let mut all = vec![0 as CK_MECHANISM_TYPE; n as usize];
        let rv = target!(m, C_GetMechanismList(slot, all.as_mut_ptr(), &mut n));
        if rv != CKR_OK {
            return rv;
        }
        all.truncate(n as usize);
        all.retain(|mech| !m.config.hide_mechanisms.contains(mech));
        // SAFETY: `count` is valid for writing, and `list` (when not null) for `*count`
        // entries, by the caller's PKCS#11 contract.
        unsafe {
            if count.is_null() {
                return CKR_ARGUMENTS_BAD;
            }
            let room = *count as usize;
            *count = all.len() as CK_ULONG;
            if list.is_null() {
                return CKR_OK;
            }
            if room < all.len() {
                return CKR_BUFFER_TOO_SMALL;
            }
            ptr::copy_nonoverlapping(all.as_ptr(), list, all.len());
        }
        CKR_OK
    })
}

/// C_GetMechanismInfo: refused for a missing slot or token.
pub(crate) unsafe extern "C" fn mechanism_info(
    slot: CK_SLOT_ID,
    mechanism: CK_MECHANISM_TYPE,
    info: *mut CK_MECHANISM_INFO,
) -> CK_RV {
    guard("C_GetMechanismInfo", |m| {
        if m.config.hide_mechanisms.contains(&mechanism) {
            return CKR_MECHANISM_INVALID;
        }
        refuse_slot(m).unwrap_or_else(|| target!(m, C_GetMechanismInfo(slot, mechanism, info)))
    })
}

/// C_OpenSession: refused for a missing slot or token, and for R/W on a write-protected token.
pub(crate) unsafe extern "C" fn open_session(
    slot: CK_SLOT_ID,
    flags: CK_FLAGS,
    application: *mut c_void,
    notify: CK_NOTIFY,
    session: *mut CK_SESSION_HANDLE,
) -> CK_RV {
    guard("C_OpenSession", |m| {
        if let Some(rv) = refuse_slot(m) {
            return rv;
        }
        if m.config.write_protected && flags & CKF_RW_SESSION != 0 {
            return CKR_TOKEN_WRITE_PROTECTED;
        }
        target!(m, C_OpenSession(slot, flags, application, notify, session))
    })
}

/// C_CloseAllSessions: refused for a missing slot or token.
pub(crate) unsafe extern "C" fn close_all_sessions(slot: CK_SLOT_ID) -> CK_RV {
    guard("C_CloseAllSessions", |m| {
        refuse_slot(m).unwrap_or_else(|| target!(m, C_CloseAllSessions(slot)))
    })
}

/// What a function taking a slot ID returns instead of forwarding: CKR_SLOT_ID_INVALID
/// without slots, CKR_TOKEN_NOT_PRESENT without a token.
pub(crate) fn refuse_slot(m: &Module) -> Option<CK_RV> {
    if m.config.no_slots {
        Some(CKR_SLOT_ID_INVALID)
    } else if m.config.token_absent {
        Some(CKR_TOKEN_NOT_PRESENT)
    } else {
        None
    }
}

/// `flags` with the target's own PIN state flags replaced by ours: COUNT_LOW once a try is
/// used up, FINAL_TRY with one left, LOCKED with none.
fn pin_flags(flags: CK_FLAGS, left: Left, max: Left) -> CK_FLAGS {
    const OURS: CK_FLAGS = CKF_USER_PIN_COUNT_LOW
        | CKF_USER_PIN_FINAL_TRY
        | CKF_USER_PIN_LOCKED
        | CKF_SO_PIN_COUNT_LOW
        | CKF_SO_PIN_FINAL_TRY
        | CKF_SO_PIN_LOCKED;
    let state = |left: u32, max: u32, [low, last, locked]: [CK_FLAGS; 3]| {
        let mut f = 0;
        if left < max {
            f |= low;
        }
        if left == 1 {
            f |= last;
        }
        if left == 0 {
            f |= locked;
        }
        f
    };
    (flags & !OURS)
        | state(
            left.user,
            max.user,
            [
                CKF_USER_PIN_COUNT_LOW,
                CKF_USER_PIN_FINAL_TRY,
                CKF_USER_PIN_LOCKED,
            ],
        )
        | state(
            left.so,
            max.so,
            [
                CKF_SO_PIN_COUNT_LOW,
                CKF_SO_PIN_FINAL_TRY,
                CKF_SO_PIN_LOCKED,
            ],
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAX: Left = Left { user: 3, so: 3 };

    fn user(left: u32) -> CK_FLAGS {
        pin_flags(0, Left { user: left, so: 3 }, MAX)
    }

    #[test]
    fn user_flags_follow_the_counter() {
        assert_eq!(user(3), 0);
        assert_eq!(user(2), CKF_USER_PIN_COUNT_LOW);
        assert_eq!(user(1), CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_FINAL_TRY);
        assert_eq!(user(0), CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_LOCKED);
    }

    #[test]
    fn so_flags_follow_the_counter() {
        let so = |left| pin_flags(0, Left { user: 3, so: left }, MAX);
        assert_eq!(so(2), CKF_SO_PIN_COUNT_LOW);
        assert_eq!(so(1), CKF_SO_PIN_COUNT_LOW | CKF_SO_PIN_FINAL_TRY);
        assert_eq!(so(0), CKF_SO_PIN_COUNT_LOW | CKF_SO_PIN_LOCKED);
    }

    #[test]
    fn softhsm_flags_are_replaced_and_others_kept() {
        let softhsm = CKF_TOKEN_INITIALIZED | CKF_USER_PIN_COUNT_LOW | CKF_SO_PIN_COUNT_LOW;
        assert_eq!(pin_flags(softhsm, MAX, MAX), CKF_TOKEN_INITIALIZED);
    }

    #[test]
    fn a_single_try_is_always_the_final_one() {
        let one = Left { user: 1, so: 1 };
        assert_eq!(
            pin_flags(0, one, one),
            CKF_USER_PIN_FINAL_TRY | CKF_SO_PIN_FINAL_TRY
        );
    }
}
