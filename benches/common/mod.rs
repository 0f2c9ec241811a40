//! What the benchmarks share: throwaway SoftHSM2 tokens and timing whole commands.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub use testkit::{SOFTHSM, USER_PIN};

/// Time `argv` `runs` times after one warm-up run; print a table row.
pub fn report(work: &str, name: &str, runs: usize, conf: &Path, argv: &[&str]) {
    let run = || {
        let start = Instant::now();
        let status = Command::new(argv[0])
            .args(&argv[1..])
            .env("SOFTHSM2_CONF", conf)
            .env("BENCH_PIN", USER_PIN)
            .env("GNUTLS_PIN", USER_PIN)
            .env_remove("TOKENWARD_MODULE")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap_or_else(|e| panic!("{}: {e}", argv[0]));
        assert!(status.success(), "{name} failed: {status}");
        start.elapsed()
    };
    run();
    let mut times: Vec<Duration> = (0..runs).map(|_| run()).collect();
    times.sort();
    println!(
        "| {work} | {name} | {:.1} ms | {:.1} ms | {runs} |",
        ms(times[runs / 2]),
        ms(times[0])
    );
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// A SoftHSM2 directory with `count` initialised tokens labelled bench-1..bench-N (the
/// repository's one harness, `testkit`).
pub fn make_tokens(count: usize) -> testkit::SoftHsm {
    let labels: Vec<String> = (1..=count).map(|i| format!("bench-{i}")).collect();
    let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
    testkit::SoftHsm::with_tokens(&labels)
}

/// `n` different self-signed certificates from openssl.
pub fn make_distinct_certs(n: usize) -> Vec<Vec<u8>> {
    (0..n).map(|_| make_cert_der()).collect()
}

pub fn make_cert_der() -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cert.der");
    let key = dir.path().join("key.pem");
    let status = Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
        ])
        .args([
            "-subj",
            "/CN=tokenward bench",
            "-days",
            "30",
            "-outform",
            "DER",
        ])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&out)
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    std::fs::read(out).unwrap()
}

/// Put `count` certificate objects on the token of `session`, cycling through `ders`, labelled
/// `cert N` with ids from `first_id`; with `subject`, CKA_SUBJECT is the certificate's own
/// subject (else an empty name).
pub fn put_certs(
    session: &cryptoki::session::Session,
    ders: &[Vec<u8>],
    count: u32,
    first_id: u32,
    subject: bool,
) {
    use cryptoki::object::{Attribute, CertificateType, ObjectClass};
    for i in 0..count {
        let der = &ders[i as usize % ders.len()];
        let name = if subject {
            x509_parser::parse_x509_certificate(der)
                .unwrap()
                .1
                .subject()
                .as_raw()
                .to_vec()
        } else {
            vec![0x30, 0x00]
        };
        session
            .create_object(&[
                Attribute::Class(ObjectClass::CERTIFICATE),
                Attribute::CertificateType(CertificateType::X_509),
                Attribute::Token(true),
                Attribute::Label(format!("cert {i}").into_bytes()),
                Attribute::Id((first_id + i).to_be_bytes().to_vec()),
                Attribute::Subject(name),
                Attribute::Value(der.clone()),
            ])
            .unwrap();
    }
}

/// `pkcs11-tool --sign` of `data` into `out` (RSA PKCS#1 v1.5 SHA-256) with the key that
/// `by` names (`["--label", "rsa"]`, `["--id", "01"]`), logged in with the test user PIN.
pub fn pkcs11_tool_sign<'a>(by: [&'a str; 2], data: &'a str, out: &'a str) -> Vec<&'a str> {
    let mut argv = vec!["pkcs11-tool", "--module", *SOFTHSM];
    argv.extend(testkit::pkcs11_tool_sign_args(by, data, out));
    argv
}
