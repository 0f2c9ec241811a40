//! Keys that cannot be used as asked: key files that do not parse, keys of a kind tokenward
//! does not handle, keys the token forbids for the operation.

/// Why a key (on the token or in a file) cannot be used.
#[derive(Debug, thiserror::Error, strum::IntoStaticStr, serde::Serialize, strum::VariantNames)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum KeyError {
    /// A key file's content does not parse.
    Malformed {
        /// What could not be read ("not a PKCS#8 private key", "broken RSA key").
        what: &'static str,
        /// The parser's words.
        reason: String,
    },
    /// An EC key without a named curve.
    NoCurve,
    /// An EC key file without its public point.
    NoPublicPoint,
    /// A key algorithm tokenward does not import.
    AlgorithmUnsupported {
        /// The algorithm OID.
        oid: String,
    },
    /// A public key algorithm tokenward does not read.
    PublicAlgorithmUnsupported {
        /// The algorithm OID.
        oid: String,
    },
    /// A PEM file is not text.
    PemNotText,
    /// An encrypted key and no way to get its password.
    NeedsPassword,
    /// A key file that asks for a key derivation too costly to run.
    KdfTooCostly {
        /// What the file asks for.
        asked: String,
        /// The limit.
        limit: String,
    },
    /// The key file's public half is not the one its private half gives.
    PairMismatch,
    /// No private key in the file.
    NoPrivateKey,
    /// A PKCS#12 file without a private key.
    Pkcs12WithoutKey,
    /// A PKCS#12 file with several.
    Pkcs12SeveralKeys,
    /// A PKCS#12 file that does not parse.
    Pkcs12Unreadable {
        /// The parser's words.
        reason: String,
    },
    /// A certificate in a key file does not parse.
    CertificateUnreadable {
        /// The parser's words.
        reason: String,
    },
    /// The key's public half is not on the token.
    PublicHalfMissing {
        /// The key's label.
        label: String,
        /// Its CKA_ID in hex.
        id: String,
    },
    /// A key object whose attributes do not show its public key.
    PublicKeyHidden {
        /// The key's label.
        label: String,
    },
    /// A key type tokenward does not handle.
    TypeUnsupported {
        /// The key's label.
        label: String,
    },
    /// The key is public; signing needs the private key.
    NotPrivate {
        /// The key's label.
        label: String,
    },
    /// CKA_SIGN is false.
    SignForbidden {
        /// The key's label.
        label: String,
    },
    /// CKA_ALWAYS_AUTHENTICATE.
    AlwaysAuthenticate {
        /// The key's label.
        label: String,
    },
    /// The key type and the mechanism do not fit.
    MechanismMismatch {
        /// The key, in words.
        key: String,
        /// The mechanism's name.
        mechanism: String,
    },
    /// tokenward cannot sign with this kind of key.
    CannotSign {
        /// The key, in words.
        key: String,
    },
    /// CMS does not take this mechanism.
    NotForCms {
        /// The mechanism's name.
        mechanism: String,
    },
}

super::catalogue::catalogued!(KeyError, "key");
