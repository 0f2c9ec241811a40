//! The PIN sheet: one line per token (serial, label, SO PIN, user PIN) for the PINs a run
//! generated, encrypted to the admin's age recipient (opened with `age -d -i KEY FILE`), or,
//! if the manifest says so, a plain 0600 CSV file.
//!
//! A token's line is written (whole file, synced, renamed) *before* its PINs are set, so a
//! crash never leaves a token with PINs nobody has. An encrypted sheet cannot be appended to,
//! so each run writes its own file (`pins.age`, then `pins-2.age`, …); a plain one keeps the
//! lines of earlier runs. The text lives in zeroizing buffers.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use zeroize::Zeroizing;

use super::manifest::SheetSpec;
use crate::error::{Error, InputError, ProvisionError, Result};
use crate::files::{read_input, write_atomic, Access};
use crate::pin::Pin;

/// The header line of a sheet.
const HEADER: &str = "serial,label,so_pin,user_pin\n";

/// Parse an age recipient (`age1…`).
///
/// # Errors
/// [`ProvisionError::BadRecipient`].
pub fn recipient(text: &str) -> Result<age::x25519::Recipient> {
    age::x25519::Recipient::from_str(text.trim()).map_err(|reason| {
        ProvisionError::BadRecipient {
            reason: reason.to_string(),
        }
        .into()
    })
}

/// The sheet of this run.
pub struct PinSheet {
    path: PathBuf,
    recipient: Option<age::x25519::Recipient>,
    /// A plain sheet's lines from earlier runs (with the header).
    earlier: Zeroizing<String>,
    lines: Vec<Line>,
}

/// One token's line.
struct Line {
    serial: String,
    label: String,
    so: Option<Pin>,
    user: Option<Pin>,
}

impl std::fmt::Debug for PinSheet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PinSheet")
            .field("path", &self.path)
            .field("encrypted", &self.recipient.is_some())
            .finish_non_exhaustive()
    }
}

/// A PIN on a sheet: generated (written), or given in the manifest (named, not written).
#[derive(Debug, Clone, Copy)]
pub enum SheetPin<'a> {
    /// Generated in this run.
    Generated(&'a Pin),
    /// From the manifest's file or variable.
    Given,
}

impl PinSheet {
    /// The sheet for a run of the manifest at `manifest` (nothing is written yet).
    ///
    /// # Errors
    /// A bad recipient, or an existing plain sheet that cannot be read.
    pub fn open(spec: &SheetSpec, manifest: &Path) -> Result<PinSheet> {
        match &spec.age_recipient {
            Some(r) => {
                let base = spec
                    .file
                    .clone()
                    .unwrap_or_else(|| manifest.with_extension("pins.age"));
                Ok(PinSheet {
                    path: first_free(&base),
                    recipient: Some(recipient(r)?),
                    earlier: Zeroizing::new(HEADER.to_string()),
                    lines: Vec::new(),
                })
            }
            None => {
                let path = spec
                    .file
                    .clone()
                    .unwrap_or_else(|| manifest.with_extension("pins.csv"));
                let earlier = match std::fs::symlink_metadata(&path) {
                    Ok(_) => {
                        // The sheet holds PINs: its bytes are wiped, even when they are not
                        // text.
                        let bytes = Zeroizing::new(read_input(&path, 1 << 24)?);
                        let text = std::str::from_utf8(&bytes)
                            .map_err(|_| InputError::NotText { path: path.clone() })?;
                        Zeroizing::new(text.to_string())
                    }
                    Err(_) => Zeroizing::new(HEADER.to_string()),
                };
                Ok(PinSheet {
                    path,
                    recipient: None,
                    earlier,
                    lines: Vec::new(),
                })
            }
        }
    }

    /// Its file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// It is encrypted.
    pub fn encrypted(&self) -> bool {
        self.recipient.is_some()
    }

    /// Add a token's line and write the sheet (before the PINs are set on the token); the
    /// line's number is for [`PinSheet::set_serial`].
    ///
    /// # Errors
    /// The file cannot be written, or encryption failed.
    pub fn add(
        &mut self,
        serial: &str,
        label: &str,
        so: SheetPin,
        user: SheetPin,
    ) -> Result<usize> {
        let keep = |p: SheetPin| match p {
            SheetPin::Generated(pin) => Some(pin.clone()),
            SheetPin::Given => None,
        };
        self.lines.push(Line {
            serial: serial.to_string(),
            label: label.to_string(),
            so: keep(so),
            user: keep(user),
        });
        self.write()?;
        Ok(self.lines.len() - 1)
    }

    /// The token of line `line` has this serial now (a blank token gets its serial when it is
    /// initialised, on some modules).
    ///
    /// # Errors
    /// As [`PinSheet::add`].
    pub fn set_serial(&mut self, line: usize, serial: &str) -> Result<()> {
        match self.lines.get_mut(line) {
            Some(l) if l.serial != serial => {
                l.serial = serial.to_string();
                self.write()
            }
            _ => Ok(()),
        }
    }

    /// The whole text.
    fn text(&self) -> Zeroizing<String> {
        let mut text = Zeroizing::new(self.earlier.to_string());
        for l in &self.lines {
            quote(&mut text, &l.serial);
            text.push(',');
            quote(&mut text, &l.label);
            for pin in [&l.so, &l.user] {
                text.push(',');
                match pin {
                    Some(p) => quote(&mut text, p.expose()),
                    None => text.push_str("(given)"),
                }
            }
            text.push('\n');
        }
        text
    }

    fn write(&self) -> Result<()> {
        let text = self.text();
        match &self.recipient {
            Some(r) => {
                let encrypted = encrypt(r, text.as_bytes()).map_err(|e| Error::Io {
                    action: "write",
                    path: self.path.clone(),
                    source: std::io::Error::other(e),
                })?;
                write_atomic(&self.path, &encrypted, Access::Private)
            }
            None => write_atomic(&self.path, text.as_bytes(), Access::Private),
        }
    }
}

fn encrypt(r: &age::x25519::Recipient, plain: &[u8]) -> std::result::Result<Vec<u8>, String> {
    let encryptor = age::Encryptor::with_recipients(std::iter::once(r as &dyn age::Recipient))
        .map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    let mut writer = encryptor.wrap_output(&mut out).map_err(|e| e.to_string())?;
    writer.write_all(plain).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(out)
}

/// `base`, or `base` with `-2`, `-3`… before its extension, whichever does not exist yet.
fn first_free(base: &Path) -> PathBuf {
    if std::fs::symlink_metadata(base).is_err() {
        return base.to_path_buf();
    }
    let name = base
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (stem, ext) = match name.split_once('.') {
        Some((s, e)) => (s.to_string(), format!(".{e}")),
        None => (name.clone(), String::new()),
    };
    (2..)
        .map(|i| base.with_file_name(format!("{stem}-{i}{ext}")))
        .find(|p| std::fs::symlink_metadata(p).is_err())
        .unwrap_or_else(|| base.to_path_buf())
}

/// A CSV field: quoted when it holds a comma, a quote or a line break.
fn quote(out: &mut String, field: &str) {
    if field.contains([',', '"', '\n', '\r']) {
        out.push('"');
        for c in field.chars() {
            if c == '"' {
                out.push('"');
            }
            out.push(c);
        }
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// The PINs of one token, read back from a sheet.
#[derive(Debug)]
pub struct SheetEntry {
    /// The token's serial.
    pub serial: String,
    /// The SO PIN, when the run generated it.
    pub so_pin: Option<Pin>,
    /// The user PIN, when the run generated it.
    pub user_pin: Option<Pin>,
}

/// Open `sheet` with the age identities in `identity_file` and find `serial`'s line (or, for
/// a token that had no serial while blank, the line with no serial and `label`).
///
/// # Errors
/// [`ProvisionError::SheetNotOpened`]; the file cannot be read.
pub fn read_entry(
    sheet: &Path,
    identity_file: &Path,
    serial: &str,
    label: &str,
) -> Result<Option<SheetEntry>> {
    let fail = |reason: String| ProvisionError::SheetNotOpened {
        sheet: sheet.to_path_buf(),
        reason,
    };
    let data = read_input(sheet, 1 << 24)?;
    let plain: Zeroizing<Vec<u8>> = if data.starts_with(b"age-encryption.org/") {
        let identities = age::IdentityFile::from_file(identity_file.display().to_string())
            .map_err(|e| fail(e.to_string()))?
            .into_identities()
            .map_err(|e| fail(e.to_string()))?;
        let decryptor = age::Decryptor::new(&data[..]).map_err(|e| fail(e.to_string()))?;
        let mut reader = decryptor
            .decrypt(identities.iter().map(|i| i.as_ref() as &dyn age::Identity))
            .map_err(|e| fail(e.to_string()))?;
        let mut out = Zeroizing::new(Vec::new());
        reader
            .read_to_end(&mut out)
            .map_err(|e| fail(e.to_string()))?;
        out
    } else {
        Zeroizing::new(data)
    };
    let text = std::str::from_utf8(&plain).map_err(|e| fail(e.to_string()))?;
    for line in text.lines().skip(1) {
        let fields = split(line);
        let ours = fields.len() == 4
            && (fields[0].as_str() == serial
                || (fields[0].is_empty() && fields[1].as_str() == label));
        if ours {
            let pin = |f: &Zeroizing<String>| (f.as_str() != "(given)").then(|| Pin::copy_of(f));
            return Ok(Some(SheetEntry {
                serial: serial.to_string(),
                so_pin: pin(&fields[2]),
                user_pin: pin(&fields[3]),
            }));
        }
    }
    Ok(None)
}

/// The fields of one CSV line as [`quote`] writes them.
fn split(line: &str) -> Vec<Zeroizing<String>> {
    let mut fields = Vec::new();
    let mut field = Zeroizing::new(String::new());
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', false) if field.is_empty() => quoted = true,
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', true) => quoted = false,
            (',', false) => {
                fields.push(std::mem::replace(&mut field, Zeroizing::new(String::new())))
            }
            (c, _) => field.push(c),
        }
    }
    fields.push(field);
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_commas_and_quotes_come_back_as_written() {
        let mut line = String::new();
        for (i, f) in ["4a19", "Бухгалтерия, \"07\"", "x"].iter().enumerate() {
            if i > 0 {
                line.push(',');
            }
            quote(&mut line, f);
        }
        let fields: Vec<String> = split(&line).iter().map(|f| f.to_string()).collect();
        assert_eq!(fields, ["4a19", "Бухгалтерия, \"07\"", "x"]);
    }

    #[test]
    fn an_encrypted_sheet_opens_with_its_identity_and_not_with_another() {
        let dir = tempfile::tempdir().unwrap();
        let key = age::x25519::Identity::generate();
        let other = age::x25519::Identity::generate();
        let key_file = dir.path().join("admin.key");
        let other_file = dir.path().join("other.key");
        std::fs::write(
            &key_file,
            format!(
                "{}\n",
                secrecy::ExposeSecret::expose_secret(&key.to_string())
            ),
        )
        .unwrap();
        std::fs::write(
            &other_file,
            format!(
                "{}\n",
                secrecy::ExposeSecret::expose_secret(&other.to_string())
            ),
        )
        .unwrap();
        let spec = SheetSpec {
            age_recipient: Some(key.to_public().to_string()),
            file: None,
        };
        let manifest = dir.path().join("staff.toml");
        let mut sheet = PinSheet::open(&spec, &manifest).unwrap();
        let (so, user) = (Pin::copy_of("SoPin1234567"), Pin::copy_of("User12345"));
        sheet
            .add(
                "abc",
                "Staff 01",
                SheetPin::Generated(&so),
                SheetPin::Generated(&user),
            )
            .unwrap();
        assert_eq!(sheet.path(), dir.path().join("staff.pins.age"));
        let raw = std::fs::read(sheet.path()).unwrap();
        assert!(!raw.windows(9).any(|w| w == b"User12345"));
        let entry = read_entry(sheet.path(), &key_file, "abc", "Staff 01")
            .unwrap()
            .unwrap();
        assert_eq!(entry.user_pin.unwrap().expose(), "User12345");
        assert_eq!(entry.so_pin.unwrap().expose(), "SoPin1234567");
        assert!(read_entry(sheet.path(), &other_file, "abc", "Staff 01").is_err());
        // The next run gets a file of its own.
        let next = PinSheet::open(&spec, &manifest).unwrap();
        assert_eq!(next.path(), dir.path().join("staff-2.pins.age"));
    }
}
