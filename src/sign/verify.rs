//! Checking signatures on the host with ring, against a certificate's or a token's public key.

use ring::signature::{self, UnparsedPublicKey, VerificationAlgorithm};

use super::mechanism::SignMechanism;
use crate::error::{KeyError, Result, VerifyError};
use crate::keys::public::PublicKey;

/// ring's algorithm for signatures made with `mechanism` in the form [`super::sign`] returns
/// (ECDSA as DER).
pub fn algorithm(mechanism: SignMechanism) -> &'static dyn VerificationAlgorithm {
    match mechanism {
        SignMechanism::RsaPkcs1Sha256 => &signature::RSA_PKCS1_2048_8192_SHA256,
        SignMechanism::RsaPkcs1Sha384 => &signature::RSA_PKCS1_2048_8192_SHA384,
        SignMechanism::RsaPkcs1Sha512 => &signature::RSA_PKCS1_2048_8192_SHA512,
        SignMechanism::RsaPssSha256 => &signature::RSA_PSS_2048_8192_SHA256,
        SignMechanism::RsaPssSha384 => &signature::RSA_PSS_2048_8192_SHA384,
        SignMechanism::RsaPssSha512 => &signature::RSA_PSS_2048_8192_SHA512,
        SignMechanism::EcdsaSha256 => &signature::ECDSA_P256_SHA256_ASN1,
        SignMechanism::EcdsaSha384 => &signature::ECDSA_P384_SHA384_ASN1,
        SignMechanism::Ed25519 => &signature::ED25519,
    }
}

/// Does `sig` sign `data` under `public` with `mechanism`? A wrong signature is
/// [`crate::Error::Verification`]; a key that does not fit the mechanism is a usage error.
///
/// # Errors
/// A key that does not fit the mechanism; [`crate::Error::Verification`] when it does not verify.
pub fn verify(public: &PublicKey, mechanism: SignMechanism, data: &[u8], sig: &[u8]) -> Result<()> {
    if !mechanism.fits(public) {
        return Err(KeyError::MechanismMismatch {
            key: public.describe(),
            mechanism: mechanism.to_string(),
        }
        .into());
    }
    let raw = public.raw()?;
    let key = UnparsedPublicKey::new(algorithm(mechanism), &raw);
    // ECDSA signatures come DER-encoded (OpenSSL) or as PKCS#11's r‖s (pkcs11-tool): take both.
    let as_der = match mechanism {
        SignMechanism::EcdsaSha256 | SignMechanism::EcdsaSha384
            if matches!(sig.len(), 64 | 96) && sig.first() != Some(&0x30) =>
        {
            super::mechanism::ecdsa_raw_to_der(sig).ok()
        }
        _ => None,
    };
    key.verify(data, as_der.as_deref().unwrap_or(sig))
        .map_err(|_| {
            VerifyError::RawMismatch {
                mechanism: mechanism.to_string(),
                key: public.describe(),
            }
            .into()
        })
}
