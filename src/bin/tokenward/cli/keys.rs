//! `tokenward keys generate|csr|import|export-public|export-private|delete` and
//! `tokenward export-config`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::output::{self, Block};
use super::{named, selector, Context, LoginArgs, OutputArgs, SoPinArgs};
use tokenward::error::{ExitCode, InputError, Result};
use tokenward::files::{read_input, Access, OutputFile, MAX_INPUT};
use tokenward::fl;
use tokenward::keys::csr::{parse_subject, CsrRequest, CsrTemplate};
use tokenward::keys::export::{ExportFormat, Kdf};
use tokenward::keys::export_config::Program;
use tokenward::keys::generate::KeyRequest;
use tokenward::keys::KeySpec;
use tokenward::ops::keys::{self as ops, parse_id, KeyFile, KeyOutput, PrivateExport};
use tokenward::pin::{PinSource, SecretKind};
use tokenward::token::find::ObjectSelector;

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
    #[arg(long = "type", value_parser = named::<KeySpec>(), value_name = "TYPE")]
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
    /// Where the PIN comes from.
    #[command(flatten)]
    pub pin: LoginArgs,
    /// Generate in an SO session instead, with the SO PIN from here (tokens that allow it only
    /// so, such as OpenPGP cards through OpenSC: the admin PIN).
    #[command(flatten)]
    pub so_pin: SoPinArgs,
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
    /// Where the output goes.
    #[command(flatten)]
    pub output: OutputArgs,
    /// Where the PIN comes from.
    #[command(flatten)]
    pub pin: LoginArgs,
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
    pub(super) fn source(&self) -> Result<PinSource> {
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
    /// Where the PIN comes from.
    #[command(flatten)]
    pub pin: LoginArgs,
    /// Write in an SO session instead, with the SO PIN from here (tokens that allow changes
    /// only so, such as OpenPGP cards through OpenSC: the admin PIN).
    #[command(flatten)]
    pub so_pin: SoPinArgs,
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
    /// Where the output goes.
    #[command(flatten)]
    pub output: OutputArgs,
    /// Where the PIN comes from.
    #[command(flatten)]
    pub pin: LoginArgs,
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
    #[arg(long, value_parser = named::<ExportFormat>(), default_value = "pkcs8")]
    pub format: ExportFormat,
    /// Password-based key derivation for PKCS#8.
    #[arg(long, value_parser = named::<Kdf>(), default_value = "pbkdf2")]
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
    /// Where the PIN comes from.
    #[command(flatten)]
    pub pin: LoginArgs,
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
    /// Where the PIN comes from.
    #[command(flatten)]
    pub pin: LoginArgs,
}

/// Options of `export-config`.
#[derive(Debug, Args)]
pub struct ExportConfigArgs {
    /// The program to configure.
    #[arg(long = "for", value_parser = named::<Program>(), value_name = "PROGRAM")]
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
    /// Where the PIN comes from.
    #[command(flatten)]
    pub pin: LoginArgs,
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

fn generate(ctx: &Context, args: &GenerateArgs) -> Result<ExitCode> {
    let req = KeyRequest {
        spec: args.spec,
        label: args.label.clone(),
        id: args
            .id
            .as_deref()
            .map(|i| parse_id("--id", i))
            .transpose()?,
        extractable: args.extractable,
    };
    let made = ops::generate(ctx, &req, &ctx.answers(&args.pin)?.so_pin(&args.so_pin)?)?;
    if ctx.json() {
        return output::json(&made);
    }
    let key = &made.key;
    let mut b = Block::new(fl!(
        "key-generated",
        kind = key.key_type.to_string(),
        token = made.token.label.as_str()
    ));
    b.field(&fl!("field-label"), key.label.clone())
        .field(&fl!("column-id"), key.id.clone())
        .field(&fl!("field-uri"), key.uri.clone())
        .field(
            &fl!("field-private-key"),
            if args.extractable {
                fl!("key-extractable")
            } else {
                fl!("key-stays")
            },
        )
        .field(
            &fl!("field-next"),
            fl!("key-next-csr", label = format!("{:?}", key.label)),
        );
    output::text(&b.render())
}

fn csr(ctx: &Context, args: &CsrArgs) -> Result<ExitCode> {
    // The request is checked before the token is touched.
    let mut request = match &args.template {
        Some(path) => {
            let text = String::from_utf8(read_input(path, MAX_INPUT)?)
                .map_err(|_| InputError::NotText { path: path.clone() })?;
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
    let out = args.output.file()?;
    let key = selector(args.key.as_deref())?;
    let done = ops::csr(
        ctx,
        key.as_ref(),
        &request,
        args.der,
        out.as_ref(),
        &ctx.answers(&args.pin)?,
    )?;
    emit(ctx, &done)
}

/// Print what was written (or the bytes, when nothing was).
pub(super) fn emit(ctx: &Context, done: &KeyOutput) -> Result<ExitCode> {
    match (&done.written, ctx.json()) {
        (_, true) => output::json(done),
        (Some(path), false) => {
            eprintln!("{}", fl!("wrote-file", path = path.display().to_string()));
            Ok(ExitCode::Success)
        }
        (None, false) => output::bytes(&done.bytes),
    }
}

fn import(ctx: &Context, args: &ImportArgs) -> Result<ExitCode> {
    // Files and passwords are read and checked before the token is touched.
    let id = args
        .id
        .as_deref()
        .map(|i| parse_id("--id", i))
        .transpose()?;
    let answers = ctx
        .answers(&args.pin)?
        .so_pin(&args.so_pin)?
        .password(args.password.source()?);
    let file = KeyFile::read(&args.file, args.cert.as_deref(), &answers)?;
    let done = ops::import(ctx, &file, args.label.as_deref(), id, &answers)?;
    if ctx.json() {
        return output::json(&done);
    }
    let i = &done.imported;
    let mut b = Block::new(fl!(
        "key-imported",
        resumed = if i.resumed { "yes" } else { "no" },
        kind = i.key_type.to_string(),
        token = done.token.label.as_str()
    ));
    b.field(&fl!("field-label"), i.label.clone())
        .field(&fl!("column-id"), i.id.clone())
        .field(
            &fl!("field-certificate"),
            i.certificate
                .clone()
                .unwrap_or_else(|| fl!("key-no-certificate")),
        )
        .field(&fl!("field-issuers-added"), i.chain_added.to_string())
        .field(&fl!("field-private-key"), fl!("key-stored"));
    output::text(&b.render())
}

fn export_public(ctx: &Context, args: &ExportPublicArgs) -> Result<ExitCode> {
    let out = args.output.file()?;
    let key = selector(args.key.as_deref())?;
    let done = ops::export_public(
        ctx,
        key.as_ref(),
        args.der,
        out.as_ref(),
        &ctx.answers(&args.pin)?,
    )?;
    emit(ctx, &done)
}

fn export_private(ctx: &Context, args: &ExportPrivateArgs) -> Result<ExitCode> {
    let req = PrivateExport {
        key: selector(args.key.as_deref())?,
        format: args.format,
        kdf: args.kdf,
        der: args.der,
        out: OutputFile::new(&args.out, args.force, Access::Private)?,
    };
    let source = PinSource::from_flags(
        SecretKind::Password,
        args.password.new_password_file.as_deref(),
        args.password.new_password_env.as_deref(),
        args.password.new_password_stdin,
    )?;
    let answers = ctx.answers(&args.pin)?.new_password_source(source);
    let done = ops::export_private(ctx, &req, &answers)?;
    emit(ctx, &done)
}

fn delete(ctx: &Context, args: &DeleteArgs) -> Result<ExitCode> {
    let key = ObjectSelector::parse(&args.key)?;
    let done = ops::delete(
        ctx,
        &key,
        args.with_cert,
        &ctx.answers(&args.pin)?.yes(args.yes),
    )?;
    if ctx.json() {
        return output::json(&done);
    }
    let words = fl!(
        "key-deleted",
        label = done.deleted.label.as_str(),
        cert = if done.with_cert { "yes" } else { "no" }
    );
    output::text(&format!("{words}\n"))
}

pub(super) fn export_config(ctx: &Context, args: &ExportConfigArgs) -> Result<ExitCode> {
    let key = selector(args.key.as_deref())?;
    let done = ops::export_config(
        ctx,
        args.program,
        key.as_ref(),
        args.out.as_deref(),
        args.force,
        &ctx.answers(&args.pin)?,
    )?;
    if ctx.json() {
        return output::json(&done);
    }
    let intro = fl!(
        "config-intro",
        key = done.key.key_label.as_str(),
        token = done.key.token_label.as_str(),
        program = args.program.display_name()
    );
    let mut out = format!("{intro}\n\n  URI: {}\n\n", done.uri);
    for (n, s) in done.steps.iter().enumerate() {
        out.push_str(&format!("{}. {}\n", n + 1, s.words()));
    }
    match &done.directory {
        Some(dir) => {
            out.push('\n');
            out.push_str(&fl!("config-wrote-to", dir = dir.display().to_string()));
            out.push('\n');
            for f in &done.files {
                out.push_str(&format!("  {:<22} {}\n", f.name, f.purpose.words()));
            }
        }
        None => {
            for f in &done.files {
                out.push_str(&format!(
                    "\n# ---- {} ({}) ----\n{}",
                    f.name,
                    f.purpose.words(),
                    f.contents
                ));
            }
            out.push('\n');
            out.push_str(&fl!("config-add-out"));
            out.push('\n');
        }
    }
    output::text(&out)
}
