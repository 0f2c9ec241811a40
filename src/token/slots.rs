//! Slots and tokens: what C_GetSlotInfo and C_GetTokenInfo say, in stable serde types with
//! every flag decoded, and the token's RFC 7512 URI (by serial, never by slot id).

use cryptoki::slot::{Slot, TokenInfo as RawTokenInfo};
use serde::Serialize;

use super::module::Module;
use crate::error::Result;
use crate::uri::{Pkcs11Uri, TokenFields};

/// One slot of one module, with its token if one is present.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SlotReport {
    /// The module serving the slot.
    pub module: String,
    /// The slot id. Not stable: it may change after C_InitToken or a replug.
    pub slot_id: u64,
    /// Slot description (the reader's name for smart cards).
    pub description: String,
    /// Slot manufacturer.
    pub manufacturer: String,
    /// The slot is a removable device (a reader).
    pub removable: bool,
    /// The slot is a hardware slot.
    pub hardware: bool,
    /// The token in the slot, if any.
    pub token: Option<TokenReport>,
    /// Why the token could not be read, when it is present but C_GetTokenInfo failed.
    pub token_error: Option<String>,
}

/// Everything C_GetTokenInfo says about one token.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct TokenReport {
    /// Label, trailing spaces trimmed.
    pub label: String,
    /// Manufacturer.
    pub manufacturer: String,
    /// Model.
    pub model: String,
    /// Serial number: the token's stable identity.
    pub serial: String,
    /// Hardware version `major.minor`.
    pub hardware_version: String,
    /// Firmware version `major.minor`.
    pub firmware_version: String,
    /// Free public memory in bytes, when the token says.
    pub free_public_memory: Option<u64>,
    /// Total public memory in bytes, when the token says.
    pub total_public_memory: Option<u64>,
    /// Free private memory in bytes, when the token says.
    pub free_private_memory: Option<u64>,
    /// Total private memory in bytes, when the token says.
    pub total_private_memory: Option<u64>,
    /// Shortest PIN the token accepts.
    pub min_pin_length: u64,
    /// Longest PIN the token accepts.
    pub max_pin_length: u64,
    /// Every state flag.
    pub flags: TokenFlags,
    /// The state as stable ids, most important first (`ready`, `login_required`,
    /// `user_pin_locked`, …; docs/json.md lists them).
    pub state: Vec<String>,
    /// The token's PKCS#11 URI.
    pub uri: String,
}

/// The token flags (CKF_…), decoded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct TokenFlags {
    /// CKF_TOKEN_INITIALIZED.
    pub token_initialized: bool,
    /// CKF_USER_PIN_INITIALIZED.
    pub user_pin_initialized: bool,
    /// CKF_USER_PIN_TO_BE_CHANGED.
    pub user_pin_to_be_changed: bool,
    /// CKF_USER_PIN_COUNT_LOW.
    pub user_pin_count_low: bool,
    /// CKF_USER_PIN_FINAL_TRY.
    pub user_pin_final_try: bool,
    /// CKF_USER_PIN_LOCKED.
    pub user_pin_locked: bool,
    /// CKF_SO_PIN_TO_BE_CHANGED.
    pub so_pin_to_be_changed: bool,
    /// CKF_SO_PIN_COUNT_LOW.
    pub so_pin_count_low: bool,
    /// CKF_SO_PIN_FINAL_TRY.
    pub so_pin_final_try: bool,
    /// CKF_SO_PIN_LOCKED.
    pub so_pin_locked: bool,
    /// CKF_LOGIN_REQUIRED.
    pub login_required: bool,
    /// CKF_PROTECTED_AUTHENTICATION_PATH (PIN pad).
    pub protected_authentication_path: bool,
    /// CKF_WRITE_PROTECTED.
    pub write_protected: bool,
    /// CKF_RNG.
    pub rng: bool,
    /// CKF_CLOCK_ON_TOKEN.
    pub clock_on_token: bool,
}

impl TokenFlags {
    fn from_raw(info: &RawTokenInfo) -> Self {
        TokenFlags {
            token_initialized: info.token_initialized(),
            user_pin_initialized: info.user_pin_initialized(),
            user_pin_to_be_changed: info.user_pin_to_be_changed(),
            user_pin_count_low: info.user_pin_count_low(),
            user_pin_final_try: info.user_pin_final_try(),
            user_pin_locked: info.user_pin_locked(),
            so_pin_to_be_changed: info.so_pin_to_be_changed(),
            so_pin_count_low: info.so_pin_count_low(),
            so_pin_final_try: info.so_pin_final_try(),
            so_pin_locked: info.so_pin_locked(),
            login_required: info.login_required(),
            protected_authentication_path: info.protected_authentication_path(),
            write_protected: info.write_protected(),
            rng: info.rng(),
            clock_on_token: info.clock_on_token(),
        }
    }

    /// The flags in plain words, the ones that need action first.
    pub fn describe(&self) -> Vec<String> {
        if !self.token_initialized {
            return vec!["not_initialized".into()];
        }
        let mut out: Vec<&str> = Vec::new();
        if self.user_pin_locked {
            out.push("user_pin_locked");
        } else if self.user_pin_final_try {
            out.push("user_pin_final_try");
        } else if self.user_pin_count_low {
            out.push("user_pin_count_low");
        }
        if self.so_pin_locked {
            out.push("so_pin_locked");
        } else if self.so_pin_final_try {
            out.push("so_pin_final_try");
        } else if self.so_pin_count_low {
            out.push("so_pin_count_low");
        }
        if !self.user_pin_initialized {
            out.push("user_pin_not_set");
        }
        if self.user_pin_to_be_changed {
            out.push("user_pin_to_be_changed");
        }
        if self.so_pin_to_be_changed {
            out.push("so_pin_to_be_changed");
        }
        if self.write_protected {
            out.push("write_protected");
        }
        if self.protected_authentication_path {
            out.push("pin_pad");
        }
        if out.is_empty() {
            out.push("ready");
        }
        if self.login_required {
            out.push("login_required");
        }
        out.into_iter().map(String::from).collect()
    }
}

impl TokenReport {
    /// Decode C_GetTokenInfo.
    pub fn from_raw(info: &RawTokenInfo) -> Self {
        let flags = TokenFlags::from_raw(info);
        let mut report = TokenReport {
            label: info.label().trim_end_matches(' ').to_string(),
            manufacturer: info.manufacturer_id().trim_end_matches(' ').to_string(),
            model: info.model().trim_end_matches(' ').to_string(),
            serial: info.serial_number().trim_end_matches(' ').to_string(),
            hardware_version: info.hardware_version().to_string(),
            firmware_version: info.firmware_version().to_string(),
            free_public_memory: info.free_public_memory().map(|v| v as u64),
            total_public_memory: info.total_public_memory().map(|v| v as u64),
            free_private_memory: info.free_private_memory().map(|v| v as u64),
            total_private_memory: info.total_private_memory().map(|v| v as u64),
            min_pin_length: info.min_pin_length() as u64,
            max_pin_length: info.max_pin_length() as u64,
            state: flags.describe(),
            flags,
            uri: String::new(),
        };
        report.uri = report.uri().to_string();
        report
    }

    /// The fields a URI is matched against.
    pub fn fields(&self) -> TokenFields<'_> {
        TokenFields {
            label: &self.label,
            manufacturer: &self.manufacturer,
            serial: &self.serial,
            model: &self.model,
        }
    }

    /// The token's URI: model, manufacturer, serial and label.
    pub fn uri(&self) -> Pkcs11Uri {
        Pkcs11Uri {
            model: Some(self.model.clone()),
            manufacturer: Some(self.manufacturer.clone()),
            serial: Some(self.serial.clone()),
            token: Some(self.label.clone()),
            ..Pkcs11Uri::default()
        }
    }
}

/// Every slot of a module, with or without a token.
///
/// # Errors
/// The module's errors.
pub fn list_slots(module: &Module) -> Result<Vec<(Slot, SlotReport)>> {
    let ctx = module.ctx();
    let mut out = Vec::new();
    for slot in crate::trace::pkcs11("C_GetSlotList", None, || ctx.get_all_slots())? {
        // One slot failing (a card another program holds answers C_GetSlotInfo with
        // CKR_DEVICE_ERROR through OpenSC) does not hide the others.
        let info =
            match crate::trace::pkcs11("C_GetSlotInfo", Some(slot), || ctx.get_slot_info(slot)) {
                Ok(info) => info,
                Err(e) => {
                    out.push((slot, unreadable_slot(module, slot, e)));
                    continue;
                }
            };
        let (token, token_error) = if info.token_present() {
            match crate::trace::pkcs11("C_GetTokenInfo", Some(slot), || ctx.get_token_info(slot)) {
                Ok(t) => (Some(TokenReport::from_raw(&t)), None),
                Err(e) => (None, Some(crate::error::Error::from(e).to_string())),
            }
        } else {
            (None, None)
        };
        out.push((
            slot,
            SlotReport {
                module: module.path().display().to_string(),
                slot_id: slot.id(),
                description: info.slot_description().trim_end().to_string(),
                manufacturer: info.manufacturer_id().trim_end().to_string(),
                removable: info.removable_device(),
                hardware: info.hardware_slot(),
                token,
                token_error,
            },
        ));
    }
    Ok(out)
}

/// A slot whose C_GetSlotInfo failed: no description, the failure as its token error.
fn unreadable_slot(module: &Module, slot: Slot, e: cryptoki::error::Error) -> SlotReport {
    SlotReport {
        module: module.path().display().to_string(),
        slot_id: slot.id(),
        description: String::new(),
        manufacturer: String::new(),
        removable: true,
        hardware: true,
        token: None,
        token_error: Some(crate::error::Error::from(e).to_string()),
    }
}

/// Human-readable memory figure.
pub fn describe_memory(free: Option<u64>, total: Option<u64>) -> String {
    match (free, total) {
        (Some(f), Some(t)) => crate::fl!("memory-free-of", free = bytes(f), total = bytes(t)),
        (None, Some(t)) => crate::fl!("memory-total", total = bytes(t)),
        (Some(f), None) => crate::fl!("memory-free", free = bytes(f)),
        (None, None) => crate::fl!("memory-not-reported"),
    }
}

fn bytes(n: u64) -> String {
    if n >= 1 << 20 {
        format!("{:.1} MiB", n as f64 / (1u64 << 20) as f64)
    } else if n >= 1 << 10 {
        format!("{:.1} KiB", n as f64 / 1024.0)
    } else {
        format!("{n} B")
    }
}
