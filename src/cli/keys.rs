//! `tokenward keys generate|csr|import|export-public|export-private|delete` and
//! `tokenward export-config`.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use cryptoki::session::Session;
use serde::Serialize;

use super::certs::{confirm, write_new};
use super::objects::TokenSummary;
use super::output::{self, Block};
use super::Context;
use crate::audit::{EventKind, Outcome};
use crate::cert;
use crate::error::{Error, ExitCode, Result};
use crate::keys::csr::{parse_subject, CsrRequest, CsrTemplate};
use crate::keys::export::{self, ExportFormat, Kdf};
use crate::keys::export_config::{self, KeyLocation, Program};
use crate::keys::generate::{self, KeyRequest};
use crate::keys::import;
use crate::keys::public::PublicKey;
use crate::keys::KeySpec;
use crate::pin::{Pin, PinSource, SecretKind};
use crate::sign::Signer;
use crate::token::certs::{chain, read_certificates, read_keys, KeyObject, TokenCert};
use crate::token::find::{select_key, ObjectSelector};
use crate::token::TokenRef;

/// The `keys` commands.
#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// Make a new key pair on the token; the private key never leaves it.
    Generate(GenerateArgs),
    /// Make a certificate request (PKCS#10) for a key, signed on the token.
    Csr(CsrArgs),
    /// Put a private key and its certificate on the token (from PKCS#12, or PEM/DER files).
    Import(ImportArgs),
    /// Write a key's public half (SubjectPublicKeyInfo) as PEM or DER.
    ExportPublic(ExportPublicArgs),
    /// Write an extractable private key, encrypted under a password (PKCS#8 or PKCS#12).
    ExportPrivate(ExportPrivateArgs),
    /// Remove a key pair from the token (its certificate stays unless --with-cert).
    Delete(DeleteArgs),
}

/// Options of `keys generate`.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Key type and size.
    #[arg(long = "type", value_enum, value_name = "TYPE")]
    pub spec: KeySpec,
    /// Label of the new key (both halves).
    #[arg(long)]
    pub label: String,
    /// CKA_ID in hex (default: 16 random bytes).
    #[arg(long, value_name = "HEX")]
    pub id: Option<String>,
    /// Allow the private key to be exported later (wrapped, then encrypted). Off by default:
    /// a key that can leave the token can be copied.
    #[arg(long)]
    pub extractable: bool,
}

/// Options of `keys csr`.
#[derive(Debug, Args)]
pub struct CsrArgs {
    /// The key: URI, label, CKA_ID in hex, or its certificate's fingerprint prefix (default:
    /// the default certificate's key).
    #[arg(long, value_name = "SELECTOR")]
    pub key: Option<String>,
    /// The subject, e.g. "CN=Ivanov Ivan, O=Romashka LLC, C=RU, INN=500100732259" (names:
    /// CN O OU C L ST street SN GN title emailAddress serialNumber INN INNLE OGRN OGRNIP SNILS
    /// RFC CURP, or a dotted OID).
    #[arg(long)]
    pub subject: Option<String>,
    /// A TOML template with subject, san, key_usage, extended_key_usage (flags add to it; a
    /// --subject replaces its subject).
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,
    /// A subject alternative name: email:ADDRESS, dns:NAME, ip:ADDRESS or uri:URI (repeatable).
    #[arg(long, value_name = "KIND:VALUE")]
    pub san: Vec<String>,
    /// A key usage to ask for: digital_signature, non_repudiation, key_encipherment, …
    /// (repeatable).
    #[arg(long, value_name = "USAGE")]
    pub key_usage: Vec<String>,
    /// An extended key usage: client_auth, email_protection, code_signing, … or an OID
    /// (repeatable).
    #[arg(long, value_name = "USAGE")]
    pub extended_key_usage: Vec<String>,
    /// Write DER instead of PEM.
    #[arg(long)]
    pub der: bool,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Where a password comes from (`--password-*`).
#[derive(Debug, Clone, Default, Args)]
pub struct PasswordArgs {
    /// Read the password from this file (one trailing newline is ignored).
    #[arg(long, value_name = "FILE")]
    pub password_file: Option<PathBuf>,
    /// Read the password from this environment variable.
    #[arg(long, value_name = "VARIABLE")]
    pub password_env: Option<String>,
    /// Read the password from the next line of standard input (before the PIN: the file is
    /// opened before the token is touched).
    #[arg(long)]
    pub password_stdin: bool,
}

impl PasswordArgs {
    fn source(&self) -> Result<PinSource> {
        PinSource::from_flags(
            SecretKind::Password,
            self.password_file.as_deref(),
            self.password_env.as_deref(),
            self.password_stdin,
        )
    }
}

/// Options of `keys import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A PKCS#12 file (.p12/.pfx), or a private key file (PEM or DER; PEM may carry the
    /// certificate too).
    pub file: PathBuf,
    /// The certificate (PEM, DER or PEM bundle) for a key file.
    #[arg(long, value_name = "FILE")]
    pub cert: Option<PathBuf>,
    /// Label on the token (default: the PKCS#12 name, else the certificate's common name).
    #[arg(long)]
    pub label: Option<String>,
    /// CKA_ID in hex (default: 16 random bytes).
    #[arg(long, value_name = "HEX")]
    pub id: Option<String>,
    /// Where the file's password comes from (else a prompt when one is needed).
    #[command(flatten)]
    pub password: PasswordArgs,
}

/// Options of `keys export-public`.
#[derive(Debug, Args)]
pub struct ExportPublicArgs {
    /// The key: URI, label, CKA_ID in hex, or its certificate's fingerprint prefix (default:
    /// the default certificate's key).
    #[arg(long, value_name = "SELECTOR")]
    pub key: Option<String>,
    /// Write DER instead of PEM.
    #[arg(long)]
    pub der: bool,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Where a new password comes from (`--new-password-*`); a prompt asks twice.
#[derive(Debug, Clone, Default, Args)]
pub struct NewPasswordArgs {
    /// Read the new password from this file (one trailing newline is ignored).
    #[arg(long, value_name = "FILE")]
    pub new_password_file: Option<PathBuf>,
    /// Read the new password from this environment variable.
    #[arg(long, value_name = "VARIABLE")]
    pub new_password_env: Option<String>,
    /// Read the new password from the next line of standard input (after the PIN).
    #[arg(long)]
    pub new_password_stdin: bool,
}

/// Options of `keys export-private`.
#[derive(Debug, Args)]
pub struct ExportPrivateArgs {
    /// The key: URI, label, CKA_ID in hex, or its certificate's fingerprint prefix.
    #[arg(long, value_name = "SELECTOR")]
    pub key: Option<String>,
    /// The container.
    #[arg(long, value_enum, default_value = "pkcs8")]
    pub format: ExportFormat,
    /// Password-based key derivation for PKCS#8.
    #[arg(long, value_enum, default_value = "pbkdf2")]
    pub kdf: Kdf,
    /// Write DER instead of PEM (PKCS#8; PKCS#12 is always binary).
    #[arg(long)]
    pub der: bool,
    /// The file to write (a private key never goes to the terminal).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Where the new password comes from (else a prompt, twice).
    #[command(flatten)]
    pub password: NewPasswordArgs,
}

/// Options of `keys delete`.
#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// The key: URI, label, CKA_ID in hex, or its certificate's fingerprint prefix.
    #[arg(long, value_name = "SELECTOR")]
    pub key: String,
    /// Delete the key's certificate too.
    #[arg(long)]
    pub with_cert: bool,
    /// Do not ask for confirmation.
    #[arg(long)]
    pub yes: bool,
}

/// Options of `export-config`.
#[derive(Debug, Args)]
pub struct ExportConfigArgs {
    /// The program to configure.
    #[arg(long = "for", value_enum, value_name = "PROGRAM")]
    pub program: Program,
    /// The key: URI, label, CKA_ID in hex, or its certificate's fingerprint prefix (default:
    /// the default certificate's key).
    #[arg(long, value_name = "SELECTOR")]
    pub key: Option<String>,
    /// Directory to write the files into (created if missing); else they are printed.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Overwrite files that exist.
    #[arg(long)]
    pub force: bool,
}

pub(super) fn run(ctx: &Context, cmd: &KeysCommand) -> Result<ExitCode> {
    match cmd {
        KeysCommand::Generate(a) => generate(ctx, a),
        KeysCommand::Csr(a) => csr(ctx, a),
        KeysCommand::Import(a) => import(ctx, a),
        KeysCommand::ExportPublic(a) => export_public(ctx, a),
        KeysCommand::ExportPrivate(a) => export_private(ctx, a),
        KeysCommand::Delete(a) => delete(ctx, a),
    }
}

/// One key in JSON.
#[derive(Debug, Serialize)]
pub(super) struct KeyEntry {
    label: String,
    id: String,
    key_type: String,
    uri: String,
    extractable: bool,
    certificate: Option<String>,
}

pub(super) fn key_entry(
    key: &KeyObject,
    public: Option<&PublicKey>,
    cert: Option<&TokenCert>,
) -> KeyEntry {
    KeyEntry {
        label: key.label.clone(),
        id: hex::encode(&key.id),
        key_type: public.map(PublicKey::describe).unwrap_or_default(),
        uri: key.uri.clone(),
        extractable: key.extractable,
        certificate: cert.and_then(|c| c.info.as_ref().ok().map(|i| i.subject.clone())),
    }
}

fn parse_id(id: Option<&str>) -> Result<Option<Vec<u8>>> {
    id.map(|s| {
        let clean: String = s.chars().filter(|c| *c != ':').collect();
        match hex::decode(&clean) {
            Ok(v) if !v.is_empty() => Ok(v),
            _ => Err(Error::Usage(format!(
                "--id {s:?} is not hex; give the id as hex digits, for example --id 01a2"
            ))),
        }
    })
    .transpose()
}

/// The token, a read-write session, logged in.
fn open_for_change(ctx: &Context) -> Result<(TokenRef, Session)> {
    let mut token = ctx.token()?;
    if token.report.flags.write_protected {
        return Err(Error::WriteProtected);
    }
    let session = token.open_rw()?;
    ctx.login_user(&mut token, &session)?;
    Ok((token, session))
}

/// A chosen key with everything around it: the token, a logged-in session, the PIN that
/// logged it in, and the certificates and keys on the token.
pub(super) struct KeyUse<'a> {
    pub token: &'a TokenRef,
    pub session: Session,
    pub pin: Pin,
    pub key: &'a KeyObject,
    pub cert: Option<&'a TokenCert>,
    pub certs: &'a [TokenCert],
    pub keys: &'a [KeyObject],
}

/// Log in and choose the key named by `selector` (default: the default certificate's key).
pub(super) fn with_key<T>(
    ctx: &Context,
    rw: bool,
    selector: Option<&str>,
    then: impl FnOnce(KeyUse<'_>) -> Result<T>,
) -> Result<T> {
    let mut token = ctx.token()?;
    if rw && token.report.flags.write_protected {
        return Err(Error::WriteProtected);
    }
    let session = if rw {
        token.open_rw()?
    } else {
        token.open_ro()?
    };
    let pin = ctx.login_user_keeping_pin(&mut token, &session)?;
    let (certs, keys) = read_certificates(&session, &token.report)?;
    let selector = selector.map(ObjectSelector::parse).transpose()?;
    let default = ctx
        .config()
        .token(&token.report.serial)
        .and_then(|t| t.default_cert.as_deref());
    let (key, cert) = select_key(&certs, &keys, selector.as_ref(), default)?;
    then(KeyUse {
        token: &token,
        session,
        pin,
        key,
        cert,
        certs: &certs,
        keys: &keys,
    })
}

fn generate(ctx: &Context, args: &GenerateArgs) -> Result<ExitCode> {
    let id = parse_id(args.id.as_deref())?;
    let (token, session) = open_for_change(ctx)?;
    let req = KeyRequest {
        spec: args.spec,
        label: args.label.clone(),
        id,
        extractable: args.extractable,
    };
    let made = match generate::generate(&token, &session, &req) {
        Ok(m) => m,
        Err(e) => {
            ctx.audit_failure(EventKind::KeyGenerated, &token, &e);
            return Err(e);
        }
    };
    let keys = read_keys(&session, &token.report)?;
    let key = keys
        .iter()
        .find(|k| k.handle == made.private)
        .ok_or_else(|| Error::Cryptoki("the new key is not visible on the token".into()))?;
    let public = PublicKey::of(key, &keys)?;
    ctx.audit(
        EventKind::KeyGenerated,
        &token,
        Outcome::Success,
        Some(format!(
            "{} \"{}\" id {}",
            args.spec,
            args.label,
            hex::encode(&made.id)
        )),
    );
    if ctx.json() {
        output::json(&serde_json::json!({
            "token": TokenSummary::of(&token),
            "key": key_entry(key, Some(&public), None),
        }))?;
    } else {
        let mut b = Block::new(format!(
            "New key pair ({}) on token \"{}\"",
            public.describe(),
            token.report.label
        ));
        b.field("Label", key.label.clone())
            .field("ID", hex::encode(&key.id))
            .field("URI", key.uri.clone())
            .field(
                "Private key",
                if args.extractable {
                    "can be exported (encrypted) with `tokenward keys export-private`"
                } else {
                    "stays on the token: it cannot be copied"
                },
            )
            .field(
                "Next",
                format!(
                    "make a certificate request: tokenward keys csr --key {:?} --subject \"CN=…\"",
                    key.label
                ),
            );
        output::text(&b.render())?;
    }
    Ok(ExitCode::Success)
}

fn csr(ctx: &Context, args: &CsrArgs) -> Result<ExitCode> {
    // The request is checked before the token is touched.
    let mut request = match &args.template {
        Some(path) => {
            let text = String::from_utf8(read_file(path)?).map_err(|_| {
                Error::Usage(format!("{} is not a UTF-8 text file", path.display()))
            })?;
            CsrTemplate::parse(&text)?.request()?
        }
        None => CsrRequest::default(),
    };
    if let Some(subject) = &args.subject {
        request.subject = parse_subject(subject)?;
    }
    request.sans.extend(args.san.iter().cloned());
    request.key_usage.extend(args.key_usage.iter().cloned());
    request
        .extended_key_usage
        .extend(args.extended_key_usage.iter().cloned());
    request.params()?;
    if let Some(out) = &args.out {
        if out.exists() && !args.force {
            return Err(Error::Usage(format!(
                "{} already exists; add --force to replace it",
                out.display()
            )));
        }
    }
    with_key(
        ctx,
        false,
        args.key.as_deref(),
        |KeyUse {
             token,
             session,
             key,
             cert,
             keys,
             ..
         }| {
            let signer = Signer::from_session(token, session, key, keys, None)?;
            let der = request
                .sign(&signer)
                .map_err(|e| signer.take_error().unwrap_or(e))?;
            let bytes = if args.der {
                der
            } else {
                cert::pem("CERTIFICATE REQUEST", &der).into_bytes()
            };
            let public = signer.public_key().clone();
            emit(ctx, &bytes, args.out.as_deref(), args.force, || {
                serde_json::json!({
                    "key": key_entry(key, Some(&public), cert),
                    "signature": signer.mechanism(),
                    "format": if args.der { "der" } else { "pem" },
                })
            })
        },
    )
}

pub(super) fn read_file(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|source| Error::Io {
        action: "read",
        path: path.to_path_buf(),
        source,
    })
}

fn import(ctx: &Context, args: &ImportArgs) -> Result<ExitCode> {
    // Files and passwords are read and checked before the token is touched.
    let id = parse_id(args.id.as_deref())?;
    let data = read_file(&args.file)?;
    let cert_data = args.cert.as_deref().map(read_file).transpose()?;
    let source = args.password.source()?;
    let ask = || source.read(SecretKind::Password);
    let looks_pem = data.windows(11).any(|w| w == b"-----BEGIN ");
    let bundle = if looks_pem || crate::keys::material::PrivateKey::from_pkcs8(&data).is_ok() {
        import::from_key_files(&data, cert_data.as_deref(), &ask)?
    } else if !import::looks_like_pkcs12(&data) {
        return Err(Error::Usage(format!(
            "{} is neither a PKCS#12 file (.p12/.pfx) nor a private key file (PEM or DER PKCS#8)",
            args.file.display()
        )));
    } else {
        if cert_data.is_some() {
            return Err(Error::Usage(
                "--cert is for key files; a PKCS#12 file carries its own certificate".into(),
            ));
        }
        import::from_pkcs12(&data, &ask()?)?
    };
    let label = args
        .label
        .clone()
        .or_else(|| bundle.suggested_label.clone())
        .unwrap_or_else(|| "imported key".into());
    let (token, session) = open_for_change(ctx)?;
    match import::write(&token, &session, &bundle, &label, id) {
        Ok(done) => {
            ctx.audit(
                EventKind::KeyImported,
                &token,
                Outcome::Success,
                Some(format!("\"{}\" id {}", done.label, done.id)),
            );
            if ctx.json() {
                output::json(&serde_json::json!({
                    "token": TokenSummary::of(&token),
                    "imported": done,
                }))?;
            } else {
                let mut b = Block::new(format!(
                    "Key imported ({}) onto token \"{}\"",
                    done.key_type, token.report.label
                ));
                b.field("Label", done.label.clone())
                    .field("ID", done.id.clone())
                    .field(
                        "Certificate",
                        done.certificate.clone().unwrap_or_else(|| {
                            "none (add one with `tokenward certs import`)".into()
                        }),
                    )
                    .field("Issuers added", done.chain_added.to_string())
                    .field(
                        "Private key",
                        "stored so that it cannot be read back or exported",
                    );
                output::text(&b.render())?;
            }
            Ok(ExitCode::Success)
        }
        Err(e) => {
            ctx.audit_failure(EventKind::KeyImported, &token, &e);
            Err(e)
        }
    }
}

fn export_public(ctx: &Context, args: &ExportPublicArgs) -> Result<ExitCode> {
    with_key(
        ctx,
        false,
        args.key.as_deref(),
        |KeyUse { key, keys, .. }| {
            let public = PublicKey::of(key, keys)?;
            let der = public.spki_der()?;
            let bytes = if args.der {
                der
            } else {
                cert::pem("PUBLIC KEY", &der).into_bytes()
            };
            emit(ctx, &bytes, args.out.as_deref(), args.force, || {
                serde_json::json!({
                    "key": key_entry(key, Some(&public), None),
                    "format": if args.der { "der" } else { "pem" },
                })
            })
        },
    )
}

/// Write to `out` (refusing to replace a file without `force`) or to standard output; with
/// `--json` and a file, describe what was written.
pub(super) fn emit(
    ctx: &Context,
    bytes: &[u8],
    out: Option<&Path>,
    force: bool,
    describe: impl FnOnce() -> serde_json::Value,
) -> Result<ExitCode> {
    match out {
        Some(path) => {
            write_new(path, bytes, force)?;
            if ctx.json() {
                let mut v = describe();
                v["written"] = serde_json::json!(path);
                output::json(&v)?;
            } else {
                eprintln!("Wrote {}.", path.display());
            }
        }
        None => std::io::stdout()
            .write_all(bytes)
            .map_err(|source| Error::Io {
                action: "write",
                path: "standard output".into(),
                source,
            })?,
    }
    Ok(ExitCode::Success)
}

fn export_private(ctx: &Context, args: &ExportPrivateArgs) -> Result<ExitCode> {
    if args.out.exists() && !args.force {
        return Err(Error::Usage(format!(
            "{} already exists; add --force to replace it",
            args.out.display()
        )));
    }
    if args.der && args.format == ExportFormat::Pkcs12 {
        return Err(Error::Usage(
            "--der is for PKCS#8; a PKCS#12 file is always binary".into(),
        ));
    }
    let source = PinSource::from_flags(
        SecretKind::Password,
        args.password.new_password_file.as_deref(),
        args.password.new_password_env.as_deref(),
        args.password.new_password_stdin,
    )?;
    with_key(
        ctx,
        false,
        args.key.as_deref(),
        |KeyUse {
             token,
             session,
             key,
             cert,
             certs,
             keys,
             ..
         }| {
            if !key.extractable {
                let e = Error::NotExtractable {
                    label: key.label.clone(),
                };
                ctx.audit_failure(EventKind::KeyExported, token, &e);
                return Err(e);
            }
            let password = ctx.new_password(source.clone())?;
            let public = PublicKey::of(key, keys)?;
            let pkcs8 = match export::extract_pkcs8(&session, key, &public) {
                Ok(k) => k,
                Err(e) => {
                    ctx.audit_failure(EventKind::KeyExported, token, &e);
                    return Err(e);
                }
            };
            let bytes = match args.format {
                ExportFormat::Pkcs8 => {
                    let der = export::encrypt_pkcs8(&pkcs8, &password, args.kdf)?;
                    if args.der {
                        der
                    } else {
                        cert::pem("ENCRYPTED PRIVATE KEY", &der).into_bytes()
                    }
                }
                ExportFormat::Pkcs12 => {
                    let mut ders = Vec::new();
                    if let Some(c) = cert {
                        ders.push(c.der.clone());
                        ders.extend(chain(c, certs).iter().map(|c| c.der.clone()));
                    }
                    export::encrypt_pkcs12(&pkcs8, &ders, &key.label, &password)?
                }
            };
            drop(pkcs8);
            emit(ctx, &bytes, Some(&args.out), args.force, || {
                serde_json::json!({
                    "key": key_entry(key, Some(&public), cert),
                    "format": args.format,
                    "encrypted": true,
                })
            })?;
            ctx.audit(
                EventKind::KeyExported,
                token,
                Outcome::Success,
                Some(format!(
                    "private key \"{}\" id {} as {:?} to {}",
                    key.label,
                    hex::encode(&key.id),
                    args.format,
                    args.out.display()
                )),
            );
            Ok(ExitCode::Success)
        },
    )
}

fn delete(ctx: &Context, args: &DeleteArgs) -> Result<ExitCode> {
    with_key(
        ctx,
        true,
        Some(&args.key),
        |KeyUse {
             token,
             session,
             key,
             cert,
             keys,
             ..
         }| {
            let public = PublicKey::of(key, keys).ok();
            let halves: Vec<&KeyObject> = keys
                .iter()
                .filter(|k| {
                    k.handle == key.handle
                        || (!k.private
                            && k.id == key.id
                            && public
                                .as_ref()
                                .is_some_and(|p| k.same_public_key(&p.material())))
                })
                .collect();
            let cert_words = match (cert, args.with_cert) {
                (Some(c), true) => format!(" and its certificate \"{}\"", c.label),
                (Some(_), false) => {
                    " (its certificate stays; add --with-cert to remove it too)".into()
                }
                (None, _) => String::new(),
            };
            if !args.yes {
                confirm(&format!(
                "Delete the key \"{}\"{cert_words} from token \"{}\"? Anything signed or encrypted for it can no longer be used with it. Type yes to confirm: ",
                key.label, token.report.label
            ))?;
            }
            for k in &halves {
                session.destroy_object(k.handle)?;
            }
            if let (Some(c), true) = (cert, args.with_cert) {
                session.destroy_object(c.handle)?;
            }
            ctx.audit(
                EventKind::KeyDeleted,
                token,
                Outcome::Success,
                Some(format!("\"{}\" id {}", key.label, hex::encode(&key.id))),
            );
            if ctx.json() {
                output::json(&serde_json::json!({
                    "deleted": key_entry(key, public.as_ref(), cert),
                    "objects_removed": halves.len() + usize::from(cert.is_some() && args.with_cert),
                }))?;
            } else {
                output::text(&format!(
                    "Deleted the key \"{}\"{}.\n",
                    key.label,
                    if cert.is_some() && args.with_cert {
                        " and its certificate"
                    } else {
                        ""
                    }
                ))?;
            }
            Ok(ExitCode::Success)
        },
    )
}

pub(super) fn export_config(ctx: &Context, args: &ExportConfigArgs) -> Result<ExitCode> {
    with_key(
        ctx,
        false,
        args.key.as_deref(),
        |KeyUse {
             token, key, cert, ..
         }| {
            let location = KeyLocation {
                module: token.module.path().to_path_buf(),
                token_label: token.report.label.clone(),
                token_serial: token.report.serial.clone(),
                slot_id: token.slot.id(),
                key_label: key.label.clone(),
                key_uri: key.uri.clone(),
                cert_uri: cert.map(|c| c.uri.clone()),
            };
            let config = export_config::build(args.program, &location);
            let dir_words = args
                .out
                .as_ref()
                .map(|d| d.display().to_string())
                .unwrap_or_else(|| ".".into());
            if let Some(dir) = &args.out {
                std::fs::create_dir_all(dir).map_err(|source| Error::Io {
                    action: "create",
                    path: dir.clone(),
                    source,
                })?;
                for f in &config.files {
                    write_new(&dir.join(&f.name), f.contents.as_bytes(), args.force)?;
                }
            }
            let steps: Vec<String> = config
                .steps
                .iter()
                .map(|s| s.replace("{dir}", &dir_words))
                .collect();
            if ctx.json() {
                output::json(&serde_json::json!({
                    "program": config.program,
                    "key": location,
                    "uri": config.uri,
                    "directory": args.out,
                    "files": config.files,
                    "steps": steps,
                }))?;
                return Ok(ExitCode::Success);
            }
            let mut out = format!(
            "To use the key \"{}\" on token \"{}\" from {}, without it ever leaving the token:\n\n  URI: {}\n\n",
            key.label, token.report.label, args.program.display_name(), config.uri
        );
            for (n, s) in steps.iter().enumerate() {
                out.push_str(&format!("{}. {s}\n", n + 1));
            }
            match &args.out {
                Some(dir) => {
                    out.push_str(&format!("\nWrote to {}:\n", dir.display()));
                    for f in &config.files {
                        out.push_str(&format!("  {:<22} {}\n", f.name, f.purpose));
                    }
                }
                None => {
                    for f in &config.files {
                        out.push_str(&format!(
                            "\n# ---- {} ({}) ----\n{}",
                            f.name, f.purpose, f.contents
                        ));
                    }
                    out.push_str("\nAdd --out DIR to write these files.\n");
                }
            }
            output::text(&out).map(|_| ExitCode::Success)
        },
    )
}
