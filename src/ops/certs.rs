//! Certificates on the token: list (filtered and ranked), show, select the default, export
//! (with the chain), import (bound to its key, rolled back on failure) and delete.

use std::path::{Path, PathBuf};

use cryptoki::object::ObjectHandle;
use cryptoki::session::Session;
use serde::Serialize;

use super::{Ask, Destruction, TokenSummary};
use crate::audit::EventKind;
use crate::cert::{self, CertInfo, Validity};
use crate::error::{Error, InputError, Result};
use crate::files::{read_input, OutputFile, MAX_INPUT};
use crate::keys::import::roll_back;
use crate::keys::journal::{self, PendingImport};
use crate::token::certs::{
    ca_id, cert_template, match_key, pair_with, read_certificates, read_keys, KeyMatch, KeyObject,
    MatchKind, TokenCert,
};
use crate::token::find::{fingerprint_of, select_cert, ObjectSelector};
use crate::token::pin::PinUser;
use crate::token::TokenRef;
use crate::warning::Warning;
use crate::Workspace;

/// One certificate as the commands show it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CertEntry {
    /// CKA_LABEL.
    pub label: String,
    /// CKA_ID in hex.
    pub id: String,
    /// The object's URI.
    pub uri: String,
    /// It is the token's default certificate.
    pub default: bool,
    /// It parsed.
    pub readable: bool,
    /// Why it did not parse.
    pub error: Option<String>,
    /// The certificate in words, when it parsed.
    pub info: Option<CertInfo>,
    /// The key on the token that belongs to it.
    pub key: KeyMatch,
}

impl CertEntry {
    /// The entry of `c`; `default` is the default certificate's fingerprint.
    pub fn of(c: &TokenCert, default: Option<&str>) -> Self {
        let info = c.info.as_ref().ok();
        CertEntry {
            label: c.label.clone(),
            id: hex::encode(&c.id),
            uri: c.uri.clone(),
            default: info.is_some_and(|i| Some(i.fingerprint_sha256.as_str()) == default),
            readable: info.is_some(),
            error: c.info.as_ref().err().cloned(),
            info: info.cloned(),
            key: c.key.clone(),
        }
    }

    /// The common name, or the label of an unreadable certificate.
    pub fn name(&self) -> &str {
        self.info
            .as_ref()
            .map(|i| i.subject_cn.as_str())
            .unwrap_or(&self.label)
    }
}

/// Which certificates `certs list` keeps.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CertFilter {
    /// Only certificates valid today.
    pub valid: bool,
    /// Only certificates that can sign with a key on the token (no CA certificates).
    pub signing: bool,
    /// Only certificates whose names, identifiers or label contain this text (any case).
    pub search: Option<String>,
}

impl CertFilter {
    /// Does any filter apply?
    pub fn is_active(&self) -> bool {
        self.valid || self.signing || self.search.is_some()
    }

    /// Does `c` pass?
    pub fn keeps(&self, c: &TokenCert) -> bool {
        let Ok(i) = &c.info else {
            return !self.is_active();
        };
        let search = self.search.as_deref().map(folded);
        (!self.valid || i.validity == Validity::Valid)
            && (!self.signing || (i.can_sign && i.key_usable && !i.is_ca))
            && search.as_deref().is_none_or(|s| {
                [&i.subject, &i.issuer, &c.label]
                    .iter()
                    .any(|t| folded(t).contains(s))
                    || i.subject_alt_names.iter().any(|n| folded(n).contains(s))
                    || i.national_ids.iter().any(|n| folded(&n.value).contains(s))
            })
    }
}

/// `text` for searching: lower case, accents dropped ("HERNÁNDEZ" → "hernandez", «Ёлкин» →
/// «елкин»).
fn folded(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase()
}

/// How usable a certificate is: valid with its key first, unreadable last.
pub fn rank(c: &TokenCert) -> u8 {
    match &c.info {
        Ok(i) if i.validity == Validity::Valid && c.key.kind != MatchKind::None => 0,
        Ok(i) if i.validity == Validity::Valid => 1,
        Ok(_) => 2,
        Err(_) => 3,
    }
}

/// The result of `certs list`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CertList {
    /// The token.
    pub token: TokenSummary,
    /// A login was made, so private keys were matched too.
    pub logged_in: bool,
    /// The certificates kept by the filter, the usable ones first.
    pub certificates: Vec<CertEntry>,
    /// Key imports that were interrupted (run the same `keys import` again to finish one).
    pub pending_imports: Vec<PendingImport>,
}

/// The token and a read-only session, logged in when asked.
fn open(ws: &Workspace, login: bool, ask: &dyn Ask) -> Result<(TokenRef, Session)> {
    let mut token = ws.token()?;
    let session = token.open_ro()?;
    if login {
        ws.login(&mut token, &session, PinUser::User, ask)?;
    }
    Ok((token, session))
}

/// The token's certificates and keys, with a login first when asked.
fn load(
    ws: &Workspace,
    login: bool,
    ask: &dyn Ask,
) -> Result<(TokenRef, Session, Vec<TokenCert>, Vec<KeyObject>)> {
    let (token, session) = open(ws, login, ask)?;
    let (certs, keys) = read_certificates(&session, &token.report)?;
    Ok((token, session, certs, keys))
}

/// `certs list`: the certificates that pass `filter`, the usable ones first, then by name.
///
/// # Errors
/// No token; a wrong PIN with `login`; the module's errors.
pub fn list(ws: &Workspace, login: bool, filter: &CertFilter, ask: &dyn Ask) -> Result<CertList> {
    let (token, session, mut certs, _) = load(ws, login, ask)?;
    let pending_imports = journal::pending(&session, &token.report)?;
    certs.retain(|c| filter.keeps(c));
    certs.sort_by(|a, b| {
        let name = |c: &TokenCert| {
            c.info
                .as_ref()
                .map(|i| i.subject_cn.clone())
                .unwrap_or_default()
        };
        (rank(a), name(a)).cmp(&(rank(b), name(b)))
    });
    let default = ws.default_cert(&token);
    Ok(CertList {
        token: TokenSummary::of(&token),
        logged_in: login,
        certificates: certs.iter().map(|c| CertEntry::of(c, default)).collect(),
        pending_imports,
    })
}

/// One certificate with the token it is on.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CertShown {
    /// The token.
    pub token: TokenSummary,
    /// The certificate.
    #[serde(flatten)]
    pub cert: CertEntry,
}

/// `certs show`: one certificate (default: the token's default). A certificate named
/// exactly is read with those sharing its name or CKA_ID (`Workspace::objects_for`), not
/// every certificate on the token; it is then paired against every key, as a full read
/// pairs it (a key of another CKA_ID may hold its public key).
///
/// # Errors
/// The selector matches none or several; see [`list`].
pub fn show(
    ws: &Workspace,
    selector: Option<&ObjectSelector>,
    login: bool,
    ask: &dyn Ask,
) -> Result<CertShown> {
    let (token, session) = open(ws, login, ask)?;
    let c = chosen(ws, &session, &token, selector)?;
    Ok(CertShown {
        token: TokenSummary::of(&token),
        cert: CertEntry::of(&c, ws.default_cert(&token)),
    })
}

/// The certificate `selector` (else the default) names, read by template when it names one
/// exactly, then paired against every key, so that its "private key" is what a full read
/// says.
///
/// # Errors
/// No certificate matches, several do; the module's errors.
fn chosen(
    ws: &Workspace,
    session: &Session,
    token: &TokenRef,
    selector: Option<&ObjectSelector>,
) -> Result<TokenCert> {
    let default = ws.default_cert(token);
    let objects = ws.objects_for(session, token, selector, |c, _| {
        select_cert(c, selector, default)
            .ok()
            .map(|cert| fingerprint_of(Some(cert)))
    })?;
    let mut c = select_cert(&objects.certs, selector, default)?.clone();
    if objects.narrowed {
        c.key = pair_with(&c.info, &c.id, &read_keys(session, &token.report)?);
    }
    Ok(c)
}

/// The result of `certs select`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Selected {
    /// The token.
    pub token: TokenSummary,
    /// The certificate that is now the default.
    pub default_cert: CertEntry,
    /// The file that remembers it: the per-user state file (`tokenward::state`), not the
    /// administrator's configuration (the field keeps its name).
    pub config: PathBuf,
}

/// `certs select`: make a certificate the token's default (remembered by token serial).
///
/// # Errors
/// No certificate named, an unreadable one, no configuration location; see [`show`].
pub fn select(
    ws: &Workspace,
    selector: Option<&ObjectSelector>,
    login: bool,
    ask: &dyn Ask,
) -> Result<Selected> {
    let selector = selector.ok_or(InputError::CertificateNotNamed)?;
    let (token, session) = open(ws, login, ask)?;
    let c = chosen(ws, &session, &token, Some(selector))?;
    let info = c
        .info
        .as_ref()
        .map_err(|e| InputError::CertificateUnreadable { reason: e.clone() })?;
    let fp = info.fingerprint_sha256.clone();
    let serial = token.report.serial.clone();
    let id = (!c.id.is_empty()).then(|| hex::encode(&c.id));
    let config = ws.update_state(|state| {
        let settings = state.tokens.entry(serial).or_default();
        settings.default_cert = Some(fp.clone());
        settings.default_cert_id = id;
    })?;
    Ok(Selected {
        token: TokenSummary::of(&token),
        default_cert: CertEntry::of(&c, Some(&fp)),
        config,
    })
}

/// What `certs export` asks for.
#[derive(Debug, Clone, Default)]
pub struct ExportRequest {
    /// The certificate (default: the token's default).
    pub selector: Option<ObjectSelector>,
    /// Add the issuers found on the token, leaf first.
    pub chain: bool,
    /// DER instead of PEM (one certificate only).
    pub der: bool,
    /// Where to write; `None` returns the bytes for the caller to print.
    pub out: Option<OutputFile>,
}

/// One exported certificate.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ExportedCert {
    /// Its label on the token.
    pub label: String,
    /// Its common name.
    pub subject: String,
    /// SHA-256 of its DER, hex.
    pub fingerprint_sha256: Option<String>,
}

/// The result of `certs export`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CertExport {
    /// The token.
    pub token: TokenSummary,
    /// The certificates, leaf first.
    pub certificates: Vec<ExportedCert>,
    /// `pem` or `der`.
    pub format: &'static str,
    /// The file written, or `null` when the bytes are returned.
    pub written: Option<PathBuf>,
    /// The PEM text when nothing was written and the format is PEM.
    pub pem: Option<String>,
    /// The bytes (DER or PEM).
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

/// `certs export`: a certificate (and its chain) as PEM or DER, written or returned. No login
/// is needed: certificates are public.
///
/// # Errors
/// `der` with a chain of more than one; see [`show`]; the write's.
pub fn export(ws: &Workspace, req: &ExportRequest) -> Result<CertExport> {
    let token = ws.token()?;
    let session = token.open_ro()?;
    let default = ws.default_cert(&token);
    let selector = req.selector.as_ref();
    let objects = ws.objects_for(&session, &token, selector, |c, _| {
        select_cert(c, selector, default)
            .ok()
            .map(|cert| fingerprint_of(Some(cert)))
    })?;
    let c = select_cert(&objects.certs, selector, default)?;
    let issuers = if req.chain {
        objects.chain(&session, &token.report, c)?
    } else {
        Vec::new()
    };
    let mut list = vec![c];
    list.extend(issuers.iter());
    if req.der && list.len() > 1 {
        return Err(InputError::DerHoldsOne.into());
    }
    let bytes: Vec<u8> = if req.der {
        c.der.clone()
    } else {
        list.iter()
            .map(|c| cert::to_pem(&c.der))
            .collect::<String>()
            .into_bytes()
    };
    let certificates = list
        .iter()
        .map(|c| ExportedCert {
            label: c.label.clone(),
            subject: c
                .info
                .as_ref()
                .map(|i| i.subject_cn.clone())
                .unwrap_or_else(|_| c.label.clone()),
            fingerprint_sha256: c.info.as_ref().ok().map(|i| i.fingerprint_sha256.clone()),
        })
        .collect::<Vec<_>>();
    let written = match &req.out {
        Some(out) => {
            let detail = format!("{} certificate(s) to {}", list.len(), out.path().display());
            ws.audited(
                EventKind::CertExported,
                &token,
                || out.write(&bytes),
                |_| detail.clone(),
            )?;
            Some(out.path().to_path_buf())
        }
        None => None,
    };
    Ok(CertExport {
        token: TokenSummary::of(&token),
        certificates,
        format: if req.der { "der" } else { "pem" },
        pem: (written.is_none() && !req.der).then(|| String::from_utf8_lossy(&bytes).into_owned()),
        written,
        bytes,
    })
}

/// Certificates read from a file and checked, before the token is touched.
#[derive(Debug, Clone)]
pub struct CertFile {
    /// The file.
    pub path: PathBuf,
    certs: Vec<(Vec<u8>, CertInfo)>,
}

impl CertFile {
    /// One of its certificates is for one of `keys` (by public key).
    pub fn matches_a_key(&self, keys: &[KeyObject]) -> bool {
        self.certs
            .iter()
            .any(|(_, info)| match_key(&info.public_key, &[], keys).kind == MatchKind::ByPublicKey)
    }

    /// Read and parse every certificate in `path` (PEM, DER or a PEM bundle).
    ///
    /// # Errors
    /// Unreadable file, or a certificate that does not parse.
    pub fn read(path: &Path) -> Result<Self> {
        let data = read_input(path, MAX_INPUT)?;
        let bad = |reason: String| InputError::BadCertificateFile {
            path: path.to_path_buf(),
            reason,
        };
        let mut certs = Vec::new();
        for der in cert::split_pem_or_der(&data).map_err(bad)? {
            let info = cert::parse(&der).map_err(bad)?;
            certs.push((der, info));
        }
        Ok(CertFile {
            path: path.to_path_buf(),
            certs,
        })
    }
}

/// One certificate of an import.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ImportedCert {
    /// Its common name.
    pub subject: String,
    /// The label it has on the token.
    pub label: String,
    /// Its CKA_ID in hex (its key's).
    pub id: String,
    /// SHA-256 of its DER, hex.
    pub fingerprint_sha256: String,
    /// `imported` or `already_present`.
    pub status: &'static str,
}

/// The result of `certs import`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CertImport {
    /// The token.
    pub token: TokenSummary,
    /// Each certificate of the file.
    pub certificates: Vec<ImportedCert>,
}

/// `certs import`: put the certificates of `file` on the token, each bound to its key (CA
/// certificates of a bundle travel with their leaf, or with `ca`). Everything is planned
/// before the first write; a failed write removes what this import wrote.
///
/// # Errors
/// A certificate whose key is not on the token (without `ca`), a write-protected token, a
/// wrong PIN, the module's.
pub fn import(
    ws: &Workspace,
    file: &CertFile,
    label: Option<&str>,
    ca: bool,
    ask: &dyn Ask,
) -> Result<CertImport> {
    if let Some(given) = label {
        crate::text::check_object_label(given)?;
    }
    for (_, info) in &file.certs {
        let name = match (label, file.certs.len()) {
            (Some(l), 1) => l,
            _ => info.subject_cn.as_str(),
        };
        crate::text::check_printable("label", name)?;
    }
    let (token, session, who) = ws.open_for_writing(ask)?;
    let done = ws.audited(
        EventKind::CertImported,
        &token,
        || {
            import_on(&token, &session, file, label, ca)
                .map_err(|e| e.needing_so_pin(who, "importing certificates"))
        },
        |done| {
            let ids: Vec<&str> = done
                .certificates
                .iter()
                .filter(|c| c.status == "imported")
                .map(|c| c.fingerprint_sha256.as_str())
                .collect();
            format!(
                "{} from {}: {}",
                ids.len(),
                file.path.display(),
                ids.join(", ")
            )
        },
    )?;
    for (_, info) in &file.certs {
        let imported = done
            .certificates
            .iter()
            .any(|c| c.status == "imported" && c.fingerprint_sha256 == info.fingerprint_sha256);
        if let Some(w) = Warning::of_certificate(info).filter(|_| imported) {
            ws.warn(w);
        }
    }
    Ok(done)
}

pub(super) fn import_on(
    token: &TokenRef,
    session: &Session,
    file: &CertFile,
    label: Option<&str>,
    ca: bool,
) -> Result<CertImport> {
    let (existing, keys) = read_certificates(session, &token.report)?;
    let parsed = &file.certs;
    let mut plans = Vec::new();
    for (der, info) in parsed {
        let key = match_key(&info.public_key, &[], &keys);
        // In a bundle, CA certificates travel with a leaf whose key is on the token.
        let issued_a_keyed_cert = info.is_ca
            && parsed
                .iter()
                .any(|(_, other)| match_key(&other.public_key, &[], &keys).kind != MatchKind::None);
        let id = match (key.kind, &key.id) {
            (MatchKind::ByPublicKey, Some(id)) => hex::decode(id).unwrap_or_default(),
            _ if ca || issued_a_keyed_cert => ca_id(info),
            _ => {
                return Err(InputError::NoKeyForCertificate {
                    token: token.report.label.clone(),
                    subject: info.subject_cn.clone(),
                }
                .into())
            }
        };
        let label = match (label, parsed.len()) {
            (Some(l), 1) => l.to_string(),
            _ => crate::text::label_from(&info.subject_cn),
        };
        let duplicate = existing.iter().any(|c| c.der == *der);
        plans.push((der, info, label, id, duplicate));
    }
    let mut created: Vec<ObjectHandle> = Vec::new();
    for (der, info, label, id, duplicate) in &plans {
        if *duplicate {
            continue;
        }
        match crate::trace::pkcs11("C_CreateObject", None, || {
            session.create_object(&cert_template(label, id, der, info))
        }) {
            Ok(h) => created.push(h),
            Err(e) => return Err(roll_back(session, &created, e.into())),
        }
    }
    Ok(CertImport {
        token: TokenSummary::of(token),
        certificates: plans
            .into_iter()
            .map(|(_, info, label, id, duplicate)| ImportedCert {
                subject: info.subject_cn.clone(),
                label,
                id: hex::encode(id),
                fingerprint_sha256: info.fingerprint_sha256.clone(),
                status: if duplicate {
                    "already_present"
                } else {
                    "imported"
                },
            })
            .collect(),
    })
}

/// The result of `certs delete`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CertDeleted {
    /// The token.
    pub token: TokenSummary,
    /// The certificate removed.
    pub deleted: CertEntry,
}

/// `certs delete`: remove a certificate (its key stays), after `ask` confirms.
///
/// # Errors
/// Not confirmed; see [`import`].
pub fn delete(ws: &Workspace, selector: &ObjectSelector, ask: &dyn Ask) -> Result<CertDeleted> {
    let (token, session, who) = ws.open_for_writing(ask)?;
    let (certs, _) = read_certificates(&session, &token.report)?;
    let c = select_cert(&certs, Some(selector), None)?;
    let entry = CertEntry::of(c, None);
    ask.confirm(&Destruction::Certificate {
        name: entry.name().to_string(),
        token: token.report.label.clone(),
    })?;
    let detail = format!(
        "\"{}\" id {} sha256 {}",
        entry.label,
        entry.id,
        entry
            .info
            .as_ref()
            .map(|i| i.fingerprint_sha256.as_str())
            .unwrap_or("unreadable")
    );
    ws.audited(
        EventKind::CertDeleted,
        &token,
        || {
            crate::trace::pkcs11("C_DestroyObject", None, || session.destroy_object(c.handle))
                .map_err(|e| Error::from(e).needing_so_pin(who, "deleting certificates"))
        },
        |()| detail.clone(),
    )?;
    Ok(CertDeleted {
        token: TokenSummary::of(&token),
        deleted: entry,
    })
}

/// What `certs verify` asks for.
#[derive(Debug, Clone, Default)]
pub struct VerifyRequest {
    /// The certificate to check (PEM or DER; the first of a bundle).
    pub cert: PathBuf,
    /// Trusted CA certificates.
    pub ca: Vec<PathBuf>,
    /// Intermediate CA certificates.
    pub chain: Vec<PathBuf>,
    /// Check at this time instead of now.
    pub at: Option<time::OffsetDateTime>,
}

/// The result of `certs verify` (only a valid path has one; an invalid one is an error).
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CertVerified {
    /// Always true.
    pub valid: bool,
    /// The certificate's subject.
    pub subject: String,
    /// The path that validated.
    pub path: crate::cert::path::ValidPath,
}

/// `certs verify`: does the certificate lead to a trusted CA under RFC 5280 rules for
/// document signing? Needs no token.
///
/// # Errors
/// No `--ca`; unreadable files (exit 2); [`crate::Error::Verification`] when no path is
/// valid (exit 7).
pub fn verify(req: &VerifyRequest) -> Result<CertVerified> {
    if req.ca.is_empty() {
        return Err(InputError::NoTrustAnchor.into());
    }
    let leaf_file = CertFile::read(&req.cert)?;
    let (leaf, info) = leaf_file
        .certs
        .first()
        .ok_or(InputError::NoCertificateInFile { flag: "CERT" })?;
    let mut anchors = Vec::new();
    for p in &req.ca {
        anchors.extend(CertFile::read(p)?.certs.into_iter().map(|(d, _)| d));
    }
    let mut pool: Vec<Vec<u8>> = leaf_file.certs[1..]
        .iter()
        .map(|(d, _)| d.clone())
        .collect();
    for p in &req.chain {
        pool.extend(CertFile::read(p)?.certs.into_iter().map(|(d, _)| d));
    }
    let path = crate::cert::path::validate(leaf, &pool, &anchors, req.at)?;
    Ok(CertVerified {
        valid: true,
        subject: info.subject.clone(),
        path,
    })
}
