//! `mechanisms`: what the token can do (C_GetMechanismList and C_GetMechanismInfo, as
//! `pkcs11-tool -M` shows them), and which of it tokenward uses.

use cryptoki::context::Function;
use cryptoki::error::Rv;
use cryptoki::mechanism::MechanismType;
use serde::Serialize;

use super::TokenSummary;
use crate::error::{Error, Internal, Result};
use crate::keys::KeySpec;
use crate::names::Named;
use crate::sign::SignMechanism;
use crate::Workspace;

/// One mechanism of the token.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct MechanismEntry {
    /// Its PKCS#11 name (`CKM_SHA256_RSA_PKCS`), or `CKM_0x…` for one PKCS#11 does not name
    /// (a vendor's).
    pub name: String,
    /// Its number, hex (`0x00000040`).
    pub code: String,
    /// The smallest key it takes (bits for RSA and EC, as the module reports), when known.
    pub min_key_size: Option<u64>,
    /// The largest key it takes, when known.
    pub max_key_size: Option<u64>,
    /// What it does (`sign`, `verify`, `generate_key_pair`, `encrypt`, `hardware`, …), in
    /// PKCS#11's order; empty when the module would not say (see `info_error`).
    pub flags: Vec<&'static str>,
    /// What tokenward does with it: `sign:NAME` (the `--mechanism` name), `generate:TYPE`
    /// (the `keys generate --type`), `export` (wrapping a key for `keys export-private`).
    pub used_by_tokenward: Vec<String>,
    /// C_GetMechanismInfo failed for it: the return code.
    pub info_error: Option<String>,
}

/// The result of `mechanisms`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct MechanismList {
    /// The token.
    pub token: TokenSummary,
    /// Every mechanism the token lists, in its order.
    pub mechanisms: Vec<MechanismEntry>,
}

/// `mechanisms`: the selected token's mechanisms, with their key sizes and flags: all of
/// them, as `pkcs11-tool -M` lists them (see the `p11-raw` crate for why not through
/// cryptoki). No session and no PIN are needed.
///
/// # Errors
/// No token; the module's.
pub fn mechanisms(ws: &Workspace) -> Result<MechanismList> {
    let token = ws.token()?;
    let listed =
        p11_raw::mechanisms(token.module.path(), token.slot.id()).map_err(|e| match e {
            p11_raw::Error::Call(_, rv) => {
                match Rv::from(rv).into_result(Function::GetMechanismList) {
                    Err(e) => Error::from(e),
                    Ok(()) => Internal::TokenAnswer {
                        what: "an empty function list".into(),
                    }
                    .into(),
                }
            }
            p11_raw::Error::Load(reason) => Internal::TokenAnswer {
                what: format!("the mechanism list ({reason})"),
            }
            .into(),
        })?;
    Ok(MechanismList {
        token: TokenSummary::of(&token),
        mechanisms: listed.into_iter().map(entry).collect(),
    })
}

fn entry(m: p11_raw::Mechanism) -> MechanismEntry {
    let name =
        p11_raw::name(m.code).map_or_else(|| format!("CKM_{:#010x}", m.code), str::to_string);
    // A size of zero means the module sets no bound (or does not say).
    let size = |s: u64| (s != 0).then_some(s);
    let (info, info_error) = match m.info {
        Ok(info) => (Some(info), None),
        Err(rv) => (
            None,
            Some(match Rv::from(rv) {
                Rv::Error(e) => crate::error::ckr::name(e),
                Rv::Ok => "CKR_OK".into(),
            }),
        ),
    };
    MechanismEntry {
        name,
        code: format!("{:#010x}", m.code),
        min_key_size: info.and_then(|i| size(i.min_key_size)),
        max_key_size: info.and_then(|i| size(i.max_key_size)),
        flags: info.map(|i| i.flag_names()).unwrap_or_default(),
        used_by_tokenward: uses(m.code),
        info_error,
    }
}

/// What tokenward does with mechanism `m`, from the same tables its commands use.
fn uses(code: u64) -> Vec<String> {
    let mut out: Vec<String> = SignMechanism::ALL
        .into_iter()
        .filter(|s| *s.token_mechanism() == code)
        .map(|s| format!("sign:{}", s.name()))
        .collect();
    out.extend(
        KeySpec::ALL
            .iter()
            .filter(|k| *k.mechanism() == code)
            .map(|k| format!("generate:{}", k.name())),
    );
    if code == *MechanismType::AES_KEY_WRAP_PAD {
        out.push("export".into());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_codes_and_uses() {
        let e = entry(p11_raw::Mechanism {
            code: 0,
            info: Err(0x70),
        });
        assert_eq!(e.name, "CKM_RSA_PKCS_KEY_PAIR_GEN");
        assert_eq!(e.code, "0x00000000");
        assert!(e.info_error.is_some() && e.flags.is_empty());
        let vendor = entry(p11_raw::Mechanism {
            code: 0x8000_0001,
            info: Err(0x70),
        });
        assert_eq!(vendor.name, "CKM_0x80000001");
        assert_eq!(
            e.used_by_tokenward,
            ["generate:rsa2048", "generate:rsa3072", "generate:rsa4096"]
        );
        assert!(uses(*MechanismType::ECDSA).contains(&"sign:ecdsa-sha256".to_string()));
        assert!(uses(*MechanismType::SHA256).is_empty());
    }
}
