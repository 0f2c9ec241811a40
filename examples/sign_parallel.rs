//! Sign many files in parallel with one login and the pooled `Signer`.
//!
//! ```sh
//! TOKENWARD_MODULE=/usr/lib/softhsm/libsofthsm2.so TOKENWARD_PIN_FILE=pin.txt \
//!     cargo run --release --example sign_parallel -- KEY-LABEL THREADS FILE...
//! ```
//! Each FILE gets FILE.sig (raw signature, the key's usual mechanism), checked on the host.

use std::path::PathBuf;
use std::sync::Arc;

use signature::{Keypair, Signer as _};
use tokenward::pin::{PinSource, SecretKind};
use tokenward::sign::signer::TokenSignature;
use tokenward::sign::verify::verify;
use tokenward::sign::Signer;
use tokenward::token::certs::read_certificates;
use tokenward::token::find::{select_key, ObjectSelector};
use tokenward::token::{self, Discovery};

fn main() -> tokenward::Result<()> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: sign_parallel KEY-LABEL THREADS FILE...";
    let label = args.next().expect(usage);
    let threads: usize = args.next().and_then(|t| t.parse().ok()).expect(usage);
    let files: Vec<PathBuf> = args.map(PathBuf::from).collect();

    // The module from TOKENWARD_MODULE (or discovery), the only token, the PIN from a file.
    let modules = token::load_modules(
        &Discovery::system(),
        &token::module_choice(None, None, None),
    )?;
    let token = token::select_token(&modules, None)?;
    let pin_file = std::env::var_os("TOKENWARD_PIN_FILE").expect("set TOKENWARD_PIN_FILE");
    let pin = PinSource::File(pin_file.into()).read(SecretKind::UserPin)?;
    let session = token.open_ro()?;
    tokenward::token::session::login_user(&session, &pin)?;
    let (certs, keys) = read_certificates(&session, &token.report)?;
    let selector = ObjectSelector::parse(&label)?;
    let (key, _) = select_key(&certs, &keys, Some(&selector), None)?;
    let signer = Arc::new(Signer::from_session(
        &token,
        session,
        key,
        &keys,
        Some(pin),
    )?);

    let started = std::time::Instant::now();
    let chunks: Vec<Vec<PathBuf>> = files
        .chunks(files.len().div_ceil(threads.max(1)).max(1))
        .map(|c| c.to_vec())
        .collect();
    let workers: Vec<_> = chunks
        .into_iter()
        .map(|chunk| {
            let signer = Arc::clone(&signer);
            std::thread::spawn(move || -> tokenward::Result<usize> {
                for file in &chunk {
                    let data = std::fs::read(file).expect("readable file");
                    // Through the `signature` crate's trait, as other crates would call it.
                    let sig: TokenSignature = signer
                        .try_sign(&data)
                        .map_err(|_| signer.take_error().expect("the token's error"))?;
                    verify(&signer.verifying_key(), signer.mechanism(), &data, &sig.0)?;
                    let mut out = file.clone().into_os_string();
                    out.push(".sig");
                    std::fs::write(out, &sig.0).expect("writable directory");
                }
                Ok(chunk.len())
            })
        })
        .collect();
    let mut signed = 0;
    for w in workers {
        signed += w.join().expect("worker thread")?;
    }
    println!(
        "signed and verified {signed} files on {threads} threads in {:.3} s with {} sessions",
        started.elapsed().as_secs_f64(),
        signer.sessions()
    );
    Ok(())
}
