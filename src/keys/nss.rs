//! The token's module in NSS databases: every Firefox and Thunderbird profile (found from their
//! `profiles.ini`) and the shared `~/.pki/nssdb` that Chromium and Chrome read. NSS's own
//! `modutil` (libnss3-tools) does the writing; tokenward only chooses where.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::{Error, Result};

/// One NSS database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NssDb {
    /// The program it belongs to (`firefox`, `thunderbird`, `chromium`).
    pub program: &'static str,
    /// Its folder.
    pub dir: PathBuf,
}

/// The Firefox and Thunderbird profiles under `home`, from their `profiles.ini`.
pub fn mozilla_profiles(home: &Path) -> Vec<NssDb> {
    [
        ("firefox", home.join(".mozilla/firefox")),
        ("thunderbird", home.join(".thunderbird")),
    ]
    .into_iter()
    .flat_map(|(program, root)| {
        let ini = std::fs::read_to_string(root.join("profiles.ini")).unwrap_or_default();
        profile_dirs(&ini, &root)
            .into_iter()
            .filter(|d| d.is_dir())
            .map(move |dir| NssDb { program, dir })
    })
    .collect()
}

/// The shared database Chromium and Chrome read.
pub fn shared_db(home: &Path) -> NssDb {
    NssDb {
        program: "chromium",
        dir: home.join(".pki/nssdb"),
    }
}

/// The profile folders a `profiles.ini` names (`Path=`, relative to `root` when
/// `IsRelative=1`), in order.
pub fn profile_dirs(ini: &str, root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let (mut in_profile, mut path, mut relative) = (false, None::<String>, true);
    let mut flush = |in_profile: bool, path: &mut Option<String>, relative: bool| {
        if let (true, Some(p)) = (in_profile, path.take()) {
            out.push(if relative {
                root.join(p)
            } else {
                PathBuf::from(p)
            });
        }
    };
    for line in ini.lines().map(str::trim) {
        if line.starts_with('[') {
            flush(in_profile, &mut path, relative);
            in_profile = line.starts_with("[Profile");
            relative = true;
        } else if let Some(p) = line.strip_prefix("Path=") {
            path = Some(p.to_string());
        } else if let Some(r) = line.strip_prefix("IsRelative=") {
            relative = r != "0";
        }
    }
    flush(in_profile, &mut path, relative);
    out
}

/// Register `module` as `name` in the database in `dir` (made if missing). `Ok(true)` when it
/// was there already (nothing is written then).
///
/// # Errors
/// `modutil` or `certutil` missing or failing.
pub fn register(dir: &Path, name: &str, module: &Path) -> Result<bool> {
    let db = format!("sql:{}", dir.display());
    if !dir.join("cert9.db").exists() {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            action: "create",
            path: dir.to_path_buf(),
            source,
        })?;
        run("certutil", &["-N", "-d", &db, "--empty-password"])?;
    }
    let listed = run("modutil", &["-dbdir", &db, "-list"])?;
    // modutil lists each module as "  2. NAME".
    if listed
        .lines()
        .any(|l| l.trim().ends_with(&format!(". {name}")))
    {
        return Ok(true);
    }
    let library = module.display().to_string();
    run(
        "modutil",
        &["-dbdir", &db, "-add", name, "-libfile", &library, "-force"],
    )?;
    Ok(false)
}

/// Run one of NSS's tools; its standard output.
fn run(tool: &str, args: &[&str]) -> Result<String> {
    let out = Command::new(tool)
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|source| Error::Io {
            action: "run",
            path: tool.into(),
            source,
        })?;
    if !out.status.success() {
        return Err(Error::Io {
            action: "run",
            path: tool.into(),
            source: std::io::Error::other(
                String::from_utf8_lossy(&out.stderr)
                    .lines()
                    .chain(String::from_utf8_lossy(&out.stdout).lines())
                    .find(|l| !l.trim().is_empty())
                    .unwrap_or("failed")
                    .trim()
                    .to_string(),
            ),
        });
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_ini_names_relative_and_absolute_profiles() {
        let ini = "[Install4F96D1932A9F858E]\nDefault=abc.default-release\n\n[Profile1]\nName=default\nIsRelative=1\nPath=abc.default\n\n[Profile0]\nName=work\nIsRelative=0\nPath=/srv/work\nDefault=1\n\n[General]\nVersion=2\n";
        assert_eq!(
            profile_dirs(ini, Path::new("/h/.mozilla/firefox")),
            vec![
                PathBuf::from("/h/.mozilla/firefox/abc.default"),
                PathBuf::from("/srv/work")
            ]
        );
        assert!(profile_dirs("", Path::new("/x")).is_empty());
    }
}
