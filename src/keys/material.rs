//! Private keys read from files (PKCS#8, PKCS#1, SEC1; PEM or DER; PKCS#8 encrypted with a
//! password), turned into the PKCS#11 templates that put them on a token.
//!
//! Every buffer that holds private key bytes is zeroized when dropped, templates included.

use cryptoki::object::{Attribute, KeyType, ObjectClass};
use der::asn1::ObjectIdentifier;
use der::{Decode, Encode};
use zeroize::{Zeroize, Zeroizing};

use super::public::PublicKey;
use crate::cert::strip_zeros;
use crate::error::{Error, KeyError, Result};
use crate::pin::Pin;

const RSA_OID: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const EC_OID: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const ED25519_OID: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");

/// A private key in host memory, on its way to the token.
pub struct PrivateKey {
    /// The public half.
    pub public: PublicKey,
    /// The private attributes (key type specific), wiped on drop.
    secret: Vec<Attribute>,
}

impl std::fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PrivateKey")
            .field("public", &self.public.describe())
            .finish_non_exhaustive()
    }
}

impl Drop for PrivateKey {
    fn drop(&mut self) {
        wipe(&mut self.secret);
    }
}

/// Zero the values of private attributes in a template.
pub fn wipe(template: &mut [Attribute]) {
    for a in template {
        match a {
            Attribute::PrivateExponent(v)
            | Attribute::Prime1(v)
            | Attribute::Prime2(v)
            | Attribute::Exponent1(v)
            | Attribute::Exponent2(v)
            | Attribute::Coefficient(v)
            | Attribute::Value(v) => v.zeroize(),
            _ => {}
        }
    }
}

impl PrivateKey {
    /// Decode a PKCS#8 PrivateKeyInfo (DER).
    ///
    /// # Errors
    /// Not PKCS#8, or an algorithm tokenward does not import.
    pub fn from_pkcs8(der: &[u8]) -> Result<Self> {
        let info = pkcs8::PrivateKeyInfoRef::from_der(der)
            .map_err(|e| malformed("not a PKCS#8 private key", e))?;
        let key = info.private_key.as_bytes();
        match info.algorithm.oid {
            RSA_OID => Self::from_pkcs1(key),
            EC_OID => {
                let params = info
                    .algorithm
                    .parameters
                    .ok_or(KeyError::NoCurve)?
                    .to_der()
                    .map_err(|e| malformed("broken EC parameters", e))?;
                Self::from_sec1(key, Some(params))
            }
            ED25519_OID => {
                // CurvePrivateKey ::= OCTET STRING (RFC 8410)
                let seed = <&der::asn1::OctetStringRef>::from_der(key)
                    .map_err(|e| malformed("broken Ed25519 key", e))?;
                let seed = Zeroizing::new(seed.as_bytes().to_vec());
                let pair = ring::signature::Ed25519KeyPair::from_seed_unchecked(&seed)
                    .map_err(|_| malformed("broken Ed25519 key", "not a valid seed"))?;
                use ring::signature::KeyPair;
                let public = PublicKey::Ed25519(pair.public_key().as_ref().to_vec());
                Ok(PrivateKey {
                    public,
                    secret: vec![
                        Attribute::KeyType(KeyType::EC_EDWARDS),
                        Attribute::EcParams(super::ED25519_PARAMS.to_vec()),
                        Attribute::Value(seed.to_vec()),
                    ],
                })
            }
            other => Err(KeyError::AlgorithmUnsupported {
                oid: other.to_string(),
            }
            .into()),
        }
    }

    /// Decode a PKCS#1 RSAPrivateKey (DER).
    ///
    /// # Errors
    /// Not a PKCS#1 RSAPrivateKey.
    pub fn from_pkcs1(der: &[u8]) -> Result<Self> {
        let k = pkcs1::RsaPrivateKey::from_der(der).map_err(|e| malformed("broken RSA key", e))?;
        // The halves must belong together before anything goes to the token. (ring refuses
        // keys it does not sign with, such as 1024-bit ones; those are not checked here.)
        if let Err(e) = ring::signature::RsaKeyPair::from_der(der) {
            if e.to_string() == "InconsistentComponents" {
                return Err(KeyError::PairMismatch.into());
            }
        }
        let v = |u: pkcs1::UintRef<'_>| strip_zeros(u.as_bytes());
        let public = PublicKey::Rsa {
            modulus: v(k.modulus),
            exponent: v(k.public_exponent),
        };
        Ok(PrivateKey {
            secret: vec![
                Attribute::KeyType(KeyType::RSA),
                Attribute::Modulus(v(k.modulus)),
                Attribute::PublicExponent(v(k.public_exponent)),
                Attribute::PrivateExponent(v(k.private_exponent)),
                Attribute::Prime1(v(k.prime1)),
                Attribute::Prime2(v(k.prime2)),
                Attribute::Exponent1(v(k.exponent1)),
                Attribute::Exponent2(v(k.exponent2)),
                Attribute::Coefficient(v(k.coefficient)),
            ],
            public,
        })
    }

    /// Decode a SEC1 ECPrivateKey (DER); `params` is the curve from the PKCS#8 wrapper.
    ///
    /// # Errors
    /// Not a SEC1 ECPrivateKey, no named curve, or no public point.
    pub fn from_sec1(der: &[u8], params: Option<Vec<u8>>) -> Result<Self> {
        let k = sec1::EcPrivateKey::from_der(der).map_err(|e| malformed("broken EC key", e))?;
        let params = match (params, &k.parameters) {
            (Some(p), _) => p,
            (None, Some(p)) => p
                .to_der()
                .map_err(|e| malformed("broken EC parameters", e))?,
            (None, None) => return Err(KeyError::NoCurve.into()),
        };
        let point = k
            .public_key
            .ok_or_else(|| Error::from(KeyError::NoPublicPoint))?;
        check_ec_pair(&params, k.private_key, point)?;
        Ok(PrivateKey {
            public: PublicKey::Ec {
                params: params.clone(),
                point: point.to_vec(),
            },
            secret: vec![
                Attribute::KeyType(KeyType::EC),
                Attribute::EcParams(params),
                Attribute::Value(k.private_key.to_vec()),
            ],
        })
    }

    /// Decode a key from file contents: PEM (PRIVATE KEY, RSA PRIVATE KEY, EC PRIVATE KEY,
    /// ENCRYPTED PRIVATE KEY with `password`) or DER PKCS#8, plain or encrypted (the form of
    /// Mexico's e.firma `.key` files). Other PEM blocks (certificates) are skipped.
    ///
    /// # Errors
    /// No private key in the file, broken PEM, an encrypted key without a password source, a wrong password.
    pub fn from_file_data(data: &[u8], password: Option<&dyn Fn() -> Result<Pin>>) -> Result<Self> {
        if !data.starts_with(b"-----") && !data.windows(11).any(|w| w == b"-----BEGIN ") {
            if is_encrypted_pkcs8(data) {
                return Self::from_encrypted_pkcs8(data, password);
            }
            return Self::from_pkcs8(data);
        }
        let text = std::str::from_utf8(data).map_err(|_| Error::from(KeyError::PemNotText))?;
        for block in pem_blocks(text) {
            let (label, der) = der::pem::decode_vec(block.as_bytes())
                .map_err(|e| malformed("broken PEM block", e))?;
            let der = Zeroizing::new(der);
            return match label {
                "PRIVATE KEY" => Self::from_pkcs8(&der),
                "RSA PRIVATE KEY" => Self::from_pkcs1(&der),
                "EC PRIVATE KEY" => Self::from_sec1(&der, None),
                "ENCRYPTED PRIVATE KEY" => Self::from_encrypted_pkcs8(&der, password),
                _ => continue,
            };
        }
        Err(KeyError::NoPrivateKey.into())
    }

    /// Decrypt an EncryptedPrivateKeyInfo (DER) with the password `password` gives, after
    /// checking that its key derivation is not ruinous.
    ///
    /// # Errors
    /// No password source, a broken structure, a costly derivation, a wrong password.
    fn from_encrypted_pkcs8(
        der: &[u8],
        password: Option<&dyn Fn() -> Result<Pin>>,
    ) -> Result<Self> {
        // Without a password source nothing can be done, whatever the structure holds.
        let ask = password.ok_or_else(|| Error::from(KeyError::NeedsPassword))?;
        let enc = pkcs8::EncryptedPrivateKeyInfoRef::from_der(der)
            .map_err(|e| malformed("broken encrypted key", e))?;
        super::kdf_cost::check(der)?;
        let pass = ask()?;
        let plain = enc
            .decrypt(pass.expose().as_bytes())
            .map_err(|_| Error::WrongPassword("key file"))?;
        Self::from_pkcs8(plain.as_bytes())
    }

    /// The template of the private key object, with the common attributes given.
    pub fn template(&self, common: &[Attribute]) -> Vec<Attribute> {
        let mut t = vec![Attribute::Class(ObjectClass::PRIVATE_KEY)];
        t.extend_from_slice(common);
        t.extend(self.secret.iter().cloned());
        t
    }

    /// The template of the matching public key object.
    pub fn public_template(&self, common: &[Attribute]) -> Vec<Attribute> {
        let mut t = vec![Attribute::Class(ObjectClass::PUBLIC_KEY)];
        t.extend_from_slice(common);
        match &self.public {
            PublicKey::Rsa { modulus, exponent } => t.extend([
                Attribute::KeyType(KeyType::RSA),
                Attribute::Modulus(modulus.clone()),
                Attribute::PublicExponent(exponent.clone()),
            ]),
            PublicKey::Ec { params, point } => t.extend([
                Attribute::KeyType(KeyType::EC),
                Attribute::EcParams(params.clone()),
                Attribute::EcPoint(octet_string(point)),
            ]),
            PublicKey::Ed25519(key) => t.extend([
                Attribute::KeyType(KeyType::EC_EDWARDS),
                Attribute::EcParams(super::ED25519_PARAMS.to_vec()),
                Attribute::EcPoint(octet_string(key)),
            ]),
        }
        t
    }
}

/// Whether `der` is an encrypted PKCS#8 key (EncryptedPrivateKeyInfo), as a SAT `.key` is.
pub fn is_encrypted_pkcs8(der: &[u8]) -> bool {
    pkcs8::EncryptedPrivateKeyInfoRef::from_der(der).is_ok()
}

/// DER OCTET STRING around `bytes` (how CKA_EC_POINT is stored).
fn octet_string(bytes: &[u8]) -> Vec<u8> {
    der::asn1::OctetStringRef::new(bytes)
        .and_then(|o| o.to_der())
        .unwrap_or_default()
}

/// The `-----BEGIN …-----` … `-----END …-----` blocks of a PEM text, in order.
pub fn pem_blocks(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN ") {
        let after = &rest[start..];
        let Some(end_at) = after.find("-----END ") else {
            break;
        };
        let tail = &after[end_at + 9..];
        let Some(close) = tail.find("-----") else {
            break;
        };
        let len = end_at + 9 + close + 5;
        out.push(&after[..len]);
        rest = &after[len..];
    }
    out
}

/// The public point of an EC key file must be the one its private scalar gives: a file whose
/// halves do not belong together is refused before anything is written.
fn check_ec_pair(params: &[u8], private: &[u8], point: &[u8]) -> Result<()> {
    use ring::signature::{
        EcdsaKeyPair, ECDSA_P256_SHA256_ASN1_SIGNING, ECDSA_P384_SHA384_ASN1_SIGNING,
    };
    let alg = match params {
        p if p == crate::keys::P256_PARAMS => &ECDSA_P256_SHA256_ASN1_SIGNING,
        p if p == crate::keys::P384_PARAMS => &ECDSA_P384_SHA384_ASN1_SIGNING,
        // Curves tokenward does not sign with are not checked here.
        _ => return Ok(()),
    };
    let rng = ring::rand::SystemRandom::new();
    EcdsaKeyPair::from_private_key_and_public_key(alg, private, point, &rng)
        .map(drop)
        .map_err(|_| KeyError::PairMismatch.into())
}

fn malformed(what: &'static str, reason: impl std::fmt::Display) -> Error {
    KeyError::Malformed {
        what,
        reason: reason.to_string(),
    }
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("fixtures")
                .join(name),
        )
        .unwrap()
    }

    #[test]
    fn private_keys_never_show_their_secret_parts() {
        for name in ["leaf-p256.key", "leaf-rsa2048.key", "leaf-ed25519.key"] {
            let key = PrivateKey::from_file_data(&fixture(name), None).unwrap();
            let shown = format!("{key:?}");
            assert!(shown.contains("PrivateKey"), "{shown}");
            let template = key.template(&[]);
            for a in &template {
                if let Attribute::Value(v) | Attribute::PrivateExponent(v) | Attribute::Prime1(v) =
                    a
                {
                    assert!(!shown.contains(&hex::encode(v)), "{name}: {shown}");
                }
            }
            // wipe() zeroes the private values of a template.
            let mut t = key.template(&[]);
            wipe(&mut t);
            for a in &t {
                if let Attribute::Value(v) | Attribute::PrivateExponent(v) = a {
                    assert!(v.iter().all(|b| *b == 0));
                }
            }
        }
    }

    #[test]
    fn key_files_of_every_form_give_the_same_public_key() {
        let pem = fixture("leaf-p256.key");
        let from_pem = PrivateKey::from_file_data(&pem, None).unwrap();
        let der = der::pem::decode_vec(&pem).unwrap().1;
        let from_der = PrivateKey::from_file_data(&der, None).unwrap();
        assert_eq!(from_pem.public, from_der.public);
        assert!(PrivateKey::from_file_data(
            b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
            None
        )
        .is_err());
        // An encrypted key without a password source says how to give one.
        let err = PrivateKey::from_file_data(
            b"-----BEGIN ENCRYPTED PRIVATE KEY-----\nMAA=\n-----END ENCRYPTED PRIVATE KEY-----\n",
            None,
        )
        .unwrap_err();
        assert!(err.message().contains("--password-file"), "{err}");
    }

    /// A key file that chooses its own cost is refused before the derivation runs (today's
    /// code would run PBKDF2 for hours, or abort on scrypt's memory).
    #[test]
    fn a_key_file_cannot_choose_a_ruinous_cost() {
        use der::{Decode, Encode};
        use pkcs8::pkcs5::{pbes2, EncryptionScheme};
        let plain = fixture("leaf-p256.key");
        let key = PrivateKey::from_file_data(&plain, None).unwrap();
        let pass = Pin::copy_of("a-password");
        let der = crate::keys::export::encrypt_pkcs8(
            &key_pkcs8(&plain),
            &pass,
            crate::keys::export::Kdf::Pbkdf2,
        )
        .unwrap();
        drop(key);
        let with = |kdf: pbes2::Kdf| {
            let enc = pkcs8::EncryptedPrivateKeyInfoRef::from_der(&der).unwrap();
            let EncryptionScheme::Pbes2(mut params) = enc.encryption_algorithm else {
                panic!("PBES2 expected");
            };
            params.kdf = kdf;
            let changed = pkcs8::EncryptedPrivateKeyInfoRef {
                encryption_algorithm: EncryptionScheme::Pbes2(params),
                encrypted_data: enc.encrypted_data,
            };
            let der = changed.to_der().unwrap();
            let pem = crate::cert::pem("ENCRYPTED PRIVATE KEY", &der);
            let ask = || Ok(Pin::copy_of("a-password"));
            let started = std::time::Instant::now();
            let err = PrivateKey::from_file_data(pem.as_bytes(), Some(&ask)).unwrap_err();
            assert!(started.elapsed().as_secs() < 5, "the derivation ran");
            err
        };
        let enc = pkcs8::EncryptedPrivateKeyInfoRef::from_der(&der).unwrap();
        let EncryptionScheme::Pbes2(params) = enc.encryption_algorithm else {
            panic!()
        };
        let pbes2::Kdf::Pbkdf2(pbkdf2) = params.kdf else {
            panic!()
        };
        let slow = pbes2::Kdf::Pbkdf2(pbes2::Pbkdf2Params {
            iteration_count: 1 << 31,
            ..pbkdf2
        });
        assert_eq!(with(slow).reason(), Some("kdf_too_costly"));
        let greedy = pbes2::Kdf::Scrypt(pbes2::ScryptParams {
            salt: pbkdf2.salt,
            cost_parameter: 1 << 40,
            block_size: 8,
            parallelization: 1,
            key_length: None,
        });
        assert_eq!(with(greedy).reason(), Some("kdf_too_costly"));
    }

    /// A key file whose public point is another key's is refused before anything is written.
    #[test]
    fn a_key_file_whose_halves_do_not_belong_together_is_refused() {
        use der::{Decode, Encode};
        let sec1_of = |name: &str| {
            let pkcs8 = key_pkcs8(&fixture(name));
            let info = pkcs8::PrivateKeyInfoRef::from_der(&pkcs8).unwrap();
            info.private_key.as_bytes().to_vec()
        };
        let mine = sec1_of("leaf-p256.key");
        let theirs = sec1_of("expired.key");
        let other_point = sec1::EcPrivateKey::from_der(&theirs)
            .unwrap()
            .public_key
            .unwrap()
            .to_vec();
        let mut forged = sec1::EcPrivateKey::from_der(&mine).unwrap();
        forged.public_key = Some(&other_point);
        let der = forged.to_der().unwrap();
        let err = PrivateKey::from_sec1(&der, Some(crate::keys::P256_PARAMS.to_vec())).unwrap_err();
        assert_eq!(err.reason(), Some("pair_mismatch"));
        // The genuine pair passes.
        PrivateKey::from_sec1(&mine, Some(crate::keys::P256_PARAMS.to_vec())).unwrap();
    }

    /// The PKCS#8 DER inside a PEM PRIVATE KEY fixture.
    fn key_pkcs8(pem: &[u8]) -> Vec<u8> {
        let (_, der) = der::pem::decode_vec(pem).unwrap();
        der
    }
}
