//! Writing the files tokenward makes (signatures, certificates, requests, keys, configs)
//! safely: checked before the token is touched, written to a temporary file in the target
//! folder, synced and renamed over the target. A failure or a kill never leaves a truncated
//! file behind, and a link planted at the target is replaced, never followed.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, InputError, Result};

/// Who may read a file tokenward writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone the umask allows (public material: signatures, certificates, configs).
    Public,
    /// The owner only, 0600 (private keys, even encrypted).
    Private,
}

/// An output file, checked before any work is done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    path: PathBuf,
    overwrite: bool,
    access: Access,
}

impl OutputFile {
    /// Check that `path` can be written: its folder exists, and a file already there is
    /// replaced only with `overwrite`.
    ///
    /// # Errors
    /// [`InputError::PathNotUtf8`], [`InputError::NoSuchFolder`], [`InputError::FileExists`].
    pub fn new(path: &Path, overwrite: bool, access: Access) -> Result<Self> {
        // Results name the file they wrote (in JSON too): a name that is not UTF-8 is refused
        // before anything is done, not after.
        if path.to_str().is_none() {
            return Err(InputError::PathNotUtf8 {
                path: path.to_path_buf(),
            }
            .into());
        }
        let folder = folder_of(path);
        if !folder.is_dir() {
            return Err(InputError::NoSuchFolder {
                path: path.to_path_buf(),
            }
            .into());
        }
        // symlink_metadata: a dangling link planted at the path counts as a file.
        if std::fs::symlink_metadata(path).is_ok() && !overwrite {
            return Err(InputError::FileExists {
                path: path.to_path_buf(),
            }
            .into());
        }
        Ok(OutputFile {
            path: path.to_path_buf(),
            overwrite,
            access,
        })
    }

    /// Where it goes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Write `bytes` atomically.
    ///
    /// # Errors
    /// The file appeared meanwhile (without overwrite), or the write failed; the temporary
    /// file is removed.
    pub fn write(&self, bytes: &[u8]) -> Result<()> {
        self.still_free()?;
        write_atomic(&self.path, bytes, self.access)
    }

    /// Without overwrite, the file must not have appeared meanwhile.
    fn still_free(&self) -> Result<()> {
        if !self.overwrite && std::fs::symlink_metadata(&self.path).is_ok() {
            return Err(InputError::FileExists {
                path: self.path.clone(),
            }
            .into());
        }
        Ok(())
    }

    /// [`OutputFile::write`] without syncing the folder: for a batch of many files, whose
    /// folders [`sync_folders`] syncs once at the end. A crash before that may lose the new
    /// name (the file is then simply not there), never the file's contents under it.
    ///
    /// # Errors
    /// As [`OutputFile::write`].
    pub fn write_in_batch(&self, bytes: &[u8]) -> Result<()> {
        self.still_free()?;
        write_synced(&self.path, bytes, self.access)
    }
}

/// Sync the folders of `paths` (each once), after [`OutputFile::write_in_batch`].
pub fn sync_folders<'a>(paths: impl IntoIterator<Item = &'a Path>) {
    let mut done: Vec<&Path> = Vec::new();
    for p in paths {
        let folder = folder_of(p);
        if !done.contains(&folder) {
            if let Ok(dir) = File::open(folder) {
                let _ = dir.sync_all();
            }
            done.push(folder);
        }
    }
}

/// Open an input file that must be a regular file: checked before it is opened, since opening
/// a FIFO already waits for a writer (and a device may never end).
///
/// # Errors
/// The file is missing, unreadable or not a regular file.
pub fn open_regular(path: &Path) -> Result<File> {
    let io = |source| Error::Io {
        action: "read",
        path: path.to_path_buf(),
        source,
    };
    if !std::fs::metadata(path).map_err(io)?.is_file() {
        return Err(InputError::NotARegularFile {
            path: path.to_path_buf(),
        }
        .into());
    }
    File::open(path).map_err(io)
}

/// The largest certificate, key, template or signature file read (far above any real one).
pub const MAX_INPUT: u64 = 16 << 20;

/// Read an input file: a regular file only (a FIFO or a device would hang or never end), of
/// at most `max` bytes.
///
/// # Errors
/// The file is missing, unreadable, not a regular file, or larger than `max`.
pub fn read_input(path: &Path, max: u64) -> Result<Vec<u8>> {
    use std::io::Read;
    let io = |source| Error::Io {
        action: "read",
        path: path.to_path_buf(),
        source,
    };
    let file = open_regular(path)?;
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(InputError::NotARegularFile {
            path: path.to_path_buf(),
        }
        .into());
    }
    if meta.len() > max {
        return Err(InputError::FileTooLarge {
            path: path.to_path_buf(),
            max,
        }
        .into());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > max {
        return Err(InputError::FileTooLarge {
            path: path.to_path_buf(),
            max,
        }
        .into());
    }
    Ok(bytes)
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Write `bytes` to `path` through a temporary file in the same folder, synced and renamed.
///
/// # Errors
/// The operating system's, as [`Error::Io`].
pub fn write_atomic(path: &Path, bytes: &[u8], access: Access) -> Result<()> {
    write_synced(path, bytes, access)?;
    if let Ok(dir) = File::open(folder_of(path)) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Write `bytes` to a temporary file next to `path`, sync it, rename it over `path`.
fn write_synced(path: &Path, bytes: &[u8], access: Access) -> Result<()> {
    let io = |source| Error::Io {
        action: "write",
        path: path.to_path_buf(),
        source,
    };
    let (tmp, mut file) = temporary(path, access).map_err(io)?;
    let result = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(e));
    }
    Ok(())
}

/// Options that open a private file: created 0600 if absent, never through a symbolic link.
pub fn private_file() -> std::fs::OpenOptions {
    use std::os::unix::fs::OpenOptionsExt;
    let mut options = std::fs::OpenOptions::new();
    options
        .create(true)
        .mode(0o600)
        .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32);
    options
}

/// Open a lock file (see [`private_file`]), to be locked with `flock`.
///
/// # Errors
/// The operating system's.
pub fn open_lock(path: &Path) -> std::io::Result<File> {
    private_file()
        .read(true)
        .write(true)
        .truncate(false)
        .open(path)
}

/// tokenward's folder in the XDG state directory (`~/.local/state/tokenward`; the local
/// data directory where a system has no state directory): the audit log, the per-user state.
pub fn state_dir() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|d| {
        d.state_dir()
            .unwrap_or_else(|| d.data_local_dir())
            .join("tokenward")
    })
}

/// A new file next to `path` that nobody else created (create_new, never through a link).
fn temporary(path: &Path, access: Access) -> std::io::Result<(PathBuf, File)> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    let folder = folder_of(path);
    let mut last = None;
    for attempt in 0..16u32 {
        let tmp = folder.join(format!(".{name}.{}.{attempt}.tmp", std::process::id()));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(match access {
                Access::Private => 0o600,
                Access::Public => 0o644,
            });
        }
        match options.open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no temporary file name was free")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_planted_link_is_replaced_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, b"keep").unwrap();
        let out = dir.path().join("out.sig");
        std::os::unix::fs::symlink(&victim, &out).unwrap();
        assert!(OutputFile::new(&out, false, Access::Public).is_err());
        OutputFile::new(&out, true, Access::Public)
            .unwrap()
            .write(b"new")
            .unwrap();
        assert_eq!(std::fs::read(&victim).unwrap(), b"keep");
        assert_eq!(std::fs::read(&out).unwrap(), b"new");
        assert!(!std::fs::symlink_metadata(&out).unwrap().is_symlink());
    }

    #[test]
    fn private_files_are_owner_only_and_no_temporary_is_left() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("key.p8");
        OutputFile::new(&out, false, Access::Private)
            .unwrap()
            .write(b"secret")
            .unwrap();
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn only_regular_files_are_read() {
        let err = read_input(Path::new("/dev/zero"), MAX_INPUT).unwrap_err();
        assert_eq!(err.reason(), Some("not_a_regular_file"));
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big");
        std::fs::write(&big, vec![0u8; 100]).unwrap();
        assert_eq!(
            read_input(&big, 10).unwrap_err().reason(),
            Some("file_too_large")
        );
        assert_eq!(read_input(&big, 100).unwrap().len(), 100);
    }

    #[test]
    fn a_missing_folder_is_refused_before_any_work() {
        let err = OutputFile::new(Path::new("/nonexistent-dir/x.sig"), false, Access::Public)
            .unwrap_err();
        assert_eq!(err.reason(), Some("no_such_folder"));
    }
}
