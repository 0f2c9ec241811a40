//! Keys that cannot be used as asked: key files that do not parse, keys of a kind tokenward
//! does not handle, keys the token forbids for the operation.

/// Why a key (on the token or in a file) cannot be used.
#[derive(Debug, thiserror::Error, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum KeyError {
    /// A key file's content does not parse.
    #[error("{what} ({reason})")]
    Malformed {
        /// What could not be read ("not a PKCS#8 private key", "broken RSA key").
        what: &'static str,
        /// The parser's words.
        reason: String,
    },
    /// An EC key without a named curve.
    #[error("the EC key names no curve")]
    NoCurve,
    /// An EC key file without its public point.
    #[error("the EC key file does not carry its public key")]
    NoPublicPoint,
    /// A key algorithm tokenward does not import.
    #[error("the key's algorithm ({oid}) is not one tokenward imports (RSA, EC, Ed25519)")]
    AlgorithmUnsupported {
        /// The algorithm OID.
        oid: String,
    },
    /// A public key algorithm tokenward does not read.
    #[error("public keys of algorithm {oid} are not supported (RSA, EC and Ed25519 are)")]
    PublicAlgorithmUnsupported {
        /// The algorithm OID.
        oid: String,
    },
    /// A PEM file is not text.
    #[error("the PEM file is not text")]
    PemNotText,
    /// An encrypted key and no way to get its password.
    #[error("the key is encrypted")]
    NeedsPassword,
    /// A key file that asks for a key derivation too costly to run.
    #[error("the key file asks for {asked}, more than tokenward runs ({limit})")]
    KdfTooCostly {
        /// What the file asks for.
        asked: String,
        /// The limit.
        limit: String,
    },
    /// The key file's public half is not the one its private half gives.
    #[error("the key file's public key does not belong to its private key")]
    PairMismatch,
    /// No private key in the file.
    #[error("the file holds no private key (looked for a PEM PRIVATE KEY block)")]
    NoPrivateKey,
    /// A PKCS#12 file without a private key.
    #[error("the PKCS#12 file holds no private key (only certificates)")]
    Pkcs12WithoutKey,
    /// A PKCS#12 file with several.
    #[error("the PKCS#12 file holds more than one private key")]
    Pkcs12SeveralKeys,
    /// A PKCS#12 file that does not parse.
    #[error("the file is not a readable PKCS#12 file ({reason})")]
    Pkcs12Unreadable {
        /// The parser's words.
        reason: String,
    },
    /// A certificate in a key file does not parse.
    #[error("a certificate in the key file is unreadable: {reason}")]
    CertificateUnreadable {
        /// The parser's words.
        reason: String,
    },
    /// The key's public half is not on the token.
    #[error("the public half of key \"{label}\" is not on the token (no public key object with id {id}), so it cannot be shown or used")]
    PublicHalfMissing {
        /// The key's label.
        label: String,
        /// Its CKA_ID in hex.
        id: String,
    },
    /// A key object whose attributes do not show its public key.
    #[error("key \"{label}\" does not show its public key")]
    PublicKeyHidden {
        /// The key's label.
        label: String,
    },
    /// A key type tokenward does not handle.
    #[error("key \"{label}\" is of a type tokenward does not handle (it handles RSA, EC P-256/P-384 and Ed25519)")]
    TypeUnsupported {
        /// The key's label.
        label: String,
    },
    /// The key is public; signing needs the private key.
    #[error("\"{label}\" is a public key; signing needs the private key")]
    NotPrivate {
        /// The key's label.
        label: String,
    },
    /// CKA_SIGN is false.
    #[error("the key \"{label}\" is not allowed to sign (the token marks it CKA_SIGN false)")]
    SignForbidden {
        /// The key's label.
        label: String,
    },
    /// CKA_ALWAYS_AUTHENTICATE.
    #[error("the key \"{label}\" asks for the PIN before every signature (CKA_ALWAYS_AUTHENTICATE); tokenward does not batch-sign with such keys yet")]
    AlwaysAuthenticate {
        /// The key's label.
        label: String,
    },
    /// The key type and the mechanism do not fit.
    #[error("a {key} key cannot make {mechanism} signatures")]
    MechanismMismatch {
        /// The key, in words.
        key: String,
        /// The mechanism's name.
        mechanism: String,
    },
    /// tokenward cannot sign with this kind of key.
    #[error("tokenward cannot sign with a {key} key")]
    CannotSign {
        /// The key, in words.
        key: String,
    },
    /// CMS does not take this mechanism.
    #[error("CMS signatures use RSA PKCS#1 v1.5, ECDSA or Ed25519, not {mechanism}")]
    NotForCms {
        /// The mechanism's name.
        mechanism: String,
    },
}

impl KeyError {
    /// What to do about it.
    pub fn hint(&self) -> Option<String> {
        use KeyError::*;
        Some(match self {
            NoPublicPoint => {
                "export it again with OpenSSL (`openssl pkey -in KEY -out NEW`)".into()
            }
            NeedsPassword => {
                "give its password with --password-file, --password-env or --password-stdin".into()
            }
            Pkcs12WithoutKey => "import certificates with `tokenward certs import`".into(),
            Pkcs12SeveralKeys => {
                "tokenward imports one key at a time (split it with openssl pkcs12)".into()
            }
            NotForCms { .. } => "use --format raw for it".into(),
            PairMismatch => "the file is damaged or was put together from two keys; export the key again. Nothing was written".into(),
            KdfTooCostly { .. } => "export the key again with usual settings (for example `openssl pkcs8 -topk8 -v2 aes-256-cbc`)".into(),
            _ => return None,
        })
    }
}
