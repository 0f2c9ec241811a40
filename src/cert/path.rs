//! Certificate path validation for document signing, by OpenSSL's validator (the `openssl`
//! crate over the system library), under RFC 5280 and the profile rules `openssl verify
//! -x509_strict` applies.
//!
//! Why OpenSSL and not rustls-webpki: webpki validates for TLS and rejects every chain whose
//! CA constrains directory names (it does not implement them), and Russian and Mexican signing
//! CAs use them; OpenSSL honours subject-DN and email name constraints, tries every candidate
//! issuer, and is the validator the peers here are checked against.
//!
//! What is checked: every issuer is a CA (basicConstraints cA=TRUE, keyCertSign), path length
//! and name constraints, unknown critical extensions, signatures, validity at the given time
//! (notAfter inclusive), the strict profile (a CA with an empty subject, a root whose
//! basicConstraints is missing or not critical, missing key identifiers, keyCertSign on a
//! certificate that is not a CA), and that the signer's own key usage allows signing
//! (digitalSignature or nonRepudiation). No extended key usage is demanded of the signer.
//! A `--ca` certificate is a trust anchor even when it is not self-signed. Revocation is not
//! checked, and the result says so.

use openssl::stack::Stack;
use openssl::x509::store::X509StoreBuilder;
use openssl::x509::verify::{X509VerifyFlags, X509VerifyParam};
use openssl::x509::{X509PurposeId, X509StoreContext, X509};
use serde::Serialize;
use time::OffsetDateTime;

use crate::error::{Result, VerifyError};

/// The longest path tried (OpenSSL's default is 100).
pub const MAX_DEPTH: i32 = 32;

/// A path that validated.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ValidPath {
    /// The subjects from the signer's certificate to the trust anchor.
    pub chain: Vec<String>,
    /// The time the path was valid at (RFC 3339, UTC).
    pub at: String,
    /// Always false: revocation (CRL, OCSP) is not checked.
    pub revocation_checked: bool,
}

/// Validate `leaf` up to one of `anchors`, through any of `intermediates`, at `at` (now
/// when `None`).
///
/// # Errors
/// [`crate::Error::Verification`] with the reason when no path is valid; an unreadable
/// certificate.
pub fn validate(
    leaf: &[u8],
    intermediates: &[Vec<u8>],
    anchors: &[Vec<u8>],
    at: Option<OffsetDateTime>,
) -> Result<ValidPath> {
    let at = at.unwrap_or_else(OffsetDateTime::now_utc);
    match validate_at(leaf, intermediates, anchors, at.unix_timestamp(), at) {
        // RFC 5280 4.1.2.5: the validity period includes notAfter; OpenSSL treats the second
        // of notAfter as expired. At exactly that second, check again one second earlier.
        Err(Expired { not_after }) if not_after == at.unix_timestamp() => {
            validate_at(leaf, intermediates, anchors, not_after - 1, at).map_err(Into::into)
        }
        other => other.map_err(Into::into),
    }
}

/// Why [`validate_at`] failed.
enum Failure {
    /// A certificate's notAfter (Unix seconds) is before the time checked.
    Expired { not_after: i64 },
    /// Anything else.
    Other(crate::Error),
}
use Failure::Expired;

impl From<Failure> for crate::Error {
    fn from(f: Failure) -> Self {
        match f {
            Failure::Expired { .. } => VerifyError::PathInvalid {
                reason: "certificate has expired".into(),
                depth: 0,
            }
            .into(),
            Failure::Other(e) => e,
        }
    }
}

impl From<crate::Error> for Failure {
    fn from(e: crate::Error) -> Self {
        Failure::Other(e)
    }
}

impl From<VerifyError> for Failure {
    fn from(e: VerifyError) -> Self {
        Failure::Other(e.into())
    }
}

fn validate_at(
    leaf: &[u8],
    intermediates: &[Vec<u8>],
    anchors: &[Vec<u8>],
    when: i64,
    at: OffsetDateTime,
) -> std::result::Result<ValidPath, Failure> {
    let parse = |der: &[u8]| {
        X509::from_der(der).map_err(|e| VerifyError::ChainUnreadable {
            reason: e.to_string(),
        })
    };
    let leaf_cert = parse(leaf)?;
    signer_may_sign(leaf)?;
    let mut store = X509StoreBuilder::new().map_err(openssl_failed)?;
    for a in anchors {
        store.add_cert(parse(a)?).map_err(openssl_failed)?;
    }
    let mut param = X509VerifyParam::new().map_err(openssl_failed)?;
    param
        .set_flags(X509VerifyFlags::X509_STRICT | X509VerifyFlags::PARTIAL_CHAIN)
        .map_err(openssl_failed)?;
    param
        .set_purpose(X509PurposeId::ANY)
        .map_err(openssl_failed)?;
    param.set_time(when as _);
    param.set_depth(MAX_DEPTH);
    store.set_param(&param).map_err(openssl_failed)?;
    let store = store.build();
    let mut chain = Stack::new().map_err(openssl_failed)?;
    for i in intermediates {
        chain.push(parse(i)?).map_err(openssl_failed)?;
    }
    let mut ctx = X509StoreContext::new().map_err(openssl_failed)?;
    let outcome = ctx
        .init(&store, &leaf_cert, &chain, |c| {
            let ok = c.verify_cert()?;
            let chain = c.chain();
            let subjects: Vec<String> = chain
                .map(|s| s.iter().map(subject_words).collect())
                .unwrap_or_default();
            let ders: Vec<Vec<u8>> = chain
                .map(|s| s.iter().filter_map(|x| x.to_der().ok()).collect())
                .unwrap_or_default();
            Ok((ok, c.error(), c.error_depth(), subjects, ders))
        })
        .map_err(openssl_failed)?;
    let (ok, error, depth, subjects, ders) = outcome;
    // X509_V_ERR_CERT_HAS_EXPIRED
    if !ok && error.as_raw() == 10 {
        if let Some(not_after) = ders.get(depth as usize).and_then(|d| not_after(d)) {
            return Err(Expired { not_after });
        }
    }
    if !ok {
        return Err(VerifyError::PathInvalid {
            reason: error.error_string().to_string(),
            depth,
        }
        .into());
    }
    key_identifiers(&ders)?;
    Ok(ValidPath {
        chain: subjects,
        at: at
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default(),
        revocation_checked: false,
    })
}

/// A certificate's notAfter, Unix seconds.
fn not_after(der: &[u8]) -> Option<i64> {
    use x509_parser::prelude::{FromDer, X509Certificate};
    let (_, cert) = X509Certificate::from_der(der).ok()?;
    Some(cert.validity().not_after.timestamp())
}

/// RFC 5280 4.2.1.1-2: every certificate but a self-signed root names its issuer's key
/// (authorityKeyIdentifier), and every CA names its own (subjectKeyIdentifier).
fn key_identifiers(path: &[Vec<u8>]) -> Result<()> {
    use x509_parser::prelude::{FromDer, X509Certificate};
    for (depth, der) in path.iter().enumerate() {
        let Ok((_, cert)) = X509Certificate::from_der(der) else {
            continue;
        };
        let self_signed = cert.subject() == cert.issuer();
        let has = |oid: &x509_parser::der_parser::oid::Oid<'_>| {
            cert.extensions().iter().any(|e| &e.oid == oid)
        };
        let aki = has(&x509_parser::oid_registry::OID_X509_EXT_AUTHORITY_KEY_IDENTIFIER);
        let ski = has(&x509_parser::oid_registry::OID_X509_EXT_SUBJECT_KEY_IDENTIFIER);
        let missing = if !self_signed && !aki {
            Some("the authority key identifier is missing")
        } else if cert.is_ca() && !ski {
            Some("the subject key identifier of a CA certificate is missing")
        } else {
            None
        };
        if let Some(reason) = missing {
            return Err(VerifyError::PathInvalid {
                reason: reason.into(),
                depth: depth as u32,
            }
            .into());
        }
    }
    Ok(())
}

/// The signer's key usage, when it is restricted, must allow signatures.
fn signer_may_sign(leaf: &[u8]) -> Result<()> {
    use x509_parser::prelude::{FromDer, X509Certificate};
    let (_, cert) = X509Certificate::from_der(leaf).map_err(|e| VerifyError::ChainUnreadable {
        reason: e.to_string(),
    })?;
    match cert.key_usage() {
        Ok(Some(ku)) if !(ku.value.digital_signature() || ku.value.non_repudiation()) => {
            Err(VerifyError::SignerMayNotSign.into())
        }
        Ok(_) => Ok(()),
        Err(e) => Err(VerifyError::ChainUnreadable {
            reason: e.to_string(),
        }
        .into()),
    }
}

/// The subject in the one order tokenward shows names in everywhere (CN first, national
/// attributes by name: [`super::dn_string`]).
fn subject_words(cert: &openssl::x509::X509Ref) -> String {
    use x509_parser::prelude::{FromDer, X509Certificate};
    cert.to_der()
        .ok()
        .and_then(|der| {
            X509Certificate::from_der(&der)
                .ok()
                .map(|(_, c)| super::dn_string(c.subject()))
        })
        .unwrap_or_default()
}

fn openssl_failed(e: openssl::error::ErrorStack) -> crate::Error {
    crate::error::Internal::Crypto {
        what: if e.errors().is_empty() {
            "certificate path validation"
        } else {
            "OpenSSL's certificate path validation"
        },
    }
    .into()
}
