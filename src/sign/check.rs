//! `tokenward check`: the token really signs. A fresh random challenge is signed with every
//! mechanism both the key and the token support, and each signature is verified on the host
//! against the certificate's public key (the token's public key when there is no certificate).

use std::time::Instant;

use cryptoki::session::Session;
use serde::Serialize;

use super::mechanism::{sign, SignMechanism};
use super::verify::verify;
use crate::cert::Validity;
use crate::error::{Result, VerifyError};
use crate::keys::generate::random_bytes;
use crate::keys::public::PublicKey;
use crate::token::certs::{KeyObject, TokenCert};
use crate::token::TokenRef;

/// How one mechanism did.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct MechanismResult {
    /// The mechanism.
    pub mechanism: SignMechanism,
    /// Signed and verified.
    pub passed: bool,
    /// Time the token took to sign, in milliseconds.
    pub sign_ms: f64,
    /// What went wrong, if it failed.
    pub error: Option<String>,
}

/// Something about the certificate or key that stops them being used to sign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    /// The certificate's public key is not the key's.
    CertificateKeyMismatch,
    /// The certificate has expired.
    CertificateExpired,
    /// The certificate is not valid yet.
    CertificateNotYetValid,
    /// The certificate's key usage does not allow signing.
    CertificateForbidsSigning,
    /// The key may not sign (CKA_SIGN false).
    KeyCannotSign,
    /// A mechanism failed.
    SignatureFailed,
    /// No mechanism both the key and the token support.
    NoMechanism,
}

impl Problem {
    /// The problem in the person's language ([`Problem::words`] in English).
    pub fn localized(&self) -> String {
        match self {
            Problem::CertificateKeyMismatch => crate::fl!("problem-certificate-key-mismatch"),
            Problem::CertificateExpired => crate::fl!("problem-certificate-expired"),
            Problem::CertificateNotYetValid => crate::fl!("problem-certificate-not-yet-valid"),
            Problem::CertificateForbidsSigning => crate::fl!("problem-certificate-forbids-signing"),
            Problem::KeyCannotSign => crate::fl!("problem-key-cannot-sign"),
            Problem::SignatureFailed => crate::fl!("problem-signature-failed"),
            Problem::NoMechanism => crate::fl!("problem-no-mechanism"),
        }
    }

    /// The problem in words.
    pub fn words(&self) -> &'static str {
        match self {
            Problem::CertificateKeyMismatch => "the certificate and the key do not belong together: signatures made with this key will not verify against this certificate",
            Problem::CertificateExpired => "the certificate has expired: signatures made with it will be rejected; ask your certificate authority for a new one",
            Problem::CertificateNotYetValid => "the certificate is not valid yet (check the computer's date)",
            Problem::CertificateForbidsSigning => "the certificate's key usage does not allow signing",
            Problem::KeyCannotSign => "the token does not allow this key to sign",
            Problem::SignatureFailed => "at least one signature failed",
            Problem::NoMechanism => "the key and the token share no signature mechanism",
        }
    }
}

/// The result of a check.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CheckReport {
    /// The key's label.
    pub key_label: String,
    /// The key's URI.
    pub key_uri: String,
    /// "RSA 2048", "EC P-256", …
    pub key_type: String,
    /// The certificate's subject, if one belongs to the key.
    pub certificate: Option<String>,
    /// What the signatures were verified against.
    pub verified_against: &'static str,
    /// One entry per mechanism tried.
    pub mechanisms: Vec<MechanismResult>,
    /// What stops the key and certificate from being used, if anything.
    pub problems: Vec<Problem>,
}

impl CheckReport {
    /// All good?
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// The mechanisms both the key and the token support.
///
/// # Errors
/// The module's errors.
pub fn usable_mechanisms(token: &TokenRef, public: &PublicKey) -> Result<Vec<SignMechanism>> {
    let listed = crate::trace::pkcs11("C_GetMechanismList", Some(token.slot), || {
        token.module.ctx().get_mechanism_list(token.slot)
    })?;
    Ok(SignMechanism::ALL
        .into_iter()
        .filter(|m| m.fits(public) && listed.contains(&m.token_mechanism()))
        .collect())
}

/// Run the check. The session must be logged in.
///
/// # Errors
/// The key's public half is unknown, or the module's errors; failed mechanisms are in the report.
pub fn check(
    token: &TokenRef,
    session: &Session,
    key: &KeyObject,
    keys: &[KeyObject],
    cert: Option<&TokenCert>,
) -> Result<CheckReport> {
    let token_public =
        PublicKey::of_pair(key, keys, cert.map(std::slice::from_ref).unwrap_or(&[]))?;
    let mut problems = Vec::new();
    let info = cert.and_then(|c| c.info.as_ref().ok());
    let (against, verified_against) = match info {
        Some(i) => (PublicKey::from_spki(&i.spki_der)?, "certificate"),
        None => (token_public.clone(), "token_public_key"),
    };
    if let Some(i) = info {
        if against.material() != token_public.material() {
            problems.push(Problem::CertificateKeyMismatch);
        }
        match i.validity {
            Validity::Expired => problems.push(Problem::CertificateExpired),
            Validity::NotYetValid => problems.push(Problem::CertificateNotYetValid),
            Validity::Valid => {}
        }
        if !i.can_sign {
            problems.push(Problem::CertificateForbidsSigning);
        }
    }
    if !key.sign {
        problems.push(Problem::KeyCannotSign);
    }
    let mechanisms = usable_mechanisms(token, &token_public)?;
    if mechanisms.is_empty() {
        problems.push(Problem::NoMechanism);
    }
    let mut results = Vec::new();
    for mechanism in mechanisms {
        let challenge = random_bytes(32)?;
        let started = Instant::now();
        let signed = sign(session, key.handle, mechanism, &challenge);
        let sign_ms = started.elapsed().as_secs_f64() * 1000.0;
        let outcome = signed.and_then(|sig| {
            if against.material() == token_public.material() {
                verify(&against, mechanism, &challenge, &sig)
            } else {
                // Say which half is wrong: the token's own public key checks the token.
                verify(&token_public, mechanism, &challenge, &sig)
                    .and(Err(VerifyError::CertificateKeyDiffers.into()))
            }
        });
        results.push(MechanismResult {
            mechanism,
            passed: outcome.is_ok(),
            sign_ms,
            error: outcome.err().map(|e| e.to_string()),
        });
    }
    if results.iter().any(|r| !r.passed) && !problems.contains(&Problem::CertificateKeyMismatch) {
        problems.push(Problem::SignatureFailed);
    }
    Ok(CheckReport {
        key_label: key.label.clone(),
        key_uri: key.uri.clone(),
        key_type: token_public.describe(),
        certificate: info.map(|i| i.subject.clone()),
        verified_against,
        mechanisms: results,
        problems,
    })
}
