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
    // The length alone cannot tell them apart (an r‖s whose r starts with 0x30 looks like a DER
    // SEQUENCE), so an r‖s-sized signature that does not verify as DER is tried as r‖s.
    let as_raw = || match mechanism {
        SignMechanism::EcdsaSha256 | SignMechanism::EcdsaSha384 if matches!(sig.len(), 64 | 96) => {
            super::mechanism::ecdsa_raw_to_der(sig).ok()
        }
        _ => None,
    };
    key.verify(data, sig)
        .or_else(|e| match as_raw() {
            Some(der) => key.verify(data, &der),
            None => Err(e),
        })
        .map_err(|_| {
            VerifyError::RawMismatch {
                mechanism: mechanism.to_string(),
                key: public.describe(),
            }
            .into()
        })
}

#[cfg(test)]
mod tests {
    use ring::rand::SystemRandom;
    use ring::signature::{EcdsaKeyPair, KeyPair, ECDSA_P256_SHA256_FIXED_SIGNING};

    use super::*;
    use crate::keys::P256_PARAMS;

    #[test]
    fn raw_ecdsa_signatures_verify_whatever_their_first_byte() {
        let rng = SystemRandom::new();
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &rng).unwrap();
        let pair = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, pkcs8.as_ref(), &rng)
            .unwrap();
        let public = PublicKey::Ec {
            params: P256_PARAMS.to_vec(),
            point: pair.public_key().as_ref().to_vec(),
        };
        // One in 256 r‖s signatures starts with 0x30, the DER SEQUENCE tag: find one.
        let (data, sig) = (0u32..100_000)
            .map(|n| {
                let data = n.to_be_bytes();
                (data, pair.sign(&rng, &data).unwrap())
            })
            .find(|(_, sig)| sig.as_ref()[0] == 0x30)
            .expect("one in 256 signatures starts with 0x30");
        verify(&public, SignMechanism::EcdsaSha256, &data, sig.as_ref()).unwrap();
        let der = super::super::mechanism::ecdsa_raw_to_der(sig.as_ref()).unwrap();
        verify(&public, SignMechanism::EcdsaSha256, &data, &der).unwrap();
        let err = verify(&public, SignMechanism::EcdsaSha256, b"other", sig.as_ref()).unwrap_err();
        assert!(err.to_string().contains("does not match"), "{err}");
    }
}
