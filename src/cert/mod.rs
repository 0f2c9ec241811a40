//! X.509 certificates in words: who it is for, who issued it, until when, what it may be used
//! for, the national identifiers (Russian INN/OGRN/SNILS, Mexican RFC/CURP) by name, and the
//! public key tokenward compares with the keys on a token.
//!
//! Parsing never fails the caller: a broken certificate becomes an error string that the
//! listing shows as "unreadable certificate".

pub mod names;
pub mod path;

use serde::Serialize;
use time::OffsetDateTime;
use x509_parser::extensions::{GeneralName, ParsedExtension};
use x509_parser::prelude::{FromDer, X509Certificate, X509Name};
use x509_parser::public_key::PublicKey;

pub use names::KeySupport;

/// One national identifier found in the subject.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct NationalId {
    /// Stable short name: `inn`, `inn_le`, `ogrn`, `ogrnip`, `snils`, `rfc`, `curp`.
    pub kind: &'static str,
    /// The name in words.
    pub name: &'static str,
    /// The value.
    pub value: String,
}

/// Whether the certificate is valid now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Validity {
    /// Within its dates.
    Valid,
    /// Past its end date.
    Expired,
    /// Before its start date.
    NotYetValid,
}

/// The public key of a certificate, in the forms PKCS#11 stores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublicKeyMaterial {
    /// RSA modulus and public exponent, big-endian without leading zeros.
    Rsa {
        /// n
        modulus: Vec<u8>,
        /// e
        exponent: Vec<u8>,
    },
    /// EC point (uncompressed) with the curve parameters' DER.
    Ec {
        /// The point, as in CKA_EC_POINT without the OCTET STRING wrapper.
        point: Vec<u8>,
    },
    /// Ed25519 public key bytes.
    Ed25519(Vec<u8>),
    /// A key tokenward does not compare.
    Other,
}

/// A parsed certificate, ready to show.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CertInfo {
    /// The subject's common name (or the whole subject when it has none).
    pub subject_cn: String,
    /// The full subject, attributes by name.
    pub subject: String,
    /// The issuer's common name.
    pub issuer_cn: String,
    /// The full issuer.
    pub issuer: String,
    /// Serial number in hex.
    pub serial: String,
    /// Start of validity (RFC 3339).
    pub not_before: String,
    /// End of validity (RFC 3339).
    pub not_after: String,
    /// Valid, expired or not yet valid, now.
    pub validity: Validity,
    /// Whole days until the end (negative when expired).
    pub days_left: i64,
    /// Key usage in words (empty when the extension is absent).
    pub key_usage: Vec<String>,
    /// Extended key usage in words.
    pub extended_key_usage: Vec<String>,
    /// Subject alternative names (`email:…`, `dns:…`, `uri:…`, `ip:…`).
    pub subject_alt_names: Vec<String>,
    /// Signature algorithm in words.
    pub signature_algorithm: String,
    /// Public key algorithm in words, with its size or curve.
    pub key_algorithm: String,
    /// Can tokenward use the key (sign, verify), or only list it (GOST)?
    pub key_usable: bool,
    /// SHA-256 fingerprint, lower-case hex without separators.
    pub fingerprint_sha256: String,
    /// National identifiers in the subject.
    pub national_ids: Vec<NationalId>,
    /// The certificate is a CA (basicConstraints cA).
    pub is_ca: bool,
    /// Subject key identifier, hex.
    pub subject_key_id: Option<String>,
    /// Authority key identifier, hex.
    pub authority_key_id: Option<String>,
    /// Does the key usage allow signing documents (digitalSignature or nonRepudiation, or no
    /// key usage extension at all)?
    pub can_sign: bool,
    /// Warnings (trailing bytes after the certificate, broken extensions).
    pub warnings: Vec<String>,
    /// The subject DER (for CKA_SUBJECT and chain matching).
    #[serde(skip)]
    pub subject_der: Vec<u8>,
    /// The issuer DER.
    #[serde(skip)]
    pub issuer_der: Vec<u8>,
    /// The serial number as a DER INTEGER (for CKA_SERIAL_NUMBER).
    #[serde(skip)]
    pub serial_der: Vec<u8>,
    /// The SubjectPublicKeyInfo DER.
    #[serde(skip)]
    pub spki_der: Vec<u8>,
    /// The public key in PKCS#11 form.
    #[serde(skip)]
    pub public_key: PublicKeyMaterial,
}

/// The issuers of the certificate `leaf` found among `certs`, nearest first (matched by
/// issuer/subject DN and, where both are present, authority/subject key identifiers); `info`
/// reads a certificate (`None`: unreadable). `leaf` may be among `certs` (the same `CertInfo`
/// `info` gives) or not. Stops at a self-signed certificate or after 10 links.
pub fn issuers_of<'a, C>(
    leaf: &CertInfo,
    certs: &'a [C],
    info: impl Fn(&C) -> Option<&CertInfo>,
) -> Vec<&'a C> {
    let mut out: Vec<&C> = Vec::new();
    let mut current = leaf;
    for _ in 0..10 {
        if current.issuer_der == current.subject_der {
            break;
        }
        let issuer = certs.iter().find_map(|c| {
            let ci = info(c)?;
            let issued = ci.subject_der == current.issuer_der
                && match (&current.authority_key_id, &ci.subject_key_id) {
                    (Some(a), Some(s)) => a == s,
                    _ => true,
                };
            (issued && !std::ptr::eq(ci, current) && !out.iter().any(|o| std::ptr::eq(*o, c)))
                .then_some((c, ci))
        });
        match issuer {
            Some((c, ci)) => {
                out.push(c);
                current = ci;
            }
            None => break,
        }
    }
    out
}

/// Parse a DER certificate. The error is a sentence for the "unreadable certificate" line.
///
/// # Errors
/// The bytes are not a DER X.509 certificate (the reason in words).
pub fn parse(der: &[u8]) -> Result<CertInfo, String> {
    parse_at(der, OffsetDateTime::now_utc())
}

/// Parse as of `now` (for tests).
///
/// # Errors
/// The bytes are not a DER X.509 certificate (the reason in words).
pub fn parse_at(der: &[u8], now: OffsetDateTime) -> Result<CertInfo, String> {
    if der.is_empty() {
        return Err("the object holds no certificate data".into());
    }
    let (rest, cert) = X509Certificate::from_der(der)
        .map_err(|e| format!("not a valid X.509 certificate ({e})"))?;
    let mut warnings = Vec::new();
    if !rest.is_empty() {
        warnings.push(format!(
            "{} extra bytes after the certificate were ignored",
            rest.len()
        ));
    }
    let tbs = &cert.tbs_certificate;
    let not_before = tbs.validity.not_before.to_datetime();
    let not_after = tbs.validity.not_after.to_datetime();
    let validity = if now < not_before {
        Validity::NotYetValid
    } else if now > not_after {
        Validity::Expired
    } else {
        Validity::Valid
    };
    let days_left = (not_after - now).whole_days();

    let mut key_usage = Vec::new();
    let mut extended_key_usage = Vec::new();
    let mut subject_alt_names = Vec::new();
    let mut subject_key_id = None;
    let mut authority_key_id = None;
    let mut is_ca = false;
    let mut has_key_usage = false;
    let mut signing_usage = false;
    for ext in tbs.extensions() {
        match ext.parsed_extension() {
            ParsedExtension::KeyUsage(ku) => {
                has_key_usage = true;
                signing_usage = ku.digital_signature() || ku.non_repudiation();
                key_usage = key_usage_words(ku);
            }
            ParsedExtension::ExtendedKeyUsage(eku) => {
                let known = [
                    (eku.any, "any"),
                    (eku.server_auth, "server_auth"),
                    (eku.client_auth, "client_auth"),
                    (eku.code_signing, "code_signing"),
                    (eku.email_protection, "email_protection"),
                    (eku.time_stamping, "time_stamping"),
                    (eku.ocsp_signing, "ocsp_signing"),
                ];
                extended_key_usage = known
                    .iter()
                    .filter(|(on, _)| *on)
                    .map(|(_, w)| (*w).to_string())
                    .chain(
                        eku.other
                            .iter()
                            .map(|o| names::extended_key_usage(&o.to_id_string())),
                    )
                    .collect();
            }
            ParsedExtension::SubjectAlternativeName(san) => {
                subject_alt_names = san.general_names.iter().map(general_name).collect();
            }
            ParsedExtension::SubjectKeyIdentifier(id) => subject_key_id = Some(hex::encode(id.0)),
            ParsedExtension::AuthorityKeyIdentifier(aki) => {
                authority_key_id = aki.key_identifier.as_ref().map(|k| hex::encode(k.0))
            }
            ParsedExtension::BasicConstraints(bc) => is_ca = bc.ca,
            ParsedExtension::ParseError { error } => warnings.push(format!(
                "extension {} could not be read ({error})",
                ext.oid.to_id_string()
            )),
            _ => {}
        }
    }

    let spki = tbs.subject_pki.clone();
    let key_oid = spki.algorithm.algorithm.to_id_string();
    let (mut key_algorithm, support) = names::key_algorithm(&key_oid);
    let public_key = match spki.parsed() {
        Ok(PublicKey::RSA(rsa)) => {
            key_algorithm = format!("RSA {}", rsa.key_size());
            PublicKeyMaterial::Rsa {
                modulus: strip_zeros(rsa.modulus),
                exponent: strip_zeros(rsa.exponent),
            }
        }
        Ok(PublicKey::EC(point)) => {
            let curve = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.as_oid().ok())
                .and_then(|o| names::curve(&o.to_id_string()));
            if let Some(c) = curve {
                key_algorithm = format!("EC {c}");
            }
            PublicKeyMaterial::Ec {
                point: point.data().to_vec(),
            }
        }
        _ if key_oid == "1.3.101.112" => {
            PublicKeyMaterial::Ed25519(spki.subject_public_key.data.to_vec())
        }
        _ => PublicKeyMaterial::Other,
    };

    let subject_cn = common_name(&tbs.subject).unwrap_or_else(|| dn_string(&tbs.subject));
    let issuer_cn = common_name(&tbs.issuer).unwrap_or_else(|| dn_string(&tbs.issuer));
    let fingerprint = ring::digest::digest(&ring::digest::SHA256, der_of(der, rest));
    Ok(CertInfo {
        subject: dn_string(&tbs.subject),
        issuer: dn_string(&tbs.issuer),
        subject_cn,
        issuer_cn,
        serial: hex::encode(tbs.raw_serial()),
        not_before: rfc3339(not_before),
        not_after: rfc3339(not_after),
        validity,
        days_left,
        key_usage,
        extended_key_usage,
        subject_alt_names,
        signature_algorithm: names::signature_algorithm(
            &cert.signature_algorithm.algorithm.to_id_string(),
        ),
        key_algorithm,
        key_usable: support == KeySupport::Usable,
        fingerprint_sha256: hex::encode(fingerprint.as_ref()),
        national_ids: national_ids(&tbs.subject),
        is_ca,
        subject_key_id,
        authority_key_id,
        can_sign: !has_key_usage || signing_usage,
        warnings,
        subject_der: tbs.subject.as_raw().to_vec(),
        issuer_der: tbs.issuer.as_raw().to_vec(),
        serial_der: der_integer(tbs.raw_serial()),
        spki_der: spki.raw.to_vec(),
        public_key,
    })
}

/// Split PEM text (one or many certificates) or DER bytes into DER certificates.
///
/// # Errors
/// Broken PEM, or data that is neither PEM nor DER.
pub fn split_pem_or_der(data: &[u8]) -> Result<Vec<Vec<u8>>, String> {
    let text_like = data
        .iter()
        .take(64)
        .all(|b| b.is_ascii_graphic() || b.is_ascii_whitespace());
    if !text_like {
        return Ok(vec![data.to_vec()]);
    }
    if !data.windows(11).any(|w| w == b"-----BEGIN ") {
        return Err(if data.iter().all(u8::is_ascii_whitespace) {
            "the file is empty".into()
        } else {
            "the file is neither PEM (-----BEGIN CERTIFICATE-----) nor DER".into()
        });
    }
    let mut out = Vec::new();
    for pem in x509_parser::pem::Pem::iter_from_buffer(data) {
        let pem =
            pem.map_err(|e| format!("the PEM data is damaged ({e}); check the base64 body"))?;
        if pem.label == "CERTIFICATE" || pem.label == "TRUSTED CERTIFICATE" {
            out.push(pem.contents);
        }
    }
    if out.is_empty() {
        return Err("the PEM file holds no CERTIFICATE block".into());
    }
    Ok(out)
}

/// DER bytes as PEM.
pub fn to_pem(der: &[u8]) -> String {
    pem("CERTIFICATE", der)
}

/// PEM text of DER data under `label` ("CERTIFICATE", "PUBLIC KEY", …), 64 columns.
pub fn pem(label: &str, der: &[u8]) -> String {
    let b64 = data_encoding::BASE64.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(chunk).expect("base64 is ASCII"));
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

fn der_of<'a>(der: &'a [u8], rest: &[u8]) -> &'a [u8] {
    &der[..der.len() - rest.len()]
}

/// Big-endian integer bytes without leading zeros (how PKCS#11 and X.509 may differ).
pub fn strip_zeros(bytes: &[u8]) -> Vec<u8> {
    let skip = bytes.iter().take_while(|b| **b == 0).count();
    bytes[skip..].to_vec()
}

fn der_integer(raw: &[u8]) -> Vec<u8> {
    let mut body = raw.to_vec();
    if body.first().is_some_and(|b| b & 0x80 != 0) {
        body.insert(0, 0);
    }
    let mut out = vec![0x02];
    push_len(&mut out, body.len());
    out.extend(body);
    out
}

fn push_len(out: &mut Vec<u8>, len: usize) {
    if len < 128 {
        out.push(len as u8);
    } else {
        let bytes: Vec<u8> = len
            .to_be_bytes()
            .into_iter()
            .skip_while(|b| *b == 0)
            .collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend(bytes);
    }
}

fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

fn key_usage_words(ku: &x509_parser::extensions::KeyUsage) -> Vec<String> {
    let all = [
        (ku.digital_signature(), "digital_signature"),
        (ku.non_repudiation(), "non_repudiation"),
        (ku.key_encipherment(), "key_encipherment"),
        (ku.data_encipherment(), "data_encipherment"),
        (ku.key_agreement(), "key_agreement"),
        (ku.key_cert_sign(), "key_cert_sign"),
        (ku.crl_sign(), "crl_sign"),
        (ku.encipher_only(), "encipher_only"),
        (ku.decipher_only(), "decipher_only"),
    ];
    all.iter()
        .filter(|(on, _)| *on)
        .map(|(_, w)| (*w).to_string())
        .collect()
}

fn general_name(name: &GeneralName<'_>) -> String {
    match name {
        GeneralName::RFC822Name(e) => format!("email:{e}"),
        GeneralName::DNSName(d) => format!("dns:{d}"),
        GeneralName::URI(u) => format!("uri:{u}"),
        GeneralName::IPAddress(ip) => format!("ip:{}", hex::encode(ip)),
        GeneralName::DirectoryName(n) => format!("dirname:{}", dn_string(n)),
        other => format!("{other:?}"),
    }
}

fn attr_value(attr: &x509_parser::x509::AttributeTypeAndValue<'_>) -> String {
    match attr.as_str() {
        Ok(s) => s.to_string(),
        Err(_) => {
            let data = attr.attr_value().data;
            String::from_utf8(data.to_vec()).unwrap_or_else(|_| format!("#{}", hex::encode(data)))
        }
    }
}

fn common_name(name: &X509Name<'_>) -> Option<String> {
    name.iter_common_name().next().map(attr_value)
}

/// A distinguished name as `CN=…, O=…`, with national attributes by name.
pub fn dn_string(name: &X509Name<'_>) -> String {
    let mut parts: Vec<String> = Vec::new();
    for rdn in name.iter_rdn() {
        for attr in rdn.iter() {
            let oid = attr.attr_type().to_id_string();
            let key = names::attribute(&oid).map(str::to_string).unwrap_or(oid);
            parts.push(format!("{key}={}", attr_value(attr)));
        }
    }
    // Most specific first, as people read it (CN before O before C).
    parts.reverse();
    parts.join(", ")
}

fn national_ids(name: &X509Name<'_>) -> Vec<NationalId> {
    let mut out = Vec::new();
    for rdn in name.iter_rdn() {
        for attr in rdn.iter() {
            let oid = attr.attr_type().to_id_string();
            let value = attr_value(attr).trim().to_string();
            let kind = match oid.as_str() {
                "1.2.643.3.131.1.1" => "inn",
                "1.2.643.100.4" => "inn_le",
                "1.2.643.100.1" => "ogrn",
                "1.2.643.100.5" => "ogrnip",
                "1.2.643.100.3" => "snils",
                // SAT e.firma: "RFC / CURP" in x500UniqueIdentifier, " / CURP" in serialNumber.
                "2.5.4.45" | "2.5.4.5" if value.contains(" / ") || value.starts_with('/') => {
                    let (rfc, curp) = value.split_once('/').unwrap_or((&value, ""));
                    let (rfc, curp) = (rfc.trim(), curp.trim());
                    if !rfc.is_empty() && !out.iter().any(|n: &NationalId| n.kind == "rfc") {
                        out.push(NationalId {
                            kind: "rfc",
                            name: "RFC (Mexican taxpayer registry)",
                            value: rfc.to_string(),
                        });
                    }
                    if !curp.is_empty() && !out.iter().any(|n: &NationalId| n.kind == "curp") {
                        out.push(NationalId {
                            kind: "curp",
                            name: "CURP (Mexican population registry)",
                            value: curp.to_string(),
                        });
                    }
                    continue;
                }
                _ => continue,
            };
            out.push(NationalId {
                kind,
                name: names::national(&oid).unwrap_or(kind),
                value,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn der_integers_get_a_sign_byte_when_needed() {
        assert_eq!(der_integer(&[0x01]), vec![0x02, 0x01, 0x01]);
        assert_eq!(der_integer(&[0x80]), vec![0x02, 0x02, 0x00, 0x80]);
    }
}
