//! `tokenward certs list|show|select|export|import|delete`.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use cryptoki::object::ObjectHandle;
use serde::Serialize;

use super::output::{self, Block, Table};
use super::Context;
use crate::cert::{self, CertInfo, Validity};
use crate::error::{Error, ExitCode, Result};
use crate::keys::import::roll_back;
use crate::token::certs::{
    ca_id, cert_template, chain, match_key, read_certificates, KeyMatch, MatchKind, TokenCert,
};
use crate::token::find::{select_cert, ObjectSelector};
use crate::token::TokenRef;

/// The `certs` commands.
#[derive(Debug, Subcommand)]
pub enum CertsCommand {
    /// Every certificate on the token, the usable ones first.
    List(ListArgs),
    /// One certificate in full.
    Show(SelectArgs),
    /// Make a certificate the token's default (remembered per token serial).
    Select(SelectArgs),
    /// Write a certificate (and with --chain its issuers found on the token) as PEM or DER.
    Export(ExportArgs),
    /// Put a certificate (PEM, DER or a PEM bundle) on the token, bound to its key.
    Import(ImportArgs),
    /// Remove a certificate from the token (its key stays).
    Delete(DeleteArgs),
}

/// Options of `certs list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Log in first, so private keys can be matched too.
    #[arg(long)]
    pub login: bool,
    /// Only certificates valid today.
    #[arg(long)]
    pub valid: bool,
    /// Only certificates for this use (`signing`).
    #[arg(long = "for", value_name = "USE", value_parser = ["signing"])]
    pub for_use: Option<String>,
    /// Only certificates whose names, identifiers or label contain this text.
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Show full distinguished names instead of common names.
    #[arg(long)]
    pub full: bool,
}

/// A certificate chosen by selector.
#[derive(Debug, Args)]
pub struct SelectArgs {
    /// URI, label, CKA_ID in hex or SHA-256 fingerprint prefix (default: the token's default).
    pub cert: Option<String>,
    /// Log in first, so private keys can be matched too.
    #[arg(long)]
    pub login: bool,
}

/// Options of `certs export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// URI, label, CKA_ID in hex or SHA-256 fingerprint prefix (default: the token's default).
    pub cert: Option<String>,
    /// Write DER instead of PEM (one certificate only).
    #[arg(long)]
    pub der: bool,
    /// Add the issuers found on the token, leaf first.
    #[arg(long)]
    pub chain: bool,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Options of `certs import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The certificate file: PEM, DER, or a PEM bundle.
    pub file: PathBuf,
    /// Label on the token (default: the subject's common name).
    #[arg(long)]
    pub label: Option<String>,
    /// Accept certificates whose key is not on the token (CA and chain certificates).
    #[arg(long)]
    pub ca: bool,
}

/// Options of `certs delete`.
#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// URI, label, CKA_ID in hex or SHA-256 fingerprint prefix.
    pub cert: String,
    /// Do not ask for confirmation.
    #[arg(long)]
    pub yes: bool,
}

/// One certificate in JSON.
#[derive(Debug, Serialize)]
struct CertEntry<'a> {
    label: &'a str,
    id: String,
    uri: &'a str,
    default: bool,
    readable: bool,
    error: Option<&'a str>,
    info: Option<&'a CertInfo>,
    key: &'a KeyMatch,
}

pub(super) fn run(ctx: &Context, cmd: &CertsCommand) -> Result<ExitCode> {
    match cmd {
        CertsCommand::List(a) => list(ctx, a),
        CertsCommand::Show(a) => show(ctx, a),
        CertsCommand::Select(a) => select(ctx, a),
        CertsCommand::Export(a) => export(ctx, a),
        CertsCommand::Import(a) => import(ctx, a),
        CertsCommand::Delete(a) => delete(ctx, a),
    }
}

/// The token's certificates (with a login first when asked).
fn load(
    ctx: &Context,
    login: bool,
) -> Result<(
    TokenRef,
    Vec<TokenCert>,
    Vec<crate::token::certs::KeyObject>,
)> {
    let mut token = ctx.token()?;
    let session = token.open_ro()?;
    if login {
        ctx.login_user(&mut token, &session)?;
    }
    let (certs, keys) = read_certificates(&session, &token.report)?;
    Ok((token, certs, keys))
}

fn default_fp<'a>(ctx: &'a Context, token: &TokenRef) -> Option<&'a str> {
    ctx.config()
        .token(&token.report.serial)
        .and_then(|t| t.default_cert.as_deref())
}

fn entry<'a>(c: &'a TokenCert, default: Option<&str>) -> CertEntry<'a> {
    let info = c.info.as_ref().ok();
    CertEntry {
        label: &c.label,
        id: hex::encode(&c.id),
        uri: &c.uri,
        default: info.is_some_and(|i| Some(i.fingerprint_sha256.as_str()) == default),
        readable: info.is_some(),
        error: c.info.as_ref().err().map(String::as_str),
        info,
        key: &c.key,
    }
}

fn rank(c: &TokenCert) -> u8 {
    match &c.info {
        Ok(i) if i.validity == Validity::Valid && c.key.kind != MatchKind::None => 0,
        Ok(i) if i.validity == Validity::Valid => 1,
        Ok(_) => 2,
        Err(_) => 3,
    }
}

fn list(ctx: &Context, args: &ListArgs) -> Result<ExitCode> {
    let (token, mut certs, _) = load(ctx, args.login)?;
    let search = args.search.as_deref().map(str::to_lowercase);
    certs.retain(|c| {
        let Ok(i) = &c.info else {
            return !args.valid && args.for_use.is_none() && search.is_none();
        };
        (!args.valid || i.validity == Validity::Valid)
            && (args.for_use.is_none() || (i.can_sign && i.key_usable && !i.is_ca))
            && search.as_deref().is_none_or(|s| {
                [&i.subject, &i.issuer, &c.label]
                    .iter()
                    .any(|t| t.to_lowercase().contains(s))
                    || i.subject_alt_names
                        .iter()
                        .any(|n| n.to_lowercase().contains(s))
                    || i.national_ids
                        .iter()
                        .any(|n| n.value.to_lowercase().contains(s))
            })
    });
    certs.sort_by(|a, b| {
        let name = |c: &TokenCert| {
            c.info
                .as_ref()
                .map(|i| i.subject_cn.clone())
                .unwrap_or_default()
        };
        (rank(a), name(a)).cmp(&(rank(b), name(b)))
    });
    let default = default_fp(ctx, &token);
    if ctx.json() {
        let entries: Vec<CertEntry> = certs.iter().map(|c| entry(c, default)).collect();
        output::json(&serde_json::json!({
            "token": super::objects::TokenSummary::of(&token),
            "logged_in": args.login,
            "certificates": entries,
        }))?;
        return Ok(ExitCode::Success);
    }
    if certs.is_empty() {
        output::text(&format!(
            "No certificates on token \"{}\"{}.\n",
            token.report.label,
            if args.valid || args.for_use.is_some() || args.search.is_some() {
                " match the filters"
            } else {
                ""
            }
        ))?;
        return Ok(ExitCode::Success);
    }
    let mut table = Table::new(&["", "CERTIFICATE", "VALIDITY", "KEY ON TOKEN", "ID"]);
    for c in &certs {
        let e = entry(c, default);
        let mark = if e.default { "*" } else { "" }.to_string();
        match &c.info {
            Ok(i) => {
                let name = if args.full {
                    i.subject.clone()
                } else {
                    i.subject_cn.clone()
                };
                let mut note = format!(
                    "issued by {}; {}; {}",
                    if args.full { &i.issuer } else { &i.issuer_cn },
                    i.key_algorithm,
                    usage_words(i)
                );
                if !i.national_ids.is_empty() {
                    let ids: Vec<String> = i
                        .national_ids
                        .iter()
                        .map(|n| format!("{} {}", n.kind.to_uppercase(), n.value))
                        .collect();
                    note.push_str(&format!("; {}", ids.join(", ")));
                }
                note.push_str(&format!("; SHA-256 {}…", &i.fingerprint_sha256[..16]));
                table.row_with_note(
                    vec![mark, name, validity_words(i), key_words(&c.key, i), e.id],
                    note,
                );
            }
            Err(err) => table.row_with_note(
                vec![
                    mark,
                    format!("unreadable certificate \"{}\"", c.label),
                    String::new(),
                    String::new(),
                    e.id,
                ],
                err.clone(),
            ),
        }
    }
    let mut out = format!(
        "Certificates on token \"{}\" (serial {}):\n",
        token.report.label, token.report.serial
    );
    out.push_str(&table.render());
    if default.is_some() {
        out.push_str("\n* the default certificate (tokenward certs select)\n");
    }
    if !args.login {
        out.push_str(
            "\nPrivate keys are hidden until you log in; add --login to match them too.\n",
        );
    }
    output::text(&out)?;
    Ok(ExitCode::Success)
}

fn validity_words(i: &CertInfo) -> String {
    match i.validity {
        Validity::Valid => format!("valid, {} days left", i.days_left),
        Validity::Expired => format!("EXPIRED {} days ago", -i.days_left),
        Validity::NotYetValid => format!("not valid until {}", &i.not_before[..10]),
    }
}

fn key_words(k: &KeyMatch, i: &CertInfo) -> String {
    let base = match (k.kind, k.private_key_seen) {
        (MatchKind::ByPublicKey, true) => "yes",
        (MatchKind::ByPublicKey, false) => "yes (log in to confirm)",
        (MatchKind::ByIdOnly, _) => "by id only",
        (MatchKind::None, _) => "no",
    };
    if i.key_usable {
        base.to_string()
    } else {
        format!("{base}; list only ({})", i.key_algorithm)
    }
}

fn usage_words(i: &CertInfo) -> String {
    let mut words: Vec<&str> = i.key_usage.iter().map(String::as_str).collect();
    words.extend(i.extended_key_usage.iter().map(String::as_str));
    if words.is_empty() {
        "any use".into()
    } else {
        words.join(", ")
    }
}

fn chosen<'a>(
    ctx: &Context,
    token: &TokenRef,
    certs: &'a [TokenCert],
    sel: Option<&str>,
) -> Result<&'a TokenCert> {
    let selector = sel.map(ObjectSelector::parse).transpose()?;
    select_cert(certs, selector.as_ref(), default_fp(ctx, token))
}

fn show(ctx: &Context, args: &SelectArgs) -> Result<ExitCode> {
    let (token, certs, _) = load(ctx, args.login)?;
    let c = chosen(ctx, &token, &certs, args.cert.as_deref())?;
    let default = default_fp(ctx, &token);
    if ctx.json() {
        output::json(&entry(c, default))?;
        return Ok(ExitCode::Success);
    }
    let mut b = Block::new(format!(
        "Certificate \"{}\" on token \"{}\"",
        c.label, token.report.label
    ));
    match &c.info {
        Err(e) => {
            b.field("Status", format!("unreadable certificate: {e}"));
        }
        Ok(i) => {
            b.field("Subject", i.subject.clone())
                .field("Issuer", i.issuer.clone())
                .field("Serial", i.serial.clone())
                .field("Valid from", i.not_before.clone())
                .field("Valid until", i.not_after.clone())
                .field("Status", validity_words(i))
                .field(
                    "Key",
                    format!("{} ({})", i.key_algorithm, key_words(&c.key, i)),
                )
                .field("Signature", i.signature_algorithm.clone())
                .field(
                    "Key usage",
                    if i.key_usage.is_empty() {
                        "not restricted".into()
                    } else {
                        i.key_usage.join(", ")
                    },
                )
                .field(
                    "Extended usage",
                    if i.extended_key_usage.is_empty() {
                        "not restricted".into()
                    } else {
                        i.extended_key_usage.join(", ")
                    },
                )
                .field("Alt. names", i.subject_alt_names.join(", "))
                .field(
                    "Can sign",
                    if i.can_sign && i.key_usable {
                        "yes"
                    } else {
                        "no"
                    },
                )
                .field("CA", if i.is_ca { "yes" } else { "no" });
            for n in &i.national_ids {
                b.field(n.name, n.value.clone());
            }
            b.field("SHA-256", i.fingerprint_sha256.clone());
            for w in &i.warnings {
                b.field("Warning", w.clone());
            }
        }
    }
    b.field("ID", hex::encode(&c.id))
        .field("URI", c.uri.clone());
    if let Some(u) = &c.key.uri {
        b.field("Key URI", u.clone());
    }
    output::text(&b.render())?;
    Ok(ExitCode::Success)
}

fn select(ctx: &Context, args: &SelectArgs) -> Result<ExitCode> {
    let (token, certs, _) = load(ctx, args.login)?;
    let Some(sel) = args.cert.as_deref() else {
        return Err(Error::Usage("name the certificate to make the default: its label, id, fingerprint prefix or URI (see `tokenward certs list`)".into()));
    };
    let c = chosen(ctx, &token, &certs, Some(sel))?;
    let info = c.info.as_ref().map_err(|e| {
        Error::Usage(format!(
            "that certificate is unreadable ({e}); it cannot be the default"
        ))
    })?;
    let fp = info.fingerprint_sha256.clone();
    let serial = token.report.serial.clone();
    let path = ctx.update_config(|cfg| cfg.token_mut(&serial).default_cert = Some(fp.clone()))?;
    if ctx.json() {
        output::json(&serde_json::json!({
            "token": super::objects::TokenSummary::of(&token),
            "default_cert": entry(c, Some(&fp)),
            "config": path,
        }))?;
    } else {
        output::text(&format!(
            "The default certificate of token \"{}\" is now \"{}\" (SHA-256 {}…).\n",
            token.report.label,
            info.subject_cn,
            &fp[..16]
        ))?;
    }
    Ok(ExitCode::Success)
}

fn export(ctx: &Context, args: &ExportArgs) -> Result<ExitCode> {
    let (token, certs, _) = load(ctx, false)?;
    let c = chosen(ctx, &token, &certs, args.cert.as_deref())?;
    let mut list = vec![c];
    if args.chain {
        list.extend(chain(c, &certs));
    }
    let bytes: Vec<u8> = if args.der {
        if list.len() > 1 {
            return Err(Error::Usage(
                "DER holds one certificate; for a chain use PEM (drop --der)".into(),
            ));
        }
        c.der.clone()
    } else {
        list.iter()
            .map(|c| cert::to_pem(&c.der))
            .collect::<String>()
            .into_bytes()
    };
    match &args.out {
        Some(path) => {
            write_new(path, &bytes, args.force)?;
            let msg = format!(
                "Wrote {} certificate(s) to {}.\n",
                list.len(),
                path.display()
            );
            if ctx.json() {
                output::json(
                    &serde_json::json!({"written": path, "certificates": list.len(), "format": if args.der {"der"} else {"pem"}}),
                )?;
            } else {
                eprint!("{msg}");
            }
        }
        None => {
            std::io::stdout()
                .write_all(&bytes)
                .map_err(|source| Error::Io {
                    action: "write",
                    path: "standard output".into(),
                    source,
                })?;
        }
    }
    Ok(ExitCode::Success)
}

/// Write a file, refusing to replace an existing one unless `force`.
pub(super) fn write_new(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    if path.exists() && !force {
        return Err(Error::Usage(format!(
            "{} already exists; add --force to replace it",
            path.display()
        )));
    }
    std::fs::write(path, bytes).map_err(|source| Error::Io {
        action: "write",
        path: path.to_path_buf(),
        source,
    })
}

fn import(ctx: &Context, args: &ImportArgs) -> Result<ExitCode> {
    // Everything is read and checked before the token is touched.
    let data = std::fs::read(&args.file).map_err(|source| Error::Io {
        action: "read",
        path: args.file.clone(),
        source,
    })?;
    let ders = cert::split_pem_or_der(&data)
        .map_err(|e| Error::Usage(format!("{}: {e}", args.file.display())))?;
    let mut parsed = Vec::new();
    for der in ders {
        let info =
            cert::parse(&der).map_err(|e| Error::Usage(format!("{}: {e}", args.file.display())))?;
        parsed.push((der, info));
    }
    let mut token = ctx.token()?;
    if token.report.flags.write_protected {
        return Err(Error::WriteProtected);
    }
    let session = token.open_rw()?;
    ctx.login_user(&mut token, &session)?;
    let (existing, keys) = read_certificates(&session, &token.report)?;

    struct Plan {
        der: Vec<u8>,
        label: String,
        id: Vec<u8>,
        info: CertInfo,
        duplicate: bool,
    }
    let mut plans = Vec::new();
    for (der, info) in &parsed {
        let key = match_key(&info.public_key, &[], &keys);
        // In a bundle, CA certificates travel with a leaf whose key is on the token.
        let issued_a_keyed_cert = info.is_ca
            && parsed
                .iter()
                .any(|(_, other)| match_key(&other.public_key, &[], &keys).kind != MatchKind::None);
        let id = match (key.kind, &key.id) {
            (MatchKind::ByPublicKey, Some(id)) => hex::decode(id).unwrap_or_default(),
            _ if args.ca || issued_a_keyed_cert => ca_id(info),
            _ => {
                return Err(Error::Usage(format!(
                    "no key on token \"{}\" belongs to the certificate \"{}\"; import its key first (for example with its PKCS#12 file), or add --ca for a CA certificate. Nothing was imported",
                    token.report.label, info.subject_cn
                )))
            }
        };
        let label = match (&args.label, parsed.len()) {
            (Some(l), 1) => l.clone(),
            _ => info.subject_cn.clone(),
        };
        let duplicate = existing.iter().any(|c| c.der == *der);
        plans.push(Plan {
            der: der.clone(),
            label,
            id,
            info: info.clone(),
            duplicate,
        });
    }
    let mut created: Vec<ObjectHandle> = Vec::new();
    for p in plans.iter().filter(|p| !p.duplicate) {
        let template = cert_template(&p.label, &p.id, &p.der, &p.info);
        match session.create_object(&template) {
            Ok(h) => created.push(h),
            Err(e) => return Err(roll_back(&session, &created, e.into())),
        }
    }
    let results: Vec<serde_json::Value> = plans
        .iter()
        .map(|p| {
            serde_json::json!({
                "subject": p.info.subject_cn, "label": p.label, "id": hex::encode(&p.id),
                "fingerprint_sha256": p.info.fingerprint_sha256,
                "status": if p.duplicate { "already_present" } else { "imported" },
            })
        })
        .collect();
    if ctx.json() {
        output::json(
            &serde_json::json!({"token": super::objects::TokenSummary::of(&token), "certificates": results}),
        )?;
    } else {
        let mut out = String::new();
        for p in &plans {
            if p.duplicate {
                out.push_str(&format!(
                    "\"{}\" is already on the token; nothing to do.\n",
                    p.info.subject_cn
                ));
            } else {
                out.push_str(&format!(
                    "Imported \"{}\" as \"{}\" (id {}).\n",
                    p.info.subject_cn,
                    p.label,
                    hex::encode(&p.id)
                ));
            }
        }
        output::text(&out)?;
    }
    Ok(ExitCode::Success)
}

fn delete(ctx: &Context, args: &DeleteArgs) -> Result<ExitCode> {
    let mut token = ctx.token()?;
    if token.report.flags.write_protected {
        return Err(Error::WriteProtected);
    }
    let session = token.open_rw()?;
    ctx.login_user(&mut token, &session)?;
    let (certs, _) = read_certificates(&session, &token.report)?;
    let selector = ObjectSelector::parse(&args.cert)?;
    let c = select_cert(&certs, Some(&selector), None)?;
    let name = c
        .info
        .as_ref()
        .map(|i| i.subject_cn.clone())
        .unwrap_or_else(|_| c.label.clone());
    if !args.yes {
        confirm(&format!(
            "Delete the certificate \"{name}\" from token \"{}\"? Its key stays. Type yes to confirm: ",
            token.report.label
        ))?;
    }
    session.destroy_object(c.handle)?;
    if ctx.json() {
        output::json(&serde_json::json!({"deleted": entry(c, None)}))?;
    } else {
        output::text(&format!("Deleted the certificate \"{name}\".\n"))?;
    }
    Ok(ExitCode::Success)
}

/// Ask for "yes" on the terminal; without a terminal, say to use --yes.
pub(super) fn confirm(question: &str) -> Result<()> {
    if !std::io::stdin().is_terminal() {
        return Err(Error::Usage(
            "this deletes data and there is no terminal to confirm on; add --yes".into(),
        ));
    }
    eprint!("{question}");
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| Error::Usage(format!("cannot read the answer: {e}")))?;
    if line.trim().eq_ignore_ascii_case("yes") {
        Ok(())
    } else {
        Err(Error::Usage("not confirmed; nothing was deleted".into()))
    }
}
