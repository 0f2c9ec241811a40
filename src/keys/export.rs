//! `keys export-private`: a key the token marks extractable, taken out wrapped under a
//! one-time AES key (CKM_AES_KEY_WRAP_PAD, RFC 5649) and written only encrypted under a
//! password: PKCS#8 with PBES2 (PBKDF2-SHA256 or scrypt, AES-256-CBC) or PKCS#12 with
//! PBES2/AES-256 and an HMAC-SHA256 MAC. The plain key exists only in zeroizing buffers.

use aes_kw::KeyInit;
use cryptoki::mechanism::Mechanism;
use cryptoki::object::{Attribute, KeyType, ObjectClass};
use cryptoki::session::Session;
use pkcs8::pkcs5::pbes2;
use zeroize::Zeroizing;

use super::generate::random_bytes;
use crate::error::{Error, Internal, Result};
use crate::keys::public::PublicKey;
use crate::pin::Pin;
use crate::token::certs::KeyObject;

/// PBKDF2-SHA256 rounds for PKCS#8 (OWASP's 2023 figure for PBKDF2-HMAC-SHA256).
pub const PBKDF2_ROUNDS: u32 = 600_000;
/// PBKDF2 rounds for the PKCS#12 key bag and MAC.
pub const PKCS12_ROUNDS: u32 = 600_000;

crate::names::named_enum! {
    /// The container of an exported private key.
    pub enum ExportFormat: "key file format" {
        /// Encrypted PKCS#8 (`-----BEGIN ENCRYPTED PRIVATE KEY-----`, or DER).
        Pkcs8 = "pkcs8",
        /// PKCS#12 (.p12/.pfx) with the certificate and chain.
        Pkcs12 = "pkcs12",
    }
}

crate::names::named_enum! {
    /// How the password becomes the encryption key (PKCS#8).
    pub enum Kdf: "key derivation" {
        /// PBKDF2 with HMAC-SHA256 (read by every OpenSSL, Java, .NET).
        Pbkdf2 = "pbkdf2",
        /// scrypt (memory-hard; OpenSSL 1.1+).
        Scrypt = "scrypt",
    }
}

/// Take the private key off the token as a PKCS#8 PrivateKeyInfo (DER). Refuses a key the
/// token marks not extractable.
///
/// # Errors
/// The key is not extractable, the token cannot wrap it, or the wrapped key does not unwrap.
pub fn extract_pkcs8(
    session: &Session,
    key: &KeyObject,
    public: &PublicKey,
) -> Result<Zeroizing<Vec<u8>>> {
    if !key.extractable {
        return Err(Error::NotExtractable {
            label: key.label.clone(),
        });
    }
    let kek = Zeroizing::new(random_bytes(32)?);
    let mut template = vec![
        Attribute::Class(ObjectClass::SECRET_KEY),
        Attribute::KeyType(KeyType::AES),
        Attribute::Token(false),
        Attribute::Private(true),
        Attribute::Sensitive(true),
        Attribute::Extractable(false),
        Attribute::Wrap(true),
        Attribute::Value(kek.to_vec()),
    ];
    let wrapping =
        crate::trace::pkcs11("C_CreateObject", None, || session.create_object(&template));
    super::material::wipe(&mut template);
    let wrapping = wrapping?;
    let wrapped = crate::trace::pkcs11("C_WrapKey", None, || {
        session.wrap_key(&Mechanism::AesKeyWrapPad, wrapping, key.handle)
    });
    let _ = crate::trace::pkcs11("C_DestroyObject", None, || session.destroy_object(wrapping));
    let wrapped = wrapped.map_err(|e| match Error::from(e) {
        Error::Pkcs11 {
            rv:
                cryptoki::error::RvError::MechanismInvalid
                | cryptoki::error::RvError::KeyUnextractable
                | cryptoki::error::RvError::KeyNotWrappable,
            ..
        } => Error::MechanismUnsupported {
            wanted: format!(
                "AES key wrapping (CKM_AES_KEY_WRAP_PAD) of key \"{}\", which export needs",
                key.label
            ),
            supported: Vec::new(),
        },
        other => other,
    })?;
    let kwp = aes_kw::KwpAes256::new_from_slice(&kek).map_err(|_| Internal::Crypto {
        what: "AES key set-up",
    })?;
    let mut buf = Zeroizing::new(vec![0u8; wrapped.len()]);
    let len = kwp
        .unwrap_key(&wrapped, &mut buf)
        .map_err(|_| Internal::Crypto {
            what: "unwrapping the token's wrapped key",
        })?
        .len();
    // SoftHSM2 pads the key to a multiple of 8 with zeros before wrapping, so RFC 5649's
    // length indicator counts the padding: keep only the DER SEQUENCE itself.
    let keep = der_length(&buf[..len]).unwrap_or(len).min(len);
    buf.truncate(keep);
    match public {
        PublicKey::Ec { point, .. } => with_ec_public_key(&buf, point),
        _ => Ok(buf),
    }
}

/// SoftHSM2 (and others) wrap an EC key as a SEC1 ECPrivateKey without its public key, which
/// some programs (and tokenward's own import) need: put the token's public point in.
fn with_ec_public_key(pkcs8_der: &[u8], point: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    use der::{Decode, Encode};
    let bad = |e: der::Error| {
        Error::from(Internal::TokenAnswer {
            what: format!("an EC key that is not SEC1 in PKCS#8 ({e})"),
        })
    };
    let info = pkcs8::PrivateKeyInfoRef::from_der(pkcs8_der).map_err(bad)?;
    let sec1 = sec1::EcPrivateKey::from_der(info.private_key.as_bytes()).map_err(bad)?;
    if sec1.public_key.is_some() {
        return Ok(Zeroizing::new(pkcs8_der.to_vec()));
    }
    let completed = sec1::EcPrivateKey {
        private_key: sec1.private_key,
        parameters: sec1.parameters,
        public_key: Some(point),
    };
    let inner = Zeroizing::new(completed.to_der().map_err(bad)?);
    let outer = pkcs8::PrivateKeyInfoRef {
        algorithm: info.algorithm,
        private_key: der::asn1::OctetStringRef::new(&inner).map_err(bad)?,
        public_key: None,
    };
    Ok(Zeroizing::new(outer.to_der().map_err(bad)?))
}

/// The length of the DER element at the start of `data` (header and contents).
fn der_length(data: &[u8]) -> Option<usize> {
    match data {
        [_, n, ..] if *n < 0x80 => Some(2 + usize::from(*n)),
        [_, 0x81, n, ..] => Some(3 + usize::from(*n)),
        [_, 0x82, a, b, ..] => Some(4 + (usize::from(*a) << 8 | usize::from(*b))),
        [_, 0x83, a, b, c, ..] => {
            Some(5 + (usize::from(*a) << 16 | usize::from(*b) << 8 | usize::from(*c)))
        }
        _ => None,
    }
}

/// Encrypt a PKCS#8 key under `password`.
///
/// # Errors
/// The operating system's random generator or the encryption failed.
pub fn encrypt_pkcs8(pkcs8_der: &[u8], password: &Pin, kdf: Kdf) -> Result<Vec<u8>> {
    let salt = random_bytes(16)?;
    let mut iv = [0u8; 16];
    iv.copy_from_slice(&random_bytes(16)?);
    let params = match kdf {
        Kdf::Pbkdf2 => {
            pbes2::Parameters::generate_pbkdf2_sha256_aes256cbc(PBKDF2_ROUNDS, &salt, iv)
        }
        // N = 2^14, r = 8, p = 1: 16 MiB, within OpenSSL's default 32 MiB scrypt limit.
        Kdf::Scrypt => {
            let p = pkcs8::pkcs5::scrypt::Params::new(14, 8, 1)
                .map_err(|e| encode("the scrypt parameters", e))?;
            pbes2::Parameters::generate_scrypt_aes256cbc(p, &salt, iv)
        }
    }
    .map_err(|e| encode("the encryption parameters", e))?;
    let info = pkcs8::PrivateKeyInfoRef::try_from(pkcs8_der).map_err(not_pkcs8)?;
    let doc = info
        .encrypt_with_params(params, password.expose().as_bytes())
        .map_err(|e| encode("the encrypted key", e))?;
    Ok(doc.as_bytes().to_vec())
}

/// A PKCS#12 file holding the key and its certificates (leaf first), encrypted with PBES2
/// (PBKDF2-SHA256, AES-256-CBC) and protected by an HMAC-SHA256 MAC.
///
/// # Errors
/// The key or a certificate cannot be encoded into PKCS#12.
pub fn encrypt_pkcs12(
    pkcs8_der: &[u8],
    certs: &[Vec<u8>],
    alias: &str,
    password: &Pin,
) -> Result<Vec<u8>> {
    let key = p12_keystore::PrivateKey::from_der(pkcs8_der).map_err(not_pkcs8)?;
    let mut chain = Vec::new();
    for der in certs {
        chain.push(
            p12_keystore::Certificate::from_der(der)
                .map_err(|e| encode("a certificate for PKCS#12", e))?,
        );
    }
    let local_id = random_bytes(20)?;
    let mut store = p12_keystore::KeyStore::new();
    store.add_entry(
        alias,
        p12_keystore::KeyStoreEntry::PrivateKeyChain(p12_keystore::PrivateKeyChain::new(
            local_id, key, chain,
        )),
    );
    store
        .writer(password.expose())
        .encryption_algorithm(p12_keystore::EncryptionAlgorithm::PbeWithHmacSha256AndAes256)
        .encryption_iterations(PKCS12_ROUNDS)
        .mac_algorithm(p12_keystore::MacAlgorithm::HmacSha256)
        .mac_iterations(PKCS12_ROUNDS)
        .write()
        .map_err(|e| encode("the PKCS#12 file", e))
}

fn encode(what: &'static str, e: impl std::fmt::Display) -> Error {
    Internal::Encode {
        what,
        reason: e.to_string(),
    }
    .into()
}

fn not_pkcs8(e: impl std::fmt::Display) -> Error {
    Internal::TokenAnswer {
        what: format!("a key that is not PKCS#8 ({e})"),
    }
    .into()
}
