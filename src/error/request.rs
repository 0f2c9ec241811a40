//! What can be wrong with a certificate request's subject, names and usages (checked before
//! the token is touched).

/// A certificate request that cannot be built as asked.
#[derive(Debug, thiserror::Error, strum::IntoStaticStr, serde::Serialize, strum::VariantNames)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum RequestError {
    /// The TOML template does not parse.
    BadTemplate {
        /// The parser's words, with the line.
        reason: String,
    },
    /// An attribute name tokenward does not know.
    UnknownAttribute {
        /// What was written.
        name: String,
    },
    /// The subject ends in `\`.
    LoneBackslash,
    /// A part is not `NAME=VALUE`.
    NotNameValue {
        /// The part.
        part: String,
    },
    /// An attribute without a value.
    EmptyValue {
        /// The attribute.
        name: String,
    },
    /// No subject at all.
    EmptySubject,
    /// A value that must be a PrintableString is not.
    NotPrintable {
        /// The attribute's name.
        attribute: String,
        /// The value.
        value: String,
    },
    /// C is not a two-letter code.
    BadCountry {
        /// The value.
        value: String,
    },
    /// An alternative name without a kind.
    SanWithoutKind {
        /// What was written.
        text: String,
    },
    /// An alternative name value that is not ASCII.
    SanNotAscii {
        /// The value.
        value: String,
    },
    /// `ip:` with something else.
    NotAnIp {
        /// The value.
        value: String,
    },
    /// An alternative name kind tokenward does not know.
    UnknownSanKind {
        /// The kind.
        kind: String,
    },
    /// A key usage tokenward does not know.
    UnknownKeyUsage {
        /// The name.
        name: String,
    },
    /// An extended key usage tokenward does not know.
    UnknownExtendedKeyUsage {
        /// The name.
        name: String,
    },
    /// A national identifier (INN, OGRN, OGRNIP, SNILS, RFC, CURP) that a CA would refuse.
    BadNationalId {
        /// The attribute, as typed in capitals.
        attribute: String,
        /// What was typed.
        value: String,
        /// What is wrong: `length`, `digits`, `checksum` or `format`.
        why: String,
    },
    /// The request has no subject.
    NoSubject,
    /// rcgen could not build the request.
    Build {
        /// rcgen's words.
        reason: String,
    },
}

super::catalogue::catalogued!(RequestError, "request");
