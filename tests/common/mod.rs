//! Test harness: every test gets its own SoftHSM2 directory (its own SOFTHSM2_CONF), its own
//! HOME and XDG directories, and runs the real `tokenward` binary against the real
//! libsofthsm2, so tests run in parallel without sharing state.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use tempfile::TempDir;

/// The SoftHSM2 module on Debian.
pub const SOFTHSM: &str = "/usr/lib/softhsm/libsofthsm2.so";
/// SO PIN of harness tokens (test value only).
pub const SO_PIN: &str = "so-pin-1234";
/// User PIN of harness tokens (test value only).
pub const USER_PIN: &str = "user-pin-1234";

/// The outcome of running a program.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// The outcome of a finished process.
    pub fn from(out: Output) -> Self {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// stdout parsed as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }

    /// Assert success and return self.
    pub fn ok(self) -> Self {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// Assert this exit code and return self.
    pub fn code(self, code: i32) -> Self {
        assert_eq!(
            self.code, code,
            "expected exit {code}\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// Everything the program printed.
    pub fn all_output(&self) -> String {
        format!("{}\n{}", self.stdout, self.stderr)
    }
}

/// A throwaway SoftHSM2 installation.
pub struct Hsm {
    pub dir: TempDir,
    pub conf: PathBuf,
}

impl Hsm {
    /// An empty SoftHSM2 directory (SoftHSM2 still shows one blank, uninitialised slot).
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let tokens = dir.path().join("tokens");
        std::fs::create_dir(&tokens).unwrap();
        let template = include_str!("../../softhsm/softhsm2.conf.template");
        let conf = dir.path().join("softhsm2.conf");
        std::fs::write(
            &conf,
            template.replace("@TOKENDIR@", tokens.to_str().unwrap()),
        )
        .unwrap();
        for sub in ["home", "config", "state", "data", "cache"] {
            std::fs::create_dir(dir.path().join(sub)).unwrap();
        }
        Hsm { dir, conf }
    }

    /// A SoftHSM2 directory with these initialised tokens (SO and user PIN from the constants).
    pub fn with_tokens(labels: &[&str]) -> Self {
        let hsm = Hsm::new();
        for label in labels {
            hsm.add_token(label);
        }
        hsm
    }

    /// Initialise one more token with `softhsm2-util`; returns its serial.
    pub fn add_token(&self, label: &str) -> String {
        let out = self
            .peer("softhsm2-util")
            .args([
                "--init-token",
                "--free",
                "--label",
                label,
                "--so-pin",
                SO_PIN,
                "--pin",
                USER_PIN,
            ])
            .output()
            .expect("softhsm2-util is installed (apt-get install softhsm2)");
        assert!(
            out.status.success(),
            "softhsm2-util: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        self.serial_of(label)
    }

    /// The serial of the token with this label, as softhsm2-util reports it.
    pub fn serial_of(&self, label: &str) -> String {
        let out = self
            .peer("softhsm2-util")
            .arg("--show-slots")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let mut serial = None;
        let mut current_serial = None;
        for line in text.lines() {
            let line = line.trim();
            if let Some(s) = line.strip_prefix("Serial number:") {
                current_serial = Some(s.trim().to_string());
            }
            if let Some(l) = line.strip_prefix("Label:") {
                if l.trim() == label.trim_end() {
                    serial = current_serial.clone();
                }
            }
        }
        serial.unwrap_or_else(|| panic!("no token labelled {label:?} in:\n{text}"))
    }

    /// A path inside the test directory.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Write a file in the test directory and return its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, contents).unwrap();
        p
    }

    /// A command with this test's environment: SOFTHSM2_CONF, HOME and XDG directories.
    pub fn peer(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.env("SOFTHSM2_CONF", &self.conf)
            .env("HOME", self.path("home"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("XDG_STATE_HOME", self.path("state"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env("XDG_CACHE_HOME", self.path("cache"))
            .env("LC_ALL", "C.UTF-8")
            .env_remove("TOKENWARD_MODULE")
            .stdin(Stdio::null());
        cmd
    }

    /// `tokenward` with TOKENWARD_MODULE pointing at SoftHSM2.
    pub fn tokenward(&self) -> Command {
        let mut cmd = self.peer(env!("CARGO_BIN_EXE_tokenward"));
        cmd.env("TOKENWARD_MODULE", SOFTHSM);
        cmd
    }

    /// Run tokenward with these arguments.
    pub fn run(&self, args: &[&str]) -> Run {
        Run::from(self.tokenward().args(args).output().expect("run tokenward"))
    }

    /// Run tokenward with these arguments and extra environment variables.
    pub fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut cmd = self.tokenward();
        cmd.args(args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        Run::from(cmd.output().expect("run tokenward"))
    }

    /// Run tokenward with these arguments and the user PIN (through `--pin-env`).
    pub fn tw(&self, args: &[&str]) -> Run {
        let mut all = args.to_vec();
        all.extend(["--pin-env", "TW_PIN"]);
        self.run_env(&all, &[("TW_PIN", USER_PIN)])
    }

    /// Run tokenward with these arguments and this standard input.
    pub fn run_stdin(&self, args: &[&str], stdin: &str) -> Run {
        use std::io::Write;
        let mut child = self
            .tokenward()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn tokenward");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        Run::from(child.wait_with_output().unwrap())
    }

    /// Run a peer program (pkcs11-tool, p11tool, openssl…) in this test's environment.
    pub fn run_peer(&self, program: &str, args: &[&str]) -> Run {
        Run::from(
            self.peer(program)
                .args(args)
                .output()
                .unwrap_or_else(|e| panic!("{program} is installed: {e}")),
        )
    }

    /// `pkcs11-tool --module SOFTHSM ARGS`.
    pub fn pkcs11_tool(&self, args: &[&str]) -> Run {
        let mut all = vec!["--module", SOFTHSM];
        all.extend_from_slice(args);
        self.run_peer("pkcs11-tool", &all)
    }

    /// `p11tool --provider SOFTHSM ARGS`.
    pub fn p11tool(&self, args: &[&str]) -> Run {
        let mut all = vec!["--provider", SOFTHSM];
        all.extend_from_slice(args);
        self.run_peer("p11tool", &all)
    }
}

/// The built test-only fault-injecting module (see p11-fault/README.md). `cargo test
/// --workspace` builds it into `target/<profile>/deps/`, next to the test executables;
/// `cargo build` also copies it to `target/<profile>/`.
pub fn fault_module() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let deps = exe.parent().unwrap();
    [deps.to_path_buf(), deps.parent().unwrap().to_path_buf()]
        .into_iter()
        .map(|d| d.join("libp11_fault.so"))
        .find(|p| p.exists())
        .expect("libp11_fault.so is built: run the tests with `cargo test --workspace`")
}

impl Hsm {
    /// tokenward loading the fault-injecting module in front of SoftHSM2, with these faults
    /// (see p11-fault/README.md) and the retry counters kept in this test's directory.
    pub fn tokenward_faulty(&self, faults: &[(&str, &str)]) -> Command {
        let mut cmd = self.tokenward();
        cmd.env("TOKENWARD_MODULE", fault_module())
            .env("P11FAULT_TARGET", SOFTHSM)
            .env("P11FAULT_STATE", self.path("p11fault-state"));
        for (k, v) in faults {
            cmd.env(k, v);
        }
        cmd
    }

    /// Run tokenward over the fault-injecting module, with the user PIN (`--pin-env`).
    pub fn tw_faulty(&self, faults: &[(&str, &str)], args: &[&str]) -> Run {
        Run::from(
            self.tokenward_faulty(faults)
                .args(args)
                .args(["--pin-env", "TW_PIN"])
                .env("TW_PIN", USER_PIN)
                .output()
                .expect("run tokenward"),
        )
    }

    /// Run tokenward over the fault-injecting module.
    pub fn run_faulty(&self, faults: &[(&str, &str)], args: &[&str]) -> Run {
        Run::from(
            self.tokenward_faulty(faults)
                .args(args)
                .output()
                .expect("run tokenward"),
        )
    }
}

/// A test path as `&str` (test paths are UTF-8).
pub fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

impl Hsm {
    /// Import the fixture PKCS#12 file `p12` (password `fixtures/password.txt`) as `label`.
    pub fn import_p12(&self, p12: &str, label: &str) {
        self.tw(&[
            "keys",
            "import",
            path(&fixture(p12)),
            "--password-file",
            path(&fixture("password.txt")),
            "--label",
            label,
        ])
        .ok();
    }

    /// Import the fixture key `NAME.key` with its certificate `NAME.pem` as `label`.
    pub fn import_pem(&self, name: &str, label: &str) {
        self.tw(&[
            "keys",
            "import",
            path(&fixture(&format!("{name}.key"))),
            "--cert",
            path(&fixture(&format!("{name}.pem"))),
            "--label",
            label,
        ])
        .ok();
    }
}

/// The repository's fixtures directory.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}
