//! Objects on a token: class, label, id, key type and size, the flags that matter, and the
//! object's URI. Each object's attributes are read in one batched C_GetAttributeValue
//! (two when some lengths must be asked first), never one round trip per attribute.

use cryptoki::object::{Attribute, AttributeType, KeyType, ObjectClass, ObjectHandle};
use cryptoki::session::Session;
use serde::Serialize;

use super::slots::TokenReport;
use crate::error::{Error, Result};
use crate::uri::ObjectType;

/// One object, as `tokenward objects` shows it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ObjectReport {
    /// Object class in snake case: `certificate`, `private_key`, `public_key`, `secret_key`,
    /// `data`, …
    pub class: String,
    /// CKA_LABEL (lossy UTF-8, trailing spaces kept as stored).
    pub label: String,
    /// CKA_ID in lower-case hex.
    pub id: String,
    /// Key type in snake case (`rsa`, `ec`, `ec_edwards`, `aes`, …) for keys.
    pub key_type: Option<String>,
    /// Key size in bits, when it can be told.
    pub key_bits: Option<u64>,
    /// Named curve for EC and Edwards keys.
    pub curve: Option<String>,
    /// Certificate type (`x_509`, …) for certificates.
    pub certificate_type: Option<String>,
    /// The boolean attributes; `null` where the attribute does not apply.
    pub flags: ObjectFlags,
    /// The object's URI (token by serial, object by id, label and type).
    pub uri: String,
    /// Why the attributes could not be read, when they could not.
    pub error: Option<String>,
}

/// The boolean attributes that matter to a user; `None` where the token did not report it.
#[derive(Debug, Clone, Copy, Default, Serialize, schemars::JsonSchema)]
pub struct ObjectFlags {
    /// CKA_TOKEN (stored on the token).
    pub token: Option<bool>,
    /// CKA_PRIVATE (needs a login to see).
    pub private: Option<bool>,
    /// CKA_MODIFIABLE.
    pub modifiable: Option<bool>,
    /// CKA_SENSITIVE (value never leaves in clear).
    pub sensitive: Option<bool>,
    /// CKA_EXTRACTABLE.
    pub extractable: Option<bool>,
    /// CKA_ALWAYS_SENSITIVE.
    pub always_sensitive: Option<bool>,
    /// CKA_NEVER_EXTRACTABLE.
    pub never_extractable: Option<bool>,
    /// CKA_LOCAL (generated on the token).
    pub local: Option<bool>,
    /// CKA_SIGN.
    pub sign: Option<bool>,
    /// CKA_VERIFY.
    pub verify: Option<bool>,
    /// CKA_ENCRYPT.
    pub encrypt: Option<bool>,
    /// CKA_DECRYPT.
    pub decrypt: Option<bool>,
    /// CKA_WRAP.
    pub wrap: Option<bool>,
    /// CKA_UNWRAP.
    pub unwrap: Option<bool>,
    /// CKA_DERIVE.
    pub derive: Option<bool>,
    /// CKA_ALWAYS_AUTHENTICATE (a PIN for every use).
    pub always_authenticate: Option<bool>,
}

impl ObjectFlags {
    /// The set flags as short words, for the human table.
    pub fn words(&self) -> Vec<&'static str> {
        let all = [
            (self.private, "private"),
            (self.sensitive, "sensitive"),
            (self.extractable, "extractable"),
            (self.local, "local"),
            (self.sign, "sign"),
            (self.verify, "verify"),
            (self.encrypt, "encrypt"),
            (self.decrypt, "decrypt"),
            (self.wrap, "wrap"),
            (self.unwrap, "unwrap"),
            (self.derive, "derive"),
            (self.always_authenticate, "always-auth"),
        ];
        all.iter()
            .filter(|(v, _)| *v == Some(true))
            .map(|(_, w)| *w)
            .collect()
    }
}

const ATTRIBUTES: &[AttributeType] = &[
    AttributeType::Class,
    AttributeType::Label,
    AttributeType::Id,
    AttributeType::KeyType,
    AttributeType::CertificateType,
    AttributeType::Token,
    AttributeType::Private,
    AttributeType::Modifiable,
    AttributeType::Sensitive,
    AttributeType::Extractable,
    AttributeType::AlwaysSensitive,
    AttributeType::NeverExtractable,
    AttributeType::Local,
    AttributeType::Sign,
    AttributeType::Verify,
    AttributeType::Encrypt,
    AttributeType::Decrypt,
    AttributeType::Wrap,
    AttributeType::Unwrap,
    AttributeType::Derive,
    AttributeType::AlwaysAuthenticate,
    AttributeType::ModulusBits,
    AttributeType::Modulus,
    AttributeType::EcParams,
    AttributeType::ValueLen,
];

/// List every object the session can see, sorted by class then label.
///
/// # Errors
/// The module's errors.
pub fn list_objects(session: &Session, token: &TokenReport) -> Result<Vec<ObjectReport>> {
    let handles = crate::trace::pkcs11("C_FindObjects", None, || session.find_objects(&[]))?;
    let mut out: Vec<ObjectReport> = handles
        .into_iter()
        .map(|h| describe_object(session, token, h))
        .collect();
    out.sort_by(|a, b| {
        (class_rank(&a.class), &a.label, &a.id).cmp(&(class_rank(&b.class), &b.label, &b.id))
    });
    Ok(out)
}

/// Describe one object; an object whose attributes cannot be read is reported with the
/// reason instead of failing the whole listing.
pub fn describe_object(
    session: &Session,
    token: &TokenReport,
    handle: ObjectHandle,
) -> ObjectReport {
    match crate::trace::pkcs11("C_GetAttributeValue", None, || {
        session.get_attributes(handle, ATTRIBUTES)
    }) {
        Ok(attrs) => from_attributes(token, &attrs),
        Err(e) => ObjectReport {
            class: "unreadable".into(),
            label: String::new(),
            id: String::new(),
            key_type: None,
            key_bits: None,
            curve: None,
            certificate_type: None,
            flags: ObjectFlags::default(),
            uri: token.uri.clone(),
            error: Some(Error::from(e).to_string()),
        },
    }
}

fn from_attributes(token: &TokenReport, attrs: &[Attribute]) -> ObjectReport {
    let mut class = None;
    let mut label = String::new();
    let mut id = Vec::new();
    let mut key_type = None;
    let mut cert_type = None;
    let mut flags = ObjectFlags::default();
    let mut modulus_bits = None;
    let mut modulus_len = None;
    let mut ec_params = None;
    let mut value_len = None;
    for attr in attrs {
        match attr {
            Attribute::Class(c) => class = Some(*c),
            Attribute::Label(l) => label = String::from_utf8_lossy(l).into_owned(),
            Attribute::Id(i) => id = i.clone(),
            Attribute::KeyType(k) => key_type = Some(*k),
            Attribute::CertificateType(c) => cert_type = Some(spec_name(&c.to_string(), "CKC_")),
            Attribute::Token(b) => flags.token = Some(*b),
            Attribute::Private(b) => flags.private = Some(*b),
            Attribute::Modifiable(b) => flags.modifiable = Some(*b),
            Attribute::Sensitive(b) => flags.sensitive = Some(*b),
            Attribute::Extractable(b) => flags.extractable = Some(*b),
            Attribute::AlwaysSensitive(b) => flags.always_sensitive = Some(*b),
            Attribute::NeverExtractable(b) => flags.never_extractable = Some(*b),
            Attribute::Local(b) => flags.local = Some(*b),
            Attribute::Sign(b) => flags.sign = Some(*b),
            Attribute::Verify(b) => flags.verify = Some(*b),
            Attribute::Encrypt(b) => flags.encrypt = Some(*b),
            Attribute::Decrypt(b) => flags.decrypt = Some(*b),
            Attribute::Wrap(b) => flags.wrap = Some(*b),
            Attribute::Unwrap(b) => flags.unwrap = Some(*b),
            Attribute::Derive(b) => flags.derive = Some(*b),
            Attribute::AlwaysAuthenticate(b) => flags.always_authenticate = Some(*b),
            Attribute::ModulusBits(n) => modulus_bits = Some(u64::from(*n)),
            Attribute::Modulus(m) => modulus_len = Some(significant_bits(m)),
            Attribute::EcParams(p) => ec_params = Some(p.clone()),
            Attribute::ValueLen(n) => value_len = Some(u64::from(*n) * 8),
            _ => {}
        }
    }
    let curve = ec_params.as_deref().and_then(curve_name);
    let key_bits = match key_type {
        Some(k) if k == KeyType::RSA => modulus_bits.or(modulus_len),
        Some(k) if k == KeyType::EC || k == KeyType::EC_EDWARDS => {
            curve.as_deref().and_then(curve_bits)
        }
        Some(_) => value_len,
        None => None,
    };
    let class_name = class.map_or_else(
        || "unknown".to_string(),
        |c| spec_name(&c.to_string(), "CKO_"),
    );
    let mut uri = token.uri();
    uri.object = Some(label.clone());
    uri.id = Some(id.clone());
    uri.object_type = class.and_then(object_type);
    ObjectReport {
        class: class_name,
        label,
        id: hex::encode(&id),
        key_type: key_type.map(|k| spec_name(&k.to_string(), "CKK_")),
        key_bits,
        curve,
        certificate_type: cert_type,
        flags,
        uri: uri.to_string(),
        error: None,
    }
}

/// The URI `type` of an object class.
pub fn object_type(class: ObjectClass) -> Option<ObjectType> {
    Some(match class {
        c if c == ObjectClass::CERTIFICATE => ObjectType::Cert,
        c if c == ObjectClass::DATA => ObjectType::Data,
        c if c == ObjectClass::PRIVATE_KEY => ObjectType::Private,
        c if c == ObjectClass::PUBLIC_KEY => ObjectType::Public,
        c if c == ObjectClass::SECRET_KEY => ObjectType::SecretKey,
        _ => return None,
    })
}

fn class_rank(class: &str) -> u8 {
    match class {
        "certificate" => 0,
        "private_key" => 1,
        "public_key" => 2,
        "secret_key" => 3,
        "data" => 4,
        _ => 5,
    }
}

/// `CKO_PRIVATE_KEY` → `private_key`.
fn spec_name(text: &str, prefix: &str) -> String {
    text.trim_start_matches(prefix).to_ascii_lowercase()
}

fn significant_bits(big_endian: &[u8]) -> u64 {
    let skip = big_endian.iter().take_while(|b| **b == 0).count();
    match big_endian.get(skip) {
        Some(first) => (big_endian.len() - skip) as u64 * 8 - u64::from(first.leading_zeros()),
        None => 0,
    }
}

/// The named curve in a DER `ECParameters` (an OID, or a PrintableString for Edwards curves).
pub fn curve_name(params: &[u8]) -> Option<String> {
    const CURVES: &[(&[u8], &str)] = &[
        (&[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07], "P-256"),
        (&[0x2b, 0x81, 0x04, 0x00, 0x22], "P-384"),
        (&[0x2b, 0x81, 0x04, 0x00, 0x23], "P-521"),
        (&[0x2b, 0x81, 0x04, 0x00, 0x0a], "secp256k1"),
        (&[0x2b, 0x65, 0x70], "Ed25519"),
        (&[0x2b, 0x65, 0x71], "Ed448"),
        (&[0x2b, 0x65, 0x6e], "X25519"),
        (
            &[0x2b, 0x24, 0x03, 0x03, 0x02, 0x08, 0x01, 0x01, 0x07],
            "brainpoolP256r1",
        ),
        (
            &[0x2b, 0x24, 0x03, 0x03, 0x02, 0x08, 0x01, 0x01, 0x0b],
            "brainpoolP384r1",
        ),
    ];
    match params {
        [0x06, len, oid @ ..] if usize::from(*len) == oid.len() => CURVES
            .iter()
            .find(|(o, _)| *o == oid)
            .map(|(_, n)| (*n).to_string())
            .or_else(|| Some(format!("OID {}", hex::encode(oid)))),
        [0x13, len, name @ ..] if usize::from(*len) == name.len() => {
            match std::str::from_utf8(name).ok()? {
                "edwards25519" => Some("Ed25519".into()),
                "edwards448" => Some("Ed448".into()),
                other => Some(other.to_string()),
            }
        }
        _ => None,
    }
}

fn curve_bits(curve: &str) -> Option<u64> {
    Some(match curve {
        "P-256" | "secp256k1" | "brainpoolP256r1" | "Ed25519" | "X25519" => 256,
        "P-384" | "brainpoolP384r1" => 384,
        "P-521" => 521,
        "Ed448" => 448,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curves_are_named_from_their_der_parameters() {
        let p256 = hex::decode("06082a8648ce3d030107").unwrap();
        assert_eq!(curve_name(&p256).as_deref(), Some("P-256"));
        assert_eq!(
            curve_name(&hex::decode("06052b81040022").unwrap()).as_deref(),
            Some("P-384")
        );
        assert_eq!(
            curve_name(&hex::decode("06032b6570").unwrap()).as_deref(),
            Some("Ed25519")
        );
        let printable = [&[0x13, 12][..], b"edwards25519"].concat();
        assert_eq!(curve_name(&printable).as_deref(), Some("Ed25519"));
        assert_eq!(curve_name(&[0x30, 0x00]), None);
    }

    #[test]
    fn modulus_size_ignores_leading_zero_bytes() {
        let mut m = vec![0u8; 257];
        m[1] = 0x80;
        assert_eq!(significant_bits(&m), 2048);
        assert_eq!(significant_bits(&[0, 0]), 0);
    }
}
