//! `tokenward check`, `tokenward sign FILE…`, `tokenward verify FILE SIG`.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use clap::{Args, ValueEnum};
use serde::Serialize;

use super::certs::write_new;
use super::keys::{key_entry, read_file, with_key, KeyUse};
use super::output::{self, Block, Table};
use super::Context;
use crate::cert;
use crate::error::{Error, ExitCode, Result};
use crate::keys::public::PublicKey;
use crate::sign::chain::verify_chain;
use crate::sign::check::check as run_check;
use crate::sign::cms;
use crate::sign::verify::verify as verify_raw;
use crate::sign::{SignMechanism, Signer};
use crate::token::certs::chain;

/// The most threads `sign --batch` uses unless told.
const MAX_SIGNING_THREADS: usize = 4;

/// Options of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The certificate (or key): URI, label, CKA_ID in hex or fingerprint prefix (default: the
    /// token's default certificate and its key).
    #[arg(long, visible_alias = "key", value_name = "SELECTOR")]
    pub cert: Option<String>,
}

/// Signature formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// CMS/PKCS#7 detached SignedData (`.p7s`), with signing time and certificates.
    Cms,
    /// The bare signature bytes (`.sig`); the mechanism must be known to verify it.
    Raw,
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
    #[arg(long, value_enum, default_value = "cms")]
    pub format: Format,
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
    /// Trusted CA certificates (PEM bundle or DER): check the signer's chain up to one of them.
    #[arg(long, value_name = "FILE")]
    pub ca: Option<PathBuf>,
    /// The mechanism of a raw signature (default: the key's usual one).
    #[arg(long, value_name = "NAME")]
    pub mechanism: Option<String>,
}

fn mechanism_by_name(name: &str) -> Result<SignMechanism> {
    SignMechanism::from_name(name).ok_or_else(|| {
        let all: Vec<&str> = SignMechanism::ALL.iter().map(|m| m.name()).collect();
        Error::Usage(format!(
            "unknown mechanism {name:?}; tokenward knows {}",
            all.join(", ")
        ))
    })
}

pub(super) fn check(ctx: &Context, args: &CheckArgs) -> Result<ExitCode> {
    with_key(
        ctx,
        false,
        args.cert.as_deref(),
        |KeyUse {
             token,
             session,
             key,
             cert,
             keys,
             ..
         }| {
            let report = run_check(token, &session, key, keys, cert)?;
            let code = if report.ok() {
                ExitCode::Success
            } else {
                ExitCode::Verification
            };
            if ctx.json() {
                output::json(&serde_json::json!({
                    "token": super::objects::TokenSummary::of(token),
                    "ok": report.ok(),
                    "report": report,
                }))?;
                return Ok(code);
            }
            let mut out = format!(
                "Signing check of key \"{}\" ({}) on token \"{}\"\n",
                report.key_label, report.key_type, token.report.label
            );
            match &report.certificate {
            Some(c) => out.push_str(&format!("Certificate: {c}\n")),
            None => out.push_str("No certificate on the token belongs to this key; signatures are checked against the key's own public key.\n"),
        }
            out.push('\n');
            let mut table = Table::new(&["MECHANISM", "RESULT", "SIGN TIME"]);
            for r in &report.mechanisms {
                let result = if r.passed {
                    "pass".to_string()
                } else {
                    "FAIL".to_string()
                };
                let row = vec![
                    r.mechanism.name().to_string(),
                    result,
                    format!("{:.1} ms", r.sign_ms),
                ];
                match &r.error {
                    Some(e) => table.row_with_note(row, e.clone()),
                    None => table.row(row),
                }
            }
            out.push_str(&table.render());
            out.push('\n');
            if report.ok() {
                out.push_str(&format!(
                "The token signs correctly with every mechanism; each signature was verified against the {}.\n",
                report.verified_against
            ));
            } else {
                out.push_str("Problems:\n");
                for p in &report.problems {
                    out.push_str(&format!("  - {}\n", p.words()));
                }
            }
            output::text(&out)?;
            Ok(code)
        },
    )
}

/// The files a `sign` run covers.
fn expand(args: &SignArgs) -> Result<Vec<PathBuf>> {
    if !args.batch && args.files.len() > 1 {
        return Err(Error::Usage(
            "several files given: add --batch to sign them all over one login".into(),
        ));
    }
    let mut out = Vec::new();
    for f in &args.files {
        if f.is_dir() {
            if !args.batch {
                return Err(Error::Usage(format!(
                    "{} is a directory: add --batch to sign the files in it",
                    f.display()
                )));
            }
            let mut entries: Vec<PathBuf> = std::fs::read_dir(f)
                .map_err(|source| Error::Io {
                    action: "read",
                    path: f.clone(),
                    source,
                })?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.is_file()
                        && !matches!(p.extension().and_then(|e| e.to_str()), Some("p7s" | "sig"))
                })
                .collect();
            entries.sort();
            out.extend(entries);
        } else {
            out.push(f.clone());
        }
    }
    if args.out.is_some() && out.len() != 1 {
        return Err(Error::Usage(
            "--out names one signature file; with several files each signature goes next to its file".into(),
        ));
    }
    Ok(out)
}

fn signature_path(file: &Path, format: Format, out: Option<&Path>) -> PathBuf {
    if let Some(o) = out {
        return o.to_path_buf();
    }
    let ext = match format {
        Format::Cms => "p7s",
        Format::Raw => "sig",
    };
    let mut name = file.as_os_str().to_os_string();
    name.push(".");
    name.push(ext);
    PathBuf::from(name)
}

#[derive(Serialize)]
struct Signed {
    file: PathBuf,
    signature: PathBuf,
}

pub(super) fn sign(ctx: &Context, args: &SignArgs) -> Result<ExitCode> {
    // Every file is checked (readable, signature not already there) before the token is touched.
    let files = expand(args)?;
    let mut plan = Vec::new();
    for f in &files {
        std::fs::metadata(f).map_err(|source| Error::Io {
            action: "read",
            path: f.clone(),
            source,
        })?;
        let sig = signature_path(f, args.format, args.out.as_deref());
        if sig.exists() && !args.force {
            return Err(Error::Usage(format!(
                "{} already exists; add --force to replace it. Nothing was signed",
                sig.display()
            )));
        }
        plan.push((f.clone(), sig));
    }
    let wanted = args
        .mechanism
        .as_deref()
        .map(mechanism_by_name)
        .transpose()?;
    with_key(
        ctx,
        false,
        args.key.as_deref(),
        |KeyUse {
             token,
             session,
             pin,
             key,
             cert,
             certs,
             keys,
         }| {
            let signer = Signer::from_session(token, session, key, keys, Some(pin))?;
            let mechanism = wanted.unwrap_or(signer.mechanism());
            let listed = token.module.ctx().get_mechanism_list(token.slot)?;
            if !mechanism.fits(signer.public_key())
                || !listed.contains(&mechanism.token_mechanism())
            {
                let offered: Vec<String> =
                    crate::sign::check::usable_mechanisms(token, signer.public_key())?
                        .iter()
                        .map(|m| m.name().to_string())
                        .collect();
                return Err(Error::MechanismUnsupported {
                    wanted: format!(
                        "{mechanism} with the {} key \"{}\"",
                        signer.public_key().describe(),
                        key.label
                    ),
                    supported: offered,
                });
            }
            let (signer_cert, chain_ders) = match (args.format, cert) {
            (Format::Cms, Some(c)) => {
                let chain_ders: Vec<Vec<u8>> = if args.no_chain {
                    Vec::new()
                } else {
                    chain(c, certs).iter().map(|c| c.der.clone()).collect()
                };
                (Some(c.der.clone()), chain_ders)
            }
            (Format::Cms, None) => {
                return Err(Error::Usage(format!(
                    "a CMS signature carries the signer's certificate, and no certificate on the token belongs to the key \"{}\"; import it (`tokenward certs import`) or use --format raw",
                    key.label
                )))
            }
            (Format::Raw, _) => (None, Vec::new()),
        };
            let bar = progress(ctx, args.batch, plan.len());
            let started = Instant::now();
            // One file: sign it. Many: share them out over the Signer's sessions, one thread
            // per core (the Signer is Sync; each thread gets its own session from the pool).
            let sign_one = |file: &PathBuf, sig_path: &PathBuf| -> Result<Signed> {
                let data = read_file(file)?;
                let signature = match &signer_cert {
                    Some(leaf) => {
                        cms::sign_detached(&data, leaf, &chain_ders, mechanism, |bytes| {
                            signer.sign(mechanism, bytes)
                        })?
                    }
                    None => signer.sign(mechanism, &data)?,
                };
                write_new(sig_path, &signature, args.force)?;
                if let Some(b) = &bar {
                    b.inc(1);
                }
                Ok(Signed {
                    file: file.clone(),
                    signature: sig_path.clone(),
                })
            };
            let threads = args
                .threads
                .map(usize::from)
                .unwrap_or_else(|| {
                    std::thread::available_parallelism()
                        .map(|n| n.get())
                        .unwrap_or(1)
                        .clamp(1, MAX_SIGNING_THREADS)
                })
                .min(plan.len());
            let stop = AtomicBool::new(false);
            let chunk = plan.len().div_ceil(threads.max(1)).max(1);
            let parts: Vec<Result<Vec<Signed>>> = std::thread::scope(|scope| {
                let workers: Vec<_> = plan
                    .chunks(chunk)
                    .map(|part| {
                        let (sign_one, stop) = (&sign_one, &stop);
                        scope.spawn(move || {
                            let mut done = Vec::with_capacity(part.len());
                            for (file, sig_path) in part {
                                if stop.load(Ordering::Relaxed) {
                                    break;
                                }
                                match sign_one(file, sig_path) {
                                    Ok(s) => done.push(s),
                                    Err(e) => {
                                        stop.store(true, Ordering::Relaxed);
                                        return Err(e);
                                    }
                                }
                            }
                            Ok(done)
                        })
                    })
                    .collect();
                workers
                    .into_iter()
                    .map(|w| w.join().expect("signing thread"))
                    .collect()
            });
            let mut done = Vec::with_capacity(plan.len());
            for part in parts {
                done.extend(part?);
            }
            if let Some(b) = bar {
                b.finish_and_clear();
            }
            let seconds = started.elapsed().as_secs_f64();
            if ctx.json() {
                output::json(&serde_json::json!({
                    "key": key_entry(key, Some(signer.public_key()), cert),
                    "format": args.format,
                    "mechanism": mechanism,
                    "signed": done,
                    "seconds": seconds,
                }))?;
            } else if done.len() == 1 {
                output::text(&format!(
                    "Signed {} with key \"{}\" ({}, {}): {}\n",
                    done[0].file.display(),
                    key.label,
                    mechanism,
                    match args.format {
                        Format::Cms => "CMS",
                        Format::Raw => "raw",
                    },
                    done[0].signature.display()
                ))?;
            } else {
                output::text(&format!(
                "Signed {} files with key \"{}\" ({mechanism}) in {seconds:.2} s; each signature is next to its file ({}).\n",
                done.len(),
                key.label,
                match args.format { Format::Cms => ".p7s", Format::Raw => ".sig" },
            ))?;
            }
            Ok(ExitCode::Success)
        },
    )
}

/// A progress bar on standard error for batch runs on a terminal.
fn progress(ctx: &Context, batch: bool, len: usize) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if !batch || ctx.json() || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} signing {pos}/{len} [{bar:30}] {per_sec} eta {eta}",
    ) {
        bar.set_style(style);
    }
    Some(bar)
}

fn read_certs(path: &Path) -> Result<Vec<Vec<u8>>> {
    cert::split_pem_or_der(&read_file(path)?)
        .map_err(|e| Error::Usage(format!("{}: {e}", path.display())))
}

pub(super) fn verify(ctx: &Context, args: &VerifyArgs) -> Result<ExitCode> {
    let content = read_file(&args.file)?;
    let signature = read_file(&args.signature)?;
    let given_cert = args.cert.as_deref().map(read_certs).transpose()?;
    let mut checked: Vec<String> = Vec::new();
    let signer;
    let mut signing_time = None;
    let mut format = "cms";
    let raw_key = match (&given_cert, &args.pubkey) {
        (_, Some(p)) => {
            let data = read_file(p)?;
            let der = if data.starts_with(b"-----BEGIN") {
                der::pem::decode_vec(&data)
                    .map_err(|e| Error::Usage(format!("{}: broken PEM ({e})", p.display())))?
                    .1
            } else {
                data
            };
            Some(PublicKey::from_spki(&der)?)
        }
        _ => None,
    };
    let looks_cms = cms::decode(&signature).is_ok();
    let mut signer_cert: Option<Vec<u8>> = None;
    let mut pool: Vec<Vec<u8>> = Vec::new();
    if looks_cms && raw_key.is_none() {
        let found =
            cms::verify_detached(&content, &signature, given_cert.as_deref().unwrap_or(&[]))?;
        checked.extend(found.checked.clone());
        signer = Some(found.signer.clone());
        signing_time = found.signing_time.clone();
        signer_cert = Some(found.signer_cert.clone());
        pool = found.certificates.clone();
    } else {
        format = "raw";
        let (public, name) = match (&raw_key, &given_cert) {
            (Some(k), _) => (k.clone(), None),
            (None, Some(certs)) => {
                let leaf = certs.first().ok_or_else(|| Error::Usage("the --cert file holds no certificate".into()))?;
                let info = cert::parse(leaf).map_err(Error::Usage)?;
                signer_cert = Some(leaf.clone());
                (PublicKey::from_spki(&info.spki_der)?, Some(info.subject))
            }
            (None, None) => {
                return Err(Error::Usage(format!(
                    "{} is not a CMS signature; for a raw signature give the signer's --cert or --pubkey",
                    args.signature.display()
                )))
            }
        };
        let mechanism = match &args.mechanism {
            Some(m) => mechanism_by_name(m)?,
            None => SignMechanism::default_for(&public)?,
        };
        verify_raw(&public, mechanism, &content, &signature)?;
        checked.push(format!(
            "the {mechanism} signature verifies with the {} public key",
            public.describe()
        ));
        signer = name;
    }
    let mut chain_path = None;
    if let Some(ca) = &args.ca {
        let anchors = read_certs(ca)?;
        let leaf = signer_cert.as_ref().ok_or_else(|| {
            Error::Usage(
                "--ca checks the signer's certificate chain; give the signer's --cert".into(),
            )
        })?;
        let path = verify_chain(leaf, &pool, &anchors)?;
        checked.push(format!(
            "the certificate chain leads to a trusted CA: {}",
            path.join(" → ")
        ));
        chain_path = Some(path);
    } else if format == "cms" {
        checked.push("the certificate chain was not checked (give --ca to check it)".into());
    }
    if ctx.json() {
        output::json(&serde_json::json!({
            "valid": true,
            "format": format,
            "signer": signer,
            "signing_time": signing_time,
            "chain": chain_path,
            "checked": checked,
        }))?;
    } else {
        let mut b = Block::new(format!("Signature OK: {} is signed", args.file.display()));
        if let Some(s) = &signer {
            b.field("Signed by", s.clone());
        }
        if let Some(t) = &signing_time {
            b.field("Signed at", t.clone());
        }
        for c in &checked {
            b.field("Checked", c.clone());
        }
        output::text(&b.render())?;
    }
    Ok(ExitCode::Success)
}
