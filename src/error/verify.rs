//! Why a signature or a certificate did not verify (exit code 7).

/// What failed when checking a signature or a chain.
#[derive(Debug, thiserror::Error, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum VerifyError {
    /// The signature does not match the data and the key.
    #[error("the {mechanism} signature does not match the data and the {key} public key")]
    RawMismatch {
        /// The mechanism's name.
        mechanism: String,
        /// The key, in words.
        key: String,
    },
    /// The CMS signature does not match the signer's key.
    #[error("the signature does not match {signer}'s public key")]
    SignerMismatch {
        /// The signer's common name.
        signer: String,
    },
    /// The signed digest differs from the file's.
    #[error("the file's {digest} digest differs from the one signed: the file was changed, or the signature is for another file")]
    DigestDiffers {
        /// The digest's name.
        digest: &'static str,
    },
    /// A digest algorithm tokenward does not accept.
    #[error("the signature uses digest algorithm {oid}, which tokenward does not accept (SHA-256, SHA-384, SHA-512)")]
    DigestUnsupported {
        /// Its OID.
        oid: String,
    },
    /// A signature algorithm tokenward does not check.
    #[error("the signature algorithm {algorithm} with a {key} key is not one tokenward checks")]
    AlgorithmUnsupported {
        /// The algorithm's OID.
        algorithm: String,
        /// The key, in words.
        key: String,
    },
    /// No signer in the CMS file.
    #[error("the CMS file has no signer")]
    NoSigner,
    /// The signer's certificate is missing.
    #[error("the signer's certificate is neither in the signature nor given with --cert")]
    SignerCertificateMissing,
    /// The content type is not data.
    #[error("the signed content type is not plain data")]
    ContentTypeNotData,
    /// No message-digest attribute.
    #[error("the signature has no message digest attribute")]
    NoMessageDigest,
    /// A chain certificate is unreadable.
    #[error("a certificate in the chain is unreadable: {reason}")]
    ChainUnreadable {
        /// The parser's words.
        reason: String,
    },
    /// No valid path from the certificate to a trusted CA.
    #[error("the certificate path is not valid: {reason} (at certificate {depth} of the path, counting the signer's as 0)")]
    PathInvalid {
        /// OpenSSL's words for the first problem of the best path.
        reason: String,
        /// Where in the path.
        depth: u32,
    },
    /// The signer's key usage does not allow signing.
    #[error("the signer's certificate does not allow signing (its key usage has neither digitalSignature nor nonRepudiation)")]
    SignerMayNotSign,
    /// The token's signature matches the token key but not the certificate.
    #[error("the signature is good for the key on the token, not for the certificate")]
    CertificateKeyDiffers,
}

impl VerifyError {
    /// What to do about it.
    pub fn hint(&self) -> Option<String> {
        match self {
            VerifyError::PathInvalid { .. } => Some(
                "the signer's certificate does not lead to a CA you trust: give the right --ca (and any intermediate with --chain), or ask who sent the file".into(),
            ),
            _ => None,
        }
    }
}
