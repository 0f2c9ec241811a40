//! What can be wrong with a certificate request's subject, names and usages (checked before
//! the token is touched).

/// A certificate request that cannot be built as asked.
#[derive(Debug, thiserror::Error, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum RequestError {
    /// The TOML template does not parse.
    #[error("the request template is not valid: {reason}")]
    BadTemplate {
        /// The parser's words, with the line.
        reason: String,
    },
    /// An attribute name tokenward does not know.
    #[error("unknown subject attribute {name:?}")]
    UnknownAttribute {
        /// What was written.
        name: String,
    },
    /// The subject ends in `\`.
    #[error("the subject ends with a lone backslash")]
    LoneBackslash,
    /// A part is not `NAME=VALUE`.
    #[error("{part:?} in the subject is not NAME=VALUE")]
    NotNameValue {
        /// The part.
        part: String,
    },
    /// An attribute without a value.
    #[error("{name} in the subject has no value")]
    EmptyValue {
        /// The attribute.
        name: String,
    },
    /// No subject at all.
    #[error("the subject is empty")]
    EmptySubject,
    /// A value that must be a PrintableString is not.
    #[error("{attribute} must be Latin letters, digits and simple punctuation: {value:?}")]
    NotPrintable {
        /// The attribute's name.
        attribute: String,
        /// The value.
        value: String,
    },
    /// C is not a two-letter code.
    #[error("C (country) is a two-letter code such as RU or MX, not {value:?}")]
    BadCountry {
        /// The value.
        value: String,
    },
    /// An alternative name without a kind.
    #[error("alternative name {text:?} needs a kind")]
    SanWithoutKind {
        /// What was written.
        text: String,
    },
    /// An alternative name value that is not ASCII.
    #[error("{value:?} must be ASCII in an alternative name")]
    SanNotAscii {
        /// The value.
        value: String,
    },
    /// `ip:` with something else.
    #[error("{value:?} is not an IP address")]
    NotAnIp {
        /// The value.
        value: String,
    },
    /// An alternative name kind tokenward does not know.
    #[error("unknown alternative name kind {kind:?}")]
    UnknownSanKind {
        /// The kind.
        kind: String,
    },
    /// A key usage tokenward does not know.
    #[error("unknown key usage {name:?}")]
    UnknownKeyUsage {
        /// The name.
        name: String,
    },
    /// An extended key usage tokenward does not know.
    #[error("unknown extended key usage {name:?}")]
    UnknownExtendedKeyUsage {
        /// The name.
        name: String,
    },
    /// The request has no subject.
    #[error("a certificate request needs a subject")]
    NoSubject,
    /// rcgen could not build the request.
    #[error("cannot build the certificate request: {reason}")]
    Build {
        /// rcgen's words.
        reason: String,
    },
}

impl RequestError {
    /// What to do about it.
    pub fn hint(&self) -> Option<String> {
        use RequestError::*;
        Some(match self {
            UnknownAttribute { .. } => "use CN, O, OU, C, L, ST, street, SN, GN, title, emailAddress, serialNumber, INN, INNLE, OGRN, OGRNIP, SNILS, RFC, CURP or a dotted OID".into(),
            NotNameValue { .. } => "write it like \"CN=Ivanov Ivan, O=Romashka LLC, C=RU\"".into(),
            EmptySubject => "give at least CN=NAME".into(),
            SanWithoutKind { .. } => "write email:ADDRESS, dns:NAME, ip:ADDRESS or uri:URI".into(),
            UnknownSanKind { .. } => "use email, dns, ip or uri".into(),
            UnknownKeyUsage { .. } => "use digital_signature, non_repudiation, key_encipherment, data_encipherment, key_agreement, key_cert_sign or crl_sign".into(),
            UnknownExtendedKeyUsage { .. } => "use client_auth, server_auth, email_protection, code_signing, time_stamping, ocsp_signing or a dotted OID".into(),
            NoSubject => "give --subject \"CN=…\" or a template with one".into(),
            BadTemplate { .. } | LoneBackslash | EmptyValue { .. } | NotPrintable { .. }
            | BadCountry { .. } | SanNotAscii { .. } | NotAnIp { .. } | Build { .. } => return None,
        })
    }
}
