//! Keys on the token: generate, certificate requests, import from key files, export of the
//! public half or (encrypted) of an extractable private key, delete, and the configuration
//! that lets other programs use a key in place.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{Ask, Destruction, TokenSummary};
use crate::audit::EventKind;
use crate::cert;
use crate::error::{Error, InputError, Internal, Result};
use crate::files::{read_input, OutputFile, MAX_INPUT};
use crate::keys::csr::CsrRequest;
use crate::keys::export::{self, ExportFormat, Kdf};
use crate::keys::export_config::{self, ConfigFile, KeyLocation, Program, ProgramConfig};
use crate::keys::generate::{self, KeyRequest};
use crate::keys::import::{self, Imported, KeyBundle};
use crate::keys::material::{self, PrivateKey};
use crate::keys::public::PublicKey;
use crate::sign::{SignMechanism, Signer};
use crate::token::certs::{object_uri, read_keys, KeyObject, TokenCert};
use crate::token::find::ObjectSelector;
use crate::uri::ObjectType;
use crate::warning::Warning;
use crate::Workspace;

/// The shortest password accepted for an exported key.
pub const MIN_PASSWORD_LEN: usize = 8;

/// One key as the commands show it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct KeyEntry {
    /// CKA_LABEL.
    pub label: String,
    /// CKA_ID in hex.
    pub id: String,
    /// "RSA 2048", "EC P-256", "Ed25519" (empty when the public half is unknown).
    pub key_type: String,
    /// The private key's URI.
    pub uri: String,
    /// It may leave the token (wrapped).
    pub extractable: bool,
    /// The subject of its certificate on the token, if any.
    pub certificate: Option<String>,
}

impl KeyEntry {
    /// The entry of `key`.
    pub fn of(key: &KeyObject, public: Option<&PublicKey>, cert: Option<&TokenCert>) -> Self {
        KeyEntry {
            label: key.label.clone(),
            id: hex::encode(&key.id),
            key_type: public.map(PublicKey::describe).unwrap_or_default(),
            uri: key.uri.clone(),
            extractable: key.extractable,
            certificate: cert.and_then(|c| c.info.as_ref().ok().map(|i| i.subject.clone())),
        }
    }
}

/// Parse an id typed as hex (colons allowed), for `flag`.
///
/// # Errors
/// [`InputError::NotHex`].
pub fn parse_id(flag: &'static str, text: &str) -> Result<Vec<u8>> {
    let clean: String = text.chars().filter(|c| *c != ':').collect();
    match hex::decode(&clean) {
        Ok(v) if !v.is_empty() => Ok(v),
        _ => Err(InputError::NotHex {
            flag,
            value: text.to_string(),
        }
        .into()),
    }
}

/// The result of `keys generate`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Generated {
    /// The token.
    pub token: TokenSummary,
    /// The new key.
    pub key: KeyEntry,
}

/// `keys generate`: a key pair made on the token (sensitive; not extractable unless asked).
///
/// # Errors
/// The token cannot make that type, the label or id is taken, a wrong PIN, the module's.
pub fn generate(ws: &Workspace, req: &KeyRequest, ask: &dyn Ask) -> Result<Generated> {
    crate::text::check_object_label(&req.label)?;
    let (token, session, who) = ws.open_for_writing(ask)?;
    let made = ws.audited(
        EventKind::KeyGenerated,
        &token,
        || {
            let _shown = ws.slow(crate::workspace::Slow::GeneratingKey(req.spec));
            generate::generate(&token, &session, req)
                .map_err(|e| e.needing_so_pin(who, "generating keys"))
        },
        |m| format!("{} \"{}\" id {}", req.spec, req.label, hex::encode(&m.id)),
    )?;
    let keys = read_keys(&session, &token.report)?;
    let key = keys
        .iter()
        .find(|k| k.handle == made.private)
        .ok_or(Internal::NewKeyInvisible)?;
    let public = PublicKey::of(key, &keys)?;
    let mut entry = KeyEntry::of(key, Some(&public), None);
    // Some cards name their keys themselves (an OpenPGP card: "Authentication key"; OpenSC
    // shows the name only to the next program): report the name it will have.
    if let Some(name) = crate::token::quirks::key_label(&token.report, &made.id) {
        if name != req.label {
            ws.warn(crate::warning::Warning::CardNamesKeys {
                name: name.to_string(),
                label: req.label.clone(),
            });
        }
        entry.label = name.to_string();
        entry.uri = object_uri(&token.report, name, &made.id, ObjectType::Private);
    }
    Ok(Generated {
        token: TokenSummary::of(&token),
        key: entry,
    })
}

/// The result of a command that writes bytes to a file or returns them.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct KeyOutput {
    /// The key used.
    pub key: KeyEntry,
    /// `pem` or `der` (or `pkcs8`/`pkcs12` for a private key export).
    pub format: String,
    /// The signature mechanism, for a certificate request.
    pub signature: Option<SignMechanism>,
    /// The file written, or `null` when the bytes are returned.
    pub written: Option<PathBuf>,
    /// The bytes.
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

fn finish(out: Option<&OutputFile>, mut result: KeyOutput) -> Result<KeyOutput> {
    if let Some(file) = out {
        file.write(&result.bytes)?;
        result.written = Some(file.path().to_path_buf());
    }
    Ok(result)
}

/// `keys csr`: a PKCS#10 request for a key, signed on the token. The request is checked
/// before the token is touched.
///
/// # Errors
/// A bad subject or usage; see [`generate()`].
pub fn csr(
    ws: &Workspace,
    key: Option<&ObjectSelector>,
    request: &CsrRequest,
    der: bool,
    out: Option<&OutputFile>,
    ask: &dyn Ask,
) -> Result<KeyOutput> {
    request.params()?;
    ws.with_key(false, key, ask, |k| {
        let public = PublicKey::of_pair(k.key, k.keys, k.certs)?;
        let signer = Signer::with_public(k.token, k.session, k.key, public, None)?;
        let csr = request
            .sign(&signer)
            .map_err(|e| signer.take_error().unwrap_or(e))?;
        let bytes = if der {
            csr
        } else {
            cert::pem("CERTIFICATE REQUEST", &csr).into_bytes()
        };
        finish(
            out,
            KeyOutput {
                key: KeyEntry::of(k.key, Some(signer.public_key()), k.cert),
                format: if der { "der" } else { "pem" }.into(),
                signature: Some(signer.mechanism()),
                written: None,
                bytes,
            },
        )
    })
}

/// A key file (or PKCS#12 file) read and opened, before the token is touched.
#[derive(Debug)]
pub struct KeyFile {
    bundle: KeyBundle,
}

impl KeyFile {
    /// Read `file` (PKCS#12, or a PEM/DER private key with an optional `cert` file), asking
    /// for its password only when it needs one.
    ///
    /// # Errors
    /// Unreadable or unrecognised files, a wrong password, a certificate of another key.
    pub fn read(file: &Path, cert: Option<&Path>, ask: &dyn Ask) -> Result<Self> {
        let data = read_input(file, MAX_INPUT)?;
        let cert_data = cert.map(|c| read_input(c, MAX_INPUT)).transpose()?;
        let password = || ask.file_password(file);
        let looks_pem = data.windows(11).any(|w| w == b"-----BEGIN ");
        let bundle = if looks_pem
            || PrivateKey::from_pkcs8(&data).is_ok()
            || material::is_encrypted_pkcs8(&data)
        {
            import::from_key_files(&data, cert_data.as_deref(), &password)?
        } else if !import::looks_like_pkcs12(&data) {
            return Err(InputError::NotAKeyFile {
                path: file.to_path_buf(),
            }
            .into());
        } else {
            if cert_data.is_some() {
                return Err(InputError::Conflict {
                    given: "--cert",
                    with: "pkcs12-file",
                }
                .into());
            }
            import::from_pkcs12(&data, &password()?)?
        };
        Ok(KeyFile { bundle })
    }

    /// The label the file suggests (PKCS#12 friendly name, else the certificate's CN).
    pub fn suggested_label(&self) -> Option<&str> {
        self.bundle.suggested_label.as_deref()
    }
}

/// The result of `keys import`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct KeyImport {
    /// The token.
    pub token: TokenSummary,
    /// What was written.
    pub imported: Imported,
}

/// `keys import`: the key of `file` with its certificate and issuers, under one id; what was
/// written is removed again when a later step fails.
///
/// # Errors
/// The label, id or key is already there; see [`generate()`].
pub fn import(
    ws: &Workspace,
    file: &KeyFile,
    label: Option<&str>,
    id: Option<Vec<u8>>,
    ask: &dyn Ask,
) -> Result<KeyImport> {
    if let Some(given) = label {
        crate::text::check_object_label(given)?;
    }
    let label = label
        .or(file.suggested_label())
        .unwrap_or("imported key")
        .to_string();
    crate::text::check_printable("label", &label)?;
    let (token, session, who) = ws.open_for_writing(ask)?;
    let imported = ws.audited(
        EventKind::KeyImported,
        &token,
        || {
            import::write(&token, &session, &file.bundle, &label, id)
                .map_err(|e| e.needing_so_pin(who, "importing keys"))
        },
        |done| format!("\"{}\" id {}", done.label, done.id),
    )?;
    let bundle = &file.bundle;
    for c in bundle.cert.iter().chain(&bundle.chain) {
        if let Some(w) = Warning::of_certificate(&c.info) {
            ws.warn(w);
        }
    }
    Ok(KeyImport {
        token: TokenSummary::of(&token),
        imported,
    })
}

/// `keys export-public`: a key's SubjectPublicKeyInfo as PEM or DER.
///
/// # Errors
/// The public half is not on the token; see [`generate()`].
pub fn export_public(
    ws: &Workspace,
    key: Option<&ObjectSelector>,
    der: bool,
    out: Option<&OutputFile>,
    ask: &dyn Ask,
) -> Result<KeyOutput> {
    let write = |key: &KeyObject, public: PublicKey, private_uri: String| {
        let spki = public.spki_der()?;
        let bytes = if der {
            spki
        } else {
            cert::pem("PUBLIC KEY", &spki).into_bytes()
        };
        let mut entry = KeyEntry::of(key, Some(&public), None);
        entry.uri = private_uri;
        finish(
            out,
            KeyOutput {
                key: entry,
                format: if der { "der" } else { "pem" }.into(),
                signature: None,
                written: None,
                bytes,
            },
        )
    };
    // Public data needs no PIN: a public key object the token shows before a login will do.
    if let Some((token, public_object, _)) = ws.public_key_object(key)? {
        if let Ok(public) = PublicKey::from_object(&public_object) {
            let uri = object_uri(
                &token.report,
                &public_object.label,
                &public_object.id,
                ObjectType::Private,
            );
            return write(&public_object, public, uri);
        }
    }
    ws.with_key(false, key, ask, |k| {
        let public = PublicKey::of_pair(k.key, k.keys, k.certs)?;
        write(k.key, public, k.key.uri.clone())
    })
}

/// What `keys export-private` asks for.
#[derive(Debug, Clone)]
pub struct PrivateExport {
    /// The key (default: the default certificate's).
    pub key: Option<ObjectSelector>,
    /// PKCS#8 or PKCS#12.
    pub format: ExportFormat,
    /// The PKCS#8 key derivation.
    pub kdf: Kdf,
    /// DER instead of PEM (PKCS#8 only).
    pub der: bool,
    /// The file (0600).
    pub out: OutputFile,
}

/// `keys export-private`: an extractable private key, wrapped out of the token and encrypted
/// under a new password from `ask`. Every attempt is an audit event.
///
/// # Errors
/// `der` with PKCS#12; a key that is not extractable; see [`generate()`].
pub fn export_private(ws: &Workspace, req: &PrivateExport, ask: &dyn Ask) -> Result<KeyOutput> {
    if req.der && req.format == ExportFormat::Pkcs12 {
        return Err(InputError::Conflict {
            given: "--der",
            with: "format-pkcs12",
        }
        .into());
    }
    ws.with_key(false, req.key.as_ref(), ask, |k| {
        let detail = format!(
            "private key \"{}\" id {} as {} to {}",
            k.key.label,
            hex::encode(&k.key.id),
            req.format,
            req.out.path().display()
        );
        ws.audited(
            EventKind::KeyExported,
            k.token,
            || {
                if !k.key.extractable {
                    return Err(Error::NotExtractable {
                        label: k.key.label.clone(),
                    });
                }
                let password = ask.new_password(&check_password)?;
                let public = PublicKey::of_pair(k.key, k.keys, k.certs)?;
                let pkcs8 = export::extract_pkcs8(&k.session, k.key, &public)?;
                let bytes = match req.format {
                    ExportFormat::Pkcs8 => {
                        let _shown = ws.slow(crate::workspace::Slow::DerivingKey);
                        let der = export::encrypt_pkcs8(&pkcs8, &password, req.kdf)?;
                        if req.der {
                            der
                        } else {
                            cert::pem("ENCRYPTED PRIVATE KEY", &der).into_bytes()
                        }
                    }
                    ExportFormat::Pkcs12 => {
                        let mut ders = Vec::new();
                        if let Some(c) = k.cert {
                            ders.push(c.der.clone());
                            ders.extend(k.chain(c)?.into_iter().map(|c| c.der));
                        }
                        let _shown = ws.slow(crate::workspace::Slow::DerivingKey);
                        export::encrypt_pkcs12(&pkcs8, &ders, &k.key.label, &password)?
                    }
                };
                drop(pkcs8);
                finish(
                    Some(&req.out),
                    KeyOutput {
                        key: KeyEntry::of(k.key, Some(&public), k.cert),
                        format: req.format.to_string(),
                        signature: None,
                        written: None,
                        bytes,
                    },
                )
            },
            |_| detail.clone(),
        )
    })
}

/// The length rule for a new export password.
///
/// # Errors
/// [`Error::PasswordTooShort`].
pub fn check_password(p: &crate::pin::Pin) -> Result<()> {
    let length = p.expose().chars().count();
    if length < MIN_PASSWORD_LEN {
        return Err(Error::PasswordTooShort {
            length,
            min: MIN_PASSWORD_LEN,
        });
    }
    Ok(())
}

/// The result of `keys delete`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct KeyDeleted {
    /// The token.
    pub token: TokenSummary,
    /// The key removed.
    pub deleted: KeyEntry,
    /// How many objects went (private and public halves, and the certificate).
    pub objects_removed: usize,
    /// The certificate went too.
    pub with_cert: bool,
}

/// `keys delete`: both halves of a key pair (and with `with_cert` its certificate), after
/// `ask` confirms.
///
/// # Errors
/// Not confirmed; see [`generate()`].
pub fn delete(
    ws: &Workspace,
    key: &ObjectSelector,
    with_cert: bool,
    ask: &dyn Ask,
) -> Result<KeyDeleted> {
    ws.with_key(true, Some(key), ask, |k| {
        let public = PublicKey::of(k.key, k.keys).ok();
        let halves: Vec<&KeyObject> = k
            .keys
            .iter()
            .filter(|o| {
                o.handle == k.key.handle
                    || (!o.private
                        && o.id == k.key.id
                        && public
                            .as_ref()
                            .is_some_and(|p| o.same_public_key(&p.material())))
            })
            .collect();
        let cert_goes = with_cert && k.cert.is_some();
        ask.confirm(&Destruction::Key {
            label: k.key.label.clone(),
            token: k.token.report.label.clone(),
            cert: k.cert.map(|c| c.label.clone()),
            cert_stays: k.cert.is_some() && !with_cert,
        })?;
        ws.audited(
            EventKind::KeyDeleted,
            k.token,
            || {
                for h in &halves {
                    crate::trace::pkcs11("C_DestroyObject", None, || {
                        k.session.destroy_object(h.handle)
                    })?;
                }
                if let (Some(c), true) = (k.cert, cert_goes) {
                    crate::trace::pkcs11("C_DestroyObject", None, || {
                        k.session.destroy_object(c.handle)
                    })?;
                }
                Ok(())
            },
            |()| format!("\"{}\" id {}", k.key.label, hex::encode(&k.key.id)),
        )?;
        Ok(KeyDeleted {
            token: TokenSummary::of(k.token),
            deleted: KeyEntry::of(k.key, public.as_ref(), k.cert),
            objects_removed: halves.len() + usize::from(cert_goes),
            with_cert: cert_goes,
        })
    })
}

/// The result of `export-config`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ConfigExport {
    /// The program configured.
    pub program: Program,
    /// Where the key is.
    pub key: KeyLocation,
    /// The key's URI with the module path, for programs that take one.
    pub uri: String,
    /// The folder written to, or `null` when nothing was written.
    pub directory: Option<PathBuf>,
    /// The files (written, or for the caller to show).
    pub files: Vec<ConfigFile>,
    /// What to do next, in order.
    #[serde(serialize_with = "crate::error::catalogue::english_list")]
    #[schemars(with = "Vec<String>")]
    pub steps: Vec<export_config::Step>,
}

/// `export-config`: what `program` needs to use a key where it is, written into `out` (made
/// if missing) or returned.
///
/// # Errors
/// A file that exists without `overwrite`; see [`generate()`].
pub fn export_config(
    ws: &Workspace,
    program: Program,
    key: Option<&ObjectSelector>,
    out: Option<&Path>,
    overwrite: bool,
    ask: &dyn Ask,
) -> Result<ConfigExport> {
    // Public data needs no PIN: where the token shows the key's public half before a login,
    // the configuration is written from it (the private key has the same label and id).
    let location = match ws.public_key_object(key)? {
        Some((token, public, cert)) => KeyLocation {
            module: token.module.path().to_path_buf(),
            token_label: token.report.label.clone(),
            token_serial: token.report.serial.clone(),
            slot_id: token.slot.id(),
            key_label: public.label.clone(),
            key_uri: object_uri(
                &token.report,
                &public.label,
                &public.id,
                ObjectType::Private,
            ),
            cert_uri: cert.map(|c| c.uri.clone()),
        },
        None => ws.with_key(false, key, ask, |k| {
            Ok(KeyLocation {
                module: k.token.module.path().to_path_buf(),
                token_label: k.token.report.label.clone(),
                token_serial: k.token.report.serial.clone(),
                slot_id: k.token.slot.id(),
                key_label: k.key.label.clone(),
                key_uri: k.key.uri.clone(),
                cert_uri: k.cert.map(|c| c.uri.clone()),
            })
        })?,
    };
    let dir_words = out
        .map(|d| d.display().to_string())
        .unwrap_or_else(|| ".".into());
    let ProgramConfig {
        program,
        uri,
        files,
        steps,
    } = export_config::build(program, &location, &dir_words);
    if let Some(dir) = out {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            action: "create",
            path: dir.to_path_buf(),
            source,
        })?;
        let targets = files
            .iter()
            .map(|f| {
                crate::files::OutputFile::new(
                    &dir.join(&f.name),
                    overwrite,
                    crate::files::Access::Public,
                )
            })
            .collect::<Result<Vec<_>>>()?;
        for (f, target) in files.iter().zip(&targets) {
            target.write(f.contents.as_bytes())?;
        }
    }
    Ok(ConfigExport {
        program,
        key: location,
        uri,
        directory: out.map(Path::to_path_buf),
        files,
        steps,
    })
}
