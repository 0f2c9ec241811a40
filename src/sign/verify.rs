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

/// Does `sig` sign `content` under `public` with `mechanism`? A file is hashed while it is
/// read and the digest checked (OpenSSL), so a file of any size is checked in small memory;
/// Ed25519, which signs the whole message, and bytes in memory go to [`verify`].
///
/// # Errors
/// As [`verify`]; the file cannot be read.
pub fn verify_content(
    public: &PublicKey,
    mechanism: SignMechanism,
    content: &super::Content<'_>,
    sig: &[u8],
) -> Result<()> {
    let (super::Content::File(_), Some((alg, md))) = (content, digests(mechanism)) else {
        return verify(public, mechanism, &content.to_vec()?, sig);
    };
    if !mechanism.fits(public) {
        return verify(public, mechanism, &[], sig);
    }
    let digest = content.digest(alg)?;
    let mismatch = || {
        crate::Error::from(VerifyError::RawMismatch {
            mechanism: mechanism.to_string(),
            key: public.describe(),
        })
    };
    let pkey =
        openssl::pkey::PKey::public_key_from_der(&public.spki_der()?).map_err(|_| mismatch())?;
    let check = |sig: &[u8]| -> bool {
        let run = || -> std::result::Result<bool, openssl::error::ErrorStack> {
            let mut ctx = openssl::pkey_ctx::PkeyCtx::new(&pkey)?;
            let md: &openssl::md::MdRef = md;
            ctx.verify_init()?;
            ctx.set_signature_md(md)?;
            if matches!(
                mechanism,
                SignMechanism::RsaPssSha256
                    | SignMechanism::RsaPssSha384
                    | SignMechanism::RsaPssSha512
            ) {
                ctx.set_rsa_padding(openssl::rsa::Padding::PKCS1_PSS)?;
                ctx.set_rsa_pss_saltlen(openssl::sign::RsaPssSaltlen::DIGEST_LENGTH)?;
                ctx.set_rsa_mgf1_md(md)?;
            } else if matches!(
                mechanism,
                SignMechanism::RsaPkcs1Sha256
                    | SignMechanism::RsaPkcs1Sha384
                    | SignMechanism::RsaPkcs1Sha512
            ) {
                ctx.set_rsa_padding(openssl::rsa::Padding::PKCS1)?;
            }
            ctx.verify(digest.as_ref(), sig)
        };
        run().unwrap_or(false)
    };
    // ECDSA as DER, or as PKCS#11's r‖s (see [`verify`]).
    let as_der = match mechanism {
        SignMechanism::EcdsaSha256 | SignMechanism::EcdsaSha384 if matches!(sig.len(), 64 | 96) => {
            super::mechanism::ecdsa_raw_to_der(sig).ok()
        }
        _ => None,
    };
    if check(sig) || as_der.is_some_and(|der| check(&der)) {
        Ok(())
    } else {
        Err(mismatch())
    }
}

/// The digest a mechanism signs, for ring and for OpenSSL (`None`: Ed25519).
fn digests(
    mechanism: SignMechanism,
) -> Option<(
    &'static ring::digest::Algorithm,
    &'static openssl::md::MdRef,
)> {
    use openssl::md::Md as MessageDigest;
    let (alg, md) = match mechanism {
        SignMechanism::RsaPkcs1Sha256
        | SignMechanism::RsaPssSha256
        | SignMechanism::EcdsaSha256 => (&ring::digest::SHA256, MessageDigest::sha256()),
        SignMechanism::RsaPkcs1Sha384
        | SignMechanism::RsaPssSha384
        | SignMechanism::EcdsaSha384 => (&ring::digest::SHA384, MessageDigest::sha384()),
        SignMechanism::RsaPkcs1Sha512 | SignMechanism::RsaPssSha512 => {
            (&ring::digest::SHA512, MessageDigest::sha512())
        }
        SignMechanism::Ed25519 => return None,
    };
    Some((alg, md))
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
