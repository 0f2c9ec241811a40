//! The configuration file: `$XDG_CONFIG_HOME/tokenward/config.toml` (or `--config FILE`, or
//! `TOKENWARD_CONFIG`).
//!
//! ```toml
//! module = "/usr/lib/librtpkcs11ecp.so"   # default PKCS#11 module
//! token = "pkcs11:serial=3a5b7c9d"        # default token selector
//! audit_log = "/var/log/tokenward/audit.log"
//!
//! [policy]                                # an admin may tighten the PIN policy, never loosen it
//! min_length = 10
//! require_upper = true
//!
//! [[pin_profile]]                         # relax the PIN rule for one token model, explicitly
//! model = "PIV"                           # as C_GetTokenInfo (`tokenward tokens`) says
//! manufacturer = "Example Corp"           # optional
//! rule = "digits-6-8"                     # 6 to 8 digits
//!
//! [tokens."3a5b7c9d"]                     # settings per token, keyed by serial
//! default_cert = "f4eea7b5…"              # its SHA-256 fingerprint, as `certs show` prints it
//! default_cert_id = "f2acfe1a…"           # optional: its CKA_ID, where it is looked for first
//!
//! [recovery]                              # PIN recovery with a Google account
//! client_id = "….apps.googleusercontent.com"
//! client_secret = "…"                     # issuer, gmail_base: Google's unless set
//! sign_in_timeout_seconds = 300
//! ```
//! A key or section tokenward does not know is an error that names its line (a misspelt
//! `[polcy]` must not silently leave the stricter policy off), and a file named by `--config`
//! or `TOKENWARD_CONFIG` must exist; only the default location may be absent.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Internal, Result};
use crate::pin::{PinPolicy, PolicyOverrides};

/// The environment variable naming the config file.
pub const CONFIG_ENV: &str = "TOKENWARD_CONFIG";

/// The parsed configuration.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Default PKCS#11 module.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub module: Option<PathBuf>,
    /// Default token selector (URI, label or serial).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// Where the audit log goes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audit_log: Option<PathBuf>,
    /// PIN policy tightenings.
    #[serde(skip_serializing_if = "is_default")]
    pub policy: PolicyOverrides,
    /// Settings per token, keyed by serial number.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub tokens: BTreeMap<String, TokenSettings>,
    /// PIN profiles an admin set for token models that cannot take the standard PIN rule.
    #[serde(rename = "pin_profile", skip_serializing_if = "Vec::is_empty")]
    pub pin_profiles: Vec<PinProfileRule>,
    /// Recovery: the OpenID provider, the OAuth client, the Gmail API (Google's by default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recovery: Option<crate::recovery::RecoveryConfig>,
}

/// Settings for one token (by serial).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TokenSettings {
    /// The default certificate: its SHA-256 fingerprint, 64 hex digits (read in any case,
    /// with or without colons, and kept in lower case).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "fingerprint"
    )]
    pub default_cert: Option<String>,
    /// Where the default certificate is looked for first: its CKA_ID in hex, which `certs
    /// select` keeps beside its fingerprint in the state (an administrator may set it beside
    /// `default_cert`). A hint only: the fingerprint decides.
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "hex_id")]
    pub default_cert_id: Option<String>,
}

/// `default_cert`: a SHA-256 fingerprint, normalised; anything else names its line (a value
/// that could never match would silently leave the default unused).
fn fingerprint<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<String>, D::Error> {
    hex_setting(
        d,
        |hex| hex.len() == 64,
        |text| crate::fl!("config-default-cert-not-fingerprint", value = text),
    )
}

/// `default_cert_id`: hex digits, normalised.
fn hex_id<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Option<String>, D::Error> {
    hex_setting(
        d,
        |hex| !hex.is_empty() && hex.len() % 2 == 0,
        |text| crate::fl!("config-default-cert-id-not-hex", value = text),
    )
}

/// A setting in hex, read as [`crate::token::find::hexish`] reads it (any case, colons): hex
/// digits of a length `fits`, else refused with `refusal`'s words for what was written.
fn hex_setting<'de, D: serde::Deserializer<'de>>(
    d: D,
    fits: impl Fn(&str) -> bool,
    refusal: impl Fn(String) -> String,
) -> std::result::Result<Option<String>, D::Error> {
    let text = String::deserialize(d)?;
    let hex = crate::token::find::hexish(&text);
    if fits(&hex) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(Some(hex))
    } else {
        Err(serde::de::Error::custom(refusal(text)))
    }
}

/// `[[pin_profile]]`: the PIN rule for every token of one model.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct PinProfileRule {
    /// The token model (CKA model of C_GetTokenInfo, trimmed).
    pub model: String,
    /// The manufacturer too, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manufacturer: Option<String>,
    /// The profile (`digits-6-8`).
    pub rule: String,
}

/// The text of `path`, or `None` when there is no such file.
///
/// # Errors
/// The file exists and cannot be read.
pub(crate) fn read_if_there(path: &Path) -> Result<Option<String>> {
    match std::fs::read_to_string(path) {
        Ok(t) => Ok(Some(t)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(Error::Io {
            action: "read",
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// A TOML error's message with the line it is on (`line 3: unknown field \`polcy\``).
pub(crate) fn with_line(text: &str, e: &toml::de::Error) -> String {
    match e.span() {
        Some(span) => {
            let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
            format!("line {line}: {}", e.message())
        }
        None => e.message().to_string(),
    }
}

/// Save `value` as TOML at `path` atomically (a temporary file next to it, then rename). What
/// the file already says in the same words (comments, layout, order) is kept: only the values
/// that changed are written (`toml_edit`).
///
/// # Errors
/// `value` cannot be encoded or the file written.
pub(crate) fn save_toml<T: Serialize>(value: &T, path: &Path, what: &'static str) -> Result<()> {
    let encode = |reason: String| Internal::Encode { what, reason };
    let new: toml_edit::DocumentMut = toml::to_string_pretty(value)
        .map_err(|e| encode(e.to_string()))?
        .parse()
        .map_err(|e: toml_edit::TomlError| encode(e.to_string()))?;
    let mut doc: toml_edit::DocumentMut = std::fs::read_to_string(path)
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or_default();
    merge(doc.as_table_mut(), new.as_table());
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            action: "write",
            path: path.to_path_buf(),
            source,
        })?;
    }
    // A new temporary file (never one planted at a guessable name), synced and renamed.
    crate::files::write_atomic(
        path,
        doc.to_string().as_bytes(),
        crate::files::Access::Private,
    )
}

/// Run `work` (load, change, save `path`) under an exclusive lock on `path.lock`, so that two
/// processes changing the file at once both keep their change.
///
/// # Errors
/// The lock cannot be taken; `work`'s.
pub(crate) fn locked(path: &Path, work: impl FnOnce() -> Result<()>) -> Result<()> {
    let io = |source| Error::Io {
        action: "write",
        path: path.to_path_buf(),
        source,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let mut lock_path = path.as_os_str().to_owned();
    lock_path.push(".lock");
    let lock = crate::files::open_lock(Path::new(&lock_path)).map_err(io)?;
    rustix::fs::flock(&lock, rustix::fs::FlockOperation::LockExclusive)
        .map_err(|e| io(e.into()))?;
    work()
    // The lock goes with `lock`.
}

/// Write `new`'s values into `old`: unchanged values keep their comments and place, changed
/// ones are replaced, new ones added, and those `new` no longer has removed.
fn merge(old: &mut toml_edit::Table, new: &toml_edit::Table) {
    let gone: Vec<String> = old
        .iter()
        .map(|(k, _)| k.to_string())
        .filter(|k| !new.contains_key(k))
        .collect();
    for key in gone {
        old.remove(&key);
    }
    for (key, item) in new.iter() {
        match (old.get_mut(key), item) {
            (Some(toml_edit::Item::Table(o)), toml_edit::Item::Table(n)) => merge(o, n),
            (Some(toml_edit::Item::Value(o)), toml_edit::Item::Value(n))
                if o.to_string().trim() == n.to_string().trim() => {}
            (Some(toml_edit::Item::Value(o)), toml_edit::Item::Value(n)) => {
                // The value changes; the comment after it stays.
                let decor = o.decor().clone();
                *o = n.clone();
                *o.decor_mut() = decor;
            }
            _ => {
                old.insert(key, item.clone());
            }
        }
    }
}

fn is_default(p: &PolicyOverrides) -> bool {
    *p == PolicyOverrides::default()
}

impl Config {
    /// The config file path: `explicit`, else `TOKENWARD_CONFIG`, else the XDG config dir.
    pub fn path(explicit: Option<&Path>) -> Option<PathBuf> {
        Self::named(explicit).or_else(Self::default_path)
    }

    /// The default location, in the XDG config directory (it may be absent).
    pub fn default_path() -> Option<PathBuf> {
        directories::BaseDirs::new().map(|d| d.config_dir().join("tokenward").join("config.toml"))
    }

    /// The file the person named (`explicit`, else `TOKENWARD_CONFIG`), which must exist.
    pub fn named(explicit: Option<&Path>) -> Option<PathBuf> {
        explicit.map(Path::to_path_buf).or_else(|| {
            std::env::var_os(CONFIG_ENV)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
    }

    /// Load a file the person named: a missing one is an error, not an empty configuration.
    ///
    /// # Errors
    /// As [`Config::load`], and a missing file.
    pub fn load_named(path: &Path) -> Result<Config> {
        let text = read_if_there(path)?.ok_or_else(|| Error::Io {
            action: "read",
            path: path.to_path_buf(),
            source: std::io::ErrorKind::NotFound.into(),
        })?;
        Self::parse_at(path, &text)
    }

    /// Load the file; a missing file is an empty configuration.
    ///
    /// # Errors
    /// The file cannot be read, is not valid TOML, or loosens the PIN policy.
    pub fn load(path: &Path) -> Result<Config> {
        match read_if_there(path)? {
            Some(text) => Self::parse_at(path, &text),
            None => Ok(Config::default()),
        }
    }

    /// [`Config::parse`], the file named in its error.
    fn parse_at(path: &Path, text: &str) -> Result<Config> {
        Self::parse(text).map_err(|e| match e {
            Error::ConfigInvalid { reason } => Error::ConfigInvalid {
                reason: format!("{}: {reason}", path.display()),
            },
            other => other,
        })
    }

    /// Parse a configuration's text.
    ///
    /// # Errors
    /// Not valid TOML of this shape, or a policy that loosens the PIN policy.
    pub fn parse(text: &str) -> Result<Config> {
        let config: Config = toml::from_str(text).map_err(|e| Error::ConfigInvalid {
            reason: with_line(text, &e),
        })?;
        config
            .pin_policy()
            .map_err(|reason| Error::ConfigInvalid { reason })?;
        Ok(config)
    }

    /// Save atomically, keeping the file's comments and layout (only changed values are
    /// written).
    ///
    /// # Errors
    /// The configuration cannot be encoded or the file written.
    pub fn save(&self, path: &Path) -> Result<()> {
        save_toml(self, path, "the configuration")
    }

    /// Load, change and save `path` under an exclusive lock on `path.lock`.
    ///
    /// # Errors
    /// The lock, [`Config::load`], [`Config::save`].
    pub fn update(path: &Path, change: impl FnOnce(&mut Config)) -> Result<()> {
        locked(path, || {
            let mut config = Config::load(path)?;
            change(&mut config);
            config.save(path)
        })
    }

    /// The PIN policy with this config's tightenings.
    ///
    /// # Errors
    /// A tightening that would loosen the policy (the reason in words).
    pub fn pin_policy(&self) -> std::result::Result<PinPolicy, String> {
        PinPolicy::tightened(&self.policy)
    }

    /// The PIN rule for this token: the profile set for its model, else the standard policy
    /// with this config's tightenings.
    ///
    /// # Errors
    /// An unknown profile, or a tightening that would loosen the policy (in words).
    pub fn pin_policy_for(
        &self,
        model: &str,
        manufacturer: &str,
    ) -> std::result::Result<PinPolicy, String> {
        let rule = self.pin_profiles.iter().find(|r| {
            r.model == model && r.manufacturer.as_deref().is_none_or(|m| m == manufacturer)
        });
        match rule {
            Some(r) => PinPolicy::profile(&r.rule).map_err(|e| format!("pin_profile: {e}")),
            None => self.pin_policy(),
        }
    }

    /// The settings of the token with this serial, created if absent.
    pub fn token_mut(&mut self, serial: &str) -> &mut TokenSettings {
        self.tokens.entry(serial.to_string()).or_default()
    }

    /// The settings of the token with this serial.
    pub fn token(&self, serial: &str) -> Option<&TokenSettings> {
        self.tokens.get(serial)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two fingerprints, as `default_cert` takes them.
    const FP_A: &str = "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1";
    const FP_B: &str = "b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2";

    #[test]
    fn a_save_keeps_what_was_set() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/config.toml");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(
            &path,
            format!("module = \"/x.so\"\n[tokens.\"42\"]\ndefault_cert = \"{FP_A}\"\n"),
        )
        .unwrap();
        let mut config = Config::load(&path).unwrap();
        assert_eq!(config.module.as_deref(), Some(Path::new("/x.so")));
        config.token_mut("43").default_cert = Some(FP_B.into());
        config.save(&path).unwrap();
        let again = Config::load(&path).unwrap();
        assert_eq!(
            again.token("42").unwrap().default_cert.as_deref(),
            Some(FP_A)
        );
        assert_eq!(
            again.token("43").unwrap().default_cert.as_deref(),
            Some(FP_B)
        );
    }

    #[test]
    fn saving_keeps_the_admins_comments_and_layout() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let text = "# Set up by IT, ticket 4711.\nmodule = \"/x.so\"   # the vendor's module\n\n[policy]\n# Stricter for accounting.\nmin_length = 12\n";
        std::fs::write(&path, text).unwrap();
        Config::update(&path, |c| {
            c.token_mut("42").default_cert = Some(FP_A.into())
        })
        .unwrap();
        Config::update(&path, |c| c.token = Some("Accounting".into())).unwrap();
        let saved = std::fs::read_to_string(&path).unwrap();
        for kept in [
            "# Set up by IT, ticket 4711.",
            "module = \"/x.so\"   # the vendor's module",
            "# Stricter for accounting.\nmin_length = 12",
        ] {
            assert!(saved.contains(kept), "{kept} lost:\n{saved}");
        }
        let again = Config::load(&path).unwrap();
        assert_eq!(
            again.token("42").unwrap().default_cert.as_deref(),
            Some(FP_A)
        );
        assert_eq!(again.token.as_deref(), Some("Accounting"));
        assert_eq!(again.policy.min_length, Some(12));
    }

    #[test]
    fn unknown_keys_and_sections_are_refused_with_their_line() {
        for (text, line, name) in [
            (
                "module = \"/x.so\"\n\n[polcy]\nmin_length = 12\n",
                3,
                "polcy",
            ),
            (
                "[tokens.\"42\"]\ndefault_cert_id = \"a1\"\nnote = 1\n",
                3,
                "note",
            ),
            ("[recovery]\nclient_idd = \"x\"\n", 2, "client_idd"),
            ("[policy]\nmin_lenght = 12\n", 2, "min_lenght"),
        ] {
            let err = Config::parse(text).unwrap_err().to_string();
            assert!(
                err.contains(&format!("line {line}")) && err.contains(name),
                "{text}: {err}"
            );
        }
    }

    #[test]
    fn the_default_certificate_is_a_fingerprint_in_any_spelling_and_nothing_else() {
        let colons = FP_A
            .to_ascii_uppercase()
            .as_bytes()
            .chunks(2)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect::<Vec<_>>()
            .join(":");
        let text =
            format!("[tokens.\"42\"]\ndefault_cert = \"{colons}\"\ndefault_cert_id = \"F2AC\"\n");
        let config = Config::parse(&text).unwrap();
        let settings = config.token("42").unwrap();
        assert_eq!(settings.default_cert.as_deref(), Some(FP_A));
        assert_eq!(settings.default_cert_id.as_deref(), Some("f2ac"));
        // A prefix, a label, an id in the fingerprint's place: refused, with the line, since
        // none could ever be the default.
        for (text, line, name) in [
            (
                "[tokens.\"42\"]\ndefault_cert = \"a1b2\"\n",
                2,
                "default_cert",
            ),
            ("\n[tokens.\"42\"]\ndefault_cert = \"rsa\"\n", 3, "SHA-256"),
            (
                "[tokens.\"42\"]\ndefault_cert_id = \"f2a\"\n",
                2,
                "default_cert_id",
            ),
        ] {
            let err = Config::parse(text).unwrap_err().to_string();
            assert!(
                err.contains(&format!("line {line}")) && err.contains(name),
                "{text}: {err}"
            );
        }
    }

    #[test]
    fn a_named_file_must_exist() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.toml");
        assert!(
            Config::load(&missing).is_ok(),
            "the default location may be absent"
        );
        assert!(Config::load_named(&missing).is_err());
    }

    #[test]
    fn a_loosening_policy_is_refused_at_load() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "[policy]\nmin_length = 4\n").unwrap();
        let err = Config::load(&path).unwrap_err();
        assert!(err.to_string().contains("loosen"), "{err}");
        assert!(Config::load(&dir.path().join("missing.toml")).is_ok());
    }
}
