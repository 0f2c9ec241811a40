//! Benchmark: signing throughput of the library `Signer` against raw C_Sign in the same process,
//! and of `tokenward sign` against pkcs11-tool and OpenSSL's pkcs11 engine, on the same
//! SoftHSM2 token in the same run.
//!
//!     cargo bench --bench signing            # prints Markdown tables for docs/performance.md
//!
//! In-process figures are signatures per second over a fixed time per case; per-process
//! figures time whole commands (one signature, or one batch of files, per process).

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{make_tokens, SOFTHSM, USER_PIN};
use cryptoki::context::{CInitializeArgs, CInitializeFlags, Pkcs11};
use cryptoki::mechanism::Mechanism;
use cryptoki::object::{Attribute, ObjectClass, ObjectHandle};
use cryptoki::session::UserType;
use cryptoki::types::AuthPin;
use tokenward::sign::{SignMechanism, Signer};

/// How long each in-process case runs.
const CASE: Duration = Duration::from_secs(1);
/// Signatures timed one process each.
const PER_PROCESS_RUNS: usize = 100;
/// Files in the batch case.
const BATCH_FILES: usize = 1000;

fn main() {
    if std::env::var("BENCH_SIGN_CHILD").is_ok() {
        return in_process();
    }
    let tokenward = PathBuf::from(env!("CARGO_BIN_EXE_tokenward"));
    let dir = make_tokens(1);
    let conf = dir.path("softhsm2.conf");
    let pin_file = dir.path("pin");
    std::fs::write(&pin_file, USER_PIN).unwrap();
    // A configuration file that is named must exist.
    std::fs::write(conf.with_file_name("tokenward.toml"), "").unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    for (p12, label) in [("modern-rsa.p12", "rsa"), ("modern-p256.p12", "ec")] {
        let status = tw(&tokenward, &conf)
            .args(["keys", "import"])
            .arg(fixtures.join(p12))
            .arg("--password-file")
            .arg(fixtures.join("password.txt"))
            .args(["--label", label])
            .arg("--pin-file")
            .arg(&pin_file)
            .status()
            .unwrap();
        assert!(status.success());
    }

    println!(
        "### In one process (signatures per second, {} s per case)\n",
        CASE.as_secs()
    );
    println!("| key, mechanism | threads | raw C_Sign | tokenward Signer | Signer / raw |");
    println!("| --- | ---: | ---: | ---: | ---: |");
    let status = Command::new(std::env::current_exe().unwrap())
        .env("BENCH_SIGN_CHILD", "1")
        .env("SOFTHSM2_CONF", &conf)
        .status()
        .unwrap();
    assert!(status.success());

    println!("\n### One process per signature (RSA-2048, PKCS#1 v1.5 SHA-256, {PER_PROCESS_RUNS} runs)\n");
    println!("| tool | median | signatures/s |");
    println!("| --- | ---: | ---: |");
    let data = dir.path("data.bin");
    std::fs::write(&data, [7u8; 32]).unwrap();
    let digest = dir.path("digest.bin");
    std::fs::write(
        &digest,
        ring::digest::digest(&ring::digest::SHA256, &[7u8; 32]),
    )
    .unwrap();
    let rsa_id = key_id(&tokenward, &conf, &pin_file, "rsa");
    let out_sig = dir.path("out.sig");
    let tw_path = tokenward.to_str().unwrap().to_string();
    per_process(
        &conf,
        "tokenward sign --format raw",
        &[
            &tw_path,
            "--module",
            *SOFTHSM,
            "sign",
            "--pin-env",
            "BENCH_PIN",
            data.to_str().unwrap(),
            "--key",
            "rsa",
            "--format",
            "raw",
            "--force",
            "--out",
            out_sig.to_str().unwrap(),
        ],
    );
    per_process(
        &conf,
        "tokenward sign (CMS)",
        &[
            &tw_path,
            "--module",
            *SOFTHSM,
            "sign",
            "--pin-env",
            "BENCH_PIN",
            data.to_str().unwrap(),
            "--key",
            "rsa",
            "--force",
            "--out",
            out_sig.to_str().unwrap(),
        ],
    );
    per_process(
        &conf,
        "pkcs11-tool --sign",
        &common::pkcs11_tool_sign(
            ["--id", &rsa_id],
            data.to_str().unwrap(),
            out_sig.to_str().unwrap(),
        ),
    );
    // OpenSSL through the configuration `export-config` writes.
    let ossl_dir = dir.path("openssl");
    let status = tw(&tokenward, &conf)
        .args(["export-config", "--for", "openssl", "--key", "rsa", "--out"])
        .arg(&ossl_dir)
        .arg("--pin-file")
        .arg(&pin_file)
        .status()
        .unwrap();
    assert!(status.success());
    let engine_cnf = ossl_dir.join("openssl-engine.cnf");
    per_process_env(
        &conf,
        "openssl pkeyutl -engine pkcs11",
        &[
            "openssl",
            "pkeyutl",
            "-engine",
            "pkcs11",
            "-keyform",
            "engine",
            "-inkey",
            &format!("pkcs11:token=bench-1;object=rsa;type=private;pin-value={USER_PIN}"),
            "-sign",
            "-pkeyopt",
            "digest:sha256",
            "-in",
            digest.to_str().unwrap(),
            "-out",
            out_sig.to_str().unwrap(),
        ],
        &[("OPENSSL_CONF", engine_cnf.to_str().unwrap())],
    );

    println!("\n### {BATCH_FILES} small files (RSA-2048, PKCS#1 v1.5 SHA-256)\n");
    println!("| tool | time | files/s | vs pkcs11-tool loop |");
    println!("| --- | ---: | ---: | ---: |");
    let files = dir.path("files");
    std::fs::create_dir(&files).unwrap();
    for i in 0..BATCH_FILES {
        std::fs::write(
            files.join(format!("doc-{i:04}.xml")),
            format!("<doc n=\"{i}\"/>"),
        )
        .unwrap();
    }
    // Each tool runs twice over the same files, the tools taking turns (so the machine's
    // load falls on each alike), and the faster run counts: the first run creates the
    // signature files, the second replaces them.
    let peer_out = dir.path("pkcs11-tool-signatures");
    std::fs::create_dir(&peer_out).unwrap();
    let loop_once = || {
        let start = Instant::now();
        for i in 0..BATCH_FILES {
            let f = files.join(format!("doc-{i:04}.xml"));
            // Elsewhere: `sign --batch` would take a file in its folder for a document.
            let sig = peer_out.join(format!("doc-{i:04}.xml.sig"));
            let argv = common::pkcs11_tool_sign(
                ["--id", &rsa_id],
                f.to_str().unwrap(),
                sig.to_str().unwrap(),
            );
            let status = Command::new(argv[0])
                .args(&argv[1..])
                .env("SOFTHSM2_CONF", &conf)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .unwrap();
            assert!(status.success());
        }
        start.elapsed()
    };
    let batch = |format: &str| {
        let start = Instant::now();
        let status = tw(&tokenward, &conf)
            .args([
                "sign", "--batch", "--force", "--key", "rsa", "--format", format,
            ])
            .arg(&files)
            .arg("--pin-file")
            .arg(&pin_file)
            .status()
            .unwrap();
        assert!(status.success());
        start.elapsed()
    };
    let (mut loop_time, mut raw, mut cms) = (Duration::MAX, Duration::MAX, Duration::MAX);
    for _ in 0..2 {
        loop_time = loop_time.min(loop_once());
        raw = raw.min(batch("raw"));
        cms = cms.min(batch("cms"));
    }
    for (name, t) in [
        ("tokenward sign --batch --format raw", raw),
        ("tokenward sign --batch (CMS)", cms),
    ] {
        println!(
            "| {name} | {:.2} s | {:.0} | {:.1}× faster |",
            t.as_secs_f64(),
            BATCH_FILES as f64 / t.as_secs_f64(),
            loop_time.as_secs_f64() / t.as_secs_f64()
        );
    }
    println!(
        "| pkcs11-tool --sign, one process per file | {:.2} s | {:.0} | 1.0× |",
        loop_time.as_secs_f64(),
        BATCH_FILES as f64 / loop_time.as_secs_f64()
    );
}

fn tw(tokenward: &Path, conf: &Path) -> Command {
    let mut cmd = Command::new(tokenward);
    cmd.env("SOFTHSM2_CONF", conf)
        .env("TOKENWARD_MODULE", *SOFTHSM)
        .env("TOKENWARD_CONFIG", conf.with_file_name("tokenward.toml"))
        .env("XDG_STATE_HOME", conf.with_file_name("state"))
        .stdout(Stdio::null());
    cmd
}

/// The CKA_ID (hex) of the key labelled `label`.
fn key_id(tokenward: &Path, conf: &Path, pin: &Path, label: &str) -> String {
    let out = tw(tokenward, conf)
        .args(["certs", "list", "--login", "--json"])
        .arg("--pin-file")
        .arg(pin)
        .stdout(Stdio::piped())
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["certificates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["label"] == label)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string()
}

fn per_process(conf: &Path, name: &str, argv: &[&str]) {
    per_process_env(conf, name, argv, &[]);
}

fn per_process_env(conf: &Path, name: &str, argv: &[&str], env: &[(&str, &str)]) {
    let run = || {
        let start = Instant::now();
        let mut cmd = Command::new(argv[0]);
        cmd.args(&argv[1..])
            .env("SOFTHSM2_CONF", conf)
            .env("BENCH_PIN", USER_PIN)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let status = cmd.status().unwrap_or_else(|e| panic!("{}: {e}", argv[0]));
        assert!(status.success(), "{name} failed: {status}");
        start.elapsed()
    };
    run();
    let mut times: Vec<Duration> = (0..PER_PROCESS_RUNS).map(|_| run()).collect();
    times.sort();
    let median = times[PER_PROCESS_RUNS / 2];
    println!(
        "| {name} | {:.1} ms | {:.0} |",
        median.as_secs_f64() * 1000.0,
        1.0 / median.as_secs_f64()
    );
}

/// The in-process cases (a child process: SoftHSM2 reads SOFTHSM2_CONF once per process).
fn in_process() {
    let ctx = Pkcs11::new(*SOFTHSM).unwrap();
    ctx.initialize(CInitializeArgs::new(CInitializeFlags::OS_LOCKING_OK))
        .unwrap();
    let slot = ctx.get_slots_with_initialized_token().unwrap()[0];
    let login = ctx.open_ro_session(slot).unwrap();
    login
        .login(UserType::User, Some(&AuthPin::new(USER_PIN.into())))
        .unwrap();
    let find = |label: &str| -> ObjectHandle {
        login
            .find_objects(&[
                Attribute::Class(ObjectClass::PRIVATE_KEY),
                Attribute::Label(label.as_bytes().to_vec()),
            ])
            .unwrap()[0]
    };
    let cases = [
        (
            "RSA-2048, PKCS#1 v1.5 SHA-256",
            "rsa",
            SignMechanism::RsaPkcs1Sha256,
        ),
        ("P-256, ECDSA SHA-256", "ec", SignMechanism::EcdsaSha256),
    ];
    // The library's way in: load the module, select the token, log in, choose the key.
    let modules = tokenward::token::load_modules(
        &tokenward::token::Discovery::system(),
        &tokenward::token::module_choice(Some(Path::new(*SOFTHSM)), None, None),
        tokenward::token::Calls::Concurrent,
    )
    .unwrap();
    let token = tokenward::token::select_token(&modules, None).unwrap();
    for (name, label, mechanism) in cases {
        let key = find(label);
        let session = token.open_ro().unwrap();
        let (certs, keys) =
            tokenward::token::certs::read_certificates(&session, &token.report).unwrap();
        let selector = tokenward::token::find::ObjectSelector::parse(label).unwrap();
        let (key_object, _) =
            tokenward::token::find::select_key(&certs, &keys, Some(&selector), None).unwrap();
        let signer =
            Arc::new(Signer::from_session(&token, session, key_object, &keys, None).unwrap());
        for threads in [1usize, 2] {
            // Three rounds, raw and Signer alternating; the best round of each counts.
            let (mut raw, mut pooled) = (0f64, 0f64);
            for _ in 0..3 {
                raw = raw.max(rate(threads, |_| {
                    let session = ctx.open_ro_session(slot).unwrap();
                    // ECDSA as the Signer does it: raw CKM_ECDSA over a SHA-256 digest.
                    let ecdsa = mechanism == SignMechanism::EcdsaSha256;
                    let data: Vec<u8> = if ecdsa {
                        ring::digest::digest(&ring::digest::SHA256, &[7u8; 32])
                            .as_ref()
                            .to_vec()
                    } else {
                        vec![7u8; 32]
                    };
                    move || {
                        // Mechanism is not Send: made on the thread, per call.
                        let mech = if ecdsa {
                            Mechanism::Ecdsa
                        } else {
                            Mechanism::Sha256RsaPkcs
                        };
                        session.sign(&mech, key, &data).unwrap();
                    }
                }));
                pooled = pooled.max(rate(threads, |_| {
                    let signer = Arc::clone(&signer);
                    move || {
                        signer.sign(mechanism, &[7u8; 32]).unwrap();
                    }
                }));
            }
            println!(
                "| {name} | {threads} | {raw:.0}/s | {pooled:.0}/s | {:.0}% |",
                100.0 * pooled / raw
            );
        }
    }
}

/// Signatures per second over [`CASE`] with `threads` threads, each running the closure
/// `make(thread)` builds.
fn rate<F, W>(threads: usize, make: F) -> f64
where
    F: Fn(usize) -> W,
    W: FnMut() + Send + 'static,
{
    let workers: Vec<W> = (0..threads).map(&make).collect();
    let start = Instant::now();
    let handles: Vec<_> = workers
        .into_iter()
        .map(|mut w| {
            std::thread::spawn(move || {
                let mut n = 0u64;
                let t = Instant::now();
                while t.elapsed() < CASE {
                    w();
                    n += 1;
                }
                n
            })
        })
        .collect();
    let total: u64 = handles.into_iter().map(|h| h.join().unwrap()).sum();
    total as f64 / start.elapsed().as_secs_f64()
}
