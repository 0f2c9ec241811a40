//! The PKCS#11 calls `cryptoki` does not give whole. `cryptoki`'s `get_mechanism_list` drops
//! every mechanism it has no name for (MD5, DES, DSA, DH, SHA-224 and vendors' own on
//! SoftHSM2), and its `get_mechanism_info` takes only those it names; `pkcs11-tool -M` lists
//! them all, and so must `tokenward mechanisms`. This crate holds the `unsafe` those two raw
//! calls need, so that tokenward itself keeps `#![forbid(unsafe_code)]`.

mod names;

use std::path::Path;

use cryptoki_sys::{CKR_BUFFER_TOO_SMALL, CKR_OK, CK_FUNCTION_LIST, CK_MECHANISM_INFO, CK_RV};

/// One mechanism a slot lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mechanism {
    /// Its number.
    pub code: u64,
    /// C_GetMechanismInfo's answer, or its return code.
    pub info: Result<Info, u64>,
}

/// What C_GetMechanismInfo says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Info {
    /// ulMinKeySize.
    pub min_key_size: u64,
    /// ulMaxKeySize.
    pub max_key_size: u64,
    /// The CKF_* flags.
    pub flags: u64,
}

impl Info {
    /// The flags by name, in PKCS#11's order (`hardware`, `encrypt`, …, `sign`, `verify`,
    /// `generate_key_pair`, …, `ec_uncompressed`).
    pub fn flag_names(&self) -> Vec<&'static str> {
        use cryptoki_sys::*;
        [
            (CKF_HW, "hardware"),
            (CKF_ENCRYPT, "encrypt"),
            (CKF_DECRYPT, "decrypt"),
            (CKF_DIGEST, "digest"),
            (CKF_SIGN, "sign"),
            (CKF_SIGN_RECOVER, "sign_recover"),
            (CKF_VERIFY, "verify"),
            (CKF_VERIFY_RECOVER, "verify_recover"),
            (CKF_GENERATE, "generate"),
            (CKF_GENERATE_KEY_PAIR, "generate_key_pair"),
            (CKF_WRAP, "wrap"),
            (CKF_UNWRAP, "unwrap"),
            (CKF_DERIVE, "derive"),
            (CKF_EC_F_P, "ec_f_p"),
            (CKF_EC_F_2M, "ec_f_2m"),
            (CKF_EC_ECPARAMETERS, "ec_parameters"),
            (CKF_EC_OID, "ec_oid"),
            (CKF_EC_UNCOMPRESS, "ec_uncompressed"),
            (CKF_EC_COMPRESS, "ec_compressed"),
        ]
        .into_iter()
        .filter(|(bit, _)| self.flags & bit != 0)
        .map(|(_, name)| name)
        .collect()
    }
}

/// Why the list could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The module could not be opened, or has no C_GetFunctionList.
    Load(String),
    /// A call failed: its name and return code.
    Call(&'static str, u64),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Load(why) => write!(f, "the module could not be opened: {why}"),
            Error::Call(name, rv) => write!(f, "{name} returned {rv:#x}"),
        }
    }
}

impl std::error::Error for Error {}

/// PKCS#11's name for mechanism `code` (`CKM_SHA256_RSA_PKCS`), if the standard defines it.
pub fn name(code: u64) -> Option<&'static str> {
    names::NAMES
        .binary_search_by_key(&code, |(c, _)| *c)
        .ok()
        .map(|i| names::NAMES[i].1)
}

/// Every mechanism slot `slot` of the module at `module` lists, in its order, each with its
/// info.
///
/// The module must already be loaded and initialised in this process (tokenward's `cryptoki`
/// context holds it): opening the same file again gives the same library, and its function
/// list answers without a second C_Initialize. Only C_GetFunctionList, C_GetMechanismList and
/// C_GetMechanismInfo are called.
///
/// # Errors
/// The module cannot be opened again; a call fails.
pub fn mechanisms(module: &Path, slot: u64) -> Result<Vec<Mechanism>, Error> {
    // SAFETY: the file is a PKCS#11 module already loaded by this process, so opening it runs
    // no initialisers again; the symbol has the signature PKCS#11 gives it.
    let lib =
        unsafe { libloading::Library::new(module) }.map_err(|e| Error::Load(e.to_string()))?;
    let get_list: libloading::Symbol<unsafe extern "C" fn(*mut *mut CK_FUNCTION_LIST) -> CK_RV> =
        // SAFETY: as above.
        unsafe { lib.get(b"C_GetFunctionList\0") }.map_err(|e| Error::Load(e.to_string()))?;
    let mut list: *mut CK_FUNCTION_LIST = std::ptr::null_mut();
    // SAFETY: C_GetFunctionList writes a pointer to the module's static function table.
    let rv = unsafe { get_list(&mut list) };
    if rv != CKR_OK || list.is_null() {
        return Err(Error::Call("C_GetFunctionList", rv));
    }
    // SAFETY: the table is static in the module, which `lib` keeps loaded while it is used.
    let table = unsafe { &*list };
    let (Some(get_mechanisms), Some(get_info)) =
        (table.C_GetMechanismList, table.C_GetMechanismInfo)
    else {
        return Err(Error::Load("no C_GetMechanismList".into()));
    };
    let mut codes = Vec::new();
    // A token's list can grow between the two calls: ask again while the buffer is too small.
    for _ in 0..4 {
        let mut count = 0;
        // SAFETY: a null list asks only for the count.
        let rv = unsafe { get_mechanisms(slot, std::ptr::null_mut(), &mut count) };
        if rv != CKR_OK {
            return Err(Error::Call("C_GetMechanismList", rv));
        }
        codes = vec![0; count as usize];
        // SAFETY: `codes` holds `count` elements.
        let rv = unsafe { get_mechanisms(slot, codes.as_mut_ptr(), &mut count) };
        match rv {
            CKR_OK => {
                codes.truncate(count as usize);
                break;
            }
            CKR_BUFFER_TOO_SMALL => continue,
            rv => return Err(Error::Call("C_GetMechanismList", rv)),
        }
    }
    let out = codes
        .into_iter()
        .map(|code| {
            let mut info = CK_MECHANISM_INFO {
                ulMinKeySize: 0,
                ulMaxKeySize: 0,
                flags: 0,
            };
            // SAFETY: `info` is a CK_MECHANISM_INFO the call fills.
            let rv = unsafe { get_info(slot, code, &mut info) };
            Mechanism {
                code,
                info: if rv == CKR_OK {
                    Ok(Info {
                        min_key_size: info.ulMinKeySize,
                        max_key_size: info.ulMaxKeySize,
                        flags: info.flags,
                    })
                } else {
                    Err(rv)
                },
            }
        })
        .collect();
    drop(lib);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_sorted_and_found() {
        assert!(names::NAMES.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(name(0x40), Some("CKM_SHA256_RSA_PKCS"));
        assert_eq!(name(0x210), Some("CKM_MD5"));
        assert_eq!(name(0x8000_1234), None);
        let info = Info {
            min_key_size: 0,
            max_key_size: 0,
            flags: cryptoki_sys::CKF_SIGN | cryptoki_sys::CKF_HW,
        };
        assert_eq!(info.flag_names(), ["hardware", "sign"]);
    }
}
