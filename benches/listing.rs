//! Benchmark: `tokenward tokens` and `tokenward objects` against the peer tools on the same
//! SoftHSM2 tokens in the same run.
//!
//!     cargo bench --bench listing            # prints a Markdown table for docs/performance.md
//!
//! Every command is a fresh process (as a user or a script runs it), timed by wall clock over
//! several runs after one warm-up; the table shows the median and the fastest run.

use std::path::{Path, PathBuf};
use std::process::Command;

use cryptoki::context::{CInitializeArgs, CInitializeFlags, Pkcs11};
use cryptoki::mechanism::Mechanism;
use cryptoki::object::{Attribute, ObjectClass};
use cryptoki::session::UserType;
use cryptoki::types::AuthPin;

mod common;

use common::{make_cert_der, make_distinct_certs, make_tokens, report, SOFTHSM, USER_PIN};

fn main() {
    match std::env::var("BENCH_FILL_CHILD").as_deref() {
        Ok("certs") => return fill_certs_child(),
        Ok(_) => return fill_child(),
        Err(_) => {}
    }
    let tokenward = PathBuf::from(env!("CARGO_BIN_EXE_tokenward"));
    println!("| work | tool | median | fastest | runs |");
    println!("| --- | --- | ---: | ---: | ---: |");
    for count in [1usize, 20] {
        let dir = make_tokens(count);
        let conf = dir.path("softhsm2.conf");
        let work = format!("list {count} token(s)");
        let runs = 30;
        report(
            &work,
            "tokenward tokens",
            runs,
            &conf,
            &[tokenward.to_str().unwrap(), "--module", *SOFTHSM, "tokens"],
        );
        report(
            &work,
            "tokenward tokens --json",
            runs,
            &conf,
            &[
                tokenward.to_str().unwrap(),
                "--module",
                *SOFTHSM,
                "tokens",
                "--json",
            ],
        );
        report(
            &work,
            "pkcs11-tool -L",
            runs,
            &conf,
            &["pkcs11-tool", "--module", *SOFTHSM, "-L"],
        );
        report(
            &work,
            "p11tool --list-tokens",
            runs,
            &conf,
            &["p11tool", "--provider", *SOFTHSM, "--list-tokens"],
        );
    }

    bench_certs(&tokenward);

    let dir = make_tokens(1);
    let conf = dir.path("softhsm2.conf");
    let total = fill_token(&conf);
    let work = format!("list {total} objects (logged in)");
    let runs = 10;
    report(
        &work,
        "tokenward objects --login",
        runs,
        &conf,
        &[
            tokenward.to_str().unwrap(),
            "--module",
            *SOFTHSM,
            "objects",
            "--login",
            "--pin-env",
            "BENCH_PIN",
        ],
    );
    report(
        &work,
        "tokenward objects --login --json",
        runs,
        &conf,
        &[
            tokenward.to_str().unwrap(),
            "--module",
            *SOFTHSM,
            "objects",
            "--login",
            "--pin-env",
            "BENCH_PIN",
            "--json",
        ],
    );
    report(
        &work,
        "pkcs11-tool -O --login",
        runs,
        &conf,
        &[
            "pkcs11-tool",
            "--module",
            *SOFTHSM,
            "-O",
            "--login",
            "--pin",
            USER_PIN,
        ],
    );
    // p11tool takes tens of seconds here: three runs are enough to place it.
    report(
        &work,
        "p11tool --list-all --login",
        3,
        &conf,
        &[
            "p11tool",
            "--provider",
            *SOFTHSM,
            "--list-all",
            "--login",
            "pkcs11:token=bench-1",
        ],
    );
}

/// `certs list` on a token holding 1,000 certificates, against the peers' certificate listings.
fn bench_certs(tokenward: &Path) {
    let dir = make_tokens(1);
    let conf = dir.path("softhsm2.conf");
    let status = Command::new(std::env::current_exe().unwrap())
        .env("BENCH_FILL_CHILD", "certs")
        .env("SOFTHSM2_CONF", &conf)
        .status()
        .unwrap();
    assert!(status.success());
    let work = "list 1000 certificates";
    let tw = tokenward.to_str().unwrap();
    report(
        work,
        "tokenward certs list",
        10,
        &conf,
        &[tw, "--module", *SOFTHSM, "certs", "list"],
    );
    report(
        work,
        "tokenward certs list --json",
        10,
        &conf,
        &[tw, "--module", *SOFTHSM, "certs", "list", "--json"],
    );
    report(
        work,
        "pkcs11-tool -O --type cert",
        10,
        &conf,
        &["pkcs11-tool", "--module", *SOFTHSM, "-O", "--type", "cert"],
    );
    report(
        work,
        "p11tool --list-all-certs",
        3,
        &conf,
        &[
            "p11tool",
            "--provider",
            *SOFTHSM,
            "--list-all-certs",
            "pkcs11:token=bench-1",
        ],
    );
}

/// The child process that puts 1,000 distinct certificates on the token.
fn fill_certs_child() {
    let ders = make_distinct_certs(50);
    let ctx = Pkcs11::new(*SOFTHSM).unwrap();
    ctx.initialize(CInitializeArgs::new(CInitializeFlags::OS_LOCKING_OK))
        .unwrap();
    let slot = ctx.get_slots_with_initialized_token().unwrap()[0];
    let session = ctx.open_rw_session(slot).unwrap();
    session
        .login(UserType::User, Some(&AuthPin::new(USER_PIN.into())))
        .unwrap();
    common::put_certs(&session, &ders, 1000, 0, false);
}

/// Put 2,000 objects on the first token: 1,000 data objects, 750 certificates and 125 EC key
/// pairs. Runs in a child process, because SoftHSM2 reads SOFTHSM2_CONF once per process.
fn fill_token(conf: &Path) -> usize {
    let status = Command::new(std::env::current_exe().unwrap())
        .env("BENCH_FILL_CHILD", "1")
        .env("SOFTHSM2_CONF", conf)
        .status()
        .unwrap();
    assert!(status.success());
    2000
}

/// The child process that fills the token.
fn fill_child() {
    let cert = make_cert_der();
    let ctx = Pkcs11::new(*SOFTHSM).unwrap();
    ctx.initialize(CInitializeArgs::new(CInitializeFlags::OS_LOCKING_OK))
        .unwrap();
    let slot = ctx
        .get_slots_with_initialized_token()
        .unwrap()
        .into_iter()
        .find(|s| ctx.get_token_info(*s).unwrap().label() == "bench-1")
        .unwrap();
    let session = ctx.open_rw_session(slot).unwrap();
    session
        .login(UserType::User, Some(&AuthPin::new(USER_PIN.into())))
        .unwrap();
    for i in 0..1000u32 {
        session
            .create_object(&[
                Attribute::Class(ObjectClass::DATA),
                Attribute::Token(true),
                Attribute::Private(false),
                Attribute::Label(format!("data {i}").into_bytes()),
                Attribute::Application(b"tokenward-bench".to_vec()),
                Attribute::Value(i.to_be_bytes().to_vec()),
            ])
            .unwrap();
    }
    for i in 0..750u32 {
        session
            .create_object(&[
                Attribute::Class(ObjectClass::CERTIFICATE),
                Attribute::CertificateType(cryptoki::object::CertificateType::X_509),
                Attribute::Token(true),
                Attribute::Label(format!("cert {i}").into_bytes()),
                Attribute::Id(i.to_be_bytes().to_vec()),
                Attribute::Subject(vec![0x30, 0x00]),
                Attribute::Value(cert.clone()),
            ])
            .unwrap();
    }
    let p256 = vec![0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
    for i in 0..125u32 {
        let id = (10_000 + i).to_be_bytes().to_vec();
        session
            .generate_key_pair(
                &Mechanism::EccKeyPairGen,
                &[
                    Attribute::Token(true),
                    Attribute::EcParams(p256.clone()),
                    Attribute::Id(id.clone()),
                    Attribute::Label(format!("key {i}").into_bytes()),
                    Attribute::Verify(true),
                ],
                &[
                    Attribute::Token(true),
                    Attribute::Private(true),
                    Attribute::Sensitive(true),
                    Attribute::Id(id),
                    Attribute::Label(format!("key {i}").into_bytes()),
                    Attribute::Sign(true),
                ],
            )
            .unwrap();
    }
}
