//! Benchmark: signing and verifying a 2 GB file (raw RSA-2048 and detached CMS), peak memory
//! and time of the whole process (`/usr/bin/time`), against `openssl dgst -sha256` over the
//! same file in the same run.
//!
//!     cargo bench --bench big_file           # prints a Markdown table for docs/performance.md

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

mod common;

use common::{make_tokens, SOFTHSM, USER_PIN};

const SIZE: u64 = 2 << 30;

fn main() {
    let tokenward = PathBuf::from(env!("CARGO_BIN_EXE_tokenward"));
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let dir = make_tokens(1);
    let conf = dir.path("softhsm2.conf");
    let tw = tokenward.to_str().unwrap();
    let env = |cmd: &mut Command| {
        cmd.env("SOFTHSM2_CONF", &conf)
            .env("BENCH_PIN", USER_PIN)
            .env("XDG_STATE_HOME", dir.path("state"))
            .env_remove("TOKENWARD_MODULE")
            .stdin(Stdio::null())
            .stdout(Stdio::null());
    };
    let mut import = Command::new(tw);
    import
        .args(["--module", *SOFTHSM, "keys", "import"])
        .arg(fixtures.join("modern-rsa.p12"))
        .arg("--password-file")
        .arg(fixtures.join("password.txt"))
        .args(["--label", "rsa", "--pin-env", "BENCH_PIN"]);
    env(&mut import);
    assert!(import.status().unwrap().success());
    // A sparse file: what is measured is hashing and memory, not the disk.
    let big = dir.path("big.bin");
    std::fs::File::create(&big).unwrap().set_len(SIZE).unwrap();
    let (big, raw, p7s, pubkey) = (
        big.to_str().unwrap().to_string(),
        dir.path("big.sig"),
        dir.path("big.p7s"),
        fixtures.join("leaf-rsa2048.pem"),
    );
    let (raw, p7s, pubkey) = (
        raw.to_str().unwrap(),
        p7s.to_str().unwrap(),
        pubkey.to_str().unwrap(),
    );
    let sign = [
        tw,
        "--module",
        *SOFTHSM,
        "sign",
        &big,
        "--key",
        "rsa",
        "--pin-env",
        "BENCH_PIN",
        "--force",
    ];
    let rows: Vec<(&str, Vec<&str>)> = vec![
        (
            "openssl dgst -sha256",
            vec!["openssl", "dgst", "-sha256", &big],
        ),
        (
            "tokenward sign --format raw",
            [&sign[..], &["--format", "raw", "--out", raw]].concat(),
        ),
        (
            "tokenward sign (CMS, detached)",
            [&sign[..], &["--out", p7s]].concat(),
        ),
        (
            "tokenward verify (raw, --cert)",
            vec![tw, "verify", &big, raw, "--cert", pubkey],
        ),
        ("tokenward verify (CMS)", vec![tw, "verify", &big, p7s]),
    ];
    println!("| 2 GB file | time | peak memory | vs openssl dgst |");
    println!("| --- | ---: | ---: | ---: |");
    let mut base = None;
    for (name, argv) in rows {
        // Best of three: the first run also warms the page cache.
        let (secs, kb) = (0..3)
            .map(|_| measure(&argv, &env))
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .unwrap();
        let base = *base.get_or_insert(secs);
        println!(
            "| {name} | {secs:.2} s | {:.0} MB | {:.2}× |",
            kb as f64 / 1024.0,
            secs / base
        );
    }
}

/// Run `argv` under `/usr/bin/time -f "%e %M"`: (seconds, peak RSS in KB).
fn measure(argv: &[&str], env: &dyn Fn(&mut Command)) -> (f64, u64) {
    let mut cmd = Command::new("/usr/bin/time");
    cmd.args(["-f", "%e %M"]).args(argv);
    env(&mut cmd);
    let out = cmd.stderr(Stdio::piped()).output().unwrap();
    assert!(
        out.status.success(),
        "{argv:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stderr);
    let last = text.lines().last().unwrap_or_default();
    let mut parts = last.split_whitespace();
    let secs: f64 = parts.next().unwrap().parse().unwrap();
    let kb: u64 = parts.next().unwrap().parse().unwrap();
    (secs, kb)
}
