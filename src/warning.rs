//! Warnings: something the person should know that does not stop the command (a URI with the
//! PIN in it, a factory PIN, an audit log that could not be written). The library gathers them
//! ([`crate::workspace::Workspace::take_warnings`]); the caller shows them, in English with
//! `Display` or in the person's language with [`Warning::words`] (`warn-warning-KIND` in the
//! catalogue).

use std::sync::Arc;

use crate::error::catalogue;

/// One warning, with what its words need.
#[derive(Debug, Clone, serde::Serialize, strum::IntoStaticStr, strum::VariantNames)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum Warning {
    /// The token selector is a URI that carries the PIN in clear text.
    UriPinValue,
    /// The token selector is a URI with an attribute tokenward does not know.
    UriUnknownAttribute {
        /// The attribute's name.
        name: String,
    },
    /// A card that names its keys itself gave the new key its own name.
    CardNamesKeys {
        /// The name the card gave.
        name: String,
        /// The label asked for.
        label: String,
    },
    /// Generated PINs went to a plain-text PIN sheet (the manifest asked for no age recipient).
    PlainPinSheet {
        /// The sheet.
        path: String,
    },
    /// The module cannot mark the user PIN to be changed at first use.
    PinMustChangeUnsupported,
    /// The user logged in with the factory PIN.
    FactoryPin {
        /// The token's label.
        token: String,
    },
    /// Several certificates claim the key chosen for signing.
    SeveralCertificatesClaim {
        /// How many.
        count: usize,
        /// The key's label.
        key: String,
        /// The certificate used.
        chosen: String,
        /// Its CKA_ID in hex.
        id: String,
    },
    /// Recovery held the old SO PIN and was removed.
    RecoveryRemoved {
        /// The token's label.
        token: String,
    },
    /// The recovery data could not be sealed again with the new SO PIN.
    ResealFailed {
        /// Why, in English.
        #[serde(serialize_with = "catalogue::display")]
        cause: Arc<crate::Error>,
    },
    /// No new recovery key could be made after a recovery; the old one still works.
    RecoveryKeyNotMade {
        /// Why, in English.
        #[serde(serialize_with = "catalogue::display")]
        cause: Arc<crate::Error>,
    },
    /// The new recovery data could not be stored; the old key still works.
    RecoveryNotStored {
        /// Why, in English.
        #[serde(serialize_with = "catalogue::display")]
        cause: Arc<crate::Error>,
        /// Why the reset notice could not be mailed either, if it could not.
        #[serde(serialize_with = "catalogue::display_option")]
        notice: Option<Arc<crate::Error>>,
    },
    /// The new recovery key could not be mailed; the old one still works.
    RecoveryNotMailed {
        /// Why, in English.
        #[serde(serialize_with = "catalogue::display")]
        cause: Arc<crate::Error>,
    },
    /// Old recovery objects could not be removed.
    OldRecoveryLeft {
        /// How many.
        count: usize,
    },
    /// A certificate put on the token has expired.
    CertificateExpired {
        /// Its common name.
        name: String,
        /// When it ended (RFC 3339).
        not_after: String,
    },
    /// A certificate put on the token is not valid yet.
    CertificateNotYetValid {
        /// Its common name.
        name: String,
        /// When it begins (RFC 3339).
        not_before: String,
    },
    /// The audit log could not be written.
    AuditUnwritable {
        /// Why, in English.
        #[serde(serialize_with = "catalogue::display")]
        cause: Arc<crate::Error>,
    },
}

catalogue::catalogued!(@words Warning, "warning", "warn");

impl Warning {
    /// The warning in the person's language.
    pub fn words(&self) -> String {
        match self {
            Warning::ResealFailed { cause } => {
                crate::fl!(
                    "warn-warning-reseal-failed",
                    cause = cause.localized_message()
                )
            }
            Warning::AuditUnwritable { cause } => {
                crate::fl!(
                    "warn-warning-audit-unwritable",
                    cause = cause.localized_message()
                )
            }
            Warning::CertificateExpired { name, not_after } => crate::fl!(
                "warn-warning-certificate-expired",
                name = name.as_str(),
                not_after = crate::when::local(not_after)
            ),
            Warning::CertificateNotYetValid { name, not_before } => crate::fl!(
                "warn-warning-certificate-not-yet-valid",
                name = name.as_str(),
                not_before = crate::when::local(not_before)
            ),
            _ => catalogue::problem(self),
        }
    }
}

impl Warning {
    /// The warning a certificate put on the token deserves, if it is not valid now.
    pub fn of_certificate(info: &crate::cert::CertInfo) -> Option<Warning> {
        match info.validity {
            crate::cert::Validity::Valid => None,
            crate::cert::Validity::Expired => Some(Warning::CertificateExpired {
                name: info.subject_cn.clone(),
                not_after: info.not_after.clone(),
            }),
            crate::cert::Validity::NotYetValid => Some(Warning::CertificateNotYetValid {
                name: info.subject_cn.clone(),
                not_before: info.not_before.clone(),
            }),
        }
    }
}

impl From<&crate::uri::UriWarning> for Warning {
    fn from(w: &crate::uri::UriWarning) -> Self {
        match w {
            crate::uri::UriWarning::PinValue => Warning::UriPinValue,
            crate::uri::UriWarning::UnknownAttribute(name) => {
                Warning::UriUnknownAttribute { name: name.clone() }
            }
        }
    }
}
