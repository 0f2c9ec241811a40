//! Shared by the integration tests: a throwaway SoftHSM2 per test, the built fault module,
//! and running clients (pkcs11-tool, or this test binary itself) as child processes, since
//! the module is configured through the environment, which is process-wide.

#![allow(dead_code)] // each test binary uses its own part

use std::path::PathBuf;
use std::process::{Command, Output};

/// SO PIN of every test token.
pub const SO_PIN: &str = "12345678";
/// User PIN of every test token.
pub const USER_PIN: &str = "87654321";
/// A PIN that is neither.
pub const WRONG_PIN: &str = "11111111";
/// Label of the token `Hsm::with_token` makes.
pub const LABEL: &str = "fault-test";

/// The real module under the fault module.
pub use testkit::SOFTHSM;

/// The fault module, built by `cargo test` as part of this package.
pub fn fault_module() -> PathBuf {
    p11_fault::built_module().expect("libp11_fault.so not built next to the test executable")
}

/// A SoftHSM2 token directory and config of one test's own (the repository's one harness,
/// `testkit`), plus a retry state file path.
pub struct Hsm {
    soft: testkit::SoftHsm,
}

impl Hsm {
    /// An empty SoftHSM2 (no initialised token).
    pub fn new() -> Hsm {
        Hsm {
            soft: testkit::SoftHsm::new(),
        }
    }

    /// A SoftHSM2 with one token, `LABEL`, with `SO_PIN` and `USER_PIN`.
    pub fn with_token() -> Hsm {
        let hsm = Hsm::new();
        hsm.init_token(LABEL);
        hsm
    }

    /// Initialises a new token directly in SoftHSM2 (not through the fault module).
    pub fn init_token(&self, label: &str) {
        self.soft.add_token_with(label, SO_PIN, USER_PIN);
    }

    /// The serial of the token labelled `label`, as SoftHSM2 itself reports it.
    pub fn serial(&self, label: &str) -> String {
        self.soft.serial_of(label)
    }

    /// This SoftHSM2's config file.
    pub fn conf(&self) -> PathBuf {
        self.soft.conf.clone()
    }

    /// Where the retry counters of this test are kept.
    pub fn state(&self) -> PathBuf {
        self.soft.path("p11fault-state")
    }

    /// A path in this test's directory.
    pub fn path(&self, name: &str) -> PathBuf {
        self.soft.path(name)
    }

    /// A command whose environment holds this SoftHSM2, this test's retry state, `env`, and
    /// no other `P11FAULT_*` variable (whatever the developer's shell has set).
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>, env: &[(&str, &str)]) -> Command {
        let mut cmd = self.soft.command(program);
        for (name, _) in std::env::vars_os() {
            if name.to_string_lossy().starts_with("P11FAULT_") {
                cmd.env_remove(name);
            }
        }
        cmd.env("SOFTHSM2_CONF", self.conf())
            .env("P11FAULT_STATE", self.state());
        for (name, value) in env {
            cmd.env(name, value);
        }
        cmd
    }

    /// Runs `pkcs11-tool --module <fault module> args…` with `env`.
    pub fn tool(&self, env: &[(&str, &str)], args: &[&str]) -> Tool {
        let out = self
            .command("pkcs11-tool", env)
            .arg("--module")
            .arg(fault_module())
            .args(args)
            .output()
            .expect("pkcs11-tool (apt-get install opensc)");
        Tool::from(out)
    }
}

/// What a pkcs11-tool run printed.
pub struct Tool {
    /// Exit status was 0.
    pub ok: bool,
    /// stdout and stderr together.
    pub text: String,
}

impl From<Output> for Tool {
    fn from(out: Output) -> Tool {
        Tool {
            ok: out.status.success(),
            text: format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ),
        }
    }
}

impl Tool {
    /// Asserts success and returns the output.
    #[track_caller]
    pub fn success(self) -> String {
        assert!(self.ok, "expected success, got:\n{}", self.text);
        self.text
    }

    /// Asserts failure mentioning `needle` (e.g. a CKR_ name) and returns the output.
    #[track_caller]
    pub fn failure(self, needle: &str) -> String {
        assert!(!self.ok, "expected failure, got success:\n{}", self.text);
        assert!(
            self.text.contains(needle),
            "expected {needle} in:\n{}",
            self.text
        );
        self.text
    }
}

/// Panics with the command's output unless it exited 0.
#[track_caller]
pub fn assert_success(what: &str, out: &Output) {
    assert!(
        out.status.success(),
        "{what} failed ({}):\n{}{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
