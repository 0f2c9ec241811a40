//! Checking a signer's certificate chain up to a trusted CA certificate (`verify --ca`).

use x509_parser::prelude::{FromDer, X509Certificate};

use crate::error::{Result, VerifyError};

fn parse(der: &[u8]) -> Result<X509Certificate<'_>> {
    X509Certificate::from_der(der).map(|(_, c)| c).map_err(|e| {
        VerifyError::ChainUnreadable {
            reason: e.to_string(),
        }
        .into()
    })
}

/// Follow `leaf` through `pool` (certificates from the signature) to one of `anchors` (the
/// trusted CA certificates), checking each signature and validity period. Returns the subjects
/// from the leaf to the anchor.
///
/// # Errors
/// [`crate::Error::Verification`]: an unreadable, expired or untrusted certificate, or a chain too long.
pub fn verify_chain(leaf: &[u8], pool: &[Vec<u8>], anchors: &[Vec<u8>]) -> Result<Vec<String>> {
    let anchors: Vec<X509Certificate<'_>> =
        anchors.iter().map(|d| parse(d)).collect::<Result<_>>()?;
    let pool: Vec<X509Certificate<'_>> = pool.iter().filter_map(|d| parse(d).ok()).collect();
    let mut current = parse(leaf)?;
    let mut path = vec![current.subject().to_string()];
    for _ in 0..10 {
        if !current.validity().is_valid() {
            return Err(VerifyError::Expired {
                subject: current.subject().to_string(),
            }
            .into());
        }
        // A trusted certificate that issued this one ends the chain.
        if let Some(anchor) = anchors.iter().find(|a| {
            a.subject() == current.issuer()
                && current.verify_signature(Some(a.public_key())).is_ok()
        }) {
            if !anchor.validity().is_valid() {
                return Err(VerifyError::CaExpired {
                    subject: anchor.subject().to_string(),
                }
                .into());
            }
            path.push(format!("{} (trusted)", anchor.subject()));
            return Ok(path);
        }
        // The certificate itself may be the trusted one.
        if anchors.iter().any(|a| a.as_ref() == current.as_ref()) {
            path.push("(trusted)".into());
            return Ok(path);
        }
        let next = pool.iter().find(|c| {
            c.subject() == current.issuer()
                && c.as_ref() != current.as_ref()
                && current.verify_signature(Some(c.public_key())).is_ok()
        });
        match next {
            Some(issuer) => {
                path.push(issuer.subject().to_string());
                current = issuer.clone();
            }
            None => {
                return Err(VerifyError::Untrusted {
                    subject: current.subject().to_string(),
                    issuer: current.issuer().to_string(),
                }
                .into())
            }
        }
    }
    Err(VerifyError::ChainTooLong { max: 10 }.into())
}
