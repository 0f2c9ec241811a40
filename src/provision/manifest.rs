//! The provisioning manifest: `[defaults]` and one `[[token]]` entry per token, read and
//! checked as a whole before any token is touched. Every problem names its line.
//!
//! ```toml
//! [defaults]
//! key = "p256"                 # rsa2048|rsa3072|rsa4096|p256|p384|ed25519, or "none"
//! so_pin = { generate = 16 }   # or { file = "so.pin" } or { env = "SO_PIN" }
//! user_pin = { generate = 10 }
//! csr_dir = "csr"
//! pin_sheet = { age_recipient = "age1…" }
//!
//! [[token]]
//! serial = "4a1975e215fdd985"  # or: blank = true
//! label = "Бухгалтерия 07"
//! subject = "CN=Иванов Иван,O=ООО Ромашка,C=RU"
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::error::{Error, ProvisionError, Result};
use crate::keys::csr::parse_subject;
use crate::keys::KeySpec;
use crate::pin::{Pin, PinSource, SecretKind};

/// Where a PIN comes from.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum PinSpec {
    /// A new random PIN of this many characters for each token, following the PIN policy.
    Generate(usize),
    /// The same PIN for every token, from this file (one trailing newline ignored).
    File(PathBuf),
    /// The same PIN for every token, from this environment variable.
    Env(String),
}

impl PinSpec {
    /// The source of a PIN given in the manifest (`None` for a generated one).
    pub fn source(&self) -> Option<PinSource> {
        match self {
            PinSpec::Generate(_) => None,
            PinSpec::File(p) => Some(PinSource::File(p.clone())),
            PinSpec::Env(v) => Some(PinSource::Env(v.clone())),
        }
    }
}

/// Where generated PINs go.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SheetSpec {
    /// Encrypt the sheet to this age recipient (`age1…`).
    pub age_recipient: Option<String>,
    /// The sheet's file (with `age_recipient`: the encrypted file; else a plain CSV file,
    /// 0600).
    pub file: Option<PathBuf>,
}

/// `[defaults]`: what every entry gets unless it says otherwise.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Defaults {
    key: Option<Spanned<String>>,
    key_label: Option<String>,
    so_pin: Option<PinSpec>,
    user_pin: Option<PinSpec>,
    current_so_pin: Option<PinSpec>,
    #[serde(default)]
    user_pin_must_change: bool,
    csr_dir: Option<PathBuf>,
    pin_sheet: Option<Spanned<SheetSpec>>,
    label: Option<Spanned<String>>,
    subject: Option<Spanned<String>>,
    report: Option<PathBuf>,
}

/// One `[[token]]` entry as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    serial: Option<String>,
    #[serde(default)]
    blank: bool,
    #[serde(default)]
    reinitialise: bool,
    label: Option<String>,
    subject: Option<String>,
    key: Option<String>,
    key_label: Option<String>,
    so_pin: Option<PinSpec>,
    user_pin: Option<PinSpec>,
    current_so_pin: Option<PinSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawManifest {
    #[serde(default)]
    defaults: Defaults,
    #[serde(default)]
    token: Vec<Spanned<RawEntry>>,
}

/// Which token an entry is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The token with this serial.
    Serial(String),
    /// The next blank token.
    Blank,
}

/// One token's plan, with the defaults applied.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Its 1-based number in the run (`{n}`).
    pub number: usize,
    /// Its line in the manifest (0 for an entry made from the defaults in station mode).
    pub line: usize,
    /// Which token.
    pub target: Target,
    /// Erase it although it is initialised.
    pub reinitialise: bool,
    /// The new token label (`{serial}` is filled in once the token is known).
    pub label: String,
    /// The key to generate, if any.
    pub key: Option<KeySpec>,
    /// The key's label.
    pub key_label: String,
    /// The subject of the certificate request (`None`: no request).
    pub subject: Option<String>,
    /// The SO PIN.
    pub so_pin: PinSpec,
    /// The user PIN.
    pub user_pin: PinSpec,
    /// The current SO PIN, for `reinitialise`.
    pub current_so_pin: Option<PinSpec>,
}

/// A manifest, read and checked.
#[derive(Debug, Clone)]
pub struct Manifest {
    /// The manifest file.
    pub path: PathBuf,
    /// SHA-256 of its text, to tie a report to it.
    pub digest: String,
    /// The entries, in order.
    pub entries: Vec<Entry>,
    /// Mark the user PIN to be changed at first use, where the module can.
    pub user_pin_must_change: bool,
    /// The folder for certificate requests.
    pub csr_dir: Option<PathBuf>,
    /// Where generated PINs go.
    pub pin_sheet: Option<SheetSpec>,
    /// The run's report file.
    pub report: PathBuf,
    defaults: Defaults,
    text: String,
}

/// Fill `pattern`'s `{n}`, `{n:0W}`, `{serial}` and `{label}`.
///
/// # Errors
/// [`ProvisionError::BadPattern`].
pub fn fill(pattern: &str, n: usize, serial: &str, label: &str) -> Result<String> {
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or_else(|| ProvisionError::BadPattern {
            placeholder: after.to_string(),
        })?;
        let name = &after[..close];
        let (key, width) = match name.split_once(':') {
            Some((k, w)) => (k, Some(w)),
            None => (name, None),
        };
        let bad = || ProvisionError::BadPattern {
            placeholder: format!("{{{name}}}"),
        };
        match (key, width) {
            ("n", None) => out.push_str(&n.to_string()),
            ("n", Some(w)) => {
                let digits: usize = w
                    .strip_prefix('0')
                    .and_then(|d| d.parse().ok())
                    .ok_or_else(bad)?;
                out.push_str(&format!("{n:0digits$}"));
            }
            ("serial", None) => out.push_str(serial),
            ("label", None) => out.push_str(label),
            _ => return Err(bad().into()),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

impl Manifest {
    /// Read and check `path`: its shape (unknown keys are errors), each entry's label, key
    /// type, subject and PIN sources, the PIN files and variables, the PIN sheet.
    ///
    /// # Errors
    /// The first problem, with its line ([`Error::InManifest`]).
    pub fn load(path: &Path) -> Result<Manifest> {
        let bytes = crate::files::read_input(path, 1 << 20)?;
        let text = String::from_utf8(bytes).map_err(|_| Error::InManifest {
            file: path.to_path_buf(),
            line: 1,
            cause: Box::new(
                ProvisionError::Syntax {
                    message: "not UTF-8 text".into(),
                }
                .into(),
            ),
        })?;
        Self::parse(path, &text)
    }

    /// Check `text` as the manifest at `path` (relative paths in it are from its folder).
    ///
    /// # Errors
    /// See [`Manifest::load`].
    pub fn parse(path: &Path, text: &str) -> Result<Manifest> {
        let raw: RawManifest = toml::from_str(text).map_err(|e| Error::InManifest {
            file: path.to_path_buf(),
            line: e.span().map_or(1, |span| line_at(text, span.start)),
            cause: Box::new(
                ProvisionError::Syntax {
                    message: e.message().to_string(),
                }
                .into(),
            ),
        })?;
        let here = path.parent().unwrap_or(Path::new("."));
        let at = |line: usize, e: Error| Error::InManifest {
            file: path.to_path_buf(),
            line,
            cause: Box::new(e),
        };
        let line_of = |span: std::ops::Range<usize>| line_at(text, span.start);
        let mut defaults = raw.defaults;
        for spec in [
            &mut defaults.so_pin,
            &mut defaults.user_pin,
            &mut defaults.current_so_pin,
        ]
        .into_iter()
        .flatten()
        {
            anchor(spec, here);
        }
        if let Some(key) = &defaults.key {
            parse_key(key.get_ref()).map_err(|e| at(line_of(key.span()), e))?;
        }
        for pattern in [&defaults.label, &defaults.subject].into_iter().flatten() {
            fill(pattern.get_ref(), 1, "", "").map_err(|e| at(line_of(pattern.span()), e))?;
        }
        let pin_sheet = match &defaults.pin_sheet {
            Some(sheet) => {
                let line = line_of(sheet.span());
                let mut spec = sheet.get_ref().clone();
                check_sheet(&spec).map_err(|e| at(line, e))?;
                spec.file = spec.file.map(|f| here.join(f));
                Some(spec)
            }
            None => None,
        };
        let mut manifest = Manifest {
            path: path.to_path_buf(),
            digest: hex::encode(ring::digest::digest(&ring::digest::SHA256, text.as_bytes())),
            entries: Vec::new(),
            user_pin_must_change: defaults.user_pin_must_change,
            csr_dir: defaults.csr_dir.as_ref().map(|d| here.join(d)),
            pin_sheet,
            report: defaults
                .report
                .as_ref()
                .map(|r| here.join(r))
                .unwrap_or_else(|| path.with_extension("report.json")),
            defaults,
            text: text.to_string(),
        };
        let mut serials: Vec<(String, usize)> = Vec::new();
        for (i, entry) in raw.token.iter().enumerate() {
            let line = line_of(entry.span());
            let mut e = entry.get_ref().clone();
            for spec in [&mut e.so_pin, &mut e.user_pin, &mut e.current_so_pin]
                .into_iter()
                .flatten()
            {
                anchor(spec, here);
            }
            let entry = manifest.entry(i + 1, line, e).map_err(|e| at(line, e))?;
            if let Target::Serial(s) = &entry.target {
                if let Some((_, first)) = serials.iter().find(|(k, _)| k == s) {
                    return Err(at(
                        line,
                        ProvisionError::DuplicateSerial {
                            serial: s.clone(),
                            first_line: *first,
                        }
                        .into(),
                    ));
                }
                serials.push((s.clone(), line));
            }
            manifest.entries.push(entry);
        }
        manifest.check_pins()?;
        Ok(manifest)
    }

    /// The entry for the `n`th token of a station run beyond the manifest's own entries: the
    /// next blank token, with the defaults.
    ///
    /// # Errors
    /// The defaults lack a label pattern or a PIN source.
    pub fn station_entry(&self, n: usize) -> Result<Entry> {
        self.entry(
            n,
            0,
            RawEntry {
                blank: true,
                ..RawEntry::default()
            },
        )
    }

    /// The line of `[defaults]`'s `key`, or 1.
    fn defaults_line(&self) -> usize {
        self.defaults
            .key
            .as_ref()
            .map_or(1, |k| line_at(&self.text, k.span().start))
    }

    fn entry(&self, number: usize, line: usize, e: RawEntry) -> Result<Entry> {
        let d = &self.defaults;
        let target = match (e.serial, e.blank) {
            (Some(_), true) => return Err(ProvisionError::SerialAndBlank.into()),
            (Some(s), false) => Target::Serial(s.trim().to_string()),
            (None, true) => Target::Blank,
            (None, false) => return Err(ProvisionError::EntryWithoutToken.into()),
        };
        if e.reinitialise && target == Target::Blank {
            return Err(ProvisionError::ReinitialiseWithoutSerial.into());
        }
        let serial = match &target {
            Target::Serial(s) => s.as_str(),
            Target::Blank => "",
        };
        let label = match (e.label, &d.label) {
            (Some(l), _) => l,
            (None, Some(pattern)) => fill(pattern.get_ref(), number, serial, "")?,
            (None, None) => return Err(ProvisionError::NoLabel.into()),
        };
        // A blank token's serial is known only later; check the label as it will be.
        crate::token::pin::check_label(&label.replace("{serial}", "0123456789abcdef"))?;
        let key = match e
            .key
            .as_deref()
            .or(d.key.as_ref().map(|k| k.get_ref().as_str()))
        {
            Some(k) => parse_key(k)?,
            None => None,
        };
        let key_label = e
            .key_label
            .or_else(|| d.key_label.clone())
            .unwrap_or_else(|| "Signing key".to_string());
        crate::text::check_object_label(&key_label)?;
        let subject = match (e.subject, &d.subject) {
            (Some(s), _) => Some(s),
            (None, Some(pattern)) if key.is_some() => {
                Some(fill(pattern.get_ref(), number, serial, &label)?)
            }
            _ => None,
        };
        match (&subject, &self.csr_dir, key) {
            (Some(s), Some(_), Some(_)) => {
                parse_subject(s)?;
            }
            (Some(_), None, Some(_)) => return Err(ProvisionError::NoCsrDir.into()),
            (None, Some(_), Some(_)) => return Err(ProvisionError::NoSubject.into()),
            _ => {}
        }
        let so_pin = e
            .so_pin
            .or_else(|| d.so_pin.clone())
            .ok_or(ProvisionError::NoPinSource { field: "so_pin" })?;
        let user_pin = e
            .user_pin
            .or_else(|| d.user_pin.clone())
            .ok_or(ProvisionError::NoPinSource { field: "user_pin" })?;
        let current_so_pin = e.current_so_pin.or_else(|| d.current_so_pin.clone());
        if e.reinitialise && current_so_pin.is_none() {
            return Err(ProvisionError::NoCurrentSoPin.into());
        }
        Ok(Entry {
            number,
            line,
            target,
            reinitialise: e.reinitialise,
            label,
            key,
            key_label,
            subject,
            so_pin,
            user_pin,
            current_so_pin,
        })
    }

    /// Every PIN file and variable can be read and follows the base policy's characters;
    /// generated PINs have somewhere to go.
    fn check_pins(&self) -> Result<()> {
        let mut generated = false;
        for entry in &self.entries {
            let specs = [
                Some((&entry.so_pin, SecretKind::SoPin)),
                Some((&entry.user_pin, SecretKind::UserPin)),
                entry
                    .current_so_pin
                    .as_ref()
                    .map(|p| (p, SecretKind::SoPin)),
            ];
            for (spec, kind) in specs.into_iter().flatten() {
                match spec.source() {
                    Some(source) => {
                        source.read(kind).map_err(|e| Error::InManifest {
                            file: self.path.clone(),
                            line: entry.line,
                            cause: Box::new(e),
                        })?;
                    }
                    None => generated = true,
                }
            }
        }
        if generated && self.pin_sheet.is_none() {
            return Err(Error::InManifest {
                file: self.path.clone(),
                line: self.defaults_line(),
                cause: Box::new(ProvisionError::NoPinSheet.into()),
            });
        }
        Ok(())
    }

    /// Read a PIN given in the manifest (`None` for a generated one).
    ///
    /// # Errors
    /// The file or variable cannot be read.
    pub fn given_pin(spec: &PinSpec, kind: SecretKind) -> Result<Option<Pin>> {
        spec.source().map(|s| s.read(kind)).transpose()
    }
}

/// A relative PIN file is relative to the manifest's folder.
fn anchor(spec: &mut PinSpec, here: &Path) {
    if let PinSpec::File(p) = spec {
        *p = here.join(&*p);
    }
}

fn parse_key(text: &str) -> Result<Option<KeySpec>> {
    if text == "none" {
        return Ok(None);
    }
    Ok(Some(
        crate::names::parse::<KeySpec>(text).map_err(crate::error::InputError::from)?,
    ))
}

fn check_sheet(spec: &SheetSpec) -> Result<()> {
    match (&spec.age_recipient, &spec.file) {
        (None, None) => Err(ProvisionError::EmptyPinSheet.into()),
        (Some(r), _) => super::sheet::recipient(r).map(|_| ()),
        (None, Some(_)) => Ok(()),
    }
}

/// The 1-based line of byte `offset` of `text`.
fn line_at(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_fill_numbers_with_width_and_refuse_unknown_placeholders() {
        assert_eq!(fill("Staff {n:02}", 7, "", "").unwrap(), "Staff 07");
        assert_eq!(fill("T{n}-{serial}", 12, "ab", "").unwrap(), "T12-ab");
        assert!(fill("Staff {nn}", 1, "", "").is_err());
        assert!(fill("Staff {n", 1, "", "").is_err());
    }
}
