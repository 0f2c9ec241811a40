//! `keys generate`: a key pair made on the token, the private half sensitive and (unless asked)
//! never extractable.

use cryptoki::mechanism::{Mechanism, MechanismType};
use cryptoki::object::{Attribute, ObjectClass, ObjectHandle};
use cryptoki::session::Session;
use ring::rand::{SecureRandom, SystemRandom};

use super::{usage_attributes, KeySpec, ED25519_PARAMS, P256_PARAMS, P384_PARAMS};
use crate::error::{Error, Existing, InputError, Internal, Result};
use crate::token::TokenRef;

/// How long a random CKA_ID is, in bytes.
pub const RANDOM_ID_LEN: usize = 16;

/// What to generate.
#[derive(Debug, Clone)]
pub struct KeyRequest {
    /// Key type and size.
    pub spec: KeySpec,
    /// CKA_LABEL of both halves.
    pub label: String,
    /// CKA_ID of both halves (random when `None`).
    pub id: Option<Vec<u8>>,
    /// May the private key leave the token (wrapped)?
    pub extractable: bool,
}

/// The pair made.
#[derive(Debug, Clone)]
pub struct GeneratedKey {
    /// The public key object.
    pub public: ObjectHandle,
    /// The private key object.
    pub private: ObjectHandle,
    /// The CKA_ID both carry.
    pub id: Vec<u8>,
}

/// Fresh random bytes from the operating system.
///
/// # Errors
/// The operating system's random generator failed.
pub fn random_bytes(len: usize) -> Result<Vec<u8>> {
    let mut out = vec![0u8; len];
    SystemRandom::new()
        .fill(&mut out)
        .map_err(|_| Internal::Random)?;
    Ok(out)
}

/// The key types this token can generate, by its mechanism list and key size limits.
///
/// # Errors
/// The module's errors.
pub fn supported_specs(token: &TokenRef) -> Result<Vec<KeySpec>> {
    let ctx = token.module.ctx();
    let mechanisms = crate::trace::pkcs11("C_GetMechanismList", Some(token.slot), || {
        ctx.get_mechanism_list(token.slot)
    })?;
    let mut out = Vec::new();
    for &spec in <KeySpec as crate::names::Named>::ALL {
        if !mechanisms.contains(&spec.mechanism()) {
            continue;
        }
        let fits = match crate::trace::pkcs11("C_GetMechanismInfo", Some(token.slot), || {
            ctx.get_mechanism_info(token.slot, spec.mechanism())
        }) {
            // Key size limits are bits for RSA and EC; some modules report bytes or nothing.
            Ok(info) if spec.mechanism() == MechanismType::RSA_PKCS_KEY_PAIR_GEN => {
                let (min, max) = (info.min_key_size() as u64, info.max_key_size() as u64);
                max == 0 || (min..=max).contains(&spec.bits())
            }
            _ => true,
        };
        if fits {
            out.push(spec);
        }
    }
    Ok(out)
}

/// Refuse a label or id that a key or certificate on the token already has.
///
/// # Errors
/// [`crate::Error::ObjectExists`]; the module's errors.
pub fn check_free(session: &Session, label: &str, id: Option<&[u8]>) -> Result<()> {
    for class in [
        ObjectClass::PRIVATE_KEY,
        ObjectClass::PUBLIC_KEY,
        ObjectClass::CERTIFICATE,
    ] {
        let by_label = crate::trace::pkcs11("C_FindObjects", None, || {
            session.find_objects(&[
                Attribute::Class(class),
                Attribute::Label(label.as_bytes().to_vec()),
            ])
        })?;
        if !by_label.is_empty() {
            return Err(Error::ObjectExists(Existing::Label {
                label: label.to_string(),
            }));
        }
        if let Some(id) = id {
            let by_id = crate::trace::pkcs11("C_FindObjects", None, || {
                session.find_objects(&[Attribute::Class(class), Attribute::Id(id.to_vec())])
            })?;
            if !by_id.is_empty() {
                return Err(Error::ObjectExists(Existing::Id {
                    id: hex::encode(id),
                }));
            }
        }
    }
    Ok(())
}

/// The CKA_ID of a new key: the one given, else a random one, on a token that dictates its ids
/// (docs/module-quirks.md: an OpenPGP card takes only 01, 02, 03) the best free one. The label
/// and the id are checked to be free.
///
/// # Errors
/// The label or id is taken, an id the token does not take, no free id.
pub fn choose_id(
    token: &TokenRef,
    session: &Session,
    label: &str,
    id: Option<&[u8]>,
) -> Result<Vec<u8>> {
    let Some(allowed) = crate::token::quirks::dictated_ids(&token.report) else {
        check_free(session, label, id)?;
        return match id {
            Some(id) => Ok(id.to_vec()),
            None => random_bytes(RANDOM_ID_LEN),
        };
    };
    let mut sorted = allowed.clone();
    sorted.sort();
    let words = sorted
        .iter()
        .map(hex::encode)
        .collect::<Vec<_>>()
        .join(", ");
    check_free(session, label, None)?;
    match id {
        Some(id) if !allowed.contains(&id) => Err(InputError::IdNotAllowed {
            id: hex::encode(id),
            allowed: words,
        }
        .into()),
        Some(id) => {
            check_free(session, label, Some(id))?;
            Ok(id.to_vec())
        }
        None => allowed
            .iter()
            .find(|id| check_free(session, label, Some(id)).is_ok())
            .map(|id| id.to_vec())
            .ok_or_else(|| InputError::NoFreeKeySlot { allowed: words }.into()),
    }
}

/// Generate a key pair on the token. The session must be read-write and logged in.
///
/// # Errors
/// The token cannot make that key type, the label is empty or taken, the module's errors.
pub fn generate(token: &TokenRef, session: &Session, req: &KeyRequest) -> Result<GeneratedKey> {
    let supported = supported_specs(token)?;
    if !supported.contains(&req.spec) {
        return Err(Error::MechanismUnsupported {
            wanted: format!("{} key generation", req.spec),
            supported: supported.iter().map(|s| s.name().to_string()).collect(),
        });
    }
    if req.label.is_empty() {
        return Err(InputError::LabelEmpty { what: "key" }.into());
    }
    crate::text::check_printable("label", &req.label)?;
    let id = choose_id(token, session, &req.label, req.id.as_deref())?;
    let label = req.label.as_bytes().to_vec();
    let mut public = vec![
        Attribute::Token(true),
        Attribute::Private(false),
        Attribute::Label(label.clone()),
        Attribute::Id(id.clone()),
    ];
    let mut private = vec![
        Attribute::Token(true),
        Attribute::Private(true),
        Attribute::Sensitive(true),
        Attribute::Extractable(req.extractable),
        Attribute::Label(label),
        Attribute::Id(id.clone()),
    ];
    let rsa = matches!(
        req.spec,
        KeySpec::Rsa2048 | KeySpec::Rsa3072 | KeySpec::Rsa4096
    );
    let ec = matches!(req.spec, KeySpec::P256 | KeySpec::P384);
    let (public_usage, private_usage) = usage_attributes(rsa, ec);
    public.extend(public_usage);
    private.extend(private_usage);
    let mechanism = match req.spec {
        KeySpec::Rsa2048 | KeySpec::Rsa3072 | KeySpec::Rsa4096 => {
            public.push(Attribute::ModulusBits(req.spec.bits().into()));
            public.push(Attribute::PublicExponent(vec![0x01, 0x00, 0x01]));
            Mechanism::RsaPkcsKeyPairGen
        }
        KeySpec::P256 | KeySpec::P384 => {
            let params = if req.spec == KeySpec::P256 {
                P256_PARAMS
            } else {
                P384_PARAMS
            };
            public.push(Attribute::EcParams(params.to_vec()));
            Mechanism::EccKeyPairGen
        }
        KeySpec::Ed25519 => {
            public.push(Attribute::EcParams(ED25519_PARAMS.to_vec()));
            Mechanism::EccEdwardsKeyPairGen
        }
    };
    let (public, private) = crate::trace::pkcs11("C_GenerateKeyPair", None, || {
        session.generate_key_pair(&mechanism, &public, &private)
    })?;
    Ok(GeneratedKey {
        public,
        private,
        id,
    })
}
