//! Benchmark: one process per command, as a script calling tokenward once per document meets
//! it, on tokens holding one RSA-2048 key with its certificate and 3, 300 or 2,000 other
//! certificates; against `pkcs11-tool --sign` on the same token in the same run, the tools
//! taking turns. A CMS signature is also set beside the peer that does the same work:
//! `openssl cms -sign` with the pkcs11 engine (libp11), the signer's certificate and chain
//! given as files.
//!
//!     cargo bench --bench one_shot           # prints a Markdown table for docs/performance.md

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use cryptoki::context::{CInitializeArgs, CInitializeFlags, Pkcs11};
use cryptoki::session::UserType;
use cryptoki::types::AuthPin;

mod common;

use common::{make_distinct_certs, make_tokens, ms, SOFTHSM, USER_PIN};

const RUNS: usize = 40;

fn main() {
    if let Ok(n) = std::env::var("BENCH_FILL_CERTS") {
        return fill_child(n.parse().unwrap());
    }
    let tokenward = PathBuf::from(env!("CARGO_BIN_EXE_tokenward"));
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    println!(
        "| other certificates | command | median | fastest | vs pkcs11-tool --sign | \
         vs openssl cms |"
    );
    println!("| ---: | --- | ---: | ---: | ---: | ---: |");
    for others in [3usize, 300, 2000] {
        let dir = make_tokens(1);
        let conf = dir.path("softhsm2.conf");
        let (p12, password) = (
            fixtures.join("modern-rsa.p12"),
            fixtures.join("password.txt"),
        );
        tokenward_ok(
            &tokenward,
            &dir,
            &[
                "keys".as_ref(),
                "import".as_ref(),
                p12.as_os_str(),
                "--password-file".as_ref(),
                password.as_os_str(),
                "--label".as_ref(),
                "rsa".as_ref(),
                "--pin-env".as_ref(),
                "BENCH_PIN".as_ref(),
            ],
        );
        // The accountant's way: the certificate chosen once, then `sign FILE` names nothing.
        tokenward_ok(
            &tokenward,
            &dir,
            &["certs".as_ref(), "select".as_ref(), "rsa".as_ref()],
        );
        let status = Command::new(std::env::current_exe().unwrap())
            .env("BENCH_FILL_CERTS", others.to_string())
            .env("SOFTHSM2_CONF", &conf)
            .status()
            .unwrap();
        assert!(status.success());
        let data = dir.path("data.bin");
        std::fs::write(&data, [7u8; 32]).unwrap();
        let out = dir.path("out.sig");
        let tw = tokenward.to_str().unwrap();
        let (data, out) = (data.to_str().unwrap(), out.to_str().unwrap());
        let peer = common::pkcs11_tool_sign(["--label", "rsa"], data, out);
        let (engine_cnf, leaf, issuers) = openssl_files(&tokenward, &dir);
        let sign = [
            tw,
            "--module",
            *SOFTHSM,
            "sign",
            data,
            "--key",
            "rsa",
            "--pin-env",
            "BENCH_PIN",
        ];
        let key_uri = format!("pkcs11:token=bench-1;object=rsa;type=private;pin-value={USER_PIN}");
        let openssl_cms = vec![
            "openssl",
            "cms",
            "-sign",
            "-binary",
            "-md",
            "sha256",
            "-engine",
            "pkcs11",
            "-keyform",
            "engine",
            "-inkey",
            &key_uri,
            "-signer",
            &leaf,
            "-certfile",
            &issuers,
            "-outform",
            "DER",
            "-in",
            data,
            "-out",
            out,
        ];
        let rows: Vec<(&str, Vec<&str>)> = vec![
            (
                "tokenward sign --format raw",
                [&sign[..], &["--format", "raw", "--force", "--out", out]].concat(),
            ),
            (
                "tokenward sign (CMS)",
                [&sign[..], &["--force", "--out", out]].concat(),
            ),
            (
                // The issuers from the file openssl is given too: the same work as openssl.
                "tokenward sign (CMS), --chain FILE",
                [&sign[..], &["--chain", &issuers, "--force", "--out", out]].concat(),
            ),
            (
                "tokenward sign --format raw, default certificate",
                vec![
                    tw,
                    "--module",
                    *SOFTHSM,
                    "sign",
                    data,
                    "--pin-env",
                    "BENCH_PIN",
                    "--format",
                    "raw",
                    "--force",
                    "--out",
                    out,
                ],
            ),
            (
                "tokenward keys export-public",
                vec![
                    tw,
                    "--module",
                    *SOFTHSM,
                    "keys",
                    "export-public",
                    "--key",
                    "rsa",
                    "--force",
                    "--out",
                    out,
                ],
            ),
            (
                "tokenward certs export",
                vec![
                    tw, "--module", *SOFTHSM, "certs", "export", "rsa", "--force", "--out", out,
                ],
            ),
            ("openssl cms -sign -engine pkcs11", openssl_cms),
            ("pkcs11-tool --sign", peer),
        ];
        let runs: Vec<Run> = rows
            .iter()
            .map(|(name, argv)| Run {
                argv,
                // Only openssl reads the engine's configuration (the module's own libcrypto
                // would load it too, for every tool).
                openssl_conf: name.starts_with("openssl").then_some(engine_cnf.as_path()),
            })
            .collect();
        let times = time_interleaved(&conf, &runs);
        let peer = times[times.len() - 1];
        let cms_peer = times[times.len() - 2];
        for ((name, _), t) in rows.iter().zip(&times) {
            let ratio = |p: (Duration, Duration)| t.0.as_secs_f64() / p.0.as_secs_f64();
            // A CMS signature against the peer that makes one; raw work against pkcs11-tool.
            let vs_cms = if name.contains("CMS") || name.starts_with("openssl") {
                format!("{:.2}×", ratio(cms_peer))
            } else {
                String::new()
            };
            println!(
                "| {others} | {name} | {:.1} ms | {:.1} ms | {:.2}× | {vs_cms} |",
                ms(t.0),
                ms(t.1),
                ratio(peer)
            );
        }
    }
}

/// The files `openssl cms` signs with, written by tokenward: the engine's configuration
/// (`export-config --for openssl`), the signer's certificate and its issuers.
fn openssl_files(tokenward: &Path, dir: &testkit::SoftHsm) -> (PathBuf, String, String) {
    let pin_file = dir.path("pin");
    std::fs::write(&pin_file, USER_PIN).unwrap();
    let ossl_dir = dir.path("openssl");
    let leaf = dir.path("leaf.pem");
    let chain = dir.path("chain.pem");
    let commands: [Vec<&std::ffi::OsStr>; 3] = [
        vec![
            "export-config".as_ref(),
            "--for".as_ref(),
            "openssl".as_ref(),
            "--key".as_ref(),
            "rsa".as_ref(),
            "--out".as_ref(),
            ossl_dir.as_os_str(),
            "--pin-file".as_ref(),
            pin_file.as_os_str(),
        ],
        vec![
            "certs".as_ref(),
            "export".as_ref(),
            "rsa".as_ref(),
            "--out".as_ref(),
            leaf.as_os_str(),
        ],
        vec![
            "certs".as_ref(),
            "export".as_ref(),
            "rsa".as_ref(),
            "--chain".as_ref(),
            "--out".as_ref(),
            chain.as_os_str(),
        ],
    ];
    for args in commands {
        tokenward_ok(tokenward, dir, &args);
    }
    // `-certfile` takes the issuers only: openssl refuses the signer's certificate twice.
    let pem = std::fs::read_to_string(&chain).unwrap();
    let second = pem.match_indices("-----BEGIN").nth(1).unwrap().0;
    let issuers = dir.path("issuers.pem");
    std::fs::write(&issuers, &pem[second..]).unwrap();
    let path = |p: PathBuf| p.to_str().unwrap().to_string();
    (
        ossl_dir.join("openssl-engine.cnf"),
        path(leaf),
        path(issuers),
    )
}

/// Run tokenward on the bench token with these arguments; it must succeed.
fn tokenward_ok(tokenward: &Path, dir: &testkit::SoftHsm, args: &[&std::ffi::OsStr]) {
    let out = Command::new(tokenward)
        .args(["--module", *SOFTHSM])
        .args(args)
        .env("SOFTHSM2_CONF", dir.path("softhsm2.conf"))
        .env("BENCH_PIN", USER_PIN)
        .env("XDG_STATE_HOME", dir.path("state"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "tokenward {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// One command to time, and the OpenSSL configuration it reads, if any.
struct Run<'a> {
    argv: &'a [&'a str],
    openssl_conf: Option<&'a Path>,
}

/// Median and fastest of `RUNS` runs of each of `runs` after one warm-up each, the commands
/// taking turns (one run of each, then the next round), so that the machine's changing load
/// falls on every tool alike.
fn time_interleaved(conf: &Path, runs: &[Run]) -> Vec<(Duration, Duration)> {
    let run = |r: &Run| {
        let argv = r.argv;
        let start = Instant::now();
        let mut command = Command::new(argv[0]);
        if let Some(c) = r.openssl_conf {
            command.env("OPENSSL_CONF", c);
        }
        let status = command
            .args(&argv[1..])
            .env("SOFTHSM2_CONF", conf)
            .env("BENCH_PIN", USER_PIN)
            .env("XDG_STATE_HOME", conf.with_file_name("state"))
            .env_remove("TOKENWARD_MODULE")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert!(
            status.status.success(),
            "{argv:?} failed: {}",
            String::from_utf8_lossy(&status.stderr)
        );
        start.elapsed()
    };
    for r in runs {
        run(r);
    }
    let mut times: Vec<Vec<Duration>> = vec![Vec::with_capacity(RUNS); runs.len()];
    for _ in 0..RUNS {
        for (r, t) in runs.iter().zip(&mut times) {
            t.push(run(r));
        }
    }
    times
        .into_iter()
        .map(|mut t| {
            t.sort();
            (t[RUNS / 2], t[0])
        })
        .collect()
}

/// The child process that puts `n` other certificates (50 distinct ones, under different ids
/// and labels) on the token.
fn fill_child(n: usize) {
    let ders = make_distinct_certs(n.min(50));
    let ctx = Pkcs11::new(*SOFTHSM).unwrap();
    ctx.initialize(CInitializeArgs::new(CInitializeFlags::OS_LOCKING_OK))
        .unwrap();
    let slot = ctx.get_slots_with_initialized_token().unwrap()[0];
    let session = ctx.open_rw_session(slot).unwrap();
    session
        .login(UserType::User, Some(&AuthPin::new(USER_PIN.into())))
        .unwrap();
    common::put_certs(&session, &ders, n as u32, 0x1000_0000, true);
}
