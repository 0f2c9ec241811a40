//! Failures that are not the user's doing: the operating system, an encoder, or a module that
//! answered in a way PKCS#11 does not allow.

/// Something failed that the user cannot fix by changing the input.
#[derive(Debug, thiserror::Error, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum Internal {
    /// The operating system's random generator failed.
    #[error("the operating system's random generator failed")]
    Random,
    /// Encoding a structure failed.
    #[error("cannot encode {what}: {reason}")]
    Encode {
        /// What ("the signature", "the public key").
        what: &'static str,
        /// The encoder's words.
        reason: String,
    },
    /// The token returned something malformed.
    #[error("the token returned {what}")]
    TokenAnswer {
        /// What, in words ("an ECDSA signature of odd length 63").
        what: String,
    },
    /// Local cryptography failed (derivation, sealing, wrapping).
    #[error("{what} failed")]
    Crypto {
        /// What ("key derivation", "sealing").
        what: &'static str,
    },
    /// The token refused to sign a certificate request.
    #[error("the token refused to sign the certificate request")]
    CsrRefused,
    /// A key just generated is not visible.
    #[error("the new key is not visible on the token")]
    NewKeyInvisible,
    /// Written data did not read back the same.
    #[error(
        "the recovery data written to the token did not read back the same; it was removed again"
    )]
    ReadBackDiffers,
    /// The token was initialised but cannot be found again.
    #[error("the token was initialised but cannot be found again (label {label:?})")]
    TokenLost {
        /// The new label.
        label: String,
    },
    /// Writing JSON failed.
    #[error("cannot write JSON: {reason}")]
    Json {
        /// serde_json's words.
        reason: String,
    },
}

impl Internal {
    /// What to do about it.
    pub fn hint(&self) -> Option<String> {
        match self {
            Internal::TokenLost { .. } => Some(
                "run `tokenward tokens` and set the user PIN with `tokenward pin unblock`".into(),
            ),
            _ => None,
        }
    }
}
