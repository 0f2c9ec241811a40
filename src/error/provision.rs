//! What stops a provisioning run (a manifest for many tokens) that the commands' own errors do
//! not say. A problem in the manifest names its line; every one of them is found before any
//! token is touched.

use std::path::PathBuf;

use super::ExitCode;

/// Why `provision` refused a manifest, or one token of it.
#[derive(Debug, thiserror::Error, strum::IntoStaticStr, strum::VariantNames, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum ProvisionError {
    /// The manifest is not TOML of the manifest's shape (a misspelt key, a value of the wrong
    /// type); wrapped with its line.
    Syntax {
        /// The TOML parser's words (English).
        message: String,
    },
    /// The manifest lists no token (and no `--count` was given for station mode).
    NoTokensListed,
    /// A `[[token]]` entry names neither a serial nor `blank = true`.
    EntryWithoutToken,
    /// A `[[token]]` entry names a serial and says `blank = true`.
    SerialAndBlank,
    /// Two entries name the same serial.
    DuplicateSerial {
        /// The serial.
        serial: String,
        /// The line of the first entry.
        first_line: usize,
    },
    /// An entry has no label and the defaults give no label pattern.
    NoLabel,
    /// A label or subject pattern has a placeholder tokenward does not know.
    BadPattern {
        /// The placeholder as written.
        placeholder: String,
    },
    /// No SO or user PIN source for an entry.
    NoPinSource {
        /// `so_pin` or `user_pin`.
        field: &'static str,
    },
    /// A generated PIN length outside what the PIN policy and the tokens allow.
    GeneratedLength {
        /// `so_pin` or `user_pin`.
        field: &'static str,
        /// The length asked for.
        length: usize,
        /// The shortest allowed.
        min: usize,
        /// The longest allowed.
        max: usize,
    },
    /// PINs are generated but the manifest says nowhere to put them.
    NoPinSheet,
    /// `pin_sheet` says neither `age_recipient` nor `file`.
    EmptyPinSheet,
    /// The age recipient does not parse.
    BadRecipient {
        /// What the parser said.
        reason: String,
    },
    /// A key is generated and `csr_dir` is set, but the entry has no subject.
    NoSubject,
    /// An entry has a subject but there is no `csr_dir` to write its request to.
    NoCsrDir,
    /// A named token is initialised and its entry does not say `reinitialise = true`.
    NotBlank {
        /// Its serial.
        serial: String,
        /// Its label now.
        label: String,
    },
    /// `reinitialise = true` on an entry that names no serial.
    ReinitialiseWithoutSerial,
    /// `reinitialise = true` without `current_so_pin`.
    NoCurrentSoPin,
    /// A token named in the manifest is not plugged in.
    TokenAbsent {
        /// Its serial.
        serial: String,
    },
    /// An entry wants the next blank token and none is plugged in.
    NoBlankToken,
    /// The token was initialised in an earlier run with generated PINs, which only the PIN
    /// sheet holds.
    PinsInSheet {
        /// The PIN sheet of that run.
        sheet: PathBuf,
    },
    /// The age identity file does not open the PIN sheet.
    SheetNotOpened {
        /// The PIN sheet.
        sheet: PathBuf,
        /// Why.
        reason: String,
    },
    /// The report of an earlier run does not belong to this manifest.
    ReportMismatch {
        /// The report file.
        report: PathBuf,
    },
    /// A certificate of `--certs` matches the key of no provisioned token.
    CertMatchesNoToken {
        /// The certificate file.
        file: PathBuf,
    },
    /// Some tokens of the run failed (the report says which and how far each got).
    TokensFailed {
        /// Tokens that failed.
        failed: usize,
        /// Tokens done.
        done: usize,
        /// Tokens not started.
        not_started: usize,
    },
}

impl ProvisionError {
    /// The exit code (docs/exit-codes.md).
    pub fn exit_code(&self) -> ExitCode {
        match self {
            ProvisionError::TokenAbsent { .. } | ProvisionError::NoBlankToken => ExitCode::NoToken,
            ProvisionError::TokensFailed { .. } => ExitCode::Failure,
            _ => ExitCode::Usage,
        }
    }
}

super::catalogue::catalogued!(ProvisionError, "provision");
