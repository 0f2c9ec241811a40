//! PKCS#11 URIs (RFC 7512): parse, format and match.
//!
//! A URI names a library, a slot, a token and an object by their attributes, for example
//! `pkcs11:token=Accounting;serial=1a2b3c;object=Signing%20key;type=private`. tokenward prints
//! one for every token and object and accepts one wherever a selector is taken. Tokens are
//! named by serial (and manufacturer/model), never by slot id, because slot ids change.

use std::fmt;

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::pin::Pin;

/// What a URI failed to parse on, with the part at fault.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    thiserror::Error,
    strum::IntoStaticStr,
    serde::Serialize,
    strum::VariantNames,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum UriError {
    /// The text does not start with `pkcs11:`.
    Scheme(String),
    /// An attribute has no `=`.
    MissingEquals(String),
    /// A path attribute appears twice.
    Duplicate(String),
    /// A `%` escape is malformed, or a character is not allowed unescaped.
    BadValue {
        /// The attribute name.
        attribute: String,
        /// The raw value as written (never a pin-value).
        value: String,
        /// What is wrong.
        reason: &'static str,
    },
    /// `pin-source` and `pin-value` both present.
    PinSourceAndValue,
}

crate::error::catalogue::catalogued!(UriError, "uri");

/// The `type` path attribute.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, schemars::JsonSchema, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum ObjectType {
    /// A certificate (CKO_CERTIFICATE).
    Cert,
    /// A data object (CKO_DATA).
    Data,
    /// A private key (CKO_PRIVATE_KEY).
    Private,
    /// A public key (CKO_PUBLIC_KEY).
    Public,
    /// A secret key (CKO_SECRET_KEY).
    SecretKey,
}

impl ObjectType {
    /// The RFC spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            ObjectType::Cert => "cert",
            ObjectType::Data => "data",
            ObjectType::Private => "private",
            ObjectType::Public => "public",
            ObjectType::SecretKey => "secret-key",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "cert" => ObjectType::Cert,
            "data" => ObjectType::Data,
            "private" => ObjectType::Private,
            "public" => ObjectType::Public,
            "secret-key" => ObjectType::SecretKey,
            _ => return None,
        })
    }
}

/// A parsed PKCS#11 URI. Every field is optional; an absent field matches anything.
///
/// String values are stored decoded. `pin_value` is kept as a [`Pin`] and is never printed
/// by `Debug`; `Display` omits it as well, so a URI can always be shown safely.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Pkcs11Uri {
    /// `token`: the token label.
    pub token: Option<String>,
    /// `manufacturer`: the token manufacturer.
    pub manufacturer: Option<String>,
    /// `serial`: the token serial number.
    pub serial: Option<String>,
    /// `model`: the token model.
    pub model: Option<String>,
    /// `library-manufacturer`.
    pub library_manufacturer: Option<String>,
    /// `library-description`.
    pub library_description: Option<String>,
    /// `library-version`: major and minor.
    pub library_version: Option<(u8, u8)>,
    /// `object`: the object label.
    pub object: Option<String>,
    /// `type`: the object class.
    pub object_type: Option<ObjectType>,
    /// `id`: the object CKA_ID bytes.
    pub id: Option<Vec<u8>>,
    /// `slot-description`.
    pub slot_description: Option<String>,
    /// `slot-manufacturer`.
    pub slot_manufacturer: Option<String>,
    /// `slot-id` (not stable across replugs; accepted, never printed by tokenward).
    pub slot_id: Option<u64>,
    /// `pin-source` query attribute (a file path or `file:` URI).
    pub pin_source: Option<String>,
    /// `pin-value` query attribute. Accepted with a warning; never printed.
    pub pin_value: Option<Pin>,
    /// `module-name` query attribute.
    pub module_name: Option<String>,
    /// `module-path` query attribute.
    pub module_path: Option<String>,
    /// Path attributes the RFC does not define (vendor-specific), in order. A URI with any of
    /// these matches no token and no object: tokenward cannot honour them.
    pub vendor_path: Vec<(String, String)>,
    /// Query attributes the RFC does not define, in order (ignored).
    pub vendor_query: Vec<(String, String)>,
}

/// A warning about a URI that parsed but should not be used as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UriWarning {
    /// The URI carries the PIN in clear text.
    PinValue,
    /// A path attribute tokenward does not know (vendor-specific, or a typo): nothing matches it.
    UnknownAttribute(String),
}

impl fmt::Display for UriWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::warning::Warning::from(self).fmt(f)
    }
}

/// Characters RFC 7512 leaves unescaped in both path and query values (`pk11-res-avail` and
/// `unreserved`).
const RES_AVAIL: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b':')
    .remove(b'[')
    .remove(b']')
    .remove(b'@')
    .remove(b'!')
    .remove(b'$')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')')
    .remove(b'*')
    .remove(b'+')
    .remove(b',')
    .remove(b'=');

/// Characters left unescaped in a path value (`pk11-pchar`: also `&`).
const PATH_ESCAPE: &AsciiSet = &RES_AVAIL.remove(b'&');

/// Characters left unescaped in a query value (`pk11-qchar`: also `/ ? |`, but not `&`).
const QUERY_ESCAPE: &AsciiSet = &RES_AVAIL.remove(b'/').remove(b'?').remove(b'|');

const SCHEME: &str = "pkcs11:";

impl UriError {
    /// The error with every piece of typed text safe to echo (see
    /// [`crate::text::redacted_selector`]).
    fn redacted(self) -> Self {
        use crate::text::redacted_selector as r;
        match self {
            UriError::Scheme(t) => UriError::Scheme(r(&t)),
            UriError::MissingEquals(t) => UriError::MissingEquals(r(&t)),
            UriError::Duplicate(t) => UriError::Duplicate(r(&t)),
            UriError::BadValue {
                attribute,
                value,
                reason,
            } => {
                let hidden = attribute.to_ascii_lowercase().contains("pin");
                UriError::BadValue {
                    value: if hidden { "(hidden)".into() } else { r(&value) },
                    attribute: r(&attribute),
                    reason,
                }
            }
            other => other,
        }
    }
}

impl Pkcs11Uri {
    /// Parse a URI. Attribute names are case-sensitive, as the RFC says.
    ///
    /// # Errors
    /// The first thing wrong with the text, with the part at fault (a mistyped `pin-value` and
    /// whatever follows it are never part of the error).
    pub fn parse(text: &str) -> Result<Self, UriError> {
        Self::parse_unredacted(text).map_err(UriError::redacted)
    }

    fn parse_unredacted(text: &str) -> Result<Self, UriError> {
        let rest = text
            .get(..SCHEME.len())
            .filter(|s| s.eq_ignore_ascii_case(SCHEME))
            .map(|_| &text[SCHEME.len()..])
            .ok_or_else(|| UriError::Scheme(text.chars().take(40).collect()))?;
        let (path, query) = match rest.split_once('?') {
            Some((p, q)) => (p, Some(q)),
            None => (rest, None),
        };
        let mut uri = Pkcs11Uri::default();
        let mut seen: Vec<&str> = Vec::new();
        for attr in path.split(';').filter(|a| !a.is_empty()) {
            let (name, raw) = attr
                .split_once('=')
                .ok_or_else(|| UriError::MissingEquals(attr.to_string()))?;
            if seen.contains(&name) {
                return Err(UriError::Duplicate(name.to_string()));
            }
            seen.push(name);
            check_chars(name, raw, false)?;
            uri.set_path(name, raw)?;
        }
        if let Some(query) = query {
            for attr in query.split('&').filter(|a| !a.is_empty()) {
                let (name, raw) = attr
                    .split_once('=')
                    .ok_or_else(|| UriError::MissingEquals(attr.to_string()))?;
                check_chars(name, raw, true)?;
                uri.set_query(name, raw)?;
            }
        }
        if uri.pin_source.is_some() && uri.pin_value.is_some() {
            return Err(UriError::PinSourceAndValue);
        }
        Ok(uri)
    }

    /// Does this text claim to be a PKCS#11 URI (starts with `pkcs11:`, any case)?
    pub fn looks_like(text: &str) -> bool {
        text.as_bytes()
            .get(..SCHEME.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(SCHEME.as_bytes()))
    }

    /// Warnings the user should see about this URI.
    pub fn warnings(&self) -> Vec<UriWarning> {
        let mut out = Vec::new();
        if self.pin_value.is_some() {
            out.push(UriWarning::PinValue);
        }
        for (name, _) in &self.vendor_path {
            out.push(UriWarning::UnknownAttribute(name.clone()));
        }
        out
    }

    /// Does this URI say anything about the token (as opposed to only the object)?
    pub fn has_token_attributes(&self) -> bool {
        self.token.is_some()
            || self.manufacturer.is_some()
            || self.serial.is_some()
            || self.model.is_some()
            || self.slot_id.is_some()
            || self.slot_description.is_some()
            || self.slot_manufacturer.is_some()
            || self.library_manufacturer.is_some()
            || self.library_description.is_some()
            || self.library_version.is_some()
    }

    /// Does this URI say anything about the object?
    pub fn has_object_attributes(&self) -> bool {
        self.object.is_some() || self.id.is_some() || self.object_type.is_some()
    }

    /// Does the token described by these values match the URI's token attributes?
    /// Labels and other blank-padded fields are compared with trailing spaces trimmed.
    pub fn matches_token(&self, token: &TokenFields<'_>) -> bool {
        self.vendor_path.is_empty()
            && eq_opt(&self.token, token.label)
            && eq_opt(&self.manufacturer, token.manufacturer)
            && eq_opt(&self.serial, token.serial)
            && eq_opt(&self.model, token.model)
    }

    /// Does the library match the URI's `library-*` attributes?
    pub fn matches_library(
        &self,
        manufacturer: &str,
        description: &str,
        version: (u8, u8),
    ) -> bool {
        eq_opt(&self.library_manufacturer, manufacturer)
            && eq_opt(&self.library_description, description)
            && self.library_version.is_none_or(|v| v == version)
    }

    /// Does the slot match the URI's `slot-*` attributes?
    pub fn matches_slot(&self, id: u64, description: &str, manufacturer: &str) -> bool {
        self.slot_id.is_none_or(|s| s == id)
            && eq_opt(&self.slot_description, description)
            && eq_opt(&self.slot_manufacturer, manufacturer)
    }

    /// Does the object match the URI's object attributes?
    pub fn matches_object(&self, label: &str, id: &[u8], object_type: Option<ObjectType>) -> bool {
        self.vendor_path.is_empty()
            && eq_opt(&self.object, label)
            && self.id.as_deref().is_none_or(|want| want == id)
            && self.object_type.is_none_or(|t| Some(t) == object_type)
    }

    fn set_path(&mut self, name: &str, raw: &str) -> Result<(), UriError> {
        let text = || decode_text(name, raw);
        match name {
            "token" => self.token = Some(text()?),
            "manufacturer" => self.manufacturer = Some(text()?),
            "serial" => self.serial = Some(text()?),
            "model" => self.model = Some(text()?),
            "library-manufacturer" => self.library_manufacturer = Some(text()?),
            "library-description" => self.library_description = Some(text()?),
            "library-version" => self.library_version = Some(parse_version(name, &text()?)?),
            "object" => self.object = Some(text()?),
            "type" => {
                let value = text()?;
                self.object_type = Some(ObjectType::parse(&value).ok_or(UriError::BadValue {
                    attribute: name.into(),
                    value,
                    reason: "type must be one of cert, data, private, public, secret-key",
                })?)
            }
            "id" => self.id = Some(decode_bytes(name, raw)?),
            "slot-description" => self.slot_description = Some(text()?),
            "slot-manufacturer" => self.slot_manufacturer = Some(text()?),
            "slot-id" => {
                let value = text()?;
                self.slot_id = Some(value.parse().map_err(|_| UriError::BadValue {
                    attribute: name.into(),
                    value,
                    reason: "slot-id must be a decimal number",
                })?)
            }
            n => self.vendor_path.push((n.to_string(), text()?)),
        }
        Ok(())
    }

    fn set_query(&mut self, name: &str, raw: &str) -> Result<(), UriError> {
        let once = |slot: &Option<_>| {
            if slot.is_some() {
                Err(UriError::Duplicate(name.to_string()))
            } else {
                Ok(())
            }
        };
        match name {
            "pin-source" => {
                once(&self.pin_source)?;
                self.pin_source = Some(decode_text(name, raw)?)
            }
            "pin-value" => {
                if self.pin_value.is_some() {
                    return Err(UriError::Duplicate(name.to_string()));
                }
                let bytes = decode_bytes(name, raw).map_err(redact_value)?;
                let text = String::from_utf8(bytes).map_err(|e| {
                    let mut bytes = e.into_bytes();
                    zeroize::Zeroize::zeroize(&mut bytes);
                    UriError::BadValue {
                        attribute: name.into(),
                        value: "<redacted>".into(),
                        reason: "not valid UTF-8 after percent-decoding",
                    }
                })?;
                self.pin_value = Some(Pin::new(text));
            }
            "module-name" => {
                once(&self.module_name)?;
                self.module_name = Some(decode_text(name, raw)?)
            }
            "module-path" => {
                once(&self.module_path)?;
                self.module_path = Some(decode_text(name, raw)?)
            }
            n => self
                .vendor_query
                .push((n.to_string(), decode_text(name, raw)?)),
        }
        Ok(())
    }
}

/// The token fields a URI is matched against, trimmed of PKCS#11 blank padding.
#[derive(Debug, Clone, Copy)]
pub struct TokenFields<'a> {
    /// Label.
    pub label: &'a str,
    /// Manufacturer.
    pub manufacturer: &'a str,
    /// Serial number.
    pub serial: &'a str,
    /// Model.
    pub model: &'a str,
}

impl fmt::Display for Pkcs11Uri {
    /// The canonical form: token attributes first, then object, then queries; `pin-value` and
    /// `slot-id` are never written (secret, and unstable).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let enc = |v: &str| utf8_percent_encode(v, PATH_ESCAPE).to_string();
        let version = self.library_version.map(|(a, b)| format!("{a}.{b}"));
        let named: [(&str, Option<&String>); 9] = [
            ("library-manufacturer", self.library_manufacturer.as_ref()),
            ("library-description", self.library_description.as_ref()),
            ("library-version", version.as_ref()),
            ("slot-manufacturer", self.slot_manufacturer.as_ref()),
            ("slot-description", self.slot_description.as_ref()),
            ("model", self.model.as_ref()),
            ("manufacturer", self.manufacturer.as_ref()),
            ("serial", self.serial.as_ref()),
            ("token", self.token.as_ref()),
        ];
        let mut path: Vec<(&str, String)> = named
            .iter()
            .filter_map(|(n, v)| v.map(|v| (*n, enc(v))))
            .collect();
        if let Some(id) = &self.id {
            path.push(("id", id.iter().map(|b| format!("%{b:02X}")).collect()));
        }
        if let Some(object) = &self.object {
            path.push(("object", enc(object)));
        }
        if let Some(t) = self.object_type {
            path.push(("type", t.as_str().to_string()));
        }
        f.write_str(SCHEME)?;
        let mut first = true;
        for (name, value) in &path {
            if !first {
                f.write_str(";")?;
            }
            first = false;
            write!(f, "{name}={value}")?;
        }
        for (name, value) in &self.vendor_path {
            if !first {
                f.write_str(";")?;
            }
            first = false;
            write!(f, "{name}={}", utf8_percent_encode(value, PATH_ESCAPE))?;
        }
        let mut query: Vec<(&str, &str)> = Vec::new();
        if let Some(v) = &self.pin_source {
            query.push(("pin-source", v));
        }
        if let Some(v) = &self.module_name {
            query.push(("module-name", v));
        }
        if let Some(v) = &self.module_path {
            query.push(("module-path", v));
        }
        for (n, v) in &self.vendor_query {
            query.push((n, v));
        }
        for (i, (name, value)) in query.iter().enumerate() {
            let sep = if i == 0 { "?" } else { "&" };
            write!(
                f,
                "{sep}{name}={}",
                utf8_percent_encode(value, QUERY_ESCAPE)
            )?;
        }
        Ok(())
    }
}

impl std::str::FromStr for Pkcs11Uri {
    type Err = UriError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Pkcs11Uri::parse(s)
    }
}

fn eq_opt(want: &Option<String>, have: &str) -> bool {
    want.as_deref()
        .is_none_or(|w| w.trim_end_matches(' ') == have.trim_end_matches(' '))
}

fn redact_value(e: UriError) -> UriError {
    match e {
        UriError::BadValue {
            attribute, reason, ..
        } => UriError::BadValue {
            attribute,
            value: "<redacted>".into(),
            reason,
        },
        other => other,
    }
}

/// Reject characters that must be percent-encoded in this part of the URI.
fn check_chars(name: &str, raw: &str, query: bool) -> Result<(), UriError> {
    let allowed = |c: char| {
        c.is_ascii_alphanumeric()
            || "-._~:[]@!$'()*+,=%".contains(c)
            || (!query && c == '&')
            || (query && "/?|".contains(c))
    };
    if name.is_empty()
        || name
            .chars()
            .any(|c| !(c.is_ascii_alphanumeric() || c == '-'))
    {
        return Err(UriError::BadValue {
            attribute: name.chars().take(40).collect(),
            value: String::new(),
            reason: "attribute names are letters, digits and \"-\"",
        });
    }
    if raw.chars().any(|c| !allowed(c)) {
        return Err(UriError::BadValue {
            attribute: name.into(),
            value: if name == "pin-value" {
                "<redacted>".into()
            } else {
                raw.chars().take(80).collect()
            },
            reason:
                "contains a character that must be percent-encoded (for example a space as %20)",
        });
    }
    Ok(())
}

fn decode_bytes(name: &str, raw: &str) -> Result<Vec<u8>, UriError> {
    let bytes = raw.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let ok = bytes.len() >= i + 3
                && bytes[i + 1].is_ascii_hexdigit()
                && bytes[i + 2].is_ascii_hexdigit();
            if !ok {
                return Err(UriError::BadValue {
                    attribute: name.into(),
                    value: raw.chars().take(80).collect(),
                    reason: "a \"%\" must be followed by two hex digits",
                });
            }
            i += 3;
        } else {
            i += 1;
        }
    }
    Ok(percent_decode_str(raw).collect())
}

fn decode_text(name: &str, raw: &str) -> Result<String, UriError> {
    String::from_utf8(decode_bytes(name, raw)?).map_err(|_| UriError::BadValue {
        attribute: name.into(),
        value: raw.chars().take(80).collect(),
        reason: "not valid UTF-8 after percent-decoding",
    })
}

fn parse_version(name: &str, value: &str) -> Result<(u8, u8), UriError> {
    let bad = || UriError::BadValue {
        attribute: name.into(),
        value: value.into(),
        reason: "library-version is MAJOR or MAJOR.MINOR, each 0-255",
    };
    let (major, minor) = value.split_once('.').unwrap_or((value, "0"));
    Ok((
        major.parse().map_err(|_| bad())?,
        minor.parse().map_err(|_| bad())?,
    ))
}
