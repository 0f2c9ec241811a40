//! Benchmark: one process per command, as a script calling tokenward once per document meets
//! it, on tokens holding one RSA-2048 key with its certificate and 3, 300 or 2,000 other
//! certificates; against `pkcs11-tool --sign` on the same token in the same run, the tools
//! taking turns.
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
    println!("| other certificates | command | median | fastest | vs pkcs11-tool --sign |");
    println!("| ---: | --- | ---: | ---: | ---: |");
    for others in [3usize, 300, 2000] {
        let dir = make_tokens(1);
        let conf = dir.path("softhsm2.conf");
        let status = Command::new(&tokenward)
            .args(["--module", *SOFTHSM, "keys", "import"])
            .arg(fixtures.join("modern-rsa.p12"))
            .arg("--password-file")
            .arg(fixtures.join("password.txt"))
            .args(["--label", "rsa", "--pin-env", "BENCH_PIN"])
            .env("SOFTHSM2_CONF", &conf)
            .env("BENCH_PIN", USER_PIN)
            .env("XDG_STATE_HOME", dir.path("state"))
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
        // The accountant's way: the certificate chosen once, then `sign FILE` names nothing.
        let status = Command::new(&tokenward)
            .args(["--module", *SOFTHSM, "certs", "select", "rsa"])
            .env("SOFTHSM2_CONF", &conf)
            .env("XDG_STATE_HOME", dir.path("state"))
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
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
            ("pkcs11-tool --sign", peer),
        ];
        let argvs: Vec<&[&str]> = rows.iter().map(|(_, a)| a.as_slice()).collect();
        let times = time_interleaved(&conf, &argvs);
        let peer = times[times.len() - 1];
        for ((name, _), t) in rows.iter().zip(&times) {
            println!(
                "| {others} | {name} | {:.1} ms | {:.1} ms | {:.2}× |",
                ms(t.0),
                ms(t.1),
                t.0.as_secs_f64() / peer.0.as_secs_f64()
            );
        }
    }
}

/// Median and fastest of `RUNS` runs of each of `argvs` after one warm-up each, the commands
/// taking turns (one run of each, then the next round), so that the machine's changing load
/// falls on every tool alike.
fn time_interleaved(conf: &Path, argvs: &[&[&str]]) -> Vec<(Duration, Duration)> {
    let run = |argv: &[&str]| {
        let start = Instant::now();
        let status = Command::new(argv[0])
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
    for argv in argvs {
        run(argv);
    }
    let mut times: Vec<Vec<Duration>> = vec![Vec::with_capacity(RUNS); argvs.len()];
    for _ in 0..RUNS {
        for (argv, t) in argvs.iter().zip(&mut times) {
            t.push(run(argv));
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
