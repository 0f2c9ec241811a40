//! Finding PKCS#11 modules: `--module`, `TOKENWARD_MODULE`, the configured default, p11-kit
//! `.module` files and the install paths of the common vendors' modules.

use std::path::{Path, PathBuf};

use serde::Serialize;

/// The environment variable that names the module to use.
pub const MODULE_ENV: &str = "TOKENWARD_MODULE";

/// How a module candidate was found. In JSON: `{"kind": "…", "detail": …}`, the detail
/// `null` where there is none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// `--module PATH`.
    Flag,
    /// The `TOKENWARD_MODULE` environment variable.
    Env,
    /// The configuration file's default module.
    Config,
    /// A p11-kit `.module` file (its path).
    P11Kit(PathBuf),
    /// A vendor's usual install path (the vendor's name).
    WellKnown(String),
}

impl Serialize for Origin {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let (kind, detail) = match self {
            Origin::Flag => ("flag", None),
            Origin::Env => ("env", None),
            Origin::Config => ("config", None),
            Origin::P11Kit(file) => ("p11_kit", Some(file.display().to_string())),
            Origin::WellKnown(vendor) => ("well_known", Some(vendor.clone())),
        };
        let mut st = s.serialize_struct("Origin", 2)?;
        st.serialize_field("kind", kind)?;
        st.serialize_field("detail", &detail)?;
        st.end()
    }
}

impl schemars::JsonSchema for Origin {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Origin".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "object",
            "required": ["kind", "detail"],
            "properties": {
                "kind": {"type": "string", "enum": ["flag", "env", "config", "p11_kit", "well_known"]},
                "detail": {"type": ["string", "null"]},
            },
        })
    }
}

impl Origin {
    /// Plain words for the human table.
    pub fn describe(&self) -> String {
        match self {
            Origin::Flag => "--module".into(),
            Origin::Env => MODULE_ENV.into(),
            Origin::Config => "config file".into(),
            Origin::P11Kit(file) => format!("p11-kit {}", file.display()),
            Origin::WellKnown(vendor) => format!("{vendor} default path"),
        }
    }
}

/// A module file that may serve tokens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Candidate {
    /// The module file.
    pub path: PathBuf,
    /// How it was found.
    pub origin: Origin,
}

/// Where discovery looks. [`Discovery::system`] is what the command line uses; tests build
/// their own with temporary directories.
#[derive(Debug, Clone)]
pub struct Discovery {
    /// Directories holding p11-kit `.module` files, system first, then the user's.
    pub p11kit_dirs: Vec<PathBuf>,
    /// Directory relative module paths in `.module` files are resolved against.
    pub p11kit_module_dir: PathBuf,
    /// Vendor install paths: (vendor, path).
    pub well_known: Vec<(&'static str, PathBuf)>,
}

impl Discovery {
    /// The places on this operating system.
    pub fn system() -> Self {
        let mut p11kit_dirs: Vec<PathBuf> = [
            "/usr/share/p11-kit/modules",
            "/usr/local/share/p11-kit/modules",
            "/etc/pkcs11/modules",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        if let Some(config) = user_config_dir() {
            p11kit_dirs.push(config.join("pkcs11").join("modules"));
        }
        Discovery {
            p11kit_dirs,
            p11kit_module_dir: PathBuf::from(P11KIT_MODULE_DIR),
            well_known: WELL_KNOWN
                .iter()
                .map(|(v, p)| (*v, PathBuf::from(p)))
                .collect(),
        }
    }

    /// Every candidate, in order of preference, without duplicates (same file by canonical
    /// path). `explicit` (`--module`) and the environment variable, when set, are the only
    /// candidates: the user has said which module to use.
    pub fn candidates(&self, explicit: Option<&Path>, configured: Option<&Path>) -> Vec<Candidate> {
        if let Some(path) = explicit {
            return vec![Candidate {
                path: path.to_path_buf(),
                origin: Origin::Flag,
            }];
        }
        if let Some(path) = std::env::var_os(MODULE_ENV).filter(|v| !v.is_empty()) {
            return vec![Candidate {
                path: PathBuf::from(path),
                origin: Origin::Env,
            }];
        }
        if let Some(path) = configured {
            return vec![Candidate {
                path: path.to_path_buf(),
                origin: Origin::Config,
            }];
        }
        let mut out: Vec<Candidate> = Vec::new();
        for dir in &self.p11kit_dirs {
            for (file, module) in read_p11kit_dir(dir, &self.p11kit_module_dir) {
                push_unique(&mut out, module, Origin::P11Kit(file));
            }
        }
        for (vendor, path) in &self.well_known {
            if path.exists() {
                push_unique(&mut out, path.clone(), Origin::WellKnown((*vendor).into()));
            }
        }
        out
    }

    /// Every vendor path that was looked at, present or not (for `modules --all`).
    pub fn searched(&self) -> usize {
        self.p11kit_dirs.len() + self.well_known.len()
    }
}

fn push_unique(out: &mut Vec<Candidate>, path: PathBuf, origin: Origin) {
    let canonical = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
    let seen = out
        .iter()
        .any(|c| std::fs::canonicalize(&c.path).unwrap_or_else(|_| c.path.clone()) == canonical);
    if !seen {
        out.push(Candidate { path, origin });
    }
}

/// Read the `.module` files of one p11-kit directory: (the .module file, the module path).
/// Modules marked `trust-policy: yes` (certificate trust stores, not tokens) and modules
/// disabled for all programs are skipped.
fn read_p11kit_dir(dir: &Path, module_dir: &Path) -> Vec<(PathBuf, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "module"))
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|file| {
            let text = std::fs::read_to_string(&file).ok()?;
            let module = parse_module_file(&text)?;
            let path = if Path::new(&module).is_absolute() {
                PathBuf::from(module)
            } else {
                module_dir.join(module)
            };
            Some((file, path))
        })
        .collect()
}

/// The `module:` value of a p11-kit `.module` file, unless the module is a trust store or
/// disabled.
pub fn parse_module_file(text: &str) -> Option<String> {
    let mut module = None;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let (key, value) = (key.trim(), value.trim());
        match key {
            "module" if !value.is_empty() => module = Some(value.to_string()),
            "trust-policy" if value == "yes" => return None,
            "disable-in" if value.split_whitespace().any(|p| p == "tokenward") => return None,
            "enable-in" if !value.split_whitespace().any(|p| p == "tokenward") => return None,
            _ => {}
        }
    }
    module
}

fn user_config_dir() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|d| d.config_dir().to_path_buf())
}

#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
const P11KIT_MODULE_DIR: &str = "/usr/lib/x86_64-linux-gnu/pkcs11";
#[cfg(all(target_os = "linux", target_arch = "aarch64"))]
const P11KIT_MODULE_DIR: &str = "/usr/lib/aarch64-linux-gnu/pkcs11";
#[cfg(not(all(
    target_os = "linux",
    any(target_arch = "x86_64", target_arch = "aarch64")
)))]
const P11KIT_MODULE_DIR: &str = "/usr/lib/pkcs11";

#[cfg(target_os = "linux")]
const WELL_KNOWN: &[(&str, &str)] = &[
    ("SoftHSM2", "/usr/lib/softhsm/libsofthsm2.so"),
    (
        "SoftHSM2",
        "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    ),
    ("SoftHSM2", "/usr/lib64/pkcs11/libsofthsm2.so"),
    ("SoftHSM2", "/usr/local/lib/softhsm/libsofthsm2.so"),
    ("OpenSC", "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"),
    (
        "OpenSC",
        "/usr/lib/x86_64-linux-gnu/pkcs11/opensc-pkcs11.so",
    ),
    ("OpenSC", "/usr/lib64/opensc-pkcs11.so"),
    ("OpenSC", "/usr/lib/opensc-pkcs11.so"),
    ("Rutoken", "/usr/lib/librtpkcs11ecp.so"),
    ("Rutoken", "/usr/lib/x86_64-linux-gnu/librtpkcs11ecp.so"),
    (
        "Rutoken",
        "/opt/aktivco/rutokenecp/x86_64/librtpkcs11ecp.so",
    ),
    ("SafeNet eToken", "/usr/lib/libeToken.so"),
    ("SafeNet eToken", "/usr/lib/libeTPkcs11.so"),
    ("SafeNet eToken", "/usr/lib64/libeTPkcs11.so"),
    ("JaCarta", "/usr/lib/libjcPKCS11-2.so"),
    ("JaCarta", "/usr/lib/x86_64-linux-gnu/libjcPKCS11-2.so"),
    ("YubiKey", "/usr/lib/x86_64-linux-gnu/libykcs11.so"),
    ("YubiKey", "/usr/lib64/libykcs11.so"),
    ("YubiKey", "/usr/local/lib/libykcs11.so"),
    ("CryptoPro", "/opt/cprocsp/lib/amd64/libcppkcs11.so"),
];

#[cfg(target_os = "macos")]
const WELL_KNOWN: &[(&str, &str)] = &[
    ("SoftHSM2", "/opt/homebrew/lib/softhsm/libsofthsm2.so"),
    ("SoftHSM2", "/usr/local/lib/softhsm/libsofthsm2.so"),
    ("OpenSC", "/Library/OpenSC/lib/opensc-pkcs11.so"),
    ("OpenSC", "/opt/homebrew/lib/opensc-pkcs11.so"),
    ("OpenSC", "/usr/local/lib/opensc-pkcs11.so"),
    (
        "Rutoken",
        "/Library/Frameworks/rtpkcs11ecp.framework/rtpkcs11ecp",
    ),
    ("Rutoken", "/usr/local/lib/librtpkcs11ecp.dylib"),
    ("SafeNet eToken", "/usr/local/lib/libeTPkcs11.dylib"),
    (
        "JaCarta",
        "/Library/Frameworks/jcPKCS11-2.framework/jcPKCS11-2",
    ),
    ("YubiKey", "/opt/homebrew/lib/libykcs11.dylib"),
    ("YubiKey", "/usr/local/lib/libykcs11.dylib"),
    ("CryptoPro", "/opt/cprocsp/lib/libcppkcs11.dylib"),
];

#[cfg(target_os = "windows")]
const WELL_KNOWN: &[(&str, &str)] = &[
    ("SoftHSM2", r"C:\SoftHSM2\lib\softhsm2-x64.dll"),
    ("OpenSC", r"C:\Windows\System32\opensc-pkcs11.dll"),
    (
        "OpenSC",
        r"C:\Program Files\OpenSC Project\OpenSC\pkcs11\opensc-pkcs11.dll",
    ),
    ("Rutoken", r"C:\Windows\System32\rtPKCS11ECP.dll"),
    ("SafeNet eToken", r"C:\Windows\System32\eTPKCS11.dll"),
    ("JaCarta", r"C:\Windows\System32\jcPKCS11-2.dll"),
    (
        "YubiKey",
        r"C:\Program Files\Yubico\Yubico PIV Tool\bin\libykcs11.dll",
    ),
    ("CryptoPro", r"C:\Program Files\Crypto Pro\CSP\cppkcs11.dll"),
];

#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
const WELL_KNOWN: &[(&str, &str)] = &[];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_files_skip_trust_stores_and_disabled_modules() {
        assert_eq!(
            parse_module_file("# comment\nmodule: opensc-pkcs11.so\ncritical: no\n"),
            Some("opensc-pkcs11.so".into())
        );
        assert_eq!(
            parse_module_file("module: p11-kit-trust.so\ntrust-policy: yes\n"),
            None
        );
        assert_eq!(
            parse_module_file("module: x.so\ndisable-in: tokenward firefox\n"),
            None
        );
        assert_eq!(
            parse_module_file("module: x.so\nenable-in: firefox\n"),
            None
        );
        assert_eq!(parse_module_file("critical: yes\n"), None);
    }

    #[test]
    fn p11kit_directories_resolve_relative_paths_and_deduplicate() {
        let dir = tempfile::tempdir().unwrap();
        let mods = dir.path().join("modules");
        std::fs::create_dir(&mods).unwrap();
        let lib = dir.path().join("libfake.so");
        std::fs::write(&lib, b"").unwrap();
        std::fs::write(mods.join("a.module"), "module: libfake.so\n").unwrap();
        std::fs::write(
            mods.join("b.module"),
            format!("module: {}\n", lib.display()),
        )
        .unwrap();
        std::fs::write(mods.join("ignored.txt"), "module: other.so\n").unwrap();
        let discovery = Discovery {
            p11kit_dirs: vec![mods.clone(), dir.path().join("missing")],
            p11kit_module_dir: dir.path().to_path_buf(),
            well_known: vec![("Fake", lib.clone()), ("Absent", dir.path().join("no.so"))],
        };
        let found = discovery.candidates(None, None);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].path, lib);
        assert_eq!(found[0].origin, Origin::P11Kit(mods.join("a.module")));
    }

    #[test]
    fn an_explicit_module_is_the_only_candidate() {
        let discovery = Discovery::system();
        let found = discovery.candidates(Some(Path::new("/x/y.so")), None);
        assert_eq!(
            found,
            vec![Candidate {
                path: "/x/y.so".into(),
                origin: Origin::Flag
            }]
        );
    }
}
