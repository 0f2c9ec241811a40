//! Failures that are not the user's doing: the operating system, an encoder, or a module that
//! answered in a way PKCS#11 does not allow.

/// Something failed that the user cannot fix by changing the input.
#[derive(Debug, thiserror::Error, strum::IntoStaticStr, serde::Serialize, strum::VariantNames)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum Internal {
    /// The operating system's random generator failed.
    Random,
    /// Encoding a structure failed.
    Encode {
        /// What ("the signature", "the public key").
        what: &'static str,
        /// The encoder's words.
        reason: String,
    },
    /// The token returned something malformed.
    TokenAnswer {
        /// What, in words ("an ECDSA signature of odd length 63").
        what: String,
    },
    /// Local cryptography failed (derivation, sealing, wrapping).
    Crypto {
        /// What ("key derivation", "sealing").
        what: &'static str,
    },
    /// The token refused to sign a certificate request.
    CsrRefused,
    /// A key just generated is not visible.
    NewKeyInvisible,
    /// Written data did not read back the same.
    ReadBackDiffers,
    /// The token was initialised but cannot be found again.
    TokenLost {
        /// The new label.
        label: String,
    },
    /// A signal handler (Ctrl-C) could not be installed.
    Signal(String),
    /// Writing JSON failed.
    Json {
        /// serde_json's words.
        reason: String,
    },
}

super::catalogue::catalogued!(Internal, "internal");
