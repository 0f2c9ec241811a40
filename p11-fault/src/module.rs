//! The loaded target module and the function list handed to callers.
//!
//! Everything lives in one process-wide `OnceLock`, built on the first `C_GetFunctionList`
//! and never dropped: the target library stays loaded for the life of the process, so the
//! function pointers copied out of it stay valid however callers load and unload us.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::AtomicU64;
use std::sync::{Mutex, OnceLock};

use cryptoki_sys::*;
use libloading::Library;

use crate::config::Config;
use crate::retry::{Left, RetryStore};
use crate::{forward, objects, pin, signing, slots};

/// Calls the target's `$f` with the given arguments, or returns CKR_FUNCTION_NOT_SUPPORTED
/// when the target does not have it.
///
/// Callers pass either their own caller's arguments unchanged (the target's contract is the
/// same as ours) or pointers to live locals of the right type.
macro_rules! target {
    ($m:expr, $f:ident($($arg:expr),* $(,)?)) => {
        match $m.target.$f {
            // SAFETY: a function of the target's own list, called with arguments that meet
            // its PKCS#11 contract (see the macro's documentation).
            Some(f) => unsafe { f($($arg),*) },
            None => cryptoki_sys::CKR_FUNCTION_NOT_SUPPORTED,
        }
    };
}
pub(crate) use target;

/// The module once loaded: configuration, target, counters.
pub(crate) struct Module {
    pub(crate) config: Config,
    /// The target's own function list (a copy).
    pub(crate) target: CK_FUNCTION_LIST,
    pub(crate) retries: RetryStore,
    /// C_CreateObject calls seen (`P11FAULT_CREATE_FAIL_AFTER`).
    pub(crate) creates: AtomicU64,
    /// C_GenerateKeyPair calls so far (for `P11FAULT_GENERATE_FAIL_NTH`).
    pub(crate) generates: AtomicU64,
    /// Successful C_CreateObject calls (for P11FAULT_ABORT_AFTER_CREATE).
    pub(crate) created_ok: AtomicU64,
    /// C_DestroyObject calls seen (for P11FAULT_ABORT_BEFORE_DESTROY).
    pub(crate) destroys: AtomicU64,
    /// The one failure of `P11FAULT_SIGN_FAIL_ONCE` has happened.
    pub(crate) sign_failed_once: std::sync::atomic::AtomicBool,
    /// Successful C_Sign calls; held across each C_Sign while `P11FAULT_SIGN_FAIL_AFTER` is set.
    pub(crate) signs: Mutex<u64>,
    /// C_SignInit calls seen (`P11FAULT_SESSION_INVALID_EVERY`).
    pub(crate) sign_inits: AtomicU64,
    /// Serialises the check-forward-count sequence of logins and PIN changes in this process.
    pub(crate) pin_lock: Mutex<()>,
    log: Option<Mutex<File>>,
    /// Our function list, leaked: callers hold a `*mut` to it for the life of the process.
    list: ListPtr,
    /// Keeps the target loaded; never dropped (the `OnceLock` holding us is a static).
    _library: Library,
}

struct ListPtr(*mut CK_FUNCTION_LIST);

// SAFETY: the list is written once before it is shared and never again by us; it only
// holds function pointers and a version.
unsafe impl Send for ListPtr {}
// SAFETY: as above.
unsafe impl Sync for ListPtr {}

static MODULE: OnceLock<Result<Module, String>> = OnceLock::new();

/// Our function list, loading the target on first use.
pub(crate) fn function_list() -> Result<*mut CK_FUNCTION_LIST, &'static str> {
    match MODULE.get_or_init(|| {
        Module::load().inspect_err(|e| {
            // Called only in tests; the message names a variable or a path, never a PIN.
            eprintln!("p11-fault: {e}");
        })
    }) {
        Ok(m) => Ok(m.list.0),
        Err(e) => Err(e),
    }
}

/// Runs the body of an exported function: the module must be loaded, panics become
/// CKR_GENERAL_ERROR instead of unwinding into C, and the call is logged when asked.
pub(crate) fn guard(name: &'static str, body: impl FnOnce(&'static Module) -> CK_RV) -> CK_RV {
    let Some(Ok(m)) = MODULE.get() else {
        return CKR_GENERAL_ERROR;
    };
    let rv = catch_unwind(AssertUnwindSafe(|| body(m))).unwrap_or(CKR_GENERAL_ERROR);
    m.log(name, rv);
    rv
}

/// Logs a call made before or outside `guard`, if the module is loaded and logging.
pub(crate) fn log_call(name: &str, rv: CK_RV) {
    if let Some(Ok(m)) = MODULE.get() {
        m.log(name, rv);
    }
}

impl Module {
    fn load() -> Result<Module, String> {
        let config = Config::from_env().map_err(|e| e.to_string())?;
        let path = &config.target;
        // SAFETY: loading a PKCS#11 module runs its initialisers; that is what we are for.
        let library = unsafe { Library::new(path) }
            .map_err(|e| format!("cannot load P11FAULT_TARGET {}: {e}", path.display()))?;
        let target = {
            // SAFETY: C_GetFunctionList has this signature in every PKCS#11 module.
            let get: libloading::Symbol<unsafe extern "C" fn(*mut *mut CK_FUNCTION_LIST) -> CK_RV> =
                unsafe { library.get(b"C_GetFunctionList\0") }
                    .map_err(|e| format!("{} has no C_GetFunctionList: {e}", path.display()))?;
            let mut list: *mut CK_FUNCTION_LIST = std::ptr::null_mut();
            // SAFETY: a valid out-pointer; the target fills it with its static list.
            let rv = unsafe { get(&mut list) };
            if rv != CKR_OK || list.is_null() {
                return Err(format!(
                    "C_GetFunctionList of {} returned {rv:#x}",
                    path.display()
                ));
            }
            // SAFETY: non-null and owned by the library, which stays loaded.
            unsafe { *list }
        };
        let log = match &config.log {
            None => None,
            Some(path) => Some(Mutex::new(
                OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(path)
                    .map_err(|e| format!("cannot open P11FAULT_LOG {}: {e}", path.display()))?,
            )),
        };

        let mut ours = target;
        if log.is_some() {
            forward::install(&mut ours);
        }
        install_overrides(&mut ours, &target);
        ours.C_GetFunctionList = Some(crate::C_GetFunctionList);

        let retries = RetryStore::new(
            config.state.clone(),
            Left {
                user: config.user_tries,
                so: config.so_tries,
            },
        );
        Ok(Module {
            config,
            target,
            retries,
            creates: AtomicU64::new(0),
            generates: AtomicU64::new(0),
            created_ok: AtomicU64::new(0),
            destroys: AtomicU64::new(0),
            sign_failed_once: std::sync::atomic::AtomicBool::new(false),
            signs: Mutex::new(0),
            sign_inits: AtomicU64::new(0),
            pin_lock: Mutex::new(()),
            log,
            list: ListPtr(Box::into_raw(Box::new(ours))),
            _library: library,
        })
    }

    fn log(&self, name: &str, rv: CK_RV) {
        if let Some(file) = &self.log {
            let line = format!("{} {name} {rv:#x}\n", std::process::id());
            let mut file = file.lock().unwrap_or_else(|e| e.into_inner());
            // Best effort: a debugging aid must not change what the call returns.
            let _ = file.write_all(line.as_bytes());
        }
    }
}

/// Puts our wrappers in `ours` wherever the target has the function.
fn install_overrides(ours: &mut CK_FUNCTION_LIST, target: &CK_FUNCTION_LIST) {
    macro_rules! set {
        ($($f:ident => $wrapper:path),* $(,)?) => {
            $( if target.$f.is_some() { ours.$f = Some($wrapper); } )*
        };
    }
    set! {
        C_Initialize => slots::initialize,
        C_GetSlotList => slots::slot_list,
        C_GetSlotInfo => slots::slot_info,
        C_GetTokenInfo => slots::token_info,
        C_GetMechanismList => slots::mechanism_list,
        C_GetMechanismInfo => slots::mechanism_info,
        C_OpenSession => slots::open_session,
        C_CloseAllSessions => slots::close_all_sessions,
        C_InitToken => pin::init_token,
        C_InitPIN => pin::init_pin,
        C_SetPIN => pin::set_pin,
        C_Login => pin::login,
        C_CreateObject => objects::create_object,
        C_CopyObject => objects::copy_object,
        C_DestroyObject => objects::destroy_object,
        C_SetAttributeValue => objects::set_attribute_value,
        C_GenerateKey => objects::generate_key,
        C_GenerateKeyPair => objects::generate_key_pair,
        C_UnwrapKey => objects::unwrap_key,
        C_DeriveKey => objects::derive_key,
        C_SignInit => signing::sign_init,
        C_Sign => signing::sign,
    }
}

/// The token serial (trailing blanks removed) of the token in `slot`, straight from the
/// target, or `None` when the target cannot say.
pub(crate) fn serial_of_slot(m: &Module, slot: CK_SLOT_ID) -> Option<Vec<u8>> {
    raw_token_info(m, slot).map(|info| serial_of(&info))
}

/// The serial of the token a session is open on, and the session's state.
pub(crate) fn session_token(m: &Module, session: CK_SESSION_HANDLE) -> Option<(Vec<u8>, CK_STATE)> {
    let mut info = CK_SESSION_INFO::default();
    if target!(m, C_GetSessionInfo(session, &mut info)) != CKR_OK {
        return None;
    }
    Some((serial_of_slot(m, info.slotID)?, info.state))
}

/// The target's own token info for `slot`, without any of our changes.
pub(crate) fn raw_token_info(m: &Module, slot: CK_SLOT_ID) -> Option<CK_TOKEN_INFO> {
    let mut info = CK_TOKEN_INFO::default();
    (target!(m, C_GetTokenInfo(slot, &mut info)) == CKR_OK).then_some(info)
}

pub(crate) fn serial_of(info: &CK_TOKEN_INFO) -> Vec<u8> {
    let serial = &info.serialNumber;
    let end = serial
        .iter()
        .rposition(|&b| b != b' ' && b != 0)
        .map_or(0, |i| i + 1);
    serial[..end].to_vec()
}

/// Reports a state file that cannot be read or written; the call then fails with
/// CKR_GENERAL_ERROR rather than testing with counters that are not there.
pub(crate) fn state_error(m: &Module, e: std::io::Error) -> CK_RV {
    let path = m.config.state.as_deref().unwrap_or("(memory)".as_ref());
    eprintln!("p11-fault: retry state {}: {e}", path.display());
    CKR_GENERAL_ERROR
}
