//! The report of a provisioning run: per token, what was done and what was not. It is written
//! (atomically) after every step, so a re-run skips what is done and a crashed run resumes
//! where it stopped; it is also the command's JSON and CSV output.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorBody, ProvisionError, Result};
use crate::files::{read_input, write_atomic, Access};

/// A step of provisioning one token, in order.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Step {
    /// Label and SO PIN set (C_InitToken), user PIN set (C_InitPIN).
    Initialised,
    /// The key pair made on the token.
    KeyGenerated,
    /// The certificate request written to `csr_dir`.
    CsrWritten,
    /// The issued certificate put on the token (`--certs`).
    CertificateImported,
}

/// Where one token stands.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Status {
    /// Every step is done (in this run).
    Done,
    /// Every step was done by an earlier run; nothing was touched.
    AlreadyDone,
    /// A step failed; `steps` says what was done.
    Failed,
    /// The run stopped before this token.
    NotStarted,
}

/// One token of the run.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TokenResult {
    /// The entry's number in the manifest (1-based).
    pub number: usize,
    /// The entry's line in the manifest (0: made from the defaults, station mode).
    pub line: usize,
    /// The token's label.
    pub label: String,
    /// Its serial, once known.
    pub serial: Option<String>,
    /// Where it stands.
    pub status: Status,
    /// The steps done, in order (over every run).
    pub steps: Vec<Step>,
    /// The steps this entry needs.
    pub planned: Vec<Step>,
    /// The key's CKA_ID in hex, once generated.
    pub key_id: Option<String>,
    /// The certificate request written.
    pub csr: Option<PathBuf>,
    /// SHA-256 of the certificate imported, hex.
    pub certificate_sha256: Option<String>,
    /// The PIN sheet holding this token's generated PINs.
    pub pin_sheet: Option<PathBuf>,
    /// The user PIN is marked to be changed at first use: `null` when not asked, `false` when
    /// the module cannot.
    pub user_pin_must_change: Option<bool>,
    /// Objects made in a failed step and removed again (`key pair`).
    pub rolled_back: Vec<String>,
    /// Why it failed.
    #[serde(skip_deserializing)]
    pub error: Option<ErrorBody>,
    /// Why it failed, in the person's language (not in the JSON).
    #[serde(skip)]
    pub problem: Option<String>,
}

impl TokenResult {
    /// A token with nothing done yet.
    pub fn new(number: usize, line: usize, label: &str, planned: Vec<Step>) -> Self {
        TokenResult {
            number,
            line,
            label: label.to_string(),
            serial: None,
            status: Status::NotStarted,
            steps: Vec::new(),
            planned,
            key_id: None,
            csr: None,
            certificate_sha256: None,
            pin_sheet: None,
            user_pin_must_change: None,
            rolled_back: Vec::new(),
            error: None,
            problem: None,
        }
    }

    /// `step` is done.
    pub fn has(&self, step: Step) -> bool {
        self.steps.contains(&step)
    }

    /// Every planned step is done.
    pub fn complete(&self) -> bool {
        self.planned.iter().all(|s| self.has(*s))
    }

    /// Record `step` as done.
    pub fn done(&mut self, step: Step) {
        if !self.has(step) {
            self.steps.push(step);
            self.steps.sort();
        }
    }

    /// Record the failure.
    pub fn failed(&mut self, e: &Error) {
        self.status = Status::Failed;
        self.error = Some(e.document().error);
        self.problem = Some(e.problem());
    }
}

/// The whole run.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ProvisionReport {
    /// The manifest.
    pub manifest: PathBuf,
    /// The report file.
    pub report: PathBuf,
    /// The PIN sheet this run wrote, if it generated PINs.
    pub pin_sheet: Option<PathBuf>,
    /// Each token.
    pub tokens: Vec<TokenResult>,
}

impl ProvisionReport {
    /// The report of an earlier run at `path`, if there is one.
    ///
    /// # Errors
    /// It cannot be read or parsed, or belongs to another manifest.
    pub fn load(path: &Path, manifest: &Path) -> Result<Option<ProvisionReport>> {
        if std::fs::symlink_metadata(path).is_err() {
            return Ok(None);
        }
        let data = read_input(path, 1 << 26)?;
        let mismatch = || ProvisionError::ReportMismatch {
            report: path.to_path_buf(),
        };
        let report: ProvisionReport = serde_json::from_slice(&data).map_err(|_| mismatch())?;
        let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => a == b,
        };
        if !same(&report.manifest, manifest) {
            return Err(mismatch().into());
        }
        Ok(Some(report))
    }

    /// Write it (atomically).
    ///
    /// # Errors
    /// The file cannot be written.
    pub fn save(&self) -> Result<()> {
        let mut json =
            serde_json::to_vec_pretty(self).map_err(|e| crate::error::Internal::Encode {
                what: "the provisioning report",
                reason: e.to_string(),
            })?;
        json.push(b'\n');
        write_atomic(&self.report, &json, Access::Public)
    }

    /// How many tokens stand where.
    pub fn count(&self, status: Status) -> usize {
        self.tokens.iter().filter(|t| t.status == status).count()
    }

    /// The report as CSV (one line per token; the steps joined with `+`).
    pub fn csv(&self) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        let _ = w.write_record([
            "number", "label", "serial", "status", "steps", "key_id", "csr", "error",
        ]);
        for t in &self.tokens {
            let steps: Vec<&str> = t.steps.iter().map(|s| s.into()).collect();
            let status: &str = t.status.into();
            let _ = w.write_record([
                t.number.to_string().as_str(),
                &t.label,
                t.serial.as_deref().unwrap_or(""),
                status,
                &steps.join("+"),
                t.key_id.as_deref().unwrap_or(""),
                &t.csr
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default(),
                t.error.as_ref().map(|e| e.message.as_str()).unwrap_or(""),
            ]);
        }
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
    }
}
