//! The one test harness of the repository, shared by `tests/`, `benches/` and
//! `p11-fault/tests`: every user gets its own SoftHSM2 directory (its own `SOFTHSM2_CONF`),
//! its own HOME and XDG directories, and runs real programs in that environment, so tests run
//! in parallel without sharing state.
//!
//! The PKCS#11 module under test is SoftHSM2's, or the one `TOKENWARD_TEST_MODULE` names.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::LazyLock;

use tempfile::TempDir;

pub mod cards;
pub mod terminal;

/// The variable that names another PKCS#11 module for the tests.
pub const MODULE_ENV: &str = "TOKENWARD_TEST_MODULE";

/// The module the tests drive: `TOKENWARD_TEST_MODULE`, else SoftHSM2 on Debian.
pub static SOFTHSM: LazyLock<&'static str> = LazyLock::new(|| {
    let path =
        std::env::var(MODULE_ENV).unwrap_or_else(|_| "/usr/lib/softhsm/libsofthsm2.so".to_string());
    Box::leak(path.into_boxed_str())
});

/// SO PIN of harness tokens (test value only).
pub const SO_PIN: &str = "so-pin-1234";
/// User PIN of harness tokens (test value only).
pub const USER_PIN: &str = "user-pin-1234";

/// The SoftHSM2 configuration template of the repository.
pub const CONF_TEMPLATE: &str = include_str!("../../softhsm/softhsm2.conf.template");

/// The outcome of running a program.
#[derive(Debug)]
pub struct Run {
    /// Exit code (-1 when killed by a signal).
    pub code: i32,
    /// Standard output, as text.
    pub stdout: String,
    /// Standard error, as text.
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

    /// Standard output parsed as JSON.
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

/// A throwaway SoftHSM2 installation with its own HOME and XDG directories.
pub struct SoftHsm {
    /// The directory everything lives in (removed on drop).
    pub dir: TempDir,
    /// Its `softhsm2.conf`.
    pub conf: PathBuf,
}

impl Default for SoftHsm {
    fn default() -> Self {
        Self::new()
    }
}

impl SoftHsm {
    /// An empty SoftHSM2 directory (SoftHSM2 still shows one blank, uninitialised slot).
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let tokens = dir.path().join("tokens");
        std::fs::create_dir(&tokens).unwrap();
        let conf = dir.path().join("softhsm2.conf");
        std::fs::write(
            &conf,
            CONF_TEMPLATE.replace("@TOKENDIR@", tokens.to_str().unwrap()),
        )
        .unwrap();
        for sub in ["home", "config", "state", "data", "cache"] {
            std::fs::create_dir(dir.path().join(sub)).unwrap();
        }
        SoftHsm { dir, conf }
    }

    /// A SoftHSM2 directory with these initialised tokens ([`SO_PIN`], [`USER_PIN`]).
    pub fn with_tokens(labels: &[&str]) -> Self {
        let hsm = SoftHsm::new();
        for label in labels {
            hsm.add_token(label);
        }
        hsm
    }

    /// Initialise one more token with `softhsm2-util`; returns its serial.
    pub fn add_token(&self, label: &str) -> String {
        self.add_token_with(label, SO_PIN, USER_PIN)
    }

    /// Initialise one more token with these PINs; returns its serial.
    pub fn add_token_with(&self, label: &str, so_pin: &str, user_pin: &str) -> String {
        let out = self
            .command("softhsm2-util")
            .args(["--init-token", "--free", "--label", label])
            .args(["--so-pin", so_pin, "--pin", user_pin])
            .output()
            .expect("run softhsm2-util");
        assert!(
            out.status.success(),
            "softhsm2-util --init-token failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        self.serial_of(label)
    }

    /// The serial of the token labelled `label`, from `softhsm2-util --show-slots`.
    pub fn serial_of(&self, label: &str) -> String {
        let out = self
            .command("softhsm2-util")
            .arg("--show-slots")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let mut serial = None;
        let mut current = None;
        for line in text.lines() {
            let line = line.trim();
            if let Some(s) = line.strip_prefix("Serial number:") {
                current = Some(s.trim().to_string());
            }
            if let Some(l) = line.strip_prefix("Label:") {
                if l.trim() == label.trim_end() {
                    serial = current.clone();
                }
            }
        }
        serial.unwrap_or_else(|| panic!("no token labelled {label:?} in:\n{text}"))
    }

    /// A path inside the directory.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Write a file inside the directory; returns its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, contents).unwrap();
        p
    }

    /// A command with this directory's environment: SOFTHSM2_CONF, HOME and XDG
    /// directories, a UTF-8 C locale, a fixed time zone (POSIX `MSK-3`, which needs no tzdata)
    /// so that times shown to people are the same on every machine, no inherited
    /// TOKENWARD_MODULE, no standard input.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut cmd = Command::new(program);
        cmd.env("SOFTHSM2_CONF", &self.conf)
            .env("HOME", self.path("home"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("XDG_STATE_HOME", self.path("state"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env("XDG_CACHE_HOME", self.path("cache"))
            .env("LC_ALL", "C.UTF-8")
            .env("TZ", "MSK-3")
            .env_remove("TOKENWARD_MODULE")
            .stdin(Stdio::null());
        cmd
    }

    /// Run a program in this directory's environment.
    pub fn run_peer(&self, program: &str, args: &[&str]) -> Run {
        Run::from(
            self.command(program)
                .args(args)
                .output()
                .unwrap_or_else(|e| panic!("run {program}: {e}")),
        )
    }

    /// `pkcs11-tool --module MODULE ARGS`.
    pub fn pkcs11_tool(&self, args: &[&str]) -> Run {
        let mut all = vec!["--module", *SOFTHSM];
        all.extend_from_slice(args);
        self.run_peer("pkcs11-tool", &all)
    }

    /// `pkcs11-tool --sign` (see [`pkcs11_tool_sign_args`]).
    pub fn pkcs11_tool_sign(&self, by: [&str; 2], input: &str, output: &str) -> Run {
        self.pkcs11_tool(&pkcs11_tool_sign_args(by, input, output))
    }

    /// `p11tool --provider MODULE ARGS`.
    pub fn p11tool(&self, args: &[&str]) -> Run {
        let mut all = vec!["--provider", *SOFTHSM];
        all.extend_from_slice(args);
        self.run_peer("p11tool", &all)
    }
}

/// A path as `&str` (test paths are UTF-8).
pub fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The arguments (after `--module`) of `pkcs11-tool --sign` over `input` into `output` with
/// RSA PKCS#1 v1.5 SHA-256 (the token hashes), by the key `by` names (`["--label", "rsa"]`,
/// `["--id", "01"]`), logged in with [`USER_PIN`].
pub fn pkcs11_tool_sign_args<'a>(
    by: [&'a str; 2],
    input: &'a str,
    output: &'a str,
) -> Vec<&'a str> {
    vec![
        "--login",
        "--pin",
        USER_PIN,
        "--sign",
        "-m",
        "SHA256-RSA-PKCS",
        by[0],
        by[1],
        "-i",
        input,
        "-o",
        output,
    ]
}
