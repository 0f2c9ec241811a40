//! `keys csr`: a PKCS#10 certificate request for a key on the token, built by rcgen and signed
//! by the token (the private key never leaves it). The subject comes from `--subject` or a TOML
//! template, with the Russian (INN, OGRN, SNILS…) and Mexican (RFC, CURP) attributes by name.

use std::net::IpAddr;

use rcgen::{
    CertificateParams, DistinguishedName, DnType, DnValue, ExtendedKeyUsagePurpose,
    KeyUsagePurpose, SanType, SigningKey,
};
use serde::Deserialize;

use crate::cert::names;
use crate::error::{Error, Internal, RequestError, Result};

/// What goes into the request.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CsrRequest {
    /// Subject attributes in order: (OID, value).
    pub subject: Vec<(String, String)>,
    /// Subject alternative names: `email:…`, `dns:…`, `ip:…`, `uri:…`.
    pub sans: Vec<String>,
    /// Key usages by name (`digital_signature`, `non_repudiation`, …).
    pub key_usage: Vec<String>,
    /// Extended key usages by name (`client_auth`, `email_protection`, …) or dotted OID.
    pub extended_key_usage: Vec<String>,
}

/// A request template (TOML).
///
/// ```toml
/// subject = "CN=Ivanov Ivan, O=Romashka LLC, C=RU"    # or a table:
/// # [subject]
/// # CN = "Ivanov Ivan"
/// # INN = "500100732259"
/// san = ["email:ivanov@example.ru"]
/// key_usage = ["digital_signature", "non_repudiation"]
/// extended_key_usage = ["client_auth", "email_protection"]
/// ```
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CsrTemplate {
    /// The subject as text, or as a table of attribute = value (in file order).
    #[serde(default)]
    pub subject: Option<SubjectSpec>,
    /// Subject alternative names.
    #[serde(default)]
    pub san: Vec<String>,
    /// Key usages.
    #[serde(default)]
    pub key_usage: Vec<String>,
    /// Extended key usages.
    #[serde(default)]
    pub extended_key_usage: Vec<String>,
}

/// A subject in a template.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum SubjectSpec {
    /// `"CN=…, O=…"`.
    Text(String),
    /// `[subject]` with one key per attribute.
    Table(toml::Table),
}

impl CsrTemplate {
    /// Parse a template file's text.
    ///
    /// # Errors
    /// The template is not valid TOML of this shape.
    pub fn parse(text: &str) -> Result<Self> {
        toml::from_str(text).map_err(|e| {
            RequestError::BadTemplate {
                reason: e.to_string(),
            }
            .into()
        })
    }

    /// The request it describes.
    ///
    /// # Errors
    /// See [`parse_subject`].
    pub fn request(&self) -> Result<CsrRequest> {
        let subject = match &self.subject {
            None => Vec::new(),
            Some(SubjectSpec::Text(t)) => parse_subject(t)?,
            Some(SubjectSpec::Table(table)) => {
                let mut out = Vec::new();
                for (name, value) in table {
                    let values: Vec<String> = match value {
                        toml::Value::String(s) => vec![s.clone()],
                        toml::Value::Integer(i) => vec![i.to_string()],
                        toml::Value::Array(a) => a
                            .iter()
                            .map(|v| {
                                v.as_str()
                                    .map(str::to_string)
                                    .unwrap_or_else(|| v.to_string())
                            })
                            .collect(),
                        other => vec![other.to_string()],
                    };
                    for v in values {
                        super::national_id::check(name, &v)?;
                        out.push((oid_of(name)?, v));
                    }
                }
                out
            }
        };
        Ok(CsrRequest {
            subject,
            sans: self.san.clone(),
            key_usage: self.key_usage.clone(),
            extended_key_usage: self.extended_key_usage.clone(),
        })
    }
}

fn oid_of(name: &str) -> Result<String> {
    names::attribute_oid(name.trim()).ok_or_else(|| {
        RequestError::UnknownAttribute {
            name: name.to_string(),
        }
        .into()
    })
}

/// Parse `CN=Ivanov Ivan, O=Romashka LLC, C=RU` (RFC 4514 style: `\,` escapes a comma, `+`
/// is not special, attributes in the order written).
///
/// # Errors
/// A part that is not NAME=VALUE, an unknown attribute, an empty subject.
pub fn parse_subject(text: &str) -> Result<Vec<(String, String)>> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(n) => current.push(n),
                None => return Err(RequestError::LoneBackslash.into()),
            },
            ',' | ';' => parts.push(std::mem::take(&mut current)),
            other => current.push(other),
        }
    }
    parts.push(current);
    let mut out = Vec::new();
    for part in parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        let (name, value) = part.split_once('=').ok_or_else(|| {
            Error::from(RequestError::NotNameValue {
                part: part.to_string(),
            })
        })?;
        let value = value.trim();
        if value.is_empty() {
            return Err(RequestError::EmptyValue {
                name: name.to_string(),
            }
            .into());
        }
        super::national_id::check(name, value)?;
        out.push((oid_of(name)?, value.to_string()));
    }
    if out.is_empty() {
        return Err(RequestError::EmptySubject.into());
    }
    Ok(out)
}

fn arcs(oid: &str) -> Vec<u64> {
    oid.split('.').filter_map(|a| a.parse().ok()).collect()
}

fn dn_value(oid: &str, value: &str) -> Result<DnValue> {
    // Country codes and serial numbers are PrintableString (RFC 5280); the rest UTF-8.
    if oid == "2.5.4.6" || oid == "2.5.4.5" {
        let p = rcgen::string::PrintableString::try_from(value).map_err(|_| {
            Error::from(RequestError::NotPrintable {
                attribute: names::attribute(oid).unwrap_or(oid).to_string(),
                value: value.to_string(),
            })
        })?;
        if oid == "2.5.4.6" && value.len() != 2 {
            return Err(RequestError::BadCountry {
                value: value.to_string(),
            }
            .into());
        }
        return Ok(DnValue::PrintableString(p));
    }
    Ok(DnValue::Utf8String(value.to_string()))
}

fn san(text: &str) -> Result<SanType> {
    let (kind, value) = text.split_once(':').ok_or_else(|| {
        Error::from(RequestError::SanWithoutKind {
            text: text.to_string(),
        })
    })?;
    let ia5 = |v: &str| {
        rcgen::string::Ia5String::try_from(v).map_err(|_| {
            Error::from(RequestError::SanNotAscii {
                value: v.to_string(),
            })
        })
    };
    Ok(match kind.to_ascii_lowercase().as_str() {
        "email" => SanType::Rfc822Name(ia5(value)?),
        "dns" => SanType::DnsName(ia5(value)?),
        "uri" => SanType::URI(ia5(value)?),
        "ip" => SanType::IpAddress(value.parse::<IpAddr>().map_err(|_| RequestError::NotAnIp {
            value: value.to_string(),
        })?),
        other => {
            return Err(RequestError::UnknownSanKind {
                kind: other.to_string(),
            }
            .into())
        }
    })
}

fn key_usage(name: &str) -> Result<KeyUsagePurpose> {
    Ok(
        match name.to_ascii_lowercase().replace(['-', ' '], "_").as_str() {
            "digital_signature" => KeyUsagePurpose::DigitalSignature,
            "non_repudiation" | "content_commitment" => KeyUsagePurpose::ContentCommitment,
            "key_encipherment" => KeyUsagePurpose::KeyEncipherment,
            "data_encipherment" => KeyUsagePurpose::DataEncipherment,
            "key_agreement" => KeyUsagePurpose::KeyAgreement,
            "key_cert_sign" => KeyUsagePurpose::KeyCertSign,
            "crl_sign" => KeyUsagePurpose::CrlSign,
            other => {
                return Err(RequestError::UnknownKeyUsage {
                    name: other.to_string(),
                }
                .into())
            }
        },
    )
}

fn extended_key_usage(name: &str) -> Result<ExtendedKeyUsagePurpose> {
    Ok(
        match name.to_ascii_lowercase().replace(['-', ' '], "_").as_str() {
            "server_auth" => ExtendedKeyUsagePurpose::ServerAuth,
            "client_auth" => ExtendedKeyUsagePurpose::ClientAuth,
            "code_signing" => ExtendedKeyUsagePurpose::CodeSigning,
            "email_protection" => ExtendedKeyUsagePurpose::EmailProtection,
            "time_stamping" => ExtendedKeyUsagePurpose::TimeStamping,
            "ocsp_signing" => ExtendedKeyUsagePurpose::OcspSigning,
            dotted
                if arcs(dotted).len() > 1
                    && dotted.split('.').all(|a| a.parse::<u64>().is_ok()) =>
            {
                ExtendedKeyUsagePurpose::Other(arcs(dotted))
            }
            other => {
                return Err(RequestError::UnknownExtendedKeyUsage {
                    name: other.to_string(),
                }
                .into())
            }
        },
    )
}

impl CsrRequest {
    /// rcgen's parameters for this request (checked: no token is needed).
    ///
    /// # Errors
    /// No subject, or a value, alternative name or usage that cannot be encoded.
    pub fn params(&self) -> Result<CertificateParams> {
        if self.subject.is_empty() {
            return Err(RequestError::NoSubject.into());
        }
        let mut params = CertificateParams::default();
        let mut dn = DistinguishedName::new();
        for (oid, value) in &self.subject {
            dn.push(DnType::CustomDnType(arcs(oid)), dn_value(oid, value)?);
        }
        params.distinguished_name = dn;
        params.subject_alt_names = self.sans.iter().map(|s| san(s)).collect::<Result<_>>()?;
        params.key_usages = self
            .key_usage
            .iter()
            .map(|k| key_usage(k))
            .collect::<Result<_>>()?;
        params.extended_key_usages = self
            .extended_key_usage
            .iter()
            .map(|k| extended_key_usage(k))
            .collect::<Result<_>>()?;
        Ok(params)
    }

    /// The DER request, signed by `key`.
    ///
    /// # Errors
    /// See [`CsrRequest::params`]; the token refused to sign.
    pub fn sign(&self, key: &impl SigningKey) -> Result<Vec<u8>> {
        let csr = self.params()?.serialize_request(key).map_err(|e| match e {
            rcgen::Error::RemoteKeyError => Error::from(Internal::CsrRefused),
            other => RequestError::Build {
                reason: other.to_string(),
            }
            .into(),
        })?;
        Ok(csr.der().to_vec())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_with_national_attributes_and_escapes() {
        let s = parse_subject(
            "CN=Ivanov\\, Ivan, O=Romashka LLC; C=RU, INN=500100732259, SNILS=11223344595",
        )
        .unwrap();
        assert_eq!(
            s,
            vec![
                ("2.5.4.3".into(), "Ivanov, Ivan".into()),
                ("2.5.4.10".into(), "Romashka LLC".into()),
                ("2.5.4.6".into(), "RU".into()),
                ("1.2.643.3.131.1.1".into(), "500100732259".into()),
                ("1.2.643.100.3".into(), "11223344595".into()),
            ]
        );
        let mx =
            parse_subject("CN=Juan Pérez, RFC=PEJJ800101AB1, CURP=PEJJ800101HDFRNN05").unwrap();
        assert_eq!(mx[1].0, "2.5.4.45");
        assert_eq!(mx[2].0, "2.5.4.5");
        assert!(parse_subject("CN").is_err());
        assert!(parse_subject("XX=1").is_err());
        assert!(parse_subject("CN=").is_err());
        assert!(parse_subject(" , ").is_err());
    }

    #[test]
    fn templates_give_the_same_request_as_flags() {
        let t = CsrTemplate::parse(
            "san = [\"email:a@example.ru\"]\nkey_usage = [\"digital_signature\"]\n[subject]\nCN = \"Ivanov Ivan\"\nOGRN = \"1027700132195\"\n",
        )
        .unwrap();
        let r = t.request().unwrap();
        assert_eq!(
            r.subject[1],
            ("1.2.643.100.1".into(), "1027700132195".into())
        );
        assert!(r.params().is_ok());
        assert!(CsrTemplate::parse("subjekt = \"CN=x\"").is_err());
        let bad = CsrRequest {
            subject: vec![("2.5.4.6".into(), "Russia".into())],
            ..Default::default()
        };
        assert!(bad.params().is_err());
        let bad_san = CsrRequest {
            subject: vec![("2.5.4.3".into(), "x".into())],
            sans: vec!["mail:x".into()],
            ..Default::default()
        };
        assert!(bad_san.params().is_err());
    }
}
