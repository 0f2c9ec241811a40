//! Certificates on a token and the keys that belong to them.
//!
//! A certificate belongs to a private key when their public keys are equal: the certificate's
//! SPKI is compared with each public key object (CKA_MODULUS/CKA_PUBLIC_EXPONENT, CKA_EC_POINT)
//! and with the public attributes of private keys (RSA private keys carry the modulus). A key
//! that only shares the certificate's CKA_ID is reported as a weaker "id only" match.

use cryptoki::object::{
    Attribute, AttributeType, CertificateType, KeyType, ObjectClass, ObjectHandle,
};
use cryptoki::session::Session;
use serde::Serialize;

use super::slots::TokenReport;
use crate::cert::{self, strip_zeros, CertInfo, PublicKeyMaterial};
use crate::error::Result;
use crate::uri::ObjectType;

/// A certificate object on the token.
#[derive(Debug, Clone)]
pub struct TokenCert {
    /// The object handle (valid in the session that read it).
    pub handle: ObjectHandle,
    /// CKA_LABEL.
    pub label: String,
    /// CKA_ID.
    pub id: Vec<u8>,
    /// CKA_VALUE (DER).
    pub der: Vec<u8>,
    /// The parsed certificate, or why it could not be read.
    pub info: std::result::Result<CertInfo, String>,
    /// The key that belongs to it.
    pub key: KeyMatch,
    /// The object's URI.
    pub uri: String,
}

/// How the certificate's private key was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// The public keys are equal.
    ByPublicKey,
    /// Only the CKA_ID is the same (the public key could not be compared).
    ByIdOnly,
    /// No key on the token belongs to it.
    None,
}

/// The key found for a certificate.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct KeyMatch {
    /// How it matched.
    #[serde(rename = "match")]
    pub kind: MatchKind,
    /// A private key object was seen (without a login private keys are hidden, and a match
    /// through the public key object alone says the pair was on the token).
    pub private_key_seen: bool,
    /// The private key's label, when seen.
    pub label: Option<String>,
    /// The key's CKA_ID in hex.
    pub id: Option<String>,
    /// The private key's URI.
    pub uri: Option<String>,
    /// The private key's handle, when seen.
    #[serde(skip)]
    pub handle: Option<ObjectHandle>,
}

/// A key object (public or private) with its public key material.
#[derive(Debug, Clone)]
pub struct KeyObject {
    /// The handle.
    pub handle: ObjectHandle,
    /// Private (true) or public key object.
    pub private: bool,
    /// CKA_LABEL.
    pub label: String,
    /// CKA_ID.
    pub id: Vec<u8>,
    /// CKA_KEY_TYPE.
    pub key_type: Option<KeyType>,
    /// RSA modulus.
    pub modulus: Option<Vec<u8>>,
    /// RSA public exponent.
    pub exponent: Option<Vec<u8>>,
    /// CKA_EC_POINT as stored (maybe wrapped in an OCTET STRING).
    pub ec_point: Option<Vec<u8>>,
    /// CKA_EC_PARAMS.
    pub ec_params: Option<Vec<u8>>,
    /// CKA_ALWAYS_AUTHENTICATE.
    pub always_authenticate: bool,
    /// CKA_SIGN (private keys).
    pub sign: bool,
    /// CKA_EXTRACTABLE (private keys).
    pub extractable: bool,
    /// CKA_SENSITIVE (private keys).
    pub sensitive: bool,
    /// The object's URI.
    pub uri: String,
}

/// Read every certificate and key object and match them.
///
/// # Errors
/// The module's errors.
pub fn read_certificates(
    session: &Session,
    token: &TokenReport,
) -> Result<(Vec<TokenCert>, Vec<KeyObject>)> {
    let keys = read_keys(session, token)?;
    let handles = find(session, ObjectClass::CERTIFICATE, &[])?;
    let certs = read_cert_handles(session, token, &handles, &keys)?;
    Ok((certs, keys))
}

/// The handles of the objects of `class` that also match `extra` (C_FindObjects).
///
/// # Errors
/// The module's errors.
pub fn find(
    session: &Session,
    class: ObjectClass,
    extra: &[Attribute],
) -> Result<Vec<ObjectHandle>> {
    let mut template = vec![Attribute::Class(class)];
    template.extend_from_slice(extra);
    Ok(crate::trace::pkcs11("C_FindObjects", None, || {
        session.find_objects(&template)
    })?)
}

/// Read and parse the certificates `handles`, matched with `keys`, sorted by label and id.
///
/// # Errors
/// The module's errors.
pub fn read_cert_handles(
    session: &Session,
    token: &TokenReport,
    handles: &[ObjectHandle],
    keys: &[KeyObject],
) -> Result<Vec<TokenCert>> {
    let mut certs = Vec::with_capacity(handles.len());
    for handle in handles {
        certs.push(read_certificate(session, token, *handle, keys)?);
    }
    // Modules return objects in any order: sort, so every listing and every list of
    // candidates is the same from one run to the next.
    certs.sort_by(|a, b| (&a.label, &a.id).cmp(&(&b.label, &b.id)));
    Ok(certs)
}

fn read_certificate(
    session: &Session,
    token: &TokenReport,
    handle: ObjectHandle,
    keys: &[KeyObject],
) -> Result<TokenCert> {
    let attrs = crate::trace::pkcs11("C_GetAttributeValue", None, || {
        session.get_attributes(
            handle,
            &[
                AttributeType::Label,
                AttributeType::Id,
                AttributeType::CertificateType,
                AttributeType::Value,
            ],
        )
    })?;
    let (mut label, mut id, mut der, mut ctype) = (String::new(), Vec::new(), Vec::new(), None);
    for a in attrs {
        match a {
            Attribute::Label(l) => label = String::from_utf8_lossy(&l).into_owned(),
            Attribute::Id(i) => id = i,
            Attribute::Value(v) => der = v,
            Attribute::CertificateType(t) => ctype = Some(t),
            _ => {}
        }
    }
    let info = match ctype {
        Some(t) if t != CertificateType::X_509 => Err(format!(
            "certificate type {t} is not X.509; tokenward reads X.509 certificates only"
        )),
        _ => cert::parse(&der),
    };
    // Bytes after the certificate (anyone can write a certificate object) are dropped here,
    // once, so that listing, chains, CMS and exports all see the same certificate.
    if info.is_ok() {
        if let Ok((rest, _)) =
            <x509_parser::certificate::X509Certificate as x509_parser::prelude::FromDer<
                x509_parser::error::X509Error,
            >>::from_der(&der)
        {
            let len = der.len() - rest.len();
            der.truncate(len);
        }
    }
    let key = pair_with(&info, &id, keys);
    Ok(TokenCert {
        handle,
        uri: object_uri(token, &label, &id, ObjectType::Cert),
        label,
        id,
        der,
        info,
        key,
    })
}

/// The key among `keys` of a certificate with this parse result and CKA_ID.
pub fn pair_with(
    info: &std::result::Result<CertInfo, String>,
    id: &[u8],
    keys: &[KeyObject],
) -> KeyMatch {
    match info {
        Ok(i) => match_key(&i.public_key, id, keys),
        Err(_) => match_key(&PublicKeyMaterial::Other, id, keys),
    }
}

/// Read every public and private key object the session can see.
///
/// # Errors
/// The module's errors.
pub fn read_keys(session: &Session, token: &TokenReport) -> Result<Vec<KeyObject>> {
    read_keys_where(session, token, &[])
}

/// Read the public and private key objects that also match `extra` (a label, an id).
///
/// # Errors
/// The module's errors.
pub fn read_keys_where(
    session: &Session,
    token: &TokenReport,
    extra: &[Attribute],
) -> Result<Vec<KeyObject>> {
    let mut out = Vec::new();
    for (class, private) in [
        (ObjectClass::PRIVATE_KEY, true),
        (ObjectClass::PUBLIC_KEY, false),
    ] {
        for handle in find(session, class, extra)? {
            out.push(read_key_handle(session, token, handle, private)?);
        }
    }
    sort_keys(&mut out);
    Ok(out)
}

/// Private keys first, then by label and id: the same order in every run.
pub fn sort_keys(keys: &mut [KeyObject]) {
    keys.sort_by(|a, b| (!a.private, &a.label, &a.id).cmp(&(!b.private, &b.label, &b.id)));
}

/// Read the key object `handle` (a private key when `private`).
///
/// # Errors
/// The module's errors.
pub fn read_key_handle(
    session: &Session,
    token: &TokenReport,
    handle: ObjectHandle,
    private: bool,
) -> Result<KeyObject> {
    let attrs = crate::trace::pkcs11("C_GetAttributeValue", None, || {
        session.get_attributes(handle, KEY_ATTRIBUTES)
    })?;
    Ok(key_from_attributes(token, handle, private, attrs))
}

/// What is read of a key object (never its value: a private key's bytes are not read).
pub const KEY_ATTRIBUTES: &[AttributeType] = &[
    AttributeType::Label,
    AttributeType::Id,
    AttributeType::KeyType,
    AttributeType::Modulus,
    AttributeType::PublicExponent,
    AttributeType::EcPoint,
    AttributeType::EcParams,
    AttributeType::AlwaysAuthenticate,
    AttributeType::Sign,
    AttributeType::Extractable,
    AttributeType::Sensitive,
];

/// The key object `handle` from its [`KEY_ATTRIBUTES`] (others are ignored).
pub fn key_from_attributes(
    token: &TokenReport,
    handle: ObjectHandle,
    private: bool,
    attrs: Vec<Attribute>,
) -> KeyObject {
    let mut k = KeyObject {
        handle,
        private,
        label: String::new(),
        id: Vec::new(),
        key_type: None,
        modulus: None,
        exponent: None,
        ec_point: None,
        ec_params: None,
        always_authenticate: false,
        sign: false,
        extractable: false,
        sensitive: false,
        uri: String::new(),
    };
    for a in attrs {
        match a {
            Attribute::Label(l) => k.label = String::from_utf8_lossy(&l).into_owned(),
            Attribute::Id(i) => k.id = i,
            Attribute::KeyType(t) => k.key_type = Some(t),
            Attribute::Modulus(m) => k.modulus = Some(strip_zeros(&m)),
            Attribute::PublicExponent(e) => k.exponent = Some(strip_zeros(&e)),
            Attribute::EcPoint(p) => k.ec_point = Some(p),
            Attribute::EcParams(p) => k.ec_params = Some(p),
            Attribute::AlwaysAuthenticate(b) => k.always_authenticate = b,
            Attribute::Sign(b) => k.sign = b,
            Attribute::Extractable(b) => k.extractable = b,
            Attribute::Sensitive(b) => k.sensitive = b,
            _ => {}
        }
    }
    let ty = if private {
        ObjectType::Private
    } else {
        ObjectType::Public
    };
    k.uri = object_uri(token, &k.label, &k.id, ty);
    k
}

impl KeyObject {
    /// Does this key object hold the same public key as `material`?
    pub fn same_public_key(&self, material: &PublicKeyMaterial) -> bool {
        match material {
            PublicKeyMaterial::Rsa { modulus, exponent } => {
                self.modulus.as_deref() == Some(modulus.as_slice())
                    && self
                        .exponent
                        .as_deref()
                        .is_none_or(|e| e == exponent.as_slice())
            }
            PublicKeyMaterial::Ec { point } | PublicKeyMaterial::Ed25519(point) => {
                self.ec_point.as_deref().is_some_and(|stored| {
                    stored == point.as_slice()
                        || unwrap_octet_string(stored) == Some(point.as_slice())
                })
            }
            PublicKeyMaterial::Other => false,
        }
    }
}

/// Find the private key for a certificate's public key (or, failing that, its CKA_ID).
pub fn match_key(material: &PublicKeyMaterial, cert_id: &[u8], keys: &[KeyObject]) -> KeyMatch {
    let private = |k: &KeyObject, kind| KeyMatch {
        kind,
        private_key_seen: true,
        label: Some(k.label.clone()),
        id: Some(hex::encode(&k.id)),
        uri: Some(k.uri.clone()),
        handle: Some(k.handle),
    };
    if let Some(k) = keys
        .iter()
        .find(|k| k.private && k.same_public_key(material))
    {
        return private(k, MatchKind::ByPublicKey);
    }
    if let Some(public) = keys
        .iter()
        .find(|k| !k.private && k.same_public_key(material))
    {
        if let Some(k) = keys.iter().find(|k| k.private && k.id == public.id) {
            return private(k, MatchKind::ByPublicKey);
        }
        return KeyMatch {
            kind: MatchKind::ByPublicKey,
            private_key_seen: false,
            label: Some(public.label.clone()),
            id: Some(hex::encode(&public.id)),
            uri: None,
            handle: None,
        };
    }
    if !cert_id.is_empty() {
        if let Some(k) = keys.iter().find(|k| k.private && k.id == cert_id) {
            return private(k, MatchKind::ByIdOnly);
        }
    }
    KeyMatch {
        kind: MatchKind::None,
        private_key_seen: false,
        label: None,
        id: None,
        uri: None,
        handle: None,
    }
}

/// The issuers of `leaf` found among `certs`, nearest first: [`crate::cert::issuers_of`].
pub fn chain<'a>(leaf: &'a TokenCert, certs: &'a [TokenCert]) -> Vec<&'a TokenCert> {
    match &leaf.info {
        Ok(info) => crate::cert::issuers_of(info, certs, |c| c.info.as_ref().ok()),
        Err(_) => Vec::new(),
    }
}

/// The template of a certificate object.
pub fn cert_template(label: &str, id: &[u8], der: &[u8], info: &CertInfo) -> Vec<Attribute> {
    vec![
        Attribute::Class(ObjectClass::CERTIFICATE),
        Attribute::CertificateType(CertificateType::X_509),
        Attribute::Token(true),
        Attribute::Private(false),
        Attribute::Label(label.as_bytes().to_vec()),
        Attribute::Id(id.to_vec()),
        Attribute::Subject(info.subject_der.clone()),
        Attribute::Issuer(info.issuer_der.clone()),
        Attribute::SerialNumber(info.serial_der.clone()),
        Attribute::Value(der.to_vec()),
    ]
}

/// The CKA_ID for a certificate without a key on the token (a CA): its subject key identifier,
/// else the first 8 bytes of its SHA-256 fingerprint.
pub fn ca_id(info: &CertInfo) -> Vec<u8> {
    info.subject_key_id
        .as_deref()
        .and_then(|s| hex::decode(s).ok())
        .unwrap_or_else(|| hex::decode(&info.fingerprint_sha256[..16]).unwrap_or_default())
}

/// The URI of an object of type `ty` with this label and CKA_ID on `token`.
pub fn object_uri(token: &TokenReport, label: &str, id: &[u8], ty: ObjectType) -> String {
    let mut uri = token.uri();
    uri.object = Some(label.to_string());
    uri.id = Some(id.to_vec());
    uri.object_type = Some(ty);
    uri.to_string()
}

/// The content of a DER OCTET STRING (SoftHSM2 and others wrap CKA_EC_POINT in one).
pub fn unwrap_octet_string(der: &[u8]) -> Option<&[u8]> {
    match der {
        [0x04, len, rest @ ..] if usize::from(*len) < 0x80 && usize::from(*len) == rest.len() => {
            Some(rest)
        }
        [0x04, 0x81, len, rest @ ..] if usize::from(*len) == rest.len() => Some(rest),
        _ => None,
    }
}
