//! The public half of a key on the token, as a SubjectPublicKeyInfo (the form OpenSSL, GnuTLS
//! and certificates use).

use cryptoki::object::KeyType;
use der::asn1::{BitString, ObjectIdentifier};
use der::{Any, Decode, Encode};
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};

use crate::cert::PublicKeyMaterial;
use crate::error::{Error, Internal, KeyError, Result};
use crate::token::certs::{unwrap_octet_string, KeyObject, TokenCert};
use crate::token::objects::curve_name;

/// rsaEncryption (RFC 8017).
const RSA_OID: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
/// id-ecPublicKey (RFC 5480).
const EC_OID: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
/// id-Ed25519 (RFC 8410).
const ED25519_OID: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");

/// A public key read from the token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublicKey {
    /// RSA: modulus and exponent, big-endian without leading zeros.
    Rsa {
        /// n
        modulus: Vec<u8>,
        /// e
        exponent: Vec<u8>,
    },
    /// EC over a named curve: the curve's DER OID and the uncompressed point.
    Ec {
        /// CKA_EC_PARAMS (a DER OBJECT IDENTIFIER).
        params: Vec<u8>,
        /// The point, without the OCTET STRING some modules wrap it in.
        point: Vec<u8>,
    },
    /// Ed25519: the 32-byte key.
    Ed25519(Vec<u8>),
}

impl PublicKey {
    /// The public key of `key`: from its own attributes (RSA private keys carry the modulus),
    /// else from the public key object with the same CKA_ID.
    ///
    /// # Errors
    /// The public half is not on the token.
    pub fn of(key: &KeyObject, keys: &[KeyObject]) -> Result<Self> {
        if let Ok(pk) = Self::from_object(key) {
            return Ok(pk);
        }
        keys.iter()
            .filter(|k| !k.private && k.id == key.id && k.key_type == key.key_type)
            .find_map(|k| Self::from_object(k).ok())
            .ok_or_else(|| {
                Error::from(KeyError::PublicHalfMissing {
                    label: key.label.clone(),
                    id: hex::encode(&key.id),
                })
            })
    }

    /// The public key of `key` as [`PublicKey::of`] finds it, else from the certificate with
    /// the same CKA_ID: how pkcs11-tool and many issuers write keys (a private key and its
    /// certificate, no public key object), and SoftHSM2 keeps no public point on EC private keys.
    /// The pairing is then proven by the first signature checked against it.
    ///
    /// # Errors
    /// Neither a public key object nor a certificate holds the public half.
    pub fn of_pair(key: &KeyObject, keys: &[KeyObject], certs: &[TokenCert]) -> Result<Self> {
        Self::of(key, keys).or_else(|missing| {
            certs
                .iter()
                .filter(|c| c.id == key.id)
                .filter_map(|c| c.info.as_ref().ok())
                .filter_map(|info| Self::from_spki(&info.spki_der).ok())
                .find(|pk| pk.key_type() == key.key_type)
                .ok_or(missing)
        })
    }

    /// The PKCS#11 key type of this public key.
    pub fn key_type(&self) -> Option<KeyType> {
        Some(match self {
            PublicKey::Rsa { .. } => KeyType::RSA,
            PublicKey::Ec { .. } => KeyType::EC,
            PublicKey::Ed25519(_) => KeyType::EC_EDWARDS,
        })
    }

    /// The public key held in one object's attributes.
    ///
    /// # Errors
    /// The object does not show its public key, or is of a type tokenward does not handle.
    pub fn from_object(key: &KeyObject) -> Result<Self> {
        let missing = || {
            Error::from(KeyError::PublicKeyHidden {
                label: key.label.clone(),
            })
        };
        match key.key_type {
            Some(KeyType::RSA) => Ok(PublicKey::Rsa {
                modulus: key.modulus.clone().ok_or_else(missing)?,
                exponent: key.exponent.clone().ok_or_else(missing)?,
            }),
            Some(KeyType::EC) | Some(KeyType::EC_EDWARDS) => {
                let stored = key.ec_point.as_deref().ok_or_else(missing)?;
                let point = unwrap_octet_string(stored).unwrap_or(stored).to_vec();
                let params = key.ec_params.clone().ok_or_else(missing)?;
                if key.key_type == Some(KeyType::EC_EDWARDS) {
                    if curve_name(&params).as_deref() != Some("Ed25519") || point.len() != 32 {
                        return Err(unsupported(key));
                    }
                    Ok(PublicKey::Ed25519(point))
                } else {
                    Ok(PublicKey::Ec { params, point })
                }
            }
            _ => Err(unsupported(key)),
        }
    }

    /// The key as the SPKI's BIT STRING holds it (and as ring and rcgen take it): a DER
    /// RSAPublicKey, the uncompressed EC point, the 32 Ed25519 bytes.
    ///
    /// # Errors
    /// The key cannot be encoded.
    pub fn raw(&self) -> Result<Vec<u8>> {
        match self {
            PublicKey::Rsa { modulus, exponent } => pkcs1::RsaPublicKey {
                modulus: pkcs1::UintRef::new(modulus).map_err(der_error)?,
                public_exponent: pkcs1::UintRef::new(exponent).map_err(der_error)?,
            }
            .to_der()
            .map_err(der_error),
            PublicKey::Ec { point, .. } => Ok(point.clone()),
            PublicKey::Ed25519(key) => Ok(key.clone()),
        }
    }

    /// The public key of a DER SubjectPublicKeyInfo (a certificate's, or a PUBLIC KEY file's).
    ///
    /// # Errors
    /// Not a SubjectPublicKeyInfo, or an algorithm tokenward does not read.
    pub fn from_spki(der: &[u8]) -> Result<Self> {
        let spki = SubjectPublicKeyInfoOwned::from_der(der)
            .map_err(|e| malformed("not a public key", e))?;
        let bits = spki.subject_public_key.raw_bytes().to_vec();
        match spki.algorithm.oid {
            RSA_OID => {
                let rsa: pkcs1::RsaPublicKey<pkcs1::UintRef<'_>> =
                    pkcs1::RsaPublicKey::from_der(&bits)
                        .map_err(|e| malformed("broken RSA public key", e))?;
                Ok(PublicKey::Rsa {
                    modulus: crate::cert::strip_zeros(rsa.modulus.as_bytes()),
                    exponent: crate::cert::strip_zeros(rsa.public_exponent.as_bytes()),
                })
            }
            EC_OID => Ok(PublicKey::Ec {
                params: spki
                    .algorithm
                    .parameters
                    .ok_or(KeyError::NoCurve)?
                    .to_der()
                    .map_err(der_error)?,
                point: bits,
            }),
            ED25519_OID => Ok(PublicKey::Ed25519(bits)),
            other => Err(KeyError::PublicAlgorithmUnsupported {
                oid: other.to_string(),
            }
            .into()),
        }
    }

    /// The DER SubjectPublicKeyInfo.
    ///
    /// # Errors
    /// The key cannot be encoded.
    pub fn spki_der(&self) -> Result<Vec<u8>> {
        let (oid, parameters) = match self {
            PublicKey::Rsa { .. } => (RSA_OID, Some(Any::null())),
            PublicKey::Ec { params, .. } => {
                (EC_OID, Some(Any::from_der(params).map_err(der_error)?))
            }
            PublicKey::Ed25519(_) => (ED25519_OID, None),
        };
        let bits = self.raw()?;
        let spki = SubjectPublicKeyInfoOwned {
            algorithm: AlgorithmIdentifierOwned { oid, parameters },
            subject_public_key: BitString::from_bytes(&bits).map_err(der_error)?,
        };
        spki.to_der().map_err(der_error)
    }

    /// The same key in the form certificates are compared with.
    pub fn material(&self) -> PublicKeyMaterial {
        match self {
            PublicKey::Rsa { modulus, exponent } => PublicKeyMaterial::Rsa {
                modulus: modulus.clone(),
                exponent: exponent.clone(),
            },
            PublicKey::Ec { point, .. } => PublicKeyMaterial::Ec {
                point: point.clone(),
            },
            PublicKey::Ed25519(k) => PublicKeyMaterial::Ed25519(k.clone()),
        }
    }

    /// The usage attributes of a key pair of this kind (see [`super::usage_attributes`]).
    pub fn usage(
        &self,
    ) -> (
        Vec<cryptoki::object::Attribute>,
        Vec<cryptoki::object::Attribute>,
    ) {
        super::usage_attributes(
            matches!(self, PublicKey::Rsa { .. }),
            matches!(self, PublicKey::Ec { .. }),
        )
    }

    /// "RSA 2048", "EC P-256", "Ed25519".
    pub fn describe(&self) -> String {
        match self {
            PublicKey::Rsa { modulus, .. } => format!("RSA {}", modulus.len() * 8),
            PublicKey::Ec { params, .. } => format!(
                "EC {}",
                curve_name(params).unwrap_or_else(|| "unknown curve".into())
            ),
            PublicKey::Ed25519(_) => "Ed25519".into(),
        }
    }
}

fn unsupported(key: &KeyObject) -> Error {
    KeyError::TypeUnsupported {
        label: key.label.clone(),
    }
    .into()
}

fn der_error(e: der::Error) -> Error {
    Internal::Encode {
        what: "the public key",
        reason: e.to_string(),
    }
    .into()
}

fn malformed(what: &'static str, reason: impl std::fmt::Display) -> Error {
    KeyError::Malformed {
        what,
        reason: reason.to_string(),
    }
    .into()
}
