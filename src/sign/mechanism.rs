//! The signature mechanisms tokenward uses, how each maps onto PKCS#11, and a one-shot sign.
//!
//! RSA mechanisms let the token hash (CKM_SHA256_RSA_PKCS, CKM_SHA256_RSA_PKCS_PSS with the
//! salt as long as the hash, the form ring verifies). ECDSA is hashed on the host and signed
//! with raw CKM_ECDSA, which every token has (SoftHSM2 has no CKM_ECDSA_SHA256); the token's
//! r‖s is returned DER-encoded, as X.509 and CMS carry it. Ed25519 uses CKM_EDDSA.

use cryptoki::error::RvError;
use cryptoki::mechanism::eddsa::{EddsaParams, EddsaSignatureScheme};
use cryptoki::mechanism::rsa::{PkcsMgfType, PkcsPssParams};
use cryptoki::mechanism::{Mechanism, MechanismType};
use cryptoki::object::ObjectHandle;
use cryptoki::session::Session;
use der::Encode;
use ring::digest::Algorithm;
use serde::Serialize;

use crate::error::{Error, Internal, KeyError, Result};
use crate::keys::public::PublicKey;
use crate::token::objects::curve_name;

/// A signature mechanism.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SignMechanism {
    /// RSA PKCS#1 v1.5 with SHA-256.
    RsaPkcs1Sha256,
    /// RSA PKCS#1 v1.5 with SHA-384.
    RsaPkcs1Sha384,
    /// RSA PKCS#1 v1.5 with SHA-512.
    RsaPkcs1Sha512,
    /// RSA-PSS with SHA-256 (MGF1-SHA-256, 32-byte salt).
    RsaPssSha256,
    /// RSA-PSS with SHA-384 (MGF1-SHA-384, 48-byte salt).
    RsaPssSha384,
    /// RSA-PSS with SHA-512 (MGF1-SHA-512, 64-byte salt).
    RsaPssSha512,
    /// ECDSA with SHA-256 (the P-256 pairing).
    EcdsaSha256,
    /// ECDSA with SHA-384 (the P-384 pairing).
    EcdsaSha384,
    /// Ed25519 (pure EdDSA).
    Ed25519,
}

impl SignMechanism {
    /// Every mechanism, in the order reports list them.
    pub const ALL: [SignMechanism; 9] = [
        SignMechanism::RsaPkcs1Sha256,
        SignMechanism::RsaPkcs1Sha384,
        SignMechanism::RsaPkcs1Sha512,
        SignMechanism::RsaPssSha256,
        SignMechanism::RsaPssSha384,
        SignMechanism::RsaPssSha512,
        SignMechanism::EcdsaSha256,
        SignMechanism::EcdsaSha384,
        SignMechanism::Ed25519,
    ];

    /// The name people and `--mechanism` use.
    pub fn name(self) -> &'static str {
        match self {
            SignMechanism::RsaPkcs1Sha256 => "rsa-pkcs1-sha256",
            SignMechanism::RsaPkcs1Sha384 => "rsa-pkcs1-sha384",
            SignMechanism::RsaPkcs1Sha512 => "rsa-pkcs1-sha512",
            SignMechanism::RsaPssSha256 => "rsa-pss-sha256",
            SignMechanism::RsaPssSha384 => "rsa-pss-sha384",
            SignMechanism::RsaPssSha512 => "rsa-pss-sha512",
            SignMechanism::EcdsaSha256 => "ecdsa-sha256",
            SignMechanism::EcdsaSha384 => "ecdsa-sha384",
            SignMechanism::Ed25519 => "ed25519",
        }
    }

    /// The mechanism by name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|m| m.name().eq_ignore_ascii_case(name))
    }

    /// The PKCS#11 mechanism the token must offer.
    pub fn token_mechanism(self) -> MechanismType {
        match self {
            SignMechanism::RsaPkcs1Sha256 => MechanismType::SHA256_RSA_PKCS,
            SignMechanism::RsaPkcs1Sha384 => MechanismType::SHA384_RSA_PKCS,
            SignMechanism::RsaPkcs1Sha512 => MechanismType::SHA512_RSA_PKCS,
            SignMechanism::RsaPssSha256 => MechanismType::SHA256_RSA_PKCS_PSS,
            SignMechanism::RsaPssSha384 => MechanismType::SHA384_RSA_PKCS_PSS,
            SignMechanism::RsaPssSha512 => MechanismType::SHA512_RSA_PKCS_PSS,
            SignMechanism::EcdsaSha256 | SignMechanism::EcdsaSha384 => MechanismType::ECDSA,
            SignMechanism::Ed25519 => MechanismType::EDDSA,
        }
    }

    /// Can a key like `key` sign with this mechanism?
    pub fn fits(self, key: &PublicKey) -> bool {
        match (self, key) {
            (
                SignMechanism::RsaPkcs1Sha256
                | SignMechanism::RsaPkcs1Sha384
                | SignMechanism::RsaPkcs1Sha512
                | SignMechanism::RsaPssSha256
                | SignMechanism::RsaPssSha384
                | SignMechanism::RsaPssSha512,
                PublicKey::Rsa { .. },
            ) => true,
            (SignMechanism::EcdsaSha256, PublicKey::Ec { params, .. }) => {
                curve_name(params).as_deref() == Some("P-256")
            }
            (SignMechanism::EcdsaSha384, PublicKey::Ec { params, .. }) => {
                curve_name(params).as_deref() == Some("P-384")
            }
            (SignMechanism::Ed25519, PublicKey::Ed25519(_)) => true,
            _ => false,
        }
    }

    /// The usual mechanism for a key: RSA PKCS#1 v1.5 with SHA-256, ECDSA with the curve's
    /// hash, Ed25519.
    ///
    /// # Errors
    /// A key tokenward cannot sign with.
    pub fn default_for(key: &PublicKey) -> Result<Self> {
        [
            SignMechanism::RsaPkcs1Sha256,
            SignMechanism::EcdsaSha256,
            SignMechanism::EcdsaSha384,
            SignMechanism::Ed25519,
        ]
        .into_iter()
        .find(|m| m.fits(key))
        .ok_or_else(|| {
            KeyError::CannotSign {
                key: key.describe(),
            }
            .into()
        })
    }

    /// The hash done on the host before the token signs, if any.
    fn host_digest(self) -> Option<&'static ring::digest::Algorithm> {
        match self {
            SignMechanism::EcdsaSha256 => Some(&ring::digest::SHA256),
            SignMechanism::EcdsaSha384 => Some(&ring::digest::SHA384),
            _ => None,
        }
    }

    /// The cryptoki mechanism (built per call: `Mechanism` is not `Send`).
    fn mechanism(self) -> Mechanism<'static> {
        let pss = |hash_alg, mgf, s_len: u64| PkcsPssParams {
            hash_alg,
            mgf,
            s_len: s_len.into(),
        };
        match self {
            SignMechanism::RsaPkcs1Sha256 => Mechanism::Sha256RsaPkcs,
            SignMechanism::RsaPkcs1Sha384 => Mechanism::Sha384RsaPkcs,
            SignMechanism::RsaPkcs1Sha512 => Mechanism::Sha512RsaPkcs,
            SignMechanism::RsaPssSha256 => Mechanism::Sha256RsaPkcsPss(pss(
                MechanismType::SHA256,
                PkcsMgfType::MGF1_SHA256,
                32,
            )),
            SignMechanism::RsaPssSha384 => Mechanism::Sha384RsaPkcsPss(pss(
                MechanismType::SHA384,
                PkcsMgfType::MGF1_SHA384,
                48,
            )),
            SignMechanism::RsaPssSha512 => Mechanism::Sha512RsaPkcsPss(pss(
                MechanismType::SHA512,
                PkcsMgfType::MGF1_SHA512,
                64,
            )),
            SignMechanism::EcdsaSha256 | SignMechanism::EcdsaSha384 => Mechanism::Ecdsa,
            SignMechanism::Ed25519 => {
                Mechanism::Eddsa(EddsaParams::new(EddsaSignatureScheme::Pure))
            }
        }
    }
}

impl std::fmt::Display for SignMechanism {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Sign `data` with the private key `key` (the session must be logged in). ECDSA signatures
/// come back DER-encoded; the others as the token made them.
///
/// # Errors
/// The module's errors.
pub fn sign(
    session: &Session,
    key: ObjectHandle,
    mechanism: SignMechanism,
    data: &[u8],
) -> Result<Vec<u8>> {
    match mechanism.host_digest() {
        Some(alg) => {
            let digest = ring::digest::digest(alg, data);
            let raw = crate::trace::pkcs11("C_Sign", None, || {
                session.sign(&mechanism.mechanism(), key, digest.as_ref())
            })?;
            ecdsa_raw_to_der(&raw)
        }
        None => Ok(crate::trace::pkcs11("C_Sign", None, || {
            session.sign(&mechanism.mechanism(), key, data)
        })?),
    }
}

/// Sign `content` with `key`: ECDSA over a digest computed on the host, RSA piece by piece
/// (C_SignUpdate), so a file of any size is signed in small memory; pure Ed25519 needs the
/// whole message at once.
///
/// # Errors
/// The module's errors, or the file's.
pub fn sign_content(
    session: &Session,
    key: ObjectHandle,
    mechanism: SignMechanism,
    content: &super::Content<'_>,
) -> Result<Vec<u8>> {
    use super::Content;
    match (mechanism.host_digest(), content) {
        (Some(alg), c) => {
            let digest = c.digest(alg)?;
            let raw = crate::trace::pkcs11("C_Sign", None, || {
                session.sign(&mechanism.mechanism(), key, digest.as_ref())
            })?;
            ecdsa_raw_to_der(&raw)
        }
        (None, Content::Bytes(data)) => Ok(crate::trace::pkcs11("C_Sign", None, || {
            session.sign(&mechanism.mechanism(), key, data)
        })?),
        (None, c) if mechanism == SignMechanism::Ed25519 => {
            let data = c.to_vec()?;
            Ok(crate::trace::pkcs11("C_Sign", None, || {
                session.sign(&mechanism.mechanism(), key, &data)
            })?)
        }
        (None, c @ Content::File(_)) if digest_info(mechanism).is_some() => {
            // Hashed here and signed as a DigestInfo with CKM_RSA_PKCS: the same signature as
            // CKM_SHAx_RSA_PKCS, without sending the whole file through the token piece by
            // piece (SoftHSM2 takes 4.5 times as long as hashing it). A key the token lets
            // sign only with the hashing mechanism gets the file streamed to it after all.
            let (alg, prefix) = digest_info(mechanism).expect("checked");
            let mut info = prefix.to_vec();
            info.extend_from_slice(c.digest(alg)?.as_ref());
            match crate::trace::pkcs11("C_Sign", None, || {
                session.sign(&Mechanism::RsaPkcs, key, &info)
            }) {
                Ok(sig) => Ok(sig),
                Err(cryptoki::error::Error::Pkcs11(
                    RvError::MechanismInvalid
                    | RvError::KeyFunctionNotPermitted
                    | RvError::KeyTypeInconsistent,
                    _,
                )) => stream(session, key, mechanism, c),
                Err(e) => Err(e.into()),
            }
        }
        (None, c) => stream(session, key, mechanism, c),
    }
}

/// The digest and DigestInfo prefix (RFC 8017 §9.2) of an RSA PKCS#1 v1.5 mechanism.
fn digest_info(mechanism: SignMechanism) -> Option<(&'static Algorithm, &'static [u8])> {
    const SHA256: &[u8] = &[
        0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01,
        0x05, 0x00, 0x04, 0x20,
    ];
    const SHA384: &[u8] = &[
        0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02,
        0x05, 0x00, 0x04, 0x30,
    ];
    const SHA512: &[u8] = &[
        0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03,
        0x05, 0x00, 0x04, 0x40,
    ];
    match mechanism {
        SignMechanism::RsaPkcs1Sha256 => Some((&ring::digest::SHA256, SHA256)),
        SignMechanism::RsaPkcs1Sha384 => Some((&ring::digest::SHA384, SHA384)),
        SignMechanism::RsaPkcs1Sha512 => Some((&ring::digest::SHA512, SHA512)),
        _ => None,
    }
}

/// Send `content` through the token piece by piece (C_SignUpdate).
fn stream(
    session: &Session,
    key: ObjectHandle,
    mechanism: SignMechanism,
    c: &super::Content<'_>,
) -> Result<Vec<u8>> {
    crate::trace::pkcs11("C_SignInit", None, || {
        session.sign_init(&mechanism.mechanism(), key)
    })?;
    c.each_chunk(|piece| {
        Ok(crate::trace::pkcs11("C_SignUpdate", None, || {
            session.sign_update(piece)
        })?)
    })?;
    Ok(crate::trace::pkcs11("C_SignFinal", None, || {
        session.sign_final()
    })?)
}

/// A PKCS#11 ECDSA signature (r‖s, each half the length) as a DER `Ecdsa-Sig-Value`.
///
/// # Errors
/// A signature of odd length, or one that cannot be encoded.
pub fn ecdsa_raw_to_der(raw: &[u8]) -> Result<Vec<u8>> {
    if raw.is_empty() || raw.len() % 2 != 0 {
        return Err(Internal::TokenAnswer {
            what: format!("an ECDSA signature of odd length {}", raw.len()),
        }
        .into());
    }
    let (r, s) = raw.split_at(raw.len() / 2);
    let der_err = |e: der::Error| {
        Error::from(Internal::Encode {
            what: "the signature",
            reason: e.to_string(),
        })
    };
    // Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }
    let seq = vec![
        der::asn1::UintRef::new(r).map_err(der_err)?,
        der::asn1::UintRef::new(s).map_err(der_err)?,
    ];
    seq.to_der().map_err(der_err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ecdsa_signatures_become_der_with_sign_bytes_where_needed() {
        let mut raw = vec![0u8; 64];
        raw[0] = 0x80; // r needs a leading zero in DER
        raw[32] = 0x00;
        raw[33] = 0x01; // s has leading zeros to strip
        let der = ecdsa_raw_to_der(&raw).unwrap();
        assert_eq!(der[0], 0x30);
        assert_eq!(&der[2..5], &[0x02, 0x21, 0x00]);
        assert_eq!(der[5], 0x80);
        let s_at = 2 + 2 + 33;
        assert_eq!(der[s_at], 0x02);
        assert_eq!(usize::from(der[s_at + 1]), 31);
        assert!(ecdsa_raw_to_der(&[1, 2, 3]).is_err());
        assert!(ecdsa_raw_to_der(&[]).is_err());
    }

    #[test]
    fn names_round_trip() {
        for m in SignMechanism::ALL {
            assert_eq!(SignMechanism::from_name(m.name()), Some(m));
        }
        assert_eq!(SignMechanism::from_name("md5"), None);
    }
}
