//! What can go wrong in PIN recovery: the sign-in, the recovery key, the sealed data.

/// Why the sign-in did not prove the account.
#[derive(Debug, thiserror::Error, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum IdentityFailure {
    /// The provider answered with an error.
    #[error("the provider refused the sign-in: {error}{}", description.as_deref().map(|d| format!(" ({d})")).unwrap_or_default())]
    ProviderRefused {
        /// The OAuth error code.
        error: String,
        /// Its description, if any.
        description: Option<String>,
    },
    /// No authorization code.
    #[error("the provider sent no authorization code")]
    NoCode,
    /// The code exchange failed.
    #[error("the provider did not exchange the sign-in for a token: {reason}")]
    ExchangeFailed {
        /// The client's words.
        reason: String,
    },
    /// No ID token.
    #[error("the provider sent no ID token")]
    NoIdToken,
    /// The ID token did not verify.
    #[error("the ID token is not valid: {reason}")]
    IdTokenInvalid {
        /// The verifier's words.
        reason: String,
    },
    /// No email claim, in the ID token nor from the userinfo endpoint.
    #[error("the provider gave no email address for the account (in the ID token nor from its userinfo endpoint)")]
    NoEmail,
    /// The userinfo endpoint could not be asked.
    #[error(
        "the provider's userinfo endpoint did not answer with the account's details: {reason}"
    )]
    UserInfoFailed {
        /// The client's words.
        reason: String,
    },
    /// The userinfo endpoint described another account than the ID token.
    #[error("the provider's userinfo endpoint describes another account than the one that signed in (its subject differs from the ID token's)")]
    UserInfoOtherSubject,
    /// The email is not verified.
    #[error("the provider has not verified the address {email}")]
    EmailNotVerified {
        /// The address.
        email: String,
    },
    /// Another account signed in.
    #[error("{}", if *enrolled {
        format!("you signed in as {email}, but recovery on this token is set up for {expected}")
    } else {
        format!("you signed in as {email}, but asked to set up recovery for {expected}; nothing was set up")
    })]
    WrongAccount {
        /// Who signed in.
        email: String,
        /// Who was asked for: the enrolled account, or the one named at enrolment.
        expected: String,
        /// Recovery is set up for `expected` (false: an enrolment asked for it).
        enrolled: bool,
    },
    /// The mail scope was not granted.
    #[error("the permission to send mail from your account was not granted")]
    MailScopeMissing,
}

impl IdentityFailure {
    /// What to do about it.
    pub fn hint(&self) -> Option<String> {
        use IdentityFailure::*;
        Some(match self {
            EmailNotVerified { .. } => "verify it with your provider first".into(),
            WrongAccount { expected, .. } => format!("sign in with {expected}"),
            MailScopeMissing => {
                "tokenward needs it to mail you the recovery key; allow it when you sign in again"
                    .into()
            }
            _ => return None,
        })
    }
}

/// Why a typed recovery key was refused before anything was tried.
#[derive(Debug, thiserror::Error, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum KeyTypo {
    /// Wrong length.
    #[error("a recovery key has {expected} letters and digits (not counting the dashes); this one has {got}")]
    Length {
        /// The right length.
        expected: usize,
        /// The length typed.
        got: usize,
    },
    /// A character no recovery key uses.
    #[error("character {position} is not one a recovery key uses (letters A-Z and digits 2-7)")]
    Character {
        /// Its position, from 1.
        position: usize,
    },
    /// The checksum does not match.
    #[error("its checksum does not match, so at least one character is wrong")]
    Checksum,
}

/// Why there is no recovery to use.
#[derive(Debug, thiserror::Error, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum NotEnrolled {
    /// Nothing to revoke.
    #[error("token \"{token}\" has no recovery set up; nothing to revoke")]
    NothingToRevoke {
        /// The token's label.
        token: String,
    },
    /// Nothing to recover with.
    #[error("token \"{token}\" has no recovery set up")]
    NoRecovery {
        /// The token's label.
        token: String,
    },
    /// The data was made for another token.
    #[error("the recovery data on token \"{token}\" was made for another token (serial {serial}); it cannot reset this token's PIN")]
    OtherToken {
        /// The token's label.
        token: String,
        /// The serial the data names.
        serial: String,
    },
}

/// Recovery that cannot go on for a reason of its own.
#[derive(Debug, thiserror::Error, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum RecoveryError {
    /// `recovery.issuer` is not a URL.
    #[error("recovery.issuer {issuer:?} is not a URL: {reason}")]
    IssuerNotUrl {
        /// The configured issuer.
        issuer: String,
        /// The parser's words.
        reason: String,
    },
    /// No OAuth client configured.
    #[error("recovery needs an OAuth client: set recovery.client_id (and client_secret) in the configuration")]
    NoClient,
    /// A blob of a version this tokenward cannot read.
    #[error("this recovery data is version {version}, which this tokenward cannot read")]
    BlobVersion {
        /// Its version.
        version: u32,
    },
    /// A damaged blob.
    #[error("the recovery data on the token is damaged{}", reason.as_deref().map(|r| format!(" ({r})")).unwrap_or_default())]
    BlobDamaged {
        /// The parser's words, if any.
        reason: Option<String>,
    },
    /// The sealed SO PIN no longer works: the recovery copy is out of date.
    #[error("the recovery copy of the SO PIN is out of date: the token refused it (the SO PIN was changed after recovery was set up)")]
    StaleSoPin,
    /// The blob was enrolled at another provider than the configured one.
    #[error("the recovery data on this token was set up with the sign-in provider {enrolled}, not the configured {configured}")]
    OtherIssuer {
        /// The issuer the blob names.
        enrolled: String,
        /// The configured issuer.
        configured: String,
    },
    /// The token reports a wrong SO PIN attempt, so the sealed copy is not tried.
    #[error("the token reports a wrong SO PIN attempt, so recovery does not try its copy of the SO PIN (it may be out of date, and each try brings the SO PIN closer to locking)")]
    SoPinDoubtful,
    /// The blob could not be written after the mail went out.
    #[error("the recovery data could not be stored on the token: {cause}")]
    NotStoredAfterMail {
        /// What failed.
        cause: Box<crate::Error>,
    },
}

impl RecoveryError {
    /// What to do about it.
    pub fn hint(&self) -> Option<String> {
        use RecoveryError::*;
        Some(match self {
            NoClient => "docs/recovery.md explains how to create one".into(),
            BlobVersion { .. } => "update tokenward".into(),
            StaleSoPin => "nothing more will be tried; ask your administrator to reset the PIN with the SO PIN, and set up recovery again afterwards".into(),
            SoPinDoubtful => "ask your administrator: a right SO PIN entered once clears the warning; then set up recovery again if the SO PIN was changed".into(),
            NotStoredAfterMail { .. } => "the recovery mail you just got holds a key for nothing: delete it, and run enroll again".into(),
            OtherIssuer { enrolled, .. } => format!("set recovery.issuer to {enrolled} to use it, or enrol again with the configured provider"),
            IssuerNotUrl { .. } | BlobDamaged { .. } => return None,
        })
    }
}
