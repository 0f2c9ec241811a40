//! The support trace: with `--verbose` or `TOKENWARD_LOG=debug`, every PKCS#11 call (the
//! function, the slot where the call names one, the return code, the time it took) and every
//! PC/SC call goes to standard error or to `TOKENWARD_LOG_FILE`, for a user to send to their
//! administrator as OpenSC's debug log is sent today.
//!
//! Only names, slot numbers, return codes and durations are written, never an argument or a
//! result: no PIN, key, password or object value can reach the trace.

use std::io::Write;
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

use cryptoki::slot::Slot;

static SINK: OnceLock<Mutex<Box<dyn Write + Send>>> = OnceLock::new();

/// Send the trace to standard error. The first of [`to_stderr`] and [`to_file`] wins.
pub fn to_stderr() {
    let _ = SINK.set(Mutex::new(Box::new(std::io::stderr())));
}

/// Send the trace to the end of `path`, created 0600 if it does not exist (never through a
/// symbolic link).
///
/// # Errors
/// The file cannot be opened.
pub fn to_file(path: &std::path::Path) -> std::io::Result<()> {
    let file = crate::files::private_file().append(true).open(path)?;
    let _ = SINK.set(Mutex::new(Box::new(file)));
    Ok(())
}

/// Is the trace on?
pub fn enabled() -> bool {
    SINK.get().is_some()
}

/// Write one line of trace, if the trace is on.
pub fn line(text: std::fmt::Arguments<'_>) {
    if let Some(sink) = SINK.get() {
        if let Ok(mut w) = sink.lock() {
            let _ = writeln!(w, "tokenward: trace: {text}");
        }
    }
}

/// Run the PKCS#11 call `f` named `function` (`C_FindObjects`), on `slot` where the call
/// names one, and trace it.
///
/// # Errors
/// Those of `f`, unchanged.
pub fn pkcs11<T>(
    function: &'static str,
    slot: Option<Slot>,
    f: impl FnOnce() -> cryptoki::error::Result<T>,
) -> cryptoki::error::Result<T> {
    let call = || {
        let slot = slot.map_or_else(String::new, |s| format!(" slot {:#x}", s.id()));
        format!("pkcs11 {function}{slot}")
    };
    timed(call, "CKR_OK", f, |e| match e {
        cryptoki::error::Error::Pkcs11(rv, _) => crate::error::ckr::name(*rv),
        other => format!("failed before the module answered ({other})"),
    })
}

/// Run the PC/SC call `f` named `function` (`SCardGetStatusChange`) and trace it.
///
/// # Errors
/// Those of `f`, unchanged.
pub fn pcsc<T>(
    function: &'static str,
    f: impl FnOnce() -> Result<T, pcsc::Error>,
) -> Result<T, pcsc::Error> {
    timed(
        || format!("pcsc {function}"),
        "SCARD_S_SUCCESS",
        f,
        |e| format!("{e:?} (0x{:08x})", *e as u32),
    )
}

/// Run `f` and, when the trace is on, write `CALL -> CODE in N ms`: `call` words the call (only
/// when the trace is on, so that a traced call costs nothing otherwise), `ok` is the layer's
/// success code, `code_of` a failure's.
fn timed<T, E>(
    call: impl FnOnce() -> String,
    ok: &'static str,
    f: impl FnOnce() -> Result<T, E>,
    code_of: impl FnOnce(&E) -> String,
) -> Result<T, E> {
    if !enabled() {
        return f();
    }
    let start = Instant::now();
    let result = f();
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    let code = match &result {
        Ok(_) => ok.to_string(),
        Err(e) => code_of(e),
    };
    line(format_args!("{} -> {code} in {ms:.3} ms", call()));
    result
}
