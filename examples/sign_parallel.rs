//! Sign many files in parallel with one login and the pooled `Signer`, as a program that
//! embeds the library would: a `Workspace`, the guarded login, and the library's pool.
//!
//! ```sh
//! TOKENWARD_MODULE=/usr/lib/softhsm/libsofthsm2.so TOKENWARD_PIN_FILE=pin.txt \
//!     cargo run --release --example sign_parallel -- [--one-at-a-time] KEY-LABEL THREADS FILE...
//! ```
//! Each FILE gets FILE.sig (raw signature, the key's usual mechanism), checked on the host.
//! With `--one-at-a-time` the module is initialised without locking and the signing threads
//! take turns at it (what the command line does when it signs one file).

use std::path::PathBuf;

use signature::{Keypair, Signer as _};
use tokenward::files::{write_atomic, Access};
use tokenward::ops::sign::in_parallel;
use tokenward::ops::Sources;
use tokenward::pin::PinSource;
use tokenward::sign::signer::TokenSignature;
use tokenward::sign::verify::verify;
use tokenward::sign::Signer;
use tokenward::token::find::ObjectSelector;
use tokenward::token::Calls;
use tokenward::{Options, Workspace};

fn main() -> tokenward::Result<()> {
    let mut args = std::env::args().skip(1).peekable();
    let usage = "usage: sign_parallel [--one-at-a-time] KEY-LABEL THREADS FILE...";
    let calls = match args.next_if(|a| a == "--one-at-a-time") {
        Some(_) => Calls::OneAtATime,
        None => Calls::Concurrent,
    };
    let label = args.next().expect(usage);
    let threads: usize = args.next().and_then(|t| t.parse().ok()).expect(usage);
    let files: Vec<PathBuf> = args.map(PathBuf::from).collect();

    // The module from TOKENWARD_MODULE (or discovery), the only token, the PIN from a file;
    // the workspace's login refuses a locked PIN and one at its final try.
    let ws = Workspace::open(Options {
        calls,
        ..Options::default()
    })?;
    let pin_file = std::env::var_os("TOKENWARD_PIN_FILE").expect("set TOKENWARD_PIN_FILE");
    let answers = Sources {
        user: PinSource::File(pin_file.into()),
        ..Sources::default()
    };
    let selector = ObjectSelector::parse(&label)?;
    ws.with_key(false, Some(&selector), &answers, |k| {
        let signer = Signer::from_session(k.token, k.session, k.key, k.keys, Some(k.pin))?;
        let started = std::time::Instant::now();
        let signed = in_parallel(&files, threads, |file| {
            let data = std::fs::read(file).map_err(|source| tokenward::Error::Io {
                action: "read",
                path: file.clone(),
                source,
            })?;
            // Through the `signature` crate's trait, as other crates would call it.
            let sig: TokenSignature = signer
                .try_sign(&data)
                .map_err(|_| signer.take_error().expect("the token's error"))?;
            verify(&signer.verifying_key(), signer.mechanism(), &data, &sig.0)?;
            let mut out = file.clone().into_os_string();
            out.push(".sig");
            write_atomic(&PathBuf::from(out), &sig.0, Access::Public)
        })?;
        println!(
            "signed and verified {} files on {threads} threads in {:.3} s with {} sessions, \
             the module called {:?}",
            signed.len(),
            started.elapsed().as_secs_f64(),
            signer.sessions(),
            k.token.module.calls()
        );
        Ok(())
    })
}
