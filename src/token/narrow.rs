//! Reading only the objects a selector names exactly, with C_FindObjects templates, instead of
//! every certificate and key on the token: a one-shot command on a token with thousands of
//! certificates then parses a handful.
//!
//! A selector names an object best (level 0 in [`super::find`]) by its exact label, its whole
//! CKA_ID, or a URI's `object`/`id`; every such object is found by a template. When one is
//! found, nothing the templates miss (a prefix, a part of a label, another case) can win over
//! it, so choosing among the objects read gives the choice the whole token would. The objects
//! that share a CKA_ID with what was found (the other half of a key pair, its certificate) and
//! the issuers of the certificates found (by CKA_SUBJECT, for CMS chains) are read too. When
//! nothing is found, the caller reads everything.

use std::collections::BTreeSet;

use cryptoki::object::{Attribute, AttributeType, ObjectClass, ObjectHandle};
use cryptoki::session::Session;

use super::certs::{
    find, key_from_attributes, read_cert_handles, read_certificates, KeyObject, TokenCert,
    KEY_ATTRIBUTES,
};
use super::find::ObjectSelector;
use super::slots::TokenReport;
use crate::error::Result;

/// The longest chain of issuers followed.
const MAX_CHAIN: usize = 10;

/// The label and CKA_ID `selector` names exactly, if it names any.
fn exact(selector: &ObjectSelector) -> (Option<String>, Option<Vec<u8>>) {
    match selector {
        ObjectSelector::Uri(uri) => (uri.object.clone(), uri.id.clone()),
        ObjectSelector::Text(text) => {
            let id = hex::decode(super::find::hexish(text))
                .ok()
                .filter(|id| !id.is_empty());
            (Some(text.clone()), id)
        }
    }
}

/// The certificates and keys `selector` names exactly, with their pairs and issuers; `None`
/// when it names none exactly (read everything then). Each search is one C_FindObjects over
/// every class (a module may scan all its objects for each), the classes told apart after.
///
/// # Errors
/// The module's errors.
pub fn read_named(
    session: &Session,
    token: &TokenReport,
    selector: &ObjectSelector,
) -> Result<Option<(Vec<TokenCert>, Vec<KeyObject>)>> {
    let (label, id) = exact(selector);
    let mut templates: Vec<Attribute> = Vec::new();
    if let Some(l) = label.filter(|l| !l.is_empty()) {
        templates.push(Attribute::Label(l.into_bytes()));
    }
    if let Some(i) = id {
        templates.push(Attribute::Id(i));
    }
    let mut found: Vec<Found> = Vec::new();
    for t in &templates {
        add_found(session, &mut found, std::slice::from_ref(t))?;
    }
    if found.is_empty() {
        return Ok(None);
    }
    // What shares an id with what was found: the other half of a key pair, the certificate
    // of a key, the key of a certificate. An id whose certificate and key were both found by
    // the name is not searched again (one search less; a second certificate of the same key
    // under another label is then not seen).
    let ids: BTreeSet<Vec<u8>> = found.iter().map(|f| f.id.clone()).collect();
    for id in ids {
        let has = |class| found.iter().any(|f| f.id == id && f.class == class);
        let complete = has(ObjectClass::CERTIFICATE)
            && (has(ObjectClass::PRIVATE_KEY) || has(ObjectClass::PUBLIC_KEY));
        if !complete {
            add_found(session, &mut found, &[Attribute::Id(id)])?;
        }
    }
    let mut keys = Vec::new();
    let mut certs = Vec::new();
    for f in found {
        match f.class {
            ObjectClass::PRIVATE_KEY | ObjectClass::PUBLIC_KEY => keys.push(key_from_attributes(
                token,
                f.handle,
                f.class == ObjectClass::PRIVATE_KEY,
                f.attrs,
            )),
            ObjectClass::CERTIFICATE => certs.push(f.handle),
            _ => {}
        }
    }
    super::certs::sort_keys(&mut keys);
    let read = read_cert_handles(session, token, &certs, &keys)?;
    Ok(Some((read, keys)))
}

/// An object found, with its class, CKA_ID and what a key object's reading needs.
struct Found {
    handle: ObjectHandle,
    class: ObjectClass,
    id: Vec<u8>,
    attrs: Vec<Attribute>,
}

/// Add the objects matching `template` (any class) that are not there yet. Each is read once,
/// its class with everything a key object needs (a module refuses what the class lacks),
/// so a key is not read again.
fn add_found(session: &Session, found: &mut Vec<Found>, template: &[Attribute]) -> Result<()> {
    let handles = crate::trace::pkcs11("C_FindObjects", None, || session.find_objects(template))?;
    let wanted: Vec<AttributeType> = std::iter::once(AttributeType::Class)
        .chain(KEY_ATTRIBUTES.iter().copied())
        .collect();
    for handle in handles {
        if found.iter().any(|f| f.handle == handle) {
            continue;
        }
        let attrs = crate::trace::pkcs11("C_GetAttributeValue", None, || {
            session.get_attributes(handle, &wanted)
        })?;
        let (mut class, mut id) = (None, Vec::new());
        for a in &attrs {
            match a {
                Attribute::Class(c) => class = Some(*c),
                Attribute::Id(i) => id = i.clone(),
                _ => {}
            }
        }
        if let Some(class) = class {
            found.push(Found {
                handle,
                class,
                id,
                attrs,
            });
        }
    }
    Ok(())
}

/// The issuers of `leaf`, nearest first, found by CKA_SUBJECT (PKCS#11 requires it of an
/// X.509 certificate object), up to 10 links: the chain of [`super::certs::chain`]
/// without reading every certificate.
///
/// # Errors
/// The module's errors.
pub fn issuers(
    session: &Session,
    token: &TokenReport,
    leaf: &TokenCert,
    keys: &[KeyObject],
) -> Result<Vec<TokenCert>> {
    let mut pool: Vec<TokenCert> = vec![leaf.clone()];
    let mut asked: BTreeSet<Vec<u8>> = BTreeSet::new();
    for _ in 0..MAX_CHAIN {
        let wanted: Vec<Vec<u8>> = pool
            .iter()
            .filter_map(|c| c.info.as_ref().ok())
            .filter(|i| i.issuer_der != i.subject_der)
            .map(|i| i.issuer_der.clone())
            .filter(|n| !asked.contains(n))
            .collect();
        let mut found: Vec<ObjectHandle> = Vec::new();
        for name in wanted {
            let new: Vec<ObjectHandle> = find(
                session,
                ObjectClass::CERTIFICATE,
                &[Attribute::Subject(name.clone())],
            )?
            .into_iter()
            .filter(|h| !pool.iter().any(|c| c.handle == *h))
            .collect();
            add_handles(&mut found, new);
            asked.insert(name);
        }
        if found.is_empty() {
            break;
        }
        pool.extend(read_cert_handles(session, token, &found, keys)?);
    }
    let chain = super::certs::chain(&pool[0], &pool);
    Ok(chain.into_iter().cloned().collect())
}

fn add_handles(to: &mut Vec<ObjectHandle>, found: Vec<ObjectHandle>) {
    for h in found {
        if !to.contains(&h) {
            to.push(h);
        }
    }
}

/// The objects a command chooses from.
#[derive(Debug)]
pub struct Objects {
    /// The certificates read.
    pub certs: Vec<TokenCert>,
    /// The keys read.
    pub keys: Vec<KeyObject>,
    /// Only those the selector names were read (a chain is then looked up by subject).
    pub narrowed: bool,
}

impl Objects {
    /// The issuers of `leaf` on the token, nearest first.
    ///
    /// # Errors
    /// The module's errors.
    pub fn chain(
        &self,
        session: &Session,
        token: &TokenReport,
        leaf: &TokenCert,
    ) -> Result<Vec<TokenCert>> {
        chain_of(session, token, leaf, &self.certs, &self.keys, self.narrowed)
    }
}

/// The issuers of `leaf` nearest first: among `certs` when they are every certificate on the
/// token, looked up by subject when only those a selector names were read (`narrowed`).
///
/// # Errors
/// The module's errors.
pub fn chain_of(
    session: &Session,
    token: &TokenReport,
    leaf: &TokenCert,
    certs: &[TokenCert],
    keys: &[KeyObject],
    narrowed: bool,
) -> Result<Vec<TokenCert>> {
    if narrowed {
        issuers(session, token, leaf, keys)
    } else {
        Ok(super::certs::chain(leaf, certs)
            .into_iter()
            .cloned()
            .collect())
    }
}

/// The objects to choose from: those `selector` names exactly, when `chooses` finds its
/// object among them; else every certificate and key on the token.
///
/// # Errors
/// The module's errors.
pub fn read_for(
    session: &Session,
    token: &TokenReport,
    selector: Option<&ObjectSelector>,
    chooses: impl Fn(&[TokenCert], &[KeyObject]) -> bool,
) -> Result<Objects> {
    if let Some(sel) = selector {
        if let Some((certs, keys)) = read_named(session, token, sel)? {
            if chooses(&certs, &keys) {
                return Ok(Objects {
                    certs,
                    keys,
                    narrowed: true,
                });
            }
        }
    }
    let (certs, keys) = read_certificates(session, token)?;
    Ok(Objects {
        certs,
        keys,
        narrowed: false,
    })
}
