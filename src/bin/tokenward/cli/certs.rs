//! `tokenward certs list|show|select|export|import|delete`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::output::{self, Block, Table};
use super::{selector, words, Context, LoginArgs, OutputArgs, SoPinArgs};
use tokenward::cert::{CertInfo, Validity};
use tokenward::error::{ExitCode, Result};
use tokenward::fl;
use tokenward::ops::certs::{self, CertEntry, CertFile, CertFilter, ExportRequest};
use tokenward::token::certs::{KeyMatch, MatchKind};
use tokenward::when;

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
    /// Check that a certificate file leads to a CA you trust (RFC 5280, for document
    /// signing; revocation is not checked). Needs no token.
    Verify(VerifyArgs),
}

/// Options of `certs verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The certificate (PEM or DER; a bundle's first certificate, the rest as intermediates).
    pub cert: PathBuf,
    /// Trusted CA certificates (PEM bundle or DER); they count as trust anchors even when
    /// they are not self-signed. Repeatable.
    #[arg(long, value_name = "FILE", required = true)]
    pub ca: Vec<PathBuf>,
    /// Intermediate CA certificates. Repeatable.
    #[arg(long, value_name = "FILE")]
    pub chain: Vec<PathBuf>,
    /// Check at this time (RFC 3339, fractions of a second allowed) instead of now.
    #[arg(long, value_name = "TIME", value_parser = super::sign::parse_time)]
    pub at: Option<time::OffsetDateTime>,
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
    /// Where the PIN comes from.
    #[command(flatten)]
    pub pin: LoginArgs,
}

/// A certificate chosen by selector.
#[derive(Debug, Args)]
pub struct SelectArgs {
    /// URI, label, CKA_ID in hex or SHA-256 fingerprint prefix (default: the token's default).
    pub cert: Option<String>,
    /// Log in first, so private keys can be matched too.
    #[arg(long)]
    pub login: bool,
    /// Where the PIN comes from.
    #[command(flatten)]
    pub pin: LoginArgs,
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
    /// Where the output goes.
    #[command(flatten)]
    pub output: OutputArgs,
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
    /// Where the PIN comes from.
    #[command(flatten)]
    pub pin: LoginArgs,
    /// Write in an SO session instead, with the SO PIN from here (tokens that allow changes
    /// only so, such as OpenPGP cards through OpenSC: the admin PIN).
    #[command(flatten)]
    pub so_pin: SoPinArgs,
}

/// Options of `certs delete`.
#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// URI, label, CKA_ID in hex or SHA-256 fingerprint prefix.
    pub cert: String,
    /// Do not ask for confirmation.
    #[arg(long)]
    pub yes: bool,
    /// Where the PIN comes from.
    #[command(flatten)]
    pub pin: LoginArgs,
    /// Write in an SO session instead, with the SO PIN from here (tokens that allow changes
    /// only so, such as OpenPGP cards through OpenSC: the admin PIN).
    #[command(flatten)]
    pub so_pin: SoPinArgs,
}

pub(super) fn run(ctx: &Context, cmd: &CertsCommand) -> Result<ExitCode> {
    match cmd {
        CertsCommand::List(a) => list(ctx, a),
        CertsCommand::Show(a) => show(ctx, a),
        CertsCommand::Select(a) => select(ctx, a),
        CertsCommand::Export(a) => export(ctx, a),
        CertsCommand::Import(a) => import(ctx, a),
        CertsCommand::Delete(a) => delete(ctx, a),
        CertsCommand::Verify(a) => verify(ctx, a),
    }
}

fn list(ctx: &Context, args: &ListArgs) -> Result<ExitCode> {
    let filter = CertFilter {
        valid: args.valid,
        signing: args.for_use.is_some(),
        search: args.search.clone(),
    };
    let result = certs::list(ctx, args.login, &filter, &ctx.answers(&args.pin)?)?;
    if ctx.json() {
        return output::json(&result);
    }
    let mut text = render_list(&result, &filter, args, ctx.verbose());
    text.push_str(&words::pending_imports(&result.pending_imports));
    output::text(&text)
}

fn render_list(
    result: &certs::CertList,
    filter: &CertFilter,
    args: &ListArgs,
    verbose: bool,
) -> String {
    let token = &result.token;
    if result.certificates.is_empty() {
        let words = if filter.is_active() {
            fl!("certs-none-filtered", token = token.label.as_str())
        } else {
            fl!("certs-none", token = token.label.as_str())
        };
        return format!("{words}\n");
    }
    let headings = [
        fl!("column-certificate"),
        fl!("column-validity"),
        fl!("column-key-on-token"),
        fl!("column-id"),
    ];
    let mut table = Table::new(&["", &headings[0], &headings[1], &headings[2], &headings[3]]);
    for e in &result.certificates {
        let mark = if e.default { "*" } else { "" }.to_string();
        match &e.info {
            Some(i) => {
                let name = if args.full {
                    i.subject.clone()
                } else {
                    i.subject_cn.clone()
                };
                table.row_with_note(
                    vec![
                        mark,
                        name,
                        validity_words(i, true),
                        key_words(&e.key, i),
                        short_id(&e.id, verbose),
                    ],
                    cert_note(i, args.full),
                );
            }
            None => table.row_with_note(
                vec![
                    mark,
                    fl!("certs-unreadable", label = e.label.as_str()),
                    String::new(),
                    String::new(),
                    e.id.clone(),
                ],
                e.error.clone().unwrap_or_default(),
            ),
        }
    }
    let mut out = fl!(
        "certs-heading",
        token = token.label.as_str(),
        serial = token.serial.as_str()
    );
    out.push('\n');
    out.push_str(&table.render());
    if result.certificates.iter().any(|c| c.default) {
        out.push_str(&format!("\n{}\n", fl!("certs-default-mark")));
    }
    if !result.logged_in {
        out.push_str(&format!("\n{}\n", fl!("certs-keys-hidden")));
    }
    out
}

fn cert_note(i: &CertInfo, full: bool) -> String {
    let mut note = fl!(
        "cert-note",
        issuer = if full { &i.issuer } else { &i.issuer_cn }.as_str(),
        algorithm = i.key_algorithm.as_str(),
        usage = usage_words(i)
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
    note
}

/// A CKA_ID for the ID column: a long one (a CA's 20-byte key identifier) by its first eight
/// digits, which `--cert` and `certs select` take as they take the whole (`--verbose` and
/// `--json` show it whole), so that the table fits 80 columns.
fn short_id(id: &str, verbose: bool) -> String {
    if verbose || id.chars().count() <= 16 {
        id.to_string()
    } else {
        format!("{}…", id.chars().take(8).collect::<String>())
    }
}

/// Validity in a few words; in the list (`with_date`) the day it ends stands beside the days
/// left, as `certs show` has it in its own lines.
fn validity_words(i: &CertInfo, with_date: bool) -> String {
    let end = when::local_date(&i.not_after);
    match (i.validity, with_date) {
        (Validity::Valid, true) => fl!("cert-valid-until", days = i.days_left, date = end),
        (Validity::Valid, false) => fl!("cert-valid", days = i.days_left),
        (Validity::Expired, true) => fl!("cert-expired-on", date = end),
        (Validity::Expired, false) => fl!("cert-expired", days = (-i.days_left)),
        (Validity::NotYetValid, _) => {
            fl!("cert-not-yet-valid", date = when::local_date(&i.not_before))
        }
    }
}

fn key_words(k: &KeyMatch, i: &CertInfo) -> String {
    let base = match (k.kind, k.private_key_seen) {
        (MatchKind::ByPublicKey, true) => fl!("key-yes"),
        (MatchKind::ByPublicKey, false) => fl!("key-yes-unconfirmed"),
        (MatchKind::ByIdOnly, _) => fl!("key-by-id"),
        (MatchKind::None, _) => fl!("key-no"),
    };
    if i.key_usable {
        base
    } else {
        fl!(
            "key-list-only",
            base = base,
            algorithm = i.key_algorithm.as_str()
        )
    }
}

fn usage_words(i: &CertInfo) -> String {
    let mut words: Vec<String> = i.key_usage.iter().map(|u| words::usage(u)).collect();
    words.extend(i.extended_key_usage.iter().map(|u| words::usage(u)));
    if words.is_empty() {
        fl!("usage-any-use")
    } else {
        words.join(", ")
    }
}

fn show(ctx: &Context, args: &SelectArgs) -> Result<ExitCode> {
    let sel = selector(args.cert.as_deref())?;
    let shown = certs::show(ctx, sel.as_ref(), args.login, &ctx.answers(&args.pin)?)?;
    if ctx.json() {
        return output::json(&shown);
    }
    output::text(&render_cert(&shown.cert, &shown.token.label))
}

fn render_cert(c: &CertEntry, token_label: &str) -> String {
    let mut b = Block::new(fl!(
        "cert-show-heading",
        label = c.label.as_str(),
        token = token_label
    ));
    let yes_no = |yes: bool| if yes { fl!("key-yes") } else { fl!("key-no") };
    match &c.info {
        None => {
            b.field(
                &fl!("field-status"),
                fl!(
                    "cert-show-unreadable",
                    error = c.error.as_deref().unwrap_or("")
                ),
            );
        }
        Some(i) => {
            let restricted = |v: &[String]| {
                if v.is_empty() {
                    fl!("cert-not-restricted")
                } else {
                    v.iter()
                        .map(|u| words::usage(u))
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            };
            b.field(&fl!("field-subject"), i.subject.clone())
                .field(&fl!("field-issuer"), i.issuer.clone())
                .field(&fl!("field-serial"), i.serial.clone())
                .field(&fl!("field-valid-from"), when::local(&i.not_before))
                .field(&fl!("field-valid-until"), when::local(&i.not_after))
                .field(&fl!("field-status"), validity_words(i, false))
                .field(&fl!("field-key"), i.key_algorithm.clone())
                .field(&fl!("field-private-key"), key_words(&c.key, i))
                .field(&fl!("field-signature"), i.signature_algorithm.clone())
                .field(&fl!("field-key-usage"), restricted(&i.key_usage))
                .field(
                    &fl!("field-extended-usage"),
                    restricted(&i.extended_key_usage),
                )
                .field(&fl!("field-alt-names"), i.subject_alt_names.join(", "))
                .field(&fl!("field-can-sign"), yes_no(i.can_sign && i.key_usable))
                .field(&fl!("field-ca"), yes_no(i.is_ca));
            for n in &i.national_ids {
                b.field(n.name, n.value.clone());
            }
            b.field("SHA-256", i.fingerprint_sha256.clone());
            for w in &i.warnings {
                b.field(&fl!("field-warning"), w.clone());
            }
        }
    }
    b.field(&fl!("column-id"), c.id.clone())
        .field(&fl!("field-uri"), c.uri.clone());
    if let Some(u) = &c.key.uri {
        b.field(&fl!("field-key-uri"), u.clone());
    }
    b.render()
}

fn select(ctx: &Context, args: &SelectArgs) -> Result<ExitCode> {
    let sel = selector(args.cert.as_deref())?;
    let selected = certs::select(ctx, sel.as_ref(), args.login, &ctx.answers(&args.pin)?)?;
    if ctx.json() {
        return output::json(&selected);
    }
    let fp = selected
        .default_cert
        .info
        .as_ref()
        .map(|i| i.fingerprint_sha256[..16].to_string())
        .unwrap_or_default();
    let line = fl!(
        "cert-selected",
        token = selected.token.label.as_str(),
        name = selected.default_cert.name(),
        fingerprint = fp
    );
    output::text(&format!("{line}\n"))
}

fn export(ctx: &Context, args: &ExportArgs) -> Result<ExitCode> {
    let req = ExportRequest {
        selector: selector(args.cert.as_deref())?,
        chain: args.chain,
        der: args.der,
        out: args.output.file()?,
    };
    let done = certs::export(ctx, &req)?;
    if ctx.json() {
        return output::json(&done);
    }
    match &done.written {
        Some(path) => {
            let names: Vec<&str> = done
                .certificates
                .iter()
                .map(|c| c.subject.as_str())
                .collect();
            eprintln!(
                "{}",
                fl!(
                    "certs-exported",
                    count = done.certificates.len(),
                    path = path.display().to_string(),
                    names = names.join(", ")
                )
            );
            Ok(ExitCode::Success)
        }
        None => output::bytes(&done.bytes),
    }
}

fn import(ctx: &Context, args: &ImportArgs) -> Result<ExitCode> {
    // Everything is read and checked before the token is touched.
    let file = CertFile::read(&args.file)?;
    let done = certs::import(
        ctx,
        &file,
        args.label.as_deref(),
        args.ca,
        &ctx.answers(&args.pin)?.so_pin(&args.so_pin)?,
    )?;
    if ctx.json() {
        return output::json(&done);
    }
    let mut out = String::new();
    for c in &done.certificates {
        if c.status == "already_present" {
            out.push_str(&format!(
                "\"{}\" is already on the token; nothing to do.\n",
                c.subject
            ));
        } else {
            out.push_str(&format!(
                "Imported \"{}\" as \"{}\" (id {}).\n",
                c.subject, c.label, c.id
            ));
        }
    }
    output::text(&out)
}

fn delete(ctx: &Context, args: &DeleteArgs) -> Result<ExitCode> {
    let sel = tokenward::token::find::ObjectSelector::parse(&args.cert)?;
    let answers = ctx.answers(&args.pin)?.so_pin(&args.so_pin)?.yes(args.yes);
    let done = certs::delete(ctx, &sel, &answers)?;
    if ctx.json() {
        return output::json(&done);
    }
    output::text(&format!(
        "{}\n",
        fl!("cert-deleted", name = done.deleted.name())
    ))
}

fn verify(ctx: &Context, args: &VerifyArgs) -> Result<ExitCode> {
    let done = certs::verify(&certs::VerifyRequest {
        cert: args.cert.clone(),
        ca: args.ca.clone(),
        chain: args.chain.clone(),
        at: args.at,
    })?;
    if ctx.json() {
        return output::json(&done);
    }
    let mut b = Block::new(fl!("cert-path-ok", subject = done.subject.as_str()));
    b.field(&fl!("field-path"), done.path.chain.join(" → "))
        .field(&fl!("field-valid-at"), done.path.at.clone())
        .field(&fl!("field-revocation"), fl!("revocation-not-checked"));
    output::text(&b.render())
}
