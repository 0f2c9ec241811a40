//! What the fault module does, read once from `P11FAULT_*` environment variables.
//!
//! Tests configure the module only through the environment of the process that loads it, so
//! a typo must fail loudly (the module refuses to load) instead of silently testing nothing.

use std::ffi::OsString;
use std::fmt;
use std::path::PathBuf;

use cryptoki_sys::{CKR_DEVICE_ERROR, CKR_DEVICE_REMOVED, CK_MECHANISM_TYPE, CK_RV, CK_ULONG};

use crate::rv;

/// Module loaded when `P11FAULT_TARGET` is unset.
pub const DEFAULT_TARGET: &str = "/usr/lib/softhsm/libsofthsm2.so";

/// Tries a PIN has when `P11FAULT_USER_TRIES` / `P11FAULT_SO_TRIES` are unset.
pub const DEFAULT_TRIES: u32 = 3;

/// The whole configuration; every fault is off by default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// `P11FAULT_TARGET`: the real PKCS#11 module every call is forwarded to.
    pub target: PathBuf,
    /// `P11FAULT_STATE`: file holding the retry counters; `None` keeps them in memory.
    pub state: Option<PathBuf>,
    /// `P11FAULT_USER_TRIES`: user PIN tries before it locks (at least 1).
    pub user_tries: u32,
    /// `P11FAULT_SO_TRIES`: SO PIN tries before it locks (at least 1).
    pub so_tries: u32,
    /// `P11FAULT_INIT_RV`: C_Initialize returns this instead of initialising the target.
    pub init_rv: Option<CK_RV>,
    /// `P11FAULT_INIT_DELAY_MS`: C_Initialize first waits this long (a slow reader or card).
    pub init_delay_ms: Option<u64>,
    /// `P11FAULT_NO_SLOTS`: the module has no slots at all.
    pub no_slots: bool,
    /// `P11FAULT_TOKEN_ABSENT`: every slot is empty.
    pub token_absent: bool,
    /// `P11FAULT_WRITE_PROTECTED`: the token is read-only.
    pub write_protected: bool,
    /// `P11FAULT_DEVICE_MEMORY`: the token is full.
    pub device_memory: bool,
    /// `P11FAULT_CREATE_FAIL_AFTER`: C_CreateObject calls allowed before the token is full.
    pub create_fail_after: Option<u64>,
    /// `P11FAULT_SIGN_FAIL_AFTER`: successful C_Sign calls before C_Sign starts failing.
    pub sign_fail_after: Option<u64>,
    /// `P11FAULT_SIGN_DELAY_MS`: each C_Sign that makes a signature first waits this long (a
    /// slow card).
    pub sign_delay_ms: Option<u64>,
    /// `P11FAULT_GENERATE_DELAY_MS`: C_GenerateKeyPair first waits this long (a card making an
    /// RSA-4096 key).
    pub generate_delay_ms: Option<u64>,
    /// `P11FAULT_GENERATE_FAIL_NTH`: the Nth C_GenerateKeyPair of the process (N ≥ 1) fails.
    pub generate_fail_nth: Option<u64>,
    /// `P11FAULT_GENERATE_FAIL_RV`: what that C_GenerateKeyPair returns.
    pub generate_fail_rv: CK_RV,
    /// `P11FAULT_SIGN_FAIL_ONCE`: with `P11FAULT_SIGN_FAIL_AFTER`, only one C_Sign fails, and
    /// its session is closed (a card reset: the old session is gone, the card answers again).
    pub sign_fail_once: bool,
    /// `P11FAULT_SIGN_FAIL_RV`: what a failing C_Sign returns.
    pub sign_fail_rv: CK_RV,
    /// `P11FAULT_SESSION_INVALID_EVERY`: every Nth C_SignInit finds its session gone.
    pub session_invalid_every: Option<u64>,
    /// `P11FAULT_PIN_LEN`: (min, max) PIN length the token reports and enforces on new PINs.
    pub pin_len: Option<(CK_ULONG, CK_ULONG)>,
    /// `P11FAULT_LOG`: file that gets one line per call.
    pub log: Option<PathBuf>,
    /// `P11FAULT_ABORT_AFTER_CREATE`: abort the process right after the Nth successful
    /// C_CreateObject (N ≥ 1).
    pub abort_after_create: Option<u64>,
    /// `P11FAULT_ABORT_AFTER_INIT_PIN`: abort the process right after a successful C_InitPIN.
    pub abort_after_init_pin: bool,
    /// `P11FAULT_PIN_PAD`: the reader has a PIN pad (CKF_PROTECTED_AUTHENTICATION_PATH); a
    /// C_Login without a PIN gets this one, as if the person typed it on the keypad.
    pub pin_pad: Option<String>,
    /// `P11FAULT_USER_PIN_TO_BE_CHANGED`: the token says the user PIN is the factory one
    /// (CKF_USER_PIN_TO_BE_CHANGED) until the user changes it with C_SetPIN (remembered in
    /// `P11FAULT_STATE`'s folder).
    pub user_pin_to_be_changed: bool,
    /// `P11FAULT_ABORT_BEFORE_DESTROY`: abort the process just before the Nth C_DestroyObject
    /// (N ≥ 1) reaches the token.
    pub abort_before_destroy: Option<u64>,
    /// `P11FAULT_HIDE_MECHANISMS`: mechanisms the token pretends not to have.
    pub hide_mechanisms: Vec<CK_MECHANISM_TYPE>,
}

/// A variable that is set to something the module cannot use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The variable's name.
    pub var: &'static str,
    /// The value as given (no variable carries a secret).
    pub value: String,
    /// What a valid value looks like.
    pub expected: &'static str,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}={:?} is not valid: expected {}",
            self.var, self.value, self.expected
        )
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Reads the configuration from this process's environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var_os(name))
    }

    /// Reads the configuration through `lookup` (the environment, or a table in unit tests).
    /// An empty value counts as unset.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<OsString>) -> Result<Self, ConfigError> {
        let get = |var: &'static str| lookup(var).filter(|v| !v.is_empty());
        let text = |var: &'static str, expected: &'static str| -> Result<Option<String>, _> {
            match get(var) {
                None => Ok(None),
                Some(v) => v.into_string().map(Some).map_err(|v| ConfigError {
                    var,
                    value: v.to_string_lossy().into_owned(),
                    expected,
                }),
            }
        };
        let parsed = |var: &'static str, expected: &'static str, parse: fn(&str) -> Option<u64>| {
            text(var, expected)?
                .map(|v| {
                    parse(v.trim()).ok_or(ConfigError {
                        var,
                        value: v,
                        expected,
                    })
                })
                .transpose()
        };
        let flag = |var: &'static str| {
            const EXPECTED: &str = "1, true, yes, on, 0, false, no or off";
            Ok(text(var, EXPECTED)?
                .map(|v| {
                    parse_bool(&v).ok_or(ConfigError {
                        var,
                        value: v,
                        expected: EXPECTED,
                    })
                })
                .transpose()?
                .unwrap_or(false))
        };
        let count = |var| parsed(var, "a whole number", parse_u64);
        let positive = |var| parsed(var, "a whole number of at least 1", parse_positive);
        let rv = |var| {
            parsed(
                var,
                "a CK_RV as hex (0x5), decimal (5) or name (CKR_GENERAL_ERROR)",
                rv::parse,
            )
        };
        let tries = |var| -> Result<u32, ConfigError> {
            Ok(parsed(var, "a whole number from 1 to 1000", |v| {
                parse_u64(v).filter(|n| (1..=1000).contains(n))
            })?
            .map_or(DEFAULT_TRIES, |n| n as u32))
        };

        let pin_len = text("P11FAULT_PIN_LEN", "MIN,MAX with MIN <= MAX")?
            .map(|v| {
                parse_pin_len(&v).ok_or(ConfigError {
                    var: "P11FAULT_PIN_LEN",
                    value: v,
                    expected: "MIN,MAX with MIN <= MAX",
                })
            })
            .transpose()?;

        const MECHANISMS: &str = "mechanism numbers separated by commas, hex (0x1055) or decimal";
        let hide_mechanisms = text("P11FAULT_HIDE_MECHANISMS", MECHANISMS)?
            .map(|v| {
                parse_mechanisms(&v).ok_or(ConfigError {
                    var: "P11FAULT_HIDE_MECHANISMS",
                    value: v,
                    expected: MECHANISMS,
                })
            })
            .transpose()?
            .unwrap_or_default();

        Ok(Config {
            abort_after_create: positive("P11FAULT_ABORT_AFTER_CREATE")?,
            abort_after_init_pin: flag("P11FAULT_ABORT_AFTER_INIT_PIN")?,
            abort_before_destroy: positive("P11FAULT_ABORT_BEFORE_DESTROY")?,
            user_pin_to_be_changed: flag("P11FAULT_USER_PIN_TO_BE_CHANGED")?,
            pin_pad: get("P11FAULT_PIN_PAD").map(|v| v.to_string_lossy().into_owned()),
            hide_mechanisms,
            target: get("P11FAULT_TARGET").map_or_else(|| DEFAULT_TARGET.into(), PathBuf::from),
            state: get("P11FAULT_STATE").map(PathBuf::from),
            user_tries: tries("P11FAULT_USER_TRIES")?,
            so_tries: tries("P11FAULT_SO_TRIES")?,
            init_rv: rv("P11FAULT_INIT_RV")?.filter(|&v| v != 0),
            init_delay_ms: count("P11FAULT_INIT_DELAY_MS")?,
            no_slots: flag("P11FAULT_NO_SLOTS")?,
            token_absent: flag("P11FAULT_TOKEN_ABSENT")?,
            write_protected: flag("P11FAULT_WRITE_PROTECTED")?,
            device_memory: flag("P11FAULT_DEVICE_MEMORY")?,
            create_fail_after: count("P11FAULT_CREATE_FAIL_AFTER")?,
            sign_fail_after: count("P11FAULT_SIGN_FAIL_AFTER")?,
            generate_fail_nth: positive("P11FAULT_GENERATE_FAIL_NTH")?,
            generate_delay_ms: count("P11FAULT_GENERATE_DELAY_MS")?,
            sign_delay_ms: count("P11FAULT_SIGN_DELAY_MS")?,
            generate_fail_rv: rv("P11FAULT_GENERATE_FAIL_RV")?.unwrap_or(CKR_DEVICE_ERROR),
            sign_fail_rv: rv("P11FAULT_SIGN_FAIL_RV")?.unwrap_or(CKR_DEVICE_REMOVED),
            sign_fail_once: flag("P11FAULT_SIGN_FAIL_ONCE")?,
            session_invalid_every: positive("P11FAULT_SESSION_INVALID_EVERY")?,
            pin_len,
            log: get("P11FAULT_LOG").map(PathBuf::from),
        })
    }
}

fn parse_mechanisms(v: &str) -> Option<Vec<CK_MECHANISM_TYPE>> {
    v.split(',')
        .map(|m| {
            let m = m.trim();
            match m.strip_prefix("0x").or_else(|| m.strip_prefix("0X")) {
                Some(hex) => CK_MECHANISM_TYPE::from_str_radix(hex, 16).ok(),
                None => m.parse().ok(),
            }
        })
        .collect()
}

fn parse_bool(v: &str) -> Option<bool> {
    match v.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => None,
    }
}

/// Decimal, or hex with a `0x` prefix.
pub(crate) fn parse_u64(v: &str) -> Option<u64> {
    match v.strip_prefix("0x").or_else(|| v.strip_prefix("0X")) {
        Some(hex) => u64::from_str_radix(hex, 16).ok(),
        None => v.parse().ok(),
    }
}

fn parse_positive(v: &str) -> Option<u64> {
    parse_u64(v).filter(|&n| n >= 1)
}

fn parse_pin_len(v: &str) -> Option<(CK_ULONG, CK_ULONG)> {
    let (min, max) = v.split_once(',')?;
    let number = |v: &str| CK_ULONG::try_from(parse_u64(v.trim())?).ok();
    let (min, max) = (number(min)?, number(max)?);
    (min <= max).then_some((min, max))
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use cryptoki_sys::{CKR_DEVICE_ERROR, CKR_GENERAL_ERROR};

    use super::*;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, OsString> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), OsString::from(v)))
            .collect();
        Config::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn defaults_turn_every_fault_off() {
        let c = config(&[]).unwrap();
        assert_eq!(c.target, PathBuf::from(DEFAULT_TARGET));
        assert_eq!((c.user_tries, c.so_tries), (3, 3));
        assert_eq!(c.state, None);
        assert_eq!(c.init_rv, None);
        assert!(!c.no_slots && !c.token_absent && !c.write_protected && !c.device_memory);
        assert_eq!(c.create_fail_after, None);
        assert_eq!(c.sign_fail_after, None);
        assert_eq!(c.sign_fail_rv, CKR_DEVICE_REMOVED);
        assert_eq!(c.session_invalid_every, None);
        assert_eq!(c.pin_len, None);
        assert_eq!(c.log, None);
    }

    #[test]
    fn parses_every_variable() {
        let c = config(&[
            ("P11FAULT_TARGET", "/x.so"),
            ("P11FAULT_STATE", "/tmp/s"),
            ("P11FAULT_USER_TRIES", "5"),
            ("P11FAULT_SO_TRIES", "1"),
            ("P11FAULT_INIT_RV", "0x5"),
            ("P11FAULT_NO_SLOTS", "1"),
            ("P11FAULT_TOKEN_ABSENT", "true"),
            ("P11FAULT_WRITE_PROTECTED", "YES"),
            ("P11FAULT_DEVICE_MEMORY", "off"),
            ("P11FAULT_CREATE_FAIL_AFTER", "0"),
            ("P11FAULT_SIGN_FAIL_AFTER", "2"),
            ("P11FAULT_SIGN_FAIL_RV", "CKR_DEVICE_ERROR"),
            ("P11FAULT_SESSION_INVALID_EVERY", "3"),
            ("P11FAULT_PIN_LEN", "6, 8"),
            ("P11FAULT_LOG", "/tmp/log"),
        ])
        .unwrap();
        assert_eq!(c.target, PathBuf::from("/x.so"));
        assert_eq!(c.state, Some(PathBuf::from("/tmp/s")));
        assert_eq!((c.user_tries, c.so_tries), (5, 1));
        assert_eq!(c.init_rv, Some(CKR_GENERAL_ERROR));
        assert!(c.no_slots && c.token_absent && c.write_protected && !c.device_memory);
        assert_eq!(c.create_fail_after, Some(0));
        assert_eq!(c.sign_fail_after, Some(2));
        assert_eq!(c.sign_fail_rv, CKR_DEVICE_ERROR);
        assert_eq!(c.session_invalid_every, Some(3));
        assert_eq!(c.pin_len, Some((6, 8)));
        assert_eq!(c.log, Some(PathBuf::from("/tmp/log")));
    }

    #[test]
    fn empty_values_count_as_unset() {
        let c = config(&[("P11FAULT_STATE", ""), ("P11FAULT_NO_SLOTS", "")]).unwrap();
        assert_eq!(c.state, None);
        assert!(!c.no_slots);
    }

    #[test]
    fn init_rv_zero_means_off() {
        assert_eq!(config(&[("P11FAULT_INIT_RV", "0")]).unwrap().init_rv, None);
    }

    #[test]
    fn rejects_bad_values_naming_the_variable() {
        for (var, value) in [
            ("P11FAULT_USER_TRIES", "0"),
            ("P11FAULT_SO_TRIES", "three"),
            ("P11FAULT_INIT_RV", "CKR_NOPE"),
            ("P11FAULT_NO_SLOTS", "2"),
            ("P11FAULT_SESSION_INVALID_EVERY", "0"),
            ("P11FAULT_PIN_LEN", "8,6"),
            ("P11FAULT_PIN_LEN", "8"),
            ("P11FAULT_CREATE_FAIL_AFTER", "-1"),
        ] {
            let err = config(&[(var, value)]).unwrap_err();
            assert_eq!(err.var, var);
            assert!(err.to_string().starts_with(var), "{err}");
        }
    }
}
