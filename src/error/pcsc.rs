//! Failures of the smart-card service (PC/SC): what stands between a card reader and the
//! PKCS#11 modules that talk to cards.

/// The PC/SC service or a reader could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum PcscError {
    /// pcsc-lite's daemon is not installed on this computer.
    #[error("the smart-card service (pcscd) is not installed")]
    NotInstalled,
    /// pcscd is installed but nothing answers on its socket.
    #[error("the smart-card service (pcscd) is not running")]
    NotRunning,
    /// The PC/SC library answered with an error.
    #[error("the smart-card service failed: {detail}")]
    Failed {
        /// pcsc-lite's words.
        detail: String,
    },
}

impl PcscError {
    /// What to do about it on this system.
    pub fn hint(&self) -> Option<String> {
        Some(match self {
            PcscError::NotInstalled => {
                "install it: `sudo apt install pcscd` (Debian, Ubuntu) or `sudo dnf install pcsc-lite` (Fedora)".into()
            }
            PcscError::NotRunning => start_command().into(),
            PcscError::Failed { .. } => {
                format!("restart the service ({}), then run `tokenward doctor`", start_command())
            }
        })
    }
}

/// The command that starts pcscd on this system: socket activation where systemd runs,
/// else the daemon itself.
pub fn start_command() -> &'static str {
    if std::path::Path::new("/run/systemd/system").exists() {
        "start it: `sudo systemctl enable --now pcscd.socket`"
    } else {
        "start it: `sudo pcscd`"
    }
}
