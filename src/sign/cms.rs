//! Detached CMS (PKCS#7) SignedData: made with a token key, and checked on the host.
//!
//! The structures are the `cms` crate's (RFC 5652) and are encoded by it; tokenward fills them
//! in: signed attributes contentType, signingTime and messageDigest, the signer certificate and
//! the chain found on the token, SHA-256 (SHA-384 for P-384 keys, SHA-512 for Ed25519 as RFC
//! 8419 asks). What `openssl cms -verify` accepts, and the other way round.

use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::content_info::{CmsVersion, ContentInfo};
use cms::signed_data::{
    CertificateSet, EncapsulatedContentInfo, SignedData, SignerIdentifier, SignerInfo, SignerInfos,
};
use der::asn1::{ObjectIdentifier, OctetString, SetOfVec, UtcTime};
use der::{Any, Decode, Encode};
use ring::signature::{self, UnparsedPublicKey, VerificationAlgorithm};
use serde::Serialize;
use spki::AlgorithmIdentifierOwned;
use x509_cert::attr::Attribute;
use x509_cert::Certificate;

use super::mechanism::SignMechanism;
use super::Content;
use crate::error::{Error, InputError, Internal, KeyError, Result, VerifyError};
use crate::keys::public::PublicKey;

const ID_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");
const ID_SIGNED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2");
const CONTENT_TYPE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.3");
const MESSAGE_DIGEST: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");
const SIGNING_TIME: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.5");
const SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
const SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.2");
const SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.3");
const RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const RSA_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11");
const RSA_SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.12");
const RSA_SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.13");
const EC_PUBLIC_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const ECDSA_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");
const ECDSA_SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.3");
const ECDSA_SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.4");
const ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");

fn token_cert_unreadable(what: &'static str, e: der::Error) -> Error {
    Internal::Encode {
        what,
        reason: e.to_string(),
    }
    .into()
}

fn der_err(e: der::Error) -> Error {
    Internal::Encode {
        what: "the CMS structure",
        reason: e.to_string(),
    }
    .into()
}

fn alg(oid: ObjectIdentifier, null_params: bool) -> AlgorithmIdentifierOwned {
    AlgorithmIdentifierOwned {
        oid,
        parameters: null_params.then(Any::null),
    }
}

/// The digest and signature algorithms a mechanism uses in CMS.
fn cms_algorithms(
    mechanism: SignMechanism,
) -> Result<(ObjectIdentifier, AlgorithmIdentifierOwned)> {
    Ok(match mechanism {
        SignMechanism::RsaPkcs1Sha256 => (SHA256, alg(RSA_SHA256, true)),
        SignMechanism::RsaPkcs1Sha384 => (SHA384, alg(RSA_SHA384, true)),
        SignMechanism::RsaPkcs1Sha512 => (SHA512, alg(RSA_SHA512, true)),
        SignMechanism::EcdsaSha256 => (SHA256, alg(ECDSA_SHA256, false)),
        SignMechanism::EcdsaSha384 => (SHA384, alg(ECDSA_SHA384, false)),
        SignMechanism::Ed25519 => (SHA512, alg(ED25519, false)),
        other => {
            return Err(KeyError::NotForCms {
                mechanism: other.to_string(),
            }
            .into())
        }
    })
}

fn digest_alg(oid: &ObjectIdentifier) -> Result<&'static ring::digest::Algorithm> {
    match *oid {
        SHA256 => Ok(&ring::digest::SHA256),
        SHA384 => Ok(&ring::digest::SHA384),
        SHA512 => Ok(&ring::digest::SHA512),
        other => Err(VerifyError::DigestUnsupported {
            oid: other.to_string(),
        }
        .into()),
    }
}

fn attribute(oid: ObjectIdentifier, value: Any) -> Result<Attribute> {
    let mut values = SetOfVec::new();
    values.insert(value).map_err(der_err)?;
    Ok(Attribute { oid, values })
}

/// Make a detached CMS SignedData (DER ContentInfo) over `content`. `sign` signs the DER of
/// the signed attributes with the token key and `mechanism`; `chain` are the issuers to
/// include after the signer's certificate.
///
/// # Errors
/// A mechanism CMS does not take, an unreadable certificate, the signature's failure.
pub fn sign_detached(
    content: &Content<'_>,
    signer_cert: &[u8],
    chain: &[Vec<u8>],
    mechanism: SignMechanism,
    sign: impl FnOnce(&[u8]) -> Result<Vec<u8>>,
) -> Result<Vec<u8>> {
    let (digest_oid, signature_algorithm) = cms_algorithms(mechanism)?;
    let digest = content.digest(digest_alg(&digest_oid)?)?;
    let cert = Certificate::from_der(signer_cert)
        .map_err(|e| token_cert_unreadable("the signer's certificate", e))?;
    let now = UtcTime::from_system_time(std::time::SystemTime::now()).map_err(der_err)?;
    let mut attrs = SetOfVec::new();
    for a in [
        attribute(CONTENT_TYPE, Any::encode_from(&ID_DATA).map_err(der_err)?)?,
        attribute(SIGNING_TIME, Any::encode_from(&now).map_err(der_err)?)?,
        attribute(
            MESSAGE_DIGEST,
            Any::encode_from(&OctetString::new(digest.as_ref()).map_err(der_err)?)
                .map_err(der_err)?,
        )?,
    ] {
        attrs.insert(a).map_err(der_err)?;
    }
    // The signature covers the DER of the attributes as a SET (RFC 5652 section 5.4).
    let to_sign = attrs.to_der().map_err(der_err)?;
    let signature = sign(&to_sign)?;
    let signer_info = SignerInfo {
        version: CmsVersion::V1,
        sid: SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
            issuer: cert.tbs_certificate().issuer().clone(),
            serial_number: cert.tbs_certificate().serial_number().clone(),
        }),
        digest_alg: alg(digest_oid, false),
        signed_attrs: Some(attrs),
        signature_algorithm,
        signature: OctetString::new(signature).map_err(der_err)?,
        unsigned_attrs: None,
    };
    let mut certificates = SetOfVec::new();
    certificates
        .insert(CertificateChoices::Certificate(cert))
        .map_err(der_err)?;
    for der in chain {
        let c = Certificate::from_der(der)
            .map_err(|e| token_cert_unreadable("a chain certificate", e))?;
        certificates
            .insert(CertificateChoices::Certificate(c))
            .map_err(der_err)?;
    }
    let mut digest_algorithms = SetOfVec::new();
    digest_algorithms
        .insert(alg(digest_oid, false))
        .map_err(der_err)?;
    let mut signer_infos = SetOfVec::new();
    signer_infos.insert(signer_info).map_err(der_err)?;
    let signed = SignedData {
        version: CmsVersion::V1,
        digest_algorithms,
        encap_content_info: EncapsulatedContentInfo {
            econtent_type: ID_DATA,
            econtent: None,
        },
        certificates: Some(CertificateSet(certificates)),
        crls: None,
        signer_infos: SignerInfos(signer_infos),
    };
    ContentInfo {
        content_type: ID_SIGNED_DATA,
        content: Any::encode_from(&signed).map_err(der_err)?,
    }
    .to_der()
    .map_err(der_err)
}

/// What verifying a CMS signature found.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CmsVerified {
    /// The signer's subject.
    pub signer: String,
    /// The signer certificate (DER) that verified.
    #[serde(skip)]
    pub signer_cert: Vec<u8>,
    /// The signing time the signature claims, if any (RFC 3339).
    pub signing_time: Option<String>,
    /// The digest algorithm.
    pub digest: &'static str,
    /// The certificates the signature carries (DER), for chain checks.
    #[serde(skip)]
    pub certificates: Vec<Vec<u8>>,
    /// What was checked, in order.
    #[serde(serialize_with = "crate::error::catalogue::english_list")]
    #[schemars(with = "Vec<String>")]
    pub checked: Vec<super::checked::Checked>,
}

/// Decode a CMS signature file: DER, or PEM (`PKCS7`, `CMS`).
///
/// # Errors
/// Broken PEM, not CMS, not SignedData, or damaged.
pub fn decode(data: &[u8]) -> Result<SignedData> {
    let der = if data.starts_with(b"-----BEGIN") {
        der::pem::decode_vec(data)
            .map_err(|e| InputError::SignatureBrokenPem {
                reason: e.to_string(),
            })?
            .1
    } else {
        data.to_vec()
    };
    let info = ContentInfo::from_der(&der).map_err(|e| InputError::SignatureNotCms {
        reason: e.to_string(),
    })?;
    if info.content_type != ID_SIGNED_DATA {
        return Err(InputError::CmsNotSignedData {
            content_type: info.content_type.to_string(),
        }
        .into());
    }
    info.content.decode_as::<SignedData>().map_err(|e| {
        InputError::CmsDamaged {
            reason: e.to_string(),
        }
        .into()
    })
}

/// Check a detached CMS signature over `content`. `extra_certs` may supply the signer's
/// certificate when the signature does not carry it.
///
/// # Errors
/// See [`decode`]; [`crate::Error::Verification`] when it does not verify.
pub fn verify_detached(
    content: &Content<'_>,
    signature_file: &[u8],
    extra_certs: &[Vec<u8>],
) -> Result<CmsVerified> {
    let signed = decode(signature_file)?;
    let mut certs: Vec<Vec<u8>> = extra_certs.to_vec();
    if let Some(set) = &signed.certificates {
        for choice in set.0.iter() {
            if let CertificateChoices::Certificate(c) = choice {
                certs.push(c.to_der().map_err(der_err)?);
            }
        }
    }
    let signer_info = signed
        .signer_infos
        .0
        .iter()
        .next()
        .ok_or(VerifyError::NoSigner)?;
    let mut checked = Vec::new();
    let digest_alg_ring = digest_alg(&signer_info.digest_alg.oid)?;
    let digest_name = match signer_info.digest_alg.oid {
        SHA384 => "SHA-384",
        SHA512 => "SHA-512",
        _ => "SHA-256",
    };
    // The signer's certificate.
    let (cert_der, _) = certs
        .iter()
        .find_map(|der| {
            let c = Certificate::from_der(der).ok()?;
            let tbs = c.tbs_certificate();
            let matches = match &signer_info.sid {
                SignerIdentifier::IssuerAndSerialNumber(ias) => {
                    &ias.issuer == tbs.issuer() && &ias.serial_number == tbs.serial_number()
                }
                SignerIdentifier::SubjectKeyIdentifier(ski) => {
                    crate::cert::parse(der).ok().and_then(|i| i.subject_key_id)
                        == Some(hex::encode(ski.0.as_bytes()))
                }
            };
            matches.then(|| (der.clone(), c))
        })
        .ok_or(VerifyError::SignerCertificateMissing)?;
    let info =
        crate::cert::parse(&cert_der).map_err(|reason| VerifyError::ChainUnreadable { reason })?;
    let public = PublicKey::from_spki(&info.spki_der)?;
    // The content digest, then the signature over the signed attributes.
    let signed_over = match &signer_info.signed_attrs {
        Some(attrs) => {
            let digest = content.digest(digest_alg_ring)?;
            let mut found = None;
            let mut signing_time = None;
            for a in attrs.iter() {
                let value = a.values.iter().next();
                match (a.oid, value) {
                    (MESSAGE_DIGEST, Some(v)) => found = v.decode_as::<OctetString>().ok(),
                    (CONTENT_TYPE, Some(v))
                        if v.decode_as::<ObjectIdentifier>().ok() != Some(ID_DATA) =>
                    {
                        return Err(VerifyError::ContentTypeNotData.into());
                    }
                    (SIGNING_TIME, Some(v)) => {
                        signing_time = v
                            .decode_as::<UtcTime>()
                            .ok()
                            .map(|t| t.to_unix_duration().as_secs());
                    }
                    _ => {}
                }
            }
            let found = found.ok_or(VerifyError::NoMessageDigest)?;
            if found.as_bytes() != digest.as_ref() {
                return Err(VerifyError::DigestDiffers {
                    digest: digest_name,
                }
                .into());
            }
            checked.push(super::checked::Checked::DigestMatches {
                digest: digest_name,
            });
            let time = signing_time.and_then(|s| {
                time::OffsetDateTime::from_unix_timestamp(s as i64)
                    .ok()
                    .and_then(|t| {
                        t.format(&time::format_description::well_known::Rfc3339)
                            .ok()
                    })
            });
            (attrs.to_der().map_err(der_err)?, time)
        }
        None => (content.to_vec()?, None),
    };
    let algorithm = ring_algorithm(
        &public,
        &signer_info.signature_algorithm.oid,
        &signer_info.digest_alg.oid,
    )?;
    let raw = public.raw()?;
    UnparsedPublicKey::new(algorithm, &raw)
        .verify(&signed_over.0, signer_info.signature.as_bytes())
        .map_err(|_| {
            Error::from(VerifyError::SignerMismatch {
                signer: info.subject_cn.clone(),
            })
        })?;
    checked.push(super::checked::Checked::SignerKey {
        signer: info.subject.clone(),
    });
    Ok(CmsVerified {
        signer: info.subject,
        signer_cert: cert_der,
        signing_time: signed_over.1,
        digest: digest_name,
        certificates: certs,
        checked,
    })
}

/// ring's algorithm for a CMS signature by this key, named by the signature and digest OIDs.
fn ring_algorithm(
    public: &PublicKey,
    sig: &ObjectIdentifier,
    digest: &ObjectIdentifier,
) -> Result<&'static dyn VerificationAlgorithm> {
    let curve = match public {
        PublicKey::Ec { params, .. } => crate::token::objects::curve_name(params),
        _ => None,
    };
    let hash = match *sig {
        RSA_SHA256 | ECDSA_SHA256 => SHA256,
        RSA_SHA384 | ECDSA_SHA384 => SHA384,
        RSA_SHA512 | ECDSA_SHA512 => SHA512,
        _ => *digest,
    };
    Ok(match (public, *sig, hash, curve.as_deref()) {
        (PublicKey::Rsa { .. }, RSA | RSA_SHA256 | RSA_SHA384 | RSA_SHA512, SHA256, _) => {
            &signature::RSA_PKCS1_2048_8192_SHA256
        }
        (PublicKey::Rsa { .. }, RSA | RSA_SHA256 | RSA_SHA384 | RSA_SHA512, SHA384, _) => {
            &signature::RSA_PKCS1_2048_8192_SHA384
        }
        (PublicKey::Rsa { .. }, RSA | RSA_SHA256 | RSA_SHA384 | RSA_SHA512, SHA512, _) => {
            &signature::RSA_PKCS1_2048_8192_SHA512
        }
        (
            PublicKey::Ec { .. },
            EC_PUBLIC_KEY | ECDSA_SHA256 | ECDSA_SHA384 | ECDSA_SHA512,
            SHA256,
            Some("P-256"),
        ) => &signature::ECDSA_P256_SHA256_ASN1,
        (
            PublicKey::Ec { .. },
            EC_PUBLIC_KEY | ECDSA_SHA256 | ECDSA_SHA384 | ECDSA_SHA512,
            SHA384,
            Some("P-256"),
        ) => &signature::ECDSA_P256_SHA384_ASN1,
        (
            PublicKey::Ec { .. },
            EC_PUBLIC_KEY | ECDSA_SHA256 | ECDSA_SHA384 | ECDSA_SHA512,
            SHA256,
            Some("P-384"),
        ) => &signature::ECDSA_P384_SHA256_ASN1,
        (
            PublicKey::Ec { .. },
            EC_PUBLIC_KEY | ECDSA_SHA256 | ECDSA_SHA384 | ECDSA_SHA512,
            SHA384,
            Some("P-384"),
        ) => &signature::ECDSA_P384_SHA384_ASN1,
        (PublicKey::Ed25519(_), ED25519, _, _) => &signature::ED25519,
        _ => {
            return Err(VerifyError::AlgorithmUnsupported {
                algorithm: sig.to_string(),
                key: public.describe(),
            }
            .into())
        }
    })
}
