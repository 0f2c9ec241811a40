//! A private key on the token as a signing key for other crates: rcgen's [`SigningKey`] (so
//! certificate requests are signed on the token).
//!
//! ```no_run
//! # fn demo(session: &cryptoki::session::Session, key: &tokenward::token::certs::KeyObject,
//! #         keys: &[tokenward::token::certs::KeyObject]) -> tokenward::Result<()> {
//! use tokenward::sign::TokenKey;
//! let signer = TokenKey::new(session, key, keys)?; // the session is logged in
//! let mut params = rcgen::CertificateParams::new(vec!["example.org".into()]).unwrap();
//! let csr = params.serialize_request(&signer).unwrap();
//! # Ok(()) }
//! ```

use std::sync::Mutex;

use cryptoki::object::ObjectHandle;
use cryptoki::session::Session;
use der::Encode;
use rcgen::{PublicKeyData, SignatureAlgorithm, SigningKey};

use super::mechanism::{sign, SignMechanism};
use crate::error::{Error, Result};
use crate::keys::public::PublicKey;
use crate::token::certs::KeyObject;

/// A private key on the token, with its public key and the mechanism it signs with.
pub struct TokenKey<'a> {
    session: &'a Session,
    handle: ObjectHandle,
    public: PublicKey,
    /// The public key in rcgen's form (RSAPublicKey DER, EC point, Ed25519 bytes).
    raw_public: Vec<u8>,
    mechanism: SignMechanism,
    /// The last token error, kept for the caller (rcgen's error type cannot carry it).
    last_error: Mutex<Option<Error>>,
}

impl std::fmt::Debug for TokenKey<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenKey")
            .field("handle", &self.handle)
            .field("public", &self.public.describe())
            .field("mechanism", &self.mechanism)
            .finish()
    }
}

impl<'a> TokenKey<'a> {
    /// The key `key` (found among `keys`, which give its public half when the private key
    /// object does not), signing with its default mechanism.
    pub fn new(session: &'a Session, key: &KeyObject, keys: &[KeyObject]) -> Result<Self> {
        let public = PublicKey::of(key, keys)?;
        let mechanism = SignMechanism::default_for(&public)?;
        let raw_public = match &public {
            PublicKey::Rsa { modulus, exponent } => pkcs1::RsaPublicKey {
                modulus: pkcs1::UintRef::new(modulus).map_err(der_error)?,
                public_exponent: pkcs1::UintRef::new(exponent).map_err(der_error)?,
            }
            .to_der()
            .map_err(der_error)?,
            PublicKey::Ec { point, .. } => point.clone(),
            PublicKey::Ed25519(k) => k.clone(),
        };
        if !key.sign {
            return Err(Error::Usage(format!(
                "the key \"{}\" is not allowed to sign (its CKA_SIGN is false)",
                key.label
            )));
        }
        Ok(TokenKey {
            session,
            handle: key.handle,
            public,
            raw_public,
            mechanism,
            last_error: Mutex::new(None),
        })
    }

    /// The mechanism it signs with.
    pub fn mechanism(&self) -> SignMechanism {
        self.mechanism
    }

    /// The public key.
    pub fn public_key(&self) -> &PublicKey {
        &self.public
    }

    /// The token error behind the last failed signature, if any.
    pub fn take_error(&self) -> Option<Error> {
        self.last_error.lock().ok().and_then(|mut e| e.take())
    }
}

fn der_error(e: der::Error) -> Error {
    Error::Usage(format!("cannot encode the public key: {e}"))
}

impl PublicKeyData for TokenKey<'_> {
    fn der_bytes(&self) -> &[u8] {
        &self.raw_public
    }

    fn algorithm(&self) -> &'static SignatureAlgorithm {
        match self.mechanism {
            SignMechanism::EcdsaSha256 => &rcgen::PKCS_ECDSA_P256_SHA256,
            SignMechanism::EcdsaSha384 => &rcgen::PKCS_ECDSA_P384_SHA384,
            SignMechanism::Ed25519 => &rcgen::PKCS_ED25519,
            SignMechanism::RsaPkcs1Sha384 => &rcgen::PKCS_RSA_SHA384,
            SignMechanism::RsaPkcs1Sha512 => &rcgen::PKCS_RSA_SHA512,
            _ => &rcgen::PKCS_RSA_SHA256,
        }
    }
}

impl SigningKey for TokenKey<'_> {
    fn sign(&self, msg: &[u8]) -> std::result::Result<Vec<u8>, rcgen::Error> {
        sign(self.session, self.handle, self.mechanism, msg).map_err(|e| {
            if let Ok(mut slot) = self.last_error.lock() {
                *slot = Some(e);
            }
            rcgen::Error::RemoteKeyError
        })
    }
}
