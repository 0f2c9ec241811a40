//! What stops a guided setup that the commands' own errors do not say.

/// Why `setup` stopped.
#[derive(Debug, thiserror::Error, strum::IntoStaticStr, strum::VariantNames, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum SetupError {
    /// The doctor found something that blocks use.
    Blocked {
        /// The finding's id.
        finding: String,
        /// What it found, in English.
        message: String,
        /// What it found, in the person's language.
        words: String,
        /// What to do, in English.
        fix: Option<String>,
        /// What to do, in the person's language.
        fix_words: Option<String>,
    },
    /// No certificate on the token can be used to sign.
    NoUsableCertificate {
        /// The token's label.
        token: String,
        /// Why, as an id: `no_certificate`, `expired`, `no_key`, `list_only`,
        /// `not_for_signing`.
        why: String,
    },
    /// A program has no profile on this computer.
    NoProfile {
        /// The program.
        program: String,
    },
    /// The signing check failed.
    SigningFailed,
}

super::catalogue::catalogued!(SetupError, "setup");
