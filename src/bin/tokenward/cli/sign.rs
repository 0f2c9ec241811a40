//! `tokenward check`, `tokenward sign FILE…`, `tokenward verify FILE SIG`.

use std::path::PathBuf;

use clap::Args;

use super::output::{self, Block, Table};
use super::{named, selector, Context, LoginArgs};
use tokenward::error::{ExitCode, Result};
use tokenward::fl;
use tokenward::ops::sign::{
    self as ops, mechanism_by_name, SignFormat, SignRequest, VerifyRequest,
};
use tokenward::sign::checked::Checked;

/// Options of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The certificate (or key): URI, label, CKA_ID in hex or fingerprint prefix (default: the
    /// token's default certificate and its key).
    #[arg(long, visible_alias = "key", value_name = "SELECTOR")]
    pub cert: Option<String>,
    /// Where the PIN comes from.
    #[command(flatten)]
    pub pin: LoginArgs,
}

/// Options of `sign`.
#[derive(Debug, Args)]
pub struct SignArgs {
    /// The file to sign (with --batch: files and directories).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The key or its certificate: URI, label, CKA_ID in hex or fingerprint prefix (default:
    /// the token's default certificate and its key).
    #[arg(long, visible_alias = "cert", value_name = "SELECTOR")]
    pub key: Option<String>,
    /// Signature format.
    #[arg(long, value_parser = named::<SignFormat>(), default_value = "cms")]
    pub format: SignFormat,
    /// Mechanism: rsa-pkcs1-sha256|384|512, rsa-pss-sha256|384|512 (raw only), ecdsa-sha256,
    /// ecdsa-sha384, ed25519 (default: the key's usual one).
    #[arg(long, value_name = "NAME")]
    pub mechanism: Option<String>,
    /// Where to write the signature (one file only; default: FILE.p7s or FILE.sig).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace signature files that exist.
    #[arg(long)]
    pub force: bool,
    /// Keep each signature file that exists and verifies with this key (a batch run again
    /// after Ctrl-C or a failure); sign the others again.
    #[arg(long, conflicts_with = "force")]
    pub skip_existing: bool,
    /// Sign many files (arguments or the files in a directory) over one login, with a progress
    /// bar.
    #[arg(long)]
    pub batch: bool,
    /// Signing threads for --batch (default: one per core, at most 4); each gets its own
    /// session.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub threads: Option<u16>,
    /// CMS: leave the issuer certificates out (only the signer's certificate goes in).
    #[arg(long)]
    pub no_chain: bool,
    /// CMS: the issuers of the signer's certificate from this file (PEM bundle or DER)
    /// instead of the token, when the token lacks them. Repeatable.
    #[arg(long, value_name = "FILE", conflicts_with = "no_chain")]
    pub chain: Vec<PathBuf>,
    /// Where the PIN comes from.
    #[command(flatten)]
    pub pin: LoginArgs,
}

impl SignArgs {
    /// Does this signing use several threads (and so the module from several at once)?
    pub fn in_parallel(&self) -> bool {
        self.batch || self.files.len() > 1
    }
}

/// Options of `verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The signed file.
    pub file: PathBuf,
    /// The signature: CMS/PKCS#7 (DER or PEM), or raw with --cert or --pubkey.
    pub signature: PathBuf,
    /// The signer's certificate (PEM or DER): needed for a raw signature or a CMS signature
    /// that does not carry it.
    #[arg(long, value_name = "FILE")]
    pub cert: Option<PathBuf>,
    /// The signer's public key (PEM or DER SubjectPublicKeyInfo), for a raw signature.
    #[arg(long, value_name = "FILE", conflicts_with = "cert")]
    pub pubkey: Option<PathBuf>,
    /// Trusted CA certificates (PEM bundle or DER): check the signer's certificate path up to
    /// one of them (RFC 5280; revocation is not checked). Repeatable.
    #[arg(long, value_name = "FILE")]
    pub ca: Vec<PathBuf>,
    /// Intermediate CA certificates for the path, besides those the signature carries.
    /// Repeatable.
    #[arg(long, value_name = "FILE", requires = "ca")]
    pub chain: Vec<PathBuf>,
    /// Check the path at this time (RFC 3339, e.g. 2026-03-01T12:00:00Z) instead of now.
    #[arg(long, value_name = "TIME", value_parser = parse_time, requires = "ca")]
    pub at: Option<time::OffsetDateTime>,
    /// The mechanism of a raw signature (default: the key's usual one).
    #[arg(long, value_name = "NAME")]
    pub mechanism: Option<String>,
}

/// An RFC 3339 time on the command line.
pub(super) fn parse_time(text: &str) -> std::result::Result<time::OffsetDateTime, String> {
    time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
        .map_err(|e| format!("{e}; write it like 2026-03-01T12:00:00Z"))
}

pub(super) fn check(ctx: &Context, args: &CheckArgs) -> Result<ExitCode> {
    let key = selector(args.cert.as_deref())?;
    let done = ops::check(ctx, key.as_ref(), &ctx.answers(&args.pin)?)?;
    let code = if done.ok {
        ExitCode::Success
    } else {
        ExitCode::Verification
    };
    if ctx.json() {
        output::json(&done)?;
        return Ok(code);
    }
    let report = &done.report;
    let mut out = fl!(
        "check-heading",
        key = report.key_label.as_str(),
        kind = report.key_type.as_str(),
        token = done.token.label.as_str()
    );
    out.push('\n');
    match &report.certificate {
        Some(c) => out.push_str(&fl!("check-certificate", certificate = c.as_str())),
        None => out.push_str(&fl!("check-no-certificate")),
    }
    out.push_str("\n\n");
    let headings = [
        fl!("column-mechanism"),
        fl!("column-result"),
        fl!("column-sign-time"),
    ];
    let mut table = Table::new(&[&headings[0], &headings[1], &headings[2]]);
    for r in &report.mechanisms {
        let row = vec![
            r.mechanism.name().to_string(),
            if r.passed {
                fl!("check-pass")
            } else {
                fl!("check-fail")
            },
            format!("{:.1} ms", r.sign_ms),
        ];
        match &r.error {
            Some(e) => table.row_with_note(row, e.clone()),
            None => table.row(row),
        }
    }
    out.push_str(&table.render());
    out.push('\n');
    if done.ok {
        out.push_str(&fl!("check-all-good", against = report.verified_against));
        out.push('\n');
    } else {
        out.push_str(&format!("{}:\n", fl!("check-problems")));
        for p in &report.problems {
            out.push_str(&format!("  - {}\n", p.localized()));
        }
    }
    output::text(&out)?;
    Ok(code)
}

pub(super) fn sign(ctx: &Context, args: &SignArgs) -> Result<ExitCode> {
    // Every file is checked (readable, signature not already there) before the token is touched.
    let req = SignRequest {
        files: ops::plan(
            &args.files,
            args.batch,
            args.format,
            args.out.as_deref(),
            args.force || args.skip_existing,
        )?,
        key: selector(args.key.as_deref())?,
        format: args.format,
        mechanism: args
            .mechanism
            .as_deref()
            .map(mechanism_by_name)
            .transpose()?,
        no_chain: args.no_chain,
        chain: args.chain.clone(),
        threads: args.threads.map(usize::from),
        skip_existing: args.skip_existing,
    };
    // Ctrl-C ends a batch after the files being signed, with what was done; each signature
    // file is complete or absent. (A question on the terminal reads Ctrl-C as a key.)
    let stop = if args.batch {
        super::interrupted()?
    } else {
        std::sync::Arc::default()
    };
    let stopped = || stop.load(std::sync::atomic::Ordering::Relaxed);
    let bar = progress(ctx, args.batch, req.files.len());
    let tick = || {
        if let Some(b) = &bar {
            b.inc(1);
        }
    };
    let done = ops::sign(ctx, &req, &ctx.answers(&args.pin)?, &tick, &stopped);
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let done = done?;
    if ctx.json() {
        return output::json(&done);
    }
    let kind = match done.format {
        SignFormat::Cms => "CMS",
        SignFormat::Raw => "raw",
    };
    if let [one] = done.signed.as_slice() {
        let line = fl!(
            "sign-one",
            file = one.file.display().to_string(),
            key = done.key.label.as_str(),
            mechanism = done.mechanism.to_string(),
            kind = kind,
            signature = one.signature.display().to_string()
        );
        return output::text(&format!("{line}\n"));
    }
    let mut out = String::new();
    if !done.skipped.is_empty() {
        out.push_str(&fl!("sign-kept", count = done.skipped.len()));
        out.push('\n');
    }
    let line = fl!(
        "sign-many",
        count = done.signed.len(),
        key = done.key.label.as_str(),
        mechanism = done.mechanism.to_string(),
        seconds = format!("{:.2}", done.seconds),
        extension = done.format.extension()
    );
    out.push_str(&line);
    out.push('\n');
    output::text(&out)
}

/// A progress bar on standard error for batch runs on a terminal.
fn progress(ctx: &Context, batch: bool, len: usize) -> Option<indicatif::ProgressBar> {
    output::progress_bar(batch && !ctx.json(), len, &fl!("sign-progress"))
}

pub(super) fn verify(ctx: &Context, args: &VerifyArgs) -> Result<ExitCode> {
    let req = VerifyRequest {
        file: args.file.clone(),
        signature: args.signature.clone(),
        cert: args.cert.clone(),
        pubkey: args.pubkey.clone(),
        ca: args.ca.clone(),
        chain: args.chain.clone(),
        at: args.at,
        mechanism: args
            .mechanism
            .as_deref()
            .map(mechanism_by_name)
            .transpose()?,
    };
    let done = ops::verify_signature(&req)?;
    if ctx.json() {
        return output::json(&done);
    }
    let mut b = Block::new(fl!("verify-ok", file = args.file.display().to_string()));
    if let Some(s) = &done.signer {
        b.field(&fl!("field-signed-by"), s.clone());
    }
    if let Some(t) = &done.signing_time {
        b.field(&fl!("field-signed-at"), t.clone());
    }
    for c in &done.checked {
        match c {
            Checked::PathNotChecked => {
                b.field(&fl!("field-not-checked"), fl!("verify-unchecked-path"))
            }
            c => b.field(&fl!("field-checked"), c.words()),
        };
    }
    output::text(&b.render())
}
