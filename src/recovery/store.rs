//! Recovery blobs on the token: public CKO_DATA objects (application "tokenward-recovery"), so
//! that a user who forgot the PIN can read them without logging in. Writing and removing them
//! needs an SO session (tokenward asks for the SO PIN or the recovery key first).

use cryptoki::object::{Attribute, AttributeType, ObjectClass, ObjectHandle};
use cryptoki::session::Session;

use super::seal::Blob;
use crate::error::Result;

/// CKA_APPLICATION of recovery objects.
pub const APPLICATION: &[u8] = b"tokenward-recovery";
/// CKA_LABEL of recovery objects.
pub const LABEL: &str = "tokenward recovery";

/// A blob found on the token.
#[derive(Debug, Clone)]
pub struct StoredBlob {
    /// The object.
    pub handle: ObjectHandle,
    /// What it holds (or why it could not be read).
    pub blob: std::result::Result<Blob, String>,
}

/// Every recovery object on the token.
///
/// # Errors
/// The module's errors.
pub fn read_blobs(session: &Session) -> Result<Vec<StoredBlob>> {
    let handles = crate::trace::pkcs11("C_FindObjects", None, || {
        session.find_objects(&[
            Attribute::Class(ObjectClass::DATA),
            Attribute::Application(APPLICATION.to_vec()),
        ])
    })?;
    let mut out = Vec::new();
    for handle in handles {
        let value = crate::trace::pkcs11("C_GetAttributeValue", None, || {
            session.get_attributes(handle, &[AttributeType::Value])
        })?
        .into_iter()
        .find_map(|a| match a {
            Attribute::Value(v) => Some(v),
            _ => None,
        })
        .unwrap_or_default();
        out.push(StoredBlob {
            handle,
            blob: Blob::from_bytes(&value).map_err(|e| e.to_string()),
        });
    }
    Ok(out)
}

/// Write a blob; returns its object.
///
/// # Errors
/// The module's errors (a full token, a write-protected one).
pub fn write_blob(session: &Session, blob: &Blob) -> Result<ObjectHandle> {
    Ok(crate::trace::pkcs11("C_CreateObject", None, || {
        session.create_object(&[
            Attribute::Class(ObjectClass::DATA),
            Attribute::Token(true),
            Attribute::Private(false),
            Attribute::Label(LABEL.as_bytes().to_vec()),
            Attribute::Application(APPLICATION.to_vec()),
            Attribute::Value(blob.to_bytes()),
        ])
    })?)
}

/// Write a blob and read it back; a blob that does not read back as written is removed again
/// and reported.
///
/// # Errors
/// See [`write_blob`]; the data did not read back the same (it is removed again).
pub fn write_checked(session: &Session, blob: &Blob) -> Result<ObjectHandle> {
    let handle = write_blob(session, blob)?;
    let back = read_blobs(session)?
        .into_iter()
        .find(|s| s.handle == handle)
        .and_then(|s| s.blob.ok());
    if back.as_ref() != Some(blob) {
        let _ = crate::trace::pkcs11("C_DestroyObject", None, || session.destroy_object(handle));
        return Err(crate::error::Internal::ReadBackDiffers.into());
    }
    Ok(handle)
}
