//! Benchmark: provisioning 20 blank SoftHSM2 tokens (label, SO PIN, user PIN, P-256 key pair,
//! certificate request) with `tokenward provision`, against a shell loop of the peer tools
//! doing the same steps (`softhsm2-util --init-token`, `pkcs11-tool --keypairgen`, `openssl req`
//! through the pkcs11 engine), in the same run.
//!
//!     cargo bench --bench provisioning       # prints a Markdown table for docs/performance.md
//!
//! Each run starts from a fresh SoftHSM2 directory; the table shows the median and the fastest
//! of the runs.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;

use common::{ms, SOFTHSM};

const TOKENS: usize = 20;
const RUNS: usize = 5;
const SO_PIN: &str = "SoPin2026abc";
const USER_PIN: &str = "User2026ab";

fn main() {
    let tokenward = env!("CARGO_BIN_EXE_tokenward");
    println!("| work | tool | median | fastest | runs |");
    println!("| --- | --- | ---: | ---: | ---: |");
    let work = format!("provision {TOKENS} tokens (P-256 key, request)");
    let given = "[defaults]\nkey = \"p256\"\nso_pin = { env = \"SO\" }\nuser_pin = { env = \"USER\" }\n\
                 csr_dir = \"csr\"\nlabel = \"Staff {n}\"\nsubject = \"CN={label},O=Romashka,C=RU\"\n";
    row(&work, "tokenward provision (given PINs)", |dir| {
        provision(tokenward, dir, &format!("{given}{}", entries()));
    });
    row(
        &work,
        "tokenward provision (generated PINs, age sheet)",
        |dir| {
            let key = dir.join("admin.key");
            run(dir, Command::new("age-keygen").arg("-o").arg(&key));
            let text = std::fs::read_to_string(&key).unwrap();
            let recipient = text
                .lines()
                .find_map(|l| l.strip_prefix("# public key: "))
                .unwrap();
            let manifest = dir.join("staff.toml");
            let head = given
                .replace("{ env = \"SO\" }", "{ generate = 16 }")
                .replace("{ env = \"USER\" }", "{ generate = 10 }");
            std::fs::write(
                &manifest,
                format!(
                    "{head}pin_sheet = {{ age_recipient = \"{recipient}\" }}\n{}",
                    entries()
                ),
            )
            .unwrap();
            run(
                dir,
                Command::new(tokenward)
                    .args(["--module", *SOFTHSM, "--config"])
                    .arg(dir.join("config.toml"))
                    .arg("provision")
                    .arg(&manifest),
            );
        },
    );
    row(
        &work,
        "shell loop: softhsm2-util, pkcs11-tool, openssl req",
        |dir| {
            let script = format!(
                r#"set -e
M={module}
for i in $(seq 1 {TOKENS}); do
  softhsm2-util --init-token --free --label "Staff $i" --so-pin "$SO" --pin "$USER" >/dev/null
  pkcs11-tool --module "$M" --token-label "Staff $i" --login --pin "$USER" \
    --keypairgen --key-type EC:prime256v1 --label "Signing key" --id 01 >/dev/null
  PKCS11_MODULE_PATH="$M" openssl req -new -engine pkcs11 -keyform engine \
    -key "pkcs11:token=Staff%20$i;object=Signing%20key;type=private;pin-value=$USER" \
    -subj "/CN=Staff $i/O=Romashka/C=RU" -out "csr/$i.csr" 2>/dev/null
done
"#,
                module = *SOFTHSM
            );
            run(dir, Command::new("bash").arg("-c").arg(script));
        },
    );
}

/// `tokenward provision` of `manifest` in `dir`.
fn provision(tokenward: &str, dir: &Path, manifest: &str) {
    let file = dir.join("staff.toml");
    std::fs::write(&file, manifest).unwrap();
    run(
        dir,
        Command::new(tokenward)
            .args(["--module", *SOFTHSM, "--config"])
            .arg(dir.join("config.toml"))
            .arg("provision")
            .arg(&file),
    );
}

fn entries() -> String {
    "\n[[token]]\nblank = true\n".repeat(TOKENS)
}

/// Time `work` in a fresh SoftHSM2 directory `RUNS` times; print a table row.
fn row(work: &str, name: &str, each: impl Fn(&Path)) {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let hsm = testkit::SoftHsm::new();
            std::fs::create_dir(hsm.path("csr")).unwrap();
            std::fs::write(hsm.path("config.toml"), "").unwrap();
            let start = Instant::now();
            each(hsm.dir.path());
            let took = start.elapsed();
            let csrs = std::fs::read_dir(hsm.path("csr")).unwrap().count();
            assert_eq!(csrs, TOKENS, "{name} wrote {csrs} requests");
            took
        })
        .collect();
    times.sort();
    println!(
        "| {work} | {name} | {:.0} ms | {:.0} ms | {RUNS} |",
        ms(times[RUNS / 2]),
        ms(times[0])
    );
}

/// Run `cmd` in `dir` with its SoftHSM2 configuration and the PINs in the environment.
fn run(dir: &Path, cmd: &mut Command) {
    let status = cmd
        .current_dir(dir)
        .env("SOFTHSM2_CONF", dir.join("softhsm2.conf"))
        .env("SO", SO_PIN)
        .env("USER", USER_PIN)
        .env("HOME", dir.join("home"))
        .env("XDG_STATE_HOME", dir.join("state"))
        .env_remove("TOKENWARD_MODULE")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run");
    assert!(status.success(), "{cmd:?} failed: {status}");
}
