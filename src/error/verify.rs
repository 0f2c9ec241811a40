//! Why a signature or a certificate did not verify (exit code 7).

/// What failed when checking a signature or a chain.
#[derive(Debug, thiserror::Error, strum::IntoStaticStr, serde::Serialize, strum::VariantNames)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum VerifyError {
    /// The signature does not match the data and the key.
    RawMismatch {
        /// The mechanism's name.
        mechanism: String,
        /// The key, in words.
        key: String,
    },
    /// The CMS signature does not match the signer's key.
    SignerMismatch {
        /// The signer's common name.
        signer: String,
    },
    /// The signed digest differs from the file's.
    DigestDiffers {
        /// The digest's name.
        digest: &'static str,
    },
    /// A digest algorithm tokenward does not accept.
    DigestUnsupported {
        /// Its OID.
        oid: String,
    },
    /// A signature algorithm tokenward does not check.
    AlgorithmUnsupported {
        /// The algorithm's OID.
        algorithm: String,
        /// The key, in words.
        key: String,
    },
    /// No signer in the CMS file.
    NoSigner,
    /// The signer's certificate is missing.
    SignerCertificateMissing,
    /// The content type is not data.
    ContentTypeNotData,
    /// No message-digest attribute.
    NoMessageDigest,
    /// A chain certificate is unreadable.
    ChainUnreadable {
        /// The parser's words.
        reason: String,
    },
    /// No valid path from the certificate to a trusted CA.
    PathInvalid {
        /// OpenSSL's words for the first problem of the best path.
        reason: String,
        /// Where in the path.
        depth: u32,
    },
    /// The signer's key usage does not allow signing.
    SignerMayNotSign,
    /// The token's signature matches the token key but not the certificate.
    CertificateKeyDiffers,
}

super::catalogue::catalogued!(VerifyError, "verify");
