//! Checking a signer's certificate chain up to a trusted CA certificate (`verify --ca`).

use x509_parser::prelude::{FromDer, X509Certificate};

use crate::error::{Error, Result};

fn parse(der: &[u8]) -> Result<X509Certificate<'_>> {
    X509Certificate::from_der(der)
        .map(|(_, c)| c)
        .map_err(|e| Error::Verification(format!("a certificate in the chain is unreadable: {e}")))
}

/// Follow `leaf` through `pool` (certificates from the signature) to one of `anchors` (the
/// trusted CA certificates), checking each signature and validity period. Returns the subjects
/// from the leaf to the anchor.
pub fn verify_chain(leaf: &[u8], pool: &[Vec<u8>], anchors: &[Vec<u8>]) -> Result<Vec<String>> {
    let anchors: Vec<X509Certificate<'_>> =
        anchors.iter().map(|d| parse(d)).collect::<Result<_>>()?;
    let pool: Vec<X509Certificate<'_>> = pool.iter().filter_map(|d| parse(d).ok()).collect();
    let mut current = parse(leaf)?;
    let mut path = vec![current.subject().to_string()];
    for _ in 0..10 {
        if !current.validity().is_valid() {
            return Err(Error::Verification(format!(
                "the certificate \"{}\" is outside its validity period",
                current.subject()
            )));
        }
        // A trusted certificate that issued this one ends the chain.
        if let Some(anchor) = anchors.iter().find(|a| {
            a.subject() == current.issuer()
                && current.verify_signature(Some(a.public_key())).is_ok()
        }) {
            if !anchor.validity().is_valid() {
                return Err(Error::Verification(format!(
                    "the CA certificate \"{}\" is outside its validity period",
                    anchor.subject()
                )));
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
                return Err(Error::Verification(format!(
                    "no trusted CA certificate issued \"{}\" (its issuer is \"{}\"); give the issuing CA's certificate with --ca",
                    current.subject(),
                    current.issuer()
                )))
            }
        }
    }
    Err(Error::Verification(
        "the certificate chain is longer than 10".into(),
    ))
}
