//! Signing and checking signatures: the signing self-check, signing files (one, or a batch
//! over one login on several threads) and verifying CMS or raw signatures.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use serde::Serialize;

use super::keys::KeyEntry;
use super::{Ask, TokenSummary};
use crate::cert::{self, CertInfo};
use crate::error::{Error, InputError, Result};
use crate::files::{read_input, OutputFile, MAX_INPUT};
use crate::keys::public::PublicKey;
use crate::sign::check::{self, CheckReport};
use crate::sign::checked::Checked as Finding;
use crate::sign::{cms, verify, Content, SignMechanism, Signer};
use crate::token::certs::TokenCert;
use crate::token::find::ObjectSelector;
use crate::Workspace;

crate::names::named_enum! {
    /// Signature formats.
    pub enum SignFormat: "signature format" {
        /// CMS/PKCS#7 detached SignedData (`.p7s`), with signing time and certificates.
        Cms = "cms",
        /// The bare signature bytes (`.sig`); the mechanism must be known to verify it.
        Raw = "raw",
    }
}

impl SignFormat {
    /// The file extension of its signatures.
    pub fn extension(self) -> &'static str {
        match self {
            SignFormat::Cms => "p7s",
            SignFormat::Raw => "sig",
        }
    }
}

/// A mechanism by its name (as in `--mechanism` and in JSON).
///
/// # Errors
/// [`InputError::UnknownMechanism`] with the names tokenward knows.
pub fn mechanism_by_name(name: &str) -> Result<SignMechanism> {
    SignMechanism::from_name(name).ok_or_else(|| {
        InputError::UnknownMechanism {
            name: name.to_string(),
            known: SignMechanism::ALL.iter().map(|m| m.name()).collect(),
        }
        .into()
    })
}

/// The result of `check`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Checked {
    /// The token.
    pub token: TokenSummary,
    /// Every mechanism signed with and verified.
    pub ok: bool,
    /// The details.
    pub report: CheckReport,
}

/// `check`: sign a challenge with every mechanism the key and token share, and verify each
/// signature on this computer against the certificate (or the key's public half).
///
/// # Errors
/// See [`super::keys::generate()`]; a failed mechanism is in the report, not an error.
pub fn check(ws: &Workspace, key: Option<&ObjectSelector>, ask: &dyn Ask) -> Result<Checked> {
    ws.with_key(false, key, ask, |k| {
        let report = check::check(k.token, &k.session, k.key, k.keys, k.cert)?;
        Ok(Checked {
            token: TokenSummary::of(k.token),
            ok: report.ok(),
            report,
        })
    })
}

/// What `sign` asks for.
#[derive(Debug, Clone)]
pub struct SignRequest {
    /// The files and where each signature goes, checked by [`plan`].
    pub files: Vec<(PathBuf, OutputFile)>,
    /// The key (default: the default certificate's).
    pub key: Option<ObjectSelector>,
    /// CMS or raw.
    pub format: SignFormat,
    /// The mechanism (default: the key's usual one).
    pub mechanism: Option<SignMechanism>,
    /// CMS without the issuer certificates.
    pub no_chain: bool,
    /// CMS with the issuers of the signer's certificate from these files (PEM bundles or
    /// DER) instead of the token's (which are then not looked up).
    pub chain: Vec<PathBuf>,
    /// Signing threads (default: one per core, at most [`MAX_SIGNING_THREADS`]).
    pub threads: Option<usize>,
    /// Keep a signature that exists and verifies with this key (a batch run again after an
    /// interruption); sign again one that does not.
    pub skip_existing: bool,
}

/// The most threads a batch uses unless told.
pub const MAX_SIGNING_THREADS: usize = 4;

/// Choose the files a `sign` run covers (the files in a folder with `batch`) and check each
/// signature path, before the token is touched.
///
/// # Errors
/// Several files or a folder without `batch`, `out` with several files, an unreadable file,
/// a signature that exists without `overwrite`, a missing output folder.
pub fn plan(
    inputs: &[PathBuf],
    batch: bool,
    format: SignFormat,
    out: Option<&Path>,
    overwrite: bool,
) -> Result<Vec<(PathBuf, OutputFile)>> {
    if !batch && inputs.len() > 1 {
        return Err(InputError::SeveralFiles.into());
    }
    let mut files = Vec::new();
    for f in inputs {
        if f.is_dir() {
            if !batch {
                return Err(InputError::IsDirectory { path: f.clone() }.into());
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
            files.extend(entries);
        } else {
            files.push(f.clone());
        }
    }
    if out.is_some() && files.len() != 1 {
        return Err(InputError::OutWithSeveral.into());
    }
    files
        .into_iter()
        .map(|f| {
            std::fs::metadata(&f).map_err(|source| Error::Io {
                action: "read",
                path: f.clone(),
                source,
            })?;
            let sig = match out {
                Some(o) => o.to_path_buf(),
                None => {
                    let mut name = f.as_os_str().to_os_string();
                    name.push(".");
                    name.push(format.extension());
                    PathBuf::from(name)
                }
            };
            let target = OutputFile::new(&sig, overwrite, crate::files::Access::Public)?;
            Ok((f, target))
        })
        .collect()
}

/// One signed file.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SignedFile {
    /// The file.
    pub file: PathBuf,
    /// Its signature.
    pub signature: PathBuf,
}

impl SignedFile {
    /// `file` with the signature `target` plans for it.
    fn of(file: &Path, target: &OutputFile) -> Self {
        SignedFile {
            file: file.to_path_buf(),
            signature: target.path().to_path_buf(),
        }
    }
}

/// The result of `sign`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Signed {
    /// The key.
    pub key: KeyEntry,
    /// CMS or raw.
    pub format: SignFormat,
    /// The mechanism.
    pub mechanism: SignMechanism,
    /// The files signed, in order.
    pub signed: Vec<SignedFile>,
    /// The files whose signature existed and verified, kept (`--skip-existing`).
    pub skipped: Vec<SignedFile>,
    /// How long the signing took.
    pub seconds: f64,
}

/// `sign`: sign every planned file over one login, sharing the files out over the
/// [`Signer`]'s sessions; `progress` is called after each file (signed or kept). Once `stop`
/// says so (Ctrl-C), no file is started; those being signed are finished.
///
/// # Errors
/// A mechanism the key or token cannot do, CMS without a certificate; see
/// [`super::keys::generate()`]; the first failure stops the run.
pub fn sign(
    ws: &Workspace,
    req: &SignRequest,
    ask: &dyn Ask,
    progress: &(dyn Fn() + Sync),
    stop: &(dyn Fn() -> bool + Sync),
) -> Result<Signed> {
    // The issuers given as files are read before the token is touched.
    let given = match (req.format, req.chain.is_empty()) {
        (_, true) => None,
        (SignFormat::Raw, false) => return Err(InputError::ChainForRaw.into()),
        (SignFormat::Cms, false) => Some(read_parsed_certs(&req.chain)?),
    };
    ws.with_key(false, req.key.as_ref(), ask, |k| {
        let public = PublicKey::of_pair(k.key, k.keys, k.certs)?;
        // On a PIN pad the PIN never passes through tokenward: nothing to log in again with.
        // The chain is looked up before the session goes to the signer.
        let issuers: Vec<Vec<u8>> = match (req.format, k.cert, &given) {
            (SignFormat::Cms, Some(c), Some(given)) => issuers_given(c, given)?,
            (SignFormat::Cms, Some(c), None) if !req.no_chain => {
                k.chain(c)?.into_iter().map(|c| c.der).collect()
            }
            _ => Vec::new(),
        };
        let pin = (!k.token.report.flags.protected_authentication_path).then_some(k.pin);
        let signer = Signer::with_public(k.token, k.session, k.key, public, pin)?;
        let mechanism = req.mechanism.unwrap_or(signer.mechanism());
        let listed = crate::trace::pkcs11("C_GetMechanismList", Some(k.token.slot), || {
            k.token.module.ctx().get_mechanism_list(k.token.slot)
        })?;
        if !mechanism.fits(signer.public_key()) || !listed.contains(&mechanism.token_mechanism()) {
            return Err(Error::MechanismUnsupported {
                wanted: format!(
                    "{mechanism} with the {} key \"{}\"",
                    signer.public_key().describe(),
                    k.key.label
                ),
                supported: check::usable_mechanisms(k.token, signer.public_key())?
                    .iter()
                    .map(|m| m.name().to_string())
                    .collect(),
            });
        }
        let (signer_cert, chain_ders) = match (req.format, k.cert) {
            (SignFormat::Cms, Some(c)) => (Some(c.der.clone()), issuers),
            (SignFormat::Cms, None) => {
                return Err(InputError::NoCertificateForCms {
                    key: k.key.label.clone(),
                }
                .into())
            }
            (SignFormat::Raw, _) => (None, Vec::new()),
        };
        let started = Instant::now();
        // --skip-existing: a signature that is there and verifies with this key stays.
        let mut skipped = Vec::new();
        let mut todo: Vec<&(PathBuf, OutputFile)> = Vec::new();
        for item in &req.files {
            let (file, target) = item;
            let keep = req.skip_existing
                && target.path().is_file()
                && still_valid(
                    file,
                    target.path(),
                    signer.public_key(),
                    mechanism,
                    signer_cert.as_deref(),
                );
            if keep {
                skipped.push(SignedFile::of(file, target));
                progress();
            } else {
                todo.push(item);
            }
        }
        let threads = req
            .threads
            .unwrap_or_else(|| {
                std::thread::available_parallelism()
                    .map(|n| n.get())
                    .unwrap_or(1)
                    .clamp(1, MAX_SIGNING_THREADS)
            })
            .min(todo.len())
            .max(1);
        let done = std::sync::atomic::AtomicUsize::new(0);
        let failed = std::sync::atomic::AtomicUsize::new(0);
        // Hashed (or signed piece by piece) while it is read: any size, small memory.
        let make = |file: &Path| {
            let content = Content::File(file);
            match &signer_cert {
                Some(leaf) => cms::sign_detached(&content, leaf, &chain_ders, mechanism, |bytes| {
                    signer.sign(mechanism, bytes)
                }),
                None => signer.sign_content(mechanism, &content),
            }
        };
        // Many files: each signature is synced, their folders once at the end.
        let batch = req.files.len() > 1;
        let outcome = if batch {
            sign_and_write(&todo, threads, &make, stop, progress, &done, &failed)
        } else {
            todo.iter()
                .map(|&(file, target)| {
                    if stop() {
                        return Err(Error::Cancelled);
                    }
                    if let Err(e) = make(file).and_then(|signature| target.write(&signature)) {
                        failed.fetch_add(1, Ordering::Relaxed);
                        return Err(e);
                    }
                    done.fetch_add(1, Ordering::Relaxed);
                    progress();
                    Ok(SignedFile::of(file, target))
                })
                .collect()
        };
        if batch {
            crate::files::sync_folders(req.files.iter().map(|(_, t)| t.path()));
        }
        let signed = outcome.map_err(|e| {
            let (signed, failed) = (done.load(Ordering::Relaxed), failed.load(Ordering::Relaxed));
            if signed == 0 && skipped.is_empty() {
                return e;
            }
            Error::BatchStopped {
                cause: Box::new(e),
                signed,
                skipped: skipped.len(),
                failed,
                not_started: todo.len().saturating_sub(signed + failed),
            }
        })?;
        Ok(Signed {
            key: KeyEntry::of(k.key, Some(signer.public_key()), k.cert),
            format: req.format,
            mechanism,
            signed,
            skipped,
            seconds: started.elapsed().as_secs_f64(),
        })
    })
}

/// A batch: `threads` threads (each with its session) sign the files of `todo` with `make`
/// while writer threads, twice as many, write each signature (temporary file, synced, renamed
/// into place), so that no signing thread waits on the disk. Once `stop` says so, or a
/// signature fails to be made or written, no file is started; every signature made is
/// written whole. `done` and `failed` count the files; the results are in `todo`'s order.
///
/// # Errors
/// The first failure: a write's before a signature's (a signing thread stopped by a failed
/// write reports only that it stopped).
fn sign_and_write(
    todo: &[&(PathBuf, OutputFile)],
    threads: usize,
    make: &(dyn Fn(&Path) -> Result<Vec<u8>> + Sync),
    stop: &(dyn Fn() -> bool + Sync),
    progress: &(dyn Fn() + Sync),
    done: &std::sync::atomic::AtomicUsize,
    failed: &std::sync::atomic::AtomicUsize,
) -> Result<Vec<SignedFile>> {
    use std::sync::{mpsc, Mutex};
    let halted = AtomicBool::new(false);
    let write_failure: Mutex<Option<Error>> = Mutex::new(None);
    let written: Mutex<Vec<(usize, SignedFile)>> = Mutex::new(Vec::with_capacity(todo.len()));
    let indices: Vec<usize> = (0..todo.len()).collect();
    let (send, receive) = mpsc::sync_channel::<(usize, Vec<u8>)>(threads * 8);
    let receive = Mutex::new(receive);
    let signing = std::thread::scope(|scope| {
        let send = send;
        for _ in 0..threads * 2 {
            let (receive, halted, write_failure, written) =
                (&receive, &halted, &write_failure, &written);
            scope.spawn(move || loop {
                // The lock is held only to take the next signature, not while it is written;
                // a writer that panicked does not stop the others (the signers would wait).
                let next = receive.lock().unwrap_or_else(|p| p.into_inner()).recv();
                let Ok((i, signature)) = next else {
                    return;
                };
                let (file, target) = todo[i];
                match target.write_in_batch(&signature) {
                    Ok(()) => {
                        done.fetch_add(1, Ordering::Relaxed);
                        progress();
                        written
                            .lock()
                            .unwrap_or_else(|p| p.into_inner())
                            .push((i, SignedFile::of(file, target)));
                    }
                    Err(e) => {
                        failed.fetch_add(1, Ordering::Relaxed);
                        halted.store(true, Ordering::Relaxed);
                        write_failure
                            .lock()
                            .unwrap_or_else(|p| p.into_inner())
                            .get_or_insert(e);
                    }
                }
            });
        }
        let outcome = in_parallel(&indices, threads, |&i| {
            if stop() || halted.load(Ordering::Relaxed) {
                return Err(Error::Cancelled);
            }
            let signature = make(&todo[i].0).inspect_err(|_| {
                failed.fetch_add(1, Ordering::Relaxed);
            })?;
            // The writers stop only when every sender is gone: this cannot fail before.
            send.send((i, signature)).map_err(|_| Error::Cancelled)
        });
        drop(send);
        outcome
    });
    if let Some(e) = write_failure
        .into_inner()
        .unwrap_or_else(|p| p.into_inner())
    {
        return Err(e);
    }
    signing?;
    let mut written = written.into_inner().unwrap_or_else(|p| p.into_inner());
    written.sort_by_key(|(i, _)| *i);
    Ok(written.into_iter().map(|(_, w)| w).collect())
}

/// Does the signature at `signature` still sign `file` with this key (and, for CMS, this
/// certificate)? Anything else (unreadable, another key, not a signature) is "no": it is
/// signed again.
fn still_valid(
    file: &Path,
    signature: &Path,
    public: &PublicKey,
    mechanism: SignMechanism,
    cert: Option<&[u8]>,
) -> bool {
    let Ok(bytes) = read_input(signature, MAX_INPUT) else {
        return false;
    };
    let content = Content::File(file);
    match cert {
        Some(cert) => cms::verify_detached(&content, &bytes, &[])
            .is_ok_and(|v| v.signer_cert.as_slice() == cert),
        None => verify::verify_content(public, mechanism, &content, &bytes).is_ok(),
    }
}

/// Run `work` over `items` on `threads` scoped threads (contiguous shares, results in input
/// order); the first failure stops every thread before its next item and is returned. One
/// thread's share runs on the calling thread (a single file starts no thread).
///
/// # Errors
/// The first `work` error.
pub fn in_parallel<I: Sync, T: Send>(
    items: &[I],
    threads: usize,
    work: impl Fn(&I) -> Result<T> + Sync,
) -> Result<Vec<T>> {
    if threads <= 1 {
        return items.iter().map(work).collect();
    }
    let stop = AtomicBool::new(false);
    let chunk = items.len().div_ceil(threads.max(1)).max(1);
    let parts: Vec<Result<Vec<T>>> = std::thread::scope(|scope| {
        let workers: Vec<_> = items
            .chunks(chunk)
            .map(|part| {
                let (work, stop) = (&work, &stop);
                scope.spawn(move || {
                    let mut done = Vec::with_capacity(part.len());
                    for item in part {
                        if stop.load(Ordering::Relaxed) {
                            break;
                        }
                        match work(item) {
                            Ok(v) => done.push(v),
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
            .map(|w| match w.join() {
                Ok(r) => r,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    let mut out = Vec::with_capacity(items.len());
    for part in parts {
        out.extend(part?);
    }
    Ok(out)
}

/// What `verify` asks for.
#[derive(Debug, Clone, Default)]
pub struct VerifyRequest {
    /// The signed file.
    pub file: PathBuf,
    /// The signature.
    pub signature: PathBuf,
    /// The signer's certificate file.
    pub cert: Option<PathBuf>,
    /// The signer's public key file (raw signatures).
    pub pubkey: Option<PathBuf>,
    /// Trusted CA certificates: check the signer's path up to one of them.
    pub ca: Vec<PathBuf>,
    /// Intermediate certificates for the path, besides those the signature carries.
    pub chain: Vec<PathBuf>,
    /// Check the path's validity at this time instead of now.
    pub at: Option<time::OffsetDateTime>,
    /// The mechanism of a raw signature.
    pub mechanism: Option<SignMechanism>,
}

/// The result of `verify` (only a valid signature has one; a bad one is an error).
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Verified {
    /// Always true.
    pub valid: bool,
    /// `cms` or `raw`.
    pub format: SignFormat,
    /// The signer's subject, when known.
    pub signer: Option<String>,
    /// The signing time a CMS signature claims.
    pub signing_time: Option<String>,
    /// The chain from the signer to the trusted CA, with `ca`.
    pub chain: Option<Vec<String>>,
    /// What was checked, in order (and what was not).
    #[serde(serialize_with = "crate::error::catalogue::english_list")]
    #[schemars(with = "Vec<String>")]
    pub checked: Vec<Finding>,
}

/// Every certificate in these files (PEM bundles or DER).
///
/// # Errors
/// An unreadable file or certificate.
pub fn read_all_certs(paths: &[PathBuf]) -> Result<Vec<Vec<u8>>> {
    let mut out = Vec::new();
    for p in paths {
        out.extend(read_certs(p)?);
    }
    Ok(out)
}

/// Every certificate in these files, parsed (`sign --chain`).
///
/// # Errors
/// An unreadable file or certificate (named).
fn read_parsed_certs(paths: &[PathBuf]) -> Result<Vec<(Vec<u8>, CertInfo)>> {
    let mut out = Vec::new();
    for p in paths {
        for der in read_certs(p)? {
            let info = cert::parse(&der).map_err(|reason| InputError::BadCertificateFile {
                path: p.clone(),
                reason,
            })?;
            out.push((der, info));
        }
    }
    Ok(out)
}

/// The issuers of `leaf` among `given` (DER), nearest first: at least its own issuer, unless
/// it issued itself.
///
/// # Errors
/// None of `given` issued `leaf`.
fn issuers_given(leaf: &TokenCert, given: &[(Vec<u8>, CertInfo)]) -> Result<Vec<Vec<u8>>> {
    let Ok(info) = &leaf.info else {
        return Ok(Vec::new());
    };
    let found = cert::issuers_of(info, given, |(_, i)| Some(i));
    if found.is_empty() && info.issuer_der != info.subject_der {
        return Err(InputError::NoIssuerInChainFile {
            subject: info.subject.clone(),
            issuer: info.issuer.clone(),
        }
        .into());
    }
    Ok(found.into_iter().map(|(der, _)| der.clone()).collect())
}

fn read_certs(path: &Path) -> Result<Vec<Vec<u8>>> {
    cert::split_pem_or_der(&read_input(path, MAX_INPUT)?).map_err(|reason| {
        InputError::BadCertificateFile {
            path: path.to_path_buf(),
            reason,
        }
        .into()
    })
}

fn read_public_key(path: &Path) -> Result<PublicKey> {
    let data = read_input(path, MAX_INPUT)?;
    let der = if data.starts_with(b"-----BEGIN") {
        der::pem::decode_vec(&data)
            .map_err(|e| InputError::BadPem {
                path: path.to_path_buf(),
                reason: e.to_string(),
            })?
            .1
    } else {
        data
    };
    PublicKey::from_spki(&der)
}

/// `verify`: a CMS signature (the signer's certificate from the signature or `cert`) or a
/// raw one (`cert` or `pubkey`), and with `ca` the signer's chain. Needs no token.
///
/// # Errors
/// [`Error::Verification`] when it does not verify; unreadable inputs.
pub fn verify_signature(req: &VerifyRequest) -> Result<Verified> {
    let content = Content::File(&req.file);
    // A missing signed file is found before the signature is looked at.
    std::fs::metadata(&req.file).map_err(|source| Error::Io {
        action: "read",
        path: req.file.clone(),
        source,
    })?;
    let signature = read_input(&req.signature, MAX_INPUT)?;
    let given_cert = req.cert.as_deref().map(read_certs).transpose()?;
    let raw_key = req.pubkey.as_deref().map(read_public_key).transpose()?;
    let mut checked = Vec::new();
    let (format, signer, signing_time, signer_cert, pool);
    if cms::decode(&signature).is_ok() && raw_key.is_none() {
        let found =
            cms::verify_detached(&content, &signature, given_cert.as_deref().unwrap_or(&[]))?;
        checked.extend(found.checked);
        format = SignFormat::Cms;
        signer = Some(found.signer);
        signing_time = found.signing_time;
        signer_cert = Some(found.signer_cert);
        pool = found.certificates;
    } else {
        let (public, name, leaf) = match (raw_key, &given_cert) {
            (Some(k), _) => (k, None, None),
            (None, Some(certs)) => {
                let leaf = certs
                    .first()
                    .ok_or(InputError::NoCertificateInFile { flag: "--cert" })?;
                let info = cert::parse(leaf).map_err(|reason| InputError::BadCertificateFile {
                    path: req.cert.clone().unwrap_or_default(),
                    reason,
                })?;
                (
                    PublicKey::from_spki(&info.spki_der)?,
                    Some(info.subject),
                    Some(leaf.clone()),
                )
            }
            (None, None) => {
                return Err(InputError::NotCms {
                    path: req.signature.clone(),
                }
                .into())
            }
        };
        let mechanism = match req.mechanism {
            Some(m) => m,
            None => SignMechanism::default_for(&public)?,
        };
        // Hashed while read (Ed25519: read whole, as it signs the whole message).
        verify::verify_content(&public, mechanism, &content, &signature)?;
        checked.push(Finding::RawSignature {
            mechanism: mechanism.to_string(),
            key: public.describe(),
        });
        format = SignFormat::Raw;
        signer = name;
        signing_time = None;
        signer_cert = leaf;
        pool = Vec::new();
    }
    let mut chain_path = None;
    if !req.ca.is_empty() {
        let anchors = read_all_certs(&req.ca)?;
        let mut pool = pool;
        pool.extend(read_all_certs(&req.chain)?);
        let leaf = signer_cert.as_ref().ok_or(InputError::CaWithoutCert)?;
        let path = crate::cert::path::validate(leaf, &pool, &anchors, req.at)?;
        checked.push(Finding::Path {
            at: path.at.clone(),
            chain: path.chain.join(" → "),
        });
        chain_path = Some(path.chain);
    } else if format == SignFormat::Cms {
        checked.push(Finding::PathNotChecked);
    }
    Ok(Verified {
        valid: true,
        format,
        signer,
        signing_time,
        chain: chain_path,
        checked,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    /// `n` files in a folder, each with its planned signature (not there yet).
    fn planned(dir: &Path, n: usize) -> Vec<(PathBuf, OutputFile)> {
        (0..n)
            .map(|i| {
                let file = dir.join(format!("doc-{i:03}.txt"));
                std::fs::write(&file, format!("doc {i}")).unwrap();
                let sig = dir.join(format!("doc-{i:03}.txt.sig"));
                let target = OutputFile::new(&sig, false, crate::files::Access::Public).unwrap();
                (file, target)
            })
            .collect()
    }

    /// A "signature" that names its file, so that a mixed-up write would show.
    fn made(file: &Path) -> Result<Vec<u8>> {
        Ok(format!("signature of {}", file.display()).into_bytes())
    }

    /// How many of the planned signatures are there, whole.
    fn whole_signatures(files: &[(PathBuf, OutputFile)]) -> usize {
        files
            .iter()
            .filter(|(file, target)| std::fs::read(target.path()).ok() == made(file).ok())
            .count()
    }

    #[test]
    fn a_batch_writes_every_signature_whole_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let files = planned(dir.path(), 60);
        let todo: Vec<&(PathBuf, OutputFile)> = files.iter().collect();
        let (done, failed, shown) = (
            AtomicUsize::new(0),
            AtomicUsize::new(0),
            AtomicUsize::new(0),
        );
        let progress = || {
            shown.fetch_add(1, Ordering::Relaxed);
        };
        let out = sign_and_write(&todo, 2, &made, &|| false, &progress, &done, &failed).unwrap();
        assert_eq!(out.len(), 60);
        assert_eq!(done.load(Ordering::Relaxed), 60);
        assert_eq!(shown.load(Ordering::Relaxed), 60);
        assert_eq!(failed.load(Ordering::Relaxed), 0);
        for (entry, (file, target)) in out.iter().zip(&files) {
            assert_eq!(&entry.file, file);
            assert_eq!(
                std::fs::read(target.path()).unwrap(),
                made(file).unwrap(),
                "{}",
                target.path().display()
            );
        }
    }

    #[test]
    fn a_failed_write_stops_the_batch_and_leaves_no_part_of_a_signature() {
        let dir = tempfile::tempdir().unwrap();
        let files = planned(dir.path(), 40);
        // Another program puts a file where the 5th signature goes, after the plan: that
        // write fails (no --force), the batch stops, what was signed is whole.
        std::fs::write(files[4].1.path(), "someone else's").unwrap();
        let todo: Vec<&(PathBuf, OutputFile)> = files.iter().collect();
        let (done, failed) = (AtomicUsize::new(0), AtomicUsize::new(0));
        let err = sign_and_write(&todo, 1, &made, &|| false, &|| {}, &done, &failed).unwrap_err();
        assert!(matches!(
            err,
            Error::Input(InputError::FileExists { ref path }) if path == files[4].1.path()
        ));
        assert_eq!(failed.load(Ordering::Relaxed), 1);
        assert_eq!(
            std::fs::read_to_string(files[4].1.path()).unwrap(),
            "someone else's"
        );
        let whole = whole_signatures(&files);
        assert_eq!(whole, done.load(Ordering::Relaxed));
        assert!(whole < 40, "the batch did not stop");
        let temporary = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".tmp")
            })
            .count();
        assert_eq!(temporary, 0);
    }

    #[test]
    fn a_stop_starts_no_file_and_writes_every_signature_made() {
        let dir = tempfile::tempdir().unwrap();
        let files = planned(dir.path(), 50);
        let todo: Vec<&(PathBuf, OutputFile)> = files.iter().collect();
        let (done, failed, asked) = (
            AtomicUsize::new(0),
            AtomicUsize::new(0),
            AtomicUsize::new(0),
        );
        // Ctrl-C after ten files were started.
        let stop = || asked.fetch_add(1, Ordering::Relaxed) >= 10;
        let err = sign_and_write(&todo, 2, &made, &stop, &|| {}, &done, &failed).unwrap_err();
        assert!(matches!(err, Error::Cancelled));
        let signed = done.load(Ordering::Relaxed);
        assert!((1..=10).contains(&signed), "{signed}");
        let whole = whole_signatures(&files);
        assert_eq!(whole, signed);
        assert_eq!(failed.load(Ordering::Relaxed), 0);
    }
}
