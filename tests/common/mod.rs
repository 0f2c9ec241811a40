//! tokenward's side of the repository's one test harness (`testkit`): a throwaway SoftHSM2
//! per test, and the real `tokenward` binary run in its environment.
#![allow(dead_code, unused_imports)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub mod card;

pub use testkit::terminal::Terminal;
pub use testkit::{path, Run, SoftHsm, SOFTHSM, SO_PIN, USER_PIN};

/// A throwaway SoftHSM2 installation (see [`SoftHsm`]) that runs tokenward.
pub struct Hsm(pub SoftHsm);

impl std::ops::Deref for Hsm {
    type Target = SoftHsm;
    fn deref(&self) -> &SoftHsm {
        &self.0
    }
}

impl Hsm {
    /// An empty SoftHSM2 directory (SoftHSM2 still shows one blank, uninitialised slot).
    pub fn new() -> Self {
        Hsm(SoftHsm::new())
    }

    /// A SoftHSM2 directory with these initialised tokens (SO and user PIN from the constants).
    pub fn with_tokens(labels: &[&str]) -> Self {
        Hsm(SoftHsm::with_tokens(labels))
    }

    /// A command with this test's environment.
    pub fn peer(&self, program: &str) -> Command {
        self.command(program)
    }

    /// `tokenward` with TOKENWARD_MODULE pointing at SoftHSM2.
    pub fn tokenward(&self) -> Command {
        let mut cmd = self.peer(env!("CARGO_BIN_EXE_tokenward"));
        cmd.env("TOKENWARD_MODULE", *SOFTHSM);
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
            .env("P11FAULT_TARGET", *SOFTHSM)
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
        self.run_faulty_env(faults, args, &[])
    }

    /// Run tokenward over the fault-injecting module with extra environment variables.
    pub fn run_faulty_env(
        &self,
        faults: &[(&str, &str)],
        args: &[&str],
        env: &[(&str, &str)],
    ) -> Run {
        let mut cmd = self.tokenward_faulty(faults);
        cmd.args(args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        Run::from(cmd.output().expect("run tokenward"))
    }
}

impl Hsm {
    /// tokenward on a pseudo-terminal (util-linux `script`) with `LANG=lang`; `args` is a
    /// shell command line after `tokenward`. The user PIN is in `TW_PIN` for `--pin-env TW_PIN`.
    /// Answer its questions with [`Terminal::answer`], then [`Terminal::finish`].
    pub fn on_terminal(&self, lang: &str, args: &str) -> Terminal {
        let cmd = format!("{} {args}", env!("CARGO_BIN_EXE_tokenward"));
        self.shell_on_terminal(lang, &cmd)
    }

    /// A shell command line (run by `sh`) on a pseudo-terminal, in this test's environment.
    pub fn shell_on_terminal(&self, lang: &str, shell_command: &str) -> Terminal {
        let mut command = self.command("timeout");
        command
            .env("TOKENWARD_MODULE", *SOFTHSM)
            .env_remove("LC_ALL")
            .env("LANG", lang)
            .env("TW_PIN", USER_PIN)
            .env("SHELL", "/bin/sh");
        Terminal::start(command, shell_command)
    }
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

/// The schema of a command's `--json` output (see `tokenward::ops::schema`).
pub fn schema_of(command: &str) -> serde_json::Value {
    let (_, s) = tokenward::ops::schema::all()
        .into_iter()
        .find(|(c, _)| *c == command)
        .unwrap_or_else(|| panic!("no schema for {command}"));
    serde_json::to_value(s).unwrap()
}

/// Assert that `doc` is what `command --json` may print.
pub fn assert_schema(command: &str, doc: &serde_json::Value) {
    let schema = schema_of(command);
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "`{command} --json` does not match its schema:\n{}\n{doc:#}",
        errors.join("\n")
    );
}

/// Does a `doctor --json` report hold a finding with this id and severity?
pub fn has_finding(doc: &serde_json::Value, id: &str, severity: &str) -> bool {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["id"] == id && f["severity"] == severity)
}

/// The steps of a `setup --json` report, in order, are these with these statuses.
pub fn assert_setup_steps(report: &serde_json::Value, expected: &[(&str, &str)]) {
    let steps: Vec<(&str, &str)> = report["steps"]
        .as_array()
        .expect("a setup report")
        .iter()
        .map(|s| (s["step"].as_str().unwrap(), s["status"].as_str().unwrap()))
        .collect();
    assert_eq!(steps, expected, "{report:#}");
}

/// The CKA_ID (hex) of the certificate labelled `label` in a `certs list --json` document.
pub fn cert_id(list: &serde_json::Value, label: &str) -> String {
    list["certificates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["label"] == label)
        .unwrap_or_else(|| panic!("no certificate {label:?} in {list:#}"))["id"]
        .as_str()
        .unwrap()
        .to_string()
}
