//! What can go wrong in PIN recovery: the sign-in, the recovery key, the sealed data.

/// Why the sign-in did not prove the account.
#[derive(Debug, thiserror::Error, strum::IntoStaticStr, serde::Serialize, strum::VariantNames)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum IdentityFailure {
    /// The provider answered with an error.
    ProviderRefused {
        /// The OAuth error code.
        error: String,
        /// Its description, if any.
        description: Option<String>,
    },
    /// No authorization code.
    NoCode,
    /// The code exchange failed.
    ExchangeFailed {
        /// The client's words.
        reason: String,
    },
    /// No ID token.
    NoIdToken,
    /// The ID token did not verify.
    IdTokenInvalid {
        /// The verifier's words.
        reason: String,
    },
    /// No email claim, in the ID token nor from the userinfo endpoint.
    NoEmail,
    /// The userinfo endpoint could not be asked.
    UserInfoFailed {
        /// The client's words.
        reason: String,
    },
    /// The userinfo endpoint described another account than the ID token.
    UserInfoOtherSubject,
    /// The email is not verified.
    EmailNotVerified {
        /// The address.
        email: String,
    },
    /// Another account signed in.
    WrongAccount {
        /// Who signed in.
        email: String,
        /// Who was asked for: the enrolled account, or the one named at enrolment.
        expected: String,
        /// Recovery is set up for `expected` (false: an enrolment asked for it).
        enrolled: bool,
    },
    /// The mail scope was not granted.
    MailScopeMissing,
}

super::catalogue::catalogued!(IdentityFailure, "identity");

/// Why a typed recovery key was refused before anything was tried.
#[derive(Debug, thiserror::Error, strum::IntoStaticStr, serde::Serialize, strum::VariantNames)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum KeyTypo {
    /// Wrong length.
    Length {
        /// The right length.
        expected: usize,
        /// The length typed.
        got: usize,
    },
    /// A character no recovery key uses.
    Character {
        /// Its position, from 1.
        position: usize,
    },
    /// The checksum does not match.
    Checksum,
}

super::catalogue::catalogued!(KeyTypo, "recovery-key");

/// Why there is no recovery to use.
#[derive(Debug, thiserror::Error, strum::IntoStaticStr, serde::Serialize, strum::VariantNames)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum NotEnrolled {
    /// Nothing to revoke.
    NothingToRevoke {
        /// The token's label.
        token: String,
    },
    /// Nothing to recover with.
    NoRecovery {
        /// The token's label.
        token: String,
    },
    /// The data was made for another token.
    OtherToken {
        /// The token's label.
        token: String,
        /// The serial the data names.
        serial: String,
    },
}

super::catalogue::catalogued!(NotEnrolled, "not-enrolled");

/// Recovery that cannot go on for a reason of its own.
#[derive(Debug, thiserror::Error, strum::IntoStaticStr, serde::Serialize, strum::VariantNames)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum RecoveryError {
    /// `recovery.issuer` is not a URL.
    IssuerNotUrl {
        /// The configured issuer.
        issuer: String,
        /// The parser's words.
        reason: String,
    },
    /// No OAuth client configured.
    NoClient,
    /// A blob of a version this tokenward cannot read.
    BlobVersion {
        /// Its version.
        version: u32,
    },
    /// A damaged blob.
    BlobDamaged {
        /// The parser's words, if any.
        reason: Option<String>,
    },
    /// The sealed SO PIN no longer works: the recovery copy is out of date.
    StaleSoPin,
    /// The blob was enrolled at another provider than the configured one.
    OtherIssuer {
        /// The issuer the blob names.
        enrolled: String,
        /// The configured issuer.
        configured: String,
    },
    /// The token reports a wrong SO PIN attempt, so the sealed copy is not tried.
    SoPinDoubtful,
    /// The blob could not be written after the mail went out.
    NotStoredAfterMail {
        /// What failed.
        #[serde(serialize_with = "super::catalogue::display")]
        cause: Box<crate::Error>,
    },
}

super::catalogue::catalogued!(RecoveryError, "recovery");
