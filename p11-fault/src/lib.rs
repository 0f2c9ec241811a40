//! A test-only PKCS#11 module that forwards to a real one (SoftHSM2 by default) and injects
//! the faults real tokens have and SoftHSM2 lacks: PIN retry counters that lock, missing
//! slots and tokens, write protection, a full token, signing that stops working, sessions
//! that vanish.
//!
//! Build it as `libp11_fault.so` and load it like any PKCS#11 module. It exports only
//! `C_GetFunctionList` (no `C_GetInterface`, so PKCS#11 3.0 clients fall back to the 2.40
//! list). Everything is configured through `P11FAULT_*` environment variables, read once
//! when the function list is first asked for; see `README.md` for each variable.

#![warn(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]

use std::panic::catch_unwind;
use std::path::PathBuf;

use cryptoki_sys::{CKR_ARGUMENTS_BAD, CKR_GENERAL_ERROR, CKR_OK, CK_FUNCTION_LIST, CK_RV};

mod config;
mod forward;
mod module;
mod objects;
mod pin;
mod retry;
mod rv;
mod signing;
mod slots;

/// The PKCS#11 entry point: our function list, a copy of the target's with some functions
/// replaced. Loads the target module on the first call; returns CKR_GENERAL_ERROR (and says
/// why on stderr) when the configuration is invalid or the target cannot be loaded.
///
/// # Safety
///
/// `list` must be null or valid for writing one pointer.
#[no_mangle]
#[allow(non_snake_case)]
pub unsafe extern "C" fn C_GetFunctionList(list: *mut *mut CK_FUNCTION_LIST) -> CK_RV {
    let rv = catch_unwind(|| {
        if list.is_null() {
            return CKR_ARGUMENTS_BAD;
        }
        match module::function_list() {
            Ok(ours) => {
                // SAFETY: non-null, and the caller promises it is valid for writing.
                unsafe { *list = ours };
                CKR_OK
            }
            Err(_) => CKR_GENERAL_ERROR,
        }
    })
    .unwrap_or(CKR_GENERAL_ERROR);
    module::log_call("C_GetFunctionList", rv);
    rv
}

/// Run when the process runs its exit-time destructors (not on `_exit`, nor when killed):
/// with `P11FAULT_EXIT_MARK` set, appends a line to that file, so that a test can tell whether
/// a program left through its destructors, as a module that finishes work there needs.
extern "C" fn at_unload() {
    if let Some(path) = std::env::var_os("P11FAULT_EXIT_MARK") {
        use std::io::Write;
        if let Ok(mut f) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
        {
            let _ = writeln!(f, "destructors ran");
        }
    }
}

/// Registers [`at_unload`] with the dynamic loader, as a C++ module's static destructors are.
#[used]
#[link_section = ".fini_array"]
static AT_UNLOAD: extern "C" fn() = at_unload;

/// File name of the built module.
pub const MODULE_FILE_NAME: &str = "libp11_fault.so";

/// Where cargo put `libp11_fault.so` for the running test executable, if it is there.
///
/// A test executable lives in `target/<profile>/deps/`. Cargo builds the cdylib into that
/// same directory whenever it builds this package's library: for `cargo test -p p11-fault`,
/// and for any package that has `p11-fault` as a (dev-)dependency. `cargo build -p p11-fault`
/// also copies it to `target/<profile>/`, which is looked at second.
pub fn built_module() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let deps = exe.parent()?;
    [
        deps.join(MODULE_FILE_NAME),
        deps.parent()?.join(MODULE_FILE_NAME),
    ]
    .into_iter()
    .find(|p| p.is_file())
}
